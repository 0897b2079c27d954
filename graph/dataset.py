"""A validated dataset and its networkx graph.

>>> import graph
>>> ds = graph.load("data")            # doctest: +SKIP
>>> G = ds.to_networkx()               # doctest: +SKIP
"""

from __future__ import annotations

import contextlib
import copy
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .problems import ERROR, DataError, Problem, Report, counted
from .read import read_table, read_workbook
from .read.columns import read_columns
from .schema import ACTOR_COLUMNS, RELATION_COLUMNS, SOURCE_COLUMNS, TABLE_FILES, number_text
from .validate import Tables, validate_tables
from .validate.columnar import columns_of
from .write import recover

if TYPE_CHECKING:  # imported on first use: the page is built from the tables without them
    import networkx as nx
    import pandas as pd

__all__ = ["Dataset", "load", "check", "as_graph"]

#: A progress callback: receives the fraction done, 0..1.
Progress = Callable[[float], Any]

# Numbers as a spreadsheet writes them; a leading zero ("007") or more than 15
# digits (a phone number, a code) is text.
_INT = re.compile(r"^[+-]?(0|[1-9]\d{0,14})$")
_FLOAT = re.compile(
    r"^[+-]?(0|[1-9]\d{0,14})?\.\d+([eE][+-]?\d{1,3})?$|^[+-]?[1-9]\d{0,14}[eE][+-]?\d{1,3}$"
)
# The words of a boolean extra column; the schema's ``directed`` reads more (TRUE_WORDS),
# but in a column of anything "y", "n", "t" or "f" may be a letter, "1"/"0" a number.
_BOOLEANS = frozenset({"true", "false"})
# A source's own columns, never typed: ``text`` names its text file.
_SOURCE_KNOWN = frozenset([*SOURCE_COLUMNS, "text"])


def _typed_column(values: list, decimal_comma: bool = False) -> list | None:
    """A text column as numbers or booleans when its every non-empty cell is one (empty: None).

    Returns ``None`` when the column stays text. All ints stay ints; any
    decimal makes the whole column floats. A column of ``true``/``false``
    cells (any case) holds booleans, as pandas, Gephi and spreadsheets
    read them; a column that mixes them with numbers, or with other words
    (``yes``, ``y``), stays text. Each distinct cell is looked at once
    (columns repeat), and a text column is given up at its first cell that
    is neither. A number is read as the schema's numbers are
    (:func:`graph.schema.number_text`): a typographic minus, and ``2,5``
    when ``decimal_comma`` (a file whose delimiter is not the comma).
    """
    kinds: set[type] = set()
    cells: dict[str, str] = {}
    for v in set(values):
        if v is None:
            continue
        if not isinstance(v, str):
            return None
        text = v.strip()
        if text.lower() in _BOOLEANS:
            kinds.add(bool)
            cells[v] = text.lower()
            continue
        c = number_text(text, decimal_comma=decimal_comma)
        if not c:
            continue
        if _INT.match(c):
            kinds.add(int)
        elif _FLOAT.match(c):
            kinds.add(float)
        else:
            return None
        cells[v] = c
    if not cells or (bool in kinds and len(kinds) > 1):
        return None
    if bool in kinds:
        typed: dict[str, Any] = {v: c == "true" for v, c in cells.items()}
    else:
        kind = float if float in kinds else int
        typed = {v: kind(c) for v, c in cells.items()}
    return [typed.get(v) for v in values]


def _typed_extras(rows: list[dict], known: list[str], decimal_comma: bool = False) -> None:
    """Extra columns whose every non-empty cell is a number (a boolean) hold numbers
    (booleans); an empty cell is None."""
    names = dict.fromkeys(k for r in rows for k in r if k not in known)
    for name in names:
        typed = _typed_column([r.get(name) for r in rows], decimal_comma)
        if typed is not None:
            for r, value in zip(rows, typed):
                r[name] = value


