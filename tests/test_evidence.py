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


def test_a_text_that_is_not_utf8_is_reported(copy):
    (copy / "dw-2020-07-14.txt").write_bytes("Kim’s".encode("utf-16"))
    (p,) = graph.check(copy)
    assert p.code == "missing-text" and "is not UTF-8" in p.message


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
