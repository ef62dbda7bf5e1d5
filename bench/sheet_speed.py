"""A 1,000-account audit workbook lints in at most 1.5x the time of its YAML import.

Builds a template-like workbook (summary, impostor, goals and Plan sheets) with
openpyxl, imports it to YAML with `smplan-lint import`'s writer, then lints both
in process with the same pack and engine and prints the best-of-N times and
their ratio. Needs the `dev` extra (openpyxl).

    python bench/sheet_speed.py [--accounts 1000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import datetime
import io
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from smplan_lint.engine import backend  # noqa: E402
from smplan_lint.lint import lint_bytes  # noqa: E402
from smplan_lint.load import load_bytes  # noqa: E402
from smplan_lint.packs import compile_packs, core_pack  # noqa: E402
from smplan_lint.sheets.export import to_yaml  # noqa: E402

TODAY = datetime.date(2026, 12, 1)
NETWORKS = ("instagram", "x", "linkedin", "tiktok", "facebook", "youtube")


def workbook(accounts: int) -> bytes:
    """The template's sheets with `accounts` summary rows and a tenth as many impostors."""
    from openpyxl import Workbook

    book = Workbook()
    summary = book.active
    summary.title = "Accounts"
    summary.append(["Social Media Audit"])
    summary.append([])
    summary.append(["Network", "Handle", "Channel Owner", "Verified", "Mission Statement",
                    "Most Recent Post", "Keep / Deactivate"])
    for n in range(accounts):
        network = NETWORKS[n % len(NETWORKS)]
        summary.append([network.title(), f"https://{network}.com/acme_{n}",
                        f"Person {n % 40}", "Y" if n % 3 else "N",
                        f"We serve region {n} on {network}." if n % 7 else "",
                        TODAY - datetime.timedelta(days=n % 200), "Keep" if n % 9 else "Delete"])
    impostors = book.create_sheet("Impostors")
    impostors.append(["Social Network", "URL", "Owner", "Shutdown Y/N"])
    for n in range(accounts // 10):
        impostors.append(["X", f"x.com/acme_{n}_official", "unknown", "N" if n % 2 else "Y"])
    goals = book.create_sheet("Goals")
    goals.append(["Goal", "Network", "Metric", "Target", "Deadline"])
    for n, network in enumerate(NETWORKS):
        goals.append([f"Send {100 + n} visitors a month from {network} to the shop.", network,
                      "web_referrals", 100 + n, datetime.date(2027, 6, 30)])
    plan = book.create_sheet("Plan")
    for row in (["Brand terms", "acme"], ["Target networks", ", ".join(NETWORKS[:4])],
                ["Last audit", "2026-10-01"], ["Review interval", "90 days"]):
        plan.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def best_of(repeat: int, data: bytes, path: str, lint: dict) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        lint_bytes(data, path, lint["compiled"], lint["engine"], TODAY)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--accounts", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--engine", default="python")
    args = parser.parse_args()
    sheet = workbook(args.accounts)
    imported = to_yaml(load_bytes(sheet, "audit.smplan.xlsx")).encode("utf-8")
    lint = {"compiled": compile_packs([core_pack()]), "engine": backend(args.engine)}
    best_of(1, imported, "plan.smplan.yaml", lint)  # warm the rule cache and imports
    best_of(1, sheet, "audit.smplan.xlsx", lint)
    yaml_time = best_of(args.repeat, imported, "plan.smplan.yaml", lint)
    sheet_time = best_of(args.repeat, sheet, "audit.smplan.xlsx", lint)
    print(f"{args.accounts} accounts, engine {args.engine}, best of {args.repeat}")
    print(f"  YAML import  {yaml_time * 1000:8.1f} ms  ({len(imported):,} bytes)")
    print(f"  workbook     {sheet_time * 1000:8.1f} ms  ({len(sheet):,} bytes)")
    print(f"  ratio        {sheet_time / yaml_time:8.2f}x  (target: at most 1.5x)")


if __name__ == "__main__":
    main()
