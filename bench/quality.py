"""Precision, recall and F1 of the judgement checks, measured end to end.

Every labelled item goes through the real pipeline (load, validate, facts,
engine, rules), as a user's plan would, and the check counts as firing when its
rule reports the item. The labelled sets are in fixtures/quality/; a separate
held-out set, kept outside the repository, confirms the figures.

Run: python bench/quality.py [--engine durable|python] [--goals FILE] [--impersonation FILE]
(bench/quality_goals.py and bench/quality_impersonation.py list the mistakes.)
"""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.quality_impersonation import _row  # noqa: E402
from smplan_lint.engine import backend  # noqa: E402
from smplan_lint.lint import lint_bytes  # noqa: E402
from smplan_lint.packs import compile_packs, core_pack  # noqa: E402

QUALITY = ROOT / "fixtures" / "quality"
GOAL_CHECKS = {  # rule -> (label, label value that means "the rule should fire")
    "SMP102": ("vanity_only", True),
    "SMP103": ("measurable", False),
    "SMP104": ("time_bound", False),
    "SMP106": ("specific", False),
}
DEFAULT_DAY = datetime.date(2026, 11, 27)


def _lint(plan: dict[str, Any], engine: Any, today: datetime.date) -> set[tuple[str, str]]:
    """(rule, JSON pointer) of every finding on the plan."""
    data = yaml.safe_dump(plan, allow_unicode=True, sort_keys=False).encode("utf-8")
    result = lint_bytes(data, "<quality>", compile_packs([core_pack()]), engine, today)
    return {(item.rule, item.path) for item in result.findings}


def goal_scores(path: Path, engine: Any) -> list[dict[str, object]]:
    goals = yaml.safe_load(path.read_text(encoding="utf-8"))["goals"]
    plan = {"version": 1, "goals": [{"id": f"g{i}", "statement": g["statement"]}
                                    for i, g in enumerate(goals)]}
    found = _lint(plan, engine, DEFAULT_DAY)
    rows = []
    for rule, (label, fires_when) in GOAL_CHECKS.items():
        tp = fp = fn = 0
        for number, goal in enumerate(goals):
            expected = goal[label] == fires_when
            fired = (rule, f"/goals/{number}") in found
            tp += expected and fired
            fp += fired and not expected
            fn += expected and not fired
        name = core_pack_rule_name(rule)
        rows.append(_row(f"{rule} {name}", tp, fp, fn, len(goals)))
    return rows


def impersonation_scores(path: Path, engine: Any) -> list[dict[str, object]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    today = data.get("today") or DEFAULT_DAY
    tp = fp = fn = n = 0
    own_fp = own_n = 0
    for brand in data["brands"]:
        own = brand.get("own", [])
        affiliates = brand.get("affiliates", [])
        protected = {(a["network"], str(a["handle"]).lower()) for a in own + affiliates}
        discovered = brand.get("discovered", [])
        plan = {
            "version": 1,
            "organisation": {"name": brand["name"], "brand_terms": brand.get("brand_terms", [])},
            "accounts": [{"id": f"own{i}", **a} for i, a in enumerate(own)],
            "affiliates": affiliates,
            "discovered": [{k: v for k, v in d.items() if k != "fake"} for d in discovered],
        }
        found = _lint(plan, engine, today)
        for number, profile in enumerate(discovered):
            n += 1
            fired = ("SMP501", f"/discovered/{number}") in found
            expected = bool(profile["fake"])
            tp += expected and fired
            fp += fired and not expected
            fn += expected and not fired
            key = (profile["network"], str(profile["handle"]).lstrip("@").lower())
            if key in protected:
                own_n += 1
                own_fp += fired
    return [_row("SMP501 likely-fake-profile", tp, fp, fn, n),
            _row("  own/affiliate accounts flagged", 0, own_fp, 0, own_n)]


def core_pack_rule_name(rule_id: str) -> str:
    return next(rule.name for rule in core_pack().rules if rule.id == rule_id)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engine", default=None)
    parser.add_argument("--goals", type=Path, default=QUALITY / "goals.yaml")
    parser.add_argument("--impersonation", type=Path, default=QUALITY / "impersonation.yaml")
    args = parser.parse_args(argv)
    engine = backend(args.engine)
    rows = impersonation_scores(args.impersonation, engine) + goal_scores(args.goals, engine)
    print(f"engine: {engine.name}")
    print(f"{'check':36} {'n':>5} {'tp':>5} {'fp':>5} {'fn':>5} {'prec':>6} {'recall':>6} "
          f"{'f1':>6}")
    for row in rows:
        print(f"{row['check']:36} {row['n']:>5} {row['tp']:>5} {row['fp']:>5} {row['fn']:>5} "
              f"{row['precision']:>6} {row['recall']:>6} {row['f1']:>6}")


if __name__ == "__main__":
    main()
