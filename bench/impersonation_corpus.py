"""Generate a labelled impersonation corpus from real brand names, reproducibly from a seed.

Why: the hand-written sets in fixtures/quality/ were written beside the code and score
near 1.0; profiles nobody here wrote score far lower. This corpus takes its brands from a
public list (bench/data/brands.csv), its typo-squats from a maintained permutation library
(dnstwist) and its innocent look-alikes from a word-frequency list (wordfreq), so it
cannot be tuned to by editing examples.

Labels follow the product contract (issue 16): a variant of the brand is ``fake: true``;
own and affiliate handles, other brands and common words or names near the brand are
``fake: false`` unless the record carries luring or copying context. Every profile has a
``family`` saying how it was made; bench/quality.py scores per family and per bucket.

Run: python bench/impersonation_corpus.py [OUT] [--seed 16] [--brands-per-bucket N]
(default OUT: bench/out/impersonation_corpus.yaml, which git ignores). Needs the
``bench`` extra (dnstwist, wordfreq).
"""

from __future__ import annotations

import argparse
import csv
import datetime
import random
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path
from typing import Any

import dnstwist
import wordfreq
import yaml
from rapidfuzz.distance import Levenshtein
from rapidfuzz.process import extract

HERE = Path(__file__).resolve().parent
BRANDS = HERE / "data" / "brands.csv"
DEFAULT_OUT = HERE / "out" / "impersonation_corpus.yaml"
TODAY = datetime.date(2026, 11, 1)
LANGUAGES = ("en", "de", "es", "fr")
COMMON_ZIPF = 3.0  # a word seen at least once per million words in one of LANGUAGES
NETWORKS = ("instagram", "x", "tiktok", "facebook", "youtube", "linkedin")
SEPARATORS = {"x": "_", "instagram": "_.", "tiktok": "_.", "facebook": ".",
              "youtube": "_-.", "linkedin": "-_"}
DNSTWIST_FUZZERS = ("addition", "bitsquatting", "homoglyph", "hyphenation", "insertion",
                    "omission", "plural", "repetition", "replacement", "subdomain",
                    "transposition", "vowel-swap", "various", "cyrillic")

AFFIXES = {  # family -> (suffixes, prefixes)
    "affix-support": (["support", "help", "care", "team", "hq", "service", "helpdesk"],
                      ["ask", "help", "team"]),
    "affix-org": (["inc", "group", "global", "pr", "andco", "official", "corp", "ltd"],
                  ["official", "the", "real"]),
    "affix-crypto": (["airdrop", "giveaway", "rewards", "w3", "v2", "staking", "promo",
                      "claim"], ["claim", "free", "win"]),
    "affix-mock": (["sucks", "fail", "lol", "parody", "clown", "scam"], ["fake", "not", "anti"]),
}
CLAIM_WORDS = ["offiziell", "oficial", "officiel", "ufficiale", "公式", "официальный",
               "officieel", "oficjalny", "resmi"]
REGIONS = {"jp": ["jpn", "japan", "jap"], "uk": ["gb", "gbr", "england"],
           "de": ["deu", "germany", "ger"], "fr": ["fra", "france"], "es": ["esp", "spain"],
           "br": ["bra", "brasil"], "in": ["ind", "india"], "mx": ["mex", "mexico"],
           "au": ["aus", "australia"], "us": ["usa", "america"]}
DEPARTMENTS = {"careers": ["alumni", "jobs", "hiring", "recruiting"],
               "support": ["help", "care", "service"], "news": ["press", "media", "newsroom"]}
ORG_WORDS = ["alumni", "foundation", "careers", "jobs", "club", "community", "academy",
             "events", "news", "store"]
CITIES = ["berlin", "paris", "madrid", "lyon", "munich", "sevilla", "leeds", "boston"]

