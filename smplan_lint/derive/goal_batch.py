"""Reading many goal sentences at once, on every CPU the process may use.

A sentence takes about 0.2 ms and depends on no other, so on a plan with
thousands of goals reading them is the largest stage. Forked workers start with
the vocabulary already loaded (copy-on-write) and send back only readings.
Small plans, and systems where fork is not the safe default, read in-process.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable

from smplan_lint.derive.goals import GoalReading, read_goal

# Below this many distinct sentences, starting workers costs more than it saves.
MIN_PARALLEL = 2000
MAX_WORKERS = 4


def read_all(statements: Iterable[str]) -> dict[str, GoalReading]:
    """Each distinct sentence's reading; the same as `read_goal` on each."""
    distinct = list(dict.fromkeys(statements))
    workers = _workers(len(distinct))
    if workers < 2:
        return _read_share(distinct)
    import multiprocessing

    read_goal(distinct[0])  # load the vocabulary once, before forking
    shares = [distinct[start::workers] for start in range(workers)]
    try:
        pool = multiprocessing.get_context("fork").Pool(workers - 1)
    except OSError:  # no processes left to start: read them here
        return _read_share(distinct)
    with pool:
        pending = pool.map_async(_read_share, shares[1:])
        readings = _read_share(shares[0])  # this process reads a share meanwhile
        for share in pending.get():
            readings.update(share)
    return readings


def _read_share(statements: list[str]) -> dict[str, GoalReading]:
    return {statement: read_goal(statement) for statement in statements}


def _workers(count: int) -> int:
    if count < MIN_PARALLEL or sys.platform != "linux":
        return 1
    return min(len(os.sched_getaffinity(0)), MAX_WORKERS)
