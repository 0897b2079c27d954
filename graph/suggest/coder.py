"""The rules of the coder: sentences, actors, phrases, source and target, status, dates."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..dataset import Dataset
from ..evidence import ActorMatcher
from ..schema import RELATION_COLUMNS
from .lexicon import Cue, read_lexicon
from .roles import doer, roles, warned_that, written
from .sentences import Context, read_sentences, segments
from .when import phrase_date
from .wording import (
    ACCUSATION,
    CONDITION,
    DENIAL,
    HEDGE,
    NEGATION,
    RELATIVE,
    SCOPE,
    UNNAMED,
    claim_noun,
    hearsay,
)

__all__ = ["DRAFT_COLUMNS", "Candidate", "Draft", "suggest"]

#: The columns a draft fills, in the order of a new ``relations.csv``; a draft
#: for a dataset takes its ``relations.csv``'s header instead (:attr:`Draft.columns`).
DRAFT_COLUMNS = [*RELATION_COLUMNS, "dated_from"]

# "both" as a pronoun ("both now see"), not a determiner ("both sides").
_GOVERNED = re.compile(r"\b(?:of|to|that|for|against)\b")
#: An act right after an accusation, as its object ("blamed the attack", "condemned its shelling").
_OBJECT = re.compile(
    r"\s+(?:(?i:the|this|that|these|those|its|their|a|an)|[A-Z][\w-]*(?: [A-Z][\w-]*)*[’']s)\s+"
)
_VERBAL = {"comment", "appeal", "pledge", "demand", "criticize", "reject", "threaten", "protest"}
_MUTUAL = {"agree", "negotiate"}


@dataclass
class Candidate:
    """A drafted relation: the ``relations.csv`` cells, and how sure the guess is."""

    id: str
    source: str
    target: str
    relation: str
    status: str
    quote: str
    start: str | None = None
    dated_from: str | None = None
    said_by: str | None = None
    source_id: str | None = None
    directed: bool = True
    confidence: float = 0.0
    why: str = ""
    #: Whether the target is named right after the phrase, not guessed from elsewhere.
    named: bool = field(default=False, repr=False, compare=False)

    @property
    def note(self) -> str:
        """The ``note`` cell: how sure the guess is and why, for the reviewer to keep or rewrite.

        It starts ``suggested, confidence 0.NN:``, so that sorting a draft by
        its note sorts it by confidence.
        """
        return f"suggested, confidence {self.confidence:.2f}: {self.why}"

    def row(self) -> dict[str, str]:
        """The candidate as a row of :data:`DRAFT_COLUMNS` (text cells)."""
        cells: dict[str, Any] = {**self.__dict__, "directed": str(self.directed).lower()}
        cells["note"] = self.note
        return {c: "" if cells.get(c) is None else str(cells.get(c)) for c in DRAFT_COLUMNS}


@dataclass
class Draft:
    """What :func:`suggest` found: candidates, the source and publication date used, notes.

    ``columns`` is the header of the dataset's ``relations.csv`` as written
    (:data:`DRAFT_COLUMNS` when it has none) and ``delimiter`` the file's:
    the draft is written in that order and with that delimiter, so that its
    rows can be appended to the file as they are.
    """

    candidates: list[Candidate]
    source_id: str | None
    published: str | None
    notes: list[str] = field(default_factory=list)
    columns: list[str] = field(default_factory=lambda: list(DRAFT_COLUMNS))
    delimiter: str = ","


def _cues(text: str, seg: tuple[int, int], cues: list[Cue]) -> list[tuple[int, int, Cue]]:
    """Lexicon phrases in a clause, longest first where they overlap, in text order."""
    found = []
    for cue in cues:
        for m in cue.pattern.finditer(text, seg[0], seg[1]):
            found.append((m.start(), m.end(), cue))
    found.sort(key=lambda f: (-(f[1] - f[0]), f[0]))
    kept: list[tuple[int, int, Cue]] = []
    for f in found:
        if all(f[1] <= g[0] or f[0] >= g[1] for g in kept):
            kept.append(f)
    return sorted(kept, key=lambda f: f[0])


def _negated(ctx: Context, seg: tuple[int, int], cue: tuple[int, int]) -> str | None:
    """The word that denies or negates the phrase ("did not attack", "denied that it had attacked")."""
    text, s = ctx.text, ctx.sentences[ctx.k]
    # the verb group of the phrase: after its subject and after "that", "and", "which"
    at = max([seg[0], *(m[1] for m in s.mentions if seg[0] <= m[1] <= cue[0])])
    at = max([at, *(m.end() for m in SCOPE.finditer(text, at, cue[0]))])
    found = NEGATION.search(text, at, cue[0])
    if found:
        return found.group(0)
    before = text[s.start : cue[0]]
    cut = max(before.rfind(";"), before.lower().rfind(" but "))
    denial = DENIAL.search(before, cut + 1)
    return denial.group(0) if denial else None


def _status(ctx: Context, seg: tuple[int, int], cue: tuple[int, int], relation, source, claimed):
    """Fact, claim or forecast, who says so, and why; ``claimed``: the accuser of an accused act."""
    s, text = ctx.sentences[ctx.k], ctx.text
    # A hedge before a relative clause ("may ... areas that were demilitarized") is not the phrase's.
    starts = [m.end() for m in RELATIVE.finditer(text, seg[0], cue[1])]
    hedged = HEDGE.search(text, starts[-1] if starts else seg[0], cue[1])
    # "If North Korea tests missiles, South Korea will respond": both halves are conditional
    condition = CONDITION.search(text[s.start : cue[1]])
    heard = hearsay(text, (s.start, s.end), seg, cue[1]) or s.hearsay
    speaker = claimed or s.speaker
    alleged = None if speaker or heard else claim_noun(text, (s.start, s.end), cue[0])
    kind = "hearsay, no source named" if speaker is None else f"hearsay passed on by {speaker}"
    if alleged:  # "Egypt made allegations that ...", "there are claims that ..."
        owner = [m for m in s.mentions if alleged.start() - 30 <= m[0] < alleged.start()]
        speaker, heard = (written(text, owner[-1]) if owner else UNNAMED), alleged.group(0)
        kind = "an allegation, no source named" if not owner else f"an allegation by {speaker}"
    if heard and speaker is None:
        speaker = UNNAMED
    own = speaker is not None and any(
        m[2] in source and text[m[0] : m[1]].lower() in speaker.lower() for m in s.mentions
    )
    if condition:
        return "forecast", speaker, f'status forecast: condition "{condition.group(0)}"'
    if hedged:
        return "forecast", speaker, f'status forecast: "{hedged.group(0)}"'
    if heard:
        if speaker == UNNAMED and not alleged:
            kind = "hearsay, no source named"
        return "claim", speaker, f'status claim: {kind} ("{heard}")'
    if claimed:
        return "claim", speaker, f"status claim: an accusation by {speaker}"
    if speaker and not (own and relation in _VERBAL):
        return "claim", speaker, f"status claim: reported speech of {speaker}"
    if speaker:
        return "fact", None, "status fact: the actor's own statement is the event"
    return "fact", None, "status fact: no hedge and no reported speech"


def _clause(ctx: Context, seg: tuple[int, int], cues: list[Cue], published, publisher):
    """The candidates of one clause, phrase by phrase."""
    text = ctx.text
    governed, accuser = -1, None
    found = _cues(text, seg, cues)
    for i, (a, b, cue) in enumerate(found):
        # "threats to destroy", "warned X against attacking": the act is the object of
        # another phrase, not stated; "accused X of backing": the accuser's claim
        gap = text[governed:a] if 0 <= governed <= a else ""
        claimed = None
        if gap and _GOVERNED.search(gap) and " and " not in gap and len(gap) < 40:
            if accuser is None:
                continue
            claimed = accuser
        elif accuser is not None and _OBJECT.fullmatch(gap):
            claimed = accuser  # "condemned the attack on Sudan": not the accuser's attack
        accusing = claimed is None and ACCUSATION.match(text[a:b]) is not None
        if cue.relation in _VERBAL:
            governed, accuser = b, None
        if _negated(ctx, seg, (a, b)):
            continue  # "did not attack", "denied that it had attacked": no event stated
        if warned_that(ctx, (a, b)):
            governed = -1  # "warned that Y would attack": what is said is coded as said
            continue
        ctx.doer, ctx.exclude = None, set(claimed[1]) if claimed else set()
        act = found[i + 1][0] if i + 1 < len(found) else -1
        if accusing and act > b and _OBJECT.fullmatch(text[b:act]):
            # "condemned the attack on Sudan": Sudan is the attacked, not the one condemned
            ctx.exclude = {m[2] for m in ctx.parties() if m[0] >= act}
            coded = [c for c in _code(ctx, (a, b), seg, cue, published, publisher) if c.named]
        else:
            coded = _code(ctx, (a, b), seg, cue, published, publisher, claimed)
        yield from coded
        ctx.exclude = set()
        if accusing:
            accuser = ctx.doer


def suggest(
    text: str,
    dataset: Dataset,
    *,
    source_id: str | None = None,
    published: str | None = None,
    lexicon: list[Cue] | None = None,
) -> Draft:
    """Candidate relations stated in ``text`` between actors of ``dataset``.

    Parameters
    ----------
    text : str
        The article, plain text.
    dataset : Dataset
        Gives the actors (names and aliases), the relation types, the ids in
        use, and its own ``lexicon.csv`` when its folder has one.
    source_id : str, optional
        The article's row in the dataset's ``sources.csv``: the candidates
        cite it and take its ``published`` date.
    published : str, optional
        The publication date (ISO, partial allowed), when no source gives it.
    lexicon : list of Cue, optional
        Instead of :func:`read_lexicon` for the dataset's folder.

    Returns
    -------
    Draft
        One candidate per stated relation between two known actors, in text
        order, each with a verbatim quote (a clause of the text).

    Examples
    --------
    >>> import graph
    >>> ds = graph.load(graph.datasets.article())
    >>> t = "Beijing is likely to support Pyongyang, analysts said."
    >>> [(c.source, c.target, c.relation, c.status) for c in suggest(t, ds).candidates]
    [('CHN', 'PRK', 'support', 'forecast')]
    """
    folder = dataset.path if dataset.path is not None and dataset.path.is_dir() else None
    cues = lexicon if lexicon is not None else read_lexicon(folder, dataset.vocabulary)
    sources = {s["id"]: s for s in dataset.records("sources")}
    if source_id is not None and published is None:
        published = sources.get(source_id, {}).get("published")
    publisher = sources.get(source_id, {}).get("publisher") if source_id else None
    taken = {r["id"] for r in dataset.records("relations")}
    ctx = Context(text, read_sentences(text, ActorMatcher(dataset.records("actors")), cues))
    out: list[Candidate] = []
    seen: set[tuple[str, str, str, int]] = set()
    for k, sentence in enumerate(ctx.sentences):
        ctx.k = k
        for seg in segments(text, sentence.start, sentence.end):
            for c in _clause(ctx, seg, cues, published, publisher):
                key = (c.source, c.target, c.relation, k)
                if key in seen:
                    continue
                seen.add(key)
                n = len(out) + 1
                while f"S{n:02d}" in taken:
                    n += 1
                c.id = f"S{n:02d}"
                taken.add(c.id)
                c.source_id = source_id
                out.append(c)
    draft = Draft(out, source_id, published)
    draft.notes += _unnamed(ctx, dataset, out)
    if ctx.left_out:
        shown = "; ".join(ctx.left_out[:5]) + ("; ..." if len(ctx.left_out) > 5 else "")
        n = len(ctx.left_out)
        draft.notes.append(
            f"{n} phrase{'s' if n > 1 else ''} left out, {'their' if n > 1 else 'its'} doer not "
            f"named or not resolved (add by hand what the text says): {shown}"
        )
    draft.columns = list(dataset.columns.get("relations") or DRAFT_COLUMNS)
    draft.delimiter = dataset.delimiters.get("relations", ",")
    have = {c.strip().lower() for c in draft.columns}
    lacking = [c for c in DRAFT_COLUMNS if c not in have and any(x.row()[c] for x in out)]
    if lacking:
        them = "it" if len(lacking) == 1 else "them"
        draft.notes.append(
            f"relations.csv has no column {', '.join(lacking)}: the draft leaves {them} out, "
            f"so that its rows append to the file as they are; to have {them} filled, add "
            f"{', '.join(lacking)} to the end of relations.csv's header and run suggest again"
        )
    return draft


def _unnamed(ctx: Context, dataset: Dataset, out: list[Candidate]) -> list[str]:
    """Why a draft is empty: the article names too few of the dataset's actors, or no known phrase."""
    if out:
        return []
    folder = f"{dataset.path}/" if dataset.path is not None and dataset.path.is_dir() else ""
    named = {m[2] for s in ctx.sentences for m in s.mentions}
    add = (
        f"add a row to {folder}actors.csv for each state or group the article names "
        "(its name, and in aliases the other names it goes by there, a capital or a leader, "
        "separated by ;), then run suggest again"
    )
    if not named:
        return [f"no actor of {folder}actors.csv is named in the article: {add}"]
    if len(named) == 1:
        return [
            f"only one actor of {folder}actors.csv is named in the article "
            f"({''.join(named)}), and a relation needs two: {add}"
        ]
    return [
        f"the article names {len(named)} actors of {folder}actors.csv ({', '.join(sorted(named))}) "
        f"but no phrase of the verb lexicon joins them: add the verbs it uses to {folder}lexicon.csv "
        "(columns phrase, relation, note), then run suggest again"
    ]


