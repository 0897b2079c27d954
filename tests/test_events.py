"""Importing GDELT 2.0 and ICEWS event files into a geograph dataset.

The input files are written by the tests in the real formats (GDELT: 61
tab-separated columns, no header; ICEWS: tab-separated with a header and
``NA``), and every expected aggregate below was worked out by hand from them.
"""

from __future__ import annotations

import functools
import json
import os
import re
import zipfile

import pytest
from event_files import (
    GDELT_LINES,
    ICEWS_HEADER,
    ICEWS_LINES,
    gdelt_line,
    icews_line,
    read_csv,
    relations_by_id,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import graph
from graph.events import EventImportError, import_gdelt, import_icews
from graph.problems import OutputError
from graph.schema import is_id
from graph.vocabulary import default_vocabulary


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
    assert sorted(attack["evidence_urls"].split()) == ["https://a.example/1", "https://a.example/2"]

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
    assert sorted(crit["story_ids"].split()) == ["100", "101"]
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
    erdogan = actors["Recep-Tayyip-Erdoğan"]  # the id rule: no spaces; the name is kept
    assert erdogan["name"] == "Recep Tayyip Erdoğan"
    assert erdogan["type"] == "person" and erdogan["group"] == "TUR"
    assert actors["Government-Turkey"]["type"] == "organization"
    assert actors["Government-Turkey"]["name"] == "Government (Turkey)"
    assert actors["Citizen-Kenya"]["type"] == "group"
    assert actors["USA"]["type"] == "state"  # "United States" acting as the state
    assert actors["RUS"]["name"] == "Russia"  # "Russia" (country Russian Federation)
    kim = actors["Kim-the-Elder-Park"]
    assert kim["name"] == 'Kim "the Elder" Park' and kim["group"] == "KOR"
    rel = relations_by_id(out)
    pairs = {(r["source"], r["target"], r["start"], r["relation"]): k for k, r in rel.items()}
    long_id = pairs[("Recep-Tayyip-Erdoğan", "Barack-Obama", "2016-07", "criticize")]
    # Over 40 characters: the head cut at a "-", and a stable hash of the whole.
    assert re.fullmatch(r"Recep-Tayyip-Erdoğan-Barack-[0-9a-f]{12}", long_id), long_id
    assert rel["Government-Turkey-USA-2016-07-criticize"]["start"] == "2016-07"
    # Police against citizens of one country is a relation at actor level.
    assert ("Police-Kenya", "Citizen-Kenya", "2016-09", "coerce") in pairs
    assert [p for p in graph.check(out) if p.severity == "error"] == []


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
        assert rel["evidence_urls"] == expected, k
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
    assert len(rel["evidence_urls"].split()) == 3 and set(rel["evidence_urls"].split()) <= set(urls)


def test_relations_csv_quoting_round_trips(tmp_path):
    # ICEWS cells may be quoted as R writes them: names with commas and quotes
    # reach actors.csv and relations.csv (story ids) and must read back intact.
    odd_src, odd_tgt, story = 'Kim "the, Elder" Park', "Lee, Jr.", 'story-"7",b'

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
    assert rel["story_ids"] == story
    names = {a["id"]: a["name"] for a in read_csv(out / "actors.csv")}
    assert (names[rel["source"]], names[rel["target"]]) == (odd_src, odd_tgt)
    assert re.fullmatch(r"Kim-the-Elder-Park-Lee-Jr\.-[0-9a-f]{12}", rel["id"]), rel["id"]
    assert rel["said_by"] == "" and rel["quote"] == ""


def test_a_line_break_inside_a_cell_gives_counted_bad_rows(tmp_path):
    # One physical line is one event: a quoted cell cannot hide the lines after it.
    good = icews_line("1", "2016-07-15", "A", "Japan", "111", "-2", "B", "China", "1")
    broken = icews_line("2", "2016-07-15", '"A\nB"', "Japan", "111", "-2", "B", "China", "2")
    path = tmp_path / "odd.tab"
    path.write_text("\t".join(ICEWS_HEADER) + "\n" + good + "\n" + broken + "\n" + good + "\n")
    report = import_icews([path], tmp_path / "data", actors="actor-code", progress=False)
    assert report.rows_read == 4 and report.bad_rows == 2
    assert [b.line for b in report.bad_row_samples] == [3, 4]


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


# --- formula-safe cells ----------------------------------------------------------------

FORMULAS = [
    '=HYPERLINK("http://x")',
    "@SUM(A1)",
    "+http://e.x/1",
    "-2+3",
    "-1",
    "-9.2",
    "+1e5",
    "'=1",
    "''@x",
    "\tx",
    "\rx",
    "-1\n",
    "-١٢",  # Arabic-Indic digits: a number to Python's \d
    "=",
    "",
    "plain",
    "a;=1",
]


@functools.cache
def _connection():
    import duckdb

    return duckdb.connect()


def _sql_escape(texts):
    from graph.events import escape_formula_sql

    rows = _connection().execute(
        f"SELECT {escape_formula_sql('x')} FROM (SELECT unnest(?::VARCHAR[]) AS x)", [texts]
    )
    return [r[0] for r in rows.fetchall()]


def test_sql_formula_escape_equals_the_python_one_on_a_hostile_corpus():
    from hostile import HOSTILE, HOSTILE_URLS

    from graph.write import escape_formula

    corpus = [t.replace("\x00", "") for t in [*FORMULAS, *HOSTILE, *HOSTILE_URLS]]
    assert _sql_escape(corpus) == [escape_formula(t) for t in corpus]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)), max_size=12)
                | st.text(alphabet="=+-@'\t\r\n0123456789.eE ١", max_size=8), min_size=1, max_size=20))  # fmt: skip
