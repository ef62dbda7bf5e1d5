"""The validator: walks the loader's plain tree along the format definition (`schema`).

`validate` turns the loader's plain tree into a cleaned plan that later stages can trust:

- every section has the right container type; a wrong-typed section, item or field is left out
  and reported (SMP003), a value outside its range is left out and reported (SMP006);
- nulls and blank strings are left out (also under unknown keys), so "written with no value"
  and "not written" are the same "missing" to the rules (the engine treats null as present);
- dates are ISO strings ``YYYY-MM-DD``; network names are lower case; handles lose a leading
  ``@`` (one longer than any network allows is reported, SMP006, and kept); a ``lint-ignore``
  entry written as a bare reason becomes ``{"reason": ...}``;
- keys the format does not define are kept as written (rule packs check them) and reported
  as likely typos (SMP004) or as unknown (SMP005);
- every record (organisation, audit, list item, metric, suppression; not the plan itself nor
  the key -> value mappings missions, handles, lint-ignore) carries ``"_pointer"``: its JSON
  pointer in the original document (``"/accounts/3"``, ``"/goals/0/metrics/1"``,
  ``"/organisation"``, ``"/accounts/0/lint-ignore/SMP205"``) so findings can be placed;
- ``missions`` stays a mapping network -> sentence; because a network may have been written
  ``Instagram``, the pointer of each mission is in ``plan["_mission_pointers"][network]``.

Items with a missing or duplicate ``id`` are kept: the id issue is reported (SMP006, SMP002)
and the rules still judge the item on its other fields.
"""

from __future__ import annotations

import math
import re
import sys
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any

from smplan_lint.findings import Issue
from smplan_lint.inventory.schema import (
    FORMAT_VERSION,
    PLAN,
    TYPE_PHRASES,
    ListOf,
    MapOf,
    Node,
    Record,
    Scalar,
    normalise_handle,
)
from smplan_lint.records import NamedTuple

DUPLICATE_ID = "SMP002"
WRONG_TYPE = "SMP003"
KEY_TYPO = "SMP004"
UNKNOWN_KEY = "SMP005"
INVALID_VALUE = "SMP006"
EMPTY_PLAN = "SMP007"
MISSING_VERSION = "SMP008"

# Unknown values kept for rule packs are copied; deeper nesting than this is an alias loop
# or an attack, never a plan.
MAX_EXTRA_DEPTH = 64
DATE_SHAPE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def _short(text: str) -> str:
    """Text cut to fit in a one-line message."""
    return text if len(text) <= 40 else text[:37] + "..."


def _shown(value: Any) -> str:
    """A value named in a message: strings quoted, everything cut to fit one line."""
    return repr(_short(value)) if isinstance(value, str) else _short(str(value))


def _describe(value: Any) -> str:
    """How a wrong value is named in messages: its YAML type, and the value when it is short."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"boolean {str(value).lower()}"
    if isinstance(value, int):
        return f"integer {_shown(value)}"
    if isinstance(value, float):
        return f"number {value}"
    if isinstance(value, str):
        return f"string {_shown(value)}"
    if isinstance(value, date):
        return f"date {value.isoformat()}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _number_text(value: Any) -> str | None:
    """How a number is written, when the loader did not keep its text (a merged or aliased
    value); a boolean's or a date's spelling cannot be guessed."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None


def _expected(node: Node) -> str:
    if isinstance(node, Scalar):
        return TYPE_PHRASES[node.type]
    if isinstance(node, ListOf):
        return "a list"
    return "a mapping"


def _fold(word: str) -> str:
    return word.lower().replace("-", "_")


def _closest(word: str, choices: Iterable[str]) -> str | None:
    """The choice a typo most likely meant: one edit away for short words, two for longer."""
    from rapidfuzz.distance import OSA

    folded = _fold(word)
    limit = 1 if len(folded) <= 4 else 2
    best, best_distance = None, limit + 1
    for choice in choices:
        distance = OSA.distance(folded, _fold(choice), score_cutoff=limit)
        if distance < best_distance:
            best, best_distance = choice, distance
    return best


def _identity(item: Any) -> str | None:
    """The item's id, else its handle: what findings name as their subject."""
    if not isinstance(item, dict):
        return None
    item_id, handle = item.get("id"), item.get("handle")
    if isinstance(item_id, str) and item_id.strip():
        return item_id
    if isinstance(handle, str) and handle.strip():
        return normalise_handle(handle)
    return None


class _TooDeep(Exception):
    pass


