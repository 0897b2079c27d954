"""Problems found in a dataset, the report that lists them, and the errors that carry them."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any

__all__ = [
    "Problem",
    "Report",
    "GeographError",
    "DataError",
    "OutputError",
    "ERROR",
    "WARNING",
    "printable",
    "counted",
]

ERROR = "error"
WARNING = "warning"

# C0 controls but tab, DEL and the C1 controls (CSI among them): what a terminal obeys.
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f]")


def counted(n: int, word: str) -> str:
    """``n`` and ``word``, plural unless ``n`` is 1: ``counted(1, "source")`` is ``"1 source"``.

    >>> counted(1, "source"), counted(0, "warning"), counted(2, "relation")
    ('1 source', '0 warnings', '2 relations')
    >>> counted(283_000, "event")
    '283,000 events'
    """
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def printable(text: str) -> str:
    """``text`` with control characters shown escaped, safe to print on a terminal.

    A cell holding ESC, NUL, a line break or another control character (tab
    excepted) could otherwise move the cursor, fake a line of output or
    rewrite what the terminal shows.

    Examples
    --------
    >>> printable("RUS\\x1b[2J\\x00\\tok\\n")
    'RUS\\\\x1b[2J\\\\x00\\tok\\\\x0a'
    """
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


@dataclass(frozen=True, order=True)
class Problem:
    """One problem at one place in one file.

    ``line`` is the physical line in the file (1 is the header), right even
    when a quoted cell spans several lines; ``column`` is the 1-based field
    position in that row. Both are ``None`` for problems of a whole file.
    ``str(problem)`` shows control characters escaped (:func:`printable`).

    Examples
    --------
    >>> p = Problem("data/relations.csv", 7, 3, "target", "unknown-actor",
    ...             'unknown actor "RUSS" (did you mean "RUS"?)')
    >>> print(p)
    data/relations.csv:7:3: unknown-actor unknown actor "RUSS" (did you mean "RUS"?)
    """

    file: str
    line: int | None
    column: int | None
    field: str | None
    code: str
    message: str
    severity: str = ERROR

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return printable(f"{where}: {self.code} {self.message}")

    def to_dict(self) -> dict[str, Any]:
        """The problem as a JSON-able dict."""
        return asdict(self)


class Report(list):
    """Every problem of a dataset (a list of :class:`Problem`), with its verdict.

    What :func:`graph.check` returns: iterate it, or compare it with a list,
    as the list of problems; ``errors``, ``warnings``, ``valid`` and
    :meth:`to_dict` (what ``geograph check --json`` prints) save callers
    from splitting it by severity themselves.

    Examples
    --------
    >>> r = Report([Problem("a.csv", 2, 1, "id", "bad-id", "x", "warning")])
    >>> r.valid, len(r.errors), len(r.warnings), r.counts
    (True, 0, 1, {'errors': 0, 'warnings': 1})
    >>> Report(r, strict=True).valid
    False
    """

    def __init__(self, problems: Iterable[Problem] = (), *, strict: bool = False):
        super().__init__(problems)
        self.strict = strict

    @property
    def errors(self) -> list[Problem]:
        """The problems that are errors."""
        return [p for p in self if p.severity == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        """The problems that are warnings."""
        return [p for p in self if p.severity != ERROR]

    @property
    def valid(self) -> bool:
        """No errors (and, when ``strict``, no warnings either)."""
        return not self.errors and not (self.strict and self.warnings)

    @property
    def counts(self) -> dict[str, int]:
        """How many errors and warnings."""
        return {"errors": len(self.errors), "warnings": len(self.warnings)}

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON-able data: valid, errors, warnings, counts."""
        return {
            "valid": self.valid,
            "errors": [p.to_dict() for p in self.errors],
            "warnings": [p.to_dict() for p in self.warnings],
            "counts": self.counts,
        }


class GeographError(Exception):
    """Base of the errors geograph raises for bad input or output; the CLI shows them in one line."""


class OutputError(GeographError):
    """An output cannot or must not be written (it exists, is an input, is not writable)."""


class DataError(GeographError):
    """A dataset has errors; ``problems`` lists every one of them (and warnings).

    ``source`` is the dataset (folder or workbook) they were found in, when known.

    Examples
    --------
    >>> err = DataError([Problem("a.csv", None, None, None, "missing-file", "not found")])
    >>> len(err.errors)
    1
    >>> print(DataError(err.problems, source="mydata"))
    1 error in mydata:
    a.csv: missing-file not found
    """

    def __init__(self, problems: Iterable[Problem], *, source: str | os.PathLike | None = None):
        self.source = source
        self.report = Report(problems)
        self.problems = list(self.report)
        n = len(self.errors)
        lines = "\n".join(str(p) for p in self.errors)
        where = f"in {os.fspath(source)}" if source is not None else "in the data"
        super().__init__(f"{counted(n, 'error')} {where}:\n{lines}")

    @property
    def errors(self) -> list[Problem]:
        """The problems that are errors (not warnings)."""
        return self.report.errors

    @property
    def warnings(self) -> list[Problem]:
        """The problems that are warnings."""
        return self.report.warnings