def test_sql_formula_escape_equals_the_python_one_on_any_text(texts):
    from graph.write import escape_formula

    assert _sql_escape(texts) == [escape_formula(t) for t in texts]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="=+-@'\t\r\n;0123456789.eE ١aZ", max_size=8), st.text(max_size=8))
def test_an_id_that_is_never_escaped_starts_no_escaped_cell(head, tail):
    # The import leaves ids and relation ids (an id, then "-" and more) unescaped
    # when every id passes never_escaped: then no cell starting with one changes.
    from graph.events.aggregate import never_escaped
    from graph.write import escape_formula

    tail = tail.replace(";", "").replace("\t", "")
    if never_escaped(head):
        assert escape_formula(head) == head
        assert escape_formula(head + "-" + tail) == head + "-" + tail


def _csv_lines(texts, field, path, options):
    """``texts`` written by DuckDB as lines ``FIELD,1`` (in order), the file's bytes."""
    _connection().execute(
        f"COPY (SELECT {field}, 1 AS n FROM (SELECT unnest(?::VARCHAR[]) AS x, "
        f"generate_subscripts(?, 1) AS i) ORDER BY i) TO '{path}' (FORMAT csv, HEADER false, "
        f"{options}, NEW_LINE '\\n')",
        [texts, texts],
    )
    return path.read_bytes()


def _writer_fields(texts, folder):
    """The CSV fields DuckDB's own writer gives ``texts`` (with the options it wrote relations.csv with)."""
    return _csv_lines(texts, "x", folder / "writer.csv", "DELIMITER ',', QUOTE '\"', ESCAPE '\"'")


def _sql_fields(texts, folder):
    """The same lines with the fields from :func:`graph.events.aggregate.csv_field_sql`, quoting off."""
    from graph.events.aggregate import csv_field_sql

    return _csv_lines(texts, csv_field_sql("x"), folder / "sql.csv", "QUOTE '', ESCAPE ''")


CSV_CELLS = ["plain", "", "a,b", 'say "hi"', "#1", "a#", "line\nbreak", "cr\rhere", '"', ",",
             "=HYP", "a;b", "tab\tx", "é, ü", "'quoted'", " ", "|", None]  # fmt: skip


