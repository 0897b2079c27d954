"""Build graph/outline/countries-110m.json from Natural Earth's 1:110m countries.

Run once, by hand, when the outline changes (nothing runs it at build or test
time)::

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python tools/world_outline.py package/countries-110m.json graph/outline/countries-110m.json \
        --places package/countries-10m.json

It needs shapely (the representative points, by polylabel) and pycountry
(ISO 3166 numeric codes to alpha-3). The TopoJSON is decoded here: its
quantised, delta-coded arcs take a few lines, and topojson-client is
JavaScript. Every ring is projected with graph.geo.project (Equal Earth),
rounded to whole units and delta-coded, so that the page draws it as it is;
each country's point is the pole of inaccessibility of its largest polygon
in the projected plane, so it is inside the polygon the page draws.

Countries and territories too small for the 1:110m outline (Singapore, Hong
Kong, Bahrain, Malta...) come from the 1:10m countries of the same package
(``--places``): a point each, found the same way in their own 1:10m polygon,
and no polygon (the page marks the actor there).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pycountry
from shapely.geometry import Polygon
from shapely.ops import polylabel

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from graph.geo import project  # noqa: E402

# Natural Earth features without an ISO 3166 numeric code: the codes in use for them.
_NO_NUMERIC = {"Kosovo": "XKX", "N. Cyprus": None, "Somaliland": None}


def _arcs(topology: dict) -> list[list[tuple[float, float]]]:
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    out = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        out.append(points)
    return out


def _ring(arcs, indexes) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def _split(ring: list[tuple[float, float]]) -> list[list[tuple[float, float]]]:
    """A ring that crosses the antimeridian twice, as its two sides (closed along it).

    A ring around a pole (Antarctica: one crossing) stays whole: in Equal Earth
    the pole is a line, and the jump runs along it.
    """
    jumps = [i for i in range(1, len(ring)) if abs(ring[i][0] - ring[i - 1][0]) > 180]
    if len(jumps) != 2:
        return [ring]
    a, b = jumps
    return [ring[a:b], ring[b:] + ring[:a]]


def _coded(ring: list[tuple[float, float]]) -> list[int]:
    flat: list[int] = []
    last = (0, 0)
    for lon, lat in ring:
        x, y = project(lon, lat)
        p = (round(x), round(y))
        if flat and p == last:
            continue
        flat.extend((p[0] - last[0], p[1] - last[1]))
        last = p
    return flat


def _decoded(flat: list[int]) -> list[tuple[int, int]]:
    x = y = 0
    out = []
    for i in range(0, len(flat), 2):
        x += flat[i]
        y += flat[i + 1]
        out.append((x, y))
    return out


def _alpha3(geometry: dict) -> str | None:
    name = geometry["properties"]["name"]
    if "id" not in geometry:
        return _NO_NUMERIC.get(name)
    country = pycountry.countries.get(numeric=geometry["id"])
    return None if country is None else country.alpha_3


def build(topology: dict, detailed: dict | None = None) -> dict:
    """The outline: per ISO alpha-3, its name, point and projected polygons.

    With ``detailed`` (a finer TopoJSON of the same countries), ``places``
    holds the name and point of each of its countries the outline lacks.
    """
    arcs = _arcs(topology)
    countries = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        iso = _alpha3(geometry)
        if iso is None:
            continue
        polys = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        coded = []
        best = None
        pieces = []
        for poly in polys:
            outer, *holes = [_ring(arcs, r) for r in poly]
            sides = _split(outer)
            # holes (Lesotho in South Africa...) never reach the antimeridian
            pieces.extend([side, *holes] if i == 0 else [side] for i, side in enumerate(sides))
        for piece in pieces:
            rings = [_coded(r) for r in piece]
            rings = [r for r in rings if len(r) >= 6]
            if not rings:
                continue
            coded.append(rings)
            shape = Polygon(_decoded(rings[0]), [_decoded(r) for r in rings[1:]]).buffer(0)
            if best is None or shape.area > best.area:
                best = shape
        if best is None:
            continue
        if best.geom_type == "MultiPolygon":
            best = max(best.geoms, key=lambda g: g.area)
        point = polylabel(best, tolerance=0.5)
        countries[iso] = {
            "name": geometry["properties"]["name"],
            "point": [round(point.x, 1), round(point.y, 1)],
            "polygons": coded,
        }
    places = _places(detailed, set(countries)) if detailed is not None else {}
    return {
        "source": "Natural Earth 1:110m Admin 0 countries (places too small for it: 1:10m),"
        " v4.1.0, via world-atlas 2.0.2",
        "licence": "public domain (Natural Earth); world-atlas packaging ISC",
        "projection": "Equal Earth",
        "countries": dict(sorted(countries.items())),
        "places": dict(sorted(places.items())),
    }


def _places(topology: dict, known: set[str]) -> dict:
    """Name and point of each country of ``topology`` whose code is not in ``known``.

    The points are found in the projected plane without rounding: many of these
    places are smaller than one unit of the outline.
    """
    arcs = _arcs(topology)
    places = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        iso = _alpha3(geometry)
        if iso is None or iso in known:
            continue
        polys = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        rings = [[project(lon, lat) for lon, lat in _ring(arcs, poly[0])] for poly in polys]
        shapes = [Polygon(r).buffer(0) for r in rings if len(r) >= 3]
        shapes = [s for s in shapes if not s.is_empty]
        if shapes:
            best = max(shapes, key=lambda g: g.area)
            if best.geom_type == "MultiPolygon":
                best = max(best.geoms, key=lambda g: g.area)
            x, y = polylabel(best, tolerance=0.01).coords[0]
        else:  # smaller than the quantisation (the Vatican): the mean of its points
            points = [p for r in rings for p in r]
            x, y = sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points)
        places[iso] = {"name": geometry["properties"]["name"], "point": [round(x, 1), round(y, 1)]}
    return places


def main(source: str, target: str, places: str | None = None) -> None:
    topology = json.loads(Path(source).read_text("utf-8"))
    detailed = json.loads(Path(places).read_text("utf-8")) if places else None
    text = json.dumps(build(topology, detailed), separators=(",", ":"), ensure_ascii=False)
    Path(target).write_text(text + "\n", "utf-8")


if __name__ == "__main__":
    args = sys.argv[1:]
    extra = None
    if "--places" in args:
        i = args.index("--places")
        extra = args[i + 1]
        del args[i : i + 2]
    main(args[0], args[1], extra)
