"""Exploration: tables of actors and relations, friends and adversaries, centrality, chains.

Everything an analyst asks of one actor or one pair, as pandas frames or
plain lists and dicts.
"""

from __future__ import annotations

from collections import Counter

import networkx as nx
import pandas as pd

from . import schema as _schema
from .actors import check_actor
from .dataset import as_graph
from .dates import DateLike, date_text, interval, overlaps
from .signed import DEFAULT_STATUSES, check_number, check_statuses, signed_graph

__all__ = [
    "RELATION_COLUMNS",
    "ACTOR_COLUMNS",
    "relations_frame",
    "actors_frame",
    "friends",
    "adversaries",
    "centrality",
    "connection",
]

#: Columns of :func:`relations_frame`, in order (extra CSV columns follow,
#: sorted, then ``first`` and ``last``).
RELATION_COLUMNS = tuple(_schema.RELATION_COLUMNS)
#: Columns of :func:`actors_frame`, in order (extra CSV columns follow, sorted).
ACTOR_COLUMNS = tuple(_schema.ACTOR_COLUMNS)

_EVIDENCE = (
    "id",
    "relation",
    "source",
    "target",
    "sign",
    "intensity",
    "status",
    "start",
    "end",
    "source_id",
    "said_by",
    "quote",
)


def relations_frame(G, actor=None) -> pd.DataFrame:
    """The relations as a pandas DataFrame, one row per relation.

    Parameters
    ----------
    G : networkx.MultiDiGraph or graph.Dataset
        The relation graph.
    actor : str, optional
        Keep only the relations where this actor is source or target.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`RELATION_COLUMNS`, then extra attributes (sorted),
        then ``first`` and ``last``: the first day of ``start`` and the last
        day of ``end`` as datetimes (NaT when open). Rows in graph order;
        the index is the relation id.

    Raises
    ------
    graph.actors.UnknownActor
        If ``actor`` is not in the graph (a ``networkx.NodeNotFound`` and a
        ``ValueError``), with the closest actors and the ids.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("PRK", "KOR", key="r1", id="r1", relation="attack", sign=-1,
    ...                status="fact", start="2020-06", end="2020-06")
    >>> _ = G.add_edge("USA", "CHN", key="r2", id="r2", relation="sanction", sign=-1,
    ...                status="fact", start="2018", end=None)
    >>> df = relations_frame(G, "KOR")
    >>> df[["source", "target", "relation", "start"]].to_dict("records")
    [{'source': 'PRK', 'target': 'KOR', 'relation': 'attack', 'start': '2020-06'}]
    >>> str(df.loc["r1", "last"].date())
    '2020-06-30'
    """
    G = as_graph(G)
    if actor is not None:
        check_actor(G, actor)
    rows = [
        {"source": u, "target": v} | d
        for u, v, d in G.edges(data=True)
        if actor is None or actor in (u, v)
    ]
    extra = sorted({k for d in rows for k in d} - set(RELATION_COLUMNS))
    columns = list(RELATION_COLUMNS) + extra
    df = pd.DataFrame([{c: d.get(c) for c in columns} for d in rows], columns=columns)
    spans = [interval(d.get("start"), d.get("end")) for d in rows]
    df["first"] = pd.to_datetime(pd.Series([s[0] for s in spans], dtype=object))
    df["last"] = pd.to_datetime(pd.Series([s[1] for s in spans], dtype=object))
    df.index = pd.Index(df["id"].tolist(), name=None)
    return df


def actors_frame(G) -> pd.DataFrame:
    """The actors as a pandas DataFrame, one row per actor, indexed by id.

    Columns :data:`ACTOR_COLUMNS` then extra attributes, sorted.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("PRK", id="PRK", name="North Korea", type="state", aliases=["DPRK"])
    >>> actors_frame(G).loc["PRK", ["name", "type", "group"]].tolist()
    ['North Korea', 'state', None]
    """
    G = as_graph(G)
    rows = [dict(d, id=d.get("id", n)) for n, d in G.nodes(data=True)]
    extra = sorted({k for d in rows for k in d} - set(ACTOR_COLUMNS))
    columns = list(ACTOR_COLUMNS) + extra
    df = pd.DataFrame([{c: d.get(c) for c in columns} for d in rows], columns=columns, dtype=object)
    df.index = pd.Index(list(G.nodes), name=None)
    return df


