"""Actors of event data: what each source's actor keys are, and ids that follow the id rule.

A source reader gives, per distinct actor key, the hints the data holds (a
name, a country, a type code or ICEWS sectors); the functions here turn them
into an actor row. :func:`assign_ids` then gives every actor an id that passes
:func:`graph.schema.is_id`, keeping the original name in ``name``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from ..schema import ID_MAX, is_id, make_id
from .countries import country_from_code, iso3_from_name

__all__ = ["gdelt_actor", "icews_actor", "assign_ids", "ActorRow"]

#: An actor row: id, name, type, aliases (list), group, description, and flags
#: ``unmapped`` (a country name without ISO code) and ``vote_name`` (the name
#: seen most often wins).
ActorRow = dict

# GDELT Type1Code values that stand for an organisation (CAMEO actor codebook).
_GDELT_ORGANIZATIONS = frozenset(
    [
        "GOV",
        "MIL",
        "COP",
        "JUD",
        "LEG",
        "SPY",
        "IGO",
        "NGO",
        "NGM",
        "MNC",
        "BUS",
        "MED",
        "EDU",
        "HLH",
    ]
)

# ICEWS names its generic agents "Sector (Country)"; these sectors are
# institutions, the others (Citizen, Protester, Student...) groups of people.
_ICEWS_INSTITUTIONS = re.compile(
    r"^(government|police|military|armed|army|navy|air force|ministry|cabinet|parliament|"
    r"legislat|court|judic|intelligence|security|foreign affairs|defense|defence|party|"
    r"opposition party|media|business|bank|head of government|executive)",
    re.IGNORECASE,
)
# ICEWS event files do not say whether a named actor is a person or an
# organisation, and people carry the sectors of their roles (parties,
# government, executive), so sectors cannot decide it; the name can.
_ORGANIZATION_WORDS = re.compile(
    r"\b(party|parties|organi[sz]ation|union|council|ministry|committee|front|movement|army|"
    r"group|association|bank|company|corporation|inc|ltd|agency|commission|nations|federation|"
    r"league|alliance|forces|government|news|times|press|institute|university|church|"
    r"fund|court|assembly|parliament|congress|senate|police|brigade|hezbollah|hamas|taliban|"
    r"al-qaeda|isis|isil|coalition|office|department|administration|bureau|service)\b",
    re.IGNORECASE,
)


def _country(key: str, code: str, given: str | None = None) -> ActorRow:
    name, kind, aliases = country_from_code(code)
    if given:
        aliases = [a for a in dict.fromkeys([given, *aliases]) if a != name]
    return {
        "id": code,
        "name": name,
        "type": kind,
        "aliases": aliases,
        "group": "",
        "description": "",
        "unmapped": kind == "group",
    }


@functools.cache
def gdelt_actor(
    key: str, name: str | None, country: str | None, kind: str | None, level: str
) -> ActorRow:
    """The actor row of a GDELT actor key (a CAMEO country or actor code).

    Examples
    --------
    >>> gdelt_actor("USAGOV", "WASHINGTON", "USA", "GOV", "actor-code")["type"]
    'organization'
    >>> gdelt_actor("RUS", None, None, None, "country")["name"]
    'Russia'
    """
    if level == "country" or (country and key == country):
        return _country(key, key)
    kind_text = f", type {kind}" if kind else ""
    return {
        "id": key,
        "name": name or key,
        "type": "organization" if kind in _GDELT_ORGANIZATIONS else "group",
        "aliases": [],
        "group": country or "",
        "vote_name": True,
        "description": f"GDELT actor code {key}{kind_text}",
    }


def _icews_type(name: str, sectors: str) -> str:
    generic = re.match(r"^(.*?)\s*\(([^()]*)\)\s*$", name)
    if generic:  # "Police (Kenya)": a generic agent of a country
        return "organization" if _ICEWS_INSTITUTIONS.match(generic.group(1)) else "group"
    return "organization" if _ORGANIZATION_WORDS.search(name) else "person"


@functools.cache
def icews_actor(
    key: str, name: str | None, country: str | None, kind: str | None, level: str
) -> ActorRow:
    """The actor row of an ICEWS name (a country name, or an actor's name at actor level).

    A name that is the name of its own country ("Russia", country "Russian
    Federation") is that country's actor.

    Examples
    --------
    >>> icews_actor("Russia", "Russia", "Russian Federation", None, "actor-code")["id"]
    'RUS'
    >>> a = icews_actor("Shinzo Abe", "Shinzo Abe", "Japan", "Executive,Parties,Government", "actor-code")
    >>> a["type"], a["group"]
    ('person', 'JPN')
    >>> icews_actor("Police (Kenya)", "Police (Kenya)", "Kenya", None, "actor-code")["type"]
    'organization'
    """
    iso = iso3_from_name(key)
    if level == "country" or (iso is not None and (not country or iso3_from_name(country) == iso)):
        if iso is None:
            return {
                "id": key,
                "name": key,
                "type": "group",
                "aliases": [],
                "group": "",
                "description": "ICEWS country name without an ISO 3166 code",
                "unmapped": True,
            }
        return _country(key, iso, key)
    sectors = kind or ""
    group = (iso3_from_name(country) or country) if country else ""
    return {
        "id": key,
        "name": key,
        "type": _icews_type(key, sectors),
        "aliases": [],
        "group": group,
        "description": f"ICEWS sectors: {sectors}" if sectors else "",
    }


def assign_ids(natural: Iterable[str]) -> dict[str, str]:
    """Map natural actor ids (ISO codes, actor codes, names) to unique ids that follow the id rule.

    A natural id that already follows the rule is kept; any other becomes
    :func:`graph.schema.make_id` of it, numbered ``-2``, ``-3``... (within
    the length limit) when two clean to the same id. The result depends only
    on the set of natural ids, not on their order.

    Examples
    --------
    >>> assign_ids(["PRK", "Police (Kenya)", "Police Kenya", "Police-Kenya"])
    {'PRK': 'PRK', 'Police-Kenya': 'Police-Kenya', 'Police (Kenya)': 'Police-Kenya-2', 'Police Kenya': 'Police-Kenya-3'}
    """
    names = sorted(set(natural))
    out: dict[str, str] = {n: n for n in names if is_id(n)}
    taken = set(out.values())
    for n in names:
        if n in out:
            continue
        base = make_id(n)
        candidate, i = base, 1
        while candidate in taken:
            i += 1
            suffix = f"-{i}"
            candidate = make_id(n, max_length=ID_MAX - len(suffix)) + suffix
        out[n] = candidate
        taken.add(candidate)
    return out
