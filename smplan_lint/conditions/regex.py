"""Pack regular expressions, run by RE2: linear time, so no pattern can backtrack
for ever (`^(a+)+$` on a long handle), and a pattern RE2 cannot take
(backreferences, lookaround) is a pack error at load.

Patterns are written in Python's dialect. Where RE2 reads a construct
differently it is rewritten first: `\\d`, `\\w` and `\\s` (and their negations)
match Unicode digits, word characters and whitespace as in Python, `$` also
matches before a final newline, and `\\Z` is RE2's `\\z`. RE2's `\\b` knows only
ASCII word characters.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

_SPACE = r"\t\n\x{b}\f\r\x{1c}-\x{1f} \x{85}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}" \
         r"\x{202f}\x{205f}\x{3000}"
_CLASSES = {"d": r"\p{Nd}", "w": r"\p{L}\p{N}_", "s": _SPACE}


class PatternError(ValueError):
    """A pattern RE2 cannot take, with the reason."""


def compile_search(expression: str) -> Callable[[str], bool]:
    """Whether a text contains a match of the Python-dialect `expression`."""
    import re2  # only packs with `matches` need it

    try:
        pattern = re2.compile(_rewrite(expression), _options())
    except re2.error as error:
        reason = error.args[0] if error.args else "not a pattern RE2 can take"
        raise PatternError(reason.decode() if isinstance(reason, bytes) else str(reason)) from None
    return lambda text: pattern.search(text) is not None


def _rewrite(expression: str) -> str:
    """The expression in RE2's dialect, read as Python reads it (see the module)."""
    multiline = "m" in _flags(expression)
    out: list[str] = []
    in_class, at = False, 0
    while at < len(expression):
        char = expression[at]
        if char == "\\" and expression[at + 1:at + 2] in ("u", "U"):
            digits = 4 if expression[at + 1] == "u" else 8
            out.append(f"\\x{{{expression[at + 2:at + 2 + digits]}}}")
            at += 2 + digits
            continue
        if char == "\\" and at + 1 < len(expression):
            out.append(_escape(expression[at + 1], in_class))
            at += 2
            continue
        if char == "[" and not in_class:
            in_class = True
            out.append(char)
            # a `]` (or `^]`) right after the opening bracket is a literal
            for literal in ("^]", "]", "^"):
                if expression.startswith(literal, at + 1):
                    out.append(literal)
                    at += len(literal)
                    break
        elif char == "]" and in_class:
            in_class = False
            out.append(char)
        elif char == "$" and not in_class and not multiline:
            out.append(r"(?:\n?\z)")
        else:
            out.append(char)
        at += 1
    return "".join(out)


def _escape(letter: str, in_class: bool) -> str:
    lower = letter.lower()
    if lower in _CLASSES:
        members = _CLASSES[lower]
        if letter == lower:
            return members if in_class else f"[{members}]"
        if in_class:
            raise PatternError(f"\\{letter} inside [...] is not supported; write the class out")
        return f"[^{members}]"
    if letter == "Z":
        return r"\z"
    return "\\" + letter


def _flags(expression: str) -> str:
    """The letters of the inline flag groups, as in (?im)."""
    found = []
    at = expression.find("(?")
    while at != -1:
        end = at + 2
        while end < len(expression) and expression[end].isalpha():
            end += 1
        found.append(expression[at + 2:end])
        at = expression.find("(?", end)
    return "".join(found)


@cache
def _options() -> Any:
    import re2

    options = re2.Options()
    options.max_mem = 8 << 20      # a compiled pattern's memory: a huge pattern fails at load
    options.log_errors = False     # errors are raised, not written to stderr
    return options
