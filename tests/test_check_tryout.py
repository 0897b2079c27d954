"""What ``check`` and ``build`` say about broken data, one test per defect a new user met.

Each test copies the shipped dataset into ``tmp_path``, breaks it the way a
user did, and runs the real commands through click's CliRunner.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from graph.cli import cli

DATA = Path(__file__).resolve().parent.parent / "data"


def _copy(tmp_path: Path) -> Path:
    d = tmp_path / "d"
    shutil.copytree(DATA, d)
    return d


def _rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text("utf-8"))))


def _write_rows(path: Path, rows: list[list[str]]) -> None:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), "utf-8")


def _header_only(path: Path) -> None:
    path.write_text(path.read_text("utf-8").split("\n")[0] + "\n", "utf-8")


def _set(path: Path, rid: str, column: str, value: str) -> None:
    rows = _rows(path)
    i = rows[0].index(column)
    for row in rows[1:]:
        if row[0] == rid:
            row[i] = value
    _write_rows(path, rows)


def _drop_column(path: Path, column: str) -> None:
    rows = _rows(path)
    i = rows[0].index(column)
    _write_rows(path, [r[:i] + r[i + 1 :] for r in rows])


def _run(*args: str):
    return CliRunner().invoke(cli, list(args))


def _codes(output: str) -> list[str]:
    """The problem codes of ``check``'s FILE[:LINE[:COL]]: CODE lines."""
    return re.findall(r"^\S+?\.(?:csv|txt)(?::\d+)*: ([a-z-]+) ", output, re.M)


# 1. zero rows: a header-only table checks, builds, counts and exports


@pytest.mark.parametrize(
    "empty",
    [
        ("relations.csv",),
        ("sources.csv",),
        ("actors.csv", "relations.csv", "sources.csv"),
    ],
)
def test_header_only_tables_check_build_stats_and_export(tmp_path, empty):
    d = _copy(tmp_path)
    for name in empty:
        _header_only(d / name)
    if "sources.csv" in empty and "relations.csv" not in empty:
        for rid in {r[0] for r in _rows(d / "relations.csv")[1:]}:
            _set(d / "relations.csv", rid, "source_id", "")
    checked = _run("check", str(d))
    assert checked.exit_code == 0, checked.output
    page = tmp_path / "view.html"
    built = _run("build", str(d), "-o", str(page))
    assert built.exit_code == 0, built.output
    assert page.stat().st_size > 0
    stats = _run("stats", str(d))
    assert stats.exit_code == 0, stats.output
    actors = len(_rows(d / "actors.csv")) - 1
    relations = len(_rows(d / "relations.csv")) - 1
    assert f"{actors} actors, {relations} relations" in stats.output
    for fmt in ("json", "graphml", "gexf"):
        out = tmp_path / f"g.{fmt}"
        exported = _run("export", str(d), "-f", fmt, "-o", str(out))
        assert exported.exit_code == 0, exported.output
    folder = tmp_path / "csv"
    exported = _run("export", str(d), "-f", "csv", "-o", str(folder))
    assert exported.exit_code == 0, exported.output
    again = _run("check", str(folder))
    assert again.exit_code == 0, again.output


def test_header_only_relations_load_and_to_html(tmp_path):
    import graph

    d = _copy(tmp_path)
    _header_only(d / "relations.csv")
    html = graph.to_html(graph.load(d))
    assert "South Korea" in html


# 4. one date message, in check and in every --date option


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("16/06/2020", '"16/06/2020" is not an ISO date; write 2020-06-16 (YYYY-MM-DD)'),
        (
            "2020-13-01",
            '"2020-13-01" is not a real date (there is no month 13); '
            "write 2020-01-13 if 13 is the day (YYYY-MM-DD)",
        ),
        (
            "2020-02-30",
            '"2020-02-30" is not a real date (February 2020 has 29 days); '
            "write YYYY, YYYY-MM or YYYY-MM-DD (like 2020-06-16)",
        ),
        (
            "2020-06-16T00:00",
            '"2020-06-16T00:00" is not an ISO date (it has a time of day); '
            "write the date alone: 2020-06-16",
        ),
        (
            "44000",
            '"44000" is not an ISO date (it looks like a spreadsheet\'s day number, '
            "2020-06-18); write 2020-06-18 and format the column as text",
        ),
    ],
)
def test_date_messages_are_one_style_in_check_and_options(tmp_path, written, message):
    d = _copy(tmp_path)
    _set(d / "relations.csv", "R01", "start", written)
    checked = _run("check", str(d))
    assert checked.exit_code == 1
    line = next(x for x in checked.output.splitlines() if "bad-date" in x)
    assert line.startswith(f"{d / 'relations.csv'}:2:")
    assert f"bad-date start {message}" in line
    assert "Traceback" not in checked.output
    for args in (
        ["balance", str(DATA), "--date", written],
        ["diff", str(DATA), written, "2020"],
    ):
        res = _run(*args)
        assert res.exit_code == 2, res.output
        assert message in " ".join(res.output.split()), res.output


