"""Partial ISO 8601 dates: ``2017``, ``2020-06``, ``2020-06-16``.

A partial date stands for the whole period it names: ``2020-06`` is every
day of June 2020. A relation with ``start`` and ``end`` is valid over
``[first day of start, last day of end]``; an empty start is unbounded in
the past and an empty end means ongoing.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import re
from typing import NamedTuple

__all__ = ["PartialDate", "parse_date", "interval", "overlaps", "DateError"]

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class DateError(ValueError):
    """A text that is not a partial ISO 8601 date."""


class PartialDate(NamedTuple):
    """A parsed partial date: its text, its first and last day, and precision."""

    text: str
    first: _dt.date
    last: _dt.date
    precision: str  # "year", "month" or "day"


def parse_date(text: str) -> PartialDate:
    """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.

    Parameters
    ----------
    text : str
        The date as written in a CSV cell (surrounding spaces ignored).

    Returns
    -------
    PartialDate

    Raises
    ------
    DateError
        If the text is not one of the three forms or names no real day.

    Examples
    --------
    >>> parse_date("2020-06")
    PartialDate(text='2020-06', first=datetime.date(2020, 6, 1), last=datetime.date(2020, 6, 30), precision='month')
    >>> parse_date("2018").last
    datetime.date(2018, 12, 31)
    """
    value = text.strip() if isinstance(text, str) else text
    m = _ISO.match(value) if isinstance(value, str) else None
    if not m:
        raise DateError(f"{text!r} is not a date in the form YYYY, YYYY-MM or YYYY-MM-DD")
    year = int(m.group(1))
    month = int(m.group(2)) if m.group(2) else None
    day = int(m.group(3)) if m.group(3) else None
    try:
        if month is None:
            return PartialDate(value, _dt.date(year, 1, 1), _dt.date(year, 12, 31), "year")
        if day is None:
            last = calendar.monthrange(year, month)[1]
            return PartialDate(
                value, _dt.date(year, month, 1), _dt.date(year, month, last), "month"
            )
        d = _dt.date(year, month, day)
    except (ValueError, calendar.IllegalMonthError) as err:
        raise DateError(f"{text!r} names no real day ({err})") from err
    return PartialDate(value, d, d, "day")


def interval(start: str | None, end: str | None) -> tuple[_dt.date | None, _dt.date | None]:
    """The days a relation covers: first day of ``start``, last day of ``end``.

    ``None`` stands for an open side (no start: since ever; no end: ongoing).

    Examples
    --------
    >>> interval("2017", "2019-02")
    (datetime.date(2017, 1, 1), datetime.date(2019, 2, 28))
    >>> interval(None, None)
    (None, None)
    """
    lo = parse_date(start).first if start else None
    hi = parse_date(end).last if end else None
    return lo, hi


def overlaps(start: str | None, end: str | None, at: str) -> bool:
    """Whether a relation from ``start`` to ``end`` is valid at ``at``.

    ``at`` may itself be partial: ``overlaps(..., at="2020-06")`` is true
    for anything valid on any day of June 2020.

    Examples
    --------
    >>> overlaps("2020-06-16", "2020-06-16", "2020-06")
    True
    >>> overlaps("2017", "2019", "2020")
    False
    >>> overlaps(None, None, "1950")
    True
    """
    lo, hi = interval(start, end)
    when = parse_date(at)
    return (lo is None or lo <= when.last) and (hi is None or hi >= when.first)