def _drop_empty_extras(rows: list[dict], known: list[str]) -> None:
    """Remove the extra columns' empty cells: in the graph an empty cell is no attribute.

    A ``None`` weight breaks networkx (``G.size(weight="weight")``, weighted
    centralities); GraphML and GEXF leave an empty cell out too.
    """
    core = frozenset(known)
    for r in rows:
        for name in [k for k, v in r.items() if v is None and k not in core]:
            del r[name]


def _read_all(path: Path) -> tuple[dict, list[Problem]]:
    tables: dict = {}
    problems: list[Problem] = []
    for name, (filename, required) in TABLE_FILES.items():
        file = path / filename
        display = str(file)
        if not required and not (file.exists() or file.is_symlink()):
            continue  # absent optional file (a broken link is no absence); None: unreadable
        columns = read_columns(file, display) if name == "relations" else None
        if columns is not None:  # a clean file, read whole: checked column by column
            tables[name] = columns
            continue
        table, found = read_table(file, display)
        if name == "relations" and table is not None and not found and not table.short:
            # read well but not in one pass (a quoted cell over several lines): columns too
            # (a short row stays a table: its problems are settled as one, settle_short_rows)
            tables[name] = columns_of(table)
            continue
        tables[name] = table
        problems.extend(found)
    return tables, problems


def check(
    path: str | Path = "data", *, strict: bool = False, progress: Progress | None = None
) -> Report:
    """Every problem in the dataset at ``path``, errors and warnings, in file order.

    Never raises for bad data: this is what ``geograph check`` prints.

    Parameters
    ----------
    path : str or Path
        A dataset folder holding ``actors.csv``, ``relations.csv`` and
        optionally ``sources.csv`` and ``relation_types.csv``.
    strict : bool
        If true, warnings make the report not ``valid``.
    progress : callable, optional
        Called with the fraction done (0..1) as the files are read and checked.

    Returns
    -------
    Report
        The list of problems, with ``valid``, ``errors``, ``warnings`` and
        ``counts``.

    Examples
    --------
    >>> report = check("data")
    >>> report.errors, report.valid, report.counts
    ([], True, {'errors': 0, 'warnings': 0})
    """
    return Report(_validate(Path(path), progress)[1], strict=strict)


def _validate(path: Path, progress: Progress | None = None) -> tuple[Tables | None, list[Problem]]:
    step = progress or _no_progress
    if path.suffix.lower() == ".xlsx" and path.is_file():
        tables, problems = read_workbook(path, str(path))
    elif not path.is_dir():
        return None, [
            Problem(
                str(path),
                None,
                None,
                None,
                "missing-folder",
                _not_a_folder(path),
            )
        ]
    else:
        # finish (or undo) a dataset write that was killed midway: never read half of one
        with contextlib.suppress(OSError):
            recover(path)
        tables, problems = _read_all(path)
    step(0.5)  # read; the checks follow
    records, found = validate_tables(tables)
    step(1.0)
    return records, _ordered(problems + found)


def _not_a_folder(path: Path) -> str:
    """Why ``path`` is no dataset, and what to give instead."""
    give = "give the folder that holds actors.csv and relations.csv (or an .xlsx workbook)"
    if path.is_file():
        return f"is a file, not a folder; give the folder that holds it: {path.parent}"
    where = "" if path.is_absolute() else f" (in {Path.cwd()})"
    return f"does not exist{where}; {give}, or start one with: geograph init {path}"


def _no_progress(fraction: float) -> None:
    """No progress to show."""


def _ordered(problems: list[Problem]) -> list[Problem]:
    order = {str(f): i for i, f in enumerate(n for n, _ in TABLE_FILES.values())}
    # each file's place once, not a Path per problem (thousands of warnings at 50k relations)
    place = {f: order.get(Path(f).name, 99) for f in {p.file for p in problems}}

    def key(p: Problem):
        return (
            p.severity != ERROR,
            place[p.file],
            p.file,
            p.line or 0,
            p.column or 0,
        )

    return sorted(problems, key=key)


