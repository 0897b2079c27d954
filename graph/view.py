"""The offline interactive HTML view of a geograph graph.

One self-contained page: vis-network's JS and CSS are read from the installed
pyvis package and inlined, the data is embedded as JSON that cannot leave its
``<script>`` element, and the page logic is ``templates/js/*.js``. The page
makes no network request. Rendering uses our own Jinja2 template with
autoescaping on, not pyvis's (see ``shared/notes/pyvis-0.3.2.md``).

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
from pathlib import Path

import jinja2
from markupsafe import Markup

from .files import atomic_write
from .payload import page_payload

__all__ = ["to_html", "render_html", "payload_json", "js_parts"]

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
    text = json.dumps(payload, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    # str.replace scans in C: several times faster than one regex pass with a callback.
    for char, escape in _JSON_ESCAPES.items():
        if char in text:
            text = text.replace(char, escape)
    return text


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
def _assets() -> dict[str, Markup]:
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
        "vis_js": Markup(vis_js),
        "vis_css": Markup(vis_css),
        "view_js": Markup(_page_script()),
        "view_css": Markup(_checked_asset(_TEMPLATES / "view.css", "</style")),
    }


@functools.lru_cache(maxsize=1)
def _template() -> jinja2.Template:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(_TEMPLATES)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    return env.get_template("view.html")


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
    payload = page_payload(G, title=title)
    return _template().render(
        title=payload["title"],
        payload=Markup(payload_json(payload)),
        **_assets(),
    )


def render_html(G, path: str | os.PathLike, *, title: str | None = None) -> Path:
    """Write the HTML view of ``G`` to ``path`` (UTF-8, atomically) and return the path.

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

    Examples
    --------
    >>> import networkx as nx, tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "view" / "graph.html"
    >>> render_html(nx.MultiDiGraph(), out).read_bytes().startswith(b"<!DOCTYPE html>")
    True
    """
    return atomic_write(path, to_html(G, title=title))
