"""Importing Kumu and Gephi spreadsheets; Gephi's timeline on the way back out."""

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import graph
from graph.cli import cli
from graph.convert import from_gephi, from_kumu, write_dataset
from graph.problems import DataError
from graph.write import format_csv

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
    prk = actors["PRK"]
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


def test_kumu_countries_get_the_iso_ids_that_check_expects(tmp_path):
    """North Korea (type Country) is PRK, as the ICEWS import names it; its label stays the name."""
    pytest.importorskip("pycountry")
    write_dataset(from_kumu(*KUMU), tmp_path / "d")
    assert "state-id" not in [p.code for p in graph.check(tmp_path / "d")]
    actors = {a["id"]: a["name"] for a in graph.load(tmp_path / "d").records("actors")}
    assert (actors["PRK"], actors["KOR"]) == ("North Korea", "South Korea")
    from graph.events.actors import icews_actor

    assert (
        icews_actor("North Korea", "North Korea", "North Korea", None, "actor-code")["id"] == "PRK"
    )


def test_kumu_connections_become_relations(tmp_path):
    ds = _imported(tmp_path, from_kumu, KUMU)
    rows = [
        (r["source"], r["target"], r["relation"], r["directed"], r["start"], r["status"])
        for r in ds.records("relations")
    ]
    assert rows == [
        ("PRK", "Liaison-office", "attack", True, "2020-06-16", "fact"),
        (
            "PRK",
            "KOR",
            "threaten",
            True,
            "2020-06",
            "fact",
        ),  # From "A|B": one per pair
        ("Kim-Jong-Un", "KOR", "threaten", True, "2020-06", "fact"),
        ("KOR", "PRK", "engage", False, "2017", "fact"),  # mutual: undirected
        ("KOR", "PRK", "engage", True, "2018", "fact"),
        ("China", "PRK", "support", True, None, "fact"),
    ]
    assert ds.records("relations")[0]["strength"] == "-3"
    # "engage" is not in the vocabulary: a type of the dataset's own, neutral until set
    assert (ds.vocabulary["engage"]["sign"], ds.vocabulary["engage"]["intensity"]) == (0, 0.0)
    # a strength of -3 on "attack" is how strong the tie is: the sign stays the type's
    G = ds.to_networkx()
    attack = next(d for _, _, d in G.edges(data=True) if d["relation"] == "attack")
    assert (attack["sign"], attack["strength"]) == (-1, -3)


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
    assert (ds.vocabulary["dialogue"]["sign"], ds.vocabulary["dialogue"]["intensity"]) == (0, 0.0)
    # Gephi's "2,5" is the number 2.5: a float column, the exports' edge weight; an empty one none
    weights = {
        k: d.get("weight", "none") for _, _, k, d in ds.to_networkx().edges(keys=True, data=True)
    }
    assert weights == {"e1": -6.0, "e2-1": 2.5, "e2-2": 2.5, "e3": "none"}


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
    missing = 'missing-column required column "source" is missing from the header;'
    assert r.exit_code == 1 and missing in r.stderr
    r = CliRunner().invoke(
        cli, ["import", "kumu", str(tmp_path / "nope.csv"), str(KUMU[1]), "-o", str(tmp_path / "o")]
    )
    assert r.exit_code == 1 and "missing-file" in r.stderr and "Traceback" not in r.output
    assert not (tmp_path / "o").exists()


@pytest.mark.parametrize(
    ("kind", "header", "meant"),
    [
        ("gephi", "Sorce,Target,Weight", '(is "Sorce" meant to be "source"?)'),
        ("gephi", "Source Actor,Target Actor", '(is "Source Actor" meant to be "source"?)'),
        ("kumu", "From,To actor,Type", '(is "To actor" meant to be "to"?)'),
    ],
)
def test_a_renamed_required_column_is_named(tmp_path, kind, header, meant):
    """As in `check`: the missing column's message names the header most likely meant for it."""
    second = tmp_path / "second.csv"
    second.write_text(header + "\nA,B,x\n", "utf-8")
    first = GEPHI[0] if kind == "gephi" else KUMU[0]
    r = CliRunner().invoke(
        cli, ["import", kind, str(first), str(second), "-o", str(tmp_path / "o")]
    )
    assert r.exit_code == 1 and meant in r.stderr, r.stderr
    # a column the import reads is never offered as the missing one
    assert '"Weight" meant' not in r.stderr and '"Type" meant' not in r.stderr
    assert not (tmp_path / "o").exists()


