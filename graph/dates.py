"""Partial ISO 8601 dates: ``2017``, ``2020-06``, ``2020-06-16``.

A partial date stands for the whole period it names: ``2020-06`` is every
day of June 2020. A relation with ``start`` and ``end`` is valid over
``[first day of start, last day of end]``; an empty start is unbounded in
the past and an empty end means ongoing.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import functools
import re
import unicodedata
from typing import NamedTuple

__all__ = [
    "PartialDate",
    "parse_date",
    "interval",
    "overlaps",
    "DateError",
    "DateTypeError",
    "date_text",
    "DateLike",
    "date_message",
    "iso_form",
]

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$", re.ASCII)  # ASCII digits only


class DateError(ValueError):
    """A text that is not a partial ISO 8601 date."""


class DateTypeError(DateError, TypeError):
    """A date given as something that is neither a text, a year nor a day (a list, a float...).

    A :class:`DateError` too, so that whoever reports bad dates reports it.
    """


#: What every function taking a date accepts: a partial ISO text, an int year, a day.
DateLike = str | int | _dt.date

_TYPE_FIX = "give the date as text, e.g. '2018' or '2020-06' (or an int year, or a datetime.date)"


class PartialDate(NamedTuple):
    """A parsed partial date: its text, its first and last day, and precision."""

    text: str
    first: _dt.date
    last: _dt.date
    precision: str  # "year", "month" or "day"


def parse_date(text) -> PartialDate:
    """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, or a year or a day given as a Python value.

    Parameters
    ----------
    text : str, int, datetime.date, datetime.datetime or pandas.Timestamp
        The date as written in a CSV cell (surrounding spaces ignored); an
        ``int`` is a year (``2018`` is ``"2018"``); a ``datetime.date``, a
        ``datetime.datetime`` or a ``pandas.Timestamp`` is its day (the time
        of day is dropped).

    Returns
    -------
    PartialDate

    Raises
    ------
    DateError
        If the text is not one of the three forms or names no real day.
    DateTypeError
        (a :class:`DateError` and a ``TypeError``) for a value of any other
        type: a float, a bool, a list...

    Examples
    --------
    >>> parse_date("2020-06")
    PartialDate(text='2020-06', first=datetime.date(2020, 6, 1), last=datetime.date(2020, 6, 30), precision='month')
    >>> parse_date("2018").last
    datetime.date(2018, 12, 31)
    >>> import datetime
    >>> parse_date(2018).text, parse_date(datetime.date(2020, 6, 1)).text
    ('2018', '2020-06-01')
    >>> parse_date(2018.0)
    Traceback (most recent call last):
    ...
    graph.dates.DateTypeError: got 2018.0 (a float); give the date as text, e.g. '2018' or '2020-06' (or an int year, or a datetime.date)
    """
    if isinstance(text, str):
        return _parse_text(text)
    return _parse_text(_as_text(text))


def date_text(value: DateLike) -> str:
    """The partial ISO text of a date given as :func:`parse_date` accepts it.

    Examples
    --------
    >>> import datetime
    >>> date_text(2018), date_text(" 2020-06 "), date_text(datetime.datetime(2020, 6, 16, 9, 30))
    ('2018', '2020-06', '2020-06-16')
    """
    return parse_date(value).text


def _as_text(value) -> str:
    """A year or a day given as a Python value, as ISO text."""
    import numbers

    if isinstance(value, _dt.datetime):  # pandas.Timestamp too; before date, its base class
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, numbers.Integral) and not isinstance(value, bool):
        if not 1 <= int(value) <= 9999:
            raise DateError(f"there is no year {int(value)}; a year runs from 1 to 9999")
        return f"{int(value):04d}"
    kind = type(value).__name__
    # like the text's messages, without the argument's name: the caller that knows it adds it
    msg = f"got {value!r} (a {kind}); {_TYPE_FIX}"
    raise DateTypeError(msg)


# The checks and the payload both parse every distinct date (of thousands, in large
# data); a PartialDate is immutable, so each text is parsed once. Errors are not kept.
@functools.lru_cache(maxsize=1 << 14)
def _parse_text(text: str) -> PartialDate:
    return _parse(text)


def _parse(text) -> PartialDate:
    value = text.strip() if isinstance(text, str) else text
    m = _ISO.match(value) if isinstance(value, str) else None
    if not m:
        raise DateError(date_message(text))
    year = int(m.group(1))
    month = int(m.group(2)) if m.group(2) else None
    day = int(m.group(3)) if m.group(3) else None
    if year < 1 or month is not None and not 1 <= month <= 12 or day is not None and day < 1:
        raise DateError(date_message(text))
    if month is None:
        return PartialDate(value, _dt.date(year, 1, 1), _dt.date(year, 12, 31), "year")
    if day is None:
        last = calendar.monthrange(year, month)[1]
        return PartialDate(value, _dt.date(year, month, 1), _dt.date(year, month, last), "month")
    try:
        d = _dt.date(year, month, day)
    except ValueError:  # past the month's last day
        raise DateError(date_message(text)) from None
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


_GENERIC = "write YYYY, YYYY-MM or YYYY-MM-DD (like 2020-06-16)"
#: Dashes that look like a hyphen: figure, en and em dash, minus sign, hyphen, non-breaking hyphen.
_DASHES = str.maketrans(dict.fromkeys("\u2012\u2013\u2014\u2212\u2010\u2011", "-"))
_DMY = re.compile(r"^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$")
_WITH_TIME = re.compile(
    r"^(\d{4}-\d{2}-\d{2})[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$"
)
_SPREADSHEET_DAY = re.compile(r"^\d{5}(?:\.0+)?$")
#: A month as a spreadsheet shows a typed ``2020-06`` (a date, formatted ``mmm-yy``): ``Jun-20``.
_SPREADSHEET_MONTH = re.compile(r"^([A-Za-z]{3,9})\.?-(\d{2})$")
_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTHS["sept"] = 9
_OTHER_DATES: list[tuple[re.Pattern[str], tuple[int, int, int | None]]] = [
    # (pattern, group order of year, month, day)
    (re.compile(r"^(\d{4})[./ -](\d{1,2})[./ -](\d{1,2})$"), (1, 2, 3)),  # 2020/06/16, 2020-6-16
    (re.compile(r"^(\d{4})(\d{2})(\d{2})$"), (1, 2, 3)),  # 20200616
    (re.compile(r"^(\d{4})[./ ](\d{1,2})$"), (1, 2, None)),  # 2020/06
    (re.compile(r"^(\d{1,2})[./-](\d{4})$"), (2, 1, None)),  # 06/2020
    (re.compile(r"^([a-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$"), (3, 1, 2)),  # June 16, 2020
    (re.compile(r"^(\d{1,2})(?:st|nd|rd|th)? ([a-z]+)\.?,? (\d{4})$"), (3, 2, 1)),  # 16 June 2020
    (re.compile(r"^([a-z]+)\.?,? (\d{4})$"), (2, 1, None)),  # June 2020
]


def date_message(text: str) -> str:
    """What is wrong with a date that :func:`parse_date` rejects, and the fix.

    One wording for every place a date is read: a CSV cell in ``geograph
    check``, a ``--date`` option, a notebook argument. The message starts
    with the text as written and ends with what to write instead.

    Examples
    --------
    >>> date_message("16/06/2020")
    '"16/06/2020" is not an ISO date; write 2020-06-16 (YYYY-MM-DD)'
    >>> date_message("2020-06-16T00:00")
    '"2020-06-16T00:00" is not an ISO date (it has a time of day); write the date alone: 2020-06-16'
    >>> date_message("2020-13-01")
    '"2020-13-01" is not a real date (there is no month 13); write 2020-01-13 if 13 is the day (YYYY-MM-DD)'
    >>> print(date_message("Jun-20"))
    "Jun-20" is not an ISO date (it looks like a spreadsheet's display of the month 2020-06); write 2020-06 and format the column as text
    >>> date_message("2020-02-30")
    '"2020-02-30" is not a real date (February 2020 has 29 days); write YYYY, YYYY-MM or YYYY-MM-DD (like 2020-06-16)'
    """
    raw = text.strip() if isinstance(text, str) else str(text)
    m = _ISO.match(raw)
    if m:
        year, month, day = m.groups()
        fix = _GENERIC
        if month and day and int(month) > 12 >= int(day) >= 1:
            fix = f"write {year}-{day}-{month} if {month} is the day (YYYY-MM-DD)"
        return f'"{text}" is not a real date ({_unreal(year, month, day)}); {fix}'
    return f'"{text}" is not an ISO date{_fix(raw)}'


def _unreal(year: str, month: str | None, day: str | None) -> str:
    """Why an ISO-shaped date names no day."""
    if int(year) < 1:
        return "there is no year 0"
    if month is not None and not 1 <= int(month) <= 12:
        return f"there is no month {int(month)}"
    if day is not None and int(day) == 0:
        return "there is no day 0"
    last = calendar.monthrange(int(year), int(month or 1))[1]
    return f"{calendar.month_name[int(month or 1)]} {year} has {last} days"


def _fix(raw: str) -> str:
    """``; write ...``: the ISO form of a date written another way when it is clear, else the forms."""
    m = _DMY.match(raw)
    if m:
        a, b, year = int(m.group(1)), int(m.group(2)), m.group(3)
        if a > 12 >= b:
            return f"; write {year}-{b:02d}-{a:02d} (YYYY-MM-DD)"
        if b > 12 >= a:
            return f"; write {year}-{a:02d}-{b:02d} (YYYY-MM-DD)"
        return (
            f"; write it as YYYY-MM-DD: {year}-{b:02d}-{a:02d} if day first, "
            f"{year}-{a:02d}-{b:02d} if month first"
        )
    m = _WITH_TIME.match(raw)
    if m and iso_form(m.group(1)):
        return f" (it has a time of day); write the date alone: {m.group(1)}"
    if _SPREADSHEET_DAY.match(raw):
        day = _dt.date(1899, 12, 30) + _dt.timedelta(days=int(float(raw)))
        return (
            f" (it looks like a spreadsheet's day number, {day.isoformat()}); "
            f"write {day.isoformat()} and format the column as text"
        )
    month = _SPREADSHEET_MONTH.match(raw)
    if month and month.group(1).lower() in _MONTHS:
        # Excel's two-digit years: 00-29 are 2000-2029, 30-99 1930-1999
        yy = int(month.group(2))
        shown = f"{2000 + yy if yy < 30 else 1900 + yy}-{_MONTHS[month.group(1).lower()]:02d}"
        return (
            f" (it looks like a spreadsheet's display of the month {shown}); "
            f"write {shown} and format the column as text"
        )
    iso = iso_form(raw)
    return f"; write {iso}" if iso else f"; {_GENERIC}"


def iso_form(raw: str) -> str | None:
    """The ISO form of an unambiguous date written another way, if it names a real day.

    Examples
    --------
    >>> iso_form("June 16 2020"), iso_form("2020/06/16"), iso_form("20200616"), iso_form("Sept. 2020")
    ('2020-06-16', '2020-06-16', '2020-06-16', '2020-09')
    >>> iso_form("2020–06–16"), iso_form("'2017"), iso_form("２０２０-06")
    ('2020-06-16', '2017', '2020-06')
    """
    # a word processor's dashes for hyphens, a spreadsheet's text prefix (') or full-width digits
    cleaned = unicodedata.normalize("NFKC", raw).translate(_DASHES).strip().lstrip("'’")
    if cleaned != raw and _ISO.match(cleaned):
        try:
            return parse_date(cleaned).text
        except DateError:
            return None
    words = " ".join(cleaned.lower().replace(",", " ").split())
    for pattern, (y, m, d) in _OTHER_DATES:
        match = pattern.match(words)
        if not match:
            continue
        written = match.group(m)
        month = _MONTHS.get(written) if written.isalpha() else int(written)
        if not month or not 1 <= month <= 12:
            return None
        iso = f"{match.group(y)}-{month:02d}" + (f"-{int(match.group(d)):02d}" if d else "")
        try:
            return parse_date(iso).text
        except DateError:
            return None
    return None
