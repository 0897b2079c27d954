"""Progress bars: on stderr when it is a terminal (a real pty), never on stdout, never in pipes."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner
from event_files import GDELT_LINES

from graph.cli import cli

ROOT = Path(__file__).resolve().parent.parent
BAR = "%|"  # tqdm's bar: "checking  50%|#####     |"


def run_in_pty(args: list[str], cwd: Path) -> tuple[int, str, str]:
    """Run ``python -m graph ARGS`` with stderr on a pseudo-terminal and stdout on a pipe."""
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "graph", *args],
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=slave,
        env={**os.environ, "COLUMNS": "100"},
    )
    os.close(slave)
    chunks: list[bytes] = []

    def read() -> None:
        while True:
            try:
                data = os.read(master, 4096)
            except OSError:  # EIO: the child closed the terminal
                return
            if not data:
                return
            chunks.append(data)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    stdout, _ = proc.communicate(timeout=120)
    reader.join(10)
    os.close(master)
    return proc.returncode, stdout.decode("utf-8"), b"".join(chunks).decode("utf-8", "replace")


@pytest.fixture(scope="module")
def gdelt_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("progress") / "events.CSV"
    path.write_text("\n".join(GDELT_LINES) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def result_file(tmp_path_factory, gdelt_file) -> Path:
    """An engine's result of the aggregation statement over ``gdelt_file`` (DuckDB's)."""
    duckdb = pytest.importorskip("duckdb")
    from graph.events import GDELT_COLUMNS, engine_sql

    path = tmp_path_factory.mktemp("result") / "result.csv"
    spec = ", ".join(f"'{c}': 'VARCHAR'" for c in GDELT_COLUMNS)
    con = duckdb.connect()
    con.execute(
        f"CREATE TABLE events AS SELECT * FROM read_csv('{gdelt_file}', delim = '\\t',"
        f" header = false, quote = '', columns = {{{spec}}}, auto_detect = false,"
        " ignore_errors = true)"
    )
    con.execute(f"COPY ({engine_sql(period='month')}) TO '{path}' (HEADER true)")
    return path


def test_no_bar_when_stderr_is_not_a_terminal(tmp_path, gdelt_file):
    runner = CliRunner()
    for args in (
        ["check", "data"],
        ["build", "data", "-o", str(tmp_path / "g.html")],
        ["import", "gdelt", str(gdelt_file), "-o", str(tmp_path / "ev")],
    ):
        result = runner.invoke(cli, args)
        assert result.exit_code == 0, result.output
        assert BAR not in result.stderr and "\r" not in result.stderr, args
        assert BAR not in result.stdout, args


@pytest.mark.parametrize(
    "args, what",
    [
        (["check", "data"], "checking"),
        (["build", "data", "-o", "{tmp}/g.html"], "building"),
        (["import", "gdelt", "{gdelt}", "-o", "{tmp}/ev", "--period", "month"], "importing events"),
        (["import", "aggregated", "{result}", "-o", "{tmp}/ev"], "importing the result"),
    ],
)
def test_a_bar_on_a_terminal_and_none_with_quiet(tmp_path, gdelt_file, result_file, args, what):
    args = [a.format(tmp=tmp_path, gdelt=gdelt_file, result=result_file) for a in args]
    code, stdout, terminal = run_in_pty(args, ROOT)
    assert code == 0, terminal
    assert what in terminal and BAR in terminal
    assert BAR not in stdout and "\r" not in stdout  # stdout carries only the result
    if args[0] == "check":
        assert stdout == "data: valid: 0 errors, 0 warnings\n"
    else:
        assert stdout.strip().endswith(args[args.index("-o") + 1])
    if args[0] == "import":
        args += ["--force"]
    code, stdout, terminal = run_in_pty([*args, "--quiet"], ROOT)
    assert code == 0, terminal
    assert BAR not in terminal and what not in terminal


def test_the_library_reports_progress_to_a_callback(tmp_path, gdelt_file):
    import graph
    from graph.events import import_gdelt

    seen: list[float] = []
    graph.check("data", progress=seen.append)
    assert seen == [0.5, 1.0]
    seen.clear()
    graph.load("data", progress=seen.append)
    assert seen == [0.5, 1.0]
    seen.clear()
    import_gdelt([gdelt_file], tmp_path / "ev", progress=seen.append)
    assert seen and seen[-1] == 1.0 and seen == sorted(seen)