CONFUSABLE = {  # Latin letter -> Cyrillic or Greek look-alikes
    "a": "аα", "c": "сϲ", "e": "е", "o": "оο", "p": "р", "x": "хχ", "y": "уγ", "i": "іι",
    "j": "ј", "s": "ѕ", "h": "һ", "k": "κк", "v": "ν", "u": "υ", "n": "η", "b": "Ь",
    "d": "ԁ", "g": "ɡ", "l": "ӏ", "m": "м", "t": "τ", "w": "ԝ", "q": "ԛ",
}
ASCII_LOOKALIKE = {"m": ["rn"], "w": ["vv"], "d": ["cl"], "o": ["0"], "l": ["1", "I"],
                   "g": ["q"], "i": ["1", "l"], "e": ["3"], "s": ["5"], "a": ["4"]}
MATH_ALPHABETS = {"bold": 0x1D41A, "bold-italic": 0x1D482, "sans-serif": 0x1D5BA,
                  "sans-serif-bold": 0x1D5EE, "monospace": 0x1D68A, "double-struck": 0x1D552}
ZERO_WIDTH = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"]
BIDI = ["\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u2066", "\u2067", "\u2069"]

COPY_NAMES = ["{b}", "{b} Official", "{b} Support", "{b} Help Desk", "{b} Customer Care",
              "Patrick, {b} Manager", "{b} Company", "{b} Giveaway", "Official {b}",
              "{b} Offiziell", "{b} Oficial", "{b} Officiel", "{b} Kundenservice",
              "{b} Atención al cliente", "{b} Service client", "{b}™"]
LURE_BIOS = [
    "DM us to claim your reward!", "Giveaway: first 500 followers win. Link in bio.",
    "Official support. Send your order number and email by DM to get a refund.",
    "Airdrop is live: connect your wallet at the link below.",
    "Send 0.1 ETH and receive 0.2 back. Limited time!",
    "Gewinnspiel! Jetzt per DM melden und Gutschein sichern.",
    "Verifiziere dein Konto über den Link in der Bio.",
    "¡Sorteo! Escríbenos por DM para reclamar tu premio.",
    "Soporte oficial: envíanos tus datos para el reembolso.",
    "Concours : envoie-nous un message pour recevoir ton cadeau.",
    "Service client officiel. Contactez-nous en privé pour votre remboursement.",
]
BRAND_LURE_BIOS = [
    "Official {b} giveaway - DM to claim your prize", "{b} support team. DM us your login issue.",
    "{b} rewards: claim your free gift at the link", "Offizieller {b} Support - schreib uns per DM",
    "Cuenta oficial de {b}. Premios cada semana, escríbenos",
    "Compte officiel {b} - cadeau gratuit",
]
NEUTRAL_TRADES = ["Photography", "Bakery", "Studio", "Travel", "Running Club", "Books",
                  "Garden Design", "Architects", "Dental Clinic", "Coffee Bar", "Yoga",
                  "Barbershop", "Records", "Ceramics", "Law Office", "Kitchen"]
SURNAMES = ["Weber", "García", "Martin", "Smith", "Rossi", "Dubois", "Novak", "Silva",
            "Khan", "Larsen", "Moreau", "Schmidt", "López", "Brown", "Fischer", "Ruiz"]
NEUTRAL_BIOS = ["Photos from my travels.", "Family business since 1998.", "Opinions my own.",
                "Hobby account. Cats, coffee and code.", "Handmade in small batches.",
                "Fotos aus Hamburg.", "Recetas caseras cada semana.", "Passionnée de randonnée.",
                "Open Mon–Sat, 9–18.", ""]


@dataclass
class Brand:
    """One brand of brands.csv."""

    name: str
    term: str
    bucket: str


