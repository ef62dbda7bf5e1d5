"""Did you mean: the name a reference that resolves to nothing most likely meant.

A reference is matched, in this order, to a name equal to it ignoring case
(`Priya` -> `priya`), to a name it is a separator-delimited part of (`jo` ->
`hr-jo`), then to a name one or two edits away (a swap of two neighbouring
letters is one edit). Short names allow fewer edits: two for names longer than
four characters, one for three or four, none below three, or every two-letter
id would be "near" every other. The first of these tiers that finds anything
decides, and only when it points at a single name: a guess between two is no
suggestion. A reference is compared (in rapidfuzz's C code) only with names of
about its length; suggestions are looked for only for references that resolve
to nothing, so their cost is that of the plan's broken references.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping

_SEPARATORS = re.compile(r"[-_.\s/]+")
MAX_EDITS = 2


def allowed_edits(first: str, second: str) -> int:
    """How many edits two names may differ by and still be one misspelt for the other."""
    if min(len(first), len(second)) < 3:
        return 0
    return 1 if max(len(first), len(second)) <= 4 else MAX_EDITS


class Suggester:
    """Suggestions among one set of names; `meaning` maps a name to what it stands for
    (a network alias to its network), so two names meaning one thing are no ambiguity."""

    def __init__(self, names: Iterable[str], meaning: Mapping[str, str] | None = None) -> None:
        self._meaning = meaning or {}
        self._by_fold: dict[str, list[str]] = defaultdict(list)
        self._by_part: dict[str, list[str]] = defaultdict(list)
        # by length: only names within MAX_EDITS of a reference's length can be near it,
        # so a long reference costs nothing against many short names
        self._by_length: dict[int, list[tuple[str, str]]] = defaultdict(list)
        for name in dict.fromkeys(names):
            folded = name.casefold()
            self._by_fold[folded].append(name)
            self._by_length[len(folded)].append((folded, name))
            parts = [part for part in _SEPARATORS.split(folded) if part]
            for part in set(parts) if len(parts) > 1 else ():
                self._by_part[part].append(name)

    def suggest(self, reference: str) -> str | None:
        """The one name `reference` most likely meant, or None."""
        folded = reference.casefold()
        tiers = (self._by_fold.get(folded, []), self._by_part.get(folded, []),
                 *self._near(folded))
        for found in tiers:
            meant = {self._meaning.get(name, name) for name in found}
            if meant:
                return meant.pop() if len(meant) == 1 else None
        return None

    def _near(self, folded: str) -> tuple[list[str], ...]:
        """Names one edit away, then names two edits away, each within its allowance."""
        by_edits: tuple[list[str], ...] = tuple([] for _ in range(MAX_EDITS))
        size = len(folded)
        near = [pair for length in range(size - MAX_EDITS, size + MAX_EDITS + 1)
                for pair in self._by_length.get(length, ())]
        if size < 3 or not near:
            return by_edits
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        found = process.extract(folded, [choice for choice, _ in near], scorer=OSA.distance,
                                score_cutoff=MAX_EDITS, limit=None)
        for choice, edits, index in found:
            if 0 < edits <= allowed_edits(folded, choice):
                by_edits[int(edits) - 1].append(near[index][1])
        return by_edits


class Ids:
    """The ids of one section (people, accounts, objectives) a field refers to; the
    suggester is built only when a reference resolves to none of them."""

    def __init__(self, ids: Iterable[str]) -> None:
        self.ids = frozenset(ids)
        self._suggester: Suggester | None = None

    def suggestion(self, reference: object) -> str | None:
        """What an unresolved reference most likely meant; None for one that resolves."""
        if not isinstance(reference, str) or reference in self.ids:
            return None
        if self._suggester is None:
            self._suggester = Suggester(sorted(self.ids))
        return self._suggester.suggest(reference)
