"""Running DuckDB for an import: the connection, progress, and its errors as library errors."""

from __future__ import annotations

import contextlib
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from .report import EventImportError
from .sources import EventSource

__all__ = ["Progress", "connect", "execute", "resolve_progress", "engine_errors"]

Progress = bool | Callable[[float], Any] | None


def _progress_bar() -> Callable[[float], None]:
    """A tqdm bar on stderr, closed when the fraction reaches 1."""
    from tqdm import tqdm

    bar = tqdm(
        total=100,
        desc="importing events",
        file=sys.stderr,
        leave=False,
        bar_format="{desc} {percentage:3.0f}%|{bar}| {elapsed}",
        ncols=80,
        nrows=24,  # tqdm hides bars below a terminal's height, and a new pty reports 0
    )

    def update(fraction: float) -> None:
        done = max(0, min(100, round(fraction * 100)))
        if done > bar.n:
            bar.update(done - bar.n)
        if fraction >= 1:
            bar.close()

    return update


def resolve_progress(progress: Progress) -> Callable[[float], Any] | None:
    """The progress callback to use: ``None`` means a bar when stderr is a terminal.

    Examples
    --------
    >>> resolve_progress(False) is None, resolve_progress(print) is print
    (True, True)
    """
    if progress is None:  # auto: a bar only when a person watches stderr
        progress = sys.stderr.isatty()
    if progress is True:
        return _progress_bar()
    return progress or None


def execute(con: Any, sql: str, progress: Callable[[float], Any] | None) -> None:
    """Run ``sql``; poll DuckDB's progress from this thread while a worker runs it."""
    if progress is None:
        con.execute(sql)
        return
    box: dict[str, BaseException] = {}

    def work() -> None:
        try:
            con.execute(sql)
        except BaseException as err:  # re-raised in the caller's thread
            box["error"] = err

    worker = threading.Thread(target=work, daemon=True)
    worker.start()
    try:
        while worker.is_alive():
            worker.join(0.25)
            with contextlib.suppress(Exception):
                fraction = con.query_progress()
                if 0 <= fraction <= 100:
                    progress(min(fraction / 100, 0.99))
    except KeyboardInterrupt:
        con.interrupt()
        worker.join()
        raise
    if "error" in box:
        raise box["error"]
    progress(1.0)


def connect(tmp: str) -> Any:
    """A DuckDB connection that spills into ``tmp`` and draws no progress bar of its own.

    Examples
    --------
    >>> import tempfile
    >>> connect(tempfile.mkdtemp()).execute("SELECT current_setting('enable_progress_bar')").fetchone()
    (False,)
    """
    import duckdb

    config: dict[str, str | bool | int | float | list[str]] = {
        "preserve_insertion_order": False,  # lets the scan stream in any order
        "temp_directory": str(Path(tmp) / "spill"),
    }
    con = duckdb.connect(config=config)
    # Ours goes to stderr, DuckDB's to stdout. In a Jupyter kernel it is off
    # already, and setting it there fails unless ipywidgets is installed.
    (on,) = con.execute("SELECT current_setting('enable_progress_bar')").fetchone() or (False,)
    if on:
        con.execute("SET enable_progress_bar = false")
    return con


@contextlib.contextmanager
def engine_errors(source: EventSource | str) -> Iterator[None]:
    """Any DuckDB failure becomes an :class:`EventImportError` with a one-line message.

    Examples
    --------
    >>> import duckdb
    >>> from graph.events import GDELT
    >>> with engine_errors(GDELT):
    ...     duckdb.sql("SELECT * FROM no_such_table")
    Traceback (most recent call last):
    ...
    graph.events.report.EventImportError: gdelt import failed in DuckDB: Catalog Error: Table with name no_such_table does not exist!
    """
    import duckdb

    try:
        yield
    except duckdb.Error as err:
        msg = (str(err).strip().splitlines() or [type(err).__name__])[0]
        if "state machine reached an invalid state" in msg:
            msg += (
                " (a line holds a carriage return (\\r) inside a cell, or mixes line ends;"
                " save the file with one kind of line end)"
            )
        name = source if isinstance(source, str) else source.name
        raise EventImportError(f"{name} import failed in DuckDB: {msg}") from err
