"""Writing output files so that a failure never leaves half a file behind."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

__all__ = ["atomic_write", "atomic_open", "atomic_path"]


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike):
    """A temporary path beside ``path``, renamed over it when the block succeeds.

    For writers that take a file name (DuckDB's ``COPY``, our own
    :func:`atomic_open`): if the block raises, the temporary file is removed
    and ``path`` keeps its previous content (or stays absent). Parent folders
    are created.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        yield tmp
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        # mkstemp creates files readable by the owner only; give the usual mode.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


@contextlib.contextmanager
def atomic_open(
    path: str | os.PathLike,
    mode: str = "w",
    encoding: str | None = "utf-8",
    newline: str | None = None,
):
    """Open a temporary file beside ``path``; rename it over ``path`` on success.

    If the block raises, ``path`` keeps its previous content (or stays
    absent). Parent folders are created.
    """
    binary = "b" in mode
    with (
        atomic_path(path) as tmp,
        open(
            tmp, mode, encoding=None if binary else encoding, newline=None if binary else newline
        ) as fh,
    ):
        yield fh


def atomic_write(path: str | os.PathLike, data: str | bytes, encoding: str = "utf-8") -> Path:
    """Write ``data`` to ``path`` atomically and return the path.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> atomic_write(d / "out.txt", "hello").read_text()
    'hello'
    """
    mode = "wb" if isinstance(data, bytes) else "w"
    with atomic_open(path, mode, encoding=encoding, newline="" if mode == "w" else None) as fh:
        fh.write(data)
    return Path(path)
