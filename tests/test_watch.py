"""The watch loop: rebuild on save, keep the last good page, reload the open page."""

import contextlib
import os
import shutil
import threading
import time
import webbrowser
from pathlib import Path

import pytest

from graph.watch import build_once, stamp_path, watch, with_reload

FIXTURES = Path(__file__).parent / "fixtures"
LIMIT = 20  # seconds: bounded waits, the loop normally answers in well under one


def _wait_for(condition, limit=LIMIT):
    end = time.monotonic() + limit
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.02)
    return False


@contextlib.contextmanager
def _watch_thread(data, out, messages, settle=0.05):
    """The loop watching ``data`` in a thread, stopped and joined on leaving; yields the thread."""
    stop = threading.Event()
    thread = threading.Thread(
        target=watch,
        args=(data, out),
        kwargs=dict(interval=0.02, settle=settle, echo=messages.append, stop=stop),
    )
    thread.start()
    try:
        yield thread
    finally:
        stop.set()
        thread.join(LIMIT)


@pytest.fixture
def watching(tmp_path):
    """A dataset, and the loop watching it in a thread; yields (data, out, messages)."""
    data = tmp_path / "d"
    shutil.copytree(FIXTURES / "odd-valid", data)
    out = tmp_path / "out" / "graph.html"
    messages = []
    with _watch_thread(data, out, messages) as thread:
        yield data, out, messages
    assert not thread.is_alive()


def _rebuilt(messages, n):
    return lambda: sum(m.startswith("rebuilt") for m in messages) >= n


def test_rebuilds_on_save_and_keeps_the_last_good_page(watching):
    data, out, messages = watching
    assert _wait_for(_rebuilt(messages, 1))
    assert "North Korea" in out.read_text("utf-8")
    rel = data / "relations.csv"
    good = rel.read_text("utf-8-sig")

    rel.write_text(good.replace("RUS", "RUSS", 1), "utf-8")  # break it
    assert _wait_for(lambda: any("unknown-actor" in m for m in messages))
    assert any(m.startswith("1 error: kept the last good") for m in messages)
    page = out.read_text("utf-8")
    assert "RUSS" not in page
    assert "unknown-actor" in stamp_path(out).read_text("utf-8")  # the open page shows the problems

    actors = data / "actors.csv"
    actors.write_text(actors.read_text("utf-8-sig").replace("North Korea", "DPRK renamed"), "utf-8")
    rel.write_text(good, "utf-8")  # fix it
    assert _wait_for(_rebuilt(messages, 2))
    assert "DPRK renamed" in out.read_text("utf-8")


def test_a_burst_of_writes_is_one_rebuild(tmp_path):
    data = tmp_path / "d"
    shutil.copytree(FIXTURES / "odd-valid", data)
    out = tmp_path / "graph.html"
    messages = []
    with _watch_thread(data, out, messages, settle=0.3):
        assert _wait_for(_rebuilt(messages, 1))
        note = data / "sources.csv"
        text = note.read_text("utf-8-sig")
        for i in range(5):  # quicker than the settle time: an editor saving in steps
            note.write_text(text + "\n" * (i + 1), "utf-8")
            time.sleep(0.03)
        assert _wait_for(_rebuilt(messages, 2))
        time.sleep(0.5)  # long enough for a spurious third build to show
        assert sum(m.startswith("rebuilt") for m in messages) == 2


def test_max_builds_ends_the_loop(tmp_path):
    out = tmp_path / "g.html"
    assert watch(FIXTURES / "odd-valid", out, echo=lambda m: None, max_builds=1) == 1
    assert out.exists()


def test_broken_data_at_start_writes_nothing(tmp_path):
    out = tmp_path / "g.html"
    problems = build_once(FIXTURES / "broken" / "unknown-actor", out, "1")
    assert [p.code for p in problems if p.severity == "error"] == ["unknown-actor"]
    assert not out.exists() and not stamp_path(out).exists()


def test_build_output_has_no_reload_script(tmp_path):
    from click.testing import CliRunner

    from graph.cli import cli

    out = tmp_path / "g.html"
    assert (
        CliRunner().invoke(cli, ["build", str(FIXTURES / "odd-valid"), "-o", str(out)]).exit_code
        == 0
    )
    assert "geographWatch" not in out.read_text("utf-8")
    build_once(FIXTURES / "odd-valid", out, "1")
    assert "geographWatch" in out.read_text("utf-8")


