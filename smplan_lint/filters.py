"""The filter stage: which rules report, at which severity, and what `lint-ignore` hides.

Anywhere a rule is named (config, command line, `lint-ignore`), its id, its
name, or an id prefix such as `SMP2` works. The configuration and the command
line are merged into one `Policy` here and nowhere else.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from smplan_lint.findings import Finding
from smplan_lint.packs import Rule
from smplan_lint.records import NamedTuple

if TYPE_CHECKING:
    from smplan_lint.config import Config

SUPPRESSION_EXPIRED = "SMP009"
SUPPRESSION_UNUSED = "SMP010"


class UnknownRule(Exception):
    """A rule named somewhere that no loaded pack defines (exit status 2 on the CLI)."""


class RuleIndex:
    """Looks up rules by id, name or id prefix."""

    def __init__(self, rules: dict[str, Rule]) -> None:
        self.rules = rules
        self.by_name = {rule.name: rule for rule in rules.values()}

    def find(self, token: str) -> list[Rule]:
        if token in self.rules:
            return [self.rules[token]]
        if token in self.by_name:
            return [self.by_name[token]]
        return [rule for rule_id, rule in self.rules.items() if rule_id.startswith(token)]

    def resolve(self, tokens: Iterable[str], where: str) -> set[str]:
        ids: set[str] = set()
        for token in tokens:
            found = self.find(token)
            if not found:
                raise UnknownRule(f"{where}: unknown rule '{token}'{self.suggest(token)}")
            ids.update(rule.id for rule in found)
        return ids

    def suggest(self, token: str) -> str:
        import difflib

        close = difflib.get_close_matches(token, [*self.rules, *self.by_name], n=1)
        return f" (did you mean '{close[0]}'?)" if close else ""


class Selection(NamedTuple):
    """What the command line asked for, on top of each plan's own configuration."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str | None = None
    baseline: str | None = None
    use_baseline: bool = True   # False while writing a new baseline


class Policy(NamedTuple):
    """What the configuration and the command line decided, resolved to rule ids."""

    enabled: frozenset[str] | None = None      # rule ids; None means every rule
    severity: tuple[tuple[str, str], ...] = ()  # (rule id, severity) overrides
    fail_on: str = "error"


EVERY_RULE = Policy()  # no configuration: every rule at its own severity


def resolve_policy(config: Config, index: RuleIndex, selection: Selection) -> Policy:
    """The command line's `--select` replaces the config's; every `ignore` adds up."""
    from smplan_lint.config import split_rule_list

    where = config.source or "config"
    chosen, named = split_rule_list(list(selection.select)), "--select"
    if not chosen:  # an unknown rule in the file's `select:` is named at the file
        chosen, named = list(config.select), where
    enabled = index.resolve(chosen, named) if chosen else set(index.rules)
    enabled -= index.resolve(config.ignore, where)
    enabled -= index.resolve(split_rule_list(list(selection.ignore)), "--ignore")
    severity = {rule_id: level for token, level in config.severity.items()
                for rule_id in index.resolve([token], where)}
    return Policy(frozenset(enabled), tuple(severity.items()),
                  selection.fail_on or config.fail_on or "error")


def apply_policy(findings: list[Finding], plan: dict[str, Any], index: RuleIndex,
                 policy: Policy, today: datetime.date,
                 make: Any) -> tuple[list[Finding], list[Finding]]:
    """(kept, suppressed): selected rules at their configured severity, less suppressions.

    `make(rule_id, message, at, subject)` builds a finding for a suppression entry.
    """
    enabled = policy.enabled if policy.enabled is not None else frozenset(index.rules)
    levels = dict(policy.severity)
    findings = [item if levels.get(item.rule, item.severity) == item.severity
                else item._replace(severity=levels[item.rule])
                for item in findings if item.rule in enabled]
    entries = [entry for entry in suppressions(plan)
               if not (found := index.find(entry.token))
               or any(rule.id in enabled for rule in found)]
    kept, hidden = apply_suppressions(findings, entries, index, today, make)
    return [item for item in kept if item.rule in enabled], hidden


class Suppression(NamedTuple):
    pointer: str          # the item the `lint-ignore` sits on ("" for the plan)
    token: str
    reason: str
    until: str | None
    at: str               # where the lint-ignore entry itself is written
    subject: str | None


def suppressions(plan: dict[str, Any]) -> list[Suppression]:
    return list(_walk(plan, ""))


def _walk(node: Any, pointer: str) -> Iterator[Suppression]:
    if isinstance(node, dict):
        here = node.get("_pointer", pointer)
        entries = node.get("lint-ignore")
        if isinstance(entries, dict):
            subject = node.get("id") or node.get("handle")
            for token, entry in entries.items():
                entry = entry if isinstance(entry, dict) else {"reason": entry}
                yield Suppression(here, str(token), str(entry.get("reason", "")),
                                  entry.get("until"), entry.get("_pointer", f"{here}/lint-ignore"),
                                  subject)
        for key, value in node.items():
            if key != "lint-ignore":
                yield from _walk(value, here)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value, pointer)


def apply_suppressions(findings: list[Finding], entries: list[Suppression], index: RuleIndex,
                       today: datetime.date, make: Any) -> tuple[list[Finding], list[Finding]]:
    """Split findings into (kept, suppressed); expired and unused entries become findings.

    `make(rule_id, message, at, subject)` builds a finding for an entry.
    """
    kept, hidden, used = [], [], set()
    active: list[tuple[int, Suppression, set[str]]] = []
    extra: list[Finding] = []
    for number, entry in enumerate(entries):
        found = index.find(entry.token)
        if not found:
            extra.append(make(SUPPRESSION_UNUSED,
                              f"lint-ignore names unknown rule '{entry.token}'"
                              f"{index.suggest(entry.token)}", entry.at, entry.subject))
            continue
        if entry.until and str(entry.until) < today.isoformat():
            extra.append(make(SUPPRESSION_EXPIRED,
                              f"lint-ignore of {entry.token} expired on {entry.until}",
                              entry.at, entry.subject))
            continue
        active.append((number, entry, {rule.id for rule in found}))
    for item in findings:
        match = next((n for n, entry, ids in active
                      if item.rule in ids and item.path == entry.pointer), None)
        if match is None:
            kept.append(item)
        else:
            used.add(match)
            hidden.append(item._replace(suppressed=entries[match].reason))
    for number, entry, _ in active:
        if number not in used:
            extra.append(make(SUPPRESSION_UNUSED,
                              f"lint-ignore of {entry.token} suppresses nothing here",
                              entry.at, entry.subject))
    return kept + extra, hidden
