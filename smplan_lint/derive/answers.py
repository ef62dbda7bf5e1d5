"""What the judgement providers answer, as plain tuples.

Kept apart from the readers that work them out, so that answers kept between
runs (see :mod:`smplan_lint.cache`) come back without loading a reader, its
vocabulary or its index.
"""

from __future__ import annotations

from collections.abc import Iterable

from smplan_lint.records import NamedTuple

METRIC_FAMILIES = ("vanity", "engagement", "business", "output")


class GoalReading(NamedTuple):
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
    truncated: bool = False
    """The statement was longer than the reader's limit: only its start was read."""

    @property
    def time_bound(self) -> bool:
        """A deadline or a recurring period; a response-time threshold is neither."""
        return self.has_deadline or self.cadence is not None


class Verdict(NamedTuple):
    """Why a discovered profile looks like an imitation of the brand."""

    severity: str  # "error" or "warning"
    target: str  # the imitated own handle or brand term
    target_network: str | None  # None when a brand term was imitated
    evidence: str
    confidence: float  # 0..1
    kinds: tuple[str, ...]


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
