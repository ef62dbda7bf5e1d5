"""Read goal sentences the way a marketer would.

Teams often write goals as bare sentences ("Post three photos a week on Instagram
with at least 30 likes each"), so the SMART checks (SPEC section 5) need to know
what such a sentence measures, whether it has a real target, a deadline or a
cadence, and which networks it names. This module answers that in English,
German, Spanish and French. All vocabulary and patterns live in
``smplan_lint/data/goal_language.yaml``; they are loaded and compiled once, on
first use, so importing this module stays cheap.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

import yaml
from rapidfuzz.distance import OSA

METRIC_FAMILIES = ("vanity", "engagement", "business", "output")

_RESPONSE_TIME = "response_time"
_REVENUE = "revenue"
_FLAGS = re.IGNORECASE | re.UNICODE
_WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)
_HARD_STOP_RE = re.compile(r"[;!?]|\.\s")
_AFTER_STOP_RE = re.compile(r"[,;:!?]|\.\s|(?<!\w)\d")
_GAP_CHARS_RE = re.compile(r"[\w\s,&/'\"“”„«»-]*")


@dataclass(frozen=True)
class GoalReading:
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


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    name: str


@dataclass(frozen=True)
class _Network:
    """One way of naming a network: its pattern and when a match counts."""

    means: tuple[str, ...]
    pattern: re.Pattern[str]
    kind: str  # "term", "context" or "product"
    context: frozenset[str] = frozenset()
    before_metric: bool = False


def _alternation(terms: Iterable[str], bounded: bool = True) -> str:
    """Join regex terms longest first, as whole words unless told otherwise.

    The word boundary sits outside the alternation, so the engine tests it once
    per position instead of once per term (the reader's hot path).
    """
    ordered = sorted(set(terms), key=len, reverse=True)
    if not bounded:
        return "|".join(f"(?:{t})" for t in ordered)
    words = "|".join(f"(?:{t})" for t in ordered if not t.startswith("/"))
    slashes = [f"(?:{t})(?!\\w)" for t in ordered if t.startswith("/")]
    return "|".join([f"(?<!\\w)(?:{words})(?!\\w)"] + slashes)


def _compile(terms: Iterable[str]) -> re.Pattern[str]:
    return re.compile(_alternation(terms), _FLAGS)


def _by_language(entry: dict[str, Any]) -> list[str]:
    return [t for lang in ("en", "de", "es", "fr") for t in entry.get(lang, [])]


class _Lexicon:
    """The data file, compiled into the patterns the reader needs."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.languages: dict[str, tuple[frozenset[str], str]] = {
            lang: (frozenset(spec["stopwords"]), spec.get("letters", ""))
            for lang, spec in data["languages"].items()
        }
        self.family: dict[str, str] = {}
        self.in_time = frozenset(n for n, e in data["metrics"].items() if e.get("in_time"))
        self.metric_patterns: list[tuple[str, re.Pattern[str]]] = []
        for name, entry in data["metrics"].items():
            self.family[name] = entry["family"]
            self.metric_patterns.append((name, _compile(_by_language(entry))))
        self.metric_aliases: dict[str, str] = data["metric_aliases"]

        context = frozenset(data["network_context_before"])
        self.networks: list[_Network] = []
        for name, entry in data["networks"].items():
            means = tuple(entry.get("means", [name]))
            self.networks.append(_Network(means, _compile(entry["terms"]), "term"))
            if entry.get("context_terms"):
                self.networks.append(
                    _Network(
                        means,
                        _compile(entry["context_terms"]),
                        "context",
                        context | frozenset(entry.get("context_before", [])),
                        bool(entry.get("before_metric")),
                    )
                )
            if entry.get("product_terms"):
                self.networks.append(_Network(means, _compile(entry["product_terms"]), "product"))
        self.handle = re.compile(data["handles"], re.UNICODE)

        typos = data["typos"]
        self.typo_min = int(typos["min_length"])
        self.typo_distance = int(typos["max_distance"])
        self.typo_prefix = int(typos["same_prefix"])
        self.typo_words: dict[str, dict[str, str]] = {}
        for name, entry in data["metrics"].items():
            for term in _by_language(entry):
                for word in _literal_words(term):
                    if len(word) >= self.typo_min:
                        bucket = self.typo_words.setdefault(word[: self.typo_prefix], {})
                        bucket.setdefault(word, name)

        neg = data["negation"]
        self.negation_cue = _compile(_by_language(neg["cues"]))
        self.negation_gap = int(neg["max_gap"])
        self.contrast = _compile(neg["contrast"])
        self.contrast_window = int(neg["contrast_window"])
        self.coordinators = frozenset(neg["coordinators"])
        self.fillers = frozenset(neg["fillers"])

        num = data["numbers"]
        self.digits = re.compile(num["digits"], _FLAGS)
        self.number_words = {lang: _compile(words) for lang, words in num["words"].items()}
        self.currency = re.compile(num["currency"], _FLAGS)
        self.gap_ignore = _compile(num["gap_ignore"])
        self.denominator = _compile(num["denominator_cues"])
        cue = _alternation(num["threshold_cues"], bounded=False)
        self.threshold_gap = re.compile(rf"[\s:()]*(?:(?:{cue})(?=[\s:()]|\Z)[\s:()]*)*", _FLAGS)
        placeholder = _alternation(num["placeholders"])
        number_any = "|".join([num["digits"]] + [_alternation(w) for w in num["words"].values()])
        self.open_range = re.compile(
            rf"(?P<num>{number_any})\s*(?:{_alternation(num['range_to'])})\s*"
            rf"(?:the\s+|el\s+|la\s+|le\s+)?(?:{placeholder})",
            _FLAGS,
        )
        self.baseline_number = re.compile(
            rf"(?:{_alternation(num['baseline_cues'])})\s*(?:of\s+|at\s+|bei\s+)?$", _FLAGS
        )
        self.rank = re.compile(rf"(?:{_alternation(num['rank_cues'])})\s*$", _FLAGS)

        units = data["time_units"]
        self.unit_patterns = {unit: _compile(terms) for unit, terms in units.items()}
        any_unit = _alternation((t for terms in units.values() for t in terms), bounded=False)
        amount = (
            rf"(?:{number_any}|"
            r"(?<!\w)(?:a|an|one|ein|eine|einer|eines|einem|un|una|une)(?!\w))"
        )
        self.duration = re.compile(
            rf"(?:{amount})(?:\s*(?:-|–|to|bis|a|à)\s*(?:{amount}))?\s*(?P<unit>{any_unit})(?!\w)",
            _FLAGS,
        )
        sla = data["service_level"]
        self.sla_within = re.compile(rf"(?:{_alternation(sla['within'])})\s*$", _FLAGS)
        self.short_units = frozenset(sla["short_units"])
        self.response_context = re.compile(sla["response_context"], _FLAGS)
        self.same_day = _compile(sla["same_day"])

        cad = data["cadence"]
        self.cadence = [
            (period, _compile(terms)) for period, terms in cad.items() if period != "not_after"
        ]
        self.cadence_not_after = re.compile(rf"(?:{_alternation(cad['not_after'])})\s*$", _FLAGS)

        dates = data["dates"]
        self.months = _numbered(dates["months"])
        self.quarters = _numbered(dates["quarters"])
        self.year_parts = _numbered(dates["year_parts"])

        def group(name: str, table: dict[Any, list[str]]) -> str:
            terms = (t for v in table.values() for t in v)
            return f"(?P<{name}>{_alternation(terms, bounded=False)})"

        groups = {
            "day": r"(?P<day>0?[1-9]|[12]\d|3[01])",
            "monthnum": r"(?P<monthnum>0?[1-9]|1[0-2])",
            "month": group("month", dates["months"]),
            "quarter": group("quarter", dates["quarters"]),
            "yearpart": group("yearpart", dates["year_parts"]),
            "year": rf"(?P<year>{dates['year']})",
        }
        self.date_templates = [
            re.compile(rf"(?<![\w.,/]){t.format(**groups)}(?![\w]|[.,/]\d)", _FLAGS)
            for t in dates["templates"]
        ]
        self.date_baseline = re.compile(dates["baseline_cues"], _FLAGS)
        self.deadline_phrase = _compile(_by_language(data["deadline_phrases"]))


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


