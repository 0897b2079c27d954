"""A command imports only what it uses: the heavy libraries only when the data needs them.

Each case runs the command in a fresh interpreter (imports are per process)
through a small runner that calls the CLI and then writes the names of the
imported top-level packages to a file. A top-level ``import networkx`` (or
numpy, jinja2, ...) added back to a module the command reaches fails here.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from benchmarks.synthetic import make_dataset

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"

# Never needed by these commands on these data.
HEAVY = {"jinja2", "markupsafe", "pandas", "pyarrow", "rapidfuzz", "webbrowser"}
# What the graph analyses use: the blocs (networkx; numpy and scipy for a block
# that is not balanced) and betweenness, which the page ships for small graphs only.
ANALYSES = {"networkx", "numpy", "scipy"}

_RUNNER = """
import json, sys
from graph.cli import cli
out, args = sys.argv[1], sys.argv[2:]
try:
    cli.main(args, prog_name="geograph", standalone_mode=False)
    code = 0
except SystemExit as stop:
    code = stop.code
with open(out, "w") as fh:
    json.dump({"code": code, "modules": sorted({m.split(".")[0] for m in sys.modules})}, fh)
"""


def imported(tmp_path: Path, *args: str | Path) -> set[str]:
    """The top-level packages imported by ``geograph ARGS`` run in its own process."""
    out = tmp_path / "modules.json"
    run = subprocess.run(
        [sys.executable, "-c", _RUNNER, str(out), *map(str, args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    found = json.loads(out.read_text())
    assert found["code"] in (0, None), run.stderr
    return set(found["modules"])


@pytest.fixture(scope="module")
def large(tmp_path_factory) -> Path:
    """More actors than the page computes blocs and betweenness for (200)."""
    return make_dataset(tmp_path_factory.mktemp("large"), 300, 900)


def test_import_graph_cli_is_light(tmp_path):
    mods = imported(tmp_path, "--help")
    assert not mods & (HEAVY | ANALYSES)


def test_check_imports_no_heavy_library(tmp_path):
    mods = imported(tmp_path, "check", DATA, "-q")
    assert not mods & (HEAVY | ANALYSES)


def test_build_of_a_large_graph_imports_no_heavy_library(tmp_path, large):
    page = tmp_path / "large.html"
    mods = imported(tmp_path, "build", large, "-o", page, "-q")
    assert page.stat().st_size > 0
    assert not mods & (HEAVY | ANALYSES)


def test_build_of_the_shipped_data_imports_only_its_analyses(tmp_path):
    page = tmp_path / "graph.html"
    mods = imported(tmp_path, "build", DATA, "-o", page, "-q")
    assert b'"balance"' in page.read_bytes()
    assert not mods & HEAVY
    assert "networkx" in mods  # its blocs and betweenness: the runner does see imports


def test_export_imports_networkx_where_it_is_used(tmp_path):
    mods = imported(tmp_path, "export", DATA, "-f", "json", "-o", tmp_path / "g.json")
    assert "networkx" in mods
    assert not mods & {"jinja2", "pandas", "rapidfuzz"}


def test_library_still_gives_networkx_graphs():
    import networkx as nx

    import graph

    G = graph.load(DATA).to_networkx()
    assert isinstance(G, nx.MultiDiGraph)
    assert isinstance(graph.backbone(G, 0.5), nx.Graph)
    assert graph.frustration(G).index >= 0
    assert len(graph.balance.blocs(G, k=2).groups) <= 2


def test_page_is_what_jinja2_renders_of_the_template():
    """The template is filled as Jinja2 with autoescaping fills it (graph/view.py)."""
    import jinja2
    import networkx as nx
    from markupsafe import Markup

    from graph import view

    title = "<b>\"R&D\"</b> 'x' </script><!-- {{ payload }}"
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(view._TEMPLATES)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    G = nx.MultiDiGraph(name="demo")
    G.add_node("PRK", name="North Korea")
    payload = view.page_payload(G, title=title)
    assets = {k: Markup(v) for k, v in view._assets().items()}
    expected = env.get_template("view.html").render(
        title=payload["title"], payload=Markup(view.payload_json(payload)), **assets
    )
    assert view.to_html(G, title=title) == expected
    assert "&lt;b&gt;&#34;R&amp;D&#34;&lt;/b&gt; &#39;x&#39;" in expected
