"""Cost of the impersonation check per discovered profile, as a ratio to a baseline.

Run: ``python bench/impersonation_speed.py``; or, to compare with another checkout
timed side by side in the same run (issue 16: no slower than 1.1x the previous
commit), ``python bench/impersonation_speed.py --compare /path/to/old/checkout
--old-python /path/to/its/python``, which interleaves passes of both and prints the
ratio new/old per case. Prints microseconds per profile with
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

import argparse
import datetime
import math
import random
import string
import sys
import time
from pathlib import Path

# The checkout to time: this one, or another one's (--root, see compare).
ROOT = sys.argv[sys.argv.index("--root") + 1] if "--root" in sys.argv else \
    str(Path(__file__).resolve().parents[1])
sys.path.insert(0, ROOT)

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


def per_profile_us(fn, items: list[tuple[str, str]]) -> float:  # type: ignore[no-untyped-def]
    """Best of three timed passes of ``fn`` over the items, in microseconds per item."""
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for network, handle in items:
            fn(network, handle)
        best = min(best, time.perf_counter() - start)
    return best / len(items) * 1e6


def baseline(network: str, handle: str) -> tuple[str, str]:
    return network.casefold(), plain(handle)


CASES: list[tuple[int, int, str]] = [
    (10, 1_000, ""), (10, 10_000, ""), (10, 100_000, ""), (100, 10_000, ""),
    (1_000, 10_000, ""), (1_000, 10_000, "prefix"), (10_000, 10_000, "prefix"),
]


def workloads() -> list[tuple[str, list[tuple[str, str]], list[tuple[str, str]]]]:
    """(label, own handles, profiles) of each case, the same in every process (seeded)."""
    rng = random.Random(7)
    out = []
    for n_own, n_profiles, shape in CASES:
        own = (prefixed_handles if shape else brand_handles)(rng, n_own)
        items = profiles(rng, own, n_profiles)
        if shape:  # and some unrelated handles that start with the brand's name
            items = [(net, "acme" + h if i % 5 == 0 else h) for i, (net, h) in enumerate(items)]
        out.append((f"{n_own} {shape}".strip(), own, items))
    return out


def one_pass(own: list[tuple[str, str]], items: list[tuple[str, str]]) -> float:
    """Seconds to judge every profile with a fresh index (its caches do not flatter)."""
    assess = ImpersonationIndex(own, [own[0][1]], today=datetime.date(2026, 11, 1)).assess
    start = time.perf_counter()
    for network, handle in items:
        assess(network, handle)
    return time.perf_counter() - start


def worker() -> int:
    """Answer "case number" lines on stdin with the seconds of one pass (see compare)."""
    cases = workloads()
    print(f"timing {sys.modules['smplan_lint'].__file__}", file=sys.stderr)
    for line in sys.stdin:
        _, own, items = cases[int(line)]
        print(one_pass(own, items), flush=True)
    return 0


def compare(old_root: str, old_python: str, rounds: int) -> int:
    """Time another checkout (the previous commit) and this one in the same run, their
    passes interleaved so that a busy machine slows both alike; best pass of each."""
    import subprocess

    here = str(Path(__file__).resolve())
    new_root = str(Path(__file__).resolve().parents[1])
    procs = [subprocess.Popen([python, here, "--worker", "--root", root], text=True,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE)
             for python, root in ((old_python, old_root), (sys.executable, new_root))]
    print(f"{'own':>12} {'profiles':>9} {'old µs':>9} {'new µs':>9} {'new/old':>8}")
    ratios = []
    for number, (label, _, items) in enumerate(workloads()):
        best = [float("inf"), float("inf")]
        for _ in range(rounds):
            for side, proc in enumerate(procs):
                assert proc.stdin and proc.stdout
                proc.stdin.write(f"{number}\n")
                proc.stdin.flush()
                best[side] = min(best[side], float(proc.stdout.readline()))
        old, new = (b / len(items) * 1e6 for b in best)
        ratios.append(new / old)
        print(f"{label:>12} {len(items):>9} {old:>9.2f} {new:>9.2f} {new / old:>8.2f}")
    for proc in procs:
        proc.communicate("")
    print(f"geometric mean new/old: {math.prod(ratios) ** (1 / len(ratios)):.2f}")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--compare", metavar="OLD_ROOT",
                        help="another checkout to compare with (e.g. ../old), timed side by side")
    parser.add_argument("--old-python", default=sys.executable,
                        help="interpreter for the old checkout")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--root", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        return worker()
    if args.compare:
        return compare(args.compare, args.old_python, args.rounds)
    print(f"{'own':>12} {'profiles':>9} {'µs/profile':>11} {'baseline µs':>12} {'ratio':>7}"
          f" {'index s':>8}")
    for label, own, items in workloads():
        start = time.perf_counter()
        ImpersonationIndex(own, [own[0][1]], today=datetime.date(2026, 11, 1))
        build = time.perf_counter() - start
        base = per_profile_us(baseline, items)
        cost = min(one_pass(own, items) for _ in range(3)) / len(items) * 1e6
        print(f"{label:>12} {len(items):>9} {cost:>11.2f} {base:>12.2f} {cost / base:>7.1f}"
              f" {build:>8.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
