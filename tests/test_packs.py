"""Organisation rule packs as a user writes and loads them: the example pack
(fixtures/org-pack) tests itself, checks a plan exactly where its `# expect:`
comments say, loads by --rules, by config and as an installed distribution,
and a broken pack stops the run with the file, line and what is wrong."""

from __future__ import annotations

import json
import os
import re
import textwrap
from collections import Counter
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES, ROOT, TODAY, needs_durable, run_cli

from smplan_lint.engine import backend
from smplan_lint.examples import run_examples
from smplan_lint.lint import lint_bytes
from smplan_lint.load import load_path
from smplan_lint.packs import compile_packs, core_pack, load_pack

ORG_PACK = FIXTURES / "org-pack"
ORG_PLAN = FIXTURES / "org-plan.smplan.yaml"
BAD = FIXTURES / "bad-packs"
ORG_RULES = {"ORG101", "ORG102", "ORG201"}
EXPECT = re.compile(r"#\s*expect:\s*([A-Z0-9 ]+)")


def _text(result) -> tuple[str, str]:
    return result.stdout.decode(), result.stderr.decode()


def _single_file_pack(folder: Path, target: Path) -> Path:
    """The folder pack written as one file: its header plus every rule file's rules."""
    merged = load_path(str(folder / "pack.yaml")).data   # the pack loader's YAML: `on` is a key
    merged["rules"] = [rule for path in sorted(folder.glob("*.yaml")) if path.name != "pack.yaml"
                       for rule in load_path(str(path)).data["rules"]]
    target.write_text(yaml.safe_dump(merged, sort_keys=False, allow_unicode=True))
    return target


def _expected() -> Counter:
    found: Counter = Counter()
    for number, line in enumerate(ORG_PLAN.read_text().splitlines(), start=1):
        match = EXPECT.search(line)
        if match:
            found.update((rule, number) for rule in match.group(1).split())
    return found


def _findings(stdout: str) -> Counter:
    return Counter((item["rule"], item["line"]) for item in json.loads(stdout)["findings"])


# The pack's own examples ---------------------------------------------------------------

def test_org_pack_header_and_rules():
    pack = load_pack(str(ORG_PACK))
    assert (pack.name, pack.version, pack.prefix) == ("acme-policy", "1.0.0", "ORG")
    assert {rule.id for rule in pack.rules} == ORG_RULES
    assert pack.fields["account"] == {"two_factor": "boolean", "contract_end": "date",
                                      "agency": "string"}
    for rule in pack.rules:
        assert rule.summary and rule.why and rule.fix and rule.message
        assert rule.examples["fail"] and rule.examples["pass"]


def test_org_pack_examples_pass_on_both_engines(engine_name):
    pack = load_pack(str(ORG_PACK))
    compiled = compile_packs([core_pack(), pack])
    results = run_examples(pack.rules, compiled, backend(engine_name))
    assert [f"{r.label}: {r.detail}" for r in results if not r.ok] == []
    # every rule has its cases covered: two fail examples each, all of them ran
    assert Counter((r.rule, r.kind) for r in results) == Counter({
        ("ORG101", "fail"): 2, ("ORG101", "pass"): 1, ("ORG102", "fail"): 2,
        ("ORG102", "pass"): 3, ("ORG201", "fail"): 2, ("ORG201", "pass"): 2})


@pytest.mark.parametrize("engine", [pytest.param("durable", marks=needs_durable), "python"])
def test_test_pack_prints_each_example_and_exits_0(engine):
    result = run_cli("test-pack", str(ORG_PACK), "--engine", engine)
    out, err = _text(result)
    assert result.returncode == 0, err
    lines = out.splitlines()
    assert sum(line.startswith("PASS ") for line in lines) == 12
    assert "PASS ORG102 fail example 2: x account @acme is run by Brightside, " \
           "whose contract ended on 2026-03-31" in lines
    assert lines[-1] == "12 passed, 0 failed"


def test_test_pack_fails_on_a_wrong_example():
    result = run_cli("test-pack", str(BAD / "failing-example.yaml"))
    out, err = _text(result)
    assert result.returncode == 1
    assert "FAIL BAD101 pass example 1: the rule fired: account a has no handle" in out
    assert out.splitlines()[-1] == "1 passed, 1 failed"


def test_test_pack_on_a_broken_pack_exits_2():
    result = run_cli("test-pack", str(BAD / "unknown-rule-key.yaml"))
    out, err = _text(result)
    assert result.returncode == 2
    assert "unknown-rule-key.yaml:11:5: unknown key 'summery'" in err
    assert "Traceback" not in err


# Findings land where the plan says ------------------------------------------------------

