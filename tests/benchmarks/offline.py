"""One Chromium page for a benchmark: network blocked, page errors recorded."""

from __future__ import annotations

from typing import Any

LOCAL = ("file:", "data:", "blob:", "about:")


def offline_page(browser, width: int = 1280, height: int = 800) -> tuple[Any, Any, list, list]:
    """A fresh context and page: ``(context, page, blocked, errors)``.

    Every request that leaves the machine is aborted and its URL kept in
    ``blocked``; uncaught page errors go to ``errors``. Close the context
    when done.
    """
    context = browser.new_context(viewport={"width": width, "height": height})
    blocked: list[str] = []

    def route(r):
        if r.request.url.startswith(LOCAL):
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    return context, page, blocked, errors
