"""The relation vocabulary: relation types with default sign and intensity.

The package ships ``graph/relation_types.csv``, aligned with CAMEO root
codes (and PLOVER categories) so that machine-coded event data can be
mapped onto it. A dataset can extend or override it with its own
``relation_types.csv`` (same columns).
"""

from __future__ import annotations

import csv
import io
from importlib import resources

from .schema import ACTOR_TYPES, STATUSES, VOCABULARY_COLUMNS

__all__ = ["VOCABULARY_COLUMNS", "default_vocabulary", "STATUSES", "ACTOR_TYPES"]


def default_vocabulary() -> dict[str, dict]:
    """The relation types shipped with geograph, keyed by name.

    Examples
    --------
    >>> v = default_vocabulary()
    >>> v["sanction"]["sign"], v["sanction"]["intensity"], v["sanction"]["cameo"]
    (-1, -8.0, '163')
    """
    text = resources.files("graph").joinpath("relation_types.csv").read_text("utf-8")
    out = {}
    for row in csv.DictReader(io.StringIO(text)):
        out[row["relation"]] = {
            "relation": row["relation"],
            "sign": int(row["sign"]),
            "intensity": float(row["intensity"]),
            "cameo": row["cameo"],  # text: leading zeros matter
            "plover": row["plover"] or None,
            "quad_class": int(row["quad_class"]) if row["quad_class"] else None,
            "description": row["description"],
        }
    return out
