"""Loading and validating pack files: the header, each rule's keys, and its
conditions (compiled once with default options so a bad rule fails at load).

A pack is a YAML file with a `pack:` header and `rules:`, or a folder whose
`pack.yaml` holds the header and whose other YAML files hold `rules:`.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from smplan_lint import __version__
from smplan_lint.conditions import Compiler, ConditionError
from smplan_lint.digests import sha256_hex
from smplan_lint.findings import SEVERITIES
from smplan_lint.inventory import FIELD_TYPES, RECORD_KINDS
from smplan_lint.load import Document, UnusableInput, load_bytes
from smplan_lint.packs.compile import compile_rule
from smplan_lint.packs.core_index import indexed_pack, rule_files
from smplan_lint.packs.model import Pack, PackError, Rule
from smplan_lint.providers import CORE_PROVIDERS, owners
from smplan_lint.safe_io import FileRefused, read_bounded

if TYPE_CHECKING:  # imported where a pack is read from its files: the core pack has an index
    from pathlib import Path

RULE_KEYS = {
    "id", "name", "severity", "summary", "why", "fix", "message", "area", "at", "options",
    "given", "when", "join", "absent", "cases", "examples", "builtin", "uses",
}
REQUIRED_RULE_KEYS = ("id", "name", "severity", "summary", "why", "fix", "message", "examples")
CASE_KEYS = {"when", "join", "absent", "severity", "message", "at"}
HEADER_KEYS = {"name", "version", "prefix", "requires", "description", "fields"}
HEADER_FILE = "pack.yaml"
AREAS = ("file", "goals", "accounts", "missions", "audit", "impersonation", "plan")
_NAME = r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$"  # compiled when a pack is read from its files


def core_pack() -> Pack:
    """The built-in pack, read from the package's data (works from any folder)."""
    # find_spec, not importlib.resources: the same answer (rules/ is mapped in by an
    # editable install) without importing what resources needs, a few ms of each start.
    spec = importlib.util.find_spec("smplan_lint.core_rules")
    assert spec is not None and spec.submodule_search_locations, "smplan_lint is installed"
    folder = next(iter(spec.submodule_search_locations))
    return _core(str(folder))._replace(providers=CORE_PROVIDERS)


@lru_cache(maxsize=1)
def _core(folder: str) -> Pack:
    """The core pack, read from its generated index while that is fresh."""
    return indexed_pack(folder) or load_pack(folder)


def load_pack(path: str) -> Pack:
    """The pack at `path`: a pack file, or a folder with `pack.yaml` and rule files."""
    from pathlib import Path

    target = Path(path)
    if target.is_dir():
        header_file = target / HEADER_FILE
        if not header_file.is_file():
            raise PackError(f"a pack folder needs a {HEADER_FILE} with the pack: header",
                            str(target))
        files = [file for file in rule_files(target) if os.path.basename(file) != HEADER_FILE]
        pack = _header(_read(header_file))
        for rule_file in files:
            pack = _add_rules(pack, _read(rule_file), header_allowed=False)
    else:
        document = _read(target)
        pack = _add_rules(_header(document), document, header_allowed=True)
    check_clashes([pack])
    return pack


def _read(path: str | Path) -> Document:
    """A pack file, read bounded: a FIFO or a link to a device in a pack folder must
    not hang the run."""
    try:
        return load_bytes(read_bounded(path), str(path))
    except FileRefused as error:
        raise PackError(str(error), str(path)) from None
    except OSError as error:   # a folder named like a pack file
        raise PackError(f"cannot read: {error.strerror or error}", str(path)) from None
    except UnusableInput as error:
        raise PackError(str(error), str(path), error.line or 1, error.column or 1) from None


def _fail(document: Document, pointer: str, message: str) -> PackError:
    line, column = document.position(pointer)
    return PackError(message, document.path, line, column)


