"""Draft relations from a plain-text article, for a person to review.

A dictionary-based coder in the tradition of TABARI and PETRARCH: the
actors of a dataset (names and aliases, so leaders and capitals written as
aliases map to their state) are found in each sentence; verb phrases of a
lexicon aligned with CAMEO (``graph/lexicon.csv``, extended by a dataset's
own ``lexicon.csv``) give the relation type; the nearest actors before and
after the phrase give its source and target, with pronouns and unnamed
targets resolved by simple rules. The wording gives the status (a negated
or denied event gives no candidate; hedges, modals and conditions make a
``forecast``; reported speech, belief and hearsay a ``claim`` by its
speaker, as written), date expressions or the publication date give the
start. Every candidate says how sure the guess is and why. Deterministic
and offline.

Examples
--------
>>> import graph
>>> ds = graph.load(graph.datasets.article())
>>> draft = suggest("Seoul has called on Pyongyang to resume talks.", ds, published="2021-03")
>>> c = draft.candidates[0]
>>> (c.source, c.target, c.relation, c.status, c.start, c.quote)
('KOR', 'PRK', 'appeal', 'fact', '2021-03', 'Seoul has called on Pyongyang to resume talks.')
>>> suggest("Seoul did not call on Pyongyang to resume talks.", ds).candidates
[]
>>> [(c.status, c.said_by) for c in suggest("Seoul called on Pyongyang, officials said.", ds).candidates]
[('claim', 'officials')]
"""

from __future__ import annotations

from .coder import DRAFT_COLUMNS, Candidate, Draft, suggest
from .draft import draft_csv, suggest_file, write_draft
from .lexicon import LEXICON_COLUMNS, Cue, read_lexicon
from .scoring import Scores, evaluate

__all__ = [
    "LEXICON_COLUMNS",
    "DRAFT_COLUMNS",
    "Cue",
    "Candidate",
    "Draft",
    "Scores",
    "read_lexicon",
    "suggest",
    "suggest_file",
    "draft_csv",
    "write_draft",
    "evaluate",
]
