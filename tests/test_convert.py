"""Importing Kumu and Gephi spreadsheets; Gephi's timeline on the way back out."""

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

import graph
from graph.cli import cli
from graph.convert import from_gephi, from_kumu, write_dataset
from graph.problems import DataError

FIXTURES = Path(__file__).parent / "fixtures"
KUMU = (FIXTURES / "kumu" / "elements.csv", FIXTURES / "kumu" / "connections.csv")
GEPHI = (FIXTURES / "gephi" / "nodes.csv", FIXTURES / "gephi" / "edges.csv")


def _imported(tmp_path, convert, files):
    write_dataset(convert(*files), tmp_path / "d")
    assert [p for p in graph.check(tmp_path / "d") if p.severity == "error"] == []
    return graph.load(tmp_path / "d")


def test_kumu_elements_become_actors_with_their_columns(tmp_path):
    ds = _imported(tmp_path, from_kumu, KUMU)
    actors = {a["id"]: a for a in ds.records("actors")}
    prk = actors["North-Korea"]
    assert (prk["name"], prk["type"], prk["group"]) == ("North Korea", "state", "Korean Peninsula")
    assert prk["description"] == "The DPRK, ruled by Kim Jong Un"
    assert (prk["tags"], prk["Image"]) == (
        "Korean Peninsula;Nuclear",
        "https://example.org/prk.png",
    )
    assert actors["Kim-Jong-Un"]["type"] == "person"
    office = actors["Liaison-office"]
    assert (office["type"], office["kumu type"]) == ("group", "Building")  # unknown type kept
    assert actors["China"]["name"] == "China"  # named only in a connection: created


def test_kumu_connections_become_relations(tmp_path):
    ds = _imported(tmp_path, from_kumu, KUMU)
    rows = [
        (r["source"], r["target"], r["relation"], r["directed"], r["start"], r["status"])
        for r in ds.records("relations")
    ]
    assert rows == [
        ("North-Korea", "Liaison-office", "attack", True, "2020-06-16", "fact"),
        (
            "North-Korea",
            "South-Korea",
            "threaten",
            True,
            "2020-06",
            "fact",
        ),  # From "A|B": one per pair
        ("Kim-Jong-Un", "South-Korea", "threaten", True, "2020-06", "fact"),
        ("South-Korea", "North-Korea", "engage", False, "2017", "fact"),  # mutual: undirected
        ("South-Korea", "North-Korea", "engage", True, "2018", "fact"),
        ("China", "North-Korea", "support", True, None, "fact"),
    ]
    assert ds.records("relations")[0]["strength"] == "-3"
    # "engage" is not in the vocabulary: a type of the dataset's own, signed by its strengths (2, 3)
    assert (ds.vocabulary["engage"]["sign"], ds.vocabulary["engage"]["intensity"]) == (1, 2.5)


def test_gephi_nodes_and_edges_with_intervals(tmp_path):
    ds = _imported(tmp_path, from_gephi, GEPHI)
    assert {a["id"]: a["name"] for a in ds.records("actors")} == {
        "1": "North Korea",
        "2": "South Korea",
        "USA": "United States",
    }
    assert ds.records("actors")[0]["Population"] == "25660000"
    rows = [
        (r["id"], r["source"], r["target"], r["relation"], r["directed"], r["start"], r["end"])
        for r in ds.records("relations")
    ]
    assert rows == [
        ("e1", "1", "2", "threaten", True, "2020-06-01", "2020-06-30"),
        ("e2-1", "2", "1", "dialogue", False, "2017", "2018"),  # one relation per interval
        ("e2-2", "2", "1", "dialogue", False, "2019", "2019"),
        ("e3", "USA", "1", "sanction", True, None, None),
    ]
    assert (ds.vocabulary["dialogue"]["sign"], ds.vocabulary["dialogue"]["intensity"]) == (1, 2.5)


