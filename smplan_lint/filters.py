"""The filter stage: rule selection, severity overrides, suppressions, baseline.

Anywhere a rule is named (config, command line, `lint-ignore`), its id, its
name, or an id prefix such as `SMP2` works.
"""

from __future__ import annotations

import datetime
import difflib
import json
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any, NamedTuple

from smplan_lint.findings import Finding
from smplan_lint.packs import Rule

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
        close = difflib.get_close_matches(token, [*self.rules, *self.by_name], n=1)
        return f" (did you mean '{close[0]}'?)" if close else ""


def select(findings: list[Finding], index: RuleIndex, chosen: list[str],
           ignored: list[str], where: str) -> list[Finding]:
    keep = index.resolve(chosen, where) if chosen else set(index.rules)
    keep -= index.resolve(ignored, where)
    return [item for item in findings if item.rule in keep]


def override_severity(findings: list[Finding], index: RuleIndex,
                      severities: dict[str, str], where: str) -> list[Finding]:
    levels: dict[str, str] = {}
    for token, level in severities.items():
        for rule_id in index.resolve([token], where):
            levels[rule_id] = level
    return [replace(item, severity=levels.get(item.rule, item.severity)) for item in findings]


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
            hidden.append(replace(item, suppressed=entries[match].reason))
    for number, entry, _ in active:
        if number not in used:
            extra.append(make(SUPPRESSION_UNUSED,
                              f"lint-ignore of {entry.token} suppresses nothing here",
                              entry.at, entry.subject))
    return kept + extra, hidden


def read_baseline(path: str) -> set[str]:
    from smplan_lint.config import ConfigError

    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return set(data["fingerprints"])
    except FileNotFoundError:
        raise ConfigError(f"{path}: baseline file not found") from None
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise ConfigError(f"{path}: not a smplan-lint baseline ({error})") from None


def write_baseline(path: str, findings: list[Finding]) -> None:
    """Rewritten whole each time, so findings that disappeared drop out."""
    entries = {item.fingerprint: {"rule": item.rule, "file": item.file, "message": item.message}
               for item in sorted(findings, key=Finding.sort_key)}
    Path(path).write_text(json.dumps({"version": 1, "fingerprints": entries}, indent=2) + "\n",
                          encoding="utf-8")