def test_reload_script_goes_before_the_last_body_end():
    page = with_reload(
        '<body><script type="application/json">"</body>"</script></body>', "g.html", "s"
    )
    assert page.index("geographWatch") > page.index('"</body>"')


def test_open_page_reloads_when_the_data_is_rebuilt(tmp_path, browser):
    out = tmp_path / "g.html"
    data = tmp_path / "d"
    shutil.copytree(FIXTURES / "odd-valid", data)
    assert [p for p in build_once(data, out, "1") if p.severity == "error"] == []
    page = browser.new_page()
    try:
        page.goto(out.as_uri())
        page.evaluate("window.__marker = 1")
        build_once(data, out, "1")  # same stamp: no reload
        page.wait_for_timeout(1500)
        assert page.evaluate("window.__marker") == 1
        rel = data / "relations.csv"
        rel.write_text(rel.read_text("utf-8-sig").replace("RUS", "RUSS", 1), "utf-8")
        build_once(data, out, "1")  # broken: the page stays and shows the problems
        page.wait_for_selector("pre[role=alert]", timeout=LIMIT * 1000)
        assert "unknown-actor" in page.inner_text("pre[role=alert]")
        assert page.evaluate("window.__marker") == 1
        rel.write_text(rel.read_text("utf-8").replace("RUSS", "RUS", 1), "utf-8")
        build_once(data, out, "2")
        page.wait_for_function("window.__marker === undefined", timeout=LIMIT * 1000)
    finally:
        page.close()


def test_broken_data_at_start_says_nothing_was_built(tmp_path):
    out = tmp_path / "graph.html"
    messages = []
    builds = watch(
        FIXTURES / "broken" / "unknown-actor",
        out,
        interval=0.01,
        settle=0.01,
        echo=messages.append,
        max_builds=1,
    )
    assert builds == 1 and not out.exists()
    assert messages[-1] == f"1 error: nothing written yet; {out} is built once the data is valid"


def test_a_change_keeping_size_and_mtime_is_noticed(watching):
    data, out, messages = watching
    assert _wait_for(_rebuilt(messages, 1))
    actors = data / "actors.csv"
    st = actors.stat()
    text = actors.read_bytes()
    first = text.splitlines()[1]
    edited = text.replace(first, first[::-1], 1)  # same size, other content
    assert len(edited) == len(text) and edited != text
    actors.write_bytes(edited)
    os.utime(actors, ns=(st.st_atime_ns, st.st_mtime_ns))  # the old time back, as `cp -p`
    assert actors.stat().st_size == st.st_size and actors.stat().st_mtime_ns == st.st_mtime_ns
    assert _wait_for(lambda: len(messages) > 1)


def test_an_unwritable_output_is_reported_and_the_watch_goes_on(tmp_path):
    data = tmp_path / "d"
    shutil.copytree(FIXTURES / "odd-valid", data)
    out = tmp_path / "out" / "graph.html"
    out.parent.mkdir()
    out.mkdir()  # a folder where the page belongs: it cannot be written
    messages = []
    with _watch_thread(data, out, messages) as thread:
        assert _wait_for(lambda: any(m.startswith(f"cannot write {out}") for m in messages))
        assert "still watching" in messages[0]
        out.rmdir()
        (data / "actors.csv").write_text((data / "actors.csv").read_text("utf-8") + "\n", "utf-8")
        assert _wait_for(_rebuilt(messages, 1))
        assert out.is_file()
    assert not thread.is_alive()


