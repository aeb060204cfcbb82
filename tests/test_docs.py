"""README tells the truth: its commands exist, CI runs its test command."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

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


def readme_examples() -> list[str]:
    """The commands README tells users to run: the example block, and the build of the
    bundled meeting from the set-up line."""
    block = re.search(r"Examples on the corpus.*?```sh\n(.*?)```", README, re.DOTALL)
    assert block, "README lost its examples"
    setup = re.findall(r"```sh\n(.*?)\n```", README, flags=re.DOTALL)[0]
    build = setup.split(" && ")[-1]
    return [build, *(line for line in block.group(1).splitlines() if line.strip())]


@pytest.mark.parametrize("line", readme_examples(), ids=lambda line: line[:60])
def test_readme_example_runs_as_written(tmp_path: Path, line: str) -> None:
    assert line.startswith(".venv/bin/brief "), "README examples run the installed command"
    if not (ROOT / ".venv" / "bin" / "brief").exists():
        pytest.skip("no .venv/bin/brief: README's set-up commands were not used here")
    shared = ROOT.parent / "shared"
    if "../shared/corpus" in line and not (shared / "corpus").is_dir():
        pytest.skip("the shared corpus is absent")
    # The project's layout, with its outputs in a temporary folder; sources copied, since a
    # build keeps its store (brief.db) beside the manifest.
    project = tmp_path / "project"
    project.mkdir()
    (project / ".venv").symlink_to(ROOT / ".venv")
    shutil.copytree(
        ROOT / "sources", project / "sources", ignore=shutil.ignore_patterns("brief.db*")
    )
    (project / "output").mkdir()
    if shared.is_dir():
        (tmp_path / "shared").symlink_to(shared)
    result = subprocess.run(
        ["bash", "-c", line], cwd=project, capture_output=True, text=True, timeout=300, check=False
    )
    assert result.returncode == 0, f"{line}\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}"
    redirected = line.rsplit(" > ", 1)[1] if " > " in line else None
    assert (project / redirected).stat().st_size if redirected else result.stdout.strip()
