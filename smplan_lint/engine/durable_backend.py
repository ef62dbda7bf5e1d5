"""durable-rules back end: the only module that imports durable-rules.

It drives durable-rules' native engine (`durable_rules_engine`, the C module
the package's `durable.engine` host wraps) without that host: the host hands
each match to a Closure, times it, and writes the whole session state back
into the engine after every action, which was most of the engine's time on
large plans. Our actions only record which facts matched, so here the matches
are read straight from the engine's messages, up to _BATCH of a rule in each.

What it works around (each measured on durable-rules 2.0.28):
- one ruleset per program digest, registered once and reused; access
  serialised by a lock (the engine is not thread-safe);
- one session id per engine session, its state deleted afterwards;
- absence patterns gated on an end fact asserted last, because a `$not`
  fires as soon as its fact arrives and is never withdrawn;
- every pattern carries a positive `type` test, so no pattern is made only
  of `$nex`; facts carry a unique `_n` so no two are identical;
- a rule on the end fact gives every session state, because `delete_state`
  of a session whose facts matched no rule frees an invalid pointer.

Cost: the engine gets each fact as JSON and hands every match back as JSON, so
it is given only what its patterns look at (`type`, `_n` and the fields they
test or join on; the placing fields stay in Python), all in one
`assert_facts` call. Matches wait in the session until the end fact is in;
then they are drained in one pass.
"""

from __future__ import annotations

import json
import threading
from typing import Any

import durable_rules_engine as _native

from smplan_lint.conditions.operators import NATIVE
from smplan_lint.engine.program import END_FACT_TYPE, Case, Match, Pattern, Program
from smplan_lint.engine.shards import split

_CALLS = ("create_ruleset", "assert_facts", "assert_fact", "start_action_for_state",
          "complete_and_start_action", "delete_state")
if _missing := [name for name in _CALLS if not hasattr(_native, name)]:
    # another durable-rules than the one measured (2.0.28): fall back, never crash midway
    raise ImportError(f"this durable-rules' engine has no {', '.join(_missing)}")

_GATE = "end$gate"
_SESSION_RULE = "$session"
# What the native assert calls return for a fact they take for one already stored.
_OBSERVED = 2
# Matches of one rule handed over in one message ("cap" in durable-rules' terms).
_BATCH = 1000
# Facts one session owns: see shards.py for why sessions stay small.
SESSION_SIZE = 1000


def _condition(test: tuple) -> dict[str, Any]:
    op = test[0]
    if op in ("and", "or"):
        return {f"${op}": [_condition(part) for part in test[1]]}
    return NATIVE[op].durable(test[1], test[2])


def _pattern(pattern: Pattern) -> dict[str, Any]:
    parts: list[dict[str, Any]] = [{"type": pattern.type}]
    if pattern.test is not None:
        parts.append(_condition(pattern.test))
    parts.extend({join.field: {join.alias: join.other}} for join in pattern.joins)
    alias = f"{pattern.alias}$not" if pattern.negated else pattern.alias
    return {alias: {"$and": parts}}


def _rule(case: Case) -> dict[str, Any]:
    patterns = [_pattern(p) for p in case.patterns]
    if case.has_absence:
        patterns.insert(0, {_GATE: {"type": END_FACT_TYPE}})
    return {"all": patterns, "cap": _BATCH}


def _used_fields(program: Program) -> dict[str, tuple[str, ...]]:
    """For each fact type some pattern binds: the top-level fields the engine reads."""
    used: dict[str, set[str]] = {}

    def tested(test: tuple | None, into: set[str]) -> None:
        if test is None:
            return
        if test[0] in ("and", "or"):
            for part in test[1]:
                tested(part, into)
        else:
            into.add(test[1].split(".")[0])

    for case in program.cases:
        types = {pattern.alias: pattern.type for pattern in case.patterns}
        for pattern in case.patterns:
            fields = used.setdefault(pattern.type, {"type", "_n"})
            tested(pattern.test, fields)
            for join in pattern.joins:
                fields.add(join.field.split(".")[0])
                used.setdefault(types[join.alias], {"type", "_n"}).add(join.other.split(".")[0])
    return {kind: tuple(sorted(fields)) for kind, fields in used.items()}


class _Ruleset:
    """One program registered with the engine, and what reading its matches needs."""

    def __init__(self, program: Program) -> None:
        definition = {case.key: _rule(case) for case in program.cases}
        definition[_SESSION_RULE] = {"all": [{"end": {"type": END_FACT_TYPE}}]}
        self.handle = _native.create_ruleset(f"smplan_{program.digest[:16]}",
                                             json.dumps(definition))
        self.fields = _used_fields(program)
        self.aliases = {case.key: tuple(p.alias for p in case.patterns if not p.negated)
                        for case in program.cases}


class DurableBackend:
    name = "durable"

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._rulesets: dict[str, _Ruleset] = {}
        self._sessions = 0

    def run(self, program: Program, facts: list[dict[str, Any]]) -> list[Match]:
        with self._lock:
            ruleset = self._rulesets.get(program.digest)
            if ruleset is None:
                ruleset = self._rulesets[program.digest] = _Ruleset(program)
            used = ruleset.fields
            batch = [{key: fact[key] for key in keep if key in fact}
                     for fact in facts
                     if type(fact["type"]) is str and (keep := used.get(fact["type"]))]
            matches = []
            for shard in split(program, batch, SESSION_SIZE):
                matches.extend(shard.reported(self._session(ruleset, shard.facts)))
            return matches

    def _session(self, ruleset: _Ruleset, facts: list[dict[str, Any]]) -> list[Match]:
        self._sessions += 1
        sid = str(self._sessions)
        try:
            if facts:
                batch = [fact | {"sid": sid} for fact in facts]
                code, _ = _native.assert_facts(ruleset.handle, json.dumps(batch))
                if code == _OBSERVED:
                    _assert_one_by_one(ruleset.handle, batch)
            end = {"type": END_FACT_TYPE, "_n": -1, "sid": sid}
            _, state = _native.assert_fact(ruleset.handle, json.dumps(end))
            return _drain(ruleset, state)
        finally:
            _native.delete_state(ruleset.handle, sid)


def _assert_one_by_one(handle: int, batch: list[dict[str, Any]]) -> None:
    """durable-rules knows a fact by a 32-bit hash, so two distinct facts can look
    identical (about one pair in 100,000 facts). Such a fact is asserted again with
    a salt; one the batch had already stored comes in twice, which only repeats
    matches that findings are de-duplicated from anyway."""
    for fact in batch:
        for salt in range(1, 9):
            code, _ = _native.assert_fact(handle, json.dumps(fact))
            if code != _OBSERVED:
                break
            fact = {**fact, "_salt": salt}


def _drain(ruleset: _Ruleset, state: int) -> list[Match]:
    """Every match waiting in a session. A message is {rule: [{alias: fact}]}, up to
    _BATCH matches of one rule, or {rule: {alias: fact}} for the session rule."""
    started = _native.start_action_for_state(ruleset.handle, state)
    if started is None:
        return []
    matches = []
    aliases = ruleset.aliases
    message = started[1]
    while message is not None:
        for rule, found in json.loads(message).items():
            if rule != _SESSION_RULE:
                names = aliases[rule]
                matches.extend(Match(rule, tuple((a, bound[a]["_n"]) for a in names))
                               for bound in found)
        message = _native.complete_and_start_action(ruleset.handle, state)
    return matches
