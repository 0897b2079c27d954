"""Bytes to text (encodings, the delimiter) and text to records (quotes checked)."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator

from ..problems import WARNING, Problem

_LINE_BREAK = re.compile(rb"\r\n|\r|\n")
#: Delimiters recognised in a CSV file's header line.
DELIMITERS = (",", ";", "\t")
_TEXT_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def _line_of(data: bytes, offset: int) -> int:
    """Physical line of a byte offset, counting CRLF, LF and bare CR."""
    return len(_LINE_BREAK.findall(data, 0, offset)) + 1


def _decode(data: bytes, display: str, problems: list[Problem]) -> str | None:
    if data.startswith(b"PK\x03\x04"):
        problems.append(
            Problem(
                display,
                None,
                None,
                None,
                "not-text",
                "this is a spreadsheet workbook (.xlsx) saved under a .csv name; give the "
                '.xlsx file itself, or save each sheet as "CSV UTF-8"',
            )
        )
        return None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")  # the BOM says which byte order
        except UnicodeDecodeError as err:
            problems.append(
                Problem(
                    display,
                    None,
                    None,
                    None,
                    "bad-encoding",
                    f"the file starts as UTF-16 but byte {err.start} is not valid UTF-16; "
                    'save it again as "CSV UTF-8"',
                )
            )
            return None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if b"\x00" in data and utf16_order(data):
        return _decode_utf16(data, display, problems)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        bad = err.start
    # Excel on Windows saves "CSV" in the ANSI code page, nearly always Windows-1252;
    # its five unassigned bytes mean Latin-1 (whose letters are the same).
    codec, encoding = "cp1252", "Windows-1252"
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        codec, encoding = "latin-1", "Latin-1 (ISO 8859-1)"
        text = data.decode(codec)
    line = _line_of(data, bad)
    start = max(data.rfind(b"\n", 0, bad), data.rfind(b"\r", 0, bad)) + 1
    sample = data[start : start + 200].decode(codec)  # one byte, one character
    before = re.search(r"[^\s,;\t\"]*\Z", sample[: bad - start])
    after = re.match(r"[^\s,;\t\"]*", sample[bad - start :])
    word = (before.group() if before else "") + (after.group() if after else "")
    problems.append(
        Problem(
            display,
            line,
            None,
            None,
            "not-utf8",
            f'the file is not UTF-8; it was read as {encoding}, so line {line} has "{word}". '
            'If letters look wrong, save the file as "CSV UTF-8"',
            WARNING,
        )
    )
    return text


def utf16_order(data: bytes) -> str | None:
    """``"le"`` or ``"be"`` when ``data`` looks like UTF-16 text without a byte order mark.

    Text in UTF-16 has a NUL byte beside nearly every Latin character: at odd
    offsets in little-endian order, at even ones in big-endian.
    """
    sample = data[:4096]
    pairs = len(sample) // 2
    if pairs == 0:
        return None
    even = sample[0 : 2 * pairs : 2].count(0)
    odd = sample[1 : 2 * pairs : 2].count(0)
    if odd >= 0.3 * pairs and even <= 0.05 * pairs:
        return "le"
    if even >= 0.3 * pairs and odd <= 0.05 * pairs:
        return "be"
    return None


def _decode_utf16(data: bytes, display: str, problems: list[Problem]) -> str | None:
    """UTF-16 text without a byte order mark (NUL-spaced), in the order it shows."""
    order = utf16_order(data)
    name = f"UTF-16 {'little' if order == 'le' else 'big'}-endian"
    try:
        return data.decode(f"utf-16-{order}")
    except UnicodeDecodeError as err:
        problems.append(
            Problem(
                display,
                None,
                None,
                None,
                "bad-encoding",
                f"the file looks like {name} text without a byte order mark, but byte "
                f'{err.start} is not valid UTF-16; save it again as "CSV UTF-8"',
            )
        )
        return None


def _delimiter(text: str) -> tuple[str, int]:
    """The delimiter the header line uses, and how many leading lines to skip.

    Counts ``,`` ``;`` and tab outside quotes in the first non-blank line (ties:
    comma). Excel's ``sep=;`` first line names the delimiter outright.
    """
    m = re.match(r"sep=(.)[ \t]*(\r\n|\r|\n)", text)
    if m:
        return m.group(1), 1
    counts = dict.fromkeys(DELIMITERS, 0)
    quoted = seen = False
    for ch in text[: 1 << 20]:  # a header past 1 MiB (an unclosed quote) is no header
        if ch == '"':
            quoted = not quoted
        elif quoted:
            continue
        elif ch in "\r\n":
            if seen:
                break
        else:
            seen = seen or not ch.isspace()
            if ch in counts:
                counts[ch] += 1
    best = max(DELIMITERS, key=lambda d: counts[d])  # max keeps the first (comma) on ties
    return best, 0


def _records(text: str, delimiter: str, strict: bool) -> Iterator[tuple[int, list[str]]]:
    """(physical line where the record starts, cells) for each record."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=strict)
    last_line = 0
    for cells in reader:
        yield last_line + 1, cells
        last_line = reader.line_num


