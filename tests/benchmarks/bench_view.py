"""View benchmark: time until the page is ready, and how long each action takes, in Chromium.

For each size a synthetic dataset (see ``synthetic.py``) is rendered with
:func:`graph.render_html` and opened in headless Debian Chromium with every
non-``file:`` request blocked, as the browser tests do. ``--dataset DIR``
measures a dataset folder instead (for example the GDELT import). Measured by
the page's own clock:

- ``load``: the ``load`` event, from the start of navigation (HTML parsed,
  vis-network and the page script run, which for large graphs includes the layout);
- ``ready``: the ``geograph:ready`` event, from the start of navigation (laid
  out, frozen, drawn: the page answers clicks, the slider and the filters);
- one figure per action, from the user's input to the next painted frame
  (the handlers, the DataSet updates and vis-network's redraw in that frame):
  ``slider`` (one step of the date slider to the next position),
  ``filter`` (a status checkbox toggled, at all time; a sign checkbox
  where every relation has the same status), ``focus`` (an actor
  focused, as a click or a search result does), ``search`` (one keystroke
  in the search box, typing an actor's name: nine keystrokes by default).

*ready* is also split into its phases (``format_phases``), from marks the
benchmark adds at the start of each part of the page script (``with_marks``:
a copy of the page, one ``performance.mark`` per ``templates/js`` part):
``html`` (navigation to the first part: the 20 MB of HTML parsed, vis-network
compiled), ``decode`` (``10-data.js`` and ``15-events.js``: the payload's
``JSON.parse``, the compact columns expanded, one object per relation),
``layout`` (``30-layout.js``), ``vis`` (``50-network.js``: vis-network's
DataSets and its edge and node objects), ``parts`` (every other part: styles,
filters and their counts, search, the table, the state restored from the URL,
the slowest named) and ``draw`` (the end of the script to ``geograph:ready``:
the first frame drawn).

Each action figure is the median over its repetitions on every page, each
page figure the median of ``--repeat`` fresh pages. ``--profile`` also prints,
per action, where the time goes (Chromium's sampling profiler through CDP,
self time by function). Run from the repository root::

    python -m tests.benchmarks.bench_view            # 1k, 5k, 20k relations
    python -m tests.benchmarks.bench_view --small    # a quick check
    python -m tests.benchmarks.bench_view --dataset gdelt-283k --profile
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import tempfile
from pathlib import Path

from .offline import offline_page
from .synthetic import SIZES, make_dataset

__all__ = [
    "ACTIONS",
    "measure_page",
    "run_benchmark",
    "format_table",
    "format_phases",
    "with_marks",
    "PHASES",
    "main",
    "SMALL_SIZES",
    "CHROMIUM",
    "CHROMIUM_ARGS",
]

SMALL_SIZES = {"200": (50, 200), "600": (160, 600)}
ACTIONS = ("slider", "filter", "focus", "search")
CHROMIUM = os.environ.get("GEOGRAPH_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
_MARK = "window.addEventListener('geograph:ready', () => { window.__geographReady = performance.now(); });"

# In the page: ``prepare(action)`` sets the page up for an action (untimed) and
# returns the steps to time; ``run(step)`` performs one. Each step goes through
# the control a user touches: the slider's input event, a checkbox click, the
# search box's input event; focus is the call a click on an actor makes.
_SETUP = """() => {
  const g = window.geograph;
  const slider = document.getElementById('gg-date');
  const search = document.getElementById('gg-search');
  // The first status checkbox; a sign one where every relation has the same
  // status (a one-value group is shown as text, with nothing to toggle).
  const fact = document.querySelector('input[type=checkbox][id^="gg-f-status-"]')
    || document.querySelector('input[type=checkbox][id^="gg-f-sign-"]');
  if (!fact) throw new Error('no status or sign checkbox to toggle');
  const nodes = g.payload.nodes.slice().sort((a, b) => b.degree - a.degree);
  const name = (nodes[Math.min(7, nodes.length - 1)] || {name: ''}).name;
  const typed = name.slice(0, 12);
  const n = g.payload.timeline.length;
  window.__bench = {
    frame: () => new Promise(res => requestAnimationFrame(() => setTimeout(res, 0))),
    prepare(action, reps) {
      g.set({date: null, focus: null, edge: null, pair: null});
      if (!fact.checked) fact.click();
      search.value = '';
      search.dispatchEvent(new Event('input', {bubbles: true}));
      const steps = [];
      if (action === 'slider') {
        const first = Math.max(1, Math.floor(n / 2) - Math.floor(reps / 2));
        slider.value = String(first);
        slider.dispatchEvent(new Event('input', {bubbles: true}));
        for (let i = 1; i <= reps && first + i <= n; i++) steps.push(first + i);
      } else if (action === 'filter') {
        for (let i = 0; i < reps; i++) steps.push(i);
      } else if (action === 'focus') {
        const pick = Math.max(1, Math.floor(nodes.length / reps));
        for (let i = 0; i < reps; i++) steps.push(nodes[(i * pick) % nodes.length].id);
      } else if (action === 'search') {
        for (let i = 1; i <= Math.min(reps, typed.length); i++) steps.push(typed.slice(0, i));
      }
      return steps;
    },
    run(action, step) {
      if (action === 'slider') {
        slider.value = String(step);
        slider.dispatchEvent(new Event('input', {bubbles: true}));
      } else if (action === 'filter') fact.click();
      else if (action === 'focus') g.focusNode(step);
      else if (action === 'search') {
        search.value = step;
        search.dispatchEvent(new InputEvent('input', {bubbles: true, inputType: 'insertText',
                                                      data: step.slice(-1)}));
      }
    },
    // [busy, frame]: busy is the page's own work (the handlers, the layout they
    // force, vis-network's redraw); frame adds the wait for the next painted
    // frame, which on a loaded machine includes other processes' time.
    async time(action, step) {
      await this.frame();
      const net = g.network;
      let redraw = 0, began = null, after = false;
      const init = () => { if (after) began = performance.now(); };
      const done = () => { if (began !== null) { redraw += performance.now() - began; began = null; } };
      net.on('initRedraw', init);
      net.on('afterDrawing', done);
      const t0 = performance.now();
      this.run(action, step);
      void document.body.offsetHeight;
      const sync = performance.now() - t0;
      after = true;
      await this.frame();
      // a redraw still pending (requested during the frame) belongs to the action
      for (let k = 0; k < 20 && net.renderer.redrawRequested; k++) await this.frame();
      const frame = performance.now() - t0;
      net.off('initRedraw', init);
      net.off('afterDrawing', done);
      return [sync + redraw, frame];
    }
  };
}"""


PHASES = ("html", "decode", "layout", "vis", "parts", "draw")
_PHASE_OF = {"10-data": "decode", "15-events": "decode", "30-layout": "layout", "50-network": "vis"}
_PART = re.compile(r"// ---- (\d\d-[a-z][a-z0-9-]*)\.js ----\n")


def with_marks(page: Path, out: Path) -> Path:
    """A copy of ``page`` with a ``performance.mark("gg:NN-name")`` before each
    part of the page script and ``"gg:end"`` after the last (what the phases are
    measured from); the page is otherwise the same bytes."""
    text = Path(page).read_text(encoding="utf-8")
    text, parts = _PART.subn(lambda m: f'{m.group(0)}performance.mark("gg:{m.group(1)}");\n', text)
    end = text.rfind("})();\n</script>")
    if not parts or end < 0:
        raise RuntimeError(f"{page}: no page script parts to mark")
    text = text[:end] + 'performance.mark("gg:end");\n' + text[end:]
    Path(out).write_text(text, encoding="utf-8")
    return Path(out)


def _phases(marks: list, ready_ms: float) -> dict:
    """Seconds per phase and per part from ``[[name, ms], ...]`` (see ``with_marks``)."""
    if not marks:
        return {}
    out: dict = {k: 0.0 for k in PHASES}
    out["html"] = marks[0][1] / 1000
    parts = {}
    for (name, t), (_, t_next) in zip(marks, marks[1:] + [["ready", ready_ms]]):
        part = name[3:]
        if part == "end":
            out["draw"] += (t_next - t) / 1000
            continue
        parts[part] = (t_next - t) / 1000
        out[_PHASE_OF.get(part, "parts")] += parts[part]
    out["by_part"] = parts
    return out


def _open(browser, path: Path, timeout_ms: int):
    context, page, blocked, errors = offline_page(browser)
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.add_init_script(_MARK)
    page.goto(Path(path).resolve().as_uri(), wait_until="load", timeout=timeout_ms)
    page.wait_for_function(
        "window.geograph && window.geograph.ready === true", timeout=timeout_ms, polling=50
    )
    return context, page, errors, blocked


def _vis_name(lines: list[str], frame: dict) -> str:
    """vis-network's minified class methods are all called ``value``: name them by their key."""
    name = frame["functionName"] or "(anonymous)"
    line = frame["lineNumber"]
    if name == "value" and 0 <= line < len(lines):
        text = lines[line][: frame["columnNumber"]]
        at = text.rfind('key:"')
        if at >= 0:
            name = "vis " + text[at + 5 : text.index('"', at + 5)]
    return name