def _header(document: Document) -> Pack:
    header = document.data.get("pack") if isinstance(document.data, dict) else None
    if not isinstance(header, dict):
        raise _fail(document, "", "a pack starts with a `pack:` mapping (name, version, prefix)")
    _unknown_keys(document, header, HEADER_KEYS, "/pack")
    for key in ("name", "version", "prefix"):
        if not isinstance(header.get(key), str | int | float) or header.get(key) == "":
            raise _fail(document, "/pack", f"the pack header needs `{key}:`")
    if not re.fullmatch(r"[A-Z][A-Z0-9]*", str(header["prefix"])):
        raise _fail(document, "/pack/prefix", "a rule-id prefix is upper-case letters and digits")
    requires = str(header.get("requires", f">={__version__}"))
    if not _version_supported(requires):
        raise _fail(document, "/pack/requires",
                    f"pack needs smplan-lint {requires}; this is {__version__}")
    fields = header.get("fields", {})
    if not isinstance(fields, dict) or not all(isinstance(v, dict) for v in fields.values()):
        raise _fail(document, "/pack/fields", "`fields:` maps an item kind to {field: type}")
    for kind, declared in fields.items():
        if kind not in RECORD_KINDS:
            raise _fail(document, f"/pack/fields/{kind}",
                        f"unknown item kind '{kind}'{_nearest(kind, RECORD_KINDS)}")
        for name, kind_type in declared.items():
            if kind_type not in FIELD_TYPES:
                raise _fail(document, f"/pack/fields/{kind}/{name}",
                            f"field type must be one of {', '.join(FIELD_TYPES)}")
    raw = json.dumps(document.data, sort_keys=True, default=str)
    return Pack(
        name=str(header["name"]), version=str(header["version"]), prefix=str(header["prefix"]),
        requires=requires, description=str(header.get("description", "")), rules=[],
        paths=[document.path], digest=sha256_hex(raw), fields=fields,
    )


def _version_supported(spec: str) -> bool:
    """Comma-separated clauses like '>=0.1,<2'; compares numeric release parts."""
    current = _release(__version__)
    for clause in spec.split(","):
        match = re.fullmatch(r"\s*(>=|<=|==|>|<)\s*([0-9][0-9.]*)\s*", clause)
        if not match:
            return False
        op, wanted = match.group(1), _release(match.group(2))
        ok = {">=": current >= wanted, "<=": current <= wanted, "==": current == wanted,
              ">": current > wanted, "<": current < wanted}[op]
        if not ok:
            return False
    return True


def _release(text: str) -> tuple[int, ...]:
    parts = tuple(int(p) for p in text.split(".") if p.isdigit())
    return parts + (0,) * (3 - len(parts))


def _add_rules(pack: Pack, document: Document, header_allowed: bool) -> Pack:
    """The pack with the document's rules, its digest covering them."""
    data = document.data
    allowed = {"pack", "rules"} if header_allowed else {"rules"}
    if not isinstance(data, dict):
        raise _fail(document, "", "a rule file is a mapping with `rules:`")
    _unknown_keys(document, data, allowed, "")
    rules = data.get("rules", [])
    if not isinstance(rules, list):
        raise _fail(document, "/rules", "`rules:` is a list of rules")
    if document.path not in pack.paths:
        pack.paths.append(document.path)
        raw = json.dumps(data, sort_keys=True, default=str)
        pack = pack._replace(digest=sha256_hex(pack.digest + raw))
    for index, raw_rule in enumerate(rules):
        pack.rules.append(_rule(pack, document, raw_rule, f"/rules/{index}"))
    return pack


def _unknown_keys(document: Document, data: dict, allowed: set[str], pointer: str) -> None:
    for key in data:
        if key not in allowed:
            raise _fail(document, f"{pointer}/{key}",
                        f"unknown key '{key}'{_nearest(key, sorted(allowed))}")


