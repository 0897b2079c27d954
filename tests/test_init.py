"""`geograph init`: a new dataset that passes check, and never an overwrite."""

from click.testing import CliRunner

import graph
from graph.cli import cli
from graph.init import init_dataset


def test_init_writes_a_dataset_that_checks_clean(tmp_path):
    d = tmp_path / "new"
    r = CliRunner().invoke(cli, ["init", str(d)])
    assert r.exit_code == 0
    names = ["actors.csv", "relations.csv", "sources.csv", "relation_types.csv"]
    assert r.stdout.splitlines() == [str(d / n) for n in names]
    assert graph.check(d) == []  # no error, no warning
    ds = graph.load(d)
    assert len(ds.records("relations")) == 1 and len(ds.records("sources")) == 1
    assert "cyberattack" in ds.vocabulary  # the example type of one's own
    assert CliRunner().invoke(cli, ["build", str(d), "-o", str(tmp_path / "g.html")]).exit_code == 0


def test_init_refuses_to_overwrite_anything(tmp_path):
    (tmp_path / "relations.csv").write_text("mine", "utf-8")
    r = CliRunner().invoke(cli, ["init", str(tmp_path)])
    assert r.exit_code == 1
    assert "relations.csv already exists" in r.output and "Traceback" not in r.output
    assert (tmp_path / "relations.csv").read_text("utf-8") == "mine"
    assert not (tmp_path / "actors.csv").exists()  # nothing half-written


def test_init_into_a_file_path_is_a_clean_error(tmp_path):
    f = tmp_path / "afile"
    f.write_text("x", "utf-8")
    r = CliRunner().invoke(cli, ["init", str(f)])
    assert r.exit_code == 1 and "Error:" in r.output and "Traceback" not in r.output


def test_library_call_matches_the_command(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    init_dataset(a)
    CliRunner().invoke(cli, ["init", str(b)])
    for name in ("actors.csv", "relations.csv", "sources.csv", "relation_types.csv"):
        assert (a / name).read_bytes() == (b / name).read_bytes()
