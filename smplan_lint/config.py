"""Configuration: found upward from the inventory, merged through `extends`.

Sources, first found wins: `--config FILE`, then in each folder from the
inventory's upward, `.smplan-lint.yaml` or `[tool.smplan-lint]` in
`pyproject.toml`. Unknown keys are errors that suggest the nearest one.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from smplan_lint.findings import FAIL_ON, SEVERITIES
from smplan_lint.load import READERS, Document, UnusableInput, load_yaml, read_file
from smplan_lint.records import NamedTuple
from smplan_lint.safe_io import FileRefused, read_bounded

if TYPE_CHECKING:  # imported where a configuration file is read: most runs have none
    from pathlib import Path

CONFIG_FILE = ".smplan-lint.yaml"
DEFAULT_PATTERNS = tuple(pattern for reader in READERS.values() for pattern in reader.patterns)
"""YAML plans, and spreadsheets named `*.smplan.{xlsx,ods,xls,csv}` (others only when named)."""
KEYS = {"extends", "select", "ignore", "severity", "rules", "packs", "baseline", "fail-on",
        "patterns"}


# smplan-lint as a key: `[tool.smplan-lint]`, `tool."smplan-lint".x =`, or inside
# `[tool]` as `smplan-lint.x =`, `"smplan-lint" = {...}`, `{ smplan-lint = ... }`.
# A match only means the file is parsed; "smplan-lint>=1" in a list is no match, and
# nor is a key written under another table (a `[project.scripts]` entry of that name).
_MAY_NAME_SECTION = re.compile(
    r"""\btool\s*\.\s*["']?smplan-lint|[{,]\s*["']?smplan-lint["']?\s*[.=]"""
    r"""|(?P<key>^\s*["']?smplan-lint["']?\s*[.=])""",
    re.MULTILINE)
# compiled when a `smplan-lint` key is found (re's own cache), not at every start
_TABLE_HEADER = r"""^[ \t]*\[(?!\[)[ \t]*["']?([^\]\n]*?)["']?[ \t]*\]"""


def _may_name_section(text: str) -> bool:
    """Whether the text may hold `[tool.smplan-lint]` in any TOML spelling of it."""
    for match in _MAY_NAME_SECTION.finditer(text):
        if match["key"] is None:
            return True  # a dotted `tool.` key, or a key of an inline table
        tables = re.compile(_TABLE_HEADER, re.MULTILINE).findall(text, 0, match.start())
        if tables and tables[-1] == "tool":
            return True
    return False


class ConfigError(Exception):
    """A configuration that cannot be used (exit status 2)."""


class Config(NamedTuple):
    """A configuration file's settings (defaults where it is silent), and where it was found."""

    select: Sequence[str] = ()
    ignore: Sequence[str] = ()
    severity: Mapping[str, str] = {}   # shared by every default Config: read, never changed
    rules: Mapping[str, dict[str, Any]] = {}
    packs: Sequence[str] = ()
    baseline: str | None = None
    fail_on: str | None = None
    patterns: Sequence[str] = DEFAULT_PATTERNS
    source: str | None = None


def discover(start: str) -> str | None:
    """The nearest config file at or above `start` (a file or a folder)."""
    candidate = os.path.realpath(start if os.path.isdir(start) else os.path.dirname(start))
    while True:
        own = os.path.join(candidate, CONFIG_FILE)
        if os.path.isfile(own):
            return own
        pyproject = os.path.join(candidate, "pyproject.toml")
        if os.path.isfile(pyproject) and _pyproject_section(pyproject) is not None:
            return pyproject
        parent = os.path.dirname(candidate)
        if parent == candidate:
            return None
        candidate = parent


def load_config(path: str | None) -> Config:
    if path is None:
        return Config()
    from pathlib import Path

    source = Path(path)
    return _build(_read(source, set()), source)


def _pyproject_section(path: str | Path) -> dict[str, Any] | None:
    """`[tool.smplan-lint]`, or None. A file where smplan-lint is never a key is not
    parsed: most projects' pyproject.toml has no section of ours (naming the package
    as a dependency is no section), and TOML costs a twentieth of a small plan's run."""
    try:
        text = read_bounded(path).decode("utf-8")
    except (FileRefused, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read: {error}") from None
    if not _may_name_section(text):
        return None
    import tomllib

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(_toml_error(str(path), text, str(error))) from None
    section = data.get("tool", {}).get("smplan-lint")
    return section if isinstance(section, dict) else None


def _toml_error(path: str, text: str, message: str) -> str:
    """tomllib's message with its position moved to the front, where editors look."""
    found = re.fullmatch(r"(.*) \(at (?:line (\d+), column (\d+)|(end of document))\)", message)
    if found is None:
        return f"{path}: not valid TOML: {message}"
    reason, line, column, at_end = found.groups()
    if at_end:
        lines = text.split("\n")
        line, column = str(len(lines)), str(len(lines[-1]) + 1)
    return f"{path}:{line}:{column}: not valid TOML: {reason[:1].lower()}{reason[1:]}"


def _read(path: Path, seen: set[Path]) -> dict[str, Any]:
    """The merged raw mapping of one config file and everything it extends."""
    from pathlib import Path

    resolved = path.resolve()
    if resolved in seen:
        raise ConfigError(f"{path}: `extends` loops back to this file")
    seen.add(resolved)
    if path.name == "pyproject.toml":
        raw = _pyproject_section(path) or {}
        position: Document | None = None
    else:
        try:
            document = load_yaml(read_file(str(path)), str(path))  # a config is YAML by any name
        except UnusableInput as error:
            where = f":{error.line}:{error.column}" if error.line else ""
            raise ConfigError(f"{path}{where}: {error}") from None
        raw = {} if document.data is None else document.data
        if not isinstance(raw, dict):
            raise ConfigError(f"{path}:1:1: a configuration is a mapping")
        position = document
    for key in raw:
        if key not in KEYS:
            import difflib

            close = difflib.get_close_matches(str(key), sorted(KEYS), n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            where = ":{}:{}".format(*position.position(f"/{key}")) if position else ""
            raise ConfigError(f"{path}{where}: unknown config key '{key}'{hint}")
    parent = raw.get("extends")
    if parent is None:
        return {**raw, "_dir": str(path.parent)}
    if not isinstance(parent, str):
        raise ConfigError(f"{path}: `extends` names one config file")
    base = _read(path.parent / parent, seen)
    merged = {**base, **{k: v for k, v in raw.items() if k != "extends"}}
    for key in ("severity", "rules"):
        merged[key] = {**base.get(key, {}), **raw.get(key, {})}
    packs = [str(Path(base["_dir"]) / p) for p in base.get("packs", [])]
    merged["packs"] = packs + [str(path.parent / p) for p in raw.get("packs", [])]
    merged["_dir"] = str(path.parent)
    return merged


def _build(raw: dict[str, Any], path: Path) -> Config:
    from pathlib import Path

    def expect(key: str, kind: type | tuple[type, ...], what: str) -> Any:
        value = raw.get(key)
        if value is not None and not isinstance(value, kind):
            raise ConfigError(f"{path}: `{key}` should be {what}")
        return value

    select = split_rule_list(expect("select", (list, str), "a list of rules") or [])
    ignore = split_rule_list(expect("ignore", (list, str), "a list of rules") or [])
    severity = expect("severity", dict, "a mapping of rule to severity") or {}
    for rule, level in severity.items():
        if level not in SEVERITIES:
            raise ConfigError(
                f"{path}: severity of {rule} should be one of {', '.join(SEVERITIES)}")
    rules = expect("rules", dict, "a mapping of rule to options") or {}
    if not all(isinstance(v, dict) for v in rules.values()):
        raise ConfigError(f"{path}: `rules` maps each rule to a mapping of options")
    base = Path(raw.get("_dir", path.parent))
    packs = _strings(expect("packs", list, "a list of pack paths") or [], "packs", path)
    baseline = expect("baseline", str, "a file name")
    fail_on = expect("fail-on", str, "error, warning, info or never")
    if fail_on is not None and fail_on not in FAIL_ON:
        raise ConfigError(f"{path}: `fail-on` should be one of {', '.join(FAIL_ON)}")
    patterns = _strings(expect("patterns", list, "a list of file patterns") or [],
                        "patterns", path)
    return Config(
        select=select, ignore=ignore, severity=severity, rules=rules,
        packs=[p if Path(p).is_absolute() else str(base / p) for p in packs],
        baseline=str(base / baseline) if baseline else None, fail_on=fail_on,
        patterns=patterns or DEFAULT_PATTERNS,
        source=str(path))


def _strings(values: list[Any], key: str, path: Path) -> list[str]:
    for value in values:
        if not isinstance(value, str) or not value:
            raise ConfigError(f"{path}: `{key}` holds {value!r}; each entry is a quoted text")
    return values


def split_rule_list(values: list[str] | str) -> list[str]:
    """`--select a,b --select c` and `select: [a, b]` read the same."""
    items = [values] if isinstance(values, str) else values
    return [part.strip() for item in items for part in str(item).split(",") if part.strip()]
