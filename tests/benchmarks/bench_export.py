"""Export benchmark: geograph's CSV -> HTML against pyvis and against the bare lower bound.

For each size a synthetic dataset (see ``synthetic.py``) is written as CSV,
then, on the same graph and in the same run:

- ``lower bound``: ``json.dumps`` of the node and edge attribute lists, and
  writing that file: no page, no drawing hints;
- ``render``: :func:`graph.render_html` (payload, JSON, page, atomic write);
- ``CSV -> HTML``: ``graph.load(...).to_networkx()`` + ``render_html`` in-process;
- ``geograph build``: the whole command in a fresh Python (``python -m graph
  build``), next to ``python -c "import graph.cli"`` alone, so that Python's
  start-up is not mistaken for export cost;
- ``pyvis``: ``Network(directed=True).from_nx(copy)`` + ``write_html`` with a
  title and group per node and a title and weight per edge (the copy is made
  beforehand: ``from_nx`` mutates its argument).

Each figure is the median of ``--repeat`` runs (``time.perf_counter``). Run
from the repository root::

    python -m tests.benchmarks.bench_export            # 1k, 5k, 20k relations; 5k actors
    python -m tests.benchmarks.bench_export --small    # a quick check
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .synthetic import SIZES, make_dataset

__all__ = ["measure_size", "run_benchmark", "format_table", "main", "SMALL_SIZES", "EXPORT_SIZES"]

SMALL_SIZES = {"200": (50, 200), "500": (100, 500)}
# The view's sizes, plus pyvis's own measuring point (5k actors): its add_node /
# add_edge scan the node list, so its cost grows with actors times relations.
EXPORT_SIZES = {**SIZES, "5k actors": (5_000, 20_000)}


def _median(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def _lower_bound(G, out: Path) -> None:
    nodes = [{"id": n, **d} for n, d in G.nodes(data=True)]
    edges = [{"source": u, "target": v, **d} for u, v, d in G.edges(data=True)]
    out.write_text(json.dumps({"nodes": nodes, "edges": edges}), encoding="utf-8")


def _pyvis_copy(G):
    """The graph as pyvis is usually fed: title/group per node, title/weight per edge."""
    import networkx as nx

    H = nx.MultiDiGraph()
    for n, d in G.nodes(data=True):
        H.add_node(n, title=d.get("name") or n, group=d.get("group") or "")
    for u, v, d in G.edges(data=True):
        H.add_edge(
            u, v, title=d.get("quote") or d.get("relation"), weight=abs(d["intensity"]) or 1.0
        )
    return H


def _pyvis(G, out: Path) -> float:
    from pyvis.network import Network

    H = _pyvis_copy(G)  # not timed: from_nx mutates the graph it is given
    t = time.perf_counter()
    net = Network(directed=True, notebook=False, cdn_resources="in_line")
    net.from_nx(H)
    net.write_html(str(out), notebook=False)
    return time.perf_counter() - t


def _subprocess(args: list[str]) -> None:
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def measure_size(
    folder: Path, actors: int, relations: int, repeat: int = 3, pyvis: bool = True
) -> dict:
    """Time every contender on one synthetic dataset; seconds, medians."""
    import graph

    data = make_dataset(folder / "data", actors, relations)
    out = folder / "out"
    out.mkdir(exist_ok=True)
    G = graph.load(data).to_networkx()
    graph.render_html(G, out / "warm.html")  # reads the vis-network assets once
    row = {"actors": actors, "relations": relations}
    row["lower_bound"] = _median(lambda: _lower_bound(G, out / "lower.json"), repeat)
    row["render"] = _median(lambda: graph.render_html(G, out / "geograph.html"), repeat)
    row["csv_to_html"] = _median(
        lambda: graph.render_html(graph.load(data).to_networkx(), out / "inproc.html"), repeat
    )
    row["python_import"] = _median(
        lambda: _subprocess([sys.executable, "-c", "import graph.cli"]), repeat
    )
    row["build_command"] = _median(
        lambda: _subprocess(
            [sys.executable, "-m", "graph", "build", str(data), "-o", str(out / "cli.html")]
        ),
        repeat,
    )
    row["html_bytes"] = (out / "geograph.html").stat().st_size
    if pyvis:
        row["pyvis"] = statistics.median(_pyvis(G, out / "pyvis.html") for _ in range(repeat))
    return row


def run_benchmark(
    sizes: dict[str, tuple[int, int]], repeat: int = 3, pyvis: bool = True
) -> list[dict]:
    rows = []
    with tempfile.TemporaryDirectory(prefix="geograph-bench-export-") as tmp:
        for label, (actors, relations) in sizes.items():
            folder = Path(tmp) / label
            folder.mkdir()
            rows.append({"size": label, **measure_size(folder, actors, relations, repeat, pyvis)})
    return rows


def format_table(rows: list[dict]) -> str:
    """A Markdown table; ratios are to the lower bound and to geograph's render of the same run."""
    head = (
        "| actors / relations | lower bound | render (x lower bound) | CSV -> HTML in-process "
        "| `geograph build` (Python start-up alone) | pyvis from_nx + write_html (x render) | HTML |"
    )
    lines = [head, "|" + "---|" * 7]
    for r in rows:
        pyvis = (
            f"{r['pyvis']:.3f} s ({r['pyvis'] / r['render']:.0f}x)" if "pyvis" in r else "not run"
        )
        lines.append(
            f"| {r['actors']:,} / {r['relations']:,} | {r['lower_bound']:.3f} s "
            f"| {r['render']:.3f} s ({r['render'] / r['lower_bound']:.2f}x) "
            f"| {r['csv_to_html']:.3f} s | {r['build_command']:.2f} s ({r['python_import']:.2f} s) "
            f"| {pyvis} | {r['html_bytes'] / 1e6:.1f} MB |"
        )
    if len(rows) > 1:
        first = rows[0]
        last = max(rows, key=lambda r: r["relations"])  # the first of the largest
        grow = last["relations"] / first["relations"]
        lines.append("")
        lines.append(
            f"From {first['relations']:,} to {last['relations']:,} relations ({grow:.0f}x): "
            f"lower bound {last['lower_bound'] / first['lower_bound']:.1f}x, "
            f"render {last['render'] / first['render']:.1f}x"
            + (
                f", pyvis {last['pyvis'] / first['pyvis']:.1f}x"
                if "pyvis" in first and "pyvis" in last
                else ""
            )
            + "."
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> str:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", action="store_true", help="tiny sizes, one repetition (for CI)")
    parser.add_argument(
        "--repeat", type=int, default=None, help="repetitions per figure (default 3)"
    )
    parser.add_argument("--no-pyvis", action="store_true", help="skip pyvis")
    args = parser.parse_args(argv)
    sizes = SMALL_SIZES if args.small else EXPORT_SIZES
    repeat = args.repeat or (1 if args.small else 3)
    table = format_table(run_benchmark(sizes, repeat, pyvis=not args.no_pyvis))
    print(table)
    return table


if __name__ == "__main__":
    main()
