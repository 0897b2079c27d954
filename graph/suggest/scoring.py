"""Precision and recall of a draft against hand-coded relations of the same text."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..evidence import locate_quote, split_sentences
from .coder import Candidate

__all__ = ["Scores", "evaluate"]


@dataclass(frozen=True)
class Scores:
    """Precision and recall of a draft against hand-coded relations, at two levels."""

    candidates: int
    reference: int
    sign_precision: float
    sign_recall: float
    type_precision: float
    type_recall: float

    def __str__(self) -> str:
        return (
            f"{self.candidates} candidates, {self.reference} hand-coded relations: "
            f"pair and sign precision {self.sign_precision:.0%}, recall {self.sign_recall:.0%}; "
            f"pair and type precision {self.type_precision:.0%}, recall {self.type_recall:.0%}"
        )


def _sentences_of(quote: str, text: str, spans) -> set[int]:
    found, at = set(), text.find(quote)
    while at >= 0:
        found |= {i for i, (a, b, _) in enumerate(spans) if a < at + len(quote) and b > at}
        at = text.find(quote, at + 1)
    if not found and quote:
        m = locate_quote(quote, text)
        found = {i for i, (a, b, _) in enumerate(spans) if m.closest and m.closest in text[a:b]}
    return found


def evaluate(
    candidates: list[Candidate], reference: list[dict], text: str, vocabulary: dict
) -> Scores:
    """Score candidates against hand-coded relations of the same text.

    A candidate and a hand-coded relation agree when they join the same two
    actors (either way round when the hand-coded one is undirected), their
    quotes stand in the same sentence, and they have the same sign (or, at the
    stricter level, the same relation type). Precision is the share of
    candidates that agree with some hand-coded relation; recall the share of
    hand-coded relations that some candidate agrees with.

    Examples
    --------
    >>> import graph
    >>> from graph.suggest import suggest
    >>> ds = graph.load(graph.datasets.article())
    >>> text = (graph.datasets.article() / "dw-2020-07-14.txt").read_text("utf-8")
    >>> s = evaluate(suggest(text, ds).candidates, ds.records("relations"), text, ds.vocabulary)
    >>> s.sign_recall >= 0.7 and s.sign_precision >= 0.5
    True
    """
    spans = split_sentences(text)

    def sign(relation: str, given: Any = None) -> int:
        return int(given) if given not in (None, "") else int(vocabulary[relation]["sign"])

    refs = [(r, _sentences_of(str(r.get("quote") or ""), text, spans)) for r in reference]
    cands = [(c, _sentences_of(c.quote, text, spans)) for c in candidates]

    def agree(c: Candidate, cs: set[int], r: dict, rs: set[int], by_type: bool) -> bool:
        pair = (c.source, c.target) == (r["source"], r["target"])
        if not r.get("directed", True):
            pair = pair or (c.target, c.source) == (r["source"], r["target"])
        same = (
            c.relation == r["relation"]
            if by_type
            else sign(c.relation) == sign(r["relation"], r.get("sign"))
        )
        return pair and same and bool(cs & rs)

    def share(hits: int, total: int) -> float:
        return hits / total if total else 0.0

    levels = []
    for by_type in (False, True):
        right = sum(any(agree(c, cs, r, rs, by_type) for r, rs in refs) for c, cs in cands)
        found = sum(any(agree(c, cs, r, rs, by_type) for c, cs in cands) for r, rs in refs)
        levels += [share(right, len(cands)), share(found, len(refs))]
    return Scores(len(cands), len(refs), *levels)
