"""Judge whether a discovered profile imitates the brand (the impersonation check).

Handles are folded to confusable skeletons (see :mod:`.confusables`), affix words
such as "official" or a country code are peeled from either end, and what remains
is compared with the skeletons of the brand's own handles and brand terms using
Damerau-Levenshtein (OSA) distance from rapidfuzz, with a tolerance that grows
with the length of the name: short names collide with ordinary words ("acme" vs
"acne"), so they must match exactly once look-alikes are folded.

Two further readings use the profile's context. An *extension* is a long name
written exactly and followed by one or two other words ("velobikes_lyon"): flagged
when a word claims or lures, or the display name or bio names the brand; a separated
word on a profile that says nothing else is a warning. An *established* account (old,
with a display name that names another entity, "Kodo Drummers") is not flagged on a
name match alone, nor is an old account whose display name puts the brand's name in
another business's name ("Northwind Sailing School"). Brand terms with "&" are also
matched spelt "and", "n" or without. Words of the organisation's full name (the
``organisation`` argument) end a brand handle like a claiming word ("bluefern" +
"orthodontics"). A display name or bio declaring a fan, parody or student account
clears a profile (a warning at most when its handle claims) unless it has a deceptive
homoglyph. A glued country code is never cut from a word after the name ("memes").

Cost stays near-linear, also with thousands of own handles that share the brand's
prefix: ``__init__`` keeps one target per skeleton and network (regional handles that
peel to the same name collapse), indexes every skeleton under its one-deletion
variants (exact for one edit), and buckets long names by length under their first and
last ANCHOR letters and their middle for two-edit matches, which are looked for only
when no closer reading passes (:meth:`ImpersonationIndex._far`, large buckets scored
in C by rapidfuzz). Verdicts on a (network, handle) and readings of a display name or
bio are cached. Evidence is worked out only for the few profiles that have a candidate.
"""

from __future__ import annotations

import datetime
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import Any, NamedTuple

from rapidfuzz import process
from rapidfuzz.distance import OSA, LCSseq, Levenshtein

from .confusables import SEP, Unit, plain, settings, skeleton, units

ANCHOR = 4  # length of the prefix/suffix anchors that find 2-edit matches of long names
MIDDLE = 5  # letters cut from each end of a long name for its middle (see _far)
SLIP_MIN = 6  # claiming words this long also match with a one-letter slip ("suport")
LETTERS = frozenset("abcdefghjklmnopqrstuvwxyz")  # skeleton letters: i folds to l, digits too
CACHE_SIZE = 50_000  # handle readings and texts remembered per index
LIST_SLIPS_AFTER = 20_000  # new words looked up (some 3,000 profiles) before slips are listed


class Verdict(NamedTuple):
    """Why a discovered profile looks like an imitation of the brand."""

    severity: str  # "error" or "warning"
    target: str  # the imitated own handle or brand term
    target_network: str | None  # None when a brand term was imitated
    evidence: str
    confidence: float  # 0..1
    kinds: tuple[str, ...]


class _Affix(NamedTuple):
    word: str  # as written in the data file
    means: str  # the word it imitates (same as word unless misspelt)
    kind: str  # strong | weak | country | number
    skel: str
    heads: tuple[str, ...] = ()  # compound words that start with it ("freestyle")
    tails: tuple[str, ...] = ()  # compound words that end with it ("healthcare")

    @property
    def claims(self) -> bool:
        """A claiming or luring word, or a word of the brand's own name ("orthodontics")."""
        return self.kind in ("strong", "brand")


class _Peeled(NamedTuple):
    affix: _Affix
    glued: bool  # no separator between it and the name


@dataclass(frozen=True)
class _Target:
    skel: str
    raw: str  # handle or term as the plan writes it (case-folded, no '@')
    network: str | None
    label: str  # "@acmecoffee on instagram", "brand term 'acme'"
    rank: int  # lower wins when several targets share a skeleton
    offset: int = 0  # where skel starts in raw's skeleton (a name inside an affixed handle)
    report: str = ""  # what the verdict names when not raw (a brand term's own spelling)

    @cached_property
    def units(self) -> list[Unit]:
        return units(self.raw)[0][self.offset : self.offset + len(self.skel)]


@dataclass
class _Match:
    target: _Target
    distance: int
    confidence: float
    kinds: list[str] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)
    deceptive: bool = False  # a homoglyph beyond plain lowercase i/l
    extension: bool = False  # the exact name with another word after it
    glued: bool = False  # that word follows with no separator
    claims: bool = False  # a claiming or luring word (strong affix) is part of the handle


class _Rule(NamedTuple):
    max_edits: int
    max_bare: int  # edits allowed with no other signal
    bare: frozenset[str] | None  # edit kinds allowed with no other signal; None = any
    signalled: frozenset[str] | None  # allowed alongside a homoglyph or affix
    bare_span: int | None = None  # several bare edits must fall within this many letters
    bare_from: int = 1  # ... and leave this many leading letters untouched


def _kinds(value: object) -> frozenset[str] | None:
    return None if value is None else frozenset(str(v) for v in value)  # type: ignore[union-attr]


