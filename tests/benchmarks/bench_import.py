"""Import benchmark: geograph's GDELT importer against DuckDB and pandas.

Makes a synthetic GDELT 2.0 events export (61 tab-separated columns, no
header, about 450 bytes a row like the real files), reads it once so that it
is in the page cache, then runs each contender in its own subprocess so that
peak memory (``ru_maxrss``) is that contender's alone. Time is measured in
the process, libraries already imported; CPU seconds (all threads) are shown
beside it because they vary less on a busy machine. Contenders:

- ``geograph``: :func:`graph.events.import_gdelt` writing a full dataset;
- ``duckdb``: DuckDB's own ``read_csv`` + ``GROUP BY`` of the same eight
  columns geograph reads (dyad, year, CAMEO root; count, mean and sum of
  Goldstein, mentions, a quad class, one URL), result fetched, same reader
  settings; the reference of the ratio;
- ``pandas``: ``pandas.read_csv`` (C engine, ``usecols`` the same columns) + ``groupby``;
- ``duckdb-5col`` (on request): the first benchmark's narrower query, five
  columns and no URL;
- ``geograph-scan`` (on request): geograph's own aggregation statement alone
  (read, group-by, top-3 evidence, into a table, as the import runs it), no
  ids, no files: what the import's first step costs against the reference,
  and so, by difference from ``geograph``, what the rest (actors, the write of
  relations.csv) costs, in the same run;
- ``geograph-baseline``, ``geograph-scan-baseline`` (with ``--baseline SRC``):
  the same two, with the ``graph`` package of another source tree (say
  ``git worktree add /tmp/before main``): the before and after of a change in
  one run, interleaved, with whether both imports wrote the same bytes.

Run from the repository root::

    python -m tests.benchmarks.bench_import --rows 1000000 --repeat 3   # best of 3
    python -m tests.benchmarks.bench_import --rows 1000000 4000000 --countries 40
                                           # saturated pairs: memory vs rows
    python -m tests.benchmarks.bench_import --rows 20000                # quick check
    python -m tests.benchmarks.bench_import --file g1m.csv --repeat 3   # an existing export
    python -m tests.benchmarks.bench_import --file g1m.csv --repeat 5 \
        --contenders geograph geograph-scan duckdb --baseline /tmp/before  # before/after

Figures are printed as a table with ratios measured in the same run (of wall
time, and of CPU seconds, which a busy machine disturbs less), followed by
the load average before and after. The busiest thread's CPU seconds show how much
of the work one thread did alone (a step that runs on one core). The generated files live in a temporary folder that is deleted afterwards.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

__all__ = [
    "make_gdelt_file",
    "run_contender",
    "run_benchmark",
    "format_table",
    "load_average",
    "main",
]

CONTENDERS = ("geograph", "duckdb", "pandas")
_BASELINE = "-baseline"
EXTRA_CONTENDERS = (
    "duckdb-5col",
    "geograph-scan",
    "geograph" + _BASELINE,
    "geograph-scan" + _BASELINE,
)
_COLUMNS_FILE = (
    Path(__file__).resolve().parents[2] / "graph" / "events" / "gdelt2_event_columns.txt"
)

# Country codes in rough order of how often GDELT names them (skewed draw).
_COUNTRIES = [
    "USA",
    "CHN",
    "RUS",
    "GBR",
    "IND",
    "ISR",
    "IRN",
    "FRA",
    "DEU",
    "PAK",
    "AUS",
    "CAN",
    "JPN",
    "TUR",
    "UKR",
    "SYR",
    "KOR",
    "PRK",
    "AFG",
    "IRQ",
    "SAU",
    "NGA",
    "EGY",
    "ZAF",
    "MEX",
    "BRA",
    "ITA",
    "ESP",
    "PHL",
    "IDN",
    "MYS",
    "VNM",
    "THA",
    "BGD",
    "LKA",
    "NPL",
    "KEN",
    "ETH",
    "SDN",
    "SSD",
    "SOM",
    "LBY",
    "TUN",
    "DZA",
    "MAR",
    "YEM",
    "QAT",
    "ARE",
    "KWT",
    "OMN",
    "JOR",
    "LBN",
    "PSE",
    "CYP",
    "GRC",
    "BGR",
    "ROU",
    "SRB",
    "HRV",
    "BIH",
    "POL",
    "CZE",
    "SVK",
    "HUN",
    "AUT",
    "CHE",
    "NLD",
    "BEL",
    "LUX",
    "DNK",
    "NOR",
    "SWE",
    "FIN",
    "IRL",
    "ISL",
    "PRT",
    "EST",
    "LVA",
    "LTU",
    "BLR",
    "MDA",
    "GEO",
    "ARM",
    "AZE",
    "KAZ",
    "UZB",
    "TKM",
    "KGZ",
    "TJK",
    "MNG",
    "TWN",
    "HKG",
    "SGP",
    "MMR",
    "KHM",
    "LAO",
    "NZL",
    "FJI",
    "PNG",
    "ARG",
    "CHL",
    "PER",
    "COL",
    "VEN",
    "ECU",
    "BOL",
    "PRY",
    "URY",
    "CUB",
    "HTI",
    "DOM",
    "JAM",
    "GTM",
    "HND",
    "SLV",
    "NIC",
    "CRI",
    "PAN",
    "GHA",
    "CIV",
    "SEN",
    "MLI",
    "NER",
    "TCD",
    "CMR",
    "COD",
    "COG",
    "AGO",
    "ZMB",
    "ZWE",
    "MOZ",
    "TZA",
    "UGA",
    "RWA",
    "BDI",
    "MWI",
    "MDG",
    "NAM",
    "BWA",
    "EUR",
    "AFR",
    "WST",
    "MEA",
]
_TYPES = ["GOV", "MIL", "COP", "BUS", "MED", "OPP", "CVL", "REB", "", "", "", ""]
_FIPS = {"PRK": "KN", "KOR": "KS", "USA": "US", "CHN": "CH", "RUS": "RS"}


def _cameo_codes() -> list[tuple[str, float]]:
    import csv

    path = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "cameo_goldstein.csv"
    if path.exists():
        with open(path, encoding="utf-8", newline="") as fh:
            rows = [(r["code"], float(r["goldstein"])) for r in csv.DictReader(fh)]
        return [r for r in rows if len(r[0]) >= 3]
    # Fallback so the script runs outside this workspace: a few codes per root.
    return [
        ("010", 0.0),
        ("036", 4.0),
        ("040", 1.0),
        ("042", 1.9),
        ("043", 2.8),
        ("046", 7.0),
        ("051", 3.4),
        ("057", 8.0),
        ("061", 6.4),
        ("071", 7.4),
        ("087", 9.0),
        ("090", -2.0),
        ("100", -5.0),
        ("111", -2.0),
        ("120", -4.0),
        ("130", -4.4),
        ("138", -7.0),
        ("141", -6.5),
        ("150", -7.2),
        ("163", -8.0),
        ("173", -5.0),
        ("183", -10.0),
        ("190", -10.0),
        ("0841", 7.0),
        ("200", -10.0),
    ]


def make_gdelt_file(
    path: str | os.PathLike, rows: int, seed: float = 0.42, countries: int | None = None
) -> int:
    """Write a synthetic GDELT 2.0 export of ``rows`` events; return its size in bytes.

    DuckDB writes it (a Python loop would take longer than the runs it feeds).
    About a quarter of events lack Actor1's country and a third Actor2's, as in
    real exports; codes keep their leading zeros. ``countries`` draws from the
    first n country codes only, so that the actor pairs saturate (a fixed
    number of groups whatever the rows: the memory check).
    """
    import duckdb

    codes = _cameo_codes()
    code_list = "[" + ",".join(f"'{c}'" for c, _ in codes) + "]"
    gold_list = "[" + ",".join(repr(g) for _, g in codes) + "]"
    pool = _COUNTRIES[:countries] if countries else _COUNTRIES
    country_list = "[" + ",".join(f"'{c}'" for c in pool) + "]"
    type_list = "[" + ",".join(f"'{t}'" for t in _TYPES) + "]"
    n_codes, n_countries = len(codes), len(pool)

    def country(r: str) -> str:  # skewed: the first code (USA) is in about a quarter of events
        index = f"least(1 + floor(pow({r}, 3.5) * {n_countries})::INT, {n_countries})"
        return f"{country_list}[{index}]"

    def geo(cc: str) -> list[str]:
        return [
            "'4'",
            f"'Capital city, Some Province, ' || {cc}",
            f"left({cc}, 2)",
            f"left({cc}, 2) || '07'",
            "''",
            "'39.0194'",
            "'125.755'",
            "'-2364653'",
        ]

    con = duckdb.connect()
    con.execute("SET enable_progress_bar = false")
    con.execute(f"SELECT setseed({seed})")
    base = f"""
        SELECT i,
          DATE '2020-01-01' + floor(random() * 366)::INT AS d,
          {country("random()")} AS c1, {country("random()")} AS c2,
          random() < 0.25 AS no1, random() < 0.35 AS no2,
          1 + floor(pow(random(), 1.7) * {n_codes})::INT AS k,
          {type_list}[1 + floor(random() * {len(_TYPES)})::INT] AS t1,
          {type_list}[1 + floor(random() * {len(_TYPES)})::INT] AS t2,
          1 + floor(random() * 30)::INT AS m
        FROM range({int(rows)}) r(i)
    """
    code = f"{code_list}[k]"
    cols = [
        "(1000000000 + i)::VARCHAR",
        "strftime(d, '%Y%m%d')",
        "strftime(d, '%Y%m')",
        "strftime(d, '%Y')",
        "printf('%.4f', year(d) + dayofyear(d) / 365.0)",
        # Actor 1
        "CASE WHEN no1 THEN '' ELSE c1 || t1 END",
        "CASE WHEN no1 THEN '' ELSE 'NAME OF ' || c1 END",
        "CASE WHEN no1 THEN '' ELSE c1 END",
        "''",
        "''",
        "''",
        "''",
        "CASE WHEN no1 THEN '' ELSE t1 END",
        "''",
        "''",
        # Actor 2
        "CASE WHEN no2 THEN '' ELSE c2 || t2 END",
        "CASE WHEN no2 THEN '' ELSE 'NAME OF ' || c2 END",
        "CASE WHEN no2 THEN '' ELSE c2 END",
        "''",
        "''",
        "''",
        "''",
        "CASE WHEN no2 THEN '' ELSE t2 END",
        "''",
        "''",
        # Event
        "(i % 2)::VARCHAR",
        code,
        f"left({code}, 3)",
        f"left({code}, 2)",
        f"(CASE WHEN left({code}, 2) <= '05' THEN 1 WHEN left({code}, 2) <= '08' THEN 2 "
        f"WHEN left({code}, 2) <= '13' THEN 3 ELSE 4 END)::VARCHAR",
        f"{gold_list}[k]::VARCHAR",
        "m::VARCHAR",
        "(1 + m // 3)::VARCHAR",
        "m::VARCHAR",
        "printf('%.6f', random() * 20 - 10)",
        *geo("c1"),
        *geo("c2"),
        *geo("c1"),
        "strftime(d, '%Y%m%d') || '134500'",
        "'https://www.example-news.com/world/asia/' || strftime(d, '%Y/%m/%d') "
        "|| '/story-about-events-between-countries-' || i::VARCHAR || '.html'",
    ]
    assert len(cols) == 61
    select = " || chr(9) || ".join(f"({c})" for c in cols)
    con.execute(
        f"COPY (SELECT {select} AS line FROM ({base})) TO '{Path(path)}' "
        "(FORMAT csv, HEADER false, QUOTE '', ESCAPE '', DELIMITER '\x01')"
    )
    con.close()
    return Path(path).stat().st_size


# --- contenders, each run in a fresh interpreter ------------------------------------

# The columns geograph's importer reads (projection pushdown reads no others).
_SAME_COLUMNS = (
    "Actor1CountryCode",
    "Actor2CountryCode",
    "SQLDATE",
    "EventCode",
    "GoldsteinScale",
    "QuadClass",
    "NumMentions",
    "SOURCEURL",
)


def _duckdb_source(path: str) -> str:
    """DuckDB's reader over the file, with the settings geograph uses."""
    names = _COLUMNS_FILE.read_text(encoding="utf-8").split()
    types = {n: "VARCHAR" for n in names}
    types.update(
        SQLDATE="DATE", GoldsteinScale="DOUBLE", QuadClass="INTEGER", NumMentions="INTEGER"
    )
    return (
        f"read_csv('{path}', delim='\t', header=false, quote='', escape='', columns={types!r},"
        " dateformat='%Y%m%d', auto_detect=false)"
    )


