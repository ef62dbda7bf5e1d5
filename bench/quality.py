"""Precision, recall and F1 of the judgement checks, measured end to end.

Every labelled item goes through the real pipeline (load, validate, facts,
engine, rules), as a user's plan would, and the check counts as firing when its
rule reports the item. The labelled sets are in fixtures/quality/; a separate
held-out set, kept outside the repository, confirms the figures.

Run: python bench/quality.py [--engine durable|python] [--goals FILE] [--impersonation FILE]
(bench/quality_goals.py and bench/quality_impersonation.py list the mistakes.)
A set whose profiles carry a ``family`` (the corpus of bench/impersonation_corpus.py) also
gets precision, recall and F1 per length bucket and per family.
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


LABEL_KEYS = {"fake", "family", "source"}  # corpus labels, not inventory fields
BUCKETS = ("3-4", "5-7", "8+")


def _bucket(brand: dict[str, Any]) -> str:
    """Length bucket of a brand: given by the corpus, else from its shortest brand term."""
    if brand.get("bucket"):
        return str(brand["bucket"])
    terms = [str(t) for t in brand.get("brand_terms", [])] or [str(brand["name"])]
    letters = min(sum(c.isalpha() for c in t) for t in terms)
    return "3-4" if letters <= 4 else "5-7" if letters <= 7 else "8+"


def impersonation_outcomes(path: Path, engine: Any) -> list[dict[str, Any]]:
    """One row per labelled profile: bucket, family, expected, fired, protected."""
    with path.open(encoding="utf-8") as handle:
        data = yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    today = data.get("today") or DEFAULT_DAY
    outcomes = []
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
            "discovered": [{k: v for k, v in d.items() if k not in LABEL_KEYS}
                           for d in discovered],
        }
        found = _lint(plan, engine, today)
        for number, profile in enumerate(discovered):
            key = (profile["network"], str(profile["handle"]).lstrip("@").lower())
            outcomes.append({"bucket": _bucket(brand), "family": profile.get("family"),
                             "expected": bool(profile["fake"]),
                             "fired": ("SMP501", f"/discovered/{number}") in found,
                             "protected": key in protected})
    return outcomes


def _score(check: str, outcomes: list[dict[str, Any]]) -> dict[str, object]:
    tp = sum(o["expected"] and o["fired"] for o in outcomes)
    fp = sum(o["fired"] and not o["expected"] for o in outcomes)
    fn = sum(o["expected"] and not o["fired"] for o in outcomes)
    return _row(check, tp, fp, fn, len(outcomes))


def _protected_row(check: str, outcomes: list[dict[str, Any]]) -> dict[str, object]:
    mine = [o for o in outcomes if o["protected"]]
    return _row(check, 0, sum(o["fired"] for o in mine), 0, len(mine))


def impersonation_scores(outcomes: list[dict[str, Any]]) -> list[dict[str, object]]:
    """The overall row and the own/affiliate row, as printed before the corpus existed."""
    return [_score("SMP501 likely-fake-profile", outcomes),
            _protected_row("  own/affiliate accounts flagged", outcomes)]


def impersonation_breakdown(outcomes: list[dict[str, Any]]) -> list[dict[str, object]]:
    """Rows per length bucket (with own/affiliate flags) and per family.

    Why: one overall F1 hides that short names or one kind of variant fail; the issue's
    target is per bucket. A family with only negatives shows its false positives.
    """
    rows = []
    for bucket in BUCKETS:
        part = [o for o in outcomes if o["bucket"] == bucket]
        if part:
            rows.append(_score(f"bucket {bucket}", part))
            rows.append(_protected_row(f"  bucket {bucket} own/affiliate flagged", part))
    families = sorted({str(o["family"]) for o in outcomes if o["family"]})
    for family in families:
        part = [o for o in outcomes if o["family"] == family]
        label = "+" if all(o["expected"] for o in part) else \
            "-" if not any(o["expected"] for o in part) else "±"
        rows.append(_score(f"family {family} ({label})", part))
    return rows


def core_pack_rule_name(rule_id: str) -> str:
    return next(rule.name for rule in core_pack().rules if rule.id == rule_id)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engine", default=None)
    parser.add_argument("--goals", type=Path, default=QUALITY / "goals.yaml")
    parser.add_argument("--impersonation", type=Path, default=QUALITY / "impersonation.yaml")
    args = parser.parse_args(argv)
    engine = backend(args.engine)
    outcomes = impersonation_outcomes(args.impersonation, engine)
    rows = impersonation_scores(outcomes) + goal_scores(args.goals, engine)
    print(f"engine: {engine.name}")
    _print(rows)
    if any(o["family"] for o in outcomes):
        print(f"\nimpersonation by length bucket and family ({args.impersonation.name}; "
              "family + all fakes, - all innocent)")
        _print(impersonation_breakdown(outcomes))


def _print(rows: list[dict[str, object]]) -> None:
    print(f"{'check':44} {'n':>6} {'tp':>5} {'fp':>5} {'fn':>5} {'prec':>6} {'recall':>6} "
          f"{'f1':>6}")
    for row in rows:
        print(f"{row['check']:44} {row['n']:>6} {row['tp']:>5} {row['fp']:>5} {row['fn']:>5} "
              f"{row['precision']:>6} {row['recall']:>6} {row['f1']:>6}")


if __name__ == "__main__":
    main()
