"""What a command shows on the terminal: the one error path and the one output helper.

Every ``geograph`` command runs inside :class:`CommandGroup`, which turns any
:class:`graph.problems.GeographError` into :class:`CommandError` (output and
exit code 1, in one place); every command writes its standard output with
:func:`out` and its messages with :func:`say`. Control characters from the
data are shown escaped everywhere (:func:`graph.problems.printable`).
"""

from __future__ import annotations

import contextlib
import errno
import io
import json
import os
import sys
from collections.abc import Callable, Iterator
from typing import IO, Any, BinaryIO, cast

import click

from .problems import DataError, GeographError, OutputError, counted, printable

__all__ = [
    "CommandError",
    "CommandGroup",
    "ReadOnlyCommand",
    "out",
    "out_json",
    "say",
    "printable_lines",
    "progress_bar",
]


class CommandError(click.ClickException):
    """A :class:`graph.problems.GeographError` shown as output and exit code 1, in one place.

    A :class:`DataError` prints each of its errors, then one line counting
    them, which says that nothing was written when the command writes
    (``writes``; a command that only reads says no such thing) and points at
    ``geograph check`` when there are warnings to see; any other error
    prints one line. Control characters are shown escaped.

    Examples
    --------
    >>> from graph.problems import DataError, Problem
    >>> p = Problem("d/relations.csv", 3, 2, "source", "unknown-actor", 'source "X" is no actor')
    >>> CommandError(DataError([p], source="d")).show(sys.stdout)
    d/relations.csv:3:2: unknown-actor source "X" is no actor
    1 error in d; nothing was written.
    >>> CommandError(DataError([p], source="d"), writes=False).show(sys.stdout)
    d/relations.csv:3:2: unknown-actor source "X" is no actor
    1 error in d.
    """

    def __init__(self, error: GeographError | str, *, writes: bool = True):
        self.error = error
        self.writes = writes
        super().__init__(printable_lines(str(error)))

    def show(self, file: IO[Any] | None = None) -> None:
        if not isinstance(self.error, DataError):
            _quietly(lambda: super(CommandError, self).show(file))
            return
        errors, warnings = self.error.errors, self.error.warnings
        data = self.error.source
        lines = [str(p) for p in errors]
        n, w = len(errors), len(warnings)
        where = f" in {data}" if data is not None else ""
        if str(data) in (".", ""):
            where = " in the current folder"
        done = "; nothing was written" if self.writes else ""
        more = (
            f" {counted(w, 'warning')} too: `geograph check {data}` lists them."
            if w and data is not None
            else ""
        )
        lines.append(f"{counted(n, 'error')}{where}{done}.{more}")
        text = printable_lines("\n".join(lines))
        _quietly(lambda: click.echo(text, file=file, err=file is None))


def _quietly(show: Callable[[], None]) -> None:
    """Show a message on stderr; a closed or full stderr is no reason for a traceback."""
    with contextlib.suppress(OSError):
        show()


class ReadOnlyCommand(click.Command):
    """A command that writes no file (``check``, ``stats``...): its errors do not say "nothing was written"."""

    writes = False


class CommandGroup(click.Group):
    """A group that turns the library's errors into :class:`CommandError`.

    A failed write to standard output that did not pass through :func:`out`
    (click's own help and usage text) ends the same way as one that did.
    """

    def make_context(self, *args: Any, **kwargs: Any) -> click.Context:
        try:
            return super().make_context(*args, **kwargs)  # ``--help`` prints from here
        except OSError as err:
            raise _output_error(err) from err

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except GeographError as err:
            name = ctx.invoked_subcommand
            command = self.get_command(ctx, name) if name else None
            raise CommandError(err, writes=getattr(command, "writes", True)) from err
        except OSError as err:
            raise _output_error(err) from err


_OUTPUT_ERRNOS = {errno.EPIPE, errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO}


def _output_error(err: OSError) -> CommandError:
    """The one line a failed write of the output ends with; other OS errors go on."""
    if err.errno not in _OUTPUT_ERRNOS:
        raise err
    return CommandError(_stdout_failed(err))