def _duckdb_connect():
    import duckdb

    con = duckdb.connect()
    con.execute("SET preserve_insertion_order = false")  # as geograph does
    return con


def _duckdb(path: str) -> int:
    # The same eight columns as geograph, each used by the plainest aggregate:
    # dyad, year and CAMEO root; count, mean and sum of Goldstein, mentions,
    # a quad class and one URL. No evidence ranking, no output file.
    rel = _duckdb_connect().sql(
        f"""SELECT Actor1CountryCode, Actor2CountryCode, year(SQLDATE) AS y, left(EventCode, 2),
                   count(*) AS n, avg(GoldsteinScale) AS g_mean, sum(GoldsteinScale) AS g_sum,
                   sum(NumMentions) AS mentions, max(QuadClass) AS quad, any_value(SOURCEURL) AS url
            FROM {_duckdb_source(path)}
            GROUP BY ALL"""
    )
    return len(rel.fetchall())


def _duckdb_5col(path: str) -> int:
    # The narrower query of the first benchmark: five columns, no URL.
    rel = _duckdb_connect().sql(
        f"""SELECT Actor1CountryCode, Actor2CountryCode, year(SQLDATE) AS y, EventRootCode,
                   count(*) AS n, avg(GoldsteinScale) AS g_mean, sum(GoldsteinScale) AS g_sum
            FROM {_duckdb_source(path)}
            GROUP BY ALL"""
    )
    return len(rel.fetchall())


