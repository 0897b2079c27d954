"""What an event import did: counts, bad rows and the library's exception."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from ..problems import GeographError, counted

__all__ = ["EventImportError", "BadRow", "ImportReport"]

#: How many bad rows, unknown codes and unmapped names a report keeps as samples.
SAMPLE_SIZE = 20


class EventImportError(GeographError):
    """A fatal problem with an event import: missing file, wrong format, strict failure, engine error.

    The message names the file and the fix; the CLI prints it as one line (and
    any lines of examples after it).
    """


@dataclass(frozen=True)
class BadRow:
    """A row that could not be read: file as given, physical line (1-based), reason."""

    file: str
    line: int | None
    reason: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line is not None else self.file
        return f"{where}: {self.reason}"


@dataclass
class ImportReport:
    """Counts of an import.

    Every data row read is accounted for exactly once::

        rows_read == bad_rows + events_used + events_missing_actor
                     + events_same_actor + events_unknown_code

    ``events_same_actor`` are events whose two actors fall on the same actor
    id at the chosen level (for example USA police against USA protesters at
    country level); they are counted, not drawn as self-loops.
    """

    source: str
    files: list[str]
    out_dir: str
    period: str
    actors: str
    rows_read: int = 0
    bad_rows: int = 0
    bad_row_samples: list[BadRow] = field(default_factory=list)
    events_used: int = 0
    events_missing_actor: int = 0
    events_same_actor: int = 0
    events_unknown_code: int = 0
    unknown_codes: list[str] = field(default_factory=list)
    unmapped_actors: list[str] = field(default_factory=list)
    relations_written: int = 0
    actors_written: int = 0

    @property
    def rows_rejected(self) -> int:
        """Rows that could not be read (the same as ``bad_rows``)."""
        return self.bad_rows

    def to_dict(self) -> dict:
        """Plain JSON-ready dict (bad rows as ``{"file", "line", "reason"}``)."""
        return asdict(self)

    def summary(self) -> str:
        """A few lines for a terminal."""
        lines = [
            f"read {counted(self.rows_read, 'row')} from "
            f"{counted(len(self.files), self.source + ' file')}",
            f"{counted(self.events_used, 'event')} -> "
            f"{counted(self.relations_written, 'relation')} between "
            f"{counted(self.actors_written, 'actor')} (per {self.period}, {self.actors} level)",
        ]
        if self.events_missing_actor:
            lines.append(
                f"{counted(self.events_missing_actor, 'event')} "
                f"{_verb(self.events_missing_actor, 'lacks', 'lack')} a source or target actor "
                f"at {self.actors} level (not imported)"
            )
        if self.events_same_actor:
            lines.append(
                f"{counted(self.events_same_actor, 'event')} "
                f"{_verb(self.events_same_actor, 'has', 'have')} the same actor on both sides "
                "(not imported)"
            )
        if self.events_unknown_code:
            codes = ", ".join(self.unknown_codes)
            lines.append(
                f"{counted(self.events_unknown_code, 'event')} "
                f"{_verb(self.events_unknown_code, 'has', 'have')} a CAMEO code outside the "
                f"relation vocabulary ({codes})"
            )
        if self.unmapped_actors:
            lines.append("no ISO 3166 code found for: " + ", ".join(self.unmapped_actors))
        if self.bad_rows:
            lines.append(
                f"{counted(self.bad_rows, 'bad row')} rejected (not imported), for example:"
            )
            lines.extend(f"  {b}" for b in self.bad_row_samples[:5])
        return "\n".join(lines)


def _verb(n: int, one: str, many: str) -> str:
    """The verb agreeing with ``n`` events: ``has`` for 1, ``have`` otherwise."""
    return one if n == 1 else many
