"""Check benchmark: ``graph.check`` with mistyped actor references against a clean check.

A synthetic dataset (see ``synthetic.py``) is written twice: as generated
(clean), and with ``bad`` relations whose target is a typo of an actor id
(a character dropped, two swapped or one added), so that each needs a "did
you mean" suggestion among all actors, their names and aliases. In the same
run:

- ``clean``: ``graph.check`` of the clean files;
- ``with typos``: ``graph.check`` of the files with typos (rapidfuzz suggestions);
- ``ratio``: the two divided (the target is at most 2), in wall and in CPU time;
- ``row by row``: the files with typos read by ``graph.read.read_table`` and
  checked by ``graph.validate.validate_tables`` as tables of rows: the whole
  file through the row checks, as every file with a problem went before the
  row checks were kept to the rows that need them (the same problems);
- ``process``: the whole ``geograph check DATA --quiet`` command, each run its
  own process (``python -m graph``), clean and with typos: Python's start-up
  and imports included (numpy and rapidfuzz are loaded only when a value
  needs a suggestion); CPU time of the child (``resource.getrusage``);
- ``difflib``: for scale, what difflib's ``get_close_matches`` (the former
  implementation) takes for the same look-ups, extrapolated from a sample.

Each figure is the median of ``--repeat`` runs, the contenders in turns:
wall time (``time.perf_counter``) and CPU time of the process, all threads
(``time.process_time``: the suggestions run on every core). The load average
is printed under the table. Run from the repository root::

    python -m tests.benchmarks.bench_check            # 5,000 actors, 1,000 typos
    python -m tests.benchmarks.bench_check --small    # a quick check
"""

from __future__ import annotations

import argparse
import csv
import difflib
import gc
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import graph
from graph.read import read_table
from graph.schema import TABLE_FILES
from graph.validate import validate_tables

from .synthetic import make_dataset

__all__ = [
    "SIZES",
    "SMALL_SIZES",
    "make_typos",
    "row_by_row",
    "measure",
    "run_benchmark",
    "format_table",
    "main",
]

# label: (actors, relations, mistyped references)
SIZES = {"5k actors": (5_000, 20_000, 1_000)}
SMALL_SIZES = {"small": (300, 1_200, 60)}
_DIFFLIB_SAMPLE = 40


def _typo(rng: random.Random, text: str) -> str:
    i = rng.randrange(len(text) - 1)
    kind = rng.randrange(3)
    if kind == 0:
        return text[:i] + text[i + 1 :]
    if kind == 1:
        return text[:i] + text[i + 1] + text[i] + text[i + 2 :]
    return text[:i] + "X" + text[i:]


