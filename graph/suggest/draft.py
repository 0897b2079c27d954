"""The draft file: an article read from disk, the draft written as CSV beside (never into) a dataset."""

from __future__ import annotations

from pathlib import Path

from ..dataset import Dataset
from ..files import atomic_write
from ..problems import DataError, OutputError, Problem
from ..write import check_output, format_csv
from .coder import Draft, suggest

__all__ = ["suggest_file", "draft_csv", "write_draft"]


def _article_source(dataset: Dataset, text: str) -> str | None:
    """The id of the dataset's source whose text file holds ``text``."""
    if dataset.path is None or not dataset.path.is_dir():
        return None
    for source in dataset.records("sources"):
        name = str(source.get("text") or "")
        path = dataset.path / name
        if name and path.is_file() and path.read_text("utf-8-sig").strip() == text.strip():
            return str(source["id"])
    return None


def suggest_file(article: str | Path, dataset: Dataset, *, source_id: str | None = None) -> Draft:
    """:func:`suggest` on a UTF-8 text file, citing the dataset's source that holds it.

    When ``source_id`` is not given, the source whose ``text`` file has the
    same text is cited; when there is none, the candidates cite no source and
    the draft's notes say to add one.

    Raises
    ------
    DataError
        When the file is not UTF-8 text, or ``source_id`` is no source of the dataset.

    Examples
    --------
    >>> import graph
    >>> ds = graph.load(graph.datasets.article())
    >>> draft = suggest_file(graph.datasets.article() / "dw-2020-07-14.txt", ds)
    >>> draft.source_id, draft.published, len(draft.candidates) > 20
    ('dw-2020-07-14', '2020-07-14', True)
    """
    path = Path(article)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as err:
        msg = f"the article is not UTF-8 text (byte {err.start}); save it as UTF-8 plain text"
        raise DataError([Problem(str(path), None, None, None, "not-utf8", msg)]) from err
    except OSError as err:
        msg = f"the article cannot be read: {err.strerror or err}"
        raise DataError([Problem(str(path), None, None, None, "unreadable-file", msg)]) from err
    ids = {s["id"] for s in dataset.records("sources")}
    if source_id is not None and source_id not in ids:
        msg = (
            f'source "{source_id}" is not in sources.csv; add its row or give one of {sorted(ids)}'
        )
        raise DataError([Problem("sources.csv", None, None, "id", "unknown-source", msg)])
    source_id = source_id or _article_source(dataset, text)
    draft = suggest(text, dataset, source_id=source_id)
    if source_id is None:
        draft.notes.append(
            f"{path.name} is no source of the dataset: add a row to sources.csv (with "
            f"text {path.name}) and fill source_id, so that check verifies the quotes"
        )
    return draft


def draft_csv(draft: Draft) -> str:
    """The draft as CSV text: the columns of the dataset's ``relations.csv``, in its order.

    So the rows can be appended to ``relations.csv`` as lines (or pasted
    into a spreadsheet under its header) and checked. A column the draft
    would fill that the file lacks (``dated_from``, say) is left out, since
    an extra cell would make every appended row invalid: the draft's notes
    name it, so that it can be added to the file's header before drafting
    again. How sure each guess is and why is in its ``note`` cell.

    Examples
    --------
    >>> from graph.suggest import DRAFT_COLUMNS
    >>> draft_csv(Draft([], None, None)).strip() == ",".join(DRAFT_COLUMNS)
    True
    >>> draft_csv(Draft([], None, None, columns=["ID", "source", "target"])).strip()
    'ID,source,target'
    """
    rows = [c.row() for c in draft.candidates]
    keys = [c.strip().lower() for c in draft.columns]
    rows_out = ([r.get(k, "") for k in keys] for r in rows)
    return format_csv(draft.columns, rows_out, delimiter=draft.delimiter)


def write_draft(
    draft: Draft, output: str | Path, *, dataset: str | Path | None = None, force: bool = False
) -> Path:
    """Write the draft to ``output``, never over an existing file without ``force``, never into the dataset.

    Raises
    ------
    OutputError
        When ``output`` exists (and not ``force``), or lies in the ``dataset`` folder.
    """
    out = Path(output)
    check_output(out, [dataset] if dataset is not None else [], fmt="csv")
    if dataset is not None:
        folder = Path(dataset).resolve()
        if out.resolve().parent == folder or folder in out.resolve().parents:
            msg = f"{out} is inside the dataset {dataset}: write the draft elsewhere, then append the rows you keep"
            raise OutputError(msg)
    if out.exists() and not force:
        raise OutputError(f"{out} exists; give another file or --force to replace it")
    if out.is_dir():
        raise OutputError(f"{out} is a folder; give a file name for the draft")
    return Path(atomic_write(out, draft_csv(draft).encode("utf-8")))
