"""The kinds of value an operator takes, so a wrong-typed value fails at load."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple


class ConditionError(Exception):
    """A condition a pack cannot use; `pointer` locates it inside the rule."""

    def __init__(self, message: str, pointer: str) -> None:
        super().__init__(message)
        self.pointer = pointer


def is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def is_scalar(value: Any) -> bool:
    return isinstance(value, str | int | float | bool)


def is_field_ref(value: Any) -> bool:
    return isinstance(value, dict) and set(value) == {"field"} and isinstance(value["field"], str)


class Kind(NamedTuple):
    """One kind of value an operator accepts, named as the error message says it."""

    description: str
    accepts: Callable[[Any], bool]


ANYTHING = Kind("a value", lambda value: True)
BOOLEAN = Kind("true or false", lambda value: isinstance(value, bool))
TRUE = Kind("true", lambda value: value is True)
NUMBER = Kind("a number", is_number)
DAYS = Kind("a number of days", is_number)
TEXT = Kind("a regular expression", lambda value: isinstance(value, str))
VALUES = Kind("a non-empty list of values",
              lambda value: isinstance(value, list) and bool(value) and all(map(is_scalar, value)))
FIELD = Kind("{field: name}", is_field_ref)


def check(name: str, takes: tuple[Kind, ...], value: Any, where: str) -> None:
    """Raise the load-time error for a value none of the operator's kinds accepts."""
    if not any(kind.accepts(value) for kind in takes):
        raise ConditionError(f"'{name}' takes {' or '.join(k.description for k in takes)}", where)
