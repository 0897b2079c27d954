"""How the view draws: colours, line styles, shapes, widths, and when pairs are aggregated.

The page derives each item's look from the data with these tables (sent in
the payload's ``legend`` and ``styles``); the browser tests check the page
against them.
"""

from __future__ import annotations

__all__ = [
    "SIGN_COLOURS",
    "SIGN_LABELS",
    "STATUS_DASHES",
    "STATUS_LABELS",
    "NODE_PALETTE",
    "TYPE_SHAPES",
    "DEFAULT_SHAPE",
    "edge_width",
    "aggregate_threshold",
    "AGGREGATE_PAIR_OVER",
    "AGGREGATE_GRAPH_OVER",
]

PAYLOAD_VERSION = 2

# Edge colour by sign: hostile red, cooperative teal (green-blue), neutral grey.
SIGN_COLOURS = {-1: "#d7301f", 0: "#8c8c8c", 1: "#1b9e77"}
SIGN_LABELS = {-1: "hostile", 0: "neutral", 1: "cooperative"}

# Line style by status: vis-network ``dashes`` (False = solid, else a dash/gap pattern).
STATUS_DASHES = {"fact": False, "claim": [10, 6], "forecast": [2, 6]}
STATUS_LABELS = {
    "fact": "fact (reported)",
    "claim": "claim (attributed)",
    "forecast": "forecast",
}

# Node fill colours, given to groups (or types) in sorted order. Red and teal
# come last so that node colours are rarely confused with edge signs.
NODE_PALETTE = (
    "#4e79a7",
    "#f28e2b",
    "#b07aa1",
    "#edc948",
    "#9c755f",
    "#76b7b2",
    "#ff9da7",
    "#bab0ac",
    "#59a14f",
    "#e15759",
)
# Shapes whose label sits outside the shape, so all labels look alike.
TYPE_SHAPES = {
    "state": "dot",
    "organization": "square",
    "person": "triangle",
    "group": "diamond",
    "location": "star",
}
DEFAULT_SHAPE = "dot"

WIDTH_MIN = 1.0
WIDTH_PER_INTENSITY = 0.45  # |intensity| 10 -> width 5.5

# Aggregation: relations between one pair of actors drawn as one edge with a
# count. A small hand-made graph keeps every relation visible as its own curve
# up to this many per pair (the shipped article has 9 between PRK and KOR) ...
AGGREGATE_PAIR_OVER = 12
# ... while above this many relations in all, every pair with two or more is
# one edge: a curve per relation no longer reads, and costs drawing time.
AGGREGATE_GRAPH_OVER = 500
# Past this many actors or drawn edges the page lays the graph out itself and
# draws straight lines (see templates/js/30-layout.js).
LARGE_NODES = 150
LARGE_DRAWN = 1500


def edge_width(intensity: float) -> float:
    """Line width for a relation of the given intensity.

    The page draws with this formula, from ``legend["width"]`` (``templates/js/10-data.js``,
    ``edgeWidth``); it is here as the reference the browser tests check.

    Examples
    --------
    >>> edge_width(0), edge_width(-10), edge_width(4)
    (1.0, 5.5, 2.8)
    """
    return round(WIDTH_MIN + WIDTH_PER_INTENSITY * min(abs(intensity), 10.0), 2)


def aggregate_threshold(relations: int) -> int:
    """Fewest relations between one pair of actors that are drawn as one edge.

    Parameters
    ----------
    relations : int
        Number of relations in the whole graph.

    Examples
    --------
    >>> aggregate_threshold(25), aggregate_threshold(20_000)
    (13, 2)
    """
    return 2 if relations > AGGREGATE_GRAPH_OVER else AGGREGATE_PAIR_OVER + 1
