"""The shipped article dataset: valid, complete, and every relation traceable to a quote."""

import csv
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import graph

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
ARTICLE = DATA / "dw-2020-07-14.txt"


@pytest.fixture(scope="module")
def G():
    return graph.load(DATA).to_networkx()


def test_shipped_data_has_no_problem_at_all():
    assert [str(p) for p in graph.check(DATA)] == []


def test_the_five_states_are_there(G):
    states = {n for n, d in G.nodes(data=True) if d["type"] == "state"}
    assert states == {"PRK", "KOR", "USA", "CHN", "RUS"}


def test_graph_matches_the_csv_rows(G):
    with open(DATA / "relations.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    with open(DATA / "actors.csv", encoding="utf-8", newline="") as fh:
        actors = list(csv.DictReader(fh))
    assert G.number_of_edges() == len(rows)
    assert G.number_of_nodes() == len(actors)
    assert sorted(k for _, _, k in G.edges(keys=True)) == sorted(r["id"] for r in rows)


def test_every_relation_has_a_quote_and_a_source(G):
    for _, _, d in G.edges(data=True):
        assert d["quote"], d["id"]
        assert d["source_id"] in G.graph["sources"], d["id"]


def test_every_quote_is_verbatim_from_the_article(G):
    text = ARTICLE.read_text("utf-8")
    for _, _, d in G.edges(data=True):
        assert d["quote"] in text, d["id"]


def test_claims_and_forecasts_say_who_asserts_them(G):
    for _, _, d in G.edges(data=True):
        if d["status"] in ("claim", "forecast"):
            assert d["said_by"], d["id"]
        else:
            assert d["said_by"] is None, d["id"]


def test_forecasts_are_kept_apart_from_facts(G):
    """'may soon start testing weapons' and 'may very well send troops back' are forecasts."""
    forecasts = {d["quote"] for _, _, d in G.edges(data=True) if d["status"] == "forecast"}
    assert any("may soon start testing weapons" in q for q in forecasts)
    assert any("may very well be to send troops back" in q for q in forecasts)
    facts = {d["quote"] for _, _, d in G.edges(data=True) if d["status"] == "fact"}
    assert not any(" may " in f" {q} " or q == "likely to continue" for q in facts)


def test_petrov_interpretations_are_claims(G):
    petrov = [d for _, _, d in G.edges(data=True) if d["said_by"] == "Leonid Petrov"]
    assert {d["status"] for d in petrov} == {"claim", "forecast"}
    assert any(d["status"] == "claim" and "no need to communicate" in d["quote"] for d in petrov)


def test_key_relations_of_the_article(G):
    def has(u, v, relation, status, start=None):
        return any(
            d["relation"] == relation
            and d["status"] == status
            and (start is None or (d["start"] or "").startswith(start))
            for d in G.get_edge_data(u, v, default={}).values()
        )

    assert has("PRK", "KOR", "coerce", "fact", "2020-06-16")  # the liaison office (CAMEO 1712)
    assert has("PRK", "KOR", "agree", "fact", "2018")  # the 2018 military agreement
    assert has("PRK", "KOR", "cooperate", "fact", "2017")  # bridge-building
    assert has("PRK", "USA", "cooperate", "fact", "2017")
    assert has("USA", "CHN", "reduce-relations", "fact")
    assert has("USA", "RUS", "reduce-relations", "fact")
    assert has("CHN", "PRK", "support", "forecast")
    assert has("RUS", "PRK", "support", "forecast")
    assert has("KOR", "PRK", "appeal", "fact")


def _files(folder):
    return {
        p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.suffix in (".csv", ".txt")
    }


def test_article_dataset_is_the_data_folder_from_any_directory(tmp_path):
    """graph.datasets.article() is data/ itself (one copy), found from any working directory."""
    code = "import graph; p = graph.datasets.article(); print(p); print(len(graph.check(p)))"
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert out == [str(DATA.resolve()), "0"]
    assert _files(graph.datasets.article()) == _files(DATA)


def test_a_wheel_ships_the_article_dataset(tmp_path):
    """Built as a wheel and installed, the package carries the same files as data/."""
    src = tmp_path / "src"
    skip = shutil.ignore_patterns(".venv", ".git", "build", "dist", "*.egg-info", "__pycache__")
    shutil.copytree(ROOT, src, symlinks=True, ignore=skip)
    pip = [sys.executable, "-m", "pip", "-q", "--disable-pip-version-check"]
    subprocess.run(
        [*pip, "wheel", "--no-deps", "--no-build-isolation", "-w", tmp_path / "dist", src],
        check=True,
        capture_output=True,
    )
    (wheel,) = (tmp_path / "dist").glob("geograph-*.whl")
    with zipfile.ZipFile(wheel) as z:
        shipped = {Path(n).name: z.read(n) for n in z.namelist() if n.startswith("graph/article/")}
    assert shipped == _files(DATA)
    target = tmp_path / "site"
    subprocess.run([*pip, "install", "--no-deps", "--target", target, wheel], check=True)
    code = "import graph; p = graph.datasets.article(); print(p); print(len(graph.check(p)))"
    env = {**os.environ, "PYTHONPATH": str(target)}
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert out.stdout.splitlines() == [str((target / "graph" / "article").resolve()), "0"], (
        out.stderr
    )
