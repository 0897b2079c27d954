"""Event files in the real formats, written by the tests: GDELT 2.0 exports and ICEWS files.

GDELT: 61 tab-separated columns, no header (column names from
``graph/events/gdelt2_event_columns.txt``); ICEWS: tab-separated with a header
and ``NA`` for missing values. Every expected aggregate in the tests was worked
out by hand from these lines.
"""

from __future__ import annotations

import csv
from pathlib import Path

from graph.events import GDELT_COLUMNS

COL = {name: i for i, name in enumerate(GDELT_COLUMNS)}


def gdelt_line(
    date="20200616",
    a1="",
    a2="",
    code="040",
    gold="1.0",
    quad="1",
    mentions="1",
    url="",
    a1code=None,
    a2code=None,
    a1name="",
    a2name="",
    a1type="",
    a2type="",
    ncols=61,
    event_id="1",
):
    row = [""] * 61
    row[COL["GLOBALEVENTID"]] = event_id
    row[COL["SQLDATE"]] = date
    row[COL["Actor1Code"]] = a1 if a1code is None else a1code
    row[COL["Actor1Name"]] = a1name
    row[COL["Actor1CountryCode"]] = a1
    row[COL["Actor1Type1Code"]] = a1type
    row[COL["Actor2Code"]] = a2 if a2code is None else a2code
    row[COL["Actor2Name"]] = a2name
    row[COL["Actor2CountryCode"]] = a2
    row[COL["Actor2Type1Code"]] = a2type
    row[COL["EventCode"]] = code
    row[COL["EventBaseCode"]] = code[:3]
    row[COL["EventRootCode"]] = code[:2]
    row[COL["QuadClass"]] = quad
    row[COL["GoldsteinScale"]] = gold
    row[COL["NumMentions"]] = mentions
    row[COL["SOURCEURL"]] = url
    return "\t".join((row + ["extra"] * 5)[:ncols])


# Line numbers matter: the bad rows are lines 11, 12 and 13.
GDELT_LINES = [
    gdelt_line("20200616", "PRK", "KOR", "1823", "-10.0", "4", "5", "https://a.example/1"),  # 1
    gdelt_line("20200617", "PRK", "KOR", "1823", "-10.0", "4", "9", "https://a.example/2"),  # 2
    gdelt_line("20200301", "PRK", "KOR", "138", "-7.0", "3", "2", "https://a.example/3"),  # 3
    gdelt_line("20191231", "USA", "PRK", "040", "1.0", "1", "3", "https://b.example/1"),  # 4
    gdelt_line("20200101", "USA", "PRK", "046", "7.0", "1", "4", "https://b.example/2"),  # 5
    gdelt_line("20200102", "USA", "PRK", "0841", "7.0", "2", "1", "https://b.example/3"),  # 6
    gdelt_line("20200616", "KOR", "PRK", "163", "-8.0", "4", "6", "https://c.example/1"),  # 7
    gdelt_line("20200616", "CHN", "", "040", "1.0", "1", "1"),  # 8
    gdelt_line("20200616", "", "RUS", "040", "1.0", "1", "1"),  # 9
    gdelt_line("20200616", "USA", "USA", "173", "-5.0", "4", "1"),  # 10
    gdelt_line("20200616", "USA", "CHN", "040", "1.0", "1", "1", ncols=50),  # 11
    gdelt_line("2020x616", "USA", "CHN", "040", "1.0", "1", "1"),  # 12
    gdelt_line("", "USA", "CHN", "040", "1.0", "1", "1"),  # 13
    gdelt_line("20200616", "RUS", "USA", "99", "0.0", "1", "1"),  # 14
    gdelt_line("20200616", "RUS", "USA", "110", "-2.0", "3", "2", "https://d.example/1"),  # 15
    gdelt_line("20200620", "RUS", "USA", "1121", "-4.0", "3", "3", "https://d.example/2"),  # 16
]


def read_csv(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def relations_by_id(out: Path) -> dict[str, dict]:
    return {r["id"]: r for r in read_csv(out / "relations.csv")}


ICEWS_HEADER = [
    "Event ID",
    "Event Date",
    "Source Name",
    "Source Sectors",
    "Source Country",
    "Event Text",
    "CAMEO Code",
    "Intensity",
    "Target Name",
    "Target Sectors",
    "Target Country",
    "Story ID",
    "Sentence Number",
    "Publisher",
    "City",
    "District",
    "Province",
    "Country",
    "Latitude",
    "Longitude",
]


def icews_line(
    eid,
    date,
    src,
    src_country,
    code,
    intensity,
    tgt,
    tgt_country,
    story,
    src_sectors="NA",
    tgt_sectors="NA",
):
    cells = [
        eid,
        date,
        src,
        src_sectors,
        src_country,
        "text",
        code,
        intensity,
        tgt,
        tgt_sectors,
        tgt_country,
        story,
        "1",
        "Publisher",
        "NA",
        "NA",
        "NA",
        "NA",
        "NA",
        "NA",
    ]
    return "\t".join(cells)


ICEWS_LINES = [  # header is line 1
    icews_line(
        "1",
        "2016-07-15",
        "Recep Tayyip Erdoğan",
        "Turkey",
        "111",
        "-2",
        "Barack Obama",
        "United States",
        "100",
        "Executive,Government",
    ),  # 2
    icews_line(
        "2",
        "2016-07-20",
        "Government (Turkey)",
        "Turkey",
        "112",
        "-4",
        "United States",
        "United States",
        "101",
        "Government",
    ),  # 3
    icews_line(
        "3", "2016-08-01", "Russia", "Russian Federation", "190", "-10", "Ukraine", "Ukraine", "102"
    ),  # 4
    icews_line(
        "4", "2016-09-01", "Russia", "Russia", "190", "-10", "Ukraine", "Ukraine", "103"
    ),  # 5
    icews_line("5", "2016-09-02", "NA", "NA", "040", "1", "Ukraine", "Ukraine", "104"),  # 6
    icews_line(
        "6", "2016-09-03", "Police (Kenya)", "Kenya", "173", "-5", "Citizen (Kenya)", "Kenya", "105"
    ),  # 7
    icews_line("7", "2016-13-45", "Russia", "Russia", "040", "1", "Ukraine", "Ukraine", "106"),  # 8
    "8\t2016-09-04\tRussia\tNA\tRussia",  # 9
    icews_line("9", "2016-10-01", "Kosovo", "Kosovo", "036", "4", "Serbia", "Serbia", "107"),  # 10
    icews_line(
        "10", "2016-10-02", "Atlantis", "Atlantis", "040", "1", "Turkey", "Turkey", "108"
    ),  # 11
    icews_line(
        "11",
        "2016-10-03",
        'Kim "the Elder" Park',
        "South Korea",
        "0841",
        "7",
        "North Korea",
        "North Korea",
        "109",
    ),  # 12
]


def add_event_columns(relations: Path, events_every: int) -> None:
    """Give a dataset's relations.csv ``events`` and ``goldstein_mean`` columns, in place.

    Row ``i`` gets ``i % events_every + 1`` events and a Goldstein mean
    stepping through -5.0 .. 5.0, so that the relations read as event data.
    """
    with relations.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    rows[0] += ["events", "goldstein_mean"]
    for i, row in enumerate(rows[1:]):
        row += [str(i % events_every + 1), f"{(i % 21) / 2 - 5:.1f}"]
    with relations.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
