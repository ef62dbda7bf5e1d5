"""YAML bytes -> a plain Python tree plus line/column marks, in one pass.

Why this shape: the whole lint of a big plan has to stay close to the time
PyYAML's C loader needs just to load it, and hostile files (alias bombs, deep
nesting, binary junk) must end in one clear message, never a traceback or a
hang. So libyaml's C parser produces the event stream and a single iterative
loop (no recursion, no node graph, no second parse) builds the values and the
marks as the events arrive.

Values are those of PyYAML's SafeLoader (YAML 1.1 scalars) with these choices:
- an impossible date or time (`2026-02-30`) stays a string, for the validator
  to report with its position;
- a timestamp with a time part is a `datetime.datetime` (aware when the text
  has a zone), a bare `YYYY-MM-DD` is a `datetime.date`;
- a key that is not a string is kept as the text it was written with (`1`,
  `yes`, `null`) and reported (SMP003); a duplicate key is reported (SMP001)
  and the later value wins;
- merge keys (`<<: *defaults`) work as in PyYAML; a merged key is marked at
  the `<<` that brought it in;
- an alias shares the anchored value (as in PyYAML); paths below it are not
  marked separately, so they resolve to the alias itself;
- `!!binary` keeps its base64 text; `!!set`, `!!omap` and `!!pairs` keep the
  mapping or list as written. Any other tag makes the file unusable.
"""

from __future__ import annotations

import datetime
import re
import sys
from typing import Any, NamedTuple

from yaml import YAMLError
from yaml._yaml import CParser  # libyaml; PyYAML's wheels include it
from yaml.events import (
    AliasEvent,
    DocumentEndEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
    StreamStartEvent,
)
from yaml.reader import ReaderError

from smplan_lint.findings import Issue

MAX_DEPTH = 200
"""Deeper nesting than this is unusable; no plan needs it, and it guards the walkers after us."""
ALIAS_FLOOR = 100_000
ALIAS_FACTOR = 10
"""Aliases may add max(ALIAS_FLOOR, ALIAS_FACTOR x the nodes written so far) nodes."""

_YAML = "tag:yaml.org,2002:"
_SCALAR_TAGS = frozenset(
    _YAML + name for name in ("str", "int", "float", "bool", "null", "timestamp", "binary")
)
_SEQUENCE_TAGS = frozenset(_YAML + name for name in ("seq", "omap", "pairs"))
_MAPPING_TAGS = frozenset(_YAML + name for name in ("map", "set"))

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

_MERGE = object()  # the `<<` key
_NO_KEY = object()  # a mapping waiting for its next key
_UNMARKED = "?"  # pointer prefix inside complex keys and merge values; never kept


class UnusableInput(Exception):
    """The file cannot be linted at all (exit status 2)."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None):
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column

    def __str__(self) -> str:
        return self.message


class Document(NamedTuple):
    """A loaded file: the plain tree, where each part of it was written, and YAML-level problems."""

    path: str
    data: Any
    marks: dict[str, tuple[int, int]]
    problems: list[Issue]

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


def load_path(path: str) -> Document:
    """Read and load a file; `-` reads standard input (for editors)."""
    try:
        if path == "-":
            data = sys.stdin.buffer.read()
        else:
            with open(path, "rb") as handle:
                data = handle.read()
    except OSError as error:
        raise UnusableInput(f"cannot read the file: {error.strerror or error}") from None
    return load_bytes(data, path)


def load_bytes(data: bytes, path: str) -> Document:
    """Load one inventory; raise UnusableInput when nothing in it can be linted."""
    data = _check_encoding(data)
    try:
        return _Builder(path).build(data)
    except ReaderError as error:
        line, column = _line_column(data, error.position)
        raise UnusableInput(
            f"could not parse YAML: {error.reason} (character #x{error.character:04x})",
            line, column,
        ) from None
    except YAMLError as error:
        raise _parse_error(error) from None


def _check_encoding(data: bytes) -> bytes:
    """UTF-8 only: say where it is not, rather than letting the parser guess."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UnusableInput("not UTF-8: the file is UTF-16 or UTF-32; save it as UTF-8", 1, 1)
    nul = data.find(b"\0")
    if nul >= 0:
        raise UnusableInput("binary file (contains NUL bytes)", *_line_column(data, nul))
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _line_column(data, error.start)
        byte = data[error.start]
        raise UnusableInput(f"not UTF-8: invalid byte 0x{byte:02x}", line, column) from None
    return data


