"""What an imitation imitates: the brand's own handles, the names inside them, and
its brand terms, folded to skeletons.

Only the first target of a skeleton, and the first on each network, can ever be
cited (see :meth:`Targets.pick`): thousands of regional handles that peel to the
brand's name ("acme_berlin", "acme_paris") leave one target per network.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from ..common_words import is_common
from ..confusables import MAX_HANDLE_LENGTH, SEP, Unit, plain, skeleton, units
from .affixes import Affixes, affix_table
from .settings import Settings
from .text import words


@dataclass(frozen=True)
class Target:
    """One name a handle may imitate."""

    skel: str
    raw: str  # handle or term as the plan writes it (case-folded, no '@')
    network: str | None
    label: str  # "@acmecoffee (instagram)", "the brand term 'acme'"
    rank: int  # lower wins when several targets share a skeleton
    offset: int = 0  # where skel starts in raw's skeleton (a name inside an affixed handle)
    report: str = ""  # what the verdict names when not raw (a brand term's own spelling)

    @cached_property
    def units(self) -> list[Unit]:
        """The original characters of each skeleton letter, for the evidence."""
        return units(self.raw)[0][self.offset : self.offset + len(self.skel)]


def spellings(term: str, amp: frozenset[str]) -> list[str]:
    """A brand term as written, plus its other spellings of "and" ("&", "n", none)."""
    found = term.replace("&", " & ").replace("+", " + ").split()
    if len(found) < 3 or not any(w in amp for w in found[1:-1]):
        return [term]
    out = [term]
    for joiner in ("and", "n", ""):
        spelt = " ".join(w for w in (joiner if w in amp else w for w in found) if w)
        if spelt not in out:
            out.append(spelt)
    return out


class Targets:
    """The brand's names by skeleton, and the handles that are its own or its affiliates'.

    ``organisation`` is the organisation's full name ("Blue Fern Dental &
    Orthodontics"): its words that are not brand terms complete a brand handle, so
    they join the affix table (:attr:`affixes`) as the brand's own words.
    """

    def __init__(
        self,
        settings: Settings,
        own: Iterable[tuple[str, str]],
        brand_terms: Iterable[str],
        affiliates: Iterable[tuple[str, str]],
        organisation: str | None,
        languages: Iterable[str] = (),
    ) -> None:
        self.settings = settings
        self.languages = tuple(languages)
        brand_terms = list(brand_terms)
        self.affixes: Affixes = affix_table()
        own_words = self._brand_words(organisation, brand_terms)
        if own_words:
            # this index's own affix table (the shared one holds only the data file's words)
            self.affixes = self.affixes.with_brand(own_words)
        self.term_skels = [skeleton(t) for t in brand_terms]
        self.own: dict[str, set[str]] = {}
        self.affiliates: dict[str, set[str]] = {}
        self.affiliate_any: set[str] = set()
        for network, handle in affiliates:
            self.affiliates.setdefault(network.casefold(), set()).add(plain(handle))
            self.affiliate_any.add(plain(handle))
        own = list(own)
        found = self._own_targets(own) + self._term_targets(brand_terms)
        # The words of the brand's names ("mango", "mobile"), to tell an edit that makes
        # another word ("tango mobile") from a typo.
        texts = [organisation or "", *brand_terms, *(handle for _, handle in own)]
        self.name_words = frozenset(
            w for text in texts for w in words(text) if len(w) >= settings.short - 1
        )
        self.by_skel = _first_of_each(found)
        self._picked: dict[tuple[str, str], Target] = {}
        # Long names and their first letters, to find "name + another word" (extensions).
        self.ext_names = frozenset(s for s in self.by_skel if len(s) >= settings.ext_min)
        self.ext_keys = frozenset(s[: settings.ext_min] for s in self.ext_names)

    def _brand_words(self, organisation: str | None, brand_terms: list[str]) -> dict[str, str]:
        """Words of the organisation's name that may complete a brand handle, by skeleton."""
        cfg = self.settings.brand_words
        stop = {skeleton(str(w)) for w in cfg.get("stopwords", ())}
        min_len = int(cfg.get("min_len", 4))
        terms = {skeleton(t) for t in brand_terms}
        found: dict[str, str] = {}
        for written in "".join(c if c.isalnum() else " " for c in organisation or "").split():
            word = skeleton(written)
            if (
                len(word) >= min_len and word not in stop and word not in terms
                and word not in self.settings.unofficial and word not in self.affixes
            ):
                found.setdefault(word, written.casefold())
        return found

    def _own_targets(self, own: Iterable[tuple[str, str]]) -> list[Target]:
        """Each own handle, and the name inside an affixed one ("acme_support" -> "acme")
        where the affix is unmistakable (separated, or a long word). A handle longer
        than any network allows names nothing to imitate."""
        found = []
        for network, handle in own:
            net, raw = network.casefold(), plain(handle)
            self.own.setdefault(net, set()).add(raw)
            if len(raw) > MAX_HANDLE_LENGTH:
                continue
            found.append(Target(skeleton(raw), raw, net, f"@{raw} ({net})", 0))
            marked = skeleton(raw, keep_separators=True)
            for core, peeled, start in self.affixes.peel(marked):
                name = core.replace(SEP, "")
                if peeled and len(name) >= 3 and all(
                    (not p.glued or len(p.affix.skel) >= 4) and p.affix.kind != "brand"
                    for p in peeled
                ):
                    offset = len(marked[:start].replace(SEP, ""))
                    label = f"the name in @{raw} ({net})"
                    found.append(Target(name, raw, net, label, 2, offset))
        return found

    def _term_targets(self, brand_terms: list[str]) -> list[Target]:
        found = []
        for term in brand_terms:
            raw = plain(term)
            for spelt in spellings(raw, self.settings.ampersand_words):
                label = f"the brand term '{raw}'"
                found.append(Target(skeleton(spelt), spelt, None, label, 1, report=raw))
        return found

    def pick(self, skel: str, net: str) -> Target:
        """The target a skeleton stands for on a network: the one there, else the first."""
        picked = self._picked.get((skel, net))
        if picked is None:
            group = self.by_skel[skel]
            picked = next((t for t in group if t.network == net), group[0])
            self._picked[(skel, net)] = picked
        return picked

    def is_word(self, text: str) -> bool:
        """Whether a handle's letters are a common word or name in the organisation's
        languages or English, German, Spanish and French ("acne", "bonus")."""
        return is_common(text, self.languages)

    def is_own(self, net: str, raw: str) -> bool:
        """Whether the handle is the brand's or a declared affiliate's on that network."""
        return raw in self.own.get(net, ()) or raw in self.affiliates.get(net, ())


def _first_of_each(targets: list[Target]) -> dict[str, list[Target]]:
    """Targets by skeleton: the best-ranked one, then the first on each other network."""
    by_skel: dict[str, list[Target]] = {}
    for target in targets:
        if target.skel:
            by_skel.setdefault(target.skel, []).append(target)
    kept_by_skel: dict[str, list[Target]] = {}
    for skel, group in by_skel.items():
        group.sort(key=lambda t: t.rank)
        kept, nets = [group[0]], {group[0].network}
        for target in group[1:]:
            if target.network not in nets:
                nets.add(target.network)
                kept.append(target)
        kept_by_skel[skel] = kept
    return kept_by_skel

