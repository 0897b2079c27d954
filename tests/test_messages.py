"""The exact text a user sees for broken data, through the real commands (click's CliRunner).

Each test breaks a copy of the shipped dataset the way a user does and holds
the whole message: where, what, and the fix.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.cli import cli

DATA = Path(__file__).resolve().parent.parent / "data"


def _copy(tmp_path: Path) -> Path:
    d = tmp_path / "d"
    shutil.copytree(DATA, d)
    return d


def _run(*args: str | Path):
    return CliRunner().invoke(cli, [str(a) for a in args])


# "nothing was written" only where something could have been


@pytest.mark.parametrize(
    "args", [["stats"], ["stats", "--json"], ["balance"], ["diff", "{d}", "2018", "2020"]]
)
def test_read_only_commands_do_not_say_nothing_was_written(tmp_path, args):
    missing = tmp_path / "nope"
    argv = [a.format(d=missing) for a in args]
    if "{d}" not in args:
        argv.insert(1, str(missing))
    r = _run(*argv)
    assert r.exit_code == 1
    assert r.stdout == ""
    assert r.stderr.splitlines()[-1] == f"1 error in {missing}."


@pytest.mark.parametrize(
    "args",
    [
        ["build", "{d}", "-o", "{tmp}/g.html"],
        ["export", "{d}", "-f", "json", "-o", "{tmp}/g.json"],
        ["export", "{d}", "-f", "csv", "-o", "{tmp}/out"],
        ["suggest", str(DATA / "dw-2020-07-14.txt"), "--data", "{d}", "-o", "{tmp}/draft.csv"],
    ],
)
def test_writing_commands_say_nothing_was_written(tmp_path, args):
    missing = tmp_path / "nope"
    r = _run(*[a.format(d=missing, tmp=tmp_path) for a in args])
    assert r.exit_code == 1
    assert r.stderr.splitlines()[-1] == f"1 error in {missing}; nothing was written."
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_warnings_beside_the_errors_are_counted_with_where_to_see_them(tmp_path):
    d = _copy(tmp_path)
    rel = d / "relations.csv"
    text = rel.read_text("utf-8")
    # one error (an unknown actor) and one warning (an actor nobody relates to)
    (d / "actors.csv").write_text(
        (d / "actors.csv").read_text("utf-8") + "JPN,Japan,state,,,\n", "utf-8"
    )
    rel.write_text(text.replace("R16,PRK,KOR,", "R16,PRK,KORR,", 1), "utf-8")
    r = _run("stats", d)
    assert r.exit_code == 1
    assert r.stderr.splitlines()[-1] == (
        f"1 error in {d}. 1 warning too: `geograph check {d}` lists them."
    )


# a cell too many or too few: one message for the row, none that follow from it


def _edit_line(path: Path, line: int, edit) -> None:
    """Apply ``edit`` to the text of one physical line (1 is the header)."""
    lines = path.read_text("utf-8").split("\n")
    lines[line - 1] = edit(lines[line - 1])
    path.write_text("\n".join(lines), "utf-8")


def test_a_cell_too_many_is_one_message_with_the_fix(tmp_path):
    d = _copy(tmp_path)
    # R02's target gets a stray cell after it: every later cell moves one column right
    _edit_line(d / "relations.csv", 3, lambda s: s.replace("R02,PRK,KOR,", "R02,PRK,KOR,KOR,", 1))
    r = _run("check", d)
    assert r.exit_code == 1
    assert r.stdout == (
        f"{d}/relations.csv:3:17: extra-cells this row has 17 cells where the header has 16: "
        "a comma inside a cell splits it in two, and any cell after it may stand under the "
        "wrong column, so the row is not checked further; put the cell that holds the comma "
        'in double quotes ("a, b") (or, for a new column, name it in the header)\n'
    )
    assert r.stderr == f"{d}: not valid: 1 error, 0 warnings\n"


def test_a_comma_in_prose_names_the_cell_and_writes_it_quoted(tmp_path):
    d = _copy(tmp_path)
    actors = d / "actors.csv"
    # INTL's description is written without its quotes
    text = actors.read_text("utf-8")
    row = next(i for i, s in enumerate(text.split("\n"), 1) if s.startswith("INTL,"))
    _edit_line(actors, row, lambda s: s.split(',"')[0] + ",Sanctions, not a named body")
    r = _run("check", d)
    assert r.exit_code == 1
    assert r.stdout == (
        f"{d}/actors.csv:{row}:7: extra-cells this row has 7 cells where the header has 6: "
        "a comma inside a cell splits it in two, and any cell after it may stand under the "
        "wrong column, so the row is not checked further; the description cell seems to "
        'hold it: write that cell in double quotes, "Sanctions, not a named body" '
        "(or, for a new column, name it in the header)\n"
    )
    # the relations naming INTL are not "unknown": its row is there, only not read


def test_a_dropped_cell_is_one_message_with_the_fix(tmp_path):
    d = _copy(tmp_path)
    # R02 loses its (empty) intensity cell: directed, status, dates... move one column left
    _edit_line(d / "relations.csv", 3, lambda s: s.replace("threaten,,,true", "threaten,,true", 1))
    r = _run("check", d)
    assert r.exit_code == 1
    assert r.stdout == (
        f"{d}/relations.csv:3: missing-cells this row has 15 cells where the header has 16, "
        "and its cells do not fit their columns: a cell is missing, and any cell after it may "
        "stand under the wrong column, so the row is not checked further; write every cell, "
        "an empty one as nothing between two commas (,,): this row needs 1 more comma\n"
    )


def test_a_row_short_of_empty_cells_at_its_end_is_read_as_it_is(tmp_path):
    d = _copy(tmp_path)
    actors = d / "actors.csv"
    # a column added to the header, filled in one row only: the others end early
    text = actors.read_text("utf-8")
    head, rest = text.split("\n", 1)
    actors.write_text(f"{head},capital\n" + rest.replace("\n", ",Seoul\n", 1), "utf-8")
    r = _run("check", d)
    assert r.exit_code == 0 and r.stdout == f"{d}: valid: 0 errors, 0 warnings\n"


def test_a_semicolon_file_says_semicolon(tmp_path):
    d = _copy(tmp_path)
    sources = d / "sources.csv"
    rows = [line.split(",") for line in ["id,title,publisher", "s1,A title; with more,DW"]]
    sources.write_text("\n".join(";".join(r) for r in rows) + "\n", "utf-8")
    (d / "relations.csv").write_text(
        (d / "relations.csv").read_text("utf-8").replace("dw-2020-07-14", "s1"), "utf-8"
    )
    r = _run("check", d)
    assert r.stdout.splitlines()[0] == (
        f"{d}/sources.csv:2:4: extra-cells this row has 4 cells where the header has 3: "
        "a semicolon inside a cell splits it in two, and any cell after it may stand under "
        "the wrong column, so the row is not checked further; the title cell seems to hold "
        'it: write that cell in double quotes, "A title; with more" '
        "(or, for a new column, name it in the header)"
    )
    # the relations citing s1 are not "unknown-source": its row is there, only not read
    assert "unknown-source" not in r.stdout


# two actors with one name


def test_two_actors_with_one_name_get_a_warning_naming_both(tmp_path):
    d = _copy(tmp_path)
    actors = d / "actors.csv"
    actors.write_text(actors.read_text("utf-8") + "PRC,  CHINA ,state,,,\n", "utf-8")
    line = len(actors.read_text("utf-8").splitlines())
    first = next(
        i for i, s in enumerate(actors.read_text("utf-8").splitlines(), 1) if s.startswith("CHN,")
    )
    r = _run("check", d)
    assert r.exit_code == 0
    assert r.stdout.splitlines()[2] == (
        f'{d}/actors.csv:{line}:2: duplicate-name actors "CHN" (line {first}) and "PRC" '
        f'(line {line}) are named "China" and "CHINA"; if they are one actor, merge them: '
        f'keep "CHN", write it for "PRC" in relations.csv and delete line {line}; if not, '
        "give one of them a name of its own"
    )


# a required file that is not there: the folder, what it holds, the fix

_HOLDS = "README.md, {name}, dw-2020-07-14.txt, relations.csv and sources.csv"


@pytest.mark.parametrize(
    ("name", "fix"),
    [
        ("Actors.csv", "rename Actors.csv to actors.csv (the name must be in lower case)"),
        ("actors.CSV", "rename actors.CSV to actors.csv (the name must be in lower case)"),
        ("actor.csv", "rename actor.csv to actors.csv"),
        ("actors.txt", "rename actors.txt to actors.csv (its text is read as it is)"),
        (
            "actors.xlsx",
            'save actors.xlsx from the spreadsheet as "CSV UTF-8" under the name actors.csv',
        ),
        (
            "actors.csv.txt",
            "rename actors.csv.txt to actors.csv (Windows hides the .txt at its end: "
            "show file name extensions to see it)",
        ),
    ],
)
def test_a_missing_file_names_the_close_one_and_how_to_fix_it(tmp_path, name, fix):
    d = _copy(tmp_path)
    (d / "actors.csv").rename(d / name)
    holds = ", ".join(sorted(_HOLDS.format(name=name).replace(" and ", ", ").split(", ")))
    holds = holds.rsplit(", ", 1)[0] + " and " + holds.rsplit(", ", 1)[1]
    r = _run("check", d)
    assert r.exit_code == 1
    assert (
        r.stdout
        == f"{d}/actors.csv: missing-file no actors.csv in {d}, which holds {holds}; {fix}\n"
    )


def test_a_missing_file_without_a_close_one_says_what_to_write(tmp_path):
    d = _copy(tmp_path)
    (d / "relations.csv").unlink()
    r = _run("build", d, "-o", tmp_path / "g.html")
    assert r.exit_code == 1
    assert r.stderr == (
        f"{d}/relations.csv: missing-file no relations.csv in {d}, which holds README.md, "
        "actors.csv, dw-2020-07-14.txt and sources.csv; add relations.csv, whose first line "
        "names its columns: source,target,relation,status at least\n"
        f"1 error in {d}; nothing was written.\n"
    )


def test_an_empty_folder_is_told_to_start_a_dataset(tmp_path, monkeypatch):
    (tmp_path / "new").mkdir()
    r = _run("check", tmp_path / "new")
    new = tmp_path / "new"
    assert r.stdout == (
        f"{new}/actors.csv: missing-file no actors.csv in {new}, which is empty; "
        f"start a dataset there with: geograph init {new}\n"
        f"{new}/relations.csv: missing-file no relations.csv in {new}, which is empty; "
        f"start a dataset there with: geograph init {new}\n"
    )
    monkeypatch.chdir(new)
    r = _run("stats", ".")
    assert r.stderr.splitlines()[0] == (
        f"actors.csv: missing-file no actors.csv in the current folder ({new}), which is "
        "empty; start a dataset there with: geograph init ."
    )
    assert r.stderr.splitlines()[-1] == "2 errors in the current folder."
    # the fix it gives works
    assert _run("init", ".").exit_code == 0
    assert _run("check", ".").exit_code == 0


# what read wrong on the shipped data and its broken copies


def test_three_suggestions_read_as_a_list(tmp_path):
    d = _copy(tmp_path)
    rel = d / "relations.csv"
    rel.write_text(rel.read_text("utf-8").replace("R16,PRK,KOR", "R16,PKR,KOR", 1), "utf-8")
    r = _run("check", d)
    assert r.stdout.splitlines()[0] == (
        f'{d}/relations.csv:16:2: unknown-actor source "PKR" is not an actor id in actors.csv '
        '(did you mean "PRK" (North Korea), "KOR" (South Korea) or "CHN" (China, alias "PRC")?)'
    )


def test_one_warning_is_it(tmp_path):
    d = _copy(tmp_path)
    actors = d / "actors.csv"
    actors.write_text(actors.read_text("utf-8") + "JPN,Japan,state,,,\n", "utf-8")
    r = _run("build", d, "-o", tmp_path / "g.html")
    assert r.exit_code == 0
    assert r.stderr == f"1 warning (run `geograph check {d}` to see it)\n"


def test_a_data_error_in_python_names_the_dataset(tmp_path):
    import graph

    d = _copy(tmp_path)
    rel = d / "relations.csv"
    rel.write_text(rel.read_text("utf-8").replace(",2020-07,", ",July 2020,", 1), "utf-8")
    with pytest.raises(graph.DataError) as info:
        graph.load(d)
    assert str(info.value) == (
        f"1 error in {d}:\n"
        f'{d}/relations.csv:14:9: bad-date start "July 2020" is not an ISO date; write 2020-07'
    )


def test_watch_of_a_folder_that_does_not_exist_stops_at_once(tmp_path):
    missing = tmp_path / "nope"
    r = _run("watch", missing, "-o", tmp_path / "g.html")
    assert r.exit_code == 1
    assert r.stderr.splitlines()[-1] == f"1 error in {missing}; nothing was written."
    assert "missing-folder does not exist" in r.stderr


def test_an_actor_without_id_is_offered_for_the_ids_nobody_has(tmp_path):
    d = _copy(tmp_path)
    actors = d / "actors.csv"
    text = actors.read_text("utf-8")
    actors.write_text(text.replace("\nUSA,", "\n,", 1).replace("\nRUS,Russia,", "\nRUS,,"), "utf-8")
    r = _run("check", d)
    lines = r.stdout.splitlines()
    assert (
        lines[1]
        == f'{d}/actors.csv:6:2: missing-value actor "RUS" has no name; write the name to show'
    )
    assert lines[2] == (
        f'{d}/relations.csv:6:3: unknown-actor target "USA" is not an actor id in actors.csv '
        '(did you mean "RUS"?); the actor "United States" on line 4 has no id: if it is this '
        "one, write USA as its id"
    )


# a required column renamed: the renamed column is named, not some known one close in letters


def _rename_header(path: Path, old: str, new: str) -> None:
    head, rest = path.read_text("utf-8").split("\n", 1)
    cells = head.split(",")
    cells[cells.index(old)] = new
    path.write_text(",".join(cells) + "\n" + rest, "utf-8")


@pytest.mark.parametrize(
    "file, key, written",
    [
        ("relations.csv", "target", "target actor"),
        ("relations.csv", "source", "Source_Actor"),
        ("relations.csv", "source", "sourceId"),
        ("relations.csv", "relation", "relation type"),
        ("relations.csv", "status", "Statuses"),
        ("relations.csv", "target", "targt"),
        ("actors.csv", "id", "actor id"),
        ("actors.csv", "name", "Actor Name"),
        ("sources.csv", "id", "source id"),
        ("relation_types.csv", "sign", "sign_value"),
        ("relation_types.csv", "intensity", "intesity"),
    ],
)
def test_a_renamed_required_column_is_the_one_named(tmp_path, file, key, written):
    d = _copy(tmp_path)
    if file == "relation_types.csv":
        shutil.copy(DATA.parent / "graph" / "relation_types.csv", d / file)
    _rename_header(d / file, key, written)
    r = _run("check", d)
    assert r.exit_code == 1
    first = r.stdout.splitlines()[0]
    assert first.startswith(
        f'{d}/{file}:1: missing-column required column "{key}" is missing from the header '
        f'(is "{written}" meant to be "{key}"?); the header is: '
    ), first


def test_a_missing_column_is_not_told_to_take_a_known_one(tmp_path):
    d = _copy(tmp_path)
    # "source" dropped: "source_id" is close in letters but holds the evidence's source
    _rename_header(d / "relations.csv", "source", "quote_2")
    r = _run("check", d)
    first = r.stdout.splitlines()[0]
    assert first.startswith(
        f'{d}/relations.csv:1: missing-column required column "source" is missing from the '
        "header; the header is: "
    ), first


def test_two_missing_columns_are_not_told_to_take_one(tmp_path):
    d = _copy(tmp_path)
    _rename_header(d / "actors.csv", "id", "actor")
    _rename_header(d / "actors.csv", "name", "actor name")
    r = _run("check", d)
    lines = [s for s in r.stdout.splitlines() if "missing-column" in s]
    assert len(lines) == 2
    assert '"id" is missing from the header;' in lines[0]
    assert '(is "actor name" meant to be "name"?)' in lines[1]


# a decimal comma in a comma-separated file: the number is named, with the fix


def test_an_unquoted_decimal_comma_is_named_with_the_fix(tmp_path):
    d = _copy(tmp_path)
    _edit_line(d / "relations.csv", 2, lambda s: s.replace(",coerce,,-9.2,", ",coerce,,-9,2,", 1))
    r = _run("check", d)
    assert r.exit_code == 1
    assert r.stdout == (
        f"{d}/relations.csv:2:6: extra-cells this row has 17 cells where the header has 16: "
        "intensity -9,2 is written with a decimal comma, which splits it in two cells in a "
        'comma-separated file; write -9.2, or save the file with ";" as its delimiter '
        "(where it reads as a number)\n"
    )


def test_two_unquoted_decimal_commas_are_both_named(tmp_path):
    d = _copy(tmp_path)
    actors = d / "actors.csv"
    head, rest = actors.read_text("utf-8").split("\n", 1)
    # lat and lon added as the last columns, the first actor's written 39,0 and 125,75
    lines = rest.split("\n")
    lines[0] += ",39,0,125,75"
    actors.write_text(f"{head},lat,lon\n" + "\n".join(lines), "utf-8")
    r = _run("check", d)
    assert r.stdout.splitlines()[0] == (
        f"{d}/actors.csv:2:7: extra-cells this row has 10 cells where the header has 8: "
        "lat 39,0 and lon 125,75 are written with a decimal comma, which splits each in two "
        'cells in a comma-separated file; write 39.0 and 125.75, or save the file with ";" '
        "as its delimiter (where they read as numbers)"
    )


@pytest.mark.parametrize(
    "edit",
    [
        # digits split at a column that takes whole numbers only (sign)
        lambda s: s.replace(",coerce,,-9.2,", ",coerce,-1,0,-9.2,", 1),
        # a decimal comma and a comma in prose: the number alone does not explain the row
        lambda s: s.replace(",coerce,,-9.2,", ",coerce,,-9,2,", 1).replace(
            "the North’s destruction", "the North’s, destruction", 1
        ),
    ],
)
def test_extra_cells_not_from_a_decimal_comma_keep_the_general_message(tmp_path, edit):
    d = _copy(tmp_path)
    _edit_line(d / "relations.csv", 2, edit)
    r = _run("check", d)
    first = r.stdout.splitlines()[0]
    assert "extra-cells" in first and "decimal comma" not in first, first
