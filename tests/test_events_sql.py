"""The import's aggregation statement: its shortcuts give what the plain per-event rules give."""

from __future__ import annotations

import duckdb

from graph.events import aggregation_sql
from graph.vocabulary import default_vocabulary

CODES = ["010", "0214", "036", "040", "046", "0461", "057", "061", "0841", "087", "090", "100",
         "111", "1121", "120", "138", "141", "150", "163", "173", "1823", "190", "200", "99", "2",
         "", "21", "0"]  # fmt: skip


def _groups(vocabulary):
    con = duckdb.connect()
    con.execute(
        "CREATE TABLE events AS SELECT "
        "['USA', 'CHN', 'RUS'][1 + i % 3] AS src, ['KOR', 'PRK'][1 + i % 2] AS tgt, "
        "NULL AS src_name, NULL AS tgt_name, NULL AS src_country, NULL AS tgt_country, "
        "NULL AS src_kind, NULL AS tgt_kind, DATE '2020-01-01' + CAST(i % 400 AS INTEGER) AS day, "
        f"{CODES}[1 + i % {len(CODES)}] AS code, (i % 21) - 10.0 AS goldstein, "
        "i % 7 AS mentions, 'https://e.example/' || i AS evidence, i % 5 AS rank "
        "FROM range(5000) t(i)"
    )
    sql = aggregation_sql("events", "quarter", vocabulary, hints=False)
    rows = con.execute(
        f"SELECT src, tgt, period, relation, events, quad1, quad2, quad3, quad4, evidence "
        f"FROM ({sql}) WHERE relation IS NOT NULL"
    ).fetchall()
    return {r[:4]: r[4:] for r in rows}


def test_quad_classes_from_the_relation_type_equal_the_per_event_counts():
    vocabulary = default_vocabulary()
    # A one-digit code breaks "the relation type decides the quad class": per-event counts.
    per_event = {**vocabulary, "odd": {**vocabulary["comment"], "relation": "odd", "cameo": "9"}}
    shortcut, plain = _groups(vocabulary), _groups(per_event)
    assert len(shortcut) > 100
    assert shortcut == {k: v for k, v in plain.items() if k[3] != "odd"}
    assert any(k[3] == "odd" for k in plain)  # the fallback really ran
    assert {q for v in shortcut.values() for q in range(4) if v[1 + q]} == {0, 1, 2, 3}
    assert all(sum(v[1:5]) == v[0] for v in shortcut.values())


def test_relation_numbers_name_each_code_as_the_case_of_names_does():
    """The statement groups by a relation type's number and names it after: the CASE's names."""
    from graph.events import relation_case_sql

    odd = {"1": None, " 1": None, "1a": None, "04x": "consult", "04": "consult", " 04": None,
           "1 ": None, "+1": None, "1630": "sanction", "16": "reduce-relations",
           "016": "comment", "00": None, "0461 ": "negotiate"}  # fmt: skip
    codes = list(dict.fromkeys([*CODES, *odd]))
    con = duckdb.connect()
    con.execute(
        "CREATE TABLE events AS SELECT '#' || c AS src, 'KOR' AS tgt, NULL AS src_name, "
        "NULL AS tgt_name, NULL AS src_country, NULL AS tgt_country, NULL AS src_kind, "
        "NULL AS tgt_kind, DATE '2020-01-01' AS day, c AS code, 1.0 AS goldstein, "
        "1 AS mentions, 'u' || c AS evidence, 1 AS rank FROM unnest(?::VARCHAR[]) t(c)",
        [codes],
    )
    sql = aggregation_sql("events", "year", default_vocabulary(), hints=False)
    grouped = dict(con.execute(f"SELECT src[2:], relation FROM ({sql})").fetchall())
    named = dict(con.execute(f"SELECT code, {relation_case_sql('code')} FROM events").fetchall())
    assert grouped == named
    assert {c: grouped[c] for c in odd} == odd
    assert len(set(grouped.values())) > 20


def test_the_import_writes_the_same_bytes_whatever_the_number_of_threads(tmp_path, monkeypatch):
    import random

    from event_files import gdelt_line

    import graph.events.importer as importer
    from graph.events import import_gdelt

    rnd = random.Random(5)
    lines = [
        gdelt_line(
            f"20{rnd.randint(18, 20)}{rnd.randint(1, 12):02d}{rnd.randint(1, 28):02d}",
            rnd.choice(["USA", "CHN", "RUS", "IRN", "=HY", ""]),
            rnd.choice(["KOR", "PRK", "USA"]),
            rnd.choice(["040", "1823", "046", "163"]),
            f"{rnd.uniform(-10, 10):.1f}",
            "1",
            str(rnd.randint(1, 20)),
            f"https://e.example/{rnd.randint(0, 40)}",
            event_id=str(i),
        )
        for i in range(1500)
    ]
    (tmp_path / "e.CSV").write_text("\n".join(lines) + "\n", encoding="utf-8")
    connect = importer.connect
    written = {}
    for threads in (1, 2, 5):

        def with_threads(tmp, n=threads):
            con = connect(tmp)
            con.execute(f"SET threads = {n}")
            return con

        monkeypatch.setattr(importer, "connect", with_threads)
        out = tmp_path / f"t{threads}"
        import_gdelt([tmp_path / "e.CSV"], out, period="month", progress=False)
        written[threads] = (out / "relations.csv").read_bytes()
    assert written[1].count(b"\n") > 100
    assert written[1] == written[2] == written[5]