def _pandas(path: str) -> int:
    import pandas as pd

    names = _COLUMNS_FILE.read_text(encoding="utf-8").split()
    df = pd.read_csv(
        path,
        sep="\t",
        header=None,
        names=names,
        usecols=list(_SAME_COLUMNS),
        quoting=3,
        dtype={c: str for c in _SAME_COLUMNS if c != "GoldsteinScale"} | {"GoldsteinScale": float},
    )
    df["y"] = df["SQLDATE"].str[:4]
    df["root"] = df["EventCode"].str[:2]
    out = df.groupby(["Actor1CountryCode", "Actor2CountryCode", "y", "root"])["GoldsteinScale"].agg(
        ["count", "mean", "sum"]
    )
    return len(out)


def _geograph(path: str) -> int:
    from graph.events import import_gdelt

    with tempfile.TemporaryDirectory() as out:
        report = import_gdelt([path], out, period="year", actors="country", progress=False)
        _DIGEST["out"] = _digest(Path(out))
    return report.relations_written


_DIGEST: dict[str, str] = {}


def _digest(folder: Path) -> str:
    """SHA-256 of the dataset's three files, to tell whether two imports wrote the same bytes."""
    import hashlib

    h = hashlib.sha256()
    for name in ("relations.csv", "actors.csv", "sources.csv"):
        h.update(hashlib.sha256((folder / name).read_bytes()).digest())
    return h.hexdigest()


