"""geograph: a geopolitical relationship graph explorer.

Hand-edited CSV files become validated tables, a networkx graph, analyses
and one offline interactive HTML view.

>>> import graph
>>> ds = graph.load(graph.datasets.article())
>>> G = ds.to_networkx()
>>> G.number_of_nodes(), G.number_of_edges()
(6, 23)

The public names are imported on first use (PEP 562): a command imports
only what it runs (``geograph build`` goes from the tables to the page
without pandas), and Python's start-up is a large part of a command's time.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__all__ = [
    "Dataset",
    "datasets",
    "DataError",
    "GeographError",
    "OutputError",
    "Problem",
    "Report",
    "check",
    "load",
    "default_vocabulary",
    "to_node_link",
    "to_json",
    "to_graphml",
    "to_gexf",
    "write_csv",
    "render_html",
    "to_html",
    "show",
    "view_fragment",
    "at",
    "between",
    "date_range",
    "diff",
    "signed_graph",
    "triangle_counts",
    "frustration",
    "blocs",
    "balance_report",
    "backbone",
    "relations_frame",
    "actors_frame",
    "friends",
    "adversaries",
    "centrality",
    "connection",
    "stats_report",
]
__version__ = "0.1.0"

# Where each public name lives (a module of this package, or the module itself).
_HOMES = {
    "datasets": ".datasets",
    "blocs": ".balance",
    "frustration": ".balance",
    "triangle_counts": ".balance",
    "Dataset": ".dataset",
    "check": ".dataset",
    "load": ".dataset",
    "actors_frame": ".explore",
    "adversaries": ".explore",
    "centrality": ".explore",
    "connection": ".explore",
    "friends": ".explore",
    "relations_frame": ".explore",
    "to_gexf": ".export",
    "to_graphml": ".export",
    "to_json": ".export",
    "to_node_link": ".export",
    "write_csv": ".export",
    "show": ".notebook",
    "view_fragment": ".notebook",
    "DataError": ".problems",
    "GeographError": ".problems",
    "OutputError": ".problems",
    "Problem": ".problems",
    "Report": ".problems",
    "balance_report": ".reports",
    "stats_report": ".reports",
    "signed_graph": ".signed",
    "at": ".timeline",
    "between": ".timeline",
    "date_range": ".timeline",
    "diff": ".timeline",
    "render_html": ".view",
    "to_html": ".view",
    "default_vocabulary": ".vocabulary",
    "Explorer": ".widget",  # needs the optional anywidget package
}
_MODULES = frozenset({"datasets"})


# The function, not its module of the same name, even once the module is imported.
from .backbone import backbone  # noqa: E402


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        msg = f"module {__name__!r} has no attribute {name!r}"
        raise AttributeError(msg)
    module = importlib.import_module(home, __name__)
    value = module if name in _MODULES else getattr(module, name)
    globals()[name] = value  # found once: later lookups are plain
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


if TYPE_CHECKING:  # the names as the type checker and the docs see them
    from . import datasets
    from .balance import blocs, frustration, triangle_counts
    from .dataset import Dataset, check, load
    from .explore import (
        actors_frame,
        adversaries,
        centrality,
        connection,
        friends,
        relations_frame,
    )
    from .export import to_gexf, to_graphml, to_json, to_node_link, write_csv
    from .notebook import show, view_fragment
    from .problems import DataError, GeographError, OutputError, Problem, Report
    from .reports import balance_report, stats_report
    from .signed import signed_graph
    from .timeline import at, between, date_range, diff
    from .view import render_html, to_html
    from .vocabulary import default_vocabulary
    from .widget import Explorer  # noqa: F401 (optional: not in __all__)
