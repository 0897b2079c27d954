"""Ids for imported actors and relations: valid, unique, and ISO 3166 for countries.

A country or state that another tool names by its label ("North Korea") gets
the ISO 3166 alpha-3 code that ``geograph check`` expects of a state's id
(``PRK``), found as the ICEWS import finds it
(:func:`graph.events.countries.iso3_from_name`, exact names only); any other
actor gets an id made from its label.
"""

from __future__ import annotations

from ..schema import ID_MAX, is_id, make_id


def slug(text: str, taken: set[str], fallback: str = "actor") -> str:
    """A valid id from a label (:func:`graph.schema.make_id`), made unique with ``-2``, ``-3``."""
    base = make_id(text, fallback=fallback)
    out, n = base, 1
    while out in taken:
        n += 1
        suffix = f"-{n}"
        out = make_id(base, ID_MAX - len(suffix), fallback) + suffix
    taken.add(out)
    return out


def usable_id(given: str, taken: set[str]) -> bool:
    return bool(given) and is_id(given) and given not in taken


def actor_id(label: str, kind: str, taken: set[str]) -> str:
    """The id of a new actor without a usable id of its own, added to ``taken``.

    Examples
    --------
    >>> taken = set()
    >>> actor_id("North Korea", "state", taken), actor_id("Korea, Republic of", "state", taken)
    ('PRK', 'KOR')
    >>> actor_id("DPRK ", "state", taken), actor_id("Atlantis", "state", taken)
    ('DPRK', 'Atlantis')
    >>> actor_id("Russia", "person", taken)
    'Russia'
    """
    code = _country_code(label) if kind == "state" else None
    if code is not None and code not in taken:
        taken.add(code)
        return code
    return slug(label, taken)


def _country_code(label: str) -> str | None:
    try:
        from ..events.countries import iso3_from_name
    except ImportError:  # pycountry (the events extra) is not installed: ids from labels
        return None
    return iso3_from_name(label)
