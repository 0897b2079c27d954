"""Write a dataset's tables back as CSV files, in the dataset's own spelling.

Examples
--------
>>> import graph
>>> header, rows = csv_tables(graph.load("data"))["actors"]
>>> header[:2], rows[0][:2]
(['id', 'name'], ['PRK', 'North Korea'])
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..read import read_table
from ..schema import (
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
from ..vocabulary import default_vocabulary
from ..write import escape_formula, write_dataset

if TYPE_CHECKING:
    from ..dataset import Dataset

__all__ = ["write_csv", "source_files", "csv_tables"]


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