def test_sql_csv_fields_are_what_duckdbs_writer_wrote(tmp_path):
    # relations.csv is built as lines in SQL: its fields must stay those DuckDB's writer wrote.
    from hostile import HOSTILE, HOSTILE_URLS

    from graph.events.aggregate import csv_field

    corpus = [
        t if t is None else t.replace("\x00", "") for t in [*CSV_CELLS, *HOSTILE, *HOSTILE_URLS]
    ]
    expected = _writer_fields(corpus, tmp_path)
    assert _sql_fields(corpus, tmp_path) == expected
    assert b'\n"a,b",1\n"say ""hi""",1\n"#1",1\n' in expected and b'\n"",1\n' in expected
    python = "".join(("" if t is None else csv_field(t)) + ",1\n" for t in corpus)
    assert python.encode("utf-8") == expected


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.text(alphabet=st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)), max_size=12)
                | st.text(alphabet=',"#\n\r; a', max_size=6), min_size=1, max_size=20))  # fmt: skip
def test_sql_csv_fields_are_what_duckdbs_writer_writes_for_any_text(tmp_path, texts):
    assert _sql_fields(texts, tmp_path) == _writer_fields(texts, tmp_path)


def test_formula_cells_are_escaped_and_read_back(tmp_path):
    path = tmp_path / "ev.CSV"
    lines = [
        gdelt_line("20200616", "USA", "PRK", "130", "-4.4", "3", "1", '=HYPERLINK("http://x")',
                   a1code="=CMD", a1name="@SUM(A1)", a2code="+PRK", a2name="-2+3"),
        gdelt_line("20200616", "USA", "PRK", "130", "-4.4", "3", "2", "+http://e.x/1",
                   a1code="=CMD", a1name="@SUM(A1)", a2code="+PRK", a2name="-2+3"),
    ]  # fmt: skip
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "data"
    import_gdelt([path], out, actors="actor-code", progress=False)
    raw = (out / "actors.csv").read_text("utf-8") + (out / "relations.csv").read_text("utf-8")
    for cell in ("=CMD", "@SUM(A1)", "+PRK", "-2+3", "=HYPERLINK", "+http://e.x/1"):
        assert f",{cell}" not in raw and f"\n{cell}" not in raw and f'"{cell}' not in raw, cell
    assert "'=CMD" in raw and "'+http://e.x/1" in raw
    dataset = graph.load(out)
    assert dataset.errors == [] if hasattr(dataset, "errors") else True
    G = dataset.to_networkx()
    assert set(G.nodes) == {"=CMD", "+PRK"}
    assert {G.nodes[n]["name"] for n in G.nodes} == {"@SUM(A1)", "-2+3"}
    (rel,) = read_csv(out / "relations.csv")
    assert rel["evidence_urls"] == '\'+http://e.x/1 =HYPERLINK("http://x")'


# --- ids, types and names --------------------------------------------------------------

NAMES = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from(" ,;|\"'<>&()-"),
    min_size=1,
    max_size=60,
).filter(lambda s: s.strip() and not s.startswith('"') and s.strip() not in ("NA",))


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(names=st.lists(NAMES, min_size=2, max_size=8), long=st.booleans())
def test_any_actor_names_give_a_dataset_that_checks_and_builds(tmp_path_factory, names, long):
    tmp = tmp_path_factory.mktemp("names")
    if long:
        names = [n * 3 for n in names]
    names = [" ".join(n.split()) for n in names]  # one line per event: no tabs or line breaks
    names = [n for n in names if n.strip()] or ["x", "y"]
    icews = [
        icews_line(str(i), "2016-07-15", a, "Japan", "111", "-2", b, "China", str(i))
        for i, (a, b) in enumerate(zip(names, names[1:] + names[:1]))
    ]
    gdelt = [
        gdelt_line("20160715", "JPN", "CHN", "111", "-2", "3", "1", a1code=a, a1name=a,
                   a2code=b, a2name=b)
        for a, b in zip(names, names[1:] + names[:1])
    ]  # fmt: skip
    (tmp / "i.tab").write_text("\t".join(ICEWS_HEADER) + "\n" + "\n".join(icews) + "\n", "utf-8")
    (tmp / "g.CSV").write_text("\n".join(gdelt) + "\n", "utf-8")
    for fn, path in ((import_icews, tmp / "i.tab"), (import_gdelt, tmp / "g.CSV")):
        out = tmp / fn.__name__
        report = fn([path], out, actors="actor-code", progress=False)
        assert [p for p in graph.check(out) if p.severity == "error"] == []
        G = graph.load(out).to_networkx()
        assert G.number_of_edges() == report.relations_written
        for row in read_csv(out / "actors.csv"):
            assert is_id(row["id"]) or is_id(row["id"][1:])  # one ' before a formula


