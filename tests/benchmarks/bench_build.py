"""Build benchmark: the whole ``geograph build`` process against the bare lower bound and pyvis.

Every contender runs as its own process (Python start-up and imports
included), on the same dataset, in the same run; times are wall-clock and
CPU (user + system, which a busy machine disturbs less, ``os.wait4``),
memory the process's peak resident set (``VmHWM``, which the process
writes at exit):

- ``lower bound``: read the three CSVs with the library the build reads them
  with (Python's ``csv``), ``json.dumps`` their records and write the file:
  no checks, no page; ``pandas lower bound``: the same with
  ``pandas.read_csv`` (all text), the lower bound of earlier runs;
- ``geograph build``: ``python -m graph build DATA -o OUT.html`` (the
  columnar path: tables to page, no graph);
- ``graph path``: ``graph.render_html(graph.load(DATA).to_networkx(), OUT)``,
  the way through a networkx graph that ``render_html(G)`` still takes;
- ``start-up`` and ``imports``: the bare interpreter (``python -c pass``),
  and the interpreter with the modules the build imports, before any data:
  the table gives the build's peak both whole and above the interpreter's
  start-up, each against the page's size;
- ``pyvis``: ``pandas.read_csv`` of actors and relations, a networkx
  MultiDiGraph, ``Network(directed=True).from_nx`` + ``write_html`` (only up
  to ``--pyvis-max`` relations: it grows with actors times relations).

Datasets: ``synthetic`` (``synthetic.py``, 10,000 actors / 50,000 relations
by default) and ``gdelt`` (a synthetic GDELT 2.0 file of ``--gdelt-rows``
events imported per month: 1,000,000 events give 283,359 relations between
143 countries; needs the events extra). Run from the repository root::

    python -m tests.benchmarks.bench_build                     # 50k synthetic + 283k GDELT
    python -m tests.benchmarks.bench_build --gdelt-data DIR    # reuse an imported dataset
    python -m tests.benchmarks.bench_build --gdelt-rows 0 --baseline SRC  # 50k, against SRC

``--baseline SRC`` also runs the ``geograph build`` of another source tree
(say ``git archive main | tar -x -C SRC``) right after this one's, on the
same data: the before and after of a change, in one run.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

__all__ = [
    "measure",
    "compile_tree",
    "run_benchmark",
    "format_table",
    "main",
    "LOWER_BOUND",
    "LOWER_BOUND_PANDAS",
    "PYVIS",
]

LOWER_BOUND = """
import csv, json, sys
from pathlib import Path
data, out = Path(sys.argv[1]), sys.argv[2]
tables = {}
for name in ("actors", "relations", "sources"):
    with open(data / f"{name}.csv", encoding="utf-8", newline="") as fh:
        tables[name] = list(csv.DictReader(fh))
Path(out).write_text(json.dumps(tables), encoding="utf-8")
"""

# The lower bound as it was measured before the build stopped importing pandas.
LOWER_BOUND_PANDAS = """
import json, sys
from pathlib import Path
import pandas as pd
data, out = Path(sys.argv[1]), sys.argv[2]
tables = {}
for name in ("actors", "relations", "sources"):
    frame = pd.read_csv(data / f"{name}.csv", dtype=str, keep_default_na=False)
    tables[name] = frame.to_dict("records")
Path(out).write_text(json.dumps(tables), encoding="utf-8")
"""

PYVIS = """
import sys
import networkx as nx
import pandas as pd
from pyvis.network import Network
data, out = sys.argv[1], sys.argv[2]
actors = pd.read_csv(f"{data}/actors.csv", dtype=str, keep_default_na=False)
relations = pd.read_csv(f"{data}/relations.csv", dtype=str, keep_default_na=False)
G = nx.MultiDiGraph()
for a in actors.itertuples():
    G.add_node(a.id, title=a.name, group=a.group or "")
for r in relations.itertuples():
    G.add_edge(r.source, r.target, title=r.quote or r.relation)
net = Network(directed=True, notebook=False, cdn_resources="in_line")
net.from_nx(G)
net.write_html(out, notebook=False)
"""

# The resident set before any data: the interpreter alone, and with what the build imports.
STARTUP = "pass"
IMPORTS = "import graph.cli, graph.view, graph.payload.tables"

GRAPH_PATH = """
import sys
import graph
graph.render_html(graph.load(sys.argv[1]).to_networkx(), sys.argv[2])
"""


# Every contender writes its own peak resident set (VmHWM, kB) at exit. ``ru_maxrss``
# of ``os.wait4`` is not used for memory: Linux carries the resident set of the
# process that forked the child into it, so a large parent (pytest) inflates it.
_PEAK = """
import atexit as _atexit, os as _os
def _peak():
    with open("/proc/self/status") as fh:
        kb = next(line.split()[1] for line in fh if line.startswith("VmHWM:"))
    with open(_os.environ["GEOGRAPH_BENCH_PEAK"], "w") as fh:
        fh.write(kb)
