"""Helpers for the Explorer widget's browser tests: reach the view inside its iframe."""

from __future__ import annotations

VIEW_READY = "window.geograph && window.geograph.ready === true"


def view_frame(page, timeout: float = 30_000):
    """The frame holding the geograph page, once its view is ready."""
    handle = page.wait_for_selector("iframe.geograph-explorer", timeout=timeout)
    frame = handle.content_frame()
    frame.wait_for_function(VIEW_READY, timeout=timeout)
    return frame


def click_actor(page, frame, actor: str) -> None:
    """Click an actor's node as a user would, with the mouse on the page."""
    p = frame.evaluate(
        """(id) => {
            const g = window.geograph, net = g.network;
            const d = net.canvasToDOM(net.getPosition(g.visId(id)));
            const r = document.querySelector("#gg-network canvas").getBoundingClientRect();
            return {x: r.left + d.x, y: r.top + d.y};
        }""",
        actor,
    )
    box = frame.frame_element().bounding_box()
    page.mouse.click(box["x"] + p["x"], box["y"] + p["y"])


def view_state(frame) -> dict:
    """What the page shows: date text, focused actor, selected relation."""
    return frame.evaluate(
        """() => { const s = window.geograph.state;
            return {date: s.date ? s.date.text : null, focus: s.focus, edge: s.edge}; }"""
    )
