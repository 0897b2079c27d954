"""The Explorer and show() in a real JupyterLab, in Chromium, with no request leaving the page.

JupyterLab (from the package index) runs on 127.0.0.1 with a token and its
own configuration folders; every request of the page that is not for that
server is aborted and fails the test. One notebook is run through the UI: a
click on North Korea in the widget reads back as ``explorer.selected ==
"PRK"`` in the kernel, and a trait set from the kernel moves the view. A
saved, untrusted notebook holding a show() output says what is missing.
"""

from __future__ import annotations

import os
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from tests.widget_helpers import click_actor, view_frame, view_state

pytestmark = pytest.mark.browser

DATA = Path(__file__).resolve().parent.parent / "data"
LOCAL = ("http://127.0.0.1:", "ws://127.0.0.1:", "data:", "blob:", "about:")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """A JupyterLab server on 127.0.0.1: (base URL, token, notebook folder)."""
    pytest.importorskip("jupyterlab")
    pytest.importorskip("anywidget")
    root = tmp_path_factory.mktemp("lab")
    home = root / "home"
    notebooks = root / "notebooks"
    notebooks.mkdir()
    home.mkdir()
    port, token = _free_port(), secrets.token_hex(16)
    env = dict(
        os.environ,
        HOME=str(home),
        JUPYTER_CONFIG_DIR=str(home / "config"),
        JUPYTER_RUNTIME_DIR=str(home / "runtime"),
        JUPYTERLAB_SETTINGS_DIR=str(home / "settings"),
        JUPYTERLAB_WORKSPACES_DIR=str(home / "workspaces"),
    )
    log = (root / "server.log").open("w")
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "jupyterlab",
            "--no-browser",
            "--allow-root",
            "--LabApp.extension_manager=readonly",
            "--ServerApp.ip=127.0.0.1",
            f"--ServerApp.port={port}",
            "--ServerApp.port_retries=0",
            f"--IdentityProvider.token={token}",
            f"--ServerApp.root_dir={notebooks}",
            "--LabApp.news_url=",
            "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        ],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2)
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    log.flush()
                    pytest.fail("JupyterLab did not start:\n" + (root / "server.log").read_text())
                time.sleep(0.3)
        yield base, token, notebooks
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


@pytest.fixture
def lab_page(browser):
    """A page that may only talk to the local server; yields (page, problems)."""
    context = browser.new_context(viewport={"width": 1400, "height": 1200})
    problems: list[str] = []

    def route(r):
        if r.request.url.startswith(LOCAL):
            r.continue_()
        else:
            problems.append(f"network request: {r.request.url}")
            r.abort()

    context.route("**/*", route)
    pg = context.new_page()
    pg.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
    yield pg, problems
    context.close()
    assert problems == []


def _notebook(path: Path, sources: list[str]) -> None:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(s) for s in sources]
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nbformat.write(nb, path)


def _open(page, base: str, token: str, name: str) -> None:
    # a workspace of its own, reset: no tab of another test comes back
    page.goto(f"{base}/lab/workspaces/{Path(name).stem}/tree/{name}?reset&token={token}")
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=60_000)
    page.locator(".jp-StatusBar-TextItem", has_text="Idle").first.wait_for(timeout=60_000)


def _run_cell(page, index: int) -> None:
    cell = page.locator(".jp-Notebook .jp-Cell").nth(index)
    cell.locator(".jp-InputArea-editor").click()
    page.keyboard.press("Shift+Enter")
    cell.locator(".jp-InputPrompt").filter(has_text=re.compile(r"\[\d+\]")).wait_for(timeout=60_000)


def _wait_output(page, index: int, text: str) -> str:
    out = page.locator(".jp-Notebook .jp-Cell").nth(index).locator(".jp-OutputArea-output")
    out.filter(has_text=text).first.wait_for(timeout=30_000)
    return out.all_inner_texts()[-1]


def test_click_in_the_widget_reaches_the_kernel_and_back(lab, lab_page):
    base, token, folder = lab
    page, _ = lab_page
    _notebook(
        folder / "explorer.ipynb",
        [
            "import graph\n"
            f"G = graph.load({str(DATA)!r}).to_networkx()\n"
            'explorer = graph.Explorer(G, date="2020-06", height="700px")\n'
            "explorer",
            'print("selected:", explorer.selected)',
            'explorer.date = "2018"\nexplorer.selected = "USA"',
        ],
    )
    _open(page, base, token, "explorer.ipynb")
    _run_cell(page, 0)
    frame = view_frame(page, timeout=60_000)
    assert view_state(frame)["date"] == "2020-06"
    click_actor(page, frame, "PRK")
    frame.wait_for_function("window.geograph.state().focus === 'PRK'")
    # the state crosses to the kernel by the widget's comm, on its own time:
    # ask again until the kernel has it (an earlier answer can only be "None")
    deadline = time.monotonic() + 30
    while True:
        _run_cell(page, 1)
        answer = _wait_output(page, 1, "selected:")
        if "selected: PRK" in answer or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    assert "selected: PRK" in answer
    _run_cell(page, 2)
    frame.wait_for_function(
        "window.geograph.state().date === '2018' && window.geograph.state().focus === 'USA'",
        timeout=15_000,
    )


def test_untrusted_notebook_says_what_is_missing(lab, lab_page):
    base, token, folder = lab
    page, _ = lab_page
    path = folder / "saved.ipynb"
    _notebook(
        path,
        [
            f"import graph\nG = graph.load({str(DATA)!r}).to_networkx()\ngraph.show(G)",
            'graph.Explorer(G, date="2020-06")',
        ],
    )
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=120, kernel_name="python3").execute()
    nbformat.write(nb, path)  # saved with outputs, and signed by no one: untrusted
    _open(page, base, token, "saved.ipynb")
    cells = page.locator(".jp-Notebook .jp-Cell")
    output = cells.nth(0).locator(".jp-OutputArea-output")
    output.filter(has_text="not trusted").first.wait_for(timeout=30_000)
    text = output.first.inner_text()
    assert "Trust the notebook" in text and "open the exported page" in text
    assert page.locator(".jp-Notebook iframe").count() == 0
    # the Explorer's output says what it is, not <graph.widget.Explorer object at 0x...>
    explorer = cells.nth(1).locator(".jp-OutputArea-output")
    explorer.filter(has_text="geograph Explorer of").first.wait_for(timeout=30_000)
    assert "Run the cell to see it" in explorer.first.inner_text()
    # the note's way to trust works in this JupyterLab: the command palette's "Trust Notebook"
    assert 'command palette (Ctrl+Shift+C) and run "Trust Notebook"' in text
    cells.nth(0).locator(".jp-InputPrompt").click()  # command mode, not in an editor
    page.keyboard.press("Control+Shift+C")
    page.locator(".lm-CommandPalette-input").fill("Trust Notebook")
    page.locator(".lm-CommandPalette-item", has_text="Trust Notebook").first.click()
    page.locator(".jp-Dialog button", has_text="Trust").last.click()
    page.locator(".jp-Notebook iframe.geograph-view").wait_for(timeout=30_000)