# 3. a missing column or file is one message, not a flood of follow-on ones


@pytest.mark.parametrize(
    ("file", "column"),
    [
        ("actors.csv", "name"),
        ("actors.csv", "id"),
        ("relations.csv", "status"),
        ("relations.csv", "source"),
        ("sources.csv", "id"),
    ],
)
def test_a_missing_required_column_is_one_message(tmp_path, file, column):
    d = _copy(tmp_path)
    _drop_column(d / file, column)
    res = _run("check", str(d))
    assert res.exit_code == 1
    assert _codes(res.output) == ["missing-column"], res.output
    assert f'required column "{column}" is missing' in res.output


@pytest.mark.parametrize("how", ["deleted", "empty"])
def test_a_missing_actors_file_is_one_message(tmp_path, how):
    d = _copy(tmp_path)
    if how == "deleted":
        (d / "actors.csv").unlink()
    else:
        (d / "actors.csv").write_text("", "utf-8")
    res = _run("check", str(d))
    assert res.exit_code == 1
    assert _codes(res.output) == ["missing-file" if how == "deleted" else "empty-file"], res.output
    assert "actors.csv" in res.output


def test_a_broken_actors_file_still_gets_its_relations_checked(tmp_path):
    d = _copy(tmp_path)
    _drop_column(d / "actors.csv", "name")
    _set(d / "relations.csv", "R05", "status", "rumour")
    res = _run("check", str(d))
    assert sorted(_codes(res.output)) == ["bad-value", "missing-column"], res.output


# 5. a folder that does not exist, or a file given for the folder


def test_a_missing_folder_says_it_does_not_exist(tmp_path, monkeypatch):
    res = _run("check", str(tmp_path / "nope"))
    assert res.exit_code == 1
    assert "missing-folder does not exist;" in res.output
    assert "not a folder" not in res.output
    monkeypatch.chdir(tmp_path)  # no ./data here
    res = _run("check")
    assert res.exit_code == 1
    assert f"data: missing-folder does not exist (in {tmp_path})" in res.output
    assert "geograph init data" in res.output


def test_a_file_for_the_folder_names_its_parent(tmp_path):
    d = _copy(tmp_path)
    res = _run("check", str(d / "relations.csv"))
    assert res.exit_code == 1
    assert f"is a file, not a folder; give the folder that holds it: {d}\n" in res.output


# 2. quote-not-in-text names the right passage, in whole words


@pytest.mark.parametrize(
    ("rid", "quote", "closest"),
    [
        (
            "R05",
            "North Korea was desperately trying to build bridges",
            "North Korea was frantically trying to build bridges",
        ),
        (
            "R05",
            "North Korea was frantically trying to build bridges with Seoul and the US "
            "just three years ago",
            "North Korea was frantically trying to build bridges with Seoul and the United "
            "States just three years ago",
        ),
        (
            "R14",
            "are likely to continue their support for Kim?s regime",
            "are likely to continue their support for Kim’s regime",
        ),
        (
            "R01",
            "the North?s destruction of the liaison office",
            "the North’s destruction of the liaison office",
        ),
    ],
)
def test_quote_not_in_text_names_the_closest_passage(tmp_path, rid, quote, closest):
    d = _copy(tmp_path)
    _set(d / "relations.csv", rid, "quote", quote)
    res = _run("check", str(d))
    assert res.exit_code == 1
    assert _codes(res.output) == ["quote-not-in-text"], res.output
    assert (
        f'{rid}: the quote is not verbatim in the source\'s text; the closest passage is: "{closest}"\n'
        in res.output
    )


# 6. the docs say what the commands and the format accept


def _synopses() -> dict[str, str]:
    text = (DATA.parent / "README.md").read_text("utf-8")
    found: dict[str, str] = {}
    for m in re.finditer(r"^- `geograph ([a-z]+)[^`]*`", text, re.M):
        found[m.group(1)] = found.get(m.group(1), "") + " " + m.group(0)
    return found


def test_every_option_is_in_its_commands_readme_synopsis():
    synopses = _synopses()
    missing = {}
    for name, command in cli.commands.items():
        line = synopses.get(name, "")
        options = [p for p in command.params if isinstance(p, click.Option) and not p.hidden]
        lacking = [
            p.opts[0]
            for p in options
            if p.name != "help"
            and not any(re.search(rf"(?<![\w-]){re.escape(o)}(?![\w-])", line) for o in p.opts)
        ]
        if lacking:
            missing[name] = lacking
    assert missing == {}


