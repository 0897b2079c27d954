"""Structural balance on signed graphs: triangles, frustration index, blocs.

A signed graph is an undirected ``nx.Graph`` whose edges carry ``sign`` in
{-1, +1} (edges with sign 0 are ignored); every function here also accepts
the relation ``MultiDiGraph`` and collapses it with
:func:`graph.signed.signed_graph` (all dates, facts and claims).

Balance theory (Heider; Cartwright & Harary 1956): a triangle is balanced
when the product of its signs is positive (``+++``, ``+--``). A graph is
balanced when it splits into two blocs with positive ties inside and
negative ties across. The frustration index L is the fewest edges whose
removal (or sign flip) makes the graph balanced; computing it is NP-hard.

How L is computed, and why
--------------------------
1. Decomposition. L is the sum of L over the biconnected blocks of the
   graph: every cycle lies in one block, and the two sides of a block can
   be swapped at a cut vertex without touching other blocks. Bridges and
   balanced blocks cost 0 and need no solver.
2. Exact: a binary integer program solved by HiGHS through
   ``scipy.optimize.milp`` (the "XOR" model of Aref, Mason & Wilson,
   *Networks* 75(1), 2020): a binary side ``x_i`` per actor (one actor
   fixed, to break the swap symmetry) and a variable ``f_ij`` per edge
   with ``f_ij >= |x_i - x_j|`` for a positive edge and
   ``f_ij >= |x_i + x_j - 1|`` for a negative one; minimise ``sum f``.
   Each unbalanced triangle adds the valid inequality ``f_ab + f_bc +
   f_ca >= 1`` (an unbalanced cycle always keeps a frustrated edge),
   which makes the LP relaxation much tighter. We use an integer program
   rather than exhaustive search because exhaustive search doubles in cost
   with each actor (about 25 actors at most), while HiGHS's branch and
   bound solves random graphs of 30 actors and 100 edges with random signs
   (the hardest case: nearly maximal frustration) in about 0.3 s and of 50
   actors and 200 edges in about 5 s; real alliance networks, far closer
   to balance, solve faster. scipy is already installed with the analysis
   stack, so no new solver is needed.
3. Beyond ``exact_limit`` actors in a block (or with ``method="heuristic"``):
   multi-start local search. Starts are the sign pattern of the signed
   Laplacian's lowest eigenvector (exact on balanced graphs), colourings
   along BFS spanning trees, and seeded random colourings; each is improved
   by flipping the actor that removes most frustrated edges until none
   does, then by seeded random perturbations (iterated local search). The
   lower bound is a greedy packing of edge-disjoint unbalanced cycles
   (each needs its own frustrated edge): unbalanced triangles first, then
   fundamental cycles of a BFS tree. When bound and solution meet, the
   result is still reported exact.
"""

from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass, field

import networkx as nx
import numpy as np

from .signed import DEFAULT_STATUSES, as_signed

__all__ = [
    "EXACT_LIMIT",
    "BLOCS_EXACT_LIMIT",
    "triangle_counts",
    "Frustration",
    "frustration",
    "Blocs",
    "blocs",
    "balance_report",
]

#: Largest biconnected block (in actors) that ``frustration`` solves exactly
#: by default.
EXACT_LIMIT = 50
#: Largest connected component (in actors) that ``blocs`` with k >= 3 solves
#: exactly by default.
BLOCS_EXACT_LIMIT = 20

_PATTERNS = ("+++", "++-", "+--", "---")  # indexed by the number of negative edges
_METHODS = ("auto", "milp", "heuristic")


def _signed_edges(S) -> list[tuple]:
    """Edges with sign -1 or +1, self-loops left out, in graph order."""
    return [(u, v, s) for u, v, s in S.edges(data="sign") if s in (-1, 1) and u != v]


def _active_skeleton(S) -> nx.Graph:
    H = nx.Graph()
    H.add_nodes_from(S)
    H.add_edges_from((u, v, {"sign": s}) for u, v, s in _signed_edges(S))
    return H