@dataclass
class Words:
    """Common words and names of LANGUAGES (wordfreq), for labelling and for negatives."""

    common: set[str] = field(default_factory=set)
    by_length: dict[int, list[str]] = field(default_factory=dict)

    @classmethod
    def load(cls) -> Words:
        words = cls()
        least = 10 ** (COMMON_ZIPF - 9)  # zipf = log10(frequency per word) + 9
        for lang in LANGUAGES:
            frequencies = wordfreq.get_frequency_dict(lang)
            words.common.update(w for w, f in frequencies.items()
                                if f >= least and len(w) >= 3 and w.isalpha())
        for word in sorted(words.common):
            if word.isascii():
                words.by_length.setdefault(len(word), []).append(word)
        return words

    def is_common(self, handle: str) -> bool:
        """Is the handle a common word or name in one of LANGUAGES?"""
        return handle.casefold() in self.common

    def near(self, term: str, distance: int) -> list[str]:
        """Common words exactly ``distance`` edits from term, sorted."""
        pool = [w for n in range(len(term) - distance, len(term) + distance + 1)
                for w in self.by_length.get(n, [])]
        hits = extract(term, pool, scorer=Levenshtein.distance, score_cutoff=distance,
                       limit=None)
        return sorted(w for w, score, _ in hits if score == distance and w != term)


def load_brands(path: Path = BRANDS) -> list[Brand]:
    """The committed brand list."""
    with path.open(encoding="utf-8") as handle:
        return [Brand(r["name"], r["term"], r["bucket"]) for r in csv.DictReader(handle)]


def dnstwist_variants(term: str) -> dict[str, list[str]]:
    """Permutations of term by dnstwist fuzzer, as Unicode labels ('.com' removed).

    Homoglyphs are taken before dnstwist's punycode step, which costs seconds per long
    name and only drops labels that DNS, not a social network, would refuse.
    """
    fuzzer = dnstwist.Fuzzer(f"{term}.com")
    cheap = [f for f in DNSTWIST_FUZZERS if f != "homoglyph"]
    fuzzer.generate(fuzzers=cheap)
    found = [(item["fuzzer"], item["domain"][: -len(".com")]) for item in fuzzer.domains
             if item["fuzzer"] in cheap and item["domain"].endswith(".com")]
    homoglyphs = getattr(fuzzer, "_homoglyph", None)
    if homoglyphs is None:  # a dnstwist without the private helper: the slow public way
        fuzzer.generate(fuzzers=["homoglyph"])
        found += [("homoglyph", item["domain"][: -len(".com")]) for item in fuzzer.domains]
    else:
        found += [("homoglyph", label) for label in homoglyphs()]
    out: dict[str, set[str]] = {}
    for name, label in found:
        label = ".".join(p.encode("ascii").decode("idna") if p.startswith("xn--") else p
                         for p in label.split("."))
        if name == "homoglyph" and not label.isascii():
            name = "homoglyph-unicode"
        if label != term and len(label.replace(".", "").replace("-", "")) >= 3:
            out.setdefault(f"dnstwist-{name}", set()).add(label)
    return {k: sorted(v) for k, v in sorted(out.items())}


def on_network(label: str, network: str, rng: random.Random) -> str:
    """The label written as a handle the network allows: its own separator for '-' and '.'."""
    allowed = SEPARATORS[network]
    return "".join(c if c not in "-." or c in allowed else rng.choice(allowed) for c in label)


def affixed(term: str, word: str, prefix: bool, rng: random.Random, network: str) -> str:
    """term and word glued or separated, in the case style a person would type."""
    sep = rng.choice(["", ""] + list(SEPARATORS[network]))
    if not sep and rng.random() < 0.3:
        term, word = term.capitalize(), word.capitalize()
    return f"{word}{sep}{term}" if prefix else f"{term}{sep}{word}"


def confusable(term: str, rng: random.Random) -> str | None:
    """One or two letters replaced with Cyrillic or Greek look-alikes."""
    spots = [i for i, c in enumerate(term) if c in CONFUSABLE]
    if not spots:
        return None
    chars = list(term)
    for i in rng.sample(spots, min(len(spots), rng.choice([1, 1, 2]))):
        chars[i] = rng.choice(CONFUSABLE[chars[i]])
    return "".join(chars)


