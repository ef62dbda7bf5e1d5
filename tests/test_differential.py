"""Both engines give one answer for any pack: a differential test over the whole
condition language.

Hypothesis writes packs (every operator with right- and wrong-typed values,
field references, nested fields, all/any/not, join, absent, cases, options)
and plans (nulls, numbers as text, lists, mappings, Unicode). Each pack must be
rejected at load, or give identical findings on durable-rules and on the
python engine for every plan. Deterministic: derandomized, no deadline.

The counts of the last run are printed (`pytest -s tests/test_differential.py`)
and kept in STATS.
"""

from __future__ import annotations

import datetime
import itertools
from typing import Any

import pytest
import yaml
from conftest import needs_durable
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smplan_lint.conditions import OPERATORS
from smplan_lint.engine import backend
from smplan_lint.lint import lint_bytes
from smplan_lint.load import UnusableInput
from smplan_lint.packs import PackError, compile_packs, core_pack, load_pack

TODAY = datetime.date(2026, 6, 30)
FIELDS = ("a", "b", "c", "n.x", "n.y", "key", "owner", "nothing")
STATS = {"packs": 0, "rejected": 0, "plans": 0, "disagreements": 0}
_numbered = itertools.count()

# --- plan values ------------------------------------------------------------------

_texts = st.one_of(
    st.sampled_from(["5", "1.0", "-2", "1e3", "", " ", "ana", "Ana", "0711", "true", "null",
                     "2026-01-01", "2027-12-31", "ä", "İ", "😀", "a\u0301", "'\"", "\\d"]),
    st.text(max_size=4),
)
_numbers = st.one_of(
    st.integers(-3, 3), st.sampled_from([0.5, -1.5, 1.0, 2**31, -(2**53), 10**15, 1e-7]),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
)
_scalars = st.one_of(st.none(), st.booleans(), _numbers, _texts,
                     st.dates(datetime.date(2025, 1, 1), datetime.date(2027, 12, 31)))
_values = st.recursive(
    _scalars,
    lambda inner: st.lists(inner, max_size=3)
    | st.dictionaries(st.sampled_from(["x", "y"]), inner, max_size=2),
    max_leaves=4,
)


@st.composite
def plans(draw: st.DrawFn) -> dict[str, Any]:
    people = [{"id": f"p{i}", "name": f"P{i}",
               **draw(st.dictionaries(st.sampled_from(["a", "b"]), _values, max_size=2))}
              for i in range(draw(st.integers(0, 2)))]
    accounts = []
    for i in range(draw(st.integers(0, 4))):
        item: dict[str, Any] = {"id": f"a{i}", "network": "x", "handle": f"h{i}"}
        item.update(draw(st.dictionaries(st.sampled_from(["a", "b", "c"]), _values, max_size=3)))
        if draw(st.booleans()):
            item["n"] = draw(st.dictionaries(st.sampled_from(["x", "y"]), _values, max_size=2))
        if draw(st.booleans()):
            item["owner"] = draw(st.sampled_from(["p0", "p1", "zz"]) | _values)
        accounts.append(item)
    return {"version": 1, "accounts": accounts, "people": people}


# --- pack conditions --------------------------------------------------------------

_refs = st.one_of(st.sampled_from(FIELDS).map(lambda f: {"field": f}),
                  st.sampled_from([{"field": 3}, {"field": "no such!"}, {"field": "a", "x": 1}]))
_RIGHT = {
    "equals": _scalars | _refs, "not_equals": _scalars | _refs,
    "in": st.lists(_scalars, min_size=1, max_size=3),
    "not_in": st.lists(_scalars, min_size=1, max_size=3),
    "gt": _numbers | _refs, "gte": _numbers | _refs, "lt": _numbers | _refs,
    "lte": _numbers | _refs,
    "missing": st.booleans(), "present": st.booleans(), "empty": st.booleans(),
    "matches": st.sampled_from(["^a", "(?i)ANA", r"\d", "^$", "ä", "[", "(a|b)+$"]),
    "not_matches": st.sampled_from(["^a", r"\d", "x"]),
    "before_today": st.just(True), "after_today": st.just(True),
    "older_than_days": st.integers(-5, 900) | _refs,
    "newer_than_days": st.integers(-5, 900) | _refs,
}
assert set(_RIGHT) == set(OPERATORS), "every operator of the table is generated"
_option_refs = st.sampled_from([{"option": "limit"}, {"option": "word"}, {"option": "nope"}])


def _operand(op: str) -> st.SearchStrategy[Any]:
    """Mostly a value of the right type; sometimes anything, or an option."""
    return st.one_of(_RIGHT[op], _RIGHT[op], _RIGHT[op], _values, _refs, _option_refs)


_test = st.sampled_from(sorted(OPERATORS)).flatmap(
    lambda op: _operand(op).map(lambda value: {op: value}))
_field_spec = st.one_of(_test, _scalars)      # `field: value` is shorthand for equals


def _combined(inner: st.SearchStrategy[dict]) -> st.SearchStrategy[dict]:
    return st.one_of(
        st.lists(inner, min_size=1, max_size=3).map(lambda parts: {"all": parts}),
        st.lists(inner, min_size=1, max_size=3).map(lambda parts: {"any": parts}),
        inner.map(lambda part: {"not": part}),
    )


