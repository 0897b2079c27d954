"""Outputs are written atomically: a failure leaves the previous file and no debris."""

import pytest

from graph.files import atomic_open, atomic_write


def test_failed_write_keeps_the_previous_file(tmp_path):
    target = tmp_path / "graph.html"
    atomic_write(target, "previous")
    with pytest.raises(RuntimeError), atomic_open(target) as fh:
        fh.write("half a page")
        raise RuntimeError("interrupted")
    assert target.read_text("utf-8") == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.html"]


def test_write_creates_folders_and_readable_files(tmp_path):
    target = atomic_write(tmp_path / "a" / "b" / "out.bin", b"\x00\x01")
    assert target.read_bytes() == b"\x00\x01"
    assert target.stat().st_mode & 0o044  # not the owner-only mode of a temp file