_atexit.register(_peak)
"""
_MODULE = (
    "import runpy, sys; runpy.run_module(sys.argv.pop(1), run_name='__main__', alter_sys=True)"
)


def _with_peak(args: list[str]) -> list[str]:
    """``args`` (``python -c CODE ...`` or ``python -m MODULE ...``) reporting their peak."""
    py, flag, what, *rest = args
    if flag == "-m":
        return [py, "-c", _PEAK + _MODULE, what, *rest]
    return [py, flag, _PEAK + what, *rest]


def _run(args: list[str], source: Path | None = None) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak resident memory (MiB) of one process.

    ``source``: a source tree whose ``graph`` package the process imports.
    """
    with tempfile.TemporaryDirectory(prefix="geograph-bench-peak-") as tmp:
        peak_file = Path(tmp) / "peak"
        env = {**os.environ, "GEOGRAPH_BENCH_PEAK": str(peak_file)}
        if source is not None:  # found before the installed package (cwd comes first)
            env["PYTHONPATH"] = str(source)
        t = time.perf_counter()
        proc = subprocess.Popen(
            _with_peak(args),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=env,
            cwd=source,
        )
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - t
        proc.returncode = os.waitstatus_to_exitcode(status)
        err = proc.stderr.read().decode() if proc.stderr else ""
        if proc.returncode:
            raise RuntimeError(f"{args[:4]} failed ({proc.returncode}): {err[-500:]}")
        peak = int(peak_file.read_text()) / 1024
    return seconds, usage.ru_utime + usage.ru_stime, peak


def _best(row: dict, name: str, args: list[str], repeat: int, source: Path | None = None) -> None:
    """Run ``args`` ``repeat`` times; keep the best wall and CPU times and the largest peak."""
    runs = [_run(args, source) for _ in range(repeat)]
    row[name] = min(r[0] for r in runs)
    row[f"{name}_cpu"] = min(r[1] for r in runs)
    row[f"{name}_mb"] = max(r[2] for r in runs)


def compile_tree(package: Path) -> None:
    """Compile ``package``'s modules to bytecode, as ``pip install`` does for an installed one.

    An editable checkout run with ``PYTHONDONTWRITEBYTECODE`` set would
    otherwise compile every module of the build from source in every run
    (about 0.1 s of CPU on this machine), while pandas, networkx and pyvis
    load the bytecode their installation wrote.
    """
    import compileall

    compileall.compile_dir(str(package), quiet=1)


def _count(path: Path) -> int:
    with path.open("rb") as fh:
        return sum(1 for _ in fh) - 1  # the datasets here have one line per row


def measure(
    data: Path,
    out: Path,
    repeat: int = 1,
    pyvis_max: int = 60_000,
    baseline: Path | None = None,
) -> dict:
    """Every contender on one dataset: seconds (best of ``repeat``), peak MiB, page size."""
    py = sys.executable
    compile_tree(Path(__file__).resolve().parents[2] / "graph")
    if baseline is not None:
        compile_tree(baseline.resolve() / "graph")
    row: dict = {"actors": _count(data / "actors.csv"), "relations": _count(data / "relations.csv")}
    _best(row, "startup", [py, "-c", STARTUP], repeat)
    _best(row, "imports", [py, "-c", IMPORTS], repeat)
    _best(row, "lower_bound", [py, "-c", LOWER_BOUND, str(data), str(out / "lower.json")], repeat)
    _best(
        row, "pandas_bound", [py, "-c", LOWER_BOUND_PANDAS, str(data), str(out / "pd.json")], repeat
    )
    page = out / "build.html"
    _best(row, "build", [py, "-m", "graph", "build", str(data), "-o", str(page)], repeat)
    row["page_bytes"] = page.stat().st_size
    if baseline is not None:
        before = out / "baseline.html"
        build = [py, "-m", "graph", "build", str(data.resolve()), "-o", str(before.resolve())]
        _best(row, "baseline", build, repeat, baseline.resolve())
        row["baseline_same_page"] = before.read_bytes() == page.read_bytes()
    _best(row, "graph_path", [py, "-c", GRAPH_PATH, str(data), str(out / "graph.html")], repeat)
    if row["relations"] <= pyvis_max:
        _best(row, "pyvis", [py, "-c", PYVIS, str(data), str(out / "pyvis.html")], repeat)
    return row


def _gdelt(folder: Path, rows: int) -> Path:
    from graph.events import import_gdelt

    from .bench_import import make_gdelt_file

    events = folder / "gdelt.export.CSV"
    make_gdelt_file(events, rows)
    data = folder / "gdelt"
    import_gdelt([events], data, period="month", actors="country", progress=False)
    events.unlink()
    return data


