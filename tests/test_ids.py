"""Ids a spreadsheet shows the same as another, or as a clean id, are named."""

import shutil
from pathlib import Path

import pytest

import graph

DATA = Path(__file__).resolve().parent.parent / "data"


@pytest.fixture
def data(tmp_path):
    shutil.copytree(DATA, tmp_path / "d")
    return tmp_path / "d"


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


@pytest.mark.parametrize(
    ("table", "old", "new", "shown"),
    [
        ("relations.csv", "\nR05,PRK", "\nR05\x00,PRK", "R05\\x00"),
        ("relations.csv", "\nR05,PRK", "\nR\x7f05,PRK", "R\\x7f05"),
        ("actors.csv", "\nINTL,International", "\nIN\x01TL,International", "IN\\x01TL"),
    ],
)
def test_a_control_character_in_an_id_is_a_bad_id(data, table, old, new, shown):
    _edit(data / table, old, new)
    report = graph.check(data)
    bad = [p for p in report.errors if p.code == "bad-id"]
    assert [(Path(p.file).name, p.field) for p in bad] == [(table, "id")]
    assert f'"{shown}"' in bad[0].message and "control characters" in bad[0].message


@pytest.mark.parametrize(("table", "old", "new"), [("relations.csv", "\nR05,PRK", "\nr01,PRK")])
def test_ids_differing_only_in_case_are_a_warning(data, table, old, new):
    _edit(data / table, old, new)
    report = graph.check(data)
    assert report.valid
    (warning,) = [p for p in report.warnings if p.code == "duplicate-id"]
    assert (warning.line, warning.column) == (5, 1)
    assert 'id "r01" differs only in case from "R01" on line 2' in warning.message


def test_actor_ids_differing_only_in_case_are_a_warning(data):
    with open(data / "actors.csv", "a", encoding="utf-8") as fh:
        fh.write("prk,North Korea again,state,,,\n")
    report = graph.check(data)
    assert any(
        p.code == "duplicate-id" and p.severity == "warning" and '"prk"' in p.message
        for p in report.warnings
    )
