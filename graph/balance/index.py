"""The frustration index L of a signed graph and the two blocs attaining it."""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from ..signed import as_signed
from .sides import (
    Solution,
    active_skeleton,
    block_is_balanced,
    check_method,
    check_searches,
    orient,
    signed_edges,
    sorted_nodes,
    two_colouring,
    violating,
)

__all__ = ["EXACT_LIMIT", "Frustration", "frustration"]

#: Largest biconnected block (in actors) that ``frustration`` solves exactly
#: by default.
EXACT_LIMIT = 50


@dataclass(frozen=True)
class Frustration:
    """The frustration index of a signed graph and the blocs attaining it.

    Attributes
    ----------
    index : int
        L, the fewest edges whose removal or sign flip makes the graph
        balanced (the best value found when ``exact`` is false).
    normalised : float
        ``1 - L / (m / 2)``: 1 for a balanced graph; 0 or less is no better
        than random signs (Aref & Wilson 2018). NaN when there is no signed
        edge: nothing to balance is not "perfectly balanced" (``to_dict``
        gives None).
    blocs : tuple of two lists
        The two blocs of actors attaining ``index``, each sorted, larger
        bloc first. Within one connected component the split is meaningful;
        the sides of different components are oriented independently
        (larger side into the first bloc).
    unaligned : list
        Actors with no signed tie, in no bloc.
    violating : list of (u, v, sign)
        Edges that break the split: positive across or negative inside.
    exact : bool
        Whether ``index`` is proven optimal.
    lower_bound : int
        A proven lower bound on L (equal to ``index`` when exact).
    method : str
        ``"milp"``, ``"heuristic"``, ``"milp+heuristic"`` (blocks solved
        both ways) or ``"trivial"`` (every block was balanced or a bridge).
    edges : int
        m, the number of signed edges (sign +1 or -1).
    """

    index: int
    normalised: float
    blocs: tuple
    unaligned: list
    violating: list
    exact: bool
    lower_bound: int
    method: str
    edges: int

    def to_dict(self) -> dict:
        """A JSON-able dict of the result."""
        return {
            "frustration": self.index,
            "normalised": None if self.normalised != self.normalised else self.normalised,
            "exact": self.exact,
            "lower_bound": self.lower_bound,
            "method": self.method,
            "edges": self.edges,
            "blocs": [list(b) for b in self.blocs],
            "unaligned": list(self.unaligned),
            "violating": [{"source": u, "target": v, "sign": s} for u, v, s in self.violating],
        }


def frustration(
    S,
    *,
    method: str = "auto",
    exact_limit: int = EXACT_LIMIT,
    time_limit: float | None = None,
    seed: int = 0,
    restarts: int = 20,
) -> Frustration:
    """Frustration index of a signed graph, with the two blocs attaining it.

    Parameters
    ----------
    S : networkx.Graph or networkx.MultiDiGraph
        Signed graph (edge attribute ``sign``), or a relation graph to
        collapse with :func:`graph.signed.signed_graph`.
    method : {"auto", "milp", "heuristic"}
        ``"auto"`` solves each biconnected block of up to ``exact_limit``
        actors exactly with the integer program and larger blocks with the
        heuristic; ``"milp"`` uses the integer program for every block;
        ``"heuristic"`` never does. See the module docstring for both.
    exact_limit : int
        Largest block solved exactly under ``"auto"``.
    time_limit : float, optional
        Seconds allowed to the solver per block. When it stops early the
        best solution found is returned with ``exact=False`` and the
        solver's bound as ``lower_bound`` (results then depend on machine
        speed; by default there is no limit and results are deterministic).
    seed, restarts : int
        Random seed and number of random starts of the heuristic.

    Returns
    -------
    Frustration

    Examples
    --------
    A square with one negative edge cannot be split without breaking one
    tie:

    >>> import networkx as nx
    >>> S = nx.cycle_graph(["PRK", "KOR", "USA", "CHN"])
    >>> nx.set_edge_attributes(S, 1, "sign")
    >>> S.edges["PRK", "KOR"]["sign"] = -1
    >>> r = frustration(S)
    >>> r.index, r.normalised, r.exact
    (1, 0.5, True)
    >>> len(r.violating)
    1

    Two blocs with friendship inside and enmity across are balanced:

    >>> S.edges["USA", "CHN"]["sign"] = -1
    >>> r = frustration(S)
    >>> r.index, r.blocs
    (0, (['CHN', 'PRK'], ['KOR', 'USA']))
    """
    check_method(method)
    check_searches(exact_limit, time_limit, seed, restarts)
    S = as_signed(S)
    H = active_skeleton(S)
    edges = signed_edges(S)
    frustrated: set = set()
    lower, exact, used = 0, True, set()
    for block in nx.biconnected_component_edges(H):
        if len(block) < 3:
            continue  # a bridge, or a pair of nodes: never frustrated
        nodes = list(dict.fromkeys(x for e in block for x in e))
        block_edges = [(u, v, H[u][v]["sign"]) for u, v in block]
        if block_is_balanced(nodes, block_edges):
            continue
        exactly = method == "milp" or (method == "auto" and len(nodes) <= exact_limit)
        sol = _solve_block(nodes, block_edges, exactly, time_limit, seed, restarts)
        frustrated |= sol.frustrated
        lower += sol.lower
        exact &= sol.exact
        used.add(sol.how)
    side = two_colouring(H, frustrated)
    broken = violating(edges, side)
    components = []
    unaligned = []
    for comp in nx.connected_components(H):
        if len(comp) == 1:
            unaligned.extend(comp)
            continue
        components.append([[v for v in comp if side[v] == k] for k in (0, 1)])
    groups = orient(components)
    groups += [[] for _ in range(2 - len(groups))]
    m, L = len(edges), len(broken)
    return Frustration(
        index=L,
        normalised=float("nan") if m == 0 else 1 - L / (m / 2),
        blocs=(groups[0], groups[1]),
        unaligned=sorted_nodes(unaligned),
        violating=broken,
        exact=exact,
        lower_bound=L if exact else lower,
        method=used.pop() if len(used) == 1 else ("milp+heuristic" if used else "trivial"),
        edges=m,
    )


def _solve_block(nodes, edges, exactly, time_limit, seed, restarts) -> Solution:
    """One unbalanced block: the integer program, or local search when it is too large."""
    # numpy and scipy only for a block that is not balanced
    from .heuristics import heuristic_block
    from .programs import milp_block

    sol = milp_block(nodes, edges, time_limit) if exactly else None
    if sol is not None and not sol.exact:
        # Stopped by the time limit: try to do better by local search.
        heur = heuristic_block(nodes, edges, seed=seed, restarts=restarts)
        if len(heur.frustrated) < len(sol.frustrated):
            sol = Solution(heur.frustrated, max(sol.lower, heur.lower), False, "milp+heuristic")
        sol.lower = max(sol.lower, heur.lower)
        sol.exact = sol.lower == len(sol.frustrated)
    if sol is None:
        sol = heuristic_block(nodes, edges, seed=seed, restarts=restarts)
    return sol
