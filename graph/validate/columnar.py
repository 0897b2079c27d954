"""``relations.csv`` checked column by column: the fast path for large, clean files.

:func:`validate_relation_columns` runs the checks of :mod:`.relations` over
whole columns: set differences for references, each distinct number, flag
or date checked once with the same cell checks, masks for the rest. It makes
no message of its own: when any row would get a problem (an error or a
warning), it returns ``None`` and the caller validates the file the usual
way, row by row, which reports exactly what ``geograph check`` always did.
What it returns is the relations' columns, value for value the records that
:func:`.relations.validate_relations` makes.
"""

from __future__ import annotations

from typing import Any

from ..dates import PartialDate
from ..read import Row
from ..read.columns import Columns
from ..schema import FALSE_WORDS, ID_PATTERN, REQUIRED, STATUSES, TRUE_WORDS
from .cells import BAD, Checker, date, generated_id, number
from .relations import References

__all__ = ["validate_relation_columns"]


def _distinct(column: list[str], check) -> dict[str, Any] | None:
    """``check`` (a cell checker) on each distinct value; ``None`` if any is reported."""
    probe = Checker([])
    out: dict[str, Any] = {}
    for value in dict.fromkeys(column):
        result = check(probe, Row(0, {"cell": value}))
        if probe.problems or result is BAD:
            return None
        out[value] = result
    return out


def _get(column: list[str] | None, n: int) -> list[str]:
    return column if column is not None else [""] * n


def _nones(column: list[str]) -> list[str | None]:
    """Cells as :func:`.cells.text` gives them: ``None`` for empty."""
    return [v or None for v in column] if "" in column else list(column)


def validate_relation_columns(
    table: Columns, refs: References, machine_coded: set[str]
) -> dict[str, list] | None:
    """The relations' record columns when no row has a problem, else ``None``.

    ``refs.related`` gets the actors the relations name.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> from graph.read.columns import read_columns
    >>> from graph.vocabulary import default_vocabulary
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "relations.csv"
    >>> _ = p.write_text("source,target,relation,status,quote\\nPRK,KOR,threaten,fact,q\\n")
    >>> refs = References({"PRK": 2, "KOR": 3}, {}, {}, set(), default_vocabulary())
    >>> cols = validate_relation_columns(read_columns(p), refs, set())
    >>> cols["id"], cols["sign"], cols["intensity"], cols["directed"]
    (['PRK-KOR-threaten-undated'], [-1], [-6.0], [True])
    >>> _ = p.write_text("source,target,relation,status,quote\\nPRK,KORR,threaten,fact,q\\n")
    >>> validate_relation_columns(read_columns(p), refs, set()) is None
    True
    """
    if any(k not in table.columns for k in REQUIRED["relations"]):
        return None
    if refs.actors is None or refs.sources is None:
        return None  # a file that could not be read: its problem is reported the usual way
    c, n = table.columns, len(table)
    ids = _get(c.get("id"), n)
    given = [v for v in ids if v]
    if len(set(given)) < len(given) or not all(map(ID_PATTERN.match, given)):
        return None
    source, target, relation = c["source"], c["target"], c["relation"]
    if (set(source) | set(target)) - refs.actors.keys():
        return None  # unknown or empty actors
    if set(relation) - refs.vocabulary.keys():
        return None
    status = [v.lower() for v in c["status"]]
    if set(status) - set(STATUSES):
        return None
    source_id = _get(c.get("source_id"), n)
    if set(source_id) - {""} - refs.sources.keys():
        return None
    columns = _values(table, n)
    if columns is None:
        return None
    sign, intensity, directed, start, end = columns
    said_by, quote = _nones(_get(c.get("said_by"), n)), _nones(_get(c.get("quote"), n))
    sign = [refs.vocabulary[r]["sign"] if s is None else s for s, r in zip(sign, relation)]
    intensity = [
        float(refs.vocabulary[r]["intensity"]) if x is None else float(x)
        for x, r in zip(intensity, relation)
    ]
    machine = [s in machine_coded for s in source_id] if machine_coded else [False] * n
    if _any_warning(source, target, sign, intensity, status, said_by, quote, machine):
        return None
    refs.related.update(source, target)
    out: dict[str, list] = {
        "id": _ids(ids, source, target, relation, start),
        "source": source,
        "target": target,
        "relation": relation,
        "sign": sign,
        "intensity": intensity,
        "directed": directed,
        "status": status,
        "start": [d.text if d else None for d in start],
        "end": [d.text if d else None for d in end],
        "source_id": _nones(source_id),
        "said_by": said_by,
        "quote": quote,
        "note": _nones(_get(c.get("note"), n)),
    }
    known = set(out) | {"id"}
    for key, name in zip(table.keys, table.header):
        if key not in known:
            out[name] = _nones(c[key])
    return out


def _values(table: Columns, n: int) -> tuple[list, ...] | None:
    """sign, intensity (``None`` when empty), directed, start and end, or ``None`` on a problem."""
    c = table.columns

    def as_number(lo, hi, integer):
        return lambda probe, row: number(probe, row, "cell", lo, hi, integer)

    sign_col, intensity_col = _get(c.get("sign"), n), _get(c.get("intensity"), n)
    signs = _distinct(sign_col, as_number(-1, 1, True))
    intensities = _distinct(intensity_col, as_number(-10, 10, False))
    directed_col = [v.lower() for v in _get(c.get("directed"), n)]
    if set(directed_col) - {""} - set(TRUE_WORDS) - set(FALSE_WORDS):
        return None
    start_col, end_col = _get(c.get("start"), n), _get(c.get("end"), n)
    dates = _distinct(start_col + end_col, lambda probe, row: date(probe, row, "cell"))
    if signs is None or intensities is None or dates is None:
        return None
    start = list(map(dates.__getitem__, start_col))
    end = list(map(dates.__getitem__, end_col))
    if any(e.last < s.first for s, e in zip(start, end) if s is not None and e is not None):
        return None  # reversed dates
    return (
        list(map(signs.__getitem__, sign_col)),
        list(map(intensities.__getitem__, intensity_col)),
        [v not in FALSE_WORDS for v in directed_col],
        start,
        end,
    )


def _any_warning(source, target, sign, intensity, status, said_by, quote, machine) -> bool:
    """Would :func:`.relations._warnings` warn about any row?"""
    if any(s == t for s, t in zip(source, target)):
        return True  # a self-relation
    if any(s * x < 0 and not m for s, x, m in zip(sign, intensity, machine)):
        return True  # sign against intensity
    if any(q is None and not m for q, m in zip(quote, machine)):
        return True  # no quote
    return any(s in ("claim", "forecast") and w is None for s, w in zip(status, said_by))


def _ids(
    ids: list[str],
    source: list[str],
    target: list[str],
    relation: list[str],
    start: list[PartialDate | None],
) -> list[str]:
    """Given ids, and the ones :func:`.relations.validate_relations` generates for empty cells."""
    if "" not in ids:
        return ids
    given = set(ids) - {""}
    generated: set[str] = set()
    out = list(ids)
    for i, rid in enumerate(ids):
        if rid:
            continue
        base = generated_id(source[i], target[i], relation[i], start[i])
        rid, k = base, 1
        while rid in generated or rid in given:
            k += 1
            rid = f"{base}-{k}"
        generated.add(rid)
        out[i] = rid
    return out


def lines_of(ids: list[str], table: Columns) -> dict[str, int]:
    """Each relation id's physical line."""
    return dict(zip(ids, table.lines))
