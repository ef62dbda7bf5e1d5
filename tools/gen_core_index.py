"""Regenerate rules/core.index.json from the core pack's rule files beside it.

The index holds each rule file's tree and where each rule's id was written, as
JSON, so a start parses no YAML for the core pack (see
smplan_lint/packs/core_index.py). While
its digest matches the rule files it is used; when a rule file has been edited
and the index not regenerated, the YAML is read instead (a slower start, the
same pack) and tests/test_generated.py fails until this script is run::

    python tools/gen_core_index.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from smplan_lint.load import load_path  # noqa: E402
from smplan_lint.packs.core_index import (  # noqa: E402
    INDEX_FILE,
    build_index,
    read_index,
    rule_files,
)

RULES = ROOT / "rules"


def render() -> str:
    documents = [load_path(str(path)) for path in rule_files(RULES)]
    index = build_index(RULES, documents)
    text = json.dumps(index, ensure_ascii=False, indent=0, separators=(",", ":")) + "\n"
    files = read_index(text)["files"]
    for document in documents:  # the index must give back exactly what the YAML gives
        if repr(files[Path(document.path).name]["data"]) != repr(document.data):
            raise SystemExit(f"{document.path}: does not survive the index unchanged")
    return text


def main() -> None:
    (RULES / INDEX_FILE).write_text(render(), encoding="utf-8")
    print(f"wrote {RULES / INDEX_FILE}")


if __name__ == "__main__":
    main()