def test_output_options_are_paths():
    for name, command in cli.commands.items():
        for p in command.params:
            if "--output" in p.opts:
                assert p.type.name == "path", (name, p.type.name)


def test_data_readme_documents_sign_words_and_status_normalising():
    from graph.schema import SIGN_WORDS

    text = (DATA / "README.md").read_text("utf-8")
    sign = next(x for x in text.splitlines() if x.startswith("| `sign` |"))
    assert all(f"`{w}`" in sign for w in SIGN_WORDS), sign
    status = next(x for x in text.splitlines() if x.startswith("| `status` |"))
    assert "`Fact`" in status and "`fact `" in status, status


def test_missing_sources_file_is_one_problem_not_one_per_relation(tmp_path):
    d = _copy(tmp_path)
    named = sum(
        1
        for r in _rows(d / "relations.csv")[1:]
        if r[_rows(d / "relations.csv")[0].index("source_id")]
    )
    (d / "sources.csv").unlink()
    result = _run("check", str(d))
    assert result.exit_code == 1
    errors = [x for x in result.output.splitlines() if "unknown-source" in x]
    assert len(errors) == 1, result.output
    assert f"in {named} relations" in errors[0]
    assert "no sources.csv in" in errors[0] and "leave source_id empty" in errors[0]
    assert f"{d}/relations.csv:2:" in errors[0]
    # with the file there, an unknown id is still reported relation by relation
    (d / "sources.csv").write_text("id\nother\n", "utf-8")
    result = _run("check", str(d))
    assert result.output.count('unknown-source source_id "dw-2020-07-14"') == named


def test_missing_sources_file_is_no_problem_without_source_ids(tmp_path):
    d = _copy(tmp_path)
    (d / "sources.csv").unlink()
    _drop_column(d / "relations.csv", "source_id")
    result = _run("check", str(d))
    assert "unknown-source" not in result.output


def test_unusable_relation_types_file_is_one_problem(tmp_path):
    d = _copy(tmp_path)
    rows = _rows(d / "relations.csv")
    i = rows[0].index("relation")
    for r in rows[1:4]:
        r[i] = "menace"
    _write_rows(d / "relations.csv", rows)
    (d / "relation_types.csv").write_text("relation,sign\nmenace,-1\n", "utf-8")
    result = _run("check", str(d))
    assert result.exit_code == 1
    assert "unknown-relation" not in result.output, result.output
    assert 'required column "intensity" is missing' in result.output
    # once the file is absent, each relation of an unknown type is reported
    (d / "relation_types.csv").unlink()
    result = _run("check", str(d))
    assert result.output.count('unknown-relation relation "menace"') == 3


def _quote_every_line(path: Path) -> None:
    """As a spreadsheet saves a file it had as one column: each line one quoted cell."""
    lines = path.read_text("utf-8").splitlines()
    path.write_text("".join('"' + x.replace('"', '""') + '"\n' for x in lines), "utf-8")


@pytest.mark.parametrize("table", ["actors", "relations", "sources", "relation_types"])
def test_a_file_with_every_line_quoted_is_one_problem(tmp_path, table):
    d = _copy(tmp_path)
    if table == "relation_types":
        (d / "relation_types.csv").write_text("relation,sign,intensity\nmenace,-1,-5\n", "utf-8")
    _quote_every_line(d / f"{table}.csv")
    result = _run("check", str(d))
    assert result.exit_code == 1
    assert "not valid: 1 error," in result.output, result.output
    errors = [x for x in result.output.splitlines() if f"{table}.csv:1:1: " in x]
    assert errors[0].startswith(
        f"{d}/{table}.csv:1:1: missing-column the header is one quoted cell"
    )
    assert "columns were joined into one" in errors[0]
    assert "remove the quotes at the start and end of each line" in errors[0]


@pytest.mark.parametrize("kind", ["kumu", "gephi"])
@pytest.mark.parametrize("which", [0, 1])
def test_an_import_file_with_every_line_quoted_is_one_problem(tmp_path, kind, which):
    files = [
        tmp_path / Path(f).name
        for f in (
            ("tests/fixtures/kumu/elements.csv", "tests/fixtures/kumu/connections.csv")
            if kind == "kumu"
            else ("tests/fixtures/gephi/nodes.csv", "tests/fixtures/gephi/edges.csv")
        )
    ]
    for f in files:
        shutil.copy(Path(__file__).parent / "fixtures" / kind / f.name, f)
    _quote_every_line(files[which])
    result = _run("import", kind, *map(str, files), "-o", str(tmp_path / "o"))
    assert result.exit_code == 1
    errors = [x for x in result.stderr.splitlines() if "missing-column" in x]
    assert len(errors) == 1, result.stderr
    assert errors[0].startswith(f"{files[which]}:1:1: missing-column the header is one quoted cell")
    assert not (tmp_path / "o").exists()
