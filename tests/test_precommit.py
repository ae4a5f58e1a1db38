"""The `quotes-check` pre-commit hook, run the way a newsroom runs it: `pre-commit try-repo`.

`try-repo` clones the hook repository's HEAD commit, so uncommitted work would be invisible to it:
the working tree (tracked files and new ones, without virtualenvs, .git and caches) is copied into a
temporary git repository and committed there. pre-commit then installs the package into a fresh
virtualenv (try-repo always uses a temporary store, so nothing is reused between runs; pip's own
cache still is) and runs the hook on a draft in a second temporary repository that holds the
sources and a `.quotes.toml` pointing at them. About 30 s a run, most of it installing spaCy.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parent.parent
LEFT_OUT = (".git", ".venv*", "build", "dist", "*.egg-info", "__pycache__", ".pytest_cache", ".ruff_cache", ".mypy_cache")
SOURCE = "\u201cThe cranes will run again by June, and the ferries will follow in July,\u201d port director Ines Falk said.\n"
CLEAN = "Port director Ines Falk said: \u201cThe cranes will run again by June.\u201d\n"
MISQUOTED = "Port director Ines Falk said: \u201cThe cranes will run again by August, and the ferries follow in July.\u201d\n"
INSTALL_TIMEOUT = 1800  # seconds; a cold pip install of spaCy on a slow machine

requires_tools = pytest.mark.skipif(
    shutil.which("git") is None or importlib.util.find_spec("pre_commit") is None,
    reason="needs git and pre-commit (pip install '.[test]')",
)


def git(folder: Path, *args: str) -> None:
    identity = ("-c", "user.name=quotes tests", "-c", "user.email=tests@example.invalid", "-c", "commit.gpgsign=false")
    subprocess.run(["git", *identity, *args], cwd=folder, check=True, capture_output=True)


def working_tree_files() -> list[str]:
    """Tracked and new files, as git sees them (read-only); None of the ignored ones."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"], cwd=REPO, capture_output=True, check=True
    )
    return [name for name in listed.stdout.decode().split("\0") if name and (REPO / name).is_file()]


def copy_working_tree(target: Path) -> None:
    try:
        names = working_tree_files()
    except (OSError, subprocess.CalledProcessError):  # not a git checkout (an unpacked sdist): copy the folder
        shutil.copytree(REPO, target, ignore=shutil.ignore_patterns(*LEFT_OUT))
        return
    for name in names:
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / name, target / name)


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory) -> Path:
    """This project's working tree, committed in a repository of its own."""
    folder = tmp_path_factory.mktemp("hook-repo")
    copy_working_tree(folder)
    git(folder, "init", "-q")
    git(folder, "add", "-A")
    git(folder, "commit", "-q", "-m", "working tree")
    return folder


@pytest.fixture
def newsroom(tmp_path) -> Path:
    """A repository with a sources folder and a `.quotes.toml` pointing at it."""
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "port.txt").write_text(SOURCE, encoding="utf-8")
    (tmp_path / ".quotes.toml").write_text('sources = ["sources/"]\n', encoding="utf-8")
    git(tmp_path, "init", "-q")
    return tmp_path


def try_repo(hook_repo: Path, newsroom: Path, draft: str) -> subprocess.CompletedProcess[str]:
    (newsroom / "draft.md").write_text(draft, encoding="utf-8")
    git(newsroom, "add", "-A")
    env = {name: value for name, value in os.environ.items() if name not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env.update(PRE_COMMIT_HOME=str(newsroom.parent / "pre-commit-home"), QUOTES_CACHE_DIR=str(newsroom.parent / "quotes-cache"))
    command = [sys.executable, "-m", "pre_commit", "try-repo", str(hook_repo), "quotes-check", "--files", "draft.md"]
    command += ["--color", "never"]
    return subprocess.run(command, cwd=newsroom, env=env, capture_output=True, text=True, timeout=INSTALL_TIMEOUT, check=False)


@requires_tools
def test_the_hook_fails_on_a_misquote_with_a_linter_line(hook_repo, newsroom):
    result = try_repo(hook_repo, newsroom, MISQUOTED)
    assert result.returncode != 0, result.stdout + result.stderr
    assert "draft.md:1:32: QC101 misquote:" in result.stdout, result.stdout + result.stderr
    assert "\x1b[" not in result.stdout.split("quotes check", 1)[-1]  # plain lines under pre-commit


@requires_tools
def test_the_hook_passes_on_a_clean_draft(hook_repo, newsroom):
    result = try_repo(hook_repo, newsroom, CLEAN)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Passed" in result.stdout


def readme_hook_config(hook_repo: Path) -> str:
    """The README's `.pre-commit-config.yaml` block, with this repository and its HEAD in place of the URL and SHA."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### As a pre-commit hook") :]
    block = section[section.index("```yaml\n") + len("```yaml\n") : section.index("```\n", section.index("```yaml\n") + 8)]
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=hook_repo, capture_output=True, text=True, check=True).stdout.strip()
    assert "https://github.com/<org>/quotes" in block and "rev: 0000000000000000000000000000000000000000" in block
    return block.replace("https://github.com/<org>/quotes", str(hook_repo)).replace(
        "0000000000000000000000000000000000000000", head
    )


@requires_tools
def test_the_readme_hook_configuration_runs_as_written(hook_repo, newsroom):
    (newsroom / ".pre-commit-config.yaml").write_text(readme_hook_config(hook_repo), encoding="utf-8")
    (newsroom / "draft.md").write_text(CLEAN, encoding="utf-8")
    git(newsroom, "add", "-A")
    env = {name: value for name, value in os.environ.items() if name not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env.update(PRE_COMMIT_HOME=str(newsroom.parent / "pre-commit-home"), QUOTES_CACHE_DIR=str(newsroom.parent / "quotes-cache"))
    command = [sys.executable, "-m", "pre_commit", "run", "--files", "draft.md", "--color", "never"]
    done = subprocess.run(command, cwd=newsroom, env=env, capture_output=True, text=True, timeout=INSTALL_TIMEOUT, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 errors" in done.stdout  # verbose: true shows the passing hook's summary
