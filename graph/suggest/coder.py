"""The rules of the coder: sentences, actors, phrases, source and target, status, dates."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..dataset import Dataset
from ..evidence import ActorMatcher, split_sentences
from ..schema import RELATION_COLUMNS
from .lexicon import Cue, read_lexicon
from .when import phrase_date
from .wording import (
    CONDITION,
    DENIAL,
    HEARSAY,
    HEDGE,
    NEGATION,
    RELATIVE,
    SCOPE,
    SPEECH,
    named_speaker,
    noun_speaker,
)

__all__ = ["DRAFT_COLUMNS", "Candidate", "Draft", "suggest"]

#: The columns a draft fills, in the order of a new ``relations.csv``; a draft
#: for a dataset takes its ``relations.csv``'s header instead (:attr:`Draft.columns`).
DRAFT_COLUMNS = [*RELATION_COLUMNS, "dated_from"]

# "both" as a pronoun ("both now see"), not a determiner ("both sides").
_BOTH = r"both(?!\s+\w+s\b)"
_SUBJECT_PRONOUN = re.compile(rf"^\W*(?:and |but |as |while )?({_BOTH}|they|it|he|she)\b", re.I)
_PRONOUN = re.compile(rf"\b({_BOTH}|they|their|its|it|he|she)\b", re.I)
_POSSESSIVE = re.compile(r"\b(its|their)\b", re.I)
_JOIN = re.compile(r"^(?:\s*,\s*|\s+and\s+|\s+or\s+|\s*,\s*and\s+)$")
_GOVERNED = re.compile(r"\b(?:of|to|that)\b")
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


@dataclass
class _Sentence:
    start: int
    end: int
    paragraph: int
    mentions: list[tuple[int, int, str]]
    speaker: str | None
    #: Where the speaker and its verb stand in the text ("Sudan's foreign minister said").
    said: tuple[int, int] | None = None
    #: The mentions inside ``said``, which name the speaker, not a party to the event.
    aside: list[tuple[int, int, str]] = field(default_factory=list)

    @property
    def parties(self) -> list[tuple[int, int, str]]:
        """The mentions that may be a source or a target: not those naming the speaker."""
        return [m for m in self.mentions if m not in self.aside]


def _segments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Clauses of a sentence: split at commas, semicolons and colons."""
    cuts = [start] + [m.end() for m in re.finditer(r"[,;:]", text[start:end])]
    cuts = [start] + [start + c for c in cuts[1:]] + [end]
    return [(a, b) for a, b in zip(cuts, cuts[1:]) if text[a:b].strip()]


def _read(text: str, matcher: ActorMatcher, cues: list[Cue]) -> list[_Sentence]:
    """Sentences with their actor mentions and speakers (quotes inherit their attribution)."""
    out: list[_Sentence] = []
    last: str | None = None
    quoted: list[_Sentence] = []  # sentences inside quotation marks still without a speaker
    for a, b, p in split_sentences(text):
        chunk = text[a:b]
        found = matcher.mentions(chunk)
        mentions = [(a + s, a + e, aid) for s, e, aid in found]
        stated = None
        m = re.match(
            r"^\W*(?P<who>The [A-Z][\w ]+?|[A-Z]\w+) (?:had |has )?(?:previously )?" + SPEECH,
            chunk,
        )
        if m and any(s == a + m.start("who") for s, _, _ in mentions):
            stated = m.group("who")
        speaker = stated or named_speaker(chunk, last)
        said, aside = None, []
        noun = None if stated else noun_speaker(chunk, found, cues)
        if noun is not None:
            who, (x, y), subject = noun
            said = (a + x, a + y)
            if not subject:
                aside = [m for m in mentions if said[0] <= m[0] < said[1]]
            # a person named in full ("Anna Ivanova said") is kept as the older rules found them
            speaker = speaker if speaker and speaker in who else who
        if speaker and not stated:
            last = speaker
        if quoted and quoted[-1].paragraph != p:
            quoted = []
        sentence = _Sentence(a, b, p, mentions, speaker, said, aside)
        if chunk.lstrip().startswith(("“", '"')) or quoted:
            if speaker:
                for q in quoted:
                    q.speaker = speaker
                quoted = []
            elif "”" not in chunk[1:] and not chunk.rstrip().endswith('"'):
                quoted.append(sentence)
            else:
                sentence.speaker = last if p == (out[-1].paragraph if out else -1) else None
        out.append(sentence)
    return out


