"""Pages of the HTML view for the browser tests: the article graph and small probes.

Shared by tests/test_view_*.py (test modules do not import each other).
"""

from __future__ import annotations

import contextlib
import csv
from pathlib import Path

import networkx as nx
import pytest
from benchmarks.offline import offline_page

from graph.dates import overlaps
from graph.view import render_html

VOCABULARY = Path(__file__).resolve().parent.parent / "graph" / "relation_types.csv"
ARTICLE_URL = "https://example.org/what-is-driving-north-korea"


def relation_types() -> dict:
    with VOCABULARY.open(encoding="utf-8", newline="") as fh:
        return {
            row["relation"]: {**row, "sign": int(row["sign"]), "intensity": float(row["intensity"])}
            for row in csv.DictReader(fh)
        }


# (id, source, target, relation, directed, status, start, end, said_by, quote)
ARTICLE_RELATIONS = [
    (
        "bridges-kor",
        "PRK",
        "KOR",
        "cooperate",
        True,
        "fact",
        "2017",
        "2018",
        None,
        "North Korea was frantically trying to build bridges with Seoul and the United States "
        "just three years ago",
    ),
    (
        "bridges-usa",
        "PRK",
        "USA",
        "cooperate",
        True,
        "fact",
        "2017",
        "2018",
        None,
        "build bridges with Seoul and the United States just three years ago",
    ),
    (
        "sanctions",
        "USA",
        "PRK",
        "sanction",
        True,
        "fact",
        "2017",
        "2018",
        None,
        "as international sanctions bit hard into its economy",
    ),
    (
        "fallout-chn",
        "USA",
        "CHN",
        "reduce-relations",
        True,
        "fact",
        "2018",
        None,
        None,
        "President Trump has since fallen out spectacularly with China and Russia",
    ),
    (
        "fallout-rus",
        "USA",
        "RUS",
        "reduce-relations",
        True,
        "fact",
        "2018",
        None,
        None,
        "President Trump has since fallen out spectacularly with China and Russia",
    ),
    (
        "ties-chn",
        "PRK",
        "CHN",
        "cooperate",
        False,
        "fact",
        "2019",
        None,
        None,
        "rebuild its own ties with Beijing and Moscow",
    ),
    (
        "ties-rus",
        "PRK",
        "RUS",
        "cooperate",
        False,
        "fact",
        "2019",
        None,
        None,
        "rebuild its own ties with Beijing and Moscow",
    ),
    (
        "support-chn",
        "CHN",
        "PRK",
        "support",
        True,
        "forecast",
        "2020-07",
        None,
        None,
        "are likely to continue their support for Kim's regime",
    ),
    (
        "agreement",
        "PRK",
        "KOR",
        "agree",
        False,
        "fact",
        "2018-09-19",
        None,
        None,
        "areas on the border that were demilitarized under the 2018 military agreement",
    ),
    (
        "liaison",
        "PRK",
        "KOR",
        "coerce",
        True,
        "fact",
        "2020-06-16",
        "2020-06-16",
        None,
        "the North's destruction of the liaison office",
    ),
    (
        "no-need",
        "PRK",
        "KOR",
        "reduce-relations",
        True,
        "claim",
        "2020-06",
        None,
        "Leonid Petrov",
        "the North is saying that there is no need to communicate with the South anymore",
    ),
    (
        "weapons",
        "PRK",
        "KOR",
        "mobilize",
        True,
        "forecast",
        "2020-07",
        None,
        "Leonid Petrov",
        "I suspect they may soon start testing weapons again",
    ),
    (
        "surveillance",
        "KOR",
        "PRK",
        "mobilize",
        True,
        "fact",
        "2020-06-16",
        "2020-06-16",
        None,
        "troops were ordered to step up surveillance of the North",
    ),
    (
        "posture",
        "USA",
        "PRK",
        "mobilize",
        True,
        "fact",
        "2020-06",
        None,
        None,
        "it was keeping a \u201crobust\u201d defensive posture on the peninsula",
    ),
    (
        "appeal",
        "KOR",
        "PRK",
        "appeal",
        True,
        "fact",
        "2020-06",
        None,
        None,
        "has called on Pyongyang to do the same",
    ),
]

ACTORS = [
    ("PRK", "North Korea", "DPRK;Pyongyang;the North", "north"),
    ("KOR", "South Korea", "ROK;Seoul;the South", "west"),
    ("USA", "United States", "US;Washington;the Pentagon", "west"),
    ("CHN", "China", "PRC;Beijing", "north"),
    ("RUS", "Russia", "Moscow", "north"),
]


def article_graph() -> nx.MultiDiGraph:
    """A hand-made graph shaped like the shipped article dataset."""
    types = relation_types()
    G = nx.MultiDiGraph(name="North Korea and its neighbours, 2017-2020", relation_types=types)
    G.graph["sources"] = {
        "dw": {
            "id": "dw",
            "title": "What's driving North Korea's actions toward the South?",
            "publisher": "Deutsche Welle",
            "author": None,
            "published": "2020-07-14",
            "url": ARTICLE_URL,
        }
    }
    for aid, name, aliases, group in ACTORS:
        G.add_node(
            aid,
            id=aid,
            name=name,
            type="state",
            aliases=aliases.split(";"),
            group=group,
            description=None,
        )
    for rid, s, t, rel, directed, status, start, end, said_by, quote in ARTICLE_RELATIONS:
        G.add_edge(
            s,
            t,
            key=rid,
            id=rid,
            source=s,
            target=t,
            relation=rel,
            sign=types[rel]["sign"],
            intensity=types[rel]["intensity"],
            directed=directed,
            status=status,
            start=start,
            end=end,
            source_id="dw",
            said_by=said_by,
            quote=quote,
            note=None,
        )
    return G


