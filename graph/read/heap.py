"""The C heap's large blocks given back to the system as soon as they are freed.

A command that reads a whole dataset makes and drops many column-sized
lists (2.2 MiB each at 283,000 relations). glibc's ``malloc`` serves a block
of 128 KiB or more with its own ``mmap`` and gives it back when freed, but
it then raises that threshold to the size of the block freed (up to
32 MiB), so every later column comes from the main heap, where a freed
column leaves a hole among small objects and the heap cannot shrink past
it: at 283,000 relations the build's peak was 22 MiB above what it held.
Fixing the threshold (``mallopt(M_MMAP_THRESHOLD)``, which also stops its
rise) keeps such blocks out of the heap.
"""

from __future__ import annotations

import sys
from pathlib import Path

__all__ = ["LARGE_BLOCK", "LARGE_DATASET", "large_blocks_returned", "returned_for"]

#: Blocks of this many bytes or more get their own mapping (glibc's default start).
LARGE_BLOCK = 128 << 10
_M_MMAP_THRESHOLD = -3  # glibc's malloc.h


def large_blocks_returned(size: int = LARGE_BLOCK) -> bool:
    """Have ``malloc`` map blocks of ``size`` bytes or more on their own, for the whole process.

    Only where the C library is glibc's (elsewhere nothing is changed).
    Returns whether the setting took.

    Examples
    --------
    >>> large_blocks_returned() in (True, False)
    True
    """
    if not sys.platform.startswith("linux"):
        return False
    import ctypes  # 5 ms of import: only the commands that read whole datasets call this

    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):  # no glibc (musl has mallopt but ignores it)
        return False
    return bool(mallopt(_M_MMAP_THRESHOLD, size))


#: The size of a dataset's files (bytes) from which the setting pays. Each large block
#: then costs a mapping and its page faults (system time): at 50,000 relations (a 12 MB
#: relations.csv) 10 % more CPU for 2 MiB less peak; at 283,000 (75 MB) 4 % for 9 MiB.
LARGE_DATASET = 32 << 20


def returned_for(data: str | Path) -> bool:
    """:func:`large_blocks_returned` for a dataset of at least :data:`LARGE_DATASET` bytes.

    ``data`` is the dataset's folder (its CSV files are counted) or its
    workbook. Returns whether the setting was made; a path that cannot be
    read counts as small (the command then reports it).

    Examples
    --------
    >>> returned_for("data")  # the shipped article: a few kilobytes
    False
    """
    path = Path(data)
    try:
        files = list(path.glob("*.csv")) if path.is_dir() else [path]
        size = sum(f.stat().st_size for f in files)
    except OSError:
        return False
    return size >= LARGE_DATASET and large_blocks_returned()
