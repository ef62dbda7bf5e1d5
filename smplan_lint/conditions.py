"""The condition language of rule packs, compiled to engine tests.

Operators the engines evaluate natively become tests; the rest (Python
regular expressions, `not`, `empty`, dates against today) are lowered into a
boolean attribute computed on each fact before the engine runs, so the rule
author writes one language and both back ends see the same facts.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from typing import Any, NamedTuple

from smplan_lint.engine.program import MISSING, field_value

NATIVE_OPS = (
    "equals", "not_equals", "in", "not_in", "gt", "gte", "lt", "lte", "missing", "present",
)
LOWERED_OPS = (
    "matches", "not_matches", "empty", "before_today", "after_today",
    "older_than_days", "newer_than_days",
)
OPERATORS = NATIVE_OPS + LOWERED_OPS
COMBINATORS = ("all", "any", "not")
_FIELD = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_-]*)*$")
_COMPARISONS = {"not_equals": "ne", "gt": "gt", "gte": "gte", "lt": "lt", "lte": "lte"}


class ConditionError(Exception):
    """A condition a pack cannot use; `pointer` locates it inside the rule."""

    def __init__(self, message: str, pointer: str) -> None:
        super().__init__(message)
        self.pointer = pointer


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
        self._guards: dict[tuple[str, str], tuple] = {}

    def when(self, spec: Any, fact_type: str, options: dict[str, Any],
             pointer: str) -> tuple | None:
        if spec is None:
            return None
        if not isinstance(spec, dict) or not spec:
            raise ConditionError("a condition is a mapping of fields to tests", pointer)
        parts = [self._entry(key, value, fact_type, options, f"{pointer}/{key}")
                 for key, value in spec.items()]
        return parts[0] if len(parts) == 1 else ("and", tuple(parts))

    def _entry(self, key: str, value: Any, fact_type: str, options: dict, pointer: str) -> tuple:
        if key in ("all", "any"):
            if not isinstance(value, list) or not value:
                raise ConditionError(f"'{key}' takes a non-empty list of conditions", pointer)
            parts = tuple(self.when(item, fact_type, options, f"{pointer}/{i}")
                          for i, item in enumerate(value))
            return ("and" if key == "all" else "or", parts)
        if key == "not":
            inner = self.when(value, fact_type, options, pointer)
            return self._lower(fact_type, _negation(inner))
        if not isinstance(key, str) or not _FIELD.match(key):
            raise ConditionError(f"'{key}' is not a field name", pointer)
        return self._field(key, value, fact_type, options, pointer)

    def _field(self, field: str, spec: Any, fact_type: str, options: dict, pointer: str) -> tuple:
        self.fields.add((fact_type, field.split(".")[0]))
        if not isinstance(spec, dict):
            if isinstance(spec, list):
                raise ConditionError(f"use 'in:' to compare {field} with a list", pointer)
            return ("eq", field, spec)
        if not spec:
            raise ConditionError(f"no test given for '{field}'", pointer)
        tests = []
        for op, raw in spec.items():
            where = f"{pointer}/{op}"
            if op not in OPERATORS:
                raise ConditionError(f"unknown operator '{op}'{_suggest(op, OPERATORS)}", where)
            value = _resolve(raw, options, where)
            tests.append(self._operator(field, op, value, fact_type, where))
        return tests[0] if len(tests) == 1 else ("and", tuple(tests))

    def _operator(self, field: str, op: str, value: Any, fact_type: str, where: str) -> tuple:
        if op in ("missing", "present"):
            _expect(isinstance(value, bool), f"'{op}' takes true or false", where)
            return ("nex" if (op == "missing") == value else "ex", field)
        if op == "equals":
            return ("eq", field, value)
        if op in ("in", "not_in"):
            _expect(isinstance(value, list) and value and all(_scalar(v) for v in value),
                    f"'{op}' takes a non-empty list of values", where)
            if op == "in":
                return ("or", tuple(("eq", field, v) for v in value))
            return ("and", (("ex", field), *(("ne", field, v) for v in value)))
        if op == "not_equals":
            return ("and", (("ex", field), ("ne", field, value)))
        if op in _COMPARISONS:
            _expect(_number(value), f"'{op}' compares with a number", where)
            return ("and", (self._numeric(fact_type, field), (_COMPARISONS[op], field, value)))
        return self._lower(fact_type, _lowered_predicate(field, op, value, where))

    def _numeric(self, fact_type: str, field: str) -> tuple:
        """Guard for an order comparison: true only where the field holds a number, because
        durable-rules orders text against numbers where Python refuses to."""
        key = (fact_type, field)
        if key not in self._guards:
            self._guards[key] = self._lower(
                fact_type, lambda fact, today: _number(field_value(fact, field)))
        return self._guards[key]

    def _lower(self, fact_type: str, predicate: Callable) -> tuple:
        attribute = f"_c{len(self.lowered)}"
        self.lowered.append(Lowered(fact_type, attribute, predicate))
        return ("eq", attribute, True)


def _negation(inner: tuple | None) -> Callable[[dict[str, Any], datetime.date], bool]:
    from smplan_lint.engine.matching import holds

    return lambda fact, today: not holds(inner, fact)


def _lowered_predicate(field: str, op: str, value: Any, where: str) -> Callable:
    if op in ("matches", "not_matches"):
        _expect(isinstance(value, str), f"'{op}' takes a regular expression", where)
        try:
            pattern = re.compile(value)
        except re.error as error:
            raise ConditionError(f"bad regular expression: {error}", where) from None
        wanted = op == "matches"

        def matches(fact: dict, today: datetime.date) -> bool:
            found = field_value(fact, field)
            return isinstance(found, str) and bool(pattern.search(found)) == wanted

        return matches
    if op == "empty":
        _expect(isinstance(value, bool), "'empty' takes true or false", where)

        def empty(fact: dict, today: datetime.date) -> bool:
            found = field_value(fact, field)
            return isinstance(found, str | list | dict) and (len(found) == 0) == value

        return empty
    return _date_predicate(field, op, value, where)


def _date_predicate(field: str, op: str, value: Any, where: str) -> Callable:
    """Date tests against the run's today (`--today`); a non-date never matches."""
    if op in ("before_today", "after_today"):
        _expect(value is True, f"'{op}' takes true", where)
    else:
        _expect(_number(value) or _is_field_ref(value),
                f"'{op}' takes a number of days or {{field: name}}", where)

    def days(fact: dict) -> float | None:
        if _is_field_ref(value):
            found = field_value(fact, value["field"])
            return found if _number(found) else None
        return value

    def test(fact: dict, today: datetime.date) -> bool:
        date = _as_date(field_value(fact, field))
        if date is None:
            return False
        age = (today - date).days
        if op == "before_today":
            return age > 0
        if op == "after_today":
            return age < 0
        limit = days(fact)
        if limit is None:
            return False
        return age > limit if op == "older_than_days" else age <= limit

    return test


def _as_date(value: Any) -> datetime.date | None:
    if value is MISSING or not isinstance(value, str):
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        return None


def _resolve(raw: Any, options: dict[str, Any], where: str) -> Any:
    if isinstance(raw, dict) and set(raw) == {"option"}:
        name = raw["option"]
        if name not in options:
            raise ConditionError(f"unknown option '{name}'{_suggest(name, options)}", where)
        return options[name]
    return raw


def _is_field_ref(value: Any) -> bool:
    return isinstance(value, dict) and set(value) == {"field"} and isinstance(value["field"], str)


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _scalar(value: Any) -> bool:
    return isinstance(value, str | int | float | bool)


def _expect(ok: Any, message: str, where: str) -> None:
    if not ok:
        raise ConditionError(message, where)


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
