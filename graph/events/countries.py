"""Country codes and names of event data, resolved through pycountry (ISO 3166).

GDELT names countries by 3-letter CAMEO codes, which are ISO 3166 alpha-3
for countries plus a few codes of their own (regions such as ``EUR``,
``WST``; old codes such as ``ROM``). ICEWS names countries in English.
Only what ISO 3166 lacks is listed here.
"""

from __future__ import annotations

import functools

import pycountry

__all__ = ["country_from_code", "iso3_from_name"]

# CAMEO codes that are not ISO 3166 countries (CAMEO manual, actor codebook).
_CAMEO_REGIONS = {
    "AFR": "Africa",
    "ASA": "Asia",
    "BLK": "Balkans",
    "CRB": "Caribbean",
    "CAU": "Caucasus",
    "CFR": "Central Africa",
    "CAS": "Central Asia",
    "CEU": "Central Europe",
    "EIN": "East Indies",
    "EAF": "Eastern Africa",
    "EEU": "Eastern Europe",
    "EUR": "Europe",
    "LAM": "Latin America",
    "MEA": "Middle East",
    "MDT": "Mediterranean",
    "NAF": "North Africa",
    "NMR": "North America",
    "PGS": "Persian Gulf",
    "SCN": "Scandinavia",
    "SAM": "South America",
    "SAS": "South Asia",
    "SEA": "Southeast Asia",
    "SAF": "Southern Africa",
    "WAF": "West Africa",
    "WST": "The West",
}
_CAMEO_OLD = {"ROM": "ROU", "ZAR": "COD", "TMP": "TLS"}
_EXTRA_COUNTRIES = {"KOS": "Kosovo", "XKX": "Kosovo"}

# English names used by ICEWS (and news) that ISO 3166 spells differently.
_NAME_ALIASES = {
    "russia": "RUS",
    "turkey": "TUR",
    "kosovo": "XKX",
    "occupied palestinian territory": "PSE",
    "palestine": "PSE",
    "democratic republic of congo": "COD",
    "democratic republic of the congo": "COD",
    "republic of congo": "COG",
    "congo, democratic republic of the": "COD",
    "burma": "MMR",
    "swaziland": "SWZ",
    "cape verde": "CPV",
    "ivory coast": "CIV",
    "cote d'ivoire": "CIV",
    "macedonia": "MKD",
    "micronesia": "FSM",
    "brunei": "BRN",
    "vatican city": "VAT",
    "east timor": "TLS",
    "the gambia": "GMB",
    "gambia": "GMB",
    "bahamas": "BHS",
    "the bahamas": "BHS",
    "south korea": "KOR",
    "north korea": "PRK",
    "laos": "LAO",
    "syria": "SYR",
    "iran": "IRN",
    "united states": "USA",
    "united states of america": "USA",
    "vietnam": "VNM",
    "czechia": "CZE",
    "czech republic": "CZE",
    "moldova": "MDA",
    "tanzania": "TZA",
    "bolivia": "BOL",
    "venezuela": "VEN",
    "taiwan": "TWN",
    "serbia and montenegro": "SCG",
    "dr congo": "COD",
    "vatican": "VAT",
    "holy see": "VAT",
    "yugoslavia": "YUG",
    "soviet union": "SUN",
    "ussr": "SUN",
    "czechoslovakia": "CSK",
    "hong kong": "HKG",
    "macau": "MAC",
    "macao": "MAC",
}


