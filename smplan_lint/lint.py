"""The pipeline, top to bottom: load, validate, facts, engine, findings, filters.

`run` lints a whole command line's worth of paths and returns everything a
report needs; the command line, the pack test harness and the test suite all
lint each file through `lint_document`, so every entry point sees the same findings.
"""

from __future__ import annotations

import datetime
import functools

# What string.Formatter().parse returns, without importing `string` (its Template class
# compiles a pattern: about a millisecond of every start).
from _string import formatter_parser
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, cast

from smplan_lint import collector
from smplan_lint.conditions.values import held_exactly
from smplan_lint.engine import Backend
from smplan_lint.engine.program import MISSING, Match, field_value
from smplan_lint.facts import RESERVED, build_facts
from smplan_lint.filters import EVERY_RULE, Policy, RuleIndex, Selection, apply_policy
from smplan_lint.findings import Finding, InputError, Issue, at_or_above, fingerprint, help_command
from smplan_lint.inventory import check_version, validate
from smplan_lint.load import Document, UnusableInput, load_bytes
from smplan_lint.packs import Compiled, Rule
from smplan_lint.providers import CORE_PROVIDERS
from smplan_lint.records import NamedTuple
from smplan_lint.report.common import plural

if TYPE_CHECKING:
    from smplan_lint.setup import Setups


class FileResult(NamedTuple):
    path: str
    findings: list[Finding]
    suppressed: list[Finding]
    facts: list[dict[str, Any]]


class RunResult(NamedTuple):
    """Everything a report and the exit status need from one run."""

    files: list[str]
    findings: list[Finding]
    suppressed: list[Finding]
    errors: list[InputError]
    facts: dict[str, list[dict[str, Any]]]
    keys: dict[str, str]            # file -> the path its fingerprints use
    baselined: int                  # findings the baseline hid
    baseline_unmatched: list[tuple[str, dict[str, Any]]]   # (fingerprint, entry)
    failed: bool                    # a finding reached its plan's fail-on threshold

    @property
    def status(self) -> int:
        return 2 if self.errors else 1 if self.failed else 0


def run(paths: Sequence[str], setup: Setups, policy: Selection,
        today: datetime.date) -> RunResult:
    """Lint every plan the paths name; one unusable file never stops the others.

    Raises `SetupError` (a configuration or pack that cannot be used stops the run)
    and `NothingToLint`.
    """
    from smplan_lint import cache
    from smplan_lint.inputs import gather
    from smplan_lint.load import read_file
    from smplan_lint.setup import SetupError

    files, errors = gather(tuple(paths), setup.patterns)
    found: list[Finding] = []
    hidden: list[Finding] = []
    facts: dict[str, list[dict[str, Any]]] = {}
    keys: dict[str, str] = {}
    matched: set[str] = set()
    baselined = 0
    failed = False
    for path in files:
        chosen = setup.for_path(path, policy)
        keys[path] = chosen.key_path(path)
        try:
            with cache.kept_for(path):  # answers kept between runs, per plan
                result = lint_bytes(read_file(path), path, chosen.compiled, chosen.engine,
                                    today, chosen.policy, keys[path])
        except UnusableInput as error:
            errors.append(InputError(path, error.line, error.column, str(error),
                                     error.detail))
            continue
        except ProviderFailed as error:
            raise SetupError(str(error)) from None
        kept = result.findings
        if chosen.baseline is not None:
            kept, known = chosen.baseline.split(kept)
            baselined += len(result.findings) - len(kept)
            matched |= known
        failed = failed or at_or_above(kept, chosen.policy.fail_on)
        found.extend(kept)
        hidden.extend(result.suppressed)
        facts[path] = result.facts
    unmatched = [(fingerprint, entry) for used in setup.used if used.baseline
                 for fingerprint, entry in used.baseline.entries.items()
                 if fingerprint not in matched and entry.get("file") in keys.values()]
    return RunResult(files, found, hidden, errors, facts, keys, baselined, unmatched, failed)


@collector.paused()
def lint_bytes(data: bytes, path: str, compiled: Compiled, engine: Backend,
               today: datetime.date, policy: Policy = EVERY_RULE,
               key_path: str | None = None) -> FileResult:
    """Load and lint one file; raises UnusableInput for a file that cannot be linted."""
    document = load_bytes(data, path)
    problem = check_version(document.data)
    if problem:
        raise UnusableInput(problem, *document.position("/version"))
    return lint_document(document, compiled, engine, today, policy, key_path)