def make_typos(clean: Path, folder: Path, count: int, *, seed: int = 13) -> list[str]:
    """Copy the dataset ``clean`` into ``folder`` with ``count`` targets mistyped; return the typos."""
    shutil.copytree(clean, folder)
    rng = random.Random(seed)
    with open(clean / "actors.csv", encoding="utf-8", newline="") as fh:
        ids = {row["id"] for row in csv.DictReader(fh)}
    with open(clean / "relations.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    target = rows[0].index("target")
    typos = []
    for r in rng.sample(range(1, len(rows)), count):
        typo = _typo(rng, rows[r][target])
        while typo in ids:
            typo = _typo(rng, rows[r][target])
        rows[r][target] = typo
        typos.append(typo)
    with open(folder / "relations.csv", "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    return typos


def _interleaved(fns: list, repeat: int) -> list[tuple[float, float]]:
    """(wall, CPU) medians of each, run in turns (after a collection each) on the same machine."""
    times: list[tuple[list[float], list[float]]] = [([], []) for _ in fns]
    for _ in range(repeat):
        for fn, (wall, cpu) in zip(fns, times):
            gc.collect()
            t, c = time.perf_counter(), time.process_time()
            fn()
            wall.append(time.perf_counter() - t)
            cpu.append(time.process_time() - c)
    return [(statistics.median(w), statistics.median(c)) for w, c in times]


def _process(folder: Path) -> tuple[float, float]:
    """(wall, CPU) seconds of ``geograph check folder`` run as its own process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "graph", "check", str(folder), "--quiet"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=False,
    )
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return wall, cpu


def _processes(clean: Path, typos: Path, repeat: int) -> dict[str, float]:
    """Medians of the command's wall and CPU time, clean and with typos, in turns."""
    runs: dict[str, list[float]] = {k: [] for k in ("clean", "typos", "clean_cpu", "typos_cpu")}
    for _ in range(repeat):
        for key, folder in (("clean", clean), ("typos", typos)):
            wall, cpu = _process(folder)
            runs[key].append(wall)
            runs[f"{key}_cpu"].append(cpu)
    return {k: statistics.median(v) for k, v in runs.items()}


def row_by_row(folder: Path) -> list:
    """The problems of ``folder`` with every file read and checked as a table of rows."""
    tables, problems = {}, []
    for name, (filename, required) in TABLE_FILES.items():
        path = folder / filename
        if not required and not path.exists():
            continue
        tables[name], found = read_table(path, str(path))
        problems += found
    return problems + validate_tables(tables)[1]


def _difflib_estimate(clean: Path, typos: list[str]) -> float:
    """Seconds difflib's look-ups (ids, then names and aliases) would take for every typo."""
    with open(clean / "actors.csv", encoding="utf-8", newline="") as fh:
        actors = list(csv.DictReader(fh))
    ids = [a["id"] for a in actors]
    names = [n.lower() for a in actors for n in [a["name"], *a["aliases"].split(";")] if n]
    sample = typos[:_DIFFLIB_SAMPLE]
    t = time.perf_counter()
    for typo in sample:
        difflib.get_close_matches(typo, ids, n=3, cutoff=0.6)
        difflib.get_close_matches(typo.lower(), names, n=3, cutoff=0.6)
    return (time.perf_counter() - t) * len(typos) / len(sample)


def measure(actors: int, relations: int, bad: int, *, repeat: int = 3) -> dict:
    """The figures of one size (seconds, and the ratio)."""
    with tempfile.TemporaryDirectory() as tmp:
        clean = make_dataset(Path(tmp) / "clean", actors, relations)
        typos = make_typos(clean, Path(tmp) / "typos", bad)
        unknown = [p for p in graph.check(Path(tmp) / "typos") if p.code == "unknown-actor"]
        assert len(unknown) == bad, len(unknown)
        assert not graph.check(clean).errors
        typo_folder = Path(tmp) / "typos"
        assert sorted(map(str, row_by_row(typo_folder))) == sorted(
            map(str, graph.check(typo_folder))
        )
        load = os.getloadavg()[0]
        (w_clean, c_clean), (w_bad, c_bad), (w_rows, c_rows) = _interleaved(
            [
                lambda: graph.check(clean),
                lambda: graph.check(typo_folder),
                lambda: row_by_row(typo_folder),
            ],
            repeat,
        )
        process = _processes(clean, typo_folder, repeat)
        return {
            "actors": actors,
            "relations": relations,
            "typos": bad,
            "suggested": sum("did you mean" in p.message for p in unknown),
            "clean": w_clean,
            "with_typos": w_bad,
            "ratio": w_bad / w_clean,
            "clean_cpu": c_clean,
            "with_typos_cpu": c_bad,
            "cpu_ratio": c_bad / c_clean,
            "row_by_row": w_rows,
            "row_by_row_cpu": c_rows,
            "process": process,
            "difflib": _difflib_estimate(clean, typos),
            "load": (load, os.getloadavg()[0]),
        }


def run_benchmark(sizes: dict[str, tuple[int, int, int]], *, repeat: int = 3) -> list[dict]:
    """One row of figures per size."""
    return [measure(*size, repeat=repeat) for size in sizes.values()]


def format_table(rows: list[dict]) -> str:
    """A Markdown table of the figures (wall / CPU seconds), the load average under it."""
    lines = [
        "| actors | relations | typos (suggested) | clean check | with typos | ratio "
        "| row by row (x clean) | difflib look-ups alone |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r['actors']:,} | {r['relations']:,} | {r['typos']:,} ({r['suggested']:,}) | "
            f"{r['clean']:.2f} / {r['clean_cpu']:.2f} s | "
            f"{r['with_typos']:.2f} / {r['with_typos_cpu']:.2f} s | "
            f"{r['ratio']:.2f}x / {r['cpu_ratio']:.2f}x | "
            f"{r['row_by_row']:.2f} / {r['row_by_row_cpu']:.2f} s "
            f"({r['row_by_row'] / r['clean']:.2f}x / {r['row_by_row_cpu'] / r['clean_cpu']:.2f}x) | "
            f"{r['difflib']:.1f} s |"
        )
    lines += [
        "",
        "| `geograph check` process | clean | with typos | ratio |",
        "|---|---|---|---|",
    ]
    for r in rows:
        p = r["process"]
        lines.append(
            f"| {r['actors']:,} actors, {r['typos']:,} typos | {p['clean']:.2f} / "
            f"{p['clean_cpu']:.2f} s | {p['typos']:.2f} / {p['typos_cpu']:.2f} s | "
            f"{p['typos'] / p['clean']:.2f}x / {p['typos_cpu'] / p['clean_cpu']:.2f}x |"
        )
    loads = ", ".join(f"{a:.1f} -> {b:.1f}" for a, b in (r["load"] for r in rows))
    lines += ["", f"wall / CPU seconds, medians; load average before -> after: {loads}"]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> str:
    """Run the benchmark and print its table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", action="store_true", help="a quick run at reduced size")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    table = format_table(run_benchmark(SMALL_SIZES if args.small else SIZES, repeat=args.repeat))
    print(table)
    return table


if __name__ == "__main__":
    main()
