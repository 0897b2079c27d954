"""`geograph import gdelt|icews`: the command over graph.events, and its result checked and built."""

import json
import os
import resource
import signal
import subprocess
import sys
import time

import pytest
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


def _gdelt(tmp_path):
    src = tmp_path / "20200616.export.CSV"
    src.write_text("\n".join(GDELT_LINES) + "\n", "utf-8")
    return src


def _clean_error(r, *words):
    assert r.exit_code == 1, r.output
    assert (
        "Traceback" not in r.output and r.exception is None or isinstance(r.exception, SystemExit)
    )
    (line,) = [ln for ln in r.output.splitlines() if ln.startswith("Error:")]
    for word in words:
        assert word in line, line


def test_import_into_a_dataset_is_refused_and_force_replaces_it(tmp_path):
    src, out = _gdelt(tmp_path), tmp_path / "events"
    runner = CliRunner()
    assert runner.invoke(cli, ["import", "gdelt", str(src), "-o", str(out)]).exit_code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    r = runner.invoke(cli, ["import", "icews", str(src), "-o", str(out)])
    _clean_error(r, "already holds a dataset", "--force")
    r = runner.invoke(cli, ["import", "gdelt", str(src), "-o", str(out), "--period", "month"])
    _clean_error(r, "--force")
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    r = runner.invoke(cli, ["import", "gdelt", str(src), "-o", str(out), "-f", "x"])
    assert r.exit_code == 2  # no such option
    r = runner.invoke(
        cli, ["import", "gdelt", str(src), "-o", str(out), "--period", "month", "--force"]
    )
    assert r.exit_code == 0, r.output
    assert b"2020-06-attack" in (out / "relations.csv").read_bytes()


def test_bad_outputs_and_inputs_are_one_line_errors(tmp_path):
    src = _gdelt(tmp_path)
    text = src.read_bytes()
    runner = CliRunner()
    (tmp_path / "file.txt").write_text("x")
    for output, words in (
        (tmp_path / "file.txt", ["is a file"]),
        (src, ["inputs"]),
        (tmp_path, ["inputs"]),  # the folder that holds the input
    ):
        r = runner.invoke(cli, ["import", "gdelt", str(src), "-o", str(output), "--force"])
        _clean_error(r, *words)
    (tmp_path / "empty.CSV").write_bytes(b"")
    r = runner.invoke(
        cli, ["import", "gdelt", str(tmp_path / "empty.CSV"), "-o", str(tmp_path / "o")]
    )
    _clean_error(r, "nothing was read")
    assert src.read_bytes() == text and not (tmp_path / "o").exists()


def _run(args, **kw):
    return subprocess.run(
        [sys.executable, "-m", "graph", *args], capture_output=True, text=True, timeout=120, **kw
    )


def _no_file_bigger_than(limit):
    def limit_writes():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return limit_writes


@pytest.fixture(scope="module")
def big_input(tmp_path_factory):
    from benchmarks.bench_import import make_gdelt_file

    path = tmp_path_factory.mktemp("big") / "big.export.CSV"
    make_gdelt_file(path, 60_000)
    return path


def test_a_failing_final_write_is_a_clean_error_and_keeps_the_old_dataset(big_input, tmp_path):
    out = tmp_path / "data"
    assert _run(["import", "gdelt", str(big_input), "-o", str(out)]).returncode == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    # relations.csv per day is megabytes: DuckDB's COPY fails part-way, like a full disk.
    r = _run(
        ["import", "gdelt", str(big_input), "-o", str(out), "--period", "day", "--force"],
        preexec_fn=_no_file_bigger_than(1 << 20),
    )
    assert r.returncode == 1, r.stderr
    assert "Traceback" not in r.stderr
    (line,) = r.stderr.strip().splitlines()
    assert line.startswith("Error: gdelt import failed in DuckDB:"), line
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def _dataset(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def test_sigkill_at_any_point_leaves_the_old_or_the_new_dataset_whole(big_input, tmp_path):
    import hashlib

    from graph.write import STAGING_PREFIX, recover

    digest = hashlib.sha256(big_input.read_bytes()).hexdigest()
    args = ["import", "gdelt", str(big_input), "--period", "day", "--force", "-o"]
    start = time.monotonic()
    assert _run([*args, str(tmp_path / "new")]).returncode == 0
    took = time.monotonic() - start
    new = _dataset(tmp_path / "new")
    out = tmp_path / "data"
    assert _run(["import", "gdelt", str(big_input), "-o", str(out)]).returncode == 0
    old = _dataset(out)
    assert old != new
    outcomes = set()
    for fraction in (0.2, 0.5, 0.75, 0.9, 0.97):
        proc = subprocess.Popen(
            [sys.executable, "-m", "graph", *args, str(out)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            proc.wait(timeout=took * fraction)
        except subprocess.TimeoutExpired:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        recover(out)  # what the next write or read of the folder does first
        now = _dataset(out)
        assert now in (old, new), fraction
        outcomes.add("new" if now == new else "old")
        if now == new:  # put the old one back for the next kill
            assert (
                _run(["import", "gdelt", str(big_input), "-o", str(out), "--force"]).returncode == 0
            )
    assert "old" in outcomes
    assert _run([*args, str(out)]).returncode == 0  # the next run
    assert _dataset(out) == new
    assert not list(out.glob(STAGING_PREFIX + "*")) and not list(
        tmp_path.glob(STAGING_PREFIX + "*")
    )
    assert hashlib.sha256(big_input.read_bytes()).hexdigest() == digest
