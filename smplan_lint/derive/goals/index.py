"""Term groups, compiled on demand for just the terms a sentence can match.

A :class:`Group` is one alternation of vocabulary terms ("every way of naming
followers"); an :class:`Index` holds named groups and finds, from a sentence's
words and a few substring tests (:mod:`.prefilter`), which terms of each group
can match; a :class:`Probe` is one version of a sentence asking an index. The
compiled subsets are cached, so the reading is exactly what the full patterns
give at a fraction of their cost.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from . import prefilter
from .prefilter import Requirement, analysed, text_keys
from .text import FLAGS

_DIGIT_RE = re.compile(r"\d")


def ordered(terms: Iterable[str]) -> tuple[str, ...]:
    """Distinct terms, longest first (ties in the order the data lists them)."""
    return tuple(sorted(dict.fromkeys(terms), key=len, reverse=True))


def join(terms: Sequence[str], bounded: bool = True) -> str:
    """Join regex terms in the given order, as whole words unless told otherwise.

    The word boundary sits outside the alternation, so the engine tests it once
    per position instead of once per term (the reader's hot path).
    """
    if not bounded:
        return "|".join(map(_grouped, terms))
    words = [t for t in terms if not t.startswith("/")]
    parts = [f"(?<!\\w)(?:{'|'.join(map(_grouped, words))})(?!\\w)"] if words else []
    parts += [f"{_grouped(t)}(?!\\w)" for t in terms if t.startswith("/")]
    return "|".join(parts)


def _grouped(term: str) -> str:
    """A term as one alternative: in a group of its own only where it has an
    alternation of its own, as the parser's time grows with every group (some
    30% of a compile of many short terms)."""
    return f"(?:{term})" if "|" in term else term


def alternation(terms: Iterable[str], bounded: bool = True) -> str:
    """Join regex terms longest first, as whole words unless told otherwise."""
    return join(ordered(terms), bounded)


def compile_terms(terms: Iterable[str]) -> re.Pattern[str]:
    """Whole-word terms, longest first, compiled at once (small, always-needed lists)."""
    return re.compile(alternation(terms), FLAGS)


class Group:
    """One alternation of terms, compiled on demand for the terms a sentence can match."""

    def __init__(
        self,
        terms: Iterable[str],
        bounded: bool = True,
        wrap: str = "{}",
        edges: tuple[bool, bool] | None = None,
    ) -> None:
        """``edges``: whether every match starts a word and ends one, where the
        pattern around the alternation makes sure of it (a bounded one does)."""
        self.terms = ordered(terms)
        self.bounded = bounded
        self.wrap = wrap
        self.edges = edges or (bounded, bounded)
        self.all = (1 << len(self.terms)) - 1
        self._compiled: dict[int, re.Pattern[str]] = {}

    def source(self, picked: int) -> str:
        """The alternation of the terms whose bits are set in ``picked``."""
        chosen = [t for i, t in enumerate(self.terms) if picked >> i & 1]
        return self.wrap.format(join(chosen, self.bounded))

    def compiled(self, picked: int) -> re.Pattern[str]:
        """`source` compiled, once per set of terms."""
        pattern = self._compiled.get(picked)
        if pattern is None:
            pattern = self._compiled[picked] = re.compile(self.source(picked), FLAGS)
        return pattern


class Index:
    """Which terms of its named groups a sentence can match, found from the
    sentence's words and a few substring tests instead of by running every
    alternation."""

    def __init__(self, named: Mapping[str, Group], prefixes: bool = False) -> None:
        """``prefixes``: the groups are also run on a beginning of the sentence,
        which may end in part of a word, so no key is taken from where a term ends.

        Every term has one bit (its group's offset plus its place in the group),
        every group one bit; a key or piece sets the bits of the terms it admits.
        """
        self.groups = list(named.values())
        self.ids = {name: gid for gid, name in enumerate(named)}
        keyed: dict[str, list[int]] = {}
        pieces: dict[str, list[int]] = {}
        always = [0, 0]
        offset = 0
        offsets = []
        for gid, group in enumerate(self.groups):
            offsets.append((offset, len(group.terms)))
            # the end of a beginning of the sentence may be in the middle of a word
            starts, ends = group.edges[0], group.edges[1] and not prefixes
            group_bit = 1 << gid
            for tid, term in enumerate(group.terms):
                need = analysed(term, starts, ends)
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
        self.offsets = offsets
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
        offsets = self.offsets
        while groups:
            low = groups & -groups
            gid = low.bit_length() - 1
            groups ^= low
            start, size = offsets[gid]
            chosen[gid] = (terms >> start) & ((1 << size) - 1)
        return chosen


class Probe:
    """One version of a sentence (masked spans blanked), with what it contains.

    Groups are named as their index names them ("negation_cue") or given by number.
    """

    __slots__ = ("text", "lowered", "_keys", "odd", "_chosen", "digit")

    def __init__(self, text: str) -> None:
        self.text = text
        self.lowered = text.lower()
        self.odd = not text.isascii() and prefilter.ODD_CASE_RE.search(text) is not None
        self._keys: set[str] | None = None
        self._chosen: dict[int, dict[int, int]] = {}
        self.digit = _DIGIT_RE.search(text) is not None

    def chosen(self, index: Index) -> dict[int, int]:
        """Group -> the terms of it the text can match, for the groups that can."""
        chosen = self._chosen.get(id(index))
        if chosen is None:
            if self.odd:
                chosen = {gid: group.all for gid, group in enumerate(index.groups)}
            else:
                if self._keys is None and index.keyset:
                    self._keys = text_keys(self.lowered)
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
                self._keys = text_keys(self.lowered)
            if not self._keys.isdisjoint(keys):
                return True
        return any(piece in self.lowered for piece in pieces)

    def terms(self, index: Index, group: str | int) -> int | None:
        """The bits of the group's terms the text can match; None when none can."""
        gid = index.ids[group] if isinstance(group, str) else group
        return self.chosen(index).get(gid)

    def pattern(self, index: Index, group: str | int) -> re.Pattern[str] | None:
        """The group's alternation for this text; None when it cannot match."""
        gid = index.ids[group] if isinstance(group, str) else group
        picked = self.chosen(index).get(gid)
        return None if picked is None else index.groups[gid].compiled(picked)

    def finditer(
        self, index: Index, group: str | int, text: str | None = None
    ) -> list[re.Match[str]]:
        """Every match of the group in ``text`` (this probe's text by default)."""
        pattern = self.pattern(index, group)
        return (
            [] if pattern is None else list(pattern.finditer(self.text if text is None else text))
        )

    def search(
        self, index: Index, group: str | int, text: str, pos: int = 0
    ) -> re.Match[str] | None:
        """The group's first match in ``text`` from ``pos``."""
        pattern = self.pattern(index, group)
        return None if pattern is None else pattern.search(text, pos)

    def ends_with(self, index: Index, group: str, end: int) -> bool:
        """Whether one of the group's cues ends the text before ``end``."""
        pattern = self.pattern(index, group)
        return pattern is not None and pattern.search(self.text[:end]) is not None
