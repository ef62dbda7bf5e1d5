"""Each report format, checked the way its consumer (person, CI service, schema) reads it."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import sarif_validator
from hypothesis import given, settings
from hypothesis import strategies as st

from smplan_lint.findings import Finding, help_command, rank
from smplan_lint.report import Report, RuleInfo, render

TRICKY = "50% of posts: likes, reshares | nothing else\nsecond line"

RULES = {
    info.id: info
    for info in [
        RuleInfo("SMP201", "account-no-owner", "error", "Account has no owner",
                 "Nobody answers for an account without an owner.",
                 "Add `owner:` naming someone in `people:`.", "core", help_command("SMP201")),
        RuleInfo("SMP205", "account-inactive", "warning", "Account is inactive",
                 "Dormant accounts look abandoned.", "Post again or delete it.", "core",
                 help_command("SMP205")),
        RuleInfo("SMP301", "goal-vanity-metric", "warning", "Goal uses vanity metrics",
                 "Vanity metrics do not pay bills.", "Measure leads or sales.", "core",
                 help_command("SMP301")),
        RuleInfo("SMP403", "target-network-missing", "info", "No presence on a target network",
                 "The market is there.", "Open an account or drop the network.", "core",
                 help_command("SMP403")),
    ]
}


def finding(rule: str, file: str, line: int, message: str, *, subject: str | None = None,
            owner: str | None = None, suppressed: str | None = None,
            severity: str | None = None) -> Finding:
    info = RULES[rule]
    return Finding(
        rule=rule, name=info.name, severity=severity or info.severity, message=message,
        file=file, line=line, column=3, path=f"/accounts/{line}", subject=subject,
        fix=info.fix, help=info.help, fingerprint=f"fp-{rule}-{file}-{line}",
        owner=owner, suppressed=suppressed,
    )


def make_report(**options: object) -> Report:
    """Two files, every severity, a tricky message, a unicode handle, one suppression."""
    findings = rank([
        finding("SMP301", "plans/b.smplan.yaml", 8, TRICKY, subject="g1", owner="maria"),
        finding("SMP201", "plans/a.smplan.yaml", 12, "instagram account @café_acme has no owner",
                subject="café_acme"),
        finding("SMP201", "plans/a.smplan.yaml", 20, "x account @acme_x has no owner",
                subject="acme_x"),
        finding("SMP205", "plans/a.smplan.yaml", 30, "tiktok account @acme is inactive",
                subject="acme", owner="joe"),
        finding("SMP403", "plans/b.smplan.yaml", 1, "No account on linkedin", owner="maria"),
    ])
    suppressed = [finding("SMP205", "plans/b.smplan.yaml", 14, "x account @acme_xmas is inactive",
                          subject="acme_xmas", suppressed="seasonal, revived each December")]
    report = Report(findings=findings, suppressed=suppressed, rules=RULES,
                    files=["plans/a.smplan.yaml", "plans/b.smplan.yaml"], tool_version="0.1.0",
                    engine="python")
    return report._replace(**options)


def empty_report() -> Report:
    return Report(findings=[], suppressed=[], rules=RULES, files=["a.yaml"], tool_version="0.1.0")


# --- json -----------------------------------------------------------------


def test_json_is_the_versioned_contract_in_key_order() -> None:
    report = make_report()
    data = json.loads(render(report, "json"))
    first = report.findings[0]
    assert list(data) == ["version", "findings", "errors", "summary"]
    assert data["version"] == 1
    assert list(data["findings"][0]) == [
        "rule", "name", "severity", "message", "file", "line", "column",
        "path", "subject", "fix", "help", "fingerprint", "sheet",
    ]
    assert data["findings"][0] == {
        "rule": "SMP201", "name": "account-no-owner", "severity": "error",
        "message": first.message, "file": "plans/a.smplan.yaml", "line": 12, "column": 3,
        "path": "/accounts/12", "subject": "café_acme", "fix": first.fix, "help": first.help,
        "fingerprint": "fp-SMP201-plans/a.smplan.yaml-12", "sheet": None,
    }
    assert [item["rule"] for item in data["findings"]] == [
        "SMP201", "SMP201", "SMP205", "SMP301", "SMP403"]
    assert data["summary"] == {"error": 2, "warning": 2, "info": 1, "suppressed": 1,
                               "baselined": 0, "baseline_unmatched": 0}
    assert list(data["summary"]) == ["error", "warning", "info", "suppressed", "baselined",
                                     "baseline_unmatched"]


def test_json_uses_two_space_indent_and_keeps_unicode_readable() -> None:
    output = render(make_report(), "json")
    assert '\n  "version": 1,' in output
    assert "@café_acme" in output


def test_json_of_a_clean_run() -> None:
    assert json.loads(render(empty_report(), "json")) == {
        "version": 1, "findings": [], "errors": [],
        "summary": {"error": 0, "warning": 0, "info": 0, "suppressed": 0, "baselined": 0,
                    "baseline_unmatched": 0},
    }


# --- sarif ----------------------------------------------------------------


@pytest.mark.parametrize("report", [make_report(), empty_report()], ids=["findings", "empty"])
def test_sarif_validates_against_the_official_schema(report: Report) -> None:
    errors = list(sarif_validator().iter_errors(json.loads(render(report, "sarif"))))
    assert not errors, [error.message for error in errors]


def test_sarif_carries_rule_metadata_for_every_loaded_rule() -> None:
    run = json.loads(render(make_report(), "sarif"))["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "smplan-lint" and driver["version"] == "0.1.0"
    assert [rule["id"] for rule in driver["rules"]] == sorted(RULES)
    owner_rule = driver["rules"][0]
    assert owner_rule["name"] == "account-no-owner"
    assert owner_rule["shortDescription"]["text"] == "Account has no owner"
    assert owner_rule["fullDescription"]["text"].startswith("Nobody answers")
    # Help is the rule's own docs (why and fix) and the command that shows its examples:
    # there is no web page to point at.
    for text in owner_rule["help"].values():
        assert "Nobody answers" in text and RULES["SMP201"].fix in text
        assert "smplan-lint explain SMP201" in text
    assert "helpUri" not in owner_rule
    assert owner_rule["defaultConfiguration"]["level"] == "error"
    assert owner_rule["properties"]["tags"] == ["core"]
    assert driver["rules"][3]["defaultConfiguration"]["level"] == "note"
    assert run["invocations"][0]["executionSuccessful"] is True
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"].endswith("/")


def test_sarif_results_have_levels_locations_and_fingerprints() -> None:
    run = json.loads(render(make_report(), "sarif"))["runs"][0]
    results = run["results"]
    rules = run["tool"]["driver"]["rules"]
    assert len(results) == 6
    assert [r["level"] for r in results[:5]] == ["error", "error", "warning", "warning", "note"]
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    vanity = next(r for r in results if r["ruleId"] == "SMP301")
    assert vanity["message"]["text"] == TRICKY
    location = vanity["locations"][0]
    assert location["physicalLocation"] == {
        "artifactLocation": {"uri": "plans/b.smplan.yaml", "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": 8, "startColumn": 3},
    }
    assert location["logicalLocations"][0]["fullyQualifiedName"] == "/accounts/8"
    assert vanity["partialFingerprints"] == {
        "smplanFingerprint/v1": "fp-SMP301-plans/b.smplan.yaml-8"}


def test_sarif_reports_suppressed_findings_with_their_reason() -> None:
    results = json.loads(render(make_report(), "sarif"))["runs"][0]["results"]
    suppressed = [r for r in results if r["suppressions"]]
    assert len(suppressed) == 1
    assert suppressed[0]["suppressions"] == [
        {"kind": "inSource", "justification": "seasonal, revived each December"}]
    assert suppressed[0]["message"]["text"] == "x account @acme_xmas is inactive"


def test_sarif_uses_forward_slashes_in_uris() -> None:
    report = make_report()
    report.findings[0] = report.findings[0]._replace(file="plans\\win dows.yaml")
    results = json.loads(render(report, "sarif"))["runs"][0]["results"]
    assert results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == (
        "plans/win%20dows.yaml")


def test_sarif_describes_a_rule_that_is_not_loaded() -> None:
    report = make_report()
    report.findings[0] = report.findings[0]._replace(rule="SMP001")
    run = json.loads(render(report, "sarif"))["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert rules[run["results"][0]["ruleIndex"]]["id"] == "SMP001"
    assert not list(sarif_validator().iter_errors(json.loads(render(report, "sarif"))))


def test_sarif_stays_valid_for_a_finding_without_a_line() -> None:
    report = make_report()
    report.findings[0] = report.findings[0]._replace(line=0, column=0)
    data = json.loads(render(report, "sarif"))
    assert "region" not in data["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert not list(sarif_validator().iter_errors(data))


# --- junit ----------------------------------------------------------------


def test_junit_has_a_testcase_per_rule_and_file() -> None:
    root = ET.fromstring(render(make_report(), "junit"))
    suites = root.findall("testsuite")
    assert [suite.get("name") for suite in suites] == ["plans/a.smplan.yaml", "plans/b.smplan.yaml"]
    assert root.get("tests") == "8"
    for suite in suites:
        cases = suite.findall("testcase")
        assert suite.get("tests") == str(len(cases)) == "4"
        assert {case.get("classname") for case in cases} == {suite.get("name")}
    names = [case.get("name") for case in suites[0].findall("testcase")]
    assert names == ["SMP201 account-no-owner", "SMP205 account-inactive",
                     "SMP301 goal-vanity-metric", "SMP403 target-network-missing"]


def test_junit_fails_errors_and_warnings_but_not_info() -> None:
    root = ET.fromstring(render(make_report(), "junit"))
    failed = {
        (case.get("classname"), case.get("name")): case.find("failure")
        for case in root.iter("testcase") if case.find("failure") is not None
    }
    assert set(failed) == {
        ("plans/a.smplan.yaml", "SMP201 account-no-owner"),
        ("plans/a.smplan.yaml", "SMP205 account-inactive"),
        ("plans/b.smplan.yaml", "SMP301 goal-vanity-metric"),
    }
    assert root.get("failures") == "3"
    assert [suite.get("failures") for suite in root.findall("testsuite")] == ["2", "1"]
    owner = failed[("plans/a.smplan.yaml", "SMP201 account-no-owner")]
    assert owner.get("type") == "error" and owner.get("message") == "2 findings"
    assert "plans/a.smplan.yaml:12:3" in owner.text and "plans/a.smplan.yaml:20:3" in owner.text
    vanity = failed[("plans/b.smplan.yaml", "SMP301 goal-vanity-metric")]
    assert vanity.get("message") == TRICKY  # escaped attribute round-trips, newline included
    assert vanity.get("type") == "warning"


def test_junit_lists_info_and_suppressed_findings_without_failing() -> None:
    root = ET.fromstring(render(make_report(), "junit"))
    cases = {case.get("name"): case for case in root.find("testsuite[2]").iter("testcase")}
    assert cases["SMP403 target-network-missing"].find("failure") is None
    assert "No account on linkedin" in cases["SMP403 target-network-missing"].findtext("system-out")
    inactive = cases["SMP205 account-inactive"]
    assert inactive.find("failure") is None
    assert "seasonal, revived each December" in inactive.findtext("system-out")


def test_junit_survives_characters_xml_cannot_hold() -> None:
    report = make_report()
    report.findings[0] = report.findings[0]._replace(message="bad \x01 byte & <tag>")
    root = ET.fromstring(render(report, "junit"))
    assert "& <tag>" in root.find("testsuite/testcase/failure").text


# --- github ---------------------------------------------------------------


def test_github_emits_one_command_per_finding() -> None:
    lines = render(make_report(), "github").splitlines()
    assert len(lines) == 5
    assert lines[0] == (
        "::error file=plans/a.smplan.yaml,line=12,col=3,title=SMP201 account-no-owner"
        "::instagram account @café_acme has no owner"
        "%0Afix: Add `owner:` naming someone in `people:`."
    )
    assert lines[2].startswith("::warning file=plans/a.smplan.yaml,line=30,")
    assert lines[4].startswith("::notice file=plans/b.smplan.yaml,line=1,col=3,")


def test_github_escapes_data_and_properties() -> None:
    report = make_report()
    at = next(n for n, f in enumerate(report.findings) if f.rule == "SMP301")
    report.findings[at] = report.findings[at]._replace(name="odd,name:here", file="dir,1/a:b.yaml")
    line = next(ln for ln in render(report, "github").splitlines() if "SMP301" in ln)
    assert line.startswith(
        "::warning file=dir%2C1/a%3Ab.yaml,line=8,col=3,title=SMP301 odd%2Cname%3Ahere::")
    assert line.split("::", 2)[2].startswith(
        "50%25 of posts: likes, reshares | nothing else%0Asecond line%0Afix: ")
    assert "\n" not in line


def test_github_is_empty_when_clean() -> None:
    assert render(empty_report(), "github") == ""


# --- gitlab ---------------------------------------------------------------


def test_gitlab_is_a_code_climate_issue_list() -> None:
    issues = json.loads(render(make_report(), "gitlab"))
    assert len(issues) == 5
    assert issues[0] == {
        "description": "instagram account @café_acme has no owner",
        "check_name": "SMP201",
        "fingerprint": "fp-SMP201-plans/a.smplan.yaml-12",
        "severity": "major",
        "location": {"path": "plans/a.smplan.yaml", "lines": {"begin": 12}},
    }
    assert [issue["severity"] for issue in issues] == ["major", "major", "minor", "minor", "info"]
    assert len({issue["fingerprint"] for issue in issues}) == 5


# --- markdown -------------------------------------------------------------


def test_markdown_table_for_pr_comments() -> None:
    output = render(make_report(), "markdown")
    lines = output.splitlines()
    assert lines[0].startswith("## ")
    assert "2 errors, 2 warnings, 1 info (1 suppressed)" in output
    assert "| Severity | Rule | Location | Message | Fix |" in lines
    rows = [ln for ln in lines if ln.startswith("| error") or ln.startswith("| warning")
            or ln.startswith("| info")]
    assert len(rows) == 5
    assert rows[0].startswith("| error | SMP201 account-no-owner "
                              "| plans/a.smplan.yaml:12:3 |")
    assert rows[0].endswith("| Add `owner:` naming someone in `people:`. |")


def test_markdown_escapes_cells() -> None:
    output = render(make_report(), "markdown")
    row = next(ln for ln in output.splitlines() if "SMP301" in ln)
    assert "| 50% of posts: likes, reshares \\| nothing else<br>second line |" in row
    # Unescaped pipes would add columns: every row keeps exactly five cells.
    assert row.replace("\\|", "").count("|") == 6
    # A handle must not ping an unrelated GitHub user.
    assert "@café_acme" not in output and "@&#8203;café_acme" in output


def test_markdown_lists_suppressions_with_reasons() -> None:
    output = render(make_report(), "markdown")
    assert "<details>" in output and "seasonal, revived each December" in output


def test_markdown_when_clean() -> None:
    output = render(empty_report(), "markdown")
    assert "No problems found." in output and "| Severity" not in output


# --- text -----------------------------------------------------------------


def test_text_table_and_summary() -> None:
    output = render(make_report(), "text")
    lines = output.splitlines()
    assert lines[-1] == "2 errors, 2 warnings, 1 info (1 suppressed)"
    first = lines[0].split()
    assert first[:4] == ["plans/a.smplan.yaml:12:3", "error", "SMP201", "account-no-owner"]
    assert lines[1].strip() == "fix: Add `owner:` naming someone in `people:`."
    # Ranked: errors before warnings before info.
    assert output.index("SMP201") < output.index("SMP205") < output.index("SMP403")
    assert "\033[" not in output
    assert "acme_xmas" not in output  # suppressed findings are only counted


def test_text_when_clean() -> None:
    assert render(empty_report(), "text") == "No problems found."
    report = empty_report()
    report = report._replace(suppressed=make_report().suppressed)
    assert render(report, "text") == "No problems found (1 suppressed)."


def test_text_singular_counts() -> None:
    report = make_report()
    report = report._replace(findings=[f for f in report.findings if f.line in (12, 30)])
    assert render(report, "text").splitlines()[-1] == "1 error, 1 warning (1 suppressed)"


def test_text_colours_severities_only_when_asked() -> None:
    output = render(make_report(color=True), "text")
    assert "\033[1;31merror\033[0m" in output
    assert "\033[33mwarning\033[0m" in output
    assert "\033[36minfo\033[0m" in output


def test_text_groups_by_owner_with_no_owner_last() -> None:
    output = render(make_report(group_by="owner"), "text")
    headings = [ln for ln in output.splitlines() if ln and not ln.startswith(("plans/", " "))]
    assert headings[:3] == ["joe (1)", "maria (2)", "(no owner) (2)"]
    maria = output[output.index("maria (2)"):output.index("(no owner)")]
    assert "SMP301" in maria and "SMP403" in maria and "SMP201" not in maria
    # One table underneath: the rule column lines up across every owner group.
    assert len({ln.index(" SMP") for ln in output.splitlines() if ln.startswith("plans/")}) == 1


def test_text_verbose_names_the_engine_and_suppressions() -> None:
    quiet = render(make_report(), "text")
    verbose = render(make_report(verbose=True), "text")
    assert "python engine" not in quiet
    assert verbose.splitlines()[0] == "Checked 2 files with the python engine."
    assert "seasonal, revived each December" in verbose


def _plain(text: str) -> str:
    return re.sub(r"\033\[[0-9;]*m", "", text)


def test_text_columns_align_on_what_the_eye_sees() -> None:
    """Colour codes take no room, wide characters take two; the fix hangs under the message."""
    # tabulate measures wide characters only where wcwidth is installed (an optional extra).
    pytest.importorskip("wcwidth", reason="wide characters are measured only with wcwidth")
    report = make_report(color=True)
    report.findings[0] = report.findings[0]._replace(file="plans/日本.smplan.yaml")
    lines = _plain(render(report, "text")).splitlines()
    rows = [ln for ln in lines if ln.startswith("plans/")]
    starts = {_width(ln[:ln.index(" SMP")]) for ln in rows}
    assert len(starts) == 1  # the rule column lines up
    fix = lines[lines.index(rows[0]) + 1]
    message_at = _width(rows[0]) - len("instagram account @café_acme has no owner")
    assert fix.index("fix:") == message_at


def _width(text: str) -> int:
    """What a terminal shows: the two CJK characters of the test path take two columns."""
    return len(text) + sum(ch in "日本" for ch in text)


def test_text_is_not_wrapped_without_a_width() -> None:
    report = make_report()
    report.findings[0] = report.findings[0]._replace(message="word " * 60)
    line = render(report, "text").splitlines()[0]
    assert line.endswith("word") and len(line) > 300


def test_text_wraps_under_the_location_below_100_columns() -> None:
    report = make_report(width=60)
    report.findings[0] = report.findings[0]._replace(message="a long message " * 10)
    lines = render(report, "text").splitlines()
    assert lines[0].split() == ["plans/a.smplan.yaml:12:3", "error", "SMP201", "account-no-owner"]
    body = lines[1:lines.index(next(ln for ln in lines[1:] if ln.startswith("plans/")))]
    assert all(ln.startswith("    ") and len(ln) <= 60 for ln in body)
    assert "".join(ln.strip() + " " for ln in body[:-1]).split() == ("a long message " * 10).split()
    assert body[-1] == "    fix: Add `owner:` naming someone in `people:`."


def test_text_wraps_beside_the_columns_from_100_columns() -> None:
    report = make_report(width=140)
    report.findings[0] = report.findings[0]._replace(message="a long message " * 10)
    report.findings[0] = report.findings[0]._replace(fix="do this " * 20)
    lines = render(report, "text").splitlines()
    assert lines[0].startswith("plans/a.smplan.yaml:12:3")
    hang = lines[0].index("a long")
    assert all(len(ln) <= 140 for ln in lines)
    assert lines[1][:hang].isspace() and lines[1][hang:].startswith("message")
    # A fix hint that wraps goes on under its own text, not under "fix:".
    fix = next(number for number, ln in enumerate(lines) if "fix:" in ln)
    assert lines[fix].index("fix: do this") == hang
    under = hang + len("fix: ")
    assert lines[fix + 1][:under].isspace() and lines[fix + 1][under] != " "


def test_text_width_from_columns_or_a_terminal() -> None:
    from smplan_lint.report.text_format import terminal_width

    class Tty:
        def __init__(self, fd: int | None) -> None:
            self.fd = fd

        def fileno(self) -> int:
            if self.fd is None:
                raise OSError("not a file")
            return self.fd

    assert terminal_width({"COLUMNS": "72"}, [Tty(None)]) == 72
    assert terminal_width({}, [Tty(None)]) is None  # piped, no terminal: not wrapped
    assert terminal_width({"COLUMNS": "wide"}, []) is None
    read, write = os.pipe()
    try:  # a pipe is no terminal: the next stream (stderr) is asked
        assert terminal_width({}, [Tty(write), Tty(None)]) is None
    finally:
        os.close(read)
        os.close(write)


def test_text_groups_findings_of_people_who_left_under_needs_a_new_owner() -> None:
    report = make_report(group_by="owner")
    report.findings[0] = report.findings[0]._replace(owner="jo")  # SMP201 on a.yaml line 12
    report = report._replace(facts={"plans/a.smplan.yaml": [
        {"type": "person", "key": "jo", "name": "Jo Smith", "active": False},
        {"type": "person", "key": "joe", "name": "Joe Bloggs", "active": True},
    ], "plans/b.smplan.yaml": [{"type": "person", "key": "maria", "name": "Maria"}]})
    output = render(report, "text")
    headings = [ln for ln in output.splitlines() if ln and not ln.startswith(("plans/", " "))]
    assert headings[:4] == ["Joe Bloggs (1)", "Maria (2)", "needs a new owner (1)",
                            "(no owner) (1)"]


def _imports(module: str, *args: str) -> bool:
    """Whether a whole run of the command line imported `module`."""
    from conftest import modules_after_run

    return module in modules_after_run(*args)


def test_tabulate_is_imported_only_to_draw_a_text_table() -> None:
    from conftest import FIXTURES

    failing = str(FIXTURES / "failing.smplan.yaml")
    assert not _imports("tabulate", "--format", "json", "--today", "2026-11-27", failing)
    assert _imports("tabulate", "--today", "2026-11-27", failing)


needs_wcwidth = pytest.mark.skipif(importlib.util.find_spec("wcwidth") is None,
                                   reason="wcwidth is not installed (the dev extra has it)")


@needs_wcwidth
def test_wide_characters_are_measured_only_in_tables_that_have_them(tmp_path: Path) -> None:
    """wcwidth (tens of ms to import) is loaded for a table with text outside ASCII, and
    then columns line up by the cells the eye sees."""
    from conftest import FIXTURES

    failing = str(FIXTURES / "failing.smplan.yaml")
    assert not _imports("wcwidth", "--today", "2026-11-27", failing)
    wide = tmp_path / "計画.smplan.yaml"
    wide.write_bytes((FIXTURES / "failing.smplan.yaml").read_bytes())
    assert _imports("wcwidth", "--today", "2026-11-27", str(wide))
    code = ("from smplan_lint.report.table import table\n"
            "print(table([['計画', 'a'], ['xy', 'b']], tablefmt='plain'))\n")
    lines = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           timeout=60).stdout.splitlines()
    # "計画" takes four columns on screen, so "b" sits two characters further right
    assert lines == ["計画  a", "xy    b"]


_CELL_PARTS = st.sampled_from(["a", "plan.yaml:12:5", "SMP101", "error", "1.5", "True", "é",
                                "計画", "\x1b[31m", "\x1b[0m", " ", "\n", "\u2028", "\x85"])


@settings(max_examples=300, deadline=None)
@given(st.integers(1, 4).flatmap(lambda width: st.lists(
    st.lists(st.lists(_CELL_PARTS, max_size=3).map("".join), min_size=width, max_size=width),
    max_size=5)))
def test_plain_table_is_tabulates_table_cell_by_cell(rows: list[list[str]]) -> None:
    """The text report hands tabulate its columns as multiline cells (quicker); the text
    must be what tabulate gives cell by cell, whatever the cells hold."""
    from smplan_lint.report.table import plain_table, table

    assert plain_table(rows) == table(rows, tablefmt="plain", disable_numparse=True)


def test_rules_listing_is_a_table_under_a_header() -> None:
    from conftest import run_cli

    lines = run_cli("rules").stdout.decode().splitlines()
    assert lines[0].split() == ["id", "name", "severity", "pack", "summary"]
    assert set(lines[1]) == {"-", " "}
    assert lines[2].split()[:4] == ["SMP001", "duplicate-key", "error", "core"]
    assert len({line.index(" core ") for line in lines[2:]}) == 1


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x2100)
               | st.sampled_from("\x1b\x07\x7f\x85\u200e\u202e\u2066\n\t")))
def test_text_from_a_plan_reaches_the_terminal_with_every_control_escaped(text: str) -> None:
    """The printable fast path of `visible` escapes exactly what the full pattern does."""
    from smplan_lint.report.common import _CONTROL, visible

    shown = visible(text)
    assert shown == re.sub(_CONTROL, lambda m: m.group().encode("unicode_escape").decode(),
                           text)
    assert not re.search(_CONTROL, shown)
