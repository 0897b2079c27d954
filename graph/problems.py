"""Problems found in a dataset, and the exception that carries them."""

from __future__ import annotations

from dataclasses import asdict, dataclass

__all__ = ["Problem", "GeographError", "DataError", "OutputError", "ERROR", "WARNING"]

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One problem at one place in one file.

    ``line`` is the physical line in the file (1 is the header), right even
    when a quoted cell spans several lines; ``column`` is the 1-based field
    position in that row. Both are ``None`` for problems of a whole file.

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
        return f"{where}: {self.code} {self.message}"

    def to_dict(self) -> dict:
        """The problem as a JSON-able dict."""
        return asdict(self)


class GeographError(Exception):
    """Base of the errors geograph raises for bad input or output; the CLI shows them in one line."""


class OutputError(GeographError):
    """An output cannot or must not be written (it exists, is an input, is not writable)."""


class DataError(GeographError):
    """A dataset has errors; ``problems`` lists every one of them (and warnings).

    Examples
    --------
    >>> err = DataError([Problem("a.csv", None, None, None, "missing-file", "not found")])
    >>> len(err.errors)
    1
    """

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        n = len(self.errors)
        lines = "\n".join(str(p) for p in self.errors)
        super().__init__(f"{n} error{'s' if n != 1 else ''} in the data:\n{lines}")

    @property
    def errors(self) -> list[Problem]:
        """The problems that are errors (not warnings)."""
        return [p for p in self.problems if p.severity == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        """The problems that are warnings."""
        return [p for p in self.problems if p.severity == WARNING]
