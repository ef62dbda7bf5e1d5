"""Large plans read their goal sentences in worker processes: the readings must not change."""

from __future__ import annotations

import sys

import pytest
from conftest import ROOT

from smplan_lint.derive import goal_batch
from smplan_lint.derive.goals import read_goal

sys.path.insert(0, str(ROOT))
from bench.gen_inventory import plan  # noqa: E402


@pytest.mark.skipif(sys.platform != "linux", reason="workers are forked on Linux only")
def test_sentences_read_by_workers_read_as_in_process(monkeypatch):
    statements = [goal["statement"] for goal in plan(300)["goals"]] * 2  # repeats too
    monkeypatch.setattr(goal_batch, "MIN_PARALLEL", 10)
    monkeypatch.setattr(goal_batch, "_workers", lambda count: 3)
    readings = goal_batch.read_all(statements)
    assert readings == {statement: read_goal(statement) for statement in statements}
    assert len(readings) == len(set(statements))


def test_a_small_plan_starts_no_worker(monkeypatch):
    def no_pool(*args, **kwargs):
        raise AssertionError("a worker was started for a small plan")

    monkeypatch.setattr("multiprocessing.get_context", no_pool)
    readings = goal_batch.read_all(["Grow web referrals 20% by 2027-06-30."] * 50)
    assert list(readings) == ["Grow web referrals 20% by 2027-06-30."]