def run_benchmark(
    synthetic: tuple[int, int] | None = (10_000, 50_000),
    gdelt_rows: int | None = 1_000_000,
    gdelt_data: Path | None = None,
    repeat: int = 1,
    pyvis_max: int = 60_000,
    baseline: Path | None = None,
) -> list[dict]:
    """Measure the datasets asked for; one row each."""
    from .synthetic import make_dataset

    rows = []
    with tempfile.TemporaryDirectory(prefix="geograph-bench-build-") as tmp:
        root = Path(tmp)
        sets: list[tuple[str, Path]] = []
        if synthetic:
            actors, relations = synthetic
            sets.append(("synthetic", make_dataset(root / "synthetic", actors, relations)))
        if gdelt_data is not None:
            sets.append(("gdelt", Path(gdelt_data)))
        elif gdelt_rows:
            sets.append(("gdelt", _gdelt(root, gdelt_rows)))
        for label, data in sets:
            out = root / f"out-{label}"
            out.mkdir()
            rows.append({"dataset": label, **measure(data, out, repeat, pyvis_max, baseline)})
    return rows


def format_table(rows: list[dict]) -> str:
    """A Markdown table; every ratio is between figures of the same run (wall / CPU seconds)."""
    lines = [
        "| dataset | actors / relations | lower bound | `geograph build` (x lower bound) "
        "| graph path | pyvis (x build) | pandas lower bound | page (bytes per relation) "
        "| peak memory (x page) | above start-up (x page) | imports |",
        "|" + "---|" * 11,
    ]

    def both(r: dict, name: str, to: str | None = None) -> str:
        wall, cpu = r[name], r[f"{name}_cpu"]
        if to is None:
            return f"{wall:.2f} / {cpu:.2f} s"
        return f"{wall:.2f} / {cpu:.2f} s ({wall / r[to]:.2f}x / {cpu / r[f'{to}_cpu']:.2f}x)"

    for r in rows:
        page = r["page_bytes"]
        mib = page / 1024**2
        above = r["build_mb"] - r["startup_mb"]
        pyvis = (
            f"{r['pyvis']:.2f} / {r['pyvis_cpu']:.2f} s ({r['pyvis'] / r['build']:.1f}x / "
            f"{r['pyvis_cpu'] / r['build_cpu']:.1f}x)"
            if "pyvis" in r
            else "not run"
        )
        lines.append(
            f"| {r['dataset']} | {r['actors']:,} / {r['relations']:,} "
            f"| {both(r, 'lower_bound')} | {both(r, 'build', 'lower_bound')} "
            f"| {both(r, 'graph_path')} | {pyvis} | {both(r, 'pandas_bound')} "
            f"| {page / 1e6:.1f} MB ({page / max(r['relations'], 1):.0f}) "
            f"| {r['build_mb']:.0f} MiB ({r['build_mb'] / mib:.1f}x;"
            f" lower bound {r['lower_bound_mb']:.0f} MiB) "
            f"| {above:.0f} MiB ({above / mib:.1f}x) "
            f"| {r['imports_mb']:.0f} MiB ({r['imports_mb'] - r['startup_mb']:.0f} above"
            f" the bare interpreter's {r['startup_mb']:.0f}; {r['imports_cpu']:.2f} s CPU) |"
        )
    for r in rows:
        if "baseline" in r:
            lines.append(
                f"\n{r['dataset']}: baseline build {both(r, 'baseline')}, "
                f"{r['baseline_mb']:.0f} MiB; this build {r['build'] / r['baseline']:.2f}x / "
                f"{r['build_cpu'] / r['baseline_cpu']:.2f}x its time (wall / CPU), "
                f"{r['build_mb'] / r['baseline_mb']:.2f}x its peak; "
                f"same page: {'yes' if r['baseline_same_page'] else 'NO'}"
            )
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    lines.append(f"\nload average at the end of the run: {load} (on {os.cpu_count()} cores)")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> str:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, default=10_000)
    parser.add_argument("--relations", type=int, default=50_000)
    parser.add_argument("--gdelt-rows", type=int, default=1_000_000, help="0: no GDELT set")
    parser.add_argument("--gdelt-data", type=Path, help="an imported GDELT dataset to reuse")
    parser.add_argument("--repeat", type=int, default=1, help="runs per contender; best kept")
    parser.add_argument("--pyvis-max", type=int, default=60_000, help="largest set pyvis runs on")
    parser.add_argument(
        "--baseline", type=Path, help="a source tree whose build runs too (before and after)"
    )
    args = parser.parse_args(argv)
    table = format_table(
        run_benchmark(
            (args.actors, args.relations) if args.relations else None,
            args.gdelt_rows,
            args.gdelt_data,
            args.repeat,
            args.pyvis_max,
            args.baseline,
        )
    )
    print(table)
    return table


if __name__ == "__main__":
    main()