@pytest.mark.parametrize("engine", [pytest.param("durable", marks=needs_durable), "python"])
def test_org_plan_findings_land_exactly_where_expected(engine):
    result = run_cli("--rules", str(ORG_PACK), "--today", TODAY.isoformat(), "--engine", engine,
                     "--format", "json", str(ORG_PLAN))
    out, err = _text(result)
    assert result.returncode == 1, err   # ORG101 and ORG102 are errors
    assert _findings(out) == _expected()
    assert set(rule for rule, _ in _expected()) == ORG_RULES


def test_org_plan_in_process_on_both_engines(engine_name):
    compiled = compile_packs([core_pack(), load_pack(str(ORG_PACK))])
    result = lint_bytes(ORG_PLAN.read_bytes(), str(ORG_PLAN), compiled, backend(engine_name),
                        TODAY)
    assert Counter((f.rule, f.line) for f in result.findings) == _expected()
    messages = {f.message for f in result.findings}
    assert "linkedin account @acme-coffee-roasters is run by Talentwerk with no contract " \
           "end date" in messages
    assert "goal li-cafe-leads serves objective 'wholesale', whose period has not started" \
           in messages


def test_dates_are_compared_with_today_option():
    """Before the tiktok agency's contract ended (and while 'hiring' ran), fewer findings."""
    result = run_cli("--rules", str(ORG_PACK), "--today", "2025-10-15", "--format", "json",
                     "--select", "ORG102,ORG201", str(ORG_PLAN))
    found = [(f["rule"], f["message"]) for f in json.loads(result.stdout)["findings"]]
    assert ("ORG102", "tiktok account @acmecoffee is run by Clipfactory, whose contract ended "
            "on 2026-10-31") not in found
    assert not any("li-applications" in message for _, message in found)
    # the objective 'online-sales' (from 2026-01-01) has not started yet on that day
    assert ("ORG201", "goal ig-referrals serves objective 'online-sales', whose period has "
            "not started") in found


def test_without_the_pack_its_keys_are_unknown():
    """The pack's `fields:` make two_factor/contract_end expected keys; without it they are not."""
    result = run_cli("--today", TODAY.isoformat(), "--format", "json", str(ORG_PLAN))
    rules = Counter(f["rule"] for f in json.loads(result.stdout)["findings"])
    assert rules == Counter({"SMP005": 6})   # 3x two_factor, 3x contract_end


# Loading: --rules (folder, file), config packs:, installed distribution ----------------

def test_rules_as_folder_and_as_single_file_give_the_same_findings(tmp_path):
    single = _single_file_pack(ORG_PACK, tmp_path / "acme-policy.yaml")
    runs = [run_cli("--rules", str(path), "--today", TODAY.isoformat(), "--format", "json",
                    str(ORG_PLAN)) for path in (ORG_PACK, single)]
    assert _findings(runs[0].stdout) == _findings(runs[1].stdout) == _expected()


def test_config_packs_loads_the_pack_relative_to_the_config(tmp_path):
    (tmp_path / "policy").mkdir()
    for path in ORG_PACK.iterdir():
        (tmp_path / "policy" / path.name).write_bytes(path.read_bytes())
    (tmp_path / ".smplan-lint.yaml").write_text("packs: [policy]\n")
    (tmp_path / "plan.smplan.yaml").write_bytes(ORG_PLAN.read_bytes())
    result = run_cli("--today", TODAY.isoformat(), "--format", "json", "plan.smplan.yaml",
                     cwd=tmp_path)
    assert _findings(result.stdout) == _expected()
    listed = run_cli("rules", "--format", "json", cwd=tmp_path)
    assert ORG_RULES <= {row["id"] for row in json.loads(listed.stdout)["rules"]}


def test_config_naming_a_missing_pack_exits_2(tmp_path):
    (tmp_path / ".smplan-lint.yaml").write_text("packs: [nowhere]\n")
    result = run_cli("rules", cwd=tmp_path)
    out, err = _text(result)
    assert result.returncode == 2
    assert "nowhere" in err and "rule pack not found" in err
    assert "Traceback" not in err


def _install_pack(site: Path, body: str) -> dict[str, str]:
    """A distribution as pip leaves it: a module and a dist-info with the entry point."""
    site.mkdir()
    (site / "acme_policy_pack.py").write_text(textwrap.dedent(body))
    info = site / "acme_policy_pack-1.0.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: acme-policy-pack\n"
                                   "Version: 1.0.0\n")
    (info / "entry_points.txt").write_text("[smplan_lint.packs]\n"
                                           "acme-policy = acme_policy_pack:pack_path\n")
    return {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), str(ROOT)])}


