"""Where actors are on a world map: the shipped outline, its points, the projection.

The outline is Natural Earth's 1:110m countries (public domain), shipped in
``graph/outline/countries-110m.json`` (see the README there): per ISO 3166
alpha-3 code, the country's name, a representative point inside it and its
polygons, already projected with :func:`project` and rounded to whole units
(delta-coded rings: ``[x0, y0, dx1, dy1, ...]``); and the countries and
territories too small for that scale (Singapore, Hong Kong, Bahrain, Malta:
64 places, from Natural Earth's 1:10m countries) as a point each, without a
polygon. Nothing is fetched.

An actor is on the map at its ``lat``/``lon`` attributes when it has them,
else at the point of the country whose alpha-3 code is its id.

Examples
--------
>>> x, y = project(127.5, 40.0)
>>> round(x), round(y)
(1020, -465)
>>> point("PRK") is not None, point("SGP") is not None, point("INTL")
(True, True, None)
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from importlib import resources
from typing import Any

__all__ = [
    "RADIUS",
    "MAP_DEFAULT_SHARE",
    "MAP_DEFAULT_MIN",
    "project",
    "outline",
    "point",
    "positions",
    "default_layout",
]

#: The sphere's radius in the view's units: the world is about 3,250 units wide.
RADIUS = 600.0
#: The view opens on the map when at least this share of actors has a position...
MAP_DEFAULT_SHARE = 0.8
#: ...and the data is machine-coded or at least this many actors have one (a
#: hand-coded dataset of a few states stays on force).
MAP_DEFAULT_MIN = 20

_A1, _A2, _A3, _A4 = 1.340264, -0.081106, 0.000893, 0.003796
_M = math.sqrt(3) / 2


def project(lon: float, lat: float) -> tuple[float, float]:
    """Equal Earth projection of ``lon``, ``lat`` (degrees) into the view's plane.

    ``x`` grows eastwards, ``y`` southwards (as on a canvas), in units of
    :data:`RADIUS`; (0, 0) is where the equator meets the prime meridian.

    Examples
    --------
    >>> project(0, 0)
    (0.0, -0.0)
    >>> x, y = project(-77.0, 38.9)
    >>> x < 0 < -y
    True
    """
    lam, phi = math.radians(lon), math.radians(lat)
    theta = math.asin(_M * math.sin(phi))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = lam * math.cos(theta) / (_M * (_A1 + 3 * _A2 * t2 + t6 * (7 * _A3 + 9 * _A4 * t2)))
    y = theta * (_A1 + _A2 * t2 + t6 * (_A3 + _A4 * t2))
    return x * RADIUS, -y * RADIUS


@lru_cache(maxsize=1)
def outline() -> dict[str, Any]:
    """The shipped world outline (read once): ``{"source", "licence", "countries", "places"}``.

    ``countries`` maps an ISO alpha-3 code to ``{"name", "point": [x, y],
    "polygons": [[ring, hole, ...], ...]}``, each ring delta-coded;
    ``places`` maps the codes of countries too small for the outline to
    ``{"name", "point": [x, y]}``.

    Examples
    --------
    >>> o = outline()
    >>> o["countries"]["KOR"]["name"], len(o["countries"]) > 170
    ('South Korea', True)
    >>> o["places"]["SGP"]["name"]
    'Singapore'
    """
    text = resources.files("graph").joinpath("outline/countries-110m.json").read_text("utf-8")
    return json.loads(text)


def point(iso: str) -> tuple[float, float] | None:
    """The representative point (inside the country) of an ISO alpha-3 code, or None.

    Countries of the outline and the small places beside it (``"SGP"``) both
    have one.

    Examples
    --------
    >>> point("USA") is not None, point("usa")
    (True, None)
    >>> x, y = point("SGP")
    >>> abs(x - project(103.82, 1.35)[0]) < 2
    True
    """
    world = outline()
    entry = world["countries"].get(iso) or world["places"].get(iso)
    return None if entry is None else (entry["point"][0], entry["point"][1])


def _number(value) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def positions(G) -> dict[Any, tuple[float, float, str]]:
    """Where each actor of ``G`` that has a place goes on the map.

    Returns node -> ``(x, y, how)``: ``how`` is ``"latlon"`` for an actor with
    ``lat`` and ``lon`` attributes (in range), ``"iso"`` for one whose id is an
    ISO alpha-3 code of the outline or of its small places. Other actors are
    left out.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("PRK"); G.add_node("INTL"); G.add_node("Seoul", lat=37.57, lon=126.98)
    >>> sorted((str(n), how) for n, (x, y, how) in positions(G).items())
    [('PRK', 'iso'), ('Seoul', 'latlon')]
    """
    out: dict[Any, tuple[float, float, str]] = {}
    for node, attrs in G.nodes(data=True):
        lat, lon = _number(attrs.get("lat")), _number(attrs.get("lon"))
        if lat is not None and lon is not None and abs(lat) <= 90 and abs(lon) <= 180:
            x, y = project(lon, lat)
            out[node] = (round(x, 1), round(y, 1), "latlon")
        elif (p := point(str(node))) is not None:
            out[node] = (p[0], p[1], "iso")
    return out


def default_layout(placed: int, total: int, machine_coded: bool = False) -> str:
    """``"map"`` when most actors have a position (event data), else ``"force"``.

    The rule: at least :data:`MAP_DEFAULT_SHARE` of all actors placed, and
    either the data is machine-coded (a source marked ``machine_coded``, as
    ``geograph import gdelt`` / ``icews`` write) or at least
    :data:`MAP_DEFAULT_MIN` actors are placed.

    Examples
    --------
    >>> default_layout(5, 6), default_layout(180, 200), default_layout(100, 200)
    ('force', 'map', 'force')
    >>> default_layout(5, 6, machine_coded=True)
    'map'
    """
    if (
        placed
        and placed >= MAP_DEFAULT_SHARE * total
        and (machine_coded or placed >= MAP_DEFAULT_MIN)
    ):
        return "map"
    return "force"
