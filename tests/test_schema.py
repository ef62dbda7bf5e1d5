"""The published JSON Schema accepts every valid fixture and rejects wrong types."""

from __future__ import annotations

import datetime
import json

import pytest
from conftest import FIXTURES, run_cli
from jsonschema import Draft202012Validator, FormatChecker

from smplan_lint.load import load_path

VALID = ["healthy.smplan.yaml", "org-plan.smplan.yaml"]
WRONG = ["wrong-types.smplan.yaml"]


def _as_editor_sees_it(value):
    """yaml-language-server hands dates to the schema as strings."""
    if isinstance(value, dict):
        return {k: _as_editor_sees_it(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_editor_sees_it(v) for v in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    result = run_cli("schema")
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=FormatChecker())


@pytest.mark.parametrize("name", VALID)
def test_valid_fixtures_pass_the_schema(validator, name):
    plan = _as_editor_sees_it(load_path(str(FIXTURES / name)).data)
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(plan)]
    assert errors == []


def test_starter_from_init_passes_the_schema(validator, tmp_path):
    assert run_cli("init", str(tmp_path)).returncode == 0
    plan = _as_editor_sees_it(load_path(str(tmp_path / "inventory.yaml")).data)
    assert list(validator.iter_errors(plan)) == []


@pytest.mark.parametrize("name", WRONG)
def test_wrong_type_fixtures_are_rejected_where_they_are_wrong(validator, name):
    plan = _as_editor_sees_it(load_path(str(FIXTURES / name)).data)
    paths = {"/".join(str(p) for p in e.absolute_path) for e in validator.iter_errors(plan)}
    for expected in ("organisation/name", "organisation/brand_terms", "audit/review_every_days",
                     "accounts/0/followers", "accounts/0/status", "accounts/0/last_post",
                     "people/0", "discovered"):
        assert any(p == expected or p.startswith(expected + "/") for p in paths), expected


def test_wrong_types_are_findings_not_crashes():
    result = run_cli(str(FIXTURES / "wrong-types.smplan.yaml"), "--format", "json")
    data = json.loads(result.stdout)
    rules = {f["rule"] for f in data["findings"]}
    assert result.returncode == 1 and {"SMP003", "SMP006"} <= rules
    assert b"Traceback" not in result.stderr
