"""The audit rules of the second round, beyond their own examples: did you mean,
network names and aliases, sound goals, deletions, and the facts they read."""

from __future__ import annotations

import json

import pytest
import yaml
from conftest import TODAY, run_cli

from smplan_lint.engine import backend
from smplan_lint.facts import RESERVED
from smplan_lint.facts.references import Suggester
from smplan_lint.findings import CONTRACT_FIELDS
from smplan_lint.lint import lint_bytes
from smplan_lint.packs import compile_packs, core_pack

COMPILED = compile_packs([core_pack()])


def _lint(plan: dict, engine_name: str = "python", compiled=COMPILED):
    source = yaml.safe_dump({"version": 1, **plan}, sort_keys=False).encode()
    return lint_bytes(source, "plan.yaml", compiled, backend(engine_name), TODAY).findings


def _rules(findings) -> list[tuple[str, str | None]]:
    return sorted((f.rule, f.subject) for f in findings)


@pytest.mark.parametrize("reference, names, meant", [
    ("Priya", ["priya", "paul"], "priya"),           # case
    ("jo", ["hr-jo", "jon"], "hr-jo"),               # a part beats an edit
    ("mria", ["maria", "ana"], "maria"),             # one edit
    ("ig-mian", ["ig-main", "li-page"], "ig-main"),  # a swap is one edit
    ("marai", ["maria"], "maria"),
    ("al", ["jo"], None),                            # two letters: no edits at all
    ("abc", ["axy"], None),                          # short names allow one edit only
    ("jo", ["hr-jo", "jo-b"], None),                 # two equally good: no guess
    ("zzzzzz", ["maria"], None),
])
def test_suggester_tiers(reference, names, meant):
    assert Suggester(names).suggest(reference) == meant


def test_aliases_of_one_network_are_no_ambiguity():
    suggester = Suggester(["x", "twitter", "tw"], {"twitter": "x", "tw": "x"})
    assert suggester.suggest("twiter") == "x"


def test_json_carries_a_suggestion_only_when_there_is_one(tmp_path):
    plan = tmp_path / "plan.smplan.yaml"
    plan.write_text(
        "version: 1\npeople: [{id: priya, name: Priya}]\n"
        "accounts:\n  - {id: a, network: x, handle: acme, owner: Priya, purpose: News.}\n"
        "  - {id: b, network: x, handle: acme2, owner: nobody, purpose: News.}\n")
    result = run_cli(str(plan), "--format", "json", "--today", "2026-11-27")
    findings = json.loads(result.stdout)["findings"]
    by_subject = {(f["rule"], f["subject"]): f for f in findings}
    assert by_subject[("SMP202", "a")]["suggestion"] == "priya"
    assert "suggestion" not in by_subject[("SMP202", "b")]
    assert all(list(f) == list(CONTRACT_FIELDS) for f in findings if "suggestion" not in f)


def test_an_alias_is_one_network_everywhere_and_named_once_where_written(engine_name):
    findings = _lint({
        "organisation": {"target_networks": ["ig"]},
        "missions": {"insta": "We show the people behind every bag of Acme coffee."},
        "accounts": [{"id": "a", "network": "instagram", "handle": "acme", "owner": "ana",
                      "purpose": "Show the roastery."}],
        "people": [{"id": "ana", "name": "Ana"}],
        "goals": [{"id": "g1", "network": "IG", "statement": "Generate 50 leads a month."}],
    }, engine_name)
    aliases = sorted((f.line, f.message, f.severity) for f in findings if f.rule == "SMP209")
    assert [(message, severity) for _, message, severity in aliases] == [
        ("'insta' is read as instagram", "info"), ("'ig' is read as instagram", "info")]
    # the target, the mission and the goal all reach the instagram account
    assert not {"SMP107", "SMP208", "SMP301", "SMP403", "SMP404"} & {f.rule for f in findings}


def test_a_teams_own_network_is_known_through_the_option():
    plan = {"accounts": [{"id": "a", "network": "vero", "handle": "acme"}]}
    assert "SMP209" in {f.rule for f in _lint(plan)}
    own = compile_packs([core_pack()], {"SMP209": {"networks": ["Vero"]}})
    assert "SMP209" not in {f.rule for f in _lint(plan, compiled=own)}