def _code(
    ctx: Context,
    cue: tuple[int, int],
    seg: tuple[int, int],
    lex: Cue,
    published,
    publisher,
    claimed: tuple[str, set[str]] | None = None,
):
    """The candidates one phrase gives: one per source and target pair.

    ``claimed``: the accuser (as written, and its ids) when the phrase is
    what an accusation accuses of; it is then the accuser's claim.
    """
    text = ctx.text
    source, why_source, target, why_target, cost = roles(ctx, cue, seg, lex.relation, claimed)
    if not source:
        if ACCUSATION.match(text[cue[0] : cue[1]]):
            ctx.doer = (UNNAMED, set())  # "Ethiopia was blamed for ...": by someone unnamed
        else:
            words = text[seg[0] : cue[0]].split()
            lead = ("..." if len(words) > 5 else "") + " ".join([*words[-5:], ""])
            ctx.left_out.append(f'"{lead}{text[cue[0] : cue[1]]}" ({lex.relation}: {why_source})')
        return []
    ctx.doer = doer(ctx, source, cue)
    if not target:
        return []
    status, said_by, why_status = _status(
        ctx, seg, cue, lex.relation, source, claimed[0] if claimed else None
    )
    if status != "fact" and said_by is None:  # "may", no one named: the publication says so
        said_by = publisher
    start, dated_from = phrase_date(text, cue[0], seg, published)
    if status == "forecast" and published and start and start < published[: len(start)]:
        start, dated_from = published, "published"
    s = ctx.sentences[ctx.k]
    said = s.said if said_by is not None and said_by == s.speaker else None
    quote = _quote(ctx, seg, cue, source + target, said)
    confidence = max(0.1, 0.9 - cost - (0.15 if "read as" in why_source else 0.0))
    why = "; ".join(
        [
            f'phrase "{text[cue[0] : cue[1]]}" ({lex.relation}, {lex.note})',
            why_source,
            why_target,
            why_status,
        ]
    )
    return [
        Candidate(
            "",
            s,
            t,
            lex.relation,
            status,
            quote,
            start=start,
            dated_from=dated_from or None,
            said_by=said_by,
            directed=lex.relation not in _MUTUAL,
            confidence=round(confidence, 2),
            why=why,
            named=cost == 0.0,
        )
        for s in source
        for t in target
        if s != t
    ]


