"""Never lose data: a generated dataset written as CSV and read back is the same graph."""

import io
import shutil
from pathlib import Path

import networkx as nx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import graph
from graph.dataset import Dataset
from graph.schema import ACTOR_COLUMNS, RELATION_COLUMNS, SOURCE_COLUMNS
from graph.validate import Tables
from graph.vocabulary import ACTOR_TYPES, STATUSES, default_vocabulary

VOCAB = default_vocabulary()
HOSTILE = [
    "</script><script>alert(1)</script>",
    "=cmd|' /C calc'!A0",
    "+1+2",
    "-",
    "@SUM(A1)",
    "'=already escaped",
    "''-x",
    "a,b",
    'say "hi"',
    "two\nlines",
    "cr\rlf\r\nend",
    "\u202etxet",
    "javascript:alert(1)",
    "日本語; 한국어",
    "'",
    "-9.2",
    "null",
    "None",
    "\x00nul",
]
# cells are trimmed on reading: generate trimmed text
text = (
    st.one_of(
        st.sampled_from(HOSTILE),
        st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=15),
    )
    .map(str.strip)
    .filter(bool)
)
maybe = st.none() | text
ident = st.from_regex(r"[^\s,;|\"'<>&\x00-\x1f\x7f-\x9f]{1,10}", fullmatch=True).filter(
    lambda s: s == s.strip()
)


@st.composite
def dates(draw):
    def one():
        y = draw(st.integers(1900, 2100))
        form = draw(st.sampled_from(["y", "m", "d"]))
        m, d = draw(st.integers(1, 12)), draw(st.integers(1, 28))
        return {"y": f"{y}", "m": f"{y}-{m:02d}", "d": f"{y}-{m:02d}-{d:02d}"}[form]

    start, end = draw(st.none() | st.builds(one)), draw(st.none() | st.builds(one))
    if start and end:
        start, end = sorted([start, end], key=lambda t: graph.dates.parse_date(t).first)
        if graph.dates.parse_date(end).last < graph.dates.parse_date(start).first:
            end = start
    return start, end


def header(known, extras):
    """Known columns in any case and order, then extra columns."""
    cases = st.sampled_from([str.lower, str.upper, str.title])
    return st.tuples(
        st.permutations(known), st.lists(cases, min_size=len(known), max_size=len(known))
    ).map(lambda t: [f(c) for f, c in zip(t[1], t[0])] + extras)


def extras(known):
    taken = {k.lower() for k in known}
    return st.lists(
        text.filter(lambda h: h.lower().strip() not in taken),
        max_size=2,
        unique_by=lambda h: h.strip().lower(),
    )


@st.composite
def tables(draw):
    t = Tables()
    t.vocabulary = default_vocabulary()
    src_extra = draw(extras(SOURCE_COLUMNS))
    act_extra = draw(extras(ACTOR_COLUMNS))
    rel_extra = draw(extras(RELATION_COLUMNS))
    t.columns = {
        "sources": draw(header(SOURCE_COLUMNS, src_extra)),
        "actors": draw(header(ACTOR_COLUMNS, act_extra)),
        "relations": draw(header(RELATION_COLUMNS, rel_extra)),
    }
    for sid in draw(st.lists(ident, max_size=3, unique=True)):
        published = draw(dates())[0]
        t.sources.append(
            {
                "id": sid,
                "title": draw(maybe),
                "publisher": draw(maybe),
                "author": draw(maybe),
                "published": published,
                "url": draw(maybe),
                **{h: draw(maybe) for h in src_extra},
            }
        )
    ids = draw(st.lists(ident, min_size=1, max_size=5, unique_by=str.casefold))
    alias = text.filter(lambda a: ";" not in a)
    for aid in ids:
        t.actors.append(
            {
                "id": aid,
                "name": draw(text),
                "type": draw(st.sampled_from(ACTOR_TYPES)),
                "aliases": draw(st.lists(alias, max_size=3)),
                "group": draw(maybe),
                "description": draw(maybe),
                **{h: draw(maybe) for h in act_extra},
            }
        )
    sources = [s["id"] for s in t.sources]
    for rid in draw(st.lists(ident, max_size=6, unique=True)):
        start, end = draw(dates())
        t.relations.append(
            {
                "id": rid,
                "source": draw(st.sampled_from(ids)),
                "target": draw(st.sampled_from(ids)),
                "relation": draw(st.sampled_from(sorted(VOCAB))),
                "sign": draw(st.sampled_from([-1, 0, 1])),
                "intensity": draw(st.floats(-10, 10, allow_nan=False)),
                "directed": draw(st.booleans()),
                "status": draw(st.sampled_from(STATUSES)),
                "start": start,
                "end": end,
                "source_id": draw(st.none() | st.sampled_from(sources)) if sources else None,
                "said_by": draw(maybe),
                "quote": draw(maybe),
                "note": draw(maybe),
                **{h: draw(maybe) for h in rel_extra},
            }
        )
    return t