def _geograph_scan(path: str) -> int:
    # The first statement of graph.events.import_gdelt, built by the same functions.
    from graph.events.aggregate import aggregation_sql
    from graph.events.duck import connect
    from graph.events.sources import GDELT, GDELT_COLUMNS, events_sql
    from graph.vocabulary import default_vocabulary

    events = events_sql(GDELT, {path: list(GDELT_COLUMNS)}, "country")
    sql = aggregation_sql(f"({events})", "year", default_vocabulary(), hints=False)
    with tempfile.TemporaryDirectory() as tmp:
        con = connect(tmp)
        con.execute(f"CREATE TEMP TABLE groups AS {sql}")
        (groups,) = con.execute("SELECT count(*) FROM groups").fetchone()
        con.close()
    return groups


def run_contender(name: str, path: str, baseline: str | os.PathLike | None = None) -> dict:
    """Run one contender in a subprocess; return seconds (in-process) and peak MB.

    A ``-baseline`` contender imports the ``graph`` package of the source tree ``baseline``.
    """
    cmd = [sys.executable, "-m", "tests.benchmarks.bench_import", "--worker", name, path]
    if name.endswith(_BASELINE):
        if baseline is None:
            raise ValueError(f"{name} needs a baseline source tree (--baseline SRC)")
        cmd[-2] = name.removesuffix(_BASELINE)
        cmd += ["--graph-from", str(Path(baseline).resolve())]
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(cmd, capture_output=True, text=True, cwd=root, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{name} failed:\n{done.stderr}")
    return {**json.loads(done.stdout.strip().splitlines()[-1]), "name": name}


def _worker(name: str, path: str, graph_from: str | None = None) -> None:
    if graph_from:  # the package of another tree (a baseline), imported before any of ours
        sys.path.insert(0, graph_from)
    fn = {
        "geograph": _geograph,
        "geograph-scan": _geograph_scan,
        "duckdb": _duckdb,
        "duckdb-5col": _duckdb_5col,
        "pandas": _pandas,
    }[name]
    # Import cost is start-up, not import work: load the libraries before timing.
    if name.startswith("geograph"):
        import graph.events

        if graph_from and not Path(graph.events.__file__).is_relative_to(graph_from):
            raise RuntimeError(f"graph imported from {graph.events.__file__}, not {graph_from}")
    import duckdb  # noqa: F401
    import pandas  # noqa: F401

    t0, c0, threads0 = time.perf_counter(), _cpu(), _thread_cpu()
    groups = fn(path)
    seconds, cpu = time.perf_counter() - t0, _cpu() - c0
    threads = _thread_cpu()
    # The busiest thread's CPU seconds: on a loaded machine, the part of the work
    # that no other core took (a serial step shows as one thread doing it all).
    busiest = max((v - threads0.get(t, 0.0) for t, v in threads.items()), default=0.0)
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(
        json.dumps(
            {
                "name": name,
                "seconds": seconds,
                "cpu": cpu,
                "busiest_thread": busiest,
                "peak_mb": peak_kb / 1024,
                "groups": groups,
                "digest": _DIGEST.pop("out", None),
            }
        )
    )


def _cpu() -> float:
    """CPU seconds of this process, all threads: steadier than wall time on a busy machine."""
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def _thread_cpu() -> dict[str, float]:
    """CPU seconds of each thread of this process (Linux ``/proc``; empty elsewhere)."""
    out: dict[str, float] = {}
    tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    try:
        tasks = os.listdir("/proc/self/task")
    except OSError:
        return out
    for task in tasks:
        try:
            with open(f"/proc/self/task/{task}/stat", encoding="ascii") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
        except OSError:  # the thread ended
            continue
        out[task] = (int(fields[11]) + int(fields[12])) / tick
    return out


def _warm(path: Path) -> None:
    """Read the file once so that every contender starts with it in the page cache."""
    with open(path, "rb") as fh:
        while fh.read(1 << 24):
            pass


def run_benchmark(
    sizes: list[int],
    contenders=CONTENDERS,
    repeat: int = 1,
    log=print,
    countries: int | None = None,
    file: str | os.PathLike | None = None,
    baseline: str | os.PathLike | None = None,
) -> list[dict]:
    """Generate a file per size, time each contender on it; return result rows.

    Each run is a fresh interpreter on a warm file; the best time of ``repeat``
    interleaved runs is kept, with the highest peak memory of those runs.
    ``file``: time the contenders on this GDELT export instead (only read;
    ``sizes`` is ignored, the rows are its lines). ``baseline``: the source
    tree whose ``graph`` the ``-baseline`` contenders import.
    """
    results = []
    with tempfile.TemporaryDirectory(prefix="geograph-bench-") as tmp:
        for rows in [None] if file is not None else sizes:
            t0 = time.perf_counter()
            if file is not None:
                path = Path(file)
                size = path.stat().st_size
                rows = _count_lines(path)  # reads it: the file is warm too
                log(f"# {path}: {rows:,} rows, {size / 1e6:.0f} MB", file=sys.stderr)
            else:
                path = Path(tmp) / f"gdelt-{rows}.export.CSV"
                size = make_gdelt_file(path, rows, countries=countries)
                _warm(path)
                log(
                    f"# made {rows:,} rows, {size / 1e6:.0f} MB in {time.perf_counter() - t0:.1f} s",
                    file=sys.stderr,
                )
            runs: dict[str, list[dict]] = {name: [] for name in contenders}
            for _ in range(repeat):  # interleaved, so a busy spell hits every contender
                for name in contenders:
                    runs[name].append(run_contender(name, str(path), baseline))
            for name in contenders:
                best = min(runs[name], key=lambda r: r["seconds"])
                best["peak_mb"] = max(r["peak_mb"] for r in runs[name])
                results.append({"rows": rows, "mb": size / 1e6, **best})
            if file is None:
                path.unlink()
    return results


def _count_lines(path: Path) -> int:
    """The number of lines of ``path`` (a last line without a line feed counts)."""
    lines, last = 0, b"\n"
    with open(path, "rb") as fh:
        while block := fh.read(1 << 24):
            lines += block.count(b"\n")
            last = block[-1:]
    return lines + (last != b"\n")


def format_table(results: list[dict]) -> str:
    """A Markdown table: time, events/s and peak memory, with ratios to DuckDB."""
    lines = [
        "| rows | file MB | contender | seconds | CPU s | busiest thread s | events/s | peak MB "
        "| groups | speed vs DuckDB | CPU vs DuckDB |",
        "|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    by_size: dict[int, dict[str, dict]] = {}
    for r in results:
        by_size.setdefault(r["rows"], {})[r["name"]] = r
    for rows, group in by_size.items():
        ref = group.get("duckdb")
        for name, r in group.items():
            ratio = f"{ref['seconds'] / r['seconds']:.2f}x" if ref else "-"
            # CPU seconds of all threads: the ratio a busy machine disturbs least.
            cpu = f"{ref['cpu'] / r['cpu']:.2f}x" if ref and r.get("cpu") else "-"
            lines.append(
                f"| {rows:,} | {r['mb']:.0f} | {name} | {r['seconds']:.2f} | "
                f"{r.get('cpu', 0):.2f} | {r.get('busiest_thread', 0):.2f} | "
                f"{rows / r['seconds']:,.0f} | "
                f"{r['peak_mb']:.0f} | "
                f"{r['groups']:,} | {ratio} | {cpu} |"
            )
    for rows, group in by_size.items():
        for name in ("geograph", "geograph-scan"):
            new, old = group.get(name), group.get(name + _BASELINE)
            if new and old:
                same = (
                    ""
                    if new.get("digest") is None
                    else f"; same files: {'yes' if new['digest'] == old.get('digest') else 'NO'}"
                )
                lines.append("")
                lines.append(
                    f"{rows:,} rows, {name} against its baseline: "
                    f"{old['seconds'] / new['seconds']:.2f}x speed, {old['cpu'] / new['cpu']:.2f}x "
                    f"CPU ({old['cpu']:.2f} -> {new['cpu']:.2f} s){same}"
                )
    g = {rows: grp["geograph"]["peak_mb"] for rows, grp in by_size.items() if "geograph" in grp}
    if len(g) > 1:
        lo, hi = min(g), max(g)
        lines.append("")
        lines.append(
            f"geograph peak memory {hi:,} rows / {lo:,} rows: {g[hi] / g[lo]:.2f}x "
            f"for {hi / lo:.0f}x the rows"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--rows",
        type=int,
        nargs="+",
        default=[1_000_000, 4_000_000],
        help="file sizes in events (default: 1000000 4000000)",
    )
    parser.add_argument("--repeat", type=int, default=1, help="runs per contender; best time kept")
    parser.add_argument(
        "--contenders", nargs="+", default=list(CONTENDERS), choices=CONTENDERS + EXTRA_CONTENDERS
    )
    parser.add_argument(
        "--countries",
        type=int,
        default=None,
        help="draw actors from the first N country codes only (fixed groups)",
    )
    parser.add_argument(
        "--file",
        default=None,
        help="time the contenders on this GDELT export (only read) instead of generated ones",
    )
    parser.add_argument(
        "--baseline",
        default=None,
        help="a source tree whose graph package the -baseline contenders import (before/after)",
    )
    parser.add_argument("--json", action="store_true", help="print results as JSON")
    parser.add_argument("--worker", nargs=2, metavar=("NAME", "FILE"), help=argparse.SUPPRESS)
    parser.add_argument("--graph-from", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        _worker(*args.worker, graph_from=args.graph_from)
        return 0
    if args.baseline is None and any(c.endswith(_BASELINE) for c in args.contenders):
        parser.error("the -baseline contenders need --baseline SRC")
    if args.baseline is not None:
        args.contenders += [
            c + _BASELINE
            for c in ("geograph", "geograph-scan")
            if c in args.contenders and c + _BASELINE not in args.contenders
        ]
    before = load_average()
    results = run_benchmark(
        args.rows,
        args.contenders,
        args.repeat,
        countries=args.countries,
        file=args.file,
        baseline=args.baseline,
    )
    if args.json:
        print(json.dumps(results, indent=1))
    else:
        print(format_table(results))
        print(f"\nload average (1 min) before {before:.2f}, after {load_average():.2f}")
    return 0


def load_average() -> float:
    """The machine's 1-minute load average (times are only comparable on a quiet machine)."""
    return os.getloadavg()[0]


if __name__ == "__main__":
    sys.exit(main())
