#!/usr/bin/env python3
"""Write the JSON report of every reference plan, to prove a refactoring changed nothing.

    python tools/snapshot_json.py /tmp/before      # on the old commit
    python tools/snapshot_json.py /tmp/after       # on the new one
    diff -r /tmp/before /tmp/after && echo byte-identical

The reference plans: every fixture plan (the org plan with its pack), the
labelled quality sets turned into plans (one plan of all goals per goal set,
one plan per brand of each impersonation set), and generated 1,000-account
plans from `bench/gen_inventory.py` (and from each `--generator` given).
Each is linted through the command line on both back ends, with a fixed date.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
QUALITY = ROOT / "fixtures" / "quality"
TODAY = "2026-11-27"


def _quality_plans(work: Path) -> list[Path]:
    plans = []
    for goal_set in sorted(QUALITY.rglob("goals.yaml")):
        goals = yaml.safe_load(goal_set.read_text(encoding="utf-8"))["goals"]
        plan = {"version": 1, "goals": [{"id": f"g{i}", "statement": g["statement"]}
                                        for i, g in enumerate(goals)]}
        plans.append(_write(work, goal_set, "goals", plan))
    for brand_set in sorted(QUALITY.rglob("impersonation.yaml")):
        for number, brand in enumerate(yaml.safe_load(brand_set.read_text("utf-8"))["brands"]):
            plan = {
                "version": 1,
                "organisation": {"name": brand["name"], "brand_terms": brand["brand_terms"]},
                "accounts": [{key: value for key, value in own.items()} | {"id": f"own{i}"}
                             for i, own in enumerate(brand.get("own", []))],
                "affiliates": brand.get("affiliates", []),
                "discovered": [{k: v for k, v in d.items() if k != "fake"}
                               for d in brand.get("discovered", [])],
            }
            plans.append(_write(work, brand_set, f"brand{number}", plan))
    return plans


def _write(work: Path, source: Path, name: str, plan: dict) -> Path:
    stem = "-".join(source.relative_to(QUALITY).with_suffix("").parts)
    path = work / f"{stem}-{name}.smplan.yaml"
    path.write_text(yaml.safe_dump(plan, allow_unicode=True, sort_keys=False), "utf-8")
    return path


def _generated_plans(work: Path, extra: list[Path]) -> list[Path]:
    plans = []
    generators = [ROOT / "bench" / "gen_inventory.py", *extra]
    for number, generator in enumerate(generators):
        for seed in (2026, 7):
            path = work / f"generated{number}-seed{seed}.smplan.yaml"
            subprocess.run([sys.executable, str(generator), "1000", str(path), "--seed",
                            str(seed)], check=True, capture_output=True)
            plans.append(path)
    return plans


def _lint(plan: Path, extra: list[str], engine: str, out: Path) -> None:
    command = [sys.executable, "-m", "smplan_lint", "--format", "json", "--today", TODAY,
               "--engine", engine, *extra, plan.name]
    result = subprocess.run(command, cwd=plan.parent, capture_output=True)
    out.write_bytes(result.stdout + f"\n# exit {result.returncode}\n".encode()
                    + result.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--engines", default="durable,python")
    parser.add_argument("--generator", type=Path, action="append", default=[],
                        help="another plan generator of bench/gen_inventory.py's interface "
                             "(N PATH --seed S); may repeat")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        fixtures = sorted((ROOT / "fixtures").glob("*.smplan.yaml"))
        cases = [(p, []) for p in fixtures]
        cases.append((ROOT / "fixtures" / "org-plan.smplan.yaml",
                      ["--rules", str(ROOT / "fixtures" / "org-pack")]))
        cases += [(p, []) for p in _quality_plans(work) + _generated_plans(work, args.generator)]
        for engine in args.engines.split(","):
            for number, (plan, extra) in enumerate(cases):
                _lint(plan, extra, engine, args.out / f"{engine}-{number:03d}-{plan.stem}.json")
    print(f"{len(cases)} plans x {args.engines} written to {args.out}")


if __name__ == "__main__":
    main()
