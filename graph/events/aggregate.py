"""The SQL of an event import: one aggregation statement and the expressions it is built from.

The aggregation is expressed once, as SQL over a table of normalised events
(:data:`EVENT_COLUMNS`), so that the same statement runs wherever the events
are: DuckDB embedded here (streaming, out-of-core, all cores), or Spark /
BigQuery when the history no longer fits one machine. Only the aggregated
rows (one per actor pair, period and relation type) come back to Python.

Every aggregate is mergeable (counts and sums, per-quad counts, top-k
evidence), so partial results from several files, partitions or engines can
be combined, and actor keys that map onto one id (two spellings of one
country) are merged after the query.
"""

from __future__ import annotations

from ..vocabulary import default_vocabulary
from .report import EventImportError

__all__ = [
    "PERIODS",
    "ACTOR_LEVELS",
    "EVENT_COLUMNS",
    "QUAD_CLASSES",
    "relation_case_sql",
    "coded_relations",
    "quad_class_sql",
    "aggregation_sql",
    "evidence_key_sql",
    "evidence_text_sql",
    "evidence_rank_sql",
    "escape_formula_sql",
    "never_escaped",
    "plain_field",
    "csv_field",
    "csv_field_sql",
    "period_sql",
    "quoted",
]

PERIODS = ("year", "quarter", "month", "day")
ACTOR_LEVELS = ("country", "actor-code")

#: Columns the source readers produce, one row per event.
EVENT_COLUMNS = (
    "src",
    "tgt",  # actor keys at the chosen level; NULL when missing
    "src_name",
    "tgt_name",  # names given by the data (actor-code level), else NULL
    "src_country",
    "tgt_country",  # the actor's country (actor-code level), else NULL
    "src_kind",
    "tgt_kind",  # a type hint (GDELT Type1Code, ICEWS sectors), else NULL
    "day",  # DATE of the event
    "code",  # full CAMEO event code as TEXT ("0841")
    "goldstein",  # DOUBLE, -10..10
    "mentions",  # INTEGER or NULL
    "evidence",  # URL or story id
    "rank",  # evidence preference: the k highest are kept
)

#: The one QuadClass rule, for every source: the CAMEO root code (first two digits).
QUAD_CLASSES: dict[int, tuple[str, str, str]] = {
    1: ("01", "05", "verbal cooperation"),
    2: ("06", "08", "material cooperation"),
    3: ("09", "13", "verbal conflict"),
    4: ("14", "20", "material conflict"),
}

EVIDENCE_PER_RELATION = 3


def quoted(text: str) -> str:
    """A SQL string literal.

    Examples
    --------
    >>> quoted("it's")
    "'it''s'"
    """
    return "'" + text.replace("'", "''") + "'"


def quad_class_sql(code: str = "code") -> str:
    """SQL giving the quad class (1-4) of a CAMEO event code from its root, NULL outside 01-20.

    GDELT's own ``QuadClass`` column follows the same rule; deriving it from
    the code for every source keeps GDELT and ICEWS relations comparable.

    Examples
    --------
    >>> import duckdb
    >>> duckdb.sql(f"SELECT {quad_class_sql('c')} FROM (VALUES ('0841'), ('1823'), ('99')) t(c)").fetchall()
    [(2,), (4,), (None,)]
    """
    whens = " ".join(
        f"WHEN left({code}, 2) BETWEEN '{lo}' AND '{hi}' THEN {q}"
        for q, (lo, hi, _) in QUAD_CLASSES.items()
    )
    return f"CASE WHEN length({code}) >= 2 THEN CASE {whens} END END"


