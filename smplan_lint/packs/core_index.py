"""The core pack's rule files, loaded once more as a generated JSON index.

Parsing the core pack's YAML with positions was a tenth of a cold start. The
index (``rules/core.index.json``, written by ``tools/gen_core_index.py``) holds
each file's tree and where each rule's `id` was written, which is all a valid
pack's loading reads (a rule's line); a pack error is reported from the YAML,
which has every position. Values JSON cannot hold as they are (dates, keys that
are not strings) are tagged. While the index's digest matches the rule files it
is used; otherwise the YAML is (a slower start, the same pack), and
tests/test_generated.py fails until the index is regenerated.
"""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path
from typing import Any

from smplan_lint.digests import sha256
from smplan_lint.load import Document

INDEX_FILE = "core.index.json"
_DATE, _PAIRS = "$date", "$pairs"
_RULE_ID = re.compile(r"/rules/\d+/id")


def rule_files(folder: Path) -> list[Path]:
    """The pack's YAML files, as the pack loader finds them."""
    return sorted(folder.glob("*.y*ml"))


def source_digest(folder: Path) -> str:
    digest = sha256()
    for path in rule_files(folder):
        digest.update(f"{path.name}\0".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def build_index(folder: Path, documents: list[Document]) -> dict[str, Any]:
    """The index of the rule files' loaded documents (for tools/gen_core_index.py)."""
    return {
        "comment": "Generated from the rule files beside it by tools/gen_core_index.py; "
                   "do not edit.",
        "source_sha256": source_digest(folder),
        "files": {Path(doc.path).name: {
            "data": encode(doc.data),
            "marks": {pointer: mark for pointer, mark in doc.marks.items()
                      if _RULE_ID.fullmatch(pointer)},
        } for doc in documents},
    }


def indexed_documents(folder: Path) -> dict[str, Document] | None:
    """Each rule file's document (by path) from the index, or None while it is stale."""
    try:
        index = read_index((folder / INDEX_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(index, dict) or index.get("source_sha256") != source_digest(folder):
        return None
    documents = {}
    for name, kept in index["files"].items():
        path = str(folder / name)
        documents[path] = Document(
            path, kept["data"],
            {pointer: (mark[0], mark[1]) for pointer, mark in kept["marks"].items()}, [])
    return documents


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
    raise TypeError(f"a rule file holds a {type(value).__name__}, which the index cannot")


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
