"""Every generated file is what its generator makes from today's sources (tools/regenerate.py)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _check_in_a_copy(tmp_path: Path, spoil: str | None = None) -> subprocess.CompletedProcess:
    """Checked in a copy, so a stale file never changes the tree the other tests read."""
    for part in ("tools", "smplan_lint", "rules", "docs"):
        shutil.copytree(ROOT / part, tmp_path / part,
                        ignore=shutil.ignore_patterns("__pycache__", "*.html", "*.png"))
    if spoil:
        (tmp_path / spoil).write_text("outdated\n")
    return subprocess.run([sys.executable, "tools/regenerate.py", "--check"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=300)


def test_no_generated_file_is_stale(tmp_path: Path) -> None:
    result = _check_in_a_copy(tmp_path)
    assert result.returncode == 0, (
        f"{result.stdout}{result.stderr}\nrun `python tools/regenerate.py` and commit the result")


def test_a_stale_file_is_named(tmp_path: Path) -> None:
    result = _check_in_a_copy(tmp_path, spoil="docs/rules.md")
    assert result.returncode == 1 and "stale: docs/rules.md" in result.stdout
    assert (tmp_path / "docs" / "rules.md").read_text() == "outdated\n"  # --check changes nothing