@pytest.mark.parametrize("kind", ["kumu", "gephi"])
def test_both_files_problems_are_reported_together(tmp_path, kind):
    """A user fixing an import sees every file's errors in one run, not the first file's."""
    first = tmp_path / "first.csv"
    first.write_text("Name\nA\n", "utf-8")  # neither Label (Kumu) nor Id (Gephi)
    r = CliRunner().invoke(
        cli, ["import", kind, str(first), str(tmp_path / "nope.csv"), "-o", str(tmp_path / "o")]
    )
    assert r.exit_code == 1 and "Traceback" not in r.output
    lines = r.stderr.splitlines()
    assert lines[0].startswith(f"{first}:1: missing-column"), lines
    assert lines[1].startswith(f"{tmp_path / 'nope.csv'}: missing-file"), lines
    assert lines[2] == "2 errors; nothing was written."
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
    if not label.strip():  # a blank From is an empty end
        with pytest.raises(DataError, match="From is empty"):
            from_kumu(el, co)
        return
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


def _write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_text(text, encoding)
    return path


LONG = "Ministry of Foreign Affairs of the Democratic People’s Republic of Korea"
KUMU_ELEMENTS = f"""Label,Type,Description,Tags
Côte d'Ivoire,Pays,«Éléphants»,Afrique|Ouest
"{LONG}",Organisation,,
"{LONG} (Pyongyang)",Staat,,
Ålesund – “Kommune”,Stadt,,
Государство Россия,Государство,,
A B,Person,,
A-B,Personne,,
"""
KUMU_CONNECTIONS = f"""From,To,Type,Strength,Direction
Côte d'Ivoire,"{LONG}",Coopération,"2,5",
"{LONG}","{LONG} (Pyongyang)",Zusammenarbeit,34,mutual
Ålesund – “Kommune”,Государство Россия,Соглашение,3,
A B,A-B,合作,,
A B,Côte d'Ivoire,attack,-7,
"""


def _kumu(tmp_path, connections=KUMU_CONNECTIONS):
    return (
        _write(tmp_path / "elements.csv", KUMU_ELEMENTS),
        _write(tmp_path / "connections.csv", connections),
    )


def test_kumu_real_names_give_valid_ids_and_a_dataset_that_builds(tmp_path):
    converted = from_kumu(*_kumu(tmp_path))
    ids = [a["id"] for a in converted.actors]
    assert all(graph.schema.is_id(i) for i in ids) and len(set(ids)) == len(ids)
    assert ids[:2] == ["CIV", "Ministry-of-Foreign-Affairs-of-the"]
    assert ids[5:] == ["A-B", "A-B-2"]  # two names that make one id: both kept
    names = {a["id"]: a["name"] for a in converted.actors}
    assert names["Ministry-of-Foreign-Affairs-of-the-2"] == f"{LONG} (Pyongyang)"
    _built(tmp_path, converted)


def test_kumu_types_in_other_languages_are_kept(tmp_path):
    ds = _imported(tmp_path, lambda *f: from_kumu(*_kumu(tmp_path)), ())
    actors = {a["name"]: a for a in ds.records("actors")}
    assert (actors["Côte d'Ivoire"]["type"], actors["Côte d'Ivoire"]["kumu type"]) == (
        "state",
        "Pays",
    )
    assert actors["A-B"]["type"] == "person" and actors["A-B"]["kumu type"] == "Personne"
    assert actors["Ålesund – “Kommune”"]["type"] == "location"
    # a word the importer does not know: a group, the word kept
    assert (actors["Государство Россия"]["type"], actors["Государство Россия"]["kumu type"]) == (
        "group",
        "Государство",
    )
    relations = [r["relation"] for r in ds.records("relations")]
    assert relations == ["coopération", "zusammenarbeit", "соглашение", "合作", "attack"]
    for name in relations[:4]:
        assert (ds.vocabulary[name]["sign"], ds.vocabulary[name]["intensity"]) == (0, 0.0)
    assert "Соглашение" in ds.vocabulary["соглашение"]["description"]
    strengths = [d.get("strength") for _, _, d in ds.to_networkx().edges(data=True)]
    assert strengths == [2.5, 34.0, 3.0, None, -7.0]


def test_kumu_connections_without_an_end_are_reported(tmp_path):
    connections = KUMU_CONNECTIONS + "A B,,attack,,\n,A B,attack,,\n | ,A B,attack,,\n"
    with pytest.raises(DataError) as info:
        from_kumu(*_kumu(tmp_path, connections))
    assert [(p.line, p.column, p.code) for p in info.value.errors] == [
        (7, 2, "missing-value"),
        (8, 1, "missing-value"),
        (9, 1, "missing-value"),
    ]
    assert "To is empty; every connection needs both a From and a To" in str(info.value)
    r = CliRunner().invoke(
        cli, ["import", "kumu", *map(str, _kumu(tmp_path, connections)), "-o", str(tmp_path / "o")]
    )
    assert r.exit_code == 1 and "connections.csv:7:2" in r.stderr and "Traceback" not in r.output
    assert not (tmp_path / "o").exists()


