"""What a plan needs before it is linted: its configuration, packs, engine, policy and baseline.

Each plan uses the configuration nearest to it (or `--config`), so a run over
several teams' plans treats each plan as its own team would, in any argument
order. Setups are built once per configuration file and shared by its plans.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from smplan_lint.filters import Policy, RuleIndex, Selection
from smplan_lint.records import NamedTuple

if TYPE_CHECKING:
    from smplan_lint.baseline import Baseline
    from smplan_lint.config import Config
    from smplan_lint.engine import Backend
    from smplan_lint.packs import Compiled, Pack

STDIN = "-"
# compiled at the first error (re's own cache), not at every start
_LOCATED = r"(?s)^(?P<file>.+?):(?P<line>\d+):(?P<column>\d+): (?P<message>.*)$"
_FILED = r"(?s)^(?P<file>[^:\s][^:]*?): (?P<message>.*)$"


class SetupError(Exception):
    """A configuration, pack, baseline or engine that cannot be used: the run stops (exit 2)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        found = re.match(_LOCATED, message) or re.match(_FILED, message)
        parts = found.groupdict() if found and os.path.exists(found["file"]) else {}
        self.file: str | None = parts.get("file")
        self.line = int(parts["line"]) if parts.get("line") else None
        self.column = int(parts["column"]) if parts.get("column") else None
        self.detail: str = parts.get("message", message)


class Setup(NamedTuple):
    """What the plans under one configuration file are linted with."""

    config: Config
    packs: list[Pack]
    compiled: Compiled
    engine: Backend
    rule_index: RuleIndex
    policy: Policy
    baseline: Baseline | None
    root: str   # fingerprints name files relative to this folder

    def key_path(self, path: str) -> str:
        """The file as fingerprints name it: the same however the path was typed."""
        if path == STDIN:
            return path
        return os.path.relpath(os.path.abspath(path), self.root).replace(os.sep, "/")


class Setups:
    """Builds and caches each configuration's setup for the plans of one run."""

    def __init__(self, config_path: str | None, rule_paths: tuple[str, ...],
                 engine: str | None) -> None:
        from smplan_lint.engine import EngineUnavailable, backend

        self.config_path, self.rule_paths = config_path, rule_paths
        try:
            self.engine = backend(engine)
        except EngineUnavailable as error:
            raise SetupError(str(error)) from None
        self._built: dict[tuple[str | None, Selection], Setup] = {}

    def config_file(self, path: str) -> str | None:
        from smplan_lint.config import ConfigError, discover

        if self.config_path:
            return self.config_path
        try:  # a pyproject.toml on the way up is parsed to learn if it holds our section
            return discover(os.getcwd() if path == STDIN else path)
        except ConfigError as error:
            raise SetupError(str(error)) from None

    def patterns(self, folder: str) -> Sequence[str]:
        """What a folder is searched for: its own configuration says."""
        from smplan_lint.config import ConfigError, load_config

        try:
            return load_config(self.config_file(folder)).patterns
        except ConfigError as error:
            raise SetupError(str(error)) from None

    def for_path(self, path: str, selection: Selection) -> Setup:
        source = self.config_file(path)
        key = (None if source is None else os.path.realpath(source), selection)
        if key not in self._built:
            self._built[key] = self._build(source, selection)
        return self._built[key]

    @property
    def used(self) -> list[Setup]:
        return list(self._built.values())

    def _build(self, source: str | None, selection: Selection) -> Setup:
        from smplan_lint.conditions import ConditionError
        from smplan_lint.config import ConfigError, load_config
        from smplan_lint.filters import UnknownRule, resolve_policy
        from smplan_lint.packs import PackError, compile_packs, gather_packs

        try:
            config = load_config(source)
            packs = gather_packs([*config.packs, *self.rule_paths])
            index = RuleIndex({rule.id: rule for pack in packs for rule in pack.rules})
            try:
                compiled = compile_packs(packs, rule_options(config, index))
            except ConditionError as error:  # an option value the rule's condition cannot take
                raise ConfigError(f"{config.source}: `rules:` {error}") from None
            policy = resolve_policy(config, index, selection)
            baseline_path = selection.baseline or config.baseline
            baseline = (_read_baseline(baseline_path)
                        if baseline_path and selection.use_baseline else None)
        except (ConfigError, PackError, UnknownRule) as error:
            raise SetupError(str(error)) from None
        root = os.path.dirname(os.path.realpath(source)) if source else os.getcwd()
        return Setup(config, packs, compiled, self.engine, index, policy, baseline, root)


def _read_baseline(path: str) -> Baseline:
    from smplan_lint.baseline import BaselineError, read_baseline

    try:
        return read_baseline(path)
    except BaselineError as error:
        raise SetupError(str(error)) from None


def rule_options(config: Config, index: RuleIndex) -> dict[str, dict[str, Any]]:
    """Config `rules:` keyed by rule id, each option one the rule declares."""
    from smplan_lint.config import ConfigError

    options: dict[str, dict[str, Any]] = {}
    for token, chosen in config.rules.items():
        found = index.find(token) if token in index.rules or token in index.by_name else []
        if not found:
            raise ConfigError(f"{config.source}: options for unknown rule '{token}'"
                              f"{index.suggest(token)}")
        rule = found[0]
        for name in chosen:
            if name not in rule.options:
                known = ", ".join(rule.options) or "none"
                raise ConfigError(f"{config.source}: rule {rule.id} has no option '{name}' "
                                  f"(its options: {known})")
        options[rule.id] = chosen
    return options
