"""The tools people open exports with, as the tests call them, and small datasets to export.

networkx and python-igraph read in process; graphology-gexf (Gephi Lite's
parser) runs under Node from ``tests/js`` (``npm ci`` there). Without Node
or its packages the graphology tests skip on a workstation and fail in CI
(when ``CI`` is set).
"""

from __future__ import annotations

import inspect
import io
import json
import os
import shutil
import subprocess
import warnings
from pathlib import Path

import networkx as nx
import pytest

JS = Path(__file__).parent / "js"

# networkx 3.4 renamed node_link_graph's "link" argument to "edges".
_EDGES = "edges" if "edges" in inspect.signature(nx.node_link_graph).parameters else "link"

ACTORS = """id,name,type,population,founded,code
A,Ålesund “Á”,group,1200,1990,007
B,"Bee, the second",organization,34,2001.5,012
C,Ce\u0301dric de la Tour-d'Auvergne et des Pyrénées-Orientales,person,,1975,x
"""
RELATIONS = '''id,source,target,relation,directed,status,start,end,quote,events,goldstein_mean,mentions,weight,key
R1,A,B,support,{d1},fact,2017,2018-06,"a ""quote""",3,2.5,10,3,k1
R2,B,C,threaten,{d2},claim,2020-06-16,,,34,-6,7,34,k2
R3,C,A,consult,{d3},fact,,,,1,0.25,,1.5,k3
'''
DIRECTEDNESS = {
    "directed": ("true", "true", "true"),
    "undirected": ("false", "false", "false"),
    "mixed": ("true", "false", "true"),
}


def dataset(folder: Path, kind: str) -> Path:
    """A small dataset whose relations are all directed, all undirected or mixed."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "actors.csv").write_text(ACTORS, "utf-8")
    d1, d2, d3 = DIRECTEDNESS[kind]
    (folder / "relations.csv").write_text(RELATIONS.format(d1=d1, d2=d2, d3=d3), "utf-8")
    return folder


def node_link_graph(text: str) -> nx.Graph:
    """networkx's own reader of node-link JSON, with the keys the export uses."""
    kwargs = {_EDGES: "edges"}
    return nx.node_link_graph(json.loads(text), **kwargs)


def read_gexf(data: bytes) -> nx.Graph:
    return nx.read_gexf(io.BytesIO(data))


def read_graphml(data: bytes) -> nx.Graph:
    return nx.read_graphml(io.BytesIO(data))


def igraph_graphml(data: bytes, tmp_path: Path):
    """python-igraph's GraphML reader (it reads files, not bytes)."""
    igraph = pytest.importorskip("igraph")
    path = tmp_path / "export.graphml"
    path.write_bytes(data)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # igraph warns of what it could not read: a defect
        return igraph.Graph.Read_GraphML(str(path))


def _unavailable(message: str):
    if os.environ.get("CI"):
        pytest.fail(f"{message} (CI is set: the graphology tests must run)", pytrace=False)
    pytest.skip(message)


def graphology_gexf(data: bytes, tmp_path: Path) -> dict:
    """What graphology-gexf reads from a GEXF file: type, graph attributes, nodes and edges with attributes."""
    node = shutil.which("node")
    if node is None:
        _unavailable("node is not installed")
    if not (JS / "node_modules" / "graphology-gexf").is_dir():
        _unavailable(f"graphology-gexf is not installed: run npm ci in {JS}")
    path = tmp_path / "export.gexf"
    path.write_bytes(data)
    done = subprocess.run(
        [str(node), str(JS / "read_gexf.js"), str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)