def relation_case_sql(
    code: str = "code", vocabulary: dict | None = None, names: list[str] | None = None
) -> str:
    """SQL ``CASE`` mapping a CAMEO event code to a relation type of the vocabulary.

    Derived from the vocabulary's ``cameo`` column: the longest code that
    prefixes the event code wins (``046`` negotiate before ``04`` consult).
    Codes outside the vocabulary give NULL. Given ``names`` (the relation
    types with a code, :func:`coded_relations`), the ``CASE`` gives the
    type's position in it (from 1) instead of its name.

    Examples
    --------
    >>> import duckdb
    >>> sql = relation_case_sql("c")
    >>> duckdb.sql(f"SELECT c, {sql} FROM (VALUES ('040'), ('0461'), ('163'), ('1823'), ('99')) t(c)").fetchall()
    [('040', 'consult'), ('0461', 'negotiate'), ('163', 'sanction'), ('1823', 'attack'), ('99', None)]
    >>> names = coded_relations(default_vocabulary())
    >>> sql = relation_case_sql("c", names=names)
    >>> [names[i - 1] for (i,) in duckdb.sql(f"SELECT {sql} FROM (VALUES ('0461')) t(c)").fetchall()]
    ['negotiate']
    """
    vocabulary = vocabulary or default_vocabulary()
    by_length: dict[int, dict[str, str]] = {}
    for name, entry in vocabulary.items():
        if entry["cameo"]:
            by_length.setdefault(len(entry["cameo"]), {})[entry["cameo"]] = name
    value = quoted if names is None else (lambda n: str(names.index(n) + 1))
    sql = "NULL"
    for length in sorted(by_length):  # shortest innermost, so longer codes are tried first
        whens = " ".join(
            f"WHEN {quoted(c)} THEN {value(n)}" for c, n in sorted(by_length[length].items())
        )
        sql = f"CASE left({code}, {length}) {whens} ELSE {sql} END"
    return sql


def coded_relations(vocabulary: dict) -> list[str]:
    """The relation types of ``vocabulary`` that have a CAMEO code, sorted.

    Examples
    --------
    >>> coded_relations({"b": {"cameo": "02"}, "a": {"cameo": "01"}, "c": {"cameo": ""}})
    ['a', 'b']
    """
    return sorted(name for name, entry in vocabulary.items() if entry["cameo"])


def evidence_rank_sql(rank: str = "rank") -> str:
    """SQL of an event's rank for its evidence: ``rank`` as a whole number from 0, 0 when NULL."""
    return f"least(greatest(coalesce({rank}, 0), 0), 2147483647)"


def evidence_key_sql(evidence: str = "evidence", rank: str = "rank") -> str:
    """SQL ranking key of an event's evidence: one text ordered by its ``rank``, then by the text.

    The highest keys are kept: the same ones on every run, whatever the order
    in which threads meet the events, and the same ones the portable
    statement keeps in any engine (:func:`graph.events.engine_sql` orders its
    events by the same rank, then the text, descending). It is NULL when there
    is no evidence, so such events never take a slot.

    The key is the text after a code of the rank: one character (code point
    rank + 1) below 55,295, else three from U+E000 up, 10 bits each. UTF-8
    orders bytes as it orders code points, so DuckDB's byte-wise order of
    the keys is the order of (rank, text), and ``max(key, k)`` keeps a text
    key alone: cheaper than ``max_by`` over a struct, whose key it encodes
    and whose value it copies for each event (1M events: about 10 % of the
    scan's CPU). :func:`evidence_text_sql` takes the code off.

    Examples
    --------
    >>> import duckdb
    >>> sql = evidence_key_sql("e", "r")
    >>> rows = "(VALUES ('a', 5), ('b', 9), ('c', 5), (NULL, 99), ('z', 70000), ('y', 55294)) t(e, r)"
    >>> top = f"SELECT max({sql}, 4) AS top FROM {rows}"
    >>> duckdb.sql(f"SELECT [{evidence_text_sql('x')} FOR x IN top] FROM ({top})").fetchall()
    [(['z', 'y', 'b', 'c'],)]
    """
    r = evidence_rank_sql(rank)
    small = f"chr(CAST({r} AS INTEGER) + 1)"
    large = " || ".join(
        f"chr(CAST({_RANK_PLANE} + {part} AS INTEGER))"
        for part in (f"({r} >> 20)", f"(({r} >> 10) & 1023)", f"({r} & 1023)")
    )
    return f"CASE WHEN {r} < {_RANK_SMALL} THEN {small} ELSE {large} END || {evidence}"


