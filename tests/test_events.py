"""Importing GDELT 2.0 and ICEWS event files into a geograph dataset.

The input files are written by the tests in the real formats (GDELT: 61
tab-separated columns, no header; ICEWS: tab-separated with a header and
``NA``), and every expected aggregate below was worked out by hand from them.
"""

from __future__ import annotations

import csv
import json
import zipfile
from pathlib import Path

import pytest

import graph
from graph.events import GDELT_COLUMNS, EventImportError, import_gdelt, import_icews
from graph.vocabulary import default_vocabulary

COL = {name: i for i, name in enumerate(GDELT_COLUMNS)}


def gdelt_line(
    date="20200616",
    a1="",
    a2="",
    code="040",
    gold="1.0",
    quad="1",
    mentions="1",
    url="",
    a1code=None,
    a2code=None,
    a1name="",
    a2name="",
    a1type="",
    a2type="",
    ncols=61,
    event_id="1",
):
    row = [""] * 61
    row[COL["GLOBALEVENTID"]] = event_id
    row[COL["SQLDATE"]] = date
    row[COL["Actor1Code"]] = a1 if a1code is None else a1code
    row[COL["Actor1Name"]] = a1name
    row[COL["Actor1CountryCode"]] = a1
    row[COL["Actor1Type1Code"]] = a1type
    row[COL["Actor2Code"]] = a2 if a2code is None else a2code
    row[COL["Actor2Name"]] = a2name
    row[COL["Actor2CountryCode"]] = a2
    row[COL["Actor2Type1Code"]] = a2type
    row[COL["EventCode"]] = code
    row[COL["EventBaseCode"]] = code[:3]
    row[COL["EventRootCode"]] = code[:2]
    row[COL["QuadClass"]] = quad
    row[COL["GoldsteinScale"]] = gold
    row[COL["NumMentions"]] = mentions
    row[COL["SOURCEURL"]] = url
    return "\t".join((row + ["extra"] * 5)[:ncols])


# Line numbers matter: the bad rows are lines 11, 12 and 13.
GDELT_LINES = [
    gdelt_line("20200616", "PRK", "KOR", "1823", "-10.0", "4", "5", "https://a.example/1"),  # 1
    gdelt_line("20200617", "PRK", "KOR", "1823", "-10.0", "4", "9", "https://a.example/2"),  # 2
    gdelt_line("20200301", "PRK", "KOR", "138", "-7.0", "3", "2", "https://a.example/3"),  # 3
    gdelt_line("20191231", "USA", "PRK", "040", "1.0", "1", "3", "https://b.example/1"),  # 4
    gdelt_line("20200101", "USA", "PRK", "046", "7.0", "1", "4", "https://b.example/2"),  # 5
    gdelt_line("20200102", "USA", "PRK", "0841", "7.0", "2", "1", "https://b.example/3"),  # 6
    gdelt_line("20200616", "KOR", "PRK", "163", "-8.0", "4", "6", "https://c.example/1"),  # 7
    gdelt_line("20200616", "CHN", "", "040", "1.0", "1", "1"),  # 8
    gdelt_line("20200616", "", "RUS", "040", "1.0", "1", "1"),  # 9
    gdelt_line("20200616", "USA", "USA", "173", "-5.0", "4", "1"),  # 10
    gdelt_line("20200616", "USA", "CHN", "040", "1.0", "1", "1", ncols=50),  # 11
    gdelt_line("2020x616", "USA", "CHN", "040", "1.0", "1", "1"),  # 12
    gdelt_line("", "USA", "CHN", "040", "1.0", "1", "1"),  # 13
    gdelt_line("20200616", "RUS", "USA", "99", "0.0", "1", "1"),  # 14
    gdelt_line("20200616", "RUS", "USA", "110", "-2.0", "3", "2", "https://d.example/1"),  # 15
    gdelt_line("20200620", "RUS", "USA", "1121", "-4.0", "3", "3", "https://d.example/2"),  # 16
]


