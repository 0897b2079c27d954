"""Writing CSV, whole dataset folders and pages: the one writer every command uses.

Every CSV file the project writes goes through :func:`format_csv`, so that a
cell a spreadsheet would run as a formula is neutralised the same way
everywhere (``data/README.md``, "Formulas"). A dataset folder is written by
:func:`write_dataset` or, for writers that produce files themselves (DuckDB's
``COPY``), inside :func:`staged_dataset`; both follow one rule: an existing
dataset is never replaced without ``force``, a folder is never written over
one of the command's own inputs, and the files appear together or not at all.

How the files appear together:

- a new (absent or empty) folder is built beside the target under a hidden
  name and renamed into place: one step;
- an existing folder (``force``) gets the new files in a hidden staging folder
  inside it, marked complete with a ``COMMITTED`` file, then moved over the
  old ones. If the process dies during those moves, the next write or read of
  the folder (:func:`recover`) finishes them, so the folder ends with the new
  dataset whole; a staging folder without its mark is an interrupted write
  and is removed, leaving the old dataset whole.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import re
import shutil
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path

from .files import alive, atomic_open
from .problems import OutputError
from .schema import TABLE_FILES

__all__ = [
    "escape_formula",
    "format_csv",
    "dataset_files",
    "check_output",
    "format_of",
    "SUFFIXES",
    "write_dataset",
    "staged_dataset",
    "recover",
    "write_text",
    "STAGING_PREFIX",
]

# A spreadsheet runs a cell starting with one of these as a formula (OWASP "CSV injection").
_FORMULA = re.compile(r"^'*[=+\-@\t\r]")
_NUMBER = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")
# A spreadsheet that opens the file with ";" or tab as separator (European Excel,
# a paste) starts a new cell after each of them: the text there is neutralised too.
_INNER = re.compile(r"([;\t])(?='*[=+\-@\r])")

#: Hidden folders a dataset write stages its files in (beside or inside the target).
STAGING_PREFIX = ".geograph-staging-"
_COMMITTED = "COMMITTED"


def escape_formula(text: str) -> str:
    """Neutralise text that a spreadsheet would run as a formula.

    A cell starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return
    (after any apostrophes) gets one leading ``'``, as OWASP recommends, and
    so does the text after every ``;`` or tab inside the cell (where a
    spreadsheet opening the file with that separator starts a new cell);
    :func:`graph.read.unescape_formula`, applied to every cell on reading,
    removes them. A whole cell that is a number, such as ``-1`` or
    ``-9.2``, is left alone (after a ``;`` the rule holds for numbers too,
    so that it stays one regular expression, the same in DuckDB's SQL).

    Examples
    --------
    >>> escape_formula("=HYPERLINK(\\"http://x\\")"), escape_formula("-9.2"), escape_formula("'=1")
    ('\\'=HYPERLINK("http://x")', '-9.2', "''=1")
    >>> escape_formula("a;=1+1"), escape_formula("DPRK;-1;@x")
    ("a;'=1+1", "DPRK;'-1;'@x")
    """
    if ";" in text or "\t" in text:
        text = _INNER.sub(r"\1'", text)
    if _FORMULA.match(text) and not _NUMBER.match(text):
        return "'" + text
    return text


def format_csv(
    header: Sequence[str], rows: Iterable[Sequence[str]], *, delimiter: str = ","
) -> str:
    """CSV text (comma or ``delimiter``, LF, minimal quoting) with formula-like text cells neutralised.

    A header holding another delimiter (``;`` or a tab in a comma file) is
    quoted throughout, so that a reader guessing the delimiter from the
    header line still sees the one written.

    Examples
    --------
    >>> print(format_csv(["id", "note"], [["A", "=1+1"], ["B", "a, b"]]), end="")
    id,note
    A,'=1+1
    B,"a, b"
    >>> print(format_csv(["id", "a;b"], []), end="")
    "id","a;b"
    """
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter, lineterminator="\n")
    # The csv module quotes cells holding the line terminator (LF) but not a bare CR,
    # which readers take as a line end: a row with one is quoted throughout.
    quoting = csv.writer(buf, delimiter=delimiter, lineterminator="\n", quoting=csv.QUOTE_ALL)
    others = "".join(d for d in ",;\t" if d != delimiter) + "\r"
    head = [escape_formula(c) for c in header]
    (quoting if any(ch in c for c in head for ch in others) else writer).writerow(head)
    for row in rows:
        cells = [escape_formula(c) for c in row]
        (quoting if any("\r" in c for c in cells) else writer).writerow(cells)
    return buf.getvalue()


def dataset_files(folder: str | os.PathLike) -> list[Path]:
    """The dataset files (``actors.csv`` and the others) that ``folder`` holds now."""
    folder = Path(folder)
    return [folder / name for name, _ in TABLE_FILES.values() if (folder / name).exists()]


def _same(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


#: What a file's first bytes hold when geograph wrote it (a page, a graph export).
_OURS = (
    b'<meta name="generator" content="geograph">',
    b"<graphml",
    b"<gexf",
)


#: The suffixes an output file of each format may have (a folder output has none of these).
SUFFIXES = {
    "html": (".html", ".htm"),
    "json": (".json",),
    "graphml": (".graphml", ".xml"),
    "gexf": (".gexf",),
    "csv": (".csv", ".tsv", ".txt"),
}
# Suffixes that name a file of some other kind: writing a format under one is a mistake.
_OTHER = {
    ".png",
    ".jpg",
    ".jpeg",
    ".gif",
    ".svg",
    ".pdf",
    ".md",
    ".rst",
    ".xlsx",
    ".xls",
    ".ods",
    ".gml",
    ".dot",
    ".gv",
    ".net",
    ".gpickle",
    ".pickle",
    ".parquet",
    ".sqlite",
    ".db",
    ".ipynb",
    ".py",
    ".js",
    ".css",
    ".zip",
    ".gz",
}


def format_of(output: str | os.PathLike) -> str | None:
    """The output format that ``output``'s suffix names (``None`` when it names none).

    Examples
    --------
    >>> format_of("build/graph.HTML"), format_of("x.gexf"), format_of("graph.xml"), format_of("out")
    ('html', 'gexf', 'graphml', None)
    """
    suffix = Path(output).suffix.lower()
    return next((fmt for fmt, suffixes in SUFFIXES.items() if suffix in suffixes), None)


def _check_suffix(out: Path, fmt: str | None, folder: bool) -> None:
    """Refuse an output whose suffix names another format than the one written."""
    suffix = out.suffix.lower()
    known = {s for suffixes in SUFFIXES.values() for s in suffixes} | _OTHER
    if folder:
        if suffix in known and not out.exists():  # an existing file gets "it is a file"
            msg = (
                f"{out} names a {suffix} file, but this writes a folder of dataset files; "
                f"give a folder name such as {out.with_suffix('')}"
            )
            raise OutputError(msg)
        return
    if fmt is None or suffix not in known or suffix in SUFFIXES.get(fmt, ()):
        return
    msg = (
        f"{out} names a {suffix} file, but this writes {fmt}; name the output "
        f"{out.with_suffix(SUFFIXES[fmt][0]).name}"
    )
    raise OutputError(msg)


def _ours(path: Path) -> bool:
    """Whether ``path`` is a page or graph export that a geograph command wrote."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(4096)
    except OSError:
        return False
    if head.lstrip().startswith(b"{"):  # networkx node-link JSON, as `export -f json` writes
        return b'"directed"' in head and b'"multigraph"' in head
    return any(mark in head for mark in _OURS)


def _dataset_folder(path: Path) -> Path | None:
    """The folder whose files a dataset input reads (its sources' texts, lexicon.csv)."""
    if path.is_dir():
        return path
    if path.suffix.lower() == ".xlsx":  # a workbook's texts lie beside it
        return path.parent
    return None


def check_output(
    output: str | os.PathLike,
    inputs: Iterable[str | os.PathLike] = (),
    *,
    folder: bool = False,
    fmt: str | None = None,
) -> None:
    """Refuse an output that is, or (for a folder) holds, one of ``inputs`` or a dataset's file.

    An output whose suffix names another kind of file than the one written
    (``fmt``, a key of :data:`SUFFIXES`; a folder for ``folder``) is refused
    too: ``x.gexf`` holding GraphML, ``graph.png`` holding a page.

    The one rule of every command that writes: an output never replaces a
    file that a command reads. A dataset input (a folder, or a workbook)
    reads more than its tables (a source's text file, ``lexicon.csv``), so
    inside its folder a file output may only replace a page or graph export
    that geograph wrote; any other file there (the source texts, a README, a
    note) is refused, as are the tables themselves.

    Raises
    ------
    OutputError
        Naming the input that would be overwritten, and what to do.

    Examples
    --------
    >>> import graph
    >>> check_output("data/dw-2020-07-14.txt", ["data"])
    Traceback (most recent call last):
    ...
    graph.problems.OutputError: data/dw-2020-07-14.txt is a file of the dataset data (geograph writes there only over its own pages and exports); choose an output outside data
    """
    out = Path(output)
    for given in inputs:
        path = Path(given)
        candidates = [path]
        if path.is_dir():
            candidates += dataset_files(path)
        for candidate in candidates:
            hit = _same(out, candidate) or (folder and _same(out, candidate.parent))
            if hit or (not folder and out.resolve() == candidate.resolve()):
                msg = f"{out} is one of this command's inputs ({candidate}); choose another output"
                raise OutputError(msg)
        home = _dataset_folder(path)
        if home is None or folder or not out.exists() or out.is_dir():
            continue
        if home.resolve() in out.resolve().parents and not _ours(out):
            msg = (
                f"{out} is a file of the dataset {given} (geograph writes there only over "
                f"its own pages and exports); choose an output outside {given}"
            )
            raise OutputError(msg)
    _check_suffix(out, fmt, folder)


def _staging_pid(staging: Path) -> int | None:
    head = staging.name[len(STAGING_PREFIX) :].split("-", 1)[0]
    return int(head) if head.isdigit() else None


def _dead(staging: Path) -> bool:
    pid = _staging_pid(staging)
    return pid is None or not alive(pid)


def recover(folder: str | os.PathLike) -> None:
    """Finish or undo a dataset write that was interrupted in ``folder``.

    A staging folder marked ``COMMITTED`` is moved into place (the new
    dataset wins); one without the mark, of a process that no longer runs,
    is removed (the old dataset stays). The staging folders that a killed
    write of a new folder left beside ``folder`` are removed too. Other
    files are never touched.
    """
    folder = Path(folder)
    if folder.parent.is_dir():
        for staging in folder.parent.glob(STAGING_PREFIX + "*"):
            if staging.is_dir() and not (staging / _COMMITTED).exists() and _dead(staging):
                shutil.rmtree(staging, ignore_errors=True)
    if not folder.is_dir():
        return
    for staging in sorted(folder.glob(STAGING_PREFIX + "*")):
        if not _dead(staging):
            continue  # a write under way: it finishes (or undoes) itself
        if staging.is_dir() and (staging / _COMMITTED).exists():
            _move_into(staging, folder)
            shutil.rmtree(staging, ignore_errors=True)
        else:
            shutil.rmtree(staging, ignore_errors=True)


def _fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _move_into(staging: Path, folder: Path) -> None:
    """Move the staged dataset files over ``folder``'s, removing dataset files not staged."""
    names = [ln for ln in (staging / _COMMITTED).read_text("utf-8").splitlines() if ln]
    for name in names:
        if (staging / name).exists():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            os.replace(staging / name, folder / name)
    for name, _ in TABLE_FILES.values():
        if name not in names:
            with contextlib.suppress(FileNotFoundError):
                (folder / name).unlink()
    _fsync_dir(folder)


def _refuse_existing(folder: Path, force: bool) -> None:
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"cannot write {folder}: it is a file; give a folder for the dataset")
    existing = dataset_files(folder) if folder.is_dir() else []
    if existing and not force:
        names = ", ".join(str(p) for p in existing)
        verb = "exists" if len(existing) == 1 else "exist"
        raise OutputError(
            f"{names} already {verb}; geograph never overwrites a dataset: "
            "choose an empty folder, or pass --force to replace it"
        )


@contextlib.contextmanager
def staged_dataset(
    folder: str | os.PathLike,
    *,
    force: bool = False,
    inputs: Iterable[str | os.PathLike] = (),
    files: Iterable[str] = (),
) -> Iterator[Path]:
    """A temporary folder to write a dataset's files into; moved into ``folder`` on success.

    Write only files named as in :data:`graph.schema.TABLE_FILES`, and the
    relative paths listed in ``files`` (a source's text), into the yielded
    folder. If the block raises, nothing in ``folder`` changes.

    Raises
    ------
    OutputError
        If ``folder`` holds a dataset and ``force`` is false, is a file, or
        is one of ``inputs``.
    """
    folder = Path(folder)
    if folder.is_symlink():  # write the folder the link names; the link stays
        folder = Path(os.path.realpath(folder))
    check_output(folder, inputs, folder=True)
    recover(folder)
    _refuse_existing(folder, force)
    fresh = not folder.exists() or not any(folder.iterdir())
    if fresh and folder.exists() and folder.resolve() == Path.cwd().resolve():
        fresh = False  # "." has no parent of its own to stage in, nor can rename(2) replace it
    if fresh and folder.is_dir() and not folder.stat().st_mode & 0o222:
        # rename(2) would replace the empty folder, and with it the mode its owner chose
        raise OutputError(
            f"cannot write {folder}: the folder is read-only; make it writable "
            f"(chmod u+w {folder}) or give another folder"
        )
    parent = folder.parent if fresh else folder
    try:
        parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f"{STAGING_PREFIX}{os.getpid()}-", dir=parent))
    except OSError as err:
        raise OutputError(f"cannot write {folder}: {err.strerror or err}") from err
    try:
        yield staging
        names = [name for name, _ in TABLE_FILES.values() if (staging / name).exists()]
        names += [name for name in dict.fromkeys(files) if (staging / name).is_file()]
        for name in names:
            with open(staging / name, "rb") as fh:
                os.fsync(fh.fileno())
        umask = os.umask(0)
        os.umask(umask)
        for name in names:
            os.chmod(staging / name, 0o666 & ~umask)
        if fresh:
            os.chmod(staging, 0o777 & ~umask)
            # rename(2) replaces an empty folder; a folder that appeared meanwhile is kept.
            if folder.exists() and any(folder.iterdir()):
                raise OutputError(f"{folder} was filled by another program meanwhile; try again")
            os.replace(staging, folder)
            _fsync_dir(folder.parent)
        else:
            (staging / _COMMITTED).write_text("\n".join(names) + "\n", "utf-8")
            _fsync_dir(staging)
            _move_into(staging, folder)
            shutil.rmtree(staging, ignore_errors=True)
    except OSError as err:
        shutil.rmtree(staging, ignore_errors=True)
        raise OutputError(f"cannot write {folder}: {err.strerror or err}") from err
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def write_dataset(
    folder: str | os.PathLike,
    tables: Mapping[str, tuple[Sequence[str], Iterable[Sequence[str]]]],
    *,
    force: bool = False,
    inputs: Iterable[str | os.PathLike] = (),
    files: Mapping[str, bytes] | None = None,
) -> list[Path]:
    """Write a dataset's tables as CSV files in ``folder``, all together or not at all.

    ``tables`` maps a table name of :data:`graph.schema.TABLE_FILES`
    (``"actors"``, ``"relations"``, ...) to its header and rows of text
    cells; ``files`` maps other paths, relative to ``folder`` (the sources'
    text files), to their bytes, written in the same step. Returns the files
    written, tables first in table order.

    Raises
    ------
    OutputError
        If ``folder`` already holds a dataset and ``force`` is false (nothing
        is written then), or if it is one of ``inputs``.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp()) / "new"
    >>> [p.name for p in write_dataset(d, {"actors": (["id", "name"], [["PRK", "North Korea"]])})]
    ['actors.csv']
    >>> write_dataset(d, {"actors": (["id", "name"], [])})
    Traceback (most recent call last):
    ...
    graph.problems.OutputError: .../new/actors.csv already exists; geograph never overwrites a dataset: choose an empty folder, or pass --force to replace it
    """
    folder = Path(folder)
    unknown = sorted(set(tables) - set(TABLE_FILES))
    if unknown:
        raise ValueError(
            f"tables: unknown table {unknown[0]!r}; use any of {', '.join(TABLE_FILES)}"
        )
    files = dict(files or {})
    for name in files:
        _check_extra(name)
    with staged_dataset(folder, force=force, inputs=inputs, files=files) as staging:
        for name in TABLE_FILES:
            if name in tables:
                header, rows = tables[name]
                text = format_csv(header, rows)
                with open(staging / TABLE_FILES[name][0], "w", encoding="utf-8", newline="") as fh:
                    fh.write(text)
        for name, content in files.items():
            (staging / name).parent.mkdir(parents=True, exist_ok=True)
            (staging / name).write_bytes(content)
    written = [folder / TABLE_FILES[name][0] for name in TABLE_FILES if name in tables]
    return written + [folder / name for name in files]