def _line_column(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and character column of a byte offset."""
    start = data.rfind(b"\n", 0, offset) + 1
    column = len(data[start:offset].decode("utf-8", "replace")) + 1
    return data.count(b"\n", 0, offset) + 1, column


def _parse_error(error: YAMLError) -> UnusableInput:
    """One line: the problem, where it is, and where the construct it breaks began."""
    problem = getattr(error, "problem", None) or str(error).splitlines()[0]
    mark = getattr(error, "problem_mark", None)
    context = getattr(error, "context", None)
    context_mark = getattr(error, "context_mark", None)
    message = f"could not parse YAML: {problem}"
    if context and context_mark is not None:
        message += f" ({context} at line {context_mark.line + 1} column {context_mark.column + 1})"
    elif context:
        message += f" ({context})"
    if mark is None:
        return UnusableInput(message)
    return UnusableInput(message, mark.line + 1, mark.column + 1)


def _unusable(message: str, event: Any) -> UnusableInput:
    mark = event.start_mark
    return UnusableInput(message, mark.line + 1, mark.column + 1)


def _short_tag(tag: str) -> str:
    return "!!" + tag[len(_YAML):] if tag.startswith(_YAML) else tag


def _plain(text: str) -> Any:
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
        return _MERGE
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


def _to_int(text: str) -> Any:
    digits = text.replace("_", "")
    sign = -1 if digits[0] == "-" else 1
    digits = digits.lstrip("+-")
    try:
        if digits[:2] == "0b":
            return sign * int(digits[2:], 2)
        if digits[:2] == "0x":
            return sign * int(digits[2:], 16)
        if ":" in digits:
            return sign * _sexagesimal(digits, int)
        if digits[0] == "0" and len(digits) > 1:
            return sign * int(digits, 8)
        return sign * int(digits)
    except ValueError:  # "0x_", a digit-less form the pattern lets through
        return text


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


def _tagged_scalar(event: ScalarEvent) -> Any:
    """A scalar with an explicit tag: only the standard YAML ones are read."""
    tag, text = event.tag, event.value
    if tag == "!" or tag == _YAML + "str" or tag == _YAML + "binary":
        return text
    if tag not in _SCALAR_TAGS:
        raise _tag_error(tag, event)
    value = _plain(text) if text else None
    kind = tag[len(_YAML):]
    if kind == "float" and type(value) is int:
        return float(value)
    expected = {"int": int, "float": float, "bool": bool, "null": type(None),
                "timestamp": (datetime.date, datetime.datetime)}[kind]
    if type(value) is not expected and not (
        kind == "timestamp" and isinstance(value, expected)
    ):
        raise _unusable(f"cannot read {text!r} as {_short_tag(tag)}", event)
    return value


def _tag_error(tag: str, event: Any) -> UnusableInput:
    return _unusable(
        f"tag {_short_tag(tag)} is not allowed (only the standard YAML tags are)", event
    )


_KIND_NAMES = {bool: "a boolean", int: "an integer", float: "a number", type(None): "null",
               datetime.date: "a date", datetime.datetime: "a timestamp", list: "a list",
               dict: "a mapping"}


def _key_issue(pointer: str, text: str, value: Any) -> Issue:
    """Say what YAML made of the key: `yes:` read as a boolean surprises people."""
    shown = text or "''"
    kind = _KIND_NAMES.get(type(value), type(value).__name__)
    if type(value) in (list, dict):
        return Issue("SMP003", pointer, f"key {shown} is not a string (it is {kind})")
    return Issue("SMP003", pointer,
                 f"key {shown} is not a string (YAML reads it as {kind}); quote it")


def _escape(key: str) -> str:
    if "~" in key or "/" in key:
        return key.replace("~", "~0").replace("/", "~1")
    return key


class _Builder:
    """One pass over the parser's events: values, marks and problems together."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.marks: dict[str, tuple[int, int]] = {}
        self.problems: list[Issue] = []
        self.unmarked = False  # whether pointers under complex keys or merges were written

    def build(self, data: bytes) -> Document:
        parser = CParser(data)
        get_event = parser.get_event
        event = get_event()
        if type(event) is StreamStartEvent:
            event = get_event()
        if type(event) is StreamEndEvent:
            return Document(self.path, {}, {}, [])
        root = self._root(get_event, get_event())
        event = get_event()
        if type(event) is DocumentEndEvent:
            event = get_event()
        if type(event) is not StreamEndEvent:
            raise _unusable("more than one YAML document (only one plan per file)", event)
        marks = self.marks
        if self.unmarked:
            marks = {key: mark for key, mark in marks.items() if key[:1] != _UNMARKED}
        return Document(self.path, root, marks, self.problems)

    def _root(self, get_event: Any, event: Any) -> Any:
        kind = type(event)
        if kind is MappingStartEvent:
            mark = event.start_mark
            self.marks[""] = (mark.line + 1, mark.column + 1)
            return self._mapping(get_event, event)
        if kind is ScalarEvent and event.value == "" and event.implicit[0] and not event.tag:
            return {}  # `---` with nothing after it: an empty plan
        if kind is SequenceStartEvent:
            found = "a list"
        elif kind is ScalarEvent:
            found = "a single value"
        else:
            found = type(event).__name__
        raise _unusable(f"the top level is {found}; a plan is a mapping (key: value)", event)

    def _mapping(self, get_event: Any, start: MappingStartEvent) -> dict:
        """Build the root mapping and everything in it; returns when it closes.

        The current collection's state lives in locals (the hot path); a child
        collection pushes them on `stack` and its end event pops them back.
        """
        marks = self.marks
        anchors: dict[str, tuple[Any, int]] = {}
        stack: list[tuple] = []
        count = 1  # nodes written in the file, aliases included
        extra = 0  # nodes that aliases would add if expanded
        self._check_collection_tag(start, _MAPPING_TAGS)
        cur: Any = {}
        is_map = True
        ptr = ""
        key: Any = _NO_KEY
        kptr = ""
        merged: set | None = None
        opened = (start.anchor, 0, start)

        while True:
            event = get_event()
            kind = type(event)
            if kind is MappingEndEvent or kind is SequenceEndEvent:
                value = cur
                anchor, begun, begin = opened
                if anchor is not None:
                    anchors[anchor] = (value, count + extra - begun)
                if not stack:
                    return value
                cur, is_map, ptr, key, kptr, merged, opened = stack.pop()
                if is_map and key is _NO_KEY:
                    key, kptr = self._key(cur, ptr, value, begin, merged)
                    continue
            elif kind is ScalarEvent:
                count += 1
                if event.tag is None:
                    value = _plain(event.value) if event.implicit[0] else event.value
                else:
                    value = _tagged_scalar(event)
                if event.anchor is not None:
                    anchors[event.anchor] = (value, 1)
                if is_map and key is _NO_KEY:
                    key, kptr = self._key(cur, ptr, value, event, merged)
                    continue
                if not is_map:
                    mark = event.start_mark
                    marks[f"{ptr}/{len(cur)}"] = (mark.line + 1, mark.column + 1)
            elif kind is MappingStartEvent or kind is SequenceStartEvent:
                count += 1
                if len(stack) >= MAX_DEPTH - 1:
                    raise _unusable(f"nesting deeper than {MAX_DEPTH} levels", event)
                if is_map:
                    if key is _NO_KEY:  # a collection as a key: `? [a, b]`
                        child_ptr = _UNMARKED
                        self.unmarked = True
                    else:
                        child_ptr = kptr
                else:
                    child_ptr = f"{ptr}/{len(cur)}"
                    mark = event.start_mark
                    marks[child_ptr] = (mark.line + 1, mark.column + 1)
                stack.append((cur, is_map, ptr, key, kptr, merged, opened))
                opened = (event.anchor, count + extra - 1, event)
                if kind is MappingStartEvent:
                    self._check_collection_tag(event, _MAPPING_TAGS)
                    cur, is_map, key = {}, True, _NO_KEY
                else:
                    self._check_collection_tag(event, _SEQUENCE_TAGS)
                    cur, is_map = [], False
                ptr, merged = child_ptr, None
                continue
            else:  # AliasEvent, the only other event inside a document
                found = anchors.get(event.anchor)
                if found is None:
                    raise self._bad_alias(event, stack, opened)
                value, size = found
                count += 1  # the alias is written here; what it adds is the rest
                extra += size - 1
                limit = max(ALIAS_FLOOR, ALIAS_FACTOR * count)
                if extra > limit:
                    raise _unusable(f"alias expansion exceeds {limit} nodes", event)
                if is_map and key is _NO_KEY:
                    key, kptr = self._key(cur, ptr, value, event, merged)
                    continue
                if not is_map:
                    mark = event.start_mark
                    marks[f"{ptr}/{len(cur)}"] = (mark.line + 1, mark.column + 1)

            # deliver `value` to the current collection
            if not is_map:
                cur.append(value)
            elif key is _MERGE:
                merged = self._merge(cur, ptr, value, merged)
                key = _NO_KEY
            else:
                cur[key] = value
                key = _NO_KEY

    def _key(self, cur: dict, ptr: str, value: Any, event: Any,
             merged: set | None) -> tuple[Any, str]:
        """Turn a key node into the dict key; note duplicates and keys that are not text."""
        mark = event.start_mark
        where = (mark.line + 1, mark.column + 1)
        if type(value) is not str:
            if value is _MERGE:
                self.marks[f"{ptr}/<<"] = where  # picked up by _merge
                self.unmarked = True
                return _MERGE, _UNMARKED
            text = event.value if type(event) is ScalarEvent else str(value)
            kptr = f"{ptr}/{_escape(text)}"
            if ptr[:1] != _UNMARKED:
                self.problems.append(_key_issue(kptr, text, value))
            value = text
        else:
            kptr = f"{ptr}/{_escape(value)}"
        if value in cur:
            if merged is not None and value in merged:
                merged.discard(value)  # a key written here beats a merged one
            elif ptr[:1] != _UNMARKED:
                first = self.marks.get(kptr, where)[0]
                self.problems.append(Issue(
                    "SMP001", kptr,
                    f"duplicate key '{value}' (first at line {first}); the later value wins",
                ))
        if ptr[:1] != _UNMARKED:
            self.marks[kptr] = where
        return value, kptr

    def _merge(self, cur: dict, ptr: str, value: Any, merged: set | None) -> set | None:
        """`<<: *defaults` or `<<: [*a, *b]`: keys not written here come from the sources."""
        where = self.marks.pop(f"{ptr}/<<", None)
        sources = value if type(value) is list else [value]
        if not sources or not all(type(source) is dict for source in sources):
            if ptr[:1] != _UNMARKED:
                self.problems.append(Issue(
                    "SMP003", f"{ptr}/<<",
                    "a merge key (<<) should be a mapping or a list of mappings; it is ignored",
                ))
                if where is not None:
                    self.marks[f"{ptr}/<<"] = where
            return merged
        if merged is None:
            merged = set()
        for source in sources:
            for name, item in source.items():
                if name not in cur:
                    cur[name] = item
                    merged.add(name)
                    if where is not None and ptr[:1] != _UNMARKED:
                        self.marks[f"{ptr}/{_escape(name)}"] = where
        return merged

    @staticmethod
    def _check_collection_tag(event: Any, allowed: frozenset) -> None:
        tag = event.tag
        if tag is not None and tag != "!" and tag not in allowed:
            raise _tag_error(tag, event)

    @staticmethod
    def _bad_alias(event: AliasEvent, stack: list[tuple], opened: tuple) -> UnusableInput:
        name = event.anchor
        open_anchors = {frame[-1][0] for frame in stack} | {opened[0]}
        if name in open_anchors:
            return _unusable(f"alias *{name} refers to a collection that contains it", event)
        return _unusable(f"alias *{name} has no anchor &{name} before it", event)

