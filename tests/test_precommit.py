"""The hook as teams use it: the real `pre-commit` tool, on this repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT

pytestmark = pytest.mark.slow


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def _try_repo(plan: Path, tmp_path: Path) -> subprocess.CompletedProcess:
    work = tmp_path / "team-plan"
    work.mkdir()
    _git(work, "init", "-q")
    shutil.copy(plan, work / "inventory.yaml")
    _git(work, "add", "inventory.yaml")
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}
    pre_commit = Path(sys.executable).with_name("pre-commit")
    if not pre_commit.exists():
        pytest.skip("pre-commit is not installed (pip install -e '.[test]')")
    return subprocess.run([str(pre_commit), "try-repo", str(ROOT), "smplan-lint", "--all-files"],
                          cwd=work, capture_output=True, env=env, timeout=900)


def test_hook_fails_on_a_failing_plan(tmp_path):
    result = _try_repo(FIXTURES / "failing.smplan.yaml", tmp_path)
    out = result.stdout.decode()
    assert result.returncode == 1, out
    assert "smplan-lint" in out and "Failed" in out and "SMP201" in out


def test_hook_passes_on_a_healthy_plan(tmp_path):
    result = _try_repo(FIXTURES / "healthy.smplan.yaml", tmp_path)
    out = result.stdout.decode()
    assert result.returncode == 0, out
    assert "Passed" in out