def _check_extra(name: str) -> None:
    """Refuse a dataset file path that is absolute, leaves the folder, or is a table's name."""
    path = Path(name)
    tables = {file for file, _ in TABLE_FILES.values()}
    if (
        path.is_absolute()
        or ".." in path.parts
        or not path.parts
        or path.parts[0].startswith(STAGING_PREFIX)
        or name in tables
    ):
        raise ValueError(f"files: {name!r} must be a relative path inside the dataset folder")


def write_text(path: str | os.PathLike, pieces: Iterable[str]) -> Path:
    """Write ``pieces`` one after another to ``path`` (UTF-8), atomically; return the path.

    The pieces go to a temporary file beside ``path``, renamed over it once
    all are written: a page is never held whole in memory, and if making a
    piece raises, ``path`` keeps what it held (or stays absent).

    Raises
    ------
    OutputError
        When the file cannot be written (the message names it and the cause).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "page.html"
    >>> write_text(out, ["<p>", "hello", "</p>"]).read_text(encoding="utf-8")
    '<p>hello</p>'
    """
    try:
        with atomic_open(path, "w", encoding="utf-8", newline="") as fh:
            for piece in pieces:
                fh.write(piece)
    except OSError as err:
        raise OutputError(f"cannot write {path}: {err.strerror or err}") from err
    return Path(path)
