"""How a handle reading differs from a target, and whether that still reads as the
target: the edit script, homoglyphs, separators and affixes, written as evidence.

Evidence is worked out only for the few profiles that have a candidate.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cached_property, partial

from rapidfuzz.distance import OSA, Levenshtein

from smplan_lint.records import NamedTuple

from ..confusables import SEP, Shown, Unit, skeleton, units
from . import describe
from .affixes import Peeled
from .describe import Edit
from .settings import Rule, Settings
from .targets import Target, Targets
from .text import and_

HandleUnits = tuple[list[Unit], list[str]]  # `units` of a handle text: letters, separators


class Reading(NamedTuple):
    """One way to read a handle: a text of it, with affix words peeled off."""

    text: str  # the handle, or the handle without its trailing number
    marked: str  # the text's skeleton, separators marked
    core_marked: str  # what is left of ``marked`` once the affixes are peeled
    affixes: tuple[Peeled, ...]
    start: int  # where ``core_marked`` starts in ``marked``
    core: str  # ``core_marked`` without separators: what is compared with targets


@dataclass
class Match:
    """A target a handle (or display name) reads as, and the evidence so far."""

    target: Target
    distance: int
    confidence: float
    kinds: list[str] = field(default_factory=list)
    parts: list[tuple[str, str]] = field(default_factory=list)  # (kind, phrase)
    whole: str = ""  # the evidence when it is not parts joined to the target
    deceptive: bool = False  # a non-ASCII or digit look-alike, or hidden characters
    separated: bool = False  # a separator inside the brand's name ("ac.me")
    # Whether the edit makes a common word of the name or of one of its words; asked
    # only of the match a verdict is given on (a binary search of the word table).
    word_test: Callable[[], bool] | None = None

    @cached_property
    def makes_word(self) -> bool:
        """See `Evidence._makes_word`."""
        return self.word_test is not None and self.word_test()
    extension: bool = False  # the exact name with another word after it
    glued: bool = False  # that word follows with no separator
    claims: bool = False  # a claiming or luring word (strong affix) is part of the handle


    @property
    def strong(self) -> bool:
        """Evidence that makes an error by itself: a claiming word on the brand's name
        (not on another word an edit made, "junoband_official"), a non-ASCII or digit
        look-alike or hidden characters, or a separator inside the name."""
        return (self.claims and not self.makes_word) or self.deceptive or self.separated

    def evidence(self) -> str:
        """The evidence as a sentence."""
        return self.whole or describe.join(self.parts, self.target.label)


def tricks(match: Match, seen: Shown) -> Match:
    """A copy of a (remembered) match with the characters a reader cannot see, or the
    compatibility letters NFKC folded, as evidence: deceptive by themselves."""
    tricked = replace(match, kinds=[*match.kinds], parts=[*match.parts], whole="",
                      deceptive=True)
    if match.whole:  # the same name as the target: the trick is all the evidence
        tricked.parts, tricked.kinds = [], []
    if seen.compat:
        tricked.kinds.append("compatibility-letters")
        tricked.parts.insert(0, ("reads", f"{seen.compat} letters"))
    if seen.hidden:
        tricked.kinds.append("hidden-character")
        names = ", ".join(seen.hidden)
        tricked.parts.insert(0, ("changed", f"invisible characters ({names})"))
    return tricked


class _Comparison(NamedTuple):
    """A core compared letter by letter with a target skeleton."""

    homoglyphs: list[tuple[str, str]]  # (as written, the target's letter)
    deceptive: bool  # a non-ASCII or digit look-alike, which readers cannot tell apart
    first_letter_edit: bool
    edits: list[Edit]
    span: tuple[int, int]  # the target letters the edits fall within


def align(a: str, b: str) -> list[tuple[str, int, int]]:
    """Cheapest OSA edit script from handle ``a`` to target ``b``, for the evidence.

    Ops are match, sub, add (a letter only in ``a``), miss (only in ``b``) and swap.
    rapidfuzz's Levenshtein opcodes serve when no swap is involved; its OSA has no
    edit script, so swaps get this small backtrace.
    """
    if OSA.distance(a, b) == Levenshtein.distance(a, b):
        ops: list[tuple[str, int, int]] = []
        for op in Levenshtein.opcodes(a, b):
            tag, i1, i2, j1, j2 = op.tag, op.src_start, op.src_end, op.dest_start, op.dest_end
            if tag in ("equal", "replace"):
                name = "match" if tag == "equal" else "sub"
                ops += [(name, i1 + k, j1 + k) for k in range(i2 - i1)]
            elif tag == "delete":
                ops += [("add", i, j1) for i in range(i1, i2)]
            else:
                ops += [("miss", i1, j) for j in range(j1, j2)]
        return ops
    return _backtrace(a, b, _osa_table(a, b))


def _osa_table(a: str, b: str) -> list[list[int]]:
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
    return dist


def _backtrace(a: str, b: str, dist: list[list[int]]) -> list[tuple[str, int, int]]:
    ops = []
    i, j = len(a), len(b)
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


def _compare(core: str, skel: str, core_units: list[Unit], target: Target) -> _Comparison:
    """Walk the edit script from a core to a target skeleton."""
    homoglyphs: list[tuple[str, str]] = []
    deceptive = first_letter_edit = False
    edits: list[Edit] = []
    where: list[int] = []  # target position of each edit
    for op, i, j in align(core, skel):
        first_letter_edit |= op in ("sub", "add", "miss") and i == 0
        if op != "match":
            where.append(j)
        mine = core_units[i].orig if i < len(core_units) else ""
        theirs = target.units[j].orig if j < len(target.units) else ""
        if op == "match":
            if mine.casefold() != theirs.casefold():
                homoglyphs.append((mine, theirs))
                deceptive |= not (mine.isascii() and mine.isalpha())
        elif op == "sub":
            edits.append(("changed", mine, theirs))
        elif op == "swap":
            edits.append(("swapped", mine + core_units[i + 1].orig, ""))
        elif op == "add":
            near = core[max(i - 1, 0) : i] + core[i + 1 : i + 2]
            kind = "doubled" if core[i] in near else "added"
            if core[i] == "s" and i == len(core) - 1 and kind == "added":
                kind = "plural"
            edits.append((kind, mine, ""))
        else:
            near = skel[max(j - 1, 0) : j] + skel[j + 1 : j + 2]
            edits.append(("missing-double" if skel[j] in near else "missing", "", theirs))
    span = (min(where), max(where) + 1) if where else (0, 0)
    return _Comparison(homoglyphs, deceptive, first_letter_edit, edits, span)


def _edits_allowed(compared: _Comparison, peeled: tuple[Peeled, ...], rule: Rule) -> bool:
    """Whether these edits still read as the target, given the other evidence."""
    if any(p.affix.kind == "brand" for p in peeled):
        # A word of the brand's own name after a misspelt name is another business
        # in the same trade ("harlow_books" for Marlow Books): only exact names.
        return False
    signal = compared.deceptive or any(
        p.affix.claims or (not p.glued and p.affix.kind != "number") for p in peeled
    )
    edits = compared.edits
    kinds = [kind for kind, _, _ in edits]
    if signal:
        return rule.signalled is None or all(k in rule.signalled for k in kinds)
    span = compared.span
    return (
        (len(edits) < 2 or not compared.first_letter_edit)
        and len(edits) <= rule.max_bare
        and (rule.bare is None or all(k in rule.bare for k in kinds))
        and (
            len(edits) < 2 or rule.bare_span is None
            or (span[1] - span[0] <= rule.bare_span and span[0] >= rule.bare_from)
        )
    )


class Evidence:
    """Writes the evidence of a reading against a target, or finds it does not read as one."""

    def __init__(self, settings: Settings, targets: Targets) -> None:
        self.settings = settings
        self.targets = targets
        self.weight = settings.weight

    def evaluate(
        self, net: str, raw: str, reading: Reading, handle: HandleUnits, skel: str
    ) -> Match | None:
        """Decide one (handle reading, target) pair and write its evidence."""
        weight, settings = self.weight, self.settings
        target = self.targets.pick(skel, net)
        core, core_marked, peeled = reading.core, reading.core_marked, reading.affixes
        offset = len(reading.marked[: reading.start].replace(SEP, ""))
        core_units = handle[0][offset : offset + len(core)]
        compared = _compare(core, skel, core_units, target)
        edits = compared.edits
        if edits and not _edits_allowed(compared, peeled, settings.rule(len(skel))):
            return None
        # A short glued affix may just be the end of another word ("bon"+"us", "memes").
        short_glued = any(
            p.glued and p.affix.kind != "number" and len(p.affix.skel) <= settings.glued_max
            for p in peeled
        )
        if short_glued and (edits or self.targets.is_word(reading.text)):
            return None
        match = Match(target, len(edits), weight["handle_match"], deceptive=compared.deceptive)
        match.claims = any(p.affix.claims for p in peeled)
        if compared.homoglyphs:
            match.kinds.append("homoglyph")
            match.parts.append(("changed", describe.homoglyphs(compared.homoglyphs)))
            match.confidence += weight["homoglyph"]
        match.parts += describe.edits(edits)
        if edits:
            match.word_test = partial(self._makes_word, core_units, skel, compared.span)
        if edits:
            match.kinds.append("edit")
            match.confidence += weight["edit"] * len(edits)
        self._describe_separators(match, core_marked.count(SEP), target, handle[1])
        self.describe_affixes(match, peeled)
        if not match.parts:
            self._describe_same_name(match, raw, net)
        return match

    def _makes_word(self, core_units: list[Unit], skel: str, span: tuple[int, int]) -> bool:
        """Whether the edited name, as written, is a common word ("acne" for Acme,
        "valves" for Valve), or the edit turns one word of a longer name into another
        ("tango" in "tangomobile" for Mango Mobile) that is not the word inflected."""
        targets = self.targets
        if targets.is_word("".join(u.orig for u in core_units)):
            return True
        grow, size = len(core_units) - len(skel), len(skel)
        # The words of the name around the edit (a few slices, whatever the brand's size).
        around = [(at, skel[at:end]) for at in range(span[0] + 1)
                  for end in range(max(span[1], at + 3), size + 1)
                  if end - at < size and skel[at:end] in targets.name_words]
        for at, word in around:
            piece = core_units[at : at + len(word) + grow]
            folded = "".join(u.skel for u in piece)
            if len(piece) > 3 and word not in (folded + "s", folded[:-1]) and targets.is_word(
                "".join(u.orig for u in piece)
            ):
                return True
        return False

    def _describe_separators(
        self, match: Match, seps: int, target: Target, separators: list[str]
    ) -> None:
        target_seps = skeleton(target.raw, keep_separators=True).count(SEP)
        if seps == target_seps:
            return
        match.kinds.append("separator")
        match.separated = seps > target_seps and not match.distance  # "ac.me"
        chars = ", ".join(f"'{c}'" for c in dict.fromkeys(separators))
        if match.separated:
            match.parts.append(("changed", f"{chars} inside the name"))
        else:
            match.parts.append(("changed", "separator left out"))
        match.confidence += self.weight["separator"]

    def _describe_same_name(self, match: Match, raw: str, net: str) -> None:
        """Nothing differs: the brand's handle elsewhere, or its name exactly."""
        target = match.target
        match.kinds.append("same-handle-other-network" if target.network else "brand-term")
        if target.network and target.raw == raw:
            match.whole = (f"same handle as {target.label}, and the brand has no such "
                           f"account on {net}")
            match.confidence = self.weight["same_handle_other_network"]
        else:
            match.whole = f"the same name as {target.label}"
            match.confidence = self.weight["holds_name"]

    def describe_affixes(self, match: Match, peeled: tuple[Peeled, ...]) -> None:
        """Name the affixes peeled off, and weigh a misspelt or claiming one."""
        found = [p.affix for p in peeled]
        if not found:
            return
        text = and_([describe.affix(a, a.word) for a in found])
        match.parts.append(("affix", f"{text} added"))
        match.kinds.append("affix")
        if any(a.kind == "country" for a in found):
            match.kinds.append("country-code")
        if any(a.word != a.means for a in found):
            match.confidence += self.weight["misspelt_affix"]
        elif any(a.claims for a in found):
            match.confidence += self.weight["claiming_affix"]

    def extension(self, net: str, readings: list[Reading]) -> Match | None:
        """The exact long name of a target with one or two other words after it."""
        for reading in readings:
            # A glued country code or short word would cut the extension word in two
            # ("staldric_memes" is not "mem" + "es"): whole words only.
            if any(
                p.glued and (p.affix.kind == "country" or (
                    p.affix.kind == "weak" and len(p.affix.skel) <= self.settings.glued_max))
                for p in reading.affixes
            ):
                continue
            match = self._extension_of(net, reading)
            if match is not None:
                return match
        return None

    def _extension_of(self, net: str, reading: Reading) -> Match | None:
        settings, core_marked = self.settings, reading.core_marked
        core = reading.core
        for size in range(len(core) - 1, settings.ext_min - 1, -1):  # longest name first
            skel = core[:size]
            if skel not in self.targets.ext_names:
                continue
            # Where the name ends in the marked reading (separators are not letters).
            seen = cut = 0
            while seen < len(skel):
                seen += core_marked[cut] != SEP
                cut += 1
            rest = core_marked[cut:]
            extra = [w for w in rest.split(SEP) if w]
            if (
                len(extra) > settings.ext_words
                or any(len(w) < settings.ext_word_len for w in extra)
                or any(w in settings.unofficial for w in extra)
            ):
                continue
            return self._extension_match(net, reading, skel, extra, rest)
        return None

    def _extension_match(
        self, net: str, reading: Reading, skel: str, extra: list[str], rest: str
    ) -> Match:
        target = self.targets.pick(skel, net)
        affixes = self.targets.affixes
        claiming = [w for w in extra if (a := affixes.get(w)) is not None and a.claims]
        # The words as the handle writes them, for the evidence.
        letters = units(reading.text)[0]
        at = len(reading.marked[: reading.start].replace(SEP, "")) + len(skel)
        written = []
        for word in extra:
            written.append("".join(u.orig for u in letters[at : at + len(word)]))
            at += len(word)
        shown = "', '".join(written)
        match = Match(target, 0, self.weight["extension"], ["extension"],
                      [("affix", f"'{shown}' added after the name")])
        match.extension, match.glued = True, not rest.startswith(SEP)
        match.claims = bool(claiming) or any(p.affix.claims for p in reading.affixes)
        if claiming:
            match.confidence += self.weight["extension_claims"]
        self.describe_affixes(match, reading.affixes)
        return match
