"""What the editor may change: `smplanLint.today`, `.engine`, `.rules` and `.debounceMs`.

They arrive in `initializationOptions` or `workspace/didChangeConfiguration`,
either nested (`{"smplanLint": {"today": ...}}`) or with dotted keys, as
clients differ. A value that cannot be used is named in a warning and the
previous value kept, so a typo in the editor's settings never stops linting.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, replace
from typing import Any

from smplan_lint.engine import BACKENDS

SECTION = "smplanLint"
DEBOUNCE_MS = 300
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class Settings:
    today: datetime.date | None = None   # None: the real date at each lint
    engine: str | None = None            # None: durable where it loads, as on the command line
    rules: tuple[str, ...] = ()          # extra packs, like `--rules`
    debounce_ms: int = DEBOUNCE_MS

    def day(self) -> datetime.date:
        return self.today or datetime.date.today()


def _section(raw: Any) -> dict[str, Any]:
    """The `smplanLint` values, however the client nested them."""
    if not isinstance(raw, dict):
        return {}
    nested = raw.get(SECTION)
    found = dict(nested) if isinstance(nested, dict) else {}
    prefix = SECTION + "."
    found.update({key[len(prefix):]: value for key, value in raw.items()
                  if isinstance(key, str) and key.startswith(prefix)})
    return found


def _today(value: Any) -> datetime.date | None:
    if value in (None, ""):
        return None
    if not isinstance(value, str) or not _ISO_DAY.fullmatch(value):
        raise ValueError("a date written YYYY-MM-DD")
    return datetime.date.fromisoformat(value)


def _engine(value: Any) -> str | None:
    if value in (None, ""):
        return None
    if value not in BACKENDS:
        raise ValueError(f"one of {', '.join(BACKENDS)}")
    return str(value)


def _rules(value: Any) -> tuple[str, ...]:
    items = [value] if isinstance(value, str) else value or []
    if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
        raise ValueError("a list of paths")
    return tuple(items)


def _debounce(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        raise ValueError("a number of milliseconds, 0 or more")
    return int(value)


_FIELDS = {"today": ("today", _today), "engine": ("engine", _engine),
           "rules": ("rules", _rules), "debounceMs": ("debounce_ms", _debounce)}


def merge(current: Settings, raw: Any) -> tuple[Settings, list[str]]:
    """`current` with the client's values applied, and a warning per unusable value."""
    changes: dict[str, Any] = {}
    warnings = []
    for key, value in _section(raw).items():
        if key not in _FIELDS:
            warnings.append(f"{SECTION}.{key}: unknown setting (known: {', '.join(_FIELDS)})")
            continue
        name, parse = _FIELDS[key]
        try:
            changes[name] = parse(value)
        except (ValueError, TypeError) as error:
            warnings.append(f"{SECTION}.{key}: {value!r} is not usable ({error}); "
                            "the previous value is kept")
    return replace(current, **changes), warnings
