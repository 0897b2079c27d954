"""The shipped world outline read back with shapely, for tests/test_geo.py and tests/test_view_map.py."""

from __future__ import annotations

from functools import cache

from shapely.geometry import Polygon
from shapely.ops import unary_union

from graph.geo import outline


def _ring(flat):
    x = y = 0
    out = []
    for i in range(0, len(flat), 2):
        x += flat[i]
        y += flat[i + 1]
        out.append((x, y))
    return out


@cache
def country_shape(iso: str):
    """The country's polygons as the page draws them (delta-coded rings decoded)."""
    polygons = outline()["countries"][iso]["polygons"]
    return unary_union(
        [Polygon(_ring(p[0]), [_ring(h) for h in p[1:]]).buffer(0) for p in polygons]
    )