def _group(mentions, i: int, text: str) -> list[str]:
    """The actor of mention ``i`` and those coordinated after it ("Seoul and the United States").

    A list ends with "and" or "or" ("Seoul, Tokyo and Beijing"): an actor
    after a comma alone starts a clause of its own ("If Egypt attacks Sudan,
    Ethiopia will respond").
    """
    ids, listed = [mentions[i][2]], 1
    for (_, e, _), (s, _, aid) in zip(mentions[i:], mentions[i + 1 :]):
        if not _JOIN.match(text[e:s]):
            break
        ids.append(aid)
        if re.search(r"\b(?:and|or)\b", text[e:s]):
            listed = len(ids)
    return ids[:listed]


def _last_group(sentences: list[_Sentence], k: int, before: int, text: str) -> list[str]:
    for j in range(k, -1, -1):
        ms = [m for m in sentences[j].mentions if m[1] <= before]
        for i in range(len(ms) - 2, -1, -1):
            group = _group(ms, i, text)
            if len(group) > 1:
                return group
    return []


def _previous_subject(sentences: list[_Sentence], k: int) -> list[str]:
    if k > 0 and sentences[k - 1].paragraph == sentences[k].paragraph:
        ms = sentences[k - 1].mentions
        return [ms[0][2]] if ms else _previous_subject(sentences, k - 1)
    return []


def _source(ctx: _Context, cue: tuple[int, int], seg: tuple[int, int]) -> tuple[list[str], str]:
    """Who acts: a pronoun subject's referent, the nearest actor before the cue, or the subject."""
    text, s, k = ctx.text, ctx.sentences[ctx.k], ctx.k
    lead = _SUBJECT_PRONOUN.match(text[seg[0] : cue[0]])
    ms = s.parties
    left = [i for i, m in enumerate(ms) if seg[0] <= m[0] < cue[0]]
    pronoun = lead.group(1).lower() if lead else None
    if pronoun is None and left:
        i = left[-1]
        while i > 0 and ms[i - 1][0] >= seg[0] and _JOIN.match(text[ms[i - 1][1] : ms[i][0]]):
            i -= 1
        return _group(ms, i, text), f'source "{text[ms[i][0] : ms[i][1]]}" before the phrase'
    if pronoun is None:
        found = _PRONOUN.search(text, seg[0], cue[0])
        pronoun = found.group(1).lower() if found else None
    if pronoun in ("both", "they", "their"):
        group = _last_group(ctx.sentences, k, cue[0], text)
        if pronoun == "both" or (group and any(m[2] in group for m in s.mentions)):
            return group, f'source "{pronoun}" read as {" and ".join(group)}'
    if pronoun:
        subject = [m[2] for m in s.mentions if m[0] < cue[0]][:1] or _previous_subject(
            ctx.sentences, k
        )
        return subject, f'source "{pronoun}" read as the subject {"".join(subject)}'
    if ms:
        return [ms[0][2]], "source: the sentence's subject"
    subject = _previous_subject(ctx.sentences, k)
    return subject, "source: the previous sentence's subject (none named here)"


def _target(
    ctx: _Context, cue: tuple[int, int], seg: tuple[int, int], source: list[str]
) -> tuple[list[str], str, float]:
    """Who is acted upon, and how much the guess costs in confidence."""
    text, s = ctx.text, ctx.sentences[ctx.k]
    ms = s.parties
    right = [i for i, m in enumerate(ms) if m[0] >= cue[1] and m[2] not in source]
    in_seg = [i for i in right if ms[i][1] <= seg[1]]
    if in_seg:
        group = [a for a in _group(ms, in_seg[0], text) if a not in source]
        return group, f'target "{text[ms[in_seg[0]][0] : ms[in_seg[0]][1]]}" after the phrase', 0.0
    if _POSSESSIVE.search(text, cue[1], seg[1]) and ms and ms[0][2] not in source:
        return [ms[0][2]], "target: the sentence's subject, by its possessive", 0.2
    if right:
        return [ms[right[0]][2]], "target: the next actor in the sentence", 0.15
    left = [m[2] for m in ms if m[1] <= cue[0] and m[2] not in source]
    if left:
        return [left[-1]], "target: the actor before the phrase", 0.25
    k = ctx.k
    if k > 0 and ctx.sentences[k - 1].paragraph == s.paragraph:
        prev = [m[2] for m in ctx.sentences[k - 1].mentions if m[2] not in source]
        if prev:
            return [prev[-1]], "target: named in the previous sentence", 0.3
    partner = next((a for a, _ in ctx.partners(source) if a not in source), None)
    if partner:
        return [partner], "target not named: the source's most frequent partner in the text", 0.4
    return [], "", 1.0


