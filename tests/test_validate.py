"""Validation: the zoo of broken files, one problem each, and the messages users read."""

import ast
import json
import re
from pathlib import Path

import pytest

import graph
from graph.schema import PROBLEM_CODES

FIXTURES = Path(__file__).parent / "fixtures"
ZOO = sorted((FIXTURES / "broken").iterdir())


def _where(problems):
    return [[Path(p.file).name, p.line, p.column, p.code] for p in problems]


def _errors(path):
    return _where(p for p in graph.check(path) if p.severity == "error")


def _expected(case):
    """The fixture's expected problems, and what to check (the folder, or a path inside it)."""
    expected = json.loads((case / "expected.json").read_text("utf-8"))
    return expected, case / expected.get("check", "")


@pytest.mark.parametrize("case", ZOO, ids=[c.name for c in ZOO])
def test_zoo_case_reports_exactly_its_problem(case):
    expected, target = _expected(case)
    problems = graph.check(target)
    assert _where(p for p in problems if p.severity == "error") == expected["errors"]
    if "warnings" in expected:
        assert _where(p for p in problems if p.severity == "warning") == expected["warnings"]


@pytest.mark.parametrize("case", ZOO, ids=[c.name for c in ZOO])
def test_zoo_case_fails_to_load_with_all_problems(case):
    expected, target = _expected(case)
    if not expected["errors"]:  # a case of a warning: it loads, with that warning
        assert _where(graph.load(target).warnings) == expected["warnings"]
        with pytest.raises(graph.DataError):
            graph.load(target, strict=True)
        return
    with pytest.raises(graph.DataError) as info:
        graph.load(target)
    assert _where(info.value.errors) == _errors(target)


def test_every_problem_code_has_a_zoo_case():
    seen = set()
    for case in ZOO:
        expected, _ = _expected(case)
        seen.update(code for *_, code in expected["errors"] + expected.get("warnings", []))
    assert sorted(set(PROBLEM_CODES) - seen) == []
    assert sorted(seen - set(PROBLEM_CODES)) == []


# Calls that report a problem, and the position of their code argument.
_REPORTERS = {"Problem": 4, "add": 2, "_problem": 1}


