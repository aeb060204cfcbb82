"""README tells the truth: its commands exist, CI runs its test command."""

from __future__ import annotations

import re
from pathlib import Path

from compiler.cli import main

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_command_is_documented_in_readme() -> None:
    documented = set(re.findall(r"^\| `brief (\w+)", README, flags=re.MULTILINE))
    assert documented == set(main.commands)


def test_ci_runs_the_readme_test_command() -> None:
    blocks = re.findall(r"```sh\n(.*?)\n```", README, flags=re.DOTALL)
    install, test = blocks[0].strip(), blocks[1].strip()
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert test in ci.splitlines()
    assert "pip install" in install and ".[test]" in install and "brief build" in install
    assert '.venv/bin/pip install --quiet -e ".[test]"' in ci


def test_readme_example_manifest_exists() -> None:
    manifest = re.search(r"brief build (\S+)", README).group(1)
    assert (ROOT / manifest).is_file()
