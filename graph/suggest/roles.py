"""Who does what to whom: the source and the target of a phrase, pronouns and passives resolved."""

from __future__ import annotations

import re

from .sentences import Context, Sentence
from .wording import ANAPHOR, EXPLETIVE, passive

__all__ = ["roles", "doer", "warned_that", "written"]

#: Relation types that two subjects can have with each other ("India and Pakistan clashed").
_TOGETHER = {
    "agree",
    "negotiate",
    "consult",
    "cooperate",
    "cooperate-materially",
    "de-escalate",
    "pledge",
    "fight",
    "reduce-relations",
}

_BOTH = r"both(?!\s+\w+s\b)"
_SUBJECT_PRONOUN = re.compile(rf"^\W*(?:and |but |as |while )?({_BOTH}|they|it|he|she|we)\b", re.I)
_PRONOUN = re.compile(rf"\b({_BOTH}|they|their|its|it|he|she)\b", re.I)
_POSSESSIVE = re.compile(r"\b(its|their)\b", re.I)
_JOIN = re.compile(r"^(?:\s*,\s*|\s+and\s+|\s+or\s+|\s*,\s*and\s+)$")
#: A clause that starts before its subject ("By blowing up the office, the North ..."): the
#: subject of the clause after it is the doer.
_FRONTED = re.compile(
    r"^\W*(?:by|after|before|while|since|having|despite|without|upon|when|\w+ing)\b", re.I
)


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


def _last_group(
    sentences: list[Sentence], k: int, before: int, text: str, near: bool = False
) -> list[str]:
    """The last actors named together before ``before``; ``near``: in this or the previous sentence."""
    for j in range(k, max(k - 2, -1) if near else -1, -1):
        if near and sentences[j].paragraph != sentences[k].paragraph:
            break
        ms = [m for m in sentences[j].mentions if m[1] <= before]
        for i in range(len(ms) - 2, -1, -1):
            group = _group(ms, i, text)
            if len(group) > 1:
                return group
    return []


def _previous_subject(sentences: list[Sentence], k: int) -> list[str]:
    if k > 0 and sentences[k - 1].paragraph == sentences[k].paragraph:
        ms = sentences[k - 1].mentions
        return [ms[0][2]] if ms else _previous_subject(sentences, k - 1)
    return []


def _source(ctx: Context, cue: tuple[int, int], seg: tuple[int, int]) -> tuple[list[str], str]:
    """Who acts: a pronoun subject's referent, the nearest actor before the cue, or the subject.

    No one (an empty list, and why) when the doer is no actor the text names
    or that a pronoun or a state's organ ("the regime") can be read as,
    unambiguously, from this or the previous sentence.
    """
    text, s, k = ctx.text, ctx.sentences[ctx.k], ctx.k
    dummy = EXPLETIVE.match(text[seg[0] : cue[0]])  # "It is possible that ..." names no one
    start = seg[0] + (dummy.end() if dummy else 0)
    lead = _SUBJECT_PRONOUN.match(text[start : cue[0]])
    ms = ctx.parties()
    left = [i for i, m in enumerate(ms) if start <= m[0] < cue[0]]
    pronoun = lead.group(1).lower() if lead else None
    if pronoun is None and left:
        i = left[-1]
        while i > 0 and ms[i - 1][0] >= start and _JOIN.match(text[ms[i - 1][1] : ms[i][0]]):
            i -= 1
        return _group(ms, i, text), f'source "{text[ms[i][0] : ms[i][1]]}" before the phrase'
    if pronoun is None:
        found = _PRONOUN.search(text, start, cue[0])
        pronoun = found.group(1).lower() if found else None
    if pronoun in ("both", "they", "their"):
        # "Egypt and Sudan massed troops. They then ...": the actors named together just before
        group = _last_group(ctx.sentences, k, cue[0], text, near=pronoun != "both")
        if not group and pronoun == "both":
            group = _last_group(ctx.sentences, k, cue[0], text)
        if group:
            return group, f'source "{pronoun}" read as {" and ".join(group)}'
    if pronoun == "we":  # "“We will attack Sudan,” Egypt said": the speaker's state
        ours = [m[2] for m in s.mentions if s.speaker and written(text, m) in s.speaker][:1]
        return (
            ours,
            f'source "we" read as the speaker {"".join(ours)}' if ours else '"we" names no actor',
        )
    if pronoun:
        subject = [m[2] for m in s.mentions if m[0] < cue[0]][:1] or _previous_subject(
            ctx.sentences, k
        )
        if not subject:
            return [], f'"{pronoun}" names no actor of this or the previous sentences'
        return subject, f'source "{pronoun}" read as the subject {"".join(subject)}'
    before = [m for m in ms if m[0] < cue[0]]
    if before:
        return [before[0][2]], "source: the sentence's subject"
    after = [m for m in ms if m[0] >= seg[1]]
    if after and seg[0] == s.start and _FRONTED.match(text[seg[0] : cue[0]]):
        m = after[0]
        return [m[2]], f'source "{text[m[0] : m[1]]}": the subject of the clause after'
    organ = ANAPHOR.search(text[start : cue[1]])  # "troops will return" is a phrase too
    subject = _previous_subject(ctx.sentences, k) if organ else []
    if organ and subject:
        return (
            subject,
            f'source "{organ.group(0).strip()}" read as the previous subject {subject[0]}',
        )
    return [], "no actor named as its doer"