# Ranks below this are coded as one character (U+0001..U+D7FF, below the surrogates),
# the others as three from U+E000 (2**31 ranks in three groups of 10 bits).
_RANK_SMALL = 0xD7FF
_RANK_PLANE = 0xE000


def evidence_text_sql(key: str) -> str:
    """SQL of the evidence text in a key of :func:`evidence_key_sql` (the rank's code taken off)."""
    return f"substr({key}, CASE WHEN ord({key}) < {_RANK_PLANE} THEN 2 ELSE 4 END)"


# The patterns of graph.write.escape_formula in RE2 (DuckDB): Python's ``$``
# also matches before a final line feed, and its ``\d`` is any Unicode digit.
_FORMULA_RE2 = r"^'*[=+\-@\t\r]"
_NUMBER_BODY = r"[+-]?(\p{Nd}+\.?\p{Nd}*|\.\p{Nd}+)([eE][+-]?\p{Nd}+)?"
_NUMBER_RE2 = rf"^{_NUMBER_BODY}\n?$"
_INNER_SUB_RE2 = r"([;\t])('*[=+\-@\r])"
_INNER_REWRITE = r"\1'\2"
# A cell starting with none of these, and holding no ";" or tab, is never escaped.
_FIRST_FORMULA = "=+-@'\t\r"


def _inner_sql(expr: str) -> str:
    """SQL putting a ``'`` after every ``;`` or tab that a formula character follows.

    The same rule as :data:`graph.write._INNER`: the characters it consumes after
    the delimiter hold no delimiter, so one global replace does what the
    look-ahead does in Python.
    """
    return f"regexp_replace({expr}, {quoted(_INNER_SUB_RE2)}, {quoted(_INNER_REWRITE)}, 'g')"


def never_escaped(text: str) -> bool:
    """Whether :func:`graph.write.escape_formula` leaves ``text``, and any text starting with it, alone.

    True when the first character can start no formula and the text holds no
    ``;`` or tab (the same test as the plain path of :func:`escape_formula_sql`).
    A relation id starts with its source's id and joins ids, a period and a
    relation type with ``-``: when every one of them passes, no id needs the
    escape.

    Examples
    --------
    >>> never_escaped("USA"), never_escaped("-1"), never_escaped("=HYP"), never_escaped("a;b")
    (True, False, False, False)
    """
    return bool(text) and text[0] not in _FIRST_FORMULA and ";" not in text and "\t" not in text


def escape_formula_sql(expr: str) -> str:
    """SQL doing what :func:`graph.write.escape_formula` does, for a text column DuckDB writes.

    Examples
    --------
    >>> import duckdb
    >>> rows = "(VALUES ('=1+1'), ('-9.2'), ('@SUM(A1)'), ('ok'), ('a;=1'), (NULL)) t(x)"
    >>> duckdb.sql(f"SELECT {escape_formula_sql('x')} FROM {rows}").fetchall()
    [("'=1+1",), ('-9.2',), ("'@SUM(A1)",), ('ok',), ("a;'=1",), (None,)]
    """
    text = f"CASE WHEN regexp_matches({expr}, '[;\\t]') THEN {_inner_sql(expr)} ELSE {expr} END"
    full = (
        f"CASE WHEN regexp_matches({text}, {quoted(_FORMULA_RE2)}) "
        f"AND NOT regexp_matches({text}, {quoted(_NUMBER_RE2)}) "
        f"THEN '''' || {text} ELSE {text} END"
    )
    # Most cells (URLs, ids) neither start with a formula character or a quote nor
    # hold a delimiter: plain string tests pass them through without a regex.
    # (An empty cell's first character, '', is found at 1: it takes the full path.)
    plain = (
        f"strpos({quoted(_FIRST_FORMULA)}, left({expr}, 1)) = 0 "
        f"AND strpos({expr}, ';') = 0 AND strpos({expr}, chr(9)) = 0"
    )
    return f"CASE WHEN {plain} THEN {expr} ELSE {full} END"


