"""Quotes checked against their source's text: verbatim, and naming the relation's actors.

A source in ``sources.csv`` may name a plain-text file beside the dataset in
its ``text`` column. For every relation with a quote and such a source,
:func:`check_evidence` reports a quote that is not verbatim in the text (an
error naming the closest passage, and saying when only quotes, apostrophes
or spaces differ) and a quote whose sentence names neither or only one of
the relation's actors (a warning), unless the relation lists the actor in
its ``implied`` column.

Examples
--------
>>> text = "Seoul said on Monday that Pyongyang had cut the hotline. Both sides were silent."
>>> locate_quote("Pyongyang had cut the hotline", text).start
26
>>> locate_quote("Pyongyang had  cut the hotline", text).normalised
True
>>> m = ActorMatcher([{"id": "PRK", "name": "North Korea", "aliases": "Pyongyang"},
...                   {"id": "KOR", "name": "South Korea", "aliases": "Seoul"}])
>>> sorted(m.named(text))
['KOR', 'PRK']
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .problems import WARNING, Problem
from .read import table_names

if TYPE_CHECKING:  # validate imports this module; the type is only for annotations
    from .read import Table
    from .validate import Tables

__all__ = [
    "ActorMatcher",
    "QuoteMatch",
    "check_evidence",
    "locate_quote",
    "normalise",
    "split_sentences",
    "source_texts",
]

_QUOTES = str.maketrans({"‘": "'", "’": "'", "ʼ": "'", "′": "'", "“": '"', "”": '"', "„": '"'})
_SPACE = re.compile(r"\s+")
_PARAGRAPH = re.compile(r"\n\s*\n|\r\n\s*\r\n")
_BOUNDARY = re.compile(r"(?<=[.!?])[\"”’»)]*\s+(?=[\"“‘(]?[A-Z0-9])")
_SUFFIX = r"(?:n|ns|ese|'s)?"
_WORD = re.compile(r"\w+(?:['’-]\w+)*")
_TOKEN = re.compile(r"\S+")


def normalise(text: str) -> tuple[str, list[int]]:
    """``text`` with curly quotes made straight and runs of spaces made one.

    Returns the normalised text and, for each of its characters, the offset
    of the character of ``text`` it comes from.

    Examples
    --------
    >>> normalise("Kim’s  regime")[0]
    "Kim's regime"
    """
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text.translate(_QUOTES)):
        if ch.isspace():
            if out and out[-1] == " ":
                continue
            ch = " "
        out.append(ch)
        where.append(i)
    return "".join(out), where


def split_sentences(text: str) -> list[tuple[int, int, int]]:
    """Sentences of ``text`` as ``(start, end, paragraph)`` offsets, in order.

    Paragraphs are separated by a blank line; a sentence ends at ``.``,
    ``!`` or ``?`` (and a closing quote) before a capital letter.

    Examples
    --------
    >>> t = "He left. She stayed.\\n\\nThey met."
    >>> [t[a:b] for a, b, _ in split_sentences(t)]
    ['He left.', 'She stayed.', 'They met.']
    """
    spans = []
    starts = [0] + [m.end() for m in _PARAGRAPH.finditer(text)]
    ends = [m.start() for m in _PARAGRAPH.finditer(text)] + [len(text)]
    for p, (a, b) in enumerate(zip(starts, ends)):
        cut = a
        for m in _BOUNDARY.finditer(text, a, b):
            spans.append((cut, m.start(), p))
            cut = m.end()
        spans.append((cut, b, p))
    out = []
    for a, b, p in spans:
        chunk = text[a:b]
        lead = len(chunk) - len(chunk.lstrip())
        if chunk.strip():
            out.append((a + lead, a + len(chunk.rstrip()), p))
    return out


@dataclass(frozen=True)
class QuoteMatch:
    """Where a quote stands in a text.

    ``start``/``end`` are offsets in the text (``None`` when the quote is
    not verbatim); ``normalised`` is true when the quote matches only after
    :func:`normalise`; ``closest`` is the passage of the text nearest to it.
    """

    start: int | None
    end: int | None
    normalised: bool
    closest: str


def locate_quote(quote: str, text: str) -> QuoteMatch:
    """Find ``quote`` in ``text``: verbatim, after normalising, or the closest passage.

    Examples
    --------
    >>> t = "The North’s destruction of the office. Seoul protested."
    >>> locate_quote("The North's destruction", t)
    QuoteMatch(start=None, end=None, normalised=True, closest='The North’s destruction')
    >>> locate_quote("Seoul protestd.", t).closest
    'Seoul protested.'
    """
    at = text.find(quote)
    if at >= 0:
        return QuoteMatch(at, at + len(quote), False, quote)
    norm_text, where = normalise(text)
    norm_quote = normalise(quote)[0].strip()
    at = norm_text.find(norm_quote) if norm_quote else -1
    if at >= 0:
        a, b = where[at], where[at + len(norm_quote) - 1] + 1
        return QuoteMatch(None, None, True, text[a:b])
    return QuoteMatch(None, None, False, _closest(quote, text))


def _character(run: str) -> str:
    """One character (or a run of white space) as a person can find it: its code and name."""
    import unicodedata

    if len(run) > 1:
        kinds = sorted({_character(ch) for ch in run})
        return (
            f"{len(run)} spaces"
            if kinds == ["a space"]
            else f"{len(run)} spaces ({', '.join(kinds)})"
        )
    if run == " ":
        return "a space"
    name = unicodedata.name(run, "").lower()
    if run.isspace() or not run.isprintable():  # nothing to see: the name alone
        return f"a {name or 'control character'} (U+{ord(run):04X})"
    return f"{run} (U+{ord(run):04X} {name})"


def _differences(quote: str, passage: str, text: str) -> str:
    """Where ``quote`` and the text's ``passage`` differ though they match once normalised.

    Each different character is named with its code point, since a no-break
    space or a curly apostrophe looks like its plain neighbour; the place is
    the passage's line and column in the text file.

    >>> _differences("Kim's  regime", "Kim’s regime", "Kim’s regime")
    "the text has ’ (U+2019 right single quotation mark) where the quote has ' (U+0027 apostrophe) at line 1, column 4; the text has a space where the quote has 2 spaces at line 1, column 6"
    """
    norm_quote, in_quote = normalise(quote)
    norm_passage, in_passage = normalise(passage)
    lead = len(norm_quote) - len(norm_quote.lstrip())
    norm_quote = norm_quote.strip()
    in_quote = in_quote[lead : lead + len(norm_quote)]
    if norm_quote != norm_passage:
        return "the text differs only in quotes, apostrophes or spaces"
    quote_end, offset = len(quote.rstrip()), text.find(passage)
    seen: list[str] = []
    for i in range(len(norm_quote)):
        q_end = in_quote[i + 1] if i + 1 < len(in_quote) else quote_end
        p_end = in_passage[i + 1] if i + 1 < len(in_passage) else len(passage)
        mine, theirs = quote[in_quote[i] : q_end], passage[in_passage[i] : p_end]
        if mine == theirs:
            continue
        at = offset + in_passage[i]
        line = text.count("\n", 0, at) + 1
        column = at - (text.rfind("\n", 0, at) + 1) + 1
        said = f"the text has {_character(theirs)} where the quote has {_character(mine)}"
        if not any(s.startswith(said) for s in seen):
            seen.append(f"{said} at line {line}, column {column}")
        if len(seen) == 3:
            break
    return "; ".join(seen) or "the text differs only in quotes, apostrophes or spaces"


def _closest(quote: str, text: str) -> str:
    """The passage of ``text`` most like ``quote``, in whole words.

    rapidfuzz aligns the quote with the text (curly quotes and runs of
    spaces normalised on both sides); the passage's ends are then moved to
    the word starts and ends nearby that make it most like the quote, so a
    changed word at either end neither cuts a word nor drops one.
    """
    from rapidfuzz import fuzz  # only for a quote not found: a clean check does without it

    norm_text, where = normalise(text)
    norm_quote = normalise(quote)[0].strip()
    if not norm_quote or not norm_text:
        return ""
    found = fuzz.partial_ratio_alignment(norm_quote, norm_text)
    if found is None:  # only with a score_cutoff, which is not given
        return ""
    slack = max(12, len(norm_quote) // 3)
    # the words near the alignment's ends (the window starts at a space: no word cut in two)
    lo = norm_text.rfind(" ", 0, max(found.dest_start - slack, 0)) + 1
    hi = min(found.dest_end + slack + 1, len(norm_text))
    words = [m.span() for m in _WORD.finditer(norm_text, lo, hi)]
    words += [m.span() for m in _TOKEN.finditer(norm_text, lo, hi)]  # with punctuation
    starts = [a for a, _ in words if abs(a - found.dest_start) <= slack] or [found.dest_start]
    ends = [b for _, b in words if abs(b - found.dest_end) <= slack] or [found.dest_end]
    best = max(
        ((a, b) for a in starts for b in ends if b > a),
        key=lambda ab: fuzz.ratio(norm_quote, norm_text[ab[0] : ab[1]]),
        default=(found.dest_start, found.dest_end),
    )
    return text[where[best[0]] : where[best[1] - 1] + 1]


class ActorMatcher:
    """Finds the actors a text names, by name or alias.

    Short or upper-case names (``US``, ``ROK``) match case-sensitively as
    whole words; others ignore case and allow ``-n``, ``-ns``, ``-ese`` and
    ``'s`` (``South Korean``, ``Japanese``, ``Russia's``). Curly apostrophes match straight ones.

    Examples
    --------
    >>> m = ActorMatcher([{"id": "USA", "name": "United States", "aliases": "US;Washington"}])
    >>> [(s, e, a) for s, e, a in m.mentions("US forces and the United States' allies; thus")]
    [(0, 2, 'USA'), (18, 31, 'USA')]
    """

    def __init__(self, actors: Iterable[dict[str, Any]]):
        terms: list[tuple[str, str]] = []
        self.names: dict[str, str] = {}
        for actor in actors:
            aid = str(actor["id"])
            self.names[aid] = str(actor.get("name") or aid)
            aliases = actor.get("aliases") or []
            if isinstance(aliases, str):
                aliases = aliases.split(";")
            words = [aid, self.names[aid], *map(str, aliases)]
            terms += [(w.strip().translate(_QUOTES), aid) for w in words if w.strip()]
        terms.sort(key=lambda t: -len(t[0]))  # longest first: "South Korea" before "Korea"
        self.terms = terms
        parts = []
        for i, (term, _) in enumerate(terms):
            body = re.escape(term)
            if len(term) <= 3 or term.isupper():
                parts.append(rf"(?P<t{i}>(?<!\w){body}(?!\w))")
            else:
                parts.append(rf"(?P<t{i}>(?i:(?<!\w){body}{_SUFFIX})(?!\w))")
        self._pattern = re.compile("|".join(parts)) if parts else None

    def mentions(self, text: str) -> list[tuple[int, int, str]]:
        """``(start, end, actor id)`` of every name or alias in ``text``, in order."""
        if self._pattern is None:
            return []
        found = []
        for m in self._pattern.finditer(text.translate(_QUOTES)):
            index = int(str(m.lastgroup)[1:])
            found.append((m.start(), m.end(), self.terms[index][1]))
        return found

    def named(self, text: str) -> set[str]:
        """The ids of the actors ``text`` names."""
        return {aid for _, _, aid in self.mentions(text)}


def source_texts(
    records: Tables, tables: Mapping[str, Table | None]
) -> tuple[dict[str, str], list[Problem]]:
    """The text of every source whose ``text`` column names a readable file.

    The file is read as UTF-8 from the dataset folder; a missing, unreadable
    or outside file is a ``missing-text`` warning at the ``text`` cell (the
    quotes of that source are then not checked).
    """
    table = tables.get("sources")
    if table is None:
        return {}, []
    column = table.column("text")
    folder = Path(table.path).parent
    texts: dict[str, str] = {}
    problems: list[Problem] = []
    for source in records.sources:
        name = _field(source, "text")
        if not name:
            continue
        line = records.lines.get("sources", {}).get(str(source["id"]))

        def report(message: str, _line: int | None = line) -> None:
            problems.append(
                Problem(table.display, _line, column, "text", "missing-text", message, WARNING)
            )

        path = (folder / name).resolve()
        if Path(name).is_absolute() or not path.is_relative_to(folder.resolve()):
            report(f'text "{name}" must name a file inside the dataset folder, relative to it')
            continue
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            report(
                f'text file "{name}" does not exist, so quotes are not checked against it; put the source\'s text there'
            )
            continue
        except OSError:
            report(
                f'text file "{name}" cannot be read, so quotes are not checked against it; save it as UTF-8 plain text'
            )
            continue
        text, encoding = _decoded(data)
        if text is None:
            report(
                f'text file "{name}" starts as UTF-16 but is not valid UTF-16, so quotes are not checked against it; save it as UTF-8 plain text'
            )
            continue
        texts[str(source["id"])] = text
        if encoding is not None:
            word, at = encoding[1], encoding[2]
            problems.append(
                Problem(
                    table.display,
                    line,
                    column,
                    "text",
                    "not-utf8",
                    f'text file "{name}" is not UTF-8; it was read as {encoding[0]}, so its line {at} has "{word}" '
                    "and quotes are checked against that. If letters look wrong, save it as UTF-8 plain text",
                    WARNING,
                )
            )
    return texts, problems


def _decoded(data: bytes) -> tuple[str | None, tuple[str, str, int] | None]:
    """A source text's bytes as text, the way the CSV files are read.

    UTF-8 (with or without a byte order mark) or UTF-16 with its mark; else
    Windows-1252, what Windows editors save as "ANSI" (Latin-1 where a byte
    is unassigned in it). The second item is ``None`` for UTF-8 and UTF-16,
    else the encoding used, the first word that was not UTF-8 and its line.
    ``(None, None)`` for a UTF-16 mark followed by invalid UTF-16.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), None
        except UnicodeDecodeError:
            return None, None
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as err:
        bad = err.start
    try:
        text, encoding = data.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError:
        text, encoding = data.decode("latin-1"), "Latin-1 (ISO 8859-1)"
    start = max(data.rfind(b"\n", 0, bad), data.rfind(b"\r", 0, bad)) + 1
    line = data.count(b"\n", 0, bad) + 1 if b"\n" in data else data.count(b"\r", 0, bad) + 1
    sample = text[start : start + 200]  # one byte, one character
    head, tail = sample[: bad - start], sample[bad - start :]
    word = head.split()[-1] if head[-1:].strip() else ""  # the word the first odd byte is in
    word += tail.split()[0] if tail[:1].strip() else ""
    return text, (encoding, word, line)


