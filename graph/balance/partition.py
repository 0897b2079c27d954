"""Signed partitions into at most k groups (blocs), friends inside and adversaries across."""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from ..signed import as_signed, check_number
from .heuristics import blocs_heuristic
from .index import frustration
from .programs import blocs_milp
from .sides import (
    active_skeleton,
    check_method,
    check_searches,
    orient,
    signed_edges,
    sorted_nodes,
)

__all__ = ["BLOCS_EXACT_LIMIT", "Blocs", "blocs"]

#: Largest connected component (in actors) that ``blocs`` with k >= 3 solves
#: exactly by default.
BLOCS_EXACT_LIMIT = 20


@dataclass(frozen=True)
class Blocs:
    """A signed partition into at most k groups.

    Attributes
    ----------
    groups : list of lists
        Groups of actors, each sorted, largest first. Groups of different
        connected components are merged by rank (nothing relates them).
    unaligned : list
        Actors with no signed tie, in no group.
    cost : int
        Negative edges inside groups plus positive edges across groups.
    negative_inside, positive_across : list of (u, v)
        The edges that make up the cost.
    exact : bool
        Whether ``cost`` is proven minimal.
    method : str
        ``"milp"``, ``"heuristic"``, ``"milp+heuristic"`` or ``"trivial"``
        (for k=2, the method :func:`frustration` used).
    k : int
        The largest number of groups allowed.
    """

    groups: list
    unaligned: list
    cost: int
    negative_inside: list
    positive_across: list
    exact: bool
    method: str
    k: int

    def to_dict(self) -> dict:
        """A JSON-able dict of the result."""
        return {
            "k": self.k,
            "cost": self.cost,
            "exact": self.exact,
            "method": self.method,
            "groups": [list(g) for g in self.groups],
            "unaligned": list(self.unaligned),
            "negative_inside": [list(e) for e in self.negative_inside],
            "positive_across": [list(e) for e in self.positive_across],
        }


def blocs_cost(edges, label):
    inside = [(u, v) for u, v, s in edges if s < 0 and label[u] == label[v]]
    across = [(u, v) for u, v, s in edges if s > 0 and label[u] != label[v]]
    return inside, across


def blocs(
    S,
    k: int = 2,
    *,
    method: str = "auto",
    exact_limit: int = BLOCS_EXACT_LIMIT,
    seed: int = 0,
    restarts: int = 50,
) -> Blocs:
    """Split actors into at most k groups: friends inside, adversaries across.

    Minimises the number of negative edges inside groups plus positive
    edges across groups (the signed blockmodel criterion of Doreian &
    Mrvar 1996 with equal weights). With k=2 this is the frustration index
    and :func:`frustration` does the work. For k >= 3 each connected
    component of up to ``exact_limit`` actors is solved exactly by an
    integer program (``scipy.optimize.milp``: binary group memberships,
    symmetric labels broken by letting actor i use only the first i+1
    groups); larger ones by seeded multi-start local search that moves one
    actor at a time to its cheapest group, started from the best two-bloc
    split and from random labellings. Empty groups are allowed, so a larger
    k never costs more.

    Parameters
    ----------
    S : networkx.Graph or networkx.MultiDiGraph
        Signed graph, or a relation graph to collapse.
    k : int
        The largest number of groups (>= 1).
    method : {"auto", "milp", "heuristic"}
    exact_limit : int
        Largest component solved exactly under ``"auto"`` when k >= 3.
    seed, restarts : int
        For the heuristic.

    Returns
    -------
    Blocs

    Examples
    --------
    Three camps, each at odds with the others:

    >>> import networkx as nx
    >>> S = nx.Graph()
    >>> for a, b in [("a1", "a2"), ("b1", "b2"), ("c1", "c2")]:
    ...     S.add_edge(a, b, sign=1)
    >>> for a, b in [("a1", "b1"), ("b2", "c1"), ("c2", "a2"), ("a1", "c1")]:
    ...     S.add_edge(a, b, sign=-1)
    >>> blocs(S, 2).cost, blocs(S, 3).cost
    (1, 0)
    >>> blocs(S, 3).groups
    [['a1', 'a2'], ['b1', 'b2'], ['c1', 'c2']]
    """
    check_method(method)
    check_number("k", k, low=1, whole=True)
    check_searches(exact_limit, None, seed, restarts)
    S = as_signed(S)
    edges = signed_edges(S)
    if k == 2:
        f = frustration(S, method=method, seed=seed)
        label = {v: 0 for v in f.blocs[0]} | {v: 1 for v in f.blocs[1]}
        inside, across = blocs_cost(edges, label)
        return Blocs(
            [g for g in f.blocs if g], f.unaligned, f.index, inside, across, f.exact, f.method, k
        )
    H = active_skeleton(S)
    label, exact, used = {}, True, set()
    components, unaligned = [], []
    for comp in nx.connected_components(H):
        if len(comp) == 1:
            unaligned.extend(comp)
            continue
        nodes = [v for v in H if v in comp]
        comp_edges = [(u, v, s) for u, v, s in edges if u in comp]
        exactly = method == "milp" or (method == "auto" and len(nodes) <= exact_limit)
        lab, ok, how = _label_component(nodes, comp_edges, k, exactly, seed, restarts)
        label.update(lab)
        exact &= ok
        used.add(how)
        components.append([[v for v in nodes if lab[v] == c] for c in range(k)])
    inside, across = blocs_cost(edges, label)
    return Blocs(
        orient(components),
        sorted_nodes(unaligned),
        len(inside) + len(across),
        inside,
        across,
        exact,
        "+".join(sorted(used)) or "trivial",
        k,
    )


def _label_component(nodes, edges, k, exactly, seed, restarts) -> tuple[dict, bool, str]:
    """Group labels of one connected component, whether they are optimal, and how."""
    if k == 1:
        return dict.fromkeys(nodes, 0), True, "trivial"
    if exactly:
        lab, ok = blocs_milp(nodes, edges, min(k, len(nodes)))
        return lab, ok, "milp"
    two = frustration(nx.Graph([(u, v, {"sign": s}) for u, v, s in edges]), seed=seed)
    lab = blocs_heuristic(nodes, edges, k, seed, restarts, set(two.blocs[0]))
    return lab, False, "heuristic"
