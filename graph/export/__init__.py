"""Write a dataset or its graph to other formats: node-link JSON, GraphML, GEXF, CSV.

Every file is written atomically: a failed export leaves any previous file
as it was.

Directedness follows the relations: a graph whose relations are all
directed is written as a directed graph, one whose relations are all
undirected as an undirected graph. A mixed graph is written as Gephi writes
one (GEXF: a type on every edge; GraphML: a directed graph with a
``directed`` attribute on every edge), or, with ``to_gexf(G,
mixed="directed")``, as a directed graph with that attribute, which every
reader accepts. README.md ("Exports") says which tool reads which. The CSV
tables are written by :mod:`graph.export.tables`.

Examples
--------
>>> import graph
>>> G = graph.load("data").to_networkx()
>>> direction(G)
'mixed'
"""

from __future__ import annotations

import functools
import io
import json
import re
import warnings
import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING, Any

from ..dataset import as_graph
from ..dates import interval
from .tables import csv_tables, source_files, write_csv

if TYPE_CHECKING:  # networkx is imported by the exports that use it: `geograph build` does without
    import networkx as nx


__all__ = [
    "to_node_link",
    "to_json",
    "to_graphml",
    "to_gexf",
    "write_csv",
    "source_files",
    "csv_tables",
    "direction",
    "FORMATS",
    "MIXED",
    "WEIGHT_COLUMNS",
]

FORMATS = ("json", "graphml", "gexf", "csv")
#: How :func:`to_gexf` writes a graph with both directed and undirected relations.
MIXED = ("gephi", "directed")
#: Relation columns that become the edge weight, the first one numeric in every row.
WEIGHT_COLUMNS = ("weight", "strength")


def _edges_arg() -> str:
    import inspect

    import networkx as nx

    # networkx 3.4 renamed node_link_data's "link" argument to "edges"; 3.2 and 3.3 know only "link".
    return "edges" if "edges" in inspect.signature(nx.node_link_data).parameters else "link"


def direction(G: nx.MultiDiGraph) -> str:
    """Whether the graph's relations are all ``"directed"``, all ``"undirected"`` or ``"mixed"``.

    An edge without a ``directed`` attribute counts as directed; a graph
    without edges is directed.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_edge("A", "B", directed=False)
    0
    >>> direction(G)
    'undirected'
    """
    G = as_graph(G)
    kinds = {bool(d.get("directed", True)) for _, _, d in G.edges(data=True)}
    if kinds == {False}:
        return "undirected"
    return "mixed" if len(kinds) == 2 else "directed"


def to_node_link(G: nx.MultiDiGraph) -> dict:
    """The graph as networkx node-link data, with every attribute.

    An edge attribute named ``key`` (the field that holds the edge's key,
    its relation id) is kept as ``key_``, as GraphML and GEXF keep it; read
    the data back with ``nx.node_link_graph(data, edges="edges")``.

    Examples
    --------
    >>> import graph
    >>> data = to_node_link(graph.load("data").to_networkx())
    >>> sorted(data)
    ['directed', 'edges', 'graph', 'multigraph', 'nodes']
    >>> data["edges"][0]["key"]
    'R01'
    """
    G = as_graph(G)
    import networkx as nx

    H = G.copy()
    for _, _, d in H.edges(data=True):
        if "key" in d:
            name = "key_"
            while name in d:
                name += "_"
            d[name] = d.pop("key")
    kwargs: dict[str, Any] = {_edges_arg(): "edges"}
    return nx.node_link_data(H, **kwargs)


def to_json(G: nx.MultiDiGraph) -> str:
    """:func:`to_node_link` as indented JSON text (UTF-8, not ASCII-escaped).

    Examples
    --------
    >>> import graph
    >>> json.loads(to_json(graph.load("data").to_networkx()))["multigraph"]
    True
    """
    G = as_graph(G)
    return json.dumps(to_node_link(G), ensure_ascii=False, indent=2) + "\n"


# Attribute names that networkx's GraphML/GEXF writers read as their own
# (edge key, drawing, hierarchy, time); a data column of that name is renamed
# with a trailing "_" so that it is kept as data.
_NODE_RESERVED = {"viz", "pid", "parents", "spells", "slices", "start", "end", "label"}
_EDGE_RESERVED = {
    "key",
    "viz",
    "spells",
    "slices",
    "networkx_key",
    "label",
    "start",
    "end",
    "type",
    "weight",
}
# What XML 1.0 cannot hold, even as a character reference.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