@dataclass
class _Context:
    text: str
    sentences: list[_Sentence]
    k: int = 0

    def partners(self, source: list[str]) -> list[tuple[str, int]]:
        counts: Counter[str] = Counter()
        for s in self.sentences:
            ids = {m[2] for m in s.mentions}
            if ids & set(source):
                counts.update(ids - set(source))
        return sorted(counts.items(), key=lambda t: (-t[1], t[0]))


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


def _negated(ctx: _Context, seg: tuple[int, int], cue: tuple[int, int]) -> str | None:
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


def _status(ctx: _Context, seg: tuple[int, int], cue_end: int, relation: str, source: list[str]):
    s, text = ctx.sentences[ctx.k], ctx.text
    # A hedge before a relative clause ("may ... areas that were demilitarized") is not the phrase's.
    starts = [m.end() for m in RELATIVE.finditer(text, seg[0], cue_end)]
    hedged = HEDGE.search(text, starts[-1] if starts else seg[0], cue_end)
    # "If North Korea tests missiles, South Korea will respond": both halves are conditional
    condition = CONDITION.search(text[s.start : cue_end])
    hearsay = HEARSAY.search(text, seg[0], cue_end)
    speaker = s.speaker
    own = speaker is not None and any(
        m[2] in source and text[m[0] : m[1]].lower() in speaker.lower() for m in s.mentions
    )
    if condition:
        return "forecast", speaker, f'status forecast: condition "{condition.group(0)}"'
    if hedged:
        return "forecast", speaker, f'status forecast: "{hedged.group(0)}"'
    if hearsay:
        by = f" of {speaker}" if speaker else ""
        return "claim", speaker, f'status claim: hearsay{by} ("{hearsay.group(0)}")'
    if speaker and not (own and relation in _VERBAL):
        return "claim", speaker, f"status claim: reported speech of {speaker}"
    if speaker:
        return "fact", None, "status fact: the actor's own statement is the event"
    return "fact", None, "status fact: no hedge and no reported speech"


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
    ctx = _Context(text, _read(text, ActorMatcher(dataset.records("actors")), cues))
    out: list[Candidate] = []
    seen: set[tuple[str, str, str, int]] = set()
    for k, sentence in enumerate(ctx.sentences):
        ctx.k = k
        for seg in _segments(text, sentence.start, sentence.end):
            governed = -1
            for a, b, cue in _cues(text, seg, cues):
                # "accused X of backing", "threats to destroy": the act is the accusation's object
                gap = text[governed:a] if 0 <= governed <= a else ""
                if gap and _GOVERNED.search(gap) and " and " not in gap and len(gap) < 40:
                    continue
                if cue.relation in _VERBAL:
                    governed = b
                if _negated(ctx, seg, (a, b)):
                    continue  # "did not attack", "denied that it had attacked": no event stated
                for c in _code(ctx, (a, b), seg, cue, published, publisher):
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


def _unnamed(ctx: _Context, dataset: Dataset, out: list[Candidate]) -> list[str]:
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
    ctx: _Context, cue: tuple[int, int], seg: tuple[int, int], lex: Cue, published, publisher
):
    """The candidates one phrase gives: one per source and target pair."""
    text = ctx.text
    source, why_source = _source(ctx, cue, seg)
    if not source:
        return []
    target, why_target, cost = _target(ctx, cue, seg, source)
    if cost > 0 and len(source) > 1:  # "India and Pakistan agreed": the subjects act together
        source, target = source[:1], source[1:]
        why_target, cost = "target: acting together with the source as the subject", 0.1
    status, said_by, why_status = _status(ctx, seg, cue[1], lex.relation, source)
    if status != "fact" and said_by is None:  # "may", "reportedly": the publication says so
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
        )
        for s in source
        for t in target
        if s != t
    ]


def _quote(
    ctx: _Context,
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
    clauses = _segments(ctx.text, s.start, s.end)
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
