"""Evidence in plain English, in the letters the user sees.

Why: a message that shows the folded skeleton ("doubled 'l'" for a doubled 'i') or a
replacement backwards makes the user doubt a correct finding (issue 16, item 4).
"""

from __future__ import annotations

import unicodedata
from collections import Counter

from .affixes import Affix
from .text import and_

Edit = tuple[str, str, str]  # (kind, letters in the handle, letters of the target)

_NUMBERS = ("no", "one", "two", "three", "four", "five")
# The preposition that joins the last part of the evidence to the target it imitates.
_JOINS = {"added": "to", "affix": "to", "missing": "from", "reads": "that read as"}


def count(n: int, word: str) -> str:
    """'one letter', 'two letters', '7 letters'."""
    return f"{_NUMBERS[n] if n < len(_NUMBERS) else n} {word}" + ("" if n == 1 else "s")


def show(char: str) -> str:
    """A character quoted for the evidence, its script named when it is not Latin
    ("Cyrillic 'о'"), and a capital I named, as it reads like a lowercase l."""
    if not char:
        return "''"
    if char.isascii():
        return "capital 'I'" if char == "I" else f"'{char}'"
    name = unicodedata.name(char[0], "")
    script = name.split(" ")[0].title()
    if "FULLWIDTH" in name:
        return f"fullwidth '{char}'"
    return f"'{char}'" if script in ("Latin", "") else f"{script} '{char}'"


def homoglyphs(pairs: list[tuple[str, str]]) -> str:
    """"Cyrillic 'о' in place of 'o'", with a repeated substitution said once."""
    counted = Counter(pairs)
    out = []
    for (mine, theirs), times in counted.items():
        text = f"{show(mine)} in place of '{theirs}'"
        out.append(text if times == 1 else f"{text} ({count(times, 'time')})")
    return ", ".join(out)


def edits(found: list[Edit]) -> list[tuple[str, str]]:
    """(kind, phrase) for each group of edits: "one letter added ('x')", "'e' missing"."""
    out: list[tuple[str, str]] = []
    added = [mine for kind, mine, _ in found if kind == "added"]
    if added:
        out.append(("added", f"{count(len(''.join(added)), 'letter')} added "
                             f"({', '.join(repr(a) for a in added)})"))
    for kind, mine, theirs in found:
        if kind == "plural":
            out.append(("added", f"'{mine}' added at the end"))
        elif kind == "doubled":
            out.append(("changed", f"'{mine}' doubled"))
        elif kind in ("missing", "missing-double"):
            out.append(("missing", f"'{theirs}' missing"))
        elif kind == "swapped":
            out.append(("changed", f"'{mine[0]}' and '{mine[1]}' swapped"))
        elif kind == "changed":
            out.append(("changed", f"{show(mine)} in place of '{theirs}'"))
    return out


def affix(word: Affix, written: str) -> str:
    """One peeled word, as the handle writes it."""
    if word.kind == "country":
        what = "country code" if len(word.word) <= 3 else "place name"
        return f"{what} '{written}'"
    if word.kind == "number":
        return f"number '{written}'"
    if word.kind == "brand":
        return f"'{written}' from the brand's own name"
    if word.word != word.means:
        return f"misspelt '{word.means}' ('{written}')"
    return f"'{written}'"


def join(parts: list[tuple[str, str]], label: str) -> str:
    """The parts and the target: "one letter added ('x') to @vyra (instagram)"."""
    body = and_([text for _, text in parts])
    return f"{body} {_JOINS.get(parts[-1][0], 'in')} {label}"
