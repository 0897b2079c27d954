"""'Did you mean' suggestions for a value that names nothing known.

The look-ups go through rapidfuzz (its ``fuzz.ratio`` is the similarity
difflib's ``get_close_matches`` used, ``2 * matches / total length``, in C):
with thousands of actors and a thousand typos, difflib took half a minute.
An index is built once per set of choices and reused for every row.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

__all__ = ["Suggester", "suggest", "closest", "meant_column"]

from ..read.headers import CUTOFF, meant_column

_SEP = "\x1f"


_BLOCK = 256  # queries per similarity matrix: 256 x choices float32 values


def _best_many(queries: list[str], choices: list[str], n: int) -> list[list[str]]:
    """For each query, the ``n`` choices at least :data:`CUTOFF` similar, best first, ties in order.

    ``fuzz.ratio`` is ``200 * common / (len(a) + len(b))`` with ``common`` at
    most the shorter length, so a choice much shorter or longer than a query
    cannot reach the cutoff: each length of query is scored against the
    choices whose length can (the names of 5,000 actors are mostly longer
    than a mistyped id).
    """
    out: list[list[str]] = [[] for _ in queries]
    if not choices or not queries:
        return out
    import numpy as np  # loaded only when something needs a suggestion
    from rapidfuzz import fuzz, process

    lengths = np.fromiter(map(len, choices), dtype=np.int64, count=len(choices))
    by_length: dict[int, list[int]] = {}
    for k, query in enumerate(queries):
        by_length.setdefault(len(query), []).append(k)
    for length, where in by_length.items():
        reach = 200.0 * np.minimum(length, lengths) / np.maximum(length + lengths, 1)
        near = np.flatnonzero(reach >= CUTOFF - 1).tolist()  # a margin: one too many scores 0
        if not near:
            continue
        subset = [choices[i] for i in near]  # in the choices' order, so ties keep it
        for at in range(0, len(where), _BLOCK):
            block = where[at : at + _BLOCK]
            scores = process.cdist(
                [queries[k] for k in block],
                subset,
                scorer=fuzz.ratio,
                score_cutoff=CUTOFF,
                workers=1,  # a few ms of scores: threads would only wait on a busy machine
            )
            # n passes of argmax, which gives the first of equal scores: best first,
            # ties in the choices' order; below the cutoff a score is 0
            rows = np.arange(len(block))
            picks = []
            for _ in range(min(n, len(subset))):
                best = scores.argmax(axis=1)
                picks.append(np.where(scores[rows, best] > 0, best, -1).tolist())
                scores[rows, best] = 0
            for j, k in enumerate(block):
                out[k] = [subset[p[j]] for p in picks if p[j] >= 0]
    return out


def _best(value: str, choices: list[str], n: int) -> list[str]:
    return _best_many([value], choices, n)[0]


def closest(value: str, choices: Iterable[str], n: int = 3) -> list[str]:
    """The ``n`` choices most similar to ``value``, best first, ties in the choices' order.

    Examples
    --------
    >>> closest("atack", ["attack", "threaten", "stack"])
    ['attack', 'stack']
    >>> closest("zzz", ["attack"])
    []
    """
    from rapidfuzz import fuzz, process

    choices = choices if isinstance(choices, list) else list(choices)
    hits = process.extract(value, choices, scorer=fuzz.ratio, score_cutoff=CUTOFF, limit=n)
    # extract sorts by score and keeps the choices' order among equals
    return [choice for choice, _, _ in hits]


class Suggester:
    """Suggestions among a fixed set of ids, optionally with their names and aliases.

    Parameters
    ----------
    choices : iterable of str
        The valid values (ids), in file order.
    labels : mapping, optional
        For each id, its name and aliases joined by ``"\\x1f"`` (name first);
        a name or alias typed where the id belongs suggests the id.

    Examples
    --------
    >>> s = Suggester(["PRK", "KOR", "RUS"], {"PRK": "North Korea\\x1fPyongyang", "KOR": "South Korea"})
    >>> s("PKR")
    ' (did you mean "PRK" (North Korea) or "KOR" (South Korea)?)'
    >>> s("pyongyang")
    ' (did you mean "PRK" (North Korea)?)'
    >>> s("Pyongyan")
    ' (did you mean "PRK" (North Korea, alias "Pyongyang")?)'
    >>> s("XYZ")
    ''
    """

    def __init__(self, choices: Iterable[str], labels: Mapping[str, str] | None = None):
        self.choices = list(choices)
        # a value differing only in case: the last such choice, as before
        self._lowered = {c.lower(): c for c in self.choices}
        self._labels = dict(labels or {})
        self._by_name: dict[str, list[str]] = {}  # a name or alias -> every id it belongs to
        self._first: dict[str, str] = {}  # a name or alias -> the first id it belongs to
        self._written: dict[str, str] = {}  # a name or alias as first written, by its lower case
        for cid, label in self._labels.items():
            for name in label.split(_SEP):
                key = name.lower()
                self._written.setdefault(key, name)
                ids = self._by_name.setdefault(key, [])
                if cid not in ids:
                    ids.append(cid)
                self._first.setdefault(key, cid)
        self._names = list(self._first)
        self._cache: dict[tuple[str, int], str] = {}

    def hits(self, value: str, n: int = 3) -> list[str]:
        """The suggested ids for ``value``, best first, at most ``n``."""
        found = self._hits(
            value, _best(value, self.choices, n), _best(value.lower(), self._names, n), n
        )
        return [cid for cid, _ in found]

    def _hits(
        self, value: str, by_id: list[str], by_name: list[str], n: int
    ) -> list[tuple[str, str]]:
        """The suggested ids, each with the name or alias that led to it (``""``: the id)."""
        lower = value.lower()
        found: dict[str, str] = {}

        def add(cid: str, via: str = "") -> None:
            found.setdefault(cid, via)

        if lower in self._lowered:
            add(self._lowered[lower])
        for cid in self._by_name.get(lower, ()):
            add(cid)  # a name or alias typed where an id belongs: no need to say which
        for cid in by_id:
            add(cid)
        for name in by_name:
            add(self._first[name], name)
        return list(found.items())[:n]

    def prepare(self, values: Iterable[str], n: int = 3) -> None:
        """Work out the suggestions for many values at once, for later calls.

        Examples
        --------
        >>> s = Suggester(["PRK", "KOR"])
        >>> s.prepare(["PKR", "KRO"])
        >>> s("KRO")
        ' (did you mean "KOR"?)'
        """
        todo = [v for v in dict.fromkeys(values) if (v, n) not in self._cache]
        if not todo:
            return
        by_id = _best_many(todo, self.choices, n)
        # names come after ids in a suggestion: they are looked up only for the
        # values that the ids (and exact names) leave short of n suggestions
        short = [k for k, v in enumerate(todo) if len(self._hits(v, by_id[k], [], n)) < n]
        by_name: list[list[str]] = [[] for _ in todo]
        found = _best_many([todo[k].lower() for k in short], self._names, n)
        for k, names in zip(short, found):
            by_name[k] = names
        for value, ids, names in zip(todo, by_id, by_name):
            hits = self._hits(value, ids, names, n)
            self._cache[(value, n)] = (
                f" (did you mean {_either([self._show(c, via) for c, via in hits])}?)"
                if hits
                else ""
            )

    def __call__(self, value: str, n: int = 3) -> str:
        """``' (did you mean "RUS" (Russia)?)'``, or ``''`` when nothing is close."""
        self.prepare([value], n)  # the same typo tends to come back row after row: cached
        return self._cache[(value, n)]

    def _show(self, cid: str, via: str = "") -> str:
        """``"CHN" (China)``; ``"CHN" (China, alias "PRC")`` when the alias is what came close."""
        name = self._labels.get(cid, "").split(_SEP)[0]
        alias = self._written.get(via, "")
        if alias.lower() in (name.lower(), cid.lower()):
            alias = ""  # the name or the id itself: nothing more to say
        said = ", ".join(
            ([name] if name and name != cid else []) + ([f'alias "{alias}"'] if alias else [])
        )
        return f'"{cid}" ({said})' if said else f'"{cid}"'


def _either(shown: list[str]) -> str:
    """``a or b``; ``a, b or c`` for three or more."""
    return " or ".join(shown) if len(shown) < 3 else f"{', '.join(shown[:-1])} or {shown[-1]}"


def suggest(value: str, choices: Iterable[str], n: int = 3) -> str:
    """A one-off suggestion among ``choices``: ``' (did you mean "fact"?)'`` or ``''``.

    Examples
    --------
    >>> suggest("fakt", ["fact", "claim", "forecast"])
    ' (did you mean "fact"?)'
    """
    return Suggester(choices)(value, n)