def test_a_sign_column_gives_the_sign_and_weights_never_do(tmp_path):
    nodes = _write(tmp_path / "nodes.csv", "Id,Label\nPRK,North Korea\nKOR,South Korea\n")
    edges = _write(
        tmp_path / "edges.csv",
        "Source,Target,Relation,Weight,Sign\n"
        "PRK,KOR,rivalry,3,negative\nPRK,KOR,rivalry,34,\nKOR,PRK,support,-5,\n",
    )
    ds = _imported(tmp_path, from_gephi, (nodes, edges))
    # no sign given: the type's (rivalry is new, so neutral; support is +1)
    assert [r["sign"] for r in ds.records("relations")] == [-1, 0, 1]
    assert ds.vocabulary["rivalry"]["sign"] == 0
    G = ds.to_networkx()
    assert [d["weight"] for _, _, d in G.edges(data=True)] == [3, 34, -5]
    assert all(type(d["weight"]) is int for _, _, d in G.edges(data=True))


GEPHI_NODES = f"""Id;Label;Type
n 1;Köln “Dom”;Stadt
{"x" * 45};{LONG};organization
n,1;Comma, Inc.;
n-1;Same id once cleaned;
"""
GEPHI_EDGES = f"""Source;Target;Type;Weight;Label;Id
n 1;{"x" * 45};Undirected;3;Kooperation;edge one
{"x" * 45};n,1;Directed;34,5;Kooperation;e2
n,1;n-1;Directed;12;threaten;e2
"""


def test_gephi_real_ids_give_valid_ids_and_a_dataset_that_builds(tmp_path):
    nodes = _write(tmp_path / "nodes.csv", GEPHI_NODES)
    edges = _write(tmp_path / "edges.csv", GEPHI_EDGES)
    converted = from_gephi(nodes, edges)
    ids = [a["id"] for a in converted.actors]
    assert ids == ["n-1", "x" * 40, "n-1-2", "n-1-3"]
    assert [a["name"] for a in converted.actors][:2] == ["Köln “Dom”", LONG]
    rids = [r["id"] for r in converted.relations]
    assert all(graph.schema.is_id(i) for i in rids) and len(set(rids)) == 3
    assert rids[1] == "e2" and rids[2] != "e2"  # a duplicate id is replaced
    assert [r["weight"] for r in converted.relations] == ["3", "34.5", "12"]
    G = _built(tmp_path, converted).to_networkx()
    assert not next(iter(G.edges(data=True)))[2]["directed"]


def _built(tmp_path, converted):
    out = tmp_path / "imported"
    write_dataset(converted, out)
    assert [p for p in graph.check(out) if p.severity == "error"] == []
    r = CliRunner().invoke(cli, ["build", str(out), "-o", str(tmp_path / "view.html")])
    assert r.exit_code == 0, r.output
    return graph.load(out)


names = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=60)
# Kumu reads "|" as a separator of several names: a label must keep a name once split.
labels_ = names.filter(lambda t: any(part.strip() for part in t.split("|")))


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(labels=st.lists(labels_, min_size=2, max_size=6, unique=True), kind=names)
def test_any_names_give_a_dataset_that_checks_clean(tmp_path_factory, labels, kind):
    tmp = tmp_path_factory.mktemp("names")
    labels = [label for label in labels if label.strip() and label == label.strip()]
    if len(labels) < 2:
        return
    rows = [[label, "Thing"] for label in labels]
    links = [[a, b, kind] for a, b in zip(labels, labels[1:])]
    el = _write(tmp / "el.csv", format_csv(["Label", "Type"], rows))
    co = _write(tmp / "co.csv", format_csv(["From", "To", "Type"], links))
    write_dataset(from_kumu(el, co), tmp / "k")
    assert [p for p in graph.check(tmp / "k") if p.severity == "error"] == []
    nodes = _write(tmp / "n.csv", format_csv(["Id", "Label"], [[x, x] for x in labels]))
    edges = _write(tmp / "e.csv", format_csv(["Source", "Target", "Label"], links))
    write_dataset(from_gephi(nodes, edges), tmp / "g")
    assert [p for p in graph.check(tmp / "g") if p.severity == "error"] == []


