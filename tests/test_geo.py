"""The map layout's data: the shipped outline, points inside countries, lat/lon, sizes."""

from __future__ import annotations

import json
import math
from pathlib import Path

import networkx as nx
import pytest
from event_files import GDELT_LINES
from maps import country_shape
from shapely.geometry import Point

import graph
from graph.events import import_gdelt
from graph.geo import default_layout, outline, point, positions, project
from graph.notebook import show, view_fragment
from graph.payload import view_payload
from graph.payload.sizes import centrality_steps

DATA = Path(__file__).resolve().parent.parent / "data"
FIVE = ["PRK", "KOR", "USA", "CHN", "RUS"]


@pytest.mark.parametrize("iso", FIVE)
def test_the_five_states_are_inside_their_countries(iso):
    x, y = point(iso)
    shape = country_shape(iso)
    assert shape.contains(Point(x, y))
    # and in no other country
    others = [
        c for c in outline()["countries"] if c != iso and country_shape(c).contains(Point(x, y))
    ]
    assert others == []


def test_every_point_is_inside_its_own_country():
    outside = [
        iso
        for iso, c in outline()["countries"].items()
        if not country_shape(iso).contains(Point(*c["point"]))
    ]
    assert outside == []


def test_the_outline_is_small_and_says_where_it_comes_from():
    path = Path(graph.__file__).parent / "outline" / "countries-110m.json"
    assert path.stat().st_size < 100_000
    data = json.loads(path.read_text("utf-8"))
    assert "Natural Earth" in data["source"] and "public domain" in data["licence"]
    assert {"PRK", "KOR", "USA", "CHN", "RUS", "FRA", "BRA"} <= set(data["countries"])
    # no ring jumps across the world (the antimeridian is cut), Antarctica's pole line aside
    for iso, c in data["countries"].items():
        for p in c["polygons"]:
            for ring in p:
                steps = [abs(ring[i]) for i in range(2, len(ring), 2)]
                assert iso == "ATA" or max(steps, default=0) < 400, iso


def test_projection_keeps_east_and_north():
    seoul, washington = project(126.98, 37.57), project(-77.04, 38.9)
    assert washington[0] < 0 < seoul[0]
    assert project(0, 60)[1] < project(0, 0)[1] < project(0, -60)[1]  # y grows southwards


def test_lat_lon_win_over_the_country_and_others_are_left_out():
    G = nx.MultiDiGraph()
    G.add_node("PRK")
    G.add_node("KOR", lat=37.57, lon=126.98)
    G.add_node("INTL", type="organization")
    G.add_node("far", lat=95.0, lon=10.0)  # out of range: not on the map
    placed = positions(G)
    assert placed["PRK"][2] == "iso" and tuple(placed["PRK"][:2]) == point("PRK")
    assert placed["KOR"][2] == "latlon"
    assert placed["KOR"][:2] == pytest.approx(project(126.98, 37.57), abs=0.06)
    assert "INTL" not in placed and "far" not in placed


def test_lat_lon_columns_reach_the_graph_and_the_payload(tmp_path):
    (tmp_path / "actors.csv").write_text(
        "id,name,type,lat,lon\nPYO,Pyongyang,location,39.03,125.75\nKOR,South Korea,state,,\n"
        "INTL,Sanctions,organization,,\n",
        "utf-8",
    )
    (tmp_path / "relations.csv").write_text(
        "source,target,relation,status,quote\nKOR,PYO,appeal,fact,q\nINTL,PYO,sanction,fact,q\n",
        "utf-8",
    )
    assert [p for p in graph.check(tmp_path) if p.severity == "error"] == []
    G = graph.load(tmp_path).to_networkx()
    assert G.nodes["PYO"]["lat"] == 39.03 and G.nodes["PYO"]["lon"] == 125.75
    geo = view_payload(G)["geo"]
    ids = list(G)
    assert geo["how"][ids.index("PYO")] == "latlon"
    assert geo["how"][ids.index("KOR")] == "iso"
    assert geo["positions"][ids.index("INTL")] is None
    assert country_shape("PRK").contains(Point(*geo["positions"][ids.index("PYO")]))