def _target(
    ctx: Context, cue: tuple[int, int], seg: tuple[int, int], source: list[str]
) -> tuple[list[str], str, float]:
    """Who is acted upon, and how much the guess costs in confidence."""
    text, s = ctx.text, ctx.sentences[ctx.k]
    ms = ctx.parties()
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


def written(text: str, mention: tuple[int, int, str]) -> str:
    """An actor's mention as written, without a possessive ("Egypt's" is Egypt)."""
    return re.sub(r"[’']s$", "", text[mention[0] : mention[1]])


def warned_that(ctx: Context, cue: tuple[int, int]) -> bool:
    """ "Egypt warned (on Monday) that ...": a statement, not a threat to anyone named."""
    text = ctx.text
    m = re.match(r"(?:\s+[\w’'-]+){0,3}?\s*,?\s+that\b", text[cue[1] : cue[1] + 60])
    return (
        text[cue[0] : cue[1]].lower().startswith("warn")
        and m is not None
        and not any(cue[1] <= x[0] < cue[1] + m.end() for x in ctx.sentences[ctx.k].mentions)
    )


def doer(ctx: Context, source: list[str], cue: tuple[int, int]) -> tuple[str, set[str]]:
    """The source as written, nearest the phrase: the accuser of the act an accusation names."""
    ms = [m for m in ctx.sentences[ctx.k].mentions if m[2] == source[0]]
    m = ([m for m in ms if m[1] <= cue[0]] or ms)[-1:]
    return (written(ctx.text, m[0]) if m else source[0]), set(source)


def _next_to(text: str, cue: tuple[int, int], ms, target: list[str]) -> bool:
    """Whether the first of ``target`` is named right after the phrase, or after "on", "against"."""
    at = next((m[0] for m in ms if m[0] >= cue[1] and m[2] in target), None)
    gap = text[cue[1] : at] if at is not None else "?"
    return re.fullmatch(r"\s*(?:(?:on|against|with|to|at|of|the)\s+)*", gap) is not None


def roles(ctx: Context, cue: tuple[int, int], seg: tuple[int, int], relation: str, claimed):
    """Source, target, why each and the cost of the guess; no source when the doer is unnamed."""
    text = ctx.text
    if passive(text, seg[0], cue):  # "Sudan was attacked by Egypt": the subject is acted upon
        ms = ctx.parties()
        by = re.match(r"\s+by\s+", text[cue[1] :])
        at = cue[1] + by.end() if by else -1
        agent = next((i for i, m in enumerate(ms) if m[0] == at), None)
        if agent is None:
            return [], "a passive, no doer named", [], "", 1.0
        source = _group(ms, agent, text)
        subject, why_subject = _source(ctx, cue, seg)
        why = f'source "{text[ms[agent][0] : ms[agent][1]]}" after "by" (a passive)'
        why_subject = why_subject.replace("source", "target", 1) + " (the passive's subject)"
        return source, why, [a for a in subject if a not in source], why_subject, 0.0
    source, why_source = _source(ctx, cue, seg)
    if not source:
        return [], why_source, [], "", 1.0
    target, why_target, cost = _target(ctx, cue, seg, source)
    if claimed and (cost > 0 or not _next_to(text, cue, ctx.parties(), target)):
        # an accused act only with its target right after it ("of attacking Sudan", "for the
        # attack on Sudan"), not a place ("of backing rebels in Sudan")
        return source, why_source, [], why_target, cost
    # "India and Pakistan agreed": the subjects act together; not "Egypt and Sudan massed troops"
    if cost > 0 and len(source) > 1 and relation in _TOGETHER:
        source, target = source[:1], source[1:]
        why_target, cost = "target: acting together with the source as the subject", 0.1
    return source, why_source, target, why_target, cost
