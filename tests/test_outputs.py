"""No command writes over a file its dataset reads, nor writes a format under another's name."""

import hashlib
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import graph
from graph.cli import cli
from graph.problems import OutputError

DATA = Path(__file__).resolve().parent.parent / "data"


@pytest.fixture
def run():
    runner = CliRunner()

    def _run(*args):
        return runner.invoke(cli, [str(a) for a in args], catch_exceptions=False)

    return _run


@pytest.fixture
def data(tmp_path):
    d = tmp_path / "data"
    shutil.copytree(DATA, d)
    return d


def _sums(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha1(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.mark.parametrize(
    "command",
    [
        ["export", "{d}", "-f", "json", "-o", "{d}/dw-2020-07-14.txt"],
        ["export", "{d}", "-f", "json", "-o", "{d}/README.md"],
        ["export", "{d}", "-f", "graphml", "-o", "{d}/lexicon.csv"],
        ["build", "{d}", "-o", "{d}/dw-2020-07-14.txt"],
        ["build", "{d}", "-o", "{d}/README.md"],
        ["build", "{d}", "-o", "{d}/notes/mine.html"],
        ["watch", "{d}", "-o", "{d}/dw-2020-07-14.txt"],
        ["suggest", "{d}/dw-2020-07-14.txt", "--data", "{d}", "-o", "{d}/README.md"],
    ],
)
def test_no_command_writes_over_a_file_of_the_dataset(run, data, command):
    (data / "lexicon.csv").write_text("phrase,relation\n", "utf-8")
    (data / "notes").mkdir()
    (data / "notes" / "mine.html").write_text("<p>my notes</p>", "utf-8")
    before = _sums(data)
    r = run(*(c.format(d=data) for c in command))
    assert r.exit_code == 1, r.output
    assert "is a file of the dataset" in r.stderr and "choose an output outside" in r.stderr
    assert "Traceback" not in r.output
    assert _sums(data) == before


def test_a_page_or_export_of_its_own_in_the_dataset_folder_may_be_replaced(run, data):
    for _ in range(2):
        assert run("build", data, "-q", "-o", data / "graph.html").exit_code == 0
        assert run("export", data, "-o", data / "graph.json").exit_code == 0
        assert run("export", data, "-o", data / "graph.gexf").exit_code == 0
    assert run("check", data).exit_code == 0


def test_a_workbook_texts_beside_it_are_never_written_over(tmp_path):
    (tmp_path / "dw-2020-07-14.txt").write_text("the article", "utf-8")
    with pytest.raises(OutputError, match="is a file of the dataset"):
        graph.write.check_output(tmp_path / "dw-2020-07-14.txt", [tmp_path / "book.xlsx"])


@pytest.mark.parametrize(
    ("command", "message"),
    [
        (
            ["export", "{d}", "-f", "graphml", "-o", "{o}/x.gexf"],
            "x.gexf names a .gexf file, but this writes graphml; name the output x.graphml",
        ),
        (["export", "{d}", "-f", "json", "-o", "{o}/x.html"], "name the output x.json"),
        (
            ["export", "{d}", "-f", "csv", "-o", "{o}/x.csv"],
            "this writes a folder of dataset files; give a folder name such as",
        ),
        (
            ["build", "{d}", "-o", "{o}/out.png"],
            "out.png names a .png file, but this writes html; name the output out.html",
        ),
        (["watch", "{d}", "-o", "{o}/out.svg"], "name the output out.html"),
        (["init", "{o}/new.json"], "give a folder name such as"),
        (
            ["suggest", "{d}/dw-2020-07-14.txt", "--data", "{d}", "-o", "{o}/draft.png"],
            "name the output draft.csv",
        ),
    ],
)
def test_an_output_named_for_another_format_is_refused(run, data, tmp_path, command, message):
    out = tmp_path / "out"
    out.mkdir()
    r = run(*(c.format(d=data, o=out) for c in command))
    assert r.exit_code == 1, r.output
    assert message in r.stderr
    assert list(out.iterdir()) == []


@pytest.mark.parametrize(
    ("name", "start"),
    [("g.json", b"{"), ("g.GRAPHML", b"<?xml"), ("g.xml", b"<?xml"), ("g.gexf", b"<?xml")],
)
def test_export_takes_the_format_from_the_suffix(run, data, tmp_path, name, start):
    r = run("export", data, "-o", tmp_path / name)
    assert r.exit_code == 0, r.output
    assert (tmp_path / name).read_bytes().startswith(start)
    if name.lower().endswith((".graphml", ".xml")):
        assert b"<graphml" in (tmp_path / name).read_bytes()[:400]


@pytest.mark.parametrize("output", ["-", "graph.txt", "graph"])
def test_export_without_a_format_it_can_tell_asks_for_one(run, data, tmp_path, output):
    r = run("export", data, "-o", output if output == "-" else tmp_path / output)
    assert r.exit_code == 2
    assert "give the format with -f" in r.stderr


def test_render_html_refuses_a_picture_name(tmp_path):
    with pytest.raises(OutputError, match="name the output view.html"):
        graph.render_html(graph.load(DATA), tmp_path / "view.png")
    assert not (tmp_path / "view.png").exists()
