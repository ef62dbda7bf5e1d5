"""The command line as users run it: exit codes, messages, options, config, baseline."""

from __future__ import annotations

import json
import re
import shutil

import pytest
from conftest import FIXTURES, needs_durable, run_cli

from smplan_lint import __version__

DAY = ("--today", "2026-11-27")
HEALTHY = str(FIXTURES / "healthy.smplan.yaml")
FAILING = str(FIXTURES / "failing.smplan.yaml")


def _json(result) -> dict:
    return json.loads(result.stdout)


def test_version():
    result = run_cli("--version")
    assert result.returncode == 0
    assert __version__ in result.stdout.decode()


def test_healthy_plan_exits_0_and_failing_plan_exits_1():
    assert run_cli(HEALTHY, *DAY).returncode == 0
    failing = run_cli(FAILING, *DAY)
    assert failing.returncode == 1
    text = failing.stdout.decode()
    assert "errors" in text.splitlines()[-1] and "(1 suppressed)" in text
    assert "\x1b[" not in text  # not a terminal: no colour


def test_options_may_follow_paths_and_json_follows_the_contract():
    result = run_cli(FAILING, "--format", "json", *DAY)
    data = _json(result)
    assert list(data) == ["version", "findings", "errors", "summary"]
    first = data["findings"][0]
    assert list(first) == ["rule", "name", "severity", "message", "file", "line", "column",
                           "path", "subject", "fix", "help", "fingerprint", "sheet"]
    assert first["sheet"] is None  # a YAML plan; a spreadsheet's findings name their sheet
    ranks = [("error", "warning", "info").index(f["severity"]) for f in data["findings"]]
    assert ranks == sorted(ranks)
    summary = data["summary"]
    assert summary["suppressed"] == 1
    assert summary["error"] == sum(f["severity"] == "error" for f in data["findings"])


@needs_durable
def test_both_engines_give_identical_json():
    durable = run_cli(FAILING, "--format", "json", "--engine", "durable", *DAY)
    python = run_cli(FAILING, "--format", "json", "--engine", "python", *DAY)
    assert durable.stdout == python.stdout


def test_fail_on_threshold():
    assert run_cli(FAILING, "--fail-on", "never", *DAY).returncode == 0
    assert run_cli(HEALTHY, "--fail-on", "info", *DAY).returncode == 0
    bare = str(FIXTURES / "bare.smplan.yaml")
    assert run_cli(bare, "--ignore", "SMP008", "--fail-on", "warning", *DAY).returncode == 1
    assert run_cli(bare, "--select", "SMP405", "--fail-on", "warning", *DAY).returncode == 0
    assert run_cli(bare, "--select", "SMP405", "--fail-on", "info", *DAY).returncode == 1


def test_unparsable_file_is_one_line_with_position_and_other_files_still_linted(tmp_path):
    broken = tmp_path / "broken.smplan.yaml"
    broken.write_text("version: 1\naccounts:\n  - id: a\n   network: x\n")
    result = run_cli(str(broken), HEALTHY, "--format", "json", *DAY)
    err = result.stderr.decode()
    assert result.returncode == 2
    assert err.startswith(f"{broken}:4:") and ": error: " in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert _json(result)["summary"]["error"] == 0  # the healthy file was still linted


def test_other_format_version_is_unusable(tmp_path):
    plan = tmp_path / "inventory.yaml"
    plan.write_text("version: 2\n")
    result = run_cli(str(plan))
    assert result.returncode == 2
    assert "version 2 is not supported" in result.stderr.decode()


def test_stdin_is_read_for_dash():
    result = run_cli("-", "--format", "json", *DAY,
                     input=b"version: 1\naccounts: [{id: a, network: x, handle: acme}]\n")
    findings = _json(result)["findings"]
    assert {"SMP201", "SMP204"} <= {f["rule"] for f in findings}
    assert all(f["file"] == "-" for f in findings)


