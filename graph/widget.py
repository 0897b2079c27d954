"""``graph.Explorer``: the view as a Jupyter widget whose state is synced with Python.

An `anywidget <https://anywidget.dev>`_ widget, so it works in JupyterLab,
Notebook 7 and VS Code without a separate extension build. The page is the
same offline page as :func:`graph.show` (everything inlined, nothing
fetched), inside a sandboxed iframe; ``templates/widget_bridge.js`` in the
page and ``templates/widget.js`` around it carry the state by
``postMessage``. Needs the ``notebook`` extra (``pip install
'geograph[notebook]'``).
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from pathlib import Path

import anywidget
import traitlets

from .dates import DateError, DateLike, date_text
from .notebook import _LENGTH, _with_state, view_fragment
from .payload import view_payload
from .timeline import check_in_range
from .view import to_html

__all__ = ["Explorer"]

_TEMPLATES = Path(__file__).with_name("templates")
_FILTERS = ("status", "sign", "relation", "group", "said_by", "source")
_SIGNS = ("hostile", "cooperative", "neutral")


class _Date(traitlets.Unicode):
    """A date trait: set as partial ISO text, an int year, or a ``date``/``datetime``/``Timestamp``.

    The value kept (and sent to the page) is the partial ISO text; a bad
    date, or one outside the graph's dates (which the page would clamp to
    its nearest end), raises ``traitlets.TraitError`` naming the trait and
    the fix.
    """

    info_text = "a partial ISO date ('2020', '2020-06'), an int year, or a date"
    #: Whether ``"all"`` (all time, as :func:`graph.view_fragment` takes it) is a value:
    #: kept as None, which the page sends back for all time.
    all_time = False

    def validate(self, obj, value):
        if value is None and self.allow_none:
            return None
        if self.all_time and isinstance(value, str) and value.strip() == "all":
            return None
        G = getattr(obj, "graph", None)
        try:
            if G is None:
                return date_text(value)
            return check_in_range(G, value, self.name or "date")
        except DateError as err:
            raise traitlets.TraitError(f"{self.name}: {err}") from err
        except ValueError as err:
            raise traitlets.TraitError(str(err)) from err


class _ShownDate(_Date):
    """The date shown: a date as :class:`_Date` takes it, or ``"all"`` for all time."""

    all_time = True


def _bridge() -> str:
    text = (_TEMPLATES / "widget_bridge.js").read_text("utf-8")
    if "</script" in text.lower() or "<!--" in text:  # pragma: no cover - a packaging error
        raise RuntimeError("templates/widget_bridge.js cannot be inlined in a <script> element")
    return text


class Explorer(anywidget.AnyWidget):
    """The interactive view of ``G`` with its state as traits, synced both ways.

    A click on an actor in the view sets ``selected`` in Python; setting
    ``explorer.date = "2018"`` in Python moves the view. Observe a trait to
    react to the analyst's clicks (``explorer.observe(callback, "selected")``).

    Parameters
    ----------
    G : networkx.MultiDiGraph
        The relation graph.
    date : str, int or datetime.date, optional
        Partial ISO date the view opens at: ``"2020-06"``, ``2018``, a
        ``date``, ``datetime`` or ``pandas.Timestamp``; ``"all"`` for all
        time (the trait then holds None, as the page reports all time).
        None: the page's own opening date (all time; event data opens at
        its latest period).
    selected : str, optional
        Actor id to focus on.
    selected_relation : str, optional
        Relation id to select.
    filters : dict, optional
        ``{"status" | "sign" | "relation" | "group": [values kept]}``; a
        kind left out keeps every value.
    compare : str, int or datetime.date, optional
        A date to compare ``date`` with, kept as a trait for the page.
    title : str, optional
        Page title.
    height : str
        A CSS length for the view.

    Attributes
    ----------
    selected, selected_relation, date, compare, filters
        Synced traits; each value set from Python is checked (an unknown
        actor or a bad date raises ``traitlets.TraitError`` naming the fix).
    graph : networkx.MultiDiGraph
        The graph shown.

    Examples
    --------
    >>> import graph
    >>> G = graph.load("data").to_networkx()
    >>> explorer = graph.Explorer(G, date="2020-06")
    >>> explorer.date, explorer.selected
    ('2020-06', None)
    >>> explorer.selected = "PRQ"
    Traceback (most recent call last):
    ...
    traitlets.traitlets.TraitError: focus: unknown actor 'PRQ' (did you mean "PRK" (North Korea) or ...
    >>> explorer.date = "2018-13"
    Traceback (most recent call last):
    ...
    traitlets.traitlets.TraitError: date: ...
    """

    _esm = _TEMPLATES / "widget.js"
    _page = traitlets.Unicode("").tag(sync=True)
    height = traitlets.Unicode("600px").tag(sync=True)
    selected = traitlets.Unicode(None, allow_none=True).tag(sync=True)
    selected_relation = traitlets.Unicode(None, allow_none=True).tag(sync=True)
    date = _ShownDate(None, allow_none=True).tag(sync=True)
    compare = _Date(None, allow_none=True).tag(sync=True)
    filters = traitlets.Dict().tag(sync=True)

    def __init__(
        self,
        G,
        *,
        date: DateLike | None = None,
        selected: str | None = None,
        selected_relation: str | None = None,
        filters: dict[str, Iterable[str]] | None = None,
        compare: DateLike | None = None,
        title: str | None = None,
        height: str = "600px",
        **kwargs,
    ):
        self.graph = G
        self._known = _known_values(G)
        if not _LENGTH.fullmatch(str(height)):
            raise ValueError(f"height {height!r} is not a CSS length like '600px' or '80vh'")
        state = {f: list(v) for f, v in (filters or {}).items()}
        fragment = view_fragment(
            G,
            date=date,
            compare=compare,
            focus=selected,
            edge=selected_relation,
            status=state.get("status"),
            sign=state.get("sign"),
            relation=state.get("relation"),
            group=state.get("group"),
            said_by=state.get("said_by"),
            source=state.get("source"),
        )
        page = _with_state(to_html(G, title=title), fragment).replace(
            "</body>", f"<script>{_bridge()}</script>\n</body>", 1
        )
        super().__init__(
            _page=page,
            height=height,
            date=date,
            selected=selected,
            selected_relation=selected_relation,
            filters=state,
            compare=compare,
            **kwargs,
        )

    def _repr_mimebundle_(self, **kwargs):
        # A saved or untrusted notebook cannot show the widget (no kernel, no model):
        # what it shows instead is the text/html or text/plain of the same output.
        shown = super()._repr_mimebundle_(**kwargs)
        if shown is None:  # pragma: no cover - a closed widget
            return None
        data, metadata = shown if isinstance(shown, tuple) else (shown, {})
        text = self._fallback()
        data = {
            **data,
            "text/plain": text,
            "text/html": f'<p class="geograph-explorer-note">{html.escape(text)}</p>',
        }
        return data, metadata

    def _fallback(self) -> str:
        """What this output is and how to see it, where the widget cannot be shown."""
        G = self.graph
        name = G.graph.get("title") or G.graph.get("name") or "a graph"
        at = [f"{k} {v}" for k, v in (("date", self.date), ("selected", self.selected)) if v]
        state = f"; {', '.join(at)}" if at else ""
        # trusting the notebook brings no widget back (its model lived in the kernel)
        return (
            f'geograph Explorer of "{name}" ({G.number_of_nodes()} actors, '
            f"{G.number_of_edges()} relations{state}): an interactive widget, shown only "
            "while its kernel runs, so a saved or untrusted notebook does not show it. "
            "Run the cell to see it; graph.show(G) keeps a view in the saved notebook "
            "that needs no kernel."
        )

    @traitlets.validate("selected")
    def _check_selected(self, proposal):
        value = proposal["value"]
        if value is not None and value not in self._known["actors"]:
            try:
                view_fragment(self.graph, focus=value)  # names the closest actor
            except ValueError as err:
                raise traitlets.TraitError(str(err)) from err
        return value

    @traitlets.validate("selected_relation")
    def _check_relation(self, proposal):
        value = proposal["value"]
        if value is not None and value not in self._known["relations_ids"]:
            try:
                view_fragment(self.graph, edge=value)
            except ValueError as err:
                raise traitlets.TraitError(str(err)) from err
        return value

    @traitlets.validate("filters")
    def _check_filters(self, proposal):
        out = {}
        for kind, values in dict(proposal["value"]).items():
            if kind not in _FILTERS:
                msg = f"filters: unknown filter {kind!r}; use any of {', '.join(_FILTERS)}"
                raise traitlets.TraitError(msg)
            values = [values] if isinstance(values, str) else list(values)
            allowed = self._known[kind]
            bad = [v for v in values if v not in allowed]
            if bad:
                msg = (
                    f"filters: {kind} has no value {bad[0]!r}; "
                    f"use any of {', '.join(map(str, allowed))}"
                )
                raise traitlets.TraitError(msg)
            out[kind] = values
        return out


def _known_values(G) -> dict[str, list]:
    payload = view_payload(G)
    return {
        "actors": [n["id"] for n in payload["nodes"]],
        "relations_ids": list(payload["edges"]["id"]),
        "status": list(payload["statuses"]),
        "sign": list(_SIGNS),
        "relation": list(payload["relations"]),
        "group": list(payload["groups"]),
        # "" keeps the relations without a speaker or a source, as in the page
        "said_by": ["" if v is None else v for v in payload["speakers"]],
        "source": ["" if v is None else v for v in payload["source_ids"]],
    }
