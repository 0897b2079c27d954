"""Commands run with a closed standard output, as behind ``| head -c0``.

Shared by the CLI and write tests (test modules do not import each other).
"""

from __future__ import annotations

import os
import subprocess
import sys


def closed_pipe(args: list[str]) -> subprocess.CompletedProcess:
    """``python -m graph ARGS`` whose standard output's reader is gone before the first byte."""
    read, write = os.pipe()
    os.close(read)
    try:
        return subprocess.run(
            [sys.executable, "-m", "graph", *args],
            stdout=write,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
    finally:
        os.close(write)
