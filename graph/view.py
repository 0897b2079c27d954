"""The offline interactive HTML view of a geograph graph.

One self-contained page: vis-network's JS and CSS are read from the installed
pyvis package and inlined, the data is embedded as JSON that cannot leave its
``<script>`` element, and the page logic is ``templates/js/*.js``. The page
makes no network request. The page is our own template, not pyvis's (see
``shared/notes/pyvis-0.3.2.md``): ``templates/view.html``, whose only
markup is ``{{ name }}`` placeholders, filled as Jinja2 with autoescaping
fills them (text escaped, the assets and the payload inlined as they are)
by :func:`_fill_template`, so that a build does not import Jinja2 (9 MiB
and a tenth of a second of a small build's start-up).

The page logic is the plain files ``templates/js/NN-name.js``, joined in the
order of their names (see ``templates/README.md``): each one in its own
function that receives the page's namespace ``gg``, all inside one strict-mode
function, so nothing leaks into the page's globals but ``window.geograph``.
"""

from __future__ import annotations

import functools
import importlib.util
import json
import os
import re
from array import array
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .payload import _page_payload, page_payload  # noqa: F401 (still graph.view.page_payload)
from .payload.compact import page_columns, with_page_columns
from .write import check_output, write_text

__all__ = [
    "to_html",
    "render_html",
    "page_pieces",
    "read_page_payload",
    "payload_json",
    "payload_json_pieces",
    "js_parts",
]

VIS_VERSION = "9.1.2"
_TEMPLATES = Path(__file__).with_name("templates")
_JS_PART = re.compile(r"\d\d-[a-z][a-z0-9-]*\.js")

# Parts of vis-network.css for features the view does not use (configurator,
# manipulation toolbar, navigation buttons, colour picker): about 200 kB of
# embedded PNGs. Dropped only when a rule's every selector names one of them.
_UNUSED_CSS = re.compile(
    r"vis-(?:configuration|config-|color-picker|manipulation|edit-mode|navigation|close"
    r"|button|separator-line|label|none|active|overlay)"
)
_CSS_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")

# Characters that could end or confuse a <script> element, escaped inside JSON strings.
_JSON_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}


# Items of a long list written per piece of the payload's JSON.
_LIST_STEP = 4_096


def _escaped(text: str) -> str:
    # str.replace scans in C: several times faster than one regex pass with a callback.
    for char, escape in _JSON_ESCAPES.items():
        if char in text:
            text = text.replace(char, escape)
    return text


def _as_list(value: Any) -> list:
    """An ``array`` (a bundle's relations, see ``graph.payload._bundles``) is written as its list."""
    if type(value) is array:
        return value.tolist()
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


# One encoder for every piece: json.dumps with these options makes a new one per call,
# and a page is written in some 14,000 pieces (a key, a value, a step of a column).
_ENCODE = json.JSONEncoder(
    ensure_ascii=False, allow_nan=False, separators=(",", ":"), default=_as_list
).encode


def _dumps(value: Any) -> str:
    return _ENCODE(value)


_ENCODE_ASCII = json.encoder.encode_basestring_ascii
# Characters that JSON writes as they are: one absent from a step's texts joins them.
_JOINS = "|~^`#"


def _texts_json(texts: list) -> str:
    """``_dumps(texts)`` for a list, faster for a step of plain ASCII texts (quotes, ids).

    The C encoder escapes each string in turn at a third of the speed of
    escaping them as one ASCII string joined by a character that is in none
    of them and that JSON writes as it is: each join then becomes the end
    of one string and the start of the next. The same JSON for texts with
    nothing past ``~``, which the ASCII escape writes as ``\\u`` escapes;
    else, or when every join character is taken, the encoder's own.

    Examples
    --------
    >>> _texts_json(["a", 'say "hi"|\\n', ""]) == _dumps(["a", 'say "hi"|\\n', ""])
    True
    >>> _texts_json(["é", "\\x7f", None]) == _dumps(["é", "\\x7f", None])
    True
    """
    if not texts:
        return "[]"
    for join in _JOINS:
        try:
            joined = join.join(texts)
        except TypeError:  # only texts join (a None is written null)
            return _dumps(texts)
        if not joined.isascii() or "\x7f" in joined:
            break
        if joined.count(join) == len(texts) - 1:  # in none of the texts
            return "[" + _ENCODE_ASCII(joined).replace(join, '","') + "]"
    return _dumps(texts)


