"""Fuzzing the reader and validator: any bytes, any mangled CSV, gives problems, never a crash.

For every input ``graph.check`` returns (never raises, never hangs: the
test has a timeout), and every problem names a file of the dataset and, when
it points at a line, a physical line that exists in that file.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import graph

BASE = Path(__file__).parent / "fixtures" / "broken" / "isolated-actor"
FILES = ["actors.csv", "relations.csv", "sources.csv", "relation_types.csv"]
# Problems of a whole file, which point at no line.
FILE_LEVEL = {
    "missing-file",
    "unreadable-file",
    "not-text",
    "bad-encoding",
    "missing-folder",
}
_BREAK = re.compile(rb"\r\n|\r|\n")

CELLS = [
    "nan",
    "NaN",
    "inf",
    "-Infinity",
    "1e999",
    "-0",
    "\u22121",
    "1,5",
    '"',
    '""',
    '"open',
    'close"',
    'a"b',
    '"a"b',
    ",",
    ";",
    "\t",
    "\r",
    "\n",
    "\r\n",
    "\ufeff",
    "\x00",
    "=1+1",
    "'=x",
    "sep=;",
    "2020-02-30",
    "x" * 140_000,  # over the csv module's default field limit
]
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1252"]
SETTINGS = settings(
    max_examples=400,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _rows(name: str) -> list[list[str]]:
    if name == "relation_types.csv":
        return [["relation", "sign", "intensity", "quad_class"], ["hack", "-1", "-6.5", "4"]]
    with open(BASE / name, encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh))


def _lines(data: bytes) -> int:
    """An upper bound of the file's physical lines (exact for UTF-8 and Windows-1252)."""
    return len(_BREAK.findall(data)) + 1


def _check_dataset(files: dict[str, bytes]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "d"
        shutil.copytree(BASE, folder)
        for name, data in files.items():
            (folder / name).write_bytes(data)
        sizes = {p.name: _lines(p.read_bytes()) for p in folder.iterdir() if p.is_file()}
        problems = graph.check(folder)
        for p in problems:
            assert isinstance(p, graph.Problem)
            name = Path(p.file).name
            assert name in sizes, p
            assert p.code in graph.schema.PROBLEM_CODES, p
            if p.line is None:
                assert p.code in FILE_LEVEL, p
            else:
                assert 1 <= p.line <= sizes[name], (p, sizes[name])
            if p.column is not None:
                assert p.column >= 1, p


@pytest.mark.timeout(120)
@SETTINGS
@given(
    name=st.sampled_from(FILES),
    bom=st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"PK\x03\x04"]),
    data=st.binary(max_size=600),
)
def test_any_bytes_in_any_file(name, bom, data):
    _check_dataset({name: bom + data})


@st.composite
def mangled(draw):
    """A table of the dataset, mutated cell by cell and written in any dialect."""
    name = draw(st.sampled_from(FILES))
    rows = _rows(name)
    for _ in range(draw(st.integers(1, 4))):
        r = draw(st.integers(0, len(rows) - 1))
        c = draw(st.integers(0, len(rows[r])))
        cell = draw(st.sampled_from(CELLS) | st.text(max_size=12))
        if c == len(rows[r]):
            rows[r].append(cell)
        else:
            rows[r][c] = draw(st.sampled_from([cell, rows[r][c] + cell, cell + rows[r][c]]))
    delimiter = draw(st.sampled_from([",", ";", "\t", "|"]))
    end = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    style = draw(st.sampled_from(["minimal", "all", "raw"]))
    if style == "raw":  # joined without quoting: quotes and delimiters in cells break rows
        text = end.join(delimiter.join(row) for row in rows) + end
    else:
        buf = io.StringIO()
        quoting = csv.QUOTE_ALL if style == "all" else csv.QUOTE_MINIMAL
        csv.writer(buf, delimiter=delimiter, lineterminator=end, quoting=quoting).writerows(rows)
        text = buf.getvalue()
    if draw(st.booleans()):
        text = text[: draw(st.integers(0, len(text)))]  # a file cut short
    encoding = draw(st.sampled_from(ENCODINGS))
    data = text.encode(encoding, errors="replace" if encoding == "cp1252" else "surrogatepass")
    return name, data


@pytest.mark.timeout(120)
@SETTINGS
@given(case=mangled())
def test_mangled_csv_in_any_dialect(case):
    name, data = case
    _check_dataset({name: data})


@pytest.mark.timeout(120)
@SETTINGS
@given(number=st.sampled_from(CELLS[:8]) | st.floats().map(repr) | st.text(max_size=6))
def test_any_number_text_in_numeric_columns(number):
    rows = _rows("relations.csv")
    header = rows[0]
    for column in ("sign", "intensity"):
        rows[1][header.index(column)] = number
    buf = io.StringIO()
    csv.writer(buf).writerows(rows)
    types = io.StringIO()
    csv.writer(types).writerows(
        [["relation", "sign", "intensity", "quad_class"], ["hack", *[number] * 3]]
    )
    _check_dataset(
        {
            "relations.csv": buf.getvalue().encode("utf-8", "surrogatepass"),
            "relation_types.csv": types.getvalue().encode("utf-8", "surrogatepass"),
        }
    )
