"""ICEWS event files: tab-separated with a header, ``NA`` for missing values."""

from __future__ import annotations

import functools
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
from .countries import country_from_code, iso3_from_name
from .report import EventImportError, ImportReport

__all__ = ["ICEWS_REQUIRED", "import_icews", "icews_events_sql"]

#: Columns an ICEWS file must have (others, such as City or Latitude, are ignored).
ICEWS_REQUIRED = (
    "Event Date",
    "Source Name",
    "Source Country",
    "CAMEO Code",
    "Intensity",
    "Target Name",
    "Target Country",
)
_TYPES = {"Event Date": "DATE", "Intensity": "DOUBLE"}
REJECTS_LIMIT = 10_000


def read_header(path: str, display: str) -> list[str]:
    """The column names of an ICEWS file; :class:`EventImportError` if it is not one."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            first = fh.readline()
    except UnicodeDecodeError as err:
        raise EventImportError(f"{display}: the header is not UTF-8 text ({err.reason})") from err
    header = [h.strip() for h in first.rstrip("\r\n").split("\t")]
    missing = [c for c in ICEWS_REQUIRED if c not in header]
    if missing:
        raise EventImportError(
            f"{display}: not an ICEWS event file: the tab-separated header lacks "
            f"{', '.join(repr(m) for m in missing)} (it has {len(header)} columns: "
            f"{', '.join(header[:6])}{'...' if len(header) > 6 else ''})"
        )
    return header


def _one_file(path: str, header: list[str], actors: str) -> str:
    columns = {name: _TYPES.get(name, "VARCHAR") for name in header}
    spec = "{" + ", ".join(f"{quoted(k)}: {quoted(v)}" for k, v in columns.items()) + "}"
    # quote '"' reads both plain files and files where R quoted the text cells.
    source = (
        f"read_csv({quoted(path)}, delim = '\\t', header = true, quote = '\"', escape = '\"',"
        f" columns = {spec}, dateformat = '%Y-%m-%d', nullstr = ['NA', ''],"
        " auto_detect = false,"
        f" store_rejects = true, rejects_limit = {REJECTS_LIMIT})"
    )

    def col(name: str) -> str:
        return '"' + name + '"' if name in columns else "NULL"

    if actors == "country":
        who = (
            f"{col('Source Country')} AS src, {col('Target Country')} AS tgt, "
            "NULL AS src_name, NULL AS tgt_name, NULL AS src_country, NULL AS tgt_country, "
            "NULL AS src_kind, NULL AS tgt_kind"
        )
    else:
        who = (
            f"{col('Source Name')} AS src, {col('Target Name')} AS tgt, "
            f"{col('Source Name')} AS src_name, {col('Target Name')} AS tgt_name, "
            f"{col('Source Country')} AS src_country, {col('Target Country')} AS tgt_country, "
            f"{col('Source Sectors')} AS src_kind, {col('Target Sectors')} AS tgt_kind"
        )
    code = col("CAMEO Code")
    evidence = col("Story ID") if "Story ID" in columns else col("Event ID")
    quad = (
        f"CASE WHEN left({code}, 2) BETWEEN '01' AND '05' THEN 1 "
        f"WHEN left({code}, 2) BETWEEN '06' AND '08' THEN 2 "
        f"WHEN left({code}, 2) BETWEEN '09' AND '13' THEN 3 "
        f"WHEN left({code}, 2) BETWEEN '14' AND '20' THEN 4 END"
    )
    rank = f"try_cast({col('Event ID')} AS BIGINT)" if "Event ID" in columns else "0"
    return (
        f'SELECT {who}, "Event Date" AS day, {code} AS code, "Intensity" AS goldstein, '
        f"{quad} AS quad, CAST(NULL AS INTEGER) AS mentions, {evidence} AS evidence, "
        f"{rank} AS rank FROM {source}"
    )


def icews_events_sql(files: dict[str, list[str]], actors: str = "country") -> str:
    """``SELECT`` of normalised events from ICEWS files (path -> header), one scan per file.

    Examples
    --------
    >>> sql = icews_events_sql({"e.tab": ["Event Date", "CAMEO Code", "Source Country"]})
    >>> '"Source Country" AS src' in sql and "NULL AS tgt" in sql
    True
    """
    return " UNION ALL ".join(_one_file(p, h, actors) for p, h in files.items())


@functools.cache
def _actor(key: str, name, country, kind, level: str) -> dict:
    if level == "country" or key == country:
        iso = iso3_from_name(key)
        if iso is None:
            return {
                "id": key,
                "name": key,
                "type": "group",
                "aliases": [],
                "group": "",
                "description": "ICEWS country name without an ISO 3166 code",
                "unmapped": True,
            }
        cname, ctype, aliases = country_from_code(iso)
        aliases = [a for a in dict.fromkeys([key, *aliases]) if a != cname]
        return {
            "id": iso,
            "name": cname,
            "type": ctype,
            "aliases": aliases,
            "group": "",
            "description": "",
        }
    # ICEWS generic actors read "Police (Kenya)"; named ones are people or organisations.
    sectors = kind or ""
    if "(" in key:
        kind_of = "group"
    elif any(w in sectors for w in ("Organization", "Parties", "Business", "Media", "Insurgents")):
        kind_of = "organization"
    else:
        kind_of = "person"
    group = (iso3_from_name(country) or country) if country else ""
    return {
        "id": key,
        "name": key,
        "type": kind_of,
        "aliases": [],
        "group": group,
        "description": f"ICEWS sectors: {sectors}" if sectors else "",
    }


def import_icews(
    paths,
    out_dir,
    *,
    period: str = "year",
    actors: str = "country",
    strict: bool = False,
    progress=None,
    evidence: int = EVIDENCE_PER_RELATION,
) -> ImportReport:
    """Import ICEWS event files into a geograph dataset in ``out_dir``.

    Same aggregation and output as :func:`graph.events.import_gdelt`.
    ``Intensity`` is the Goldstein score; the quad class follows the CAMEO
    root code; evidence are story ids. At ``country`` level the English
    country names are mapped to ISO3 (names without a code stay as they are
    and are listed in the report); at ``actor-code`` level the ICEWS actor
    name is the id (states get their ISO3 code).

    Parameters
    ----------
    paths, out_dir, period, actors, strict, progress, evidence
        As for :func:`graph.events.import_gdelt` (evidence: story ids ranked by
        event id, highest first).

    Returns
    -------
    ImportReport

    Examples
    --------
    >>> import tempfile, pathlib
    >>> tmp = pathlib.Path(tempfile.mkdtemp())
    >>> text = ("Event ID\\tEvent Date\\tSource Name\\tSource Country\\tCAMEO Code\\tIntensity\\t"
    ...         "Target Name\\tTarget Country\\n"
    ...         "1\\t2016-07-15\\tRecep Tayyip Erdoğan\\tTurkey\\t112\\t-2\\tUnited States\\t"
    ...         "United States\\n")
    >>> _ = (tmp / "icews.tab").write_text(text, encoding="utf-8")
    >>> import_icews([tmp / "icews.tab"], tmp / "data", progress=False).relations_written
    1
    >>> (tmp / "data" / "relations.csv").read_text(encoding="utf-8").splitlines()[1][:39]
    'TUR-USA-2016-criticize,TUR,USA,criticiz'
    """
    with workspace() as tmp:
        displays = prepare_paths(paths, tmp, "ICEWS")
        headers = {p: read_header(p, d) for p, d in displays.items()}
        names = [Path(d).name for d in displays.values()]
        shown = ", ".join(names[:5]) + (f" and {len(names) - 5} more" if len(names) > 5 else "")
        scan = EventScan(
            source="icews",
            events_sql=icews_events_sql(headers, actors),
            displays=displays,
            header_lines=1,
            source_row={
                "id": "icews-events",
                "title": "ICEWS coded event data (machine-coded)",
                "publisher": "Harvard Dataverse",
                "author": "Integrated Crisis Early Warning System (automated CAMEO coding)",
                "published": "",
                "url": "https://dataverse.harvard.edu/dataverse/icews",
                "files": shown,
                "machine_coded": "true",
                "note": "Machine-coded events aggregated by geograph import: one relation per "
                f"actor pair, {period} and CAMEO relation type",
            },
            actor_info=_actor,
            bad_reason=functools.partial(
                bad_row_reason,
                date_column="Event Date",
                date_form="YYYY-MM-DD",
                width="wrong number of tab-separated columns ({found}); the header has another count",
            ),
            rejects_limit=REJECTS_LIMIT,
            date_index={p: h.index("Event Date") for p, h in headers.items()},
            date_column="Event Date",
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