def payload_json(payload: dict) -> str:
    """Serialize a payload as JSON safe to place inside a ``<script>`` element.

    ``<``, ``>``, ``&``, U+2028 and U+2029 are written as ``\\uXXXX`` escapes,
    so no ``</script>`` or ``<!--`` can appear; the JSON value is unchanged.

    Examples
    --------
    >>> payload_json({"t": "</script><!--"})
    '{"t":"\\\\u003c/script\\\\u003e\\\\u003c!--"}'
    >>> import json; json.loads(payload_json({"t": "</script>"}))["t"]
    '</script>'
    """
    return _escaped(_dumps(payload))


class _Written(tuple):
    """A value's JSON text in the pieces :func:`payload_json_pieces` writes, made ahead of the rest."""


def _written(value: Any) -> Any:
    """``value`` as its JSON pieces, but for a list of texts: its JSON is about the size
    of its strings, which would be held with it until the list is let go of."""
    if type(value) is list and set(map(type, value)) <= _TEXTS:
        return value
    # the same text at any depth: a value's pieces join to its JSON (never joined here:
    # the pieces and the whole would be held at once)
    return _Written(payload_json_pieces(value, 1))


_TEXTS = frozenset((str, type(None)))


def payload_json_pieces(payload: Any, depth: int = 3) -> Iterator[str]:
    """:func:`payload_json` in pieces: the same text, never all of it at once.

    Dicts with text keys are written key by key down to ``depth`` levels (the
    relation columns are the third), each value by the C encoder of
    :mod:`json`, and a long list (a column) in steps of items, so no piece
    is more than a few thousand values.

    Examples
    --------
    >>> p = {"edges": {"id": ["a", "</b>"], "n": 2}, "t": None, "q": ["<"] * 9000}
    >>> "".join(payload_json_pieces(p)) == payload_json(p)
    True
    """
    if type(payload) is _Written:
        yield from payload
        return
    if type(payload) is list and len(payload) > _LIST_STEP:
        # a long column in steps: its JSON is its items' JSON joined by commas
        yield "["
        for at in range(0, len(payload), _LIST_STEP):
            yield ("," if at else "") + _escaped(_texts_json(payload[at : at + _LIST_STEP])[1:-1])
        yield "]"
        return
    if depth <= 0 or not isinstance(payload, dict) or not all(type(k) is str for k in payload):
        yield _escaped(_dumps(payload))
        return
    yield "{"
    for i, (key, value) in enumerate(payload.items()):
        yield ("," if i else "") + _escaped(_dumps(key)) + ":"
        yield from payload_json_pieces(value, depth - 1)
    yield "}"


def _vis_dir() -> Path:
    # Found without importing pyvis: its package imports IPython and jsonpickle.
    spec = importlib.util.find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:  # pragma: no cover
        raise RuntimeError("pyvis is not installed; install pyvis>=0.3.2 for vis-network")
    root = Path(next(iter(spec.submodule_search_locations)))
    return root / "templates" / "lib" / f"vis-{VIS_VERSION}"


def _checked_asset(path: Path, closing: str) -> str:
    text = path.read_text(encoding="utf-8")
    if closing in text.lower() or "<!--" in text:
        # An inlined asset holding its own closing tag would end the element early.
        raise RuntimeError(f"{path} contains {closing!r}; it cannot be inlined safely")
    return text


