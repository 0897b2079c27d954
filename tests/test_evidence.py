"""Quotes held to their source's text by ``geograph check``: verbatim, and naming the actors."""

import csv
import shutil

import pytest
from click.testing import CliRunner

import graph
from graph.cli import cli
from graph.evidence import ActorMatcher, locate_quote, split_sentences


@pytest.fixture
def copy(tmp_path):
    """A copy of the shipped dataset, with its article's text."""
    d = tmp_path / "d"
    shutil.copytree(graph.datasets.article(), d)
    return d


def _rows(path):
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _write(path, rows):
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, list(rows[0]), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


def _edit(d, rid, **cells):
    rows = _rows(d / "relations.csv")
    for row in rows:
        if row["id"] == rid:
            row.update(cells)
    _write(d / "relations.csv", rows)
    return next(i for i, r in enumerate(rows) if r["id"] == rid) + 2  # physical line


def test_shipped_sources_carry_the_article_text():
    (source,) = _rows(graph.datasets.article() / "sources.csv")
    text = (graph.datasets.article() / source["text"]).read_text("utf-8")
    assert text.startswith("What’s driving North Korea’s actions toward the")
    for row in _rows(graph.datasets.article() / "relations.csv"):
        assert row["quote"] in text, row["id"]


def test_a_quote_changed_by_one_character_fails_check(copy):
    rows = _rows(copy / "relations.csv")
    quote = next(r["quote"] for r in rows if r["id"] == "R20")
    line = _edit(copy, "R20", quote=quote.replace("surveillance", "surveilance"))
    r = CliRunner().invoke(cli, ["check", str(copy)])
    assert r.exit_code == 1
    col = list(rows[0]).index("quote") + 1
    assert r.stdout.splitlines()[0] == (
        f"{copy / 'relations.csv'}:{line}:{col}: quote-not-in-text R20: the quote is not "
        "verbatim in the source's text; the closest passage is: "
        '"troops were ordered to step up surveillance of the North and be prepared for '
        'further provocations in the tense border area"'
    )
    assert "not valid: 1 error" in r.stderr


def test_a_quote_that_differs_only_by_its_apostrophe_says_so(copy):
    _edit(copy, "R01", quote="the North's destruction of the liaison office")
    (p,) = [p for p in graph.check(copy) if p.severity == "error"]
    assert p.code == "quote-not-in-text" and p.field == "quote"
    assert "only after normalising quotes, apostrophes or spaces" in p.message
    assert (
        "the text has ’ (U+2019 right single quotation mark) where the quote has ' (U+0027 apostrophe)"
        in p.message
    )
    assert p.message.endswith('"the North’s destruction of the liaison office"')


def test_a_quote_that_names_neither_actor_is_a_warning(copy):
    rows = _rows(copy / "relations.csv")
    rows.append(
        dict(
            next(r for r in rows if r["id"] == "R08"),
            id="R24",
            status="claim",
            said_by="Leonid Petrov",
            quote="This new Cold War is actually very good news for Kim because his regime can now thrive.",
        )
    )
    _write(copy / "relations.csv", rows)
    (p,) = graph.check(copy)
    assert (p.severity, p.code, p.line) == ("warning", "quote-actor-unnamed", len(rows) + 1)
    assert p.message.startswith(
        "R24: the quote and its sentence name neither USA (United States) nor CHN (China)"
    )


def test_implied_names_an_actor_the_text_refers_to(copy):
    _edit(copy, "R17", implied="")
    (p,) = graph.check(copy)
    assert p.code == "quote-actor-unnamed" and "do not name KOR (South Korea)" in p.message
    _edit(copy, "R17", implied="KOR;SKOR")
    (p,) = graph.check(copy)
    assert (p.code, p.field, p.message) == (
        "unknown-actor",
        "implied",
        'implied "SKOR" is not an actor id in actors.csv',
    )


def test_a_text_outside_the_dataset_is_not_read(copy, tmp_path):
    (tmp_path / "secret.txt").write_text("nothing", "utf-8")
    rows = _rows(copy / "sources.csv")
    rows[0]["text"] = "../secret.txt"
    _write(copy / "sources.csv", rows)
    (p,) = graph.check(copy)
    assert (p.code, p.severity, p.line, p.column) == ("missing-text", "warning", 2, 7)
    assert "inside the dataset folder" in p.message


def test_a_text_saved_as_windows_1252_is_read_with_a_warning_and_its_quotes_checked(copy):
    text = copy / "dw-2020-07-14.txt"
    original = text.read_text("utf-8")
    text.write_bytes(original.encode("cp1252"))  # what "ANSI" in a Windows editor writes
    (p,) = graph.check(copy)
    assert (p.code, p.severity, p.line, p.column) == ("not-utf8", "warning", 2, 7)
    assert p.message == (
        'text file "dw-2020-07-14.txt" is not UTF-8; it was read as Windows-1252, so its line 1 '
        'has "What’s" and quotes are checked against that. If letters look wrong, save it as '
        "UTF-8 plain text"
    )
    _edit(copy, "R08", quote=_rows(copy / "relations.csv")[7]["quote"] + " indeed")
    assert [p.code for p in graph.check(copy)] == ["quote-not-in-text", "not-utf8"]


def test_a_text_saved_as_utf16_is_read_and_a_broken_one_is_reported(copy):
    text = copy / "dw-2020-07-14.txt"
    original = text.read_text("utf-8")
    text.write_bytes(original.encode("utf-16"))  # Notepad's "Unicode", with its byte order mark
    assert graph.check(copy) == []
    text.write_bytes(b"\xff\xfe" + b"K\x00\x00\xd8")  # a lone surrogate
    (p,) = graph.check(copy)
    assert p.code == "missing-text" and "is not valid UTF-16" in p.message


def test_an_invisible_difference_names_the_character_and_where_it_is(copy):
    text = copy / "dw-2020-07-14.txt"
    original = text.read_text("utf-8")
    text.write_text(original.replace("liaison office", "liaison\u00a0office", 1), "utf-8")
    (p,) = [p for p in graph.check(copy) if p.severity == "error"]
    line = original[: original.index("liaison office")].count("\n") + 1
    column = original.index("liaison office") - original.rfind(
        "\n", 0, original.index("liaison office")
    )
    assert p.code == "quote-not-in-text" and p.message.startswith("R01: ")
    assert (
        "(the text has a no-break space (U+00A0) where the quote has a space "
        f"at line {line}, column {column + len('liaison')})"
    ) in p.message


def test_sentences_and_paragraphs():
    text = "“No need to talk,” he added. “This is good.”\n\nSouth Korea met. US forces waited."
    got = [(text[a:b], p) for a, b, p in split_sentences(text)]
    assert got == [
        ("“No need to talk,” he added.", 0),
        ("“This is good.”", 0),
        ("South Korea met.", 1),
        ("US forces waited.", 1),
    ]


def test_names_and_aliases_are_found_as_words():
    m = ActorMatcher(graph.load(graph.datasets.article()).records("actors"))
    assert m.named("The South Korean government called on Pyongyang") == {"KOR", "PRK"}
    assert m.named("Kim's regime and Russia’s support") == {"PRK", "RUS"}
    assert m.named("thus the campus is used") == set()  # "US" only as a word, in capitals


def test_locate_quote_verbatim_offsets():
    text = "a b  c"
    assert locate_quote("b  c", text).start == 2
    assert locate_quote("b c", text).normalised
