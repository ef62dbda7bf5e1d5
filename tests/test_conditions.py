"""The condition language means one thing: typed operator values, checked at load,
and `{field: name}` comparisons that give the same answer on both engines."""

from __future__ import annotations

import datetime
import re
import textwrap

import pytest
import yaml

from smplan_lint.engine import backend
from smplan_lint.lint import lint_bytes
from smplan_lint.packs import PackError, compile_packs, core_pack, load_pack

DAY = datetime.date(2026, 6, 30)


def _pack(tmp_path, when: str) -> str:
    path = tmp_path / "pack.yaml"
    path.write_text(textwrap.dedent("""\
        pack: {name: t, version: 1, prefix: T}
        rules:
          - id: T101
            name: t-rule
            severity: warning
            summary: s
            why: w
            fix: f
            message: "account {key}"
            given: account
            examples: {fail: [{}], pass: [{}]}
            when:
        """) + textwrap.indent(when, "      "), "utf-8")
    return str(path)


WRONG = [
    ("backup_owner: {equals: {owner: 1}}", "'equals' takes text, a number or true/false or "
     "{field: name}, not a mapping", "to compare with another field"),
    ("backup_owner: {equals: [ana, ben]}", "not a list", "use 'in:' to compare with a list"),
    ("followers: {gt: '5'}", "'gt' takes a number or {field: name}, not text ('5')",
     "write the number without quotes: gt: 5"),
    ("followers: {gte: {field: 3}}", "not a mapping", "{field: name} names one other field"),
    ("owner: {not_equals: null}", "not null", "use 'present: true'"),
    ("owner: {in: [{a: 1}]}", "'in' takes a non-empty list", ""),
    ("owner: {present: 'yes'}", "'present' takes true or false, not text ('yes')", ""),
]


@pytest.mark.parametrize("when, message, hint", WRONG, ids=[w[0] for w in WRONG])
def test_a_wrong_typed_value_is_a_pack_error_with_position_and_hint(tmp_path, when, message,
                                                                   hint):
    with pytest.raises(PackError) as caught:
        load_pack(_pack(tmp_path, when))
    error = caught.value
    assert error.line == 13 and error.column > 7    # at the operator, not the rule
    assert message in str(error) and hint in str(error)


PEOPLE = {"version": 1, "accounts": [
    {"id": "same", "network": "x", "handle": "a", "owner": "ana", "backup_owner": "ana"},
    {"id": "other", "network": "x", "handle": "b", "owner": "ana", "backup_owner": "ben"},
    {"id": "no-backup", "network": "x", "handle": "c", "owner": "ana"},
    {"id": "no-owner", "network": "x", "handle": "d", "backup_owner": "ben"},
    {"id": "numbers", "network": "x", "handle": "e", "followers": 10, "target": 12},
    {"id": "text", "network": "x", "handle": "f", "followers": "10", "target": 2},
    {"id": "nested", "network": "x", "handle": "g", "stats": {"a": 3, "b": 3}},
]}


@pytest.mark.parametrize("when, fired", [
    ("backup_owner: {not_equals: {field: owner}}", ["other"]),
    ("backup_owner: {equals: {field: owner}}", ["same"]),
    ("followers: {lt: {field: target}}", ["numbers"]),
    ("followers: {gte: {field: target}}", []),          # text never orders against a number
    ("stats.a: {equals: {field: stats.b}}", ["nested"]),
    ("stats.a: {lte: {field: nothing}}", []),           # a missing side: false
])
def test_field_references_answer_alike_on_both_engines(tmp_path, engine_name, when, fired):
    compiled = compile_packs([core_pack(), load_pack(_pack(tmp_path, when))])
    plan = yaml.safe_dump(PEOPLE).encode()
    found = lint_bytes(plan, "p.yaml", compiled, backend(engine_name), DAY).findings
    assert sorted(f.message.removeprefix("account ") for f in found if f.rule == "T101") == \
        sorted(fired)


def test_a_field_reference_makes_the_other_field_a_known_key(tmp_path):
    compiled = compile_packs([load_pack(_pack(tmp_path, "owner: {equals: {field: deputy}}"))])
    assert {"owner", "deputy"} <= compiled.extra_keys["account"]


@pytest.mark.parametrize("constant", ["1.0e+16", "-1.0e+300", "18446744073709551616", ".inf"])
def test_constants_durable_cannot_hold_answer_as_in_python(tmp_path, engine_name, constant):
    compiled = compile_packs([load_pack(_pack(tmp_path, f"followers: {{lt: {constant}}}"))])
    plan = yaml.safe_dump({"version": 1, "accounts": [
        {"id": "a", "network": "x", "handle": "a", "followers": 5}]}).encode()
    found = lint_bytes(plan, "p.yaml", compiled, backend(engine_name), DAY).findings
    expected = yaml.safe_load(constant) > 5
    assert [f.rule for f in found if f.rule == "T101"] == (["T101"] if expected else [])


def test_a_backtracking_regex_runs_in_linear_time(tmp_path, engine_name):
    compiled = compile_packs([load_pack(_pack(tmp_path, "handle: {matches: '^(a+)+$'}"))])
    plan = yaml.safe_dump({"version": 1, "accounts": [
        {"id": "a", "network": "x", "handle": "a" * 41 + "!"},
        {"id": "b", "network": "x", "handle": "a" * 41}]}).encode()
    found = lint_bytes(plan, "p.yaml", compiled, backend(engine_name), DAY).findings
    assert [f.message for f in found if f.rule == "T101"] == ["account b"]


@pytest.mark.parametrize("pattern, reason", [
    (r"(a)\\1", "invalid escape sequence"), ("(?=a)", "invalid perl operator"),
    ("[", "missing ]"), (r"[\\W_]", "inside [...] is not supported")])
def test_a_regex_the_engine_cannot_take_is_a_pack_error(tmp_path, pattern, reason):
    with pytest.raises(PackError, match=f"bad regular expression: .*{re.escape(reason)}"):
        load_pack(_pack(tmp_path, f'handle: {{matches: "{pattern}"}}'))


@pytest.mark.parametrize("pattern, text, expected", [
    (r"^\\s*$", "\u00a0\u3000", True), (r"\\d", "\u0663", True), (r"^\\w+$", "café_1", True),
    ("a$", "a\n", True), (r"\\S", " \t", False), ("(?i)ÄRGER", "ärger", True)])
def test_regexes_read_as_python_reads_them(tmp_path, pattern, text, expected):
    compiled = compile_packs([load_pack(_pack(tmp_path, f'note: {{matches: "{pattern}"}}'))])
    plan = yaml.safe_dump({"version": 1, "accounts": [
        {"id": "a", "network": "x", "handle": "a", "note": text}]}).encode()
    found = lint_bytes(plan, "p.yaml", compiled, backend("python"), DAY).findings
    assert any(f.rule == "T101" for f in found) == expected