def test_event_data_opens_on_the_map_hand_coded_data_on_force():
    article = graph.load(DATA).to_networkx()
    assert view_payload(article)["geo"]["default"] == "force"
    countries = sorted(outline()["countries"])[:30]
    G = nx.MultiDiGraph()
    for iso in countries:
        G.add_node(iso, name=iso)
    G.add_node("UNO", name="United Nations", type="organization")
    assert view_payload(G)["geo"]["default"] == "map"
    assert default_layout(19, 19) == "force" and default_layout(20, 25) == "map"
    assert default_layout(20, 26) == "force"


def test_no_outline_without_a_placed_actor():
    G = nx.MultiDiGraph()
    G.add_node("INTL", name="Sanctions")
    geo = view_payload(G)["geo"]
    assert geo["countries"] == {} and geo["positions"] == [None]


def test_betweenness_per_step_is_graph_centrality():
    G = graph.load(DATA).to_networkx()
    p = view_payload(G)
    ids = [n["id"] for n in p["nodes"]]
    c = p["centrality"]
    assert c["skipped"] is None and len(c["steps"]) >= len(p["timeline"])
    for date, values in [(None, c["all"]), *c["steps"].items()]:
        want = graph.centrality(G, date)["betweenness"]
        assert values == pytest.approx([want[i] for i in ids], abs=1e-6), date
    assert max(c["steps"]["2020-06"]) > 0


def test_show_takes_layout_size_depth_and_direction():
    G = graph.load(DATA).to_networkx()
    fragment = view_fragment(
        G, focus="PRK", layout="map", size="betweenness", depth=2, direction="out"
    )
    assert fragment == "#focus=PRK&layout=map&size=betweenness&depth=2&direction=out"
    assert show(G, layout="map", depth=3).fragment == "#layout=map&depth=3"
    with pytest.raises(ValueError, match='did you mean "map"'):
        show(G, layout="maps")
    with pytest.raises(ValueError, match="depth: unknown value '4'"):
        view_fragment(G, depth=4)
    with pytest.raises(ValueError, match='direction: .*did you mean "out"'):
        view_fragment(G, direction="outt")


def test_long_timelines_ship_betweenness_by_year():
    G = graph.load(DATA).to_networkx()
    p = view_payload(G)
    small = centrality_steps(G, p["timeline"], budget=400)
    assert small["by"] == "year" and set(small["steps"]) == {"2017", "2018", "2019", "2020"}
    ids = list(G)
    for year, values in small["steps"].items():
        want = graph.centrality(G, year)["betweenness"]
        assert values == pytest.approx([want[i] for i in ids], abs=1e-6)
    none = centrality_steps(G, p["timeline"], budget=10)
    assert none["skipped"] and none["steps"] == {} and none["all"] is None


def test_an_imported_gdelt_file_opens_on_the_map(tmp_path):
    events = tmp_path / "events.csv"
    events.write_text("\n".join(GDELT_LINES) + "\n", encoding="utf-8")
    import_gdelt([events], tmp_path / "data", progress=False)
    G = graph.load(tmp_path / "data").to_networkx()
    geo = view_payload(G)["geo"]
    assert geo["default"] == "map"
    assert all(how == "iso" for how in geo["how"])


# places too small for the 1:110m outline, at their capital's or centre's lon/lat
SMALL = {
    "SGP": (103.82, 1.35),
    "HKG": (114.17, 22.32),
    "BHR": (50.55, 26.07),
    "MLT": (14.44, 35.90),
    "MCO": (7.42, 43.74),
    "MDV": (73.51, 4.17),
}


@pytest.mark.parametrize("iso", sorted(SMALL))
def test_small_countries_are_on_the_map_where_they_are(iso):
    x, y = point(iso)
    px, py = project(*SMALL[iso])
    assert math.hypot(x - px, y - py) < 3, iso  # 3 units: about 30 km here
    G = nx.MultiDiGraph()
    G.add_node(iso)
    assert positions(G)[iso] == (x, y, "iso")


def test_small_places_are_points_beside_the_outline():
    world = outline()
    assert len(world["places"]) >= 60
    assert not set(world["places"]) & set(world["countries"])
    assert all(set(p) == {"name", "point"} for p in world["places"].values())
    assert "1:10m" in world["source"]
