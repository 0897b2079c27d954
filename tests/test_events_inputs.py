"""Event files as they arrive: gzip, UTF-16 with or without a byte order mark; and the bytes of relations.csv.

Each compressed or re-encoded file must give the same dataset, and the same
bad rows at the same lines, as the plain UTF-8 file it holds. DuckDB writes
relations.csv; the last tests hold it to what :func:`graph.write.format_csv`
writes for the same values.
"""

from __future__ import annotations

import csv
import gzip
import io
import json

import pytest
from click.testing import CliRunner
from event_files import GDELT_LINES, ICEWS_HEADER, ICEWS_LINES, gdelt_line
from hostile import HOSTILE, HOSTILE_URLS

from graph.cli import cli
from graph.events import EventImportError, import_gdelt, import_icews
from graph.read.table import unescape_formula
from graph.write import format_csv

GDELT_TEXT = "\n".join(GDELT_LINES) + "\n"
ICEWS_TEXT = "\t".join(ICEWS_HEADER) + "\n" + "\n".join(ICEWS_LINES) + "\n"
IMPORTERS = {"gdelt": import_gdelt, "icews": import_icews}
TEXTS = {"gdelt": GDELT_TEXT, "icews": ICEWS_TEXT}


def _import(kind, path, out, **options):
    return IMPORTERS[kind]([path], out, progress=False, **options)


def _same_dataset(a, b):
    for name in ("actors.csv", "relations.csv"):
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


@pytest.fixture(scope="module")
def plain(tmp_path_factory):
    """The import of each plain UTF-8 file: the reference every other form must equal."""
    tmp = tmp_path_factory.mktemp("plain")
    done = {}
    for kind, text in TEXTS.items():
        path = tmp / f"{kind}.tab"
        path.write_text(text, encoding="utf-8")
        done[kind] = (tmp / kind, _import(kind, path, tmp / kind))
    return done


@pytest.mark.parametrize("kind", ["gdelt", "icews"])
def test_a_gzip_file_gives_the_dataset_of_the_file_it_holds(kind, plain, tmp_path):
    path = tmp_path / f"events.{kind}.tab.gz"
    path.write_bytes(gzip.compress(TEXTS[kind].encode("utf-8")))
    report = _import(kind, path, tmp_path / "out")
    out, reference = plain[kind]
    _same_dataset(out, tmp_path / "out")
    assert report.rows_read == reference.rows_read and report.bad_rows == reference.bad_rows
    got = [(b.file, b.line, b.reason) for b in report.bad_row_samples]
    assert got == [(str(path), b.line, b.reason) for b in reference.bad_row_samples]
    if kind == "gdelt":  # the bad rows are lines 11-13, the last one without a date
        assert [b.line for b in report.bad_row_samples] == [11, 12, 13]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("kind", ["gdelt", "icews"])
def test_utf16_with_or_without_a_byte_order_mark_reads_as_utf8(kind, encoding, plain, tmp_path):
    path = tmp_path / f"{kind}.tab"
    path.write_bytes(TEXTS[kind].encode(encoding))  # "utf-16" writes a BOM, -le/-be none
    report = _import(kind, path, tmp_path / "out")
    out, reference = plain[kind]
    _same_dataset(out, tmp_path / "out")
    assert [(b.file, b.line) for b in report.bad_row_samples] == [
        (str(path), b.line) for b in reference.bad_row_samples
    ]
    assert report.bad_rows == reference.bad_rows


def test_an_icews_gzip_file_through_the_command_line(plain, tmp_path):
    path = tmp_path / "events.2016.tab.gz"
    path.write_bytes(gzip.compress(ICEWS_TEXT.encode("utf-8")))
    r = CliRunner().invoke(cli, ["import", "icews", str(path), "-o", str(tmp_path / "o"), "--json"])
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["relations_written"] == plain["icews"][1].relations_written == 5
    _same_dataset(plain["icews"][0], tmp_path / "o")


@pytest.mark.parametrize(
    "name, data, words",
    [
        ("cut.tab.gz", gzip.compress(ICEWS_TEXT.encode())[:-20], ["not a readable gzip file"]),
        ("plain.tab.gz", ICEWS_TEXT.encode(), ["not a readable gzip file"]),
        ("odd.tab", ICEWS_TEXT.encode("utf-16-le") + b"\x41", ["UTF-16-LE", "save it as UTF-8"]),
    ],
)
def test_a_broken_gzip_or_utf16_file_is_a_one_line_error(name, data, words, tmp_path):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(EventImportError) as caught:
        import_icews([path], tmp_path / "out", progress=False)
    message = str(caught.value)
    assert message.startswith(str(path)) and "\n" not in message
    assert all(w in message for w in words), message
    assert not (tmp_path / "out").exists()
    r = CliRunner().invoke(cli, ["import", "icews", str(path), "-o", str(tmp_path / "o")])
    assert r.exit_code == 1 and r.output.startswith("Error: ") and "Traceback" not in r.output


# --- relations.csv is what format_csv writes ------------------------------------------


def _hostile_lines() -> list[str]:
    """Events whose actor codes and URLs hold formulas, quotes, commas, semicolons and tabs."""
    actors = ["USA", "=HYP", "+AB", "-XY", "@Q", "-1", "A;B", "KOR"]
    urls = [*HOSTILE_URLS, *(h.replace("\x00", "") for h in HOSTILE), '=HYPERLINK("x")',
            "+http://p", "-9.2", "a;=1", "b;'-2", "'=q", 'q"uote,comma', "semi;colon"]  # fmt: skip
    lines = []
    for i, url in enumerate(urls):
        for j, code in enumerate(["040", "1823", "0841"]):
            a1, a2 = actors[(i + j) % len(actors)], actors[(i + 2 * j + 1) % len(actors)]
            lines.append(
                gdelt_line(f"2020{1 + j:02d}16", a1, a2, code, "-2.5", "1", str(i % 4), url)
            )
    return lines


@pytest.mark.parametrize("options", [{"period": "year"}, {"period": "day", "evidence": 1}])
def test_relations_csv_has_the_bytes_format_csv_writes_for_its_values(options, tmp_path):
    path = tmp_path / "hostile.CSV"
    path.write_text("\n".join(_hostile_lines()) + "\n", encoding="utf-8")
    report = import_gdelt([path], tmp_path / "out", progress=False, **options)
    data = (tmp_path / "out" / "relations.csv").read_bytes()
    header, *rows = list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
    assert len(rows) == report.relations_written > 20
    values = [[unescape_formula(cell) for cell in row] for row in rows]
    assert format_csv(header, values).encode("utf-8") == data
    text = data.decode("utf-8")
    assert "'=HYP" in text and ",-1,KOR," in text  # a number stays as it is
    if "evidence" not in options:
        assert "a;'=1" in text