def triangle_counts(S) -> dict:
    """Count triangles by sign pattern, with strict and weak balance totals.

    Parameters
    ----------
    S : networkx.Graph or networkx.MultiDiGraph
        Signed graph (edge attribute ``sign``), or a relation graph to
        collapse with :func:`graph.signed.signed_graph`.

    Returns
    -------
    dict
        ``"+++"``, ``"++-"``, ``"+--"``, ``"---"``: triangles by pattern;
        ``"triangles"``: their total; ``"balanced"`` (``+++`` and ``+--``)
        and ``"unbalanced"`` (``++-`` and ``---``) under strict balance;
        ``"weakly_balanced"`` (``---`` also balanced, Davis 1967) and
        ``"weakly_unbalanced"`` (``++-`` only).

    Examples
    --------
    >>> import networkx as nx
    >>> S = nx.Graph()
    >>> S.add_edge("a", "b", sign=1); S.add_edge("b", "c", sign=-1)
    >>> S.add_edge("a", "c", sign=-1); S.add_edge("c", "d", sign=-1)
    >>> S.add_edge("b", "d", sign=-1)
    >>> counts = triangle_counts(S)
    >>> counts["+--"], counts["---"], counts["balanced"], counts["weakly_balanced"]
    (1, 1, 1, 2)
    """
    S = as_signed(S)
    order = {n: i for i, n in enumerate(S)}
    adj: dict = {n: {} for n in S}
    for u, v, s in _signed_edges(S):
        adj[u][v] = s
        adj[v][u] = s
    counts = dict.fromkeys(_PATTERNS, 0)
    for u in S:
        for v, suv in adj[u].items():
            if order[v] <= order[u]:
                continue
            for w in adj[u].keys() & adj[v].keys():
                if order[w] > order[v]:
                    negatives = (suv < 0) + (adj[u][w] < 0) + (adj[v][w] < 0)
                    counts[_PATTERNS[negatives]] += 1
    counts["triangles"] = sum(counts[p] for p in _PATTERNS)
    counts["balanced"] = counts["+++"] + counts["+--"]
    counts["unbalanced"] = counts["++-"] + counts["---"]
    counts["weakly_balanced"] = counts["balanced"] + counts["---"]
    counts["weakly_unbalanced"] = counts["++-"]
    return counts


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
        than random signs (Aref & Wilson 2018). 1.0 when there is no edge.
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
            "normalised": self.normalised,
            "exact": self.exact,
            "lower_bound": self.lower_bound,
            "method": self.method,
            "edges": self.edges,
            "blocs": [list(b) for b in self.blocs],
            "unaligned": list(self.unaligned),
            "violating": [{"source": u, "target": v, "sign": s} for u, v, s in self.violating],
        }


@dataclass
class _Solution:
    frustrated: set  # frozenset({u, v}) of frustrated edges
    lower: int
    exact: bool
    how: str = field(default="")


def _two_colouring(H: nx.Graph, frustrated: set) -> dict:
    """Sides (0/1) that make every edge not in ``frustrated`` satisfied."""
    side: dict = {}
    for root in H:
        if root in side:
            continue
        side[root] = 0
        queue = deque([root])
        while queue:
            u = queue.popleft()
            for v, d in H[u].items():
                if v not in side:
                    # Same side across a positive edge, unless that edge is to stay frustrated.
                    same = (d["sign"] > 0) != (frozenset((u, v)) in frustrated)
                    side[v] = side[u] if same else 1 - side[u]
                    queue.append(v)
    return side


def _violating(edges, side) -> list:
    return [(u, v, s) for u, v, s in edges if (side[u] == side[v]) != (s > 0)]


def _block_is_balanced(nodes, edges) -> bool:
    H = nx.Graph()
    H.add_edges_from((u, v, {"sign": s}) for u, v, s in edges)
    side = _two_colouring(H, set())
    return not _violating(edges, side)


def _unbalanced_triangles(nodes, edges, index):
    adj = {n: {} for n in nodes}
    for u, v, s in edges:
        adj[u][v] = s
        adj[v][u] = s
    order = {n: i for i, n in enumerate(nodes)}
    for u in nodes:
        for v, suv in adj[u].items():
            if order[v] <= order[u]:
                continue
            for w in adj[u].keys() & adj[v].keys():
                if order[w] > order[v] and suv * adj[u][w] * adj[v][w] < 0:
                    yield (
                        index[frozenset((u, v))],
                        index[frozenset((u, w))],
                        index[frozenset((v, w))],
                    )


