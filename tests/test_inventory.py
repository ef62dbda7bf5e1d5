"""The inventory format: what users are told about their file, and what later stages receive."""

from __future__ import annotations

import copy
import json
from datetime import date
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from smplan_lint.findings import Issue
from smplan_lint.inventory import FORMAT_VERSION, check_version, validate
from smplan_lint.inventory.json_schema import json_schema
from smplan_lint.load import load_bytes

GOOD_PLAN = """
version: 1
organisation:
  name: Acme Coffee Roasters
  brand_terms: [acme, acmecoffee]
  website: https://acme.example
  target_networks: [instagram, linkedin, tiktok]
  competitors:
    - name: Bean There
      handles: {instagram: beantherecoffee}
audit:
  last_reviewed: 2026-09-15
  review_every_days: 90
  reviewer: maria
objectives:
  - id: online-sales
    statement: Grow online bean subscriptions to 5,000 by December 2027.
    period: {start: 2026-01-01, end: 2027-12-31}
people:
  - {id: maria, name: Maria Lopez, role: Social lead, email: maria@acme.example, active: true}
missions:
  instagram: We show the people and craft behind every bag of Acme coffee.
accounts:
  - id: ig-main
    network: instagram
    handle: acmecoffee
    owner: maria
    purpose: Show the roastery's culture and send followers to the web shop.
    status: keep
    last_post: 2026-11-20
    verified: true
    followers: 12000
    url: https://instagram.com/acmecoffee
    created: 2019-03-01
    agency: Brew Media
    lint-ignore:
      SMP208: {reason: served by the brand goal, until: 2027-01-31}
affiliates:
  - {network: instagram, handle: acme_fans_berlin, note: fan club}
goals:
  - id: ig-referrals
    account: ig-main
    statement: Send 400 visitors a month from Instagram to the web shop by June 2027.
    objective: online-sales
    metrics:
      - {name: web_referrals, target: 400, baseline: 250, per: month, unit: visitors}
    deadline: 2027-06-30
    owner: maria
discovered:
  - network: x
    handle: acme_c0ffee
    display_name: Acme Coffee Official
    bio: The real Acme coffee
    followers: 31
    created: 2026-10-02
    verified: false
    url: https://x.com/acme_c0ffee
    status: unreviewed
    note: found in October
lint-ignore:
  SMP405: we have no competitors worth listing
"""


def load(text: str) -> Any:
    return yaml.safe_load(text)


def plan_with(**sections: Any) -> dict[str, Any]:
    return {"version": 1, **sections}


def account(**fields: Any) -> dict[str, Any]:
    return {"id": "ig-main", "network": "instagram", "handle": "acme", **fields}


def issues_of(data: Any, **kwargs: Any) -> list[Issue]:
    return validate(data, **kwargs).issues


def only(issues: list[Issue], rule: str) -> list[Issue]:
    return [issue for issue in issues if issue.rule == rule]


def dates_as_strings(value: Any) -> Any:
    """What yaml-language-server sees: YAML dates are plain strings to it."""
    if isinstance(value, dict):
        return {key: dates_as_strings(item) for key, item in value.items()}
    if isinstance(value, list):
        return [dates_as_strings(item) for item in value]
    return value.isoformat() if isinstance(value, date) else value


# --- a good plan -------------------------------------------------------------------------------


def test_good_plan_has_no_issues_and_keeps_every_section() -> None:
    result = validate(load(GOOD_PLAN))
    assert result.issues == []
    assert list(result.plan) == [
        "version", "organisation", "audit", "objectives", "people", "missions", "accounts",
        "affiliates", "goals", "discovered", "lint-ignore", "_mission_pointers",
    ]  # fmt: skip


def test_cleaned_items_carry_their_pointer_and_iso_dates() -> None:
    plan = validate(load(GOOD_PLAN)).plan
    assert plan["accounts"][0]["_pointer"] == "/accounts/0"
    assert plan["accounts"][0]["last_post"] == "2026-11-20"
    assert plan["goals"][0]["metrics"][0] == {
        "name": "web_referrals", "target": 400, "baseline": 250, "per": "month",
        "unit": "visitors", "_pointer": "/goals/0/metrics/0",
    }  # fmt: skip
    assert plan["organisation"]["_pointer"] == "/organisation"
    assert plan["audit"] == {
        "last_reviewed": "2026-09-15", "review_every_days": 90, "reviewer": "maria",
        "_pointer": "/audit",
    }  # fmt: skip
    assert plan["objectives"][0]["period"]["end"] == "2027-12-31"


