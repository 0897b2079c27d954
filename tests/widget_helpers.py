"""Helpers for the Explorer widget's browser tests: reach the view inside its iframe."""

from __future__ import annotations

VIEW_READY = "window.geograph && window.geograph.ready === true"


def view_frame(page, timeout: float = 30_000):
    """The frame holding the geograph page, once its view is ready."""
    handle = page.wait_for_selector("iframe.geograph-explorer", timeout=timeout)
    frame = handle.content_frame()
    frame.wait_for_function(VIEW_READY, timeout=timeout)
    return frame


def _actor_point(page, frame, actor: str) -> dict:
    p = frame.evaluate(
        """(id) => {
            const g = window.geograph, net = g.network;
            document.querySelector("#gg-network").scrollIntoView({block: "nearest"});
            const d = net.canvasToDOM(net.getPosition(g.visId(id)));
            const r = document.querySelector("#gg-network canvas").getBoundingClientRect();
            return {x: r.left + d.x, y: r.top + d.y};
        }""",
        actor,
    )
    box = frame.frame_element().bounding_box()
    return {"x": round(box["x"] + p["x"]), "y": round(box["y"] + p["y"])}


def click_actor(page, frame, actor: str) -> None:
    """Click an actor's node as a user would, with the mouse on the page.

    Waits until the node stays where it is (the host may still resize the
    frame, and the view re-fit itself, right after the view is ready).
    """
    p = _actor_point(page, frame, actor)
    for _ in range(50):
        page.wait_for_timeout(200)
        again = _actor_point(page, frame, actor)
        if again == p:
            break
        p = again
    page.mouse.move(p["x"], p["y"])
    page.wait_for_timeout(100)
    page.mouse.click(p["x"], p["y"])


def view_state(frame) -> dict:
    """What the page shows: date text, focused actor, selected relation."""
    return frame.evaluate(
        """() => { const s = window.geograph.state();
            return {date: s.date, focus: s.focus, edge: s.edge}; }"""
    )