def test_icews_types_follow_its_sectors_and_names(tmp_path):
    lines = [
        icews_line("1", "2016-01-01", "Shinzo Abe", "Japan", "036", "4", "Liberal Democratic Party",
                   "Japan", "1", "Elite,Executive,Executive Office,Government,Parties", "Parties"),
        icews_line("2", "2016-01-02", "Russia", "Russian Federation", "036", "4", "Citizen (India)",
                   "India", "2"),
        icews_line("3", "2016-01-03", "Police (Malaysia)", "Malaysia", "173", "-5",
                   "Student (Malaysia)", "Malaysia", "3"),
        icews_line("4", "2016-01-04", "Vatican City", "Vatican City", "036", "4", "Hong Kong",
                   "Hong Kong", "4"),
    ]  # fmt: skip
    path = tmp_path / "t.tab"
    path.write_text("\t".join(ICEWS_HEADER) + "\n" + "\n".join(lines) + "\n", "utf-8")
    out = tmp_path / "data"
    import_icews([path], out, actors="actor-code", progress=False)
    actors = {a["name"]: a for a in read_csv(out / "actors.csv")}
    assert actors["Shinzo Abe"]["type"] == "person"  # party sectors do not make an organization
    assert actors["Liberal Democratic Party"]["type"] == "organization"
    assert (actors["Russia"]["id"], actors["Russia"]["type"]) == ("RUS", "state")
    assert actors["Citizen (India)"]["type"] == "group"
    assert actors["Police (Malaysia)"]["type"] == "organization"
    assert actors["Vatican"]["id"] == "VAT"
    assert (actors["Hong Kong"]["id"], actors["Hong Kong"]["type"]) == ("HKG", "location")
    assert [p for p in graph.check(out) if p.severity == "error"] == []


def test_country_level_uses_the_short_names_people_use(tmp_path):
    pairs = [("RUS", "COD"), ("PSE", "VAT"), ("HKG", "MAC"), ("SCG", "USA")]
    path = tmp_path / "c.CSV"
    path.write_text("\n".join(gdelt_line("20200101", a, b) for a, b in pairs) + "\n", "utf-8")
    out = tmp_path / "data"
    import_gdelt([path], out, progress=False)
    actors = {a["id"]: a for a in read_csv(out / "actors.csv")}
    assert {i: a["name"] for i, a in actors.items()} == {
        "COD": "DR Congo",
        "HKG": "Hong Kong",
        "MAC": "Macao",
        "PSE": "Palestine",
        "RUS": "Russia",
        "SCG": "Serbia and Montenegro",
        "USA": "United States",
        "VAT": "Vatican",
    }
    assert "Russian Federation" in actors["RUS"]["aliases"]
    assert actors["HKG"]["type"] == actors["MAC"]["type"] == "location"
    assert actors["SCG"]["type"] == "state"


def test_one_quad_class_rule_for_both_sources(tmp_path):
    # GDELT's own QuadClass column says 1 here; the rule is the CAMEO root (18: quad 4).
    (tmp_path / "g.CSV").write_text(gdelt_line("20200101", "PRK", "KOR", "1823", "-9", "1") + "\n")
    icews = icews_line("1", "2020-01-01", "North Korea", "North Korea", "1823", "-9",
                       "South Korea", "South Korea", "1")  # fmt: skip
    (tmp_path / "i.tab").write_text("\t".join(ICEWS_HEADER) + "\n" + icews + "\n")
    import_gdelt([tmp_path / "g.CSV"], tmp_path / "g", progress=False)
    import_icews([tmp_path / "i.tab"], tmp_path / "i", progress=False)
    (g,) = read_csv(tmp_path / "g" / "relations.csv")
    (i,) = read_csv(tmp_path / "i" / "relations.csv")
    assert g["quad_class"] == i["quad_class"] == "4"
    assert g["id"] == i["id"] == "PRK-KOR-2020-attack"


