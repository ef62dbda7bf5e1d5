"""YAML syntax errors in plain words, with a hint, for people who do not read parser output.

libyaml says "mapping values are not allowed in this context"; a marketer needs "a colon
inside text: put the text in quotes". Each common mistake (a tab, a colon in text, a line
out of step with its neighbours, an unclosed quote or bracket, a list mixed into a mapping)
gets a sentence and a place: where the fix goes, which is not always where the parser
stopped. The parser's own words stay on the error as `detail`, for `--verbose`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from yaml import YAMLError
from yaml.reader import ReaderError

from smplan_lint.load.errors import UnusableInput, line_column
from smplan_lint.records import NamedTuple

_QUOTE_IT = "put the text in quotes"
_TABS = "tabs cannot indent YAML: use spaces"
_COLON_IN_TEXT = re.compile(r":[ \t]")
_NO_SPACE_AFTER_COLON = re.compile(r"^\s*(?:- )?[^\s:#'\"][^:]*:[^\s:/]")


class _Error(NamedTuple):
    """What the parser reported, with the file's lines to look at."""

    problem: str
    context: str
    mark: tuple[int, int]  # 1-based line and column where the parser stopped
    began: tuple[int, int]  # where the construct it was reading began (or `mark`)
    lines: list[str]

    def text(self, where: tuple[int, int]) -> str:
        """The line at `where`, or '' past the end of the file."""
        return self.lines[where[0] - 1] if 0 < where[0] <= len(self.lines) else ""

    def char(self) -> str:
        """The character the parser stopped at."""
        return self.text(self.mark)[self.mark[1] - 1:self.mark[1]]

    def before(self) -> str:
        """The line up to where the parser stopped, without trailing spaces."""
        return self.text(self.mark)[:self.mark[1] - 1].rstrip()


Explanation = tuple[str, tuple[int, int]]


def _start_of_line(line: int, text: str) -> tuple[int, int]:
    return line, len(text) - len(text.lstrip()) + 1


def _no_token(error: _Error) -> Explanation:
    char = error.char()
    if char == "\t":
        return _TABS, error.mark
    return f"a value cannot start with {char!r}: {_QUOTE_IT}", error.mark


def _stray_colon(error: _Error) -> Explanation:
    """`name: Acme: coffee`, `reviewer:a` or a key indented deeper than its neighbours."""
    if _COLON_IN_TEXT.search(error.before()):
        return f"a colon inside text: {_QUOTE_IT}", error.mark
    line = error.mark[0] - 1
    while line > 0 and not error.lines[line - 1].strip():
        line -= 1
    if line and _NO_SPACE_AFTER_COLON.match(error.lines[line - 1]):
        return ("a colon needs a space after it: write 'key: value' (or put the text in quotes)",
                _start_of_line(line, error.lines[line - 1]))
    return ("this line is indented differently from the keys above it: line it up with them",
            _start_of_line(error.mark[0], error.text(error.mark)))


def _no_key(error: _Error) -> Explanation:
    """A mapping expected `key: value` and found something else."""
    last = error.before()[-1:]
    if last in ("'", '"'):
        return f"text after a closing quote: {_QUOTE_IT}, all of it", error.mark
    if last in ("]", "}"):
        return f"text after a closing bracket: {_QUOTE_IT}", error.mark
    if error.char() == "-":
        return ("a list item among 'key: value' lines: a list goes on the lines under its key, "
                "indented"), error.mark
    return ("this line is indented differently from the lines above it: line it up with them",
            _start_of_line(error.mark[0], error.text(error.mark)))


def _unclosed_bracket(error: _Error) -> Explanation:
    close = error.problem[-2]
    opening = "[" if close == "]" else "{"
    return (f"this '{opening}' is not closed, or its items are not separated by ',': "
            f"end it with '{close}' (or put the text in quotes)"), error.began


def _unclosed_quote(error: _Error) -> Explanation | None:
    if "quoted scalar" not in error.context:
        return None
    return "this quote is never closed: end the text with the same quote", error.began


def _bad_anchor_or_alias(error: _Error) -> Explanation | None:
    for word, sign in (("alias", "*"), ("anchor", "&")):
        if word in error.context:
            return f"a value cannot start with '{sign}': {_QUOTE_IT}", error.began
    return None


_EXPLAIN: dict[str, Callable[[_Error], Explanation | None]] = {
    "found character that cannot start any token": _no_token,
    "found a tab character that violates indentation": lambda error: (_TABS, error.mark),
    "found a tab character where an indentation space is expected":
        lambda error: (_TABS, error.mark),
    "mapping values are not allowed in this context": _stray_colon,
    "did not find expected key": _no_key,
    "did not find expected '-' indicator": lambda error: (
        "each list item starts with '- ': indent this line as far as the text of the item "
        "above, or start it with '- '", _start_of_line(error.mark[0], error.text(error.mark))),
    "block sequence entries are not allowed in this context": lambda error: (
        "a list cannot start on the same line as its key: put each '- ' item on a line "
        "of its own, under the key", error.mark),
    "did not find expected ',' or ']'": _unclosed_bracket,
    "did not find expected ',' or '}'": _unclosed_bracket,
    "found unexpected end of stream": _unclosed_quote,
    "could not find expected ':'": lambda error: (
        "a key without ':': write 'key: value'", error.began),
    "did not find expected alphabetic or numeric character": _bad_anchor_or_alias,
    "found unknown escape character": lambda error: (
        "a backslash inside double quotes starts an escape: write \\\\ for a backslash, "
        "or use single quotes", error.mark),
    "did not find expected <document start>": lambda error: (
        "'...' ends the plan, so nothing may follow it: remove the '...' line", error.mark),
}


def syntax_error(error: YAMLError, data: bytes) -> UnusableInput:
    """The parser's error as one plain sentence at the place to fix; its words as `detail`."""
    problem = getattr(error, "problem", None) or str(error).splitlines()[0]
    context = getattr(error, "context", None) or ""
    mark = getattr(error, "problem_mark", None)
    context_mark = getattr(error, "context_mark", None)
    detail = problem
    if context and context_mark is not None:
        detail += f" ({context} at line {context_mark.line + 1} column {context_mark.column + 1})"
    elif context:
        detail += f" ({context})"
    if mark is None:
        return UnusableInput(f"could not parse YAML: {detail}", detail=detail)
    stopped = (mark.line + 1, mark.column + 1)
    began = stopped if context_mark is None else (context_mark.line + 1, context_mark.column + 1)
    explain = _EXPLAIN.get(problem)
    found = explain and explain(_Error(problem, context, stopped, began, _lines(data)))
    message, (line, column) = found or (f"could not parse YAML: {problem}", stopped)
    return UnusableInput(message, line, column, detail=detail)


def reader_error(error: ReaderError, data: bytes) -> UnusableInput:
    """A character YAML does not allow (a control character, say), at its place."""
    line, column = line_column(data, error.position)
    detail = f"{error.reason} (character #x{error.character:04x})"
    message = (f"a control character (#x{error.character:04x}) that YAML does not allow: "
               "remove it" if "control characters" in error.reason
               else f"could not parse YAML: {detail}")
    return UnusableInput(message, line, column, detail=detail)


def _lines(data: bytes) -> list[str]:
    """The file's lines as the parser counts them (UTF-8 was checked before parsing)."""
    return data.decode("utf-8", "replace").splitlines()
