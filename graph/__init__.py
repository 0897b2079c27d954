"""geograph: a geopolitical relationship graph explorer.

Hand-edited CSV files become validated tables, a networkx graph, analyses
and one offline interactive HTML view.

>>> import graph
>>> ds = graph.load(graph.datasets.article())
>>> G = ds.to_networkx()
>>> G.number_of_nodes(), G.number_of_edges()
(6, 23)
"""

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
    "relations_frame",
    "actors_frame",
    "friends",
    "adversaries",
    "centrality",
    "connection",
    "stats_report",
]
__version__ = "0.1.0"


def __getattr__(name: str):
    # The widget needs the optional anywidget package: imported on first use only.
    if name == "Explorer":
        from .widget import Explorer

        return Explorer
    msg = f"module {__name__!r} has no attribute {name!r}"
    raise AttributeError(msg)
