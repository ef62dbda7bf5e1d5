"""The pipeline, top to bottom: load, validate, facts, engine, findings.

The command line, the pack test harness and the test suite all lint through
`lint_document`, so every entry point sees the same findings.
"""

from __future__ import annotations

import datetime
import functools
import string
from dataclasses import replace
from typing import Any, NamedTuple

from smplan_lint.conditions.values import held_exactly
from smplan_lint.engine import Backend
from smplan_lint.engine.program import MISSING, Match, field_value
from smplan_lint.facts import RESERVED, build_facts
from smplan_lint.filters import RuleIndex, apply_suppressions, suppressions
from smplan_lint.findings import Finding, Issue, fingerprint, help_url
from smplan_lint.inventory import check_version, validate
from smplan_lint.load import Document, UnusableInput, load_bytes
from smplan_lint.packs import Compiled, Rule


class FileResult(NamedTuple):
    path: str
    findings: list[Finding]
    suppressed: list[Finding]
    facts: list[dict[str, Any]]


class Policy(NamedTuple):
    """What the configuration decided: which rules report, at which severity."""

    enabled: frozenset[str] | None = None      # rule ids; None means every rule
    severity: tuple[tuple[str, str], ...] = ()  # (rule id, severity) overrides


EVERY_RULE = Policy()  # no configuration: every rule at its own severity


def lint_bytes(data: bytes, path: str, compiled: Compiled, engine: Backend,
               today: datetime.date, policy: Policy = EVERY_RULE) -> FileResult:
    """Load and lint one file; raises UnusableInput for a file that cannot be linted."""
    document = load_bytes(data, path)
    problem = check_version(document.data)
    if problem:
        raise UnusableInput(problem, *document.position("/version"))
    return lint_document(document, compiled, engine, today, policy)


def lint_document(document: Document, compiled: Compiled, engine: Backend,
                  today: datetime.date, policy: Policy = EVERY_RULE) -> FileResult:
    """Findings for one loaded document (its version already checked)."""
    validated = validate(document.data, known_extra_keys=compiled.extra_keys,
                         declared_fields=compiled.declared_fields, reserved_keys=RESERVED)
    facts = _facts(validated.plan, compiled, today)
    placer = _Placer(document, compiled, facts)
    findings = [placer.issue(issue) for issue in [*document.problems, *validated.issues]]
    findings.extend(placer.matches(engine.run(compiled.program, facts)))
    kept, hidden = _apply_policy(findings, validated.plan, compiled, policy, today, placer)
    return FileResult(document.path, kept, hidden, facts)


def _facts(plan: dict[str, Any], compiled: Compiled, today: datetime.date) -> list[dict]:
    """Facts with every attribute the engine tests: derived, provided and lowered."""
    facts = build_facts(plan, today, compiled.options)
    _provide(compiled, facts, today)
    by_type: dict[str, list] = {}
    for lowered in compiled.lowered:
        by_type.setdefault(lowered.type, []).append(lowered)
    for fact in facts:
        _engine_safe(fact)
        for lowered in by_type.get(fact["type"], ()):
            fact[lowered.attribute] = lowered.predicate(fact, today)
    return facts


def _apply_policy(findings: list[Finding], plan: dict[str, Any], compiled: Compiled,
                  policy: Policy, today: datetime.date,
                  placer: _Placer) -> tuple[list[Finding], list[Finding]]:
    """(kept, suppressed): selected rules at their configured severity, less suppressions."""
    enabled = policy.enabled if policy.enabled is not None else frozenset(compiled.rules)
    levels = dict(policy.severity)
    findings = [item if levels.get(item.rule, item.severity) == item.severity
                else replace(item, severity=levels[item.rule])
                for item in findings if item.rule in enabled]
    index = RuleIndex(compiled.rules)
    entries = [entry for entry in suppressions(plan)
               if not (found := index.find(entry.token))
               or any(rule.id in enabled for rule in found)]
    kept, hidden = apply_suppressions(
        findings, entries, index, today,
        lambda rule, message, at, subject: placer.issue(Issue(rule, at, message, subject)))
    return [item for item in kept if item.rule in enabled], hidden


def _engine_safe(node: dict[str, Any] | list[Any]) -> None:
    """Numbers durable-rules cannot hold (inf, nan, 1e+20 written without a point, an
    integer beyond 64 bits) become their text, for both back ends alike: such a value
    then compares as no number."""
    keys = node.keys() if isinstance(node, dict) else range(len(node))
    for key in keys:
        value = node[key]
        if isinstance(value, int | float) and not held_exactly(value):
            node[key] = repr(value)
        elif isinstance(value, dict | list):
            _engine_safe(value)