def _ties(G, actor, date, statuses, sign):
    check_actor(G, actor)
    S = signed_graph(G, date, statuses=statuses)
    ties = [(other, d["weight"]) for other, d in S[actor].items() if d["sign"] == sign]
    ties.sort(key=lambda t: (-abs(t[1]), str(t[0])))
    return dict(ties)


def friends(G, actor, date: DateLike | None = None, *, statuses=DEFAULT_STATUSES) -> dict:
    """The actors with a positive net tie to ``actor``, strongest first.

    The net tie is the signed view's (:func:`graph.signed.signed_graph`):
    the sum of intensities of the relations, either direction, valid at
    ``date`` (all when None) with a status in ``statuses``.

    Returns
    -------
    dict
        actor -> net weight, strongest first (ties in actor order).

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("CHN", "PRK", id="r1", sign=1, intensity=7.0, status="fact",
    ...                start="2020", end=None)
    >>> _ = G.add_edge("USA", "PRK", id="r2", sign=-1, intensity=-7.2, status="fact",
    ...                start="2020", end=None)
    >>> friends(G, "PRK", "2020"), adversaries(G, "PRK", "2020")
    ({'CHN': 7.0}, {'USA': -7.2})
    """
    G = as_graph(G)
    return _ties(G, actor, date, statuses, 1)


def adversaries(G, actor, date: DateLike | None = None, *, statuses=DEFAULT_STATUSES) -> dict:
    """The actors with a negative net tie to ``actor``, strongest first.

    See :func:`friends`; weights here are negative.
    """
    G = as_graph(G)
    return _ties(G, actor, date, statuses, -1)


def centrality(G, date: DateLike | None = None, *, statuses=DEFAULT_STATUSES) -> pd.DataFrame:
    """Per-actor measures that make sense on a signed relation graph.

    Counted on the relations valid at ``date`` (all when None) with a
    status in ``statuses``:

    - ``relations``: relations the actor takes part in; ``out`` / ``in``:
      directed relations it initiates / receives (undirected ones count in
      neither).
    - ``friends`` / ``adversaries``: positive / negative net ties in the
      signed view (degree by sign); ``net``: friends minus adversaries.
    - ``strength``: sum of its net tie weights (positive: mostly
      cooperation); ``positive_strength`` and ``negative_strength`` (<= 0)
      split it.
    - ``betweenness``: normalised betweenness on the unsigned skeleton of
      the signed view (who sits on the shortest chains between others,
      friend or foe).

    Returns
    -------
    pandas.DataFrame
        Indexed by actor (graph order), sorted by ``relations`` descending.
        Every actor has a row; when no relation holds at ``date`` (before
        the data starts, a gap) every count is 0 and a ``UserWarning`` says
        so, with the data's dates, as pandas warns rather than fails.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("CHN", "PRK", id="r1", sign=1, intensity=7.0, status="fact",
    ...                start=None, end=None, directed=True)
    >>> _ = G.add_edge("USA", "PRK", id="r2", sign=-1, intensity=-7.2, status="fact",
    ...                start=None, end=None, directed=True)
    >>> c = centrality(G)
    >>> c.loc["PRK", ["relations", "in", "friends", "adversaries"]].astype(int).tolist()
    [2, 2, 1, 1]
    >>> c["betweenness"].to_dict()
    {'PRK': 1.0, 'CHN': 0.0, 'USA': 0.0}
    """
    G = as_graph(G)
    wanted = set(check_statuses(statuses))
    date = None if date is None else date_text(date)
    S = signed_graph(G, date, statuses=statuses)
    active = [
        (u, v, d)
        for u, v, d in G.edges(data=True)
        if d.get("status") in wanted
        and (date is None or overlaps(d.get("start"), d.get("end"), date))
    ]
    if not active and G.number_of_edges():
        _warn_nothing_at(G, date, wanted)
    relations: Counter = Counter()
    out_: Counter = Counter()
    in_: Counter = Counter()
    for u, v, d in active:
        relations[u] += 1
        if v != u:
            relations[v] += 1
        if d.get("directed", True):
            out_[u] += 1
            in_[v] += 1
    between = nx.betweenness_centrality(S, normalized=True)
    rows = []
    for n in G:
        pos = [d["weight"] for d in S[n].values() if d["sign"] > 0]
        neg = [d["weight"] for d in S[n].values() if d["sign"] < 0]
        rows.append(
            {
                "relations": relations[n],
                "out": out_[n],
                "in": in_[n],
                "friends": len(pos),
                "adversaries": len(neg),
                "net": len(pos) - len(neg),
                "strength": sum(pos) + sum(neg),
                "positive_strength": float(sum(pos)),
                "negative_strength": float(sum(neg)),
                "betweenness": between[n],
            }
        )
    df = pd.DataFrame(rows, index=pd.Index(list(G.nodes), name=None))
    return df.sort_values("relations", ascending=False, kind="stable")