def _one_edit(word: str) -> set[str]:
    """Every skeleton one deletion, insertion, substitution or swap away from ``word``."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    out |= {a + c + b[1:] for a, b in splits if b for c in LETTERS}
    out |= {a + c + b for a, b in splits for c in LETTERS}
    out.discard(word)
    return out


def _align(a: str, b: str) -> list[tuple[str, int, int]]:
    """Cheapest OSA edit script from handle ``a`` to target ``b``, for the evidence.

    Ops are match, sub, add (a letter only in ``a``), miss (only in ``b``) and swap.
    rapidfuzz's Levenshtein opcodes serve when no swap is involved; its OSA has no
    edit script, so swaps get this small backtrace.
    """
    if OSA.distance(a, b) == Levenshtein.distance(a, b):
        ops: list[tuple[str, int, int]] = []
        for tag, i1, i2, j1, j2 in Levenshtein.opcodes(a, b):
            if tag in ("equal", "replace"):
                name = "match" if tag == "equal" else "sub"
                ops += [(name, i1 + k, j1 + k) for k in range(i2 - i1)]
            elif tag == "delete":
                ops += [("add", i, j1) for i in range(i1, i2)]
            else:
                ops += [("miss", i1, j) for j in range(j1, j2)]
        return ops
    n, m = len(a), len(b)
    dist = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n + 1):
        dist[i][0] = i
    for j in range(m + 1):
        dist[0][j] = j
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            best = min(
                dist[i - 1][j] + 1,
                dist[i][j - 1] + 1,
                dist[i - 1][j - 1] + (a[i - 1] != b[j - 1]),
            )
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                best = min(best, dist[i - 2][j - 2] + 1)
            dist[i][j] = best
    ops = []
    i, j = n, m
    while i or j:
        if i and j and a[i - 1] == b[j - 1] and dist[i][j] == dist[i - 1][j - 1]:
            ops.append(("match", i - 1, j - 1))
            i, j = i - 1, j - 1
        elif (
            i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]
            and dist[i][j] == dist[i - 2][j - 2] + 1
        ):
            ops.append(("swap", i - 2, j - 2))
            i, j = i - 2, j - 2
        elif i and j and dist[i][j] == dist[i - 1][j - 1] + 1:
            ops.append(("sub", i - 1, j - 1))
            i, j = i - 1, j - 1
        elif i and dist[i][j] == dist[i - 1][j] + 1:
            ops.append(("add", i - 1, j))
            i -= 1
        else:
            ops.append(("miss", i, j - 1))
            j -= 1
    ops.reverse()
    return ops


def _show(char: str) -> str:
    """A character for the evidence text, naming its script when it is not Latin."""
    if char.isascii() or not char:
        return char
    script = unicodedata.name(char[0], "").split(" ")[0].title()
    return char if script in ("Latin", "") else f"{script} {char}"


def _and(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def _date(value: str | datetime.date | None) -> datetime.date | None:
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _spellings(term: str, amp: frozenset[str]) -> list[str]:
    """A brand term as written, plus its other spellings of "and" ("&", "n", none)."""
    words = term.replace("&", " & ").replace("+", " + ").split()
    if len(words) < 3 or not any(w in amp for w in words[1:-1]):
        return [term]
    out = [term]
    for joiner in ("and", "n", ""):
        spelt = " ".join(w for w in (joiner if w in amp else w for w in words) if w)
        if spelt not in out:
            out.append(spelt)
    return out


class _Affixes(dict[str, "_Affix | None"]):
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
        words: dict[str, _Affix],
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

    def __missing__(self, skel: str) -> _Affix | None:
        """A slip of a slip word, or None; remembered. Most words looked up are new and
        no slip: this is the per-profile cost of not listing the slips."""
        affix = None
        if self._new < LIST_SLIPS_AFTER:
            self._new += 1
            size = len(skel)
            by_ends = self._by_ends
            near = (by_ends.get(("^" + skel[:2], size), [])
                    + by_ends.get((skel[-2:] + "$", size), []))
            for number in sorted(near):
                slip, word = self._slips[number]
                if OSA.distance(skel, slip, score_cutoff=1) == 1 and LETTERS.issuperset(skel):
                    affix = _Affix(skel, word, "strong", skel)
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
            for variant in _one_edit(slip):
                self._known.setdefault(variant, _Affix(variant, word, "strong", variant))
        self.update(self._known)
        self._limit = len(self._known) + CACHE_SIZE
        self._new = LIST_SLIPS_AFTER

    def get(self, skel: str, default: None = None) -> _Affix | None:  # type: ignore[override]
        return self[skel]

    def __contains__(self, skel: object) -> bool:
        return self[skel] is not None  # type: ignore[index]

    def with_brand(self, words: Mapping[str, str]) -> _Affixes:
        """This table plus the brand's own words (skeleton -> word as written)."""
        table = dict(self.words)
        back = dict(self.back)
        for skel, word in words.items():
            table[skel] = _Affix(word, word, "brand", skel)
            back[skel[-2:]] = tuple(sorted({*back.get(skel[-2:], ()), len(skel)}, reverse=True))
        return _Affixes(table, self._slips, self.front, back)


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
        a, b, c = word[:3]
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
def _affix_table() -> _Affixes:
    """The data file's affix words. Built once per process: they do not depend on the brand."""
    cfg = settings()
    table: dict[str, _Affix] = {}
    groups = cfg["affixes"]
    for kind, words in (("country", cfg["countries"]), ("weak", groups["weak"]),
                        ("strong", groups["strong"])):
        for word in words:
            skel = skeleton(word)
            table[skel] = _Affix(word, word, kind, skel)
    for means, words in groups["misspellings"].items():
        for word in words:
            skel = skeleton(word)
            table.setdefault(skel, _Affix(word, means, "strong", skel))
    slips = [(skel, word) for word in groups["slips"] if len(skel := skeleton(word)) >= SLIP_MIN]
    # Compound words that start or end with an affix ("freestyle", "healthcare"), slips
    # included ("dservlce" ends "foodservice").
    listed = _Affixes(table, slips, {}, {})
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
    return _Affixes(table, slips, front, {pair[::-1]: sizes for pair, sizes in back.items()})


def _words(text: str) -> list[str]:
    """The skeleton words of a free text (display name, bio, organisation name)."""
    cleaned = "".join(c if c.isalnum() else " " for c in text)
    return [w for w in skeleton(cleaned, keep_separators=True).split(SEP) if w]