class _Cleaner:
    """Escapes what XML cannot hold (as ``\\xNN`` text) and counts where it did."""

    def __init__(self) -> None:
        self.count = 0
        self.first = ""

    def __call__(self, value: Any, where: str) -> Any:
        if not isinstance(value, str) or not _NOT_XML.search(value):
            return value
        self.count += 1
        self.first = self.first or where
        return _NOT_XML.sub(lambda m: f"\\x{ord(m.group()):02x}", value)

    def warn(self, fmt: str) -> None:
        if self.count:
            warnings.warn(
                f"{fmt}: {self.count} value(s) held control characters that XML cannot hold "
                f"(first: {self.first}); they are written as \\xNN text",
                stacklevel=3,
            )


def _flat(attrs: dict, reserved: set, clean: _Cleaner, where: str) -> dict:
    """Attributes that GraphML and GEXF can hold: no None or empty list, lists joined
    with ';', text XML can hold, and no name that the writers would take for their own."""
    out = {}
    for k, v in attrs.items():
        if v is None or v == []:  # an empty cell, as an empty aliases cell: no attribute
            continue
        k = clean(str(k), f"{where} column name")
        while k in reserved or k in out:
            k += "_"
        out[k] = clean(";".join(map(str, v)) if isinstance(v, list) else v, f"{where} {k}")
    return out


def _weight_column(G: nx.MultiDiGraph) -> str | None:
    """The first of :data:`WEIGHT_COLUMNS` that is a number on every edge that has it."""
    for name in WEIGHT_COLUMNS:
        values = [d[name] for _, _, d in G.edges(data=True) if d.get(name) is not None]
        if values and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values):
            return name
    return None


def _dates(d: dict) -> dict:
    """Gephi's timeline wants whole days: a partial date covers its period.

    The same days go into the ``start_date``/``end_date`` attributes, which
    readers that drop GEXF's own intervals (graphology, so Gephi Lite) keep.
    """
    first, last = interval(d.get("start"), d.get("end"))
    out = {}
    if d.get("start") and first:
        out["start"] = out["start_date"] = first.isoformat()
    if d.get("end") and last:
        out["end"] = out["end_date"] = last.isoformat()
    return out


def _flat_graph(G: nx.MultiDiGraph, fmt: str, mixed: str = "gephi") -> tuple[nx.Graph, _Cleaner]:
    import networkx as nx

    kind = direction(G)
    H: nx.Graph = nx.MultiGraph() if kind == "undirected" else nx.MultiDiGraph()
    clean = _Cleaner()
    H.graph["name"] = clean(str(G.graph.get("name", "")), "graph name")
    if fmt == "graphml":  # GEXF's graph attributes are its <meta> (to_gexf)
        H.graph.update(_graph_attributes(G, clean))
    weight = _weight_column(G)
    ids = {n: clean(str(n), f"actor id {n!r}") for n in G}
    for n, d in G.nodes(data=True):
        attrs = _flat(d, _NODE_RESERVED, clean, f"actor {n!r}")
        attrs.pop("id", None)
        attrs["label"] = clean(str(d.get("name", n)), f"actor {n!r} name")
        H.add_node(ids[n], **attrs)
    for u, v, k, d in G.edges(keys=True, data=True):
        where = f"relation {k!r}"
        # GEXF: the edge's own source and target are the relation's; as attributes too they
        # would be a second Source and Target column in Gephi's edges table (and its CSV)
        left_out = ("start", "end", "source", "target") if fmt == "gexf" else ("start", "end")
        plain = {key: value for key, value in d.items() if key not in left_out}
        attrs = _flat(plain, _EDGE_RESERVED, clean, where)
        attrs["label"] = clean(str(d.get("relation", "")), f"{where} relation")
        if weight and d.get(weight) is not None:
            attrs["weight"] = d[weight]
        if fmt == "gexf":
            attrs.update(_dates(d))
            if kind == "mixed" and mixed == "gephi":
                attrs["type"] = "directed" if d.get("directed", True) else "undirected"
        else:
            attrs.update({key: d[key] for key in ("start", "end") if d.get(key)})
        H.add_edge(ids[u], ids[v], key=clean(str(k), f"{where} id"), **attrs)
    return H, clean


def _graph_attributes(G: nx.MultiDiGraph, clean: _Cleaner) -> dict[str, str]:
    """The graph's own data as GraphML and GEXF hold it: ``name``, ``title``, and
    ``sources`` and ``relation_types`` as JSON text (neither format holds mappings)."""
    out = {"name": clean(str(G.graph.get("name", "")), "graph name")}
    if G.graph.get("title"):
        out["title"] = clean(str(G.graph["title"]), "graph title")
    for name in ("sources", "relation_types"):
        text = json.dumps(G.graph.get(name, {}), ensure_ascii=False, default=str)
        out[name] = clean(text, name)
    return out


