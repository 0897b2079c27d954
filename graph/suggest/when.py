"""When a drafted relation starts: the date expression next to its phrase, or the publication date."""

from __future__ import annotations

import re

__all__ = ["phrase_date"]

_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ]
    )
}
_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "ten": 10}
_DATE = re.compile(
    r"\b(?:(?P<day>\d{1,2}) )?(?P<month>January|February|March|April|May|June|July|August|"
    r"September|October|November|December) (?P<myear>(?:19|20)\d\d)\b"
    r"|\b(?P<iso>(?:19|20)\d\d[-/]\d\d(?:[-/]\d\d)?)\b"
    r"|\b(?P<year>(?:19|20)\d\d)\b"
    r"|\b(?P<n>\d+|one|two|three|four|five|six|ten) years? ago\b"
    r"|\b(?P<last>last|this) year\b"
)

#: Words before a date that make it a deadline or an end rather than a start.
_DEADLINE = re.compile(
    r"\b(?:by|until|till|before|through)\s+(?:the\s+end\s+of\s+)?(?:(?:early|mid|late)[\s-]+)?$",
    re.I,
)


def phrase_date(
    text: str, at: int, seg: tuple[int, int], published: str | None
) -> tuple[str | None, str]:
    """The date nearest the phrase in its clause (within 60 characters), or the publication date."""
    best = None
    for m in _DATE.finditer(text, seg[0], seg[1]):
        if _DEADLINE.search(text, max(seg[0], m.start() - 20), m.start()):
            continue  # "by 2025", "until June 2020": when it ends, not when it starts
        gap = min(abs(m.start() - at), abs(m.end() - at))
        if gap <= 60 and (best is None or gap < best[0]):
            best = (gap, m)
    year = int(published[:4]) if published else None
    if best is not None:
        m = best[1]
        if m.group("month"):
            month = _MONTHS[m.group("month").lower()]
            day = f"-{int(m.group('day')):02d}" if m.group("day") else ""
            return f"{m.group('myear')}-{month:02d}{day}", "article"
        if m.group("iso"):
            return m.group("iso").replace("/", "-"), "article"
        if m.group("year"):
            return m.group("year"), "article"
        if year is not None and (m.group("n") or m.group("last")):
            n = m.group("n")
            back = (
                (int(n) if n.isdigit() else _NUMBERS[n.lower()])
                if n
                else int(m.group("last") == "last")
            )
            return str(year - back), "implied"
    return published, "published" if published else ""