def test_sound_goals_leave_out_passed_vanity_unmeasured_and_undated_ones(engine_name):
    goals = [
        {"id": "ok", "statement": "Generate 50 leads a month from LinkedIn."},
        {"id": "passed", "statement": "Get 30 sign-ups a month from X.", "deadline": "2026-01-31"},
        {"id": "vanity", "statement": "Reach 10,000 followers on TikTok by June 2027."},
        {"id": "vague", "statement": "Grow on LinkedIn by June 2027."},
        {"id": "undated", "statement": "Grow LinkedIn leads to 200 over time."},
    ]
    [finding] = [f for f in _lint({"goals": goals}, engine_name) if f.rule == "SMP101"]
    assert finding.message.startswith("the plan has 5 goals, of which 1 is sound;")


def test_a_deleted_account_gets_no_finding_its_deletion_makes_moot(engine_name):
    findings = _lint({
        "organisation": {"target_networks": ["instagram"]},
        "people": [{"id": "ana", "name": "Ana"}],
        "accounts": [{"id": "old", "network": "x", "handle": "acme_news", "status": "delete",
                      "owner": "ana", "last_post": "2025-01-01"}],
    }, engine_name)
    assert {f.rule for f in findings if f.subject in ("old", "x")} == {"SMP206"}


def test_competitors_ahead_can_be_recorded_as_decided_on_the_organisation(engine_name):
    competitors = [{"name": "Bean There", "handles": {"snapchat": "bt"}},
                   {"name": "Roast Co", "handles": {"snapchat": "rc"}}]
    ahead = _lint({"organisation": {"competitors": competitors}}, engine_name)
    assert [f.subject for f in ahead if f.rule == "SMP406"] == ["snapchat"]
    decided = _lint({"organisation": {"competitors": competitors, "lint-ignore": {
        "SMP406": "our buyers are not on Snapchat"}}}, engine_name)
    assert not {"SMP406", "SMP010"} & {f.rule for f in decided}   # hidden, and used


def test_the_derive_fields_are_reserved_and_their_limits_are_the_messages():
    from smplan_lint.derive.goals.reader import MAX_STATEMENT_LENGTH
    from smplan_lint.derive.impersonation import MAX_HANDLE_LENGTH
    from smplan_lint.inventory.schema import MAX_HANDLE_LENGTH as FORMAT_MAX_HANDLE

    assert {"statement_truncated", "handle_too_long"} <= RESERVED
    assert MAX_HANDLE_LENGTH == FORMAT_MAX_HANDLE
    truncated = next(rule for rule in core_pack().rules if rule.id == "SMP015")
    assert f"{MAX_STATEMENT_LENGTH:,}" in truncated.message


def test_a_plan_cannot_write_a_computed_field():
    findings = _lint({"accounts": [{"id": "a", "network": "x", "handle": "acme",
                                    "purpose": "TBD", "purpose_placeholder": False}]})
    assert ("SMP204", "a") in _rules(findings)
    assert any(f.rule == "SMP005" and "reserved" in f.message for f in findings)


def test_the_methods_own_example_goal_is_valid_and_time_bound():
    """'Three photos a week; the target for each is at least 30 likes and 5 comments':
    per-item targets are valid and set no date; the weekly cadence does."""
    goal = {"id": "g1", "network": "instagram", "statement": "Post three photos a week.",
            "metrics": [{"name": "photos", "target": 3, "per": "week"},
                        {"name": "likes", "target": 30, "per": "post"},
                        {"name": "comments", "target": 5, "per": "post"}]}
    rules = {rule for rule, _ in _rules(_lint({"goals": [goal]}))}
    assert "SMP006" not in rules and "SMP104" not in rules and "SMP111" not in rules


def test_a_per_item_target_alone_is_not_time_bound():
    goal = {"id": "g1", "network": "youtube", "statement": "Videos that convert.",
            "metrics": [{"name": "sign_ups", "target": 20, "per": "video"}]}
    rules = {rule for rule, _ in _rules(_lint({"goals": [goal]}))}
    assert "SMP104" in rules and "SMP006" not in rules


@pytest.mark.parametrize("statement, activity", [
    ("Publish 2 stories a month on Instagram.", True),
    ("Post 10 reels on TikTok.", True),
    ("Drei Blogartikel pro Monat auf LinkedIn veröffentlichen.", True),
    ("Send 300 visitors a month from Instagram stories to the shop.", False),
    ("Post 10 videos a month on YouTube with at least 500 views each.", False),
])
def test_a_goal_counting_only_output_is_activity_only(statement, activity):
    plan = {"goals": [{"id": "g1", "statement": statement}]}
    assert ("SMP111" in {rule for rule, _ in _rules(_lint(plan))}) is activity