conditions = st.recursive(
    st.dictionaries(st.sampled_from(FIELDS), _field_spec, min_size=1, max_size=2),
    _combined, max_leaves=5)


@st.composite
def links(draw: st.DrawFn) -> dict[str, Any]:
    """A join or absence: the owner's person, or another account sharing a field."""
    if draw(st.booleans()):
        link: dict[str, Any] = {"type": "person", "on": {"key": "owner"}}
        alias = "person"
    else:
        mine, theirs = draw(st.sampled_from(["a", "b", "n.x"])), draw(st.sampled_from("abc"))
        link, alias = {"type": "account", "on": {mine: f"account.{theirs}"}}, "other"
    if draw(st.booleans()):
        link["when"] = draw(conditions)
    return {alias: link}


@st.composite
def cases(draw: st.DrawFn) -> dict[str, Any]:
    case: dict[str, Any] = {}
    if draw(st.booleans()):
        case["when"] = draw(conditions)
    kind = draw(st.sampled_from(["", "join", "absent"]))
    if kind:
        case[kind] = draw(links())
    return case


@st.composite
def packs(draw: st.DrawFn) -> dict[str, Any]:
    rules = []
    for number in range(draw(st.integers(1, 2))):
        rule: dict[str, Any] = {
            "id": f"T{101 + number}", "name": f"rule-{number}", "severity": "warning",
            "summary": "s", "why": "w", "fix": "f", "given": "account",
            "message": "{key} {a}", "examples": {"fail": [{}], "pass": [{}]},
            "options": {"limit": draw(_numbers | _values), "word": draw(_texts)},
        }
        if draw(st.booleans()):
            rule["cases"] = draw(st.lists(cases(), min_size=1, max_size=2))
        else:
            rule.update(draw(cases()))
        rules.append(rule)
    return {"pack": {"name": "gen", "version": "1", "prefix": "T"}, "rules": rules}


# --- the comparison ---------------------------------------------------------------

def _outcome(pack: list, plan: bytes, engine: str) -> Any:
    try:
        result = lint_bytes(plan, "plan.yaml", compile_packs(pack), backend(engine), TODAY)
    except UnusableInput as error:
        return ("unusable", str(error))
    return sorted(repr(finding) for finding in result.findings)


def _check(tmp_path_factory: pytest.TempPathFactory, pack: dict, drawn: list[dict]) -> None:
    STATS["packs"] += 1
    path = tmp_path_factory.getbasetemp() / f"pack{next(_numbered)}.yaml"
    path.write_text(yaml.safe_dump(pack, allow_unicode=True, sort_keys=False), "utf-8")
    try:
        loaded = [core_pack(), load_pack(str(path))]
    except PackError:
        STATS["rejected"] += 1       # at load, before any engine: the same for both
        return
    for plan in drawn:
        STATS["plans"] += 1
        source = yaml.safe_dump(plan, allow_unicode=True, sort_keys=False).encode()
        durable, python = (_outcome(loaded, source, name) for name in ("durable", "python"))
        if durable != python:
            STATS["disagreements"] += 1
        assert durable == python, f"engines disagree\npack:\n{path.read_text()}\nplan:\n{source}"


_SETTINGS = {"derandomize": True, "deadline": None, "database": None,
             "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.function_scoped_fixture]}


@needs_durable
@settings(max_examples=40, **_SETTINGS)
@given(pack=packs(), drawn=st.lists(plans(), min_size=1, max_size=3))
def test_engines_agree_on_generated_packs(tmp_path_factory, pack, drawn):
    _check(tmp_path_factory, pack, drawn)


@pytest.mark.slow
@needs_durable
@settings(max_examples=2000, **_SETTINGS)
@given(pack=packs(), drawn=st.lists(plans(), min_size=1, max_size=4))
def test_engines_agree_on_many_generated_packs(tmp_path_factory, pack, drawn):
    _check(tmp_path_factory, pack, drawn)


def teardown_module() -> None:
    print(f"\ndifferential: {STATS['packs']} packs generated ({STATS['rejected']} rejected at "
          f"load), {STATS['plans']} plans generated, {STATS['disagreements']} disagreements")


JOINED = {"pack": {"name": "gen", "version": "1", "prefix": "T"}, "rules": [{
    "id": "T101", "name": "rule-0", "severity": "warning", "summary": "s", "why": "w",
    "fix": "f", "given": "account", "message": "{key} {a}",
    "examples": {"fail": [{}], "pass": [{}]},
    "join": {"other": {"type": "account", "on": {"a": "account.b"}}}}]}


@needs_durable
@pytest.mark.parametrize("left, right", [(0, False), (1, 1.0), (1, True), ("1", 1), (1, 1)])
def test_a_join_matches_values_equal_in_type_too_on_both_engines(tmp_path_factory, left, right):
    """Found by the slow run: durable-rules joins 0 and False, 1 and 1.0 as different."""
    plan = {"version": 1, "accounts": [
        {"id": "a0", "network": "x", "handle": "h0", "a": left},
        {"id": "a1", "network": "x", "handle": "h1", "b": right}]}
    _check(tmp_path_factory, JOINED, [plan])
