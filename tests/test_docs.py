"""The README is the users' entry point: its two set-up commands, CI's test command and every CLI command stay true."""

from __future__ import annotations

import re

from conftest import ROOT

from pipeline.cli import build_parser

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _setup_commands() -> list[str]:
    first = README.split("\n\n")[1]
    block = re.fullmatch(r"```sh\n(.*?)```", first, re.S)
    assert block, "README must start with the set-up block right under its title"
    return [line for line in block.group(1).splitlines() if line.strip()]


def test_readme_starts_with_exactly_two_setup_commands():
    commands = _setup_commands()
    assert len(commands) == 2
    assert commands[0].startswith("pip install .") and "gouji scan corpus --out outputs" in commands[0]
    assert "pytest" in commands[1]


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert _setup_commands()[1] in ci


def test_every_cli_command_has_help_and_is_in_the_readme():
    parser = build_parser()
    subcommands = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction").choices
    assert set(subcommands) >= {"scan", "extract", "claims", "rules"}
    for name, sub in subcommands.items():
        assert sub.format_help().strip()
        assert f"gouji {name}" in README, f"`gouji {name}` is not documented in README.md"
