"""Which targets a handle's name may be a few edits away from, without comparing it
with every target.

Every skeleton is indexed once, under itself and its one-deletion variants: an
exact index of everything within one edit (both sides deleting at most one letter
meet for any substitution, insertion, deletion or swap). Names long enough for
two edits are also bucketed by length under their first and last ANCHOR letters
and under their middle, which find the two-edit matches without a two-deletion
neighbourhood (a hundred keys per long name); large buckets are scored in C by
rapidfuzz.
"""

from __future__ import annotations

from collections.abc import Iterable

from rapidfuzz import process
from rapidfuzz.distance import OSA, LCSseq

from .settings import Settings

ANCHOR = 4  # length of the prefix/suffix anchors that find 2-edit matches of long names
MIDDLE = 5  # letters cut from each end of a long name for its middle (see far)
_SCORE_IN_C = 24  # buckets longer than this are scored by rapidfuzz's process.extract


class Candidates:
    """The target skeletons, indexed for near (one edit) and far (two edits) lookups."""

    def __init__(self, skeletons: Iterable[str], settings: Settings) -> None:
        self.edits: dict[str, int] = {}  # skeleton -> edits its rule allows
        self._deletes: dict[str, list[str]] = {}
        self._anchors: dict[tuple[str, int], list[str]] = {}
        self._middles: dict[tuple[str, int], list[str]] = {}
        for skel in skeletons:
            depth = settings.rule(len(skel)).max_edits
            if depth > 2:
                raise ValueError("impersonation thresholds: max_edits above 2 is not supported")
            self.edits[skel] = depth
            for variant in {skel} | {skel[:i] + skel[i + 1 :] for i in range(len(skel))}:
                self._deletes.setdefault(variant, []).append(skel)
            if depth == 2:
                self._index_long(skel)
        self.two_edits = bool(self._middles)
        self._anchor_words = frozenset(anchor for anchor, _ in self._anchors)
        self._middle_lengths = frozenset(size for _, size in self._middles)
        lengths = [len(s) for s in self.edits] or [0]
        self._min_len, self._max_len = min(lengths) - 2, max(lengths) + 2

    def _index_long(self, skel: str) -> None:
        size = len(skel)
        for anchor in (skel[:ANCHOR] + "^", "$" + skel[-ANCHOR:]):
            self._anchors.setdefault((anchor, size), []).append(skel)
        self._middles.setdefault((skel[MIDDLE : size - MIDDLE], size), []).append(skel)

    def near(self, core: str) -> set[str]:
        """Every target within one edit of ``core``, and some long ones two edits away.

        A long target also meets a core it shares all but one letter with after
        each deletes one, two edits apart.
        """
        found: set[str] = set()
        if not self._min_len <= len(core) <= self._max_len:
            return found
        get = self._deletes.get
        for hit in map(get, [core] + [core[:i] + core[i + 1 :] for i in range(len(core))]):
            if hit:
                found.update(hit)
        return found

    def far(self, core: str, near: set[str]) -> list[tuple[int, str]]:
        """The long targets exactly two edits from ``core`` that `near` missed.

        A two-edit name counts when it shares the first or last ANCHOR letters with a
        core of 8 or more letters, or when the core keeps all its letters but one and the
        target all but two (their longest common subsequence): the readings the first
        version of this check found with prefix/suffix anchors and a two-deletion
        neighbourhood of every long name. The second kind not sharing an anchor has an
        edit among the first and the last ANCHOR letters, so its middle survives
        (``skel[MIDDLE:-MIDDLE]``, at most one letter earlier in the core).
        """
        size = len(core)
        if not self.two_edits or not self._min_len <= size <= self._max_len:
            return []
        out: list[tuple[int, str]] = []
        seen: set[str] = set()
        for bucket in self._buckets(core):
            for skel in _within_two(core, bucket):
                if skel in near or skel in seen:
                    continue
                seen.add(skel)
                anchored = size >= 8 and (
                    skel[:ANCHOR] == core[:ANCHOR] or skel[-ANCHOR:] == core[-ANCHOR:]
                )
                if anchored or LCSseq.similarity(core, skel) >= max(size - 1, len(skel) - 2):
                    out.append((OSA.distance(core, skel), skel))
        return out

    def _buckets(self, core: str) -> list[list[str]]:
        """The anchor and middle buckets a core of this length can meet."""
        size = len(core)
        buckets = []
        if size >= 8:
            for anchor in (core[:ANCHOR] + "^", "$" + core[-ANCHOR:]):
                if anchor not in self._anchor_words:
                    continue
                for length in range(size - 2, size + 3):
                    hit = self._anchors.get((anchor, length))
                    if hit:
                        buckets.append(hit)
        for length in (size + 1, size + 2):
            if length not in self._middle_lengths:
                continue
            for start in (MIDDLE - 1, MIDDLE):
                hit = self._middles.get((core[start : start + length - 2 * MIDDLE], length))
                if hit:
                    buckets.append(hit)
        return buckets


def _within_two(core: str, bucket: list[str]) -> list[str]:
    """The skeletons of a bucket at most two edits from ``core``."""
    if len(bucket) > _SCORE_IN_C:
        found = process.extract(core, bucket, scorer=OSA.distance, score_cutoff=2, limit=None)
        return [skel for skel, _, _ in found]
    return [skel for skel in bucket if OSA.distance(core, skel, score_cutoff=2) <= 2]
