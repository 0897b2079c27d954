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
    "UNNAMED",
    "EXPLETIVE",
    "ANAPHOR",
    "ACCUSATION",
    "hearsay",
    "claim_noun",
    "passive",
    "named_speaker",
    "noun_speaker",
]

HEDGE = re.compile(
    r"\b(?:may|might|could|should|likely|unlikely|possibl\w*|expected to|will|would|suspect\w*|"
    r"predict\w*|set to|poised to|plans? to|planning to)\b",
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
    (
        re.compile(
            rf"^\W*(?!(?i:according)\b)(?P<who>{_PHRASE}) (?:has |had |have )?(?:\w+ly )?{_SAY}\b"
        ),
        True,
    ),
    (
        re.compile(r"\b(?i:according to) (?P<who>[^,;:.“”\"]{2,60}?)\s*(?:[,;:]|[.!?”\"]*\s*$)"),
        False,
    ),
    (
        re.compile(
            rf",[”\"]?\s*(?P<who>[^,;:“”\"]{{2,60}}?) (?:has |had |have )?{_SAY}(?: [\w'’-]+){{0,3}}[\s.!?”\"]*$"
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
#: Hearsay: the text passes on what others say or believe, and names no one who says it.
HEARSAY = re.compile(
    r"\b(?:reportedly|allegedly|supposedly|purportedly|rumou?red|(?:is|are|was|were) "
    r"(?:said|reported|believed|thought|alleged|understood|rumou?red) to|"
    r"(?:it|this) (?:is|was|has been|had been) (?:widely |also )?"
    r"(?:said|reported|believed|alleged|rumou?red|claimed|understood)|"
    r"there (?:are|were|have been|had been) (?:\w+ ){0,2}?(?:reports?|rumou?rs?|allegations?|claims?)|"
    r"(?:reports?|rumou?rs?) (?:say|said|suggest\w*|that))\b",
    re.I,
)
#: A clause of its own that puts the sentence as hearsay: "Reportedly, ...", "..., it was reported."
_HEARSAY_CLAUSE = re.compile(
    r"^\W*(?:reportedly|allegedly|supposedly|purportedly|"
    r"(?:it|this) (?:is|was|has been) (?:\w+ )?(?:said|reported|claimed|alleged|rumou?red))\W*$",
    re.I,
)
#: What ``said_by`` holds for hearsay: someone asserts it, and the text does not say who.
UNNAMED = "unnamed sources"
#: A speaker that names no one: "reports", "diplomatic sources", "unconfirmed media reports".
_ANONYMOUS = re.compile(r"^(?:[a-z-]+ ){0,3}(?:reports?|sources?|rumou?rs?)$")
#: An allegation as a noun ("Egypt's allegations that", "there are claims that"): what follows is claimed.
_CLAIM_NOUN = re.compile(r"\b(?:allegations?|accusations?|claims?|charges?)\s+that\b", re.I)
#: "It" of no referent: "It is possible that troops will return", "It is reported that".
EXPLETIVE = re.compile(
    r"^\W*(?:and |but )?it (?:is|was|has been|had been|seems|seemed|appears|appeared|remains)"
    r"(?: \w+){0,2}? (?:that|whether)\b",
    re.I,
)
#: A state's organ named without its state ("the regime", "the government", "troops"): the
#: state is the one the text was speaking of.
ANAPHOR = re.compile(
    r"\b(?:the|its|their) (?:\w+ )?(?:regime|government|country|state|leadership|authorities|"
    r"administration|army|military|navy|nation|ministry|president|leader)\b|"
    r"^\W*(?:and |but |then )?(?:the )?(?:troops|forces|soldiers)\b",
    re.I,
)
#: Phrases that accuse: what they accuse of ("of backing militants", "for the attack") is a claim.
ACCUSATION = re.compile(r"^(?:accus|blam|condemn|criticiz|criticis|denounc|rebuk)", re.I)
#: The auxiliary of a passive before a participle: "was attacked", "has been threatened".
_PASSIVE = re.compile(
    r"\b(?:is|are|was|were|be|been|being|gets?|got|stands?|stood)\s+(?:\w+ly\s+)?$", re.I
)
_PARTICIPLE = re.compile(r"\w+(?:ed|en|wn)\b|(?:hit|struck|shot|held|met|sent|cut|fought)\b", re.I)


def hearsay(text: str, sentence: tuple[int, int], seg: tuple[int, int], cue_end: int) -> str | None:
    """The words that make a phrase hearsay: in its clause before it, or a clause of their own.

    "Ethiopia reportedly threatened Sudan", "Reportedly, Ethiopia ...",
    "Ethiopia, reportedly, ...", "It is reported that ...", "..., it was
    reported." A hearsay word in another clause with its own event is not
    the phrase's ("Egypt reportedly attacked Sudan, and Ethiopia condemned
    the attack").
    """
    found = HEARSAY.search(text, seg[0], cue_end)
    if found:
        return found.group(0)
    a, b = sentence
    cuts = [a] + [a + m.end() for m in re.finditer(r"[,;:]", text[a:b])] + [b]
    for x, y in zip(cuts, cuts[1:]):
        if (y <= seg[0] or x >= seg[1]) and _HEARSAY_CLAUSE.match(text[x:y]):
            return text[x:y].strip(" ,;:.")
    return None


def claim_noun(text: str, sentence: tuple[int, int], cue_start: int) -> re.Match[str] | None:
    """The last "allegations that", "claims that" before the phrase in its sentence."""
    found = list(_CLAIM_NOUN.finditer(text, sentence[0], cue_start))
    return found[-1] if found else None


def anonymous(who: str) -> bool:
    """Whether a speaker as written names no one ("reports", "diplomatic sources").

    Examples
    --------
    >>> anonymous("According to media reports"[13:]), anonymous("Sudan's state media")
    (True, False)
    """
    return _ANONYMOUS.match(who.strip().lower()) is not None and "'" not in who


def passive(text: str, seg_start: int, cue: tuple[int, int]) -> bool:
    """Whether the phrase is a participle after a passive's auxiliary ("Sudan was attacked")."""
    return bool(
        _PARTICIPLE.match(text, cue[0])
        and _PASSIVE.search(text, max(seg_start, cue[0] - 30), cue[0])
    )


_NAME = r"[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)+"
_SPEAKER = [
    re.compile(rf"(?P<who>{_NAME}), (?:an? |the )[^,]*, {SPEECH}\b"),
    re.compile(rf"(?P<who>{_NAME}) (?:has |had |have )?(?:previously )?{SPEECH}\b"),
    re.compile(rf"\b{SPEECH.replace('told|', '')} (?P<who>{_NAME})"),  # "told X": X listens
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
