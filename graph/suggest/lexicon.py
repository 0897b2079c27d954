"""The verb lexicon: phrases that signal a relation type, aligned with CAMEO.

``graph/lexicon.csv`` ships about 150 phrases written for geograph (MIT,
like the package) after the CAMEO 1.1b3 verb categories; a dataset adds or
overrides phrases in its own ``lexicon.csv`` with the same columns.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from ..problems import DataError, Problem

__all__ = ["LEXICON_COLUMNS", "Cue", "read_lexicon"]

#: The columns of ``graph/lexicon.csv`` and of a dataset's own ``lexicon.csv``.
LEXICON_COLUMNS = ["phrase", "relation", "note"]
_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"'})


@dataclass(frozen=True)
class Cue:
    """A phrase of the lexicon and the relation type it signals."""

    phrase: str
    relation: str
    note: str
    pattern: re.Pattern[str]


def _compile(phrase: str) -> re.Pattern[str]:
    body = ""
    for word in phrase.split():
        if word == "...":
            body += r"(?:\s+\S+){0,3}?"
            continue
        stem = re.escape(word.rstrip("*").translate(_QUOTES))
        body += (r"\s+" if body else "") + stem + (r"\w*" if word.endswith("*") else "")
    return re.compile(rf"(?<!\w){body}(?!\w)", re.I)


def read_lexicon(folder: str | Path | None = None, vocabulary: dict | None = None) -> list[Cue]:
    """The verb lexicon: the shipped ``graph/lexicon.csv``, after a dataset's own ``lexicon.csv``.

    A phrase is words separated by spaces; a word ending in ``*`` matches any
    ending (``threat*``: threat, threats, threatened) and ``...`` up to three
    words (``rebuild* ... ties``). A dataset's row for the same phrase wins.

    Raises
    ------
    DataError
        When a row names a relation type that ``vocabulary`` does not hold.

    Examples
    --------
    >>> cues = read_lexicon()
    >>> next(c.relation for c in cues if c.pattern.search("they threatened Seoul"))
    'threaten'
    """
    shipped = resources.files("graph").joinpath("lexicon.csv").read_text("utf-8")
    sources = []
    own = Path(folder) / "lexicon.csv" if folder is not None else None
    if own is not None and own.is_file():
        sources.append((str(own), own.read_text("utf-8-sig")))
    sources.append(("graph/lexicon.csv", shipped))
    cues: dict[str, Cue] = {}
    problems = []
    for name, text in sources:
        for line, row in enumerate(csv.DictReader(io.StringIO(text)), start=2):
            phrase = (row.get("phrase") or "").strip().lower()
            relation = (row.get("relation") or "").strip()
            if not phrase or phrase in cues:
                continue
            if vocabulary is not None and relation not in vocabulary:
                msg = f'relation "{relation}" of phrase "{phrase}" is not in the vocabulary'
                problems.append(Problem(name, line, 2, "relation", "unknown-relation", msg))
                continue
            cues[phrase] = Cue(phrase, relation, row.get("note") or "", _compile(phrase))
    if problems:
        raise DataError(problems)
    return list(cues.values())