# DuckDB's CSV writer quotes a cell that is empty or holds one of these (it quoted
# relations.csv's cells before the import built the lines itself), doubling quotes.
_CSV_QUOTED = ',"#\n\r'


def plain_field(text: str) -> bool:
    """Whether ``text`` is written as it is in a CSV file (no quotes around it).

    Examples
    --------
    >>> plain_field("USA"), plain_field("a,b"), plain_field(""), plain_field("#1")
    (True, False, False, False)
    """
    return bool(text) and not any(c in text for c in _CSV_QUOTED)


def csv_field(text: str) -> str:
    """``text`` as a CSV field, quoted as DuckDB's CSV writer does (:func:`csv_field_sql`).

    Examples
    --------
    >>> csv_field("USA"), csv_field('say "hi", then'), csv_field("")
    ('USA', '"say ""hi"", then"', '""')
    """
    return text if plain_field(text) else '"' + text.replace('"', '""') + '"'


def csv_field_sql(expr: str) -> str:
    """SQL of the text column ``expr`` as a CSV field, as DuckDB's own CSV writer writes it.

    Quoted when empty or holding a comma, quote, ``#``, CR or LF, with its
    quotes doubled; NULL stays NULL (an empty field). ``contains`` finds one
    character faster than a regular expression finds a class of them.

    Examples
    --------
    >>> import duckdb
    >>> rows = "(VALUES ('USA'), ('a,b'), (chr(34) || 'q'), (''), ('#1'), (NULL)) t(x)"
    >>> duckdb.sql(f"SELECT {csv_field_sql('x')} FROM {rows}").fetchall()
    [('USA',), ('"a,b"',), ('\"\"\"q"',), ('""',), ('"#1"',), (None,)]
    """
    chars = (f"chr({ord(c)})" if c in "\r\n" else quoted(c) for c in _CSV_QUOTED)
    found = " OR ".join(f"contains({expr}, {c})" for c in chars)
    return (
        f"CASE WHEN {expr} = '' OR {found} "
        f"THEN concat('\"', replace({expr}, '\"', '\"\"'), '\"') ELSE {expr} END"
    )


def period_sql(period: str) -> tuple[str, str, str]:
    """SQL for (start, end, label) of a period beginning on the DATE column ``period``.

    Examples
    --------
    >>> period_sql("year")
    ("strftime(period, '%Y')", "strftime(period, '%Y')", "strftime(period, '%Y')")
    """
    if period == "year":
        y = "strftime(period, '%Y')"
        return y, y, y
    if period == "quarter":
        return (
            "strftime(period, '%Y-%m')",
            "strftime(period + INTERVAL 2 MONTH, '%Y-%m')",
            "strftime(period, '%Y') || '-Q' || quarter(period)",
        )
    fmt = "'%Y-%m'" if period == "month" else "'%Y-%m-%d'"
    day = f"strftime(period, {fmt})"
    return day, day, day


