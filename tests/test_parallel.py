"""Large plans read goal sentences and judge discovered profiles in worker processes:
the results must be exactly those of one process, in the same order."""

from __future__ import annotations

import datetime
import sys

import pytest
from conftest import ROOT

from smplan_lint import parallel
from smplan_lint.derive.goals import read_all, read_goal
from smplan_lint.derive.impersonation import ImpersonationIndex

sys.path.insert(0, str(ROOT))
from bench.gen_inventory import plan  # noqa: E402

forked_only = pytest.mark.skipif(sys.platform != "linux", reason="workers are forked on Linux only")


@pytest.fixture
def three_workers(monkeypatch):
    monkeypatch.setattr(parallel, "_workers", lambda count, minimum: 3)


@forked_only
def test_sentences_read_by_workers_read_as_in_process(three_workers):
    statements = [goal["statement"] for goal in plan(300)["goals"]] * 2  # repeats too
    readings = read_all(statements)
    assert readings == {statement: read_goal(statement) for statement in statements}
    assert len(readings) == len(set(statements))


@forked_only
def test_profiles_judged_by_workers_are_judged_as_in_process(three_workers):
    inventory = plan(300)
    accounts = inventory["accounts"]
    index = ImpersonationIndex(
        own=[(a["network"], a["handle"]) for a in accounts],
        brand_terms=inventory["organisation"]["brand_terms"],
        today=datetime.date(2026, 11, 27), organisation=inventory["organisation"]["name"])
    profiles = [(p["network"], p["handle"], p.get("display_name"), p.get("bio"),
                 p.get("followers"), p.get("created"), p.get("verified"))
                for p in inventory["discovered"]]
    verdicts = index.assess_all(profiles)
    assert verdicts == [index.assess(*profile) for profile in profiles]
    assert sum(v is not None for v in verdicts) > 10  # the plan has look-alikes to find


@forked_only
def test_results_keep_the_order_of_the_items_whatever_the_share_sizes(three_workers):
    for count in (2, 3, 4, 7, 100):
        assert parallel.map_items(str, list(range(count))) == [str(n) for n in range(count)]


def test_small_batches_start_no_worker(monkeypatch):
    def no_pool(*args, **kwargs):
        raise AssertionError("a worker was started for a small batch")

    monkeypatch.setattr("multiprocessing.get_context", no_pool)
    readings = read_all(["Grow web referrals 20% by 2027-06-30."] * 50)
    assert list(readings) == ["Grow web referrals 20% by 2027-06-30."]
    assert parallel.map_items(len, ["ab"] * (parallel.MIN_PARALLEL - 1)) == [2] * 1999


@forked_only
def test_a_failing_item_fails_the_whole_batch(three_workers):
    with pytest.raises(ZeroDivisionError):
        parallel.map_items(lambda n: 1 / n, [1, 2, 3, 4, 0])


def _lint_many_goals_in_a_pool_worker(count: int) -> int:
    from smplan_lint.derive.goals import read_all

    statements = [f"Grow web referrals {n}% by 2027-06-30." for n in range(count)]
    return len(read_all(statements))


@forked_only
def test_a_library_user_s_pool_worker_reads_a_large_plan_in_process():
    # daemonic pool workers may not start processes of their own
    import multiprocessing

    with multiprocessing.get_context("fork").Pool(1) as pool:
        assert pool.apply(_lint_many_goals_in_a_pool_worker, (parallel.MIN_PARALLEL,)) == 2000


def test_a_process_running_other_threads_starts_no_worker(monkeypatch):
    import threading

    def no_pool(*args, **kwargs):
        raise AssertionError("a worker was forked beside another thread")

    monkeypatch.setattr("multiprocessing.get_context", no_pool)
    found: list = []
    worker = threading.Thread(target=lambda: found.append(
        parallel.map_items(len, ["ab"] * parallel.MIN_PARALLEL)))
    worker.start()
    worker.join()
    assert found == [[2] * parallel.MIN_PARALLEL]