def _plain(value: Any, depth: int = 0) -> Any:
    """A kept unknown value, made safe for facts: dates as ISO strings, no null mapping values."""
    if depth > MAX_EXTRA_DEPTH:
        raise _TooDeep
    if isinstance(value, dict):
        return {
            str(key): _plain(item, depth + 1) for key, item in value.items() if item is not None
        }
    if isinstance(value, list):
        return [_plain(item, depth + 1) for item in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


_MISSING = object()


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _container_ok(node: Node, value: Any) -> bool:
    """Whether a section or item has the right container type (scalars are checked later)."""
    if isinstance(node, Record):
        return isinstance(value, dict) or (node.shorthand is not None and isinstance(value, str))
    if isinstance(node, MapOf):
        return isinstance(value, dict)
    if isinstance(node, ListOf):
        return isinstance(value, list)
    return True


class _Walker:
    """One validation run: walks the tree along the format definition, collecting issues."""

    def __init__(self, extra_keys: Mapping[str, set[str]],
                 declared: Mapping[str, Mapping[str, str]], reserved: frozenset[str],
                 texts: Mapping[str, str]) -> None:
        self.extra_keys, self.declared, self.reserved = extra_keys, declared, reserved
        self.texts = texts  # pointer -> the value as written
        self.issues: list[Issue] = []
        self.mission_pointers: dict[str, str] = {}

    def report(self, rule: str, pointer: str, message: str, subject: str | None) -> None:
        self.issues.append(Issue(rule, pointer, message, subject))

    def node(self, spec: Node, value: Any, pointer: str, name: str, subject: str | None) -> Any:
        """The cleaned value, or _MISSING when there is none to keep."""
        if isinstance(spec, Record):
            return self.record(spec, value, pointer, name, subject)
        if value is None:
            return _MISSING
        if isinstance(spec, Scalar):
            return self.scalar(spec, value, pointer, name, subject)
        if isinstance(spec, ListOf):
            return self.sequence(spec, value, pointer, name, subject)
        return self.mapping(spec, value, pointer, name, subject)

    def wrong_type(
        self, spec: Node, value: Any, pointer: str, name: str, subject: str | None, after: str = ""
    ) -> object:
        message = f"{name} should be {_expected(spec)}, got {_describe(value)}{after}"
        if isinstance(spec, Scalar) and spec.type == "string":
            written = self.texts.get(pointer) or _number_text(value)
            if written:  # YAML read `0711`, `no` or `1:30` as something else: quote it as written
                message += f" (quote it: '{_short(written)}')"
        self.report(WRONG_TYPE, pointer, message, subject)
        return _MISSING

    def invalid(self, pointer: str, message: str, subject: str | None) -> object:
        self.report(INVALID_VALUE, pointer, message, subject)
        return _MISSING

    def scalar(self, spec: Scalar, value: Any, pointer: str, name: str, subject: str | None) -> Any:
        if spec.type == "date":
            return self.date_value(spec, value, pointer, name, subject)
        if spec.type == "string":
            if not isinstance(value, str):
                return self.wrong_type(spec, value, pointer, name, subject)
            if _blank(value):
                return _MISSING
            value = spec.normalise(value) if spec.normalise else value
            if spec.max_length is not None and len(value) > spec.max_length:
                # kept: a handle still names its profile; the checks that compare skip it
                self.report(INVALID_VALUE, pointer, f"{name} is {len(value)} characters long, "
                            f"more than the {spec.max_length} any network allows", subject)
        elif spec.type == "boolean":
            if not isinstance(value, bool):
                return self.wrong_type(spec, value, pointer, name, subject)
        else:
            value = self.number(spec, value, pointer, name, subject)
            if value is _MISSING:
                return value
        if spec.enum and value not in spec.enum:
            if len(spec.enum) == 1:
                message = f"{name} must be {spec.enum[0]!r}, got {_shown(value)}"
            else:
                choices = ", ".join(str(choice) for choice in spec.enum)
                message = f"{name} {_shown(value)} is not one of {choices}"
            if isinstance(value, str) and (hint := _closest(value, spec.enum)):
                message += f" (did you mean {hint!r}?)"
            return self.invalid(pointer, message, subject)
        return value

    def number(self, spec: Scalar, value: Any, pointer: str, name: str,
               subject: str | None) -> Any:
        if isinstance(value, float) and spec.type == "integer" and value.is_integer():
            value = int(value)
        allowed = int if spec.type == "integer" else int | float
        if isinstance(value, bool) or not isinstance(value, allowed):
            return self.wrong_type(spec, value, pointer, name, subject)
        if isinstance(value, int) and abs(value) > sys.float_info.max:
            digits = len(str(abs(value)))
            return self.invalid(pointer, f"{name} is too large ({digits} digits)", subject)
        if not math.isfinite(value):
            return self.invalid(pointer, f"{name} {value} is not a finite number", subject)
        if spec.minimum is not None and value < spec.minimum:
            return self.invalid(
                pointer, f"{name} {_shown(value)} must be at least {spec.minimum}", subject
            )
        return value

    def date_value(
        self, spec: Scalar, value: Any, pointer: str, name: str, subject: str | None
    ) -> Any:
        if isinstance(value, datetime):  # a timestamp: a date was meant, but not written as one
            return self.invalid(
                pointer, f"{name} '{value}' is not a valid date (YYYY-MM-DD)", subject
            )
        if isinstance(value, date):
            return value.isoformat()
        if not isinstance(value, str):
            return self.wrong_type(spec, value, pointer, name, subject)
        try:
            if DATE_SHAPE.fullmatch(value.strip()):
                return date.fromisoformat(value.strip()).isoformat()
        except ValueError:
            pass
        return self.invalid(
            pointer, f"{name} {_shown(value)} is not a valid date (YYYY-MM-DD)", subject
        )

    def sequence(
        self, spec: ListOf, value: Any, pointer: str, name: str, subject: str | None
    ) -> Any:
        if not isinstance(value, list):
            return self.wrong_type(spec, value, pointer, name, subject)
        item_name = spec.item.kind if isinstance(spec.item, Record) else f"{name} entry"
        cleaned: list[Any] = []
        first_at: dict[str, str] = {}
        for index, raw in enumerate(value):
            item_pointer = f"{pointer}/{index}"
            item_subject = _identity(raw) or subject
            if raw is None or not _container_ok(spec.item, raw):
                self.wrong_type(
                    spec.item, raw, item_pointer, item_name, item_subject, "; the item is ignored"
                )
                continue
            item = self.node(spec.item, raw, item_pointer, item_name, item_subject)
            if item is _MISSING:
                continue
            cleaned.append(item)
            if isinstance(spec.item, Record) and spec.item.has_id and "id" in item:
                item_id = item["id"]
                if item_id in first_at:
                    self.report(
                        DUPLICATE_ID,
                        f"{item_pointer}/id",
                        f"duplicate id {item_id!r} (first at {first_at[item_id]})",
                        item_id,
                    )
                else:
                    first_at[item_id] = item_pointer
        return cleaned

    def mapping(self, spec: MapOf, value: Any, pointer: str, name: str, subject: str | None) -> Any:
        if not isinstance(value, dict):
            return self.wrong_type(spec, value, pointer, name, subject)
        cleaned: dict[str, Any] = {}
        first_at: dict[str, str] = {}
        for raw_key, raw in value.items():
            key_pointer = f"{pointer}/{_escape(str(raw_key))}"
            if not isinstance(raw_key, str):
                self.report(
                    WRONG_TYPE, key_pointer, f"{spec.key} {raw_key!r} should be a string", subject
                )
                continue
            key = spec.normalise_key(raw_key) if spec.normalise_key else raw_key
            entry_subject = key if spec.keys_identify else subject
            if key in first_at:
                self.report(
                    DUPLICATE_ID,
                    key_pointer,
                    f"duplicate {spec.key} {key!r} (first at {first_at[key]})",
                    entry_subject,
                )
                continue
            entry = self.node(spec.value, raw, key_pointer, f"{name} {raw_key!r}", entry_subject)
            if entry is _MISSING:
                continue
            first_at[key] = key_pointer
            cleaned[key] = entry
            if spec.keys_identify:
                self.mission_pointers[key] = key_pointer
        return cleaned

    def record(self, spec: Record, value: Any, pointer: str, name: str, subject: str | None) -> Any:
        if spec.shorthand and (value is None or isinstance(value, str)):
            value = {spec.shorthand: value}
        if value is None:
            return _MISSING
        if not isinstance(value, dict):
            return self.wrong_type(spec, value, pointer, name, subject)
        cleaned: dict[str, Any] = {}
        for key, raw in value.items():
            if raw is None:  # not written, whatever the key
                continue
            key_pointer = f"{pointer}/{_escape(str(key))}"
            if not isinstance(key, str):
                self.report(WRONG_TYPE, key_pointer, f"key {key!r} should be a string", subject)
            elif spec is PLAN and key in spec.fields and not _container_ok(spec.fields[key], raw):
                self.wrong_type(
                    spec.fields[key], raw, key_pointer, key, subject, "; the section is ignored"
                )
            elif key in spec.fields or key in self.declared.get(spec.kind, {}):
                node = spec.fields.get(key) or Scalar(self.declared[spec.kind][key], "")
                item = self.node(node, raw, key_pointer, key, subject)
                if item is not _MISSING:
                    cleaned[key] = item
            else:
                self.unknown_key(spec, value, key, key_pointer, subject)
                self.keep_unknown(cleaned, key, raw, key_pointer, subject)
        if spec is PLAN:  # the plan's one required key, version, has its own finding
            return cleaned
        self.report_missing_parts(spec, value, pointer, name, subject)
        for key in spec.required:
            if key not in cleaned:
                return self.invalid(pointer, f"{name} has no {key}", subject)
        cleaned["_pointer"] = pointer
        return cleaned

    def keep_unknown(
        self, cleaned: dict[str, Any], key: str, raw: Any, pointer: str, subject: str | None
    ) -> None:
        """Rule packs may read a key the format does not define: keep a safe copy of it."""
        try:
            cleaned[key] = _plain(raw)
        except _TooDeep:
            self.invalid(
                pointer,
                f"{key} is nested more than {MAX_EXTRA_DEPTH} levels deep "
                "(or a YAML alias refers to itself)",
                subject,
            )

    def report_missing_parts(
        self, spec: Record, item: dict[str, Any], pointer: str, name: str, subject: str | None
    ) -> None:
        """A missing id or expected key is reported, and the item kept for the other rules."""
        if spec.has_id and _blank(item.get("id")):  # a wrong-typed id is reported already
            self.invalid(pointer, f"{name} has no id", subject)
        for key in spec.expected:
            if _blank(item.get(key)):
                named = f"{name} {subject!r}" if subject else name
                self.invalid(pointer, f"{named} has no {key}", subject)

    def unknown_key(
        self, spec: Record, item: dict[str, Any], key: str, pointer: str, subject: str | None
    ) -> None:
        """A likely typo gets a hint; any other key is noted and kept for rule packs."""
        if key in self.reserved:
            self.report(UNKNOWN_KEY, pointer, f"key {key!r} is reserved for the facts smplan-lint "
                        "computes; it is ignored", subject)
            return
        if key in self.extra_keys.get(spec.kind, ()):
            return
        # A defined key that already has a value was not mistyped: `owners` next to `owner`.
        hint = _closest(key, (known for known in spec.fields if item.get(known) is None))
        if hint:
            message = f"unknown key {key!r} (did you mean {hint!r}?)"
            self.report(KEY_TYPO, pointer, message, subject)
        else:
            message = f"key {key!r} is not part of format version {FORMAT_VERSION}; " + (
                "kept for rule packs"
            )
            self.report(UNKNOWN_KEY, pointer, message, subject)


class Validated(NamedTuple):
    """The cleaned plan later stages build facts from, and what was wrong with the file."""

    plan: dict[str, Any]
    issues: list[Issue]


def _is_empty(data: dict[str, Any]) -> bool:
    """Nothing but (at most) a version: every other key is absent or has no content."""
    return all(
        value is None or value == "" or (isinstance(value, list | dict) and not value)
        for key, value in data.items()
        if key != "version"
    )


def validate(data: Any, known_extra_keys: Mapping[str, set[str]] | None = None,
             declared_fields: Mapping[str, Mapping[str, str]] | None = None,
             reserved_keys: frozenset[str] = frozenset(),
             texts: Mapping[str, str] | None = None) -> Validated:
    """Check the loader's tree against format version 1 and return a cleaned plan to build
    facts from. `known_extra_keys` maps an item kind ("account", "plan", ...) to the keys that
    loaded rule packs read: those are expected, so they get no unknown-key finding.
    `declared_fields` maps an item kind to {key: type} that packs declare (`fields:`): those
    keys are checked like the format's own (SMP003/SMP006) before any rule reads them.
    `reserved_keys` are names the facts builder sets itself: written in a plan, they are
    reported as ignored. `texts` (the loader's `Document.texts`) lets hints quote a value
    the way it was written.

    Call `check_version` first: a file of another version is unusable, not a finding.
    """
    walker = _Walker(known_extra_keys or {}, declared_fields or {}, reserved_keys, texts or {})
    data = {} if data is None else data
    if not isinstance(data, dict):
        walker.wrong_type(PLAN, data, "", "the plan", None, "; nothing can be checked")
        return Validated({"_mission_pointers": {}}, walker.issues)
    empty = _is_empty(data)
    if empty:
        walker.report(EMPTY_PLAN, "", "the plan is empty", None)
    elif data.get("version") is None:  # an empty file is one finding, not two
        walker.report(MISSING_VERSION, "", f"missing 'version: {FORMAT_VERSION}'", None)
    plan = walker.record(PLAN, data, "", "the plan", None)
    plan["_mission_pointers"] = walker.mission_pointers
    return Validated(plan, walker.issues)


def check_version(data: Any) -> str | None:
    """Why the file cannot be read at all because of its `version`, or None when it can.

    A missing (or empty) version is only a finding (SMP008); another version means the rest
    of the file may follow rules this linter does not know, so nothing in it can be trusted.
    """
    if not isinstance(data, dict):
        return None
    version = data.get("version")
    if version is None or (type(version) is int and version == FORMAT_VERSION):
        return None
    if type(version) is int:
        return (
            f"format version {_shown(version)} is not supported: this smplan-lint reads "
            f"version {FORMAT_VERSION}"
        )
    return f"version should be the number {FORMAT_VERSION}, got {_describe(version)}"