def open_view(page, G, tmp_path, fragment: str = "", name: str = "view", **kwargs):
    path = render_html(G, tmp_path / f"{name}.html", **kwargs)
    page.goto(path.as_uri() + (f"#{fragment}" if fragment else ""))
    page.wait_for_function("window.geograph && window.geograph.ready === true", timeout=20000)
    return path


def shown(page) -> set[str]:
    return set(page.evaluate("window.geograph.visibleEdgeIds()"))


def drawn(page) -> set[str]:
    """Edges vis-network draws: not hidden in the DataSet."""
    return set(
        page.evaluate(
            "window.geograph.edges.get({filter: e => !e.hidden}).map(e => window.geograph.dataId(e.id))"
        )
    )


def table_rows(page) -> list[str]:
    """Relation ids of the table's rendered rows, top to bottom, once all are drawn.

    The rows out of the table box's sight are drawn when the page is idle; the
    table is ``aria-busy`` until then.
    """
    page.wait_for_function("!document.querySelector('#gg-table[aria-busy]')", timeout=10000)
    return page.evaluate(
        "Array.from(document.querySelectorAll('#gg-table tbody tr')).map(tr => tr.dataset.id)"
    )


def count_text(page) -> str:
    return page.locator("#gg-count").inner_text()


def dom_point(page, kind: str, item_id: str) -> dict:
    """Page coordinates of a node's centre or an edge's middle."""
    return page.evaluate(
        """([kind, dataId]) => {
            const net = window.geograph.network, id = window.geograph.visId(dataId);
            let p;
            if (kind === "node") p = net.getPosition(id);
            else {
                const edge = net.body.edges[id];
                p = edge.edgeType.getPoint(0.5);
                // self-loops have no midpoint here: aim at their node instead
                if (!isFinite(p.x) || !isFinite(p.y)) p = net.getPosition(edge.fromId);
            }
            const d = net.canvasToDOM(p);
            const r = document.querySelector("#gg-network canvas").getBoundingClientRect();
            return {x: r.left + d.x, y: r.top + d.y};
        }""",
        [kind, item_id],
    )


def expected_at(G, at: str) -> set[str]:
    return {k for _, _, k, d in G.edges(keys=True, data=True) if overlaps(d["start"], d["end"], at)}


def edge_ends(G, key):
    return next((u, v) for u, v, k in G.edges(keys=True) if k == key)


def goto_view(page, path: Path, fragment: str = "") -> None:
    """Open an already written page (one written per module saves its rendering)."""
    page.goto(path.as_uri() + (f"#{fragment}" if fragment else ""))
    page.wait_for_function("window.geograph && window.geograph.ready === true", timeout=20000)


@contextlib.contextmanager
def shared_page(browser, width: int = 1280, height: int = 800, **options):
    """One page for a whole test module, in its own context: ``with shared_page(browser) as pg``.

    Every request that leaves the machine is aborted; it, a console error or
    an uncaught exception is kept for :func:`take_problems`, and a module's
    autouse fixture fails the test that caused one (:func:`fail_on_problems`).
    """
    context, pg, blocked, errors = offline_page(browser, width, height, **options)
    pg.on(
        "console",
        lambda m: errors.append(f"console.{m.type}: {m.text}") if m.type == "error" else None,
    )
    pg.problems = (blocked, errors)
    try:
        yield pg
    finally:
        context.close()


#: The screens the per-viewport modules open their page at (``viewport_page``).
VIEWPORTS = {
    "desktop": {"width": 1440, "height": 900, "options": {}},
    "short": {"width": 1000, "height": 600, "options": {}},
    "tablet": {"width": 820, "height": 1180, "options": {"is_mobile": True, "has_touch": True}},
    "phone": {"width": 390, "height": 844, "options": {"is_mobile": True, "has_touch": True}},
}


def viewport_page(browser, name: str):
    """A module's page at the viewport ``name`` of :data:`VIEWPORTS`, named by it.

    For a module fixture parametrised by viewport names::

        @pytest.fixture(scope="module", params=["desktop", "phone"])
        def pg(request, browser):
            yield from viewport_page(browser, request.param)
    """
    v = VIEWPORTS[name]
    with shared_page(browser, v["width"], v["height"], **v["options"]) as page:
        page.viewport_name = name
        yield page


def take_problems(pg) -> list[str]:
    """The problems :func:`shared_page` recorded since the last call (and forget them)."""
    blocked, errors = pg.problems
    found = [f"network request: {u}" for u in blocked] + errors
    blocked.clear()
    errors.clear()
    return found


def reopen_view(page, path: Path, fragment: str = "") -> None:
    """Load an already written page afresh (a shared page's state does not carry over)."""
    page.goto("about:blank")
    goto_view(page, path, fragment)


def fail_on_problems(pg):
    """For a module's autouse fixture (``yield from fail_on_problems(page)``): fail the test
    during which the shared page made a request, logged a console error or threw."""
    take_problems(pg)
    yield
    problems = take_problems(pg)
    if problems:
        pytest.fail("the page misbehaved:\n" + "\n".join(problems), pytrace=False)


def shipped_page_file(tmp_path_factory, name: str) -> Path:
    """The shipped data's page, written into a fresh folder ``name`` (once per module)."""
    from graph.dataset import load

    out = tmp_path_factory.mktemp(name) / "data.html"
    return render_html(load(Path(__file__).resolve().parent.parent / "data").to_networkx(), out)


def link_fragment(pg) -> str:
    """The page's URL fragment as a user copying the link finds it.

    The page writes the fragment once a burst of changes ends, or at once when
    the window loses focus (as a click in the address bar makes it): the test
    does the latter, then reads it.
    """
    return pg.evaluate("() => { dispatchEvent(new Event('blur')); return location.hash; }")