def test_folder_search_and_empty_folder(tmp_path):
    (tmp_path / "team").mkdir()
    shutil.copy(HEALTHY, tmp_path / "team" / "inventory.yaml")
    (tmp_path / "notes.yaml").write_text("not: a plan\n")
    result = run_cli("--format", "json", *DAY, cwd=tmp_path)
    assert result.returncode == 0
    assert {f["file"] for f in _json(result)["findings"]} <= {"team/inventory.yaml"}
    empty = tmp_path / "empty"
    empty.mkdir()
    nothing = run_cli(cwd=empty)
    assert nothing.returncode == 2
    assert "no inventory found" in nothing.stderr.decode()


def test_select_and_ignore_take_ids_names_prefixes_and_commas():
    select = run_cli(FAILING, "--format", "json", "--select", "SMP2,goal-vanity-only", *DAY)
    rules = {f["rule"] for f in _json(select)["findings"]}
    assert rules and all(r.startswith("SMP2") or r == "SMP102" for r in rules)
    ignore = run_cli(FAILING, "--format", "json", "--ignore", "SMP5", "--ignore",
                     "account-no-owner", *DAY)
    rules = {f["rule"] for f in _json(ignore)["findings"]}
    assert "SMP501" not in rules and "SMP201" not in rules and "SMP202" in rules


def test_unknown_rule_suggests_the_nearest():
    result = run_cli(FAILING, "--select", "account-no-ownr")
    assert result.returncode == 2
    assert "did you mean 'account-no-owner'" in result.stderr.decode()


def test_config_found_upward_with_severity_and_options(tmp_path):
    (tmp_path / ".smplan-lint.yaml").write_text(
        "severity: {account-no-owner: info}\n"
        "rules: {account-inactive: {days: 400}}\n"
        "fail-on: warning\n")
    (tmp_path / "plans").mkdir()
    plan = tmp_path / "plans" / "inventory.yaml"
    shutil.copy(FAILING, plan)
    findings = _json(run_cli(str(plan), "--format", "json", *DAY))["findings"]
    assert {f["severity"] for f in findings if f["rule"] == "SMP201"} == {"info"}
    assert "SMP205" not in {f["rule"] for f in findings}


def test_config_in_pyproject_and_extends(tmp_path):
    (tmp_path / "base.yaml").write_text("ignore: [SMP4]\n")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.smplan-lint]\nextends = "base.yaml"\nselect = ["SMP4", "SMP1"]\n')
    shutil.copy(FAILING, tmp_path / "inventory.yaml")
    findings = _json(run_cli("--format", "json", *DAY, cwd=tmp_path))["findings"]
    assert findings and all(f["rule"].startswith("SMP1") for f in findings)


def test_a_broken_pyproject_is_an_error_only_where_it_holds_our_section(tmp_path):
    shutil.copy(HEALTHY, tmp_path / "inventory.yaml")
    for not_ours in ('[project]\nname = "x\n', 'dependencies = ["smplan-lint>=1"\n',
                     '[project.scripts]\nsmplan-lint = "smplan_lint.console:entry\n'):
        (tmp_path / "pyproject.toml").write_text(not_ours)  # not ours to judge
        assert run_cli(cwd=tmp_path).returncode == 0
    for ours, where in (('[tool.smplan-lint]\nselect = ["SMP1"\n', "3:1: not valid TOML: unclosed"),
                        ('[tool]\nsmplan-lint.select = "SMP1\n', "2:27: not valid TOML: illegal")):
        (tmp_path / "pyproject.toml").write_text(ours)
        for result in (run_cli(cwd=tmp_path), run_cli("inventory.yaml", cwd=tmp_path)):
            assert result.returncode == 2
            assert result.stderr.decode().startswith(  # a message at its place, no crash
                f"smplan-lint: error: {tmp_path / 'pyproject.toml'}:{where}")
            assert "internal error" not in result.stderr.decode()