def test_installed_distribution_entry_point_loads_the_pack(tmp_path):
    env = _install_pack(tmp_path / "site", f"""
        def pack_path():
            return {str(ORG_PACK)!r}
        """)
    result = run_cli("--today", TODAY.isoformat(), "--format", "json", str(ORG_PLAN), env=env)
    assert _findings(result.stdout) == _expected()
    listed = json.loads(run_cli("rules", "--format", "json", env=env).stdout)["rules"]
    assert {row["id"]: row["pack"] for row in listed if row["id"] in ORG_RULES} == {
        rule: "acme-policy" for rule in ORG_RULES}


def test_broken_installed_pack_exits_2_naming_it(tmp_path):
    env = _install_pack(tmp_path / "site", """
        def pack_path():
            raise RuntimeError("pack data missing from the wheel")
        """)
    result = run_cli("rules", env=env)
    out, err = _text(result)
    assert result.returncode == 2
    assert "installed pack 'acme-policy' failed to load: pack data missing" in err
    assert "Traceback" not in err


# Listing and explaining -------------------------------------------------------------------

def test_rules_json_lists_the_org_rules_with_their_pack():
    result = run_cli("rules", "--rules", str(ORG_PACK), "--format", "json")
    rows = {row["id"]: row for row in json.loads(result.stdout)["rules"]}
    assert result.returncode == 0
    assert rows["ORG101"] == {"id": "ORG101", "name": "account-two-factor-off",
                              "severity": "error", "pack": "acme-policy",
                              "summary": "An account does not have two-factor login on"}
    assert rows["ORG201"]["pack"] == "acme-policy" and rows["SMP201"]["pack"] == "core"


def test_explain_prints_why_examples_and_fix():
    result = run_cli("explain", "ORG101", "--rules", str(ORG_PACK))
    out, err = _text(result)
    assert result.returncode == 0, err
    assert out.startswith("ORG101 account-two-factor-off (error, pack acme-policy)")
    assert "Why:\n  An account protected by a password alone" in out
    assert "Fails on:" in out and "two_factor: false" in out
    assert "Passes on:" in out and "two_factor: true" in out
    assert "Fix:\n  Turn on two-factor login" in out
    by_name = run_cli("explain", "goal-objective-out-of-period", "--rules", str(ORG_PACK))
    assert by_name.stdout.decode().startswith("ORG201 goal-objective-out-of-period")


# Broken packs: exit 2, file:line:column and what is wrong, never a traceback -------------

BROKEN = [
    ("malformed-yaml.yaml", 18, "a list item among 'key: value' lines"),
    ("unknown-operator.yaml", 17, "rule BAD101: unknown operator 'greater' (did you mean"),
    ("unknown-rule-key.yaml", 11, "unknown key 'summery' (did you mean 'summary'?)"),
    ("missing-examples.yaml", 8, "rule BAD101 needs `examples:`"),
    ("wrong-prefix.yaml", 8, "rule id 'ORG901' must be the pack prefix BAD and digits"),
    ("bad-regex.yaml", 16, "rule BAD101: bad regular expression"),
    ("undeclared-option.yaml", 17, "unknown option 'minimun' (did you mean 'minimum'?)"),
    ("requires-future.yaml", 6, "pack needs smplan-lint >=99; this is 0.1.0"),
]


@pytest.mark.parametrize("name, line, message", BROKEN, ids=[b[0] for b in BROKEN])
@pytest.mark.parametrize("command", ["lint", "rules"])
def test_broken_pack_exits_2_with_file_line_and_problem(name, line, message, command):
    path = BAD / name
    args = ([str(ORG_PLAN)] if command == "lint" else ["rules"]) + ["--rules", str(path)]
    result = run_cli(*args)
    out, err = _text(result)
    assert result.returncode == 2
    assert "Traceback" not in err and "internal error" not in err
    assert err.startswith(f"smplan-lint: error: {path}:{line}:")
    assert message in err
    if command == "rules":
        assert out == ""
    else:  # the report itself says the run could not lint, with the pack's place
        assert "could not be linted" in out and "No problems found" not in out
        assert f"{path}:{line}:" in out


def test_unknown_operator_greater_suggests_gt():
    result = run_cli("rules", "--rules", str(BAD / "unknown-operator.yaml"))
    assert "(did you mean 'gt'?)" in result.stderr.decode()


def test_clashing_rule_ids_name_both_packs():
    clash = BAD / "clash-org.yaml"
    result = run_cli("rules", "--rules", str(ORG_PACK), "--rules", str(clash))
    out, err = _text(result)
    assert result.returncode == 2
    assert "Traceback" not in err
    assert str(clash) in err
    assert "rule ORG101 of pack acme-copy clashes with pack acme-policy" in err


