"""Writing output files so that a failure never leaves half a file behind.

A file is written under a temporary name beside it,
``.NAME.PID.RANDOM.tmp``, then renamed over it. A process killed meanwhile
(SIGKILL, a power cut) leaves that temporary file; the next write of the same
output removes the ones whose process is gone, and only those.

An output that is a symbolic link is written through: its target gets the
new content and the link stays. An output without any write permission bit
(``chmod 444``) is refused: make it writable, or remove it, first.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from .problems import OutputError

__all__ = ["atomic_write", "atomic_open", "atomic_path", "alive", "remove_leftovers"]

_TEMP = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)\.[^.]+\.tmp$")


def alive(pid: int) -> bool:
    """Whether a process with id ``pid`` runs on this machine.

    Examples
    --------
    >>> alive(os.getpid())
    True
    """
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists, and belongs to someone else
    return True


def remove_leftovers(path: str | os.PathLike) -> list[Path]:
    """Remove the temporary files that dead processes left beside ``path``; return them.

    Only files named as :func:`atomic_path` names them, for this very
    ``path``, by a process that no longer runs, are removed.
    """
    target = Path(path)
    removed = []
    with contextlib.suppress(OSError):
        for entry in os.scandir(target.parent):
            m = _TEMP.match(entry.name)
            if m and m["name"] == target.name and not alive(int(m["pid"])):
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(entry.path)
                    removed.append(Path(entry.path))
    return removed


def _target(path: str | os.PathLike) -> Path:
    """The file to replace: a symbolic link's target; refused when read-only."""
    target = Path(path)
    if target.is_symlink():
        target = Path(os.path.realpath(target))
    try:
        st = target.stat()
    except OSError:
        return target
    if stat.S_ISREG(st.st_mode) and not st.st_mode & 0o222:
        raise OutputError(
            f"cannot write {path}: it is read-only; make it writable (chmod u+w {path}) "
            "or remove it first"
        )
    return target


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike) -> Iterator[str]:
    """A temporary path beside ``path``, renamed over it when the block succeeds.

    For writers that take a file name (DuckDB's ``COPY``, our own
    :func:`atomic_open`): if the block raises, the temporary file is removed
    and ``path`` keeps its previous content (or stays absent). Parent folders
    are created; temporary files that killed runs left are removed first.

    Raises
    ------
    OutputError
        If ``path`` is a read-only file.
    """
    target = _target(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(target)
    fd, tmp = tempfile.mkstemp(
        prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp", dir=target.parent
    )
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
) -> Iterator[IO[Any]]:
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