def _profile_summary(profile: dict, lines: list[str], top: int = 10) -> list[tuple[str, float]]:
    """Time (ms) by function from a CDP ``Profiler.stop`` profile: self time for
    vis-network's and the browser's functions, time including callees for the
    page's own named functions (those are what a fix changes)."""
    nodes = {n["id"]: n for n in profile["nodes"]}
    parent = {c: n["id"] for n in profile["nodes"] for c in n.get("children", [])}
    own_start = next((i for i, t in enumerate(lines) if t.startswith("var gg = {};")), 0)
    spent: dict[str, float] = {}
    for sample, delta in zip(profile.get("samples", []), profile.get("timeDeltas", [])):
        frame = nodes[sample]["callFrame"]
        names = {_vis_name(lines, frame)}
        node: int | None = sample
        while node is not None:  # the page's named functions up the stack
            f = nodes[node]["callFrame"]
            if f["functionName"] and f.get("url") and f["lineNumber"] >= own_start:
                names.add("page " + f["functionName"])
            node = parent.get(node)
        for name in names:
            spent[name] = spent.get(name, 0.0) + delta / 1000
    return sorted(spent.items(), key=lambda kv: -kv[1])[:top]


def measure_page(
    browser, path: Path, reps: int = 9, timeout_ms: int = 300_000, profile: bool = False
) -> dict:
    """Open ``path`` in a fresh context and time ready and each action (seconds)."""
    context, page, errors, blocked = _open(browser, path, timeout_ms)
    try:
        figures = page.evaluate("""() => {
            const t = performance.timing, g = window.geograph;
            return {load: (t.loadEventEnd - t.navigationStart) / 1000, ready: window.__geographReady / 1000,
                    drawn: g.edges.length, relations: g.payload.counts.edges,
                    layout_ms: g.layout ? g.layout.ms : null, layout_steps: g.layout ? g.layout.steps : null,
                    marks: performance.getEntriesByType('mark').filter(m => m.name.startsWith('gg:'))
                      .map(m => [m.name, m.startTime])};
        }""")
        figures["phases"] = _phases(figures.pop("marks"), figures["ready"] * 1000)
        page.evaluate(_SETUP)
        cdp = context.new_cdp_session(page) if profile else None
        lines = Path(path).read_text(encoding="utf-8").split("\n") if profile else []
        if cdp:
            cdp.send("Profiler.enable")
            cdp.send("Profiler.setSamplingInterval", {"interval": 200})
        figures["profile"] = {}
        for action in ACTIONS:
            steps = page.evaluate("([a, n]) => window.__bench.prepare(a, n)", [action, reps])
            if cdp:
                cdp.send("Profiler.start")
            times = [
                page.evaluate("([a, s]) => window.__bench.time(a, s)", [action, step])
                for step in steps
            ]
            if cdp:
                figures["profile"][action] = _profile_summary(
                    cdp.send("Profiler.stop")["profile"], lines
                )
            figures[action] = [busy / 1000 for busy, _ in times]
            figures[action + "_frame"] = [frame / 1000 for _, frame in times]
    finally:
        context.close()
    if errors or blocked:
        raise RuntimeError(f"the page misbehaved: {errors + blocked}")
    return figures


