"""The example plans: the healthy one is clean, the failing one trips every rule exactly
where its `# expect:` comments say, and nowhere else."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from conftest import FIXTURES, TODAY

from smplan_lint.engine import backend
from smplan_lint.lint import lint_bytes
from smplan_lint.packs import compile_packs, core_pack

EXPECT = re.compile(r"#\s*expect:\s*([A-Z0-9 ]+)")


def _lint(name: str, engine_name: str):
    path = FIXTURES / name
    compiled = compile_packs([core_pack()])
    return lint_bytes(path.read_bytes(), str(path), compiled, backend(engine_name), TODAY)


def _expected(name: str) -> Counter:
    found: Counter = Counter()
    for number, line in enumerate((FIXTURES / name).read_text().splitlines(), start=1):
        match = EXPECT.search(line)
        if match:
            found.update((rule, number) for rule in match.group(1).split())
    return found


FAILING = ("failing.smplan.yaml", "failing-audit.smplan.yaml", "bare.smplan.yaml",
           "empty.smplan.yaml")
SPREADSHEET = "spreadsheets/audit.smplan.xlsx"  # trips the rules only a sheet can break


@pytest.mark.parametrize("name", FAILING)
def test_failing_plans_findings_land_exactly_where_expected(engine_name, name):
    result = _lint(name, engine_name)
    actual = Counter((item.rule, item.line) for item in result.findings)
    assert actual == _expected(name)


def test_failing_plans_trip_every_core_rule(engine_name):
    fired = {item.rule for name in (*FAILING, SPREADSHEET)
             for item in _lint(name, engine_name).findings}
    assert {rule.id for rule in core_pack().rules} <= fired


def test_failing_plan_counts_the_suppressed_finding(engine_name):
    result = _lint("failing.smplan.yaml", engine_name)
    assert [(item.rule, item.suppressed) for item in result.suppressed] == [
        ("SMP208", "kept until the archive export is done")]


def test_healthy_plan_has_no_error_or_warning(engine_name):
    result = _lint("healthy.smplan.yaml", engine_name)
    serious = [(f.rule, f.line, f.message) for f in result.findings
               if f.severity in ("error", "warning")]
    assert serious == []
