"""Where actors go on the view's map: positions, the outline, the default layout."""

from __future__ import annotations

from ..geo import default_layout, outline, positions
from ..schema import TRUE_WORDS

__all__ = ["map_payload"]


def _machine_coded(G) -> bool:
    """Whether a source says its relations are machine-coded (event data imports)."""
    sources = G.graph.get("sources") or {}
    return any(
        str((s or {}).get("machine_coded") or "").strip().lower() in TRUE_WORDS
        for s in sources.values()
        if isinstance(s, dict)
    )


def map_payload(G) -> dict:
    """The map layout's data for the page.

    Returns
    -------
    dict
        ``positions``: per node (in ``G``'s order) ``[x, y]`` in the view's
        plane (:func:`graph.geo.project`), or None for an actor not on the map;
        ``how``: ``"latlon"``, ``"iso"`` or None per node; ``countries``: the
        outline's polygons per ISO alpha-3 code (delta-coded rings), only when
        some actor is placed (else ``{}``); ``default``: the layout the page
        opens in (:func:`graph.geo.default_layout`); ``source``, ``licence``.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("PRK"); G.add_node("INTL")
    >>> m = map_payload(G)
    >>> m["how"], m["positions"][1], m["default"], "PRK" in m["countries"]
    (['iso', None], None, 'force', True)
    """
    placed = positions(G)
    world = outline()
    pos, how = [], []
    for node in G:
        p = placed.get(node)
        pos.append(None if p is None else [p[0], p[1]])
        how.append(None if p is None else p[2])
    countries = {iso: c["polygons"] for iso, c in world["countries"].items()} if placed else {}
    return {
        "positions": pos,
        "how": how,
        "countries": countries,
        "default": default_layout(len(placed), G.number_of_nodes(), _machine_coded(G)),
        "source": world["source"],
        "licence": world["licence"],
    }
