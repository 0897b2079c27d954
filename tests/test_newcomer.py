"""What a new user following the README meets: row problems, locales, dates, analyses at a date.

Each test copies the shipped dataset into ``tmp_path``, changes it the way
the user did (appending raw lines, saving from a European spreadsheet) and
runs the real commands through click's CliRunner.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from graph.cli import cli

DATA = Path(__file__).resolve().parent.parent / "data"


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def _copy(tmp_path: Path) -> Path:
    d = tmp_path / "d"
    shutil.copytree(DATA, d)
    return d


def _append(path: Path, *lines: str) -> None:
    """Append raw lines to a CSV file, as ``cat >> relations.csv`` does."""
    with open(path, "a", encoding="utf-8", newline="") as fh:
        fh.write("".join(line + "\n" for line in lines))


def _problems(folder: Path) -> list[tuple[int, int, str]]:
    r = run("check", folder, "--json")
    report = json.loads(r.stdout)
    return sorted(
        (p["line"], p["column"], p["code"]) for p in report["errors"] + report["warnings"]
    )


def test_a_duplicate_id_does_not_hide_the_rows_other_problems(tmp_path):
    d = _copy(tmp_path)
    # R01 copied, its id unchanged, with an unknown actor and an unknown source
    _append(
        d / "relations.csv",
        "R01,PRK,JPN,threaten,,,true,fact,2020-06,,article,dw-nope,,the quote,,",
    )
    found = _problems(d)
    assert (25, 1, "duplicate-id") in found
    assert (25, 3, "unknown-actor") in found
    assert (25, 12, "unknown-source") in found
    r = run("check", d)
    assert r.exit_code == 1
    assert "not valid: 3 errors" in r.output


def test_an_error_in_a_row_does_not_hide_its_warnings(tmp_path):
    d = _copy(tmp_path)
    lines = (d / "relations.csv").read_text("utf-8").splitlines()
    # R02 (threaten, empty sign) with a bad directed and a typed positive intensity
    lines[2] = lines[2].replace("threaten,,,true,", "threaten,,5,maybe,")
    (d / "relations.csv").write_text("\n".join(lines) + "\n", "utf-8")
    found = _problems(d)
    assert (3, 7, "bad-value") in found
    # the typed intensity is the cell at odds with the type, not the empty sign
    assert (3, 6, "sign-mismatch") in found


def test_sign_mismatch_points_at_the_typed_cell(tmp_path):
    d = _copy(tmp_path)
    lines = (d / "relations.csv").read_text("utf-8").splitlines()
    lines[2] = lines[2].replace("threaten,,,true,", "threaten,,5,true,")
    (d / "relations.csv").write_text("\n".join(lines) + "\n", "utf-8")
    assert [p for p in _problems(d) if p[2] == "sign-mismatch"] == [(3, 6, "sign-mismatch")]
    lines[2] = lines[2].replace("threaten,,5,true,", "threaten,1,,true,")
    (d / "relations.csv").write_text("\n".join(lines) + "\n", "utf-8")
    assert [p for p in _problems(d) if p[2] == "sign-mismatch"] == [(3, 5, "sign-mismatch")]
