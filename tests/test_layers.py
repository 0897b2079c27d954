"""Data flows one way: CSV -> validated tables -> graph -> analysis -> view -> CLI.

A module may import only from its own stage or earlier ones. Every module of
the package must be placed in a stage here, so a new one is placed on purpose.
"""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "graph"

STAGES = [
    {
        "schema",
        "problems",
        "dates",
        "files",
        "vocabulary",
        "datasets",
        "geo",
    },  # the data format, shared values (geo: the shipped world outline)
    {
        "read",
        "write",
        "events",
        "convert",
    },  # bytes -> raw tables; event data, Kumu, Gephi -> dataset files
    {"validate", "evidence"},  # raw tables -> typed records; quotes against source texts
    {"dataset"},  # records -> Dataset, networkx graph
    {
        "export",
        "timeline",
        "signed",
        "balance",
        "explore",
        "reports",
        "backbone",
        "suggest",
        "actors",
    },  # graph -> files, analyses
    {"payload"},  # graph -> plain view data
    {"view", "notebook", "widget"},  # payload -> HTML, in a notebook
    {"cli", "cli_import", "terminal", "__main__", "__init__", "init", "watch"},  # user entry points
]


def _stage(module: str) -> int:
    top = module.split(".")[0]
    for i, names in enumerate(STAGES):
        if top in names:
            return i
    raise AssertionError(f"graph/{module}: place this module in a stage in tests/test_layers.py")


def _imports(path: Path):
    """Modules of the package that ``path`` imports, as dotted names under graph."""
    package = path.relative_to(PACKAGE).parent.parts  # () for graph/, ("events",) below it
    tree = ast.parse(path.read_text("utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level >= 1:
                base = list(package[: len(package) - (node.level - 1)])
                if node.module:
                    yield ".".join(base + [node.module])
                else:
                    yield from (".".join(base + [a.name]) for a in node.names)
            elif node.module and node.module.startswith("graph."):
                yield node.module[len("graph.") :]
        elif isinstance(node, ast.Import):
            for a in node.names:
                if a.name.startswith("graph."):
                    yield a.name[len("graph.") :]


def test_modules_import_only_earlier_stages():
    bad = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).with_suffix("")
        module = ".".join(rel.parts)
        for imported in _imports(path):
            if _stage(imported) > _stage(module):
                bad.append(f"graph/{rel}.py imports {imported} from a later stage")
    assert bad == []


MAX_MODULE_LINES = 600
MAX_FUNCTION_LINES = 100


def test_modules_and_functions_stay_small():
    """One concept per module (networkx style): no module over 600 lines, no function over 100."""
    big = []
    for path in sorted(PACKAGE.rglob("*.py")):
        text = path.read_text("utf-8")
        rel = path.relative_to(PACKAGE.parent)
        if text.count("\n") > MAX_MODULE_LINES:
            big.append(f"{rel}: {text.count(chr(10))} lines")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = node.end_lineno - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    big.append(f"{rel}:{node.lineno}: {node.name} is {length} lines")
    assert big == []