def test_unknown_config_key_is_an_error_naming_the_nearest(tmp_path):
    (tmp_path / ".smplan-lint.yaml").write_text("fail-on: error\nignroe: [SMP1]\n")
    shutil.copy(HEALTHY, tmp_path / "inventory.yaml")
    result = run_cli(cwd=tmp_path)
    err = result.stderr.decode()
    assert result.returncode == 2
    assert "unknown config key 'ignroe'" in err and "did you mean 'ignore'" in err
    assert ":2:1:" in err


def test_an_unknown_rule_is_named_where_it_was_written(tmp_path):
    (tmp_path / ".smplan-lint.yaml").write_text("select: [SMP2O1]\n")
    shutil.copy(HEALTHY, tmp_path / "inventory.yaml")
    from_file = run_cli(cwd=tmp_path).stderr.decode()
    assert ".smplan-lint.yaml: unknown rule 'SMP2O1'" in from_file and "--select" not in from_file
    from_option = run_cli("--select", "SMP2O2", cwd=tmp_path).stderr.decode()
    assert "--select: unknown rule 'SMP2O2'" in from_option


def test_unknown_rule_option_is_an_error(tmp_path):
    (tmp_path / ".smplan-lint.yaml").write_text("rules: {SMP205: {dayz: 3}}\n")
    shutil.copy(HEALTHY, tmp_path / "inventory.yaml")
    result = run_cli(cwd=tmp_path)
    assert result.returncode == 2
    assert "no option 'dayz'" in result.stderr.decode()


def test_baseline_reports_only_new_findings_and_survives_reordering(tmp_path):
    plan = tmp_path / "inventory.yaml"
    plan.write_text(
        "version: 1\naccounts:\n"
        "  - {id: a, network: x, handle: acme}\n"
        "  - {id: b, network: instagram, handle: acme, owner: zoe}\n")
    baseline = tmp_path / "baseline.json"
    written = run_cli(str(plan), "--write-baseline", str(baseline), *DAY)
    assert written.returncode == 0 and baseline.exists()
    # reorder and reformat: nothing new
    plan.write_text(
        "version: 1\n\naccounts:\n"
        "  - id: b\n    network: instagram\n    handle: acme\n    owner: zoe\n"
        "  - {id: a, network: x, handle: acme}\n")
    again = run_cli(str(plan), "--baseline", str(baseline), "--format", "json", *DAY)
    assert again.returncode == 0 and _json(again)["findings"] == []
    # a new account brings only its own findings
    with plan.open("a") as handle:
        handle.write("  - {id: c, network: tiktok, handle: acme}\n")
    new = _json(run_cli(str(plan), "--baseline", str(baseline), "--format", "json", *DAY))
    subjects = {f["subject"] for f in new["findings"]}
    assert "c" in subjects and not subjects & {"a", "b"}


def test_explain_and_unknown_rule():
    result = run_cli("explain", "SMP201")
    text = result.stdout.decode()
    assert result.returncode == 0
    assert "account-no-owner" in text and "Why:" in text and "Fails on:" in text
    assert "Fix:" in text
    assert run_cli("explain", "account-no-owner").returncode == 0
    unknown = run_cli("explain", "SMP2O1")
    assert unknown.returncode == 2 and "did you mean 'SMP201'" in unknown.stderr.decode()


def test_rules_lists_every_rule_as_json():
    data = _json(run_cli("rules", "--format", "json"))
    ids = [rule["id"] for rule in data["rules"]]
    assert "SMP501" in ids and ids == sorted(ids)
    assert set(data["rules"][0]) == {"id", "name", "severity", "pack", "summary"}


def test_a_file_named_like_a_subcommand_is_linted_with_dot_slash(tmp_path):
    shutil.copy(HEALTHY, tmp_path / "rules")
    result = run_cli("./rules", *DAY, cwd=tmp_path)
    assert result.returncode == 0