def test_unreadable_dates_are_reported_where_they_are_never_dropped(tmp_path):
    elements = tmp_path / "elements.csv"
    connections = tmp_path / "connections.csv"
    elements.write_text("Label\nA\nB\n", "utf-8")
    connections.write_text(
        "From,To,Type,Start date,End\nA,B,threaten,16/06/2020,2020-13-01\nA,B,appeal,2020-06,\n",
        "utf-8",
    )
    with pytest.raises(DataError) as info:
        from_kumu(elements, connections)
    # each as `geograph check` says it, with its fix: a relation without its dates
    # would be shown at every date
    assert [(p.line, p.column, p.code) for p in info.value.errors] == [
        (2, 4, "bad-date"),
        (2, 5, "bad-date"),
    ]
    assert 'Start date "16/06/2020" is not an ISO date; write 2020-06-16' in str(info.value)
    out = tmp_path / "o"
    r = CliRunner().invoke(cli, ["import", "kumu", str(elements), str(connections), "-o", str(out)])
    assert r.exit_code == 1 and "connections.csv:2:5: bad-date End" in r.stderr
    assert "Traceback" not in r.output and not out.exists()


def test_gephi_timestamps_and_open_ends_are_dates_a_bad_part_is_reported(tmp_path):
    nodes = tmp_path / "nodes.csv"
    edges = tmp_path / "edges.csv"
    nodes.write_text("Id,Label\nA,A\nB,B\n", "utf-8")
    edges.write_text(
        "Source,Target,Type,Relation,Timeset\n"
        'A,B,Directed,threaten,"<[2020-06-16T00:00:00, Infinity]>"\n'
        'A,B,Directed,appeal,"<[-Infinity, 2019.0]>"\n',
        "utf-8",
    )
    rows = from_gephi(nodes, edges).relations
    assert [(r["start"], r["end"]) for r in rows] == [("2020-06-16", ""), ("", "2019")]
    edges.write_text(
        'Source,Target,Type,Relation,Timeset\nA,B,Directed,threaten,"<[20200, 2021]>"\n', "utf-8"
    )
    with pytest.raises(DataError) as info:
        from_gephi(nodes, edges)
    assert [(p.line, p.column, p.code) for p in info.value.errors] == [(2, 5, "bad-date")]
    assert 'Timeset "20200"' in str(info.value)


def test_kumu_connection_to_an_element_not_in_the_sheet_is_added_with_a_warning(tmp_path):
    """Kumu draws it, making the element; a misspelt name must not pass without a word."""
    elements = _write(tmp_path / "el.csv", "Label,Type\nNorth Korea,Country\nSouth Korea,Country\n")
    connections = _write(
        tmp_path / "co.csv",
        "From,To,Type\nNorth Korea,South Korea,threaten\nNorth Korea,Nobody,threaten\n"
        "South Korea,Nobody,criticize\n",
    )
    converted = from_kumu(elements, connections)
    assert [a["name"] for a in converted.actors] == ["North Korea", "South Korea", "Nobody"]
    assert [(p.file, p.line, p.column, p.code, p.severity) for p in converted.warnings] == [
        (str(connections), 3, 2, "unknown-actor", "warning")
    ]  # once, at the first connection naming it
    assert converted.warnings[0].message.startswith(f'To "Nobody" is not a Label in {elements};')
    r = CliRunner().invoke(
        cli, ["import", "kumu", str(elements), str(connections), "-o", str(tmp_path / "o")]
    )
    assert r.exit_code == 0, r.output
    assert f'{connections}:3:2: unknown-actor To "Nobody" is not a Label' in r.stderr


def test_gephi_edge_to_a_node_not_in_the_table_is_added_with_a_warning(tmp_path):
    nodes = _write(tmp_path / "n.csv", "Id,Label\nn1,One\nn2,Two\n")
    edges = _write(tmp_path / "e.csv", "Source,Target\nn1,n2\nn3,n1\n")
    converted = from_gephi(nodes, edges)
    assert [(p.line, p.column, p.code) for p in converted.warnings] == [(3, 1, "unknown-actor")]
    assert converted.warnings[0].message.startswith(f'Source "n3" is not an Id in {nodes};')
    assert not from_gephi(*GEPHI).warnings


def test_a_missing_column_reads_the_same_in_an_import_and_in_check(tmp_path):
    """One message for a renamed required column, whether Gephi's edges or relations.csv lack it."""
    header = "Source,Target Actor,Relation,Status"
    edges = _write(tmp_path / "edges.csv", f"{header}\nA,B,attack,fact\n")
    with pytest.raises(DataError) as err:
        from_gephi(GEPHI[0], edges)
    (imported,) = [p for p in err.value.problems if p.field == "target"]
    data = tmp_path / "data"
    data.mkdir()
    _write(data / "actors.csv", "id,name\nA,Alpha\nB,Beta\n")
    _write(data / "relations.csv", f"{header}\nA,B,attack,fact\n")
    (checked,) = [p for p in graph.check(data).errors if p.field == "target"]
    assert imported.message == checked.message
    assert imported.message.startswith(
        'required column "target" is missing from the header (is "Target Actor" meant to be'
    )
