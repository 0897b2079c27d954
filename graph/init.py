"""Create a new dataset folder, ready to edit: ``geograph init DIR``."""

from __future__ import annotations

import os
from pathlib import Path

from .schema import ACTOR_COLUMNS, RELATION_COLUMNS, SOURCE_COLUMNS, VOCABULARY_COLUMNS
from .write import write_dataset

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
        # dated_from, as in the drafts of ``geograph suggest``, whose rows append as lines
        [*RELATION_COLUMNS, "dated_from"],
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
                "outside",
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


def init_dataset(folder: str | os.PathLike, *, force: bool = False) -> list[Path]:
    """Write a new dataset into ``folder``: the four files, one example row each.

    Parameters
    ----------
    folder : str or Path
        Created if needed; it may exist but must not hold a dataset yet.
    force : bool
        Replace a dataset that ``folder`` holds (all its files together).

    Returns
    -------
    list of Path
        The files written.

    Raises
    ------
    OutputError
        If ``folder`` already holds a dataset file and ``force`` is false
        (nothing is written then), or is a file.

    Examples
    --------
    >>> import graph, tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp()) / "mydata"
    >>> [p.name for p in init_dataset(d)]
    ['actors.csv', 'relations.csv', 'sources.csv', 'relation_types.csv']
    >>> graph.check(d)
    []
    """
    return write_dataset(folder, STARTER, force=force)
