"""The command line's verdict on text held in the editor.

Each plan gets the setup the command line would give it (`Setups.for_path`:
its nearest configuration, packs, policy and baseline), so configuration,
packs, suppressions and baselines apply exactly as in `smplan-lint PLAN`; only
the bytes come from the editor's buffer instead of the disk.
"""

from __future__ import annotations

from pathlib import PurePosixPath

from smplan_lint.config import DEFAULT_PATTERNS
from smplan_lint.filters import Selection
from smplan_lint.findings import Finding
from smplan_lint.load import UnusableInput
from smplan_lint.lsp.settings import Settings
from smplan_lint.packs import Rule
from smplan_lint.records import NamedTuple
from smplan_lint.setup import Setup, SetupError, Setups

SELECTION = Selection()  # no command-line options: each plan's configuration decides


class Problem(NamedTuple):
    """Why a plan could not be linted; line and column (from 1) where known."""

    message: str
    line: int | None = None
    column: int | None = None


class Outcome(NamedTuple):
    findings: list[Finding]
    problem: Problem | None


class Linter:
    """Setups per configuration, kept until the settings or a configuration change."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._setups: Setups | None = None

    def configure(self, settings: Settings) -> None:
        self.settings = settings
        self.reload()

    def reload(self) -> None:
        """Forget every configuration read so far (one was saved, or settings changed)."""
        self._setups = None

    def setup(self, path: str) -> Setup:
        """Raises SetupError for a configuration, pack or engine that cannot be used."""
        if self._setups is None:
            self._setups = Setups(None, self.settings.rules, self.settings.engine)
        return self._setups.for_path(path, SELECTION)

    def wants(self, path: str) -> bool:
        """Whether the configuration's `patterns` name this file as a plan."""
        try:
            patterns = self.setup(path).config.patterns
        except SetupError:
            patterns = list(DEFAULT_PATTERNS)  # the error is reported when it is linted
        posix = PurePosixPath(path.replace("\\", "/"))
        return any(posix.match(pattern) for pattern in patterns)

    def lint(self, path: str, text: str) -> Outcome:
        """What `smplan-lint PATH` would report if the file held `text`."""
        from smplan_lint.lint import ProviderFailed, lint_bytes

        try:
            chosen = self.setup(path)
            result = lint_bytes(text.encode("utf-8", "surrogatepass"), path, chosen.compiled,
                                chosen.engine, self.settings.day(), chosen.policy,
                                chosen.key_path(path))
        except UnusableInput as error:
            return Outcome([], Problem(str(error), error.line, error.column))
        except (SetupError, ProviderFailed) as error:
            return Outcome([], Problem(f"cannot lint this plan: {error}"))
        kept = result.findings
        if chosen.baseline is not None:
            kept, _ = chosen.baseline.split(kept)
        return Outcome(kept, None)

    def rule(self, path: str, token: str) -> Rule | None:
        """The rule a token names (id or name) in this plan's packs."""
        try:
            setup = self.setup(path)
        except SetupError:
            return None
        return setup.compiled.rules.get(token) or setup.rule_index.by_name.get(token)
