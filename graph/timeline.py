"""Time: the graph at a date, the relations of a period, what changed between two dates.

Dates are partial ISO texts (``"2018"``, ``"2020-06"``, ``"2020-06-16"``)
and cover their whole period; see :mod:`graph.dates`. Every function here
also takes an ``int`` year and a ``datetime.date`` / ``datetime.datetime`` /
``pandas.Timestamp`` (its day), as :func:`graph.dates.parse_date` does.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .dataset import as_graph
from .dates import DateError, DateLike, date_text, interval, overlaps, parse_date
from .signed import DEFAULT_STATUSES, STATUSES, check_statuses, signed_graph

if TYPE_CHECKING:  # imported where used: `geograph build` does without them
    import networkx as nx
    import pandas as pd

__all__ = ["at", "between", "date_range", "check_in_range", "Diff", "diff"]

_RECORD = ("id", "source", "target", "relation", "sign", "intensity", "status", "start", "end")


def _subgraph(G, keep) -> nx.MultiDiGraph:
    import networkx as nx

    H = nx.MultiDiGraph()
    H.graph.update(G.graph)
    H.add_nodes_from(G.nodes(data=True))
    H.add_edges_from((u, v, k, d) for u, v, k, d in G.edges(keys=True, data=True) if keep(d))
    return H


def at(G, date: DateLike) -> nx.MultiDiGraph:
    """The relations valid at ``date``, with every actor.

    A relation is valid at a date when its ``start``-``end`` interval
    overlaps the date's period (:func:`graph.dates.overlaps`): ``at(G,
    "2020")`` keeps anything valid on some day of 2020.

    Parameters
    ----------
    G : networkx.MultiDiGraph or graph.Dataset
        The relation graph.
    date : str, int or datetime.date
        Partial ISO date (``"2018"``, ``"2020-06"``), an ``int`` year or a
        day (``datetime.date``, ``datetime.datetime``, ``pandas.Timestamp``).

    Returns
    -------
    networkx.MultiDiGraph
        A new graph with the same actors and graph attributes and only the
        valid relations (attributes shared with ``G``, not copied).

    Raises
    ------
    graph.dates.DateError
        If ``date`` is not a partial ISO date (a
        :class:`graph.dates.DateTypeError`, also a ``TypeError``, when it is
        neither a text, an int year nor a day).

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph(name="demo")
    >>> _ = G.add_edge("PRK", "KOR", key="r1", start="2018-04", end="2019")
    >>> _ = G.add_edge("PRK", "KOR", key="r2", start="2020-06-16", end="2020-06-16")
    >>> [k for *_, k in at(G, "2020").edges(keys=True)]
    ['r2']
    >>> at(G, "2018").graph["name"], at(G, "2017").number_of_nodes()
    ('demo', 2)
    """
    G = as_graph(G)
    date = date_text(date)  # fail on a bad date even when there is no edge
    return _subgraph(G, lambda d: overlaps(d.get("start"), d.get("end"), date))


def between(G, start: DateLike | None, end: DateLike | None) -> nx.MultiDiGraph:
    """The relations whose interval overlaps the period from ``start`` to ``end``.

    The period runs from the first day of ``start`` to the last day of
    ``end``; either side may be None (unbounded).

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("PRK", "KOR", key="r1", start="2018-04", end="2018-09")
    >>> _ = G.add_edge("PRK", "KOR", key="r2", start="2020-06-16", end=None)
    >>> [k for *_, k in between(G, "2019", "2020-06").edges(keys=True)]
    ['r2']
    >>> between(G, None, None).number_of_edges()
    2
    """
    G = as_graph(G)
    start = None if start is None else date_text(start)
    end = None if end is None else date_text(end)
    lo, hi = interval(start, end)
    if lo is not None and hi is not None and lo > hi:
        msg = f"the period starts ({start}) after it ends ({end})"
        raise ValueError(msg)

    def keep(d):
        a, b = interval(d.get("start"), d.get("end"))
        return (a is None or hi is None or a <= hi) and (b is None or lo is None or b >= lo)

    return _subgraph(G, keep)


def date_range(G) -> tuple[str | None, str | None]:
    """The earliest and latest dates written on any relation.

    Returns the texts as written (``start`` or ``end``) of the date whose
    period begins first and of the date whose period ends last, or
    ``(None, None)`` when no relation has a date.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("a", "b", start="2018-04", end=None)
    >>> _ = G.add_edge("a", "b", start="2017", end="2020-06-16")
    >>> date_range(G)
    ('2017', '2020-06-16')
    """
    G = as_graph(G)
    texts = {t for _, _, d in G.edges(data=True) for t in (d.get("start"), d.get("end")) if t}
    dates = [parse_date(t) for t in texts]  # each distinct text once: event data has few
    if not dates:
        return None, None
    first = min(dates, key=lambda p: (p.first, p.last))
    last = max(dates, key=lambda p: (p.last, -p.first.toordinal()))
    return first.text, last.text


def check_in_range(G, value: DateLike, name: str = "date") -> str:
    """``value`` as partial ISO text, when its period meets the data's dates; else ValueError.

    The view clamps a date outside its timeline to the nearest end, so a
    mistyped year (2031 for 2021) would open a page at another date without
    a word: the error names the argument, the data's range and the fix.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("a", "b", start="2018-04", end="2020-07")
    >>> check_in_range(G, 2020), check_in_range(G, "2018")
    ('2020', '2018')
    >>> check_in_range(G, "2031")
    Traceback (most recent call last):
    ...
    ValueError: date: 2031 is after the data, which runs from 2018-04 to 2020-07; give a date in that range
    """
    try:
        wanted = parse_date(value)
    except DateError as err:
        raise ValueError(f"{name}: {err}") from err
    first, last = date_range(G)
    if first is None or last is None:
        msg = f"{name}: {wanted.text} is given but no relation has a date; leave {name} out"
        raise ValueError(msg)
    runs = f"the data, which runs from {first} to {last}; give a date in that range"
    if wanted.last < parse_date(first).first:
        raise ValueError(f"{name}: {wanted.text} is before {runs}")
    if wanted.first > parse_date(last).last:
        raise ValueError(f"{name}: {wanted.text} is after {runs}")
    return wanted.text


def _record(data) -> dict:
    return {k: data.get(k) for k in _RECORD}


def _pair_status(G, date, wanted) -> dict:
    """For each actor pair, the strongest status among its valid relations."""
    best: dict = {}
    for u, v, d in G.edges(data=True):
        status = d.get("status")
        if u == v or status not in wanted or not overlaps(d.get("start"), d.get("end"), date):
            continue
        pair = tuple(sorted((u, v), key=str))
        if pair not in best or STATUSES.index(status) < STATUSES.index(best[pair]):
            best[pair] = status
    return best


@dataclass(frozen=True)
class Diff:
    """What changed between two dates.

    Attributes
    ----------
    before, after : str
        The two dates.
    appeared : list of dict
        Relations valid at ``after`` but not at ``before`` (``id``,
        ``source``, ``target``, ``relation``, ``sign``, ``intensity``,
        ``status``, ``start``, ``end``).
    ended : list of dict
        Relations valid at ``before`` but not at ``after``.
    sign_changes : list of dict
        Actor pairs whose collapsed sign (:func:`graph.signed.signed_graph`)
        differs: ``source``, ``target``, ``before``, ``after`` (-1, 0 or 1;
        0 also when there is no tie), ``weight_before``, ``weight_after``.
    status_changes : list of dict
        Actor pairs related at both dates whose strongest status (fact >
        claim > forecast) differs: ``source``, ``target``, ``before``,
        ``after``.
    """

    before: str
    after: str
    appeared: list
    ended: list
    sign_changes: list
    status_changes: list

    @property
    def backwards(self) -> bool:
        """Whether ``after`` ends before ``before`` begins: a comparison going back in time.

        Allowed (what was there in 2018 that was not in mid-2020?), and said:
        ``appeared`` then lists relations valid at the earlier date only.
        Overlapping or nested periods (``"2020"``, ``"2020-06"``) are not.
        """
        return parse_date(self.after).last < parse_date(self.before).first

    def to_dict(self) -> dict:
        """A JSON-able dict of the result (``backwards``: see :attr:`backwards`)."""
        return {
            "before": self.before,
            "after": self.after,
            "backwards": self.backwards,
            "appeared": [dict(r) for r in self.appeared],
            "ended": [dict(r) for r in self.ended],
            "sign_changes": [dict(r) for r in self.sign_changes],
            "status_changes": [dict(r) for r in self.status_changes],
        }

    def to_frame(self) -> pd.DataFrame:
        """One row per change; ``change`` is appeared, ended, sign or status.

        Columns: ``change``, ``id``, ``source``, ``target``, ``relation``,
        ``status``, ``before``, ``after``. For a relation that appeared or
        ended, ``before``/``after`` hold its sign at each date (None when
        not valid); for a pair they hold the old and new sign or status.
        """
        rows = []
        for kind, items in (("appeared", self.appeared), ("ended", self.ended)):
            for r in items:
                present = (None, r["sign"]) if kind == "appeared" else (r["sign"], None)
                rows.append(
                    {
                        "change": kind,
                        "id": r["id"],
                        "source": r["source"],
                        "target": r["target"],
                        "relation": r["relation"],
                        "status": r["status"],
                        "before": present[0],
                        "after": present[1],
                    }
                )
        for kind, items in (("sign", self.sign_changes), ("status", self.status_changes)):
            for r in items:
                rows.append(
                    {
                        "change": kind,
                        "id": None,
                        "source": r["source"],
                        "target": r["target"],
                        "relation": None,
                        "status": None,
                        "before": r["before"],
                        "after": r["after"],
                    }
                )
        columns = ["change", "id", "source", "target", "relation", "status", "before", "after"]
        import pandas as pd  # on first use: `geograph build` does without it

        return pd.DataFrame(rows, columns=columns, dtype=object)


def diff(G, d1: DateLike, d2: DateLike, *, statuses=None) -> Diff:
    """What changed between ``d1`` and ``d2``.

    Parameters
    ----------
    G : networkx.MultiDiGraph or graph.Dataset
        The relation graph.
    d1, d2 : str, int or datetime.date
        Partial ISO dates (an int year or a day too): from and to. ``d2``
        may be earlier than ``d1``: the diff then goes back in time and
        says so (:attr:`Diff.backwards`); a period, in :func:`between`,
        must run forwards.
    statuses : iterable of str, optional
        Which statuses count. The default (None) lists relations of every
        status as appeared/ended and compares pair statuses over all of
        them, while collapsed signs count facts and claims only, as
        :func:`graph.signed.signed_graph` does by default. When given, it
        applies to all four lists.

    Returns
    -------
    Diff
        Relations in chronological order of their start (open starts
        first, then by id); pairs ordered by their first actor, then the
        second (as text).

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("PRK", "KOR", key="r1", id="r1", relation="agree", sign=1,
    ...                intensity=8.0, status="fact", start="2018-04", end="2019")
    >>> _ = G.add_edge("PRK", "KOR", key="r2", id="r2", relation="attack", sign=-1,
    ...                intensity=-9.0, status="fact", start="2020-06-16", end="2020-06-16")
    >>> d = diff(G, "2018", "2020")
    >>> [r["id"] for r in d.appeared], [r["id"] for r in d.ended]
    (['r2'], ['r1'])
    >>> d.sign_changes[0]["before"], d.sign_changes[0]["after"]
    (1, -1)
    >>> d.to_frame()["change"].tolist()
    ['appeared', 'ended', 'sign']
    """
    G = as_graph(G)
    d1, d2 = date_text(d1), date_text(d2)
    wanted = check_statuses(statuses)
    sign_statuses = DEFAULT_STATUSES if statuses is None else wanted

    def valid(d, date):
        return d.get("status") in wanted and overlaps(d.get("start"), d.get("end"), date)

    appeared, ended = [], []
    for _, _, d in G.edges(data=True):
        was, now = valid(d, d1), valid(d, d2)
        if now and not was:
            appeared.append(_record(d))
        elif was and not now:
            ended.append(_record(d))

    s1 = signed_graph(G, d1, statuses=sign_statuses, keep_neutral=True)
    s2 = signed_graph(G, d2, statuses=sign_statuses, keep_neutral=True)
    pairs = {tuple(sorted(e, key=str)) for e in list(s1.edges) + list(s2.edges)}
    sign_changes = []
    for u, v in sorted(pairs, key=lambda p: (str(p[0]), str(p[1]))):
        a = s1.edges[u, v] if s1.has_edge(u, v) else {"sign": 0, "weight": 0.0}
        b = s2.edges[u, v] if s2.has_edge(u, v) else {"sign": 0, "weight": 0.0}
        if a["sign"] != b["sign"]:
            sign_changes.append(
                {
                    "source": u,
                    "target": v,
                    "before": a["sign"],
                    "after": b["sign"],
                    "weight_before": a["weight"],
                    "weight_after": b["weight"],
                }
            )

    p1, p2 = _pair_status(G, d1, wanted), _pair_status(G, d2, wanted)
    status_changes = [
        {"source": u, "target": v, "before": p1[(u, v)], "after": p2[(u, v)]}
        for u, v in sorted(p1.keys() & p2.keys(), key=lambda p: (str(p[0]), str(p[1])))
        if p1[(u, v)] != p2[(u, v)]
    ]
    for items in (appeared, ended):
        items.sort(key=_chronological)
    return Diff(d1, d2, appeared, ended, sign_changes, status_changes)


def _chronological(record):
    first, last = interval(record["start"], record["end"])
    return (first is not None, first or last or _dt.date.min, str(record["id"]))
