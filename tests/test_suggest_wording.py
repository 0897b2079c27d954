"""``geograph suggest``: a denial, a negation, a condition or hearsay never becomes a fact.

The sentences are a new user's, as written; the Nile dataset names Ethiopia,
Egypt and Sudan (with their capitals as aliases), its source S1 is
published by "Nile News".
"""

import csv
import io
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import graph
from graph.cli import cli
from graph.suggest import suggest

NILE = Path(__file__).parent / "fixtures" / "nile"
ARTICLE = graph.datasets.article()


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def coded(text, data=NILE, source_id="S1"):
    ds = graph.load(data)
    draft = suggest(text, ds, source_id=source_id if data == NILE else None, published="2023-03")
    return [(c.source, c.target, c.relation, c.status, c.said_by) for c in draft.candidates]


@pytest.mark.parametrize(
    "text",
    [
        "Egypt did not attack Sudan.",
        "Egypt didn't attack Sudan.",
        "Ethiopia never threatened Egypt.",
        "Egypt denied that it had attacked Sudan.",
        "Egypt has no plans to attack Sudan.",
        "Egypt is not expected to attack Sudan.",
        "Khartoum will not support military action against Addis Ababa.",
        "According to the foreign minister of Sudan, Khartoum will not support military "
        "action against Addis Ababa.",
    ],
)
def test_a_negated_or_denied_event_is_no_candidate(text):
    assert coded(text) == []


@pytest.mark.parametrize(
    ("text", "data", "expected"),
    [
        # a condition: "if ..., ... will" is about what may come
        (
            "If North Korea tests missiles, South Korea will respond.",
            ARTICLE,
            ("PRK", "KOR", "mobilize", "forecast", None),
        ),
        # belief and hearsay make a claim; said_by the believer, or no one named: unnamed sources
        (
            "Experts believe North Korea tested missiles near South Korea.",
            ARTICLE,
            ("PRK", "KOR", "mobilize", "claim", "Experts"),
        ),
        (
            "Ethiopia reportedly threatened Sudan.",
            NILE,
            ("ETH", "SDN", "threaten", "claim", "unnamed sources"),
        ),
        (
            "Egypt allegedly attacked Sudan.",
            NILE,
            ("EGY", "SDN", "attack", "claim", "unnamed sources"),
        ),
        (
            "Ethiopia is said to have threatened Egypt.",
            NILE,
            ("ETH", "EGY", "threaten", "claim", "unnamed sources"),
        ),
        # reported speech with any noun phrase as the speaker, as written
        (
            "Sudan's foreign minister said Egypt attacked Ethiopia.",
            NILE,
            ("EGY", "ETH", "attack", "claim", "Sudan's foreign minister"),
        ),
        (
            "Officials said that Egypt attacked Ethiopia.",
            NILE,
            ("EGY", "ETH", "attack", "claim", "Officials"),
        ),
        (
            "According to Sudan, Egypt attacked Ethiopia.",
            NILE,
            ("EGY", "ETH", "attack", "claim", "Sudan"),
        ),
        (
            "According to the foreign minister of Sudan, Khartoum signed an agreement with Cairo.",
            NILE,
            ("SDN", "EGY", "agree", "claim", "the foreign minister of Sudan"),
        ),
        (
            "Egypt attacked Ethiopia, Sudan's foreign minister said.",
            NILE,
            ("EGY", "ETH", "attack", "claim", "Sudan's foreign minister"),
        ),
        (
            "Egypt attacked Sudan, according to officials.",
            NILE,
            ("EGY", "SDN", "attack", "claim", "officials"),
        ),
        (
            "Egypt may test missiles near Sudan, analysts said.",
            NILE,
            ("EGY", "SDN", "mobilize", "forecast", "analysts"),
        ),
        (
            "If Egypt attacks Sudan, Ethiopia will respond.",  # "Sudan, Ethiopia" is no list
            NILE,
            ("EGY", "SDN", "attack", "forecast", "Nile News"),
        ),
        (
            "Should Egypt attack Sudan, Ethiopia would intervene.",
            NILE,
            ("EGY", "SDN", "attack", "forecast", "Nile News"),
        ),
        ("Egypt should attack Sudan.", NILE, ("EGY", "SDN", "attack", "forecast", "Nile News")),
        ("They said Egypt attacked Sudan.", NILE, ("EGY", "SDN", "attack", "claim", "They")),
        # a relative clause is no speaker; a negation after the phrase is not the phrase's
        ("Egypt attacked Sudan, which it said was.", NILE, ("EGY", "SDN", "attack", "fact", None)),
        (
            "Egypt attacked Sudan and did not apologize.",
            NILE,
            ("EGY", "SDN", "attack", "fact", None),
        ),
        ("Egypt, not Sudan, attacked Ethiopia.", NILE, ("EGY", "ETH", "attack", "fact", None)),
        # and what stays a fact
        ("Egypt attacked Sudan.", NILE, ("EGY", "SDN", "attack", "fact", None)),
        (
            "Egypt threatened to attack Ethiopia if talks failed.",
            NILE,
            ("EGY", "ETH", "threaten", "fact", None),
        ),
    ],
)
def test_status_and_speaker_from_the_wording(text, data, expected):
    """One candidate each: a speaker, or an actor in the speaker's possessive, is no party."""
    assert coded(text, data) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "According to the foreign minister of Sudan, Khartoum signed an agreement with Cairo.",
        "Egypt attacked Ethiopia, Sudan's foreign minister said.",
        "Egypt may test missiles near Sudan, analysts said.",
    ],
)
def test_the_quote_of_a_claim_keeps_its_attribution(text):
    (c,) = suggest(text, graph.load(NILE), source_id="S1").candidates
    assert c.quote == text


