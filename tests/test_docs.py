"""Doc drift is a test failure: README examples run, every command is documented, CI runs the README's command."""

import doctest
import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.cli import cli

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text("utf-8")


def _blocks(lang):
    return re.findall(rf"```{lang}\n(.*?)```", README, flags=re.S)


def test_every_command_is_in_the_readme():
    missing = [name for name in cli.commands if f"`geograph {name}" not in README]
    assert missing == []


def test_quick_start_has_exactly_two_commands_and_ci_runs_the_second():
    quick = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    commands = [b.strip() for b in re.findall(r"```bash\n(.*?)```", quick, flags=re.S)]
    assert len(commands) == 2
    assert "geograph build" in commands[0]
    ci = (ROOT / ".ci" / "run").read_text("utf-8").strip().splitlines()
    assert commands[1] in ci, (
        ".ci/run must run the README's test command verbatim, on a line of its own"
    )


def test_pycon_examples_run(tmp_path, monkeypatch):
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    namespace = {}  # later blocks go on from earlier ones, as a reader's session would
    for i, block in enumerate(_blocks("pycon")):
        test = parser.get_doctest(block, namespace, f"README pycon block {i}", "README.md", 0)
        runner.run(test, clear_globs=False)
        namespace.update(test.globs)  # DocTest works on a copy
    assert runner.summarize(verbose=False).failed == 0


@pytest.mark.parametrize("block", _blocks("console"))
def test_console_examples_print_what_the_readme_shows(block):
    runner = CliRunner()
    lines = block.strip().splitlines()
    i = 0
    while i < len(lines):
        assert lines[i].startswith("$ geograph "), lines[i]
        args = shlex.split(lines[i][len("$ geograph ") :])
        expected = []
        i += 1
        while i < len(lines) and not lines[i].startswith("$ "):
            expected.append(lines[i])
            i += 1
        result = runner.invoke(cli, args)
        assert result.output.splitlines() == expected, " ".join(args)
