"""Structural balance on signed graphs: triangles, frustration index, blocs.

The package, one concern per module: :mod:`.triangles` (triangles by sign
pattern), :mod:`.index` (the frustration index and its two blocs),
:mod:`.partition` (blocs for k groups), :mod:`.programs` (the exact integer
programs), :mod:`.heuristics` (local search and lower bounds for large
blocks), :mod:`.steps` (the blocs at every date step of the view), :mod:`.sides` (two-colourings and violating ties shared by all).
``balance_report`` lives in :mod:`graph.reports` beside ``stats_report``
and is importable from here too.

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

import importlib
from typing import TYPE_CHECKING, Any

__all__ = [
    "EXACT_LIMIT",
    "BLOCS_EXACT_LIMIT",
    "triangle_counts",
    "Frustration",
    "frustration",
    "Blocs",
    "blocs",
    "balance_report",
    "balance_steps",
]


# Where each name lives. They are imported on first use (PEP 562): the page's
# payload needs only .steps, and for a large graph not even the solvers, so
# `geograph build` imports neither networkx nor numpy for it. graph.reports
# builds on this package, so its report is looked up on first use too.
_HOMES = {
    "EXACT_LIMIT": ".index",
    "Frustration": ".index",
    "frustration": ".index",
    "BLOCS_EXACT_LIMIT": ".partition",
    "Blocs": ".partition",
    "blocs": ".partition",
    "balance_steps": ".steps",
    "triangle_counts": ".triangles",
    "balance_report": "..reports",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        msg = f"module {__name__!r} has no attribute {name!r}"
        raise AttributeError(msg)
    value = getattr(importlib.import_module(home, __name__), name)
    globals()[name] = value  # found once: later lookups are plain
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


if TYPE_CHECKING:  # the names as the type checker and the docs see them
    from ..reports import balance_report
    from .index import EXACT_LIMIT, Frustration, frustration
    from .partition import BLOCS_EXACT_LIMIT, Blocs, blocs
    from .steps import balance_steps
    from .triangles import triangle_counts
