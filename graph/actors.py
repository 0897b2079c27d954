"""The actor a function is given: one check and one message for every function taking one.

``graph.friends(G, "PRQ")``, ``graph.connection(G, "PRK", "USQ")``,
``graph.relations_frame(G, "PRQ")`` and ``graph.show(G, focus="PRQ")`` all
say the same thing: the argument, the value, the closest actors (by id, name
or alias, as ``geograph check`` suggests them) and the ids to choose from.
"""

from __future__ import annotations

import networkx as nx

__all__ = ["UnknownActor", "check_actor", "actor_message"]

_SHOWN = 12  # ids listed in the message; a large graph gets a count of the rest


class UnknownActor(nx.NodeNotFound, ValueError):
    """An actor that is not in the graph.

    A ``networkx.NodeNotFound`` (what networkx raises for a missing node)
    and a ``ValueError`` (what the view's state arguments raise), so either
    ``except`` catches it.
    """


def actor_message(G, actor, name: str = "actor") -> str:
    """What to say of ``actor``, missing from ``G``: the closest actors, then the ids.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph()
    >>> G.add_node("PRK", name="North Korea", aliases=["DPRK"])
    >>> G.add_node("KOR", name="South Korea")
    >>> print(actor_message(G, "PRQ"))
    actor: unknown actor 'PRQ' (did you mean "PRK" (North Korea)?); the actors are KOR, PRK
    >>> print(actor_message(G, "dprk", "focus"))
    focus: unknown actor 'dprk' (did you mean "PRK" (North Korea)?); the actors are KOR, PRK
    """
    from .validate.suggest import Suggester

    ids = {str(n): n for n in G}
    labels = {}
    for n, d in G.nodes(data=True):
        aliases = d.get("aliases") or []
        if isinstance(aliases, str):
            aliases = [a.strip() for a in aliases.split(";")]
        names = [str(x) for x in [d.get("name"), *aliases] if x]
        if names:
            labels[str(n)] = "\x1f".join(names)  # as Suggester takes them
    hint = Suggester(list(ids), labels)(str(actor)) if ids else ""
    shown = sorted(ids)
    listed = ", ".join(shown[:_SHOWN])
    if len(shown) > _SHOWN:
        listed += f", ... ({len(shown)} in all)"
    where = f"; the actors are {listed}" if shown else "; the graph has no actor"
    return f"{name}: unknown actor {actor!r}{hint}{where}"


def check_actor(G, actor, name: str = "actor"):
    """``actor`` itself when it is a node of ``G``; else :class:`UnknownActor`.

    Parameters
    ----------
    G : networkx.Graph
        Any graph of actors.
    actor : hashable
        An actor id, exactly as in the graph (``"PRK"``, not ``"prk"`` or
        ``"North Korea"``: those are suggested).
    name : str
        The argument's name, which the message starts with.

    Raises
    ------
    UnknownActor
        Naming the argument, the value, the closest actors and the ids.

    Examples
    --------
    >>> import networkx as nx
    >>> check_actor(nx.Graph([("PRK", "KOR")]), "PRK")
    'PRK'
    >>> check_actor(nx.Graph([("PRK", "KOR")]), "prk")
    Traceback (most recent call last):
    ...
    graph.actors.UnknownActor: actor: unknown actor 'prk' (did you mean "PRK"?); the actors are KOR, PRK
    """
    if actor not in G:
        raise UnknownActor(actor_message(G, actor, name))
    return actor
