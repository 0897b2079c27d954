"""Size-by benchmark: betweenness per slider step for the payload, against graph.centrality.

``graph.payload.sizes.centrality_steps`` builds the signed skeleton of each
step from relation intervals read once; the straightforward way calls
``graph.centrality(G, date)`` at every step (a signed graph per step, every
date parsed again). Both give the same numbers; the table says how much
faster the payload's way is, measured in the same run. Run from the
repository root::

    python -m tests.benchmarks.bench_sizes            # 60 actors, 300 relations, 5 years
    python -m tests.benchmarks.bench_sizes --small
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from graph import centrality, load
from graph.payload.sizes import centrality_steps

from .synthetic import make_dataset

__all__ = ["run_benchmark", "format_table", "main", "SIZES", "SMALL_SIZES"]

# label: (actors, relations, years of monthly steps)
SIZES = {"60x300": (60, 300, 5)}
SMALL_SIZES = {"20x80": (20, 80, 2)}


def _months(years: int) -> list[str]:
    return [f"{y}-{m:02d}" for y in range(2020 - years, 2020) for m in range(1, 13)]


def run_benchmark(sizes: dict = SIZES) -> list[dict]:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for label, (actors, relations, years) in sizes.items():
            G = load(make_dataset(Path(tmp) / label, actors, relations)).to_networkx()
            steps = _months(years)
            t = time.perf_counter()
            shipped = centrality_steps(G, steps, budget=10**12)
            ours = time.perf_counter() - t
            t = time.perf_counter()
            naive = {d: centrality(G, d)["betweenness"] for d in steps}
            theirs = time.perf_counter() - t
            order = list(G)
            same = all(
                max(abs(a - naive[d][n]) for a, n in zip(shipped["steps"][d], order)) < 1e-6
                for d in steps
            )
            rows.append(
                {
                    "size": label,
                    "steps": len(steps),
                    "payload_s": ours,
                    "centrality_s": theirs,
                    "same": same,
                }
            )
    return rows


def format_table(rows: list[dict]) -> str:
    lines = [
        "| size | steps | centrality_steps | graph.centrality per step | ratio | same |",
        "|---|---|---|---|---|---|",
    ]
    for r in rows:
        ratio = r["centrality_s"] / r["payload_s"] if r["payload_s"] else float("inf")
        lines.append(
            f"| {r['size']} | {r['steps']} | {r['payload_s']:.2f} s | {r['centrality_s']:.2f} s "
            f"| {ratio:.2f}x | {r['same']} |"
        )
    return "\n".join(lines)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", action="store_true", help="a quick check")
    args = parser.parse_args(argv)
    print(format_table(run_benchmark(SMALL_SIZES if args.small else SIZES)))


if __name__ == "__main__":
    main()
