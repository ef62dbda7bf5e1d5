"""Where keys, values and flow collections sit in a plan's text.

The loader marks where each key and item begins, but not where it ends, and an
edit must touch only the characters it changes so that comments and layout
survive. These helpers read just enough YAML (quotes, comments, flow brackets,
indentation) to find ends; every edit built on them is re-parsed before it is
offered, so a case they misread costs an action, never a broken file.

Lines and columns here count from 0, in characters.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence

from smplan_lint.load.tree import plain

OPENERS = {"{": "}", "[": "]"}
_QUOTE_AFTER = frozenset("{[,:-?")
_SAFE_PLAIN = re.compile(r"[\w][\w.@/+-]*")


def _quote_end(text: str, start: int) -> int:
    """Offset just past the quoted scalar opening at `start` (or the end of the text)."""
    quote, at = text[start], start + 1
    while at < len(text):
        char = text[at]
        if quote == '"' and char == "\\":
            at += 2
            continue
        if char == quote:
            if quote == "'" and text[at + 1:at + 2] == "'":  # '' is an escaped quote
                at += 2
                continue
            return at + 1
        at += 1
    return len(text)


def _opens_quote(text: str, at: int) -> bool:
    """A quote begins a scalar only where a token begins, not inside `roastery's`."""
    at -= 1
    while at >= 0 and text[at] in " \t":
        at -= 1
    return at < 0 or text[at] in _QUOTE_AFTER or text[at] == "\n"


def indicators(text: str, start: int = 0) -> Iterator[tuple[int, str]]:
    """Offsets of `{}[],` and line ends outside quoted scalars and comments."""
    at = start
    while at < len(text):
        char = text[at]
        if char in "'\"" and _opens_quote(text, at):
            at = _quote_end(text, at)
            continue
        if char == "#" and (at == 0 or text[at - 1] in " \t\n"):
            end = text.find("\n", at)
            at = len(text) if end < 0 else end
            continue
        if char in "{}[],\n":
            yield at, char
        at += 1


def closing(text: str, offset: int) -> int | None:
    """Offset of the bracket that closes the one at `offset`, if the text has it."""
    depth = 0
    for at, char in indicators(text, offset):
        if char in OPENERS:
            depth += 1
        elif char in "}]":
            depth -= 1
            if depth == 0:
                return at
    return None


def in_flow(line: str, column: int) -> bool:
    """Whether `column` is inside a flow collection opened earlier on the same line."""
    depth = 0
    for _, char in indicators(line[:column]):
        depth += 1 if char in OPENERS else -1 if char in "}]" else 0
    return depth > 0


def scalar_end(line: str, column: int, flow: bool) -> int:
    """End of the key or scalar that begins at `column`."""
    if column >= len(line):
        return column
    if line[column] in "'\"":
        return min(_quote_end(line, column), len(line.rstrip("\r\n")))
    if line[column] in OPENERS:
        close = closing(line, column)
        return len(line.rstrip("\r\n")) if close is None else close + 1
    stops = ": ", ":\t", " #", "\t#", *((",", "]", "}") if flow else ())
    end = len(line.rstrip("\r\n"))
    for stop in stops:
        found = line.find(stop, column, end)
        if found >= 0:
            end = found
    if line[column:end].endswith(":") and end == len(line.rstrip("\r\n")):
        end -= 1  # `key:` with its value on the next lines
    return len(line[:end].rstrip())


def value_start(line: str, key_end: int) -> int | None:
    """Where the value of the key ending at `key_end` begins on the same line, if it does."""
    rest = line[key_end:]
    if not rest.startswith(":"):
        return None
    start = key_end + 1 + len(rest[1:]) - len(rest[1:].lstrip(" \t"))
    if start >= len(line.rstrip("\r\n")) or line[start] == "#":
        return None
    return start


def key_value_span(line: str, column: int) -> tuple[int, int]:
    """The token at `column` and, when it is a key, its value on the same line."""
    flow = in_flow(line, column)
    end = scalar_end(line, column, flow)
    start = value_start(line, end)
    if start is not None:
        end = scalar_end(line, start, flow)
    if column < len(line.rstrip("\r\n")):
        end = max(end, column + 1)  # never an empty range on a written token
    return column, end


def value_span(line: str, column: int) -> tuple[int, int] | None:
    """The scalar value of the key at `column` on its line; None for a nested collection."""
    flow = in_flow(line, column)
    key_end = scalar_end(line, column, flow)
    start = value_start(line, key_end)
    if start is None:
        colon = line.find(":", key_end)
        return None if colon < 0 else (colon + 1, colon + 1)  # `key:` with no value
    if line[start] in "{[|>&*!":
        return None
    return start, scalar_end(line, start, flow)


def offset(lines: Sequence[str], line: int, column: int) -> int:
    """The offset in the text of (line, column); `lines` keep their line ends."""
    return sum(len(text) for text in lines[:line]) + column


def position(lines: Sequence[str], at: int) -> tuple[int, int]:
    """(line, column) of an offset in the text; `lines` keep their line ends."""
    for number, text in enumerate(lines):
        if at <= len(text) and (at < len(text) or not text.endswith("\n")):
            return number, at
        at -= len(text)
    return len(lines), at


def indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def block_end(lines: Sequence[str], line: int, column: int) -> int:
    """The last line of the key at (`line`, `column`) with its value and children.

    A block value continues while lines are blank, comments, indented deeper, or
    list items at the key's own indentation (`key:` then `- item` beneath it).
    """
    last = line
    for number in range(line + 1, len(lines)):
        text = lines[number]
        stripped = text.strip()
        if not stripped or stripped.startswith("#"):
            continue
        deeper = indent(text) > column
        item = indent(text) == column and re.match(r"-(\s|$)", stripped) is not None
        if not (deeper or item):
            break
        last = number
    return last


def yaml_scalar(value: str) -> str:
    """`value` as YAML text that reads back as the same string, in block or flow context."""
    if _SAFE_PLAIN.fullmatch(value) and plain(value) == value:
        return value
    return json.dumps(value, ensure_ascii=False)
