"""Packs shipped as installed Python distributions (entry-point group smplan_lint.packs),
including their Python derived-fact providers."""

from __future__ import annotations

import json
import os
import textwrap
from pathlib import Path

from conftest import FIXTURES, run_cli

PACK = """\
pack: {name: handle-policy, version: 1.0.0, prefix: HP, requires: ">=0.1"}
rules:
  - id: HP1
    name: handle-too-long
    severity: warning
    summary: A handle is too long to type
    why: People type handles from posters.
    given: account
    when: {hp_handle_length: {gt: 12}}
    message: "@{handle} has {hp_handle_length} characters"
    fix: Pick a shorter handle.
    examples:
      fail: [{accounts: [{id: a, network: x, handle: acme_coffee_roasters}]}]
      pass: [{accounts: [{id: a, network: x, handle: acme}]}]
"""

PLUGIN = """\
from pathlib import Path

def handle_length(fact, today):
    return {"hp_handle_length": len(fact.get("handle", ""))}

def broken(fact, today):
    raise ValueError("no network")

def pack():
    providers = [broken] if Path(__file__).with_name("BROKEN").exists() else [handle_length]
    return {"path": str(Path(__file__).with_name("pack.yaml")),
            "providers": {"account": providers}}
"""


def _install(site: Path) -> dict[str, str]:
    """A distribution as pip leaves it: the module plus its dist-info with entry points."""
    module = site / "handle_policy"
    module.mkdir(parents=True)
    (module / "__init__.py").write_text(PLUGIN)
    (module / "pack.yaml").write_text(PACK)
    info = site / "handle_policy-1.0.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: handle-policy\nVersion: 1.0.0\n")
    (info / "entry_points.txt").write_text(
        textwrap.dedent("""\
        [smplan_lint.packs]
        handle-policy = handle_policy:pack
        """))
    return {**os.environ, "PYTHONPATH": str(site)}


def test_installed_pack_and_its_provider_are_used(tmp_path):
    env = _install(tmp_path / "site")
    result = run_cli(str(FIXTURES / "healthy.smplan.yaml"), "--format", "json",
                     "--today", "2026-11-27", env=env)
    findings = [f for f in json.loads(result.stdout)["findings"] if f["rule"] == "HP1"]
    assert [f["subject"] for f in findings] == ["li-company"]
    assert findings[0]["message"] == "@acme-coffee-roasters has 20 characters"
    listed = json.loads(run_cli("rules", "--format", "json", env=env).stdout)["rules"]
    assert {"id": "HP1", "name": "handle-too-long", "severity": "warning",
            "pack": "handle-policy", "summary": "A handle is too long to type"} in listed


def test_a_failing_provider_is_a_clear_error_not_a_traceback(tmp_path):
    env = _install(tmp_path / "site")
    (tmp_path / "site" / "handle_policy" / "BROKEN").write_text("")
    result = run_cli(str(FIXTURES / "healthy.smplan.yaml"), env=env)
    err = result.stderr.decode()
    assert result.returncode == 2
    assert "pack handle-policy: provider broken failed" in err and "Traceback" not in err


def test_a_provider_returning_a_list_is_a_clean_error(tmp_path):
    env = _install(tmp_path / "site")
    module = tmp_path / "site" / "handle_policy" / "__init__.py"
    module.write_text(PLUGIN.replace('return {"hp_handle_length": len(fact.get("handle", ""))}',
                                     'return ["hp_handle_length"]'))
    plan = tmp_path / "p.smplan.yaml"
    plan.write_text("version: 1\naccounts: [{id: a, network: x, handle: acme}]\n")
    result = run_cli(str(plan), env=env)
    err = result.stderr.decode()
    assert result.returncode == 2 and "Traceback" not in err and "internal error" not in err
    assert "provider handle_length failed" in err and "returned list, not a mapping" in err
