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
from .balance import balance_report, blocs, frustration, triangle_counts
from .dataset import Dataset, check, load
from .explore import (
    actors_frame,
    adversaries,
    centrality,
    connection,
    friends,
    relations_frame,
    stats_report,
)
from .export import to_gexf, to_graphml, to_json, to_node_link, write_csv
from .problems import DataError, Problem
from .signed import signed_graph
from .timeline import at, between, date_range, diff
from .view import render_html, show, to_html
from .vocabulary import default_vocabulary

__all__ = [
    "Dataset",
    "datasets",
    "DataError",
    "Problem",
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