def read_csv(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def relations_by_id(out: Path) -> dict[str, dict]:
    return {r["id"]: r for r in read_csv(out / "relations.csv")}


@pytest.fixture
def gdelt_file(tmp_path):
    path = tmp_path / "20200616.export.CSV"
    path.write_text("\n".join(GDELT_LINES) + "\n", encoding="utf-8")
    return path


def test_gdelt_year_aggregates_by_hand(gdelt_file, tmp_path):
    out = tmp_path / "data"
    report = import_gdelt([gdelt_file], out, progress=False)
    rel = relations_by_id(out)
    assert sorted(rel) == [
        "KOR-PRK-2020-sanction",
        "PRK-KOR-2020-attack",
        "PRK-KOR-2020-threaten",
        "RUS-USA-2020-criticize",
        "USA-PRK-2019-consult",
        "USA-PRK-2020-negotiate",
        "USA-PRK-2020-yield",
    ]
    attack = rel["PRK-KOR-2020-attack"]
    assert (attack["source"], attack["target"], attack["relation"]) == ("PRK", "KOR", "attack")
    assert attack["events"] == "2"
    assert float(attack["goldstein_sum"]) == -20.0
    assert float(attack["goldstein_mean"]) == float(attack["intensity"]) == -10.0
    assert attack["mentions"] == "14"
    assert attack["quad_class"] == "4"
    assert attack["sign"] == "-1"
    assert (attack["start"], attack["end"]) == ("2020", "2020")
    assert (attack["directed"], attack["status"]) == ("true", "fact")
    assert attack["source_id"] == "gdelt2-events"
    assert attack["note"] == "2 events, CAMEO root 18"
    assert sorted(attack["evidence"].split()) == ["https://a.example/1", "https://a.example/2"]

    crit = rel["RUS-USA-2020-criticize"]  # 110 (-2) and 1121 (-4)
    assert crit["events"] == "2"
    assert float(crit["goldstein_mean"]) == -3.0 and float(crit["goldstein_sum"]) == -6.0
    assert crit["quad_class"] == "3"

    # Base codes refine the root where the vocabulary has them; leading zeros kept.
    assert rel["USA-PRK-2020-negotiate"]["cameo"] == "046"
    assert rel["USA-PRK-2020-negotiate"]["note"] == "1 event, CAMEO base code 046"
    assert rel["USA-PRK-2019-consult"]["cameo"] == "04"
    assert rel["USA-PRK-2020-yield"]["cameo"] == "08"  # from 0841
    assert rel["KOR-PRK-2020-sanction"]["sign"] == "-1"
    assert rel["USA-PRK-2020-negotiate"]["sign"] == "1"

    assert report.rows_read == 16
    assert report.bad_rows == 3
    assert report.events_missing_actor == 2
    assert report.events_same_actor == 1
    assert report.events_unknown_code == 1
    assert report.unknown_codes == ["99"]
    assert report.events_used == 9
    assert report.relations_written == 7
    assert report.rows_read == (
        report.bad_rows
        + report.events_used
        + report.events_missing_actor
        + report.events_same_actor
        + report.events_unknown_code
    )


def test_gdelt_bad_rows_have_line_numbers(gdelt_file, tmp_path):
    report = import_gdelt([gdelt_file], tmp_path / "data", progress=False)
    got = [(b.file, b.line) for b in report.bad_row_samples]
    assert got == [(str(gdelt_file), 11), (str(gdelt_file), 12), (str(gdelt_file), 13)]
    reasons = [b.reason for b in report.bad_row_samples]
    assert "61" in reasons[0] and "50" in reasons[0]
    assert "2020x616" in reasons[1]
    assert "SQLDATE" in reasons[2]


def test_gdelt_actors_named_from_iso(gdelt_file, tmp_path):
    out = tmp_path / "data"
    report = import_gdelt([gdelt_file], out, progress=False)
    actors = {a["id"]: a for a in read_csv(out / "actors.csv")}
    # CHN appears only in events lacking the other actor or in bad rows.
    assert sorted(actors) == ["KOR", "PRK", "RUS", "USA"]
    assert actors["PRK"]["name"] == "North Korea"
    assert actors["KOR"]["name"] == "South Korea"
    assert {a["type"] for a in actors.values()} == {"state"}
    assert actors["PRK"]["events"] == "7"  # 3 + 3 (as target of USA) + 1
    assert report.actors_written == 4
    sources = read_csv(out / "sources.csv")
    assert len(sources) == 1 and "machine-coded" in sources[0]["title"]


@pytest.mark.parametrize(
    "period, ids, span",
    [
        (
            "quarter",
            {
                "PRK-KOR-2020-Q2-attack",
                "PRK-KOR-2020-Q1-threaten",
                "USA-PRK-2019-Q4-consult",
                "USA-PRK-2020-Q1-negotiate",
            },
            ("PRK-KOR-2020-Q2-attack", "2020-04", "2020-06"),
        ),
        (
            "month",
            {"PRK-KOR-2020-06-attack", "PRK-KOR-2020-03-threaten", "USA-PRK-2019-12-consult"},
            ("PRK-KOR-2020-03-threaten", "2020-03", "2020-03"),
        ),
        (
            "day",
            {
                "PRK-KOR-2020-06-16-attack",
                "PRK-KOR-2020-06-17-attack",
                "USA-PRK-2019-12-31-consult",
                "USA-PRK-2020-01-01-negotiate",
            },
            ("PRK-KOR-2020-06-17-attack", "2020-06-17", "2020-06-17"),
        ),
    ],
)
def test_gdelt_periods(gdelt_file, tmp_path, period, ids, span):
    out = tmp_path / period
    import_gdelt([gdelt_file], out, period=period, progress=False)
    rel = relations_by_id(out)
    assert ids <= set(rel)
    rid, start, end = span
    assert (rel[rid]["start"], rel[rid]["end"]) == (start, end)
    if period == "day":  # the two attack days are now separate relations
        assert rel["PRK-KOR-2020-06-16-attack"]["events"] == "1"
    else:
        assert any(r["events"] == "2" for k, r in rel.items() if "attack" in k)


def test_gdelt_zip_equals_plain(gdelt_file, tmp_path):
    archive = tmp_path / "20200616.export.CSV.zip"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.write(gdelt_file, gdelt_file.name)
    plain = import_gdelt([gdelt_file], tmp_path / "a", progress=False)
    zipped = import_gdelt([archive], tmp_path / "b", progress=False)
    assert (tmp_path / "a" / "relations.csv").read_bytes() == (
        tmp_path / "b" / "relations.csv"
    ).read_bytes()
    assert zipped.bad_row_samples[0].file == f"{archive}:{gdelt_file.name}"
    assert zipped.bad_rows == plain.bad_rows == 3


def test_gdelt_two_files_add_up(gdelt_file, tmp_path):
    second = tmp_path / "second.CSV"
    second.write_text(
        gdelt_line("20201201", "PRK", "KOR", "190", "-10.0", "4", "1") + "\n", encoding="utf-8"
    )
    report = import_gdelt([gdelt_file, second], tmp_path / "data", period="year", progress=False)
    rel = relations_by_id(tmp_path / "data")
    assert rel["PRK-KOR-2020-fight"]["events"] == "1"
    assert rel["PRK-KOR-2020-attack"]["events"] == "2"
    assert report.rows_read == 17
    assert len(report.files) == 2


def test_gdelt_actor_code_level(tmp_path):
    path = tmp_path / "ev.CSV"
    lines = [
        gdelt_line(
            "20200616",
            "USA",
            "PRK",
            "130",
            "-4.4",
            "3",
            "1",
            a1code="USAGOV",
            a1name="WASHINGTON",
            a1type="GOV",
            a2code="PRKMIL",
            a2name="PYONGYANG",
            a2type="MIL",
        ),
        gdelt_line(
            "20200617",
            "USA",
            "PRK",
            "130",
            "-4.4",
            "3",
            "1",
            a1code="USAGOV",
            a1name="WASHINGTON",
            a1type="GOV",
            a2code="PRK",
            a2name="NORTH KOREA",
        ),
        gdelt_line(
            "20200618",
            "USA",
            "PRK",
            "130",
            "-4.4",
            "3",
            "1",
            a1code="USAREB",
            a1name="MILICIANOS ÑANDÚ",
            a1type="REB",
            a2code="PRK",
            a2name="NORTH KOREA",
        ),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "data"
    import_gdelt([path], out, actors="actor-code", progress=False)
    actors = {a["id"]: a for a in read_csv(out / "actors.csv")}
    assert sorted(actors) == ["PRK", "PRKMIL", "USAGOV", "USAREB"]
    assert actors["USAGOV"]["type"] == "organization" and actors["USAGOV"]["group"] == "USA"
    assert actors["USAGOV"]["name"] == "WASHINGTON"
    assert actors["USAREB"]["type"] == "group"
    assert actors["USAREB"]["name"] == "MILICIANOS ÑANDÚ"
    assert actors["PRK"]["type"] == "state" and actors["PRK"]["name"] == "North Korea"
    assert set(relations_by_id(out)) == {
        "USAGOV-PRKMIL-2020-threaten",
        "USAGOV-PRK-2020-threaten",
        "USAREB-PRK-2020-threaten",
    }


def test_gdelt_strict_raises_and_writes_nothing(gdelt_file, tmp_path):
    out = tmp_path / "data"
    with pytest.raises(EventImportError, match=r"(?s)3 bad rows.*:11: expected 61"):
        import_gdelt([gdelt_file], out, strict=True, progress=False)
    assert not out.exists() or not any(out.iterdir())


def test_gdelt_missing_file_and_wrong_format(tmp_path):
    with pytest.raises(EventImportError, match="no such file"):
        import_gdelt([tmp_path / "nope.CSV"], tmp_path / "data", progress=False)
    wrong = tmp_path / "actors.csv"
    wrong.write_text("id,name\nPRK,North Korea\nKOR,South Korea\n", encoding="utf-8")
    with pytest.raises(EventImportError, match="is this a gdelt file"):
        import_gdelt([wrong], tmp_path / "data", progress=False)
    bad_zip = tmp_path / "x.CSV.zip"
    bad_zip.write_bytes(b"not a zip")
    with pytest.raises(EventImportError, match="zip"):
        import_gdelt([bad_zip], tmp_path / "data", progress=False)
    with pytest.raises(EventImportError, match="period"):
        import_gdelt([wrong], tmp_path / "data", period="week", progress=False)


def test_gdelt_output_matches_contract(gdelt_file, tmp_path):
    out = tmp_path / "data"
    import_gdelt([gdelt_file], out, period="quarter", progress=False)
    vocab = default_vocabulary()
    actor_ids = {a["id"] for a in read_csv(out / "actors.csv")}
    source_ids = {s["id"] for s in read_csv(out / "sources.csv")}
    rows = read_csv(out / "relations.csv")
    assert list(rows[0])[:14] == [
        "id",
        "source",
        "target",
        "relation",
        "sign",
        "intensity",
        "directed",
        "status",
        "start",
        "end",
        "source_id",
        "said_by",
        "quote",
        "note",
    ]
    assert len({r["id"] for r in rows}) == len(rows)
    for r in rows:
        assert r["relation"] in vocab
        assert int(r["sign"]) == vocab[r["relation"]]["sign"]
        assert -10 <= float(r["intensity"]) <= 10
        assert {r["source"], r["target"]} <= actor_ids and r["source"] != r["target"]
        assert r["source_id"] in source_ids
        graph.dates.parse_date(r["start"]), graph.dates.parse_date(r["end"])


def test_progress_callback_and_report_json(gdelt_file, tmp_path):
    seen = []
    report = import_gdelt([gdelt_file], tmp_path / "data", progress=seen.append)
    assert seen and seen[-1] == 1.0 and all(0 <= f <= 1 for f in seen)
    data = json.loads(json.dumps(report.to_dict()))
    assert data["bad_rows"] == 3 and data["bad_row_samples"][0]["line"] == 11
    assert "3 bad rows" in report.summary()


def test_no_progress_bar_when_stderr_is_not_a_terminal(gdelt_file, tmp_path, capsys):
    import_gdelt([gdelt_file], tmp_path / "data")  # progress=None: auto
    captured = capsys.readouterr()
    assert captured.err == "" and captured.out == ""


# --- ICEWS -----------------------------------------------------------------------------

ICEWS_HEADER = [
    "Event ID",
    "Event Date",
    "Source Name",
    "Source Sectors",
    "Source Country",
    "Event Text",
    "CAMEO Code",
    "Intensity",
    "Target Name",
    "Target Sectors",
    "Target Country",
    "Story ID",
    "Sentence Number",
    "Publisher",
    "City",
    "District",
    "Province",
    "Country",
    "Latitude",
    "Longitude",
]


def icews_line(
    eid,
    date,
    src,
    src_country,
    code,
    intensity,
    tgt,
    tgt_country,
    story,
    src_sectors="NA",
    tgt_sectors="NA",
):
    cells = [
        eid,
        date,
        src,
        src_sectors,
        src_country,
        "text",
        code,
        intensity,
        tgt,
        tgt_sectors,
        tgt_country,
        story,
        "1",
        "Publisher",
        "NA",
        "NA",
        "NA",
        "NA",
        "NA",
        "NA",
    ]
    return "\t".join(cells)


ICEWS_LINES = [  # header is line 1
    icews_line(
        "1",
        "2016-07-15",
        "Recep Tayyip Erdoğan",
        "Turkey",
        "111",
        "-2",
        "Barack Obama",
        "United States",
        "100",
        "Executive,Government",
    ),  # 2
    icews_line(
        "2",
        "2016-07-20",
        "Government (Turkey)",
        "Turkey",
        "112",
        "-4",
        "United States",
        "United States",
        "101",
        "Government",
    ),  # 3
    icews_line(
        "3", "2016-08-01", "Russia", "Russian Federation", "190", "-10", "Ukraine", "Ukraine", "102"
    ),  # 4
    icews_line(
        "4", "2016-09-01", "Russia", "Russia", "190", "-10", "Ukraine", "Ukraine", "103"
    ),  # 5
    icews_line("5", "2016-09-02", "NA", "NA", "040", "1", "Ukraine", "Ukraine", "104"),  # 6
    icews_line(
        "6", "2016-09-03", "Police (Kenya)", "Kenya", "173", "-5", "Citizen (Kenya)", "Kenya", "105"
    ),  # 7
    icews_line("7", "2016-13-45", "Russia", "Russia", "040", "1", "Ukraine", "Ukraine", "106"),  # 8
    "8\t2016-09-04\tRussia\tNA\tRussia",  # 9
    icews_line("9", "2016-10-01", "Kosovo", "Kosovo", "036", "4", "Serbia", "Serbia", "107"),  # 10
    icews_line(
        "10", "2016-10-02", "Atlantis", "Atlantis", "040", "1", "Turkey", "Turkey", "108"
    ),  # 11
    icews_line(
        "11",
        "2016-10-03",
        'Kim "the Elder" Park',
        "South Korea",
        "0841",
        "7",
        "North Korea",
        "North Korea",
        "109",
    ),  # 12
]


@pytest.fixture
def icews_file(tmp_path):
    path = tmp_path / "events.2016.tab"
    path.write_text(
        "\t".join(ICEWS_HEADER) + "\n" + "\n".join(ICEWS_LINES) + "\n", encoding="utf-8"
    )
    return path


def test_icews_country_level_by_hand(icews_file, tmp_path):
    out = tmp_path / "data"
    report = import_icews([icews_file], out, progress=False)
    rel = relations_by_id(out)
    assert sorted(rel) == [
        "Atlantis-TUR-2016-consult",
        "KOR-PRK-2016-yield",
        "RUS-UKR-2016-fight",
        "TUR-USA-2016-criticize",
        "XKX-SRB-2016-pledge",
    ]
    crit = rel["TUR-USA-2016-criticize"]
    assert crit["events"] == "2" and float(crit["intensity"]) == -3.0
    assert float(crit["goldstein_sum"]) == -6.0 and crit["quad_class"] == "3"
    assert sorted(crit["evidence"].split()) == ["100", "101"]
    assert crit["mentions"] == ""
    # "Russian Federation" and "Russia" are one actor: the two groups merge.
    assert rel["RUS-UKR-2016-fight"]["events"] == "2"
    assert rel["KOR-PRK-2016-yield"]["cameo"] == "08"
    assert report.rows_read == 11
    assert report.bad_rows == 2
    assert [b.line for b in report.bad_row_samples] == [8, 9]
    assert "2016-13-45" in report.bad_row_samples[0].reason
    assert report.events_missing_actor == 1
    assert report.events_same_actor == 1
    assert report.events_used == 7
    assert report.unmapped_actors == ["Atlantis"]
    actors = {a["id"]: a for a in read_csv(out / "actors.csv")}
    assert actors["TUR"]["name"] == "Türkiye" and "Turkey" in actors["TUR"]["aliases"]
    assert actors["XKX"]["name"] == "Kosovo"  # not merged into Serbia
    assert actors["Atlantis"]["type"] == "group"


def test_icews_actor_level_non_ascii(icews_file, tmp_path):
    out = tmp_path / "data"
    import_icews([icews_file], out, actors="actor-code", period="month", progress=False)
    actors = {a["id"]: a for a in read_csv(out / "actors.csv")}
    erdogan = actors["Recep Tayyip Erdoğan"]
    assert erdogan["type"] == "person" and erdogan["group"] == "TUR"
    assert actors["Government (Turkey)"]["type"] == "group"
    assert actors["USA"]["type"] == "state"  # "United States" acting as the state
    assert actors['Kim "the Elder" Park']["group"] == "KOR"
    rel = relations_by_id(out)
    assert "Recep Tayyip Erdoğan-Barack Obama-2016-07-criticize" in rel
    assert rel["Government (Turkey)-USA-2016-07-criticize"]["start"] == "2016-07"
    # Police against citizens of one country is a relation at actor level.
    assert "Police (Kenya)-Citizen (Kenya)-2016-09-coerce" in rel


def test_icews_not_an_icews_file(gdelt_file, tmp_path):
    with pytest.raises(EventImportError, match="not an ICEWS event file"):
        import_icews([gdelt_file], tmp_path / "data", progress=False)


def test_imported_dataset_loads_without_problems(gdelt_file, icews_file, tmp_path):
    load = getattr(graph, "load", None)
    if load is None:
        pytest.skip("graph.load is not in this tree yet")
    for name, fn, path in (("g", import_gdelt, gdelt_file), ("i", import_icews, icews_file)):
        out = tmp_path / name
        report = fn([path], out, progress=False)
        dataset = load(out)
        G = dataset.to_networkx()
        assert G.number_of_edges() == report.relations_written
        assert G.number_of_nodes() == report.actors_written


# --- evidence, output format, atomic writing ------------------------------------------


def test_evidence_is_the_most_mentioned_distinct_urls_in_rank_order(tmp_path):
    path = tmp_path / "ev.CSV"
    mentions_url = [
        ("3", "https://x.example/c"),
        ("9", "https://x.example/a"),
        ("1", "https://x.example/d"),
        ("9", "https://x.example/a"),
        ("5", "https://x.example/b"),
    ]
    path.write_text(
        "\n".join(
            gdelt_line("20200616", "PRK", "KOR", "1823", "-10.0", "4", m, u)
            for m, u in mentions_url
        )
        + "\n",
        encoding="utf-8",
    )
    for k, expected in (
        (3, "https://x.example/a https://x.example/b"),  # a twice: kept once
        (4, "https://x.example/a https://x.example/b https://x.example/c"),
        (1, "https://x.example/a"),
        (0, ""),
    ):
        import_gdelt([path], tmp_path / f"k{k}", evidence=k, progress=False)
        (rel,) = read_csv(tmp_path / f"k{k}" / "relations.csv")
        assert rel["evidence"] == expected, k
        assert rel["events"] == "5" and rel["mentions"] == "27"
    with pytest.raises(EventImportError, match="evidence"):
        import_gdelt([path], tmp_path / "bad", evidence=-1, progress=False)


def test_evidence_ties_do_not_depend_on_row_order(tmp_path):
    urls = [f"https://tie.example/{i}" for i in range(8)]  # all with the same mentions
    outputs = []
    for name, order in (("fwd", urls), ("rev", urls[::-1])):
        path = tmp_path / f"{name}.CSV"
        path.write_text(
            "\n".join(
                gdelt_line("20200616", "PRK", "KOR", "1823", "-10.0", "4", "2", u) for u in order
            )
            + "\n",
            encoding="utf-8",
        )
        import_gdelt([path], tmp_path / name, evidence=3, progress=False)
        outputs.append((tmp_path / name / "relations.csv").read_bytes())
    assert outputs[0] == outputs[1]
    (rel,) = read_csv(tmp_path / "fwd" / "relations.csv")
    assert len(rel["evidence"].split()) == 3 and set(rel["evidence"].split()) <= set(urls)


def test_relations_csv_quoting_round_trips(tmp_path):
    # ICEWS cells may be quoted: names with commas, quotes and line breaks reach
    # relations.csv (actor-level ids and story ids) and must read back intact.
    odd_src, odd_tgt, story = 'Kim "the, Elder"\nPark', "Lee, Jr.", 'story "7",\r\nb'

    def cell(text):
        return '"' + text.replace('"', '""') + '"'

    line = icews_line(
        "1",
        "2016-07-15",
        cell(odd_src),
        "South Korea",
        "111",
        "-2",
        cell(odd_tgt),
        "North Korea",
        cell(story),
    )
    path = tmp_path / "odd.tab"
    path.write_text("\t".join(ICEWS_HEADER) + "\n" + line + "\n", encoding="utf-8", newline="")
    out = tmp_path / "data"
    report = import_icews([path], out, actors="actor-code", progress=False)
    assert report.relations_written == 1 and report.bad_rows == 0
    (rel,) = read_csv(out / "relations.csv")
    assert (rel["source"], rel["target"], rel["evidence"]) == (odd_src, odd_tgt, story)
    assert rel["id"] == f"{odd_src}-{odd_tgt}-2016-criticize"
    assert rel["said_by"] == "" and rel["quote"] == ""


def test_failed_write_keeps_the_previous_dataset(gdelt_file, tmp_path, monkeypatch):
    out = tmp_path / "data"
    import_gdelt([gdelt_file], out, progress=False)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    from graph.events import aggregate

    real = aggregate._relations

    def failing(*args, **kwargs):  # DuckDB fails while writing relations.csv
        select = real(*args, **kwargs)
        fail = "CASE WHEN events > 1 THEN error('disk full') END"
        return select.replace("AS id,", f"AS id, {fail},", 1)

    monkeypatch.setattr(aggregate, "_relations", failing)
    with pytest.raises(Exception, match="disk full"):
        import_gdelt([gdelt_file], out, period="month", progress=False)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before  # no temp file left


def test_imported_dataset_has_no_missing_quote_warning(gdelt_file, tmp_path):
    load = getattr(graph, "load", None)
    if load is None:
        pytest.skip("graph.load is not in this tree yet")
    out = tmp_path / "data"
    import_gdelt([gdelt_file], out, progress=False)
    assert read_csv(out / "sources.csv")[0]["machine_coded"] == "true"
    dataset = load(out)
    codes = [getattr(w, "code", None) for w in dataset.warnings]
    assert "no-quote" not in codes
