"""What the page benchmarks share: an offline Chromium page, a synthetic page per size, one command line.

- :func:`offline_page`: a fresh context and page, network blocked, page errors recorded;
- :func:`measure_page`: open a page offline, wait until it is ready, evaluate a
  script in it, and raise if the page misbehaved (an error, a request);
- :func:`run_sizes`: one synthetic dataset per size (``synthetic.py``), rendered
  by :func:`graph.render_html`, measured, one row each;
- :func:`run_command`: ``--small`` (and ``--repeat N``), Chromium launched, the
  rows measured and their table printed.
"""

from __future__ import annotations

import argparse
import contextlib
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from .synthetic import make_dataset

LOCAL = ("file:", "data:", "blob:", "about:")
READY = "window.geograph && window.geograph.ready === true"
Sizes = dict[str, tuple[int, int]]


def offline_page(
    browser, width: int = 1280, height: int = 800, **options: Any
) -> tuple[Any, Any, list, list]:
    """A fresh context (``options`` as for ``new_context``) and page: ``(context, page, blocked, errors)``.

    Every request that leaves the machine is aborted and its URL kept in
    ``blocked``; uncaught page errors go to ``errors``. Close the context
    when done.
    """
    context = browser.new_context(viewport={"width": width, "height": height}, **options)
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


def measure_page(browser, path: Path, script: str, arg: Any = None, timeout_ms: int = 180_000):
    """Open ``path`` offline in a fresh context, wait for ready, and return ``script(arg)``'s value.

    Raises :class:`RuntimeError` when the page threw or tried to reach the
    network: its figures would not be those of the page the user gets.
    """
    context, page, blocked, errors = offline_page(browser)
    try:
        page.set_default_timeout(timeout_ms)
        page.goto(Path(path).resolve().as_uri(), wait_until="load", timeout=timeout_ms)
        page.wait_for_function(READY, timeout=timeout_ms, polling=50)
        figures = page.evaluate(script, arg)
    finally:
        context.close()
    if errors or blocked:
        raise RuntimeError(f"the page misbehaved: {errors}, requests {blocked}")
    return figures


def run_sizes(sizes: Sizes, measure: Callable[[Path], dict], name: str) -> list[dict]:
    """For each size, a synthetic dataset rendered to a page and measured: ``{size, actors, relations, **figures}``."""
    import graph

    rows = []
    with tempfile.TemporaryDirectory(prefix=f"geograph-bench-{name}-") as tmp:
        for label, (actors, relations) in sizes.items():
            data = make_dataset(Path(tmp) / label, actors, relations)
            page = graph.render_html(graph.load(data).to_networkx(), Path(tmp) / f"{label}.html")
            rows.append({"size": label, "actors": actors, "relations": relations, **measure(page)})
    return rows


@contextlib.contextmanager
def chromium() -> Iterator[Any]:
    """Headless Debian Chromium, launched as the view benchmark launches it."""
    from playwright.sync_api import sync_playwright

    from .bench_view import CHROMIUM, CHROMIUM_ARGS  # imported here: bench_view imports this module

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def run_command(
    argv: list[str] | None,
    doc: str,
    sizes: tuple[Sizes, Sizes],
    run: Callable[..., list[dict]],
    table: Callable[[list[dict]], str],
    repeat: tuple[int, int] | None = None,
) -> str:
    """A page benchmark's command line: ``--small`` for ``sizes[1]``, else ``sizes[0]``; prints the table.

    With ``repeat`` (full, small), ``--repeat N`` is offered and passed to
    ``run`` as ``repeat``, by default ``repeat[0]`` (``repeat[1]`` with ``--small``).
    """
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--small", action="store_true", help="a small size (for CI)")
    if repeat is not None:
        parser.add_argument(
            "--repeat", type=int, default=None, help=f"runs per figure (default {repeat[0]})"
        )
    args = parser.parse_args(argv)
    options = {}
    if repeat is not None:
        options["repeat"] = args.repeat or repeat[1 if args.small else 0]
    with chromium() as browser:
        rows = run(browser, sizes[1] if args.small else sizes[0], **options)
    text = table(rows)
    print(text)
    return text
