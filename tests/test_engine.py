"""The engine adapter: both back ends agree, runs are isolated, nothing leaks."""

from __future__ import annotations

import hashlib
import threading

import pytest
from conftest import needs_durable

from smplan_lint.conditions import Compiler
from smplan_lint.engine import EngineUnavailable, backend
from smplan_lint.engine.program import Program
from smplan_lint.packs import Rule, compile_rule


def _rule(given: str, **case) -> Rule:
    return Rule(id="T1", name="t", severity="error", summary="", why="", fix="", message="",
                area="plan", pack="test", given=given, at=None, options={}, cases=(case,),
                examples={}, builtin=False, source="test", pointer="")


def _matches(engine_name: str, rule: Rule, facts: list[dict]) -> list[tuple]:
    compiler = Compiler()
    cases = compile_rule(compiler, rule, {})
    import datetime

    for number, fact in enumerate(facts):
        fact["_n"] = number
        for lowered in compiler.lowered:
            if fact["type"] == lowered.type:
                fact[lowered.attribute] = lowered.predicate(fact, datetime.date(2026, 6, 30))
    program = Program(tuple(cases), digest=hashlib.sha256(repr(cases).encode()).hexdigest())
    found = backend(engine_name).run(program, facts)
    return sorted(dict(m.bindings)[rule.given] for m in found)


ACCOUNTS = [
    {"type": "account", "key": "a", "owner": "ana", "followers": 10, "handle": "acme"},
    {"type": "account", "key": "b", "followers": 500, "handle": "Acme_HQ"},
    {"type": "account", "key": "c", "owner": "ben", "handle": "other", "two_factor": True},
    {"type": "person", "key": "ana", "active": False},
]


@pytest.mark.parametrize("when, expected", [
    ({"owner": {"missing": True}}, [1]),
    ({"owner": {"present": True}}, [0, 2]),
    ({"owner": "ana"}, [0]),
    ({"owner": {"not_equals": "ana"}}, [2]),          # missing owner: comparison is false
    ({"owner": {"in": ["ana", "ben"]}}, [0, 2]),
    ({"owner": {"not_in": ["ana"]}}, [2]),
    ({"followers": {"gt": 100}}, [1]),
    ({"followers": {"lte": 10}}, [0]),
    ({"handle": {"matches": "(?i)^acme"}}, [0, 1]),
    ({"handle": {"not_matches": "_"}}, [0, 2]),
    ({"not": {"owner": "ana"}}, [1, 2]),
    ({"any": [{"owner": "ben"}, {"followers": {"gt": 100}}]}, [1, 2]),
    ({"two_factor": {"equals": True}}, [2]),
])
def test_conditions_agree_on_both_back_ends(engine_name, when, expected):
    facts = [dict(f) for f in ACCOUNTS]
    assert _matches(engine_name, _rule("account", when=when), facts) == expected


def test_join_and_absence(engine_name):
    joined = _rule("account", join={"person": {"on": {"key": "owner"}, "when": {"active": False}}})
    absent = _rule("account", absent={"person": {"on": {"key": "owner"}}})
    assert _matches(engine_name, joined, [dict(f) for f in ACCOUNTS]) == [0]
    # b has no owner: an absence keyed on a missing field never fires
    assert _matches(engine_name, absent, [dict(f) for f in ACCOUNTS]) == [2]


def test_absence_waits_for_facts_asserted_later(engine_name):
    facts = [{"type": "account", "key": "a", "owner": "zoe"}, {"type": "person", "key": "zoe"}]
    rule = _rule("account", absent={"person": {"on": {"key": "owner"}}})
    assert _matches(engine_name, rule, facts) == []


@needs_durable
def test_many_runs_stay_isolated_and_start_no_threads():
    from smplan_lint.engine.durable_backend import DurableBackend  # noqa: F401

    engine = backend("durable")
    rule = _rule("account", when={"owner": {"missing": True}})
    before = threading.active_count()
    for run in range(300):
        facts = [{"type": "account", "key": f"k{run}"}] if run % 2 else [
            {"type": "account", "key": f"k{run}", "owner": "x"}]
        assert _matches("durable", rule, facts) == ([0] if run % 2 else [])
    assert threading.active_count() == before
    assert engine is backend("durable")