def ascii_lookalike(term: str, rng: random.Random, every: bool) -> str | None:
    """ASCII look-alikes (rn for m, 0 for o, capital I for l): one, or every occurrence."""
    spots = [i for i, c in enumerate(term) if c in ASCII_LOOKALIKE]
    if every:
        letters = sorted({term[i] for i in spots if term.count(term[i]) >= 2})
        if not letters:
            return None
        letter = rng.choice(letters)
        glyph = rng.choice(ASCII_LOOKALIKE[letter])
        return term.replace(letter, glyph)
    if not spots:
        return None
    i = rng.choice(spots)
    return term[:i] + rng.choice(ASCII_LOOKALIKE[term[i]]) + term[i + 1:]


def math_alphabet(term: str, rng: random.Random) -> str:
    """The whole term in one mathematical alphabet (NFKC folds it back)."""
    start = MATH_ALPHABETS[rng.choice(sorted(MATH_ALPHABETS))]
    text = "".join(chr(start + ord(c) - ord("a")) for c in term)
    assert unicodedata.normalize("NFKC", text) == term, term
    return text


def fullwidth(term: str, rng: random.Random) -> str:
    """Fullwidth letters, all of them or from one position on."""
    start = rng.choice([0, 0, rng.randrange(len(term))])
    return term[:start] + "".join(chr(ord(c) + 0xFEE0) for c in term[start:])


def invisible(term: str, rng: random.Random, controls: list[str]) -> str:
    """Invisible characters inside or at the end of the term."""
    i = rng.randrange(1, len(term) + 1)
    return term[:i] + rng.choice(controls) + term[i:]


def rlo_reversed(term: str) -> str:
    """Right-to-left override and the term reversed: it renders as the term."""
    return "\u202e" + term[::-1] + "\u202c"


def _days_ago(rng: random.Random, low: int, high: int) -> datetime.date:
    return TODAY - datetime.timedelta(days=rng.randint(low, high))


def _followers(rng: random.Random, low: int, high: int) -> int:
    return int(round(low * (high / low) ** rng.random()))


def context(kind: str, brand: Brand, handle: str, rng: random.Random) -> dict[str, Any]:
    """Profile fields for a context kind: bare, plain, new, copy, lure, brandlure, established."""
    if kind == "bare":
        return {}
    if kind == "plain":
        return {"display_name": handle.strip("_.").replace("_", " ").title(),
                "followers": _followers(rng, 20, 900), "created": _days_ago(rng, 120, 700)}
    if kind == "new":
        return {"followers": rng.randint(0, 480), "created": _days_ago(rng, 2, 55),
                "verified": False}
    if kind == "established":
        who = rng.choice([f"{handle.strip('_.').title()} {rng.choice(NEUTRAL_TRADES)}",
                          f"{handle.strip('_.').title()} {rng.choice(SURNAMES)}"])
        return {"display_name": who, "bio": rng.choice(NEUTRAL_BIOS),
                "followers": _followers(rng, 1200, 250000),
                "created": _days_ago(rng, 800, 4000), "verified": rng.random() < 0.15}
    fields: dict[str, Any] = {"followers": _followers(rng, 3, 5000),
                              "created": _days_ago(rng, 3, 900),
                              "verified": rng.random() < 0.05}
    if kind == "copy":
        fields["display_name"] = rng.choice(COPY_NAMES).format(b=brand.name)
    elif kind == "lure":
        fields["bio"] = rng.choice(LURE_BIOS)
    elif kind == "brandlure":
        fields["bio"] = rng.choice(BRAND_LURE_BIOS).format(b=brand.name)
    return fields


POSITIVE_CONTEXT = (["bare"] * 7 + ["plain"] * 4 + ["new"] * 3 + ["copy"] * 3
                    + ["lure"] * 2 + ["brandlure"])


