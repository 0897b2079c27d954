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

__all__ = ["LARGE_BLOCK", "large_blocks_returned"]

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
