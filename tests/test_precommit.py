"""The hook as teams use it: the README's two pre-commit configurations, run as written
by the real `pre-commit` tool.

The configuration for a hosted copy is pointed at a tagged clone of this repository
(its committed state), in place of the placeholder URL. pre-commit keeps its caches in
PRE_COMMIT_HOME, here a temporary folder: the suite writes nothing outside the
repository and the temporary folders.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES, ROOT

pytestmark = pytest.mark.slow

PLACEHOLDER = "<the URL where you host smplan-lint>"
GIT_ENV = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}


def readme_configs() -> dict[str, str]:
    """The README's pre-commit configurations, by the repo they name."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("**pre-commit**"):text.index("**GitHub Actions**")]
    blocks = re.findall(r"```yaml\n(.*?)```", section, re.DOTALL)
    return {yaml.safe_load(block)["repos"][0]["repo"]: block for block in blocks}


def _git(cwd: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                          env={**os.environ, **GIT_ENV})
    return done.stdout.decode().strip()


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache for the module, so the hosted hook is installed once."""
    return tmp_path_factory.mktemp("pre-commit-home")


@pytest.fixture(scope="module")
def hosted(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A clone of this repository's current commit, tagged with the README's `rev:`."""
    rev = yaml.safe_load(readme_configs()[PLACEHOLDER])["repos"][0]["rev"]
    clone = tmp_path_factory.mktemp("hosted") / "smplan-lint"
    _git(ROOT.parent, "clone", "-q", str(ROOT), str(clone))
    _git(clone, "checkout", "-q", _git(ROOT, "rev-parse", "HEAD"))
    _git(clone, "tag", "-f", rev)
    return str(clone)


def _run(config: str, plan: Path, home: Path, tmp_path: Path) -> subprocess.CompletedProcess:
    pre_commit = Path(sys.executable).with_name("pre-commit")
    if not pre_commit.exists():
        pytest.skip("pre-commit is not installed (pip install -e '.[test]')")
    work = tmp_path / "team-plan"
    work.mkdir()
    _git(work, "init", "-q")
    (work / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    shutil.copy(plan, work / "inventory.yaml")
    _git(work, "add", ".pre-commit-config.yaml", "inventory.yaml")
    # `language: system` finds smplan-lint where pip installed it: this interpreter's bin.
    path = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
    env = {**os.environ, **GIT_ENV, "PRE_COMMIT_HOME": str(home), "PATH": path}
    return subprocess.run([str(pre_commit), "run", "--all-files"], cwd=work,
                          capture_output=True, env=env, timeout=900)


@pytest.mark.parametrize("repo", ["local", PLACEHOLDER])
@pytest.mark.parametrize("plan, status, words", [
    ("failing.smplan.yaml", 1, ("smplan-lint", "Failed", "SMP201")),
    ("healthy.smplan.yaml", 0, ("Passed",)),
], ids=["failing", "healthy"])
def test_readme_configs_run_as_written(repo: str, plan: str, status: int, words: tuple,
                                       pre_commit_home: Path, hosted: str,
                                       tmp_path: Path) -> None:
    config = readme_configs()[repo].replace(PLACEHOLDER, hosted)
    result = _run(config, FIXTURES / plan, pre_commit_home, tmp_path)
    out = result.stdout.decode() + result.stderr.decode()
    assert result.returncode == status, out
    assert all(word in out for word in words), out


def test_readme_shows_both_configurations() -> None:
    configs = readme_configs()
    assert set(configs) == {"local", PLACEHOLDER}
    local = yaml.safe_load(configs["local"])["repos"][0]["hooks"][0]
    assert local["language"] == "system" and local["entry"] == "smplan-lint"
    hosted = yaml.safe_load(configs[PLACEHOLDER])["repos"][0]
    assert re.fullmatch(r"v\d+\.\d+\.\d+", hosted["rev"])
