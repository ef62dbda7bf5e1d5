"""The baseline: findings recorded once by fingerprint, so later runs report only new ones.

A baseline may come from a pull request like any other file, so reading it is
strict: version 1, fingerprints as a mapping (or list) of strings, nothing else.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from smplan_lint.findings import Finding
from smplan_lint.records import NamedTuple
from smplan_lint.safe_io import FileRefused, read_bounded, write_atomic

VERSION = 1


class BaselineError(Exception):
    """A baseline that cannot be used (exit status 2); the message starts with its path."""


class Baseline(NamedTuple):
    path: str
    entries: dict[str, dict[str, Any]]   # fingerprint -> {rule, file, message}

    def split(self, findings: Iterable[Finding]) -> tuple[list[Finding], set[str]]:
        """(findings the baseline does not know, fingerprints it matched)."""
        kept, matched = [], set()
        for item in findings:
            if item.fingerprint in self.entries:
                matched.add(item.fingerprint)
            else:
                kept.append(item)
        return kept, matched


def read_baseline(path: str) -> Baseline:
    try:
        data = json.loads(read_bounded(path).decode("utf-8"))
    except FileRefused as error:
        raise BaselineError(f"{path}: baseline {error}") from None
    except (UnicodeDecodeError, ValueError) as error:
        raise BaselineError(f"{path}: not a smplan-lint baseline (not JSON: {error})") from None
    if not isinstance(data, dict) or data.get("version") != VERSION:
        found = data.get("version") if isinstance(data, dict) else None
        raise BaselineError(f"{path}: not a smplan-lint baseline of version {VERSION} "
                            f"(version: {json.dumps(found)})")
    return Baseline(path, _entries(path, data.get("fingerprints")))


def _entries(path: str, raw: Any) -> dict[str, dict[str, Any]]:
    if isinstance(raw, list) and all(isinstance(item, str) for item in raw):
        return {item: {} for item in raw}
    if isinstance(raw, dict) and all(isinstance(v, dict) for v in raw.values()):
        return {str(key): value for key, value in raw.items()}
    raise BaselineError(f"{path}: `fingerprints` should map each fingerprint to its "
                        "finding, as --write-baseline writes it")


def write_baseline(path: str, findings: list[Finding], keys: dict[str, str]) -> None:
    """Rewritten whole each time, so findings that disappeared drop out; `keys` maps each
    file to the path its fingerprints use, which the entry records."""
    entries = {item.fingerprint: {"rule": item.rule, "file": keys.get(item.file, item.file),
                                  "message": item.message}
               for item in sorted(findings, key=Finding.sort_key)}
    write_atomic(path, json.dumps({"version": VERSION, "fingerprints": entries}, indent=2)
                 + "\n")
