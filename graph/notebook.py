"""The view in a notebook: ``show`` opens it in a given state, readable when untrusted.

``show`` embeds the whole offline page in an ``<iframe srcdoc>`` (no file, no
server, no kernel needed to look at it again), opened in the state given by
its arguments: the same state the page keeps in its URL fragment
(``#date=2020-06&focus=PRK``), built here by :func:`view_fragment`.

A notebook saved by someone else opens *untrusted* in JupyterLab and
Notebook 7: the HTML of the output is sanitised and the iframe dropped, which
used to leave an empty output. The output now carries a short text, shown
only when the iframe is not, saying what is missing and how to see it, and a
``text/plain`` alternative in the same bundle.
"""

from __future__ import annotations

import html
import inspect
import json
import os
import re
import uuid
from collections.abc import Iterable
from difflib import get_close_matches
from pathlib import Path
from urllib.parse import quote

import networkx as nx

from .actors import check_actor
from .dates import DateLike
from .files import atomic_write
from .payload import view_payload
from .payload.events import check_opening, is_event_graph
from .payload.sizes import SIZE_MEASURES
from .schema import STATUSES
from .timeline import check_in_range
from .view import to_html

__all__ = [
    "COLORS",
    "LAYOUTS",
    "SIZES",
    "DEPTHS",
    "DIRECTIONS",
    "SIGNS",
    "NotebookView",
    "view_fragment",
    "show",
]

#: Ways to colour actors: by their group (or type), or by bloc of structural balance.
COLORS = ("group", "bloc")
#: Ways to place actors: force-directed, or on the world map (graph/geo.py).
LAYOUTS = ("force", "map")
#: What actor size shows: relations shown, weighted degree, betweenness.
SIZES = SIZE_MEASURES
#: How many steps out from a focused actor stay in sight.
DEPTHS = (1, 2, 3)
#: Which relations lead out from a focused actor: both ways, from it, to it.
DIRECTIONS = ("both", "out", "in")
#: The sign filter's values, as the page names them.
SIGNS = ("hostile", "cooperative", "neutral")

_LENGTH = re.compile(r"\d+(?:\.\d+)?(?:px|em|rem|vh|%)")
# What encodeURIComponent leaves as is, so that the page decodes what Python wrote.
_URI_SAFE = "-_.!~*'()"

#: JupyterLab 4 and Notebook 7 trust a notebook from the command palette, not a menu.
TRUST_HOW = (
    "Trust the notebook to see its saved views: in JupyterLab or Notebook 7, open the "
    'command palette (Ctrl+Shift+C) and run "Trust Notebook"; or, on the command line, '
    "jupyter trust NOTEBOOK.ipynb and open it again."
)
UNTRUSTED_TEXT = (
    "geograph view not shown: this notebook is not trusted, so its interactive "
    f"output was hidden. Run the cell to see it. {TRUST_HOW} Or open the exported "
    "page (graph.render_html(G, 'view.html') or geograph build)."
)


class NotebookView:
    """An HTML view for notebooks: an ``<iframe>`` holding the whole page.

    With ``page`` the iframe holds the page itself (``srcdoc``): it needs no
    file and no server, so it works in JupyterLab, Notebook 7, VS Code and in
    notebooks exported with nbconvert. With ``src`` it points at a page
    written beside the notebook, which keeps the notebook file small. The
    iframe is sandboxed (scripts and downloads allowed, no access to the
    notebook's origin).

    Parameters
    ----------
    page : str, optional
        The whole HTML page.
    height : str
        A CSS length.
    src : str, optional
        A relative URL of a page file, instead of ``page``.
    fragment : str
        The state the page opens in (``#date=2018``), see :func:`view_fragment`.
    """

    def __init__(
        self,
        page: str | None = None,
        height: str = "600px",
        *,
        src: str | None = None,
        fragment: str = "",
    ):
        if (page is None) == (src is None):
            raise ValueError("NotebookView: give either page or src")
        self.page = page
        self.src = src
        self.height = height
        self.fragment = fragment
        self.element_id = f"geograph-{uuid.uuid4().hex[:12]}"

    def _iframe(self) -> str:
        if self.src is not None:
            where = f'src="{html.escape(self.src + self.fragment, quote=True)}"'
        else:
            where = (
                f'srcdoc="{html.escape(_with_state(self.page or "", self.fragment), quote=True)}"'
            )
        return (
            f'<iframe id="{self.element_id}" class="geograph-view" '
            f'title="geograph view" style="width:100%;height:{html.escape(self.height)};'
            f'border:1px solid #ddd" '
            f'sandbox="allow-scripts allow-downloads allow-popups '
            f'allow-popups-to-escape-sandbox" '
            # Trusted output runs the handler and hides the note; a sanitiser drops
            # both the handler and the iframe, so the note is what stays.
            f"onload=\"var n=document.getElementById('{self.element_id}-note');"
            f"if(n)n.style.display='none'\" "
            f"{where}></iframe>"
        )

    def _repr_html_(self) -> str:
        note = (
            f'<p id="{self.element_id}-note" class="geograph-untrusted">'
            f"{html.escape(UNTRUSTED_TEXT)}</p>"
        )
        return f'<div class="geograph-output">{note}{self._iframe()}</div>'

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:
        return {"text/html": self._repr_html_(), "text/plain": UNTRUSTED_TEXT}