def _emitted_codes():
    """(module, code) for every problem code written literally in a reporting call in graph/."""
    for path in sorted((Path(graph.__file__).parent).rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            at = _REPORTERS.get(name or "")
            if at is None or len(node.args) <= at:
                continue
            arg = node.args[at]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                yield path.name, arg.value


def test_every_code_the_code_emits_is_a_known_problem_code():
    emitted = list(_emitted_codes())
    assert len({code for _, code in emitted}) >= 25  # the scan finds the reporting calls
    assert [(m, c) for m, c in emitted if c not in PROBLEM_CODES] == []


def _readme_rows():
    text = (Path(__file__).parent.parent / "data" / "README.md").read_text("utf-8")
    section = text.split("\n## Problem codes\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^\| `([a-z0-9-]+)` \| (.*) \|$", section, flags=re.M)


def _readme_codes():
    return [code for code, _ in _readme_rows()]


def test_data_readme_lists_exactly_the_problem_codes():
    assert sorted(_readme_codes()) == sorted(PROBLEM_CODES)
    assert len(_readme_codes()) == len(set(_readme_codes()))


def test_data_readme_problem_table_is_the_schemas():
    """The table says what graph/schema.py PROBLEM_CODES says, row for row (paste it on a change)."""
    table = "\n".join(f"| `{code}` | {meaning} |" for code, meaning in PROBLEM_CODES.items())
    got = "\n".join(f"| `{code}` | {meaning} |" for code, meaning in _readme_rows())
    assert got == table


def test_warning_codes_are_marked_as_warnings():
    """A code is marked "(a warning)" exactly when the broken zoo reports it as one."""
    warned, failed = set(), set()
    for case in ZOO:
        expected, _ = _expected(case)
        failed.update(code for *_, code in expected["errors"])
        warned.update(code for *_, code in expected.get("warnings", []))
    marked = {c for c, meaning in PROBLEM_CODES.items() if meaning.endswith("(a warning)")}
    assert marked == warned
    assert not warned & failed


ODD = sorted((FIXTURES / "odd").iterdir())


@pytest.mark.parametrize("case", ODD, ids=[c.name for c in ODD])
def test_odd_zoo_case_loads_with_its_warnings(case):
    """Files as spreadsheets write them: read right, with the expected warnings only."""
    expected = json.loads((case / "expected.json").read_text("utf-8"))
    ds = graph.load(case)
    assert [[Path(p.file).name, p.line, p.column, p.code] for p in ds.warnings] == expected[
        "warnings"
    ]
    got = [[r["source"], r["target"], r["relation"], r["quote"]] for r in ds.records("relations")]
    assert got == expected["relations"]
    names = dict(zip(ds.actors["id"], ds.actors["name"]))
    assert names == {**names, **expected.get("names", {})}


def test_odd_but_valid_file_loads():
    """BOM, CRLF, header case and spaces, padded cells and blank rows are all fine."""
    ds = graph.load(FIXTURES / "odd-valid")
    assert sorted(ds.actors["id"]) == ["KOR", "PRK", "RUS"]
    assert list(ds.relations["source"]) == ["PRK", "RUS"]
    assert list(ds.relations["target"]) == ["KOR", "PRK"]


def _message(case, code):
    return next(p.message for p in graph.check(FIXTURES / "broken" / case) if p.code == code)


def test_messages_name_the_value_and_the_fix():
    assert 'did you mean "RUS" (Russia)' in _message("unknown-actor", "unknown-actor")
    assert '"Pyongyang"' in _message("actor-name-as-id", "unknown-actor")
    assert 'did you mean "PRK" (North Korea)' in _message("actor-name-as-id", "unknown-actor")
    assert 'did you mean "attack"' in _message("unknown-relation", "unknown-relation")
    assert "write 2020-06-16" in _message("day-first-date", "bad-date")
    assert "write -9.2" in _message("decimal-comma", "bad-number")
    assert "line 2" in _message("duplicate-actor-id", "duplicate-id")
    assert "2018" in _message("reversed-dates", "reversed-dates")
    assert '"status"' in _message("missing-status-column", "missing-column")
    assert "write 2020-06-16" in _message("slash-date", "bad-date")
    assert "write 2020-06-16" in _message("month-name-date", "bad-date")
    assert "write 2020-06-16" in _message("compact-date", "bad-date")
    assert "save it again" in _message("bad-utf16", "bad-encoding")
    assert ".xlsx" in _message("workbook-named-csv", "not-text")


def test_not_utf8_says_how_it_was_read():
    message = next(
        p.message for p in graph.check(FIXTURES / "odd" / "cp1252") if p.code == "not-utf8"
    )
    assert "Windows-1252" in message and '"fédérale"' in message and "CSV UTF-8" in message


def test_every_problem_is_collected_not_just_the_first(tmp_path):
    src = FIXTURES / "broken" / "unknown-actor"
    for f in src.glob("*.csv"):
        (tmp_path / f.name).write_bytes(f.read_bytes())
    rel = tmp_path / "relations.csv"
    rel.write_text(
        rel.read_text("utf-8").replace("attack", "atack").replace("2018", "2018-13"), "utf-8"
    )
    codes = sorted(p.code for p in graph.check(tmp_path) if p.severity == "error")
    assert codes == ["bad-date", "unknown-actor", "unknown-relation"]


def test_problem_lines_print_like_a_compiler():
    p = graph.check(FIXTURES / "broken" / "multiline-cell")[0]
    assert str(p).startswith(
        str(FIXTURES / "broken" / "multiline-cell" / "relations.csv") + ":5:3: unknown-actor "
    )


def _dataset(tmp_path, relations, actors=None):
    (tmp_path / "actors.csv").write_text(
        actors or "id,name\nPRK,North Korea\nKOR,South Korea\n", "utf-8"
    )
    (tmp_path / "relations.csv").write_text(relations, "utf-8")
    return tmp_path


def test_defaults_come_from_the_vocabulary(tmp_path):
    d = _dataset(tmp_path, "source,target,relation,status,quote\nPRK,KOR,threaten,fact,q\n")
    r = graph.load(d).records("relations")[0]
    assert (r["sign"], r["intensity"], r["directed"]) == (-1, -6.0, True)
    assert r["id"] == "PRK-KOR-threaten-undated"


def test_generated_ids_are_stable_and_unique(tmp_path):
    rows = "source,target,relation,status,start,quote\n" + "PRK,KOR,threaten,fact,2020,q\n" * 3
    d = _dataset(tmp_path, rows)
    ids = [r["id"] for r in graph.load(d).records("relations")]
    assert ids == ["PRK-KOR-threaten-2020", "PRK-KOR-threaten-2020-2", "PRK-KOR-threaten-2020-3"]
    assert ids == [r["id"] for r in graph.load(d).records("relations")]


def test_extra_columns_are_kept(tmp_path):
    d = _dataset(
        tmp_path,
        "source,target,relation,status,quote,Confidence\nPRK,KOR,threaten,fact,q,high\n",
        actors="id,name,capital\nPRK,North Korea,Pyongyang\nKOR,South Korea,Seoul\n",
    )
    G = graph.load(d).to_networkx()
    assert G.nodes["PRK"]["capital"] == "Pyongyang"
    assert next(iter(G.edges(data=True)))[2]["Confidence"] == "high"


def test_dataset_vocabulary_extends_the_shipped_one(tmp_path):
    d = _dataset(tmp_path, "source,target,relation,status,quote\nPRK,KOR,hack,fact,q\n")
    (d / "relation_types.csv").write_text(
        "relation,sign,intensity,cameo,description\nhack,-1,-6.5,176,Cyber attack\n", "utf-8"
    )
    r = graph.load(d).records("relations")[0]
    assert (r["relation"], r["sign"], r["intensity"]) == ("hack", -1, -6.5)


def test_warnings_do_not_fail_unless_strict(tmp_path):
    d = _dataset(
        tmp_path,
        "source,target,relation,status\nPRK,KOR,threaten,claim\n",
        actors="id,name\nPRK,North Korea\nKOR,South Korea\nCHN,China\n",
    )
    ds = graph.load(d)
    assert sorted(p.code for p in ds.warnings) == ["isolated-actor", "missing-said-by", "no-quote"]
    with pytest.raises(graph.DataError) as info:
        graph.load(d, strict=True)
    assert len(info.value.errors) == 3


def test_sign_contradicting_intensity_is_a_warning(tmp_path):
    d = _dataset(
        tmp_path,
        "source,target,relation,sign,intensity,status,quote\nPRK,KOR,threaten,1,-6,fact,q\n",
    )
    assert [p.code for p in graph.check(d)] == ["sign-mismatch"]


def test_not_a_folder():
    problems = graph.check("no/such/folder")
    assert [p.code for p in problems] == ["missing-folder"]


def test_zero_sign_and_intensity_are_values_not_missing(tmp_path):
    """A neutral relation (sign 0, intensity 0) is kept, and so is a neutral type of one's own."""
    d = _dataset(
        tmp_path,
        "source,target,relation,sign,intensity,status,quote\n"
        "PRK,KOR,threaten,0,0,fact,q\nKOR,PRK,meet,,,fact,q\n",
    )
    (d / "relation_types.csv").write_text("relation,sign,intensity\nmeet,0,0\n", "utf-8")
    rows = graph.load(d).records("relations")
    assert [(r["relation"], r["sign"], r["intensity"]) for r in rows] == [
        ("threaten", 0, 0.0),
        ("meet", 0, 0.0),
    ]


def test_machine_coded_sources_need_no_quote_and_may_lean_against_the_type(tmp_path):
    d = _dataset(
        tmp_path,
        "source,target,relation,intensity,status,source_id\nPRK,KOR,appeal,-0.3,fact,gdelt\n",
    )
    (d / "sources.csv").write_text("id,title,machine_coded\ngdelt,GDELT 2.0 events,true\n", "utf-8")
    assert graph.check(d) == []
    (d / "sources.csv").write_text(
        "id,title,machine_coded\ngdelt,GDELT 2.0 events,false\n", "utf-8"
    )
    assert sorted(p.code for p in graph.check(d)) == ["no-quote", "sign-mismatch"]


@pytest.mark.parametrize(
    "delimiter, lat, lon", [(",", "125.75", "39.03"), (";", "125,75", "39,03")]
)
def test_swapped_lat_lon_is_named_with_a_decimal_comma_too(tmp_path, delimiter, lat, lon):
    d = delimiter
    (tmp_path / "actors.csv").write_text(
        f"id{d}name{d}type{d}lat{d}lon\nPYO{d}Pyongyang{d}location{d}{lat}{d}{lon}\n"
        f"KOR{d}South Korea{d}state{d}{d}\n",
        encoding="utf-8",
    )
    (tmp_path / "relations.csv").write_text(
        f"source{d}target{d}relation{d}status{d}quote\nKOR{d}PYO{d}appeal{d}fact{d}q\n",
        encoding="utf-8",
    )
    [problem] = graph.check(tmp_path)
    assert (problem.line, problem.column, problem.code) == (2, 4, "out-of-range")
    assert problem.message.endswith(f"lat and lon look swapped: write lat {lon}, lon {lat}")
