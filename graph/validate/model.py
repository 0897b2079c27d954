"""What validation produces: the typed records of a dataset."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Tables"]


@dataclass
class Tables:
    """Validated records of a dataset, in file order, with their columns.

    ``columns`` keeps, per table, the column names as they appear in the
    file (so an export writes the same columns in the same order).
    ``lines`` maps each record's id to its physical line. A large relations
    file checked column by column leaves ``relations`` empty and holds the
    same records as ``relation_columns`` (column name -> one value per
    relation, in file order).
    """

    actors: list[dict[str, Any]] = field(default_factory=list)
    relations: list[dict[str, Any]] = field(default_factory=list)
    sources: list[dict[str, Any]] = field(default_factory=list)
    vocabulary: dict[str, dict[str, Any]] = field(default_factory=dict)
    columns: dict[str, list[str]] = field(default_factory=dict)
    #: Per table read, the delimiter its file uses ("," or ";" or a tab).
    delimiters: dict[str, str] = field(default_factory=dict)
    lines: dict[str, Mapping[str, int]] = field(default_factory=dict)
    relation_columns: dict[str, list[Any]] | None = None
