"""Cells of other tools' spreadsheets read as geograph values: numbers, signs, dates.

A date is read or reported: an unreadable one is never dropped (a relation
that loses its dates would be shown at every date), it becomes the same
``bad-date`` problem that ``geograph check`` gives, at its file, line and
column (:class:`DateCells`).
"""

from __future__ import annotations

import math
import re

from ..dates import DateError, parse_date
from ..problems import DataError, Problem
from ..read import Table
from ..schema import SIGN_WORDS, number_text

__all__ = ["DateCells", "intervals"]


def _number(text: str) -> float | None:
    """A number as spreadsheets write it (a decimal comma too); None for anything else."""
    try:
        cell = number_text(text.strip(), decimal_comma=True)
        value = float(cell) if cell else None
    except ValueError:
        return None
    return value if value is None or math.isfinite(value) else None


def _number_text(text: str) -> str:
    """A weight or strength cell as a plain number (``2,5`` -> ``2.5``), else as it was."""
    value = _number(text)
    if value is None:
        return text
    return (
        str(int(value))
        if value.is_integer() and "." not in text and "," not in text
        else repr(value)
    )


def _sign(text: str) -> str:
    """A sign the data gives (``+``, ``-1``, ``negative``), as geograph writes it; else ""."""
    word = text.strip().lower()
    if word in SIGN_WORDS:
        return str(SIGN_WORDS[word])
    value = _number(word)
    return "" if value is None else str((value > 0) - (value < 0))


# Open ends of a Gephi interval, and the time of day an export may add to a date.
_OPEN = {"", "inf", "+inf", "-inf", "infinity", "+infinity", "-infinity"}
_TIME = re.compile(r"(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?")


def _date(text: str) -> str | None:
    """A date cell as geograph writes it; ``None`` for none; :class:`DateError` if unreadable.

    >>> _date("2020.0"), _date("2020-06-16T00:00:00"), _date(" -Infinity ")
    ('2020', '2020-06-16', None)
    """
    text = text.strip()
    if text.lower() in _OPEN:
        return None
    if re.fullmatch(r"\d{4}\.0", text):  # Gephi writes years as numbers
        text = text[:4]
    timed = _TIME.fullmatch(text)
    if timed:  # a timestamp: the day is what a relation's dates hold
        text = timed.group(1)
    return parse_date(text).text


def intervals(text: str) -> list[tuple[str, str]]:
    """Gephi's ``<[2018, 2020-06]; [2021, 2022]>`` (or ``[a,b]``) as (start, end) texts."""
    return re.findall(r"[\[(]\s*([^,\]\)]*?)\s*,\s*([^\]\)]*?)\s*[\])]", text)


def _header(table: Table, key: str) -> str:
    """A column's name as the file writes it."""
    column = table.column(key)
    return table.header[column - 1] if column else key


class DateCells:
    """The dates of one table's cells; each unreadable one kept as a problem where it is.

    Call it for each cell (``dates(row, key)``, or with the text of a part
    of the cell), then :meth:`check` once: it raises every problem together.
    """

    def __init__(self, table: Table):
        self.table = table
        self.problems: list[Problem] = []

    def __call__(self, row, key: str, text: str | None = None) -> str | None:
        raw = row.values.get(key, "") if text is None else text
        try:
            return _date(raw)
        except DateError as err:
            t = self.table
            self.problems.append(
                Problem(
                    t.display, row.line, t.column(key), key, "bad-date", f"{_header(t, key)} {err}"
                )
            )
            return None

    def check(self) -> None:
        """Raise :class:`DataError` with every unreadable date, if any."""
        if self.problems:
            raise DataError(self.problems)
