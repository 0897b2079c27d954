"""The graph contract the view relies on, checked before anything is built.

``graph.load(...).to_networkx()`` gives a graph that follows it; a graph made
by hand or by another tool gets a clear ``TypeError`` / ``ValueError`` naming
the attribute at fault, never an ``AttributeError`` from deep inside.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["check_graph", "as_view_graph"]

_GRAPH_MAPPINGS = ("relation_types", "sources")


def _kind(value: Any) -> str:
    return type(value).__name__


def check_graph(G: Any) -> None:
    """Raise if ``G`` does not follow the graph contract of the view.

    The contract: a ``networkx.MultiDiGraph``; ``G.graph["relation_types"]``
    and ``G.graph["sources"]``, when present, map a relation type or a source
    id to a dict of its columns; ``G.graph["name"]`` and ``["title"]`` are
    text; every node has a non-blank ``name``.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        The graph to check.

    Raises
    ------
    TypeError
        If ``G`` is not a MultiDiGraph, or an attribute has the wrong type.
    ValueError
        If a node has no name.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph(relation_types=["threaten"])
    >>> check_graph(G)
    Traceback (most recent call last):
    ...
    TypeError: G.graph['relation_types'] must map each relation type to a dict of its columns (as graph.load(...).to_networkx() gives), not a list
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("PRK")
    >>> check_graph(G)
    Traceback (most recent call last):
    ...
    ValueError: node 'PRK' has no 'name' attribute: every actor needs a name (G.nodes['PRK']['name'] = ...)
    """
    import networkx as nx  # the graph path only: a dataset goes to the page without it

    if not isinstance(G, nx.MultiDiGraph):
        kind = f"networkx.{_kind(G)}" if isinstance(G, nx.Graph) else _kind(G)
        msg = (
            f"the view needs a networkx.MultiDiGraph (as graph.load(...).to_networkx() gives), "
            f"not a {kind}"
        )
        if isinstance(G, nx.Graph):
            msg += "; convert it with networkx.MultiDiGraph(G)"
        raise TypeError(msg)
    for key in _GRAPH_MAPPINGS:
        value = G.graph.get(key)
        if value is None:
            continue
        what = "relation type" if key == "relation_types" else "source id"
        if not isinstance(value, Mapping):
            raise TypeError(
                f"G.graph[{key!r}] must map each {what} to a dict of its columns "
                f"(as graph.load(...).to_networkx() gives), not a {_kind(value)}"
            )
        for name, entry in value.items():
            if not isinstance(entry, Mapping):
                raise TypeError(
                    f"G.graph[{key!r}][{name!r}] must be a dict of columns, not a {_kind(entry)}"
                )
    for key in ("name", "title"):
        value = G.graph.get(key)
        if value is not None and not isinstance(value, (str, int, float)):
            raise TypeError(f"G.graph[{key!r}] must be text, not a {_kind(value)}")
    for node, name in G.nodes(data="name"):
        if name is None or (isinstance(name, str) and not name.strip()):
            raise ValueError(
                f"node {node!r} has no 'name' attribute: every actor needs a name "
                f"(G.nodes[{node!r}]['name'] = ...)"
            )
        if not isinstance(name, (str, int, float)):
            raise TypeError(f"G.nodes[{node!r}]['name'] must be text, not a {_kind(name)}")


def as_view_graph(G: Any) -> Any:
    """``G`` in the form the view draws: any networkx graph, without changing it.

    A ``Graph`` or ``DiGraph`` (``networkx.karate_club_graph()``, a graph read
    from GraphML) becomes a ``MultiDiGraph`` copy, each undirected edge once
    with ``directed=False``; an actor without a ``name`` is named by its id.
    A graph that already follows the contract is returned as it is; anything
    else is left for :func:`check_graph` to explain.

    Examples
    --------
    >>> import networkx as nx
    >>> H = as_view_graph(nx.Graph([("PRK", "KOR")]))
    >>> type(H).__name__, H.nodes["PRK"]["name"], list(H.edges(data="directed"))
    ('MultiDiGraph', 'PRK', [('PRK', 'KOR', False)])
    """
    import networkx as nx

    if not isinstance(G, nx.Graph):
        return G
    unnamed = [n for n, name in G.nodes(data="name") if name is None]
    if isinstance(G, nx.MultiDiGraph) and not unnamed:
        return G
    H = nx.MultiDiGraph()
    H.graph.update(G.graph)
    H.add_nodes_from(G.nodes(data=True))
    for node in unnamed:
        H.nodes[node]["name"] = str(node)
    mark = {} if G.is_directed() else {"directed": False}  # unless the edge says otherwise
    if G.is_multigraph():
        H.add_edges_from((u, v, k, {**mark, **d}) for u, v, k, d in G.edges(keys=True, data=True))
    else:
        H.add_edges_from((u, v, {**mark, **d}) for u, v, d in G.edges(data=True))
    return H
