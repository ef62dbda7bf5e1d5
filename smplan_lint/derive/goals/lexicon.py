"""The goal vocabulary (``data/goal_language.yaml``) as named term groups and patterns.

Nothing is compiled when the lexicon is built: each alternation is compiled the
first time a sentence needs it, for the terms that sentence can match. Where
terms are tried only after something else has matched (time units after a
number), all of them are compiled once instead of a subset for each new sentence.
"""

from __future__ import annotations

import re
from functools import cached_property
from typing import Any

from smplan_lint.records import NamedTuple

from .dates import DatePatterns
from .index import Group, Index, Probe, alternation, compile_terms
from .text import FLAGS

LANGUAGES = ("en", "de", "es", "fr")
# Where a number (`numbers.digits` in the data, or a number word) can start.
NUMBER_START = r"(?:(?=[\d€$£]|\s\d)|(?<!\w)(?=\w))"
_ARTICLES = r"(?<!\w)(?:a|an|one|ein|eine|einer|eines|einem|un|una|une)(?!\w)"
_LITERAL_RE = re.compile(r"(?:\(\?:[^()]*\)\?)?([^\W\d_]+)(s\?)?", re.UNICODE)


class Network(NamedTuple):
    """One way of naming a network: its terms and when a match counts."""

    means: tuple[str, ...]
    gid: int  # its group in the lexicon's text index
    kind: str  # "term", "context" or "product"
    context: frozenset[str] = frozenset()
    before_metric: bool = False


def by_language(entry: dict[str, Any]) -> list[str]:
    """A vocabulary entry's terms of every language, in language order."""
    return [t for lang in LANGUAGES for t in entry.get(lang, [])]


