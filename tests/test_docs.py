"""The rule reference is generated from the rule files; it must not go stale."""

from __future__ import annotations

from conftest import ROOT

from smplan_lint.docs import reference
from smplan_lint.packs import core_pack


def test_rule_reference_is_up_to_date():
    written = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert written == reference([core_pack()]), (
        "docs/rules.md is stale: run `python -m smplan_lint.docs > docs/rules.md`")


def test_every_rule_has_its_section_and_help_names_a_command_that_exists():
    from smplan_lint.findings import help_command

    text = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    for rule in core_pack().rules:
        assert f"### {rule.id} {rule.name}" in text
        assert help_command(rule.id) == f"smplan-lint explain {rule.id}"


def test_explain_writes_options_the_way_the_config_does():
    from smplan_lint.docs import explain

    rule = next(rule for rule in core_pack().rules if rule.id == "SMP102")
    assert "  engagement_is_vanity: false" in explain(rule).splitlines()
    assert "(default `false`)" in reference([core_pack()])


def test_explain_takes_a_rule_in_any_case():
    from conftest import run_cli

    for spelling in ("smp201", "Smp201", "Account-No-Owner"):
        done = run_cli("explain", spelling)
        assert done.returncode == 0, done.stderr
        assert done.stdout.decode().startswith("SMP201 account-no-owner")
    unknown = run_cli("explain", "smp999")
    assert unknown.returncode == 2 and b"did you mean 'SMP" in unknown.stderr
