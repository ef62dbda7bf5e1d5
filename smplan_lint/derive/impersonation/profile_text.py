"""What a profile's display name and bio say about the brand.

Display names and bios repeat across profiles, so every reading is remembered
(:mod:`.memory`).
"""

from __future__ import annotations

from ..confusables import SEP, skeleton
from .evidence import Match
from .memory import Remembering, remembered
from .settings import Settings
from .targets import Target, Targets
from .text import says, words


class ProfileText(Remembering):
    """Readings of free texts (display names, bios) against the brand's names."""

    def __init__(self, settings: Settings, targets: Targets) -> None:
        super().__init__()
        self.settings = settings
        self.targets = targets

    def _holds_name(self, tokens: list[str]) -> bool:
        """Whether one to three tokens in a row are a brand name (one alone only when long)."""
        by_skel = self.targets.by_skel
        for size in (1, 2, 3):
            for i in range(len(tokens) - size + 1):
                joined = "".join(tokens[i : i + size])
                if joined in by_skel and (size > 1 or len(joined) >= self.settings.ext_min):
                    return True
        return False

    @remembered
    def names_brand(self, text: str | None) -> tuple[Target | None, bool]:
        """The target a free text (display name, bio) names exactly, and whether it claims."""
        if not text:
            return None, False
        cleaned = "".join(c if c.isalnum() else " " for c in text)
        tokens = skeleton(cleaned, keep_separators=True).split(SEP)
        affixes = self.targets.affixes
        claims = any((a := affixes.get(t)) is not None and a.kind == "strong" for t in tokens)
        by_skel = self.targets.by_skel
        for size in (1, 2, 3):
            for i in range(len(tokens) - size + 1):
                joined = "".join(tokens[i : i + size])
                if joined in by_skel and (len(joined) > self.settings.short or size == 1):
                    return by_skel[joined][0], claims
        return None, claims

    @remembered
    def identifies(self, text: str | None) -> bool:
        """Whether a display name presents itself as the brand, not merely shares a word.

        It does when it is a brand name plus affix words only ("Acme Coffee Official"),
        or holds a name of two or more of its words ("Juno Bank Help") or a long one;
        a short ordinary name among other words ("Kodo Drummers", "Juno — the band") is
        another entity's name.
        """
        if not text:
            return False
        if self._display_copy(text) is not None:
            return True
        # Words are joined only within a phrase: "Lena Harbor | pine studio" does not
        # name "Harbor Pine".
        marked = "".join(" " if c.isspace() else c if c.isalnum() or c == "&" else "|"
                         for c in text)
        for phrase in marked.split("|"):
            tokens = skeleton(phrase.replace("&", " "), keep_separators=True).split(SEP)
            if self._holds_name(tokens):
                return True
        return False

    @remembered
    def disclaims(self, text: str | None, display: bool) -> bool:
        """Whether a display name (``display``) or bio declares a fan, parody or
        student account."""
        settings = self.settings
        return says(text, settings.display_disclaimers if display else settings.disclaimers)

    @remembered
    def lures(self, text: str | None) -> bool:
        """Whether a bio or display name uses scam wording (giveaway, refund, "DM us",
        wallet...) in any of the data file's languages."""
        return says(text, self.settings.lures)

    @remembered
    def names_other(self, text: str | None) -> bool:
        """Whether a display name is the brand's name inside another business's name.

        "Northwind Sailing School", "Copper Kettle Candle Co.": a brand name plus words
        that are not the brand's own (its terms, the organisation's name), not affixes,
        and no claiming word among them (legal forms such as "Co." claim nothing).
        """
        if not text:
            return False
        tokens = words(text)
        used = [False] * len(tokens)
        by_skel = self.targets.by_skel
        for size in (3, 2, 1):
            for i in range(len(tokens) - size + 1):
                if not any(used[i : i + size]) and "".join(tokens[i : i + size]) in by_skel:
                    used[i : i + size] = [True] * size
        if not any(used):
            return False
        other = False
        for token, is_name in zip(tokens, used, strict=True):
            if is_name or token in self.settings.legal:
                continue
            affix = self.targets.affixes.get(token)
            if affix is not None:
                if affix.kind == "strong":
                    return False  # "Northwind Rewards": a claim, not another business
                continue  # decoration, a place, or a word of the brand's own name
            if len(token) >= 3 and not any(token in term for term in self.targets.term_skels):
                other = True
        return other

    @remembered
    def display_match(self, display_name: str | None) -> Match | None:
        """A dissimilar handle whose display name is the brand name plus affixes, or
        names the brand among other words ("Patrick, Acme Manager")."""
        if not display_name:
            return None
        copy = self._display_copy(display_name)
        if copy is not None:
            return copy
        target, _ = self.names_brand(display_name)
        if target is None:
            return None
        return Match(target, 0, self.settings.weight["display_name_names"], ["display-name"],
                     whole=f"display name '{display_name}' names {target.label}")

    def _display_copy(self, display_name: str) -> Match | None:
        weight = self.settings.weight
        cleaned = "".join(c if c.isalnum() else " " for c in display_name)
        marked = skeleton(cleaned, keep_separators=True)
        for core_marked, peeled, _ in self.targets.affixes.peel(marked):
            core = core_marked.replace(SEP, "")
            if core in self.targets.by_skel:
                target = self.targets.by_skel[core][0]
                match = Match(target, 0, weight["display_name_copy"], ["display-name"],
                              whole=f"display name '{display_name}' copies {target.label}")
                if any(p.affix.kind == "strong" for p in peeled):
                    match.confidence += weight["display_name_copy_claims"]
                return match
        return None
