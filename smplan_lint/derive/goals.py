"""Read goal sentences the way a marketer would.

Teams often write goals as bare sentences ("Post three photos a week on Instagram
with at least 30 likes each"), so the SMART checks (SPEC section 5) need to know
what such a sentence measures, whether it has a real target, a deadline or a
cadence, and which networks it names. This module answers that in English,
German, Spanish and French. All vocabulary and patterns live in
``smplan_lint/data/goal_language.yaml``; they are loaded on first use, so
importing this module stays cheap.

Speed (docs/performance.md): the vocabulary has some 1,800 regular-expression
terms, and Python's ``re`` tries every alternative of an alternation at every
position of a sentence. So each term is analysed once (``_requirement``) for a
word or a piece of text every match of it must contain; a sentence is probed for
those (one ``str.split``-like pass and a few ``in`` tests), and each alternation
is compiled and run with only the terms the sentence can match, in their original
order. Leaving out terms that cannot match anywhere changes no match, so the
reading is exactly what the full patterns give; the compiled subsets are cached.
Compiling is most of what the first sentences of a process cost, so where terms
are tried only after something else has matched (time units after a number, a
month inside a date) all of them are compiled once instead of a subset for each
new sentence.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import cache, cached_property, lru_cache
from typing import Any, NamedTuple

import yaml
from rapidfuzz.distance import OSA

from smplan_lint.data import read_text

try:  # libyaml's parser; the pure-Python one costs several times as much
    _YamlLoader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _YamlLoader = yaml.SafeLoader

METRIC_FAMILIES = ("vanity", "engagement", "business", "output")

_RESPONSE_TIME = "response_time"
_REVENUE = "revenue"
_FLAGS = re.IGNORECASE | re.UNICODE
_WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)
_HARD_STOP_RE = re.compile(r"[;!?]|\.\s")
_AFTER_STOP_RE = re.compile(r"[,;:!?]|\.\s|(?<!\w)\d")
_GAP_CHARS_RE = re.compile(r"[\w\s,&/'\"“”„«»-]*")
_TOKEN_RE = re.compile(r"\w+")
_DIGIT_RE = re.compile(r"\d")
_SPACES_RE = re.compile(r"\s+")
_RANGE_GAP_RE = re.compile(r"[\s-]*")
_AFTER_NAME_RE = re.compile(r"\s*[%\d]")
_COUNT_GAP_RE = re.compile(r"[,;:.!?\d]")
# Characters that re.IGNORECASE matches with a letter their str.lower() is not
# (dotless i, long s, Greek and Cyrillic variants; from re._casefix) or whose
# lower case is two characters (İ). A sentence with one is read with every term.
_ODD_CASE_RE = re.compile(
    "[\xb5\u0130\u0131\u017f\u0345\u0390\u03b0\u03b2\u03b5\u03b8\u03b9\u03ba\u03bc\u03c0"
    "\u03c1\u03c2\u03c3\u03c6\u03d0\u03d1\u03d5\u03d6\u03f0\u03f1\u03f5\u0432\u0434\u043e"
    "\u0441\u0442\u044a\u0463\u1c80-\u1c88\u1e61\u1e9b\u1fbe\u1fd3\u1fe3\ua64b\ufb05\ufb06]"
)
# Where a number (`numbers.digits` in the data, or a number word) can start.
_NUMBER_START = r"(?:(?=[\d€$£]|\s\d)|(?<!\w)(?=\w))"
# A character class of characters that are not a word's ("[- ]"; a hyphen only
# at an end, where it is not a range).
_NON_WORD_CLASS_RE = re.compile(r"\[(?!\^)-?(?:\\s|\\\W|[^\w\\\]-])*-?\]")
_KEY_LENGTH = 3  # a word key is a whole word ("tbd ") or a word's first three letters


class GoalReading(NamedTuple):
    """What a goal sentence measures and by when, as the goal rules need it."""

    metrics: tuple[str, ...]
    families: tuple[str, ...]
    negated: tuple[str, ...]
    has_target: bool
    deadline: str | None
    has_deadline: bool
    cadence: str | None
    networks: tuple[str, ...]
    language: str
    handles: tuple[str, ...] = ()
    """Accounts the sentence names by @handle (without the @): a goal that names
    one is specific even when it names no network."""

    @property
    def time_bound(self) -> bool:
        """A deadline or a recurring period; a response-time threshold is neither."""
        return self.has_deadline or self.cadence is not None


class _Mention(NamedTuple):
    start: int
    end: int
    name: str


# --- what every match of a term must contain ----------------------------------

# A parsed term is a list of branches; a branch is a list of items
# (kind, value, min_count, max_is_one): kind "lit" (value: the lowered
# character), "group" (value: list of branches), "zero" (zero-width) or "any".
_Item = tuple[str, Any, int, bool]


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
        kind: str
        value: Any = None
        if c == "(":
            if s.startswith(("(?=", "(?!"), i):
                kind, (_, i) = "zero", _parse_branches(s, i + 3)
            elif s.startswith(("(?<=", "(?<!"), i):
                kind, (_, i) = "zero", _parse_branches(s, i + 4)
            elif s.startswith(("(?:", "(?-i:", "(?i:", "(?P<", "(?"), i) and not s.startswith(
                ("(?:", "(?-i:", "(?i:", "(?P<"), i
            ):
                raise ValueError(s)  # flags, comments, conditionals: not expected
            else:
                start = i + 1
                if s.startswith("(?:", i):
                    start = i + 3
                elif s.startswith("(?-i:", i):
                    start = i + 5
                elif s.startswith("(?i:", i):
                    start = i + 4
                elif s.startswith("(?P<", i):
                    start = s.index(">", i) + 1
                kind = "group"
                value, i = _parse_branches(s, start)
            if i >= len(s) or s[i] != ")":
                raise ValueError(s)
            i += 1
        elif c == "[":
            j = i + 1
            if j < len(s) and s[j] == "^":
                j += 1
            if j < len(s) and s[j] == "]":
                j += 1
            while j < len(s) and s[j] != "]":
                j += 2 if s[j] == "\\" else 1
            kind, value, i = "any", s[i : j + 1], j + 1
        elif c == "\\":
            d = s[i + 1]
            if d in "bBAZ":
                kind = "zero"
            elif d.isalnum():
                kind, value = "any", s[i : i + 2]  # \w \s \d, back references, \n
            else:
                kind, value = "lit", d
            i += 2
        elif c in ".":
            kind, i = "any", i + 1
        elif c in "^$":
            kind, i = "zero", i + 1
        else:
            kind, value, i = "lit", c, i + 1
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
        if kind == "lit":
            value = value.lower()
            if len(value) != 1 or _ODD_CASE_RE.match(value):
                kind = "any"
        branches[-1].append((kind, value, low, one))
    return branches, i


_MAX_STRINGS = 32


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
            part = [value] if kind == "lit" else (_strings(value) if kind == "group" else None)
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
        part = [value] if kind == "lit" else (_strings(value) if kind == "group" else None)
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
    texts = [value] if kind == "lit" else _strings(value) if kind == "group" else None
    return bool(texts) and all(t and _TOKEN_RE.match(t[end]) is None for t in texts)


Requirement = Sequence[Sequence[str]] | None
"""(word keys, pieces of text): a term can match only where the sentence has one of
the keys or contains one of the pieces; None where nothing is known. Tuples when
analysed here, lists when read from the generated index."""


def _requirement(term: str, starts: bool, ends: bool) -> Requirement:
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


# Requirements read from the generated index (see `_load`), keyed as
# `_analysis_key` says; a term missing from it is analysed on the spot.
_ANALYSED: dict[str, Requirement] = {}


def _analysis_key(term: str, starts: bool, ends: bool) -> str:
    return f"{int(starts)}{int(ends)}{term}"


def _analysed(term: str, starts: bool, ends: bool) -> Requirement:
    key = _analysis_key(term, starts, ends)
    if key in _ANALYSED:
        return _ANALYSED[key]
    need = _ANALYSED[key] = _requirement(term, starts, ends)
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
    candidates = []
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
            candidates.append([k for keys in found for k in keys or [None]])
    best = None
    for found in candidates:
        if all(found) and (best is None or min(map(len, found)) > min(map(len, best))):
            best = found
    return best  # type: ignore[return-value]


def _whole_word(text: str, starts: bool, ends: bool) -> str | None:
    """The longest word of a stretch of text that is a whole word of the sentence
    wherever the stretch is in it, as a key ("half ")."""
    words = [
        m.group(0)
        for m in _TOKEN_RE.finditer(text)
        if (m.start() > 0 or starts) and (m.end() < len(text) or ends)
    ]
    return max(words, key=len) + " " if words else None


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


def _text_keys(lowered: str) -> set[str]:
    words = _TOKEN_RE.findall(lowered)
    keys = {w + " " for w in words}
    keys.update([w[:_KEY_LENGTH] for w in words if len(w) >= _KEY_LENGTH])
    return keys


# --- alternations compiled for the terms a sentence can match -----------------


def _ordered(terms: Iterable[str]) -> tuple[str, ...]:
    """Distinct terms, longest first (ties in the order the data lists them)."""
    return tuple(sorted(dict.fromkeys(terms), key=len, reverse=True))


def _join(ordered: Sequence[str], bounded: bool = True) -> str:
    """Join regex terms in the given order, as whole words unless told otherwise.

    The word boundary sits outside the alternation, so the engine tests it once
    per position instead of once per term (the reader's hot path).
    """
    if not bounded:
        return "|".join(map(_grouped, ordered))
    words = [t for t in ordered if not t.startswith("/")]
    parts = [f"(?<!\\w)(?:{'|'.join(map(_grouped, words))})(?!\\w)"] if words else []
    parts += [f"{_grouped(t)}(?!\\w)" for t in ordered if t.startswith("/")]
    return "|".join(parts)


def _grouped(term: str) -> str:
    """A term as one alternative: in a group of its own only where it has an
    alternation of its own, as the parser's time grows with every group (some
    30% of a compile of many short terms)."""
    return f"(?:{term})" if "|" in term else term


def _alternation(terms: Iterable[str], bounded: bool = True) -> str:
    """Join regex terms longest first, as whole words unless told otherwise."""
    return _join(_ordered(terms), bounded)


class _Group:
    """One alternation of terms ("every way of naming followers"), compiled on
    demand for just the terms a sentence can match."""

    def __init__(
        self,
        terms: Iterable[str],
        bounded: bool = True,
        wrap: str = "{}",
        edges: tuple[bool, bool] | None = None,
    ) -> None:
        """``edges``: whether every match starts a word and ends one, where the
        pattern around the alternation makes sure of it (a bounded one does)."""
        self.terms = _ordered(terms)
        self.bounded = bounded
        self.wrap = wrap
        self.edges = edges or (bounded, bounded)
        self.all = (1 << len(self.terms)) - 1
        self._compiled: dict[int, re.Pattern[str]] = {}

    def source(self, picked: int) -> str:
        """The alternation of the terms whose bits are set in ``picked``."""
        chosen = [t for i, t in enumerate(self.terms) if picked >> i & 1]
        return self.wrap.format(_join(chosen, self.bounded))

    def compiled(self, picked: int) -> re.Pattern[str]:
        pattern = self._compiled.get(picked)
        if pattern is None:
            pattern = self._compiled[picked] = re.compile(self.source(picked), _FLAGS)
        return pattern

    @cached_property
    def full(self) -> re.Pattern[str]:
        return self.compiled(self.all)


class _Index:
    """Which terms of its groups a sentence can match, found from the sentence's
    words and a few substring tests instead of by running every alternation."""

    def __init__(self, groups: Sequence[_Group], prefixes: bool = False) -> None:
        """``prefixes``: the groups are also run on a beginning of the sentence,
        which may end in part of a word, so no key is taken from where a term ends.

        Every term has one bit (its group's offset plus its place in the group),
        every group one bit; a key or piece sets the bits of the terms it admits.
        """
        self.groups = groups
        self.offsets: list[int] = []
        keyed: dict[str, list[int]] = {}
        pieces: dict[str, list[int]] = {}
        always = [0, 0]
        offset = 0
        for gid, group in enumerate(groups):
            self.offsets.append(offset)
            # the end of a beginning of the sentence may be in the middle of a word
            starts, ends = group.edges[0], group.edges[1] and not prefixes
            group_bit = 1 << gid
            for tid, term in enumerate(group.terms):
                need = _analysed(term, starts, ends)
                bit = 1 << (offset + tid)
                if need is None:
                    always[0] |= bit
                    always[1] |= group_bit
                    continue
                for table, found in ((keyed, need[0]), (pieces, need[1])):
                    for k in found:
                        target = table.get(k)
                        if target is None:
                            table[k] = [bit, group_bit]
                        else:
                            target[0] |= bit
                            target[1] |= group_bit
            offset += len(group.terms)
        self.keyed = {k: (v[0], v[1]) for k, v in keyed.items()}
        self.keyset = frozenset(keyed)
        self.pieces = tuple((k, v[0], v[1]) for k, v in pieces.items())
        self.always = (always[0], always[1])

    def select(self, lowered: str, keys: set[str] | None) -> dict[int, int]:
        """For each group that can match the text, the bits of the terms that can."""
        terms, groups = self.always
        if keys is not None:
            keyed = self.keyed
            for key in keys & self.keyset:
                t, g = keyed[key]
                terms |= t
                groups |= g
        for piece, t, g in self.pieces:
            if piece in lowered:
                terms |= t
                groups |= g
        chosen: dict[int, int] = {}
        offsets = self.groups_offsets
        while groups:
            low = groups & -groups
            gid = low.bit_length() - 1
            groups ^= low
            start, size = offsets[gid]
            chosen[gid] = (terms >> start) & ((1 << size) - 1)
        return chosen

    @cached_property
    def groups_offsets(self) -> list[tuple[int, int]]:
        return [(o, len(g.terms)) for o, g in zip(self.offsets, self.groups, strict=True)]


class _Probe:
    """One version of a sentence (masked spans blanked), with what it contains."""

    __slots__ = ("text", "lowered", "_keys", "odd", "_chosen", "digit")

    def __init__(self, text: str) -> None:
        self.text = text
        self.lowered = text.lower()
        self.odd = not text.isascii() and _ODD_CASE_RE.search(text) is not None
        self._keys: set[str] | None = None
        self._chosen: dict[int, dict[int, int]] = {}
        self.digit = _DIGIT_RE.search(text) is not None

    def chosen(self, index: _Index) -> dict[int, int]:
        """Group -> the terms of it the text can match, for the groups that can."""
        chosen = self._chosen.get(id(index))
        if chosen is None:
            if self.odd:
                chosen = {gid: group.all for gid, group in enumerate(index.groups)}
            else:
                if self._keys is None and index.keyset:
                    self._keys = _text_keys(self.lowered)
                chosen = index.select(self.lowered, self._keys)
            self._chosen[id(index)] = chosen
        return chosen

    def admits(self, need: Requirement) -> bool:
        """Whether the text has what a term needs (every text with an odd-case letter)."""
        if need is None or self.odd:
            return True
        keys, pieces = need
        if keys:
            if self._keys is None:
                self._keys = _text_keys(self.lowered)
            if not self._keys.isdisjoint(keys):
                return True
        return any(piece in self.lowered for piece in pieces)

    def terms(self, index: _Index, gid: int) -> int | None:
        return self.chosen(index).get(gid)

    def pattern(self, index: _Index, gid: int) -> re.Pattern[str] | None:
        """The group's alternation for this text; None when it cannot match."""
        picked = self.terms(index, gid)
        return None if picked is None else index.groups[gid].compiled(picked)

    def finditer(self, index: _Index, gid: int, text: str | None = None) -> list[re.Match[str]]:
        pattern = self.pattern(index, gid)
        return (
            [] if pattern is None else list(pattern.finditer(self.text if text is None else text))
        )

    def search(self, index: _Index, gid: int, text: str, pos: int = 0) -> re.Match[str] | None:
        pattern = self.pattern(index, gid)
        return None if pattern is None else pattern.search(text, pos)


class _Network(NamedTuple):
    """One way of naming a network: its terms and when a match counts."""

    means: tuple[str, ...]
    gid: int  # its group in the lexicon's text index
    kind: str  # "term", "context" or "product"
    context: frozenset[str] = frozenset()
    before_metric: bool = False


def _by_language(entry: dict[str, Any]) -> list[str]:
    return [t for lang in ("en", "de", "es", "fr") for t in entry.get(lang, [])]


class _Lexicon:
    """The data file, turned into the term groups and patterns the reader needs.

    Nothing is compiled here: each alternation is compiled the first time a
    sentence needs it, for the terms that sentence can match.
    """

    def __init__(
        self, data: dict[str, Any], typo_words: dict[str, dict[str, str]] | None = None
    ) -> None:
        """``typo_words``: `typo_words` as the generated index has it, if it does."""
        self.data = data
        self._typo_words = typo_words
        languages: dict[str, tuple[frozenset[str], str]] = {
            lang: (frozenset(spec["stopwords"]), spec.get("letters", ""))
            for lang, spec in data["languages"].items()
        }
        self.languages = languages
        self.language_order = tuple(languages)
        # word -> the languages it is a stop word of; the letters that count double
        self.stopword_languages: dict[str, tuple[int, ...]] = {}
        for number, (stopwords, _letters) in enumerate(languages.values()):
            for word in stopwords:
                self.stopword_languages[word] = self.stopword_languages.get(word, ()) + (number,)
        self.language_letters = tuple(letters for _stop, letters in languages.values())
        self.all_letters = frozenset("".join(self.language_letters))

        metrics = data["metrics"]
        self.family: dict[str, str] = {name: e["family"] for name, e in metrics.items()}
        self.in_time = frozenset(n for n, e in metrics.items() if e.get("in_time"))
        self.metric_names = tuple(metrics)
        self.metric_aliases: dict[str, str] = data["metric_aliases"]
        groups = [_Group(_by_language(e)) for e in metrics.values()]

        context = frozenset(data["network_context_before"])
        self.networks: list[_Network] = []
        for name, entry in data["networks"].items():
            means = tuple(entry.get("means", [name]))
            self.networks.append(_Network(means, len(groups), "term"))
            groups.append(_Group(entry["terms"]))
            if entry.get("context_terms"):
                self.networks.append(
                    _Network(
                        means,
                        len(groups),
                        "context",
                        context | frozenset(entry.get("context_before", [])),
                        bool(entry.get("before_metric")),
                    )
                )
                groups.append(_Group(entry["context_terms"]))
            if entry.get("product_terms"):
                self.networks.append(_Network(means, len(groups), "product"))
                groups.append(_Group(entry["product_terms"]))
        self.network_of = {n.gid: n for n in self.networks}

        neg = data["negation"]
        sla = data["service_level"]
        self.negation_cue = len(groups)
        self.contrast = len(groups) + 1
        self.same_day = len(groups) + 2
        self.response_context = len(groups) + 3
        groups += [
            _Group(_by_language(neg["cues"])),
            _Group(neg["contrast"]),
            _Group(sla["same_day"]),
            _Group(sla["response_context"]),
        ]
        self.text_index = _Index(groups)
        self.negation_gap = int(neg["max_gap"])
        self.contrast_window = int(neg["contrast_window"])
        self.coordinators = frozenset(neg["coordinators"])
        self.fillers = frozenset(neg["fillers"])
        self.fillers_and_coordinators = self.fillers | self.coordinators

        typos = data["typos"]
        self.typo_min = int(typos["min_length"])
        self.typo_distance = int(typos["max_distance"])
        self.typo_prefix = int(typos["same_prefix"])

        num = data["numbers"]
        units = data["time_units"]
        self.unit_names = tuple(units)
        self.word_languages = tuple(num["words"])
        # the numbers index: the units, the number words of each language, then
        # the words of an open range ("from 1,000 to X")
        self.units = 0
        self.number_words = {lang: 1 + i for i, lang in enumerate(self.word_languages)}
        self.range_to = 1 + len(self.word_languages)
        self.placeholders = self.range_to + 1
        self.number_index = _Index(
            [_Group((t for terms in units.values() for t in terms), False, edges=(True, True))]
            + [_Group(words) for words in num["words"].values()]
            + [_Group(num["range_to"]), _Group(num["placeholders"])]
        )
        self.short_units = frozenset(sla["short_units"])

        dates = data["dates"]
        # a month name is a word of its own in every template, and a part of the
        # year starts one ("mid-2027", "mid2027"): the patterns say so, which
        # changes no match and lets words find them
        self.date_index = _Index(
            [
                _Group(t for v in dates["months"].values() for t in v),
                _Group((t for v in dates["quarters"].values() for t in v), bounded=False),
                _Group(
                    (t for v in dates["year_parts"].values() for t in v),
                    bounded=False,
                    wrap=r"(?<!\w)(?:{})",
                    edges=(True, False),
                ),
            ]
        )
        self.date_slots = {"month": 0, "quarter": 1, "yearpart": 2}
        self.date_templates = [
            _DateTemplate.read(t, self.date_slots, self.date_index) for t in dates["templates"]
        ]
        self._needing = [t for t in self.date_templates if t.need is not None]
        self.year = re.compile(dates["year"])

        cad = data["cadence"]
        self.cadence_periods = tuple(p for p in cad if p != "not_after")
        self.deadline_phrase = 0
        self.late_index = _Index(
            [_Group(_by_language(data["deadline_phrases"]))]
            + [_Group(cad[p]) for p in self.cadence_periods]
        )

        # cues searched for right before a number or a period, on the sentence's
        # beginning up to it
        self.sla_within, self.cadence_not_after, self.baseline_number, self.rank = 0, 1, 2, 3
        self.prefix_index = _Index(
            [
                _Group(sla["within"], wrap=r"(?:{})\s*$"),
                _Group(cad["not_after"], wrap=r"(?:{})\s*$"),
                _Group(num["baseline_cues"], wrap=r"(?:{})\s*(?:of\s+|at\s+|bei\s+)?$"),
                _Group(num["rank_cues"], wrap=r"(?:{})\s*$"),
            ],
            prefixes=True,
        )
        self._composite: dict[Any, Any] = {}

    # -- patterns compiled whole, on first use --------------------------------

    @cached_property
    def handle(self) -> re.Pattern[str]:
        return re.compile(self.data["handles"], re.UNICODE)

    @property
    def typo_words(self) -> dict[str, dict[str, str]]:
        """Metric words one typo may be forgiven in, by their first letters."""
        if self._typo_words is None:
            self._typo_words = self._read_typo_words()
        return self._typo_words

    def _read_typo_words(self) -> dict[str, dict[str, str]]:
        words: dict[str, dict[str, str]] = {}
        for name, entry in self.data["metrics"].items():
            for term in _by_language(entry):
                for word in _literal_words(term):
                    if len(word) >= self.typo_min:
                        bucket = words.setdefault(word[: self.typo_prefix], {})
                        bucket.setdefault(word, name)
        return words

    @cached_property
    def metric_patterns(self) -> list[tuple[str, re.Pattern[str]]]:
        groups = self.text_index.groups
        return [(name, groups[i].full) for i, name in enumerate(self.metric_names)]

    @cached_property
    def digits(self) -> re.Pattern[str]:
        return re.compile(f"{_NUMBER_START}(?:{self.data['numbers']['digits']})", _FLAGS)

    @cached_property
    def currency(self) -> re.Pattern[str]:
        return re.compile(self.data["numbers"]["currency"], _FLAGS)

    @cached_property
    def currency_before(self) -> re.Pattern[str]:
        return re.compile(self.data["numbers"]["currency_before"], _FLAGS)

    @cached_property
    def range_from(self) -> re.Pattern[str]:
        """'from 8,000 to ' right before a number: the range's start, where the
        metric before it is measured from."""
        froms = _alternation(self.data["numbers"]["range_from"])
        tos = _alternation(self.data["numbers"]["range_to"], bounded=False)
        return re.compile(
            rf"(?<!\w)(?:{froms})\s+[€$£¥₹]?\s?\d[\d.,' ]*(?:\s?(?:k|m|%))?"
            rf"\s*(?:{tos})\s*[€$£¥₹]?\s?$",
            _FLAGS,
        )

    @cached_property
    def abbreviation(self) -> re.Pattern[str]:
        """The full stop of an abbreviation inside a sentence ("St. Mary's",
        "Dr. Weber", "Acme Inc. account"): not the end of a clause."""
        words = _alternation(self.data["abbreviations"])
        return re.compile(rf"(?<![\w.])(?:{words})\.(?=\s+\S)", _FLAGS)

    @cached_property
    def gap_ignore(self) -> re.Pattern[str]:
        return _compile(self.data["numbers"]["gap_ignore"])

    @cached_property
    def denominator(self) -> re.Pattern[str]:
        return _compile(self.data["numbers"]["denominator_cues"])

    @cached_property
    def threshold_gap(self) -> re.Pattern[str]:
        cue = _alternation(self.data["numbers"]["threshold_cues"], bounded=False)
        return re.compile(rf"[\s:()]*(?:(?:{cue})(?=[\s:()]|\Z)[\s:()]*)*", _FLAGS)

    @cached_property
    def unit_patterns(self) -> dict[str, re.Pattern[str]]:
        return {unit: _compile(terms) for unit, terms in self.data["time_units"].items()}

    @cached_property
    def date_baseline(self) -> re.Pattern[str]:
        return re.compile(self.data["dates"]["baseline_cues"], _FLAGS)

    @cached_property
    def months(self) -> list[tuple[int, re.Pattern[str]]]:
        return _numbered(self.data["dates"]["months"])

    @cached_property
    def quarters(self) -> list[tuple[int, re.Pattern[str]]]:
        return _numbered(self.data["dates"]["quarters"])

    @cached_property
    def year_parts(self) -> list[tuple[int, re.Pattern[str]]]:
        return _numbered(self.data["dates"]["year_parts"])

    # -- patterns built from several groups, for the terms a sentence can match

    def _number_any(self, probe: _Probe) -> tuple[Any, str | None]:
        """Key and source of 'any number': digits or a number word.

        It opens with where a number can start (see `numbers.digits` in the
        data): a digit, a currency sign or a space before a digit, or a number
        word at the start of a word. That test rules out most places in a
        sentence before the engine tries every kind of number there.
        """
        picks = tuple(
            probe.terms(self.number_index, self.number_words[lang]) for lang in self.word_languages
        )
        parts = [self.data["numbers"]["digits"]] if probe.digit else []
        groups = self.number_index.groups
        for lang, picked in zip(self.word_languages, picks, strict=True):
            if picked is not None:
                parts.append(groups[self.number_words[lang]].source(picked))
        if not parts:
            return (probe.digit, picks), None
        return (probe.digit, picks), f"{_NUMBER_START}(?:{'|'.join(parts)})"

    def duration(self, probe: _Probe) -> re.Pattern[str] | None:
        """'2 hours', 'a month', 'two to three weeks', where the text names a unit.

        Every unit is in the pattern, not just those the text can match: a unit is
        tried only right after a number, so they cost little there, and one pattern
        then serves every sentence with the same kinds of number (one compile of
        some 1,500 characters instead of one per set of units).
        """
        if probe.terms(self.number_index, self.units) is None:
            return None
        number_key, number_any = self._number_any(probe)
        key = ("duration", number_key)
        if key not in self._composite:
            articles = r"(?<!\w)(?:a|an|one|ein|eine|einer|eines|einem|un|una|une)(?!\w)"
            amount = f"(?:{number_any}|{articles})" if number_any else articles
            units = self.number_index.groups[self.units]
            any_unit = units.source(units.all)
            self._composite[key] = re.compile(
                rf"(?:{amount})(?:\s*(?:-|–|to|bis|a|à)\s*(?:{amount}))?\s*(?<!\w)(?P<unit>{any_unit})(?!\w)",
                _FLAGS,
            )
        return self._composite[key]

    def open_range(self, probe: _Probe) -> re.Pattern[str] | None:
        range_to = probe.terms(self.number_index, self.range_to)
        placeholder = probe.terms(self.number_index, self.placeholders)
        if range_to is None or placeholder is None:
            return None
        number_key, number_any = self._number_any(probe)
        if number_any is None:
            return None
        key = ("open_range", number_key, range_to, placeholder)
        if key not in self._composite:
            groups = self.number_index.groups
            self._composite[key] = re.compile(
                rf"(?P<num>{number_any})\s*(?:{groups[self.range_to].source(range_to)})\s*"
                rf"(?:the\s+|el\s+|la\s+|le\s+)?(?:{groups[self.placeholders].source(placeholder)})",
                _FLAGS,
            )
        return self._composite[key]

    def date_matches(self, probe: _Probe) -> list[list[re.Match[str]]]:
        """The matches of each date template that can match, in order (every one
        needs a year).

        A template is compiled once, with every month, quarter and part of the
        year: per-sentence subsets made a compile per template for each new set
        of months. One that starts with a month or a part of the year is tried
        only where the sentence's subset of those matches.
        """
        text = probe.text
        if self.year.search(text) is None:
            return []
        chosen = probe.chosen(self.date_index)
        key = ("dates", frozenset(chosen), *(probe.admits(t.need) for t in self._needing))
        plan = self._composite.get(key)
        if plan is None:
            plan = self._composite[key] = [
                (self._date_template(number), template.lead)
                for number, template in enumerate(self.date_templates)
                if template.slots <= chosen.keys() and probe.admits(template.need)
            ]
        found = []
        places: dict[int, list[int]] = {}  # group -> where it matches, overlaps included
        for pattern, lead in plan:
            if lead is None:
                found.append(list(pattern.finditer(text)))
                continue
            if lead not in places:
                starts = self._starts(lead, chosen[lead])
                places[lead] = [m.start() for m in starts.finditer(text)]
            found.append(_matches_at(pattern, text, places[lead]))
        return found

    def _starts(self, gid: int, picked: int) -> re.Pattern[str]:
        """Where the date group's picked terms match: an empty match at each place."""
        key = ("starts", gid, picked)
        if key not in self._composite:
            source = self.date_index.groups[gid].source(picked)
            self._composite[key] = re.compile(f"(?={source})", _FLAGS)
        return self._composite[key]  # type: ignore[no-any-return]

    def _date_template(self, number: int) -> re.Pattern[str]:
        pattern = self._composite.get(("date", number))
        if pattern is None:
            template = self.date_templates[number]
            groups = {
                "day": r"(?P<day>0?[1-9]|[12]\d|3[01])",
                "monthnum": r"(?P<monthnum>0?[1-9]|1[0-2])",
                "year": rf"(?P<year>{self.data['dates']['year']})",
                "endyear": r"(?P<endyear>(?:20)?[2-9]\d)",
            }
            for name, gid in self.date_slots.items():
                group = self.date_index.groups[gid]
                groups[name] = f"(?P<{name}>{group.source(group.all)})"
            pattern = self._composite[("date", number)] = re.compile(
                rf"(?<![\w.,/]){template.source.format(**groups)}(?![\w]|[.,/]\d)", _FLAGS
            )
        return pattern  # type: ignore[no-any-return]


class _DateTemplate(NamedTuple):
    """A date template of the data file, and when a sentence can match it."""

    source: str
    slots: frozenset[int]
    """The groups of the date index it uses (months, quarters, parts of the year)."""
    lead: int | None
    """The group it starts with, where that group's matches start a word."""
    need: Requirement
    """What a sentence must contain, from the template's own text."""

    @classmethod
    def read(cls, source: str, slots: dict[str, int], index: _Index) -> _DateTemplate:
        used = frozenset(gid for name, gid in slots.items() if "{" + name + "}" in source)
        lead = next((gid for name, gid in slots.items() if source.startswith(f"{{{name}}}")), None)
        if lead is not None and not index.groups[lead].edges[0]:
            lead = None
        blanks = dict.fromkeys(("day", "monthnum", "year", "endyear", *slots), ".")
        return cls(source, used, lead, _analysed(source.format(**blanks), False, False))


def _matches_at(pattern: re.Pattern[str], text: str, places: list[int]) -> list[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern that can match only at ``places``
    (in order): tried only there."""
    found: list[re.Match[str]] = []
    end = 0
    for at in places:
        if at >= end and (m := pattern.match(text, at)) is not None:
            found.append(m)
            end = m.end()
    return found


def _compile(terms: Iterable[str]) -> re.Pattern[str]:
    return re.compile(_alternation(terms), _FLAGS)


_LITERAL_RE = re.compile(r"(?:\(\?:[^()]*\)\?)?([^\W\d_]+)(s\?)?", re.UNICODE)


def _literal_words(term: str) -> list[str]:
    """The plain words a single-word term spells ('followers?' -> follower, followers)."""
    m = _LITERAL_RE.fullmatch(term)
    if not m:
        return []
    word = m.group(1).lower()
    return [word, word + "s"] if m.group(2) else [word]


def _numbered(table: dict[Any, list[str]]) -> list[tuple[int, re.Pattern[str]]]:
    """Patterns that tell which month, quarter or part of the year a word names."""
    return [(int(k), re.compile(_alternation(v, bounded=False), _FLAGS)) for k, v in table.items()]


DATA_FILE = "goal_language.yaml"
INDEX_FILE = "goal_language.index.json"
"""Generated by tools/gen_goal_index.py from DATA_FILE: the data as JSON, what
every term of it requires (`_requirement`) and the typo words, so the first
sentence read in a process neither parses YAML nor analyses some 1,400 terms."""


def _source_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _load() -> tuple[dict[str, Any], dict[str, dict[str, str]] | None]:
    """The data file's contents and its typo words, from the generated index
    while it matches the YAML (same digest), else from the YAML itself (then
    terms are analysed as they are needed, and no typo words are given)."""
    text = read_text(DATA_FILE)
    try:
        index = json.loads(read_text(INDEX_FILE))
    except (OSError, ValueError):
        index = None
    if isinstance(index, dict) and index.get("source_sha256") == _source_digest(text):
        _ANALYSED.update(index["requirements"] | _ANALYSED)  # kept as JSON gives them
        return index["data"], index["typo_words"]
    return yaml.load(text, Loader=_YamlLoader), None


def build_index(text: str) -> dict[str, Any]:
    """The generated index for a data file's text (tools/gen_goal_index.py)."""
    data = yaml.load(text, Loader=_YamlLoader)
    saved = dict(_ANALYSED)
    _ANALYSED.clear()
    try:
        lexicon = _Lexicon(_jsonable(data))
        typo_words = lexicon.typo_words
        requirements = {
            k: None if v is None else [list(v[0]), list(v[1])] for k, v in _ANALYSED.items()
        }
    finally:
        _ANALYSED.clear()
        _ANALYSED.update(saved)
    return {
        "comment": f"Generated from {DATA_FILE} by tools/gen_goal_index.py; do not edit.",
        "source_sha256": _source_digest(text),
        "data": _jsonable(data),
        "requirements": dict(sorted(requirements.items())),
        "typo_words": typo_words,
    }


def _jsonable(value: Any) -> Any:
    """The data as JSON gives it back (mapping keys become strings)."""
    return json.loads(json.dumps(value, ensure_ascii=False))


@cache
def _lexicon() -> _Lexicon:
    """Load the vocabulary once, on first use."""
    return _Lexicon(*_load())


def _normalise(statement: str) -> str:
    text = unicodedata.normalize("NFC", statement)
    text = text.replace("’", "'").replace("\u00a0", " ").replace("\u202f", " ")
    return _SPACES_RE.sub(" ", text).strip()


def _blank(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """Replace spans with spaces, keeping every offset valid."""
    chars = None
    for start, end in spans:
        if chars is None:
            chars = list(text)
        chars[start:end] = " " * (end - start)
    return text if chars is None else "".join(chars)


def _overlaps(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD_RE.findall(text)]


def _detect_language(lex: _Lexicon, probe: _Probe) -> str:
    lowered = probe.lowered
    scores = [0] * len(lex.language_order)
    languages_of = lex.stopword_languages
    for word in _WORD_RE.findall(lowered):
        for number in languages_of.get(word, ()):
            scores[number] += 1
    if not lowered.isascii() and not lex.all_letters.isdisjoint(lowered):
        for number, letters in enumerate(lex.language_letters):
            scores[number] += 2 * sum(lowered.count(ch) for ch in letters)
    best, best_score = "en", 0
    for lang, score in zip(lex.language_order, scores, strict=True):
        if score > best_score:
            best, best_score = lang, score
    return best


def _find_metrics(lex: _Lexicon, probe: _Probe) -> list[_Mention]:
    """Every metric mention, the longest one winning where two overlap; then the
    misspelt metric words among the words left over."""
    text = probe.text
    found = []
    names = lex.metric_names
    groups = lex.text_index.groups
    for gid, picked in sorted(probe.chosen(lex.text_index).items()):
        if gid < len(names):
            name = names[gid]
            found += [
                (m.start() - m.end(), m.start(), m.end(), name)
                for m in groups[gid].compiled(picked).finditer(text)
                if m.end() > m.start()
            ]
    found.sort(key=lambda f: (f[0], f[1]))
    taken: list[tuple[int, int]] = []
    chosen: list[_Mention] = []
    for _length, start, end, name in found:
        if not _overlaps(start, end, taken):
            taken.append((start, end))
            chosen.append(_Mention(start, end, name))
    minimum = lex.typo_min
    for m in _WORD_RE.finditer(text):
        if m.end() - m.start() >= minimum and not _overlaps(m.start(), m.end(), taken):
            name = _misspelt_metric(lex, m.group(0).lower())
            if name is not None:
                chosen.append(_Mention(m.start(), m.end(), name))
    return sorted(chosen, key=lambda m: m.start)


def _misspelt_metric(lex: _Lexicon, word: str) -> str | None:
    """The metric a word one typo away from a metric word names ('followrs')."""
    bucket = lex.typo_words.get(word[: lex.typo_prefix], {})
    if word in bucket:
        return None  # spelt right, so the patterns deliberately left it out
    for known, name in bucket.items():
        if (
            known[-1] == word[-1]
            and abs(len(known) - len(word)) <= lex.typo_distance
            and OSA.distance(word, known, score_cutoff=lex.typo_distance) <= lex.typo_distance
        ):
            return name
    return None


def _find_networks(lex: _Lexicon, probe: _Probe, mentions: list[_Mention]) -> tuple[str, ...]:
    text = probe.text
    index = lex.text_index
    chosen = probe.chosen(index)
    present = [lex.network_of[gid] for gid in sorted(chosen) if gid in lex.network_of]
    named = [
        (m.start(), m.end(), network)
        for network in present
        if network.kind == "term"
        for m in index.groups[network.gid].compiled(chosen[network.gid]).finditer(text)
    ]
    found = [(start, network.means) for start, _end, network in named]
    for network in present:
        if network.kind == "term":
            continue
        for m in index.groups[network.gid].compiled(chosen[network.gid]).finditer(text):
            if network.kind == "product":
                counts = not _after_other_network(text, m.start(), network, named)
            else:
                counts = _network_in_context(text, m, mentions, network)
            if counts and not _overlaps(m.start(), m.end(), [(s, e) for s, e, _ in named]):
                found.append((m.start(), network.means))
    if not found:
        return ()
    found.sort(key=lambda item: item[0])
    return tuple(dict.fromkeys(name for _, means in found for name in means))


def _after_other_network(
    text: str, start: int, network: _Network, named: list[tuple[int, int, _Network]]
) -> bool:
    """'Facebook Reels' are Facebook's, not Instagram's."""
    return any(
        other.means != network.means and _RANGE_GAP_RE.fullmatch(text[end:start])
        for _start, end, other in named
        if end <= start
    )


def _network_in_context(
    text: str, match: re.Match[str], mentions: list[_Mention], network: _Network
) -> bool:
    """'on X' names a network; 'X followers' and 'X%' are placeholders. Where the
    entry says so, a name right before a metric counts too ('Threads followers')."""
    after = text[match.end() :]
    if _AFTER_NAME_RE.match(after):
        return False
    following = match.end() + len(after) - len(after.lstrip(" -"))
    before_metric = any(m.start == following for m in mentions)
    if network.before_metric and before_metric:
        return True
    before = text[: match.start()].rstrip()
    previous = before[-1:] if before[-1:] in {",", "/"} else (_words(before) or [""])[-1]
    return previous in network.context and not before_metric


def _handles(lex: _Lexicon, text: str) -> list[re.Match[str]]:
    if "@" not in text:
        return []
    return list(lex.handle.finditer(text))


def _is_negated(lex: _Lexicon, gap: str, first: bool) -> bool:
    """Whether the words between a cue (or a listed metric) and a metric keep the negation."""
    if any(ch.isdigit() for ch in gap):
        return False
    words = _words(gap)
    allowed = lex.fillers if first else lex.fillers_and_coordinators
    limit = lex.negation_gap if first else lex.negation_gap + 1
    if not _GAP_CHARS_RE.fullmatch(gap):
        return False
    return len(words) <= limit and all(w in allowed for w in words)


def _negated_mentions(lex: _Lexicon, probe: _Probe, mentions: list[_Mention]) -> set[int]:
    """Indexes of mentions that a cue ('beyond', 'nicht nur', 'au-delà des') rejects."""
    negated: set[int] = set()
    text = probe.text
    index = lex.text_index
    for cue in probe.finditer(index, lex.negation_cue):
        position, first = cue.end(), True
        for number, mention in enumerate(mentions):
            if mention.start < position:
                continue
            if not _is_negated(lex, text[position : mention.start], first):
                break
            negated.add(number)
            position, first = mention.end, False
        contrast = probe.search(index, lex.contrast, text, cue.end())
        if contrast is not None and _in_contrast_window(lex, text[cue.end() : contrast.start()]):
            negated.update(
                number
                for number, mention in enumerate(mentions)
                if mention.start >= cue.end() and mention.end <= contrast.start()
            )
    return negated


def _in_contrast_window(lex: _Lexicon, gap: str) -> bool:
    """'not X but Y': the words between the cue and 'but' are what is rejected."""
    return (
        len(_words(gap)) <= lex.contrast_window
        and not any(ch.isdigit() for ch in gap)
        and not _HARD_STOP_RE.search(gap)
    )


def _durations(lex: _Lexicon, probe: _Probe) -> list[re.Match[str]]:
    """'2 hours', 'six months'; '10% month over month' is a rate, not a duration."""
    pattern = lex.duration(probe)
    if pattern is None:
        return []
    return [m for m in pattern.finditer(probe.text) if "%" not in m.group(0)]


def _ends_with(probe: _Probe, index: _Index, gid: int, end: int) -> bool:
    """Whether one of the group's cues ends the text before ``end``."""
    pattern = probe.pattern(index, gid)
    return pattern is not None and pattern.search(probe.text[:end]) is not None


def _service_levels(lex: _Lexicon, probe: _Probe) -> tuple[list[tuple[int, int]], bool]:
    """Response-time thresholds ('within 2 hours'): targets, never deadlines; and
    whether the sentence is about answering people."""
    text = probe.text
    responding = probe.search(lex.text_index, lex.response_context, text) is not None
    spans = []
    for m in _durations(lex, probe):
        if not _ends_with(probe, lex.prefix_index, lex.sla_within, m.start()):
            continue
        unit = next(u for u, p in lex.unit_patterns.items() if p.fullmatch(m.group("unit")))
        if unit in lex.short_units or (unit == "day" and responding):
            spans.append((m.start(), m.end()))
    if responding:
        spans.extend((m.start(), m.end()) for m in probe.finditer(lex.text_index, lex.same_day))
    return spans, responding


def _lookup(table: list[tuple[int, re.Pattern[str]]], value: str) -> int:
    return next(number for number, pattern in table if pattern.fullmatch(value.strip()))


def _resolve(lex: _Lexicon, groups: dict[str, str | None]) -> _dt.date | None:
    """The last day a matched date expression allows."""
    year = int(groups["year"] or 0)
    if groups.get("endyear"):  # "2026/27": a school year or season ends in the later year
        later = int(groups["endyear"] or 0)
        year = max(year, later if later >= 100 else year - year % 100 + later)
    if groups.get("quarter"):
        month = 3 * _lookup(lex.quarters, groups["quarter"] or "")
    elif groups.get("yearpart"):
        month = _lookup(lex.year_parts, groups["yearpart"] or "")
    elif groups.get("month"):
        month = _lookup(lex.months, groups["month"] or "")
    elif groups.get("monthnum"):
        month = int(groups["monthnum"] or 0)
    else:
        month = 12
    if groups.get("day"):
        day = int(groups["day"] or 0)
        for y, mo, d in ((year, month, day), (year, day, month)):
            try:
                return _dt.date(y, mo, d)
            except ValueError:
                continue
        return None
    return _dt.date(year, month, calendar.monthrange(year, month)[1])


def _dates(
    lex: _Lexicon, probe: _Probe, mentions: list[_Mention]
) -> tuple[_dt.date | None, list[tuple[int, int]]]:
    """The latest date that is not a baseline, and every span read as a date."""
    text = probe.text
    taken: list[tuple[int, int]] = []
    candidates: list[_dt.date] = []
    for matches in lex.date_matches(probe):
        for m in matches:
            if _overlaps(m.start(), m.end(), taken) or _counts_something(text, m.end(), mentions):
                continue
            taken.append((m.start(), m.end()))
            resolved = _resolve(lex, m.groupdict())
            if resolved and not lex.date_baseline.search(text[: m.start()]):
                candidates.append(resolved)
    return (max(candidates) if candidates else None), taken


def _counts_something(text: str, end: int, mentions: list[_Mention]) -> bool:
    """'2000 new followers': a number that looks like a year but counts a metric."""
    for mention in mentions:
        if mention.start >= end:
            gap = text[end : mention.start]
            return len(_words(gap)) <= 1 and not _COUNT_GAP_RE.search(gap)
    return False


def _cadence(lex: _Lexicon, probe: _Probe) -> str | None:
    hits = []
    for number, period in enumerate(lex.cadence_periods, start=1):
        for m in probe.finditer(lex.late_index, number):
            if not _ends_with(probe, lex.prefix_index, lex.cadence_not_after, m.start()):
                hits.append((m.start(), period))
    return min(hits)[1] if hits else None


def _numbers(lex: _Lexicon, probe: _Probe, language: str) -> list[tuple[int, int, bool]]:
    """(start, end, is_money) of every number that could be a target."""
    text = probe.text
    open_range = lex.open_range(probe)
    dropped = set() if open_range is None else {m.start("num") for m in open_range.finditer(text)}
    found = [(m.start(), m.end()) for m in lex.digits.finditer(text)] if probe.digit else []
    words = lex.number_words.get(language)
    if words is not None:
        found += [(m.start(), m.end()) for m in probe.finditer(lex.number_index, words)]
    numbers = []
    for start, end in sorted(found):
        if (
            start in dropped
            or _ends_with(probe, lex.prefix_index, lex.baseline_number, start)
            or _ends_with(probe, lex.prefix_index, lex.rank, start)
        ):
            continue
        around = text[max(0, start - 1) : end + 8]
        before = text[max(0, start - 6) : start]
        money = lex.currency.search(around) or lex.currency_before.search(before)
        numbers.append((start, end, bool(money)))
    return numbers


def _attach(
    lex: _Lexicon, text: str, start: int, end: int, mentions: list[_Mention]
) -> _Mention | None:
    """The metric a number measures: the result metric it is a threshold of ("CPA
    below $25", "a ROAS of 4.0"), the metric right after it ("400 visitors"), or else the
    nearest result metric before it ("shares of our articles by 20%")."""
    after = next((m for m in mentions if m.start >= end), None)
    right_after = after is not None and not _words(text[end : after.start])
    previous = next((m for m in reversed(mentions) if m.end <= start), None)
    if (
        previous is not None
        and lex.family[previous.name] != "output"
        and not right_after
        and lex.threshold_gap.fullmatch(text[previous.end : start])
    ):
        return previous
    if after is not None:
        gap = lex.gap_ignore.sub(" ", text[end : after.start])
        stops = _AFTER_STOP_RE.search(gap) or lex.denominator.search(gap)
        if len(_words(gap)) <= 3 and not stops:
            return after
    ranged = lex.range_from.search(text[:start])
    if ranged is not None:
        start = ranged.start()
    before = [m for m in mentions if m.end <= start]
    window = [
        m
        for m in before
        if len(_words(text[m.end : start])) <= 8 and not _HARD_STOP_RE.search(text[m.end : start])
    ]
    results = [m for m in window if lex.family[m.name] != "output"]
    return (results or window or [None])[-1]


def read_all(statements: Iterable[str]) -> dict[str, GoalReading]:
    """Each distinct sentence's reading, as `read_goal` gives it; large plans read
    theirs on every CPU (see parallel.py)."""
    from smplan_lint.derive.parallel import map_items

    distinct = list(dict.fromkeys(statements))
    if distinct:
        read_goal(distinct[0])  # load the vocabulary once, before any worker starts
    return dict(zip(distinct, map_items(read_goal, distinct), strict=True))


@lru_cache(maxsize=4096)
def read_goal(statement: str) -> GoalReading:
    """Read one goal sentence: metrics, target, deadline, cadence, networks.

    Cached: large inventories repeat the same goal sentences, and the reading of
    a sentence never changes within a process.
    """
    lex = _lexicon()
    text = _normalise(statement)
    text = lex.abbreviation.sub(lambda m: m.group(0)[:-1] + " ", text)
    handles = _handles(lex, text)
    # an account name is neither a word of the sentence nor a network's name
    text = _blank(text, [(m.start(), m.end()) for m in handles])
    probe = _Probe(text)
    language = _detect_language(lex, probe)
    mentions = _find_metrics(lex, probe)
    networks = _find_networks(lex, probe, mentions)
    negated_idx = _negated_mentions(lex, probe, mentions)

    sla, responding = _service_levels(lex, probe)
    masked = _blank(text, sla)
    deadline, date_spans = _dates(lex, probe if masked is text else _Probe(masked), mentions)
    late = _blank(masked, date_spans)
    late_probe = probe if late is text else _Probe(late)
    phrases = [
        (m.start(), m.end()) for m in late_probe.finditer(lex.late_index, lex.deadline_phrase)
    ]
    has_deadline = deadline is not None or bool(phrases)
    cadence = _cadence(lex, late_probe)
    durations = [(m.start(), m.end()) for m in _durations(lex, late_probe)]
    masked = _blank(late, phrases + durations)

    live = [m for i, m in enumerate(mentions) if i not in negated_idx]
    names = list(dict.fromkeys(m.name for m in live))
    has_target = any(
        (found := _attach(lex, masked, start, end, live)) is not None and found.name in lex.in_time
        for start, end in durations
    )
    masked = _blank(masked, [(m.start, m.end) for m in mentions])
    for start, end, money in _numbers(lex, _Probe(masked), language):
        found = _attach(lex, masked, start, end, live)
        if found is not None:
            has_target |= lex.family[found.name] != "output"
        elif money:
            names.append(_REVENUE)
            has_target = True
    if sla and responding:
        names.append(_RESPONSE_TIME)
        has_target = True
    names = list(dict.fromkeys(names))
    rejected = (mentions[i].name for i in sorted(negated_idx))
    negated = tuple(dict.fromkeys(n for n in rejected if n not in names))
    return GoalReading(
        metrics=tuple(names),
        families=tuple(lex.family[n] for n in names),
        negated=negated,
        has_target=has_target,
        deadline=deadline.isoformat() if deadline else None,
        has_deadline=has_deadline,
        cadence=cadence,
        networks=networks,
        language=language,
        handles=tuple(dict.fromkeys(m.group(0)[1:] for m in handles)),
    )


def classify_metric(name: str) -> str | None:
    """Family of a structured metric name such as 'web_referrals' or 'followers'.

    Structured goals name metrics in snake_case; reading them with the same
    vocabulary as sentences keeps both paths in agreement.
    """
    lex = _lexicon()
    key = name.strip().lower()
    key = lex.metric_aliases.get(key, key)
    if key in lex.family:
        return lex.family[key]
    phrase = re.sub(r"[_\-\s]+", " ", key).strip()
    probe = _Probe(phrase)
    for gid, metric in enumerate(lex.metric_names):
        pattern = probe.pattern(lex.text_index, gid)
        if pattern is not None and pattern.fullmatch(phrase):
            return lex.family[metric]
    families = {lex.family[m.name] for m in _find_metrics(lex, probe)}
    return families.pop() if len(families) == 1 else None


def vanity_only(families: Iterable[str], engagement_is_vanity: bool = False) -> bool:
    """True when some result metric is measured and every one of them is vanity.

    Output counts (posts, videos) are what the team does, not a result, so they
    are left out: "post 10 videos with 30 likes each" is vanity-only, and a goal
    that counts only output is not vanity-only (goal-not-measurable reports it).
    Whether the engagement family (engagement rate, comments, saves, replies,
    DMs) counts as vanity is the organisation's policy, off by default.
    """
    vain = {"vanity", "engagement"} if engagement_is_vanity else {"vanity"}
    results = [f for f in families if f != "output"]
    return bool(results) and all(f in vain for f in results)