def _median(values: list) -> float | None:
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def _row(label: str, page: Path, runs: list[dict]) -> dict:
    row = {
        "size": label,
        "actors": None,
        "relations": runs[0]["relations"],
        "drawn": runs[0]["drawn"],
        "mb": page.stat().st_size / 1e6,
        "profile": runs[0]["profile"],
    }
    for key in ("load", "ready", "layout_ms", "layout_steps"):
        row[key] = _median([r[key] for r in runs])
    row["phases"] = {}
    if all(r["phases"] for r in runs):
        row["phases"] = {k: _median([r["phases"][k] for r in runs]) for k in PHASES}
        names = runs[0]["phases"]["by_part"]
        row["phases"]["by_part"] = {
            n: _median([r["phases"]["by_part"].get(n) for r in runs]) for n in names
        }
    for action in ACTIONS:
        for key in (action, action + "_frame"):
            row[key] = _median([t for r in runs for t in r[key]])
    # the first date step of a page (the first to use the sorted index of dates)
    row["slider_first"] = _median([r["slider"][0] for r in runs if r["slider"]])
    row["slider_first_frame"] = _median([r["slider_frame"][0] for r in runs if r["slider_frame"]])
    return row


def run_benchmark(
    browser,
    sizes: dict[str, tuple[int, int]],
    repeat: int = 3,
    reps: int = 9,
    profile: bool = False,
    datasets: list[Path] | None = None,
) -> list[dict]:
    """One row per size (and per dataset folder): page figures and action medians (s)."""
    import graph

    rows = []
    with tempfile.TemporaryDirectory(prefix="geograph-bench-view-") as tmp:
        todo = [(label, make_dataset(Path(tmp) / label, a, r)) for label, (a, r) in sizes.items()]
        todo += [(Path(d).name, Path(d)) for d in datasets or []]
        for label, data in todo:
            G = graph.load(data).to_networkx()
            page = graph.render_html(G, Path(tmp) / f"{label}.html")
            marked = with_marks(page, Path(tmp) / f"{label}.marked.html")
            runs = [measure_page(browser, marked, reps, profile=profile) for _ in range(repeat)]
            row = _row(label, page, runs)
            row["actors"] = G.number_of_nodes()
            rows.append(row)
    return rows


