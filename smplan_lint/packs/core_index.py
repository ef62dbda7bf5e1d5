"""The core pack, loaded once more as a generated JSON index.

Parsing the core pack's YAML, checking every rule and compiling its conditions took
about 10 ms of every start, 6 ms of it even from an index of the files' trees. The
index (``rules/core.index.json``, written by ``tools/gen_core_index.py``) holds the
pack as loading its YAML gave it: the header, the digest and every rule's fields. It
can only be written from a pack that loaded without error, so reading it checks
nothing again. Values JSON cannot hold as they are (dates, keys that are not strings)
are tagged. While the index's digest matches the rule files it is used; otherwise the
YAML is (a slower start, the same pack, and any error at the YAML's position), and
tests/test_generated.py fails until the index is regenerated.
"""

from __future__ import annotations

import datetime
import json
import os
from typing import Any

from smplan_lint.digests import sha256
from smplan_lint.packs.model import Pack, Rule

INDEX_FILE = "core.index.json"
_DATE, _PAIRS = "$date", "$pairs"


def rule_files(folder: str | os.PathLike[str]) -> list[str]:
    """A pack folder's YAML files (the glob `*.y*ml`), sorted: the files the pack loader
    reads, and so the ones the index's digest covers."""
    with os.scandir(folder) as entries:
        return sorted(entry.path for entry in entries
                      if entry.name.endswith("ml") and ".y" in entry.name[:-2])


def source_digest(folder: str | os.PathLike[str]) -> str:
    digest = sha256()
    for path in rule_files(folder):
        digest.update(f"{os.path.basename(path)}\0".encode())
        with open(path, "rb") as handle:
            digest.update(handle.read())
    return digest.hexdigest()


def build_index(folder: str | os.PathLike[str], pack: Pack) -> dict[str, Any]:
    """The index of the pack loaded from the folder's files (for tools/gen_core_index.py);
    paths are kept relative to the folder, wherever the package is installed."""
    header = {**pack._asdict(), "paths": [os.path.basename(path) for path in pack.paths]}
    del header["rules"], header["providers"]   # providers are code, given by core_pack()
    return {
        "comment": "Generated from the rule files beside it by tools/gen_core_index.py; "
                   "do not edit.",
        "source_sha256": source_digest(folder),
        "pack": encode(header),
        "rules": [encode({**rule._asdict(), "source": os.path.basename(rule.source),
                          "cases": list(rule.cases), "uses": list(rule.uses)})
                  for rule in pack.rules],
    }


def indexed_pack(folder: str | os.PathLike[str]) -> Pack | None:
    """The pack from the folder's index, or None while the index is stale or unreadable."""
    folder = os.fspath(folder)
    try:
        with open(os.path.join(folder, INDEX_FILE), encoding="utf-8") as handle:
            index = read_index(handle.read())
        if index.get("source_sha256") != source_digest(folder):
            return None
        return pack_from_index(folder, index)
    except (OSError, ValueError, LookupError, TypeError, AttributeError):
        return None   # not an index this version wrote: the YAML says what the pack is


def pack_from_index(folder: str, index: dict[str, Any]) -> Pack:
    """The pack an index (as `read_index` gives it) holds, its files in `folder`."""
    rules = [Rule(**{**fields, "source": os.path.join(folder, fields["source"]),
                     "cases": tuple(fields["cases"]), "uses": tuple(fields["uses"])})
             for fields in index["rules"]]
    header = index["pack"]
    return Pack(**{**header, "rules": rules,
                   "paths": [os.path.join(folder, name) for name in header["paths"]]})


def encode(value: Any) -> Any:
    """A loaded YAML tree as JSON: dates and mappings with non-string keys tagged."""
    if isinstance(value, dict):
        if all(isinstance(key, str) and not key.startswith("$") for key in value):
            return {key: encode(item) for key, item in value.items()}
        return {_PAIRS: [[encode(key), encode(item)] for key, item in value.items()]}
    if isinstance(value, list):
        return [encode(item) for item in value]
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return {_DATE: value.isoformat()}
    if value is None or isinstance(value, str | int | float | bool):
        return value
    raise TypeError(f"a rule holds a {type(value).__name__}, which the index cannot")


def read_index(text: str) -> Any:
    """The index's JSON, tagged values back as the rule files had them."""
    return json.loads(text, object_hook=_untagged)


def _untagged(value: dict[str, Any]) -> Any:
    """One JSON object of the index (json calls this innermost first, so a tagged key
    or value inside is already decoded)."""
    if _PAIRS in value:
        return {key: item for key, item in value[_PAIRS]}
    if _DATE in value:
        return datetime.date.fromisoformat(value[_DATE])
    return value
