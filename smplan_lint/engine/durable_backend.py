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
from smplan_lint.engine.program import (
    END_FACT_TYPE,
    MISSING,
    Case,
    Match,
    Pattern,
    Program,
    field_value,
)
from smplan_lint.engine.shards import split
from smplan_lint.parallel import map_items

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
# From this many shards their sessions run on every CPU (smplan_lint/parallel.py): each
# forked worker has the rulesets already registered, and its sessions are its own.
PARALLEL_SHARDS = 8
# durable-rules fails on large rulesets: past about 260 equality rules it stops with
# error 108, past about 505 regex rules create_ruleset never returns, and a fact of
# more than about 250 properties gives error 302. Programs are split (see _rulesets).
_RULESET_CASES = 50
_RULESET_FIELDS = 100


class _Ruleset:
    """One program registered with the engine, and what reading its matches needs.

    Every field a test or join reads goes to the engine under a flat name of its own
    (`f0`, `f1`, ...), holding a value the engine compares as Python does: text is
    prefixed so that "1" stays apart from 1, and None, lists and mappings become
    markers that equal no constant (one for None, which Python joins with None; one
    per fact and field for the others, which join nothing).
    """

    def __init__(self, program: Program, name: str) -> None:
        self.program = program
        self.names: dict[str, str] = {}
        definition = {case.key: self._rule(case) for case in program.cases}
        definition[_SESSION_RULE] = {"all": [{"end": {"type": END_FACT_TYPE}}]}
        self.handle = _native.create_ruleset(name, json.dumps(definition))
        self.fields = self._read_fields(program)
        self.aliases = {case.key: tuple(p.alias for p in case.patterns if not p.negated)
                        for case in program.cases}

    def _name(self, path: str) -> str:
        return self.names.setdefault(path, f"f{len(self.names)}")

    def _condition(self, test: tuple) -> dict[str, Any]:
        op = test[0]
        if op in ("and", "or"):
            return {f"${op}": [self._condition(part) for part in test[1]]}
        return NATIVE[op].durable(self._name(test[1]), _engine_value(test[2]))

    def _pattern(self, pattern: Pattern) -> dict[str, Any]:
        # Joins before tests: after a nested $and/$or, durable-rules ignores the joins
        # that follow and binds every fact that passes the tests.
        parts: list[dict[str, Any]] = [{"type": pattern.type}]
        parts.extend({self._name(join.field): {join.alias: self._name(join.other)}}
                     for join in pattern.joins)
        if pattern.test is not None:
            parts.append(self._condition(pattern.test))
        alias = f"{pattern.alias}$not" if pattern.negated else pattern.alias
        return {alias: {"$and": parts}}

    def _rule(self, case: Case) -> dict[str, Any]:
        patterns = [self._pattern(p) for p in case.patterns]
        if case.has_absence:
            patterns.insert(0, {_GATE: {"type": END_FACT_TYPE}})
        return {"all": patterns, "cap": _BATCH}

    def _read_fields(self, program: Program) -> dict[str, tuple[tuple[str, str], ...]]:
        """For each fact type some pattern binds: the (path, flat name) pairs it reads."""
        used: dict[str, set[str]] = {p.type: set() for case in program.cases
                                     for p in case.patterns}
        for case in program.cases:
            for kind, path in _case_paths(case):
                used[kind].add(path)
        return {kind: tuple((path, self.names[path]) for path in sorted(paths))
                for kind, paths in used.items()}

    def engine_fact(self, fact: dict[str, Any]) -> dict[str, Any]:
        """The fact as the engine gets it: type, `_n` and the fields its patterns read."""
        number = fact["_n"]
        shown = {"type": fact["type"], "_n": number}
        for path, name in self.fields[fact["type"]]:
            value = fact.get(path, MISSING) if "." not in path else field_value(fact, path)
            if type(value) is str:  # the usual value: as _engine_value gives it, one call less
                shown[name] = _TEXT + value
            elif value is not MISSING:
                shown[name] = _engine_value(value, number, name)
        return shown


def _case_paths(case: Case) -> set[tuple[str, str]]:
    """The (fact type, path) pairs a case's tests and joins read."""
    types = {pattern.alias: pattern.type for pattern in case.patterns}
    paths: set[tuple[str, str]] = set()

    def tested(kind: str, test: tuple | None) -> None:
        if test is not None and test[0] in ("and", "or"):
            for part in test[1]:
                tested(kind, part)
        elif test is not None:
            paths.add((kind, test[1]))

    for pattern in case.patterns:
        tested(pattern.type, pattern.test)
        for join in pattern.joins:
            paths.update(((pattern.type, join.field), (types[join.alias], join.other)))
    return paths


def _rulesets(program: Program) -> list[_Ruleset]:
    """The program as rulesets durable-rules can hold: at most _RULESET_CASES cases
    reading at most _RULESET_FIELDS fields each (a single larger case stays whole)."""
    parts: list[list[Case]] = [[]]
    fields: set[tuple[str, str]] = set()
    for case in program.cases:
        needed = _case_paths(case)
        if parts[-1] and (len(parts[-1]) == _RULESET_CASES
                          or len(fields | needed) > _RULESET_FIELDS):
            parts.append([])
            fields = set()
        parts[-1].append(case)
        fields |= needed
    return [_Ruleset(Program(tuple(cases), program.digest),
                     f"smplan_{program.digest[:16]}_{number}")
            for number, cases in enumerate(parts)]


_TEXT, _NONE, _OPAQUE = "\x01", "\x02", "\x03"


def _engine_value(value: Any, fact: int | None = None, field: str = "") -> Any:
    """A value as the engine compares it: see _Ruleset. A list or mapping of a fact's
    field gets a marker of its own, written only then (this runs for every field)."""
    if isinstance(value, str):
        return _TEXT + value
    if value is None:
        return _NONE
    if isinstance(value, list | dict):
        return _OPAQUE if fact is None else f"{_OPAQUE}{fact}.{field}"
    return value


class DurableBackend:
    name = "durable"

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._rulesets: dict[str, list[_Ruleset]] = {}
        self._sessions = 0

    def run(self, program: Program, facts: list[dict[str, Any]]) -> list[Match]:
        with self._lock:
            rulesets = self._rulesets.get(program.digest)
            if rulesets is None:
                rulesets = self._rulesets[program.digest] = _rulesets(program)
            return [match for ruleset in rulesets for match in self._run(ruleset, facts)]

    def _run(self, ruleset: _Ruleset, facts: list[dict[str, Any]]) -> list[Match]:
        read = ruleset.fields
        engine_facts = [fact for fact in facts
                        if type(fact["type"]) is str and fact["type"] in read]
        shown = {fact["_n"]: ruleset.engine_fact(fact) for fact in engine_facts}
        shards = split(ruleset.program, engine_facts, SESSION_SIZE)
        sessions = [[shown[fact["_n"]] for fact in shard.facts] for shard in shards]
        found = map_items(lambda session: self._session(ruleset, session), sessions,
                          PARALLEL_SHARDS)
        return [match for shard, matched in zip(shards, found, strict=True)
                for match in shard.reported(matched)]

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
    matches: list[Match] = []
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