class Lexicon:
    """The data file, turned into the named term groups and patterns the reader needs."""

    def __init__(
        self, data: dict[str, Any], typo_words: dict[str, dict[str, str]] | None = None
    ) -> None:
        """``typo_words``: `typo_words` as the generated index has it, if it does."""
        self.data = data
        self._typo_words = typo_words
        self._read_languages(data["languages"])
        metrics = data["metrics"]
        self.family: dict[str, str] = {name: e["family"] for name, e in metrics.items()}
        self.in_time = frozenset(n for n, e in metrics.items() if e.get("in_time"))
        self.metric_names = tuple(metrics)
        self.metric_aliases: dict[str, str] = data["metric_aliases"]
        neg = data["negation"]
        self.negation_gap = int(neg["max_gap"])
        self.contrast_window = int(neg["contrast_window"])
        self.fillers = frozenset(neg["fillers"])
        self.fillers_and_coordinators = self.fillers | frozenset(neg["coordinators"])
        typos = data["typos"]
        self.typo_min = int(typos["min_length"])
        self.typo_distance = int(typos["max_distance"])
        self.typo_prefix = int(typos["same_prefix"])
        self.short_units = frozenset(data["service_level"]["short_units"])
        self.text_index = self._text_index()
        self.network_of = {n.gid: n for n in self.networks}
        self.number_index = self._number_index()
        self.dates = DatePatterns(data["dates"])
        cad = data["cadence"]
        self.cadence_periods = tuple(p for p in cad if p != "not_after")
        self.late_index = Index(
            {"deadline_phrase": Group(by_language(data["deadline_phrases"]))}
            | {f"cadence {p}": Group(cad[p]) for p in self.cadence_periods}
        )
        self.prefix_index = self._prefix_index()
        self._composite: dict[Any, re.Pattern[str]] = {}

    def _read_languages(self, spec: dict[str, Any]) -> None:
        languages = {
            lang: (frozenset(s["stopwords"]), s.get("letters", "")) for lang, s in spec.items()
        }
        self.language_order = tuple(languages)
        # word -> the languages it is a stop word of; the letters that count double
        self.stopword_languages: dict[str, tuple[int, ...]] = {}
        for number, (stopwords, _letters) in enumerate(languages.values()):
            for word in stopwords:
                self.stopword_languages[word] = self.stopword_languages.get(word, ()) + (number,)
        self.language_letters = tuple(letters for _stop, letters in languages.values())
        self.all_letters = frozenset("".join(self.language_letters))

    def _text_index(self) -> Index:
        """Metrics first (their group numbers are their places in `metric_names`),
        then every way of naming a network, then negation and service-level cues."""
        data = self.data
        groups = {f"metric {n}": Group(by_language(e)) for n, e in data["metrics"].items()}
        context = frozenset(data["network_context_before"])
        self.networks: list[Network] = []
        for name, entry in data["networks"].items():
            means = tuple(entry.get("means", [name]))
            self.networks.append(Network(means, len(groups), "term"))
            groups[f"network {name}"] = Group(entry["terms"])
            if entry.get("context_terms"):
                extra = context | frozenset(entry.get("context_before", []))
                before_metric = bool(entry.get("before_metric"))
                self.networks.append(Network(means, len(groups), "context", extra, before_metric))
                groups[f"network {name} in context"] = Group(entry["context_terms"])
            if entry.get("product_terms"):
                self.networks.append(Network(means, len(groups), "product"))
                groups[f"network {name} product"] = Group(entry["product_terms"])
        neg, sla = data["negation"], data["service_level"]
        groups["negation_cue"] = Group(by_language(neg["cues"]))
        groups["contrast"] = Group(neg["contrast"])
        groups["same_day"] = Group(sla["same_day"])
        groups["response_context"] = Group(sla["response_context"])
        return Index(groups)

    def _number_index(self) -> Index:
        """Time units, the number words of each language, the words of an open range."""
        num, units = self.data["numbers"], self.data["time_units"]
        self._word_groups = tuple(f"words {lang}" for lang in num["words"])
        every_unit = (t for terms in units.values() for t in terms)
        return Index(
            {"units": Group(every_unit, False, edges=(True, True))}
            | {f"words {lang}": Group(words) for lang, words in num["words"].items()}
            | {"range_to": Group(num["range_to"]), "placeholders": Group(num["placeholders"])}
        )

    def _prefix_index(self) -> Index:
        """Cues searched for right before a number or a period, on the sentence's
        beginning up to it."""
        sla, cad, num = self.data["service_level"], self.data["cadence"], self.data["numbers"]
        return Index(
            {
                "sla_within": Group(sla["within"], wrap=r"(?:{})\s*$"),
                "cadence_not_after": Group(cad["not_after"], wrap=r"(?:{})\s*$"),
                "baseline_number": Group(
                    num["baseline_cues"], wrap=r"(?:{})\s*(?:of\s+|at\s+|bei\s+)?$"
                ),
                "rank": Group(num["rank_cues"], wrap=r"(?:{})\s*$"),
            },
            prefixes=True,
        )

    # -- patterns compiled whole, on first use --------------------------------

    @cached_property
    def handle(self) -> re.Pattern[str]:
        """An @handle naming an account."""
        return re.compile(self.data["handles"], re.UNICODE)

    @property
    def typo_words(self) -> dict[str, dict[str, str]]:
        """Metric words one typo may be forgiven in, by their first letters."""
        if self._typo_words is None:
            self._typo_words = self._read_typo_words()
        return self._typo_words

    def _read_typo_words(self) -> dict[str, dict[str, str]]:
        found: dict[str, dict[str, str]] = {}
        for name, entry in self.data["metrics"].items():
            for term in by_language(entry):
                for word in _literal_words(term):
                    if len(word) >= self.typo_min:
                        bucket = found.setdefault(word[: self.typo_prefix], {})
                        bucket.setdefault(word, name)
        return found

    @cached_property
    def digits(self) -> re.Pattern[str]:
        """A number written in digits, where a number can start."""
        return re.compile(f"{NUMBER_START}(?:{self.data['numbers']['digits']})", FLAGS)

    @cached_property
    def currency(self) -> re.Pattern[str]:
        return re.compile(self.data["numbers"]["currency"], FLAGS)

    @cached_property
    def currency_before(self) -> re.Pattern[str]:
        return re.compile(self.data["numbers"]["currency_before"], FLAGS)

    @cached_property
    def range_from(self) -> re.Pattern[str]:
        """'from 8,000 to ' right before a number: the range's start, where the
        metric before it is measured from."""
        froms = alternation(self.data["numbers"]["range_from"])
        tos = alternation(self.data["numbers"]["range_to"], bounded=False)
        return re.compile(
            rf"(?<!\w)(?:{froms})\s+[€$£¥₹]?\s?\d[\d.,' ]*(?:\s?(?:k|m|%))?"
            rf"\s*(?:{tos})\s*[€$£¥₹]?\s?$",
            FLAGS,
        )

    @cached_property
    def abbreviation(self) -> re.Pattern[str]:
        """The full stop of an abbreviation inside a sentence ("St. Mary's",
        "Dr. Weber", "Acme Inc. account"): not the end of a clause."""
        words = alternation(self.data["abbreviations"])
        return re.compile(rf"(?<![\w.])(?:{words})\.(?=\s+\S)", FLAGS)

    @cached_property
    def gap_ignore(self) -> re.Pattern[str]:
        return compile_terms(self.data["numbers"]["gap_ignore"])

    @cached_property
    def denominator(self) -> re.Pattern[str]:
        return compile_terms(self.data["numbers"]["denominator_cues"])

    @cached_property
    def threshold_gap(self) -> re.Pattern[str]:
        cue = alternation(self.data["numbers"]["threshold_cues"], bounded=False)
        return re.compile(rf"[\s:()]*(?:(?:{cue})(?=[\s:()]|\Z)[\s:()]*)*", FLAGS)

    @cached_property
    def unit_patterns(self) -> dict[str, re.Pattern[str]]:
        return {unit: compile_terms(terms) for unit, terms in self.data["time_units"].items()}

    # -- patterns built from several groups, for the terms a sentence can match

    def _number_key(self, probe: Probe) -> tuple[bool, tuple[int | None, ...]]:
        """What 'any number' depends on in a text: whether it has a digit, and the
        number words of each language it can match."""
        index = self.number_index
        return probe.digit, tuple(probe.terms(index, group) for group in self._word_groups)

    def _number_any(self, key: tuple[bool, tuple[int | None, ...]]) -> str | None:
        """Source of 'any number' (see `_number_key`): digits or a number word.

        It opens with where a number can start (see `numbers.digits` in the
        data): a digit, a currency sign or a space before a digit, or a number
        word at the start of a word. That test rules out most places in a
        sentence before the engine tries every kind of number there.
        """
        digit, picks = key
        index = self.number_index
        parts = [self.data["numbers"]["digits"]] if digit else []
        for group, picked in zip(self._word_groups, picks, strict=True):
            if picked is not None:
                parts.append(index.groups[index.ids[group]].source(picked))
        return f"{NUMBER_START}(?:{'|'.join(parts)})" if parts else None

    def duration(self, probe: Probe) -> re.Pattern[str] | None:
        """'2 hours', 'a month', 'two to three weeks', where the text names a unit.

        Every unit is in the pattern, not just those the text can match: a unit is
        tried only right after a number, so they cost little there, and one pattern
        then serves every sentence with the same kinds of number (one compile of
        some 1,500 characters instead of one per set of units).
        """
        if probe.terms(self.number_index, "units") is None:
            return None
        number_key = self._number_key(probe)
        key = ("duration", number_key)
        if key not in self._composite:
            number_any = self._number_any(number_key)
            amount = f"(?:{number_any}|{_ARTICLES})" if number_any else _ARTICLES
            units = self.number_index.groups[self.number_index.ids["units"]]
            any_unit = units.source(units.all)
            self._composite[key] = re.compile(
                rf"(?:{amount})(?:\s*(?:-|–|to|bis|a|à)\s*(?:{amount}))?\s*(?<!\w)(?P<unit>{any_unit})(?!\w)",
                FLAGS,
            )
        return self._composite[key]

    def open_range(self, probe: Probe) -> re.Pattern[str] | None:
        """'1,000 to X': a number that starts a range with no end is no target."""
        range_to = probe.terms(self.number_index, "range_to")
        placeholder = probe.terms(self.number_index, "placeholders")
        if range_to is None or placeholder is None:
            return None
        number_key = self._number_key(probe)
        key = ("open_range", number_key, range_to, placeholder)
        if key not in self._composite:
            number_any = self._number_any(number_key)
            if number_any is None:
                return None
            index = self.number_index
            to = index.groups[index.ids["range_to"]].source(range_to)
            blank = index.groups[index.ids["placeholders"]].source(placeholder)
            self._composite[key] = re.compile(
                rf"(?P<num>{number_any})\s*(?:{to})\s*(?:the\s+|el\s+|la\s+|le\s+)?(?:{blank})",
                FLAGS,
            )
        return self._composite[key]


def _literal_words(term: str) -> list[str]:
    """The plain words a single-word term spells ('followers?' -> follower, followers)."""
    m = _LITERAL_RE.fullmatch(term)
    if not m:
        return []
    word = m.group(1).lower()
    return [word, word + "s"] if m.group(2) else [word]