class BrandBuilder:
    """Builds one brand's record; its random stream depends only on seed and brand."""

    def __init__(self, brand: Brand, seed: int, words: Words, brands: dict[str, Brand]):
        self.brand, self.words, self.brands = brand, words, brands
        self.rng = random.Random(f"{seed}:{brand.term}")
        self.discovered: list[dict[str, Any]] = []
        self.taken: set[tuple[str, str]] = set()

    def _key(self, network: str, handle: str) -> tuple[str, str]:
        """Same handle as written (case aside): look-alikes of a taken handle stay distinct."""
        return network, handle.casefold().lstrip("@")

    def add(self, network: str, handle: str, fake: bool, family: str, source: str | None = None,
            kind: str = "bare", **extra: Any) -> None:
        """One discovered profile, unless its handle is already taken on that network."""
        key = self._key(network, handle)
        if key in self.taken:
            return
        self.taken.add(key)
        item: dict[str, Any] = {"network": network, "handle": handle}
        item.update(context(kind, self.brand, handle, self.rng))
        item.update(extra)
        item.update({"fake": fake, "family": family})
        if source:
            item["source"] = source
        self.discovered.append(item)

    def own_and_affiliates(self) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """The brand's accounts: main handle, maybe other handles, regional, departmental."""
        rng, term = self.rng, self.brand.term
        nets = rng.sample(NETWORKS, rng.randint(2, 3))
        own = [{"network": nets[0], "handle": term, "followers": _followers(rng, 10**4, 5 * 10**6)}]
        for net in nets[1:]:
            handle = term if rng.random() < 0.6 else rng.choice(
                [f"{term}official", f"the{term}", f"{term}_global", f"{term}app", f"{term}hq"])
            own.append({"network": net, "handle": on_network(handle, net, rng),
                        "followers": _followers(rng, 10**3, 10**6)})
        self.region = rng.choice(sorted(REGIONS))
        own.append({"network": nets[0], "handle": f"{term}_{self.region}",
                    "followers": _followers(rng, 10**3, 10**5)})
        self.department = rng.choice(sorted(DEPARTMENTS)) if rng.random() < 0.5 else None
        if self.department:
            net = "linkedin" if self.department == "careers" else "x"
            own.append({"network": net, "handle": on_network(f"{term}_{self.department}", net,
                                                             rng),
                        "followers": _followers(rng, 500, 10**5)})
        affiliates: list[dict[str, Any]] = []
        for _ in range(rng.randint(1, 2)):
            net = rng.choice(["instagram", "x", "tiktok"])
            city = rng.choice(CITIES)
            handle = rng.choice([f"{term}_fans_{city}", f"{term}{city}", f"friendsof{term}",
                                 f"{term}_club_{city}"])
            if {"network": net, "handle": handle} not in affiliates:
                affiliates.append({"network": net, "handle": handle})
        self.own_nets = {o["network"] for o in own}
        for account in own + affiliates:  # reserve them so no variant equals them
            self.taken.add(self._key(account["network"], account["handle"]))
        return own, affiliates

    def protected(self, own: list[dict[str, Any]], affiliates: list[dict[str, Any]]) -> None:
        """Own and affiliate handles as discovered profiles: never to be flagged."""
        rng = self.rng
        for family, accounts in (("own", own), ("affiliate", affiliates)):
            for account in accounts:
                handle = account["handle"]
                handle = rng.choice([handle, handle, "@" + handle, handle.upper(),
                                     handle.capitalize()])
                self.discovered.append({"network": account["network"], "handle": handle,
                                        "fake": False, "family": family})

    def word_or_variant(self, network: str, handle: str, family: str, source: str,
                        one_edit: bool) -> None:
        """Label a candidate the way the contract does.

        A common word or name, or another brand, is innocent unless the record copies or
        lures; anything else that varies the brand is a fake.
        """
        rng, letters = self.rng, "".join(c for c in handle.lower() if c.isalpha())
        other = self.brands.get(letters)
        if other is not None and other.term != self.brand.term:
            self.add(network, handle, False, "other-brand", source, "bare",
                     display_name=other.name, followers=_followers(rng, 10**4, 10**6),
                     created=_days_ago(rng, 1500, 5000))
        elif letters == handle.lower() and self.words.is_common(letters):
            innocent = "brand-word-plural" if self.plural(letters) else "common-word"
            roll = rng.random()
            if roll < 0.15:
                self.add(network, handle, True, innocent + "+copy", source, "copy")
            elif roll < 0.25 and one_edit:
                self.add(network, handle, True, innocent + "+lure", source, "brandlure")
            else:
                kind = "established" if self.brand.bucket != "3-4" or rng.random() < 0.6 \
                    else rng.choice(["bare", "plain"])
                self.add(network, handle, False, innocent, source, kind)
        else:
            self.add(network, handle, True, family, source, rng.choice(POSITIVE_CONTEXT))

    def plural(self, letters: str) -> bool:
        """Is it the brand's name in the plural, and a common word itself ('valves')?

        A frequent brand name is not a word: 'spotifys' stays a variant.
        """
        term = self.brand.term
        return (letters in (term + "s", term + "es") and not self.brand.name.isupper()
                and self.words.is_common(letters))

    def typos(self) -> None:
        """One dnstwist permutation per fuzzer (two for homoglyphs)."""
        rng = self.rng
        for fuzzer, labels in dnstwist_variants(self.brand.term).items():
            for label in rng.sample(labels, min(len(labels), 2 if "homoglyph" in fuzzer else 1)):
                net = rng.choice(NETWORKS)
                self.word_or_variant(net, on_network(label, net, rng), fuzzer, fuzzer,
                                     one_edit=fuzzer not in ("dnstwist-various",))

    def near_words(self) -> None:
        """Common words and names one or two edits from the brand term."""
        rng = self.rng
        for distance, count in ((1, 3), (2, 2)):
            words = self.words.near(self.brand.term, distance)
            for word in rng.sample(words, min(len(words), count)):
                self.word_or_variant(rng.choice(NETWORKS), word, "common-word",
                                     f"wordfreq-{distance}-edit", one_edit=distance == 1)

    def other_brands(self) -> None:
        """Other brands of the list within two edits, or that contain this one."""
        rng, term = self.rng, self.brand.term
        near = [b for t, b in self.brands.items() if t != term and
                (Levenshtein.distance(t, term, score_cutoff=2) <= 2 or
                 (len(term) >= 4 and term in t))]
        for other in rng.sample(near, min(len(near), 2)):
            self.add(rng.choice(NETWORKS), other.term, False, "other-brand", "brands.csv",
                     "bare", display_name=other.name,
                     followers=_followers(rng, 10**4, 10**6), created=_days_ago(rng, 1500, 5000))

    def _positive(self, family: str, make: Callable[[str], str | None],
                  networks: Iterable[str] = NETWORKS) -> None:
        net = self.rng.choice(sorted(networks))
        handle = make(net)
        if handle:
            self.add(net, handle, True, family, None, self.rng.choice(POSITIVE_CONTEXT))

    def variants(self) -> None:
        """Affix, claiming, regional, departmental, look-alike and Unicode variants."""
        rng, term, brand = self.rng, self.brand.term, self.brand
        for family, (suffixes, prefixes) in AFFIXES.items():
            if rng.random() < 0.6:
                prefix = rng.random() < 0.3
                word = rng.choice(prefixes if prefix else suffixes)
                self._positive(family, lambda n, w=word, p=prefix: affixed(term, w, p, rng, n))
        if rng.random() < 0.5:
            first, second = rng.sample(AFFIXES["affix-support"][0] + ["official", "global"], 2)
            self._positive("affix-combo", lambda n: affixed(
                affixed(term, first, False, rng, n), second, rng.random() < 0.3, rng, n))
        word = rng.choice(CLAIM_WORDS)
        self._positive("claim-i18n", lambda n: affixed(term, word, rng.random() < 0.4, rng, n))
        local = rng.choice(REGIONS[self.region])
        self._positive("regional", lambda n: f"{term}{rng.choice(['.', '_', ''])}{local}"
                       if "." in SEPARATORS[n] else f"{term}_{local}")
        if self.department:
            other = rng.choice(DEPARTMENTS[self.department])
            self._positive("departmental", lambda n: on_network(f"{term}_{other}", n, rng))
        if brand.bucket == "3-4":
            org = rng.choice(ORG_WORDS)
            self.add(rng.choice(NETWORKS), rng.choice([f"{term}{org}", f"{term.upper()}{org}"]),
                     True, "acronym-org", None, rng.choice(["bare", "copy", "plain"]))
        free = [n for n in NETWORKS if n not in self.own_nets]
        self._positive("squat-exact", lambda n: term, free)
        self._positive("ascii-lookalike", lambda n: ascii_lookalike(term, rng, every=False))
        self._positive("multi-lookalike", lambda n: ascii_lookalike(term, rng, every=True))
        self._positive("unicode-confusable", lambda n: confusable(term, rng))
        self._positive("fullwidth", lambda n: fullwidth(term, rng))
        self._positive("math-alphabet", lambda n: math_alphabet(term, rng))
        self._positive("zero-width", lambda n: invisible(term, rng, ZERO_WIDTH))
        self._positive("bidi-control", lambda n: invisible(term, rng, BIDI))
        self._positive("bidi-reversed", lambda n: rlo_reversed(term))
        filler = rng.choice(["deals4you_2026", "promo_center", "helpdesk_247", "winner.club",
                             "giftcards_now", "customer_care_team"])
        self.add(rng.choice(NETWORKS), filler + str(rng.randint(1, 99)), True, "display-copy",
                 None, "copy")
        if self.plural(term + ("es" if term.endswith("s") else "s")):
            self.word_or_variant(rng.choice(NETWORKS), term + ("es" if term.endswith("s") else "s"),
                                 "brand-word-plural", "plural", one_edit=True)

    def build(self) -> dict[str, Any]:
        own, affiliates = self.own_and_affiliates()
        self.protected(own, affiliates)
        self.variants()
        self.typos()
        self.near_words()
        self.other_brands()
        self.rng.shuffle(self.discovered)
        return {"name": self.brand.name, "bucket": self.brand.bucket,
                "brand_terms": [self.brand.term], "own": own, "affiliates": affiliates,
                "discovered": self.discovered}


