"""Precision and recall of the goal-sentence checks on the labelled development set.

The project asks for detection quality to be measured, not asserted in timed
tests. The positive class of each row is "the rule fires": a vanity-only goal, a
goal that is not measurable, not time-bound, not specific.

Run: python bench/quality_goals.py [path/to/goals.yaml]
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from smplan_lint.derive.goals import GoalReading, read_goal, vanity_only

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "quality" / "goals.yaml"

# check name -> (label key, label value that means "fires", prediction from a reading)
CHECKS: dict[str, tuple[str, bool, Callable[[GoalReading], bool]]] = {
    "goal-vanity-only": ("vanity_only", True, lambda r: vanity_only(r.families)),
    "goal-not-measurable": ("measurable", False, lambda r: r.has_target),
    "goal-not-time-bound": ("time_bound", False, lambda r: r.time_bound),
    "goal-not-specific": ("specific", False, lambda r: bool(r.networks or r.handles)),
}


def load(path: Path = FIXTURE) -> list[dict[str, Any]]:
    """The labelled goals of a development set."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))["goals"]


def misses(path: Path = FIXTURE) -> list[tuple[str, str]]:
    """(check, statement) for every goal the reader gets wrong, to guide fixes."""
    wrong = []
    for goal in load(path):
        reading = read_goal(goal["statement"])
        for check, (key, _fires, predict) in CHECKS.items():
            if predict(reading) != goal[key]:
                wrong.append((check, goal["statement"]))
    return wrong


def scores(path: Path = FIXTURE) -> list[dict[str, Any]]:
    """One row per check: n, tp, fp, fn, precision, recall, f1."""
    goals = load(path)
    readings = [read_goal(g["statement"]) for g in goals]
    rows = []
    for check, (key, fires, predict) in CHECKS.items():
        tp = fp = fn = 0
        for goal, reading in zip(goals, readings, strict=True):
            actual = goal[key] == fires
            predicted = predict(reading) == fires
            tp += actual and predicted
            fp += predicted and not actual
            fn += actual and not predicted
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        rows.append(
            {
                "check": check,
                "n": len(goals),
                "tp": tp,
                "fp": fp,
                "fn": fn,
                "precision": precision,
                "recall": recall,
                "f1": f1,
            }
        )
    return rows


def main(argv: list[str]) -> None:
    """Print the quality table, then the goals each check gets wrong."""
    path = Path(argv[0]) if argv else FIXTURE
    print(f"{'check':<22}{'n':>5}{'tp':>5}{'fp':>5}{'fn':>5}{'prec':>8}{'recall':>8}{'f1':>8}")
    for row in scores(path):
        print(
            f"{row['check']:<22}{row['n']:>5}{row['tp']:>5}{row['fp']:>5}{row['fn']:>5}"
            f"{row['precision']:>8.3f}{row['recall']:>8.3f}{row['f1']:>8.3f}"
        )
    for check, statement in misses(path):
        print(f"  miss {check}: {statement}")


if __name__ == "__main__":
    main(sys.argv[1:])
