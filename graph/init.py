"""Create a new dataset folder, ready to edit: ``geograph init DIR``."""

from __future__ import annotations

from pathlib import Path

from .files import atomic_write
from .schema import ACTOR_COLUMNS, RELATION_COLUMNS, SOURCE_COLUMNS, TABLE_FILES, VOCABULARY_COLUMNS
from .write import format_csv

__all__ = ["init_dataset", "STARTER"]

#: The files ``init_dataset`` writes: a header and one example row each.
STARTER = {
    "actors": (
        ACTOR_COLUMNS,
        [
            ["PRK", "North Korea", "state", "DPRK;Pyongyang", "Korean Peninsula", ""],
            ["KOR", "South Korea", "state", "ROK;Seoul", "Korean Peninsula", ""],
        ],
    ),
    "relations": (
        RELATION_COLUMNS,
        [
            [
                "R1",
                "PRK",
                "KOR",
                "attack",
                "",
                "",
                "true",
                "fact",
                "2020-06-16",
                "2020-06-16",
                "S1",
                "",
                "the North's destruction of the liaison office",
                "an example row: replace it",
            ],
        ],
    ),
    "sources": (
        SOURCE_COLUMNS,
        [
            [
                "S1",
                "What's driving North Korea's actions toward the South?",
                "Deutsche Welle",
                "",
                "2020-07-14",
                "https://www.dw.com/en/whats-driving-north-koreas-actions-toward-the-south/a-54171206",
            ],
        ],
    ),
    "relation_types": (
        VOCABULARY_COLUMNS,
        [
            [
                "cyberattack",
                "-1",
                "-7",
                "",
                "ASSAULT",
                "4",
                "an example type of your own: intrusion into computer networks",
            ],
        ],
    ),
}


def init_dataset(folder: str | Path) -> list[Path]:
    """Write a new dataset into ``folder``: the four files, one example row each.

    Parameters
    ----------
    folder : str or Path
        Created if needed; it may exist but must not hold any of the files.

    Returns
    -------
    list of Path
        The files written.

    Raises
    ------
    FileExistsError
        If any of the files already exists (nothing is written then).

    Examples
    --------
    >>> import graph, tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp()) / "mydata"
    >>> [p.name for p in init_dataset(d)]
    ['actors.csv', 'relations.csv', 'sources.csv', 'relation_types.csv']
    >>> graph.check(d)
    []
    """
    folder = Path(folder)
    targets = {name: folder / TABLE_FILES[name][0] for name in STARTER}
    existing = [str(p) for p in targets.values() if p.exists()]
    if existing:
        raise FileExistsError(
            f"{', '.join(existing)} already exist{'s' if len(existing) == 1 else ''}; "
            "init never overwrites: choose an empty folder"
        )
    return [
        atomic_write(targets[name], format_csv(header, rows))
        for name, (header, rows) in STARTER.items()
    ]
