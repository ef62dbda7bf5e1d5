"""The derived-fact providers: one registry for the core pack and installed packs,
every reserved field computed by exactly one provider, and every core rule saying
in `uses:` which provided fields it reads."""

from __future__ import annotations

import re
import textwrap
from collections import Counter
from pathlib import Path

import pytest

from smplan_lint.conditions import Compiler
from smplan_lint.facts import RESERVED
from smplan_lint.packs import PackError, Rule, compile_packs, core_pack, load_pack
from smplan_lint.packs.compile import compile_rule
from smplan_lint.providers import CORE_PROVIDERS, STRUCTURAL, owners, resolve_options

CORE = core_pack()
# A count's noun may follow ":" ({days:day}).
PLACEHOLDER = re.compile(r"\{([^{}.:]+)(?:\.([^{}:]+))?(?::[^{}]*)?\}")
RULE_ID = re.compile(r"[\"']SMP\d")


def fields_read(rule: Rule) -> set[str]:
    """Every `type.field` the rule's conditions test or its messages name."""
    compiler = Compiler()
    cases = compile_rule(compiler, rule, rule.options)
    read = {f"{fact_type}.{name}" for fact_type, name in compiler.fields}
    types = {pattern.alias: pattern.type for pattern in cases[0].patterns}
    templates = [rule.message] + [str(c["message"]) for c in rule.cases if "message" in c]
    for template in templates:
        for head, tail in PLACEHOLDER.findall(template):
            if not tail:
                read.add(f"{rule.given}.{head}")
            elif head in types:
                read.add(f"{types[head]}.{tail.split('.')[0]}")
    return read


def test_the_core_pack_gets_its_providers_from_the_registry():
    assert list(CORE.providers) == list(CORE_PROVIDERS)


def test_each_reserved_field_comes_from_a_provider_and_each_field_from_one():
    provided = [field for provider in CORE_PROVIDERS for field in provider.provides()]
    assert [field for field, count in Counter(provided).items() if count > 1] == []
    names = {field.partition(".")[2] for p in CORE_PROVIDERS for field in p.fields}
    assert RESERVED == names | set(STRUCTURAL)


@pytest.mark.parametrize("rule", [r for r in CORE.rules if not r.builtin],
                         ids=lambda rule: rule.id)
def test_a_core_rule_declares_the_provided_fields_it_reads(rule):
    provided = set(owners(CORE_PROVIDERS))
    assert sorted(fields_read(rule) & provided) == sorted(rule.uses)


def test_a_rule_option_reaches_the_provider_through_uses():
    compiled = compile_packs([CORE], {"SMP102": {"engagement_is_vanity": True}})
    assert compiled.provider_options["goal-reading"] == {"engagement_is_vanity": True}
    assert resolve_options(CORE_PROVIDERS, [], {})["goal-reading"] == {
        "engagement_is_vanity": False}


def test_an_unknown_provided_field_is_a_pack_error_with_a_hint(tmp_path):
    pack = tmp_path / "pack.yaml"
    pack.write_text(textwrap.dedent("""\
        pack: {name: org, version: 1, prefix: ORG}
        rules:
          - id: ORG1
            name: vanity
            severity: warning
            summary: Vanity
            why: Why.
            fix: Fix.
            message: vanity
            given: goal
            uses: [goal.vanity_onyl]
            when: {vanity_only: true}
            examples: {fail: [{}], pass: [{}]}
        """))
    with pytest.raises(PackError) as raised:
        load_pack(str(pack))
    assert (raised.value.line, raised.value.column) == (11, 12)
    assert "no provider computes 'goal.vanity_onyl' (did you mean 'goal.vanity_only'?)" \
        in str(raised.value)


def test_no_derived_fact_code_names_a_rule_id():
    package = Path(__file__).resolve().parents[1] / "smplan_lint"
    code = [*(package / "facts").rglob("*.py"), *(package / "derive").rglob("*.py"),
            package / "providers.py"]
    assert [str(path) for path in code if RULE_ID.search(path.read_text(encoding="utf-8"))] == []