# --- faults ----------------------------------------------------------------------------


def test_a_stray_quote_swallows_no_row(tmp_path):
    lines = [
        icews_line(str(i), "2016-07-15", f"Actor {i}", "Japan", "111", "-2", "China", "China",
                   str(i))
        for i in range(150)
    ]  # fmt: skip
    lines[49] = lines[49].replace("Actor 49", '"Actor 49')  # one stray quote
    path = tmp_path / "stray.tab"
    path.write_text("\t".join(ICEWS_HEADER) + "\n" + "\n".join(lines) + "\n", "utf-8")
    report = import_icews([path], tmp_path / "data", actors="actor-code", progress=False)
    assert report.rows_read == 150 and report.bad_rows == 0 and report.events_used == 150
    names = {a["name"] for a in read_csv(tmp_path / "data" / "actors.csv")}
    assert '"Actor 49' in names and "Actor 50" in names
    lines[60] = lines[60].replace("2016-07-15", "someday")
    path.write_text("\t".join(ICEWS_HEADER) + "\n" + "\n".join(lines) + "\n", "utf-8")
    report = import_icews([path], tmp_path / "d2", progress=False)
    assert (report.rows_read, report.bad_rows, report.bad_row_samples[0].line) == (150, 1, 62)


def test_empty_input_is_an_error_saying_nothing_was_read(tmp_path):
    (tmp_path / "empty.CSV").write_bytes(b"")
    with pytest.raises(EventImportError, match="nothing was read"):
        import_gdelt([tmp_path / "empty.CSV"], tmp_path / "a", progress=False)
    (tmp_path / "empty.tab").write_text("\t".join(ICEWS_HEADER) + "\n")
    with pytest.raises(EventImportError, match="nothing was read"):
        import_icews([tmp_path / "empty.tab"], tmp_path / "b", progress=False)
    assert not (tmp_path / "a").exists() and not (tmp_path / "b").exists()


def _patched_zip(path, source, flag=None, method=None):
    """A zip of ``source`` with its header's flag bits or compression method rewritten."""
    import struct

    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED) as zf:
        zf.write(source, source.name)
    data = bytearray(path.read_bytes())
    local, central = 0, data.index(b"PK\x01\x02")
    if flag is not None:
        struct.pack_into("<H", data, local + 6, flag)
        struct.pack_into("<H", data, central + 8, flag)
    if method is not None:
        struct.pack_into("<H", data, local + 8, method)
        struct.pack_into("<H", data, central + 10, method)
    path.write_bytes(bytes(data))


def test_encrypted_or_unsupported_zip_is_a_clean_error(gdelt_file, tmp_path):
    _patched_zip(tmp_path / "enc.zip", gdelt_file, flag=0x1)
    with pytest.raises(EventImportError, match="encrypted"):
        import_gdelt([tmp_path / "enc.zip"], tmp_path / "a", progress=False)
    _patched_zip(tmp_path / "ppmd.zip", gdelt_file, method=98)
    with pytest.raises(EventImportError, match="compression method"):
        import_gdelt([tmp_path / "ppmd.zip"], tmp_path / "b", progress=False)


def test_outputs_that_must_not_be_written(gdelt_file, tmp_path):
    with pytest.raises(OutputError, match="is a file"):
        import_gdelt([gdelt_file], tmp_path / "x.txt" if (tmp_path / "x.txt").write_text("x")
                     else None, progress=False)  # fmt: skip
    with pytest.raises(OutputError, match="inputs"):
        import_gdelt([gdelt_file], gdelt_file, progress=False)
    with pytest.raises(OutputError, match="inputs"):  # a folder whose relations.csv is the input
        (tmp_path / "ds").mkdir()
        (tmp_path / "ds" / "relations.csv").write_bytes(gdelt_file.read_bytes())
        import_gdelt([tmp_path / "ds" / "relations.csv"], tmp_path / "ds", progress=False)
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        if os.access(locked, os.W_OK):
            pytest.skip("running as a user who may write a read-only folder")
        with pytest.raises(OutputError, match="read-only"):
            import_gdelt([gdelt_file], locked, progress=False)
    finally:
        locked.chmod(0o755)
    assert gdelt_file.read_text("utf-8") == "\n".join(GDELT_LINES) + "\n"


