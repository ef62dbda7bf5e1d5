"""Compiles the `when` conditions of rule packs into engine tests.

Operators the engines evaluate natively become tests; the rest (regular
expressions, `not`, `empty`, dates against today) are lowered into a boolean
attribute computed on each fact before the engine runs, so the rule author
writes one language and both back ends see the same facts.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

from smplan_lint.conditions.operators import OPERATORS
from smplan_lint.conditions.predicates import Predicate
from smplan_lint.conditions.values import FIELD_NAME, ConditionError, check, is_number
from smplan_lint.engine.program import Test, field_value
from smplan_lint.records import NamedTuple

COMBINATORS = ("all", "any", "not")


class Lowered(NamedTuple):
    """A boolean attribute the pipeline computes on facts of `type` before the engine."""

    type: str
    attribute: str
    predicate: Callable[[dict[str, Any], datetime.date], bool]


class Compiler:
    """Compiles the `when` conditions of one program, collecting lowered attributes."""

    def __init__(self) -> None:
        self.lowered: list[Lowered] = []
        self.fields: set[tuple[str, str]] = set()   # (fact type, top-level field) tested
        self._guards: dict[tuple[str, str], Test] = {}

    def when(self, spec: Any, fact_type: str, options: dict[str, Any],
             pointer: str) -> Test | None:
        if spec is None:
            return None
        if not isinstance(spec, dict) or not spec:
            raise ConditionError("a condition is a mapping of fields to tests", pointer)
        parts = [self._entry(key, value, fact_type, options, f"{pointer}/{key}")
                 for key, value in spec.items()]
        return parts[0] if len(parts) == 1 else ("and", tuple(parts))

    def _entry(self, key: str, value: Any, fact_type: str, options: dict, pointer: str) -> Test:
        if key in ("all", "any"):
            if not isinstance(value, list) or not value:
                raise ConditionError(f"'{key}' takes a non-empty list of conditions", pointer)
            parts = tuple(self.when(item, fact_type, options, f"{pointer}/{i}")
                          for i, item in enumerate(value))
            return ("and" if key == "all" else "or", parts)
        if key == "not":
            inner = self.when(value, fact_type, options, pointer)
            return self.lower(fact_type, _negation(inner))
        if not isinstance(key, str) or not FIELD_NAME.match(key):
            raise ConditionError(f"'{key}' is not a field name", pointer)
        return self._field(key, value, fact_type, options, pointer)

    def _field(self, field: str, spec: Any, fact_type: str, options: dict, pointer: str) -> Test:
        self.fields.add((fact_type, field.split(".")[0]))
        shorthand = not isinstance(spec, dict)   # `field: value` means `field: {equals: value}`
        if shorthand:
            if isinstance(spec, list):
                raise ConditionError(f"use 'in:' to compare {field} with a list", pointer)
            spec = {"equals": spec}
        if not spec:
            raise ConditionError(f"no test given for '{field}'", pointer)
        tests = []
        for name, raw in spec.items():
            where = pointer if shorthand else f"{pointer}/{name}"
            if name not in OPERATORS:
                raise ConditionError(f"unknown operator '{name}'{_suggest(name, OPERATORS)}",
                                     where)
            op = OPERATORS[name]
            value = _resolve(raw, options, where)
            check(name, op.takes, value, where)
            tests.append(op.compile(_Site(self, fact_type, field, where), value))
        return tests[0] if len(tests) == 1 else ("and", tuple(tests))

    def numeric(self, fact_type: str, field: str) -> Test:
        """A test that the field holds a number, one lowered attribute per field."""
        key = (fact_type, field)
        if key not in self._guards:
            self._guards[key] = self.lower(
                fact_type, lambda fact, today: is_number(field_value(fact, field)))
        return self._guards[key]

    def lower(self, fact_type: str, predicate: Predicate) -> Test:
        attribute = f"_c{len(self.lowered)}"
        self.lowered.append(Lowered(fact_type, attribute, predicate))
        return ("equals", attribute, True)


class _Site:
    """What an operator entry needs while it compiles one field's test."""

    def __init__(self, compiler: Compiler, fact_type: str, field: str, where: str) -> None:
        self._compiler, self._type = compiler, fact_type
        self.field, self.where = field, where

    def reads(self, field: str) -> None:
        self._compiler.fields.add((self._type, field.split(".")[0]))

    def lower(self, predicate: Predicate) -> Test:
        return self._compiler.lower(self._type, predicate)

    def numeric(self) -> Test:
        return self._compiler.numeric(self._type, self.field)


def _negation(inner: Test | None) -> Predicate:
    from smplan_lint.engine.matching import holds

    return lambda fact, today: not holds(inner, fact)


def _resolve(raw: Any, options: dict[str, Any], where: str) -> Any:
    """The value a test compares with: an option's, and a date as the ISO text that
    facts hold (YAML reads 2026-01-01 as a date in packs and plans alike)."""
    if isinstance(raw, dict) and set(raw) == {"option"}:
        name = raw["option"]
        if name not in options:
            raise ConditionError(f"unknown option '{name}'{_suggest(name, options)}", where)
        raw = options[name]
    if isinstance(raw, list):
        return [_as_text(item) for item in raw]
    return _as_text(raw)


def _as_text(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime.date) else value


_SYNONYMS = {
    "greater": "gt", "greater_than": "gt", "more_than": "gt", "above": "gt",
    "less": "lt", "less_than": "lt", "below": "lt", "fewer_than": "lt",
    "at_least": "gte", "greater_or_equal": "gte", "at_most": "lte", "less_or_equal": "lte",
    "eq": "equals", "is": "equals", "ne": "not_equals", "regex": "matches",
    "exists": "present", "absent": "missing", "one_of": "in", "none_of": "not_in",
}


def _suggest(word: str, choices: Any) -> str:
    import difflib

    if _SYNONYMS.get(str(word)) in choices:
        return f" (did you mean '{_SYNONYMS[str(word)]}'?)"
    close = difflib.get_close_matches(str(word), [str(c) for c in choices], n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""
