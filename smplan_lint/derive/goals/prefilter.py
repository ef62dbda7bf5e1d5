"""What a sentence must contain for a vocabulary term to match in it.

Python's ``re`` tries every alternative of an alternation at every position of a
sentence, and the vocabulary has some 1,800 terms. So each term is analysed once
(:func:`requirement`) for a word or a piece of text every match of it must
contain; the index (:mod:`.index`) probes a sentence for those and runs only the
terms that can match. Leaving out terms that cannot match anywhere changes no
match.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

# Characters that re.IGNORECASE matches with a letter their str.lower() is not
# (dotless i, long s, Greek and Cyrillic variants; from re._casefix) or whose
# lower case is two characters (İ). A sentence with one is read with every term.
ODD_CASE_RE = re.compile(
    "[\xb5\u0130\u0131\u017f\u0345\u0390\u03b0\u03b2\u03b5\u03b8\u03b9\u03ba\u03bc\u03c0"
    "\u03c1\u03c2\u03c3\u03c6\u03d0\u03d1\u03d5\u03d6\u03f0\u03f1\u03f5\u0432\u0434\u043e"
    "\u0441\u0442\u044a\u0463\u1c80-\u1c88\u1e61\u1e9b\u1fbe\u1fd3\u1fe3\ua64b\ufb05\ufb06]"
)
_TOKEN_RE = re.compile(r"\w+")
# A character class of characters that are not a word's ("[- ]"; a hyphen only
# at an end, where it is not a range).
_NON_WORD_CLASS_RE = re.compile(r"\[(?!\^)-?(?:\\s|\\\W|[^\w\\\]-])*-?\]")
_KEY_LENGTH = 3  # a word key is a whole word ("tbd ") or a word's first three letters
_MAX_STRINGS = 32

# A parsed term is a list of branches; a branch is a list of items
# (kind, value, min_count, max_is_one): kind "lit" (value: the lowered
# character), "group" (value: list of branches), "zero" (zero-width) or "any".
_Item = tuple[str, Any, int, bool]
_Atom = tuple[str, Any, int]  # (kind, value, where parsing goes on)

# Group openers and the kind of item each makes ("(?P<" and a plain "(" aside).
_OPENERS = (
    ("(?=", "zero"), ("(?!", "zero"), ("(?<=", "zero"), ("(?<!", "zero"),
    ("(?:", "group"), ("(?-i:", "group"), ("(?i:", "group"),
)

Requirement = Sequence[Sequence[str]] | None
"""(word keys, pieces of text): a term can match only where the sentence has one of
the keys or contains one of the pieces; None where nothing is known. Tuples when
analysed here, lists when read from the generated index."""


def _parse(term: str) -> list[list[_Item]]:
    branches, i = _parse_branches(term, 0)
    if i != len(term):
        raise ValueError(term)
    return branches


def _parse_branches(s: str, i: int) -> tuple[list[list[_Item]], int]:
    branches: list[list[_Item]] = [[]]
    while i < len(s):
        c = s[i]
        if c == ")":
            break
        if c == "|":
            branches.append([])
            i += 1
            continue
        kind, value, i = _parse_atom(s, i)
        low, one, i = _parse_quantifier(s, i)
        if kind == "lit":
            value = value.lower()
            if len(value) != 1 or ODD_CASE_RE.match(value):
                kind = "any"
        branches[-1].append((kind, value, low, one))
    return branches, i


def _parse_atom(s: str, i: int) -> _Atom:
    c = s[i]
    if c == "(":
        return _parse_group(s, i)
    if c == "[":
        return _parse_class(s, i)
    if c == "\\":
        return _parse_escape(s, i)
    if c == ".":
        return "any", None, i + 1
    if c in "^$":
        return "zero", None, i + 1
    return "lit", c, i + 1


def _parse_group(s: str, i: int) -> _Atom:
    kind, start = _opener(s, i)
    value, i = _parse_branches(s, start)
    if i >= len(s) or s[i] != ")":
        raise ValueError(s)
    return kind, value if kind == "group" else None, i + 1


def _opener(s: str, i: int) -> tuple[str, int]:
    """The kind of item a "(" at ``i`` opens, and where its contents start."""
    for opener, kind in _OPENERS:
        if s.startswith(opener, i):
            return kind, i + len(opener)
    if s.startswith("(?P<", i):
        return "group", s.index(">", i) + 1
    if s.startswith("(?", i):
        raise ValueError(s)  # flags, comments, conditionals: not expected
    return "group", i + 1


def _parse_class(s: str, i: int) -> _Atom:
    j = i + 1
    if j < len(s) and s[j] == "^":
        j += 1
    if j < len(s) and s[j] == "]":
        j += 1
    while j < len(s) and s[j] != "]":
        j += 2 if s[j] == "\\" else 1
    return "any", s[i : j + 1], j + 1


def _parse_escape(s: str, i: int) -> _Atom:
    d = s[i + 1]
    if d in "bBAZ":
        return "zero", None, i + 2
    if d.isalnum():
        return "any", s[i : i + 2], i + 2  # \w \s \d, back references, \n
    return "lit", d, i + 2


def _parse_quantifier(s: str, i: int) -> tuple[int, bool, int]:
    """(least count, whether at most one, where parsing goes on) of a quantifier."""
    low, one = 1, True
    if i < len(s) and s[i] in "?*+{":
        q = s[i]
        if q == "{":
            end = s.index("}", i)
            bounds = s[i + 1 : end].split(",")
            low = int(bounds[0] or 0)
            one = len(bounds) == 1 and low == 1
            i = end + 1
        else:
            low, one = (0 if q in "?*" else 1), False
            i += 1
        if i < len(s) and s[i] in "?+":
            i += 1
    return low, one, i


def _item_strings(kind: str, value: Any) -> list[str] | None:
    return [value] if kind == "lit" else (_strings(value) if kind == "group" else None)


def _strings(branches: list[list[_Item]]) -> list[str] | None:
    """Every text a group of plain alternatives can match, or None."""
    out: list[str] = []
    for branch in branches:
        texts = [""]
        for kind, value, _low, one in branch:
            if kind == "zero":
                continue
            if not one:
                return None
            part = _item_strings(kind, value)
            if part is None:
                return None
            texts = [t + p for t in texts for p in part]
            if len(texts) > _MAX_STRINGS:
                return None
        out.extend(texts)
    return out if len(out) <= _MAX_STRINGS else None


def _runs(
    branch: list[_Item], starts: bool = False, ends: bool = False
) -> list[tuple[list[str], bool, bool]]:
    """Stretches of text every match of the branch contains: (the texts it can be,
    whether the character before it is surely not a word's, and the one after;
    at the match's edges, whether the term ``starts`` or ``ends`` a word)."""
    items = [item for item in branch if item[0] != "zero"]
    before, after = _edges(items, starts, ends)
    runs: list[tuple[list[str], bool, bool]] = []
    texts: list[str] | None = None
    first = 0
    for i, (kind, value, low, one) in enumerate(items):
        part = _item_strings(kind, value)
        if part is not None and low >= 1:
            grown = [t + p for t in (texts or [""]) for p in part]
            if len(grown) <= _MAX_STRINGS:
                if texts is None:
                    first = i
                texts = grown
                if one:
                    continue
                runs.append((texts, before[first], False))  # repeated: more of it follows
                texts = None
                continue
        if texts is not None:
            runs.append((texts, before[first], after[i - 1]))
            texts = None
    if texts is not None:
        runs.append((texts, before[first], after[-1]))
    return runs


def _edges(items: list[_Item], starts: bool, ends: bool) -> tuple[list[bool], list[bool]]:
    """For each item, whether the character before it, and the one after it, is
    surely not a word's ("by (?:the )?end": 'end' starts a word)."""
    before = [starts] * len(items)
    for i in range(1, len(items)):
        edge = _outer(items[i - 1], -1)
        before[i] = edge if items[i - 1][2] >= 1 else edge and before[i - 1]
    after = [ends] * len(items)
    for i in range(len(items) - 2, -1, -1):
        edge = _outer(items[i + 1], 0)
        after[i] = edge if items[i + 1][2] >= 1 else edge and after[i + 1]
    return before, after


def _outer(item: _Item, end: int) -> bool:
    """Whether every text of an item has a character that is not a word's at
    ``end`` (0: its first, -1: its last)."""
    kind, value, _low, _one = item
    if kind == "any":
        return value == "\\s" or _NON_WORD_CLASS_RE.fullmatch(value or "") is not None
    texts = _item_strings(kind, value)
    return bool(texts) and all(t and _TOKEN_RE.match(t[end]) is None for t in texts or ())


def requirement(term: str, starts: bool, ends: bool) -> Requirement:
    """What a sentence must contain for the term to match in it.

    Word keys where each branch has them (`_branch_keys`): "tbd " or "half " (a
    whole word), "fol" (a word's first three letters, 'followers?'). Otherwise
    the longest stretch of plain text it always contains.
    """
    try:
        branches = _parse(term)
    except (ValueError, IndexError):
        return None
    if len(branches) == 1 and len([i for i in branches[0] if i[0] != "zero"]) == 1:
        item = next(i for i in branches[0] if i[0] != "zero")
        if item[0] == "group" and item[3]:
            branches = item[1]  # a term that is one group: each alternative in turn
    keys: list[str] = []
    pieces: list[str] = []
    for branch in branches:
        found = _branch_keys(branch, starts, ends)
        if found is not None:
            keys.extend(found)
            continue
        runs = _runs(branch)
        if not runs:
            return None
        texts = max((r[0] for r in runs), key=lambda ts: min(len(t) for t in ts))
        if min(len(t) for t in texts) < 1:
            return None
        pieces.extend(texts)
    return tuple(dict.fromkeys(keys)), tuple(dict.fromkeys(pieces))


# Requirements read from the generated index (see builder.load), keyed as
# `analysis_key` says; a term missing from it is analysed on the spot.
ANALYSED: dict[str, Requirement] = {}


def analysis_key(term: str, starts: bool, ends: bool) -> str:
    """The key of a term's requirement in ANALYSED and in the generated index."""
    return f"{int(starts)}{int(ends)}{term}"


def analysed(term: str, starts: bool, ends: bool) -> Requirement:
    """`requirement`, from the generated index where it has the term."""
    key = analysis_key(term, starts, ends)
    if key in ANALYSED:
        return ANALYSED[key]
    need = ANALYSED[key] = requirement(term, starts, ends)
    return need


def _branch_keys(branch: list[_Item], starts: bool, ends: bool) -> list[str] | None:
    """The most telling word keys a branch's matches give a sentence, or None.

    A bounded term's first word (`_key`, when the term ``starts`` a word), the
    whole words of one stretch of its text (a word with a non-word character or
    the term's edge on both sides: "half " in '(?:in|by) half', where "in " and
    "by " are in most sentences), or the keys of every alternative of a group
    every match passes through once ('by (?:christmas|easter)'). The longest keys
    win; a tie keeps the first word.
    """
    candidates: list[Any] = []
    runs = _runs(branch, starts, ends)
    if runs and runs[0][1]:
        texts, _before, after = runs[0]
        candidates.append([_key(t, after) for t in texts])
    for texts, before, after in runs:
        candidates.append([_whole_word(t, before, after) for t in texts])
    items = [item for item in branch if item[0] != "zero"]
    edges = zip(*_edges(items, starts, ends), strict=True)
    for (kind, alternatives, _low, one), (before, after) in zip(items, edges, strict=True):
        if kind == "group" and one:
            found = [_branch_keys(a, before, after) for a in alternatives]
            none: list[str | None] = [None]  # an alternative with no key spoils the group
            candidates.append([k for keys in found for k in keys or none])
    best: Any = None
    for found in candidates:
        if all(found) and (best is None or min(map(len, found)) > min(map(len, best))):
            best = found
    return best


def _whole_word(text: str, starts: bool, ends: bool) -> str | None:
    """The longest word of a stretch of text that is a whole word of the sentence
    wherever the stretch is in it, as a key ("half ")."""
    found = [
        m.group(0)
        for m in _TOKEN_RE.finditer(text)
        if (m.start() > 0 or starts) and (m.end() < len(text) or ends)
    ]
    return max(found, key=len) + " " if found else None


def _key(text: str, ends: bool) -> str | None:
    """The key of a word that starts a match: the whole word when the term shows
    where it ends, else its first three letters."""
    m = _TOKEN_RE.match(text)
    if m is None:
        return None
    word = m.group(0)
    if m.end() < len(text) or ends:
        return word + " "
    return word[:_KEY_LENGTH] if len(word) >= _KEY_LENGTH else None


def text_keys(lowered: str) -> set[str]:
    """The word keys a (lower-cased) sentence has: its words and their first letters."""
    found = _TOKEN_RE.findall(lowered)
    keys = {w + " " for w in found}
    keys.update([w[:_KEY_LENGTH] for w in found if len(w) >= _KEY_LENGTH])
    return keys