def test_quoted_date_is_accepted_as_written() -> None:
    result = validate(plan_with(accounts=[account(last_post="2026-09-15")]))
    assert result.issues == []
    assert result.plan["accounts"][0]["last_post"] == "2026-09-15"


def test_validate_does_not_change_the_loaders_tree() -> None:
    data = load(GOOD_PLAN)
    before = copy.deepcopy(data)
    validate(data)
    assert data == before


# --- normalisation -----------------------------------------------------------------------------


def test_networks_are_lower_cased_and_handles_lose_their_at_sign() -> None:
    data = load("""
version: 1
organisation:
  target_networks: [Instagram, LinkedIn]
  competitors: [{name: Bean, handles: {Instagram: "@beanthere"}}]
accounts: [{id: a, network: Instagram, handle: "@acmecoffee"}]
discovered: [{network: X, handle: "@acme_c0ffee"}]
""")
    plan = validate(data).plan
    assert plan["organisation"]["target_networks"] == ["instagram", "linkedin"]
    assert plan["organisation"]["competitors"][0]["handles"] == {"instagram": "beanthere"}
    assert (plan["accounts"][0]["network"], plan["accounts"][0]["handle"]) == (
        "instagram",
        "acmecoffee",
    )
    assert plan["discovered"][0]["handle"] == "acme_c0ffee"


def test_missions_stay_a_mapping_and_their_pointers_use_the_key_as_written() -> None:
    result = validate(load("version: 1\nmissions:\n  Instagram: We show the craft.\n"))
    assert result.plan["missions"] == {"instagram": "We show the craft."}
    assert result.plan["_mission_pointers"] == {"instagram": "/missions/Instagram"}


def test_nulls_and_blank_strings_are_missing_not_present() -> None:
    data = load("""
version: 1
accounts:
  - id: ig-main
    network: instagram
    handle: acme
    owner:
    purpose: "  "
    two_factor:
""")
    result = validate(data)
    assert result.issues == []
    assert result.plan["accounts"][0] == {"id": "ig-main", "network": "instagram",
                                          "handle": "acme", "_pointer": "/accounts/0"}


def test_an_account_nobody_can_find_is_reported_and_still_judged() -> None:
    data = load("""
version: 1
accounts:
  - {id: ig-main, owner: ana}
  - {id: x-main, network: x, handle: " "}
""")
    result = validate(data)
    assert [(i.rule, i.pointer, i.message) for i in result.issues] == [
        ("SMP006", "/accounts/0", "account 'ig-main' has no network"),
        ("SMP006", "/accounts/0", "account 'ig-main' has no handle"),
        ("SMP006", "/accounts/1", "account 'x-main' has no handle"),
    ]
    assert [a["id"] for a in result.plan["accounts"]] == ["ig-main", "x-main"]


def test_empty_section_is_no_finding() -> None:
    result = validate(load("version: 1\naccounts:\ngoals: []\norganisation: {name: Acme}\n"))
    assert result.issues == []
    assert "accounts" not in result.plan
    assert result.plan["goals"] == []


def test_lint_ignore_bare_reason_becomes_a_reason_mapping() -> None:
    data = plan_with(accounts=[account(**{"lint-ignore": {"SMP205": "seasonal account"}})])
    result = validate(data)
    assert result.issues == []
    assert result.plan["accounts"][0]["lint-ignore"] == {
        "SMP205": {"reason": "seasonal account", "_pointer": "/accounts/0/lint-ignore/SMP205"}
    }


# --- SMP002 duplicate-id -----------------------------------------------------------------------


def test_duplicate_id_is_reported_on_the_second_item_which_is_kept() -> None:
    data = plan_with(accounts=[account(), account(handle="acme2")])
    result = validate(data)
    assert result.issues == [
        Issue(
            "SMP002", "/accounts/1/id", "duplicate id 'ig-main' (first at /accounts/0)", "ig-main"
        )
    ]
    assert [item["handle"] for item in result.plan["accounts"]] == ["acme", "acme2"]


