"""Write a dataset or its graph to other formats: node-link JSON, GraphML, GEXF, CSV.

Every file is written atomically: a failed export leaves any previous file
as it was.

Directedness follows the relations: a graph whose relations are all
directed is written as a directed graph, one whose relations are all
undirected as an undirected graph. A mixed graph is written as Gephi writes
one (GEXF: a type on every edge; GraphML: a directed graph with a
``directed`` attribute on every edge), or, with ``to_gexf(G,
mixed="directed")``, as a directed graph with that attribute, which every
reader accepts. README.md ("Exports") says which tool reads which.

Examples
--------
>>> import graph
>>> G = graph.load("data").to_networkx()
>>> direction(G)
'mixed'
"""

from __future__ import annotations

import contextlib
import functools
import io
import json
import os
import re
import warnings
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .dataset import as_graph
from .dates import interval
from .read import read_table
from .schema import (
    ACTOR_COLUMNS,
    FALSE_WORDS,
    RELATION_COLUMNS,
    SIGN_WORDS,
    SOURCE_COLUMNS,
    TABLE_FILES,
    TRUE_WORDS,
    VOCABULARY_COLUMNS,
    number_text,
)
from .vocabulary import default_vocabulary
from .write import escape_formula, write_dataset

if TYPE_CHECKING:  # networkx is imported by the exports that use it: `geograph build` does without
    import networkx as nx

    from .dataset import Dataset

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
    """Attributes that GraphML and GEXF can hold: no None, lists joined with ';',
    text XML can hold, and no name that the writers would take for their own."""
    out = {}
    for k, v in attrs.items():
        if v is None:
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
    if fmt == "graphml":  # graph attributes; networkx's GEXF writer writes none but the mode
        if G.graph.get("title"):
            H.graph["title"] = clean(str(G.graph["title"]), "graph title")
        for name in ("sources", "relation_types"):  # as JSON text: GraphML holds no mappings
            text = json.dumps(G.graph.get(name, {}), ensure_ascii=False, default=str)
            H.graph[name] = clean(text, name)
    weight = _weight_column(G)
    ids = {n: clean(str(n), f"actor id {n!r}") for n in G}
    for n, d in G.nodes(data=True):
        attrs = _flat(d, _NODE_RESERVED, clean, f"actor {n!r}")
        attrs.pop("id", None)
        attrs["label"] = clean(str(d.get("name", n)), f"actor {n!r} name")
        H.add_node(ids[n], **attrs)
    for u, v, k, d in G.edges(keys=True, data=True):
        where = f"relation {k!r}"
        plain = {key: value for key, value in d.items() if key not in ("start", "end")}
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
    import networkx as nx

    H, clean = _flat_graph(G, "gexf", mixed)
    buf = io.BytesIO()
    nx.write_gexf(H, buf, encoding="utf-8")
    clean.warn("GEXF")
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
    kept); a relation's empty ``sign`` or ``intensity`` stays empty (it
    follows the type), other defaults are written out where a column exists
    but a cell was empty; ``relation_types`` only with the types that differ
    from the shipped ones.
    """
    known = {"actors": ACTOR_COLUMNS, "relations": RELATION_COLUMNS, "sources": SOURCE_COLUMNS}
    columns = dataset.columns
    tables: dict[str, tuple[list[str], list[list[str]]]] = {}
    for table in ("actors", "relations", "sources"):
        if table not in columns:
            continue
        header = columns[table]
        keys = [h.strip().lower() if h.strip().lower() in known[table] else h for h in header]
        records = dataset.records(table)
        rows = [[_cell(record.get(k)) for k in keys] for record in records]
        if table == "relations":
            _as_written(dataset, "relations", keys, rows)
        tables[table] = (header, rows)
    if "relation_types" in columns:
        header = columns["relation_types"]
        names = [
            h.strip().lower() if h.strip().lower() in VOCABULARY_COLUMNS else h for h in header
        ]
        shipped = default_vocabulary()
        rows = [
            [_cell(record.get(k)) for k in names]
            for name, record in dataset.vocabulary.items()
            if shipped.get(name) != record
        ]
        _as_written(dataset, "relation_types", names, rows)
        tables["relation_types"] = (header, rows)
    return tables


#: Cells that an empty cell fills from the relation's type: an export keeps them empty.
_TYPE_DEFAULTS = ("sign", "intensity")


_BARE_SIGNS = {"+": "+1", "-": "-1"}


def _same_value(given: str, value: Any) -> bool:
    """Whether a cell as the file gives it reads as ``value`` (a number, sign or boolean).

    Only a spelling that a CSV file written by geograph can hold as it is:
    no decimal comma (the export is comma-separated) and nothing the
    formula rule would prefix with ``'`` (a bare ``+`` or ``-`` sign).
    """
    text = given.strip()
    if not text or "," in text or escape_formula(text) != text:
        return False
    word = text.lower()
    if isinstance(value, bool):
        return word in (TRUE_WORDS if value else FALSE_WORDS)
    if isinstance(value, (int, float)):
        if word in SIGN_WORDS:
            return SIGN_WORDS[word] == value
        try:
            return float(number_text(text, decimal_comma=False)) == value
        except ValueError:
            return False
    return False


def _as_written(dataset: Dataset, table: str, keys: list[str], rows: list[list[str]]) -> None:
    """Write numbers, signs and booleans as the dataset's file spells them, where the value is the same.

    An export of unchanged data then gives the file's bytes back: ``-8``
    stays ``-8`` (not ``-8.0``), a sign ``positive`` stays ``positive``,
    ``yes`` stays ``yes``; a bare ``+`` or ``-`` sign is written ``+1`` or
    ``-1``, as a spreadsheet would run it as a formula. A relation's sign or intensity cell that was
    empty is emptied again: an empty cell follows the relation's type (and
    a later change of it in ``relation_types.csv``); writing the type's
    value would freeze it. The file is read again to know what it holds
    (relations: a valid dataset has one record per data row, in file order;
    relation types: by their name); a dataset not read from a folder of CSV
    files keeps geograph's spelling.
    """
    filename = TABLE_FILES[table][0]
    file = dataset.path / filename if dataset.path is not None else None
    if not rows or file is None or not file.is_file():
        return
    read, problems = read_table(file, str(file))
    if read is None or any(p.severity == "error" for p in problems):
        return
    if table == "relations":
        if len(read.rows) != len(rows):
            return
        pairs = list(zip(rows, read.rows))
    else:
        at = keys.index("relation") if "relation" in keys else None
        by_name = {r.values.get("relation", "").strip().lower(): r for r in read.rows}
        pairs = [(row, by_name[row[at]]) for row in rows if at is not None and row[at] in by_name]
    for row, given in pairs:
        for i, key in enumerate(keys):
            cell = given.values.get(key, "")
            if table == "relations" and key in _TYPE_DEFAULTS and cell == "":
                row[i] = ""
            elif row[i] != cell:
                # a bare + or - would be a formula's start (written '+): its number, signed
                spelt = _BARE_SIGNS.get(cell.strip(), cell)
                if _same_value(spelt, _parsed(row[i])):
                    row[i] = spelt.strip()


def _parsed(cell: str) -> Any:
    """What :func:`_cell` wrote, as the value again: a number, a boolean, else the text."""
    if cell in ("true", "false"):
        return cell == "true"
    try:
        return int(cell)
    except ValueError:
        try:
            return float(cell)
        except ValueError:
            return cell


def write_csv(
    dataset: Dataset,
    folder: str | os.PathLike,
    *,
    force: bool = False,
    inputs: Iterable[str | os.PathLike] = (),
) -> list[Path]:
    """Write a dataset's tables back as CSV files in ``folder``, all together or not at all.

    The same columns are written in the same order as they were read
    (extra columns kept); a relation's empty ``sign`` or ``intensity`` stays
    empty, so that it follows its type as before; other defaults are written
    out where a column exists but a cell was empty. Numbers, signs and
    booleans keep the dataset's own spelling where the value is the same
    (``-8``, ``positive``, ``yes``; a bare ``+`` becomes ``+1``): an export
    of unchanged comma-separated data gives its files back byte for byte. Text that a spreadsheet would run as a formula
    (starting with ``=``, ``+``, ``-``, ``@``, or so after a ``;`` or tab)
    gets a ``'``, which reading removes; numbers are written as they are.
    UTF-8, comma-separated, LF line ends. The sources' text files are copied
    too (:func:`source_files`), so that ``geograph check`` of the copy still
    verifies every quote. Returns the files written.

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
    >>> [p.name for p in write_csv(graph.load(graph.datasets.article()), out)]
    ['actors.csv', 'relations.csv', 'sources.csv', 'dw-2020-07-14.txt']
    >>> graph.load(out).to_networkx().size()
    23
    """
    own = [dataset.path] if dataset.path is not None else []
    return write_dataset(
        folder,
        csv_tables(dataset),
        force=force,
        inputs=[*own, *inputs],
        files=source_files(dataset),
    )


def source_files(dataset: Dataset) -> dict[str, bytes]:
    """The sources' text files (the ``text`` column) that a copy of the dataset needs.

    Only readable files inside the dataset's folder are included (those that
    ``geograph check`` verifies quotes against); keyed by their path relative
    to the folder, as the ``text`` cell names them.

    Examples
    --------
    >>> import graph
    >>> list(source_files(graph.load(graph.datasets.article())))
    ['dw-2020-07-14.txt']
    """
    if dataset.path is None or "sources" not in dataset.columns:
        return {}
    root = Path(dataset.path).resolve()
    tables = {file for file, _ in TABLE_FILES.values()}
    found: dict[str, bytes] = {}
    for record in dataset.records("sources"):
        name = record.get("text")
        if not isinstance(name, str) or not name.strip() or name in tables:
            continue
        path = (root / name).resolve()
        if Path(name).is_absolute() or ".." in Path(name).parts or not path.is_relative_to(root):
            continue
        with contextlib.suppress(OSError):
            if path.is_file():
                found[name] = path.read_bytes()
    return found
