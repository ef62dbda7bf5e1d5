"""Precision and recall of the impersonation check on the labelled development set.

Run: ``python bench/quality_impersonation.py``. The set is
``fixtures/quality/impersonation.yaml``; a profile counts as flagged when
:meth:`ImpersonationIndex.assess` returns any verdict (error or warning).
"""

from __future__ import annotations

import datetime
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from smplan_lint.derive.confusables import plain  # noqa: E402
from smplan_lint.derive.handles import ImpersonationIndex  # noqa: E402

FIXTURE = ROOT / "fixtures" / "quality" / "impersonation.yaml"


def _row(check: str, tp: int, fp: int, fn: int, n: int) -> dict[str, object]:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"check": check, "n": n, "tp": tp, "fp": fp, "fn": fn,
            "precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3)}


def run(path: Path = FIXTURE) -> tuple[list[dict[str, object]], list[str]]:
    """Score every labelled profile; also return one line per mistake."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    today = data.get("today")
    today = today if isinstance(today, datetime.date) else None
    tp = fp = fn = n = 0
    protected = protected_fp = 0
    mistakes: list[str] = []
    for brand in data["brands"]:
        own = [(o["network"], o["handle"]) for o in brand.get("own", [])]
        affiliates = [(a["network"], a["handle"]) for a in brand.get("affiliates", [])]
        followers = brand.get("official_followers") or {
            o["network"]: o["followers"] for o in brand.get("own", []) if "followers" in o
        }
        index = ImpersonationIndex(own, brand.get("brand_terms", []), affiliates, followers, today,
                                   organisation=brand.get("name"))
        mine = {(net.casefold(), plain(h)) for net, h in own + affiliates}
        for item in brand["discovered"]:
            created = item.get("created")
            verdict = index.assess(
                item["network"], str(item["handle"]), item.get("display_name"), item.get("bio"),
                item.get("followers"), str(created) if created else None, item.get("verified"),
            )
            n += 1
            flagged, fake = verdict is not None, bool(item["fake"])
            tp += flagged and fake
            fp += flagged and not fake
            fn += fake and not flagged
            if (item["network"].casefold(), plain(str(item["handle"]))) in mine:
                protected += 1
                protected_fp += flagged
            if flagged != fake:
                what = verdict.evidence if verdict else "not flagged"
                mistakes.append(f"{'FP' if flagged else 'FN'} {brand['name']}: "
                                f"{item['network']} @{item['handle']}: {what}")
    rows = [
        _row("impersonation", tp, fp, fn, n),
        {"check": "own/affiliate false positives", "n": protected, "tp": 0, "fp": protected_fp,
         "fn": 0, "precision": None, "recall": None, "f1": None},
    ]
    return rows, mistakes


def scores() -> list[dict[str, object]]:
    """Rows with check, n, tp, fp, fn, precision, recall, f1."""
    return run()[0]


def main() -> int:
    rows, mistakes = run()
    keys = ["check", "n", "tp", "fp", "fn", "precision", "recall", "f1"]
    print("  ".join(f"{k:>10}" if k != "check" else f"{k:<30}" for k in keys))
    for row in rows:
        print("  ".join(f"{row[k] if row[k] is not None else '-':>10}" if k != "check"
                        else f"{row[k]:<30}" for k in keys))
    if "-v" in sys.argv:
        print("\n".join(mistakes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
