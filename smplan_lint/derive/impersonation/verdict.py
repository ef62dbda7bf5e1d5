"""The verdict on a profile: a handle or display-name match weighed against what
the profile says about itself (age, followers, verification, display name, bio).

An *established* account (old, with a display name that names another entity,
"Kodo Drummers") is not flagged on a name match alone, nor is an old account whose
display name puts the brand's name in another business's name ("Northwind Sailing
School"). A display name or bio declaring a fan, parody or student account clears
a profile (a warning at most when its handle claims) unless it has a deceptive
homoglyph.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, NamedTuple

from .evidence import Match
from .profile_text import ProfileText
from .settings import Settings
from .text import and_, plural


class Verdict(NamedTuple):
    """Why a discovered profile looks like an imitation of the brand."""

    severity: str  # "error" or "warning"
    target: str  # the imitated own handle or brand term
    target_network: str | None  # None when a brand term was imitated
    evidence: str
    confidence: float  # 0..1
    kinds: tuple[str, ...]


class Profile(NamedTuple):
    """A discovered profile as the plan describes it (network and handle folded)."""

    net: str
    raw: str
    display_name: str | None = None
    bio: str | None = None
    followers: int | None = None
    created: str | None = None
    verified: bool | None = None


class _Context(NamedTuple):
    """What the profile says about itself, worked out once per verdict."""

    official: int | None  # followers of the official account it is compared with
    big: bool  # a large account by that comparison
    days: int | None  # its age
    named: bool  # the display name presents itself as the brand
    bio_named: bool
    bio_claims: bool


def _date(value: str | datetime.date | None) -> datetime.date | None:
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


class Judge:
    """Turns matches into verdicts with the profile's context."""

    def __init__(
        self,
        settings: Settings,
        texts: ProfileText,
        official_followers: Mapping[str, int] | None,
        today: datetime.date | None,
        affiliate_any: set[str],
    ) -> None:
        self.context: dict[str, Any] = settings.context
        self.weight = settings.weight
        self.texts = texts
        self.followers = {k.casefold(): v for k, v in (official_followers or {}).items()}
        self.today = today or datetime.date.today()
        self.affiliate_any = affiliate_any

    def verdict(self, match: Match, profile: Profile, display_only: bool) -> Verdict | None:
        """Weigh the profile's context and turn a match into a verdict."""
        context = self._context_of(match, profile)
        if context.big and profile.verified:
            return None  # the network vouches for a large account of its own
        if self._established(match, profile, context, display_only):
            return None
        unsure = self._unsure(match, profile, context, display_only)
        if unsure is None:
            return None
        conf, kinds, notes = self._weigh(match, profile, context, display_only)
        warning_below = self.context["warning_below"]
        if unsure:
            conf = min(conf, warning_below - self.weight["unsure_margin"])
        conf = round(min(max(conf, self.weight["floor"]), self.weight["ceiling"]), 2)
        severity = "error"
        if display_only or profile.verified or conf < warning_below:
            severity = "warning"
        evidence = and_(match.parts) if not display_only else match.parts[0]
        if notes:
            evidence += "; " + ", ".join(notes)
        target = match.target
        return Verdict(severity, target.report or target.raw, target.network, evidence, conf,
                       tuple(kinds))

    def _context_of(self, match: Match, profile: Profile) -> _Context:
        ctx, followers = self.context, profile.followers
        official = self.followers.get(match.target.network or "") or max(
            self.followers.values(), default=None
        )
        big = followers is not None and (
            followers >= ctx["big_follower_ratio"] * official if official
            else followers >= ctx["big_account_unknown_official"]
        )
        born = _date(profile.created)
        bio_named, bio_claims = self.texts.names_brand(profile.bio)
        return _Context(
            official=official,
            big=big,
            days=(self.today - born).days if born else None,
            named=self.texts.identifies(profile.display_name),
            bio_named=bio_named is not None,
            bio_claims=bio_claims,
        )

    def _established(
        self, match: Match, profile: Profile, context: _Context, display_only: bool
    ) -> bool:
        """An established account under another entity's name."""
        display_name = profile.display_name
        return bool(
            context.days is not None and context.days >= self.context["established_account_days"]
            and display_name
            and (not context.named or self.texts.names_other(display_name))
            and not (context.bio_named and context.bio_claims)
            and not match.deceptive and not display_only
        )

    def _unsure(
        self, match: Match, profile: Profile, context: _Context, display_only: bool
    ) -> bool | None:
        """True when the verdict can be a warning at most; None when there is none."""
        unsure = False
        if not match.deceptive and (
            self.texts.disclaims(profile.display_name, True)
            or self.texts.disclaims(profile.bio, False)
        ):
            # A declared fan, parody or student account: nothing, or a warning when the
            # handle still claims ("acme_support" run by a self-declared fan).
            if not match.claims or display_only:
                return None
            unsure = True
        said = context.named or context.bio_named
        if match.extension and not match.claims and not said:
            # The name plus an unknown word may be another business ("quillandco" +
            # "mpany"): without a display name or bio naming the brand, only a
            # separated word on an account that says nothing else is worth a warning.
            if match.glued or profile.display_name or profile.bio:
                return None
            unsure = True
        elif match.extension and match.glued and not said:
            return None  # a glued word may continue the name's last word
        return unsure

    def _weigh(
        self, match: Match, profile: Profile, context: _Context, display_only: bool
    ) -> tuple[float, list[str], list[str]]:
        """The confidence, evidence kinds and notes the profile's context gives."""
        ctx, weight = self.context, self.weight
        notes: list[str] = []
        conf = match.confidence
        if profile.verified:
            conf += weight["verified"]
            notes.append("verified")
        days = context.days
        if days is not None:
            if 0 <= days < ctx["new_account_days"]:
                conf += weight["new_account"]
                notes.append(f"account {plural(days, 'day')} old")
            elif days >= ctx["old_account_days"]:
                conf += weight["old_account"]
                notes.append(f"account {plural(days // 365, 'year')} old")
        conf += self._weigh_followers(profile.followers, context, notes)
        kinds = list(match.kinds)
        if not display_only:
            shown, claims = self.texts.names_brand(profile.display_name)
            if shown or claims:
                names_and_claims = shown and claims
                conf += weight["display_name_names_and_claims" if names_and_claims
                               else "display_name_names_or_claims"]
                kinds.append("display-name")
                notes.append(f"display name '{profile.display_name}'")
        if context.bio_named and context.bio_claims:
            conf += weight["bio_claims"]
            notes.append("bio claims to be the brand")
        if profile.raw in self.affiliate_any:
            conf += weight["affiliate_handle"]
            notes.append("same handle as a declared affiliate on another network")
        return conf, kinds, notes

    def _weigh_followers(self, followers: int | None, context: _Context, notes: list[str]) -> float:
        if followers is None:
            return 0.0
        official = context.official
        versus = f" vs {official:,} on the official account" if official else ""
        if context.big:
            notes.append(plural(followers, "follower") + versus)
            return self.weight["big_account"]
        if official and followers < self.context["tiny_follower_ratio"] * official:
            notes.append(plural(followers, "follower") + versus)
            return self.weight["tiny_account"]
        return 0.0
