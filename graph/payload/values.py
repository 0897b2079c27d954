"""Plain values from graph attributes: numpy to Python, NaN to None, text and number columns."""

from __future__ import annotations

import math
from operator import itemgetter
from typing import Any, overload


def _clean(value: Any) -> Any:
    """Turn a value into plain JSON-able Python (numpy -> Python, NaN -> None)."""
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value) if math.isfinite(value) else None
    if isinstance(value, dict):
        return {str(_clean(k)): _clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [_clean(v) for v in value]
        return sorted(items, key=str) if isinstance(value, (set, frozenset)) else items
    kind = type(value)
    if kind.__name__ in ("NAType", "NaTType"):  # pandas missing markers
        return None
    if kind.__module__ == "numpy" and hasattr(value, "tolist"):  # scalars and arrays alike
        return _clean(value.tolist())
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


_STR = frozenset((str,))


def _text(value: Any) -> str | None:
    """A text attribute: ``None`` for missing or blank, else a string."""
    if type(value) is str:  # the common case, kept cheap
        return value if value and not value.isspace() else None
    value = _clean(value)
    if value is None:
        return None
    text = value if isinstance(value, str) else str(value)
    return text if text.strip() else None


def _aliases(value: Any) -> list[str]:
    if type(value) is list and set(map(type, value)) <= _STR:  # as graph.load gives them
        stripped = list(map(str.strip, value))
        return stripped if all(stripped) else list(filter(None, stripped))
    value = _clean(value)
    if value is None:
        return []
    if isinstance(value, str):
        value = value.split(";")
    if not isinstance(value, list):
        value = [value]
    return [a.strip() for a in (str(v) for v in value if v is not None) if a.strip()]


@overload
def _number(value: Any, default: float) -> float: ...
@overload
def _number(value: Any, default: None) -> float | None: ...
def _number(value: Any, default: float | None) -> float | None:
    if type(value) is float:
        return value if math.isfinite(value) else default
    value = _clean(value)
    if isinstance(value, bool) or value is None:
        return default
    try:
        number = float(value)
    except (TypeError, ValueError):
        return default
    return number if math.isfinite(number) else default


def _flag(value: Any, default: bool) -> bool:
    if type(value) is bool:
        return value
    value = _clean(value)
    if value is None:
        return default
    if isinstance(value, str):
        return value.strip().lower() not in ("false", "0", "no", "")
    return bool(value)


def _extras(attrs: dict, known: frozenset) -> dict[str, Any]:
    """Attributes beyond the contract (extra CSV columns), cleaned, in stable order.

    An empty one (``None``, NaN) is left out, as an empty cell is no attribute.
    """
    if attrs.keys() <= known:
        return {}
    cleaned = ((str(k), _clean(v)) for k, v in attrs.items() if k not in known)
    return {k: v for k, v in cleaned if v is not None}


_PLAIN_TEXT = frozenset((str, type(None)))


def _texts(column: list) -> list[str | None]:
    """A text column: ``None`` for missing or blank, else a string.

    Checked in bulk first (``map`` and ``set`` run in C): a column of
    non-blank strings and ``None``, as ``graph.load`` gives, is kept as it is.
    """
    if (
        set(map(type, column)) <= _PLAIN_TEXT
        and "" not in column
        and not any(map(str.isspace, filter(None, column)))
    ):
        return column
    return [
        v if v is None or (type(v) is str and v and not v.isspace()) else _text(v) for v in column
    ]


def _numbers(column: list) -> list[Any]:
    """A numeric column: ``None`` where missing or not a finite number."""
    kinds = set(map(type, column))
    if kinds <= {int} or kinds <= {float} and all(map(math.isfinite, column)):
        return column
    return [_number(v, None) for v in column]


def _interned(texts: list, order: list | None = None) -> tuple[list, list]:
    """``(table, column)``: the distinct values (in ``order`` or first seen) and their indexes."""
    table = order if order is not None else [t for t in dict.fromkeys(texts) if t is not None]
    position: dict[Any, int | None] = {t: k for k, t in enumerate(table)}
    position[None] = None
    return table, list(map(position.__getitem__, texts))


def _columns(attrs_list: list[dict], names: tuple, missing: Any = None) -> list[list]:
    """The values of ``names`` for every dict, as one list per name (``missing`` where absent)."""
    if not attrs_list or not names:
        return [[] for _ in names]
    try:  # every key present (graph.load's graphs): fetched and transposed in C
        if len(names) == 1:
            return [list(map(itemgetter(names[0]), attrs_list))]
        return [list(c) for c in zip(*map(itemgetter(*names), attrs_list))]
    except KeyError:
        return [[a.get(name, missing) for a in attrs_list] for name in names]


def _node_id(node: Any) -> str:
    # The node key is the actor id; numpy ids become Python first, then text.
    return node if type(node) is str else str(_clean(node))