def _same(G, H):
    assert dict(G.nodes(data=True)) == dict(H.nodes(data=True))
    assert sorted(G.edges(keys=True, data=True), key=str) == sorted(
        H.edges(keys=True, data=True), key=str
    )
    assert G.graph["sources"] == H.graph["sources"]
    assert G.graph["relation_types"] == H.graph["relation_types"]


@settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(t=tables())
def test_write_then_read_gives_the_same_graph(tmp_path_factory, t):
    ds = Dataset(t, name="generated")
    out = tmp_path_factory.mktemp("rt")
    graph.write_csv(ds, out)
    back = graph.load(out)
    _same(ds.to_networkx(), back.to_networkx())
    assert back.columns == ds.columns  # same columns, same order, as written


def test_formula_cells_are_neutralised_in_the_file_and_restored_on_reading(tmp_path):
    import csv

    shutil.copytree("data", tmp_path / "in")
    actors = tmp_path / "in" / "actors.csv"
    with actors.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    formula = '=HYPERLINK("http://evil","x")'
    rows[1][rows[0].index("description")] = formula
    with actors.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    ds = graph.load(tmp_path / "in")
    assert ds.records("actors")[0]["description"] == formula
    tmp_path = tmp_path / "out"
    graph.write_csv(ds, tmp_path)
    text = (tmp_path / "actors.csv").read_text("utf-8")
    assert "'=HYPERLINK" in text
    assert graph.load(tmp_path).records("actors")[0]["description"] == formula
    rel = (tmp_path / "relations.csv").read_text("utf-8")
    assert ",-9.2," in rel and "'-" not in rel  # numbers stay numbers


def test_export_of_the_shipped_data_is_byte_stable(tmp_path):
    graph.write_csv(graph.load("data"), tmp_path / "a")
    graph.write_csv(graph.load(tmp_path / "a"), tmp_path / "b")
    for name in ("actors.csv", "relations.csv", "sources.csv"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def _gephi_tables(gexf: bytes, folder: Path) -> tuple[Path, Path]:
    """The nodes and edges tables that Gephi's data laboratory exports of a GEXF file.

    Gephi's own columns first (nodes: Id, Label; edges: Source, Target,
    Type, Id, Label, Interval, Weight), then one column per attribute, by
    its title, as Gephi keeps them.
    """
    import csv

    G = nx.read_gexf(io.BytesIO(gexf))
    own = {"label", "id", "start", "end", "weight"}
    nodes, edges = folder / "nodes.csv", folder / "edges.csv"
    names = sorted({k for _, d in G.nodes(data=True) for k in d} - own)
    with nodes.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["Id", "Label", *names])
        w.writerows([n, d["label"], *(d.get(k, "") for k in names)] for n, d in G.nodes(data=True))
    names = sorted({k for *_, d in G.edges(data=True) for k in d} - own)
    with edges.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["Source", "Target", "Type", "Id", "Label", "Interval", "Weight", *names])
        for u, v, d in G.edges(data=True):
            days = f"<[{d.get('start', '-Infinity')}, {d.get('end', 'Infinity')}]>"
            w.writerow(
                [u, v, "Directed" if d["directed"] else "Undirected", d["id"], d["label"]]
                + [days if {"start", "end"} & d.keys() else "", d.get("weight", "")]
                + [str(d.get(k, "")).lower() if k == "directed" else d.get(k, "") for k in names]
            )
    return nodes, edges


def test_gephis_tables_of_the_gexf_import_back_as_the_same_relations(tmp_path):
    """GEXF -> Gephi -> its nodes and edges tables -> geograph import gephi: the same data."""
    from graph.convert import from_gephi, write_dataset
    from graph.dates import interval

    G = graph.load("data").to_networkx()
    nodes, edges = _gephi_tables(graph.to_gexf(G, mixed="directed"), tmp_path)
    write_dataset(from_gephi(nodes, edges), tmp_path / "back")
    H = graph.load(tmp_path / "back").to_networkx()
    assert sorted(H.edges(keys=True)) == sorted(G.edges(keys=True))
    same = ("relation", "sign", "intensity", "directed", "status", "quote", "said_by", "note")
    for u, v, k, d in G.edges(keys=True, data=True):
        back = H.edges[u, v, k]
        assert {f: back[f] for f in same} == {f: d[f] for f in same}, k
        # whole days, as Gephi's timeline holds them: the same period
        assert interval(back["start"], back["end"]) == interval(d["start"], d["end"]), k
        assert back["source_id (original)"] == d["source_id"]  # kept: the import has no sources
    fields = ("name", "type", "aliases", "group", "description")
    assert {n: [H.nodes[n][f] for f in fields] for n in H} == {
        n: [G.nodes[n][f] for f in fields] for n in G
    }
    assert set(H.nodes["PRK"]) == set(G.nodes["PRK"])  # no column of the name again