def test_same_id_in_different_sections_is_fine() -> None:
    data = plan_with(people=[{"id": "maria"}], goals=[{"id": "maria"}])
    assert issues_of(data) == []


def test_mission_given_twice_for_one_network() -> None:
    data = load("version: 1\nmissions:\n  instagram: First.\n  Instagram: Second.\n")
    result = validate(data)
    assert only(result.issues, "SMP002") == [
        Issue(
            "SMP002",
            "/missions/Instagram",
            "duplicate network 'instagram' (first at /missions/instagram)",
            "instagram",
        )
    ]
    assert result.plan["missions"] == {"instagram": "First."}


# --- SMP003 wrong-type -------------------------------------------------------------------------


def test_wrong_typed_field_is_dropped_and_reported() -> None:
    result = validate(plan_with(accounts=[account(followers="many", owner="maria")]))
    assert result.issues == [
        Issue(
            "SMP003",
            "/accounts/0/followers",
            "followers should be an integer, got string 'many'",
            "ig-main",
        )
    ]
    assert "followers" not in result.plan["accounts"][0]
    assert result.plan["accounts"][0]["owner"] == "maria"


@pytest.mark.parametrize(
    ("fields", "pointer", "message"),
    [
        ({"verified": "yes"}, "/accounts/0/verified", "verified should be true or false"),
        ({"followers": True}, "/accounts/0/followers", "got boolean true"),
        ({"followers": 12.5}, "/accounts/0/followers", "got number 12.5"),
        ({"last_post": 2026}, "/accounts/0/last_post", "should be a date (YYYY-MM-DD)"),
        ({"handle": 1234}, "/accounts/0/handle", "(quote it: '1234')"),
        ({"lint-ignore": ["SMP205"]}, "/accounts/0/lint-ignore", "should be a mapping"),
    ],
)
def test_wrong_types_name_the_expected_type(
    fields: dict[str, Any], pointer: str, message: str
) -> None:
    (issue,) = issues_of(plan_with(accounts=[account(**fields)]))
    assert (issue.rule, issue.pointer) == ("SMP003", pointer)
    assert message in issue.message


@pytest.mark.parametrize(("written", "reads_as"), [
    ("0711", "integer 457"), ("no", "boolean false"), ("1:30", "integer 90"),
    ("1.50", "number 1.5"), ("2026-01-01", "date 2026-01-01"), ("0x1F", "integer 31"),
])
def test_the_quoting_hint_quotes_the_value_as_written(written: str, reads_as: str) -> None:
    document = load_bytes(f"version: 1\naccounts:\n  - {{id: a, handle: {written}}}\n".encode(),
                          "plan.yaml")
    (issue,) = only(validate(document.data, texts=document.texts).issues, "SMP003")
    assert issue.message == (f"handle should be a string, got {reads_as} "
                             f"(quote it: '{written}')")


def test_without_the_written_text_a_boolean_gets_no_invented_spelling() -> None:
    (issue,) = issues_of(plan_with(accounts=[account(handle=False)]))
    assert issue.message == "handle should be a string, got boolean false"


@pytest.mark.parametrize(("field", "where"), [("followers", "accounts"), ("target", "metrics")])
@pytest.mark.parametrize("sign", ["", "-"])
def test_a_number_too_large_for_any_engine_is_an_invalid_value(field: str, where: str,
                                                              sign: str) -> None:
    huge = int(sign + "1" * 310)
    data = (plan_with(accounts=[account(followers=huge)]) if where == "accounts"
            else plan_with(goals=[{"id": "g", "metrics": [{"name": "leads", "target": huge}]}]))
    (issue,) = only(issues_of(data), "SMP006")
    assert issue.message == f"{field} is too large (310 digits)"


def test_long_values_are_cut_to_fit_one_line() -> None:
    (issue,) = issues_of(plan_with(accounts=[account(handle=int("1" * 310))]))
    assert issue.message == ("handle should be a string, got integer " + "1" * 37 + "... "
                             "(quote it: '" + "1" * 37 + "...')")
    (issue,) = issues_of(plan_with(accounts=[account(status="x" * 300)]))
    assert issue.message.startswith("status '" + "x" * 37 + "...' is not one of")


