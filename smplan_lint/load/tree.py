"""What a loaded file becomes: plain values, where each was written, and YAML-level problems.

Values are those of PyYAML's SafeLoader (YAML 1.1 scalars) with these choices:
- an impossible date or time (`2026-02-30`) stays a string, for the validator
  to report with its position;
- a timestamp with a time part is a `datetime.datetime` (aware when the text
  has a zone), a bare `YYYY-MM-DD` is a `datetime.date`;
- a key that is not a string is kept as the text it was written with (`1`,
  `yes`, `null`) and reported (SMP003);
- `!!binary` keeps its base64 text. Any other non-standard tag makes the file unusable.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from yaml.events import ScalarEvent

from smplan_lint.findings import Issue
from smplan_lint.load.errors import YAML_TAG, short_tag, tag_error, unusable
from smplan_lint.records import NamedTuple


class Document(NamedTuple):
    """A loaded file: the plain tree, where each part of it was written, and YAML-level problems.

    `texts` holds, by pointer, how each value that YAML did not read as a string was written
    (`0711`, `no`, `1:30`), so that a hint can quote the user's own words.

    A spreadsheet's marks are (row, column), and `sheets` names the sheet of each marked
    pointer.
    """

    path: str
    data: Any
    marks: dict[str, tuple[int, int]]
    problems: list[Issue]
    texts: Mapping[str, str] = MappingProxyType({})
    sheets: dict[str, str] | None = None

    def position(self, pointer: str) -> tuple[int, int]:
        """Mark of the pointer, or of its nearest marked parent, or (1, 1).

        Findings about something missing or computed point below any mark.
        """
        marks = self.marks
        while True:
            mark = marks.get(pointer)
            if mark is not None:
                return mark
            if not pointer:
                return (1, 1)
            pointer = pointer.rpartition("/")[0]

    def sheet(self, pointer: str) -> str | None:
        """The sheet `position(pointer)` is on; None for a YAML plan."""
        if self.sheets is None:
            return None
        while pointer not in self.marks and pointer:
            pointer = pointer.rpartition("/")[0]
        return self.sheets.get(pointer)


SCALAR_TAGS = frozenset(
    YAML_TAG + name for name in ("str", "int", "float", "bool", "null", "timestamp", "binary")
)
SEQUENCE_TAGS = frozenset(YAML_TAG + name for name in ("seq", "omap", "pairs"))
MAPPING_TAGS = frozenset(YAML_TAG + name for name in ("map", "set"))

MERGE = object()
"""The value of a plain `<<` scalar: a merge key."""

_WORDS: dict[str, Any] = {"~": None, "null": None, "Null": None, "NULL": None}
for _text in ("yes Yes YES true True TRUE on On ON").split():
    _WORDS[_text] = True
for _text in ("no No NO false False FALSE off Off OFF").split():
    _WORDS[_text] = False
_WORD_START = frozenset(text[0] for text in _WORDS)
_NUMBER_START = frozenset("-+.0123456789")

# YAML 1.1 implicit types (yaml.org/type/int, float, timestamp), as SafeLoader reads them.
_INT = re.compile(
    r"[-+]?(?:0b[01_]+|0x[0-9a-fA-F_]+|0[0-7_]+|0|[1-9][0-9_]*(?::[0-5]?[0-9])*)"
)
_FLOAT = re.compile(
    r"[-+]?(?:[0-9][0-9_]*\.[0-9_]*(?:[eE][-+][0-9]+)?"
    r"|[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*"
    r"|\.(?:inf|Inf|INF))"
    r"|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?"
    r"|\.(?:nan|NaN|NAN)"
)
_TIMESTAMP = re.compile(
    r"(\d{4})-(\d\d)-(\d\d)"
    r"|(\d{4})-(\d\d?)-(\d\d?)(?:[Tt]|[ \t]+)(\d\d?):(\d\d):(\d\d)(?:\.(\d*))?"
    r"(?:[ \t]*(Z|([-+])(\d\d?)(?::(\d\d))?))?"
)


def plain(text: str) -> Any:
    """Resolve a plain scalar the way YAML 1.1 (PyYAML's SafeLoader) does.

    Most plain scalars are words, so one look at the first character settles them.
    """
    if not text:
        return None
    first = text[0]
    if first in _WORD_START:
        return _WORDS.get(text, text)
    if first in _NUMBER_START:
        return _number_or_time(text)
    if text == "<<":
        return MERGE
    return text


def _number_or_time(text: str) -> Any:
    if _INT.fullmatch(text):
        return _to_int(text)
    if _FLOAT.fullmatch(text):
        return _to_float(text)
    match = _TIMESTAMP.fullmatch(text)
    if match:
        return _to_timestamp(match, text)
    return text


MAX_INT_BITS = 14_000
"""Longer integers stay text: Python cannot print them (its limit is 4,300 digits), and
`int()` already refuses to read a longer decimal, so every form of integer stops at one size."""


def _to_int(text: str) -> Any:
    digits = text.replace("_", "")
    sign = -1 if digits[0] == "-" else 1
    digits = digits.lstrip("+-")
    try:
        if digits[:2] == "0b":
            value = int(digits[2:], 2)
        elif digits[:2] == "0x":
            value = int(digits[2:], 16)
        elif ":" in digits:
            value = _sexagesimal(digits, int)
        elif digits[0] == "0" and len(digits) > 1:
            value = int(digits, 8)
        else:
            value = int(digits)
    except ValueError:  # "0x_", a digit-less form the pattern lets through, or too many digits
        return text
    return sign * value if value.bit_length() <= MAX_INT_BITS else text


def _to_float(text: str) -> Any:
    digits = text.replace("_", "").lower()
    sign = -1.0 if digits[0] == "-" else 1.0
    digits = digits.lstrip("+-")
    if digits == ".inf":
        return sign * float("inf")
    if digits == ".nan":
        return float("nan")
    if ":" in digits:
        return sign * _sexagesimal(digits, float)
    return sign * float(digits)


def _sexagesimal(digits: str, kind: type) -> Any:
    value = kind(0)
    for part in digits.split(":"):
        value = value * 60 + kind(part)
    return value


def _to_timestamp(match: re.Match, text: str) -> Any:
    """A date or datetime; an impossible one stays text so the validator can say where."""
    try:
        if match.group(1):
            return datetime.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        (year, month, day, hour, minute, second, fraction, zone, zone_sign, zone_hour,
         zone_minute) = match.groups()[3:]
        tzinfo = None
        if zone_sign:
            offset = datetime.timedelta(hours=int(zone_hour), minutes=int(zone_minute or 0))
            tzinfo = datetime.timezone(-offset if zone_sign == "-" else offset)
        elif zone:
            tzinfo = datetime.UTC
        micro = int((fraction or "")[:6].ljust(6, "0"))
        return datetime.datetime(int(year), int(month), int(day), int(hour), int(minute),
                                 int(second), micro, tzinfo=tzinfo)
    except ValueError:
        return text


_EXPECTED: dict[str, type | tuple[type, ...]] = {
    "int": int, "float": float, "bool": bool, "null": type(None),
    "timestamp": (datetime.date, datetime.datetime)}


def tagged_scalar(event: ScalarEvent) -> Any:
    """A scalar with an explicit tag: only the standard YAML ones are read."""
    tag, text = event.tag, event.value
    if tag == "!" or tag == YAML_TAG + "str" or tag == YAML_TAG + "binary":
        return text
    if tag is None or tag not in SCALAR_TAGS:
        raise tag_error(str(tag), event)
    value = plain(text) if text else None
    kind = tag[len(YAML_TAG):]
    if kind == "float" and type(value) is int:
        return float(value)
    expected = _EXPECTED[kind]
    if type(value) is not expected and not (
        kind == "timestamp" and isinstance(value, expected)
    ):
        raise unusable(f"cannot read {text!r} as {short_tag(tag)}", event)
    return value


_KIND_NAMES = {bool: "a boolean", int: "an integer", float: "a number", type(None): "null",
               datetime.date: "a date", datetime.datetime: "a timestamp", list: "a list",
               dict: "a mapping"}


def key_issue(pointer: str, text: str, value: Any) -> Issue:
    """Say what YAML made of the key: `yes:` read as a boolean surprises people."""
    shown = text or "''"
    kind = _KIND_NAMES.get(type(value), type(value).__name__)
    if type(value) in (list, dict):
        return Issue("SMP003", pointer, f"key {shown} is not a string (it is {kind})")
    return Issue("SMP003", pointer,
                 f"key {shown} is not a string (YAML reads it as {kind}); quote it")


def escape(key: str) -> str:
    """A key as one JSON pointer token."""
    if "~" in key or "/" in key:
        return key.replace("~", "~0").replace("/", "~1")
    return key
