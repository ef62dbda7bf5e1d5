"""The inventory format as JSON Schema (draft 2020-12), for `smplan-lint schema` and editors.

It is generated from the same definition the validator walks, so an editor's squiggles and
the linter's findings agree: null reads as "not written" where the validator reads it so.
"""

from __future__ import annotations

from typing import Any

from smplan_lint.inventory.schema import PLAN, ListOf, MapOf, Node, Record, Scalar

SCHEMA_ID = "urn:smplan-lint:inventory:v1"
"""A name, not an address: the project has no public home, so the schema points nowhere."""


def _title(key: str) -> str:
    return key.replace("_", " ").replace("-", " ").capitalize()


def _null_is_missing(node: Node) -> bool:
    """Whether the validator reads a null here as "not written" (a bare `SMP205:` is no reason)."""
    return not (isinstance(node, Record) and node.shorthand)


def _field_schema(record: Record, key: str) -> dict[str, Any]:
    child = record.fields[key]
    if key not in record.required and not (key == "id" and record.has_id):
        return _schema(child, _null_is_missing(child))
    out = _schema(child, False)
    if isinstance(child, Scalar) and child.type == "string":
        out["pattern"] = r"\S"  # blank is missing, as in the validator
    return out


def _schema(node: Node, nullable: bool) -> dict[str, Any]:
    """The JSON Schema of one node; `nullable` where the validator reads null as "missing"."""
    if isinstance(node, Scalar):
        out: dict[str, Any] = {"description": node.description}
        if node.type == "date":
            out |= {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
        else:
            out["type"] = node.type
        if node.enum:
            out["enum"] = list(node.enum)
        if node.minimum is not None:
            out["minimum"] = node.minimum
        if node.max_length is not None:
            out["maxLength"] = node.max_length
    elif isinstance(node, ListOf):
        out = {"type": "array", "description": node.description, "items": _schema(node.item, False)}
    elif isinstance(node, MapOf):
        out = {
            "type": "object",
            "description": node.description,
            "additionalProperties": _schema(node.value, _null_is_missing(node.value)),
        }
    else:
        out = {
            "type": "object",
            "title": _title(node.kind),
            "description": node.description,
            "properties": {
                key: {"title": _title(key)} | _field_schema(node, key) for key in node.fields
            },
            "additionalProperties": True,
        }
        required = [*(["id"] if node.has_id else []), *node.required, *node.expected]
        if required:
            out["required"] = required
        if node.shorthand:
            reason = {"type": "string", "pattern": r"\S", "description": node.description}
            return {"anyOf": [reason, out]}
    if nullable:
        out["type"] = [out["type"], "null"]
        if "enum" in out:
            out["enum"] = [*out["enum"], None]
    return out


def json_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of format version 1, for `smplan-lint schema` and editors.

    Unknown keys are allowed (rule packs read them); wrong types and values are not.
    """
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "smplan-lint inventory (format version 1)",
    } | {key: value for key, value in _schema(PLAN, False).items() if key != "title"}
