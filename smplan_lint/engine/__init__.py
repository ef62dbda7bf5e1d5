"""The engine adapter: pick a back end; nothing outside this package imports one."""

from __future__ import annotations

from typing import Any, Protocol

from smplan_lint.engine.program import Match, Program

BACKENDS = ("durable", "python")


class EngineUnavailable(Exception):
    """The requested back end cannot be loaded here (exit status 2)."""


class Backend(Protocol):
    name: str

    def run(self, program: Program, facts: list[dict[str, Any]]) -> list[Match]: ...


_instances: dict[str, Backend] = {}


def backend(name: str | None = None) -> Backend:
    """The named back end, or durable-rules where it loads and python elsewhere."""
    if name is None:
        try:
            return backend("durable")
        except EngineUnavailable:
            return backend("python")
    if name not in _instances:
        _instances[name] = _load(name)
    return _instances[name]


def _load(name: str) -> Backend:
    if name == "python":
        from smplan_lint.engine.python_backend import PythonBackend

        return PythonBackend()
    if name == "durable":
        try:
            from smplan_lint.engine.durable_backend import DurableBackend
        except ImportError as error:  # not installed, or fails to load (Python 3.13+)
            raise EngineUnavailable(f"durable-rules cannot be loaded here: {error}") from None
        return DurableBackend()
    raise EngineUnavailable(f"unknown engine {name!r}; choose one of {', '.join(BACKENDS)}")
