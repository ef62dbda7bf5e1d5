"""Conformance: both engine back ends give identical findings on every example of
every shipped pack and on every fixture plan."""

from __future__ import annotations

import pytest
from conftest import FIXTURES, TODAY, needs_durable

from smplan_lint.engine import backend
from smplan_lint.examples import lint_example
from smplan_lint.lint import lint_bytes
from smplan_lint.packs import compile_packs, core_pack, load_pack

PACKS = [core_pack(), load_pack(str(FIXTURES / "org-pack"))]
COMPILED = compile_packs(PACKS)
EXAMPLES = [(rule, kind, number, example)
            for pack in PACKS for rule in pack.rules
            for kind in ("fail", "pass")
            for number, example in enumerate(rule.examples.get(kind) or [])]
PLANS = sorted(FIXTURES.glob("*.smplan.yaml"))

pytestmark = needs_durable


def _contract(result) -> list[dict]:
    return [f.contract() | {"suppressed": f.suppressed} for f in [*result.findings,
                                                                    *result.suppressed]]


@pytest.mark.parametrize("rule, kind, number, example", EXAMPLES,
                         ids=[f"{r.id}-{k}{n + 1}" for r, k, n, _ in EXAMPLES])
def test_example_gives_identical_findings(rule, kind, number, example):
    durable = lint_example(rule, example, COMPILED, backend("durable"))
    python = lint_example(rule, example, COMPILED, backend("python"))
    assert _contract(durable) == _contract(python)


@pytest.mark.parametrize("plan", PLANS, ids=[p.name for p in PLANS])
def test_fixture_plan_gives_identical_findings(plan):
    data = plan.read_bytes()
    durable = lint_bytes(data, plan.name, COMPILED, backend("durable"), TODAY)
    python = lint_bytes(data, plan.name, COMPILED, backend("python"), TODAY)
    assert _contract(durable) and _contract(durable) == _contract(python)


def test_the_conformance_suite_covers_every_shipped_rule():
    covered = {rule.id for rule, *_ in EXAMPLES}
    assert covered == {rule.id for pack in PACKS for rule in pack.rules}
    assert len(EXAMPLES) >= 2 * len(covered)


def test_a_plan_larger_than_one_engine_batch_gives_identical_findings():
    accounts = "".join(
        f"  - {{id: a{n}, network: x, handle: acme{n}, owner: p{n % 7}, purpose: Sell.}}\n"
        for n in range(2500))
    plan = ("version: 1\npeople: [{id: p1, name: P, active: false}]\naccounts:\n"
            + accounts).encode()
    durable = lint_bytes(plan, "big", COMPILED, backend("durable"), TODAY)
    python = lint_bytes(plan, "big", COMPILED, backend("python"), TODAY)
    assert len(durable.findings) > 5000 and _contract(durable) == _contract(python)
