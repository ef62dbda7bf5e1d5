"""Per-item work of large plans, on every CPU the process may use.

Reading a goal sentence (about 0.4 ms) or judging a discovered profile (about
0.1 ms) depends on no other item, nor does a durable-rules session of one shard
of the facts (a few milliseconds); on plans with thousands of them these are the
largest stages. Forked workers start with the vocabulary, indexes and rulesets
already built (copy-on-write): they are handed only the number of their share
and send back results. Small batches, systems where fork is not the safe
default, and processes running other threads (a library user's) work in-process.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

# Below this many items, starting workers costs more than it saves.
MIN_PARALLEL = 2000
MAX_WORKERS = 4

# What forked workers run: set before they start, so they inherit it; never pickled.
_work: tuple[Callable[[Any], Any], list[list[Any]]] | None = None


def map_items(function: Callable[[Item], Result], items: Sequence[Item],
              minimum: int = MIN_PARALLEL) -> list[Result]:
    """`[function(item) for item in items]`, in that order, on every CPU from `minimum`
    items. `function` must not depend on state it changes, because each worker changes
    only its own copy."""
    workers = _workers(len(items), minimum)
    if workers < 2:
        return [function(item) for item in items]
    import multiprocessing

    global _work
    shares = [list(items[start::workers]) for start in range(workers)]
    _work = (function, shares)
    try:
        try:
            pool = multiprocessing.get_context("fork").Pool(workers - 1)
        except OSError:  # no processes left to start: do it all here
            return [function(item) for item in items]
        results: list[Any] = [None] * len(items)
        with pool:
            pending = pool.map_async(_run_share, range(1, workers))
            results[0::workers] = [function(item) for item in shares[0]]  # meanwhile
            for start, share in enumerate(pending.get(), start=1):
                results[start::workers] = share
        return results
    finally:
        _work = None


def _run_share(number: int) -> list[Any]:
    assert _work is not None, "a share was run outside map_items"
    function, shares = _work
    return [function(item) for item in shares[number]]


def _workers(count: int, minimum: int) -> int:
    if count < minimum or sys.platform != "linux":
        return 1
    import multiprocessing

    if multiprocessing.current_process().daemon:  # a library user's pool worker: no children
        return 1
    if threading.active_count() > 1:  # forking beside other threads can deadlock them
        return 1
    return min(len(os.sched_getaffinity(0)), MAX_WORKERS)