def test_wrong_typed_items_are_dropped_with_an_issue_each() -> None:
    data = load("version: 1\naccounts:\n  - ig-main\n  -\n"
                "  - {id: tt, network: tiktok, handle: acme}\n")
    result = validate(data)
    assert result.issues == [
        Issue(
            "SMP003",
            "/accounts/0",
            "account should be a mapping, got string 'ig-main'; the item is ignored",
        ),
        Issue(
            "SMP003", "/accounts/1", "account should be a mapping, got null; the item is ignored"
        ),
    ]
    assert [item["id"] for item in result.plan["accounts"]] == ["tt"]
    assert result.plan["accounts"][0]["_pointer"] == "/accounts/2"


def test_wrong_typed_section_is_dropped_with_an_issue() -> None:
    result = validate(plan_with(accounts="x", audit=["2026-01-01"], people=[{"id": "ana"}]))
    assert result.issues == [
        Issue(
            "SMP003",
            "/accounts",
            "accounts should be a list, got string 'x'; the section is ignored",
        ),
        Issue("SMP003", "/audit", "audit should be a mapping, got a list; the section is ignored"),
    ]
    assert "accounts" not in result.plan and "audit" not in result.plan
    assert result.plan["people"][0]["id"] == "ana"


def test_a_top_level_that_is_not_a_mapping_is_one_issue() -> None:
    assert issues_of(["version", 1]) == [
        Issue("SMP003", "", "the plan should be a mapping, got a list; nothing can be checked")
    ]


# --- SMP004 key-typo / SMP005 unknown-key ------------------------------------------------------


@pytest.mark.parametrize(
    ("typo", "meant"),
    [("ownr", "owner"), ("purpse", "purpose"), ("netwrok", "network"), ("last-post", "last_post")],
)
def test_key_typo_gets_a_hint_and_is_kept_unchanged(typo: str, meant: str) -> None:
    known = {key: value for key, value in {"network": "x", "handle": "acme"}.items()
             if key != meant}
    data = plan_with(accounts=[{"id": "ig-main", **known, typo: "value"}])
    result = validate(data)
    missing = [Issue("SMP006", "/accounts/0", "account 'ig-main' has no network", "ig-main")]
    assert result.issues == [
        Issue(
            "SMP004",
            f"/accounts/0/{typo}",
            f"unknown key {typo!r} (did you mean {meant!r}?)",
            "ig-main",
        ),
        *(missing if meant == "network" else []),
    ]
    assert result.plan["accounts"][0][typo] == "value"
    assert meant not in result.plan["accounts"][0]


def test_typo_of_a_section_name() -> None:
    (issue,) = issues_of(plan_with(acounts=[account()], people=[{"id": "maria"}]))
    assert (issue.rule, issue.pointer) == ("SMP004", "/acounts")
    assert "did you mean 'accounts'?" in issue.message


def test_key_next_to_the_key_it_resembles_is_not_a_typo() -> None:
    (issue,) = issues_of(plan_with(accounts=[account(owner="maria", owners=["ana"])]))
    assert issue.rule == "SMP005"


def test_genuinely_unknown_key_is_kept_for_rule_packs() -> None:
    data = load("version: 1\naccounts:\n  - {id: ig-main, network: x, handle: acme,\n"
                "     two_factor: true, since: 2026-01-05}\n")
    result = validate(data)
    assert result.issues == [
        Issue(
            "SMP005",
            "/accounts/0/two_factor",
            "key 'two_factor' is not part of format version 1; kept for rule packs",
            "ig-main",
        ),
        Issue(
            "SMP005",
            "/accounts/0/since",
            "key 'since' is not part of format version 1; kept for rule packs",
            "ig-main",
        ),
    ]
    assert result.plan["accounts"][0]["two_factor"] is True
    assert result.plan["accounts"][0]["since"] == "2026-01-05"


def test_keys_that_rule_packs_read_are_not_reported() -> None:
    data = plan_with(accounts=[account(two_factor=True, ownr="x")], region="EU")
    result = validate(
        data, known_extra_keys={"account": {"two_factor", "ownr"}, "plan": {"region"}}
    )
    assert result.issues == []
    assert result.plan["region"] == "EU"
    assert result.plan["accounts"][0]["two_factor"] is True


