"""GDELT 2.0 event exports: 61 tab-separated columns, no header, ``.CSV`` or ``.CSV.zip``."""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path

from .aggregate import (
    EVIDENCE_PER_RELATION,
    EventScan,
    bad_row_reason,
    prepare_paths,
    quoted,
    run_import,
    workspace,
)
from .countries import country_from_code
from .report import ImportReport

__all__ = ["GDELT_COLUMNS", "import_gdelt", "gdelt_events_sql"]

#: Column names of the GDELT 2.0 events table, in file order (official codebook).
GDELT_COLUMNS: tuple[str, ...] = tuple(
    resources.files("graph.events").joinpath("gdelt2_event_columns.txt").read_text("utf-8").split()
)

# Typed columns are checked while reading: a value that does not parse makes
# the row a bad row (with its line number). Everything else stays VARCHAR, so
# CAMEO codes keep their leading zeros ("040", "0841"). An empty SQLDATE reads
# as NULL (force_not_null would catch it, but DuckDB 2.0 then also turns other
# empty cells into "" instead of NULL), so undated rows are found afterwards.
_TYPES = {
    "SQLDATE": "DATE",
    "QuadClass": "INTEGER",
    "GoldsteinScale": "DOUBLE",
    "NumMentions": "INTEGER",
}
_ORGANIZATION_TYPES = {
    "GOV",
    "MIL",
    "COP",
    "JUD",
    "LEG",
    "SPY",
    "IGO",
    "NGO",
    "NGM",
    "MNC",
    "BUS",
    "MED",
    "EDU",
    "HLH",
}
REJECTS_LIMIT = 10_000


def gdelt_events_sql(files: list[str], actors: str = "country") -> str:
    """``SELECT`` of normalised events (:data:`~graph.events.aggregate.EVENT_COLUMNS`) from GDELT files.

    Examples
    --------
    >>> "Actor1CountryCode AS src" in gdelt_events_sql(["a.CSV"])
    True
    """
    columns = {name: _TYPES.get(name, "VARCHAR") for name in GDELT_COLUMNS}
    spec = "{" + ", ".join(f"{quoted(k)}: {quoted(v)}" for k, v in columns.items()) + "}"
    source = (
        f"read_csv([{', '.join(quoted(f) for f in files)}], delim = '\\t', header = false,"
        f" quote = '', escape = '', columns = {spec}, dateformat = '%Y%m%d',"
        " auto_detect = false,"
        f" store_rejects = true, rejects_limit = {REJECTS_LIMIT})"
    )
    if actors == "country":
        who = (
            "Actor1CountryCode AS src, Actor2CountryCode AS tgt, NULL AS src_name, "
            "NULL AS tgt_name, NULL AS src_country, NULL AS tgt_country, NULL AS src_kind, "
            "NULL AS tgt_kind"
        )
    else:
        who = (
            "Actor1Code AS src, Actor2Code AS tgt, Actor1Name AS src_name, "
            "Actor2Name AS tgt_name, Actor1CountryCode AS src_country, "
            "Actor2CountryCode AS tgt_country, Actor1Type1Code AS src_kind, "
            "Actor2Type1Code AS tgt_kind"
        )
    return (
        f"SELECT {who}, SQLDATE AS day, EventCode AS code, GoldsteinScale AS goldstein, "
        "QuadClass AS quad, NumMentions AS mentions, SOURCEURL AS evidence, "
        f"NumMentions AS rank FROM {source}"
    )


@functools.cache
def _actor(key: str, name, country, kind, level: str) -> dict:
    if level == "country" or (country and key == country):
        cname, ctype, aliases = country_from_code(key)
        return {
            "id": key,
            "name": cname,
            "type": ctype,
            "aliases": aliases,
            "group": "",
            "description": "",
            "unmapped": ctype == "group",
        }
    kind_text = f", type {kind}" if kind else ""
    return {
        "id": key,
        "name": name or key,
        "type": "organization" if kind in _ORGANIZATION_TYPES else "group",
        "aliases": [],
        "group": country or "",
        "vote_name": True,
        "description": f"GDELT actor code {key}{kind_text}",
    }


