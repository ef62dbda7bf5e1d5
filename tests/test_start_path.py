"""A plain run of one plan imports only what linting it needs: each module left out
here cost milliseconds of every start (see docs/performance.md)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURES, modules_after_run

PLAN = str(FIXTURES / "failing.smplan.yaml")


@pytest.mark.parametrize("output", ["text", "json"])
def test_a_plain_run_leaves_out_what_it_does_not_need(output: str) -> None:
    # pathlib (with urllib.parse and ipaddress): only a searched folder, a configuration
    # file or a pack read from its files needs it; importlib.metadata: only an installed
    # pack; tomllib: only a pyproject.toml with a section of ours
    unneeded = ("pathlib", "urllib.parse", "ipaddress", "importlib.metadata", "tomllib")
    imported = modules_after_run("--format", output, "--today", "2026-11-27", PLAN,
                                 forget=unneeded)
    assert "smplan_lint.lint" in imported   # the run really linted
    assert imported.isdisjoint(unneeded)


def test_a_configuration_file_is_still_read(tmp_path: Path) -> None:
    """The configuration is found without pathlib, and read with it."""
    from conftest import run_cli

    plan = tmp_path / "plan.smplan.yaml"
    plan.write_bytes((FIXTURES / "failing.smplan.yaml").read_bytes())
    (tmp_path / ".smplan-lint.yaml").write_text("ignore: [SMP201]\n")
    with_config = run_cli("--format", "json", "--today", "2026-11-27", str(plan)).stdout
    plain = run_cli("--format", "json", "--today", "2026-11-27", PLAN).stdout
    assert b'"SMP201"' in plain and b'"SMP201"' not in with_config
