"""Affix words ("official", "support", a country code) and peeling them off a handle.

An imitation bolts words onto the brand's name; peeling them from either end of a
handle's skeleton leaves the name to compare. The table of affix words comes from
the data file, and holds the one-letter slips of long claiming words ("suport",
"offical") without listing them until a large plan makes listing cheaper.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from functools import cache

from rapidfuzz.distance import OSA

from smplan_lint.records import NamedTuple

from ..confusables import SEP, settings, skeleton
from .memory import CACHE_SIZE

SLIP_MIN = 6  # claiming words this long also match with a one-letter slip ("suport")
LETTERS = frozenset("abcdefghjklmnopqrstuvwxyz")  # skeleton letters: i folds to l, digits too
LIST_SLIPS_AFTER = 20_000  # new words looked up (some 3,000 profiles) before slips are listed


class Affix(NamedTuple):
    """A word bolted onto a name, and what kind of claim it makes."""

    word: str  # as written in the data file
    means: str  # the word it imitates (same as word unless misspelt)
    kind: str  # strong | weak | country | number | brand
    skel: str
    heads: tuple[str, ...] = ()  # compound words that start with it ("freestyle")
    tails: tuple[str, ...] = ()  # compound words that end with it ("healthcare")

    @property
    def claims(self) -> bool:
        """A claiming or luring word, or a word of the brand's own name ("orthodontics")."""
        return self.kind in ("strong", "brand")


class Peeled(NamedTuple):
    """An affix taken off a handle."""

    affix: Affix
    glued: bool  # no separator between it and the name


Peeling = tuple[str, tuple[Peeled, ...], int]
"""What is left of a marked skeleton, the affixes taken off, where it starts."""


def one_edit(word: str) -> set[str]:
    """Every skeleton one deletion, insertion, substitution or swap away from ``word``."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    out |= {a + c + b[1:] for a, b in splits if b for c in LETTERS}
    out |= {a + c + b for a, b in splits for c in LETTERS}
    out.discard(word)
    return out


class Affixes(dict[str, "Affix | None"]):
    """Affix words by skeleton (``table[skel]``, None for no affix), and which lengths can
    start or end with a letter pair.

    The pairs let peeling a handle try only the affix lengths that can match. Any
    one-letter slip of a long claiming word ("suport", "offical") is an affix too. There
    are some 16,000 of them, so they are recognised when first looked up rather than
    listed: a slip of a word of SLIP_MIN or more letters keeps the word's first two or
    last two letters, which leaves a few words it can be a slip of, and OSA distance
    confirms it. Every answer is remembered (up to CACHE_SIZE), so that peeling, which
    looks up some 45 prefixes and suffixes of each handle, stays a plain dict lookup.
    A large plan looks up some six new words a profile; after LIST_SLIPS_AFTER of them
    the slips are listed after all (some 10 ms), and a new word is then known to be no
    affix without a check.
    """

    def __init__(
        self,
        words: dict[str, Affix],
        slips: list[tuple[str, str]],
        front: dict[str, tuple[int, ...]],
        back: dict[str, tuple[int, ...]],
    ) -> None:
        super().__init__(words)
        self.words = words  # the listed ones
        self._slips = slips  # (skeleton, word), in the data file's order: the first wins
        self._by_ends: dict[tuple[str, int], list[int]] = {}  # (pair, length) -> slips
        for number, (slip, _) in enumerate(slips):
            for size in range(len(slip) - 1, len(slip) + 2):
                for pair in ("^" + slip[:2], slip[-2:] + "$"):
                    self._by_ends.setdefault((pair, size), []).append(number)
        self._known = dict(words)  # what a full memory is cut back to
        self._limit = len(words) + CACHE_SIZE
        self._new = 0  # words looked up and checked for a slip
        self.front, self.back = front, back

    def __missing__(self, skel: str) -> Affix | None:
        """A slip of a slip word, or None; remembered. Most words looked up are new and
        no slip: this is the per-profile cost of not listing the slips."""
        affix = None
        if self._new < LIST_SLIPS_AFTER and len(skel) >= SLIP_MIN - 1:
            self._new += 1
            size = len(skel)
            by_ends = self._by_ends
            near = (by_ends.get(("^" + skel[:2], size), [])
                    + by_ends.get((skel[-2:] + "$", size), []))
            for number in sorted(near):
                slip, word = self._slips[number]
                if OSA.distance(skel, slip, score_cutoff=1) == 1 and LETTERS.issuperset(skel):
                    affix = Affix(skel, word, "strong", skel)
                    break
            if self._new == LIST_SLIPS_AFTER:
                self.list_slips()
        if len(self) >= self._limit:
            self.clear()
            self.update(self._known)
        self[skel] = affix
        return affix

    def list_slips(self) -> None:
        """Hold every slip as a key, so that a word not held is no affix."""
        for slip, word in self._slips:
            for variant in one_edit(slip):
                self._known.setdefault(variant, Affix(variant, word, "strong", variant))
        self.update(self._known)
        self._limit = len(self._known) + CACHE_SIZE
        self._new = LIST_SLIPS_AFTER

    def get(self, skel: str, default: None = None) -> Affix | None:  # type: ignore[override]
        return self[skel]

    def __contains__(self, skel: object) -> bool:
        return self[skel] is not None  # type: ignore[index]

    def with_brand(self, words: Mapping[str, str]) -> Affixes:
        """This table plus the brand's own words (skeleton -> word as written)."""
        table = dict(self.words)
        back = dict(self.back)
        for skel, word in words.items():
            table[skel] = Affix(word, word, "brand", skel)
            back[skel[-2:]] = tuple(sorted({*back.get(skel[-2:], ()), len(skel)}, reverse=True))
        return Affixes(table, self._slips, self.front, back)

    def peel(self, marked: str) -> list[Peeling]:
        """Every way of taking up to three affix words off the ends of a marked skeleton."""
        front_lens, back_lens = self.front, self.back
        out: list[Peeling] = [(marked, (), 0)]
        frontier = out[:]
        for _ in range(3):
            grown: list[Peeling] = []
            for text, peeled, start in frontier:
                size = len(text)
                for n in front_lens.get(text[:2], ()):
                    if n + 2 > size:
                        continue
                    affix = self[text[:n]]
                    # A leading country code only counts when separated ("uk_acme").
                    if affix and affix.kind != "brand" and (
                        affix.kind != "country" or text[n] == SEP
                    ) and not text.startswith(affix.heads) and _one_country(affix, peeled):
                        rest = text[n:]
                        front = Peeled(affix, rest[0] != SEP)
                        core = rest.lstrip(SEP)
                        grown.append((core, (front,) + peeled, start + len(text) - len(core)))
                for n in back_lens.get(text[-2:], ()):
                    if n + 2 > size:
                        continue
                    affix = self[text[-n:]]
                    if affix and not text.endswith(affix.tails) and _one_country(
                        affix, peeled
                    ):
                        rest = text[:-n]
                        back = Peeled(affix, rest[-1] != SEP)
                        grown.append((rest.rstrip(SEP), peeled + (back,), start))
            if not grown:
                break
            out += grown
            frontier = grown
        return out



