"""Fault injection: SIGKILL at many points, a full disk; the invariants of graph/write.py.

A killed ``build``, ``export --format csv`` or ``import kumu`` leaves the old
output whole or the new one whole (a dataset folder after
:func:`graph.write.recover`, which the next read or write runs), never its
inputs changed, and no stray file once the next run has finished.
"""

from __future__ import annotations

import csv
import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from benchmarks.synthetic import make_dataset

from graph.write import recover

KILLS = 5  # kill points per command
LIMIT = 60  # seconds: no single run may take longer


def digest(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` (hidden ones included) by relative path, with a hash."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def geograph(*args: str | Path) -> list[str]:
    return [sys.executable, "-m", "graph", *map(str, args)]


def run(args: list[str]) -> float:
    start = time.monotonic()
    r = subprocess.run(args, capture_output=True, text=True, timeout=LIMIT)
    assert r.returncode == 0, r.stderr
    return time.monotonic() - start


def kill_after(args: list[str], delay: float) -> None:
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        proc.wait(timeout=delay)
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=LIMIT)


def delays(seconds: float) -> list[float]:
    """Kill points from start-up to just past the usual end, denser near the end (the writes)."""
    return [seconds * (0.3 + 0.75 * (i / (KILLS - 1)) ** 0.5) for i in range(KILLS)]


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    """A synthetic dataset of 10,000 relations, and the same as Kumu's two sheets."""
    root = tmp_path_factory.mktemp("faults")
    data = make_dataset(root / "data", 1_000, 10_000)
    kumu = root / "kumu"
    kumu.mkdir()
    with (data / "actors.csv").open(encoding="utf-8", newline="") as fh:
        actors = list(csv.DictReader(fh))
    with (data / "relations.csv").open(encoding="utf-8", newline="") as fh:
        relations = list(csv.DictReader(fh))
    with (kumu / "elements.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Label", "Type", "Description"])
        w.writerows([a["id"], "Organization", a["description"]] for a in actors)
    with (kumu / "connections.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["From", "To", "Type", "Description", "Start"])
        w.writerows(
            [r["source"], r["target"], r["relation"], r["quote"], r["start"]] for r in relations
        )
    return root, data, kumu


def _old_dataset(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "actors.csv").write_text("id,name\nOLD,Old actor\n", "utf-8")
    (folder / "relations.csv").write_text("source,target,relation\n", "utf-8")
    (folder / "relation_types.csv").write_text("relation,sign\nold-type,1\n", "utf-8")


def test_killed_build_keeps_the_page_whole_and_the_next_run_cleans_up(big):
    root, data, _ = big
    inputs = digest(data)
    out = root / "build" / "graph.html"
    seconds = run(geograph("build", data, "-o", out))
    new = out.read_bytes()
    for delay in delays(seconds):
        out.write_text("old page", "utf-8")
        kill_after(geograph("build", data, "-o", out), delay)
        assert out.read_bytes() in (b"old page", new)
        assert digest(data) == inputs
    run(geograph("build", data, "-o", out))
    assert sorted(p.name for p in out.parent.iterdir()) == ["graph.html"]


@pytest.mark.parametrize("command", ["export", "import-kumu"])
def test_killed_dataset_write_leaves_the_old_or_the_new_dataset_whole(big, command):
    root, data, kumu = big
    out = root / f"out-{command}"
    if command == "export":
        args = geograph("export", data, "-f", "csv", "-o", out, "--force")
        inputs = data
    else:
        args = geograph(
            "import", "kumu", kumu / "elements.csv", kumu / "connections.csv", "-o", out, "--force"
        )
        inputs = kumu
    before_inputs = digest(inputs)
    seconds = run(args)
    new = digest(out)
    shutil.rmtree(out)
    _old_dataset(out)
    old = digest(out)
    outcomes = set()
    for delay in delays(seconds):
        kill_after(args, delay)
        recover(out)  # what the next read or write of the folder does first
        now = digest(out)
        assert now in (old, new), f"a mix after a kill at {delay:.2f}s: {sorted(now)}"
        outcomes.add("new" if now == new else "old")
        assert digest(inputs) == before_inputs
        if now == new:
            shutil.rmtree(out)
            _old_dataset(out)
    run(args)
    assert digest(out) == new  # no stray file: only the dataset's own files
    assert "old" in outcomes  # the kills did land before the end


def _mount_tmpfs(where: Path, size: str) -> bool:
    if os.geteuid() != 0 or not shutil.which("mount"):
        return False
    where.mkdir()
    r = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
        capture_output=True,
        timeout=30,
    )
    return r.returncode == 0


def test_a_full_disk_leaves_the_old_dataset_whole(big, tmp_path):
    _, data, _ = big
    disk = tmp_path / "disk"
    if not _mount_tmpfs(disk, "512k"):
        pytest.skip("needs root and a tmpfs mount")
    try:
        out = disk / "d"
        _old_dataset(out)
        old = digest(out)
        for args in (
            geograph("export", data, "-f", "csv", "-o", out, "--force"),
            geograph("build", data, "-o", out / "graph.html"),
            geograph("export", data, "-f", "json", "-o", out / "graph.json"),
        ):
            r = subprocess.run(args, capture_output=True, text=True, timeout=LIMIT)
            assert r.returncode == 1, r.stderr
            last = r.stderr.strip().splitlines()[-1]  # after a line about the data's warnings
            assert last.startswith("Error: cannot write") and "Traceback" not in r.stderr
            assert last.endswith("No space left on device"), r.stderr
            assert digest(out) == old
        assert sorted(p.name for p in disk.iterdir()) == ["d"]
    finally:
        subprocess.run(["umount", str(disk)], capture_output=True, timeout=30)
