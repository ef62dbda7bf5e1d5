"""The durable engine takes what the python engine takes: packs of many rules.

durable-rules alone stops with error 108 past about 260 equality rules, never
returns from create_ruleset past about 505 regex rules, and crashes when more
than about 60 rules have matches waiting in one session; the back end splits
programs into rulesets it can hold.
"""

from __future__ import annotations

import datetime

import pytest
import yaml
from conftest import needs_durable

from smplan_lint.conditions import OPERATORS
from smplan_lint.engine import backend
from smplan_lint.lint import lint_bytes
from smplan_lint.packs import compile_packs, core_pack, load_pack

DAY = datetime.date(2026, 6, 30)
_VALUES = {
    "equals": lambda i: f"h{i}", "not_equals": lambda i: f"h{i}", "in": lambda i: [f"h{i}", i],
    "not_in": lambda i: [f"h{i}"], "gt": lambda i: i, "gte": lambda i: i, "lt": lambda i: i,
    "lte": lambda i: i, "present": lambda i: i % 2 == 0, "missing": lambda i: i % 2 == 0,
    "matches": lambda i: f"^h{i}$", "not_matches": lambda i: f"^h{i}$",
    "empty": lambda i: i % 2 == 0, "before_today": lambda i: True, "after_today": lambda i: True,
    "older_than_days": lambda i: i, "newer_than_days": lambda i: i,
}
_FIELDS = {"gt": "followers", "gte": "followers", "lt": "followers", "lte": "followers",
           "before_today": "since", "after_today": "since", "older_than_days": "since",
           "newer_than_days": "since"}


def _findings(tmp_path, op: str, rules: int, accounts: int, engine: str) -> list[str]:
    field = _FIELDS.get(op, "handle")
    pack = {"pack": {"name": "big", "version": 1, "prefix": "B"}, "rules": [
        {"id": f"B{i + 1}", "name": f"r-{i}", "severity": "info", "summary": "s", "why": "w",
         "fix": "f", "message": "{key}", "given": "account",
         "examples": {"fail": [{}], "pass": [{}]}, "when": {field: {op: _VALUES[op](i)}}}
        for i in range(rules)]}
    path = tmp_path / f"{op}.yaml"
    path.write_text(yaml.safe_dump(pack), "utf-8")
    plan = yaml.safe_dump({"version": 1, "accounts": [
        {"id": f"a{i}", "network": "x", "handle": f"h{i}", "followers": i,
         "since": f"2026-0{1 + i % 9}-01"} for i in range(accounts)]}).encode()
    compiled = compile_packs([core_pack(), load_pack(str(path))])
    found = lint_bytes(plan, "p.yaml", compiled, backend(engine), DAY).findings
    return sorted(f"{f.rule} {f.path} {f.message}" for f in found)


def test_every_operator_is_covered():
    assert set(_VALUES) == set(OPERATORS)


@needs_durable
def test_more_rules_with_matches_than_one_ruleset_holds(tmp_path):
    # 120 rules that all fire on every account: three rulesets, each within the
    # number of rules with waiting matches that crashed one session
    durable = _findings(tmp_path, "before_today", 120, 5, "durable")
    assert len(durable) > 600 and durable == _findings(tmp_path, "before_today", 120, 5,
                                                       "python")


@pytest.mark.slow
@needs_durable
@pytest.mark.parametrize("op", sorted(_VALUES))
def test_a_thousand_rules_of_each_operator_agree(tmp_path, op):
    assert _findings(tmp_path, op, 1000, 30, "durable") == _findings(tmp_path, op, 1000, 30,
                                                                     "python")
