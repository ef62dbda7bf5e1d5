"""Is a word a common word or name? Looked up in the shipped wordfreq table.

Why: a one-letter edit of a short brand name is often an ordinary word ("acne" for
Acme) or another business's name; telling a typo-squat from a word needs to know
which handles are words (issue 16). The table ``data/common_words.txt`` holds the
words and names of English, German, Spanish and French that wordfreq sees at least
once per million words (``tools/gen_common_words.py``). It is binary-searched as one
string, read on first use: building a set of its 126,000 words would cost tens of
milliseconds at every start, and most plans never ask.

Other languages (``organisation.languages``) are asked of wordfreq itself when it
is installed (the ``dev`` extra); without it, only the table's languages count.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import cache, lru_cache

from smplan_lint import data

TABLE_FILE = "common_words.txt"
TABLE_LANGUAGES = frozenset({"en", "de", "es", "fr"})
MIN_ZIPF = 3.0  # as the table: once per million words
_FOLDS = str.maketrans({"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "ı": "i"})


@cache
def _table() -> str:
    """The table's words, one a line, after its header line."""
    text = data.read_text(TABLE_FILE)
    return text[text.index("\n") + 1 :]


def _in_table(word: str) -> bool:
    """Binary search of the sorted lines of the table text."""
    text = _table()
    lo, hi = 0, len(text)
    while lo < hi:
        mid = (lo + hi) // 2
        start = text.rfind("\n", 0, mid) + 1
        end = text.find("\n", start)
        line = text[start:end]
        if line == word:
            return True
        if line < word:
            lo = end + 1
        else:
            hi = start
    return False


def ascii_letters(text: str) -> str:
    """The letters of a text, lower case, accents dropped ("Café_2" -> "cafe")."""
    if text.isascii():
        return "".join(filter(str.isalpha, text.lower()))
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_FOLDS))
    return "".join(c for c in decomposed if c.isalpha() and not unicodedata.combining(c))


@cache
def _other_language(word: str, languages: tuple[str, ...]) -> bool:
    try:
        from wordfreq import zipf_frequency  # slow to import: only for extra languages
    except ImportError:
        return False
    return any(zipf_frequency(word, lang) >= MIN_ZIPF for lang in languages)


def is_common(word: str, languages: Iterable[str] = ()) -> bool:
    """Whether ``word`` (any case, accents allowed) is a common word or name in the
    table's languages or one of ``languages`` (codes such as "it", "pt")."""
    extra = tuple(sorted({str(lang).casefold()[:2] for lang in languages} - TABLE_LANGUAGES))
    return _is_common(ascii_letters(word), extra)


@lru_cache(maxsize=4096)
def _is_common(letters: str, extra: tuple[str, ...]) -> bool:
    """Remembered: the same handles and words come back across a plan's profiles."""
    if len(letters) < 3:
        return False
    return _in_table(letters) or (bool(extra) and _other_language(letters, extra))
