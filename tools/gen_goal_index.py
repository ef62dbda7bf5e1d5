"""Regenerate smplan_lint/data/goal_language.index.json from goal_language.yaml.

The goal reader (smplan_lint/derive/goals/) analyses every term of the data
file for what a sentence must contain for it to match. Doing that, and parsing
the YAML, costs the first sentence a process reads some 35 ms; the index stores
the data as JSON, the analysis and the metric words a typo is forgiven in,
keyed by the YAML's SHA-256. While the digest matches, the reader loads the
index; when the YAML has been edited and the index not regenerated, the reader
falls back to the YAML (slower first call, same readings) and
tests/test_goals.py fails until this script is run::

    python tools/gen_goal_index.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from smplan_lint.derive.goals import DATA_FILE, INDEX_FILE, build_index  # noqa: E402

DATA = ROOT / "smplan_lint" / "data"


def render() -> str:
    index = build_index((DATA / DATA_FILE).read_text(encoding="utf-8"))
    return json.dumps(index, ensure_ascii=False, separators=(",", ":")) + "\n"


def main() -> None:
    (DATA / INDEX_FILE).write_text(render(), encoding="utf-8")
    print(f"wrote {DATA / INDEX_FILE}")


if __name__ == "__main__":
    main()