def aggregation_sql(
    events: str,
    period: str = "year",
    vocabulary: dict | None = None,
    hints: bool = True,
    evidence: int = EVIDENCE_PER_RELATION,
) -> str:
    """The one aggregation: normalised events -> one row per (src, tgt, period, relation).

    ``events`` is a table name or a parenthesised ``SELECT`` giving
    :data:`EVENT_COLUMNS`. Apart from ``max(key, k)`` over a text key of
    rank and evidence (top-k, DuckDB; :func:`evidence_key_sql`; the portable
    statement of :mod:`graph.events.engines` ranks the events instead) it is
    plain SQL. ``evidence`` is how many example URLs / story ids a relation
    keeps (the ``evidence`` highest ranked events, 0 for none).
    ``hints=False`` leaves out the actor name/country/kind samples, which
    only the actor-code level needs. Goldstein scores are summed as integer
    thousandths (``goldstein_milli``): a floating-point sum depends on the
    order in which threads add, and its last bit can flip a rounded mean.
    The quad class of each event follows :func:`quad_class_sql`; when the
    vocabulary's relation type decides it (every CAMEO code with its root in
    :data:`QUAD_CLASSES`), the per-class counts are taken from the relation
    after the aggregation instead of testing each event.

    Examples
    --------
    >>> print(aggregation_sql("events", "month").splitlines()[1].strip())
    SELECT src, tgt, CAST(date_trunc('month', day) AS DATE) AS period,
    """
    if period not in PERIODS:
        raise EventImportError(f"period {period!r} is not one of {', '.join(PERIODS)}")
    hint_sql = (
        "".join(f",\n               any_value({c}) AS {c}" for c in EVENT_COLUMNS[2:8])
        if hints
        else ""
    )
    if evidence > 0:
        evidence_sql = f"max({evidence_key_sql()}, {int(evidence)})"
    else:
        evidence_sql = "CAST([] AS VARCHAR[])"
    vocabulary = vocabulary or default_vocabulary()
    by_relation = _relation_quads(vocabulary)
    if by_relation is None:  # a quad class per event, from its own code
        quad = quad_class_sql("code")
        quads = [f"count(*) FILTER (WHERE {quad} = {q})" for q in QUAD_CLASSES]
    else:  # every event of a relation has its quad class: nothing to do per event
        quads = ["0"] * len(QUAD_CLASSES)
    # The events are grouped by the relation type's number, named afterwards: a
    # CASE giving a number, and a number as the key, cost less than a name.
    names = coded_relations(vocabulary)
    grouped = f"""
        SELECT src, tgt, CAST(date_trunc('{period}', day) AS DATE) AS period,
               {relation_case_sql("code", vocabulary, names)} AS relation,
               count(*) AS events,
               sum(CAST(round(goldstein * 1000) AS BIGINT)) AS goldstein_milli,
               count(goldstein) AS goldstein_n,
               {", ".join(f"{sql} AS quad{q}" for q, sql in zip(QUAD_CLASSES, quads))},
               sum(mentions) AS mentions,
               {evidence_sql} AS evidence,
               any_value(code) AS some_code{hint_sql}
        FROM {events}
        GROUP BY ALL
    """
    named = [f"[{', '.join(map(quoted, names)) or 'NULL'}][relation] AS relation"]
    if evidence > 0:
        named.append(f"[{evidence_text_sql('x')} FOR x IN evidence] AS evidence")
    if by_relation is not None:
        named += [
            f"CASE WHEN relation IN ({', '.join(str(names.index(r) + 1) for r in by_relation[q]) or 'NULL'}) "
            f"THEN events ELSE 0 END AS quad{q}"
            for q in QUAD_CLASSES
        ]
    return f"SELECT * REPLACE ({', '.join(named)}) FROM ({grouped})"


def _relation_quads(vocabulary: dict) -> dict[int, list[str]] | None:
    """The relation types of each quad class, when a relation type decides its events' class.

    It does when every CAMEO code of the vocabulary has a root (two digits)
    in :data:`QUAD_CLASSES`: an event of a relation type has a code starting
    with the type's code, so its root, and its quad class, is the type's.
    ``None`` when a code is shorter or outside the classes.
    """
    out: dict[int, list[str]] = {q: [] for q in QUAD_CLASSES}
    for name, entry in sorted(vocabulary.items()):
        code = entry["cameo"]
        if not code:
            continue
        found = [
            q for q, (lo, hi, _) in QUAD_CLASSES.items() if len(code) >= 2 and lo <= code[:2] <= hi
        ]
        if not found:
            return None
        out[found[0]].append(name)
    return out
