"""How a handle reading differs from a target, and whether that still reads as the
target: the edit script, homoglyphs, separators and affixes, written as evidence.

Evidence is worked out only for the few profiles that have a candidate.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import NamedTuple

from rapidfuzz.distance import OSA, Levenshtein

from ..confusables import SEP, Unit, skeleton, units
from .affixes import Peeled
from .settings import Rule, Settings
from .targets import Target, Targets
from .text import and_, plural

# Edit kinds in the order the evidence names them, and the words it names them with.
_EDIT_KINDS = ("added", "plural", "doubled", "missing", "missing-double", "swapped", "changed")
_EDIT_LABELS = {"missing-double": "missing", "swapped": "swapped pair", "plural": "added"}

Edit = tuple[str, str]  # (kind, what): ("changed", "o→a"), ("added", "s")
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
    parts: list[str] = field(default_factory=list)
    deceptive: bool = False  # a homoglyph beyond plain lowercase i/l
    extension: bool = False  # the exact name with another word after it
    glued: bool = False  # that word follows with no separator
    claims: bool = False  # a claiming or luring word (strong affix) is part of the handle


class _Comparison(NamedTuple):
    """A core compared letter by letter with a target skeleton."""

    homoglyphs: list[str]
    deceptive: bool  # a homoglyph beyond plain lowercase i/l, which readers tell apart
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
        for tag, i1, i2, j1, j2 in Levenshtein.opcodes(a, b):
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


def _show(char: str) -> str:
    """A character for the evidence text, naming its script when it is not Latin."""
    if char.isascii() or not char:
        return char
    script = unicodedata.name(char[0], "").split(" ")[0].title()
    return char if script in ("Latin", "") else f"{script} {char}"


def _compare(core: str, skel: str, core_units: list[Unit], target: Target) -> _Comparison:
    """Walk the edit script from a core to a target skeleton."""
    homoglyphs: list[str] = []
    deceptive = first_letter_edit = False
    edits: list[Edit] = []
    where: list[int] = []  # target position of each edit
    for op, i, j in align(core, skel):
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
    kinds = [kind for kind, _ in edits]
    if signal:
        return rule.signalled is None or all(k in rule.signalled for k in kinds)
    span = compared.span
    return (
        not compared.first_letter_edit
        and len(edits) <= rule.max_bare
        and (rule.bare is None or all(k in rule.bare for k in kinds))
        and (
            len(edits) < 2 or rule.bare_span is None
            or (span[1] - span[0] <= rule.bare_span and span[0] >= rule.bare_from)
        )
    )


def _describe_edits(match: Match, edits: list[Edit]) -> None:
    for kind in _EDIT_KINDS:
        found = [what for k, what in edits if k == kind]
        if not found:
            continue
        shown = ", ".join(f"'{w}'" for w in found)
        if kind == "changed":
            match.parts.append(f"{plural(len(found), 'changed letter')} ({shown})")
        else:
            word = "letter" if kind != "swapped" else ""
            label = (_EDIT_LABELS.get(kind, kind) + " " + word).strip()
            match.parts.append(f"{plural(len(found), label)} ({shown})")


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
        compared = _compare(core, skel, handle[0][offset : offset + len(core)], target)
        edits = compared.edits
        if edits and not _edits_allowed(compared, peeled, settings.rule(len(skel))):
            return None
        # A short glued affix may just be the end of another word ("bon"+"us").
        short_glued = any(
            p.glued and p.affix.kind != "number" and len(p.affix.skel) <= settings.glued_max
            for p in peeled
        )
        if short_glued and (edits or len(skel) <= settings.short):
            return None
        match = Match(target, len(edits), weight["handle_match"], deceptive=compared.deceptive)
        match.claims = any(p.affix.claims for p in peeled)
        if compared.homoglyphs:
            match.kinds.append("homoglyph")
            listed = ", ".join(compared.homoglyphs)
            match.parts.append(f"{plural(len(compared.homoglyphs), 'homoglyph')} ({listed})")
            match.confidence += weight["homoglyph"]
        _describe_edits(match, edits)
        if edits:
            match.kinds.append("edit")
            match.confidence += weight["edit"] * len(edits)
        self._describe_separators(match, core_marked.count(SEP), target, handle[1])
        self.describe_affixes(match, peeled)
        if match.parts:  # the message names the profile's network already
            label = target.label.removesuffix(f" on {net}") if target.network == net else None
            match.parts[-1] += f" away from {label or target.label}"
        else:
            self._describe_same_name(match, raw, net)
        return match

    def _describe_separators(
        self, match: Match, seps: int, target: Target, separators: list[str]
    ) -> None:
        target_seps = skeleton(target.raw, keep_separators=True).count(SEP)
        if seps == target_seps:
            return
        match.kinds.append("separator")
        chars = "".join(dict.fromkeys(separators))
        verb = "added" if seps > target_seps else "removed"
        match.parts.append(f"separator {verb} ('{chars}')" if seps else f"separator {verb}")
        match.confidence += self.weight["separator"]

    def _describe_same_name(self, match: Match, raw: str, net: str) -> None:
        """Nothing differs: the brand's handle elsewhere, or its name exactly."""
        target = match.target
        match.kinds.append("same-handle-other-network" if target.network else "brand-term")
        if target.network and target.raw == raw:
            match.parts.append(
                f"same handle as {target.label}; the brand has no such account on {net}"
            )
            match.confidence = self.weight["same_handle_other_network"]
        else:
            match.parts.append(f"holds the {target.label} on {net}")
            match.confidence = self.weight["holds_name"]

    def describe_affixes(self, match: Match, peeled: tuple[Peeled, ...]) -> None:
        """Name the affixes peeled off, and weigh a misspelt or claiming one."""
        found = [p.affix for p in peeled]
        if not found:
            return
        text = []
        for affix in found:
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
        match.parts.append(and_(text))
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
                      [f"the name of {target.label} followed by '{shown}'"])
        match.extension, match.glued = True, not rest.startswith(SEP)
        match.claims = bool(claiming) or any(p.affix.claims for p in reading.affixes)
        if claiming:
            match.confidence += self.weight["extension_claims"]
        self.describe_affixes(match, reading.affixes)
        return match
