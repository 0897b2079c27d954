"""Check benchmark: ``graph.check`` with mistyped actor references against a clean check.

A synthetic dataset (see ``synthetic.py``) is written twice: as generated
(clean), and with ``bad`` relations whose target is a typo of an actor id
(a character dropped, two swapped or one added), so that each needs a "did
you mean" suggestion among all actors, their names and aliases. In the same
run:

- ``clean``: ``graph.check`` of the clean files;
- ``with typos``: ``graph.check`` of the files with typos (rapidfuzz suggestions);
- ``ratio``: the two divided (the target is at most 2);
- ``difflib``: for scale, what difflib's ``get_close_matches`` (the former
  implementation) takes for the same look-ups, extrapolated from a sample.

Each figure is the median of ``--repeat`` runs (``time.perf_counter``). Run
from the repository root::

    python -m tests.benchmarks.bench_check            # 5,000 actors, 1,000 typos
    python -m tests.benchmarks.bench_check --small    # a quick check
"""

from __future__ import annotations

import argparse
import csv
import difflib
import gc
import random
import shutil
import statistics
import tempfile
import time
from pathlib import Path

import graph

from .synthetic import make_dataset

__all__ = ["SIZES", "SMALL_SIZES", "make_typos", "measure", "run_benchmark", "format_table", "main"]

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


def _interleaved(first, second, repeat: int) -> tuple[float, float]:
    """Medians of both, run in turns (after a collection each) so that both see the same machine."""
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(repeat):
        for fn, out in zip((first, second), times):
            gc.collect()
            t = time.perf_counter()
            fn()
            out.append(time.perf_counter() - t)
    return statistics.median(times[0]), statistics.median(times[1])


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
        t_clean, t_bad = _interleaved(
            lambda: graph.check(clean), lambda: graph.check(Path(tmp) / "typos"), repeat
        )
        return {
            "actors": actors,
            "relations": relations,
            "typos": bad,
            "suggested": sum("did you mean" in p.message for p in unknown),
            "clean": t_clean,
            "with_typos": t_bad,
            "ratio": t_bad / t_clean,
            "difflib": _difflib_estimate(clean, typos),
        }


def run_benchmark(sizes: dict[str, tuple[int, int, int]], *, repeat: int = 3) -> list[dict]:
    """One row of figures per size."""
    return [measure(*size, repeat=repeat) for size in sizes.values()]


def format_table(rows: list[dict]) -> str:
    """A Markdown table of the figures."""
    lines = [
        "| actors | relations | typos (suggested) | clean check | with typos | ratio | "
        "difflib look-ups alone |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r['actors']:,} | {r['relations']:,} | {r['typos']:,} ({r['suggested']:,}) | "
            f"{r['clean']:.2f} s | {r['with_typos']:.2f} s | {r['ratio']:.2f}x | "
            f"{r['difflib']:.1f} s |"
        )
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
