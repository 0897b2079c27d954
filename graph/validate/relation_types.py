"""``relation_types.csv``: the dataset's own relation types over the shipped vocabulary."""

from __future__ import annotations

from typing import Any

from ..read import Table
from ..vocabulary import default_vocabulary
from .cells import BAD, Checker, extras, ids, number, present, text
from .model import Tables


def validate_relation_types(
    table: Table | None, checker: Checker, out: Tables
) -> dict[str, dict[str, Any]]:
    """The vocabulary in force: the shipped types, extended or overridden by ``table``."""
    vocab = default_vocabulary()
    if table is None or not present(table, "relation_types", checker):
        return vocab
    out.columns["relation_types"] = list(table.header)
    seen = ids(checker, table.rows, "relation")
    for row in table.rows:
        name = row.values.get("relation", "")
        if name not in seen or seen[name] != row.line:
            continue
        sign = number(checker, row, "sign", -1, 1, True)
        intensity = number(checker, row, "intensity", -10, 10, False)
        if sign is None:
            checker.add(row, "sign", "missing-value", "sign is empty; write -1, 0 or 1")
        if intensity is None:
            checker.add(
                row,
                "intensity",
                "missing-value",
                "intensity is empty; write a number from -10 to 10",
            )
        quad = number(checker, row, "quad_class", 1, 4, True, words=False)
        if any(x is None or x is BAD for x in (sign, intensity)):
            continue
        record: dict[str, Any] = {
            "relation": name,
            "sign": sign,
            "intensity": intensity,
            "cameo": text(row, "cameo"),
            "plover": text(row, "plover"),
            "quad_class": None if quad is BAD else quad,  # a bad one is reported
            "description": text(row, "description") or "",
        }
        for k, h in extras(table, "relation_types"):
            record[h] = text(row, k)
        vocab[name] = record
    return vocab
