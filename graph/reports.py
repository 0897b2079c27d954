"""The reports that ``geograph stats --json`` and ``geograph balance --json`` print.

Each report is one JSON-able dict computed by the library with the
library's defaults as parameters: the command line passes its options
through and prints the same dict, so ``geograph balance DATA`` and
``graph.balance_report(G)`` answer the same question.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING

from .dataset import as_graph
from .dates import DateLike, date_text
from .schema import DEFAULT_STATUSES, STATUSES
from .signed import as_signed
from .timeline import date_range

if TYPE_CHECKING:  # networkx is imported where a graph is made: `geograph build` does without
    import networkx as nx

__all__ = ["LAST_DATE", "DEFAULT_STATUSES", "STATUSES", "stats_report", "balance_report"]

#: The ``date`` of :func:`balance_report` that means the last date in the data.
LAST_DATE = "last"


def stats_report(G: nx.Graph) -> dict:
    """Everything ``geograph stats`` prints, as one JSON-able dict.

    Parameters
    ----------
    G : networkx.MultiDiGraph or graph.Dataset
        The relation graph.

    Returns
    -------
    dict
        ``name``; ``actors`` and ``relations`` (counts); ``actor_types``,
        ``statuses``, ``signs`` (``"+"``, ``"0"``, ``"-"``) and
        ``relation_types``: counts, most frequent first then by name;
        ``dates``: earliest and latest date written; ``sources``: number of
        sources; ``components``: connected groups of actors (ignoring
        direction); ``isolated``: actors with no relation; ``top_actors``:
        the five actors with most relations, as ``[actor, count]``.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph(name="demo")
    >>> G.add_node("ATA", type="location")
    >>> _ = G.add_edge("PRK", "KOR", relation="attack", sign=-1, status="fact",
    ...                start="2020-06-16", end="2020-06-16")
    >>> r = stats_report(G)
    >>> r["relations"], r["signs"], r["isolated"], r["dates"]
    (1, {'-': 1}, ['ATA'], ['2020-06-16', '2020-06-16'])
    """
    G = as_graph(G)

    import networkx as nx

    def ranked(counter):
        return dict(sorted(counter.items(), key=lambda kv: (-kv[1], str(kv[0]))))

    edges = list(G.edges(data=True))
    involvement: Counter = Counter()
    for u, v, _ in edges:
        involvement[u] += 1
        if v != u:
            involvement[v] += 1
    signs = Counter({1: "+", 0: "0", -1: "-"}.get(d.get("sign"), "?") for _, _, d in edges)
    statuses = Counter(d.get("status") for _, _, d in edges)
    return {
        "name": G.graph.get("name"),
        "actors": G.number_of_nodes(),
        "relations": len(edges),
        "sources": len(G.graph.get("sources") or {}),
        "actor_types": ranked(Counter(d.get("type") for _, d in G.nodes(data=True))),
        "statuses": {s: statuses[s] for s in STATUSES if statuses[s]}
        | {str(s): c for s, c in statuses.items() if s not in STATUSES},
        "signs": {k: signs[k] for k in ("+", "0", "-", "?") if signs[k]},
        "relation_types": ranked(Counter(d.get("relation") for _, _, d in edges)),
        "dates": list(date_range(G)),
        "components": nx.number_weakly_connected_components(G)
        if G.is_directed()
        else nx.number_connected_components(G),
        "isolated": sorted((n for n in G if involvement[n] == 0), key=str),
        "top_actors": [
            [n, c] for n, c in sorted(involvement.items(), key=lambda kv: (-kv[1], str(kv[0])))[:5]
        ],
    }


def balance_report(
    G: nx.Graph,
    date: DateLike | None = LAST_DATE,
    *,
    statuses: Iterable[str] | str | None = DEFAULT_STATUSES,
    k: int = 2,
) -> dict:
    """Everything ``geograph balance`` prints, as one JSON-able dict.

    Parameters
    ----------
    G : networkx.MultiDiGraph or graph.Dataset
        The relation graph.
    date : str, int, datetime.date or None
        Partial ISO date (``"2018"``, ``"2020-06"``), an ``int`` year or a
        day (``datetime.date``, ``pandas.Timestamp``); ``"last"`` (the
        default, :data:`LAST_DATE`) is the last date written in the data
        (every relation when there is none); None takes every relation
        whatever its dates.
    statuses : iterable of str, optional
        Which statuses count: fact and claim by default (forecasts left
        out); None for every status.
    k : int
        Number of groups for ``"blocs"``; with k=2 they equal the
        frustration blocs.

    Returns
    -------
    dict
        ``name``, ``date`` (the date used), ``statuses``, ``actors`` (with a signed tie), ``edges``,
        ``positive``, ``negative``, ``triangles`` (see
        :func:`graph.balance.triangle_counts`), ``frustration`` (see
        :meth:`graph.balance.Frustration.to_dict`; each violating edge also lists its
        ``relations``) and ``blocs`` (see :meth:`graph.balance.Blocs.to_dict`).
        ``note`` says why there is nothing to balance when no signed tie
        holds at the date (before the data starts, after it ends, a gap),
        with the data's dates; else it is None. With nothing to balance,
        ``frustration``'s ``frustration``, ``normalised``, ``exact`` and
        ``lower_bound`` are None: no index, rather than a 0 that would read
        as perfectly balanced.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> for i, (u, v, s) in enumerate([("USA", "KOR", 1), ("USA", "PRK", -1),
    ...                                ("KOR", "PRK", -1)]):
    ...     _ = G.add_edge(u, v, key=f"r{i}", id=f"r{i}", sign=s, intensity=5.0 * s,
    ...                    status="fact", start="2020", end=None)
    >>> report = balance_report(G, "2020")
    >>> report["frustration"]["frustration"], report["frustration"]["blocs"]
    (0, [['KOR', 'USA'], ['PRK']])
    """
    G = as_graph(G)
    if isinstance(date, str) and date == LAST_DATE:
        date = date_range(G)[1]
    elif date is not None:
        date = date_text(date)
    if G.is_directed() or G.is_multigraph():
        S = as_signed(G, date, statuses=statuses)
    else:
        S = as_signed(G, date)
    # the balance modules (and numpy) are loaded here, not by every command of the CLI
    from .balance.index import frustration
    from .balance.partition import blocs
    from .balance.sides import signed_edges
    from .balance.triangles import triangle_counts

    f = frustration(S)
    b = blocs(S, k)
    out_f = f.to_dict()
    for item in out_f["violating"]:
        item["relations"] = list(S.edges[item["source"], item["target"]].get("relations", []))
    edges = signed_edges(S)
    note = None
    if not edges:
        first, last = date_range(G)
        shown = " or ".join(S.graph.get("statuses", []))
        note = f"nothing to balance: no {shown} relation with a sign holds at {date or 'any date'}"
        if first:
            note += f"; the data's dates run from {first} to {last}"
        out_f.update(frustration=None, normalised=None, exact=None, lower_bound=None)
    return {
        "name": S.graph.get("name"),
        "note": note,
        "date": date,
        "statuses": list(S.graph.get("statuses", [])),
        "actors": len({x for u, v, _ in edges for x in (u, v)}),
        "edges": len(edges),
        "positive": sum(s > 0 for _, _, s in edges),
        "negative": sum(s < 0 for _, _, s in edges),
        "triangles": triangle_counts(S),
        "frustration": out_f,
        "blocs": b.to_dict(),
    }