def _ms(value: float | None) -> str:
    return "-" if value is None else f"{value * 1000:.0f}"


def format_table(rows: list[dict]) -> str:
    """The README's view table: one line per size; actions in ms, busy / to the next frame."""
    lines = [
        "| actors / relations | drawn edges | HTML | ready | of which layout "
        "| slider step | filter toggle | focus | search keystroke |",
        "|" + "---|" * 9,
    ]
    for r in rows:
        layout = (
            f"{r['layout_ms'] / 1000:.2f} s ({r['layout_steps']:.0f} steps)"
            if r["layout_ms"] is not None
            else "vis physics"
        )
        lines.append(
            f"| {r['actors']:,} / {r['relations']:,} | {r['drawn']:,} | {r['mb']:.1f} MB "
            f"| {r['ready']:.2f} s | {layout} | "
            + " | ".join(f"{_ms(r[a])} / {_ms(r[a + '_frame'])}" for a in ACTIONS)
            + " |"
        )
    return "\n".join(lines)


def format_phases(rows: list[dict], top: int = 5) -> str:
    """Where *ready* goes, one line per size: seconds per phase (see ``with_marks``),
    and the slowest parts of the page script among ``parts``."""
    out = []
    for r in rows:
        ph = r.get("phases")
        if not ph:
            continue
        slow = sorted(
            ((n, t) for n, t in ph["by_part"].items() if _PHASE_OF.get(n, "parts") == "parts"),
            key=lambda kv: -kv[1],
        )[:top]
        out.append(
            f"{r['size']} ready {r['ready']:.2f} s = "
            + " + ".join(f"{k} {ph[k]:.2f}" for k in PHASES)
            + " (parts: "
            + ", ".join(f"{n} {t:.2f}" for n, t in slow)
            + ")"
        )
    return "\n".join(out)


def format_profile(rows: list[dict]) -> str:
    """Where each action's time goes: self time by function, on the first page of each size."""
    out = []
    for r in rows:
        for action, top in r["profile"].items():
            parts = ", ".join(f"{name} {ms:.0f} ms" for name, ms in top)
            out.append(f"{r['size']} {action}: {parts}")
    return "\n".join(out)


def format_first_step(rows: list[dict]) -> str:
    """The first date step of each page against the median step (ms, busy / frame)."""
    return "\n".join(
        f"{r['size']} slider: first step {_ms(r.get('slider_first'))} / "
        f"{_ms(r.get('slider_first_frame'))}, median {_ms(r['slider'])} / {_ms(r['slider_frame'])}"
        for r in rows
    )


def main(argv: list[str] | None = None) -> str:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", action="store_true", help="small sizes, one repetition (for CI)")
    parser.add_argument("--repeat", type=int, default=None, help="pages per figure (default 3)")
    parser.add_argument("--reps", type=int, default=9, help="repetitions of each action per page")
    parser.add_argument("--sizes", nargs="*", default=None, help="size labels (default: all)")
    parser.add_argument("--dataset", action="append", default=[], help="a dataset folder too")
    parser.add_argument("--profile", action="store_true", help="print self time per function")
    args = parser.parse_args(argv)
    sizes = SMALL_SIZES if args.small else SIZES
    if args.sizes is not None:
        sizes = {k: v for k, v in sizes.items() if k in args.sizes}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            rows = run_benchmark(
                browser,
                sizes,
                args.repeat or (1 if args.small else 3),
                args.reps,
                args.profile,
                [Path(d) for d in args.dataset],
            )
        finally:
            browser.close()
    table = format_table(rows)
    print(table)
    print(format_phases(rows))
    print(format_first_step(rows))
    if args.profile:
        print(format_profile(rows))
    return table


if __name__ == "__main__":
    main()
