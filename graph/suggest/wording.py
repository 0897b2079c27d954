"""The wording around a phrase: who says it, and whether it is denied, conditional, hedged or hearsay.

Rules over the words of a sentence, in the tradition of NegEx (negation
cues before the phrase, within its clause) and of the reported-speech
rules of PETRARCH: a speaker is any noun phrase before a verb of saying or
believing ("Sudan's foreign minister said"), after "according to", or at the
end of the sentence ("..., analysts said").
"""

from __future__ import annotations

import re

from .lexicon import Cue

__all__ = [
    "HEDGE",
    "RELATIVE",
    "SPEECH",
    "NEGATION",
    "SCOPE",
    "DENIAL",
    "CONDITION",
    "HEARSAY",
    "named_speaker",
    "noun_speaker",
]

HEDGE = re.compile(
    r"\b(?:may|might|could|should|likely|unlikely|possibl\w*|expected to|will|would|suspect\w*|"
    r"predict\w*|set to|poised to|plans? to)\b",
    re.I,
)
RELATIVE = re.compile(r"\b(?:that|which|who|where) (?:was|were|is|are|had|has|have)\b", re.I)
SPEECH = r"(?:says|said|stated|states|added|told|claimed|claims|argued|argues|believes|warned)"
# Verbs of saying and believing whose subject, any noun phrase, is a speaker: "officials said".
_SAY = (
    r"(?:say|says|said|stated|states|added|adds|told|tells|claim|claims|claimed|argue|argues|"
    r"argued|believe|believes|believed|insist|insists|insisted|noted|notes|allege|alleges|"
    r"alleged|reported|reports|suggest|suggests|suggested|warned|warns|think|thinks)"
)
#: A speaker as written: up to six words, a possessive or "of" phrase among them.
_PHRASE = r"[\w'’.-]+(?: [\w'’.-]+){0,5}?"
_NOUN_SPEAKERS = [  # (pattern, whether an actor named as the whole speaker is the subject)
    (re.compile(rf"^\W*(?P<who>{_PHRASE}) (?:has |had |have )?(?:\w+ly )?{_SAY}\b"), True),
    (
        re.compile(r"\b(?i:according to) (?P<who>[^,;:.“”\"]{2,60}?)\s*(?:[,;:]|[.!?”\"]*\s*$)"),
        False,
    ),
    (
        re.compile(
            rf",\s*(?P<who>[^,;:“”\"]{{2,60}}?) (?:has |had |have )?{_SAY}(?: \w+)?[\s.!?”\"]*$"
        ),
        False,
    ),
    (re.compile(rf",\s*{_SAY} (?P<who>[^,;:“”\"]{{2,60}}?)[\s.!?”\"]*$"), False),
]
#: Not a speaker: a pronoun the older rules resolve ("he said", "I think" in a quotation), a
#: relative clause ("which it said"), or a passive ("Egypt is said to").
_NOT_SPEAKER = re.compile(
    r"^(?:it|this|that|there|which|who|what|he|she|we|i|you)\b|\b(?:is|are|was|were|be|been)$",
    re.I,
)

#: A negation before the phrase in its clause: the event is not stated as having happened.
NEGATION = re.compile(
    r"\b(?:not(?! only)|never|no longer|no|neither|nor|cannot|failed to|refrained from)\b|n[’']t\b",
    re.I,
)
#: Where a verb group's scope starts: the phrase's negation must come after it.
SCOPE = re.compile(r"\b(?:that|which|who|and|but|while|whereas)\b", re.I)
#: A denial of what follows: "denied that it had attacked", "rejected claims that".
DENIAL = re.compile(
    r"\b(?:den(?:y|ies|ied|ying)|refut\w*|(?:reject|dismiss|rebuff)\w*\s+(?:the\s+)?"
    r"(?:claims?|reports?|allegations?|accusations?|charges?|suggestions?))\b",
    re.I,
)
#: A condition before the phrase: "if ..., ... will" is a forecast.
CONDITION = re.compile(
    r"\b(?:if|unless|in case|provided that|on condition that)\b|^\W*should\b", re.I
)
#: Hearsay: the text passes on what others say or believe.
HEARSAY = re.compile(
    r"\b(?:reportedly|allegedly|supposedly|purportedly|rumou?red|(?:is|are|was|were) "
    r"(?:said|reported|believed|thought|alleged|understood|rumou?red) to)\b",
    re.I,
)
_NAME = r"[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)+"
_SPEAKER = [
    re.compile(rf"(?P<who>{_NAME}), (?:an? |the )[^,]*, {SPEECH}\b"),
    re.compile(rf"(?P<who>{_NAME}) (?:has |had |have )?(?:previously )?{SPEECH}\b"),
    re.compile(rf"\b{SPEECH} (?P<who>{_NAME})"),
    re.compile(rf"\b(?i:according to) (?P<who>{_NAME})"),
    re.compile(rf"(?i:\b(?P<who>he|she)) {SPEECH}\b"),
]


def named_speaker(sentence: str, last: str | None) -> str | None:
    for pattern in _SPEAKER:
        m = pattern.search(sentence)
        if m:
            who = m.group("who")
            return last if who.lower() in ("he", "she") else who
    return None


def noun_speaker(
    chunk: str, mentions: list[tuple[int, int, str]], cues: list[Cue]
) -> tuple[str, tuple[int, int], bool] | None:
    """A speaker named by any noun phrase: "officials said", "according to Sudan", "..., analysts said".

    Returns the speaker as written, the span of the attribution in ``chunk``
    and whether it is an actor speaking as the subject ("Egypt said it
    would..."): then its mention may still be the source.
    """
    for pattern, leading in _NOUN_SPEAKERS:
        m = pattern.search(chunk)
        if m is None:
            continue
        who = m.group("who").strip()
        if _NOT_SPEAKER.search(who) or any(c.pattern.search(who) for c in cues):
            continue  # "it said", or a clause with an event of its own: not a speaker
        a, b = m.start("who"), m.end("who")
        whole = [x for x in mentions if x[0] <= a and x[1] >= b - 1]
        return who, (m.start(), m.end()), leading and bool(whole)
    return None
