"""Cost of the impersonation check per discovered profile, as a ratio to a baseline.

Run: ``python bench/impersonation_speed.py``. Prints microseconds per profile with
10 own handles and 1k/10k/100k generated profiles, then 10k profiles against 10, 100
and 1000 own handles, then 10k profiles (a fifth of them unrelated handles that start
with the brand's name) against 1k and 10k own handles that all share the brand's prefix
(a large organisation's regional and shop accounts, "acme_shop_paris", "acmecoffee_17"),
the shape that used to cost milliseconds per profile. Each pass uses a fresh index, so
its caches do not flatter the figures; "index s" is the time to build it. Each figure is
also shown as a ratio to a baseline timed in the same run (a loop that only normalises
each handle), so that the numbers mean something on a busy machine. A ratio that stays
flat as sizes grow shows the cost is near-linear; the target is at most 20 µs per
profile at 10 own handles.
"""

from __future__ import annotations

import datetime
import random
import string
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from smplan_lint.derive.confusables import plain  # noqa: E402
from smplan_lint.derive.handles import ImpersonationIndex  # noqa: E402

NETWORKS = ["instagram", "x", "tiktok", "facebook", "linkedin", "youtube"]


def brand_handles(rng: random.Random, count: int) -> list[tuple[str, str]]:
    """Own handles that look like real ones: one or two made-up words."""
    out = []
    for _ in range(count):
        words = ["".join(rng.choices(string.ascii_lowercase, k=rng.randint(4, 8)))
                 for _ in range(rng.randint(1, 2))]
        out.append((rng.choice(NETWORKS), rng.choice(["", "_", "."]).join(words)))
    return out


def prefixed_handles(rng: random.Random, count: int) -> list[tuple[str, str]]:
    """Own handles of one brand: its name, a word and a place, or a number."""
    words = ["shop", "cafe", "roastery", "jobs", "events", "deals", "news", "team", "coffee"]
    places = ["berlin", "paris", "lyon", "madrid", "oslo", "porto", "ghent", "leeds", "malmo",
              "krakow", "seville", "utrecht", "bilbao", "dublin", "prague", "athens"]
    out = []
    for i in range(count):
        if i % 2:
            handle = f"acme{rng.choice(['', '_'])}{rng.choice(words)}{rng.choice(places)}{i // 64}"
        else:
            handle = f"acmecoffee_{i}"
        out.append((rng.choice(NETWORKS), handle))
    return out


def profiles(rng: random.Random, own: list[tuple[str, str]], count: int) -> list[tuple[str, str]]:
    """Mostly unrelated handles, with one in ten imitating an own handle."""
    alphabet = string.ascii_lowercase + string.digits + "_"
    out = []
    for _ in range(count):
        if rng.random() < 0.1:
            handle = list(rng.choice(own)[1])
            handle[rng.randrange(len(handle))] = rng.choice("0оa1_")
            text = "".join(handle) + rng.choice(["", "_official", "uk", "support"])
        else:
            text = "".join(rng.choices(alphabet, k=rng.randint(5, 16)))
        out.append((rng.choice(NETWORKS), text))
    return out


def per_profile_us(make, items: list[tuple[str, str]]) -> float:  # type: ignore[no-untyped-def]
    """Best of three timed passes, in microseconds per item.

    ``make()`` gives the function to time, afresh for each pass: the index remembers
    verdicts, and a pass over handles it has already seen would time its cache.
    """
    best = float("inf")
    for _ in range(3):
        fn = make()
        start = time.perf_counter()
        for network, handle in items:
            fn(network, handle)
        best = min(best, time.perf_counter() - start)
    return best / len(items) * 1e6


def baseline(network: str, handle: str) -> tuple[str, str]:
    return network.casefold(), plain(handle)


def main() -> int:
    rng = random.Random(7)
    print(f"{'own':>12} {'profiles':>9} {'µs/profile':>11} {'baseline µs':>12} {'ratio':>7}"
          f" {'index s':>8}")
    cases = [(10, 1_000), (10, 10_000), (10, 100_000), (100, 10_000), (1_000, 10_000)]
    cases += [(1_000, 10_000, "prefix"), (10_000, 10_000, "prefix")]
    for n_own, n_profiles, *shape in cases:
        own = (prefixed_handles if shape else brand_handles)(rng, n_own)
        start = time.perf_counter()
        ImpersonationIndex(own, [own[0][1]], today=datetime.date(2026, 11, 1))
        build = time.perf_counter() - start

        def make(own=own):  # type: ignore[no-untyped-def]
            return ImpersonationIndex(own, [own[0][1]], today=datetime.date(2026, 11, 1)).assess

        items = profiles(rng, own, n_profiles)
        if shape:  # and some unrelated handles that start with the brand's name
            items = [(net, "acme" + h if i % 5 == 0 else h) for i, (net, h) in enumerate(items)]
        base = per_profile_us(lambda: baseline, items)
        cost = per_profile_us(make, items)
        label = f"{n_own} {shape[0]}" if shape else str(n_own)
        print(f"{label:>12} {n_profiles:>9} {cost:>11.2f} {base:>12.2f} {cost / base:>7.1f}"
              f" {build:>8.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