def test_an_existing_dataset_is_refused_and_force_replaces_it(gdelt_file, tmp_path):
    out = tmp_path / "data"
    import_gdelt([gdelt_file], out, progress=False)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    with pytest.raises(OutputError, match="--force"):
        import_gdelt([gdelt_file], out, period="month", progress=False)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    import_gdelt([gdelt_file], out, period="month", force=True, progress=False)
    assert "PRK-KOR-2020-06-attack" in relations_by_id(out)
    assert sorted(p.name for p in out.iterdir()) == ["actors.csv", "relations.csv", "sources.csv"]


def test_works_in_a_jupyter_kernel_without_ipywidgets(gdelt_file, tmp_path):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    code = (
        # the test extra installs ipywidgets (for the Explorer widget): hide it here
        "import sys\n"
        "sys.modules['ipywidgets'] = None\n"
        "from graph.events import import_gdelt\n"
        f"r = import_gdelt([{str(gdelt_file)!r}], {str(tmp_path / 'nb')!r})\n"
        "print(r.relations_written)"
    )
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(code)])
    nbclient.NotebookClient(nb, timeout=120, kernel_name="python3").execute()
    assert nb.cells[0].outputs[-1]["text"].strip() == "7"


# --- beyond one machine: the statement for other engines, and its result brought home --


def _gdelt_table(con, path):
    from graph.events import GDELT_COLUMNS

    spec = ", ".join(f"'{c}': 'VARCHAR'" for c in GDELT_COLUMNS)
    con.execute(
        f"CREATE TABLE events AS SELECT * FROM read_csv('{path}', delim = '\\t', header = false,"
        f" quote = '', escape = '', columns = {{{spec}}}, auto_detect = false,"
        " ignore_errors = true)"
    )


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_the_engine_statement_run_in_duckdb_gives_the_local_import(gdelt_file, tmp_path, fmt):
    import duckdb

    from graph.events import engine_sql, import_aggregated

    con = duckdb.connect()
    _gdelt_table(con, gdelt_file)
    result = tmp_path / f"result.{fmt}"
    con.execute(f"COPY ({engine_sql(period='month')}) TO '{result}' (FORMAT {fmt})")
    report = import_aggregated(result, tmp_path / "engine")
    local = import_gdelt([gdelt_file], tmp_path / "local", period="month", progress=False)
    for name in ("actors.csv", "relations.csv"):
        assert (tmp_path / "engine" / name).read_bytes() == (tmp_path / "local" / name).read_bytes()
    assert report.relations_written == local.relations_written
    # Rows that are not events (bad lines here, read as text) are not counted: 13 of 16.
    assert report.events_used == local.events_used
    assert [p for p in graph.check(tmp_path / "engine") if p.severity == "error"] == []


@pytest.mark.parametrize(
    ("events", "kept"),
    [  # (mentions, url) of one relation's events -> the evidence written
        ([(5, "https://a"), (5, "https://d"), (5, "https://b"), (5, "https://c")],
         "https://d https://c https://b"),  # a tie of rank: broken by the text
        ([(9, "https://u"), (9, "https://u"), (5, "https://v"), (1, "https://w")],
         "https://u https://v"),  # the three highest events, their distinct texts
        ([(2, "https://z"), (7, "https://m"), (7, "https://n"), (1, "")],
         "https://n https://m https://z"),
    ],
)  # fmt: skip
def test_every_engine_keeps_the_same_evidence_when_ranks_tie(tmp_path, events, kept):
    """The printed statement, run in an engine, and the local import keep the same URLs."""
    import duckdb

    from graph.events import engine_sql, import_aggregated

    path = tmp_path / "ties.CSV"
    lines = [
        gdelt_line(a1="USA", a2="CHN", mentions=str(m), url=u, event_id=str(i))
        for i, (m, u) in enumerate(events, 1)
    ]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    con = duckdb.connect()
    _gdelt_table(con, path)
    con.execute(f"COPY ({engine_sql(period='month')}) TO '{tmp_path / 'r.csv'}' (HEADER true)")
    import_aggregated(tmp_path / "r.csv", tmp_path / "engine")
    import_gdelt([path], tmp_path / "local", period="month", progress=False)
    (local,) = relations_by_id(tmp_path / "local").values()
    assert local["evidence_urls"] == kept
    assert relations_by_id(tmp_path / "engine") == relations_by_id(tmp_path / "local")