def test_unknown_engine_is_refused():
    with pytest.raises(EngineUnavailable):
        backend("prolog")


@needs_durable
def test_runs_whose_facts_match_no_rule_do_not_crash_the_engine():
    # Deleting such a session's state used to free an invalid pointer; a crash would
    # kill the test process, so run it in a child.
    import subprocess
    import sys

    script = (
        "from smplan_lint.engine import backend\n"
        "from smplan_lint.engine.program import Case, Pattern, Program\n"
        "test = ('equals', 'x', 1)\n"
        "p = Program((Case('T#0', 'T', (Pattern('a', 'account', test),)),), 'f' * 64)\n"
        "for run in range(500):\n"
        "    backend('durable').run(p, [{'type': 'zebra', '_n': 0, 'x': 2}])\n"
        "print('done')\n")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=120)
    assert result.returncode == 0 and result.stdout.strip() == b"done"


@pytest.mark.slow
@needs_durable
def test_hundreds_of_lint_runs_in_one_process_keep_memory_flat():
    import subprocess
    import sys

    from conftest import FIXTURES

    script = (
        "import datetime, resource\n"
        "from smplan_lint.engine import backend\n"
        "from smplan_lint.lint import lint_bytes\n"
        "from smplan_lint.packs import compile_packs, core_pack\n"
        f"data = open({str(FIXTURES / 'failing.smplan.yaml')!r}, 'rb').read()\n"
        "compiled, engine = compile_packs([core_pack()]), backend('durable')\n"
        "day = datetime.date(2026, 11, 27)\n"
        "def runs(n):\n"
        "    for _ in range(n):\n"
        "        assert len(lint_bytes(data, 'p', compiled, engine, day).findings) > 30\n"
        "    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "warm = runs(100)\n"
        "print(runs(400) - warm)\n")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=300)
    assert result.returncode == 0, result.stderr.decode()
    assert int(result.stdout) < 20_000  # kilobytes gained over 400 more runs


@needs_durable
def test_facts_durable_takes_for_duplicates_are_still_evaluated():
    # durable-rules identifies a fact by a 32-bit hash; two facts it takes for one
    # (simulated here with two identical facts) must not end the run.
    rule = _rule("account", when={"owner": {"missing": True}})
    facts = [{"type": "account", "key": "a"}, {"type": "account", "key": "b"}]
    compiler = Compiler()
    cases = compile_rule(compiler, rule, {})
    digest = hashlib.sha256(b"dup" + repr(cases).encode()).hexdigest()
    program = Program(tuple(cases), digest=digest)
    facts = [{**facts[0], "_n": 0}, {**facts[0], "_n": 0}, {**facts[1], "_n": 1}]
    found = sorted(dict(m.bindings)["account"] for m in backend("durable").run(program, facts))
    assert set(found) == {0, 1}


@needs_durable
def test_a_session_with_more_matches_than_one_message_carries_reports_them_all(monkeypatch):
    # durable-rules hands matches over in messages of up to _BATCH per rule
    from smplan_lint.engine import durable_backend

    monkeypatch.setattr(durable_backend, "SESSION_SIZE", 10_000)  # one session
    facts = [{"type": "account", "key": f"a{n}", "owner": "ana"} for n in range(2 * 1000 + 17)]
    facts.append({"type": "person", "key": "ana", "active": False})
    joined = _rule("account", join={"person": {"on": {"key": "owner"}, "when": {"active": False}}})
    assert _matches("durable", joined, facts) == list(range(2017))


@needs_durable
def test_a_durable_rules_engine_without_the_calls_used_is_unavailable(monkeypatch):
    # a durable-rules other than 2.0.28 whose C module lacks a call the back end makes
    import sys
    import types

    from smplan_lint import engine

    stub = types.ModuleType("durable_rules_engine")
    stub.create_ruleset = stub.assert_facts = lambda *args: None
    monkeypatch.setitem(sys.modules, "durable_rules_engine", stub)
    monkeypatch.delitem(sys.modules, "smplan_lint.engine.durable_backend")
    with pytest.raises(EngineUnavailable, match="start_action_for_state"):
        engine._load("durable")