def _one_country(affix: Affix, peeled: tuple[Peeled, ...]) -> bool:
    """A handle names one region at most: "status" is no "st" + "at" + "us"."""
    return affix.kind != "country" or all(p.affix.kind != "country" for p in peeled)


def _lengths(keys: Iterable[str], slips: list[str]) -> dict[str, tuple[int, ...]]:
    """Affix lengths by the letter pair they start with, longest first: of the listed
    words, and of every one-letter slip of the slip words, worked out without listing
    the slips (an edit at the third letter or later keeps the first two). Built on
    every start, so the loops stay inline."""
    found: dict[str, set[int]] = defaultdict(set)
    for key in keys:
        found[key[:2]].add(len(key))
    for word in slips:
        size = len(word)
        a, b, c = word[0], word[1], word[2]
        found[a + b].update((size - 1, size, size + 1))  # any edit from the third letter on
        found[b + c].add(size - 1)  # first letter deleted
        found[a + c].update((size - 1, size))  # second deleted, or second and third swapped
        found[b + a].add(size)  # first two swapped
        for x in LETTERS:
            found[x + b].add(size)  # first letter changed
            found[a + x].update((size, size + 1))  # second changed, or one inserted after the first
            found[x + a].add(size + 1)  # a letter inserted before the first
    return {pair: tuple(sorted(sizes, reverse=True)) for pair, sizes in found.items()}


@cache
def countries_as_written() -> dict[str, Affix]:
    """Country words and ISO codes by their spelling: a separated one ends a handle as
    written, before folding changes it ("cl" and "ci" both read as "d")."""
    cfg = settings()
    words = cfg["countries"] + cfg["country_codes"]
    return {word: Affix(word, word, "country", skeleton(word)) for word in words}


@cache
def affix_table() -> Affixes:
    """The data file's affix words. Built once per process: they do not depend on the brand."""
    cfg = settings()
    table: dict[str, Affix] = {}
    groups = cfg["affixes"]
    for kind, words in (("country", cfg["countries"]), ("weak", groups["weak"]),
                        ("strong", groups["strong"])):
        for word in words:
            skel = skeleton(word)
            table[skel] = Affix(word, word, kind, skel)
    for means, words in groups["misspellings"].items():
        for word in words:
            skel = skeleton(word)
            table.setdefault(skel, Affix(word, means, "strong", skel))
    slips = [(skel, word) for word in groups["slips"] if len(skel := skeleton(word)) >= SLIP_MIN]
    # Compound words that start or end with an affix ("freestyle", "healthcare"), slips
    # included ("dservlce" ends "foodservice").
    listed = Affixes(table, slips, {}, {})
    starts: dict[str, list[str]] = {}
    ends: dict[str, list[str]] = {}
    for compound in map(skeleton, cfg["compounds"]):
        for i in range(1, len(compound)):
            for found, part in ((starts, compound[:i]), (ends, compound[i:])):
                if part in listed and compound not in found.get(part, ()):
                    found.setdefault(part, []).append(compound)
    for skel in starts.keys() | ends.keys():
        table[skel] = listed[skel]._replace(heads=tuple(starts.get(skel, ())),  # type: ignore[union-attr]
                                            tails=tuple(ends.get(skel, ())))
    front = _lengths(table, [slip for slip, _ in slips])
    back = _lengths([key[::-1] for key in table], [slip[::-1] for slip, _ in slips])
    return Affixes(table, slips, front, {pair[::-1]: sizes for pair, sizes in back.items()})

