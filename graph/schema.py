"""The data format, in one place: tables, columns, words, the id rule and problem codes.

Every stage (reader, validator, writers, importers, graph, view) takes what
it knows of the format from here; ``data/README.md`` documents the same
facts for people, and a test holds the two together.

Examples
--------
>>> TABLE_FILES["relations"]
('relations.csv', True)
>>> is_id("PRK"), is_id("North Korea")
(True, False)
>>> make_id("Police (Malaysia)")
'Police-Malaysia'
"""

from __future__ import annotations

import re

__all__ = [
    "TABLE_FILES",
    "TABLE_NAMES",
    "ACTOR_COLUMNS",
    "ACTOR_POSITION_COLUMNS",
    "RELATION_COLUMNS",
    "SOURCE_COLUMNS",
    "VOCABULARY_COLUMNS",
    "COLUMNS",
    "REQUIRED",
    "STATUSES",
    "DEFAULT_STATUSES",
    "DEFAULT_STATUS",
    "ACTOR_TYPES",
    "TRUE_WORDS",
    "FALSE_WORDS",
    "SIGN_WORDS",
    "ID_MAX",
    "ID_PATTERN",
    "is_id",
    "make_id",
    "DECIMAL_COMMA",
    "number_text",
    "PROBLEM_CODES",
]

#: The files a dataset folder may hold, and whether each is required.
TABLE_FILES: dict[str, tuple[str, bool]] = {
    "actors": ("actors.csv", True),
    "relations": ("relations.csv", True),
    "sources": ("sources.csv", False),
    "relation_types": ("relation_types.csv", False),
}
#: The tables in the order they are read and written.
TABLE_NAMES: tuple[str, ...] = tuple(TABLE_FILES)

ACTOR_COLUMNS: list[str] = ["id", "name", "type", "aliases", "group", "description"]
#: Optional actor columns: a place on the map, in degrees, with each one's range.
#: Both or neither; an actor without them whose id is an ISO alpha-3 code is
#: placed at its country (graph/geo.py).
ACTOR_POSITION_COLUMNS: dict[str, tuple[float, float]] = {
    "lat": (-90.0, 90.0),
    "lon": (-180.0, 180.0),
}
RELATION_COLUMNS: list[str] = [
    "id",
    "source",
    "target",
    "relation",
    "sign",
    "intensity",
    "directed",
    "status",
    "start",
    "end",
    "source_id",
    "said_by",
    "quote",
    "note",
]
SOURCE_COLUMNS: list[str] = ["id", "title", "publisher", "author", "published", "url"]
VOCABULARY_COLUMNS: list[str] = [
    "relation",
    "sign",
    "intensity",
    "cameo",
    "plover",
    "quad_class",
    "description",
]
#: The known columns of each table, in the order the writers put them.
COLUMNS: dict[str, list[str]] = {
    "actors": ACTOR_COLUMNS,
    "relations": RELATION_COLUMNS,
    "sources": SOURCE_COLUMNS,
    "relation_types": VOCABULARY_COLUMNS,
}
#: The columns a table must have.
REQUIRED: dict[str, list[str]] = {
    "actors": ["id", "name"],
    "relations": ["source", "target", "relation", "status"],
    "sources": ["id"],
    "relation_types": ["relation", "sign", "intensity"],
}

#: What a relation's ``status`` may say: a fact, a claim someone makes, a forecast.
STATUSES: tuple[str, ...] = ("fact", "claim", "forecast")
#: The statuses that analyses count unless told otherwise (forecasts are not events).
DEFAULT_STATUSES: tuple[str, ...] = ("fact", "claim")
#: The status importers write when the source says nothing else.
DEFAULT_STATUS = "fact"
ACTOR_TYPES: tuple[str, ...] = ("state", "organization", "person", "group", "location")

TRUE_WORDS = frozenset({"true", "yes", "y", "1", "t"})
FALSE_WORDS = frozenset({"false", "no", "n", "0", "f"})
SIGN_WORDS = {"+": 1, "-": -1, "positive": 1, "negative": -1, "neutral": 0}

#: A number written with a decimal comma (``-9,2``), as spreadsheets in most of Europe write it.
DECIMAL_COMMA = re.compile(r"[+-]?\d+,\d+")


def number_text(text: str, *, decimal_comma: bool) -> str:
    """A number cell as ``float()`` reads it: a typographic minus made ``-``;
    ``-9,2`` made ``-9.2`` when ``decimal_comma`` (a file whose delimiter is
    not the comma, where such a cell is unambiguous, and the importers).

    Examples
    --------
    >>> number_text("\u22129,2", decimal_comma=True), number_text("-9,2", decimal_comma=False)
    ('-9.2', '-9,2')
    """
    text = text.replace("\u2212", "-")
    return text.replace(",", ".") if decimal_comma and DECIMAL_COMMA.fullmatch(text) else text