def _key(record: dict[str, Any], name: str) -> str | None:
    """The key of ``record`` that is the column ``name`` (an extra column's header in any case)."""
    return next((key for key in record if key.strip().lower() == name), None)


def _field(record: dict[str, Any], name: str, key: str | None = None) -> str:
    """A record's value under ``name`` (or under ``key``, found once for a table by :func:`_key`)."""
    key = _key(record, name) if key is None else key
    value = record.get(key) if key is not None else None
    return "" if value is None else str(value).strip()


def _window(text: str, start: int, end: int, spans: list[tuple[int, int, int]]) -> str:
    """The sentences a passage stands in, with the sentence before it in its paragraph."""
    inside = [i for i, (a, b, _) in enumerate(spans) if a < end and b > start]
    if not inside:
        return text[start:end]
    first = inside[0]
    if first > 0 and spans[first - 1][2] == spans[first][2]:
        first -= 1
    return text[spans[first][0] : spans[inside[-1]][1]]


def _unnamed_message(rid: str, missing: list[str], names: dict[str, str], both: bool) -> str:
    shown = [f"{a} ({names.get(a, a)})" for a in missing]
    if both and len(shown) == 2:
        head = f"{rid}: the quote and its sentence name neither {shown[0]} nor {shown[1]}"
    else:
        head = f"{rid}: the quote and its sentence do not name {' or '.join(shown)}"
    return (
        f"{head}; quote a passage that names them, or list the ids the text refers to "
        "in the implied column and say why in the note"
    )


