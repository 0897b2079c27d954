"""What to say when a file is not there: the folder looked in, what it holds, and the fix."""

from __future__ import annotations

from pathlib import Path

from ..schema import REQUIRED, TABLE_FILES

__all__ = ["missing_file_message"]

#: How similar (0-100) a name's first part must be to the wanted one's to be offered.
_CUTOFF = 75.0
_LISTED = 8  # names listed from the folder at most
_SPREADSHEETS = (".xlsx", ".xlsm", ".xls", ".ods", ".numbers")


def _stem(name: str) -> str:
    """The name before its first dot, folded: ``Actors.csv.txt`` -> ``actors``."""
    return name.split(".", 1)[0].casefold()


def _fix(found: str, wanted: str) -> str:
    """How to turn the file ``found`` into ``wanted``."""
    suffix = found[len(found.split(".", 1)[0]) :].casefold()
    if suffix.endswith(_SPREADSHEETS):
        return f'save {found} from the spreadsheet as "CSV UTF-8" under the name {wanted}'
    if suffix == ".txt":  # Excel's "Unicode text": UTF-16 with tabs, which is read as it is
        return f"rename {found} to {wanted} (its text is read as it is)"
    if suffix.endswith(".txt"):
        return (
            f"rename {found} to {wanted} (Windows hides the .txt at its end: "
            "show file name extensions to see it)"
        )
    if found.casefold() == wanted.casefold():
        return f"rename {found} to {wanted} (the name must be in lower case)"
    return f"rename {found} to {wanted}"


def missing_file_message(path: str | Path, folder_shown: str | None = None) -> str:
    """Why the file at ``path`` is not read, and the fix: for a ``missing-file`` problem.

    The message names the folder looked in and what it holds; a file of a
    close name (``Actors.csv``, ``actor.csv``, ``actors.xlsx``,
    ``actors.csv.txt``) is named with how to make it the one wanted, and a
    folder without a dataset file gets ``geograph init``.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp()) / "data"
    >>> d.mkdir()
    >>> print(missing_file_message(d / "actors.csv", "data"))
    no actors.csv in data, which is empty; start a dataset there with: geograph init data
    >>> _ = (d / "Actors.csv").write_text("id,name\\n")
    >>> _ = (d / "relations.csv").write_text("source,target,relation,status\\n")
    >>> print(missing_file_message(d / "actors.csv", "data"))
    no actors.csv in data, which holds Actors.csv and relations.csv; rename Actors.csv to actors.csv (the name must be in lower case)
    """
    path = Path(path)
    wanted, folder = path.name, path.parent
    shown = folder_shown if folder_shown is not None else str(folder)
    here = shown in ("", ".")
    if here:
        shown = f"the current folder ({Path.cwd()})"
    try:
        names = sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))
    except OSError:
        return f"no {wanted} in {shown}, which cannot be listed"
    if not names:
        holds = "which is empty"
    else:
        listed = names[:_LISTED] + (
            [f"{len(names) - _LISTED} more"] if len(names) > _LISTED else []
        )
        holds = "which holds " + (
            f"{', '.join(listed[:-1])} and {listed[-1]}" if len(listed) > 1 else listed[0]
        )
    tables = {f for f, _ in TABLE_FILES.values()}
    from rapidfuzz import fuzz  # only for a missing file: a clean read does without it

    close = [n for n in names if n not in tables and fuzz.ratio(_stem(n), _stem(wanted)) >= _CUTOFF]
    close.sort(key=lambda n: -fuzz.ratio(n.casefold(), wanted))
    if close:
        fix = _fix(close[0], wanted)
    elif wanted in tables and not tables & set(names):
        fix = f"start a dataset there with: geograph init {'.' if here else shown}"
    elif wanted in tables:
        table = next(n for n, (f, _) in TABLE_FILES.items() if f == wanted)
        header = ",".join(REQUIRED[table])
        fix = f"add {wanted}, whose first line names its columns: {header} at least"
    else:
        fix = "give the path of a file that exists"
    return f"no {wanted} in {shown}, {holds}; {fix}"
