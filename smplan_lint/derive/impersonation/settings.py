"""The impersonation data file's thresholds and confidence weights, typed.

Everything a verdict depends on that is policy rather than method lives in
``data/impersonation.yaml``: how many edits each length of name allows, the
extension limits, the context thresholds and the confidence each kind of
evidence adds or takes away.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from smplan_lint.records import NamedTuple

from ..confusables import settings, skeleton
from .text import Phrases, phrases


class Rule(NamedTuple):
    """Edits a name of some length may differ by and still read as the target."""

    max_edits: int
    max_bare: int  # edits allowed with no other signal
    bare: frozenset[str] | None  # edit kinds allowed with no other signal; None = any
    signalled: frozenset[str] | None  # allowed alongside a homoglyph or affix
    bare_span: int | None = None  # several bare edits must fall within this many letters
    bare_from: int = 1  # ... and leave this many leading letters untouched

    @classmethod
    def read(cls, entry: dict[str, Any]) -> Rule:
        """One entry of `thresholds`."""
        return cls(
            int(entry["max_edits"]),
            int(entry.get("max_bare", entry["max_edits"])),
            _kinds(entry.get("bare")),
            _kinds(entry.get("signalled")),
            int(entry["bare_span"]) if "bare_span" in entry else None,
            int(entry.get("bare_from", 1)),
        )


def _kinds(value: Any) -> frozenset[str] | None:
    return None if value is None else frozenset(str(v) for v in value)


@dataclass(frozen=True)
class Settings:
    """The data file's policy, read once per index."""

    short: int  # names this short need separated short affixes
    glued_max: int  # affixes this short glued to a name may be part of a word
    rules: tuple[tuple[int, Rule], ...]  # (minimum length, rule), shortest first
    ext_min: int
    ext_words: int
    ext_word_len: int
    unofficial: frozenset[str]
    disclaimers: Phrases
    display_disclaimers: Phrases
    legal: frozenset[str]
    lures: Phrases
    ampersand_words: frozenset[str]
    brand_words: dict[str, Any]
    context: dict[str, Any]
    weight: dict[str, float]
    """Confidence each kind of evidence adds (negative: takes away)."""

    @classmethod
    def read(cls) -> Settings:
        """The settings of the data file."""
        cfg = settings()
        ext = cfg["extension"]
        disclaimers = phrases(cfg["disclaimers"])
        return cls(
            short=int(cfg["short_target_len"]),
            glued_max=int(cfg["glued_affix_needs_separator_max_len"]),
            rules=tuple(sorted((int(r["min_len"]), Rule.read(r)) for r in cfg["thresholds"])),
            ext_min=int(ext["min_len"]),
            ext_words=int(ext["max_words"]),
            ext_word_len=int(ext["min_word_len"]),
            unofficial=frozenset(skeleton(w) for w in cfg["unofficial_words"]),
            disclaimers=disclaimers,
            display_disclaimers=disclaimers | phrases(cfg["display_disclaimers"]),
            legal=frozenset(skeleton(w) for w in cfg["legal_forms"]),
            lures=phrases(cfg["lures"]),
            ampersand_words=frozenset(str(w) for w in cfg["ampersand_words"]),
            brand_words=cfg["brand_words"],
            context=cfg["context"],
            weight={k: float(v) for k, v in cfg["confidence"].items()},
        )

    def rule(self, length: int) -> Rule:
        """The rule for a target name of this length."""
        chosen = self.rules[0][1]
        for min_len, rule in self.rules:
            if length >= min_len:
                chosen = rule
        return chosen
