"""Heuristics for large blocks: multi-start local search and a cycle-packing lower bound."""

from __future__ import annotations

import math
from collections import deque

import networkx as nx
import numpy as np

from .sides import Solution, violating
from .triangles import unbalanced_triangles


def cycle_packing_bound(nodes, edges) -> int:
    """Greedy count of edge-disjoint unbalanced cycles: a lower bound on L."""
    index = {frozenset((u, v)): e for e, (u, v, _) in enumerate(edges)}
    alive = [True] * len(edges)
    count = 0
    for tri in unbalanced_triangles(nodes, edges, index):
        if all(alive[e] for e in tri):
            count += 1
            for e in tri:
                alive[e] = False
    while True:
        H = nx.Graph()
        H.add_edges_from((u, v, {"sign": s}) for (u, v, s), a in zip(edges, alive) if a)
        side: dict = {}
        parent: dict = {}
        depth: dict = {}
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


def local_search(A, s: np.ndarray) -> np.ndarray:
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


def heuristic_block(nodes, edges, *, seed, restarts) -> Solution:
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

    best, best_cost = starts[0], math.inf
    for s0 in starts:
        s = local_search(A, s0)
        cost = frustrated_count(s)
        if cost < best_cost:
            best, best_cost = s, cost
    # Iterated local search: kick a few actors, re-descend, keep improvements.
    for _ in range(10 * restarts):
        kicked = best.copy()
        flip = rng.choice(n, size=max(1, n // 20), replace=False)
        kicked[flip] *= -1
        s = local_search(A, kicked)
        cost = frustrated_count(s)
        if cost < best_cost:
            best, best_cost = s, cost
    side = {v: int(best[pos[v]] > 0) for v in nodes}
    frustrated = {frozenset((u, v)) for u, v, _ in violating(edges, side)}
    lower = cycle_packing_bound(nodes, edges)
    return Solution(frustrated, lower, lower == len(frustrated), "heuristic")


def blocs_heuristic(nodes, edges, k, seed, restarts, first: set) -> dict:
    """Local search over k labels, started from the two-bloc split ``first`` and at random."""
    n = len(nodes)
    pos = {v: i for i, v in enumerate(nodes)}
    nbrs: list[list[tuple[int, int]]] = [[] for _ in range(n)]
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

    starts = [np.array([0 if v in first else 1 for v in nodes])]
    starts += [rng.integers(0, k, size=n) for _ in range(restarts)]
    best, best_cost = starts[0], math.inf
    for lab in starts:
        lab = descend(lab.copy())
        c = total(lab)
        if c < best_cost:
            best, best_cost = lab, c
    return {v: int(best[pos[v]]) for v in nodes}