def _parse(
    text: str, delimiter: str, display: str
) -> tuple[list[tuple[int, list[str]]], Problem | None]:
    """The records of ``text``, and the problem of a quote that breaks the file, if any.

    Python's csv reader, lenient, accepts a quoted cell never closed (it runs
    to the end of the file) and a closing quote followed by text (which is
    how a missing quote swallows the rows after it). A strict pass finds
    them; then the cell is located where it starts, and the lenient reading
    is kept so that the other problems are still reported.
    """
    old = csv.field_size_limit()
    csv.field_size_limit(max(old, len(text) + 1))  # a long cell is read, within the file bound
    try:
        records: list[tuple[int, list[str]]] = []
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
        last_line = 0
        try:
            for cells in reader:
                records.append((last_line + 1, cells))
                last_line = reader.line_num
            return records, None
        except csv.Error as err:
            problem = _quote_problem(text, delimiter, display, last_line + 1, str(err))
        return list(_records(text, delimiter, strict=False)), problem
    finally:
        csv.field_size_limit(old)


def _lines(first: int, last: int) -> str:
    return f"line {first}" if first == last else f"lines {first}-{last}"


def _snippet(text: str, begin: int, end: int) -> str:
    shown = text[begin : end + 10].splitlines()[0]
    return shown if len(shown) <= 60 else shown[:57] + "..."


def _offset_of_line(text: str, line: int) -> int:
    """Offset in ``text`` of the start of physical ``line`` (1-based)."""
    if line <= 1:
        return 0
    for n, m in enumerate(_TEXT_LINE_BREAK.finditer(text), start=2):
        if n == line:
            return m.end()
    return len(text)


def _text_line(text: str, offset: int) -> int:
    return len(_TEXT_LINE_BREAK.findall(text, 0, offset)) + 1


def _quote_problem(text: str, delimiter: str, display: str, line: int, error: str) -> Problem:
    """The problem of the record starting on ``line`` that the strict reader refused."""
    quoted = re.compile(r'"[^"]*(?:""[^"]*)*"')
    unquoted = re.compile(f"[^{re.escape(delimiter)}\\r\\n]*")
    pos, column = _offset_of_line(text, line), 1
    while pos < len(text):
        if text[pos] == '"':
            begin, m = pos, quoted.match(text, pos)
            first = _text_line(text, begin)
            if m is None:
                last = _text_line(text, len(text.rstrip("\r\n")))
                took = f" and takes in {_lines(first + 1, last)}" if last > first else ""
                return Problem(
                    display,
                    first,
                    column,
                    None,
                    "unclosed-quote",
                    "the quoted cell that starts here is never closed: it runs to the end of "
                    f'the file{took}; add the closing " where the cell ends '
                    '(a " inside a quoted cell is written "")',
                )
            pos = m.end()
            after = text[pos : pos + 1]
            if after and after not in (delimiter, "\r", "\n"):
                ends = _text_line(text, pos)
                if ends > first:
                    return Problem(
                        display,
                        first,
                        column,
                        None,
                        "unclosed-quote",
                        f"the quoted cell that starts here runs on to line {ends}, taking in "
                        f"{_lines(first + 1, ends)}: its closing quote is probably missing on "
                        f'line {first}; close it there (a " inside a quoted cell is written "")',
                    )
                return Problem(
                    display,
                    first,
                    column,
                    None,
                    "stray-quote",
                    f"text follows the closing quote of this cell ({_snippet(text, begin, pos)}); "
                    'quote the whole cell and write each " inside it as ""',
                )
        else:
            m = unquoted.match(text, pos)
            pos = m.end() if m else pos
        if pos < len(text) and text[pos] == delimiter:
            pos, column = pos + 1, column + 1
            continue
        break
    return Problem(
        display,
        line,
        None,
        None,
        "stray-quote",
        f"a quote in the record that starts here breaks the file ({error}); "
        'quote whole cells and write each " inside them as ""',
    )