def _with_state(page: str, fragment: str) -> str:
    """The page for a notebook's frame, opened at ``fragment`` before its scripts read the URL.

    The page is marked ``gg-embedded``: in a frame of a given height it fits
    that height (view.css), however many lines its toolbar wraps onto.
    """
    script = 'document.documentElement.classList.add("gg-embedded");'
    if fragment:
        # The fragment holds only URI-safe ASCII, and json.dumps quotes it for the script.
        script += f"location.hash = {json.dumps(fragment)};"
    return page.replace("<head>", f"<head><script>{script}</script>", 1)


def _one_of(name: str, value, allowed: Iterable[str]) -> str:
    allowed = list(allowed)
    text = str(value)
    if text in allowed:
        return text
    close = get_close_matches(text, [str(a) for a in allowed], n=1)
    hint = f' (did you mean "{close[0]}"?)' if close else ""
    shown = ", ".join(map(str, allowed[:12])) + (", ..." if len(allowed) > 12 else "")
    msg = f"{name}: unknown value {text!r}{hint}; use one of {shown}"
    raise ValueError(msg)


def _values(name: str, values, allowed: Iterable[str]) -> list[str]:
    if isinstance(values, str):
        values = [values]
    allowed = list(allowed)
    return [_one_of(name, v, allowed) for v in values]


def _event_parts(G, **given) -> list[tuple[str, list[str]]]:
    """The event thresholds of the fragment, checked as ``G.graph["view"]`` is."""
    chosen = {k: v for k, v in given.items() if v is not None}
    if not chosen:
        return []
    if not is_event_graph(G):
        name = next(iter(chosen))
        raise ValueError(f"{name}: the graph is not event data (its relations have no events)")
    H = nx.MultiDiGraph(view=chosen)
    opening = check_opening(H)
    return [(k, [repr(opening[k]) if isinstance(opening[k], float) else str(opening[k])])
            for k in chosen]  # fmt: skip


_CHOICES = {
    "color": COLORS,
    "layout": LAYOUTS,
    "size": SIZES,
    "depth": tuple(map(str, DEPTHS)),
    "direction": DIRECTIONS,
}


def _choices(**given) -> list[tuple[str, list[str]]]:
    """The fragment's parts for the one-word state keys given (None: left out)."""
    return [
        (key, [_one_of(key, value, _CHOICES[key])])
        for key, value in given.items()
        if value is not None
    ]


def _where_parts(G, date, compare, focus, edge) -> list[tuple[str, list[str]]]:
    """The fragment's date, compare date, focused actor and selected relation, checked."""
    parts: list[tuple[str, list[str]]] = []
    if date is not None:  # "all": all time, for event data that opens at its latest period
        parts.append(("date", ["all" if str(date) == "all" else check_in_range(G, date)]))
    if compare is not None:
        parts.append(("compare", [check_in_range(G, compare, "compare")]))
    if focus is not None:
        parts.append(("focus", [str(check_actor(G, focus, "focus"))]))
    if edge is not None:
        ids = sorted(map(str, view_payload(G)["edges"]["id"]))  # the page's ids, of any graph
        parts.append(("edge", [_one_of("edge", edge, ids)]))
    return parts


