"""Text helpers every stage of the goal reader shares: words, spans and masking.

The reader masks what it has understood (a date, a response time) by blanking
it with spaces, so offsets stay valid across every stage.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from smplan_lint.records import NamedTuple

FLAGS = re.IGNORECASE | re.UNICODE
WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)
HARD_STOP_RE = re.compile(r"[;!?]|\.\s")
_SPACES_RE = re.compile(r"\s+")

Span = tuple[int, int]


class Mention(NamedTuple):
    """Where the sentence names a metric, and which one."""

    start: int
    end: int
    name: str


def normalise(statement: str) -> str:
    """One spelling of apostrophes and spaces, so terms need list only one."""
    text = unicodedata.normalize("NFC", statement)
    text = text.replace("’", "'").replace("\u00a0", " ").replace("\u202f", " ")
    return _SPACES_RE.sub(" ", text).strip()


def blank(text: str, spans: Iterable[Span]) -> str:
    """Replace spans with spaces, keeping every offset valid."""
    chars = None
    for start, end in spans:
        if chars is None:
            chars = list(text)
        chars[start:end] = " " * (end - start)
    return text if chars is None else "".join(chars)


def overlaps(start: int, end: int, spans: Iterable[Span]) -> bool:
    """Whether [start, end) overlaps any of the spans."""
    return any(start < e and s < end for s, e in spans)


def words(text: str) -> list[str]:
    """The lower-cased words of a text (apostrophes kept inside a word)."""
    return [w.lower() for w in WORD_RE.findall(text)]
