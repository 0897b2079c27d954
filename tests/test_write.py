"""graph/write.py and the commands that write: no overwrite without --force, never an input,
datasets replaced whole, formula-safe cells, headers that survive the round trip."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from broken_pipe import closed_pipe
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import graph
from graph.cli import cli
from graph.files import atomic_write, remove_leftovers
from graph.problems import OutputError, Problem, printable
from graph.read import unescape_formula
from graph.schema import ACTOR_COLUMNS
from graph.write import (
    STAGING_PREFIX,
    escape_formula,
    format_csv,
    recover,
    staged_dataset,
    write_dataset,
)

KUMU = [
    Path(__file__).parent / "fixtures" / "kumu" / n for n in ("elements.csv", "connections.csv")
]


def invoke(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def tree(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.fixture
def data(tmp_path):
    d = tmp_path / "data"
    shutil.copytree("data", d)
    return d


# --- one rule for every command that writes a dataset -----------------------------------


def _write_with(command, data, out):
    if command == "export":
        return invoke("export", data, "-f", "csv", "-o", out)
    if command == "init":
        return invoke("init", out)
    return invoke("import", "kumu", *KUMU, "-o", out)


@pytest.mark.parametrize("command", ["export", "init", "import-kumu"])
def test_an_existing_dataset_is_refused_then_replaced_whole_with_force(command, data, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "actors.csv").write_text("id,name\nX,Old\n", "utf-8")
    (out / "relations.csv").write_text("source,target,relation\n", "utf-8")
    (out / "relation_types.csv").write_text("relation,sign\nold,1\n", "utf-8")
    (out / "notes.txt").write_text("mine", "utf-8")
    before = tree(out)
    r = _write_with(command, data, out)
    assert r.exit_code == 1, r.output
    assert "already exist" in r.output and "--force" in r.output and "Traceback" not in r.output
    assert tree(out) == before
    args = {"export": ["export", data, "-f", "csv", "-o", out], "init": ["init", out]}.get(
        command, ["import", "kumu", *KUMU, "-o", out]
    )
    r = invoke(*args, "--force")
    assert r.exit_code == 0, r.output
    written = {Path(line).name for line in r.stdout.splitlines()}
    names = {p.name for p in out.iterdir()}
    # the old dataset's files that the new one lacks are gone; other files stay
    assert names == written | {"notes.txt"}
    assert (out / "notes.txt").read_text("utf-8") == "mine"
    assert graph.check(out).valid
    assert not [n for n in names if n.startswith(".")]


def test_export_csv_into_the_input_folder_is_refused(data):
    before = tree(data)
    for force in ([], ["--force"]):
        r = invoke("export", data, "-f", "csv", "-o", data, *force)
        assert r.exit_code == 1 and "one of this command's inputs" in r.output
    assert tree(data) == before


def test_import_into_the_folder_of_its_inputs_is_refused(tmp_path):
    d = tmp_path / "k"
    d.mkdir()
    for f in KUMU:
        shutil.copy(f, d / f.name)
    shutil.copy(KUMU[1], d / "relations.csv")
    before = tree(d)
    r = invoke("import", "kumu", d / "elements.csv", d / "relations.csv", "-o", d, "--force")
    assert r.exit_code == 1 and "inputs" in r.output
    assert tree(d) == before


@pytest.mark.parametrize(
    "args",
    [
        ["build", "{data}", "-o", "{data}/actors.csv"],
        ["export", "{data}", "-f", "json", "-o", "{data}/relations.csv"],
        ["watch", "{data}", "-o", "{data}/sources.csv"],
    ],
)
def test_no_command_writes_over_its_input(data, args):
    before = tree(data)
    r = invoke(*[a.format(data=data) for a in args])
    assert r.exit_code == 1, r.output
    assert r.output.startswith("Error: ") and "inputs" in r.output
    assert tree(data) == before


def test_build_of_a_workbook_onto_itself_is_refused(tmp_path):
    book = tmp_path / "book.xlsx"
    book.write_bytes(b"not really a workbook")
    r = invoke("build", book, "-o", book)
    assert r.exit_code == 1 and "inputs" in r.output
    assert book.read_bytes() == b"not really a workbook"


def test_output_through_a_symlink_writes_its_target(tmp_path):
    target = tmp_path / "real.json"
    target.write_text("old", "utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    assert invoke("export", "data", "-f", "json", "-o", link).exit_code == 0
    assert link.is_symlink() and target.read_text("utf-8").startswith("{")


def test_output_through_a_symlink_onto_an_input_is_refused(data, tmp_path):
    link = tmp_path / "graph.html"
    link.symlink_to(data / "actors.csv")
    before = tree(data)
    assert invoke("build", data, "-o", link).exit_code == 1
    assert tree(data) == before


def test_a_read_only_output_is_refused(tmp_path):
    out = tmp_path / "g.json"
    out.write_text("keep", "utf-8")
    out.chmod(0o444)
    r = invoke("export", "data", "-f", "json", "-o", out)
    assert r.exit_code == 1 and "read-only" in r.output and "chmod u+w" in r.output
    assert out.read_text("utf-8") == "keep"


def test_an_empty_read_only_folder_is_not_replaced(tmp_path):
    out = tmp_path / "imported"
    out.mkdir()
    out.chmod(0o555)
    r = invoke("export", "data", "-f", "csv", "-o", out)
    assert r.exit_code == 1 and "read-only" in r.output and "chmod u+w" in r.output
    assert out.stat().st_mode & 0o777 == 0o555 and not any(out.iterdir())
    out.chmod(0o755)


# --- streams: full disk and closed pipes ----------------------------------------------------


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize(
    "args",
    [
        ["check", "data", "--json"],
        ["check", "data"],
        ["stats", "data"],
        ["stats", "data", "--json"],
        ["export", "data", "-f", "json", "-o", "-"],
    ],
)
def test_writing_to_a_full_disk_is_one_line_and_exit_1(args):
    with open("/dev/full", "w") as full:
        r = subprocess.run(
            [sys.executable, "-m", "graph", *args],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
    assert r.returncode == 1
    assert r.stderr.count("\n") == 1 and r.stderr.startswith("Error: cannot write"), r.stderr


def test_a_closed_pipe_is_one_line_and_exit_1():
    r = closed_pipe(["check", "data", "--json"])  # the reader is gone before the first byte
    assert r.returncode == 1
    assert r.stderr.strip() == "Error: cannot write to standard output: the reader closed the pipe"


# --- killed runs leave nothing behind ---------------------------------------------------


def _dead_pid() -> int:
    p = subprocess.Popen([sys.executable, "-c", "pass"])
    p.wait()
    return p.pid


def test_the_next_write_removes_what_a_killed_run_left_and_only_that(tmp_path):
    out = tmp_path / "graph.html"
    dead = tmp_path / f".graph.html.{_dead_pid()}.abc123.tmp"
    live = tmp_path / f".graph.html.{os.getpid()}.abc123.tmp"
    other = tmp_path / f".other.html.{_dead_pid()}.abc123.tmp"
    for f in (dead, live, other):
        f.write_text("debris", "utf-8")
    atomic_write(out, "page")
    assert not dead.exists() and live.exists() and other.exists()
    assert remove_leftovers(tmp_path / "other.html") == [other]


def test_interrupted_dataset_writes_are_undone_or_finished(tmp_path):
    d = tmp_path / "d"
    write_dataset(d, {"actors": (["id", "name"], [["A", "old"]])})
    # killed while staging (no mark): the old dataset stays
    staging = d / f"{STAGING_PREFIX}{_dead_pid()}-x"
    staging.mkdir()
    (staging / "actors.csv").write_text("id,name\nA,half\n", "utf-8")
    recover(d)
    assert not staging.exists() and "old" in (d / "actors.csv").read_text("utf-8")
    # killed while moving a marked staging folder: the new dataset wins
    staging.mkdir()
    (staging / "actors.csv").write_text("id,name\nA,new\n", "utf-8")
    (staging / "COMMITTED").write_text("actors.csv\n", "utf-8")
    recover(d)
    assert not staging.exists() and "new" in (d / "actors.csv").read_text("utf-8")
    # a fresh folder whose writer died beside it
    beside = tmp_path / f"{STAGING_PREFIX}{_dead_pid()}-y"
    beside.mkdir()
    recover(tmp_path / "other")
    assert not beside.exists()


def test_a_failed_block_changes_nothing(tmp_path):
    d = tmp_path / "d"
    write_dataset(d, {"actors": (["id", "name"], [["A", "old"]])})
    before = tree(d)
    with pytest.raises(RuntimeError), staged_dataset(d, force=True) as staging:
        (staging / "actors.csv").write_text("id,name\n", "utf-8")
        raise RuntimeError("interrupted")
    assert tree(d) == before


def test_write_dataset_names_unknown_tables(tmp_path):
    with pytest.raises(ValueError, match="unknown table 'people'"):
        write_dataset(tmp_path / "d", {"people": (["id"], [])})


def test_a_file_where_the_folder_belongs(tmp_path):
    f = tmp_path / "f"
    f.write_text("x", "utf-8")
    with pytest.raises(OutputError, match="it is a file"):
        write_dataset(f, {"actors": (["id", "name"], [])})


# --- cells and headers ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["a;=1+1", "x\t@SUM(A1)", "DPRK;+http://e.x/1", "a;'=1", "=a;-b", "k;;=x", "a;\t=1"],
)
def test_no_split_on_semicolon_or_tab_starts_a_formula(text):
    escaped = escape_formula(text)
    for delimiter in (";", "\t"):
        for part in escaped.split(delimiter):
            assert part[:1] not in "=+-@" or part == "", (text, escaped, part)
    assert unescape_formula(escaped) == text


def test_whole_numbers_stay_numbers_and_numbers_after_a_delimiter_round_trip():
    assert escape_formula("-1") == "-1" and escape_formula("+3.5") == "+3.5"
    assert escape_formula("1;-2;+3.5") == "1;'-2;'+3.5"
    assert unescape_formula("1;'-2;'+3.5") == "1;-2;+3.5"


@pytest.mark.parametrize("name", ["a;b", "tab\there", "semi;=1", 'quote"d', "comma,x"])
def test_any_header_text_survives_the_round_trip(data, tmp_path, name):
    actors = data / "actors.csv"
    lines = actors.read_text("utf-8").splitlines()
    cell = '"' + name.replace('"', '""') + '"'
    actors.write_text(
        "\n".join([lines[0] + "," + cell] + [ln + ",v" for ln in lines[1:]]) + "\n", "utf-8"
    )
    ds = graph.load(data)
    assert name in ds.columns["actors"]
    graph.write_csv(ds, tmp_path / "out")
    back = graph.load(tmp_path / "out")
    assert back.columns == ds.columns
    assert [r.get(name) for r in back.records("actors")] == [
        r.get(name) for r in ds.records("actors")
    ]


def test_header_cells_with_a_delimiter_are_quoted():
    assert format_csv(["id", "a\tb"], [["1", "2"]]).splitlines() == ['"id","a\tb"', "1,2"]


# --- messages on the terminal -------------------------------------------------------------


def test_control_characters_in_messages_are_shown_escaped(tmp_path):
    d = tmp_path / "d"
    shutil.copytree(Path(__file__).parent / "fixtures" / "broken" / "unknown-actor", d)
    rel = d / "relations.csv"
    rel.write_text(rel.read_text("utf-8").replace("RUSS", "RU\x1b]0;pwned\x07SS\x1b[2J"), "utf-8")
    r = invoke("check", d)
    assert r.exit_code == 1
    assert "\x1b" not in r.output and "\x07" not in r.output
    assert "RU\\x1b]0;pwned\\x07SS\\x1b[2J" in r.output
    p = Problem("a.csv", 1, 1, "x", "bad", "a\x00b\nc")
    assert str(p) == "a.csv:1:1: bad a\\x00b\\x0ac"
    assert printable("tab\tok") == "tab\tok"


def test_a_symlinked_dataset_folder_is_written_through(tmp_path):
    real = tmp_path / "real"
    real.mkdir()
    link = tmp_path / "link"
    link.symlink_to(real)
    r = invoke("export", "data", "-f", "csv", "-o", link)
    assert r.exit_code == 0, r.output
    assert link.is_symlink() and (real / "actors.csv").exists()


_TEXT = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    min_size=1,
    max_size=12,
).filter(lambda t: t.strip() == t)


@settings(max_examples=50, deadline=None, suppress_health_check=list(HealthCheck))
@given(name=_TEXT.filter(lambda t: t.lower() not in ACTOR_COLUMNS), cell=_TEXT)
def test_any_header_and_cell_text_round_trips(tmp_path_factory, name, cell):
    d = tmp_path_factory.mktemp("rt") / "d"
    write_dataset(
        d,
        {
            "actors": (["id", "name", name], [["A", "a", cell], ["B", "b", ""]]),
            "relations": (
                ["source", "target", "relation", "status", "quote"],
                [["A", "B", "attack", "fact", "q"]],
            ),
        },
    )
    ds = graph.load(d)
    assert ds.columns["actors"] == ["id", "name", name]
    assert ds.records("actors")[0][name] == cell
