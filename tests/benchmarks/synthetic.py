"""A synthetic geograph dataset of any size, written as the three CSV files.

Shaped like machine-coded event data turned into relations: a few actors
take part in most relations (Zipf-like draw), so some pairs have dozens of
relations and most have one or two. Every relation has a quote, a source,
partial dates of mixed precision and, for claims and forecasts, who said it.
The same ``seed`` gives the same files.
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

from graph.schema import RELATION_COLUMNS

__all__ = ["make_dataset", "SIZES"]

# (actors, relations) per benchmark size label.
SIZES = {"1k": (250, 1_000), "5k": (1_000, 5_000), "20k": (1_000, 20_000)}

_VOCABULARY = Path(__file__).resolve().parents[2] / "graph" / "relation_types.csv"
_TYPES = ("state", "organization", "group", "person", "location")
_GROUPS = ("Europe", "Asia", "Americas", "Africa", "Middle East", "Oceania", "Global")
_WORDS = [
    "ministry",
    "officials",
    "said",
    "talks",
    "border",
    "troops",
    "sanctions",
    "agreement",
    "summit",
    "envoy",
    "statement",
    "ceasefire",
    "aid",
    "visit",
    "warned",
    "pledged",
    "accused",
    "forces",
    "negotiations",
    "delegation",
    "embassy",
]
_STATUSES = ("fact",) * 6 + ("claim",) * 3 + ("forecast",)


def _vocabulary() -> list[str]:
    with _VOCABULARY.open(encoding="utf-8", newline="") as fh:
        return [row["relation"] for row in csv.DictReader(fh)]


def _date(rng: random.Random) -> str:
    year = rng.randint(1995, 2024)
    kind = rng.random()
    if kind < 0.3:
        return f"{year}"
    if kind < 0.7:
        return f"{year}-{rng.randint(1, 12):02d}"
    return f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(_WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def make_dataset(folder, actors: int, relations: int, *, seed: int = 6) -> Path:
    """Write actors.csv, relations.csv and sources.csv into ``folder``; return it."""
    rng = random.Random(seed)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    vocab = _vocabulary()
    ids = [f"A{i:05d}" for i in range(actors)]
    # Zipf-like weights: actor i is drawn in proportion to 1 / (i + 1) ** 0.9.
    weights = [1.0 / (i + 1) ** 0.9 for i in range(actors)]
    sources = [f"src-{i:04d}" for i in range(max(1, relations // 50))]

    with (folder / "actors.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "name", "type", "aliases", "group", "description"])
        for i, aid in enumerate(ids):
            kind = "group" if i % 7 else _TYPES[(i // 7) % len(_TYPES)]
            if kind == "state":
                kind = "organization"  # synthetic ids are not ISO 3166 codes
            w.writerow(
                [
                    aid,
                    f"Actor {i} {rng.choice(_WORDS).title()}",
                    kind,
                    f"A{i};Alias {i}",
                    _GROUPS[i % len(_GROUPS)],
                    _sentence(rng, 12),
                ]
            )

    with (folder / "sources.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "title", "publisher", "author", "published", "url"])
        for i, sid in enumerate(sources):
            w.writerow(
                [
                    sid,
                    _sentence(rng, 8),
                    f"Wire {i % 13}",
                    "",
                    _date(rng),
                    f"https://news.example.org/{i}",
                ]
            )

    with (folder / "relations.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(RELATION_COLUMNS)
        for r in range(relations):
            source, target = rng.choices(ids, weights, k=2)
            while target == source:
                target = rng.choices(ids, weights)[0]
            status = rng.choice(_STATUSES)
            start = _date(rng)
            end = ""
            if rng.random() < 0.4:  # an end year on or after the start's year
                end = str(rng.randint(int(start[:4]), 2025))
            w.writerow(
                [
                    f"R{r:06d}",
                    source,
                    target,
                    rng.choice(vocab),
                    "",
                    "",
                    "true" if rng.random() < 0.85 else "false",
                    status,
                    start,
                    end,
                    rng.choice(sources),
                    "" if status == "fact" else f"Spokesperson {rng.randint(1, 99)}",
                    _sentence(rng, rng.randint(8, 30)),
                    "" if rng.random() < 0.7 else _sentence(rng, 6),
                ]
            )
    return folder
