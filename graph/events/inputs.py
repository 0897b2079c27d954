"""The inputs of an event import: files and zip archives, headers, the output folder, rejected rows."""

from __future__ import annotations

import codecs
import gzip
import os
import shutil
import zipfile
import zlib
from pathlib import Path
from typing import Any

from ..problems import OutputError
from ..read.text import utf16_order
from ..write import check_output, dataset_files
from .report import SAMPLE_SIZE, BadRow, EventImportError
from .sources import REJECTS_LIMIT, EventSource

__all__ = [
    "Paths",
    "prepare_paths",
    "utf16_encoding",
    "read_header",
    "check_output_folder",
    "bad_rows",
    "undated_rows",
]

Paths = str | os.PathLike | list[str | os.PathLike] | list[str] | list[Path]

# --- inputs -----------------------------------------------------------------------------


def _unzip(path: Path, shown: str, tmp: str, start: int) -> dict[str, str]:
    out: dict[str, str] = {}
    try:
        with zipfile.ZipFile(path) as zf:
            members = [m for m in zf.infolist() if not m.is_dir()]
            if not members:
                raise EventImportError(f"{shown}: the zip archive holds no file")
            for i, m in enumerate(members):
                if m.flag_bits & 0x1:
                    raise EventImportError(
                        f"{shown}: {m.filename} is encrypted; unpack it with its password first"
                    )
                target = Path(tmp) / f"zip{start}-{i}" / Path(m.filename).name
                target.parent.mkdir(parents=True)
                with zf.open(m) as src, open(target, "wb") as dst:
                    shutil.copyfileobj(src, dst, 1 << 20)  # streamed: flat memory
                out[str(target)] = f"{shown}:{m.filename}"
    except NotImplementedError as err:  # compression method zipfile cannot read
        raise EventImportError(
            f"{shown}: the zip archive uses a compression method that cannot be read ({err}); "
            "unpack it with another tool and import the file"
        ) from err
    except RuntimeError as err:  # zipfile's "password required"
        raise EventImportError(f"{shown}: {err}; unpack it first") from err
    except (zipfile.BadZipFile, OSError, EOFError) as err:
        raise EventImportError(f"{shown}: not a readable zip archive ({err})") from err
    return out


def _gunzip(path: Path, shown: str, tmp: str, start: int) -> str:
    target = Path(tmp) / f"gz{start}" / (path.stem or "events")
    target.parent.mkdir(parents=True)
    try:
        with gzip.open(path, "rb") as src, open(target, "wb") as dst:
            shutil.copyfileobj(src, dst, 1 << 20)  # streamed: flat memory
    except (gzip.BadGzipFile, EOFError, zlib.error) as err:
        raise EventImportError(
            f"{shown}: not a readable gzip file ({err or 'it ends too early'}); "
            "is it complete, and compressed with gzip?"
        ) from err
    return str(target)


def utf16_encoding(head: bytes) -> str | None:
    """The UTF-16 codec of a file starting with ``head``, with or without a BOM; else None.

    Without a BOM, text in UTF-16 has a NUL byte in every other place (the
    high byte of each ASCII character), which UTF-8 text never has.

    Examples
    --------
    >>> utf16_encoding("20200616\tUSA".encode("utf-16")), utf16_encoding("20200616\tUSA".encode("utf-16-be"))
    ('utf-16', 'utf-16-be')
    >>> utf16_encoding("20200616\tUSA".encode("utf-16-le")), utf16_encoding(b"20200616\tUSA")
    ('utf-16-le', None)
    """
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    order = utf16_order(head)
    return None if order is None else f"utf-16-{order}"


def _as_utf8(file: str, shown: str, tmp: str, start: int) -> str:
    """``file``, or its copy in UTF-8 in ``tmp`` when it is UTF-16 text (as Excel saves it)."""
    with open(file, "rb") as fh:
        encoding = utf16_encoding(fh.read(4096))
    if encoding is None:
        return file
    target = Path(tmp) / f"utf8-{start}" / Path(file).name
    target.parent.mkdir(parents=True)
    try:
        with (
            open(file, encoding=encoding, newline="") as src,
            open(target, "w", encoding="utf-8", newline="") as dst,
        ):
            shutil.copyfileobj(src, dst, 1 << 20)
    except UnicodeDecodeError as err:
        raise EventImportError(
            f"{shown}: the file looks like {encoding.upper()} text but is not ({err.reason} "
            f"at byte {err.start}); save it as UTF-8"
        ) from err
    return str(target)