class ProviderFailed(Exception):
    """An installed pack's derived-fact provider raised (exit status 2 on the CLI)."""


def _provide(compiled: Compiled, facts: list[dict[str, Any]], today: datetime.date) -> None:
    """Attributes from installed packs' Python providers; they never replace a field."""
    for pack, fact_type, provider in compiled.providers:
        for fact in facts:
            if fact["type"] != fact_type:
                continue
            try:
                derived = provider(dict(fact), today)
            except Exception as error:
                raise ProviderFailed(f"pack {pack}: provider {provider.__name__} failed on "
                                     f"{fact.get('_pointer')}: {error}") from None
            for key, value in (derived or {}).items():
                fact.setdefault(str(key), value)


class _Placer:
    """Turns issues and engine matches into placed, fingerprinted findings."""

    def __init__(self, document: Document, compiled: Compiled, facts: list[dict]) -> None:
        self.document, self.compiled, self.facts = document, compiled, facts

    def issue(self, issue: Issue) -> Finding:
        rule = self.compiled.rules[issue.rule]
        identity = stable_path(self.document.data, issue.pointer)
        return self._finding(rule, rule.severity, issue.message, issue.pointer, issue.pointer,
                             issue.subject, identity)

    def matches(self, matches: list[Match]) -> list[Finding]:
        seen: set[tuple[str, int]] = set()
        found = []
        for match in sorted(matches, key=lambda m: (m.case, m.bindings)):
            rule = self.compiled.case_rules[match.case]
            bound = {alias: self.facts[index] for alias, index in match.bindings}
            subject = bound[rule.given]
            if (rule.id, subject["_n"]) in seen:
                continue
            seen.add((rule.id, subject["_n"]))
            case = self.compiled.case_specs[match.case]
            found.append(self._from_match(rule, case, subject, bound))
        return found

    def _from_match(self, rule: Rule, case: dict, subject: dict, bound: dict) -> Finding:
        template = str(case.get("message", rule.message))
        message = _render(template, subject, bound, self.compiled.options[rule.id])
        pointer = subject["_pointer"]
        relative = case.get("at", rule.at)
        at = f"{pointer}/{relative}" if relative else pointer
        severity = str(case.get("severity", rule.severity))
        finding = self._finding(rule, severity, message, pointer, at, subject.get("_subject"),
                                subject["_identity"])
        finding.network = subject.get("network")
        finding.owner = subject.get("_owner")
        finding.evidence = subject.get("_evidence", {})
        return finding

    def _finding(self, rule: Rule, severity: str, message: str, pointer: str, at: str,
                 subject: Any, identity: str) -> Finding:
        line, column = self.document.position(at)
        path = self.document.path
        return Finding(
            rule=rule.id, name=rule.name, severity=severity, message=message, file=path,
            line=line, column=column, path=pointer,
            subject=None if subject is None else str(subject), fix=rule.fix,
            help=help_url(rule.id, rule.name),
            fingerprint=fingerprint(rule.id, path, identity), area=rule.area,
        )


def stable_path(data: Any, pointer: str) -> str:
    """The pointer with each list index replaced by that item's identity (its id, or
    network/handle, or name), so a fingerprint survives reordered items and moved lines."""
    node, out = data, []
    for raw in pointer.split("/")[1:]:
        token = raw.replace("~1", "/").replace("~0", "~")
        if isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
            found = node if isinstance(node, dict) else {}
            named = found.get("id") or (f"{found.get('network')}/{found.get('handle')}"
                                        if "handle" in found else found.get("name"))
            out.append(f"[{named}]" if isinstance(named, str) and named else token)
        else:
            node = node.get(token) if isinstance(node, dict) else None
            out.append(token)
    return "/" + "/".join(out)


@functools.lru_cache(maxsize=1024)
def _parsed(template: str) -> tuple[tuple[str, str | None], ...]:
    """(literal text, field or None) pairs: a template is parsed once, not per finding."""
    try:
        return tuple((text, name) for text, name, _, _ in string.Formatter().parse(template))
    except ValueError:  # unbalanced braces: shown as written
        return ((template, None),)


def _render(template: str, subject: dict, bound: dict, options: dict) -> str:
    """`{field}`, `{alias.field}`, `{option.name}`; nothing else, missing reads '?'."""
    out = []
    for text, name in _parsed(template):
        out.append(text)
        if name is None:
            continue
        head, _, rest = name.partition(".")
        if head == "option" and rest:
            value = field_value(options, rest)
        elif rest and head in bound:
            value = field_value(bound[head], rest)
        else:
            value = field_value(subject, name)
        if value is MISSING:
            value = "?"
        elif isinstance(value, list):
            value = ", ".join(str(v) for v in value)
        out.append(str(value))
    return "".join(out)