def _trim_css(css: str) -> str:
    rules = _CSS_RULE.findall(css)
    if "".join(f"{s}{{{b}}}" for s, b in rules) != css:
        return css  # not the flat stylesheet we know: keep it whole
    kept = [
        f"{s}{{{b}}}" for s, b in rules if not all(_UNUSED_CSS.search(sel) for sel in s.split(","))
    ]
    return "".join(kept)


def js_parts() -> list[Path]:
    """The files of the page's script, in the order they are joined.

    Every ``templates/js/NN-name.js``, sorted by name: the two digits fix the
    order, so a new part is a new file and no list needs editing.

    Examples
    --------
    >>> [p.name for p in js_parts()][:2]
    ['00-util.js', '10-data.js']
    """
    return sorted(
        (p for p in (_TEMPLATES / "js").iterdir() if _JS_PART.fullmatch(p.name)),
        key=lambda p: p.name,
    )


def _page_script() -> str:
    pieces = ['(function () {\n"use strict";\nvar gg = {};\n']
    for part in js_parts():
        text = _checked_asset(part, "</script")
        pieces.append(f"// ---- {part.name} ----\n(function (gg) {{\n{text}\n}})(gg);\n")
    pieces.append("})();\n")
    return "".join(pieces)


@functools.lru_cache(maxsize=1)
def _assets() -> dict[str, str]:
    vis = _vis_dir()
    try:
        vis_js = _checked_asset(vis / "vis-network.min.js", "</script")
        vis_css = _trim_css(_checked_asset(vis / "vis-network.css", "</style"))
    except FileNotFoundError as err:
        raise RuntimeError(
            f"vis-network {VIS_VERSION} not found in the installed pyvis package ({err.filename}); "
            "install pyvis>=0.3.2"
        ) from err
    return {
        "vis_js": vis_js,
        "vis_css": vis_css,
        "view_js": _page_script(),
        "view_css": _checked_asset(_TEMPLATES / "view.css", "</style"),
    }


# What Jinja2's autoescaping writes for each character (markupsafe.escape).
_HTML_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "'": "&#39;", '"': "&#34;"}
_PLACEHOLDER = re.compile(r"\{\{ ([a-z_]+) \}\}")
_TEMPLATE_MARKUP = re.compile(r"\{[{%#]")


def _escape_html(text: str) -> str:
    """``text`` as Jinja2's autoescaping writes it into the page.

    Examples
    --------
    >>> _escape_html('<b>"R&D"</b>')
    '&lt;b&gt;&#34;R&amp;D&#34;&lt;/b&gt;'
    """
    for char, escape in _HTML_ESCAPES.items():  # "&" first: the others write one
        if char in text:
            text = text.replace(char, escape)
    return text


@functools.lru_cache(maxsize=1)
def _template() -> list[str]:
    """``view.html`` cut at its placeholders: text, name, text, name, ..., text."""
    text = (_TEMPLATES / "view.html").read_text(encoding="utf-8")
    parts = _PLACEHOLDER.split(text)
    if any(_TEMPLATE_MARKUP.search(part) for part in parts[::2]):  # pragma: no cover - ours
        raise RuntimeError(
            "templates/view.html may hold only {{ name }} placeholders (graph/view.py fills them)"
        )
    return parts


def _fill_template(text: dict[str, str], markup: dict[str, str]) -> str:
    """The page template filled: ``text`` escaped, ``markup`` as it is; every name must be given."""
    parts = _template()
    out = parts[:1]
    for name, literal in zip(parts[1::2], parts[2::2]):
        if name in text:
            out.append(_escape_html(text[name]))
        elif name in markup:
            out.append(markup[name])
        else:  # pragma: no cover - the template is ours
            raise RuntimeError(f"templates/view.html names {{{{ {name} }}}}, which has no value")
        out.append(literal)
    return "".join(out)


# Stands for the payload in the rendered template, which is then cut around it.
_PAYLOAD_MARK = "\x00geograph-payload\x00"
_END = "</script>"


