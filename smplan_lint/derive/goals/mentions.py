"""What a goal sentence names: its language, metrics (and which it rejects),
networks and @handles."""

from __future__ import annotations

import re

from rapidfuzz.distance import OSA

from .index import Probe
from .lexicon import Lexicon, Network
from .text import HARD_STOP_RE, WORD_RE, Mention, overlaps, words

_GAP_CHARS_RE = re.compile(r"[\w\s,&/'\"“”„«»-]*")
_RANGE_GAP_RE = re.compile(r"[\s-]*")
_AFTER_NAME_RE = re.compile(r"\s*[%\d]")

_Named = list[tuple[int, int, Network]]


def detect_language(lex: Lexicon, probe: Probe) -> str:
    """The language with the most stop words (and its own letters, counted twice)."""
    lowered = probe.lowered
    scores = [0] * len(lex.language_order)
    languages_of = lex.stopword_languages
    for word in WORD_RE.findall(lowered):
        for number in languages_of.get(word, ()):
            scores[number] += 1
    if not lowered.isascii() and not lex.all_letters.isdisjoint(lowered):
        for number, letters in enumerate(lex.language_letters):
            scores[number] += 2 * sum(lowered.count(ch) for ch in letters)
    best, best_score = "en", 0
    for lang, score in zip(lex.language_order, scores, strict=True):
        if score > best_score:
            best, best_score = lang, score
    return best


def find_metrics(lex: Lexicon, probe: Probe) -> list[Mention]:
    """Every metric mention, the longest one winning where two overlap; then the
    misspelt metric words among the words left over."""
    text = probe.text
    found = []
    names = lex.metric_names
    groups = lex.text_index.groups
    for gid, picked in sorted(probe.chosen(lex.text_index).items()):
        if gid < len(names):
            name = names[gid]
            found += [
                (m.start() - m.end(), m.start(), m.end(), name)
                for m in groups[gid].compiled(picked).finditer(text)
                if m.end() > m.start()
            ]
    found.sort(key=lambda f: (f[0], f[1]))
    taken: list[tuple[int, int]] = []
    chosen: list[Mention] = []
    for _length, start, end, name in found:
        if not overlaps(start, end, taken):
            taken.append((start, end))
            chosen.append(Mention(start, end, name))
    minimum = lex.typo_min
    for m in WORD_RE.finditer(text):
        if m.end() - m.start() >= minimum and not overlaps(m.start(), m.end(), taken):
            name = _misspelt_metric(lex, m.group(0).lower())
            if name is not None:
                chosen.append(Mention(m.start(), m.end(), name))
    return sorted(chosen, key=lambda m: m.start)


def _misspelt_metric(lex: Lexicon, word: str) -> str | None:
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


def find_networks(lex: Lexicon, probe: Probe, mentions: list[Mention]) -> tuple[str, ...]:
    """The networks the sentence names, in the order it names them."""
    text = probe.text
    index = lex.text_index
    chosen = probe.chosen(index)
    present = [lex.network_of[gid] for gid in sorted(chosen) if gid in lex.network_of]
    named = [
        (m.start(), m.end(), network)
        for network in present
        if network.kind == "term"
        for m in index.groups[network.gid].compiled(chosen[network.gid]).finditer(text)
    ]
    found = [(start, network.means) for start, _end, network in named]
    for network in present:
        if network.kind == "term":
            continue
        for m in index.groups[network.gid].compiled(chosen[network.gid]).finditer(text):
            if network.kind == "product":
                counts = not _after_other_network(text, m.start(), network, named)
            else:
                counts = _network_in_context(text, m, mentions, network)
            if counts and not overlaps(m.start(), m.end(), [(s, e) for s, e, _ in named]):
                found.append((m.start(), network.means))
    if not found:
        return ()
    found.sort(key=lambda item: item[0])
    return tuple(dict.fromkeys(name for _, means in found for name in means))


def _after_other_network(text: str, start: int, network: Network, named: _Named) -> bool:
    """'Facebook Reels' are Facebook's, not Instagram's."""
    return any(
        other.means != network.means and _RANGE_GAP_RE.fullmatch(text[end:start])
        for _start, end, other in named
        if end <= start
    )


def _network_in_context(
    text: str, match: re.Match[str], mentions: list[Mention], network: Network
) -> bool:
    """'on X' names a network; 'X followers' and 'X%' are placeholders. Where the
    entry says so, a name right before a metric counts too ('Threads followers')."""
    after = text[match.end() :]
    if _AFTER_NAME_RE.match(after):
        return False
    following = match.end() + len(after) - len(after.lstrip(" -"))
    before_metric = any(m.start == following for m in mentions)
    if network.before_metric and before_metric:
        return True
    before = text[: match.start()].rstrip()
    previous = before[-1:] if before[-1:] in {",", "/"} else (words(before) or [""])[-1]
    return previous in network.context and not before_metric


def find_handles(lex: Lexicon, text: str) -> list[re.Match[str]]:
    """Every @handle the sentence names."""
    if "@" not in text:
        return []
    return list(lex.handle.finditer(text))


def negated_mentions(lex: Lexicon, probe: Probe, mentions: list[Mention]) -> set[int]:
    """Indexes of mentions that a cue ('beyond', 'nicht nur', 'au-delà des') rejects."""
    negated: set[int] = set()
    text = probe.text
    index = lex.text_index
    for cue in probe.finditer(index, "negation_cue"):
        position, first = cue.end(), True
        for number, mention in enumerate(mentions):
            if mention.start < position:
                continue
            if not _is_negated(lex, text[position : mention.start], first):
                break
            negated.add(number)
            position, first = mention.end, False
        contrast = probe.search(index, "contrast", text, cue.end())
        if contrast is not None and _in_contrast_window(lex, text[cue.end() : contrast.start()]):
            negated.update(
                number
                for number, mention in enumerate(mentions)
                if mention.start >= cue.end() and mention.end <= contrast.start()
            )
    return negated


def _is_negated(lex: Lexicon, gap: str, first: bool) -> bool:
    """Whether the words between a cue (or a listed metric) and a metric keep the negation."""
    if any(ch.isdigit() for ch in gap):
        return False
    found = words(gap)
    allowed = lex.fillers if first else lex.fillers_and_coordinators
    limit = lex.negation_gap if first else lex.negation_gap + 1
    if not _GAP_CHARS_RE.fullmatch(gap):
        return False
    return len(found) <= limit and all(w in allowed for w in found)


def _in_contrast_window(lex: Lexicon, gap: str) -> bool:
    """'not X but Y': the words between the cue and 'but' are what is rejected."""
    return (
        len(words(gap)) <= lex.contrast_window
        and not any(ch.isdigit() for ch in gap)
        and not HARD_STOP_RE.search(gap)
    )
