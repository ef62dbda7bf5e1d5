"""Compiling loaded packs into the Program the engine runs, once per content."""

from __future__ import annotations

import json
import re
from typing import Any, cast

from smplan_lint.conditions import Compiler, ConditionError, Lowered
from smplan_lint.conditions.values import describe, is_number
from smplan_lint.digests import sha256_hex
from smplan_lint.engine.program import Case, Join, Pattern, Program
from smplan_lint.packs.model import Pack, PackError, Rule
from smplan_lint.providers import Provider, resolve_options
from smplan_lint.records import NamedTuple

LINK_KEYS = {"type", "on", "when"}
_PLACEHOLDER = re.compile(r"\{([^{}:!]*)[^{}]*\}")  # the field; a count's noun may follow ":"


class OptionError(PackError):
    """An option chosen in the configuration that its rule cannot use."""

    def __str__(self) -> str:
        return str(self.args[0])


def _options(rule: Rule, chosen: dict[str, Any]) -> dict[str, Any]:
    """The rule's options with the chosen ones, each of its default's kind."""
    for name, value in chosen.items():
        default = rule.options.get(name)
        if default is not None and _kind(value) != _kind(default):
            raise OptionError(f"options of rule {rule.id} ({rule.name}): '{name}' takes "
                              f"{_kind(default)} like its default ({default!r}), not "
                              f"{describe(value)}", rule.source)
    return {**rule.options, **chosen}


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "true or false"
    if is_number(value):
        return "a number"
    names: dict[type, str] = {str: "text", list: "a list", dict: "a mapping"}
    return names.get(type(value), type(value).__name__)


def compile_rule(compiler: Compiler, rule: Rule, options: dict[str, Any]) -> list[Case]:
    cases = []
    for number, case in enumerate(rule.cases):
        where = f"/cases/{number}" if len(rule.cases) > 1 or "cases" in case else ""
        given = cast(str, rule.given)  # every rule the engine runs has a fact type
        patterns = [Pattern(given, given,
                            compiler.when(case.get("when"), given, options, f"{where}/when"))]
        for kind in ("join", "absent"):
            links = case.get(kind) or {}
            if not isinstance(links, dict):
                raise ConditionError(f"`{kind}:` maps aliases to fact patterns", f"{where}/{kind}")
            for alias, link in links.items():
                pattern = _link(compiler, alias, link, kind, patterns, options,
                                f"{where}/{kind}/{alias}")
                _require_join_fields(patterns, pattern)
                patterns.append(pattern)
        cases.append(Case(f"{rule.id}#{number}", rule.id, tuple(patterns)))
    _check_message(rule, cases)
    return cases


def _link(compiler: Compiler, alias: str, link: Any, kind: str, bound: list[Pattern],
          options: dict[str, Any], where: str) -> Pattern:
    if not isinstance(link, dict):
        raise ConditionError(f"'{alias}' must be a mapping with type/on/when", where)
    unknown = set(link) - LINK_KEYS
    if unknown:
        raise ConditionError(f"unknown key '{sorted(unknown)[0]}' (use type, on, when)", where)
    if alias in {p.alias for p in bound}:
        raise ConditionError(f"alias '{alias}' is already bound", where)
    fact_type = str(link.get("type", alias))
    on = link.get("on", {})
    if not isinstance(on, dict) or (kind == "join" and not on):
        raise ConditionError("`on:` maps this fact's fields to bound fields (equality joins)",
                             f"{where}/on")
    joins = []
    for mine, theirs in on.items():
        other_alias, _, other_field = str(theirs).rpartition(".")
        other_alias = other_alias or bound[0].alias
        if other_alias not in {p.alias for p in bound if not p.negated}:
            raise ConditionError(f"'{theirs}' refers to no bound alias", f"{where}/on/{mine}")
        joins.append(Join(str(mine), other_alias, other_field))
    test = compiler.when(link.get("when"), fact_type, options, f"{where}/when")
    return Pattern(alias, fact_type, test, tuple(joins), negated=(kind == "absent"))


