"""Tests no engine evaluates natively, as Python predicates over one fact.

The pack compiler lowers them into a boolean attribute computed on each fact
before the engine runs, so both back ends see the same answer.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

from smplan_lint.conditions.regex import PatternError, compile_search
from smplan_lint.conditions.values import ConditionError, is_field_ref, is_number
from smplan_lint.engine.program import MISSING, field_value

Predicate = Callable[[dict[str, Any], datetime.date], bool]


def matching(field: str, expression: str, wanted: bool, where: str) -> Predicate:
    """A text field matches (or not) a regular expression, in linear time (RE2); a
    non-text never does."""
    try:
        search = compile_search(expression)
    except PatternError as error:
        raise ConditionError(f"bad regular expression: {error}", where) from None

    def test(fact: dict[str, Any], today: datetime.date) -> bool:
        found = field_value(fact, field)
        return isinstance(found, str) and search(found) == wanted

    return test


def emptiness(field: str, wanted: bool) -> Predicate:
    """Text, a list or a mapping is empty (or not); anything else is neither."""

    def test(fact: dict[str, Any], today: datetime.date) -> bool:
        found = field_value(fact, field)
        return isinstance(found, str | list | dict) and (len(found) == 0) == wanted

    return test


def dated(field: str, holds: Callable[[int, Any], bool], limit: Any = None) -> Predicate:
    """A date field's age in days against today (`--today`); a non-date never matches.

    `holds(age, limit)` decides; `limit` is a number of days, or {field: name} read
    from the same fact, where a non-number never matches.
    """

    def test(fact: dict[str, Any], today: datetime.date) -> bool:
        date = _as_date(field_value(fact, field))
        if date is None:
            return False
        days = limit
        if is_field_ref(limit):
            days = field_value(fact, limit["field"])
            if not is_number(days):
                return False
        return holds((today - date).days, days)

    return test


def compared(field: str, other: str, compare: Callable[[Any, Any], bool],
             accepts: Callable[[Any], bool]) -> Predicate:
    """A field against another field of the same fact (`{field: name}`): false when
    either is missing or is not of the kind the comparison takes."""

    def test(fact: dict[str, Any], today: datetime.date) -> bool:
        mine, theirs = field_value(fact, field), field_value(fact, other)
        return accepts(mine) and accepts(theirs) and bool(compare(mine, theirs))

    return test


def _as_date(value: Any) -> datetime.date | None:
    if value is MISSING or not isinstance(value, str):
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        return None
