"""The page's compact form of the payload's relation columns, and its decoding.

:func:`graph.payload.view_payload` gives every relation column as a plain
list, easy to read and to test. Inside the page the same columns are written
smaller (:func:`compact_payload`), and ``templates/js/10-data.js`` turns them
back into exactly those lists before anything else reads the payload, so
``window.geograph.payload`` is still the payload of ``view_payload``.

Each column is either a plain list or one of these encodings (``"k"`` names
it):

- ``const``: every value is ``v``;
- ``runs``: ``v`` is ``[value, count, value, count, ...]`` (sorted relations
  repeat their source and target);
- ``bool``: ``v`` is a string of ``0`` and ``1``;
- ``table``: ``c`` indexes the distinct values ``t`` (``None`` stays ``None``);
- ``words``: cells of space-separated URLs; each distinct URL is stored once,
  in the sorted, front-coded table ``t`` (``[shared prefix length, rest,
  ...]``); ``c`` holds a cell's URL index, a list of them, or ``None``;
- ``template``: relation ids of the form ``f`` (``{from}-{to}-{start}-{relation}``
  and the like, from the decoded columns), with the exceptions ``x``
  (``[[index, id], ...]``).

In an extra column ``None`` marks a relation without the attribute (an empty
cell, or an edge of a graph that lacks it): the page lists no attribute there.
In the page (:func:`page_columns`) an extra column other than the event
counts is ``{"k": "page", "id": ...}``: its encoding is the JSON of the
page's ``<script type="application/json">`` element of that id, which the
page parses when the column is first read (the panel), not at start-up.
Numbers are written as short as JSON allows (a whole float as an int: the
page's JavaScript has one number type).
"""

from __future__ import annotations

import itertools
import math
import operator
import re
from collections.abc import Callable, Iterator
from typing import Any

__all__ = [
    "compact_payload",
    "expand_payload",
    "page_columns",
    "with_page_columns",
    "ABSENT",
    "ID_TEMPLATES",
]

#: Marks, in an extra column, a relation that lacks that attribute.
ABSENT: Any = type("Absent", (), {"__repr__": lambda self: "ABSENT"})()

#: Relation id forms the page can rebuild: ``graph.events`` writes the first,
#: :func:`graph.validate.cells.generated_id` the second (up to 36 characters).
ID_TEMPLATES = ("{from}-{to}-{start}-{relation}", "{from}-{to}-{relation}-{start}")
_FIELDS = re.compile(r"\{(from|to|start|relation)\}")
_URLS = re.compile(r"https?://\S+(?: https?://\S+)*")


def _short(values: list) -> list:
    """Whole floats written as ints (``9.0`` as ``9``), others unchanged."""
    if any(type(v) is float and v.is_integer() for v in values):
        return [int(v) if type(v) is float and v.is_integer() else v for v in values]
    return values