def _boolean_gaps(H: nx.Graph) -> str:
    """The boolean attributes that some actors or relations lack, with how many lack each.

    python-igraph reads a boolean that GraphML leaves out as false (its
    numbers as NaN, its text as ""): a gap there reads as a value.
    """
    gaps = []
    for what, items in (
        ("actor", [d for _, d in H.nodes(data=True)]),
        ("relation", [d for *_, d in H.edges(data=True)]),
    ):
        names = dict.fromkeys(k for d in items for k, v in d.items() if isinstance(v, bool))
        for name in names:
            lacking = sum(name not in d for d in items)
            if lacking:
                gaps.append(f"{name} on {lacking} {what}{'s' if lacking != 1 else ''}")
    return ", ".join(gaps)


def to_graphml(G: nx.MultiDiGraph) -> bytes:
    """The graph as GraphML (for Cytoscape, yEd, igraph); lists become ';'-joined text.

    Numbers stay numbers (GraphML ``long``/``double``); a numeric
    ``weight`` (else ``strength``) column is also written as the edge
    ``weight``. Each key is declared once, with an id of its own. The
    relation id is the edges' ``id`` data, and edges have no GraphML ``id``
    of their own: python-igraph 1.0 reads that as the source actor's id and
    warns of the clash with the data on every read (see :func:`_graphml_writer`).

    Examples
    --------
    >>> import graph
    >>> to_graphml(graph.load("data").to_networkx())[:38]
    b"<?xml version='1.0' encoding='utf-8'?>"
    """
    G = as_graph(G)
    H, clean = _flat_graph(G, "graphml")
    buf = io.BytesIO()
    writer = _graphml_writer()(encoding="utf-8")
    writer.add_graph_element(H)
    writer.dump(buf)
    clean.warn("GraphML")
    gaps = _boolean_gaps(H)
    if gaps:
        warnings.warn(
            f"GraphML: a boolean is empty ({gaps}); python-igraph reads an empty boolean "
            "as false (networkx reads no attribute)",
            stacklevel=2,
        )
    return buf.getvalue()


@functools.cache
def _graphml_writer() -> type:
    """networkx's GraphML writer (the plain-XML one, whatever is installed), without edge ids.

    For a multigraph networkx writes each edge key as the edge's ``id``;
    python-igraph 1.0 reads those ids wrongly (each edge gets a vertex's id)
    and, as the ``id`` data is there too, warns "Could not add edge ids" on
    every read. The relation id is kept as data, which every reader keeps.
    Made on first use, as networkx is imported then.
    """
    from networkx.readwrite.graphml import GraphMLWriter

    class Writer(GraphMLWriter):
        def add_edges(self, G: nx.Graph, graph_element: Any) -> None:
            default = G.graph.get("edge_default", {})
            for u, v, data in G.edges(data=True):
                element = self.myElement("edge", source=str(u), target=str(v))
                self.add_attributes("edge", element, data, default)
                graph_element.append(element)

    return Writer


def to_gexf(G: nx.MultiDiGraph, *, mixed: str = "gephi") -> bytes:
    """The graph as GEXF 1.2 with start/end as dynamic intervals (Gephi's timeline).

    Parameters
    ----------
    G : networkx.MultiDiGraph or graph.Dataset
        A graph from :meth:`graph.Dataset.to_networkx`.
    mixed : {"gephi", "directed"}
        For a graph with both directed and undirected relations:
        ``"gephi"`` writes a type on every edge, as Gephi does (Gephi and
        graphology read it, networkx does not); ``"directed"`` writes a
        directed graph whose edges carry the ``directed`` attribute (every
        reader accepts it). Graphs of one kind ignore it.

    Examples
    --------
    >>> import graph
    >>> b'defaultedgetype="directed"' in to_gexf(graph.load("data").to_networkx())
    True
    """
    G = as_graph(G)
    if mixed not in MIXED:
        msg = f"mixed={mixed!r}: choose one of {', '.join(MIXED)}"
        raise ValueError(msg)
    from networkx.readwrite.gexf import GEXFWriter

    H, clean = _flat_graph(G, "gexf", mixed)
    writer = GEXFWriter(encoding="utf-8")
    meta = writer.xml.find("meta")
    assert meta is not None  # networkx's writer makes it, with its <creator>
    for name, text in _graph_attributes(G, clean).items():
        ET.SubElement(meta, name).text = text
    writer.add_graph(H)
    buf = io.BytesIO()
    writer.write(buf)
    clean.warn("GEXF")
    return buf.getvalue()
