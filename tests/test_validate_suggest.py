"""'Did you mean': the suggestions worked out in one batch equal a plain look-up of each value."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from graph.validate.suggest import CUTOFF, Suggester

_SEP = "\x1f"


def _closest(query: str, candidates: list[str], n: int) -> list[str]:
    """The n candidates at least CUTOFF similar to query, best first, ties in their order."""
    scored = sorted((-fuzz.ratio(query, c), i) for i, c in enumerate(candidates))
    return [candidates[i] for score, i in scored if -score >= CUTOFF][:n]


def _expected(choices: list[str], labels: dict[str, str], value: str, n: int = 3) -> str:
    """The message, from each value scored against every id and every name in turn."""
    names: dict[str, str] = {}  # a name or alias (lower case) -> the first id it belongs to
    written: dict[str, str] = {}  # ... -> as it was first written
    for cid, label in labels.items():
        for name in label.split(_SEP):
            names.setdefault(name.lower(), cid)
            written.setdefault(name.lower(), name)
    lowered = {c.lower(): c for c in choices}
    found: dict[str, str] = {}  # id -> the name or alias that led to it ("" for the id)
    for cid, via in (
        ([(lowered[value.lower()], "")] if value.lower() in lowered else [])
        + [
            (c, "")  # the alias as typed: no need to say which
            for c, label in labels.items()
            if value.lower() in label.lower().split(_SEP)
        ]
        + [(c, "") for c in _closest(value, choices, n)]
        + [(names[m], m) for m in _closest(value.lower(), list(names), n)]
    ):
        found.setdefault(cid, via)
    # an id is shown with its name, unless the name is the id itself (or empty), and
    # with the alias that came close, unless that is its name or the id
    shown = []
    for c, via in list(found.items())[:n]:
        name = labels.get(c, "").split(_SEP)[0]
        alias = written.get(via, "")
        said = ([name] if name not in ("", c) else []) + (
            [f'alias "{alias}"'] if alias and alias.lower() not in (name.lower(), c.lower()) else []
        )
        shown.append(f'"{c}" ({", ".join(said)})' if said else f'"{c}"')
    listed = " or ".join(shown) if len(shown) < 3 else f"{', '.join(shown[:-1])} or {shown[-1]}"
    return f" (did you mean {listed}?)" if found else ""


_words = st.text(alphabet="AB01x -", min_size=1, max_size=9)


@settings(max_examples=150, deadline=None)
@given(
    choices=st.lists(_words, min_size=0, max_size=30, unique=True),
    names=st.lists(st.lists(_words, min_size=1, max_size=3), max_size=30),
    values=st.lists(_words, min_size=1, max_size=20),
)
def test_batched_suggestions_equal_a_plain_look_up(choices, names, values):
    labels = {c: _SEP.join(label) for c, label in zip(choices, names)}
    hints = Suggester(choices, labels)
    hints.prepare(values)
    assert [hints(v) for v in values] == [_expected(choices, labels, v) for v in values]


def test_a_mistyped_id_among_thousands_gets_its_closest_ids_and_names():
    ids = [f"A{i:05d}" for i in range(5_000)]
    labels = {c: f"Actor {i} Ministry{_SEP}a{i}" for i, c in enumerate(ids)}
    hints = Suggester(ids, labels)
    values = ["A0014", "actor 12 ministry", "Z", "a00042"]
    hints.prepare(values)
    assert [hints(v) for v in values] == [_expected(ids, labels, v) for v in values]
    assert hints("actor 12 ministry").startswith(' (did you mean "A00012" (Actor 12 Ministry)')


def test_an_id_suggested_through_an_alias_says_which_alias():
    hints = Suggester(
        ["PRK", "KOR", "CHN"],
        {"PRK": "North Korea", "KOR": "South Korea", "CHN": f"China{_SEP}PRC{_SEP}Beijing"},
    )
    # "PKR" is close to the ids PRK and KOR and to China's alias PRC, not to "China"
    assert hints("PKR") == (
        ' (did you mean "PRK" (North Korea), "KOR" (South Korea) or "CHN" (China, alias "PRC")?)'
    )
    assert hints("Bejing") == ' (did you mean "CHN" (China, alias "Beijing")?)'
    assert hints("chna") == ' (did you mean "CHN" (China)?)'  # the name itself: no alias shown