def check_evidence(
    records: Tables, tables: Mapping[str, Table | None], actors_known: bool = True
) -> list[Problem]:
    """Problems of the quotes of ``records`` against their sources' texts.

    Parameters
    ----------
    records : Tables
        Validated records (:func:`graph.validate.validate_tables`).
    tables : dict
        The raw tables they come from: they give the dataset folder, the
        file names and the columns that problems point at.
    actors_known : bool
        False when ``actors.csv`` is missing or lacks a required column: the
        checks that need the actors (``implied`` ids, actors a quote names)
        do not run, so its one problem is not buried under theirs.

    Returns
    -------
    list of Problem
        ``quote-not-in-text`` errors, ``missing-text`` and
        ``quote-actor-unnamed`` warnings and ``unknown-actor`` errors for an
        id in ``implied`` that is no actor.

    Examples
    --------
    >>> import graph, pathlib, shutil, tempfile
    >>> d = pathlib.Path(tempfile.mkdtemp()) / "d"
    >>> _ = shutil.copytree(graph.datasets.article(), d)
    >>> rel = d / "relations.csv"
    >>> _ = rel.write_text(rel.read_text("utf-8").replace("spectacularly", "spectacular"), "utf-8")
    >>> [p.code for p in graph.check(d) if p.severity == "error"]
    ['quote-not-in-text', 'quote-not-in-text']
    """
    texts, problems = source_texts(records, tables)
    table = tables.get("relations")
    if table is None:
        return problems
    matcher = ActorMatcher(records.actors if texts else [])  # built only when needed
    actors_file = table_names({n: t.display for n, t in tables.items() if t is not None})["actors"]
    actor_ids = {str(a["id"]) for a in records.actors}
    lines = records.lines.get("relations", {})
    spans: dict[str, list[tuple[int, int, int]]] = {}
    # the implied column, looked up once: every record of a table has the same keys
    implied_key = _key(records.relations[0], "implied") if records.relations else None
    for relation in records.relations:
        rid = str(relation["id"])
        line = lines.get(rid)
        cell = _field(relation, "implied", implied_key) if implied_key else ""
        implied = {a.strip() for a in cell.split(";") if a.strip()}
        for aid in sorted(implied - actor_ids) if actors_known else ():
            problems.append(
                Problem(
                    table.display,
                    line,
                    table.column("implied"),
                    "implied",
                    "unknown-actor",
                    f'implied "{aid}" is not an actor id in {actors_file}',
                )
            )
        quote, text = relation.get("quote"), texts.get(str(relation.get("source_id")))
        if not quote or text is None:
            continue
        col = table.column("quote")
        match = locate_quote(quote, text)
        if match.start is None or match.end is None:
            how = (
                f"it matches only after normalising quotes, apostrophes or spaces ({_differences(quote, match.closest, text)})"
                if match.normalised
                else "the closest passage is"
            )
            problems.append(
                Problem(
                    table.display,
                    line,
                    col,
                    "quote",
                    "quote-not-in-text",
                    f'{rid}: the quote is not verbatim in the source\'s text; {how}: "{match.closest}"',
                )
            )
            continue
        if not actors_known:
            continue
        if text not in spans:
            spans[text] = split_sentences(text)
        named = matcher.named(_window(text, match.start, match.end, spans[text]))
        ends = [str(relation["source"]), str(relation["target"])]
        missing = [a for a in dict.fromkeys(ends) if a not in named and a not in implied]
        if missing:
            message = _unnamed_message(rid, missing, matcher.names, len(missing) == 2)
            problems.append(
                Problem(table.display, line, col, "quote", "quote-actor-unnamed", message, WARNING)
            )
    return problems
