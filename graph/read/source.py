"""A file's bytes, read only from a regular file and only up to a bound."""

from __future__ import annotations

import errno
import io
import os
import stat
from pathlib import Path

from ..problems import Problem
from .missing import missing_file_message

#: The largest file (CSV or workbook) the reader takes: 256 MiB.
MAX_FILE_BYTES = 256 * 1024 * 1024

_KINDS = [
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
]


def _problem(display: str, code: str, message: str) -> list[Problem]:
    return [Problem(display, None, None, None, code, message)]


def _megabytes(n: int) -> str:
    return f"{n / 1024 / 1024:,.0f} MiB"


def read_bytes(
    path: str | Path, display: str | None = None, max_bytes: int = MAX_FILE_BYTES
) -> tuple[bytes | None, list[Problem]]:
    """The bytes of a regular file, or ``None`` and the problem that stops reading it.

    Anything but a regular file (a folder, a named pipe, a device such as
    ``/dev/zero``, a socket) is refused before a byte is read, and so is a
    file over ``max_bytes``: the file is opened without blocking and checked
    with ``fstat``, so that nothing can make the reader wait or read forever.
    A symbolic link that leads nowhere, or loops, is named as such.

    Examples
    --------
    >>> data, problems = read_bytes("/dev/zero", "actors.csv")
    >>> data, [str(p) for p in problems]
    (None, ['actors.csv: unreadable-file this is a character device, not a file; give a CSV file'])
    """
    display = display or str(path)
    stream, problems = open_bytes(path, display, max_bytes)
    if stream is None:
        return None, problems
    try:
        with stream:
            data = stream.read()
    except OSError as err:
        return None, _problem(display, "unreadable-file", f"cannot read: {err.strerror}")
    if stream.overflow:
        return None, _grew(display, max_bytes)
    return data, []


def _grew(display: str, max_bytes: int) -> list[Problem]:
    return _problem(
        display,
        "unreadable-file",
        f"the file grew past the {_megabytes(max_bytes)} geograph reads while it was read",
    )


class BoundedFile(io.RawIOBase):
    """A regular file read through its descriptor, never past ``max_bytes`` (``overflow``: it grew)."""

    def __init__(self, fd: int, max_bytes: int):
        super().__init__()
        self._fd, self._left, self.overflow = fd, max_bytes + 1, False

    def readable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self._fd

    def readinto(self, buffer) -> int:
        want = min(len(buffer), self._left)
        if want <= 0:
            self.overflow = True  # a file that grows while read is still bounded
            return 0
        chunk = os.read(self._fd, want)
        self._left -= len(chunk)
        if self._left <= 0:
            self.overflow = True
            return 0
        buffer[: len(chunk)] = chunk
        return len(chunk)

    def readall(self) -> bytes:
        chunks = []
        while chunk := self.read(1 << 20):
            chunks.append(chunk)
        return b"".join(chunks)

    def close(self) -> None:
        if not self.closed:
            os.close(self._fd)
        super().close()


def open_bytes(
    path: str | Path, display: str | None = None, max_bytes: int = MAX_FILE_BYTES
) -> tuple[BoundedFile | None, list[Problem]]:
    """:func:`read_bytes` as a stream: the same checks, then the open file (``None``: the problem).

    The caller reads it (wrapped in ``io.BufferedReader`` for lines) and closes
    it; once read, ``overflow`` says whether the file grew past ``max_bytes``.

    Examples
    --------
    >>> stream, problems = open_bytes("/dev/zero", "actors.csv")
    >>> stream, [p.code for p in problems]
    (None, ['unreadable-file'])
    """
    path = Path(path)
    display = display or str(path)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        if path.is_symlink():
            return None, _problem(
                display,
                "unreadable-file",
                f'this is a symbolic link to "{os.readlink(path)}", which does not exist; '
                "fix the link or remove it",
            )
        folder = str(Path(display).parent)
        return None, _problem(display, "missing-file", missing_file_message(path, folder))
    except OSError as err:
        if err.errno == errno.ELOOP:
            return None, _problem(
                display,
                "unreadable-file",
                "this is a symbolic link that leads back to itself (a loop); "
                "point it at a file or remove it",
            )
        return None, _problem(display, "unreadable-file", f"cannot read: {err.strerror}")
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            kind = next((name for test, name in _KINDS if test(info.st_mode)), "not a regular file")
            problems = _problem(
                display, "unreadable-file", f"this is {kind}, not a file; give a CSV file"
            )
        elif info.st_size > max_bytes:
            problems = _problem(
                display,
                "unreadable-file",
                f"the file is {_megabytes(info.st_size)}, over the {_megabytes(max_bytes)} "
                "geograph reads; split the data into smaller datasets",
            )
        else:
            return BoundedFile(fd, max_bytes), []
    except OSError as err:
        problems = _problem(display, "unreadable-file", f"cannot read: {err.strerror}")
    os.close(fd)
    return None, problems
