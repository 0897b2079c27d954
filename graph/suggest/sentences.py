"""An article read for the coder: sentences, clauses, their actor mentions and speakers."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..evidence import ActorMatcher, split_sentences
from .lexicon import Cue
from .wording import SPEECH, UNNAMED, anonymous, named_speaker, noun_speaker

__all__ = ["Sentence", "Context", "segments", "read_sentences"]


@dataclass
class Sentence:
    start: int
    end: int
    paragraph: int
    mentions: list[tuple[int, int, str]]
    speaker: str | None
    #: Where the speaker and its verb stand in the text ("Sudan's foreign minister said").
    said: tuple[int, int] | None = None
    #: The mentions inside ``said``, which name the speaker, not a party to the event.
    aside: list[tuple[int, int, str]] = field(default_factory=list)
    #: An attribution that names no one, as written ("according to reports", "sources said").
    hearsay: str | None = None

    @property
    def parties(self) -> list[tuple[int, int, str]]:
        """The mentions that may be a source or a target: not those naming the speaker."""
        return [m for m in self.mentions if m not in self.aside]


def segments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Clauses of a sentence: split at commas, semicolons and colons."""
    cuts = [start] + [m.end() for m in re.finditer(r"[,;:]", text[start:end])]
    cuts = [start] + [start + c for c in cuts[1:]] + [end]
    return [(a, b) for a, b in zip(cuts, cuts[1:]) if text[a:b].strip()]


def read_sentences(text: str, matcher: ActorMatcher, cues: list[Cue]) -> list[Sentence]:
    """Sentences with their actor mentions and speakers (quotes inherit their attribution)."""
    out: list[Sentence] = []
    last: str | None = None
    quoted: list[Sentence] = []  # sentences inside quotation marks still without a speaker
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
        sentence = Sentence(a, b, p, mentions, speaker, said, aside)
        if speaker and anonymous(speaker):  # "according to reports": hearsay, no one named
            sentence.speaker, sentence.hearsay = UNNAMED, speaker
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


@dataclass
class Context:
    text: str
    sentences: list[Sentence]
    k: int = 0
    #: Actors no party to the phrase in hand: the accuser of an act an accusation names.
    exclude: set[str] = field(default_factory=set)
    #: The doer of the last phrase coded, as written ("Egypt", "New Delhi"), or UNNAMED.
    doer: tuple[str, set[str]] | None = None
    #: Phrases left out because their doer is not named or not resolved: for the draft's notes.
    left_out: list[str] = field(default_factory=list)

    def parties(self) -> list[tuple[int, int, str]]:
        return [m for m in self.sentences[self.k].parties if m[2] not in self.exclude]

    def partners(self, source: list[str]) -> list[tuple[str, int]]:
        counts: Counter[str] = Counter()
        for s in self.sentences:
            ids = {m[2] for m in s.mentions}
            if ids & set(source):
                counts.update(ids - set(source))
        return sorted(counts.items(), key=lambda t: (-t[1], t[0]))