def test_gephi_round_trip_keeps_the_timeline(tmp_path):
    """Gephi -> geograph -> GEXF: Gephi's timeline gets whole-day intervals back."""
    G = _imported(tmp_path, from_gephi, GEPHI).to_networkx()
    ns = "{http://www.gexf.net/1.2draft}"
    g = ET.fromstring(graph.to_gexf(G)).find(f"{ns}graph")
    assert (g.get("mode"), g.get("timeformat"), g.get("defaultedgetype")) == (
        "dynamic",
        "date",
        "directed",
    )
    spans = {e.get("id"): (e.get("start"), e.get("end")) for e in g.iter(f"{ns}edge")}
    assert spans == {
        "e1": ("2020-06-01", "2020-06-30"),
        "e2-1": ("2017-01-01", "2018-12-31"),
        "e2-2": ("2019-01-01", "2019-12-31"),
        "e3": (None, None),
    }
    # nodes carry no interval: they exist throughout, so the timeline never hides an actor
    assert all(n.get("start") is None and n.get("end") is None for n in g.iter(f"{ns}node"))
    undirected = [e.get("id") for e in g.iter(f"{ns}edge") if e.get("type") == "undirected"]
    assert undirected == ["e2-1", "e2-2"]  # drawn without arrows in Gephi


def test_imports_through_the_command_line(tmp_path):
    runner = CliRunner()
    out = tmp_path / "k"
    r = runner.invoke(cli, ["import", "kumu", *map(str, KUMU), "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert r.stdout.splitlines() == [
        str(out / n) for n in ("actors.csv", "relations.csv", "relation_types.csv")
    ]
    assert "5 actors, 6 relations" in r.stderr
    assert runner.invoke(cli, ["check", str(out)]).exit_code == 0
    r = runner.invoke(cli, ["import", "kumu", *map(str, KUMU), "-o", str(out)])
    assert r.exit_code == 1 and "never overwrites" in r.output
    r = runner.invoke(cli, ["import", "gephi", *map(str, GEPHI), "-o", str(tmp_path / "g")])
    assert r.exit_code == 0 and runner.invoke(cli, ["check", str(tmp_path / "g")]).exit_code == 0


def test_missing_column_or_file_is_a_clean_error(tmp_path):
    bad = tmp_path / "edges.csv"
    bad.write_text("From,Target\nA,B\n", "utf-8")
    r = CliRunner().invoke(
        cli, ["import", "gephi", str(GEPHI[0]), str(bad), "-o", str(tmp_path / "o")]
    )
    assert r.exit_code == 1 and 'missing-column column "source" is missing' in r.stderr
    r = CliRunner().invoke(
        cli, ["import", "kumu", str(tmp_path / "nope.csv"), str(KUMU[1]), "-o", str(tmp_path / "o")]
    )
    assert r.exit_code == 1 and "missing-file" in r.stderr and "Traceback" not in r.output
    assert not (tmp_path / "o").exists()


@pytest.mark.parametrize(
    "label", ["a, b", "<b>x</b>", "=cmd()", 'Kim\'s "office"', "x" * 80, "   "]
)
def test_awkward_labels_make_valid_ids(tmp_path, label):
    el = tmp_path / "el.csv"
    el.write_text(f'Label\n"{label.replace(chr(34), chr(34) * 2)}"\nOther\n', "utf-8")
    co = tmp_path / "co.csv"
    co.write_text(
        f'From,To,Type\n"{label.replace(chr(34), chr(34) * 2)}",Other,Some Type!\n', "utf-8"
    )
    write_dataset(from_kumu(el, co), tmp_path / "d")
    assert [p for p in graph.check(tmp_path / "d") if p.severity == "error"] == []


def test_gephi_edge_without_source_is_reported_not_invented(tmp_path):
    nodes = tmp_path / "nodes.csv"
    edges = tmp_path / "edges.csv"
    nodes.write_text("Id,Label\nPRK,North Korea\nKOR,South Korea\n", "utf-8")
    edges.write_text("Source,Target,Type\nPRK,KOR,Directed\n,KOR,Directed\n", "utf-8")
    with pytest.raises(DataError) as info:
        from_gephi(nodes, edges)
    assert [(p.line, p.column, p.code) for p in info.value.errors] == [(3, 1, "missing-value")]


def test_long_gephi_edge_ids_are_replaced_by_valid_ones(tmp_path):
    nodes = tmp_path / "nodes.csv"
    edges = tmp_path / "edges.csv"
    nodes.write_text("Id,Label\nPRK,North Korea\nKOR,South Korea\n", "utf-8")
    edges.write_text("Id,Source,Target\n" + "e" * 50 + ",PRK,KOR\n", "utf-8")
    out = tmp_path / "out"
    write_dataset(from_gephi(nodes, edges), out)
    assert [p for p in graph.check(out) if p.severity == "error"] == []