@collector.paused()
def lint_document(document: Document, compiled: Compiled, engine: Backend,
                  today: datetime.date, policy: Policy = EVERY_RULE,
                  key_path: str | None = None) -> FileResult:
    """Findings for one loaded document (its version already checked); fingerprints
    name the file by `key_path` (default: the path as given)."""
    validated = validate(document.data, known_extra_keys=compiled.extra_keys,
                         declared_fields=compiled.declared_fields, reserved_keys=RESERVED,
                         texts=document.texts)
    facts = _facts(validated.plan, compiled, today)
    placer = _Placer(document, compiled, facts, key_path or document.path)
    findings = [placer.issue(issue) for issue in [*document.problems, *validated.issues]]
    findings.extend(placer.matches(engine.run(compiled.program, facts)))
    kept, hidden = apply_policy(
        findings, validated.plan, RuleIndex(compiled.rules), policy, today,
        lambda rule, message, at, subject: placer.issue(Issue(rule, at, message, subject)))
    return FileResult(document.path, kept, hidden, facts)


def _facts(plan: dict[str, Any], compiled: Compiled, today: datetime.date) -> list[dict]:
    """Facts with every attribute the engine tests: derived, provided and lowered."""
    facts = build_facts(plan, today, compiled.provider_options)
    _provide(compiled, facts, today)
    by_type: dict[str, list] = {}
    for lowered in compiled.lowered:
        by_type.setdefault(lowered.type, []).append(lowered)
    for fact in facts:
        _engine_safe(fact)
        for lowered in by_type.get(fact["type"], ()):
            fact[lowered.attribute] = lowered.predicate(fact, today)
    return facts


def _engine_safe(node: dict[str, Any] | list[Any]) -> None:
    """Numbers durable-rules cannot hold (inf, nan, 1e+20 written without a point, an
    integer beyond 64 bits) become their text, for both back ends alike: such a value
    then compares as no number."""
    items: Any = node.items() if isinstance(node, dict) else enumerate(node)
    for key, value in items:  # values are replaced, never added: no copy needed
        if type(value) is str or value is None:  # most values: nothing to look at
            continue
        if isinstance(value, int | float):
            if not held_exactly(value):
                node[key] = repr(value)
        elif isinstance(value, dict | list):
            _engine_safe(value)


class ProviderFailed(Exception):
    """An installed pack's derived-fact provider raised (exit status 2 on the CLI)."""


def _provide(compiled: Compiled, facts: list[dict[str, Any]], today: datetime.date) -> None:
    """Attributes from one-fact providers of installed packs (the core pack's run in
    build_facts); they never replace a field."""
    for provider in compiled.providers:
        if provider in CORE_PROVIDERS:
            continue
        for fact in facts:
            if fact["type"] != provider.fact_type:
                continue
            try:
                derived = provider.compute(dict(fact), today)
            except Exception as error:
                raise ProviderFailed(f"pack {provider.pack}: provider {provider.name} failed on "
                                     f"{fact.get('_pointer')}: {error}") from None
            for key, value in (derived or {}).items():
                fact.setdefault(str(key), value)


class _Placer:
    """Turns issues and engine matches into placed, fingerprinted findings."""

    def __init__(self, document: Document, compiled: Compiled, facts: list[dict],
                 key_path: str) -> None:
        self.document, self.compiled, self.facts = document, compiled, facts
        self.key_path = key_path

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
            subject = bound[cast(str, rule.given)]  # every rule the engine matches has one
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
        return self._finding(
            rule, severity, message, pointer, at, subject.get("_subject"), subject["_identity"],
            network=subject.get("network"), owner=subject.get("_owner"),
            evidence=subject.get("_evidence", {}),
            # a "did you mean" proposes a value for the field the finding points at
            suggestion=subject.get(f"{relative}_suggestion") if relative else None)

    def _finding(self, rule: Rule, severity: str, message: str, pointer: str, at: str,
                 subject: Any, identity: str, **extra: Any) -> Finding:
        line, column = self.document.position(at)
        path = self.document.path
        return Finding(
            rule=rule.id, name=rule.name, severity=severity, message=message, file=path,
            line=line, column=column, path=pointer,
            subject=None if subject is None else str(subject), fix=rule.fix,
            help=help_command(rule.id),
            fingerprint=fingerprint(rule.id, self.key_path, identity),
            sheet=self.document.sheet(at), area=rule.area, **extra,
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
def _parsed(template: str) -> tuple[tuple[str, str | None, str], ...]:
    """(literal text, field or None, noun) triples: a template is parsed once, not per
    finding."""
    try:
        return tuple((text, name, noun or "")
                     for text, name, noun, _ in formatter_parser(template))
    except ValueError:  # unbalanced braces: shown as written
        return ((template, None, ""),)


def _render(template: str, subject: dict, bound: dict, options: dict) -> str:
    """`{field}`, `{alias.field}`, `{option.name}`; nothing else, missing reads '?'.

    A count may name its noun, so that the message reads right for one and for many:
    `{account_count:account}` gives "1 account" or "2 accounts", `{n:entry|entries}`.
    """
    out = []
    for text, name, noun in _parsed(template):
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
        if noun:
            singular, _, many = noun.partition("|")
            value = plural(value, singular, many or None)
        out.append(str(value))
    return "".join(out)