def _stdout_failed(err: OSError) -> OutputError:
    """Standard output could not be written: point it at nothing and say why, in one line."""
    _silence_stdout()
    reason = "the reader closed the pipe" if isinstance(err, BrokenPipeError) else err.strerror
    return OutputError(f"cannot write to standard output: {reason or err}")


def _silence_stdout() -> None:
    """Point stdout at nothing: Python flushes it again on exit, which must not fail twice."""
    with contextlib.suppress(OSError, ValueError, io.UnsupportedOperation):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, _stdout().fileno())


def _stdout() -> BinaryIO:
    """The binary standard output (looked up each time: CliRunner replaces it in tests)."""
    return cast(BinaryIO, getattr(sys.stdout, "buffer", sys.stdout))


def out(text: str | bytes, *, nl: bool = True) -> None:
    """Write ``text`` to standard output, flushed; a failed write is an :class:`OutputError`.

    Every command's standard output goes through here, so that a full disk
    (``> /dev/full``) or a closed pipe (``| head -c0``) is one line of error
    and exit 1, never a traceback nor an exit 0 with the output lost.
    """
    stream = _stdout()
    data = text if isinstance(text, bytes) else printable_lines(text).encode("utf-8")
    if nl and not isinstance(text, bytes):
        data += b"\n"
    try:
        if isinstance(stream, io.TextIOBase):  # a text-only stdout (a doctest's, a notebook's)
            stream.write(data.decode("utf-8"))
        else:
            stream.write(data)
        stream.flush()
    except OSError as err:
        raise _stdout_failed(err) from err


def out_json(data: Any) -> None:
    """Write ``data`` as indented JSON (UTF-8, not ASCII-escaped) with :func:`out`.

    The one form of every command's ``--json`` output.

    Examples
    --------
    >>> out_json({"valid": True, "name": "Côte d'Ivoire"})
    {
      "valid": true,
      "name": "Côte d'Ivoire"
    }
    """
    out(json.dumps(data, ensure_ascii=False, indent=2))


def printable_lines(text: str) -> str:
    """Each line of ``text`` with its control characters escaped (line breaks kept)."""
    return "\n".join(printable(line) for line in text.split("\n"))


def say(text: str) -> None:
    """A message for the user, on stderr (control characters escaped)."""
    _quietly(lambda: click.echo(printable_lines(text), err=True))


@contextlib.contextmanager
def progress_bar(what: str, *, quiet: bool = False) -> Iterator[Callable[[float], None] | None]:
    """A progress callback drawing a bar on stderr, or ``None`` when nobody watches.

    The bar (tqdm) is drawn only when stderr is a terminal and ``quiet`` is
    false, never on stdout, which carries JSON or CSV for pipes. The callback
    takes the fraction done (0..1), as the library's ``progress`` arguments
    do; the bar is cleared when the block ends.

    Examples
    --------
    >>> with progress_bar("checking", quiet=True) as update:
    ...     update is None
    True
    """
    if quiet or not _isatty(sys.stderr):
        yield None
        return
    from tqdm import tqdm

    bar = tqdm(
        total=100,
        desc=what,
        file=sys.stderr,
        leave=False,
        bar_format="{desc} {percentage:3.0f}%|{bar}| {elapsed}",
        mininterval=0.1,
        ncols=_width(sys.stderr),
        nrows=24,  # tqdm hides bars below a terminal's height, and a new pty reports 0
    )

    def update(fraction: float) -> None:
        done = max(0, min(100, round(fraction * 100)))
        if done > bar.n:
            bar.update(done - bar.n)

    try:
        yield update
    finally:
        _quietly(bar.close)


def _width(stream: Any) -> int:
    """The terminal's width, or 80 when it reports none (a new pseudo-terminal says 0)."""
    try:
        columns = os.get_terminal_size(stream.fileno()).columns
    except (AttributeError, ValueError, OSError):
        columns = 0
    return min(columns, 100) if columns > 20 else 80


def _isatty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError, OSError):
        return False
