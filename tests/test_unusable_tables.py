"""A table that cannot be used is one problem, not one per cell that refers to it."""

import shutil
from pathlib import Path

import graph

DATA = Path(__file__).resolve().parent.parent / "data"


def test_a_header_only_actors_file_is_one_problem(tmp_path):
    d = tmp_path / "d"
    shutil.copytree(DATA, d)
    header = (d / "actors.csv").read_text("utf-8").splitlines()[0]
    (d / "actors.csv").write_text(header + "\n", "utf-8")
    report = graph.check(d)
    assert [(Path(p.file).name, p.line, p.code) for p in report] == [
        ("actors.csv", 1, "empty-file")
    ]
    assert "has its header but no actor, and relations.csv has 23 relations" in report[0].message


def test_a_header_only_dataset_stays_valid(tmp_path):
    (tmp_path / "actors.csv").write_text("id,name\n", "utf-8")
    (tmp_path / "relations.csv").write_text("source,target,relation,status\n", "utf-8")
    assert graph.check(tmp_path).valid


def test_a_last_row_cut_off_is_named_with_its_missing_cells(tmp_path):
    d = tmp_path / "d"
    shutil.copytree(DATA, d)
    rel = d / "relations.csv"
    rel.write_bytes(rel.read_bytes()[:-200])  # the last row ends inside its quote cell
    (cut,) = [p for p in graph.check(d) if p.code == "missing-cells"]
    assert (Path(cut.file).name, cut.line, cut.column, cut.severity) == (
        "relations.csv",
        24,
        14,
        "warning",
    )
    assert "without a line break, after 14 of its 16 cells" in cut.message
    assert "implied, note are read as empty" in cut.message


def test_a_last_row_ending_without_a_line_break_but_whole_is_fine(tmp_path):
    d = tmp_path / "d"
    shutil.copytree(DATA, d)
    rel = d / "relations.csv"
    rel.write_bytes(rel.read_bytes().rstrip(b"\n"))
    assert not [p for p in graph.check(d) if p.code == "missing-cells"]
