"""The kinds of value an operator takes, so a wrong-typed value fails at load with
a hint instead of meaning one thing on one back end and another on the other."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import Any

from smplan_lint.records import NamedTuple

FIELD_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_-]*)*$")


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
    """`{field: name}`: a field of the same fact, compared instead of a constant."""
    return (isinstance(value, dict) and set(value) == {"field"}
            and isinstance(value["field"], str) and bool(FIELD_NAME.match(value["field"])))


def held_exactly(value: Any) -> bool:
    """A constant both back ends hold as Python does. durable-rules keeps integers
    in 64 bits and cannot read a float written without a point (1e+16, inf); tests
    on other constants are evaluated in Python."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return True
    if isinstance(value, int):
        return -(2**63) <= value < 2**63
    text = repr(value)
    return math.isfinite(value) and ("e" not in text or "." in text)


class Kind(NamedTuple):
    """One kind of value an operator accepts, named as the error message says it."""

    description: str
    accepts: Callable[[Any], bool]


SCALAR = Kind("text, a number or true/false", is_scalar)
BOOLEAN = Kind("true or false", lambda value: isinstance(value, bool))
TRUE = Kind("true", lambda value: value is True)
NUMBER = Kind("a number", is_number)
DAYS = Kind("a number of days", is_number)
PATTERN = Kind("a regular expression (text)", lambda value: isinstance(value, str))
VALUES = Kind("a non-empty list of text, numbers or true/false",
              lambda value: isinstance(value, list) and bool(value) and all(map(is_scalar, value)))
FIELD = Kind("{field: name}", is_field_ref)


def check(name: str, takes: tuple[Kind, ...], value: Any, where: str) -> None:
    """Raise the load-time error for a value none of the operator's kinds accepts."""
    if any(kind.accepts(value) for kind in takes):
        return
    wanted = " or ".join(kind.description for kind in takes)
    hint = _hint(name, takes, value)
    raise ConditionError(f"'{name}' takes {wanted}, not {describe(value)}"
                         + (f"; {hint}" if hint else ""), where)


def describe(value: Any) -> str:
    """A value as the error message names it: its kind, and the value when short."""
    kinds = {bool: "true/false", str: "text", int: "a number", float: "a number",
             list: "a list", dict: "a mapping", type(None): "null (no value)"}
    kind = kinds.get(type(value), type(value).__name__)
    if isinstance(value, bool):
        return f"{kind} ({_YAML[value]})"
    shown = repr(value) if isinstance(value, str) else str(value)
    return kind if value is None or len(shown) > 40 else f"{kind} ({shown})"


_YAML = {True: "true", False: "false"}


def _hint(name: str, takes: tuple[Kind, ...], value: Any) -> str:
    if isinstance(value, dict) and "field" in value:
        return "{field: name} names one other field of the same fact, as in {field: owner}"
    if isinstance(value, dict) and FIELD in takes:
        return "to compare with another field of the fact, write {field: name}"
    if isinstance(value, list) and name in ("equals", "not_equals"):
        return f"use '{'in' if name == 'equals' else 'not_in'}:' to compare with a list"
    if value is None and name == "equals":
        return "to test that the field has no value, use 'missing: true'"
    if value is None and name == "not_equals":
        return "to test that the field has a value, use 'present: true'"
    if isinstance(value, str) and (NUMBER in takes or DAYS in takes) and _numeric(value):
        return f"write the number without quotes: {name}: {value.strip()}"
    return ""


def _numeric(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True
