"""Deadlines written as dates: finding them in a sentence and the last day each allows.

A template is compiled once, with every month, quarter and part of the year:
per-sentence subsets made a compile per template for each new set of months. One
that starts with a month or a part of the year is tried only where the
sentence's subset of those matches.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import re
from typing import Any

from smplan_lint.records import NamedTuple

from .index import Group, Index, Probe, alternation
from .prefilter import Requirement, analysed
from .text import FLAGS, Mention, Span, overlaps, words

_COUNT_GAP_RE = re.compile(r"[,;:.!?\d]")
_FIELDS = {
    "day": r"(?P<day>0?[1-9]|[12]\d|3[01])",
    "monthnum": r"(?P<monthnum>0?[1-9]|1[0-2])",
    "endyear": r"(?P<endyear>(?:20)?[2-9]\d)",
}

_Numbered = list[tuple[int, re.Pattern[str]]]


class DateTemplate(NamedTuple):
    """A date template of the data file, and when a sentence can match it."""

    source: str
    slots: frozenset[int]
    """The groups of the date index it uses (months, quarters, parts of the year)."""
    lead: int | None
    """The group it starts with, where that group's matches start a word."""
    need: Requirement
    """What a sentence must contain, from the template's own text."""

    @classmethod
    def read(cls, source: str, index: Index) -> DateTemplate:
        """A template of the data file, with what it needs worked out."""
        slots = index.ids
        used = frozenset(gid for name, gid in slots.items() if "{" + name + "}" in source)
        lead = next((gid for name, gid in slots.items() if source.startswith(f"{{{name}}}")), None)
        if lead is not None and not index.groups[lead].edges[0]:
            lead = None
        blanks = dict.fromkeys(("year", *_FIELDS, *slots), ".")
        return cls(source, used, lead, analysed(source.format(**blanks), False, False))


class DatePatterns:
    """The data file's `dates`: templates, names of months and quarters, cues."""

    def __init__(self, dates: dict[str, Any]) -> None:
        self.data = dates
        # a month name is a word of its own in every template, and a part of the
        # year starts one ("mid-2027", "mid2027"): the patterns say so, which
        # changes no match and lets words find them
        self.index = Index(
            {
                "month": Group(t for v in dates["months"].values() for t in v),
                "quarter": Group((t for v in dates["quarters"].values() for t in v), bounded=False),
                "yearpart": Group(
                    (t for v in dates["year_parts"].values() for t in v),
                    bounded=False,
                    wrap=r"(?<!\w)(?:{})",
                    edges=(True, False),
                ),
            }
        )
        self.templates = [DateTemplate.read(t, self.index) for t in dates["templates"]]
        self._needing = [t for t in self.templates if t.need is not None]
        self.year = re.compile(dates["year"])
        self.baseline = re.compile(dates["baseline_cues"], FLAGS)
        self.months = _numbered(dates["months"])
        self.quarters = _numbered(dates["quarters"])
        self.year_parts = _numbered(dates["year_parts"])
        self._compiled: dict[Any, Any] = {}
        self._numbers: dict[tuple[str, str], int] = {}

    def matches(self, probe: Probe) -> list[list[re.Match[str]]]:
        """The matches of each date template that can match, in order (every one
        needs a year)."""
        text = probe.text
        if self.year.search(text) is None:
            return []
        chosen = probe.chosen(self.index)
        key = (frozenset(chosen), *(probe.admits(t.need) for t in self._needing))
        plan = self._compiled.get(key)
        if plan is None:
            plan = self._compiled[key] = [
                (self.template(number), template.lead)
                for number, template in enumerate(self.templates)
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
            found.append(matches_at(pattern, text, places[lead]))
        return found

    def _starts(self, gid: int, picked: int) -> re.Pattern[str]:
        """Where the date group's picked terms match: an empty match at each place."""
        key = ("starts", gid, picked)
        if key not in self._compiled:
            source = self.index.groups[gid].source(picked)
            self._compiled[key] = re.compile(f"(?={source})", FLAGS)
        return self._compiled[key]

    def template(self, number: int) -> re.Pattern[str]:
        """A template compiled whole, with every name of its slots."""
        pattern = self._compiled.get(("date", number))
        if pattern is None:
            fields = dict(_FIELDS, year=rf"(?P<year>{self.data['year']})")
            for name, gid in self.index.ids.items():
                group = self.index.groups[gid]
                fields[name] = f"(?P<{name}>{group.source(group.all)})"
            source = self.templates[number].source.format(**fields)
            pattern = self._compiled[("date", number)] = re.compile(
                rf"(?<![\w.,/]){source}(?![\w]|[.,/]\d)", FLAGS
            )
        return pattern

    def _number(self, slot: str, written: str) -> int:
        """Which quarter, part of the year or month a matched name is (kept per spelling)."""
        number = self._numbers.get((slot, written))
        if number is None:
            table = {"quarter": self.quarters, "yearpart": self.year_parts,
                     "month": self.months}[slot]
            number = self._numbers[slot, written] = _lookup(table, written)
        return number

    def resolve(self, groups: dict[str, str | None]) -> _dt.date | None:
        """The last day a matched date expression allows."""
        year = int(groups["year"] or 0)
        if groups.get("endyear"):  # "2026/27": a school year or season ends in the later year
            later = int(groups["endyear"] or 0)
            year = max(year, later if later >= 100 else year - year % 100 + later)
        if groups.get("quarter"):
            month = 3 * self._number("quarter", groups["quarter"] or "")
        elif groups.get("yearpart"):
            month = self._number("yearpart", groups["yearpart"] or "")
        elif groups.get("month"):
            month = self._number("month", groups["month"] or "")
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


def find_dates(
    dates: DatePatterns, probe: Probe, mentions: list[Mention]
) -> tuple[_dt.date | None, list[Span]]:
    """The latest date that is not a baseline, and every span read as a date."""
    text = probe.text
    taken: list[Span] = []
    candidates: list[_dt.date] = []
    for matches in dates.matches(probe):
        for m in matches:
            if overlaps(m.start(), m.end(), taken) or _counts_something(text, m.end(), mentions):
                continue
            taken.append((m.start(), m.end()))
            resolved = dates.resolve(m.groupdict())
            if resolved and not dates.baseline.search(text[: m.start()]):
                candidates.append(resolved)
    return (max(candidates) if candidates else None), taken


def matches_at(pattern: re.Pattern[str], text: str, places: list[int]) -> list[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern that can match only at ``places``
    (in order): tried only there."""
    found: list[re.Match[str]] = []
    end = 0
    for at in places:
        if at >= end and (m := pattern.match(text, at)) is not None:
            found.append(m)
            end = m.end()
    return found


def _counts_something(text: str, end: int, mentions: list[Mention]) -> bool:
    """'2000 new followers': a number that looks like a year but counts a metric."""
    for mention in mentions:
        if mention.start >= end:
            gap = text[end : mention.start]
            return len(words(gap)) <= 1 and not _COUNT_GAP_RE.search(gap)
    return False


def _lookup(table: _Numbered, value: str) -> int:
    return next(number for number, pattern in table if pattern.fullmatch(value.strip()))


def _numbered(table: dict[Any, list[str]]) -> _Numbered:
    """Patterns that tell which month, quarter or part of the year a word names."""
    return [(int(k), re.compile(alternation(v, bounded=False), FLAGS)) for k, v in table.items()]