def page_pieces(G, *, title: str | None = None, release: bool = False) -> Iterator[str]:
    """The page of :func:`to_html` as pieces of text, to be written one after another.

    The payload's JSON is made piece by piece (:func:`payload_json_pieces`),
    so neither it nor the page is ever held whole: :func:`render_html` and
    ``geograph build`` write the pieces to the file as they come. ``release``:
    a large :class:`graph.Dataset` lets go of its relations as the payload
    takes them (see :func:`graph.payload.page_payload`).

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph(name="demo")
    >>> "".join(page_pieces(G)) == to_html(G)
    True
    """
    # each relation column is JSON text as soon as it is encoded: its objects go at once
    payload, later = page_columns(_page_payload(G, title, None, release, _written))
    page = _fill_template({"title": payload["title"]}, {"payload": _PAYLOAD_MARK, **_assets()})
    head, mark, tail = page.partition(_PAYLOAD_MARK)
    if not mark or _PAYLOAD_MARK in tail or not tail.startswith(_END):  # pragma: no cover - ours
        raise RuntimeError(
            "templates/view.html must hold {{ payload }} exactly once, in a <script>"
        )
    del page
    yield head
    yield from payload_json_pieces(payload)
    yield _END
    # the extra columns the page parses when first read (graph.payload.compact.page_columns)
    for element, column in later:
        yield f'\n<script type="application/json" id="{element}">'
        yield from payload_json_pieces(column, depth=1)
        yield _END
    yield tail[len(_END) :]


def read_page_payload(page: str) -> dict:
    """The payload a page of :func:`to_html` holds, in its compact form (see
    :func:`graph.payload.compact.expand_payload`), its extra columns read back
    from their own elements.

    Examples
    --------
    >>> import networkx as nx
    >>> from graph.payload import page_payload
    >>> G = nx.MultiDiGraph(name="demo")
    >>> _ = G.add_edge("A", "B", relation="agree", url="https://a.org")
    >>> read_page_payload(to_html(G)) == page_payload(G)
    True
    """
    data = {
        m.group(1): json.loads(m.group(2))
        for m in re.finditer(
            r'<script type="application/json" id="([a-z0-9-]+)">(.*?)</script>', page, re.S
        )
    }
    return with_page_columns(data["gg-data"], data)


def to_html(G, *, title: str | None = None) -> str:
    """Render the graph as one self-contained, offline HTML page.

    Parameters
    ----------
    G : networkx.MultiDiGraph or graph.Dataset
        A graph following the geograph contract, or a loaded dataset (its
        tables go to the page column by column, without building the graph:
        the same page as for its ``to_networkx()``, faster).
    title : str, optional
        Page title; defaults to the dataset name.

    Returns
    -------
    str
        The whole page (``<!DOCTYPE html>``, UTF-8, no external resource).

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph(name="<b>demo</b>")
    >>> G.add_node("PRK", name="North Korea")
    >>> page = to_html(G)
    >>> page.startswith("<!DOCTYPE html>"), "<title>&lt;b&gt;demo&lt;/b&gt;</title>" in page
    (True, True)
    """
    return "".join(page_pieces(G, title=title))


def render_html(G, path: str | os.PathLike, *, title: str | None = None) -> Path:
    """Write the HTML view of ``G`` to ``path`` (UTF-8, atomically) and return the path.

    The page is written in pieces as it is made (:func:`page_pieces`), never
    held whole in memory.

    Parameters
    ----------
    G : networkx.MultiDiGraph or graph.Dataset
        A graph following the geograph contract, or a loaded dataset.
    path : str or os.PathLike
        Output file; parent folders are created. On error nothing is written.
    title : str, optional
        Page title; defaults to the dataset name.

    Returns
    -------
    pathlib.Path

    Raises
    ------
    OutputError
        When the file cannot be written (the message names it and the cause).

    Examples
    --------
    >>> import networkx as nx, tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "view" / "graph.html"
    >>> render_html(nx.MultiDiGraph(), out).read_bytes().startswith(b"<!DOCTYPE html>")
    True
    """
    check_output(path, fmt="html")
    return write_text(path, page_pieces(G, title=title))
