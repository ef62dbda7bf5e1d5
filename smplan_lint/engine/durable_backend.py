"""durable-rules back end: the only module that imports durable-rules.

What it works around (see shared/notes/durable-rules.md):
- one Host per process, its timer threads never started, actions run
  synchronously in the caller's thread; access serialised by a lock;
- one session id per lint run, its state deleted afterwards;
- rulesets registered once per program digest and reused;
- absence patterns gated on an end fact asserted last, because a `$not`
  fires as soon as its fact arrives and is never withdrawn;
- every pattern carries a positive `type` test, so no pattern is made only
  of `$nex`; facts carry a unique `_n` so no two are identical;
- a rule on the end fact gives every session state, because `delete_state`
  of a session whose facts matched no rule frees an invalid pointer.

Cost: the engine gets each fact as JSON and hands every match back as JSON, so
it is given only what its patterns look at (`type`, `_n` and the fields they
test or join on; the placing fields stay in Python), all in one
`assert_facts` call. A batch holding a fact no rule takes raises
MessageNotHandledException after every fact is stored; the matches it left
pending run when the end fact is asserted.
"""

from __future__ import annotations

import contextlib
import copy
import itertools
import threading
from typing import Any

import durable.engine as _durable

from smplan_lint.engine.program import END_FACT_TYPE, Case, Match, Pattern, Program
from smplan_lint.engine.shards import split

_OPS = {"ne": "$neq", "gt": "$gt", "gte": "$gte", "lt": "$lt", "lte": "$lte"}
_GATE = "end$gate"
_SESSION_RULE = "$session"
# Facts one session owns: see shards.py for why sessions stay small.
SESSION_SIZE = 4000


def _session_opened(c: Any) -> None:
    """Every run's end fact matches this rule, so every session has state to delete:
    deleting the state of a session whose facts matched no rule crashes the engine."""


class EngineFailure(RuntimeError):
    """durable-rules reported an error for a run."""


class _SyncHost(_durable.Host):
    def _run(self) -> None:
        """No dispatch or timer threads: every action runs inside assert_fact."""


def _condition(test: tuple) -> dict[str, Any]:
    op = test[0]
    if op in ("and", "or"):
        return {f"${op}": [_condition(part) for part in test[1]]}
    if op == "ex":
        return {"$ex": {test[1]: 1}}
    if op == "nex":
        return {"$nex": {test[1]: 1}}
    if op == "eq":
        return {test[1]: test[2]}
    return {_OPS[op]: {test[1]: test[2]}}


def _pattern(pattern: Pattern) -> dict[str, Any]:
    parts: list[dict[str, Any]] = [{"type": pattern.type}]
    if pattern.test is not None:
        parts.append(_condition(pattern.test))
    parts.extend({join.field: {join.alias: join.other}} for join in pattern.joins)
    alias = f"{pattern.alias}$not" if pattern.negated else pattern.alias
    return {alias: {"$and": parts}}


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


class DurableBackend:
    name = "durable"

    def __init__(self) -> None:
        self._host = _SyncHost()
        self._lock = threading.Lock()
        self._registered: dict[str, str] = {}
        self._sessions = itertools.count(1)
        self._results: dict[str, list[Match]] = {}
        self._fields: dict[str, dict[str, tuple[str, ...]]] = {}

    def _ruleset(self, program: Program) -> str:
        name = self._registered.get(program.digest)
        if name is None:
            name = f"smplan_{program.digest[:16]}"
            definition = {case.key: self._rule(case) for case in program.cases}
            definition[_SESSION_RULE] = {"all": [{"end": {"type": END_FACT_TYPE}}],
                                         "run": _session_opened}
            self._host.set_rulesets({name: copy.deepcopy(definition)})
            self._fields[program.digest] = _used_fields(program)
            self._registered[program.digest] = name
        return name

    def _rule(self, case: Case) -> dict[str, Any]:
        patterns = [_pattern(p) for p in case.patterns]
        if case.has_absence:
            patterns.insert(0, {_GATE: {"type": END_FACT_TYPE}})
        aliases = [p.alias for p in case.patterns if not p.negated]
        results = self._results

        def action(c: Any) -> None:
            bindings = tuple((alias, getattr(c, alias)["_n"]) for alias in aliases)
            results[c.s["sid"]].append(Match(case.key, bindings))

        return {"all": patterns, "run": action}

    def _assert(self, name: str, fact: dict[str, Any] | list[dict[str, Any]]) -> None:
        try:
            self._host.assert_fact(name, fact)  # a list goes to assert_facts
        except _durable.MessageNotHandledException:
            pass  # no rule takes this fact (or one fact of the batch): nothing to report

    def _assert_one_by_one(self, name: str, batch: list[dict[str, Any]]) -> None:
        """durable-rules knows a fact by a 32-bit hash, so two distinct facts can look
        identical (about one pair in 100,000 facts). Such a fact is asserted again with
        a salt; one the batch had already stored comes in twice, which only repeats
        matches that findings are de-duplicated from anyway."""
        for fact in batch:
            for salt in range(1, 9):
                try:
                    self._assert(name, fact)
                    break
                except _durable.MessageObservedException:
                    fact = {**fact, "_salt": salt}

    def run(self, program: Program, facts: list[dict[str, Any]]) -> list[Match]:
        with self._lock:
            name = self._ruleset(program)
            used = self._fields[program.digest]
            batch = [{key: fact[key] for key in keep if key in fact}
                     for fact in facts
                     if type(fact["type"]) is str and (keep := used.get(fact["type"]))]
            matches = []
            for shard in split(program, batch, SESSION_SIZE):
                matches.extend(shard.reported(self._session(name, shard.facts)))
            return matches

    def _session(self, name: str, facts: list[dict[str, Any]]) -> list[Match]:
        sid = str(next(self._sessions))
        self._results[sid] = []
        try:
            if facts:
                batch = [fact | {"sid": sid} for fact in facts]
                try:
                    self._assert(name, batch)
                except _durable.MessageObservedException:
                    self._assert_one_by_one(name, batch)
            self._assert(name, {"type": END_FACT_TYPE, "_n": -1, "sid": sid})
            state = self._host.get_state(name, sid)
            if "exception" in state:
                raise EngineFailure(str(state["exception"]))
            return self._results[sid]
        finally:
            del self._results[sid]
            with contextlib.suppress(Exception):  # never hide the error that got here
                self._host.delete_state(name, sid)