def test_clashing_rule_id_names_its_line():
    clash = BAD / "clash-org.yaml"
    result = run_cli("rules", "--rules", str(ORG_PACK), "--rules", str(clash))
    assert f"{clash}:8:" in result.stderr.decode()



# The tutorial shows the pack and output as they are -------------------------------------

def test_tutorial_shows_the_finished_pack_and_its_real_test_pack_output():
    tutorial = (ROOT / "docs" / "tutorial-org-pack.md").read_text()
    assert (ORG_PACK / "goals.yaml").read_text() in tutorial
    accounts = (ORG_PACK / "accounts.yaml").read_text()
    for block in accounts[accounts.index("  - id: ORG101"):].split("\n\n"):
        assert block.strip("\n") in tutorial
    header = (ORG_PACK / "pack.yaml").read_text()
    assert header[header.index("\npack:") + 1:header.index("  # Keys")] in tutorial
    shown = run_cli("test-pack", str(ORG_PACK)).stdout.decode()
    assert f"$ smplan-lint test-pack acme-policy\n{shown}```" in tutorial


def test_declared_field_types_are_checked_before_rules_read_them(tmp_path):
    plan = tmp_path / "inventory.yaml"
    plan.write_text(
        "version: 1\naccounts:\n"
        "  - {id: a, network: x, handle: acme, two_factor: yes-please, agency: Brightside,\n"
        "     contract_end: 2026-13-45}\n")
    result = run_cli(str(plan), "--rules", str(ORG_PACK), "--format", "json",
                     "--today", "2026-11-27")
    found = {(f["rule"], f["path"]) for f in json.loads(result.stdout)["findings"]}
    assert ("SMP003", "/accounts/0/two_factor") in found
    assert ("SMP006", "/accounts/0/contract_end") in found


def test_unknown_field_kind_or_type_in_a_pack_header_is_an_error(tmp_path):
    bad = tmp_path / "pack.yaml"
    bad.write_text('pack: {name: p, version: "1", prefix: P, fields: {acount: {x: boolean}}}\n'
                   "rules: []\n")
    result = run_cli("rules", "--rules", str(bad))
    assert result.returncode == 2
    assert "unknown item kind 'acount' (did you mean 'account'?)" in result.stderr.decode()
    bad.write_text('pack: {name: p, version: "1", prefix: P, fields: {account: {x: bool-ish}}}\n'
                   "rules: []\n")
    result = run_cli("rules", "--rules", str(bad))
    assert result.returncode == 2 and "field type must be one of" in result.stderr.decode()


@pytest.mark.parametrize("body, reason", [
    ("raise SystemExit(0)", "it tried to end the program (SystemExit 0)"),
    ("raise SystemExit('bye')", "it tried to end the program (SystemExit 'bye')"),
    ("return {}['path']", "'path'"),
])
def test_an_installed_pack_that_exits_or_raises_is_a_pack_error(tmp_path, body, reason):
    env = _install_pack(tmp_path / "site", f"""
        def pack_path():
            {body}
        """)
    result = run_cli(str(ORG_PLAN), env=env)
    out, err = _text(result)
    assert result.returncode == 2
    assert f"installed pack 'acme-policy' failed to load: {reason}" in err
    assert "could not be linted" in out and "No problems found" not in out
    assert "Traceback" not in err and "internal error" not in err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_in_a_pack_folder_is_a_pack_error_not_a_hang(tmp_path):
    pack = tmp_path / "pack"
    pack.mkdir()
    for found in ORG_PACK.iterdir():
        (pack / found.name).write_bytes(found.read_bytes())
    os.mkfifo(pack / "zz.yaml")
    (pack / "device.yaml").symlink_to("/dev/zero")
    result = run_cli("rules", "--rules", str(pack))
    err = result.stderr.decode()
    assert result.returncode == 2
    assert f"{pack / 'device.yaml'}:1:1: is not a regular file (a device)" in err


def test_an_option_of_the_wrong_type_is_a_clean_error(tmp_path):
    (tmp_path / ".smplan-lint.yaml").write_text("rules: {account-inactive: {days: abc}}\n")
    plan = tmp_path / "p.smplan.yaml"
    plan.write_bytes((FIXTURES / "healthy.smplan.yaml").read_bytes())
    result = run_cli(str(plan), cwd=tmp_path)
    err = result.stderr.decode()
    assert result.returncode == 2 and "Traceback" not in err and "internal error" not in err
    assert ("options of rule SMP205 (account-inactive): 'days' takes a number like its "
            "default (90), not text ('abc')") in err