def view_fragment(
    G,
    *,
    date: DateLike | None = None,
    compare: DateLike | None = None,
    focus: str | None = None,
    edge: str | None = None,
    color: str | None = None,
    layout: str | None = None,
    size: str | None = None,
    depth: int | None = None,
    direction: str | None = None,
    status: Iterable[str] | str | None = None,
    sign: Iterable[str] | str | None = None,
    relation: Iterable[str] | str | None = None,
    group: Iterable[str] | str | None = None,
    said_by: Iterable[str | None] | str | None = None,
    source: Iterable[str | None] | str | None = None,
    min_events: int | None = None,
    min_goldstein: float | None = None,
    top: int | None = None,
    backbone: float | None = None,
) -> str:
    """The URL fragment that opens the view of ``G`` in the given state.

    Every argument is checked against ``G`` and the page's vocabulary; a
    bad one raises ValueError naming it, the accepted values and the
    closest one. Filters (``status``, ``sign``, ``relation``, ``group``,
    ``said_by``, ``source``) list the values kept; None keeps them all.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        The relation graph.
    date, compare : str, int or datetime.date, optional
        The date shown (``"all"``: all time), and another to compare it
        with, earlier or later (a comparison may go back in time, as
        :func:`graph.diff` allows and says): partial ISO text (``"2020-06"``),
        an int year, or a ``date``, ``datetime`` or ``pandas.Timestamp``.
    focus : str, optional
        An actor id to focus on.
    edge : str, optional
        A relation id to select (ignored by the page when ``focus`` is set).
    color : {"group", "bloc"}, optional
        Colour actors by group, or by bloc of structural balance at the date.
    layout : {"force", "map"}, optional
        Force-directed, or on the world map (:mod:`graph.geo`; the page's
        default for event data).
    size : {"relations", "weight", "betweenness"}, optional
        Actor size: relations shown, their summed ``|intensity|``, or
        betweenness at the date (as :func:`graph.centrality`).
    depth, direction : {1, 2, 3}, {"both", "out", "in"}, optional
        How many steps out from ``focus`` stay in sight, following which relations.
    status, sign, relation, group : str or iterable of str, optional
        Values kept by each filter: statuses, signs (``hostile``,
        ``cooperative``, ``neutral``), relation types, groups (a group name,
        or a key of the page's legend such as ``"type:state"``).
    said_by, source : str or iterable of str or None, optional
        Speakers (``said_by`` texts) and sources (``source_id`` values) kept;
        ``None`` or ``""`` in the list keeps the relations without one.
    min_events, min_goldstein, top, backbone : number, optional
        Event data: the thresholds of :mod:`graph.payload.events`.

    Returns
    -------
    str
        ``""`` when every argument is None, else ``"#key=value&..."``.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("PRK", name="North Korea", group="east")
    >>> G.add_node("KOR", name="South Korea")
    >>> _ = G.add_edge("PRK", "KOR", id="r1", relation="threaten", sign=-1, status="claim",
    ...                start="2020-06")
    >>> view_fragment(G, date="2020-06", focus="PRK", status=["claim"], color="bloc")
    '#date=2020-06&focus=PRK&status=claim&color=bloc'
    >>> view_fragment(G, said_by=[None])
    '#said_by=,'
    >>> view_fragment(G, focus="PRK", depth=2, direction="out", layout="map", size="weight")
    '#focus=PRK&layout=map&size=weight&depth=2&direction=out'
    >>> view_fragment(G, focus="PRQ")
    Traceback (most recent call last):
    ...
    graph.actors.UnknownActor: focus: unknown actor 'PRQ' (did you mean "PRK" (North Korea)?); the actors are KOR, PRK
    """
    parts = _where_parts(G, date, compare, focus, edge)
    parts += _filter_parts(G, status, sign, relation, group, said_by, source)
    parts += _choices(color=color, layout=layout, size=size, depth=depth, direction=direction)
    parts += _event_parts(G, min_events=min_events, min_goldstein=min_goldstein, top=top, backbone=backbone)  # fmt: skip  # noqa: E501
    return "#" + "&".join(key + "=" + _list(values) for key, values in parts) if parts else ""


def _filter_parts(G, status, sign, relation, group, said_by, source) -> list:
    """The fragment's filter keys, in the page's order, each checked against ``G``."""
    parts: list[tuple[str, list[str]]] = []
    if sign is not None:
        parts.append(("sign", _values("sign", sign, SIGNS)))
    if all(f is None for f in (status, relation, group, said_by, source)):
        return parts  # the sign's values are the page's own: no payload needed
    payload = view_payload(G)
    if status is not None:
        parts.insert(0, ("status", _values("status", status, payload["statuses"] or STATUSES)))
    if relation is not None:
        parts.append(("relation", _values("relation", relation, payload["relations"])))
    if group is not None:
        keys = payload["groups"]
        bare = {k.split(":", 1)[1]: k for k in keys if k.startswith("group:")}
        chosen = _values("group", group, list(bare) + keys)
        parts.append(("group", [bare.get(g, g) for g in chosen]))
    if said_by is not None:
        parts.append(("said_by", _texts("said_by", said_by, payload, "speakers")))
    if source is not None:
        parts.append(("source", _texts("source", source, payload, "source_ids")))
    return parts


