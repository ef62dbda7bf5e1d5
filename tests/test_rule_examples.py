"""Every rule's own pass/fail examples, through both engine back ends."""

from __future__ import annotations

import pytest

from smplan_lint.engine import backend
from smplan_lint.examples import run_examples
from smplan_lint.packs import compile_packs, core_pack

CORE = core_pack()
COMPILED = compile_packs([CORE])


@pytest.mark.parametrize("rule", CORE.rules, ids=lambda rule: f"{rule.id}-{rule.name}")
def test_examples_of_rule(rule, engine_name):
    results = run_examples([rule], COMPILED, backend(engine_name))
    failures = [f"{r.label}: {r.detail}" for r in results if not r.ok]
    assert results and not failures


def test_every_spec_rule_is_in_the_core_pack():
    spec = {
        "SMP101": "too-few-goals", "SMP102": "goal-vanity-only", "SMP103": "goal-not-measurable",
        "SMP104": "goal-not-time-bound", "SMP105": "goal-not-relevant",
        "SMP106": "goal-not-specific", "SMP107": "goal-unknown-reference",
        "SMP108": "goal-deadline-passed", "SMP201": "account-no-owner",
        "SMP202": "account-owner-unknown", "SMP203": "account-owner-inactive",
        "SMP204": "account-no-purpose", "SMP205": "account-inactive",
        "SMP206": "account-action-outstanding", "SMP207": "account-duplicate",
        "SMP208": "account-without-goal", "SMP301": "network-no-mission",
        "SMP302": "mission-not-one-sentence", "SMP401": "audit-missing",
        "SMP402": "audit-stale", "SMP403": "target-network-missing",
        "SMP404": "network-off-target", "SMP405": "competitors-missing",
        "SMP501": "likely-fake-profile",
    }
    names = {rule.id: rule.name for rule in CORE.rules}
    assert {rule_id: names.get(rule_id) for rule_id in spec} == spec