#: The longest id; longer names are shortened at a word boundary.
ID_MAX = 40
#: An id: 1 to 40 characters, none of them space, ``, ; | " ' < > &``.
# Control characters are invisible in a spreadsheet: "R05\x00" would look like "R05".
ID_PATTERN = re.compile(r"^[^\s,;|\"'<>&\x00-\x1f\x7f-\x9f]{1,40}$")
_NOT_ID = re.compile(r"[\s,;|\"'<>&()\[\]{}]+")


def is_id(text: str) -> bool:
    """Whether ``text`` follows the id rule (:data:`ID_PATTERN`)."""
    return bool(ID_PATTERN.match(text))


def make_id(text: str, max_length: int = ID_MAX, fallback: str = "actor") -> str:
    """A readable id made from ``text``: characters an id cannot hold become ``-``.

    Never longer than ``max_length``, cut at a word boundary where there is
    one, never starting or ending with ``-``; ``fallback`` when nothing is left.
    Deterministic, so that the same name gives the same id in every run.

    Examples
    --------
    >>> make_id("Citizen (India)")
    'Citizen-India'
    >>> make_id("Ministry of Foreign Affairs of the Democratic People's Republic")
    'Ministry-of-Foreign-Affairs-of-the'
    >>> make_id("  ;; ")
    'actor'
    """
    base = _NOT_ID.sub("-", text.strip()).strip("-")
    if len(base) > max_length:
        cut = base[: max_length + 1]
        at = cut.rfind("-")
        base = cut[:at] if at >= max_length // 2 else base[:max_length]
        base = base.rstrip("-")
    return base or fallback


#: Every problem code, with what it means; a warning's ends "(a warning)".
#: ``data/README.md`` lists the same table (tests/test_validate.py holds it to this).
PROBLEM_CODES: dict[str, str] = {
    "missing-folder": "the dataset folder (or workbook) does not exist, or is a file",
    "missing-file": "a required table file is absent",
    "missing-sheet": "a workbook lacks a required sheet",
    "unreadable-file": "the file cannot be read: not a regular file, a broken link, too large",
    "not-text": "the file is not text (binary content)",
    "not-utf8": "the file is not UTF-8 and was read as Windows-1252 (a warning)",
    "bad-encoding": "the file says it is UTF-16 but holds bytes that are not",
    "bad-workbook": "the workbook cannot be opened",
    "unclosed-quote": "a quoted cell is never closed, or runs on over the rows after it",
    "stray-quote": "text follows the closing quote of a cell",
    "empty-file": "the file has no header line, or actors.csv has no actor while relations.csv has relations",
    "empty-header": "a header cell is empty (a warning)",
    "unnamed-column": "a value stands under a column without a name",
    "duplicate-column": "two columns have the same name",
    "missing-column": "a required column is absent",
    "extra-cells": "a row has more cells than the header",
    "missing-cells": "a row of a CSV file has fewer cells than the header (a warning for a last row cut off, without a line break)",
    "missing-value": "a required cell is empty",
    "bad-value": "a cell holds a word the column does not accept",
    "bad-number": "a cell that must be a number is not one",
    "out-of-range": "a number is outside the range the column allows",
    "bad-date": "a date is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)",
    "reversed-dates": "a relation ends before it starts",
    "bad-id": "an id breaks the id rule (1-40 characters without spaces, commas, semicolons, quotes, <>&, or control characters, which a spreadsheet does not show)",
    "state-id": "a state's id is not an ISO 3166 alpha-3 code (a warning)",
    "duplicate-id": "two rows have the same id (a warning when they differ only in case, `R01` and `r01`)",
    "duplicate-name": "two actors have the same name, ignoring case and spaces (a warning)",
    "unknown-actor": "a relation names an actor that actors.csv does not hold",
    "unknown-source": "a relation names a source that sources.csv does not hold",
    "unknown-relation": "a relation type is in neither the vocabulary nor relation_types.csv",
    "self-relation": "a relation's source and target are the same actor (a warning)",
    "sign-mismatch": "a relation's sign contradicts its type's sign (a warning)",
    "missing-said-by": "a claim or forecast does not say who makes it (a warning)",
    "no-quote": "a relation has no quote (a warning)",
    "bad-url": "a URL is not http or https (a warning)",
    "isolated-actor": "an actor takes part in no relation (a warning)",
    "missing-text": "a source's text file is missing, unreadable or outside the dataset; one not in UTF-8 is read as Windows-1252, as the CSV files are, with a `not-utf8` warning (a warning)",
    "quote-not-in-text": "a quote is not verbatim in its source's text",
    "quote-actor-unnamed": "a quote and its sentence do not name the relation's actors (a warning)",
}
