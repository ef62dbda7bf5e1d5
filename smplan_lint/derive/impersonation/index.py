"""The brand's names, indexed so each discovered profile is judged in microseconds.

Cost stays near-linear, also with thousands of own handles that share the brand's
prefix: the targets keep one per skeleton and network (:mod:`.targets`),
candidates are found through deletion and anchor indexes (:mod:`.candidates`),
two-edit matches are looked for only when no closer reading passes, and verdicts
on a (network, handle) are remembered. A handle longer than MAX_HANDLE_LENGTH is
not compared at all.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from rapidfuzz.distance import OSA

from ..confusables import MAX_HANDLE_LENGTH, SEP, shown, skeleton, units
from .affixes import Affix, Peeled, countries_as_written
from .candidates import Candidates
from .evidence import Evidence, HandleUnits, Match, Reading, tricks
from .memory import Remembering, remembered
from .profile_text import ProfileText
from .settings import Settings
from .targets import Targets
from .verdict import Judge, Profile, Verdict

Candidate = tuple[int, int, int, str]  # (edits, affixes, reading number, target skeleton)


class ImpersonationIndex(Remembering):
    """The brand's names, and the judge of discovered profiles against them.

    ``organisation`` is the organisation's full name ("Blue Fern Dental &
    Orthodontics"): its words that are not brand terms complete a brand handle.
    ``official_followers`` is keyed by (network, handle) of an own account, or by a
    network for all its accounts; ``languages`` are the organisation's language codes,
    whose common words are no typo-squats of a short name.
    """

    def __init__(
        self,
        own: Iterable[tuple[str, str]],
        brand_terms: Iterable[str],
        affiliates: Iterable[tuple[str, str]] = (),
        official_followers: Mapping[str | tuple[str, str], int] | None = None,
        today: datetime.date | None = None,
        organisation: str | None = None,
        languages: Iterable[str] = (),
    ) -> None:
        super().__init__()
        settings = Settings.read()
        self._settings = settings
        self._targets = Targets(settings, own, brand_terms, affiliates, organisation,
                                languages)
        self._candidates = Candidates(self._targets.by_skel, settings)
        self._evidence = Evidence(settings, self._targets)
        self._texts = ProfileText(settings, self._targets)
        self._judge = Judge(settings, self._texts, official_followers, today, self._targets)

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
        net, seen = network.casefold(), shown(handle)
        raw = seen.text
        tricked = bool(seen.hidden or seen.compat)  # no network allows them: not our own
        if (not tricked and self._targets.is_own(net, raw)) or len(raw) > MAX_HANDLE_LENGTH:
            return None
        best = self._best_handle_match(net, raw)
        if best is not None and tricked:
            best = tricks(best, seen)
        display_only = best is None
        if best is None:
            best = self._texts.display_match(display_name)
            if best is None:
                return None
        profile = Profile(net, raw, display_name, bio, followers, created, verified)
        return self._judge.verdict(best, profile, display_only)

    def assess_all(self, profiles: Sequence[tuple[Any, ...]]) -> list[Verdict | None]:
        """`assess(*profile)` for each profile; large plans judge theirs on every CPU
        (see smplan_lint/parallel.py)."""
        from smplan_lint.parallel import map_items

        return map_items(lambda profile: self.assess(*profile), profiles)

    def _readings(self, raw: str) -> list[Reading]:
        """Every way to read the handle: as written and without a trailing number,
        each with up to three affix words peeled off either end."""
        variants: list[tuple[str, str, tuple[Peeled, ...]]] = [
            *self._country_as_written(raw), (raw, skeleton(raw, keep_separators=True), ())
        ]
        if raw[-1:].isdigit():
            stem = raw.rstrip("0123456789")
            digits = raw[len(stem) :]
            number = Affix(digits, digits, "number", "")
            marked = skeleton(stem, keep_separators=True)
            if len(marked) >= 2:
                glued = stem[-1:].isalnum()
                variants.append((stem, marked, (Peeled(number, glued),)))
        peel = self._targets.affixes.peel
        return [
            Reading(text, marked, core_marked, peeled + extra, start, core_marked.replace(SEP, ""))
            for text, marked, extra in variants
            for core_marked, peeled, start in peel(marked)
        ]

    def _country_as_written(self, raw: str) -> list[tuple[str, str, tuple[Peeled, ...]]]:
        """The handle without a separated country code at its end, read as written (any
        ISO code, and before folding: "_cl" would read as "d", "_ai" as "al")."""
        cut = max(map(raw.rfind, "._- "))
        affix = countries_as_written().get(raw[cut + 1 :]) if 0 < cut else None
        if affix is None:
            return []
        stem = raw[:cut]
        return [(stem, skeleton(stem, keep_separators=True), (Peeled(affix, False),))]

    @remembered
    def _best_handle_match(self, net: str, raw: str) -> Match | None:
        """The simplest reading (fewest edits, then fewest affixes) that passes the rules.

        Readings within one edit of a target are judged first, then the exact long name
        followed by other words (an extension); only when none passes are the two-edit
        matches of long names looked for (`Candidates.far`).
        """
        readings = self._readings(raw)
        read: dict[str, HandleUnits] = {}  # units of each text, once
        # Exact readings first: they come before any edit, and are the common imitation.
        by_skel = self._targets.by_skel
        found = [(0, len(r.affixes), order, r.core)
                 for order, r in enumerate(readings) if r.core in by_skel]
        match = self._first_passing(net, raw, readings, sorted(found), read)
        if match:
            return match
        found, nears = self._near_candidates(readings)
        match = self._first_passing(net, raw, readings, [f for f in found if f[0] <= 1], read)
        if match:
            return match
        # The exact long name and other words reads simpler than two edits
        # ("kestrel-logistics-express" is not "kestrellogisticsex" + "press").
        if raw not in self._targets.affiliate_any:
            match = self._evidence.extension(net, self._extended(readings))
            if match:
                return match
        if self._candidates.two_edits:
            found = [f for f in found if f[0] > 1]
            for order, reading in enumerate(readings):
                for distance, skel in self._candidates.far(reading.core, nears[order]):
                    found.append((distance, len(reading.affixes), order, skel))
            found.sort()
            return self._first_passing(net, raw, readings, found, read)
        return None

    def _near_candidates(self, readings: list[Reading]) -> tuple[list[Candidate], list[set[str]]]:
        """Targets a few edits from each reading (sorted), and each reading's near set."""
        found: list[Candidate] = []
        nears = []
        edits_of = self._candidates.edits
        for order, reading in enumerate(readings):
            core = reading.core
            near = self._candidates.near(core)
            nears.append(near)
            for skel in near:
                edits = edits_of[skel]
                distance = OSA.distance(core, skel, score_cutoff=edits)
                if 0 < distance <= edits:
                    found.append((distance, len(reading.affixes), order, skel))
        found.sort()
        return found, nears

    def _extended(self, readings: list[Reading]) -> list[Reading]:
        """Readings that start with a long name: maybe "name + another word"."""
        keys, size = self._targets.ext_keys, self._settings.ext_min
        if not keys:
            return []
        return [r for r in readings if len(r.core) > size and r.core[:size] in keys]

    def _first_passing(
        self, net: str, raw: str, readings: list[Reading], found: list[Candidate],
        read: dict[str, HandleUnits],
    ) -> Match | None:
        """Judge candidates (sorted: fewest edits, fewest affixes, reading order) in turn.

        Within a tie, which the first version of this check left to set order, a target
        on the profile's own network comes first, then the lower rank, then the skeleton.
        """
        pick = self._targets.pick

        def tie(skel: str) -> tuple[bool, int, str]:
            target = pick(skel, net)
            return target.network != net, target.rank, skel

        start = 0
        while start < len(found):
            end = start + 1
            while end < len(found) and found[end][:3] == found[start][:3]:
                end += 1
            tied = [f[3] for f in found[start:end]]
            if len(tied) > 1:
                tied.sort(key=tie)
            reading = readings[found[start][2]]
            if reading.text not in read:
                read[reading.text] = units(reading.text)
            for skel in tied:
                match = self._evidence.evaluate(net, raw, reading, read[reading.text], skel)
                if match:
                    return match
            start = end
        return None