def load(
    path: str | Path = "data", *, strict: bool = False, progress: Progress | None = None
) -> Dataset:
    """Read and validate the dataset in a folder.

    Parameters
    ----------
    path : str or Path
        A folder with ``actors.csv`` and ``relations.csv`` (and optionally
        ``sources.csv`` and ``relation_types.csv``).
    strict : bool
        If true, warnings (an isolated actor, a relation without a quote)
        are treated as errors.
    progress : callable, optional
        Called with the fraction done (0..1) as the files are read and validated.

    Returns
    -------
    Dataset

    Raises
    ------
    DataError
        Carrying every problem found, when there is at least one error.

    Examples
    --------
    >>> ds = load("data")
    >>> sorted(ds.actors["id"])[:5]
    ['CHN', 'INTL', 'KOR', 'PRK', 'RUS']
    """
    path = Path(path)
    records, problems = _validate(path, progress)
    if not Report(problems, strict=strict).valid:
        if strict:
            problems = [
                Problem(p.file, p.line, p.column, p.field, p.code, p.message, ERROR)
                for p in problems
            ]
        raise DataError(problems, source=path)
    assert records is not None  # no tables only with an error
    # each record's physical line serves the messages, all made by now (6 MiB at 50k relations)
    records.lines = {}
    name = path.resolve().stem if path.is_file() else path.resolve().name
    return Dataset(records, name=name, path=path, warnings=problems)


