"""Large runs are split into engine sessions: the split must never change a finding."""

from __future__ import annotations

import sys
from collections import Counter

import pytest
from conftest import FIXTURES, ROOT, TODAY, needs_durable

from smplan_lint import lint
from smplan_lint.engine import backend
from smplan_lint.engine.shards import split
from smplan_lint.inventory import validate
from smplan_lint.load import load_path
from smplan_lint.packs import compile_packs, core_pack, load_pack

sys.path.insert(0, str(ROOT))
from bench.gen_inventory import write  # noqa: E402


def _program_and_facts(path, packs=()):
    compiled = compile_packs([core_pack(), *(load_pack(str(FIXTURES / p)) for p in packs)])
    document = load_path(str(path))
    validated = validate(document.data, known_extra_keys=compiled.extra_keys,
                         declared_fields=compiled.declared_fields,
                         reserved_keys=lint.RESERVED)
    return compiled.program, lint._facts(validated.plan, compiled, TODAY)


@pytest.fixture(scope="module")
def plans(tmp_path_factory):
    generated = tmp_path_factory.mktemp("plans") / "generated.smplan.yaml"
    write(150, generated)
    return {
        "failing": _program_and_facts(FIXTURES / "failing.smplan.yaml"),
        "bare": _program_and_facts(FIXTURES / "bare.smplan.yaml"),
        "org": _program_and_facts(FIXTURES / "org-plan.smplan.yaml", ["org-pack"]),
        "generated": _program_and_facts(generated),
    }


def _sharded_matches(program, facts, size):
    """What the python evaluator finds shard by shard, kept where the root is owned."""
    python = backend("python")
    found = []
    for shard in split(program, facts, size):
        found += shard.reported(python.run(program, shard.facts))
    return found


@pytest.mark.parametrize("name", ["failing", "bare", "org", "generated"])
@pytest.mark.parametrize("size", [1, 3, 17, 200])
def test_matches_found_shard_by_shard_are_the_whole_runs(plans, name, size):
    program, facts = plans[name]
    whole = backend("python").run(program, facts)
    sharded = _sharded_matches(program, facts, size)
    assert Counter(sharded) == Counter(whole)  # none lost, none reported twice
    assert len(whole) > 0


@pytest.mark.parametrize("size", [1, 5, 60])
def test_every_fact_is_owned_once_and_no_shard_owns_more_than_its_size(plans, size):
    program, facts = plans["generated"]
    shards = split(program, facts, size)
    owned = Counter(n for shard in shards for n in shard.owned)
    assert set(owned) == {fact["_n"] for fact in facts}
    assert set(owned.values()) == {1}
    assert max(len(shard.owned) for shard in shards) == size


def test_a_small_run_is_one_session(plans):
    program, facts = plans["failing"]
    (shard,) = split(program, facts, len(facts))
    assert shard.owned is None and shard.facts == facts


def test_a_goal_shares_a_shard_with_its_account(plans):
    """Owning what a fact joins keeps support copies few: far fewer facts are sent
    than a slice-by-slice split would send."""
    program, facts = plans["generated"]
    sent = sum(len(shard.facts) for shard in split(program, facts, 60))
    assert sent < 1.3 * len(facts)


@needs_durable
@pytest.mark.parametrize("name", ["failing", "org", "generated"])
def test_durable_rules_in_small_sessions_finds_what_one_session_finds(plans, name,
                                                                     monkeypatch):
    from smplan_lint.engine import durable_backend

    program, facts = plans[name]
    engine = backend("durable")
    whole = Counter(engine.run(program, facts))
    monkeypatch.setattr(durable_backend, "SESSION_SIZE", 7)
    assert Counter(engine.run(program, facts)) == whole
    assert whole == Counter(backend("python").run(program, facts))


@needs_durable
def test_sessions_run_on_every_cpu_find_what_they_find_in_one_process(plans, monkeypatch):
    """Forked workers hold the rulesets registered before the fork and run sessions of
    their own; the matches are those of the sessions run one after another."""
    from smplan_lint import parallel
    from smplan_lint.engine import durable_backend

    program, facts = plans["generated"]
    engine = backend("durable")
    monkeypatch.setattr(durable_backend, "SESSION_SIZE", 40)
    monkeypatch.setattr(durable_backend, "PARALLEL_SHARDS", 10**9)
    alone = engine.run(program, facts)
    asked: list[int] = []
    monkeypatch.setattr(parallel, "_workers", lambda count, minimum: asked.append(count) or 2)
    monkeypatch.setattr(durable_backend, "PARALLEL_SHARDS", 2)
    spread = engine.run(program, facts)   # one forked worker, whatever the machine has
    assert asked and asked[0] > 2
    assert spread == alone and len(alone) > 100
