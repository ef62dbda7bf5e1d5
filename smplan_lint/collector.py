"""Python's cyclic garbage collector, paused while a plan is linted.

A large plan is millions of small objects (its tree, marks, facts, readings) that
form no reference cycles, so reference counting frees all of them. The cyclic
collector would still walk every one of them each time the heap grows by a
quarter: on a 10,000-account plan that was 6-9 % of the lint's processor time,
and most of PyYAML's own load time. Pausing it for the lint changes no result.
The caller's setting comes back afterwards, also when the lint raises; a host
that turned the collector off keeps it off, and overlapping lints (threads)
turn it back on only when the last one ends.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_holders = 0  # lints running with the collector paused
_was_enabled = False  # whether the first of them found it on


@contextmanager
def paused() -> Iterator[None]:
    """Run the block with the cyclic collector off, restoring the caller's setting."""
    global _holders, _was_enabled
    with _lock:
        if _holders == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _holders += 1
    try:
        yield
    finally:
        with _lock:
            _holders -= 1
            if _holders == 0 and _was_enabled:
                gc.enable()