def test_known_extra_keys_are_per_kind() -> None:
    data = plan_with(goals=[{"id": "g", "two_factor": True}])
    (issue,) = issues_of(data, known_extra_keys={"account": {"two_factor"}})
    assert (issue.rule, issue.pointer) == ("SMP005", "/goals/0/two_factor")


# --- SMP006 invalid-value ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "pointer", "message"),
    [
        (
            {"status": "archive"},
            "/accounts/0/status",
            "status 'archive' is not one of keep, update, delete",
        ),
        (
            {"status": "Delete"},
            "/accounts/0/status",
            "status 'Delete' is not one of keep, update, delete (did you mean 'delete'?)",
        ),
        (
            {"last_post": "2026-02-30"},
            "/accounts/0/last_post",
            "last_post '2026-02-30' is not a valid date (YYYY-MM-DD)",
        ),
        (
            {"created": "last spring"},
            "/accounts/0/created",
            "created 'last spring' is not a valid date (YYYY-MM-DD)",
        ),
        ({"followers": -5}, "/accounts/0/followers", "followers -5 must be at least 0"),
        (
            {"lint-ignore": {"SMP205": None}},
            "/accounts/0/lint-ignore/SMP205",
            "lint-ignore 'SMP205' has no reason",
        ),
        (
            {"lint-ignore": {"SMP205": {"until": date(2027, 1, 31)}}},
            "/accounts/0/lint-ignore/SMP205",
            "lint-ignore 'SMP205' has no reason",
        ),
    ],
)
def test_invalid_values_are_dropped_and_reported(
    fields: dict[str, Any], pointer: str, message: str
) -> None:
    result = validate(plan_with(accounts=[account(**fields)]))
    assert result.issues == [Issue("SMP006", pointer, message, "ig-main")]
    *parents, dropped = pointer.split("/")[1:]
    cleaned = result.plan
    for step in parents:
        cleaned = cleaned[int(step) if step.isdigit() else step]
    assert dropped not in cleaned


def test_review_interval_must_be_at_least_a_day() -> None:
    assert issues_of(plan_with(audit={"review_every_days": 0})) == [
        Issue("SMP006", "/audit/review_every_days", "review_every_days 0 must be at least 1")
    ]


def test_metric_period_gets_a_hint() -> None:
    data = plan_with(goals=[{"id": "g", "metrics": [{"name": "leads", "per": "monthly"}]}])
    assert issues_of(data) == [
        Issue(
            "SMP006",
            "/goals/0/metrics/0/per",
            "per 'monthly' is not one of day, week, month, quarter, year, post, video, "
            "campaign (did you mean 'month'?)",
            "g",
        )
    ]


@pytest.mark.parametrize("section", ["accounts", "goals", "people", "objectives"])
def test_item_without_id_is_reported_and_kept(section: str) -> None:
    complete = {"network": "x", "handle": "acme"} if section == "accounts" else {}
    result = validate(plan_with(**{section: [{"id": "a", **complete},
                                             {"lint-ignore": {}, **complete}]}))
    kind = {"accounts": "account", "goals": "goal", "people": "person"}.get(section, "objective")
    subject = "acme" if section == "accounts" else None  # an account is named by its handle
    assert result.issues == [Issue("SMP006", f"/{section}/1", f"{kind} has no id", subject)]
    assert len(result.plan[section]) == 2


def test_account_without_id_is_named_by_its_handle() -> None:
    (issue,) = issues_of(plan_with(accounts=[{"network": "x", "handle": "@acme"}]))
    assert (issue.message, issue.subject) == ("account has no id", "acme")


def test_self_referencing_alias_in_an_unknown_key_is_an_issue_not_a_crash() -> None:
    data = load("version: 1\naccounts:\n"
                "  - {id: a, network: x, handle: acme, extra: &loop [*loop]}\n")
    result = validate(data)
    assert [issue.rule for issue in result.issues] == ["SMP005", "SMP006"]
    assert "extra" not in result.plan["accounts"][0]


SCALARS = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8) | st.dates()
FIELD_NAMES = st.sampled_from(["id", "owner", "followers", "status", "lint-ignore", "ownr", "x"])
TREES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(FIELD_NAMES, inner, max_size=3),
    max_leaves=8,
)
SECTION_NAMES = st.sampled_from(
    ["version", "organisation", "audit", "missions", "accounts", "goals", "discovered", "x"]
)


