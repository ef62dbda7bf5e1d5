"""`smplan-lint init`: a commented starter inventory and configuration."""

from __future__ import annotations

import datetime
from pathlib import Path

from smplan_lint import data

STARTER = {"inventory.yaml": "starter-inventory.yaml", ".smplan-lint.yaml": "starter-config.yaml"}


def write_starter(folder: Path, force: bool = False,
                  today: datetime.date | None = None) -> list[Path]:
    """Write both files, or neither when one exists and `force` is not given."""
    targets = {folder / name: template for name, template in STARTER.items()}
    for target in targets:
        if target.exists() and not force:
            raise FileExistsError(0, "exists", str(target))
    folder.mkdir(parents=True, exist_ok=True)
    day = (today or datetime.date.today()).isoformat()
    for target, template in targets.items():
        text = data.read_text(template)
        target.write_text(text.replace("{today}", day), encoding="utf-8")
    return list(targets)