def import_gdelt(
    paths,
    out_dir,
    *,
    period: str = "year",
    actors: str = "country",
    strict: bool = False,
    progress=None,
    evidence: int = EVIDENCE_PER_RELATION,
) -> ImportReport:
    """Import GDELT 2.0 event exports into a geograph dataset in ``out_dir``.

    Events are aggregated per (source actor, target actor, period, relation
    type) into ``relations.csv`` (status ``fact``, intensity the mean
    Goldstein score, sign that of the relation type, evidence up to three of
    the most mentioned source URLs), with ``actors.csv`` and ``sources.csv``.
    ``relations.csv`` is sorted by period, source, target and relation, so the
    same input gives the same bytes.

    Parameters
    ----------
    paths : path or list of paths
        ``*.export.CSV`` files (tab-separated, no header), or ``.zip`` archives of them.
    out_dir : path
        Dataset folder to write (created; the three files are replaced atomically).
    period : {"year", "quarter", "month", "day"}
        Time bucket of a relation; its ``start`` and ``end`` are partial dates.
    actors : {"country", "actor-code"}
        ``country``: Actor1/2CountryCode (ISO3, names from pycountry);
        ``actor-code``: the full CAMEO actor code (``USAGOV``, ``PRKMIL``).
    strict : bool
        Raise :class:`EventImportError` listing the bad rows (and write nothing)
        instead of skipping and counting them.
    progress : None, bool or callable
        ``None``: a bar on stderr when it is a terminal; ``True``/``False``
        force it on/off; a callable receives the fraction done (0..1).
    evidence : int
        How many example source URLs a relation keeps as its evidence: the
        distinct URLs among its ``evidence`` most mentioned events (ties broken
        by a hash of the URL, so every run keeps the same ones); 0 for none.
        Each one costs aggregation time and output size (see the import
        benchmark).

    Returns
    -------
    ImportReport

    Raises
    ------
    EventImportError
        Missing or unreadable file, no row in GDELT format, or bad rows with ``strict``.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> tmp = pathlib.Path(tempfile.mkdtemp())
    >>> row = [""] * 61
    >>> row[1], row[7], row[17], row[26], row[29], row[30], row[31] = (
    ...     "20200616", "PRK", "KOR", "1823", "4", "-10.0", "5")
    >>> _ = (tmp / "ev.CSV").write_text("\\t".join(row) + "\\n", encoding="utf-8")
    >>> report = import_gdelt([tmp / "ev.CSV"], tmp / "data", progress=False)
    >>> report.relations_written, (tmp / "data" / "relations.csv").read_text().splitlines()[1][:41]
    (1, 'PRK-KOR-2020-attack,PRK,KOR,attack,-1,-10')
    """
    with workspace() as tmp:
        displays = prepare_paths(paths, tmp, "GDELT")
        names = [Path(d).name for d in displays.values()]
        shown = ", ".join(names[:5]) + (f" and {len(names) - 5} more" if len(names) > 5 else "")
        scan = EventScan(
            source="gdelt",
            events_sql=gdelt_events_sql(list(displays), actors),
            displays=displays,
            header_lines=0,
            source_row={
                "id": "gdelt2-events",
                "title": "GDELT 2.0 events export (machine-coded)",
                "publisher": "The GDELT Project",
                "author": "GDELT (automated CAMEO coding)",
                "published": "",
                "url": "https://www.gdeltproject.org/data.html",
                "files": shown,
                "machine_coded": "true",
                "note": "Machine-coded events aggregated by geograph import: one relation per "
                f"actor pair, {period} and CAMEO relation type",
            },
            actor_info=_actor,
            bad_reason=functools.partial(
                bad_row_reason,
                date_column="SQLDATE",
                date_form="YYYYMMDD",
                width=f"expected {len(GDELT_COLUMNS)} tab-separated columns, found {{found}}",
            ),
            rejects_limit=REJECTS_LIMIT,
            date_index={p: 1 for p in displays},
            date_column="SQLDATE",
        )
        return run_import(
            scan,
            out_dir,
            period=period,
            actors=actors,
            strict=strict,
            progress=progress,
            tmp=tmp,
            evidence=evidence,
        )