def _quote(
    ctx: Context,
    seg: tuple[int, int],
    cue: tuple[int, int],
    ids: list[str],
    said: tuple[int, int] | None = None,
) -> str:
    """The clause of the phrase, widened to the clauses of the actors it names in the sentence.

    And to the attribution (``said``: "according to Sudan", "analysts said"),
    so that the quote shows whose claim it is.
    """
    s = ctx.sentences[ctx.k]
    clauses = segments(ctx.text, s.start, s.end)
    a, b = seg
    near = [m for m in s.mentions if m[2] in ids]
    for side in (-1, 1):  # the nearest mention of each actor on either side of the phrase
        for aid in dict.fromkeys(ids):
            found = [
                m for m in near if m[2] == aid and (m[1] <= cue[0] if side < 0 else m[0] >= cue[1])
            ]
            if not found:
                continue
            m = found[-1] if side < 0 else found[0]
            clause = next(c for c in clauses if c[0] <= m[0] < c[1])
            a, b = min(a, clause[0]), max(b, clause[1])
    if not any(a <= m[0] < b for m in near):  # the actors are named elsewhere: the sentence
        a, b = s.start, s.end
    if said is not None:
        a, b = min(a, said[0]), max(b, said[1])
    quote = ctx.text[a:b]
    lead = len(quote) - len(quote.lstrip(" \n“\"‘'"))
    quote = quote[lead:].rstrip(',;: \n”"’')
    return quote
