"""Read one goal sentence: what it measures, its target, deadline, cadence, networks.

Over-long statements are cut at MAX_STATEMENT_LENGTH characters (after spaces
are normalised) before they are read, and the reading says so (``truncated``):
reading is then bounded whatever the input, where some steps grow faster than
the sentence (a 31 KB statement once took minutes). No real goal sentence comes
near the limit.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable
from functools import lru_cache

from smplan_lint.records import NamedTuple

from ..answers import GoalReading
from .builder import lexicon
from .dates import find_dates
from .index import Probe
from .lexicon import Lexicon
from .mentions import (
    detect_language,
    find_handles,
    find_metrics,
    find_networks,
    negated_mentions,
)
from .text import HARD_STOP_RE, Mention, Span, blank, normalise, words

MAX_STATEMENT_LENGTH = 2000
"""Characters of a goal statement that are read; the rest is ignored."""

_RESPONSE_TIME = "response_time"
_REVENUE = "revenue"
_AFTER_STOP_RE = re.compile(r"[,;:!?]|\.\s|(?<!\w)\d")


class _Timing(NamedTuple):
    """When a sentence's goal is due, and the text left once that is masked."""

    deadline: _dt.date | None
    has_deadline: bool
    cadence: str | None
    durations: list[Span]
    masked: str
    """The text with response times, dates, deadline phrases and durations blanked."""
    response_time: bool
    """A response-time threshold in a sentence about answering people."""


def read_all(statements: Iterable[str]) -> dict[str, GoalReading]:
    """Each distinct sentence's reading, as `read_goal` gives it; large plans read
    theirs on every CPU (see smplan_lint/parallel.py)."""
    from smplan_lint.parallel import map_items

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
    lex = lexicon()
    text = normalise(statement)
    truncated = len(text) > MAX_STATEMENT_LENGTH
    text = text[:MAX_STATEMENT_LENGTH]
    text = lex.abbreviation.sub(lambda m: m.group(0)[:-1] + " ", text)
    handles = find_handles(lex, text)
    # an account name is neither a word of the sentence nor a network's name
    text = blank(text, [(m.start(), m.end()) for m in handles])
    probe = Probe(text)
    language = detect_language(lex, probe)
    mentions = find_metrics(lex, probe)
    networks = find_networks(lex, probe, mentions)
    negated_idx = negated_mentions(lex, probe, mentions)
    timing = _timing(lex, probe, mentions)
    live = [m for i, m in enumerate(mentions) if i not in negated_idx]
    names, has_target = _measures(lex, timing, mentions, live, language)
    rejected = (mentions[i].name for i in sorted(negated_idx))
    return GoalReading(
        metrics=tuple(names),
        families=tuple(lex.family[n] for n in names),
        negated=tuple(dict.fromkeys(n for n in rejected if n not in names)),
        has_target=has_target,
        deadline=timing.deadline.isoformat() if timing.deadline else None,
        has_deadline=timing.has_deadline,
        cadence=timing.cadence,
        networks=networks,
        language=language,
        handles=tuple(dict.fromkeys(m.group(0)[1:] for m in handles)),
        truncated=truncated,
    )


def _timing(lex: Lexicon, probe: Probe, mentions: list[Mention]) -> _Timing:
    """Response times first (never deadlines), then dates, deadline phrases,
    cadences and durations, each read on the text the earlier ones leave."""
    text = probe.text
    sla, responding = _service_levels(lex, probe)
    masked = blank(text, sla)
    deadline, date_spans = find_dates(
        lex.dates, probe if masked is text else Probe(masked), mentions
    )
    late = blank(masked, date_spans)
    late_probe = probe if late is text else Probe(late)
    phrases = [
        (m.start(), m.end()) for m in late_probe.finditer(lex.late_index, "deadline_phrase")
    ]
    durations = [(m.start(), m.end()) for m in _durations(lex, late_probe)]
    return _Timing(
        deadline=deadline,
        has_deadline=deadline is not None or bool(phrases),
        cadence=_cadence(lex, late_probe),
        durations=durations,
        masked=blank(late, phrases + durations),
        response_time=bool(sla) and responding,
    )


def _measures(
    lex: Lexicon, timing: _Timing, mentions: list[Mention], live: list[Mention], language: str
) -> tuple[list[str], bool]:
    """The metrics the sentence measures (``live``: those not rejected), and
    whether a number or duration sets a target for one."""
    masked = timing.masked
    names = list(dict.fromkeys(m.name for m in live))
    has_target = any(
        (found := _attach(lex, masked, start, end, live)) is not None and found.name in lex.in_time
        for start, end in timing.durations
    )
    masked = blank(masked, [(m.start, m.end) for m in mentions])
    for start, end, money in _numbers(lex, Probe(masked), language):
        found = _attach(lex, masked, start, end, live)
        if found is not None:
            has_target |= lex.family[found.name] != "output"
        elif money:
            names.append(_REVENUE)
            has_target = True
    if timing.response_time:
        names.append(_RESPONSE_TIME)
        has_target = True
    return list(dict.fromkeys(names)), has_target


