"""Outputs are written atomically: a failure leaves the previous file and no debris."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from graph.files import alive, atomic_open, atomic_path, atomic_write
from graph.problems import OutputError


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


def test_the_temporary_file_names_its_process(tmp_path):
    target = tmp_path / "graph.html"
    with atomic_path(target) as tmp:
        name = Path(tmp).name
        assert name.startswith(f".graph.html.{os.getpid()}.") and name.endswith(".tmp")
    assert not Path(tmp).exists()


def test_a_symlink_output_writes_its_target(tmp_path):
    real = tmp_path / "real.txt"
    real.write_text("old", "utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    atomic_write(link, "new")
    assert link.is_symlink() and real.read_text("utf-8") == "new"


def test_a_read_only_output_is_refused_and_kept(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("keep", "utf-8")
    target.chmod(0o444)
    with pytest.raises(OutputError, match=r"read-only; make it writable \(chmod u\+w"):
        atomic_write(target, "new")
    assert target.read_text("utf-8") == "keep"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_a_dead_process_is_not_alive():
    p = subprocess.Popen([sys.executable, "-c", "pass"])
    p.wait()
    assert alive(os.getpid()) and not alive(p.pid)