def test_an_article_naming_no_actor_says_so(tmp_path):
    data = tmp_path / "d"
    assert run("init", data).exit_code == 0  # the example actors: the two Koreas
    article = tmp_path / "a.txt"
    article.write_text("Egypt did attack Sudan. Ethiopia threatened Egypt.", "utf-8")
    r = run("suggest", article, "--data", data)
    assert r.exit_code == 0
    assert f"no actor of {data}/actors.csv is named in the article" in r.stderr
    assert "aliases" in r.stderr and "run suggest again" in r.stderr
    article.write_text("Seoul praised the weather.", "utf-8")
    r = run("suggest", article, "--data", data)
    assert "only one actor" in r.stderr and "(KOR)" in r.stderr


def _append_lines(path, draft):
    """Append a draft's rows to ``path`` as lines, as ``tail -n +2 draft.csv >> path`` does."""
    with open(path, "ab") as fh:
        fh.write(draft.read_bytes().split(b"\n", 1)[1])


def test_init_then_suggest_then_append_checks_valid(tmp_path):
    """The README's path, as written: init, suggest, tail -n +2 >> relations.csv, check."""
    data = tmp_path / "d"
    assert run("init", data).exit_code == 0
    article = tmp_path / "a.txt"
    article.write_text("Seoul condemned Pyongyang on 3 March 2022.", "utf-8")
    draft = tmp_path / "draft.csv"
    r = run("suggest", article, "--data", data, "-o", draft)
    assert r.exit_code == 0, r.output
    header = (data / "relations.csv").read_text("utf-8").splitlines()[0]
    assert draft.read_text("utf-8").splitlines()[0] == header
    (row,) = csv.DictReader(io.StringIO(draft.read_text("utf-8")))
    assert (row["source"], row["target"], row["dated_from"]) == ("KOR", "PRK", "article")
    _append_lines(data / "relations.csv", draft)
    check = run("check", data)
    assert check.exit_code == 0, check.output
    assert "0 errors" in check.output


def test_a_column_the_dataset_lacks_is_left_out_and_named(tmp_path):
    copy = tmp_path / "d"
    shutil.copytree(NILE, copy)
    path = copy / "relations.csv"
    path.write_text("id,source,target,relation,status,quote\n", "utf-8")
    (copy / "a.txt").write_text("Egypt condemned Sudan on 3 March 2022.", "utf-8")
    draft = tmp_path / "draft.csv"
    r = run("suggest", copy / "a.txt", "--data", copy, "-o", draft)
    assert r.exit_code == 0, r.output
    assert draft.read_text("utf-8").splitlines()[0] == "id,source,target,relation,status,quote"
    assert "relations.csv has no column directed, start, note, dated_from" in r.stderr
    _append_lines(path, draft)
    check = run("check", copy)
    assert check.exit_code == 0, check.output
    assert "extra-cells" not in check.output


@pytest.mark.parametrize(
    "text",
    [
        "Reportedly, Ethiopia threatened Sudan.",
        "Ethiopia, reportedly, threatened Sudan.",
        "According to reports, Ethiopia threatened Sudan.",
        "Ethiopia threatened Sudan, according to media reports.",
        "Ethiopia threatened Sudan, reports said.",
        "Reports say Ethiopia threatened Sudan.",
        "It is reported that Ethiopia threatened Sudan.",
        "Ethiopia threatened Sudan, it was reported.",
        "There were reports that Ethiopia threatened Sudan.",
        "According to diplomatic sources, Ethiopia threatened Sudan.",
        "Ethiopia threatened Sudan, sources said.",
    ],
)
def test_hearsay_without_a_named_source_is_a_claim_of_unnamed_sources(text):
    """Never a fact, and never "According to" or the publisher as the one who says it."""
    assert coded(text) == [("ETH", "SDN", "threaten", "claim", "unnamed sources")]


def test_the_quote_of_hearsay_keeps_its_words():
    (c,) = suggest(
        "Ethiopia threatened Sudan, according to media reports.", graph.load(NILE), source_id="S1"
    ).candidates
    assert c.quote == "Ethiopia threatened Sudan, according to media reports."
    assert 'hearsay, no source named ("media reports")' in c.why


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a hedge makes it a forecast, still of no one named
        (
            "Egypt reportedly may attack Sudan.",
            ("EGY", "SDN", "attack", "forecast", "unnamed sources"),
        ),
        # passed on by someone named: theirs
        (
            "Egypt reportedly attacked Sudan, Sudan's foreign minister said.",
            ("EGY", "SDN", "attack", "claim", "Sudan's foreign minister"),
        ),
        # the one told is no speaker; the ones telling are
        (
            "Egypt attacked Sudan, unnamed officials told Nile News.",
            ("EGY", "SDN", "attack", "claim", "unnamed officials"),
        ),
        # a named outlet or a state's media is a speaker as written
        (
            "Sudan's state media said Egypt attacked Ethiopia.",
            ("EGY", "ETH", "attack", "claim", "Sudan's state media"),
        ),
    ],
)
def test_hearsay_hedged_or_passed_on_by_someone_named(text, expected):
    assert coded(text) == [expected]
