"""A report never calls a broken plan clean: every format says which file could not be linted."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import FIXTURES, run_cli, sarif_validator

DAY = ("--today", "2026-11-27")
BROKEN = {
    "parse-error": (b"version: 1\naccounts:\n\t- id: a\n", 3),
    "not-utf8": (b"version: 1\norganisation: {name: Caf\xe9}\n", 2),
    "several-documents": (b"version: 1\n---\nversion: 1\n", 2),
    "missing-path": (None, None),
}
FORMATS = ("text", "json", "sarif", "junit", "github", "gitlab", "markdown", "html")


def _broken(tmp_path: Path, case: str) -> tuple[str, int | None]:
    data, line = BROKEN[case]
    path = tmp_path / f"{case}.smplan.yaml"
    if data is not None:
        path.write_bytes(data)
    return path.name, line


def _check(fmt: str, out: str, name: str, line: int | None) -> None:
    """The report names the file (and line) and never reads as a pass."""
    assert name in out
    for clean in ("No problems found", "100 / 100", "executionSuccessful\": true"):
        assert clean not in out
    if fmt == "json":
        errors = json.loads(out)["errors"]
        assert [(e["file"], e["line"]) for e in errors] == [(name, line)]
        assert errors[0]["message"]
    elif fmt == "sarif":
        data = json.loads(out)
        assert not list(sarif_validator().iter_errors(data))
        invocation = data["runs"][0]["invocations"][0]
        assert invocation["executionSuccessful"] is False
        assert invocation["toolExecutionNotifications"][0]["level"] == "error"
    elif fmt == "junit":
        root = ET.fromstring(out)
        assert root.get("errors") == "1" and root.get("failures") == "0"
        assert [case.get("name") for case in root.iter("testcase")] == ["could not be linted"]
    elif fmt == "github":
        assert out.startswith(f"::error file={name},")
    elif fmt == "gitlab":
        assert [issue["severity"] for issue in json.loads(out)] == ["blocker"]
    else:
        assert "could not be linted" in out
    if line is not None and fmt in ("text", "markdown", "html"):
        assert f"{name}:{line}:" in out


@pytest.mark.parametrize("case", BROKEN)
@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_says_the_file_could_not_be_linted(tmp_path: Path, fmt: str,
                                                        case: str) -> None:
    name, line = _broken(tmp_path, case)
    result = run_cli(name, "--format", fmt, *DAY, cwd=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr.decode()
    _check(fmt, result.stdout.decode("utf-8"), name, line)


def test_good_findings_and_bad_files_are_reported_together(tmp_path: Path) -> None:
    name, line = _broken(tmp_path, "parse-error")
    failing = FIXTURES / "failing.smplan.yaml"
    result = run_cli(str(failing), name, "--format", "json", *DAY, cwd=tmp_path)
    data = json.loads(result.stdout)
    assert result.returncode == 2
    assert {f["file"] for f in data["findings"]} == {str(failing)}
    assert [e["file"] for e in data["errors"]] == [name]


def test_a_clean_plan_has_an_empty_errors_list() -> None:
    result = run_cli(str(FIXTURES / "healthy.smplan.yaml"), "--format", "json", *DAY)
    assert result.returncode == 0
    assert json.loads(result.stdout)["errors"] == []


def test_a_pack_error_is_reported_in_the_report_and_replaces_a_stale_output(
        tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    report.write_text('{"version": 1, "findings": [], "errors": []}\n')  # yesterday's "pass"
    pack = FIXTURES / "bad-packs" / "unknown-operator.yaml"
    result = run_cli(str(FIXTURES / "healthy.smplan.yaml"), "--rules", str(pack),
                     "--format", "json", "--output", str(report), *DAY)
    assert result.returncode == 2
    errors = json.loads(report.read_text())["errors"]
    assert [(e["file"], e["line"], e["column"]) for e in errors] == [(str(pack), 17, 19)]
    assert "unknown operator 'greater'" in errors[0]["message"]