def test_init_writes_a_starter_that_lints_clean_and_never_overwrites(tmp_path):
    created = run_cli("init", str(tmp_path))
    assert created.returncode == 0
    assert (tmp_path / "inventory.yaml").exists() and (tmp_path / ".smplan-lint.yaml").exists()
    linted = run_cli("--format", "json", "--fail-on", "warning", cwd=tmp_path)
    assert linted.returncode == 0, linted.stdout.decode()
    again = run_cli("init", str(tmp_path))
    assert again.returncode == 2 and "--force" in again.stderr.decode()
    assert run_cli("init", str(tmp_path), "--force").returncode == 0


def test_test_pack_runs_the_core_examples():
    result = run_cli("test-pack", str(FIXTURES.parent / "rules"))
    out = result.stdout.decode()
    assert result.returncode == 0
    assert "PASS SMP201 fail example 1" in out and " 0 failed" in out


def test_internal_error_is_one_line_unless_debug(monkeypatch, capsys):
    from smplan_lint import cli, lint

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(lint, "lint_bytes", broken)
    with pytest.raises(SystemExit) as stopped:
        cli.main([HEALTHY])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert "internal error: RuntimeError: boom" in err and "--debug" in err
    with pytest.raises(RuntimeError):
        cli.main([HEALTHY, "--debug"])


def test_engine_durable_where_it_cannot_load_exits_2(monkeypatch, capsys):
    from smplan_lint import cli, engine

    def refuse(name):
        raise engine.EngineUnavailable("durable-rules cannot be loaded here: undefined symbol")

    monkeypatch.setattr(engine, "_load", refuse)
    monkeypatch.setattr(engine, "_instances", {})
    with pytest.raises(SystemExit) as stopped:
        cli.main([HEALTHY, "--engine", "durable"])
    assert stopped.value.code == 2
    assert "durable-rules cannot be loaded" in capsys.readouterr().err


def test_python_back_end_is_used_silently_where_durable_cannot_load(monkeypatch, capsys):
    from smplan_lint import cli, engine

    real = engine._load

    def no_durable(name):
        if name == "durable":
            raise engine.EngineUnavailable("durable-rules cannot be loaded here")
        return real(name)

    monkeypatch.setattr(engine, "_load", no_durable)
    monkeypatch.setattr(engine, "_instances", {})
    with pytest.raises(SystemExit) as stopped:
        cli.main([FAILING, "--today", "2026-11-27", "--verbose"])
    out, err = capsys.readouterr()
    assert stopped.value.code == 1 and "python" in out and "durable" not in err


def test_group_by_owner_lists_each_persons_findings_under_their_name():
    out = run_cli(FAILING, "--group-by", "owner", *DAY).stdout.decode()
    headings = [line for line in out.splitlines() if re.match(r"^[^\s:][^:]* \(\d+\)$", line)]
    assert headings[-1].startswith("(no owner)")
    assert any(h.startswith("Maria Lopez (") for h in headings)
    assert not any(h.startswith("maria (") for h in headings)  # ids read as names


def test_fingerprints_of_file_problems_survive_moved_lines_and_reordering(tmp_path):
    plan = tmp_path / "inventory.yaml"
    plan.write_text("version: 1\naccounts:\n"
                    "  - {id: a, network: x, handle: acme, followers: many}\n"
                    "  - {id: b, network: x, handle: beta, owner: ana, owner: bo}\n")
    first = {f["rule"]: f["fingerprint"]
             for f in _json(run_cli(str(plan), "--format", "json", *DAY))["findings"]}
    plan.write_text("version: 1\n# moved\naccounts:\n"
                    "  - id: b\n    network: x\n    handle: beta\n    owner: ana\n    owner: bo\n"
                    "  - {id: a, network: x, handle: acme, followers: many}\n")
    second = {f["rule"]: f["fingerprint"]
              for f in _json(run_cli(str(plan), "--format", "json", *DAY))["findings"]}
    assert first["SMP001"] == second["SMP001"] and first["SMP003"] == second["SMP003"]
