"""Runs the pass/fail examples written beside each rule: a test harness for every pack."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from smplan_lint.engine import Backend
from smplan_lint.lint import FileResult, lint_bytes
from smplan_lint.packs import Compiled, Rule

DEFAULT_EXAMPLE_DAY = datetime.date(2026, 6, 30)


@dataclass(frozen=True)
class ExampleResult:
    rule: str
    kind: str            # "fail" or "pass"
    number: int
    ok: bool
    detail: str

    @property
    def label(self) -> str:
        return f"{self.rule} {self.kind} example {self.number + 1}"


def example_source(example: Any) -> bytes:
    """A mapping example gets `version: 1` unless it says otherwise; a string is raw YAML."""
    if isinstance(example, str):
        return example.encode("utf-8")
    import yaml

    plan = {"version": 1, **example} if isinstance(example, dict) else example
    return yaml.safe_dump(plan, sort_keys=False, allow_unicode=True).encode("utf-8")


def example_day(rule: Rule) -> datetime.date:
    day = rule.examples.get("today", DEFAULT_EXAMPLE_DAY)
    return day if isinstance(day, datetime.date) else datetime.date.fromisoformat(str(day))


def lint_example(rule: Rule, example: Any, compiled: Compiled, engine: Backend) -> FileResult:
    label = f"<{rule.id} example>{rule.examples.get('suffix', '')}"  # `.csv`: a spreadsheet
    return lint_bytes(example_source(example), label, compiled, engine, example_day(rule))


def run_examples(rules: list[Rule], compiled: Compiled, engine: Backend) -> list[ExampleResult]:
    from smplan_lint.load import UnusableInput

    results = []
    for rule in rules:
        for kind in ("fail", "pass"):
            for number, example in enumerate(rule.examples.get(kind) or []):
                try:
                    found = lint_example(rule, example, compiled, engine).findings
                except UnusableInput as error:
                    results.append(ExampleResult(rule.id, kind, number, False,
                                                 f"example cannot be read: {error}"))
                    continue
                hits = [item for item in found if item.rule == rule.id]
                if kind == "fail":
                    ok, detail = bool(hits), hits[0].message if hits else "the rule did not fire"
                else:
                    ok = not hits
                    detail = "the rule stayed quiet" if ok else f"the rule fired: {hits[0].message}"
                results.append(ExampleResult(rule.id, kind, number, ok, detail))
    return results
