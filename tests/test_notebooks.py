"""Notebooks run as tests: executed top to bottom with a real kernel, stored without outputs."""

import json
import re
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOKS = sorted((Path(__file__).resolve().parent.parent / "notebooks").glob("*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_is_stored_without_outputs(path):
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, (
                "strip outputs before committing"
            )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_runs(path, tmp_path):
    nb = nbformat.read(path, as_version=4)
    NotebookClient(
        nb, timeout=180, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    ).execute()
    errors = [
        o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"
    ]
    assert errors == []
    if path.name == "explore.ipynb":
        html = [
            o["data"]["text/html"]
            for c in nb.cells
            if c.cell_type == "code"
            for o in c.outputs
            if "text/html" in o.get("data", {})
        ]
        # the inline view is an iframe holding the whole page: it survives export to HTML
        assert any("<iframe" in h and "srcdoc=" in h for h in html)
        text = "".join(
            o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs
        )
        assert "2020-06 frustration 0" in text
        data = [o.get("data", {}) for c in nb.cells if c.cell_type == "code" for o in c.outputs]
        # the Explorer is a widget view; the state it opened in is in the page it carries
        assert any("application/vnd.jupyter.widget-view+json" in d for d in data)
        assert any("location.hash = &quot;#date=2018&amp;focus=PRK" in h for h in html)
        frames = [d["text/html"] for d in data if "text/html" in d and "<table" in d["text/html"]]
        assert any("R13" in h and "PRK" in h for h in frames)  # the selected actor's relations
        assert any("('2018', 'PRK')" in d.get("text/plain", "") for d in data)
        _the_stated_size_is_the_saved_size(nb)
    assert not list(path.parent.glob("*.html")), "showing the view must not write files"


def _the_stated_size_is_the_saved_size(nb) -> None:
    """Where the notebook, show's docstring and the README say what an inline view
    weighs ("about 1 MB"), each show output of the run notebook weighs about that."""
    import graph

    saved = [
        len(json.dumps(o, ensure_ascii=False).encode()) / 1e6
        for c in nb.cells
        if c.cell_type == "code"
        for o in c.outputs
        if "srcdoc=" in o.get("data", {}).get("text/html", "")
    ]
    notes = [c.source for c in nb.cells if c.cell_type == "markdown"]
    readme = (NOTEBOOKS[0].parent.parent / "README.md").read_text("utf-8")
    stated = {
        where: [float(x) for x in re.findall(r"about (\d+(?:\.\d+)?) MB", " ".join(text.split()))]
        for where, text in (
            ("notebook", "\n".join(notes)),
            ("graph.show", graph.show.__doc__ or ""),
            ("README", readme.split("What a view costs")[1][:300]),
        )
    }
    assert len(saved) == 3 and all(stated.values()), stated
    for where, sizes in stated.items():
        for size in sizes:
            assert all(0.75 * size <= s <= 1.25 * size for s in saved), (where, size, saved)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_every_heading_is_followed_by_its_own_content(path):
    """A ``##`` heading cell is never followed straight by another heading of its level."""
    cells = nbformat.read(path, as_version=4).cells
    for cell, after in zip(cells, cells[1:]):
        bare = cell.cell_type == "markdown" and cell.source.startswith("## ")
        if bare and "\n" not in cell.source.strip():  # a bare heading: what follows is its body
            assert not after.source.startswith("## "), cell.source


def test_the_diff_sits_under_its_heading():
    cells = nbformat.read(NOTEBOOKS[0].parent / "explore.ipynb", as_version=4).cells
    heading = next(i for i, c in enumerate(cells) if c.source.startswith("## What changed"))
    assert "graph.diff(" in cells[heading + 1].source
