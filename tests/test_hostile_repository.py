"""The hostile-input catalogue, part two: a repository (plan, configuration, baseline,
outputs, terminal) that someone untrusted controls, run as CI runs it.

Every case goes through the real command line in a child process and asserts what the
user is told and the exit status; none may print a traceback or an internal error.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, run_cli

DAY = ("--today", "2026-11-27")
FAILING = FIXTURES / "failing.smplan.yaml"
HEALTHY = FIXTURES / "healthy.smplan.yaml"


def _said(result) -> str:
    err = result.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err and "internal error" not in err, err
    return err


def _team(root: Path, name: str, config: str | None, plan: Path = FAILING) -> Path:
    folder = root / name
    folder.mkdir()
    shutil.copy(plan, folder / "p.smplan.yaml")
    if config is not None:
        (folder / ".smplan-lint.yaml").write_text(config)
    return folder / "p.smplan.yaml"


# --- bounded reads ---------------------------------------------------------------------

def test_a_config_extending_a_device_is_refused_at_once(tmp_path: Path) -> None:
    plan = _team(tmp_path, "t", "extends: /dev/zero\n")
    result = run_cli(str(plan), *DAY)
    assert result.returncode == 2
    assert "/dev/zero: is not a regular file (a device)" in _said(result)
    assert "could not be linted" in result.stdout.decode()


def test_a_fifo_named_like_a_plan_is_an_error_not_a_hang(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "f.smplan.yaml")
    shutil.copy(HEALTHY, tmp_path / "h.smplan.yaml")
    result = run_cli(str(tmp_path), "--format", "json", *DAY)
    assert result.returncode == 2
    errors = json.loads(result.stdout)["errors"]
    assert [(Path(e["file"]).name, e["message"]) for e in errors] == [
        ("f.smplan.yaml", "is not a regular file (a FIFO); refusing to read it")]
    _said(result)


def test_a_plan_over_the_size_limit_is_refused_and_the_limit_can_be_raised(
        tmp_path: Path) -> None:
    plan = tmp_path / "p.smplan.yaml"
    plan.write_bytes(HEALTHY.read_bytes() + b"#" * 4096 + b"\n")
    small = run_cli(str(plan), "--max-file-size", "2KB", *DAY)
    assert small.returncode == 2
    assert "is larger than the 2,048-byte limit (--max-file-size raises it)" in _said(small)
    assert run_cli(str(plan), "--max-file-size", "1MB", *DAY).returncode == 0


def test_a_nonsense_size_limit_is_a_usage_error() -> None:
    result = run_cli(str(HEALTHY), "--max-file-size", "lots")
    assert result.returncode == 2 and "is not a size" in _said(result)


# --- the plan cannot be destroyed --------------------------------------------------------

@pytest.mark.parametrize("option", ["--output", "--write-baseline"])
def test_an_output_naming_an_input_is_refused_and_the_plan_kept(tmp_path: Path,
                                                                option: str) -> None:
    plan = _team(tmp_path, "t", None)
    before = plan.read_bytes()
    result = run_cli(str(tmp_path / "t"), option, str(plan), *DAY)
    assert result.returncode == 2
    assert "is one of the plans being linted; refusing to overwrite it" in _said(result)
    assert plan.read_bytes() == before


def test_an_output_into_a_missing_folder_is_one_clear_line(tmp_path: Path) -> None:
    result = run_cli(str(HEALTHY), "--output", str(tmp_path / "no" / "r.json"), *DAY)
    assert result.returncode == 2
    assert f"the folder {tmp_path / 'no'} does not exist" in _said(result)


def test_a_report_is_written_whole_and_no_temporary_file_is_left(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    result = run_cli(str(FAILING), "--format", "json", "--output", str(out), *DAY)
    assert result.returncode == 1
    assert json.loads(out.read_text())["findings"]
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


# --- no internal errors, escapes ---------------------------------------------------------

def test_a_terminal_that_cannot_encode_the_plan_gets_escapes_not_a_crash() -> None:
    env = {**os.environ, "PYTHONIOENCODING": "latin-1"}
    result = run_cli(str(FIXTURES / "failing.smplan.yaml"), *DAY, env=env)
    assert result.returncode == 1
    _said(result)


@pytest.mark.parametrize("config, message", [
    ("patterns: [123]\n", "`patterns` holds 123; each entry is a quoted text"),
    ("rules: {account-inactive: {days: abc}}\n", "'days' takes a number"),
    ("packs: [{a: 1}]\n", "`packs` holds"),
])
def test_wrong_values_in_a_config_are_clean_errors(tmp_path: Path, config: str,
                                                   message: str) -> None:
    plan = _team(tmp_path, "t", config)
    result = run_cli(str(plan.parent), *DAY)
    assert result.returncode == 2
    assert message in _said(result)


ESCAPES = "acme\x1b[2J\x1b]0;pwned\x07"


@pytest.mark.parametrize("fmt", ["text", "github", "markdown", "junit"])
def test_control_characters_from_the_plan_are_shown_escaped(tmp_path: Path, fmt: str) -> None:
    plan = tmp_path / "p.smplan.yaml"
    plan.write_text("version: 1\naccounts:\n  - id: a\n    network: x\n"
                    f"    handle: \"{ESCAPES.encode('unicode_escape').decode()}\"\n")
    for extra in ((), ("--no-color",)):
        out = run_cli(str(plan), "--format", fmt, *DAY, *extra).stdout.decode()
        assert "\x1b" not in out and "\x07" not in out
        assert "\\x1b[2J" in out


# --- nothing silent ------------------------------------------------------------------------

def test_an_unreadable_folder_below_the_one_named_is_an_error(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    shutil.copy(HEALTHY, tmp_path / "h.smplan.yaml")
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):
            pytest.skip("running as a user who can read any folder (root)")
        result = run_cli(str(tmp_path), *DAY)
    finally:
        locked.chmod(0o700)
    assert result.returncode == 2
    assert "cannot read this folder" in _said(result)


@pytest.mark.parametrize("baseline, message", [
    ('{"version": 99, "fingerprints": {}}', "not a smplan-lint baseline of version 1"),
    ('{"version": 1, "fingerprints": "abc"}', "`fingerprints` should map"),
    ("not json", "not JSON"),
])
def test_a_baseline_is_read_strictly(tmp_path: Path, baseline: str, message: str) -> None:
    (tmp_path / "b.json").write_text(baseline)
    result = run_cli(str(FAILING), "--baseline", str(tmp_path / "b.json"), *DAY)
    assert result.returncode == 2
    assert message in _said(result)


@pytest.mark.parametrize("day", ["20261206", "2026-1-06", "2026-02-30", "tomorrow"])
def test_today_is_validated_strictly(day: str) -> None:
    result = run_cli(str(HEALTHY), "--today", day)
    assert result.returncode == 2 and "is not a date (YYYY-MM-DD)" in _said(result)


# --- configuration per file ----------------------------------------------------------------

def test_each_plan_uses_its_own_configuration_in_any_order(tmp_path: Path) -> None:
    quiet = _team(tmp_path, "teamB", "fail-on: never\nignore: [SMP2]\n")
    strict = _team(tmp_path, "teamA", None)
    runs = [run_cli(str(a), str(b), "--format", "json", *DAY)
            for a, b in ((quiet, strict), (strict, quiet))]
    assert [r.returncode for r in runs] == [1, 1]
    for result in runs:
        rules = {(Path(f["file"]).parent.name, f["rule"][:4])
                 for f in json.loads(result.stdout)["findings"]}
        assert ("teamA", "SMP2") in rules and ("teamB", "SMP2") not in rules
    assert run_cli(str(quiet), *DAY).returncode == 0


def test_verbose_names_the_configuration_and_packs_on_stderr(tmp_path: Path) -> None:
    plan = _team(tmp_path, "t", "fail-on: warning\n")
    quiet = run_cli(str(plan), "--format", "json", *DAY)
    loud = run_cli(str(plan), "--format", "json", "--verbose", *DAY)
    assert loud.stdout == quiet.stdout
    err = _said(loud)
    assert f"configuration: {plan.parent / '.smplan-lint.yaml'}" in err and "packs: core" in err


# --- the baseline's effects ------------------------------------------------------------------

def test_the_baseline_says_what_it_hid_and_what_no_longer_matches(tmp_path: Path) -> None:
    (tmp_path / ".smplan-lint.yaml").write_text("fail-on: error\n")  # the root of the paths
    plan = _team(tmp_path, "t", None)
    (tmp_path / "x").mkdir()
    base = tmp_path / "base.json"
    assert run_cli("t/p.smplan.yaml", "--write-baseline", str(base), *DAY,
                   cwd=tmp_path).returncode == 0
    written = len(json.loads(base.read_text())["fingerprints"])
    plan.write_text(plan.read_text().replace("  - id: ig-main", "  - id: ig-renamed", 1))
    summaries = []
    for typed, cwd in (("t/p.smplan.yaml", tmp_path), ("./t/p.smplan.yaml", tmp_path),
                       (str(plan), tmp_path), ("../t/p.smplan.yaml", tmp_path / "x")):
        result = run_cli(typed, "--baseline", str(base), "--format", "json", *DAY, cwd=cwd)
        summaries.append(json.loads(result.stdout)["summary"])
    assert all(summary == summaries[0] for summary in summaries)
    assert 0 < summaries[0]["baselined"] < written
    assert summaries[0]["baseline_unmatched"] >= 1
    verbose = run_cli("t/p.smplan.yaml", "--baseline", str(base), "--verbose", *DAY,
                      cwd=tmp_path).stdout.decode()
    assert "hidden by the baseline" in verbose and "no longer match" in verbose
    assert "Baseline entries that no longer match anything:" in verbose
