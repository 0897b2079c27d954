"""`geograph import gdelt|icews`: the command over graph.events, and its result checked and built."""

import json

from click.testing import CliRunner
from event_files import GDELT_LINES

import graph
from graph.cli import cli


def test_import_gdelt_then_check_and_build(tmp_path):
    src = tmp_path / "20200616.export.CSV"
    src.write_text("\n".join(GDELT_LINES) + "\n", "utf-8")
    out = tmp_path / "events"
    runner = CliRunner()
    r = runner.invoke(cli, ["import", "gdelt", str(src), "-o", str(out), "--json"])
    assert r.exit_code == 0, r.output
    report = json.loads(r.stdout)
    assert report["rows_read"] == len(GDELT_LINES)
    assert report["bad_rows"] >= 2 and report["events_missing_actor"] == 2
    assert [p for p in graph.check(out) if p.severity == "error"] == []
    r = runner.invoke(cli, ["build", str(out), "-o", str(tmp_path / "events.html")])
    assert r.exit_code == 0
    assert (tmp_path / "events.html").read_bytes().startswith(b"<!DOCTYPE html>")


def test_import_gdelt_missing_file_is_a_clean_error(tmp_path):
    r = CliRunner().invoke(
        cli, ["import", "gdelt", str(tmp_path / "none.CSV"), "-o", str(tmp_path / "o")]
    )
    assert r.exit_code == 1
    assert r.output.startswith("Error:") and "Traceback" not in r.output
    assert not (tmp_path / "o" / "relations.csv").exists()
