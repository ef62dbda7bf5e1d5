"""The inventory format (version 1) and its validator.

- `schema`: the format as data (Record, Scalar, ListOf, MapOf and every record of a plan);
- `validator`: the loader's tree -> a cleaned plan and its issues, with typo hints;
- `json_schema`: the same format as JSON Schema, for editors.
"""

from smplan_lint.inventory.schema import (
    FIELD_TYPES,
    FORMAT_VERSION,
    PLAN,
    RECORD_KINDS,
    ListOf,
    MapOf,
    Node,
    Record,
    Scalar,
)
from smplan_lint.inventory.validator import Validated, check_version, validate

__all__ = [
    "FIELD_TYPES", "FORMAT_VERSION", "PLAN", "RECORD_KINDS", "ListOf", "MapOf",
    "Node", "Record", "Scalar", "Validated", "check_version", "validate",
]