def generate(seed: int = 16, per_bucket: int | None = None,
             brands: list[Brand] | None = None) -> dict[str, Any]:
    """The whole corpus as a mapping ready for YAML."""
    brands = brands if brands is not None else load_brands()
    by_term = {b.term: b for b in brands}
    if per_bucket is not None:
        rng = random.Random(seed)
        chosen = []
        for bucket in ("3-4", "5-7", "8+"):
            pool = [b for b in brands if b.bucket == bucket]
            chosen += rng.sample(pool, min(per_bucket, len(pool)))
        brands = chosen
    words = Words.load()
    return {
        "today": TODAY,
        "generator": {"seed": seed, "brands": len(brands), "dnstwist": version("dnstwist"),
                      "wordfreq": version("wordfreq"), "common_zipf": COMMON_ZIPF,
                      "languages": list(LANGUAGES)},
        "brands": [BrandBuilder(b, seed, words, by_term).build() for b in brands],
    }


HEADER = """\
# Generated by bench/impersonation_corpus.py: do not edit; regenerate with the same seed.
# Brands from bench/data/brands.csv (simple-icons, CC0-1.0). fake: true means "the check
# should report it"; family says how the profile was made (dnstwist-* = the dnstwist
# fuzzer of that name; common-word = a word or name with zipf >= {zipf} in en/de/es/fr,
# innocent unless the record copies the brand or lures). source names the generator.
"""


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, nargs="?", default=DEFAULT_OUT)
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--brands-per-bucket", type=int, default=None,
                        help="sample this many brands per bucket (default: all)")
    args = parser.parse_args(argv)
    corpus = generate(args.seed, args.brands_per_bucket)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.dump(corpus, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper),
                     allow_unicode=True, sort_keys=False, width=120)
    args.out.write_text(HEADER.format(zipf=COMMON_ZIPF) + text, encoding="utf-8")
    profiles = sum(len(b["discovered"]) for b in corpus["brands"])
    print(f"{len(corpus['brands'])} brands, {profiles} profiles -> {args.out}")


if __name__ == "__main__":
    main()