def _shared(a: str, b: str) -> int:
    """Length of the common prefix of ``a`` and ``b`` (slices compared in C, by halves)."""
    lo, hi = 0, min(len(a), len(b))
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[lo:mid] == b[lo:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


_NONES = itertools.repeat(None)


def _front(words: list, own: bool = False) -> list:
    """Sorted strings front-coded: ``[prefix shared with the previous, rest, ...]``.

    ``own``: ``words`` is the caller's to empty, each step's strings let go
    of once coded (the whole strings and their rests are then never all held
    at once).
    """
    out: list = [None] * (2 * len(words))  # its exact size
    prev = ""
    step = 1 << 16
    for at in range(0, len(words), step):
        part = words[at : at + step]
        shared = list(map(_shared, part, [prev, *part[:-1]]))
        prev = part[-1]
        end = 2 * (at + len(part))
        out[2 * at : end : 2] = shared
        out[2 * at + 1 : end : 2] = map(operator.getitem, part, map(slice, shared, _NONES))
        del part, shared
        if own:
            words[at : at + step] = itertools.repeat(None, min(step, len(words) - at))
    return out


def _unfront(flat: list) -> list[str]:
    out: list[str] = []
    prev = ""
    for k, rest in zip(flat[::2], flat[1::2]):
        prev = prev[:k] + rest
        out.append(prev)
    return out


def _words(column: list, own: bool = False) -> dict | None:
    """The ``words`` encoding of a column of space-separated URLs, or ``None`` if it is not one.

    ``own``: the column is the caller's to empty once encoded (see
    :func:`_front`); a cell of several URLs is let go of as soon as it is
    split, its URLs kept once (in the table).
    """
    kinds = set(map(type, column))
    if not kinds <= {str, type(None)} or str not in kinds or "" in column:
        return None
    # cell by cell: a cell of one URL is its own table entry (no copy of the column's text)
    if not all(map(_URLS.fullmatch, filter(None, column))):
        return None
    spaced = list(map(operator.contains, map(str, column), itertools.repeat(" ")))  # None: "None"
    distinct = set(itertools.compress(column, map(operator.not_, spaced)))
    distinct.discard(None)
    several = list(itertools.compress(range(len(column)), spaced))
    del spaced
    parts = []
    for i in several:
        parts.append(column[i].split(" "))
        if own:  # its URLs are held by the parts now
            column[i] = None
    distinct.update(itertools.chain.from_iterable(parts))
    table = sorted(distinct)
    del distinct
    position = dict(zip(table, range(len(table))))
    codes: list = list(map(position.get, column))  # None where no URL (or several)
    for i, urls in zip(several, parts):
        codes[i] = [position[t] for t in urls]  # sized as the list of URLs
    del position, parts
    if own:
        column.clear()  # the table alone holds the URLs now
    return {"k": "words", "t": _front(table, own), "c": codes}


def _encode(column: list, *, text: bool = False, own: bool = False) -> Any:
    """The smallest of the encodings that fit ``column``."""
    n = len(column)
    if n == 0:
        return column
    first = column[0]
    kinds = set(map(type, column))
    plain = len(kinds) == 1 and kinds <= {str, type(None), int, float, bool}
    if plain and column.count(first) == n and not (type(first) is float and math.isnan(first)):
        return {"k": "const", "v": first}
    if kinds == {bool}:
        return {"k": "bool", "v": "".join("1" if v else "0" for v in column)}
    if text and kinds <= {str, type(None)}:
        words = _words(column, own) if n > 1 else None
        if words is not None:
            return words
        distinct = dict.fromkeys(column)
        distinct.pop(None, None)
        if len(distinct) * 2 <= n:
            table = list(distinct)
            position: dict = {t: i for i, t in enumerate(table)}
            position[None] = None
            return {"k": "table", "t": table, "c": list(map(position.__getitem__, column))}
        return column
    if kinds == {int} and n > 2:
        runs = _runs(column, n // 3)
        if runs is not None:
            return {"k": "runs", "v": runs}
    return _short(column) if float in kinds else column


def _runs(column: list, most: int) -> list | None:
    """``[value, count, ...]`` of the column's runs of equal values; ``None`` past ``most`` runs.

    Examples
    --------
    >>> _runs([4, 4, 4, 7, 7, 4], 3), _runs([1, 2, 3], 2)
    ([4, 3, 7, 2, 4, 1], None)
    """
    # where a run starts: neighbours compared in C, no Python step per cell
    starts = list(
        itertools.compress(
            range(1, len(column)), map(operator.ne, column, itertools.islice(column, 1, None))
        )
    )
    if len(starts) >= most:
        return None
    bounds = [0, *starts, len(column)]
    out: list = []
    for a, b in zip(bounds, bounds[1:]):
        out += (column[a], b - a)
    return out


def _ids(payload: dict) -> Any:
    """The id column as a template with exceptions, when one of :data:`ID_TEMPLATES` fits most."""
    e = payload["edges"]
    ids = e["id"]
    n = len(ids)
    if n < 2:
        return ids
    sample = min(n, 200)
    for form in ID_TEMPLATES:
        made = _filled(form, _fields(payload, e))
        hits = sum(map(str.__eq__, itertools.islice(ids, sample), made))
        if hits * 4 < sample * 3:
            continue  # most ids of the first rows do not have this form
        # each id made and compared in turn: no column of made ids is held
        made = _filled(form, _fields(payload, e))
        misses = [[i, ids[i]] for i in itertools.compress(range(n), map(operator.ne, ids, made))]
        if len(misses) * 4 <= n:
            return {"k": "template", "f": form, "x": misses}
    return ids


def _fields(payload: dict, columns: dict) -> dict[str, Iterator[str]]:
    """The texts an id template is filled from, one iterator per field."""
    names = [node["id"] for node in payload["nodes"]]
    dates: dict[int | None, str] = dict(enumerate(payload["dates"]))
    dates[None] = "undated"
    return {
        "from": map(names.__getitem__, columns["from"]),
        "to": map(names.__getitem__, columns["to"]),
        "relation": map(payload["relations"].__getitem__, columns["relation"]),
        "start": map(dates.__getitem__, columns["start"]),
    }


def _filled(form: str, fields: dict[str, Iterator[str]]) -> Iterator[str]:
    """The ids of ``form`` made from ``fields``, one after another.

    Examples
    --------
    >>> list(_filled("{from}-{to}%", {"from": iter("AB"), "to": iter("CD")}))
    ['A-C%', 'B-D%']
    """
    names = _FIELDS.findall(form)
    pattern = _FIELDS.sub("%s", form.replace("%", "%%"))  # each field one %s, in order
    return map(pattern.__mod__, zip(*(fields[k] for k in names)))


_TEXT_COLUMNS = ("quote", "note")


def compact_payload(payload: dict, extra_columns: dict[str, list] | None = None) -> dict:
    """The payload as the page holds it: relation columns in their compact encodings.

    Parameters
    ----------
    payload : dict
        A payload of :func:`graph.payload.view_payload` (not changed).
    extra_columns : dict, optional
        The relations' extra attributes as columns (name -> one value per
        relation, :data:`ABSENT` where a relation lacks it), when the caller
        has them; else they are read from ``payload["edges"]["extra"]``.

    Returns
    -------
    dict
        The same payload with ``edges`` replaced by ``{"n": count, "columns":
        {...}, "extra": {...}}``; :func:`expand_payload` reverses it.

    Examples
    --------
    >>> p = {"nodes": [{"id": "A"}, {"id": "B"}], "relations": ["agree"], "dates": ["2020"],
    ...      "edges": {"id": ["A-B-2020-agree", "B-A-2020-agree"], "from": [0, 1], "to": [1, 0],
    ...                "relation": [0, 0], "start": [0, 0], "sign": [1, 1],
    ...                "intensity": [3.0, 4.5], "directed": [True, False],
    ...                "extra": [[1, {"url": "https://a.org/x https://a.org/y"}]]}}
    >>> c = compact_payload(p)
    >>> c["edges"]["columns"]["id"], c["edges"]["columns"]["intensity"]
    ({'k': 'template', 'f': '{from}-{to}-{start}-{relation}', 'x': []}, [3, 4.5])
    >>> c["edges"]["extra"]["url"]
    {'k': 'words', 't': [0, 'https://a.org/x', 14, 'y'], 'c': [None, [0, 1]]}
    >>> expand_payload(c)["edges"] == p["edges"]
    True
    """
    return _compact(payload, extra_columns, consume=False)


def _compact(
    payload: dict,
    extra_columns: dict[str, list] | None,
    consume: bool,
    written: Callable[[Any], Any] | None = None,
) -> dict:
    """:func:`compact_payload`; with ``consume``, each column is let go of once encoded.

    ``consume`` empties ``payload["edges"]`` and ``extra_columns``: for a
    caller that made them for this call alone (at 283k relations the plain
    columns and their encodings would otherwise be held at once).
    ``written``: what each column's encoding is replaced with as soon as it
    is made (the page's JSON text of it, ``graph.view``): a column's numbers
    and texts as Python objects are several times the size of their JSON.
    """
    edges = payload["edges"]
    n = len(edges["id"])
    if extra_columns is None:
        extra_columns = _extra_columns(edges.get("extra") or [], n)
    names = [name for name in edges if name != "extra"]
    columns: dict[str, Any] = dict.fromkeys(names)
    if "id" in columns:  # made from the plain columns it templates, before they go
        columns["id"] = _ids(payload)
    for name in names:
        column = edges.pop(name) if consume else edges[name]
        if name != "id":
            columns[name] = _encode(column, text=name in _TEXT_COLUMNS, own=consume)
        del column
        if written is not None:
            columns[name] = written(columns[name])
    extra: dict[str, Any] = {}
    for name in list(extra_columns):
        column = extra_columns.pop(name) if consume else extra_columns[name]
        if ABSENT in column:  # a relation without the attribute is one with an empty cell
            column = [None if v is ABSENT else v for v in column]
        enc = _encode(column, text=True, own=consume)
        extra[name] = enc if written is None else written(enc)
        del column, enc
    return {**payload, "edges": {"n": n, "columns": columns, "extra": extra}}


def _extra_columns(pairs: list, n: int) -> dict[str, list]:
    names = dict.fromkeys(k for _, x in pairs for k in x)
    out = {name: [ABSENT] * n for name in names}
    for i, x in pairs:
        for k, v in x.items():
            out[k][i] = v
    return out


def _decode(enc: Any, n: int, payload: dict, decoded: dict) -> list:
    if isinstance(enc, list):
        return enc
    kind = enc["k"]
    if kind == "list":
        return list(enc["v"])
    if kind == "const":
        return [enc["v"]] * n
    if kind == "bool":
        return [c == "1" for c in enc["v"]]
    if kind == "runs":
        v = enc["v"]
        return [x for value, count in zip(v[::2], v[1::2]) for x in [value] * count]
    if kind == "table":
        t = enc["t"]
        return [None if c is None else t[c] for c in enc["c"]]
    if kind == "words":
        t = _unfront(enc["t"])
        return [
            None if c is None else " ".join(t[i] for i in c) if isinstance(c, list) else t[c]
            for c in enc["c"]
        ]
    if kind == "template":
        ids = list(_filled(enc["f"], _fields(payload, decoded)))
        for i, rid in enc["x"]:
            ids[i] = rid
        return ids
    raise ValueError(f"unknown column encoding {kind!r}")


def expand_payload(page: dict) -> dict:
    """The payload of :func:`view_payload` back from its page form (what ``10-data.js`` does).

    Numbers come back as JSON wrote them (``9`` for ``9.0``): equal in value.
    """
    enc = page["edges"]
    n = enc["n"]
    cols: dict[str, list] = {}
    order = [k for k in enc["columns"] if k != "id"] + ["id"]  # ids are made from the others
    for name in order:
        cols[name] = _decode(enc["columns"][name], n, page, cols)
    edges = {name: cols[name] for name in enc["columns"]}
    extra: dict[int, dict] = {}
    for name, e in enc["extra"].items():
        for i, v in enumerate(_decode(e, n, page, cols)):
            if v is not None:
                extra.setdefault(i, {})[name] = v
    edges["extra"] = [[i, extra[i]] for i in sorted(extra)]
    return {**page, "edges": edges}


#: Extra columns the page reads as it opens (the sizes and ties by event counts).
START_COLUMNS = ("events",)


def page_columns(page: dict) -> tuple[dict, list[tuple[str, Any]]]:
    """The page payload with its extra columns moved to elements of their own.

    At 283k relations the extra columns are 12 of the payload's 20 MB of JSON
    (the evidence URLs alone 8 MB); parsed with the rest they would be most of
    the page's ``JSON.parse`` and of the garbage its start-up collects. Each
    but the event counts becomes ``{"k": "page", "id": "gg-extra-N"}``.

    Returns
    -------
    tuple
        The payload (a shallow copy: ``page`` is not changed) and the
        ``[(element id, column encoding), ...]`` to write after it.

    Examples
    --------
    >>> p = {"edges": {"n": 1, "columns": {}, "extra": {"events": [3], "url": ["https://a.org"]}}}
    >>> q, later = page_columns(p)
    >>> q["edges"]["extra"], later
    ({'events': [3], 'url': {'k': 'page', 'id': 'gg-extra-1'}}, [('gg-extra-1', ['https://a.org'])])
    >>> with_page_columns(q, dict(later)) == p
    True
    """
    extra, later = {}, []
    for i, (name, enc) in enumerate(page["edges"]["extra"].items()):
        if name in START_COLUMNS:
            extra[name] = enc
        else:
            later.append((f"gg-extra-{i}", enc))
            extra[name] = {"k": "page", "id": later[-1][0]}
    return {**page, "edges": {**page["edges"], "extra": extra}}, later


def with_page_columns(page: dict, elements: dict[str, Any]) -> dict:
    """The payload of :func:`page_columns` with its columns back from ``elements`` (id -> JSON value)."""
    extra = {
        name: elements[enc["id"]] if isinstance(enc, dict) and enc.get("k") == "page" else enc
        for name, enc in page["edges"]["extra"].items()
    }
    return {**page, "edges": {**page["edges"], "extra": extra}}