def _warn_nothing_at(G, date, wanted) -> None:
    import warnings

    from .timeline import date_range

    first, last = date_range(G)
    shown = " or ".join(s for s in _schema.STATUSES if s in wanted)
    msg = f"no {shown} relation holds at {date or 'any date'}: every measure is 0"
    if first:
        msg += f"; the data's dates run from {first} to {last}"
    warnings.warn(msg, UserWarning, stacklevel=3)


def connection(
    G, a, b, date: DateLike | None = None, *, statuses=DEFAULT_STATUSES, limit: int = 10
) -> list:
    """The shortest chains of relations linking actor ``a`` to actor ``b``.

    Chains run over the pairs related at ``date`` (all dates when None) by
    relations with a status in ``statuses``, in either direction, neutral
    ties included. Each step carries its evidence.

    Parameters
    ----------
    G : networkx.MultiDiGraph or graph.Dataset
    a, b : str
        Actor ids.
    date : str, int or datetime.date, optional
        Partial ISO text, an int year, or a ``date``/``datetime``/``Timestamp``.
    statuses : iterable of str
    limit : int
        At most this many chains (all of the same, shortest length).

    Returns
    -------
    list of dict
        One dict per chain, in a stable order: ``path`` (actor ids from
        ``a`` to ``b``), ``sign`` (product of the step signs: +1 reads as
        "friend of a friend" or "enemy of an enemy"; 0 when a step is
        neutral) and ``steps``: for each consecutive pair, ``source``,
        ``target``, ``sign``, ``weight`` and ``relations``, the evidence:
        dicts with ``id``, ``relation``, ``source``, ``target``, ``sign``,
        ``intensity``, ``status``, ``start``, ``end``, ``source_id``,
        ``said_by``, ``quote``. Empty when the actors are not connected.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("RUS", "PRK", id="r1", relation="support", sign=1, intensity=7.0,
    ...                status="fact", start="2020", end=None, quote="...")
    >>> _ = G.add_edge("USA", "PRK", id="r2", relation="mobilize", sign=-1, intensity=-7.2,
    ...                status="fact", start="2020", end=None, quote="...")
    >>> [c] = connection(G, "RUS", "USA")
    >>> c["path"], c["sign"], [s["relations"][0]["id"] for s in c["steps"]]
    (['RUS', 'PRK', 'USA'], -1, ['r1', 'r2'])
    """
    G = as_graph(G)
    check_number("limit", limit, low=1, whole=True)
    check_actor(G, a, "a")
    check_actor(G, b, "b")
    S = signed_graph(G, date, statuses=statuses, keep_neutral=True)
    if a == b:
        return [{"path": [a], "sign": 1, "steps": []}]
    try:
        paths = list(nx.all_shortest_paths(S, a, b))
    except nx.NetworkXNoPath:
        return []
    order = {n: i for i, n in enumerate(G)}
    paths.sort(key=lambda p: [order[n] for n in p])
    by_id = {d.get("id"): d for _, _, d in G.edges(data=True)}
    chains = []
    for path in paths[:limit]:
        steps, sign = [], 1
        for u, v in zip(path, path[1:]):
            e = S.edges[u, v]
            sign *= e["sign"]
            steps.append(
                {
                    "source": u,
                    "target": v,
                    "sign": e["sign"],
                    "weight": e["weight"],
                    "relations": [{k: by_id[r].get(k) for k in _EVIDENCE} for r in e["relations"]],
                }
            )
        chains.append({"path": list(path), "sign": sign, "steps": steps})
    return chains
