"""The operators of the condition language: one entry each, for every back end.

An entry says which values the operator takes, how the pack compiler turns
`field: {operator: value}` into an engine test, and, for an operator the
engines evaluate natively, its durable-rules form and the comparison the
python back end makes. Adding an operator is adding one entry to OPERATORS.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from typing import Any, Protocol

from smplan_lint.conditions import predicates
from smplan_lint.conditions.values import (
    BOOLEAN,
    DAYS,
    FIELD,
    NUMBER,
    PATTERN,
    SCALAR,
    TRUE,
    VALUES,
    Kind,
    held_exactly,
    is_field_ref,
    is_number,
    is_scalar,
)
from smplan_lint.engine.program import MISSING, Test, field_value
from smplan_lint.records import NamedTuple


class Site(Protocol):
    """The field an operator is compiled for, and the compiler's services there."""

    field: str
    where: str

    def reads(self, field: str) -> None:
        """Note another field of the fact the test reads (`{field: name}`)."""

    def lower(self, predicate: predicates.Predicate) -> Test:
        """A test of a boolean attribute the pipeline computes with `predicate`."""

    def numeric(self) -> Test:
        """A test that the field holds a number."""


class Native(NamedTuple):
    """How the back ends evaluate an engine test (operator, field, value)."""

    durable: Callable[[str, Any], dict[str, Any]]   # (field, value) -> durable-rules condition
    python: Callable[[Any, Any], bool]               # (the field's value or MISSING, value)


class Operator(NamedTuple):
    name: str
    takes: tuple[Kind, ...]
    compile: Callable[[Site, Any], Test]
    native: Native | None = None     # only for operators engine tests are made of


def _compared(durable: str, compare: Callable[[Any, Any], bool]) -> Native:
    """A comparison in both back ends: durable-rules' operator ("" is its plain
    equality) and Python's, false on a missing field or values Python cannot order."""

    def python(found: Any, value: Any) -> bool:
        if found is MISSING:
            return False
        try:
            return bool(compare(found, value))
        except TypeError:
            return False

    def native(field: str, value: Any) -> dict[str, Any]:
        return {durable: {field: value}} if durable else {field: value}

    return Native(native, python)


def _comparison(name: str, durable: str, compare: Callable[[Any, Any], bool]) -> Operator:
    """equals/not_equals: with a constant, natively (not_equals only where the field
    is present); with {field: name}, lowered, as both back ends must agree."""

    def build(at: Site, value: Any) -> Test:
        if is_field_ref(value):
            return _against_field(at, value, compare, is_scalar)
        test = _test(at, name, value)
        return test if name == "equals" else ("and", (_present(at), test))

    return Operator(name, (SCALAR, FIELD), build, _compared(durable, compare))


def _order(name: str, compare: Callable[[Any, Any], bool]) -> Operator:
    """gt/gte/lt/lte: guarded to numbers, because durable-rules orders text against
    numbers where Python refuses to."""

    def build(at: Site, value: Any) -> Test:
        if is_field_ref(value):
            return _against_field(at, value, compare, is_number)
        return ("and", (at.numeric(), _test(at, name, value)))

    return Operator(name, (NUMBER, FIELD), build, _compared(f"${name}", compare))


def _against_field(at: Site, ref: dict[str, str], compare: Callable[[Any, Any], bool],
                   accepts: Callable[[Any], bool]) -> Test:
    at.reads(ref["field"])
    return at.lower(predicates.compared(at.field, ref["field"], compare, accepts))


def _test(at: Site, name: str, value: Any) -> Test:
    """The engine test (name, field, value); for a constant the engines cannot both
    hold exactly, the same Python comparison, lowered."""
    if held_exactly(value):
        return (name, at.field, value)
    python, field = NATIVE[name].python, at.field
    return at.lower(lambda fact, today: python(field_value(fact, field), value))


def _present(at: Site) -> Test:
    return ("present", at.field, True)


def _lowered(build: Callable[[Site, Any], predicates.Predicate]) -> Callable[[Site, Any], Test]:
    return lambda at, value: at.lower(build(at, value))


_OPERATORS = (
    _comparison("equals", "", operator.eq),
    _comparison("not_equals", "$neq", operator.ne),
    Operator("in", (VALUES,),
             lambda at, values: ("or", tuple(_test(at, "equals", v) for v in values))),
    Operator("not_in", (VALUES,), lambda at, values: (
        "and", (_present(at), *(_test(at, "not_equals", v) for v in values)))),
    _order("gt", operator.gt),
    _order("gte", operator.ge),
    _order("lt", operator.lt),
    _order("lte", operator.le),
    Operator("missing", (BOOLEAN,), lambda at, value: ("present", at.field, not value)),
    Operator("present", (BOOLEAN,), lambda at, value: ("present", at.field, value),
             Native(lambda field, value: {"$ex" if value else "$nex": {field: 1}},
                    lambda found, value: (found is not MISSING) == value)),
    Operator("matches", (PATTERN,), _lowered(
        lambda at, value: predicates.matching(at.field, value, True, at.where))),
    Operator("not_matches", (PATTERN,), _lowered(
        lambda at, value: predicates.matching(at.field, value, False, at.where))),
    Operator("empty", (BOOLEAN,), _lowered(
        lambda at, value: predicates.emptiness(at.field, value))),
    Operator("before_today", (TRUE,), _lowered(
        lambda at, value: predicates.dated(at.field, lambda age, _: age > 0))),
    Operator("after_today", (TRUE,), _lowered(
        lambda at, value: predicates.dated(at.field, lambda age, _: age < 0))),
    Operator("older_than_days", (DAYS, FIELD), _lowered(
        lambda at, value: predicates.dated(at.field, lambda age, days: age > days, value))),
    Operator("newer_than_days", (DAYS, FIELD), _lowered(
        lambda at, value: predicates.dated(at.field, lambda age, days: age <= days, value))),
)

OPERATORS: dict[str, Operator] = {op.name: op for op in _OPERATORS}
# The operators engine tests are made of, by name: what the back ends evaluate.
NATIVE: dict[str, Native] = {op.name: op.native for op in _OPERATORS if op.native}