def test_watch_open_builds_once_then_opens(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from graph.cli import cli

    data = tmp_path / "d"
    shutil.copytree(FIXTURES / "odd-valid", data)
    out = tmp_path / "graph.html"
    opened = []

    def open_then_stop(url):
        opened.append(url)
        raise KeyboardInterrupt  # ends the loop as Ctrl-C would

    monkeypatch.setattr(webbrowser, "open", open_then_stop)
    r = CliRunner().invoke(cli, ["watch", str(data), "-o", str(out), "--open"])
    assert r.exit_code == 0, r.output
    assert opened == [out.resolve().as_uri()]
    assert r.stdout.count("rebuilt") == 1
    assert "stopped" in r.stderr


def _built(data, out):
    from click.testing import CliRunner

    from graph.cli import cli

    assert CliRunner().invoke(cli, ["build", str(data), "-o", str(out)]).exit_code == 0
    return out.read_text("utf-8")


def test_ctrl_c_leaves_the_page_as_a_build_writes_it_and_no_stamp_file(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from graph.cli import cli

    data = tmp_path / "d"
    shutil.copytree(FIXTURES / "odd-valid", data)
    out = tmp_path / "graph.html"
    monkeypatch.setattr(webbrowser, "open", lambda url: (_ for _ in ()).throw(KeyboardInterrupt))
    r = CliRunner().invoke(cli, ["watch", str(data), "-o", str(out), "--open"])
    assert r.exit_code == 0 and "stopped" in r.stderr, r.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d", "graph.html"]
    assert out.read_text("utf-8") == _built(data, tmp_path / "b.html")


def test_a_stopped_watch_of_broken_data_keeps_the_last_good_page_without_its_script(tmp_path):
    data = tmp_path / "d"
    shutil.copytree(FIXTURES / "odd-valid", data)
    out = tmp_path / "out" / "graph.html"
    good = _built(data, tmp_path / "b.html")
    messages = []
    with _watch_thread(data, out, messages) as thread:
        assert _wait_for(_rebuilt(messages, 1))
        assert stamp_path(out).exists()
        rel = data / "relations.csv"
        rel.write_text(rel.read_text("utf-8-sig").replace("RUS", "RUSS", 1), "utf-8")
        assert _wait_for(lambda: any("kept the last good" in m for m in messages))
    assert not thread.is_alive()
    assert sorted(p.name for p in out.parent.iterdir()) == ["graph.html"]
    assert out.read_text("utf-8") == good


def _watch_process(data, out):
    """``geograph watch`` as a real process in its own session, once its first page is written."""
    import subprocess
    import sys

    proc = subprocess.Popen(
        [sys.executable, "-m", "graph", "watch", str(data), "-o", str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    if not _wait_for(lambda: stamp_path(out).exists() or proc.poll() is not None, 60):
        proc.kill()
        pytest.fail("the watch wrote no page")
    return proc


@pytest.mark.parametrize("name", ["SIGINT", "SIGTERM", "SIGHUP"])
def test_a_signal_leaves_the_page_as_a_build_writes_it(tmp_path, name):
    import signal

    data = tmp_path / "d"
    shutil.copytree(FIXTURES / "odd-valid", data)
    out = tmp_path / "graph.html"
    proc = _watch_process(data, out)
    proc.send_signal(getattr(signal, name))
    try:
        output = proc.communicate(timeout=60)[0].decode()
    finally:
        proc.kill()
    assert proc.returncode == 0, output
    assert "stopped" in output, output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d", "graph.html"]
    assert out.read_text("utf-8") == _built(data, tmp_path / "b.html")


def test_a_signal_sent_twice_as_timeout_does_still_tidies(tmp_path):
    """``timeout -s INT`` signals the watch, then its whole process group."""
    import signal

    data = tmp_path / "d"
    shutil.copytree(FIXTURES / "odd-valid", data)
    out = tmp_path / "graph.html"
    proc = _watch_process(data, out)
    os.kill(proc.pid, signal.SIGINT)
    os.killpg(proc.pid, signal.SIGINT)
    try:
        output = proc.communicate(timeout=60)[0].decode()
    finally:
        proc.kill()
    assert proc.returncode == 0 and "stopped" in output, output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d", "graph.html"]
    assert out.read_text("utf-8") == _built(data, tmp_path / "b.html")


def test_a_second_signal_does_not_cut_the_tidying_short():
    import signal

    from graph.watch import _stopped_by_signals

    # as in a fresh process (an earlier test may have left, say, pyspark's SIGINT handler)
    before = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)}
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    try:
        with _stopped_by_signals() as hold:
            with pytest.raises(KeyboardInterrupt):
                os.kill(os.getpid(), signal.SIGTERM)
                time.sleep(1)  # the handler runs at the next bytecode; never reached
            hold()
            os.kill(os.getpid(), signal.SIGINT)  # held: no KeyboardInterrupt
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(0.05)
        assert signal.getsignal(signal.SIGTERM) == signal.SIG_DFL
        assert signal.getsignal(signal.SIGINT) == signal.default_int_handler
    finally:
        for sig, handler in before.items():
            signal.signal(sig, handler)


def test_a_page_whose_stamp_file_was_not_written_is_tidied(tmp_path):
    """A watch stopped between writing the page and its stamp file leaves no script."""
    from graph.watch import _tidy

    data = tmp_path / "d"
    shutil.copytree(FIXTURES / "odd-valid", data)
    out = tmp_path / "graph.html"
    build_once(data, out, "1-2")
    stamp_path(out).unlink()
    _tidy(out)
    assert out.read_text("utf-8") == _built(data, tmp_path / "b.html")
