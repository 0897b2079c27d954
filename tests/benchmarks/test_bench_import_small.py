"""The import benchmark at a reduced size, so the script cannot rot. No timing asserts."""

from __future__ import annotations

import csv

import pytest

from graph.events import GDELT_COLUMNS, import_gdelt

from .bench_import import format_table, main, make_gdelt_file, run_benchmark

pytestmark = pytest.mark.benchmark


def test_generated_file_is_gdelt_format(tmp_path):
    path = tmp_path / "small.export.CSV"
    make_gdelt_file(path, 500)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 500
    assert {len(line.split("\t")) for line in lines} == {len(GDELT_COLUMNS)}
    codes = [line.split("\t")[GDELT_COLUMNS.index("EventCode")] for line in lines]
    assert any(c.startswith("0") for c in codes)  # leading zeros written as text
    report = import_gdelt([path], tmp_path / "data", progress=False)
    assert report.rows_read == 500 and report.bad_rows == 0
    with open(tmp_path / "data" / "relations.csv", encoding="utf-8", newline="") as fh:
        events = sum(int(r["events"]) for r in csv.DictReader(fh))
    assert events == report.events_used > 0


def test_contenders_agree_on_the_small_file(tmp_path):
    results = run_benchmark([2000], repeat=1, log=lambda *a, **k: None)
    by_name = {r["name"]: r for r in results}
    assert set(by_name) == {"geograph", "duckdb", "pandas"}
    for r in results:
        assert r["seconds"] > 0 and r["peak_mb"] > 0 and r["groups"] > 0
    # DuckDB and pandas run the same group-by (pandas drops groups with a missing key).
    assert by_name["pandas"]["groups"] <= by_name["duckdb"]["groups"]
    table = format_table(results)
    assert "| geograph |" in table and "speed vs DuckDB" in table


def test_command_line_runs(capsys):
    assert main(["--rows", "1000", "--contenders", "geograph", "duckdb"]) == 0
    out = capsys.readouterr().out
    assert "| 1,000 |" in out and "| duckdb |" in out
    assert "CPU vs DuckDB" in out and "load average (1 min) before" in out
    duckdb_row = next(line for line in out.splitlines() if "| duckdb |" in line)
    assert duckdb_row.endswith("| 1.00x | 1.00x |")


def test_countries_option_fixes_the_actor_pairs(tmp_path):
    path = tmp_path / "few.export.CSV"
    make_gdelt_file(path, 3000, countries=3)
    col = GDELT_COLUMNS.index("Actor1CountryCode")
    seen = {line.split("\t")[col] for line in path.read_text(encoding="utf-8").splitlines()}
    assert seen - {""} == {"USA", "CHN", "RUS"}


def test_narrow_duckdb_contender_runs(tmp_path):
    results = run_benchmark([1000], contenders=("duckdb", "duckdb-5col"), log=lambda *a, **k: None)
    by_name = {r["name"]: r for r in results}
    assert by_name["duckdb"]["groups"] == by_name["duckdb-5col"]["groups"] > 0
    assert all(r["cpu"] > 0 for r in results)
    assert "| CPU s |" in format_table(results)


def test_same_file_gives_the_same_bytes_with_parallel_threads(tmp_path):
    # 60,000 rows (27 MB) are read by several DuckDB threads in any order:
    # evidence ties, Goldstein sums and row order must not depend on it.
    path = tmp_path / "par.export.CSV"
    make_gdelt_file(path, 60_000)
    outputs = []
    for run in ("a", "b"):
        import_gdelt([path], tmp_path / run, progress=False)
        outputs.append((tmp_path / run / "relations.csv").read_bytes())
    assert outputs[0] == outputs[1]


def test_file_option_times_an_existing_export_and_leaves_it(tmp_path, capsys):
    path = tmp_path / "given.export.CSV"
    make_gdelt_file(path, 1500)
    before = path.read_bytes()
    assert main(["--file", str(path), "--contenders", "geograph", "duckdb"]) == 0
    out = capsys.readouterr().out
    assert "| 1,500 |" in out and "| geograph |" in out
    assert path.read_bytes() == before


def test_scan_contender_runs_the_imports_own_aggregation(tmp_path):
    results = run_benchmark(
        [3000], contenders=("geograph", "geograph-scan"), log=lambda *a, **k: None
    )
    by_name = {r["name"]: r for r in results}
    # Every relation written is one group; groups of a missing actor or code are not written.
    assert by_name["geograph-scan"]["groups"] > by_name["geograph"]["groups"] > 0
    assert "| geograph-scan |" in format_table(results)