def _durations(lex: Lexicon, probe: Probe) -> list[re.Match[str]]:
    """'2 hours', 'six months'; '10% month over month' is a rate, not a duration."""
    pattern = lex.duration(probe)
    if pattern is None:
        return []
    return [m for m in pattern.finditer(probe.text) if "%" not in m.group(0)]


def _service_levels(lex: Lexicon, probe: Probe) -> tuple[list[Span], bool]:
    """Response-time thresholds ('within 2 hours'): targets, never deadlines; and
    whether the sentence is about answering people."""
    text = probe.text
    responding = probe.search(lex.text_index, "response_context", text) is not None
    spans = []
    # a duration is a threshold only after a cue such as "within": none in the text, none
    within = probe.pattern(lex.prefix_index, "sla_within") is not None
    for m in _durations(lex, probe) if within else ():
        if not probe.ends_with(lex.prefix_index, "sla_within", m.start()):
            continue
        unit = next(u for u, p in lex.unit_patterns.items() if p.fullmatch(m.group("unit")))
        if unit in lex.short_units or (unit == "day" and responding):
            spans.append((m.start(), m.end()))
    if responding:
        spans.extend((m.start(), m.end()) for m in probe.finditer(lex.text_index, "same_day"))
    return spans, responding


def _cadence(lex: Lexicon, probe: Probe) -> str | None:
    hits = []
    for period in lex.cadence_periods:
        for m in probe.finditer(lex.late_index, f"cadence {period}"):
            if not probe.ends_with(lex.prefix_index, "cadence_not_after", m.start()):
                hits.append((m.start(), period))
    return min(hits)[1] if hits else None


def _numbers(lex: Lexicon, probe: Probe, language: str) -> list[tuple[int, int, bool]]:
    """(start, end, is_money) of every number that could be a target."""
    text = probe.text
    open_range = lex.open_range(probe)
    dropped = set() if open_range is None else {m.start("num") for m in open_range.finditer(text)}
    found = [(m.start(), m.end()) for m in lex.digits.finditer(text)] if probe.digit else []
    number_words = f"words {language}"
    if number_words in lex.number_index.ids:
        found += [(m.start(), m.end()) for m in probe.finditer(lex.number_index, number_words)]
    numbers = []
    for start, end in sorted(found):
        if (
            start in dropped
            or probe.ends_with(lex.prefix_index, "baseline_number", start)
            or probe.ends_with(lex.prefix_index, "rank", start)
        ):
            continue
        around = text[max(0, start - 1) : end + 8]
        before = text[max(0, start - 6) : start]
        money = lex.currency.search(around) or lex.currency_before.search(before)
        numbers.append((start, end, bool(money)))
    return numbers


def _attach(
    lex: Lexicon, text: str, start: int, end: int, mentions: list[Mention]
) -> Mention | None:
    """The metric a number measures: the result metric it is a threshold of ("CPA
    below $25", "a ROAS of 4.0"), the metric right after it ("400 visitors"), or else the
    nearest result metric before it ("shares of our articles by 20%")."""
    after = next((m for m in mentions if m.start >= end), None)
    right_after = after is not None and not words(text[end : after.start])
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
        if len(words(gap)) <= 3 and not stops:
            return after
    ranged = lex.range_from.search(text[:start])
    if ranged is not None:
        start = ranged.start()
    before = [m for m in mentions if m.end <= start]
    window = [
        m
        for m in before
        if len(words(text[m.end : start])) <= 8 and not HARD_STOP_RE.search(text[m.end : start])
    ]
    results = [m for m in window if lex.family[m.name] != "output"]
    chosen = results or window
    return chosen[-1] if chosen else None


def classify_metric(name: str) -> str | None:
    """Family of a structured metric name such as 'web_referrals' or 'followers'.

    Structured goals name metrics in snake_case; reading them with the same
    vocabulary as sentences keeps both paths in agreement.
    """
    lex = lexicon()
    key = name.strip().lower()
    key = lex.metric_aliases.get(key, key)
    if key in lex.family:
        return lex.family[key]
    phrase = re.sub(r"[_\-\s]+", " ", key).strip()
    probe = Probe(phrase)
    for gid, metric in enumerate(lex.metric_names):
        pattern = probe.pattern(lex.text_index, gid)
        if pattern is not None and pattern.fullmatch(phrase):
            return lex.family[metric]
    families = {lex.family[m.name] for m in find_metrics(lex, probe)}
    return families.pop() if len(families) == 1 else None
