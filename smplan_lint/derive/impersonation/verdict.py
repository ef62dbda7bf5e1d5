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
from typing import Any

from smplan_lint.records import NamedTuple

from ..answers import Verdict
from ..confusables import plain
from .evidence import Match
from .profile_text import ProfileText
from .settings import Settings
from .targets import Target, Targets
from .text import plural


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
    copies: bool  # the display name names the brand, or the bio lures
    new: bool  # young, small and unverified


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
        official_followers: Mapping[str | tuple[str, str], int] | None,
        today: datetime.date | None,
        targets: Targets,
    ) -> None:
        self.context: dict[str, Any] = settings.context
        self.weight = settings.weight
        self.texts = texts
        self.followers = {
            (k.casefold() if isinstance(k, str) else (k[0].casefold(), plain(k[1]))): v
            for k, v in (official_followers or {}).items()
        }
        self.today = today or datetime.date.today()
        self.targets = targets

    def verdict(self, match: Match, profile: Profile, display_only: bool) -> Verdict | None:
        """Weigh the profile's context and turn a match into a verdict (the severity
        table of SMP501's docs)."""
        context = self._context_of(match, profile)
        if context.big and profile.verified and not match.strong:
            return None  # a large account the network vouches for, claiming nothing
        if self._established(match, profile, context):
            return None
        unsure = self._unsure(match, profile, context, display_only)
        if unsure is None:
            return None
        conf, kinds, notes = self._weigh(match, profile, context, display_only)
        level = self._level(match, profile, context, display_only, conf)
        if unsure:
            level = min(level, 1)
            conf = min(conf, self.context["warning_below"] - self.weight["unsure_margin"])
        if level <= 0:
            return None
        conf = round(min(max(conf, self.weight["floor"]), self.weight["ceiling"]), 2)
        evidence = match.evidence()
        if notes:
            evidence += "; " + ", ".join(notes)
        target = match.target
        return Verdict("error" if level >= 2 else "warning", target.report or target.raw,
                       target.network, evidence, conf, tuple(kinds))

    def _level(self, match: Match, profile: Profile, context: _Context, display_only: bool,
               conf: float) -> int:
        """0 (not reported), 1 (warning) or 2 (error) by the evidence, then one step up
        for copying or luring and one for a young, small, unverified account."""
        if self._innocent_word(match):
            level = 0
        elif match.strong:
            level = 2
        elif display_only or set(match.kinds) <= {"edit", "homoglyph"}:
            level = 1
        else:
            level = 2 if conf >= self.context["warning_below"] else 1
        if context.copies and not display_only:
            level = 2
        return level + context.new

    @staticmethod
    def _innocent_word(match: Match) -> bool:
        """An edit that makes a common word ("acne" for Acme, "valves" for Valve), with
        nothing else but ASCII look-alike letters, separators or affix words."""
        return match.makes_word and not match.deceptive and set(match.kinds) <= {
            "edit", "homoglyph", "separator", "affix", "country-code"}

    def _official(self, target: Target) -> int | None:
        """Followers of the account imitated (None when not known); for a brand term,
        of the largest account."""
        if target.network is None:
            return max(self.followers.values(), default=None)
        found = self.followers.get((target.network, target.raw))
        return self.followers.get(target.network) if found is None else found

    def _context_of(self, match: Match, profile: Profile) -> _Context:
        ctx, followers = self.context, profile.followers
        official = self._official(match.target)
        big = followers is not None and (
            followers >= ctx["big_follower_ratio"] * official if official
            else followers >= ctx["big_account_unknown_official"]
        )
        born = _date(profile.created)
        days = (self.today - born).days if born else None
        bio_named, bio_claims = self.texts.names_brand(profile.bio)
        display_named = self.texts.names_brand(profile.display_name)[0] is not None
        new = (
            days is not None and 0 <= days < ctx["step_up_days"]
            and followers is not None and followers < ctx["step_up_followers"]
            and not profile.verified
        )
        return _Context(
            official=official,
            big=big,
            days=days,
            named=self.texts.identifies(profile.display_name),
            bio_named=bio_named is not None,
            bio_claims=bio_claims,
            copies=display_named or self.texts.lures(profile.bio)
            or self.texts.lures(profile.display_name),
            new=new,
        )

    def _established(self, match: Match, profile: Profile, context: _Context) -> bool:
        """An established account under another entity's name, claiming nothing: two
        years old with 1,000 followers, or five years old."""
        display_name, days, ctx = profile.display_name, context.days, self.context
        followers = profile.followers or 0
        old = days is not None and (
            days >= ctx["established_account_days"]
            or (days >= ctx["established_days"] and followers >= ctx["established_followers"])
        )
        return bool(
            old and not (match.claims and not match.makes_word)
            and display_name
            and (not context.named or self.texts.names_other(display_name))
            and not (context.bio_named and context.bio_claims)
            and not match.deceptive
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
        conf += self._weigh_followers(profile.followers, context, match.target, notes)
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
        if profile.raw in self.targets.affiliate_any:
            conf += weight["affiliate_handle"]
            notes.append("same handle as a declared affiliate on another network")
        return conf, kinds, notes

    def _weigh_followers(self, followers: int | None, context: _Context, target: Target,
                         notes: list[str]) -> float:
        if followers is None:
            return 0.0
        official = context.official
        versus = f" vs {official:,} on {target.label}" if official else ""
        if context.big:
            notes.append(plural(followers, "follower") + versus)
            return self.weight["big_account"]
        if official and followers < self.context["tiny_follower_ratio"] * official:
            notes.append(plural(followers, "follower") + versus)
            return self.weight["tiny_account"]
        return 0.0
