"""Every function taking a date takes it the same way: text, an int year, a day."""

import datetime

import pandas as pd
import pytest

import graph
from graph.dates import DateError, DateTypeError, parse_date


@pytest.fixture(scope="module")
def G():
    return graph.load(graph.datasets.article()).to_networkx()


def keys(H):
    return sorted(k for *_, k in H.edges(keys=True))


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (2018, "2018"),
        (datetime.date(2020, 6, 1), "2020-06-01"),
        (datetime.datetime(2020, 6, 16, 9, 30), "2020-06-16"),
        (pd.Timestamp("2020-06-16 23:59"), "2020-06-16"),
    ],
)
def test_a_year_or_a_day_as_a_python_value(G, value, text):
    assert parse_date(value).text == text
    assert keys(graph.at(G, value)) == keys(graph.at(G, text))


@pytest.mark.parametrize("value", [2018.0, True, [2018], b"2018"])
def test_any_other_type_is_a_type_error_that_says_what_to_give(G, value):
    with pytest.raises(TypeError, match=r"give the date as text, e.g. '2018' or '2020-06'") as err:
        graph.at(G, value)
    assert isinstance(err.value, DateError) and isinstance(err.value, DateTypeError)
    assert "is not a real date" not in str(err.value)


def test_a_year_out_of_range_is_named(G):
    with pytest.raises(DateError, match="no year 0"):
        graph.at(G, 0)


def test_every_function_taking_a_date_takes_an_int_year_and_a_day(G):
    day = datetime.date(2020, 6, 16)
    assert graph.friends(G, "PRK", 2018) == graph.friends(G, "PRK", "2018")
    assert graph.adversaries(G, "PRK", day) == graph.adversaries(G, "PRK", "2020-06-16")
    assert graph.signed_graph(G, 2018).graph["date"] == "2018"
    assert sorted(graph.signed_graph(G, day).edges) == sorted(
        graph.signed_graph(G, "2020-06-16").edges
    )
    assert graph.diff(G, 2018, day).to_dict() == graph.diff(G, "2018", "2020-06-16").to_dict()
    assert keys(graph.between(G, 2018, day)) == keys(graph.between(G, "2018", "2020-06-16"))
    assert graph.balance_report(G, 2018) == graph.balance_report(G, "2018")
    assert graph.centrality(G, day).equals(graph.centrality(G, "2020-06-16"))
    assert graph.connection(G, "PRK", "USA", 2018) == graph.connection(G, "PRK", "USA", "2018")
    assert graph.view_fragment(G, date=2018, compare=pd.Timestamp("2020-06-16 10:00")) == (
        "#date=2018&compare=2020-06-16"
    )


def test_a_bad_type_is_refused_alike_everywhere(G):
    calls = [
        lambda: graph.friends(G, "PRK", 2018.5),
        lambda: graph.signed_graph(G, 2018.5),
        lambda: graph.diff(G, "2018", 2018.5),
        lambda: graph.between(G, 2018.5, None),
        lambda: graph.balance_report(G, 2018.5),
        lambda: graph.centrality(G, 2018.5),
    ]
    for call in calls:
        with pytest.raises(TypeError, match="give the date as text"):
            call()


@pytest.mark.parametrize(
    "written, fix",
    [
        ("2020–06–16", "2020-06-16"),  # en dashes, as a word processor makes them
        ("2020—06", "2020-06"),  # em dash
        ("2020−06", "2020-06"),  # minus sign
        ("'2017", "2017"),  # a spreadsheet's text prefix, kept by a CSV export
        ("’2020-06-16", "2020-06-16"),  # the same, made curly
        ("２０２０-06", "2020-06"),  # full-width digits
    ],
)
def test_a_date_that_only_looks_iso_gets_its_exact_fix(written, fix):
    from graph.dates import date_message

    with pytest.raises(DateError):
        parse_date(written)
    assert date_message(written) == f'"{written}" is not an ISO date; write {fix}'