def test_the_engine_statement_at_actor_level_for_icews(icews_file, tmp_path):
    import duckdb

    from graph.events import ICEWS, engine_sql, import_aggregated

    con = duckdb.connect()
    con.execute(
        f"CREATE TABLE ev AS SELECT * FROM read_csv('{icews_file}', delim = '\\t', header = true,"
        " quote = '', all_varchar = true, nullstr = 'NA', ignore_errors = true)"
    )
    sql = engine_sql(ICEWS, table="ev", actors="actor-code")
    con.execute(f"COPY ({sql}) TO '{tmp_path / 'r.csv'}' (FORMAT csv, HEADER true)")
    import_aggregated(tmp_path / "r.csv", tmp_path / "engine")
    import_icews([icews_file], tmp_path / "local", actors="actor-code", progress=False)
    engine, local = relations_by_id(tmp_path / "engine"), relations_by_id(tmp_path / "local")
    assert sorted(engine) == sorted(local)
    for rid, row in local.items():
        assert {k: v for k, v in engine[rid].items()} == row, rid


@pytest.mark.parametrize("dialect", ["duckdb", "spark", "bigquery"])
@pytest.mark.parametrize("period", ["year", "quarter", "month", "day"])
def test_the_statement_parses_in_its_dialect(dialect, period):
    import sqlglot

    from graph.events import ICEWS, engine_sql

    for source in (graph.events.GDELT, ICEWS):
        for actors in ("country", "actor-code"):
            sql = engine_sql(source, dialect=dialect, period=period, actors=actors)
            (tree,) = sqlglot.parse(sql, read=dialect)
            assert tree.find(sqlglot.exp.Window) is not None


def test_an_engine_result_that_is_not_one_is_a_clean_error(tmp_path):
    from graph.events import import_aggregated

    (tmp_path / "x.csv").write_text("a,b\n1,2\n")
    with pytest.raises(EventImportError, match="not a result of geograph's aggregation"):
        import_aggregated(tmp_path / "x.csv", tmp_path / "out")
    with pytest.raises(EventImportError, match="no such file"):
        import_aggregated(tmp_path / "none.csv", tmp_path / "out")
    assert not (tmp_path / "out").exists()


