"""Datasets shipped with the package, as networkx ships its classic graphs.

The article dataset is the repository's ``data/`` folder: ``graph/article``
is a link to it in git, so there is one copy of the files, and a wheel
carries them as package data under ``graph/article``.

Examples
--------
>>> import graph
>>> graph.load(graph.datasets.article()).to_networkx().number_of_edges()
23
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["article"]


def article() -> Path:
    """The folder of the shipped article dataset (Deutsche Welle, 14 July 2020).

    Works from any working directory, in a source checkout, an editable
    install and an installed wheel. Read it, do not write into it: copy it
    first to edit.

    Returns
    -------
    Path
        A folder with ``actors.csv``, ``relations.csv``, ``sources.csv`` and
        the article's text, ``dw-2020-07-14.txt``.

    Examples
    --------
    >>> sorted(p.name for p in article().glob("*.csv"))
    ['actors.csv', 'relations.csv', 'sources.csv']
    """
    return (Path(__file__).parent / "article").resolve()
