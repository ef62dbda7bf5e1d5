"""One bounded memory for the answers of an index's methods.

Audits list the same handle on several networks and repeat display names and
bios, so verdict parts are remembered per (method, arguments); a memory that
reaches CACHE_SIZE answers is emptied rather than grown.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

CACHE_SIZE = 50_000  # answers remembered per method and index

Answer = TypeVar("Answer")


class Remembering:
    """An owner of `remembered` methods: holds their memories."""

    def __init__(self) -> None:
        self._memory: dict[str, dict[tuple[Any, ...], Any]] = {}


def remembered(method: Callable[..., Answer]) -> Callable[..., Answer]:
    """``method``, remembering its answer for each set of (positional) arguments."""
    name = method.__name__

    @wraps(method)
    def recall(self: Remembering, *args: Any) -> Answer:
        memory = self._memory.get(name)
        if memory is None:
            memory = self._memory[name] = {}
        elif args in memory:
            return memory[args]
        if len(memory) >= CACHE_SIZE:
            memory.clear()
        answer = memory[args] = method(self, *args)
        return answer

    return recall
