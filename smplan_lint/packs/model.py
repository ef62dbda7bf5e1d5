"""What a loaded pack is: its rules, its header, and the error a bad one raises."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from smplan_lint.providers import Provider
from smplan_lint.records import NamedTuple


class PackError(Exception):
    """A pack that cannot be used; names the file, line and column."""

    def __init__(self, message: str, file: str, line: int = 1, column: int = 1) -> None:
        super().__init__(message)
        self.file, self.line, self.column = file, line, column

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.args[0]}"


class Rule(NamedTuple):
    id: str
    name: str
    severity: str
    summary: str
    why: str
    fix: str
    message: str
    area: str
    pack: str
    given: str | None
    at: str | None
    options: dict[str, Any]
    cases: tuple[dict[str, Any], ...]
    examples: dict[str, Any]
    builtin: bool
    source: str
    pointer: str
    line: int = 1       # of the rule's id, for messages about the rule itself
    column: int = 1
    uses: tuple[str, ...] = ()   # the provided fields it reads, as `type.field`

    def where(self) -> str:
        return f"{self.source}:{self.line}:{self.column}"


class Pack(NamedTuple):
    """A rule pack as loaded: its rules, providers, options and where it came from."""

    name: str
    version: str
    prefix: str
    requires: str
    description: str
    rules: list[Rule]
    paths: list[str]
    digest: str
    fields: Mapping[str, dict[str, str]] = {}   # shared by packs without fields: read only
    # Python derived-fact providers: the core pack's and installed packs'. YAML packs
    # named by path never run code.
    providers: Sequence[Provider] = ()