def _list(values: list[str]) -> str:
    # as the page writes it: the one value "" (nobody, no source) is ",", not no value
    if values == [""]:
        return ","
    return ",".join(quote(v, safe=_URI_SAFE) for v in values)


def _texts(name: str, values, payload: dict, table: str) -> list[str]:
    """Data texts kept by a filter; None or "" is the relations without one."""
    if values is None or isinstance(values, str):
        values = [values]
    column = "said_by" if name == "said_by" else "source_id"
    out = []
    for v in values:
        text = "" if v is None else str(v)
        if text == "" and None not in payload["edges"][column]:
            msg = f"{name}: every relation has a {column}; None keeps no relation"
            raise ValueError(msg)
        out.append(text if text == "" else _one_of(name, text, payload[table]))
    return list(dict.fromkeys(out))


#: The state keywords of :func:`view_fragment`, which :func:`show` passes on.
_STATE_KEYS = tuple(inspect.signature(view_fragment).parameters)[1:]


def show(
    G,
    *,
    date: DateLike | None = None,
    compare: DateLike | None = None,
    focus: str | None = None,
    edge: str | None = None,
    color: str | None = None,
    layout: str | None = None,
    size: str | None = None,
    depth: int | None = None,
    direction: str | None = None,
    status: Iterable[str] | str | None = None,
    sign: Iterable[str] | str | None = None,
    relation: Iterable[str] | str | None = None,
    group: Iterable[str] | str | None = None,
    said_by: Iterable[str | None] | str | None = None,
    source: Iterable[str | None] | str | None = None,
    min_events: int | None = None,
    min_goldstein: float | None = None,
    top: int | None = None,
    backbone: float | None = None,
    title: str | None = None,
    height: str = "600px",
    file: str | os.PathLike | None = None,
) -> NotebookView:
    """Show the view inline in a notebook, opened in the given state.

    The state arguments are those of :func:`view_fragment` (the page's URL
    fragment), checked the same way. The output embeds the whole page
    (about 1 MB, most of it vis-network), so each ``show`` adds that to
    the saved notebook; with ``file`` the page is written to that path
    instead and the output only points at it (a few hundred bytes), which
    JupyterLab and Notebook 7 serve from beside the notebook.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        The relation graph.
    date, compare, focus, edge, color, layout, size, depth, direction, status, sign, relation, group, said_by, source
        The state the view opens in, see :func:`view_fragment`.
    min_events, min_goldstein, top, backbone
        Event data: the thresholds the view opens with, see :func:`view_fragment`.
    title : str, optional
        Page title; defaults to the dataset name.
    height : str
        A CSS length (``"600px"``, ``"80vh"``).
    file : str or os.PathLike, optional
        Write the page there (relative to the notebook's folder) and show it
        from the file, keeping the notebook small.

    Returns
    -------
    NotebookView
        Displayed by Jupyter (``_repr_mimebundle_``: the HTML view and a text
        for untrusted notebooks).

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph(name="demo")
    >>> G.add_node("PRK", name="North Korea")
    >>> view = show(G, focus="PRK", height="400px")
    >>> view.fragment
    '#focus=PRK'
    >>> sorted(view._repr_mimebundle_())
    ['text/html', 'text/plain']
    >>> show(G, color="blocs")
    Traceback (most recent call last):
    ...
    ValueError: color: unknown value 'blocs' (did you mean "bloc"?); use one of group, bloc
    """
    if not _LENGTH.fullmatch(str(height)):
        raise ValueError(f"height {height!r} is not a CSS length like '600px' or '80vh'")
    state = {k: v for k, v in locals().items() if k in _STATE_KEYS}  # view_fragment's keywords
    fragment = view_fragment(G, **state)
    page = to_html(G, title=title)
    if file is None:
        return NotebookView(page, height=height, fragment=fragment)
    path = Path(file)
    if path.is_absolute():
        raise ValueError(
            f"file {str(file)!r}: give a path relative to the notebook's folder, "
            "so that the notebook can load it"
        )
    atomic_write(path, _with_state(page, ""))
    return NotebookView(height=height, src=path.as_posix(), fragment=fragment)