@cache
def _lexicon() -> _Lexicon:
    """Load and compile the vocabulary once, on first use."""
    text = resources.files("smplan_lint.data").joinpath("goal_language.yaml").read_text("utf-8")
    return _Lexicon(yaml.safe_load(text))


def _normalise(statement: str) -> str:
    text = unicodedata.normalize("NFC", statement)
    text = text.replace("’", "'").replace("\u00a0", " ").replace("\u202f", " ")
    return re.sub(r"\s+", " ", text).strip()


def _blank(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """Replace spans with spaces, keeping every offset valid."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def _overlaps(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD_RE.findall(text)]


def _detect_language(lex: _Lexicon, text: str) -> str:
    lowered = text.lower()
    words = _words(lowered)
    best, best_score = "en", 0.0
    for lang, (stopwords, letters) in lex.languages.items():
        score = sum(1 for w in words if w in stopwords)
        score += 2 * sum(lowered.count(ch) for ch in letters)
        if score > best_score:
            best, best_score = lang, score
    return best


def _find_metrics(lex: _Lexicon, text: str) -> list[_Mention]:
    """Every metric mention, the longest one winning where two overlap; then the
    misspelt metric words among the words left over."""
    found = [
        _Mention(m.start(), m.end(), name)
        for name, pattern in lex.metric_patterns
        for m in pattern.finditer(text)
        if m.end() > m.start()
    ]
    found.sort(key=lambda m: (-(m.end - m.start), m.start))
    chosen: list[_Mention] = []
    for mention in found:
        if not _overlaps(mention.start, mention.end, [(c.start, c.end) for c in chosen]):
            chosen.append(mention)
    taken = [(c.start, c.end) for c in chosen]
    for m in _WORD_RE.finditer(text):
        if len(m.group(0)) >= lex.typo_min and not _overlaps(m.start(), m.end(), taken):
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


def _find_networks(lex: _Lexicon, text: str, mentions: list[_Mention]) -> tuple[str, ...]:
    named = [
        (m.start(), m.end(), network)
        for network in lex.networks
        if network.kind == "term"
        for m in network.pattern.finditer(text)
    ]
    found = [(start, network.means) for start, _end, network in named]
    for network in lex.networks:
        if network.kind == "term":
            continue
        for m in network.pattern.finditer(text):
            if network.kind == "product":
                counts = not _after_other_network(text, m.start(), network, named)
            else:
                counts = _network_in_context(text, m, mentions, network)
            if counts and not _overlaps(m.start(), m.end(), [(s, e) for s, e, _ in named]):
                found.append((m.start(), network.means))
    found.sort(key=lambda item: item[0])
    return tuple(dict.fromkeys(name for _, means in found for name in means))


def _after_other_network(
    text: str, start: int, network: _Network, named: list[tuple[int, int, _Network]]
) -> bool:
    """'Facebook Reels' are Facebook's, not Instagram's."""
    return any(
        other.means != network.means and re.fullmatch(r"[\s-]*", text[end:start])
        for _start, end, other in named
        if end <= start
    )


def _network_in_context(
    text: str, match: re.Match[str], mentions: list[_Mention], network: _Network
) -> bool:
    """'on X' names a network; 'X followers' and 'X%' are placeholders. Where the
    entry says so, a name right before a metric counts too ('Threads followers')."""
    after = text[match.end() :]
    if re.match(r"\s*[%\d]", after):
        return False
    following = match.end() + len(after) - len(after.lstrip(" -"))
    before_metric = any(m.start == following for m in mentions)
    if network.before_metric and before_metric:
        return True
    before = text[: match.start()].rstrip()
    previous = before[-1:] if before[-1:] in {",", "/"} else (_words(before) or [""])[-1]
    return previous in network.context and not before_metric


def _handles(lex: _Lexicon, text: str) -> list[re.Match[str]]:
    return list(lex.handle.finditer(text))


def _is_negated(lex: _Lexicon, gap: str, first: bool) -> bool:
    """Whether the words between a cue (or a listed metric) and a metric keep the negation."""
    if any(ch.isdigit() for ch in gap):
        return False
    words = _words(gap)
    allowed = lex.fillers if first else lex.fillers | lex.coordinators
    limit = lex.negation_gap if first else lex.negation_gap + 1
    if not _GAP_CHARS_RE.fullmatch(gap):
        return False
    return len(words) <= limit and all(w in allowed for w in words)


def _negated_mentions(lex: _Lexicon, text: str, mentions: list[_Mention]) -> set[int]:
    """Indexes of mentions that a cue ('beyond', 'nicht nur', 'au-delà des') rejects."""
    negated: set[int] = set()
    for cue in lex.negation_cue.finditer(text):
        position, first = cue.end(), True
        for index, mention in enumerate(mentions):
            if mention.start < position:
                continue
            if not _is_negated(lex, text[position : mention.start], first):
                break
            negated.add(index)
            position, first = mention.end, False
        contrast = lex.contrast.search(text, cue.end())
        if contrast is not None and _in_contrast_window(lex, text[cue.end() : contrast.start()]):
            negated.update(
                index
                for index, mention in enumerate(mentions)
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


def _durations(lex: _Lexicon, text: str) -> list[re.Match[str]]:
    """'2 hours', 'six months'; '10% month over month' is a rate, not a duration."""
    return [m for m in lex.duration.finditer(text) if "%" not in m.group(0)]


def _service_levels(lex: _Lexicon, text: str) -> list[tuple[int, int]]:
    """Response-time thresholds ('within 2 hours'): targets, never deadlines."""
    responding = bool(lex.response_context.search(text))
    spans = []
    for m in _durations(lex, text):
        unit = next(u for u, p in lex.unit_patterns.items() if p.fullmatch(m.group("unit")))
        if not lex.sla_within.search(text[: m.start()]):
            continue
        if unit in lex.short_units or (unit == "day" and responding):
            spans.append((m.start(), m.end()))
    if responding:
        spans.extend((m.start(), m.end()) for m in lex.same_day.finditer(text))
    return spans


def _lookup(table: list[tuple[int, re.Pattern[str]]], value: str) -> int:
    return next(number for number, pattern in table if pattern.fullmatch(value.strip()))


def _resolve(lex: _Lexicon, groups: dict[str, str | None]) -> _dt.date | None:
    """The last day a matched date expression allows."""
    year = int(groups["year"] or 0)
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
    lex: _Lexicon, text: str, mentions: list[_Mention]
) -> tuple[_dt.date | None, list[tuple[int, int]]]:
    """The latest date that is not a baseline, and every span read as a date."""
    taken: list[tuple[int, int]] = []
    candidates: list[_dt.date] = []
    for template in lex.date_templates:
        for m in template.finditer(text):
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
            return len(_words(gap)) <= 1 and not re.search(r"[,;:.!?\d]", gap)
    return False


def _cadence(lex: _Lexicon, text: str) -> str | None:
    hits = []
    for period, pattern in lex.cadence:
        for m in pattern.finditer(text):
            if not lex.cadence_not_after.search(text[: m.start()]):
                hits.append((m.start(), period))
    return min(hits)[1] if hits else None


def _numbers(lex: _Lexicon, text: str, language: str) -> list[tuple[int, int, bool]]:
    """(start, end, is_money) of every number that could be a target."""
    dropped = {m.start("num") for m in lex.open_range.finditer(text)}
    found = [(m.start(), m.end()) for m in lex.digits.finditer(text)]
    words = lex.number_words.get(language)
    if words is not None:
        found += [(m.start(), m.end()) for m in words.finditer(text)]
    numbers = []
    for start, end in sorted(found):
        before = text[:start]
        if start in dropped or lex.baseline_number.search(before) or lex.rank.search(before):
            continue
        around = text[max(0, start - 1) : end + 8]
        numbers.append((start, end, bool(lex.currency.search(around))))
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
    before = [m for m in mentions if m.end <= start]
    window = [
        m
        for m in before
        if len(_words(text[m.end : start])) <= 8 and not _HARD_STOP_RE.search(text[m.end : start])
    ]
    results = [m for m in window if lex.family[m.name] != "output"]
    return (results or window or [None])[-1]


@lru_cache(maxsize=4096)
def read_goal(statement: str) -> GoalReading:
    """Read one goal sentence: metrics, target, deadline, cadence, networks.

    Cached: large inventories repeat the same goal sentences, and the reading of
    a sentence never changes within a process.
    """
    lex = _lexicon()
    text = _normalise(statement)
    handles = _handles(lex, text)
    # an account name is neither a word of the sentence nor a network's name
    text = _blank(text, [(m.start(), m.end()) for m in handles])
    language = _detect_language(lex, text)
    mentions = _find_metrics(lex, text)
    networks = _find_networks(lex, text, mentions)
    negated_idx = _negated_mentions(lex, text, mentions)

    sla = _service_levels(lex, text)
    masked = _blank(text, sla)
    deadline, date_spans = _dates(lex, masked, mentions)
    masked = _blank(masked, date_spans)
    phrases = [(m.start(), m.end()) for m in lex.deadline_phrase.finditer(masked)]
    has_deadline = deadline is not None or bool(phrases)
    cadence = _cadence(lex, masked)
    durations = [(m.start(), m.end()) for m in _durations(lex, masked)]
    masked = _blank(masked, phrases + durations)

    live = [m for i, m in enumerate(mentions) if i not in negated_idx]
    names = list(dict.fromkeys(m.name for m in live))
    has_target = any(
        (found := _attach(lex, masked, start, end, live)) is not None and found.name in lex.in_time
        for start, end in durations
    )
    masked = _blank(masked, [(m.start, m.end) for m in mentions])
    for start, end, money in _numbers(lex, masked, language):
        found = _attach(lex, masked, start, end, live)
        if found is not None:
            has_target |= lex.family[found.name] != "output"
        elif money:
            names.append(_REVENUE)
            has_target = True
    if sla and lex.response_context.search(text):
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
    for metric, pattern in lex.metric_patterns:
        if pattern.fullmatch(phrase):
            return lex.family[metric]
    families = {lex.family[m.name] for m in _find_metrics(lex, phrase)}
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