def _says(text: str | None, phrases: frozenset[tuple[str, ...]]) -> bool:
    """Whether a free text holds one of the phrases, word for word."""
    if not text:
        return False
    words = tuple(_words(text))
    for phrase in phrases:
        size = len(phrase)
        if any(words[i : i + size] == phrase for i in range(len(words) - size + 1)):
            return True
    return False


def _phrases(items: Iterable[str]) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(_words(str(item))) for item in items if _words(str(item)))


class ImpersonationIndex:
    """The brand's names, indexed so each discovered profile is judged in microseconds.

    ``organisation`` is the organisation's full name ("Blue Fern Dental &
    Orthodontics"): its words that are not brand terms complete a brand handle.
    """

    def __init__(
        self,
        own: Iterable[tuple[str, str]],
        brand_terms: Iterable[str],
        affiliates: Iterable[tuple[str, str]] = (),
        official_followers: Mapping[str, int] | None = None,
        today: datetime.date | None = None,
        organisation: str | None = None,
    ) -> None:
        cfg = settings()
        self._today = today or datetime.date.today()
        self._context = cfg["context"]
        self._short = int(cfg["short_target_len"])
        self._glued_max = int(cfg["glued_affix_needs_separator_max_len"])
        self._rules = sorted(
            (
                int(r["min_len"]),
                _Rule(
                    int(r["max_edits"]),
                    int(r.get("max_bare", r["max_edits"])),
                    _kinds(r.get("bare")),
                    _kinds(r.get("signalled")),
                    int(r["bare_span"]) if "bare_span" in r else None,
                    int(r.get("bare_from", 1)),
                ),
            )
            for r in cfg["thresholds"]
        )
        self._affixes = _affix_table()
        ext = cfg["extension"]
        self._ext_min = int(ext["min_len"])
        self._ext_words = int(ext["max_words"])
        self._ext_word_len = int(ext["min_word_len"])
        self._unofficial = frozenset(skeleton(w) for w in cfg["unofficial_words"])
        self._disclaimers = _phrases(cfg["disclaimers"])
        self._display_disclaimers = self._disclaimers | _phrases(cfg["display_disclaimers"])
        self._legal = frozenset(skeleton(w) for w in cfg["legal_forms"])
        brand_terms = list(brand_terms)
        own_words = self._brand_words(cfg["brand_words"], organisation, brand_terms)
        if own_words:
            # Words of the brand's own name end a handle like a claiming word: this
            # index's own affix table (the shared one holds only the data file's words).
            self._affixes = self._affixes.with_brand(own_words)
        self._front_lens, self._back_lens = self._affixes.front, self._affixes.back
        self._term_skels = [skeleton(t) for t in brand_terms]

        self._own: dict[str, set[str]] = {}
        self._affiliates: dict[str, set[str]] = {}
        self._affiliate_any: set[str] = set()
        for network, handle in affiliates:
            self._affiliates.setdefault(network.casefold(), set()).add(plain(handle))
            self._affiliate_any.add(plain(handle))
        self._followers = {k.casefold(): v for k, v in (official_followers or {}).items()}

        targets: list[_Target] = []
        for network, handle in own:
            net, raw = network.casefold(), plain(handle)
            self._own.setdefault(net, set()).add(raw)
            targets.append(_Target(skeleton(raw), raw, net, f"@{raw} on {net}", 0))
            # The name inside an affixed own handle ("acme_support" -> "acme") is a target
            # too, when the affix is unmistakable (separated, or a long word).
            marked = skeleton(raw, keep_separators=True)
            for core, peeled, start in self._peel(marked):
                name = core.replace(SEP, "")
                if peeled and len(name) >= 3 and all(
                    (not p.glued or len(p.affix.skel) >= 4) and p.affix.kind != "brand"
                    for p in peeled
                ):
                    offset = len(marked[:start].replace(SEP, ""))
                    label = f"the name '{name}' of @{raw} on {net}"
                    targets.append(_Target(name, raw, net, label, 2, offset))
        amp = frozenset(str(w) for w in cfg["ampersand_words"])
        for term in brand_terms:
            raw = plain(term)
            for spelt in _spellings(raw, amp):
                targets.append(_Target(skeleton(spelt), spelt, None, f"brand term '{raw}'", 1,
                                       report=raw))

        by_skel: dict[str, list[_Target]] = {}
        for target in targets:
            if target.skel:
                by_skel.setdefault(target.skel, []).append(target)
        # Only the first target of a skeleton, and the first on each network, can ever be
        # cited (see _pick_target): thousands of regional handles that peel to the brand's
        # name ("acme_berlin", "acme_paris") leave one target per network, not thousands.
        self._by_skel: dict[str, list[_Target]] = {}
        for skel, group in by_skel.items():
            group.sort(key=lambda t: t.rank)
            kept, nets = [group[0]], {group[0].network}
            for target in group[1:]:
                if target.network not in nets:
                    nets.add(target.network)
                    kept.append(target)
            self._by_skel[skel] = kept
        self._picked: dict[tuple[str, str], _Target] = {}

        # Candidate indexes (see _near and _far). Every skeleton is indexed once, under
        # itself and its one-deletion variants: an exact index of everything within one
        # edit. Names long enough for two edits are also bucketed by length under their
        # first and last ANCHOR letters and under their middle, which find the two-edit
        # matches without a two-deletion neighbourhood (a hundred keys per long name).
        self._edits: dict[str, int] = {}
        self._deletes: dict[str, list[str]] = {}
        self._anchors: dict[tuple[str, int], list[str]] = {}
        self._middles: dict[tuple[str, int], list[str]] = {}
        for skel in self._by_skel:
            depth = self._rule(len(skel)).max_edits
            if depth > 2:
                raise ValueError("impersonation thresholds: max_edits above 2 is not supported")
            self._edits[skel] = depth
            for variant in {skel} | {skel[:i] + skel[i + 1 :] for i in range(len(skel))}:
                self._deletes.setdefault(variant, []).append(skel)
            if depth == 2:
                size = len(skel)
                for anchor in (skel[:ANCHOR] + "^", "$" + skel[-ANCHOR:]):
                    self._anchors.setdefault((anchor, size), []).append(skel)
                self._middles.setdefault((skel[MIDDLE : size - MIDDLE], size), []).append(skel)
        self._two_edits = bool(self._middles)
        self._anchor_words = frozenset(anchor for anchor, _ in self._anchors)
        self._middle_lengths = frozenset(size for _, size in self._middles)
        lengths = [len(s) for s in self._by_skel] or [0]
        self._min_len, self._max_len = min(lengths) - 2, max(lengths) + 2
        # Long names and their first letters, to find "name + another word" (extensions).
        self._ext_names = frozenset(s for s in self._by_skel if len(s) >= self._ext_min)
        self._ext_keys = frozenset(s[: self._ext_min] for s in self._ext_names)
        # Verdicts repeat: audits list the same handle on several networks, and the same
        # display names and bios. Bounded caches of the context-free parts.
        self._match_cache: dict[tuple[str, str], _Match | None] = {}
        self._text_cache: dict[tuple[str, str], object] = {}

    def _brand_words(
        self, cfg: Mapping[str, object], organisation: str | None, brand_terms: list[str],
    ) -> dict[str, str]:
        """Words of the organisation's name that may complete a brand handle, by skeleton."""
        stop = {skeleton(str(w)) for w in cfg.get("stopwords", ())}  # type: ignore[attr-defined]
        min_len = int(cfg.get("min_len", 4))  # type: ignore[arg-type]
        terms = {skeleton(t) for t in brand_terms}
        found: dict[str, str] = {}
        for written in "".join(c if c.isalnum() else " " for c in organisation or "").split():
            word = skeleton(written)
            if (
                len(word) >= min_len and word not in stop and word not in terms
                and word not in self._unofficial and word not in self._affixes
            ):
                found.setdefault(word, written.casefold())
        return found

    def _rule(self, length: int) -> _Rule:
        chosen = self._rules[0][1]
        for min_len, rule in self._rules:
            if length >= min_len:
                chosen = rule
        return chosen

    def _peel(self, marked: str) -> list[tuple[str, tuple[_Peeled, ...], int]]:
        """Every way of taking up to three affix words off the ends of a marked skeleton.

        Yields (what is left, the affixes, where it starts in ``marked``).
        """
        affixes, front_lens, back_lens = self._affixes, self._front_lens, self._back_lens
        out: list[tuple[str, tuple[_Peeled, ...], int]] = [(marked, (), 0)]
        frontier = out[:]
        for _ in range(3):
            grown: list[tuple[str, tuple[_Peeled, ...], int]] = []
            for text, peeled, start in frontier:
                size = len(text)
                for n in front_lens.get(text[:2], ()):
                    if n + 2 > size:
                        continue
                    affix = affixes[text[:n]]
                    # A leading country code only counts when separated ("uk_acme").
                    if affix and affix.kind != "brand" and (
                        affix.kind != "country" or text[n] == SEP
                    ) and not text.startswith(affix.heads):
                        rest = text[n:]
                        front = _Peeled(affix, rest[0] != SEP)
                        core = rest.lstrip(SEP)
                        grown.append((core, (front,) + peeled, start + len(text) - len(core)))
                for n in back_lens.get(text[-2:], ()):
                    if n + 2 > size:
                        continue
                    affix = affixes[text[-n:]]
                    if affix and not text.endswith(affix.tails):
                        rest = text[:-n]
                        back = _Peeled(affix, rest[-1] != SEP)
                        grown.append((rest.rstrip(SEP), peeled + (back,), start))
            if not grown:
                break
            out += grown
            frontier = grown
        return out

    def _near(self, core: str) -> set[str]:
        """Every target within one edit of ``core``, and some long ones two edits away.

        Both sides deleting at most one letter (symmetric delete) meet for any
        substitution, insertion, deletion or swap. A long target also meets a core it
        shares all but one letter with after each deletes one, two edits apart.
        """
        found: set[str] = set()
        if not self._min_len <= len(core) <= self._max_len:
            return found
        get = self._deletes.get
        for hit in map(get, [core] + [core[:i] + core[i + 1 :] for i in range(len(core))]):
            if hit:
                found.update(hit)
        return found

    def _far(self, core: str, near: set[str]) -> list[tuple[int, str]]:
        """The long targets exactly two edits from ``core`` that _near missed.

        A two-edit name counts when it shares the first or last ANCHOR letters with a
        core of 8 or more letters, or when the core keeps all its letters but one and the
        target all but two (their longest common subsequence): the readings the first
        version of this check found with prefix/suffix anchors and a two-deletion
        neighbourhood of every long name. The second kind not sharing an anchor has an
        edit among the first and the last ANCHOR letters, so its middle survives
        (``skel[MIDDLE:-MIDDLE]``, at most one letter earlier in the core).
        """
        size = len(core)
        if not self._two_edits or not self._min_len <= size <= self._max_len:
            return []
        buckets = []
        if size >= 8:
            for anchor in (core[:ANCHOR] + "^", "$" + core[-ANCHOR:]):
                if anchor not in self._anchor_words:
                    continue
                for length in range(size - 2, size + 3):
                    hit = self._anchors.get((anchor, length))
                    if hit:
                        buckets.append(hit)
        for length in (size + 1, size + 2):
            if length not in self._middle_lengths:
                continue
            for start in (MIDDLE - 1, MIDDLE):
                hit = self._middles.get((core[start : start + length - 2 * MIDDLE], length))
                if hit:
                    buckets.append(hit)
        out: list[tuple[int, str]] = []
        seen: set[str] = set()
        for bucket in buckets:
            if len(bucket) > 24:  # rapidfuzz scores a long list in C
                close = [skel for skel, _, _ in
                         process.extract(core, bucket, scorer=OSA.distance, score_cutoff=2,
                                         limit=None)]
            else:
                close = [skel for skel in bucket if OSA.distance(core, skel, score_cutoff=2) <= 2]
            for skel in close:
                if skel in near or skel in seen:
                    continue
                seen.add(skel)
                anchored = size >= 8 and (
                    skel[:ANCHOR] == core[:ANCHOR] or skel[-ANCHOR:] == core[-ANCHOR:]
                )
                if anchored or LCSseq.similarity(core, skel) >= max(size - 1, len(skel) - 2):
                    out.append((OSA.distance(core, skel), skel))
        return out

    def assess(
        self,
        network: str,
        handle: str,
        display_name: str | None = None,
        bio: str | None = None,
        followers: int | None = None,
        created: str | None = None,
        verified: bool | None = None,
    ) -> Verdict | None:
        """The verdict on one discovered profile, or None when it imitates nothing."""
        net, raw = network.casefold(), plain(handle)
        if raw in self._own.get(net, ()) or raw in self._affiliates.get(net, ()):
            return None
        best = self._best_handle_match(net, raw)
        display_only = best is None
        if best is None:
            best = self._display_match(display_name)
            if best is None:
                return None
        return self._judge(best, net, raw, display_only, display_name, bio, followers,
                           created, verified)

    def assess_all(self, profiles: Sequence[tuple[Any, ...]]) -> list[Verdict | None]:
        """`assess(*profile)` for each profile; large plans judge theirs on every CPU
        (see parallel.py)."""
        from smplan_lint.derive.parallel import map_items

        return map_items(lambda profile: self.assess(*profile), profiles)

    def _variants(self, raw: str) -> list[tuple[str, str, tuple[_Peeled, ...]]]:
        """(handle text, marked skeleton, affixes) ways to read the handle."""
        variants = [(raw, skeleton(raw, keep_separators=True), ())]
        if raw[-1:].isdigit():
            stem = raw.rstrip("0123456789")
            digits = raw[len(stem) :]
            number = _Affix(digits, digits, "number", "")
            marked = skeleton(stem, keep_separators=True)
            if len(marked) >= 2:
                glued = stem[-1:].isalnum()
                variants.append((stem, marked, (_Peeled(number, glued),)))
        return variants

    def _best_handle_match(self, net: str, raw: str) -> _Match | None:
        key = (net, raw)
        cache = self._match_cache
        if key in cache:
            return cache[key]
        if len(cache) >= CACHE_SIZE:
            cache.clear()
        match = cache[key] = self._find_handle_match(net, raw)
        return match

    def _find_handle_match(self, net: str, raw: str) -> _Match | None:
        """The simplest reading (fewest edits, then fewest affixes) that passes the rules.

        Readings within one edit of a target are judged first; only when none passes are
        the two-edit matches of long names looked for (_far), as they could not come first.
        """
        readings = []
        extended = []  # readings that start with a long name: maybe "name + word"
        ext_keys, ext_min = self._ext_keys, self._ext_min
        for text, marked, extra in self._variants(raw):
            for core_marked, peeled, start in self._peel(marked):
                core = core_marked.replace(SEP, "")
                affixes = peeled + extra
                if ext_keys and len(core) > ext_min and core[:ext_min] in ext_keys:
                    extended.append((text, marked, start, core_marked, affixes))
                readings.append((text, marked, core_marked, affixes, start, core))
        # Exact readings first: they come before any edit, and are the common imitation.
        found = [(0, len(affixes), order, core)
                 for order, (_, _, _, affixes, _, core) in enumerate(readings)
                 if core in self._by_skel]
        read: dict[str, tuple[list[Unit], list[str]]] = {}  # units of each text, once
        match = self._first_passing(net, raw, readings, sorted(found), read)
        if match:
            return match
        found = []
        nears = []
        for order, (_, _, _, affixes, _, core) in enumerate(readings):
            near = self._near(core)
            nears.append(near)
            for skel in near:
                edits = self._edits[skel]
                distance = OSA.distance(core, skel, score_cutoff=edits)
                if 0 < distance <= edits:
                    found.append((distance, len(affixes), order, skel))
        found.sort()
        match = self._first_passing(net, raw, readings, [f for f in found if f[0] <= 1], read)
        if match:
            return match
        if self._two_edits:
            found = [f for f in found if f[0] > 1]
            for order, (_, _, _, affixes, _, core) in enumerate(readings):
                for distance, skel in self._far(core, nears[order]):
                    found.append((distance, len(affixes), order, skel))
            found.sort()
            match = self._first_passing(net, raw, readings, found, read)
            if match:
                return match
        if extended and raw not in self._affiliate_any:
            return self._extension(net, extended)
        return None

    def _first_passing(
        self, net: str, raw: str, readings: list, found: list[tuple[int, int, int, str]],
        read: dict[str, tuple[list[Unit], list[str]]],
    ) -> _Match | None:
        """Judge candidates (sorted: fewest edits, fewest affixes, reading order) in turn.

        Within a tie, which the first version of this check left to set order, a target
        on the profile's own network comes first, then the lower rank, then the skeleton.
        """
        start = 0
        while start < len(found):
            end = start + 1
            while end < len(found) and found[end][:3] == found[start][:3]:
                end += 1
            tied = [f[3] for f in found[start:end]]
            if len(tied) > 1:
                def tie(skel: str) -> tuple[bool, int, str]:
                    target = self._pick_target(skel, net)
                    return target.network != net, target.rank, skel
                tied.sort(key=tie)
            order = found[start][2]
            text, marked, core_marked, affixes, at, _ = readings[order]
            if text not in read:
                read[text] = units(text)
            handle_units, separators = read[text]
            offset = len(marked[:at].replace(SEP, ""))
            for skel in tied:
                match = self._evaluate(net, raw, handle_units[offset:], separators, core_marked,
                                       affixes, skel, self._rule(len(skel)))
                if match:
                    return match
            start = end
        return None

    def _extension(
        self, net: str, readings: list[tuple[str, str, int, str, tuple[_Peeled, ...]]],
    ) -> _Match | None:
        """The exact long name of a target with one or two other words after it."""
        names = self._ext_names
        for text, marked, start, core_marked, affixes in readings:
            # A glued country code or short word would cut the extension word in two
            # ("staldric_memes" is not "mem" + "es"): whole words only.
            if any(
                p.glued and (p.affix.kind == "country" or (
                    p.affix.kind == "weak" and len(p.affix.skel) <= self._glued_max))
                for p in affixes
            ):
                continue
            core = core_marked.replace(SEP, "")
            for size in range(len(core) - 1, self._ext_min - 1, -1):  # longest name first
                skel = core[:size]
                if skel not in names:
                    continue
                # Where the name ends in the marked reading (separators are not letters).
                seen = cut = 0
                while seen < len(skel):
                    seen += core_marked[cut] != SEP
                    cut += 1
                rest = core_marked[cut:]
                words = [w for w in rest.split(SEP) if w]
                if (
                    len(words) > self._ext_words
                    or any(len(w) < self._ext_word_len for w in words)
                    or any(w in self._unofficial for w in words)
                ):
                    continue
                target = self._pick_target(skel, net)
                claiming = [w for w in words
                            if (a := self._affixes.get(w)) is not None and a.claims]
                # The words as the handle writes them, for the evidence.
                letters = units(text)[0]
                at = len(marked[:start].replace(SEP, "")) + len(skel)
                written = []
                for word in words:
                    written.append("".join(u.orig for u in letters[at : at + len(word)]))
                    at += len(word)
                shown = "', '".join(written)
                match = _Match(target, 0, 0.55, ["extension"],
                               [f"the name of {target.label} followed by '{shown}'"])
                match.extension, match.glued = True, not rest.startswith(SEP)
                match.claims = bool(claiming) or any(p.affix.claims for p in affixes)
                if claiming:
                    match.confidence += 0.15
                self._describe_affixes(match, affixes)
                return match
        return None

    def _pick_target(self, skel: str, net: str) -> _Target:
        picked = self._picked.get((skel, net))
        if picked is None:
            group = self._by_skel[skel]
            picked = next((t for t in group if t.network == net), group[0])
            self._picked[(skel, net)] = picked
        return picked

    def _evaluate(
        self,
        net: str,
        raw: str,
        rest_units: list[Unit],
        separators: list[str],
        core_marked: str,
        peeled: tuple[_Peeled, ...],
        skel: str,
        rule: _Rule,
    ) -> _Match | None:
        """Decide one (handle reading, target) pair and write its evidence."""
        target = self._pick_target(skel, net)
        core = core_marked.replace(SEP, "")
        core_units = rest_units[: len(core)]
        ops = _align(core, skel)

        homoglyphs: list[str] = []
        deceptive = False  # a homoglyph beyond plain lowercase i/l, which readers tell apart
        first_letter_edit = False
        edits: list[tuple[str, str]] = []
        where: list[int] = []  # target position of each edit
        for op, i, j in ops:
            first_letter_edit |= op in ("sub", "add", "miss") and i == 0
            if op != "match":
                where.append(j)
            if op == "match":
                mine, theirs = core_units[i].orig, target.units[j].orig
                if mine.casefold() != theirs.casefold():
                    homoglyphs.append(f"{_show(mine)}→{theirs}")
                    deceptive |= {mine, theirs} != {"i", "l"}
            elif op == "sub":
                edits.append(("changed", f"{core[i]}→{skel[j]}"))
            elif op == "swap":
                edits.append(("swapped", core[i : i + 2]))
            elif op == "add":
                near = core[max(i - 1, 0) : i] + core[i + 1 : i + 2]
                kind = "doubled" if core[i] in near else "added"
                if core[i] == "s" and i == len(core) - 1 and kind == "added":
                    kind = "plural"
                edits.append((kind, core[i]))
            else:
                near = skel[max(j - 1, 0) : j] + skel[j + 1 : j + 2]
                edits.append(("missing-double" if skel[j] in near else "missing", skel[j]))
        target_seps = skeleton(target.raw, keep_separators=True).count(SEP)
        seps = core_marked.count(SEP)
        span = (min(where), max(where) + 1) if where else (0, 0)
        if edits and not self._edits_allowed(edits, first_letter_edit, deceptive, peeled, rule,
                                             span):
            return None
        # A short glued affix may just be the end of another word ("bon"+"us").
        short_glued = any(
            p.glued and p.affix.kind != "number" and len(p.affix.skel) <= self._glued_max
            for p in peeled
        )
        if short_glued and (edits or len(skel) <= self._short):
            return None

        match = _Match(target, len(edits), 0.7, deceptive=deceptive)
        match.claims = any(p.affix.claims for p in peeled)
        if homoglyphs:
            match.kinds.append("homoglyph")
            match.parts.append(f"{_plural(len(homoglyphs), 'homoglyph')} ({', '.join(homoglyphs)})")
            match.confidence += 0.2
        for kind in ("added", "plural", "doubled", "missing", "missing-double", "swapped",
                     "changed"):
            found = [what for k, what in edits if k == kind]
            if found:
                label = {"missing-double": "missing", "swapped": "swapped pair",
                         "plural": "added"}.get(kind, kind)
                word = "letter" if kind != "swapped" else ""
                shown = ", ".join(f"'{w}'" for w in found)
                match.parts.append(
                    f"{_plural(len(found), (label + ' ' + word).strip())} ({shown})"
                    if kind != "changed" else f"{_plural(len(found), 'changed letter')} ({shown})"
                )
        if edits:
            match.kinds.append("edit")
            match.confidence -= 0.12 * len(edits)
        if seps != target_seps:
            match.kinds.append("separator")
            chars = "".join(dict.fromkeys(separators))
            verb = "added" if seps > target_seps else "removed"
            match.parts.append(f"separator {verb} ('{chars}')" if seps else f"separator {verb}")
            match.confidence += 0.05
        self._describe_affixes(match, peeled)
        if not match.parts:
            kind = "same-handle-other-network" if target.network else "brand-term"
            match.kinds.append(kind)
            if target.network and target.raw == raw:
                match.parts.append(f"same handle as {target.label}; the brand has no such "
                                   f"account on {net}")
                match.confidence = 0.8
            else:
                match.parts.append(f"holds the {target.label} on {net}")
                match.confidence = 0.75
        else:
            match.parts[-1] += f" away from {target.label}"
        return match

    @staticmethod
    def _edits_allowed(
        edits: list[tuple[str, str]],
        first_letter_edit: bool,
        deceptive: bool,
        peeled: tuple[_Peeled, ...],
        rule: _Rule,
        span: tuple[int, int],
    ) -> bool:
        """Whether these edits still read as the target, given the other evidence."""
        if any(p.affix.kind == "brand" for p in peeled):
            # A word of the brand's own name after a misspelt name is another business
            # in the same trade ("harlow_books" for Marlow Books): only exact names.
            return False
        signal = deceptive or any(
            p.affix.claims or (not p.glued and p.affix.kind != "number")
            for p in peeled
        )
        kinds = [kind for kind, _ in edits]
        if signal:
            return rule.signalled is None or all(k in rule.signalled for k in kinds)
        return (
            not first_letter_edit
            and len(edits) <= rule.max_bare
            and (rule.bare is None or all(k in rule.bare for k in kinds))
            and (
                len(edits) < 2 or rule.bare_span is None
                or (span[1] - span[0] <= rule.bare_span and span[0] >= rule.bare_from)
            )
        )

    @staticmethod
    def _describe_affixes(match: _Match, peeled: tuple[_Peeled, ...]) -> None:
        words = [p.affix for p in peeled]
        if not words:
            return
        text = []
        for affix in words:
            if affix.kind == "country":
                what = "country code" if len(affix.word) <= 3 else "place name"
                text.append(f"{what} '{affix.word}'")
            elif affix.kind == "number":
                text.append(f"number '{affix.word}'")
            elif affix.kind == "brand":
                text.append(f"'{affix.word}' from the brand's own name")
            elif affix.word != affix.means:
                text.append(f"misspelt affix '{affix.word}' ({affix.means})")
            else:
                text.append(f"affix '{affix.word}'")
        match.parts.append(_and(text))
        match.kinds.append("affix")
        if any(a.kind == "country" for a in words):
            match.kinds.append("country-code")
        if any(a.word != a.means for a in words):
            match.confidence += 0.2
        elif any(a.claims for a in words):
            match.confidence += 0.15

    def _cached(self, kind: str, text: str | None, compute) -> object:  # type: ignore[no-untyped-def]
        """``compute(text)``, remembered: display names and bios repeat across profiles."""
        if not text:
            return compute(text)
        key = (kind, text)
        cache = self._text_cache
        if key not in cache:
            if len(cache) >= CACHE_SIZE:
                cache.clear()
            cache[key] = compute(text)
        return cache[key]

    def _names_brand(self, text: str | None) -> tuple[_Target | None, bool]:
        return self._cached("_names_brand", text, self._names_brand_uncached)  # type: ignore[return-value]

    def _names_brand_uncached(self, text: str | None) -> tuple[_Target | None, bool]:
        """The target a free text (display name, bio) names exactly, and whether it claims."""
        if not text:
            return None, False
        words = "".join(c if c.isalnum() else " " for c in text)
        marked = skeleton(words, keep_separators=True)
        tokens = marked.split(SEP)
        claims = any(
            (a := self._affixes.get(t)) is not None and a.kind == "strong" for t in tokens
        )
        for size in (1, 2, 3):
            for i in range(len(tokens) - size + 1):
                joined = "".join(tokens[i : i + size])
                if joined in self._by_skel and (len(joined) > self._short or size == 1):
                    return self._by_skel[joined][0], claims
        return None, claims

    def _identifies(self, text: str | None) -> bool:
        return self._cached("_identifies", text, self._identifies_uncached)  # type: ignore[return-value]

    def _identifies_uncached(self, text: str | None) -> bool:
        """Whether a display name presents itself as the brand, not merely shares a word.

        It does when it is a brand name plus affix words only ("Acme Coffee Official"),
        or holds a name of two or more of its words ("Juno Bank Help") or a long one;
        a short ordinary name among other words ("Kodo Drummers", "Juno — the band") is
        another entity's name.
        """
        if not text:
            return False
        if self._display_match(text) is not None:
            return True
        # Words are joined only within a phrase: "Lena Harbor | pine studio" does not
        # name "Harbor Pine".
        phrases = "".join(" " if c.isspace() else c if c.isalnum() or c == "&" else "|"
                          for c in text)
        for phrase in phrases.split("|"):
            tokens = skeleton(phrase.replace("&", " "), keep_separators=True).split(SEP)
            for size in (1, 2, 3):
                for i in range(len(tokens) - size + 1):
                    joined = "".join(tokens[i : i + size])
                    if joined in self._by_skel and (size > 1 or len(joined) >= self._ext_min):
                        return True
        return False

    def _disclaims(self, text: str | None, display: bool = False) -> bool:
        kind = "_disclaims_display" if display else "_disclaims"
        phrases = self._display_disclaimers if display else self._disclaimers
        return self._cached(kind, text, lambda t: _says(t, phrases))  # type: ignore[return-value]

    def _names_other(self, text: str | None) -> bool:
        return self._cached("_names_other", text, self._names_other_uncached)  # type: ignore[return-value]

    def _names_other_uncached(self, text: str | None) -> bool:
        """Whether a display name is the brand's name inside another business's name.

        "Northwind Sailing School", "Copper Kettle Candle Co.": a brand name plus words
        that are not the brand's own (its terms, the organisation's name), not affixes,
        and no claiming word among them (legal forms such as "Co." claim nothing).
        """
        if not text:
            return False
        tokens = _words(text)
        used = [False] * len(tokens)
        for size in (3, 2, 1):
            for i in range(len(tokens) - size + 1):
                if not any(used[i : i + size]) and "".join(tokens[i : i + size]) in self._by_skel:
                    used[i : i + size] = [True] * size
        if not any(used):
            return False
        other = False
        for token, is_name in zip(tokens, used, strict=True):
            if is_name or token in self._legal:
                continue
            affix = self._affixes.get(token)
            if affix is not None:
                if affix.kind == "strong":
                    return False  # "Northwind Rewards": a claim, not another business
                continue  # decoration, a place, or a word of the brand's own name
            if len(token) >= 3 and not any(token in term for term in self._term_skels):
                other = True
        return other

    def _display_match(self, display_name: str | None) -> _Match | None:
        return self._cached("_display_match", display_name, self._display_match_uncached)  # type: ignore[return-value]

    def _display_match_uncached(self, display_name: str | None) -> _Match | None:
        """A dissimilar handle whose display name is the brand name plus affixes only."""
        if not display_name:
            return None
        words = "".join(c if c.isalnum() else " " for c in display_name)
        for core_marked, peeled, _ in self._peel(skeleton(words, keep_separators=True)):
            core = core_marked.replace(SEP, "")
            if core in self._by_skel:
                target = self._by_skel[core][0]
                match = _Match(target, 0, 0.5, ["display-name"],
                               [f"display name '{display_name}' copies {target.label}"])
                if any(p.affix.kind == "strong" for p in peeled):
                    match.confidence += 0.05
                return match
        return None

    def _judge(
        self,
        match: _Match,
        net: str,
        raw: str,
        display_only: bool,
        display_name: str | None,
        bio: str | None,
        followers: int | None,
        created: str | None,
        verified: bool | None,
    ) -> Verdict | None:
        """Weigh the profile's context and turn a match into a verdict."""
        ctx = self._context
        notes: list[str] = []
        conf = match.confidence
        official = self._followers.get(match.target.network or "") or max(
            self._followers.values(), default=None
        )
        big = followers is not None and (
            followers >= ctx["big_follower_ratio"] * official if official
            else followers >= ctx["big_account_unknown_official"]
        )
        if verified and big:
            return None  # the network vouches for a large account of its own
        born = _date(created)
        days = (self._today - born).days if born else None
        named = self._identifies(display_name)
        bio_named, bio_claims = self._names_brand(bio)
        if (
            days is not None and days >= ctx["established_account_days"]
            and display_name and (not named or self._names_other(display_name))
            and not (bio_named and bio_claims)
            and not match.deceptive and not display_only
        ):
            return None  # an established account under another entity's name
        unsure = False  # at most a warning
        if not match.deceptive and (
            self._disclaims(display_name, display=True) or self._disclaims(bio)
        ):
            # A declared fan, parody or student account: nothing, or a warning when the
            # handle still claims ("acme_support" run by a self-declared fan).
            if not match.claims or display_only:
                return None
            unsure = True
        if match.extension and not match.claims and not named and not bio_named:
            # The name plus an unknown word may be another business ("quillandco" +
            # "mpany"): without a display name or bio naming the brand, only a
            # separated word on an account that says nothing else is worth a warning.
            if match.glued or display_name or bio:
                return None
            unsure = True
        elif match.extension and match.glued and not named and not bio_named:
            return None  # a glued word may continue the name's last word
        if verified:
            conf -= 0.3
            notes.append("verified")
        if days is not None:
            if 0 <= days < ctx["new_account_days"]:
                conf += 0.1
                notes.append(f"account {days} days old")
            elif days >= ctx["old_account_days"]:
                conf -= 0.15
                notes.append(f"account {days // 365} years old")
        if followers is not None:
            versus = f" vs {official:,} on the official account" if official else ""
            if big:
                conf -= 0.25
                notes.append(f"{followers:,} followers{versus}")
            elif official and followers < ctx["tiny_follower_ratio"] * official:
                conf += 0.05
                notes.append(f"{followers:,} followers{versus}")
        kinds = list(match.kinds)
        if not display_only:
            shown, claims = self._names_brand(display_name)
            if shown or claims:
                conf += 0.1 if shown and claims else 0.05
                kinds.append("display-name")
                notes.append(f"display name '{display_name}'")
        if bio_named and bio_claims:
            conf += 0.05
            notes.append("bio claims to be the brand")
        if raw in self._affiliate_any:
            conf -= 0.2
            notes.append("same handle as a declared affiliate on another network")
        if unsure:
            conf = min(conf, ctx["warning_below"] - 0.1)
        conf = round(min(max(conf, 0.05), 0.99), 2)
        severity = "error"
        if display_only or verified or conf < ctx["warning_below"]:
            severity = "warning"
        evidence = _and(match.parts) if not display_only else match.parts[0]
        if notes:
            evidence += "; " + ", ".join(notes)
        target = match.target
        return Verdict(severity, target.report or target.raw, target.network, evidence, conf,
                       tuple(kinds))