def _milp_block(nodes, edges, time_limit) -> _Solution | None:
    """Exact frustration of one block by the XOR integer program."""
    # scipy is slow to import: only when a solver runs, not at every CLI start-up
    import scipy.sparse as sp
    from scipy.optimize import Bounds, LinearConstraint, milp

    n, m = len(nodes), len(edges)
    pos = {v: i for i, v in enumerate(nodes)}
    index = {frozenset((u, v)): n + e for e, (u, v, _) in enumerate(edges)}
    rows, cols, vals, lo = [], [], [], []

    def add(row_terms, lower):
        r = len(lo)
        for c, val in row_terms:
            rows.append(r)
            cols.append(c)
            vals.append(val)
        lo.append(lower)

    for e, (u, v, s) in enumerate(edges):
        f, i, j = n + e, pos[u], pos[v]
        if s > 0:  # f >= x_i - x_j and f >= x_j - x_i
            add([(f, 1), (i, -1), (j, 1)], 0)
            add([(f, 1), (i, 1), (j, -1)], 0)
        else:  # f >= x_i + x_j - 1 and f >= 1 - x_i - x_j
            add([(f, 1), (i, -1), (j, -1)], -1)
            add([(f, 1), (i, 1), (j, 1)], 1)
    for a, b, c in _unbalanced_triangles(nodes, edges, index):
        add([(a, 1), (b, 1), (c, 1)], 1)
    A = sp.csr_array((vals, (rows, cols)), shape=(len(lo), n + m))
    cost = np.concatenate([np.zeros(n), np.ones(m)])
    upper = np.ones(n + m)
    upper[0] = 0  # the first actor's side is fixed: swapping sides changes nothing
    # f need not be integral: with binary x, minimising pushes each f to 0 or 1.
    integrality = np.concatenate([np.ones(n), np.zeros(m)])
    options = {"disp": False}
    if time_limit is not None:
        options["time_limit"] = float(time_limit)
    res = milp(
        cost,
        integrality=integrality,
        bounds=Bounds(np.zeros(n + m), upper),
        constraints=LinearConstraint(A, np.array(lo, dtype=float), np.inf),
        options=options,
    )
    if res.x is None:
        return None
    side = {v: int(round(res.x[pos[v]])) for v in nodes}
    frustrated = {frozenset((u, v)) for u, v, _ in _violating(edges, side)}
    optimal = res.status == 0
    bound = getattr(res, "mip_dual_bound", None)
    lower = len(frustrated) if optimal else max(0, math.ceil((bound or 0) - 1e-6))
    return _Solution(frustrated, lower, optimal or lower == len(frustrated), "milp")


def _cycle_packing_bound(nodes, edges) -> int:
    """Greedy count of edge-disjoint unbalanced cycles: a lower bound on L."""
    index = {frozenset((u, v)): e for e, (u, v, _) in enumerate(edges)}
    alive = [True] * len(edges)
    count = 0
    for tri in _unbalanced_triangles(nodes, edges, index):
        if all(alive[e] for e in tri):
            count += 1
            for e in tri:
                alive[e] = False
    while True:
        H = nx.Graph()
        H.add_edges_from((u, v, {"sign": s}) for (u, v, s), a in zip(edges, alive) if a)
        side, parent, depth = {}, {}, {}
        for root in H:
            if root in side:
                continue
            side[root], parent[root], depth[root] = 0, None, 0
            queue = deque([root])
            while queue:
                u = queue.popleft()
                for v, d in H[u].items():
                    if v not in side:
                        side[v] = side[u] if d["sign"] > 0 else 1 - side[u]
                        parent[v], depth[v] = u, depth[u] + 1
                        queue.append(v)
        best = None
        for u, v, d in H.edges(data=True):
            if (side[u] == side[v]) != (d["sign"] > 0):
                # Tree path u..v plus (u, v) is an unbalanced cycle.
                path, a, b = [frozenset((u, v))], u, v
                while a != b:
                    if depth[a] >= depth[b]:
                        path.append(frozenset((a, parent[a])))
                        a = parent[a]
                    else:
                        path.append(frozenset((b, parent[b])))
                        b = parent[b]
                if best is None or len(path) < len(best):
                    best = path
        if best is None:
            return count
        count += 1
        for pair in best:
            alive[index[pair]] = False