class Dataset:
    """The validated tables of one dataset.

    Obtain one with :func:`load`. ``actors``, ``relations`` and ``sources``
    are pandas DataFrames (fresh copies: change them freely);
    :meth:`to_networkx` gives the graph.

    Attributes
    ----------
    name : str
        The dataset's name (its folder's name).
    path : Path or None
        Where it was read from.
    warnings : list of Problem
        Problems that did not stop loading.
    vocabulary : dict
        Relation types in force: the shipped ones plus the dataset's own.
    """

    def __init__(
        self,
        tables: Tables,
        *,
        name: str = "dataset",
        path: Path | None = None,
        warnings: list[Problem] | None = None,
    ):
        self._tables = tables
        self._relation_columns = tables.relation_columns
        self._released = False
        self.name = name
        self.path = path
        self.warnings = list(warnings or [])
        self.vocabulary = tables.vocabulary

    def __repr__(self) -> str:
        t = self._tables
        return (
            f"<Dataset {self.name!r}: {counted(len(t.actors), 'actor')}, "
            f"{counted(self.relation_count, 'relation')}, {counted(len(t.sources), 'source')}>"
        )

    @property
    def relation_count(self) -> int:
        """How many relations the dataset holds.

        Examples
        --------
        >>> load("data").relation_count
        23
        """
        self._held()
        if self._relation_columns is not None:
            return len(self._relation_columns["id"])
        return len(self._tables.relations)

    def _held(self) -> None:
        if self._released:
            raise RuntimeError(
                f"the relations of dataset {self.name!r} were let go of once its page was made "
                "(page_pieces(..., release=True)); load it again to read them"
            )

    def _release_relations(self) -> None:
        """Let go of the relations: a caller that made its page from them needs them no more.

        The lists it was given (``relation_columns(fresh=False)``) are then its
        own alone, to drop as it goes; reading the relations afterwards raises.
        """
        self._tables.relation_columns = self._relation_columns = None
        self._tables.relations = []
        self._released = True

    def _ready(self) -> Tables:
        """The tables with one record per relation (made from the columns on first need)."""
        self._held()
        t = self._tables
        if t.relation_columns is not None:
            names = list(t.relation_columns)
            t.relations = [dict(zip(names, row)) for row in zip(*t.relation_columns.values())]
            # the records replace the columns: neither the tables nor the dataset keep both
            t.relation_columns = self._relation_columns = None
        return t

    def relation_columns(self, *, fresh: bool = True) -> dict[str, list]:
        """The relations as columns: name -> one value per relation, in file order.

        Extra columns that hold numbers (booleans) hold ints or floats (bools), as in
        :meth:`to_networkx`.

        Parameters
        ----------
        fresh : bool
            If true (the default), the lists are fresh: change them freely.
            If false, the lists of text are the dataset's own where it holds
            columns (no copy of a large dataset's columns): read them, never
            change them.

        Examples
        --------
        >>> cols = load("data").relation_columns()
        >>> cols["id"][:2], cols["intensity"][:2]
        (['R01', 'R02'], [-9.2, -6.0])
        """
        self._held()
        if self._relation_columns is not None:
            own = self._relation_columns
            columns = {k: list(v) for k, v in own.items()} if fresh else dict(own)
        else:
            rows = self._tables.relations
            names = list(dict.fromkeys(k for r in rows[:1] for k in r))
            if not rows:  # a header-only file: its columns, empty
                header = self._tables.columns.get("relations", [])
                names = list(dict.fromkeys([*RELATION_COLUMNS, *header]))
            columns = {k: [r.get(k) for r in rows] for k in names}
        self._typed_extras(columns)
        return columns

    def _typed_extras(self, columns: dict[str, list]) -> None:
        """The extra columns of ``columns`` that hold numbers as ints or floats, in place."""
        comma = self._decimal_comma("relations")
        for name in columns:
            if name not in RELATION_COLUMNS:
                typed = _typed_column(columns[name], comma)
                if typed is not None:
                    columns[name] = typed

    def _taken_relation_columns(self) -> dict[str, list]:
        """:meth:`relation_columns` for a caller done with the relations: they are let go of
        (:meth:`_release_relations`) before the extras are typed, so that each text column
        goes as its numbers come (at 283k relations, five columns of 2.2 MiB at the
        payload's peak). Only for a dataset that holds columns."""
        self._held()
        assert self._relation_columns is not None
        columns = dict(self._relation_columns)
        self._release_relations()
        self._typed_extras(columns)
        return columns

    def actor_records(self, *, fresh: bool = True) -> list[dict]:
        """Actors as the graph's node attributes (extras typed as numbers or booleans where they are).

        Parameters
        ----------
        fresh : bool
            If true (the default), fresh dicts: change them freely. If false,
            the dataset's own records when they need no typing (no extra
            column): read them, never change them.

        Examples
        --------
        >>> ds = load("data")
        >>> ds.actor_records()[0]["id"], ds.actor_records(fresh=False) is ds.actor_records(fresh=False)
        ('PRK', True)
        """
        own = self._tables.actors
        known = frozenset(ACTOR_COLUMNS)
        if not fresh and all(a.keys() <= known for a in own):
            return own
        rows = [{**a, "aliases": list(a["aliases"])} for a in own]
        _typed_extras(rows, ACTOR_COLUMNS, self._decimal_comma("actors"))
        return rows

    def source_records(self, *, fresh: bool = True) -> list[dict]:
        """Sources as records: one dict per row of ``sources.csv`` (extras typed as
        numbers or booleans where they are, as in :meth:`to_networkx`).

        Parameters
        ----------
        fresh : bool
            If true (the default), copies: change them freely. If false, the
            dataset's own records when they need no typing (no extra
            column): read them, never change them.

        Examples
        --------
        >>> load("data").source_records()[0]["id"]
        'dw-2020-07-14'
        """
        own = self._tables.sources
        if not fresh and all(s.keys() <= _SOURCE_KNOWN for s in own):
            return own
        rows = copy.deepcopy(own)
        _typed_extras(rows, list(_SOURCE_KNOWN), self._decimal_comma("sources"))
        return rows

    @property
    def title(self) -> str:
        """A title for views: the source's title when there is exactly one, else the name.

        Examples
        --------
        >>> load("data").title
        'What’s driving North Korea’s actions toward the South?'
        """
        if len(self._tables.sources) == 1 and self._tables.sources[0].get("title"):
            return self._tables.sources[0]["title"]
        return self.name

    @property
    def columns(self) -> dict[str, list[str]]:
        """Column names per table, as written in the files."""
        return copy.deepcopy(self._tables.columns)

    @property
    def delimiters(self) -> dict[str, str]:
        """The delimiter each table's file uses, as read ("," when made in memory).

        Examples
        --------
        >>> load("data").delimiters["relations"]
        ','
        """
        return dict(self._tables.delimiters)

    def _decimal_comma(self, table: str) -> bool:
        """Whether ``2,5`` in ``table``'s file is a number: its delimiter is not the comma."""
        return self._tables.delimiters.get(table, ",") != ","

    def records(self, table: str) -> list[dict]:
        """Records of ``"actors"``, ``"relations"`` or ``"sources"`` as a list of dicts (copies)."""
        tables = self._ready() if table == "relations" else self._tables
        return copy.deepcopy(getattr(tables, table))

    def _frame(self, table: str, known: list[str]) -> pd.DataFrame:
        rows = getattr(self._ready() if table == "relations" else self._tables, table)
        extra = [c for r in rows[:1] for c in r if c not in known]
        import pandas as pd

        return pd.DataFrame(copy.deepcopy(rows), columns=known + extra)

    @property
    def actors(self) -> pd.DataFrame:
        """Actors, one row each: id, name, type, aliases (list), group, description, extras."""
        return self._frame("actors", ACTOR_COLUMNS)

    @property
    def relations(self) -> pd.DataFrame:
        """Relations, one row each, with defaults filled in and generated ids."""
        return self._frame("relations", RELATION_COLUMNS)

    @property
    def sources(self) -> pd.DataFrame:
        """Sources, one row each."""
        return self._frame("sources", SOURCE_COLUMNS)

    def to_networkx(self) -> nx.MultiDiGraph:
        """The dataset as a ``networkx.MultiDiGraph``.

        Nodes are actor ids with the actor's columns as attributes. Each
        relation is one edge ``source -> target`` keyed by its id, carrying
        all its columns (an undirected relation is stored once, with
        ``directed=False``). An extra column that holds a number in every
        row that is not empty holds ints (or floats) in the graph, one of
        ``true``/``false`` (any case) booleans; an empty cell of an extra
        column is no attribute at all. ``G.graph`` holds ``name``,
        ``title``, ``sources`` (by id, their extra columns typed alike) and
        ``relation_types`` (the vocabulary in force).

        Examples
        --------
        >>> G = load("data").to_networkx()
        >>> G.nodes["PRK"]["name"]
        'North Korea'
        >>> all(d["quote"] for _, _, d in G.edges(data=True))
        True
        """
        import networkx as nx

        t = copy.deepcopy(self._ready())
        _typed_extras(t.actors, ACTOR_COLUMNS, self._decimal_comma("actors"))
        _typed_extras(t.relations, RELATION_COLUMNS, self._decimal_comma("relations"))
        _drop_empty_extras(t.actors, ACTOR_COLUMNS)
        _drop_empty_extras(t.relations, RELATION_COLUMNS)
        G = nx.MultiDiGraph(
            name=self.name,
            title=self.title,
            sources={s["id"]: s for s in self.source_records()},
            relation_types=t.vocabulary,
        )
        G.add_nodes_from((a["id"], a) for a in t.actors)
        G.add_edges_from((r["source"], r["target"], r["id"], r) for r in t.relations)
        return G


def as_graph(G: Any, name: str = "G") -> nx.Graph:
    """The networkx graph that an analysis function is given: ``G`` itself, or a Dataset's graph.

    Every public function that takes the relation graph takes what
    :func:`load` returns too (its :meth:`Dataset.to_networkx`); anything
    else is a ``TypeError`` that says what the function takes.

    Examples
    --------
    >>> as_graph(load("data")).number_of_edges()
    23
    >>> as_graph([("PRK", "KOR")])
    Traceback (most recent call last):
    ...
    TypeError: G must be a networkx graph (graph.load(...).to_networkx()) or a Dataset (graph.load(...)), not a list
    """
    if isinstance(G, Dataset):
        return G.to_networkx()
    import networkx as nx

    if isinstance(G, nx.Graph):
        return G
    msg = (
        f"{name} must be a networkx graph (graph.load(...).to_networkx()) or a Dataset "
        f"(graph.load(...)), not a {type(G).__name__}"
    )
    raise TypeError(msg)
