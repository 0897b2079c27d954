"""The integer programs solved exactly by HiGHS (``scipy.optimize.milp``).

scipy is slow to import: it is imported only when a solver runs, not at
every CLI start-up.
"""

from __future__ import annotations

import math

import numpy as np

from .sides import Solution, violating
from .triangles import unbalanced_triangles


def milp_block(nodes, edges, time_limit) -> Solution | None:
    """Exact frustration of one block by the XOR integer program (None: no solution found)."""
    # scipy is slow to import: only when a solver runs, not at every CLI start-up
    import scipy.sparse as sp
    from scipy.optimize import Bounds, LinearConstraint, milp

    n, m = len(nodes), len(edges)
    pos = {v: i for i, v in enumerate(nodes)}
    index = {frozenset((u, v)): n + e for e, (u, v, _) in enumerate(edges)}
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    lo: list[float] = []

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
    for a, b, c in unbalanced_triangles(nodes, edges, index):
        add([(a, 1), (b, 1), (c, 1)], 1)
    A = sp.csr_array((vals, (rows, cols)), shape=(len(lo), n + m))
    cost = np.concatenate([np.zeros(n), np.ones(m)])
    upper = np.ones(n + m)
    upper[0] = 0  # the first actor's side is fixed: swapping sides changes nothing
    # f need not be integral: with binary x, minimising pushes each f to 0 or 1.
    integrality = np.concatenate([np.ones(n), np.zeros(m)])
    options: dict[str, float | bool] = {"disp": False}
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
    frustrated = {frozenset((u, v)) for u, v, _ in violating(edges, side)}
    optimal = res.status == 0
    bound = getattr(res, "mip_dual_bound", None)
    lower = len(frustrated) if optimal else max(0, math.ceil((bound or 0) - 1e-6))
    return Solution(frustrated, lower, optimal or lower == len(frustrated), "milp")


def blocs_milp(nodes, edges, k) -> tuple[dict, bool]:
    """Group labels minimising the k-bloc cost, and whether HiGHS proved them optimal."""
    # scipy is slow to import: only when a solver runs, not at every CLI start-up
    import scipy.sparse as sp
    from scipy.optimize import Bounds, LinearConstraint, milp

    n = len(nodes)
    pos = {v: i for i, v in enumerate(nodes)}
    nvar = n * k

    def y(i, c):
        return i * k + c

    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    lo: list[float] = []
    hi: list[float] = []

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