def _require_join_fields(bound: list[Pattern], pattern: Pattern) -> None:
    """A join on a missing field never holds, and an absence keyed on one never fires."""
    for join in pattern.joins:
        for position, earlier in enumerate(bound):
            if earlier.alias == join.alias:
                present = ("present", join.other, True)
                test = present if earlier.test is None else ("and", (earlier.test, present))
                bound[position] = Pattern(earlier.alias, earlier.type, test, earlier.joins,
                                          earlier.negated)


def _check_message(rule: Rule, cases: list[Case]) -> None:
    aliases = {p.alias for p in cases[0].patterns if not p.negated}
    templates = [rule.message] + [str(c["message"]) for c in rule.cases if "message" in c]
    for template in templates:
        for name in _PLACEHOLDER.findall(template):
            head, dot, _ = name.partition(".")
            if dot and head not in aliases and head != "option":
                raise ConditionError(f"message names '{{{name}}}' but '{head}' is not bound",
                                     "/message")
            if head == "option" and name.partition(".")[2] not in rule.options:
                raise ConditionError(f"message names unknown option '{{{name}}}'", "/message")


class Compiled(NamedTuple):
    """Everything a run needs from its packs: the program and how to place results."""

    program: Program
    lowered: tuple[Lowered, ...]
    rules: dict[str, Rule]
    options: dict[str, dict[str, Any]]
    case_rules: dict[str, Rule]
    case_specs: dict[str, dict[str, Any]]
    extra_keys: dict[str, set[str]]
    declared_fields: dict[str, dict[str, str]]
    providers: tuple[Provider, ...]
    provider_options: dict[str, dict[str, Any]]   # provider name -> its options


_compiled: dict[tuple[tuple[str, ...], str], Compiled] = {}


def compile_packs(packs: list[Pack],
                  overrides: dict[str, dict[str, Any]] | None = None) -> Compiled:
    """Compile once per content: the packs' digests plus the option overrides."""
    chosen = overrides or {}
    key = (tuple(p.digest for p in packs), json.dumps(chosen, sort_keys=True, default=str))
    if key not in _compiled:
        _compiled[key] = _compile(packs, chosen, key[1])
    return _compiled[key]


def _compile(packs: list[Pack], chosen: dict[str, dict[str, Any]], overrides: str) -> Compiled:
    compiler = Compiler()
    cases: list[Case] = []
    rules: dict[str, Rule] = {}
    options: dict[str, dict[str, Any]] = {}
    case_rules: dict[str, Rule] = {}
    case_specs: dict[str, dict[str, Any]] = {}
    for pack in packs:
        for rule in pack.rules:
            rules[rule.id] = rule
            options[rule.id] = _options(rule, chosen.get(rule.id, {}))
            if rule.builtin:
                continue
            try:
                compiled = compile_rule(compiler, rule, options[rule.id])
            except ConditionError as error:   # only a chosen option can fail here
                raise OptionError(f"options of rule {rule.id} ({rule.name}): {error}",
                                  rule.source) from None
            for number, case in enumerate(compiled):
                cases.append(case)
                case_rules[case.key] = rule
                case_specs[case.key] = rule.cases[number]
    digest = sha256_hex("|".join(p.digest for p in packs) + overrides)
    extra_keys: dict[str, set[str]] = {}
    for fact_type, name in compiler.fields:
        extra_keys.setdefault(fact_type, set()).add(name)
    for pack in packs:
        for kind, fields in pack.fields.items():
            extra_keys.setdefault(kind, set()).update(fields)
    providers = tuple(provider for pack in packs for provider in pack.providers)
    declared: dict[str, dict[str, str]] = {}
    for pack in packs:
        for kind, found in pack.fields.items():
            declared.setdefault(kind, {}).update(found)
    return Compiled(Program(tuple(cases), digest), tuple(compiler.lowered), rules, options,
                    case_rules, case_specs, extra_keys, declared, providers,
                    resolve_options(providers, rules.values(), options))