def _nearest(word: Any, choices: Any) -> str:
    import difflib

    close = difflib.get_close_matches(str(word), list(choices), n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _rule(pack: Pack, document: Document, raw: Any, pointer: str) -> Rule:
    if not isinstance(raw, dict):
        raise _fail(document, pointer, "a rule is a mapping")
    _unknown_keys(document, raw, RULE_KEYS, pointer)
    for key in REQUIRED_RULE_KEYS:
        if key not in raw:
            raise _fail(document, pointer, f"rule {raw.get('id', '?')} needs `{key}:`")
    rule_id, name = str(raw["id"]), str(raw["name"])
    _check_identity(pack, document, raw, pointer)
    builtin = raw.get("builtin") is True
    given = raw.get("given")
    if not builtin and not isinstance(given, str):
        raise _fail(document, pointer, f"rule {rule_id} needs `given:` (the fact type it checks)")
    cases = _cases(document, raw, pointer)
    options, examples = raw.get("options", {}), raw["examples"]
    if not isinstance(options, dict):
        raise _fail(document, f"{pointer}/options", "`options:` is a mapping of names to defaults")
    if not (isinstance(examples, dict) and examples.get("fail") and examples.get("pass")):
        raise _fail(document, f"{pointer}/examples",
                    "`examples:` needs at least one `fail:` and one `pass:` plan")
    area = str(raw.get("area", "plan"))
    if area not in AREAS:
        raise _fail(document, f"{pointer}/area", f"area must be one of {', '.join(AREAS)}")
    line, column = document.position(f"{pointer}/id")
    rule = Rule(
        id=rule_id, name=name, severity=raw["severity"], summary=str(raw["summary"]),
        why=str(raw["why"]).strip(), fix=str(raw["fix"]).strip(), message=str(raw["message"]),
        area=area, pack=pack.name, given=given, at=raw.get("at"), options=options,
        cases=tuple(cases), examples=examples, builtin=builtin, source=document.path,
        pointer=pointer, line=line, column=column, uses=_uses(document, raw, pointer),
    )
    if not builtin:
        try:  # compile once with default options so a bad rule fails at load time
            compile_rule(Compiler(), rule, options)
        except ConditionError as error:
            raise _fail(document, f"{pointer}{error.pointer}", f"rule {rule_id}: {error}") from None
    return rule


def _uses(document: Document, raw: dict, pointer: str) -> tuple[str, ...]:
    """A rule's `uses:`: provided fields as `type.field`, each one a provider computes."""
    uses = raw.get("uses", [])
    if not isinstance(uses, list) or not all(isinstance(used, str) for used in uses):
        raise _fail(document, f"{pointer}/uses",
                    "`uses:` is a list of provided fields, like [goal.vanity_only]")
    known = _provided()
    for index, used in enumerate(uses):
        if used not in known:
            raise _fail(document, f"{pointer}/uses/{index}",
                        f"no provider computes '{used}'{_nearest(used, known)}; "
                        "the provided fields are listed in docs/rules.md")
    return tuple(uses)


@lru_cache(maxsize=1)
def _provided() -> tuple[str, ...]:
    return tuple(owners(CORE_PROVIDERS))


def _check_identity(pack: Pack, document: Document, raw: dict, pointer: str) -> None:
    """The id, name and severity: public names, so their shape is fixed."""
    rule_id, name = str(raw["id"]), str(raw["name"])
    if not re.fullmatch(rf"{pack.prefix}\d+", rule_id):
        raise _fail(document, f"{pointer}/id",
                    f"rule id '{rule_id}' must be the pack prefix {pack.prefix} and digits")
    if not re.match(_NAME, name):
        raise _fail(document, f"{pointer}/name", f"rule name '{name}' must be kebab-case")
    if raw["severity"] not in SEVERITIES:
        raise _fail(document, f"{pointer}/severity",
                    f"severity must be one of {', '.join(SEVERITIES)}")


def _cases(document: Document, raw: dict, pointer: str) -> list[dict[str, Any]]:
    """A rule's `cases:`, or its when/join/absent as the one case."""
    if "cases" not in raw:
        return [{k: raw[k] for k in ("when", "join", "absent") if k in raw}]
    cases = raw["cases"]
    mixed = any(k in raw for k in ("when", "join", "absent"))
    if not isinstance(cases, list) or not cases or mixed:
        raise _fail(document, f"{pointer}/cases",
                    "`cases:` is a non-empty list and replaces when/join/absent")
    for i, case in enumerate(cases):
        if not isinstance(case, dict):
            raise _fail(document, f"{pointer}/cases/{i}", "a case is a mapping")
        _unknown_keys(document, case, CASE_KEYS, f"{pointer}/cases/{i}")
    return cases


def check_clashes(packs: list[Pack]) -> None:
    """Rule ids and names are public: no two packs (or rules of one) may share one."""
    first: dict[str, tuple[Pack, Rule]] = {}
    for pack in packs:
        for rule in pack.rules:
            for key in (rule.id, rule.name):
                if key in first:
                    other_pack, other = first[key]
                    whose = ("is defined twice in pack " + pack.name if other_pack is pack else
                             f"of pack {pack.name} clashes with pack {other_pack.name}")
                    raise PackError(f"rule {key} {whose} (also at {other.where()})",
                                    rule.source, rule.line, rule.column)
                first[key] = (pack, rule)

