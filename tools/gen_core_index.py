"""Regenerate rules/core.index.json from the core pack's rule files beside it.

The index holds the pack as loading its YAML gives it, as JSON, so a start
neither parses nor checks the core pack again (see
smplan_lint/packs/core_index.py). While its digest matches the rule files it is
used; when a rule file has been edited and the index not regenerated, the YAML
is read instead (a slower start, the same pack) and tests/test_generated.py
fails until this script is run::

    python tools/gen_core_index.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from smplan_lint.packs.core_index import (  # noqa: E402
    INDEX_FILE,
    build_index,
    pack_from_index,
    read_index,
)
from smplan_lint.packs.load import load_pack  # noqa: E402

RULES = ROOT / "rules"


def render() -> str:
    pack = load_pack(str(RULES))   # every rule checked: an error stops here, at its line
    text = json.dumps(build_index(RULES, pack), ensure_ascii=False, indent=0,
                      separators=(",", ":")) + "\n"
    if repr(pack_from_index(str(RULES), read_index(text))) != repr(pack):
        raise SystemExit(f"{RULES / INDEX_FILE}: the pack does not survive the index unchanged")
    return text


def main() -> None:
    (RULES / INDEX_FILE).write_text(render(), encoding="utf-8")
    print(f"wrote {RULES / INDEX_FILE}")


if __name__ == "__main__":
    main()
