"""Words of the free texts of a profile (display name, bio, organisation name)."""

from __future__ import annotations

from collections.abc import Iterable

from ..confusables import SEP, skeleton

Phrases = frozenset[tuple[str, ...]]


def words(text: str) -> list[str]:
    """The skeleton words of a free text."""
    cleaned = "".join(c if c.isalnum() else " " for c in text)
    return [w for w in skeleton(cleaned, keep_separators=True).split(SEP) if w]


def says(text: str | None, known: Phrases) -> bool:
    """Whether a free text holds one of the phrases, word for word."""
    if not text:
        return False
    found = tuple(words(text))
    for phrase in known:
        size = len(phrase)
        if any(found[i : i + size] == phrase for i in range(len(found) - size + 1)):
            return True
    return False


def phrases(items: Iterable[str]) -> Phrases:
    """Phrases of the data file, as skeleton words."""
    return frozenset(tuple(words(str(item))) for item in items if words(str(item)))


def and_(parts: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