def _local_search(A, s: np.ndarray) -> np.ndarray:
    """Flip the actor that removes most frustrated edges, until none does."""
    s = s.copy()
    h = A @ s  # local field: s_i * h_i = satisfied - frustrated edges at i
    while True:
        gain = s * h
        i = int(np.argmin(gain))
        if gain[i] >= 0:
            return s
        s[i] = -s[i]
        col = A[[i], :].toarray().ravel()
        h += 2 * s[i] * col


def _heuristic_block(nodes, edges, *, seed, restarts) -> _Solution:
    import scipy.sparse as sp  # slow to import: only when a solver runs

    n = len(nodes)
    pos = {v: i for i, v in enumerate(nodes)}
    r = [pos[u] for u, _, _ in edges] + [pos[v] for _, v, _ in edges]
    c = [pos[v] for _, v, _ in edges] + [pos[u] for u, _, _ in edges]
    w = [float(s) for _, _, s in edges] * 2
    A = sp.csr_array((w, (r, c)), shape=(n, n))
    rng = np.random.default_rng(seed)
    starts = []
    # Signed Laplacian D - A: on a balanced graph its lowest eigenvector has
    # the sign pattern of the two blocs.
    L = np.diag(np.abs(A).sum(axis=1)) - A.toarray()
    vec = np.linalg.eigh(L)[1][:, 0]
    starts.append(np.where(vec >= 0, 1.0, -1.0))
    H = nx.Graph()
    H.add_edges_from((u, v, {"sign": s}) for u, v, s in edges)
    for root in list(H)[: min(5, n)]:
        side = {root: 1.0}
        for a, b in nx.bfs_edges(H, root):
            side[b] = side[a] * H[a][b]["sign"]
        starts.append(np.array([side[v] for v in nodes]))
    starts += [rng.choice([-1.0, 1.0], size=n) for _ in range(restarts)]

    def frustrated_count(s):
        return int(round((2 * len(edges) - s @ (A @ s)) / 4))

    best, best_cost = None, math.inf
    for s0 in starts:
        s = _local_search(A, s0)
        cost = frustrated_count(s)
        if cost < best_cost:
            best, best_cost = s, cost
    # Iterated local search: kick a few actors, re-descend, keep improvements.
    for _ in range(10 * restarts):
        kicked = best.copy()
        flip = rng.choice(n, size=max(1, n // 20), replace=False)
        kicked[flip] *= -1
        s = _local_search(A, kicked)
        cost = frustrated_count(s)
        if cost < best_cost:
            best, best_cost = s, cost
    side = {v: int(best[pos[v]] > 0) for v in nodes}
    frustrated = {frozenset((u, v)) for u, v, _ in _violating(edges, side)}
    lower = _cycle_packing_bound(nodes, edges)
    return _Solution(frustrated, lower, lower == len(frustrated), "heuristic")


def _sorted(nodes) -> list:
    try:
        return sorted(nodes)
    except TypeError:  # mixed node types: order by their text
        return sorted(nodes, key=str)


def _orient(groups_by_component) -> list:
    """Merge per-component groups by rank: largest with largest."""
    merged: list = []
    for groups in groups_by_component:
        ranked = [_sorted(g) for g in groups if g]
        firsts = _sorted(g[0] for g in ranked)
        ranked.sort(key=lambda g: (-len(g), firsts.index(g[0])))
        for i, g in enumerate(ranked):
            if i == len(merged):
                merged.append([])
            merged[i].extend(g)
    return [_sorted(g) for g in merged]


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
    if method not in _METHODS:
        msg = f"method: unknown method {method!r}; use one of {', '.join(_METHODS)}"
        raise ValueError(msg)
    S = as_signed(S)
    H = _active_skeleton(S)
    edges = _signed_edges(S)
    frustrated: set = set()
    lower, exact, used = 0, True, set()
    for block in nx.biconnected_component_edges(H):
        if len(block) < 3:
            continue  # a bridge, or a pair of nodes: never frustrated
        nodes = list(dict.fromkeys(x for e in block for x in e))
        block_edges = [(u, v, H[u][v]["sign"]) for u, v in block]
        if _block_is_balanced(nodes, block_edges):
            continue
        sol = None
        if method == "milp" or (method == "auto" and len(nodes) <= exact_limit):
            sol = _milp_block(nodes, block_edges, time_limit)
            if sol is not None and not sol.exact:
                # Stopped by the time limit: try to do better by local search.
                heur = _heuristic_block(nodes, block_edges, seed=seed, restarts=restarts)
                if len(heur.frustrated) < len(sol.frustrated):
                    sol = _Solution(
                        heur.frustrated, max(sol.lower, heur.lower), False, "milp+heuristic"
                    )
                sol.lower = max(sol.lower, heur.lower)
                sol.exact = sol.lower == len(sol.frustrated)
        if sol is None:
            sol = _heuristic_block(nodes, block_edges, seed=seed, restarts=restarts)
        frustrated |= sol.frustrated
        lower += sol.lower
        exact &= sol.exact
        used.add(sol.how)
    side = _two_colouring(H, frustrated)
    violating = _violating(edges, side)
    components = []
    unaligned = []
    for comp in nx.connected_components(H):
        if len(comp) == 1:
            unaligned.extend(comp)
            continue
        components.append([[v for v in comp if side[v] == k] for k in (0, 1)])
    groups = _orient(components)
    groups += [[] for _ in range(2 - len(groups))]
    m = len(edges)
    L = len(violating)
    return Frustration(
        index=L,
        normalised=1.0 if m == 0 else 1 - L / (m / 2),
        blocs=(groups[0], groups[1]),
        unaligned=_sorted(unaligned),
        violating=violating,
        exact=exact,
        lower_bound=L if exact else lower,
        method=used.pop() if len(used) == 1 else ("milp+heuristic" if used else "trivial"),
        edges=m,
    )


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


def _blocs_milp(nodes, edges, k):
    # scipy is slow to import: only when a solver runs, not at every CLI start-up
    import scipy.sparse as sp
    from scipy.optimize import Bounds, LinearConstraint, milp

    n = len(nodes)
    pos = {v: i for i, v in enumerate(nodes)}
    nvar = n * k

    def y(i, c):
        return i * k + c

    rows, cols, vals, lo, hi = [], [], [], [], []

    def add(terms, lower, upper):
        r = len(lo)
        for col, val in terms:
            rows.append(r)
            cols.append(col)
            vals.append(val)
        lo.append(lower)
        hi.append(upper)

    cost = [0.0] * nvar
    for i in range(n):
        add([(y(i, c), 1) for c in range(k)], 1, 1)
    for u, v, s in edges:
        i, j = pos[u], pos[v]
        if s > 0:  # reward z_c <= y_ic, y_jc: both in group c
            for c in range(k):
                z = len(cost)
                cost.append(-1.0)
                add([(z, 1), (y(i, c), -1)], -np.inf, 0)
                add([(z, 1), (y(j, c), -1)], -np.inf, 0)
        else:  # penalty t >= y_ic + y_jc - 1 for every group c
            t = len(cost)
            cost.append(1.0)
            for c in range(k):
                add([(t, 1), (y(i, c), -1), (y(j, c), -1)], -1, np.inf)
    nv = len(cost)
    upper = np.ones(nv)
    for i in range(n):
        for c in range(i + 1, k):
            # Labels are interchangeable: actor i may only use the first i+1 groups.
            upper[y(i, c)] = 0
    A = sp.csr_array((vals, (rows, cols)), shape=(len(lo), nv))
    integrality = np.concatenate([np.ones(nvar), np.zeros(nv - nvar)])
    res = milp(
        np.array(cost),
        integrality=integrality,
        bounds=Bounds(np.zeros(nv), upper),
        constraints=LinearConstraint(A, np.array(lo, float), np.array(hi, float)),
        options={"disp": False},
    )
    x = res.x[:nvar].reshape(n, k)
    return {v: int(np.argmax(x[pos[v]])) for v in nodes}, res.status == 0


def _blocs_cost(edges, label):
    inside = [(u, v) for u, v, s in edges if s < 0 and label[u] == label[v]]
    across = [(u, v) for u, v, s in edges if s > 0 and label[u] != label[v]]
    return inside, across


def _blocs_heuristic(nodes, edges, k, seed, restarts):
    n = len(nodes)
    pos = {v: i for i, v in enumerate(nodes)}
    nbrs = [[] for _ in range(n)]
    for u, v, s in edges:
        nbrs[pos[u]].append((pos[v], s))
        nbrs[pos[v]].append((pos[u], s))
    rng = np.random.default_rng(seed)

    def descend(lab):
        improved = True
        while improved:
            improved = False
            for i in range(n):
                # cost of i in group c: negative ties in c + positive ties outside c
                score = np.zeros(k)
                for j, s in nbrs[i]:
                    if s < 0:
                        score[lab[j]] += 1
                    else:
                        score += 1
                        score[lab[j]] -= 1
                c = int(np.argmin(score))
                if score[c] < score[lab[i]]:
                    lab[i] = c
                    improved = True
        return lab

    def total(lab):
        return sum(
            (lab[pos[u]] == lab[pos[v]]) if s < 0 else (lab[pos[u]] != lab[pos[v]])
            for u, v, s in edges
        )

    two = frustration(nx.Graph([(u, v, {"sign": s}) for u, v, s in edges]), seed=seed)
    first = set(two.blocs[0])
    starts = [np.array([0 if v in first else 1 for v in nodes])]
    starts += [rng.integers(0, k, size=n) for _ in range(restarts)]
    best, best_cost = None, math.inf
    for lab in starts:
        lab = descend(lab.copy())
        c = total(lab)
        if c < best_cost:
            best, best_cost = lab, c
    return {v: int(best[pos[v]]) for v in nodes}


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
    if method not in _METHODS:
        msg = f"method: unknown method {method!r}; use one of {', '.join(_METHODS)}"
        raise ValueError(msg)
    if not isinstance(k, int) or k < 1:
        msg = f"k: need a whole number of groups >= 1, got {k!r}"
        raise ValueError(msg)
    S = as_signed(S)
    H = _active_skeleton(S)
    edges = _signed_edges(S)
    if k == 2:
        f = frustration(S, method=method, seed=seed)
        label = {v: 0 for v in f.blocs[0]} | {v: 1 for v in f.blocs[1]}
        inside, across = _blocs_cost(edges, label)
        return Blocs(
            [g for g in f.blocs if g], f.unaligned, f.index, inside, across, f.exact, f.method, k
        )
    label, exact, used = {}, True, set()
    components, unaligned = [], []
    for comp in nx.connected_components(H):
        if len(comp) == 1:
            unaligned.extend(comp)
            continue
        nodes = [v for v in H if v in comp]
        comp_edges = [(u, v, s) for u, v, s in edges if u in comp]
        if k == 1:
            lab, ok, how = dict.fromkeys(nodes, 0), True, "trivial"
        elif method == "milp" or (method == "auto" and len(nodes) <= exact_limit):
            (lab, ok), how = _blocs_milp(nodes, comp_edges, min(k, len(nodes))), "milp"
        else:
            lab = _blocs_heuristic(nodes, comp_edges, k, seed, restarts)
            ok, how = False, "heuristic"
        label.update(lab)
        exact &= ok
        used.add(how)
        components.append([[v for v in nodes if lab[v] == c] for c in range(k)])
    groups = _orient(components)
    inside, across = _blocs_cost(edges, label)
    return Blocs(
        groups,
        _sorted(unaligned),
        len(inside) + len(across),
        inside,
        across,
        exact,
        "+".join(sorted(used)) or "trivial",
        k,
    )


def balance_report(G, date: str | None = None, *, statuses=DEFAULT_STATUSES, k: int = 2) -> dict:
    """Everything ``geograph balance`` prints, as one JSON-able dict.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        The relation graph.
    date : str, optional
        Partial ISO date; None takes every relation whatever its dates.
    statuses : iterable of str
        Which statuses count (forecasts excluded by default).
    k : int
        Number of groups for ``"blocs"``; with k=2 they equal the
        frustration blocs.

    Returns
    -------
    dict
        ``date``, ``statuses``, ``actors`` (with a signed tie), ``edges``,
        ``positive``, ``negative``, ``triangles`` (see
        :func:`triangle_counts`), ``frustration`` (see
        :meth:`Frustration.to_dict`; each violating edge also lists its
        ``relations``) and ``blocs`` (see :meth:`Blocs.to_dict`).

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
    if G.is_directed() or G.is_multigraph():
        S = as_signed(G, date, statuses=statuses)
    else:
        S = as_signed(G, date)
    f = frustration(S)
    b = blocs(S, k)
    out_f = f.to_dict()
    for item in out_f["violating"]:
        item["relations"] = list(S.edges[item["source"], item["target"]].get("relations", []))
    edges = _signed_edges(S)
    return {
        "name": S.graph.get("name"),
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
