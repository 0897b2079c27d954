"""What a new user following the README meets: row problems, locales, dates, analyses at a date.

Each test copies the shipped dataset into ``tmp_path``, changes it the way
the user did (appending raw lines, saving from a European spreadsheet) and
runs the real commands through click's CliRunner.
"""

from __future__ import annotations

import csv
import io
import json
import re
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


def _european(src: Path, dst: Path) -> None:
    """``src`` saved as Excel does in most of Europe: ``;`` between cells, decimal commas."""
    dst.mkdir()
    for path in src.iterdir():
        if path.suffix != ".csv":
            shutil.copy(path, dst / path.name)
            continue
        rows = list(csv.reader(io.StringIO(path.read_text("utf-8"))))
        for row in rows[1:]:
            for i, cell in enumerate(row):
                if re.fullmatch(r"-?\d+\.\d+", cell):
                    row[i] = cell.replace(".", ",")
        out = io.StringIO()
        csv.writer(out, delimiter=";", lineterminator="\r\n").writerows(rows)
        (dst / path.name).write_text(out.getvalue(), "utf-8")


def test_a_european_spreadsheets_decimal_comma_is_a_number(tmp_path):
    d = tmp_path / "eu"
    _european(DATA, d)
    assert "-9,2" in (d / "relations.csv").read_text("utf-8")
    r = run("check", d)
    assert r.exit_code == 0, r.output
    assert r.output.strip().endswith("valid: 0 errors, 0 warnings")
    import graph

    relations = graph.load(d).relations.set_index("id")
    assert relations.loc["R01", "intensity"] == -9.2
    assert graph.load(d).to_networkx().size() == graph.load(DATA).to_networkx().size()
    r = run("build", d, "-o", tmp_path / "eu.html")
    assert r.exit_code == 0, r.output


def test_a_decimal_comma_in_a_comma_separated_file_is_still_an_error(tmp_path):
    d = _copy(tmp_path)
    text = (d / "relations.csv").read_text("utf-8")
    (d / "relations.csv").write_text(text.replace(",-9.2,", ',"-9,2",', 1), "utf-8")
    r = run("check", d)
    assert r.exit_code == 1
    assert (
        'relations.csv:2:6: bad-number intensity "-9,2" uses a decimal comma; write -9.2'
        in r.output
    )


def test_an_excel_month_in_a_csv_gets_its_iso_form(tmp_path):
    d = _copy(tmp_path)
    lines = (d / "relations.csv").read_text("utf-8").splitlines()
    lines[2] = lines[2].replace(",2020-06,", ",Jun-20,", 1)
    (d / "relations.csv").write_text("\n".join(lines) + "\n", "utf-8")
    r = run("check", d)
    assert r.exit_code == 1
    assert (
        'relations.csv:3:9: bad-date start "Jun-20" is not an ISO date (it looks like a '
        "spreadsheet's display of the month 2020-06); write 2020-06 and format the column as text"
    ) in r.output


def test_balance_before_the_data_starts_says_nothing_holds():
    r = run("balance", DATA, "--date", "2016")
    assert r.exit_code == 0, r.output
    assert r.stdout.splitlines() == [
        "data at 2016 (fact, claim): 0 signed ties, 0 positive, 0 negative",
        "nothing to balance: no fact or claim relation with a sign holds at 2016; "
        "the data's dates run from 2017 to 2020-07",
    ]
    report = json.loads(run("balance", DATA, "--date", "2016", "--json").stdout)
    assert report["edges"] == 0 and report["note"].startswith("nothing to balance")
    assert json.loads(run("balance", DATA, "--date", "2018", "--json").stdout)["note"] is None


def test_diff_without_after_compares_with_the_last_date(tmp_path):
    r = run("diff", DATA, "2018")
    assert r.exit_code == 0, r.output
    assert r.stdout.splitlines()[0] == f"{DATA}: from 2018 to 2020-07"
    assert r.stdout == run("diff", DATA, "2018", "2020-07").stdout
    r = run("diff", DATA)
    assert r.exit_code == 2 and "Missing argument 'BEFORE'" in r.output
    usage = run("diff", "--help").stdout.splitlines()[0]
    assert usage.endswith(" diff [OPTIONS] [DATA] BEFORE [AFTER]")


def test_a_gdelt_line_of_two_columns_is_reported_by_its_column_count(tmp_path):
    from event_files import gdelt_line

    path = tmp_path / "20200616.export.CSV"
    lines = [gdelt_line("20200616", "USA", "PRK", "040"), "with few columns\tx"]
    lines.append(gdelt_line("20200616", "USA", "PRK", "040", ncols=60))
    path.write_text("\n".join(lines) + "\n", "utf-8")
    r = run("import", "gdelt", path, "-o", tmp_path / "out", "--quiet")
    assert r.exit_code == 0, r.output
    assert f"{path}:2: expected 61 tab-separated columns, found 2" in r.output
    assert f"{path}:3: expected 61 tab-separated columns, found 60" in r.output
    assert "is not a date" not in r.output


def test_an_icews_line_of_the_wrong_width_is_told_the_headers_count(tmp_path):
    from event_files import ICEWS_HEADER, ICEWS_LINES

    path = tmp_path / "events.tab"
    path.write_text("\n".join(["\t".join(ICEWS_HEADER), *ICEWS_LINES]) + "\n", "utf-8")
    r = run("import", "icews", path, "-o", tmp_path / "out")
    assert r.exit_code == 0, r.output
    assert (
        f"{path}:9: wrong number of tab-separated columns (5); the header has {len(ICEWS_HEADER)}"
        in r.output
    )
    # one event of each kind: the summary says so in the singular
    assert "1 event lacks a source or target actor" in r.output, r.output
    assert "1 event has the same actor on both sides" in r.output, r.output
    assert "events have" not in r.output and "events lack" not in r.output