# The short names people use where ISO 3166 gives an official or inverted one.
_SHORT_NAMES = {
    "RUS": "Russia",
    "COD": "DR Congo",
    "COG": "Republic of the Congo",
    "PSE": "Palestine",
    "VAT": "Vatican",
    "FSM": "Micronesia",
    "BRN": "Brunei",
    "CPV": "Cape Verde",
    "FLK": "Falkland Islands",
    "VGB": "British Virgin Islands",
    "VIR": "US Virgin Islands",
    "SXM": "Sint Maarten",
    "MAF": "Saint Martin",
}
# ISO 3166 codes of territories that are not states (dependencies, special regions).
_TERRITORIES = frozenset(
    [
        "HKG",
        "MAC",
        "PRI",
        "GUM",
        "VIR",
        "ASM",
        "MNP",
        "GRL",
        "FRO",
        "BMU",
        "CYM",
        "GIB",
        "VGB",
        "AIA",
        "MSR",
        "TCA",
        "FLK",
        "SHN",
        "PCN",
        "IOT",
        "NCL",
        "PYF",
        "WLF",
        "SPM",
        "MAF",
        "BLM",
        "GLP",
        "MTQ",
        "GUF",
        "REU",
        "MYT",
        "ABW",
        "CUW",
        "SXM",
        "BES",
        "IMN",
        "JEY",
        "GGY",
        "ALA",
        "SJM",
        "NFK",
        "CXR",
        "CCK",
        "HMD",
        "ATF",
        "SGS",
        "UMI",
        "BVT",
        "TKL",
        "NIU",
        "COK",
        "ESH",
        "ATA",
    ]
)
# Historical codes (ISO 3166-3, CAMEO) by the names people know them by.
_HISTORICAL = {
    "SCG": "Serbia and Montenegro",
    "YUG": "Yugoslavia",
    "CSK": "Czechoslovakia",
    "SUN": "Soviet Union",
    "DDR": "East Germany",
    "ANT": "Netherlands Antilles",
}


@functools.cache
def country_from_code(code: str) -> tuple[str, str, list[str]]:
    """Name, actor type and aliases for a 3-letter CAMEO country code.

    The name is the short one people use (``Russia``, ``DR Congo``); the ISO
    names become aliases. Territories (``HKG``, ``MAC``) and CAMEO regions are
    ``location``; historical codes (``SCG``) are named states; unknown codes
    keep the code as name (type ``group``).

    Examples
    --------
    >>> country_from_code("PRK")
    ('North Korea', 'state', ["Korea, Democratic People's Republic of", "Democratic People's Republic of Korea"])
    >>> country_from_code("RUS")[:2], country_from_code("HKG")[:2], country_from_code("SCG")[:2]
    (('Russia', 'state'), ('Hong Kong', 'location'), ('Serbia and Montenegro', 'state'))
    >>> country_from_code("WST")[:2], country_from_code("QQQ")[:2]
    (('The West', 'location'), ('QQQ', 'group'))
    """
    code = code.upper()
    if code in _CAMEO_REGIONS:
        return _CAMEO_REGIONS[code], "location", []
    if code in _EXTRA_COUNTRIES:
        return _EXTRA_COUNTRIES[code], "state", []
    if code in _HISTORICAL:
        old = pycountry.historic_countries.get(alpha_3=code)
        aliases = [old.name] if old is not None and old.name != _HISTORICAL[code] else []
        return _HISTORICAL[code], "state", aliases
    iso = _CAMEO_OLD.get(code, code)
    entry = pycountry.countries.get(alpha_3=iso)
    if entry is None:
        return code, "group", []
    name = _SHORT_NAMES.get(iso) or getattr(entry, "common_name", None) or entry.name
    aliases = [n for n in (entry.name, getattr(entry, "official_name", None)) if n and n != name]
    kind = "location" if iso in _TERRITORIES else "state"
    return name, kind, list(dict.fromkeys(aliases))


@functools.cache
def iso3_from_name(name: str) -> str | None:
    """ISO 3166 alpha-3 code of an English country name, or ``None``.

    Exact matches only (ISO name, official or common name, or a known alias):
    a fuzzy match would silently merge Kosovo into Serbia.

    Examples
    --------
    >>> iso3_from_name("North Korea"), iso3_from_name("Russian Federation"), iso3_from_name("Turkey")
    ('PRK', 'RUS', 'TUR')
    >>> iso3_from_name("Atlantis") is None
    True
    """
    key = " ".join(name.split()).lower()
    if key in _NAME_ALIASES:
        return _NAME_ALIASES[key]
    try:
        return pycountry.countries.lookup(key).alpha_3
    except LookupError:
        return None
