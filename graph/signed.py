"""Signed views: collapse the relation multigraph to one signed tie per actor pair.

The graph built from the CSV files is a ``MultiDiGraph`` with one edge per
relation. Balance, blocs, friends and adversaries are questions about the
*net* tie between two actors, so they work on an undirected ``nx.Graph``
with one edge per pair, built here.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from .dataset import as_graph
from .dates import DateLike, date_text, overlaps
from .schema import DEFAULT_STATUSES, STATUSES

if TYPE_CHECKING:  # networkx is imported where a graph is made: `geograph build` does without
    import networkx as nx

__all__ = [
    "STATUSES",
    "DEFAULT_STATUSES",
    "signed_graph",
    "as_signed",
    "check_statuses",
    "check_number",
]

#: Every status a relation may have, strongest evidence first.
#: Statuses that count in the signed view unless told otherwise: forecasts
#: describe what someone expects, not what happened, so they stay out.


def check_statuses(statuses: Iterable[str] | str | None) -> tuple[str, ...]:
    """Validate a ``statuses`` argument and return it as a tuple.

    ``None`` means every status. A single string is one status.

    Raises
    ------
    ValueError
        Naming the unknown status and the accepted ones.

    Examples
    --------
    >>> check_statuses("fact")
    ('fact',)
    >>> check_statuses(None)
    ('fact', 'claim', 'forecast')
    """
    if statuses is None:
        return STATUSES
    if isinstance(statuses, str):
        statuses = (statuses,)
    out = tuple(statuses)
    bad = [s for s in out if s not in STATUSES]
    if bad:
        msg = f"statuses: unknown status {bad[0]!r}; use any of {', '.join(STATUSES)}"
        raise ValueError(msg)
    return out


def check_number(
    name: str,
    value,
    *,
    low: float | None = None,
    high: float | None = None,
    above: float | None = None,
    whole: bool = False,
):
    """``value`` when it is a number in range; a message naming ``name`` and the range if not.

    ``low``/``high`` are inclusive bounds, ``above`` an exclusive lower one;
    ``whole`` asks for an int (a float with no fraction is not one).

    Raises
    ------
    TypeError
        For a value that is not a number (a text, a bool, None...).
    ValueError
        For a number out of range (or NaN).

    Examples
    --------
    >>> check_number("alpha", 0.05, above=0, high=1)
    0.05
    >>> check_number("alpha", "0.05", above=0, high=1)
    Traceback (most recent call last):
    ...
    TypeError: alpha: need a number in (0, 1], got '0.05' (a str)
    >>> check_number("limit", 0, low=1, whole=True)
    Traceback (most recent call last):
    ...
    ValueError: limit: need a whole number >= 1, got 0
    """
    import numbers

    kind = "whole number" if whole else "number"
    if above is not None and high is not None:
        wanted = f"{kind} in ({above:g}, {high:g}]"
    elif low is not None and high is not None:
        wanted = f"{kind} from {low:g} to {high:g}"
    elif above is not None:
        wanted = f"{kind} > {above:g}"
    elif low is not None:
        wanted = f"{kind} >= {low:g}"
    else:
        wanted = kind
    accepted = numbers.Integral if whole else numbers.Real
    if isinstance(value, bool) or not isinstance(value, accepted):
        msg = f"{name}: need a {wanted}, got {value!r} (a {type(value).__name__})"
        raise TypeError(msg)
    x = float(value)
    inside = (
        x == x  # not NaN
        and (low is None or x >= low)
        and (above is None or x > above)
        and (high is None or x <= high)
    )
    if not inside:
        msg = f"{name}: need a {wanted}, got {value!r}"
        raise ValueError(msg)
    return value


def signed_graph(
    G,
    date: DateLike | None = None,
    *,
    statuses=DEFAULT_STATUSES,
    weight: str | None = "intensity",
    keep_neutral: bool = False,
) -> nx.Graph:
    """Collapse the relation multigraph to one signed undirected edge per actor pair.

    The rule: for each unordered pair of actors, take the relations between
    them (either direction) that are valid at ``date`` (all relations when
    ``date`` is None) and whose status is in ``statuses``; the edge
    ``weight`` is the sum of their ``weight`` attribute (the Goldstein-like
    intensity by default) and its ``sign`` is the sign of that sum. A pair
    whose sum is exactly 0 (only neutral relations, or cooperation and
    conflict that cancel out) is neither friend nor adversary: it gets no
    edge unless ``keep_neutral`` is true, in which case it gets an edge
    with ``sign`` 0, which the balance functions ignore. Relations of an
    actor with itself are left out.

    Parameters
    ----------
    G : networkx.MultiDiGraph or graph.Dataset
        The relation graph (see the graph contract), or a loaded dataset.
    date : str, int or datetime.date, optional
        Partial ISO date (``"2020"``, ``"2020-06-16"``), ``int`` year or day
        (``datetime.date``); a relation counts if it overlaps the date's period.
    statuses : iterable of str, optional
        Which statuses count; default ``("fact", "claim")``: forecasts are
        excluded. ``None`` counts every status.
    weight : str or None, optional
        Edge attribute to sum; ``None`` sums the relations' ``sign``
        instead, so each relation counts as +1 or -1.
    keep_neutral : bool, optional
        Keep pairs whose sum is 0 as edges with sign 0.

    Returns
    -------
    networkx.Graph
        Every node of ``G`` with its attributes; one edge per related pair
        with ``weight`` (float), ``sign`` (-1, 0 or 1), ``relations`` (ids
        of the contributing relations, in graph order), ``positive`` and
        ``negative`` (how many of them have sign +1 / -1). ``S.graph``
        holds ``name``, ``date`` and ``statuses``.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_edge("CHN", "PRK", key="r1", id="r1", sign=1, intensity=7.0,
    ...            status="fact", start="2020", end=None)
    'r1'
    >>> G.add_edge("PRK", "CHN", key="r2", id="r2", sign=-1, intensity=-2.0,
    ...            status="fact", start="2017", end="2017")
    'r2'
    >>> G.add_edge("PRK", "CHN", key="r3", id="r3", sign=-1, intensity=-9.0,
    ...            status="forecast", start="2020", end=None)
    'r3'
    >>> S = signed_graph(G)
    >>> S.edges["CHN", "PRK"]["weight"], S.edges["CHN", "PRK"]["relations"]
    (5.0, ['r1', 'r2'])
    >>> signed_graph(G, "2017").edges["PRK", "CHN"]["sign"]
    -1
    >>> signed_graph(G, "2021", statuses=None).edges["PRK", "CHN"]["sign"]
    -1
    """
    G = as_graph(G)
    import networkx as nx

    wanted = set(check_statuses(statuses))
    date = None if date is None else date_text(date)
    S = nx.Graph(name=G.graph.get("name"), date=date, statuses=[s for s in STATUSES if s in wanted])
    S.add_nodes_from(G.nodes(data=True))
    sums: dict[frozenset, list] = {}
    for u, v, data in G.edges(data=True):
        if u == v or data.get("status") not in wanted:
            continue
        if date is not None and not overlaps(data.get("start"), data.get("end"), date):
            continue
        value = data.get("sign") if weight is None else data.get(weight)
        if value is None:
            msg = f"relation {data.get('id')!r} has no {weight or 'sign'!r} attribute to sum"
            raise ValueError(msg)
        entry = sums.setdefault(frozenset((u, v)), [u, v, 0.0, [], 0, 0])
        entry[2] += float(value)
        entry[3].append(data.get("id"))
        entry[4] += data.get("sign") == 1
        entry[5] += data.get("sign") == -1
    for u, v, total, ids, pos, neg in sums.values():
        # Sums of one-decimal intensities: round away float noise before
        # taking the sign, so 3.5 + 2.5 - 6.0 reads as neutral.
        total = round(total, 9) + 0.0
        sign = (total > 0) - (total < 0)
        if sign == 0 and not keep_neutral:
            continue
        S.add_edge(u, v, weight=total, sign=sign, relations=ids, positive=pos, negative=neg)
    return S


def as_signed(G, date: DateLike | None = None, **kwargs) -> nx.Graph:
    """Return ``G`` if it already is a signed graph, else its signed view.

    A signed graph here is an undirected simple ``nx.Graph`` whose edges all
    carry ``sign``. Anything else (the relation ``MultiDiGraph``) goes
    through :func:`signed_graph` with ``date`` and ``kwargs``.

    Examples
    --------
    >>> import networkx as nx
    >>> S = nx.Graph([("a", "b", {"sign": -1})])
    >>> as_signed(S) is S
    True
    """
    G = as_graph(G)
    if G.is_directed() or G.is_multigraph():
        return signed_graph(G, date, **kwargs)
    if date is not None or kwargs:
        msg = "date and statuses apply to a relation graph, not to an already signed graph"
        raise ValueError(msg)
    for u, v, sign in G.edges(data="sign"):
        if sign not in (-1, 0, 1):
            msg = f"edge ({u!r}, {v!r}) has sign {sign!r}; a signed graph needs -1, 0 or 1"
            raise ValueError(msg)
    return G