def prepare_paths(paths: Paths, tmp: str, label: str) -> dict[str, str]:
    """Check the inputs exist; unpack ``.zip`` members and ``.gz`` files into ``tmp``.

    A file in UTF-16 (with or without a byte order mark) is read through a
    UTF-8 copy in ``tmp``; its lines, and so the line numbers, stay the same.

    Returns a dict: file DuckDB reads -> name shown in messages.

    Examples
    --------
    >>> prepare_paths(["/no/such.CSV"], "/tmp", "GDELT")
    Traceback (most recent call last):
    ...
    graph.events.report.EventImportError: /no/such.CSV: no such file (give GDELT event files to import)
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    out: dict[str, str] = {}
    for p in paths:
        path = Path(p)
        if not path.is_file():
            raise EventImportError(f"{p}: no such file (give {label} event files to import)")
        suffix = path.suffix.lower()
        if suffix == ".zip":
            found = _unzip(path, str(p), tmp, len(out))
        elif suffix == ".gz":
            found = {_gunzip(path, str(p), tmp, len(out)): str(p)}
        else:
            found = {str(path.resolve()): str(p)}
        for i, (file, shown) in enumerate(found.items()):
            out[_as_utf8(file, shown, tmp, len(out) + i)] = shown
    if not out:
        raise EventImportError(f"no {label} event files given")
    return out


def read_header(source: EventSource, path: str, display: str) -> list[str]:
    """The column names of a file with a header; :class:`EventImportError` if it lacks one needed."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            first = fh.readline()
    except UnicodeDecodeError as err:
        raise EventImportError(f"{display}: the header is not UTF-8 text ({err.reason})") from err
    if not first.strip():
        raise EventImportError(f"{display}: nothing was read: the file is empty")
    header = [h.strip() for h in first.rstrip("\r\n").split("\t")]
    missing = [c for c in source.required if c not in header]
    if missing:
        raise EventImportError(
            f"{display}: not an {source.label} event file: the tab-separated header lacks "
            f"{', '.join(repr(m) for m in missing)} (it has {len(header)} columns: "
            f"{', '.join(header[:6])}{'...' if len(header) > 6 else ''})"
        )
    return header


def check_output_folder(out: Path, inputs: list[str], force: bool) -> None:
    """Refuse a bad output before the work (the writer checks again when it writes).

    Raises
    ------
    graph.problems.OutputError
        ``out`` is a file, a read-only folder, holds one of ``inputs``, or
        holds a dataset and ``force`` is false.

    Examples
    --------
    >>> check_output_folder(Path("/no/such/folder"), [], False) is None
    True
    """
    check_output(out, inputs, folder=True)
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out} is a file, not a folder; give a folder for the dataset")
    if out.is_dir() and not os.access(out, os.W_OK | os.X_OK):
        raise OutputError(f"cannot write {out}: the folder is read-only; choose another folder")
    if dataset_files(out) and not force:
        raise OutputError(
            f"{out} already holds a dataset; choose an empty folder, or pass --force to replace it"
        )


def bad_rows(
    con: Any,
    source: EventSource,
    files: dict[str, list[str]],
    displays: dict[str, str],
    good: int,
) -> tuple[int, list[BadRow]]:
    """How many rows DuckDB rejected (``reject_errors``), and samples of them with their lines.

    ``files`` gives each file's columns (path -> names): a row of another
    width is told how many it has against them.
    """
    rows = con.execute("""
        SELECT s.file_path, e.line, e.column_idx, e.column_name, e.error_type, e.csv_line,
               e.error_message
        FROM reject_errors e JOIN reject_scans s USING (scan_id, file_id)
        ORDER BY s.file_path, e.line, e.column_idx
    """).fetchall()
    first: dict[tuple[str, int], dict] = {}
    for path, line, col, name, etype, raw, message in rows:
        first.setdefault(
            (path, line),
            {"path": path, "line": line, "column_idx": col, "column": name,
             "error_type": str(etype), "csv_line": raw, "message": message},
        )  # fmt: skip
    samples = sorted(first.values(), key=lambda r: (r["path"], r["line"]))
    bad = [
        BadRow(
            displays.get(r["path"], r["path"]),
            r["line"],
            _bad_reason(source, r, len(files.get(r["path"], source.columns or ()))),
        )
        for r in samples[:SAMPLE_SIZE]
    ]
    if len(rows) < REJECTS_LIMIT:
        return len(first), bad
    # DuckDB stopped storing rejects: count the data lines instead
    lines = sum(_count_data_lines(p) - int(source.header) for p in displays)
    return max(lines - good, len(first)), bad


def _bad_reason(source: EventSource, r: dict, expected: int) -> str:
    """A person's sentence for one of DuckDB's rejected rows (``reject_errors``).

    ``expected`` is how many columns the row's file has (its header's, or the format's).
    """
    raw, etype, column = r["csv_line"] or "", r["error_type"], r["column"]
    found = raw.count("\t") + 1
    # the column count first: DuckDB may report a shifted line as a bad date
    wrong_width = bool(expected) and found != expected
    if etype in ("MISSING COLUMNS", "TOO MANY COLUMNS") or wrong_width:
        return source.width_reason.format(found=found, expected=expected)
    if etype == "CAST":
        cells = raw.split("\t")
        idx = (r["column_idx"] or 0) - 1
        value = cells[idx] if 0 <= idx < len(cells) else ""
        if column == source.date_column:
            return f'{column} "{value}" is not a date in the form {source.date_form}'
        return f'{column} "{value}" is not a number'
    if "ENCODING" in etype or "UNICODE" in etype:
        return "the line is not valid UTF-8"
    return (r["message"] or etype).splitlines()[0]


def undated_rows(
    source: EventSource, files: dict[str, list[str]], displays: dict[str, str]
) -> list[BadRow]:
    """Lines of events without a date (DuckDB reads an empty date as NULL); rare, so a second pass."""
    found: list[BadRow] = []
    for path, columns in files.items():
        col = columns.index(source.date_column)
        with open(path, encoding="utf-8", errors="replace", newline="") as fh:
            for number, line in enumerate(fh, start=1):
                if number == 1 and source.header:
                    continue
                cells = line.rstrip("\r\n").split("\t")
                if len(cells) > col and cells[col].strip() in source.null_words:
                    found.append(BadRow(displays[path], number, f"{source.date_column} is empty"))
                    if len(found) >= SAMPLE_SIZE:
                        return found
    return found


def _count_data_lines(path: str) -> int:
    with open(path, "rb") as fh:
        return sum(1 for line in fh if line.strip())