@settings(derandomize=True, deadline=None, max_examples=150)
@given(
    st.dictionaries(
        SECTION_NAMES, TREES | st.lists(st.dictionaries(FIELD_NAMES, TREES), max_size=3)
    )
)
def test_any_tree_gives_issues_and_a_plan_facts_can_be_built_from(data: dict[str, Any]) -> None:
    result = validate(data)
    assert {issue.rule for issue in result.issues} <= {
        "SMP002", "SMP003", "SMP004", "SMP005", "SMP006", "SMP007", "SMP008",
    }  # fmt: skip
    json.dumps(result.plan)  # no dates or other objects left for the engine to choke on


# --- SMP007 empty-plan / SMP008 missing-version / version ------------------------------------


@pytest.mark.parametrize("text", ["", "# nothing yet\n", "{}", "version: 1\n", "version: 1\nx:\n"])
def test_empty_plan_is_one_warning(text: str) -> None:
    assert issues_of(load(text)) == [Issue("SMP007", "", "the plan is empty")]


def test_missing_version() -> None:
    result = validate({"accounts": [account()]})
    assert result.issues == [Issue("SMP008", "", "missing 'version: 1'")]
    assert result.plan["accounts"][0]["id"] == "ig-main"


def test_check_version_accepts_version_1_and_leaves_missing_to_validate() -> None:
    assert check_version({"version": FORMAT_VERSION}) is None
    assert check_version({"accounts": []}) is None


@pytest.mark.parametrize(
    ("version", "message"),
    [
        (2, "format version 2 is not supported: this smplan-lint reads version 1"),
        ("1", "version should be the number 1, got string '1'"),
        (True, "version should be the number 1, got boolean true"),
    ],
)
def test_check_version_rejects_anything_but_1(version: Any, message: str) -> None:
    assert check_version({"version": version}) == message


# --- JSON Schema -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def schema_validator() -> Draft202012Validator:
    schema = json_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def test_schema_identifies_itself_and_documents_fields() -> None:
    schema = json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == "urn:smplan-lint:inventory:v1"  # no invented web address
    account_schema = schema["properties"]["accounts"]["items"]
    assert account_schema["additionalProperties"] is True
    assert account_schema["properties"]["owner"]["description"]
    assert account_schema["properties"]["last_post"]["format"] == "date"


def test_schema_accepts_the_good_plan(schema_validator: Draft202012Validator) -> None:
    data = dates_as_strings(load(GOOD_PLAN))
    data["accounts"][0]["two_factor"] = True  # unknown keys are legal
    assert list(schema_validator.iter_errors(data)) == []


def test_schema_accepts_what_the_linter_reads_as_missing(
    schema_validator: Draft202012Validator,
) -> None:
    data = load("version: 1\naccounts:\n  - {id: a, network: x, handle: acme, owner: }\n"
                "missions:\n  instagram:\n")
    assert list(schema_validator.iter_errors(data)) == []


@pytest.mark.parametrize(
    "path, value",
    [
        (("accounts", 0, "followers"), "many"),
        (("accounts", 0, "followers"), -1),
        (("accounts", 0, "status"), "archive"),
        (("accounts", 0, "last_post"), "2026-02-30"),
        (("accounts", 0, "id"), None),
        (("accounts", 0, "lint-ignore"), {"SMP205": {"until": "2027-01-01"}}),
        (("accounts", 0, "lint-ignore"), {"SMP205": " "}),
        (("accounts", 0), "ig-main"),
        (("accounts",), "x"),
        (("audit", "review_every_days"), 0),
        (("goals", 0, "metrics", 0, "target"), "400"),
        (("version",), 2),
    ],
)
def test_schema_rejects_wrong_types_and_values(
    schema_validator: Draft202012Validator, path: tuple[Any, ...], value: Any
) -> None:
    data = dates_as_strings(load(GOOD_PLAN))
    *parents, last = path
    target = data
    for step in parents:
        target = target[step]
    target[last] = value
    assert list(schema_validator.iter_errors(data)) != []
    assert only(validate(data).issues, "SMP003") + only(validate(data).issues, "SMP006")


def test_schema_requires_a_version(schema_validator: Draft202012Validator) -> None:
    data = dates_as_strings(load(GOOD_PLAN))
    del data["version"]
    assert not schema_validator.is_valid(data)
