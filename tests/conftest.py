"""Browser fixtures: one headless Chromium per session, pages that may only load files.

Without Chromium or Playwright the browser tests skip locally and fail in CI
(when the ``CI`` environment variable is set): CI must never pass by skipping.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("GEOGRAPH_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).parent / "artifacts"
ALLOWED_SCHEMES = ("file:", "data:", "blob:", "about:")


def _unavailable(message: str):
    if os.environ.get("CI"):
        pytest.fail(f"{message} (CI is set: browser tests must run)", pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def browser():
    """A headless Debian Chromium driven by Playwright, shared by the session."""
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError:
        _unavailable("playwright is not installed (pip install 'geograph[test]')")
    if not Path(CHROMIUM).exists():
        _unavailable(f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    with sync_playwright() as pw:
        try:
            chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        except Error as err:
            _unavailable(f"Chromium at {CHROMIUM} did not start: {err}")
        yield chromium
        chromium.close()


class PageGuard:
    """What a page tried to do that a test must not allow."""

    def __init__(self):
        self.requests: list[str] = []  # every non-file request attempted
        self.errors: list[str] = []  # console errors and uncaught exceptions

    def problems(self) -> list[str]:
        return [f"network request: {u}" for u in self.requests] + self.errors


@pytest.fixture
def guard():
    return PageGuard()


@pytest.fixture
def page(browser, guard):
    """A fresh page whose every non-``file:`` request is recorded and aborted.

    The test fails at teardown if any such request was attempted, or if the
    page logged a console error or threw.
    """
    context = browser.new_context(viewport={"width": 1280, "height": 800}, accept_downloads=True)

    def route(r):
        if r.request.url.startswith(ALLOWED_SCHEMES):
            r.continue_()
        else:
            guard.requests.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    pg = context.new_page()
    # Requests the router might not see (it only intercepts some schemes).
    pg.on(
        "request",
        lambda req: (
            None
            if req.url.startswith(ALLOWED_SCHEMES) or req.url in guard.requests
            else guard.requests.append(req.url)
        ),
    )
    pg.on(
        "console",
        lambda msg: (
            guard.errors.append(f"console.{msg.type}: {msg.text}") if msg.type == "error" else None
        ),
    )
    pg.on("pageerror", lambda exc: guard.errors.append(f"page error: {exc}"))
    yield pg
    context.close()
    problems = guard.problems()
    if problems:
        pytest.fail("the page misbehaved:\n" + "\n".join(problems), pytrace=False)


@pytest.fixture
def screenshot(request):
    """``screenshot(page, name)`` saves a PNG into tests/artifacts/ and returns its path."""

    def take(pg, name: str, **kwargs) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        pg.screenshot(path=str(path), **kwargs)
        return path

    return take
