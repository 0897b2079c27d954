"""Write a dataset or its graph to other formats: node-link JSON, GraphML, GEXF, CSV.

Every file is written atomically: a failed export leaves any previous file
as it was.
"""

from __future__ import annotations

import io
import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import networkx as nx

from .dates import interval
from .schema import ACTOR_COLUMNS, RELATION_COLUMNS, SOURCE_COLUMNS, VOCABULARY_COLUMNS
from .vocabulary import default_vocabulary
from .write import write_dataset

if TYPE_CHECKING:
    from .dataset import Dataset

__all__ = ["to_node_link", "to_json", "to_graphml", "to_gexf", "write_csv", "csv_tables", "FORMATS"]

FORMATS = ("json", "graphml", "gexf", "csv")


def to_node_link(G: nx.MultiDiGraph) -> dict:
    """The graph as networkx node-link data, with every attribute.

    Examples
    --------
    >>> import graph
    >>> data = to_node_link(graph.load("data").to_networkx())
    >>> sorted(data)
    ['directed', 'edges', 'graph', 'multigraph', 'nodes']
    >>> data["edges"][0]["key"]
    'R01'
    """
    return nx.node_link_data(G, edges="edges")


def to_json(G: nx.MultiDiGraph) -> str:
    """:func:`to_node_link` as indented JSON text (UTF-8, not ASCII-escaped)."""
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


def _flat(attrs: dict, reserved: set) -> dict:
    """Attributes that GraphML and GEXF can hold: no None, lists joined with ';',
    and no name that the writers would take for their own."""
    out = {}
    for k, v in attrs.items():
        if v is None:
            continue
        while k in reserved or k in out:
            k += "_"
        out[k] = ";".join(v) if isinstance(v, list) else v
    return out


def _flat_graph(G: nx.MultiDiGraph, dynamic: bool) -> nx.MultiDiGraph:
    H = nx.MultiDiGraph(name=G.graph.get("name", ""))
    H.graph["sources"] = json.dumps(G.graph.get("sources", {}), ensure_ascii=False)
    for n, d in G.nodes(data=True):
        attrs = _flat(d, _NODE_RESERVED)
        attrs.pop("id", None)
        attrs["label"] = d.get("name", n)
        H.add_node(n, **attrs)
    for u, v, k, d in G.edges(keys=True, data=True):
        attrs = _flat(
            {key: value for key, value in d.items() if key not in ("start", "end")}, _EDGE_RESERVED
        )
        attrs["label"] = d.get("relation", "")
        if dynamic:
            # Gephi's timeline wants whole days: a partial date covers its period.
            first, last = interval(d.get("start"), d.get("end"))
            if d.get("start"):
                attrs["start_date"] = d["start"]
                attrs["start"] = first.isoformat()
            if d.get("end"):
                attrs["end_date"] = d["end"]
                attrs["end"] = last.isoformat()
            if not d.get("directed", True):
                attrs["type"] = "undirected"  # GEXF's own per-edge direction
        else:
            attrs.update({key: d[key] for key in ("start", "end") if d.get(key)})
        H.add_edge(u, v, key=k, **attrs)
    return H


def to_graphml(G: nx.MultiDiGraph) -> bytes:
    """The graph as GraphML (for Cytoscape, yEd); lists become ';'-joined text."""
    H = _flat_graph(G, dynamic=False)
    buf = io.BytesIO()
    nx.write_graphml(H, buf, encoding="utf-8", named_key_ids=True)
    return buf.getvalue()


def to_gexf(G: nx.MultiDiGraph) -> bytes:
    """The graph as GEXF 1.2 with start/end as dynamic intervals (Gephi's timeline)."""
    H = _flat_graph(G, dynamic=True)
    del H.graph["sources"]  # GEXF has no graph-level attributes
    buf = io.BytesIO()
    nx.write_gexf(H, buf, encoding="utf-8")
    return buf.getvalue()


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ";".join(value)
    if isinstance(value, float):
        return repr(value) if value != int(value) else f"{value:.1f}"
    return str(value)


def csv_tables(dataset) -> dict[str, tuple[list[str], list[list[str]]]]:
    """A dataset's tables as text cells, ready for :func:`graph.write.write_dataset`.

    The same columns in the same order as they were read (extra columns
    kept); defaults written out where a column exists but a cell was empty;
    ``relation_types`` only with the types that differ from the shipped ones.
    """
    known = {"actors": ACTOR_COLUMNS, "relations": RELATION_COLUMNS, "sources": SOURCE_COLUMNS}
    columns = dataset.columns
    tables: dict[str, tuple[list[str], list[list[str]]]] = {}
    for table in ("actors", "relations", "sources"):
        if table not in columns:
            continue
        header = columns[table]
        keys = [h.strip().lower() if h.strip().lower() in known[table] else h for h in header]
        tables[table] = (
            header,
            [[_cell(record.get(k)) for k in keys] for record in dataset.records(table)],
        )
    if "relation_types" in columns:
        header = columns["relation_types"]
        names = [
            h.strip().lower() if h.strip().lower() in VOCABULARY_COLUMNS else h for h in header
        ]
        shipped = default_vocabulary()
        tables["relation_types"] = (
            header,
            [
                [_cell(record.get(k)) for k in names]
                for name, record in dataset.vocabulary.items()
                if shipped.get(name) != record
            ],
        )
    return tables


def write_csv(
    dataset: Dataset,
    folder: str | os.PathLike,
    *,
    force: bool = False,
    inputs: Iterable[str | os.PathLike] = (),
) -> list[Path]:
    """Write a dataset's tables back as CSV files in ``folder``, all together or not at all.

    The same columns are written in the same order as they were read
    (extra columns kept); defaults are written out where a column exists
    but a cell was empty. Text that a spreadsheet would run as a formula
    (starting with ``=``, ``+``, ``-``, ``@``, or so after a ``;`` or tab)
    gets a ``'``, which reading removes; numbers are written as they are.
    UTF-8, comma-separated, LF line ends. Returns the files written.

    Parameters
    ----------
    dataset : Dataset
        What to write; its own folder (``dataset.path``) is never written over.
    folder : str or Path
        Must not hold a dataset yet, unless ``force``.
    force : bool
        Replace a dataset in ``folder``: its files are replaced together,
        and its dataset files that this one lacks are removed.
    inputs : iterable of paths
        Other files or folders that must not be written over.

    Raises
    ------
    OutputError
        If ``folder`` holds a dataset (without ``force``) or is an input.

    Examples
    --------
    >>> import graph, tempfile
    >>> out = tempfile.mkdtemp()
    >>> [p.name for p in write_csv(graph.load("data"), out)]
    ['actors.csv', 'relations.csv', 'sources.csv']
    >>> graph.load(out).to_networkx().size()
    23
    """
    own = [dataset.path] if dataset.path is not None else []
    return write_dataset(folder, csv_tables(dataset), force=force, inputs=[*own, *inputs])
