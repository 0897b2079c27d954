"""Which column of a header was meant to be a missing one: "Target Actor" for ``target``.

Shared by the dataset's checks and the Kumu and Gephi imports, so that a
renamed required column, or a header whose columns were joined into one
quoted cell, is named the same way wherever it is missing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["CUTOFF", "meant_column", "missing_columns", "joined_header"]

#: Similarity (0-100) a choice needs to be suggested; difflib's cutoff 0.6.
CUTOFF = 60.0

#: Words a header adds to a name without changing what the column holds: "target actor".
_FILLER = frozenset(
    {"actor", "actors", "id", "ids", "name", "names", "code", "the", "of", "column"}
)
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_WORDS = re.compile(r"[a-z0-9]+")


def _words(name: str) -> list[str]:
    """``"Target_Actor"``, ``"target actor"`` and ``"targetActor"`` as ``['target', 'actor']``."""
    return _WORDS.findall(_CAMEL.sub(" ", name).lower())


def _likeness(key: list[str], name: str) -> tuple[int, float]:
    """How surely a column named ``name`` holds the column ``key`` (its words): (tier, score)."""
    from rapidfuzz import fuzz

    words = _words(name)
    if not words:
        return (0, 0.0)
    joined, compact = "".join(key), "".join(words)
    if compact == joined:  # "Tar get", "target_", "TARGET-"
        return (4, 100.0)
    n = len(key)
    at = [i for i in range(len(words) - n + 1) if words[i : i + n] == key]
    if at:  # the name as a word: "target actor" (only filler besides) above "target date"
        rest = words[: at[0]] + words[at[0] + n :]
        return (3 if all(w in _FILLER for w in rest) else 2, 100.0)
    if len(joined) >= 4 and joined in compact:  # "targets", "targetcountry"
        return (2, 100.0 * len(joined) / len(compact))
    core = "".join(w for w in words if w not in _FILLER) or compact
    score = max(fuzz.ratio(joined, core), fuzz.ratio(joined, compact))
    return (1, score) if score >= CUTOFF else (0, 0.0)


def meant_column(key: str, names: Iterable[str]) -> str | None:
    """The column, among ``names`` as written, most likely meant to be the missing ``key``.

    A name that holds ``key`` as a word, or is close to it once case,
    spaces, underscores and words such as "actor", "id" and "name" are set
    aside, wins; among equals the first. ``None`` when none is close.

    Examples
    --------
    >>> meant_column("target", ["date", "target actor", "notes"])
    'target actor'
    >>> meant_column("target", ["Targt_Id", "tags"])
    'Targt_Id'
    >>> meant_column("id", ["Actor ID", "label"]), meant_column("status", ["date"])
    ('Actor ID', None)
    """
    want = _words(key)
    best, found = (0, 0.0), None
    for name in names:
        rank = _likeness(want, name)
        if rank > best:
            best, found = rank, name
    return found


def missing_columns(
    required: Iterable[str], header: list[str], keys: list[str], unknown: Iterable[str]
) -> list[tuple[str, str]]:
    """(key, message) for each ``required`` column that the header's ``keys`` lack.

    Each message names the column of ``unknown`` (columns as written that
    the reader does not know, so may be misnamed) most likely meant for the
    missing one (:func:`meant_column`), each column for one missing column
    at most, and the header as written.

    Examples
    --------
    >>> header = ["Source", "Target Actor", "date"]
    >>> for key, msg in missing_columns(["source", "target"], header, ["source", "target actor", "date"],
    ...                                 ["Target Actor", "date"]):
    ...     print(key, msg)
    target required column "target" is missing from the header (is "Target Actor" meant to be "target"?); the header is: Source,Target Actor,date
    """
    left = list(unknown)
    out = []
    for key in required:
        if key in keys:
            continue
        near = meant_column(key, left)
        hint = f' (is "{near}" meant to be "{key}"?)' if near else ""
        if near:
            left.remove(near)  # one column is not two missing ones
        out.append(
            (
                key,
                f'required column "{key}" is missing from the header{hint}; '
                f"the header is: {','.join(header)}",
            )
        )
    return out


def joined_header(header: list[str]) -> str | None:
    """Why a header of one cell holding the names of several is missing them all, and the fix.

    A file whose every line is wrapped in quotes (a spreadsheet that had it
    as one column saves it so) is read as one column named, say,
    ``id,name,type``: that is one problem, not one per required column.
    ``None`` for any other header.

    Examples
    --------
    >>> print(joined_header(["id,name,type"]))
    the header is one quoted cell, "id,name,type": every line of the file is wrapped in quotes, so its columns were joined into one; remove the quotes at the start and end of each line (or, in the spreadsheet, split the column at "," and save the file again as "CSV UTF-8")
    >>> joined_header(["id", "name"]), joined_header(["id name"])
    (None, None)
    """
    if len(header) != 1:
        return None
    for delimiter, shown in ((",", ","), (";", ";"), ("\t", "tabs")):
        names = header[0].split(delimiter)
        if len(names) > 1 and sum(1 for n in names if n.strip()) > 1:
            return (
                f'the header is one quoted cell, "{header[0]}": every line of the file is '
                "wrapped in quotes, so its columns were joined into one; remove the quotes at "
                f'the start and end of each line (or, in the spreadsheet, split the column at "{shown}" '
                'and save the file again as "CSV UTF-8")'
            )
    return None