@pytest.fixture(scope="module")
def spark():
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        if os.environ.get("CI"):
            pytest.fail("pyspark is not installed (CI must run the Spark test)", pytrace=False)
        pytest.skip("pyspark is not installed")
    import shutil

    if not shutil.which("java"):
        if os.environ.get("CI"):
            pytest.fail("no java on PATH (CI must run the Spark test)", pytrace=False)
        pytest.skip("Spark needs Java (apt-get install default-jre-headless)")
    session = (
        SparkSession.builder.master("local[1]")
        .appName("geograph-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    yield session
    session.stop()


def test_the_spark_statement_gets_the_relations_duckdb_gets(spark, tmp_path):
    import duckdb
    from pyspark.sql.types import StringType, StructField, StructType

    from graph.events import GDELT_COLUMNS, engine_sql, import_aggregated

    # Each engine reads files its own way (Spark pads a short line): compare on whole lines.
    gdelt_file = tmp_path / "whole.CSV"
    gdelt_file.write_text("\n".join(GDELT_LINES[:10] + GDELT_LINES[11:]) + "\n", "utf-8")
    schema = StructType([StructField(c, StringType()) for c in GDELT_COLUMNS])
    frame = spark.read.csv(str(gdelt_file), sep="\t", schema=schema, quote="", mode="DROPMALFORMED")
    frame.createOrReplaceTempView("gdelt_events")
    sql = engine_sql(dialect="spark", table="gdelt_events", period="quarter")
    spark.sql(sql).coalesce(1).write.csv(str(tmp_path / "spark-result"), header=True)
    import_aggregated(tmp_path / "spark-result", tmp_path / "spark")
    con = duckdb.connect()
    _gdelt_table(con, gdelt_file)
    con.execute(f"COPY ({engine_sql(period='quarter')}) TO '{tmp_path / 'd.csv'}' (HEADER true)")
    import_aggregated(tmp_path / "d.csv", tmp_path / "duckdb")
    for name in ("actors.csv", "relations.csv"):
        assert (tmp_path / "spark" / name).read_bytes() == (tmp_path / "duckdb" / name).read_bytes()
    assert len(relations_by_id(tmp_path / "spark")) == 7
    local = import_gdelt([gdelt_file], tmp_path / "local", period="quarter", progress=False)
    assert relations_by_id(tmp_path / "spark") == relations_by_id(tmp_path / "local")
    assert local.relations_written == 7


def _golden_lines() -> list[str]:
    """3,000 seeded events with formula-like actors and URLs, tabs and quotes in cells."""
    import random

    from event_files import gdelt_line

    rnd = random.Random(13)
    actors = ["USA", "CHN", "RUS", "PRK", "KOR", "=HYP", "+AB", "-XY", "@Q", "IRN", ""]
    codes = ["040", "046", "0841", "1823", "163", "138", "110", "1121", "057", "190", "99"]
    urls = ["https://a.example/x", '=HYPERLINK("http://e")', "+http://p", "-1", "a;=1",
            "http://t\tab", "'=q", "", "https://b.example/" + "y" * 50]  # fmt: skip
    out = []
    for i in range(3000):
        out.append(
            gdelt_line(
                f"20{rnd.randint(18, 20)}{rnd.randint(1, 12):02d}{rnd.randint(1, 28):02d}",
                rnd.choice(actors),
                rnd.choice(actors),
                rnd.choice(codes),
                f"{rnd.uniform(-10, 10):.1f}",
                "1",
                str(rnd.randint(1, 20)),
                rnd.choice(urls) + (str(rnd.randint(0, 30)) if rnd.random() < 0.5 else ""),
                event_id=str(i),
            )  # fmt: skip
        )
    return out


# SHA-256 of the files the import wrote before its write was reorganised (escaping
# in an outer query, a fast path for plain cells): the output must not change.
GOLDEN = {
    ("year", "actors"): "830ebd8059eba8974bb133b38edecac87912eeaacc1c598ac9ceb1d8364f8f01",
    ("year", "relations"): "19a0f0d1e5fb5319f363bbd3db6de88630414f4e808bf52a3af3ae7364c73043",
    ("year", "sources"): "4d6a63356d18ff52dff473a0f85a5f6ab285c953d0d66da8413d0325a0b5ce32",
    ("month", "relations"): "d9449b2aa0bea37680bbc868c3e2460d0d1d7bbd517ff3e848f81bc06a01fdfa",
    ("month", "sources"): "79546bdd9d03d3c7f146fcef494246eed9d71e934bd3eda41cb944b9d26a6df0",
}


def test_import_output_is_the_same_bytes_as_before_and_on_every_run(tmp_path):
    import hashlib

    (tmp_path / "e.CSV").write_text("\n".join(_golden_lines()) + "\n", encoding="utf-8")
    for period in ("year", "month"):
        for run in ("a", "b"):
            out = tmp_path / f"{period}-{run}"
            import_gdelt([tmp_path / "e.CSV"], out, period=period, progress=False)
            for (p, name), digest in GOLDEN.items():
                if p == period:
                    data = (out / f"{name}.csv").read_bytes()
                    assert hashlib.sha256(data).hexdigest() == digest, (period, name)
    relations = (tmp_path / "year-a" / "relations.csv").read_text(encoding="utf-8")
    assert "'=HYP" in relations and "'+http://p" in relations and "a;'=1" in relations
