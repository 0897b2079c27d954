"""Rebuild the HTML view whenever the data changes: ``geograph watch``.

The loop polls the files' modification times and sizes (portable, no
dependency), waits until they stop changing (an editor may save in several
writes), then rebuilds. Broken data prints its problems and leaves the last
good page in place.

The page reloads itself while watching: the watch build adds a small script
that re-loads a sidecar file ``OUT.html.stamp.js`` every second (a page
opened from ``file://`` cannot fetch, but it can load a script) and reloads
the page when the build stamp in it changes. ``geograph build`` output never
has that script, and when the watch ends (Ctrl-C, or SIGTERM or SIGHUP,
as ``kill`` and a closed terminal send) it leaves the page as a build
writes it: the script taken out and the stamp file removed.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import signal
import stat
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from .dataset import load
from .files import atomic_write
from .problems import DataError, GeographError, Problem, Report
from .schema import TABLE_FILES
from .view import to_html
from .write import check_output

__all__ = ["watch", "snapshot", "build_once", "with_reload", "stamp_path"]

_MARK = "<script>/* geograph watch: reload when the data is rebuilt */"
_RELOAD = (
    _MARK
    + """
(function () {
  var src = %(src)s, mine = %(stamp)s, banner = null;
  window.geographWatch = function (state) {
    if (state.stamp !== mine) { location.reload(); return; }
    if (!state.problems.length) { if (banner) { banner.remove(); banner = null; } return; }
    if (!banner) {
      banner = document.createElement("pre");
      banner.setAttribute("role", "alert");
      banner.style.cssText = "position:fixed;left:0;right:0;bottom:0;margin:0;max-height:40%%;overflow:auto;" +
        "background:#fff3f3;color:#900;border-top:2px solid #c00;padding:8px;font:12px monospace;z-index:9999";
      document.body.appendChild(banner);
    }
    banner.textContent = "The data has errors; this is the last good build.\\n" + state.problems.join("\\n");
  };
  function poll() {
    var s = document.createElement("script");
    s.src = src + "?" + Date.now();
    s.onload = s.onerror = function () { s.remove(); };
    document.head.appendChild(s);
  }
  setInterval(poll, 1000);
})();
</script>
"""
)


def stamp_path(output: str | Path) -> Path:
    """The sidecar file a watched page polls: ``OUT.html.stamp.js``."""
    output = Path(output)
    return output.with_name(output.name + ".stamp.js")


def _script(output: str | Path, stamp: str) -> str:
    return _RELOAD % {"src": json.dumps(stamp_path(output).name), "stamp": json.dumps(stamp)}


def with_reload(page: str, output: str | Path, stamp: str) -> str:
    """The page with the self-reloading script inserted before its last ``</body>``.

    Examples
    --------
    >>> page = with_reload("<html><body>x</body></html>", "out/graph.html", "7")
    >>> 'var src = "graph.html.stamp.js", mine = "7"' in page, page.endswith("</script>\\n</body></html>")
    (True, True)
    """
    script = _script(output, stamp)
    at = page.rfind("</body>")
    if at < 0:
        return page + script
    return page[:at] + script + page[at:]


def _write_stamp(output: Path, stamp: str, problems: list[Problem]) -> None:
    state = {"stamp": stamp, "problems": [str(p) for p in problems]}
    # ASCII JSON is valid JavaScript whatever the problems say
    atomic_write(stamp_path(output), f"geographWatch({json.dumps(state)});\n")


def _tidy(output: Path) -> None:
    """The watched page as ``geograph build`` writes it, without its reload script and stamp file.

    Left in place, the stamp file would be clutter beside the page, and the
    script would look for it every second for as long as the page is open.
    """
    sidecar = stamp_path(output)
    try:
        page = output.read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        page = ""
    # the page's own stamp, not the sidecar's: a watch stopped between writing
    # the page and its stamp file leaves them apart
    at = page.rfind(_MARK)
    mine = page.find("mine = ", at) if at >= 0 else -1
    if mine >= 0:
        try:
            stamp, _ = json.JSONDecoder().raw_decode(page, mine + len("mine = "))
        except ValueError:
            stamp = None
        script = _script(output, stamp) if isinstance(stamp, str) else None
        if script is not None and page.startswith(script, at):
            atomic_write(output, page[:at] + page[at + len(script) :])
    sidecar.unlink(missing_ok=True)


@contextlib.contextmanager
def _stopped_by_signals() -> Iterator[Callable[[], None]]:
    """SIGTERM and SIGHUP end the watch as Ctrl-C does, by a ``KeyboardInterrupt``.

    Their default would end the process at once, leaving the page in its
    watched state. Yields a function that makes every later signal wait:
    ``timeout -s INT`` sends its signal twice (to the watch and to its
    process group), and the second must not cut the tidying short. Only in
    the main thread, and only for signals left to their default (a handler
    of the caller's, or ``nohup``'s ignored SIGHUP, is kept).
    """
    stopping = False

    def stop(signum: int, frame: object) -> None:
        nonlocal stopping
        if not stopping:
            stopping = True
            raise KeyboardInterrupt

    def hold() -> None:
        nonlocal stopping
        stopping = True

    wanted = [signal.SIGINT, signal.SIGTERM]
    if hasattr(signal, "SIGHUP"):  # not on Windows
        wanted.append(signal.SIGHUP)
    kept: dict[signal.Signals, Any] = {}
    if threading.current_thread() is threading.main_thread():
        for sig in wanted:
            before = signal.getsignal(sig)
            if before in (signal.SIG_DFL, signal.default_int_handler):
                kept[sig] = before
                signal.signal(sig, stop)
    try:
        yield hold
    finally:
        for sig, handler in kept.items():
            signal.signal(sig, handler)


def snapshot(data: str | Path, cache: dict | None = None) -> tuple:
    """What identifies the data's current state: each file's name, mtime, size and content hash.

    The hash catches a change that keeps size and modification time (``cp -p``,
    ``rsync -t``, ``tar``). With a ``cache`` (a dict kept between calls) a
    file is read again only when its inode, size, mtime or ctime moved: a
    write always changes the ctime, which no tool can set back.

    Examples
    --------
    >>> cache = {}
    >>> snapshot("data", cache) == snapshot("data", cache) == snapshot("data")
    True
    """
    data = Path(data)
    files = [data] if data.is_file() else [data / name for name, _ in TABLE_FILES.values()]
    out: list[tuple[str, int | None, int | None, str | None]] = []
    for f in files:
        try:
            st = f.stat()
            key = (st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)
            if cache is not None and cache.get(f, (None,))[0] == key:
                digest = cache[f][1]
            else:
                digest = _digest(f) if stat.S_ISREG(st.st_mode) else None
                if cache is not None:
                    cache[f] = (key, digest)
        except OSError:
            out.append((f.name, None, None, None))
        else:
            out.append((f.name, st.st_mtime_ns, st.st_size, digest))
    return tuple(out)


def _digest(path: Path) -> str:
    h = hashlib.blake2b(digest_size=16)
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def build_once(
    data: str | Path,
    output: str | Path,
    stamp: str,
    *,
    title: str | None = None,
    strict: bool = False,
) -> list[Problem]:
    """Rebuild the watched page; return the problems (errors leave the page as it was).

    On success the page (with the reload script) and its stamp file are
    written; on errors only the stamp file is, so the open page shows them.

    Raises
    ------
    OSError, OutputError
        If the page or its stamp file cannot be written.
    """
    output = Path(output)
    try:
        ds = load(data, strict=strict)
    except DataError as err:
        last = _last_stamp(output)
        if last is not None:
            _write_stamp(output, last, err.errors)
        return err.problems
    atomic_write(output, with_reload(to_html(ds.to_networkx(), title=title), output, stamp))
    _write_stamp(output, stamp, [])
    return ds.warnings


def _last_stamp(output: Path) -> str | None:
    try:
        text = stamp_path(output).read_text("utf-8")
        return json.loads(text[len("geographWatch(") : -3])["stamp"]
    except (OSError, ValueError, KeyError):
        return None


def watch(
    data: str | Path,
    output: str | Path,
    *,
    title: str | None = None,
    strict: bool = False,
    interval: float = 0.25,
    settle: float = 0.2,
    echo: Callable[[str], None] = print,
    stop: threading.Event | None = None,
    max_builds: int | None = None,
    on_first_build: Callable[[Path], None] | None = None,
) -> int:
    """Build now, then rebuild each time the data changes, until stopped.

    Parameters
    ----------
    data, output : str or Path
        The dataset (folder or ``.xlsx``) and the HTML file to write.
    interval : float
        Seconds between two looks at the files.
    settle : float
        The files must stay unchanged this long before a rebuild (debounce).
    echo : callable
        Receives each message (problems, "rebuilt ...").
    stop : threading.Event, optional
        Set it to end the loop (Ctrl-C ends it too, from the command line).
    max_builds : int, optional
        End after this many builds (for tests).
    on_first_build : callable, optional
        Called with the output path after the first build (to open it in a browser).

    Returns
    -------
    int
        The number of builds attempted.

    Raises
    ------
    OutputError
        If ``output`` is one of the data's files (nothing is written then).
    """
    check_output(output, [data], fmt="html")
    with _stopped_by_signals() as hold:
        try:
            return _loop(
                data,
                Path(output),
                title,
                strict,
                interval,
                settle,
                echo,
                stop,
                max_builds,
                on_first_build,
            )
        finally:  # Ctrl-C, SIGTERM and SIGHUP included
            hold()
            try:
                _tidy(Path(output))
            except OSError as err:
                echo(f"cannot tidy {output} after watching: {err.strerror or err}")


def _loop(
    data: str | Path,
    output: Path,
    title: str | None,
    strict: bool,
    interval: float,
    settle: float,
    echo: Callable[[str], None],
    stop: threading.Event | None,
    max_builds: int | None,
    on_first_build: Callable[[Path], None] | None,
) -> int:
    stop = stop or threading.Event()
    builds = 0
    seen = None
    seen_files: dict = {}  # what snapshot read last, per file
    good = Path(output).exists()  # a page from an earlier build is kept as well
    while not stop.is_set():
        now = snapshot(data, seen_files)
        if now != seen:
            # wait for the writes to settle: an editor may save in several steps
            while not stop.wait(settle):
                later = snapshot(data, seen_files)
                if later == now:
                    break
                now = later
            if stop.is_set():
                break
            seen = now
            builds += 1
            stamp = f"{builds}-{time.time_ns()}"
            try:
                problems = build_once(data, output, stamp, title=title, strict=strict)
            except (OSError, GeographError) as err:
                reason = err.strerror if isinstance(err, OSError) and err.strerror else str(err)
                echo(f"cannot write {output}: {reason}; still watching, fix it and save again")
                if max_builds is not None and builds >= max_builds:
                    break
                stop.wait(interval)
                continue
            errors = Report(problems).errors  # strict loading made the warnings errors
            for p in problems:
                echo(str(p))
            good = good or (not errors)
            if errors:
                n = f"{len(errors)} error{'s' if len(errors) != 1 else ''}"
                if good:
                    echo(f"{n}: kept the last good {output}")
                else:
                    echo(f"{n}: nothing written yet; {output} is built once the data is valid")
            else:
                echo(f"rebuilt {output} ({time.strftime('%H:%M:%S')})")
            if builds == 1 and on_first_build is not None:
                on_first_build(Path(output))
            if max_builds is not None and builds >= max_builds:
                break
        stop.wait(interval)
    return builds
