"""Fuzzing the whole command line and the whole pipeline (the promise: "no input makes it print
a traceback or hang ... a fuzz test in the suite proves it").

Plans are built from structured strategies (plausible sections and items with values of
any type in every field, random unicode, random and near-miss keys), dumped as YAML, and
sometimes cut or spliced; raw bytes are fuzzed too. The command line runs in-process for
speed. A second test runs each plan through `lint_bytes` with both back ends and requires
identical findings.

Floats of every kind (inf, 1e+20) and reserved keys such as `type` are among the inputs:
both once broke the pipeline (see the regression cases in tests/test_hostile.py).

Deterministic: derandomized, no deadline. Slow: run by `.ci/run`, or `pytest -m slow`.
"""

from __future__ import annotations

import contextlib
import datetime
import io
import json
from pathlib import Path

import pytest
import yaml
from conftest import DURABLE, TODAY
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from smplan_lint import cli
from smplan_lint.engine import backend
from smplan_lint.lint import lint_bytes
from smplan_lint.load import UnusableInput
from smplan_lint.packs import compile_packs, core_pack

pytestmark = pytest.mark.slow

FUZZ = settings(derandomize=True, deadline=None, max_examples=150, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                      HealthCheck.function_scoped_fixture])

# --- values ------------------------------------------------------------------------------

FLOATS = st.floats()
TEXT = st.text(max_size=30)  # any unicode, surrogates excluded (YAML cannot hold them)
WORDS = st.sampled_from([
    "", "x", "acme", "acme_c0ffee", "instagram", "linkedin", "tiktok", "x", "maria", "tom",
    "keep", "update", "delete", "unreviewed", "reported", "ours", "fan", "month", "yes", "~",
    "2026-02-30", "2026-13-01", "2026-11-20", "soon", "SMP205", "web_referrals", "followers",
    "Grow sign ups to 400 a month on Instagram by June 2027.", "We teach. We sell. We hire.",
])
DATES = st.dates(min_value=datetime.date(1, 1, 1), max_value=datetime.date(9999, 12, 31))
SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.integers(-10, 100_000), FLOATS, TEXT, WORDS,
    DATES, st.datetimes(timezones=st.sampled_from([None, datetime.UTC])),
)
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(TEXT | WORDS, inner, max_size=4)),
    max_leaves=12)

ITEM_KEYS = {
    "accounts": ["id", "network", "handle", "owner", "purpose", "status", "last_post",
                 "verified", "followers", "lint-ignore", "ownr", "duplicate_of", "type"],
    "goals": ["id", "account", "network", "statement", "objective", "metrics", "deadline",
              "owner", "lint-ignore", "deadlin", "measurable"],
    "people": ["id", "name", "role", "active", "nmae"],
    "objectives": ["id", "statement", "type", "key"],
    "affiliates": ["network", "handle", "note"],
    "discovered": ["network", "handle", "display_name", "followers", "created", "verified",
                   "status", "bio", "imitates"],
}
METRIC_KEYS = ["name", "target", "baseline", "per"]


def _mapping(keys: list[str]) -> st.SearchStrategy:
    """Mostly known keys with values of any type, sometimes a random key."""
    known = st.dictionaries(st.sampled_from(keys), VALUES | WORDS, max_size=len(keys))
    return st.builds(lambda a, b: {**a, **b}, known,
                     st.dictionaries(TEXT, VALUES, max_size=2))


def _item(section: str) -> st.SearchStrategy:
    item = _mapping(ITEM_KEYS[section])
    if section == "goals":
        metrics = st.lists(_mapping(METRIC_KEYS) | VALUES, max_size=3)
        item = st.builds(lambda i, m: {**i, "metrics": m} if m else i, item, metrics)
    return item | VALUES


SECTIONS = {name: st.lists(_item(name), max_size=4) | VALUES for name in ITEM_KEYS}
SECTIONS["organisation"] = _mapping(["name", "brand_terms", "website", "target_networks",
                                     "competitors"]) | VALUES
SECTIONS["audit"] = _mapping(["last_reviewed", "review_every_days", "reviewer"]) | VALUES
SECTIONS["missions"] = st.dictionaries(WORDS | TEXT, VALUES | WORDS, max_size=3) | VALUES
SECTIONS["version"] = st.sampled_from([1, 1, 1, 1, 2, "1", None, 1.0, True])
SECTIONS["lint-ignore"] = VALUES

PLANS = st.builds(
    lambda chosen, extra: {**chosen, **extra},
    st.fixed_dictionaries({}, optional=SECTIONS),
    st.dictionaries(TEXT, VALUES, max_size=2),
)


@st.composite
def documents(draw: st.DrawFn) -> bytes:
    """A plan as YAML, in block or flow style, sometimes cut short or spliced with junk."""
    plan = draw(PLANS)
    text = yaml.safe_dump(plan, allow_unicode=draw(st.booleans()),
                          default_flow_style=draw(st.sampled_from([False, None, True])),
                          sort_keys=False, width=draw(st.sampled_from([80, 10_000])))
    data = text.encode("utf-8")
    how = draw(st.sampled_from(["as-is", "as-is", "as-is", "cut", "splice", "crlf", "bom"]))
    if how == "cut":
        data = data[:draw(st.integers(0, len(data)))]
    elif how == "splice":
        at = draw(st.integers(0, len(data)))
        junk = draw(st.sampled_from([b"\t", b"&a ", b"*a", b"---\n", b"!!python/object ", b"{",
                                     b"- ", b": ", b"? ", b"<<: *a\n", b"\xe9", b"\0", b"'"]))
        data = data[:at] + junk + data[at:]
    elif how == "crlf":
        data = data.replace(b"\n", b"\r\n")
    elif how == "bom":
        data = b"\xef\xbb\xbf" + data
    return data


RAW = st.binary(max_size=300) | st.text(max_size=200).map(lambda t: t.encode("utf-8"))

# --- the command line, in-process ----------------------------------------------------------


def run_main(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            cli.main(argv)
        except SystemExit as done:
            code = done.code
        else:  # pragma: no cover - main always exits
            code = None
    return code, out.getvalue(), err.getvalue()


def check_cli(data: bytes, folder: Path) -> None:
    path = folder / "fuzz.smplan.yaml"
    path.write_bytes(data)
    code, out, err = run_main([str(path), "--format", "json", "--today", TODAY.isoformat()])
    assert "internal error" not in err and "Traceback" not in err, (data, err)
    assert code in (0, 1, 2), (data, code, err)
    event(f"exit status {code}")  # --hypothesis-show-statistics: the mix actually tried
    if code == 2:
        lines = err.splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"{path}"), (data, err)
        assert ": error: " in lines[0]
    else:
        assert err == "", (data, err)
        report = json.loads(out)
        assert all(f["file"] == str(path) and f["line"] >= 1 and f["column"] >= 1
                   for f in report["findings"])
        errors = report["summary"]["error"]
        assert (code == 1) == (errors > 0), (data, code, report["summary"])


@FUZZ
@given(data=documents())
def test_any_generated_plan_lints_or_is_refused_cleanly(data: bytes, tmp_path: Path) -> None:
    check_cli(data, tmp_path)


@settings(FUZZ, max_examples=100)
@given(data=RAW)
def test_any_bytes_lint_or_are_refused_cleanly(data: bytes, tmp_path: Path) -> None:
    check_cli(data, tmp_path)


# --- the pipeline, both engines ----------------------------------------------------------

COMPILED = compile_packs([core_pack()])
ENGINES = ["durable", "python"] if DURABLE else ["python"]


def lint_with(engine: str, data: bytes) -> tuple[str, object]:
    try:
        result = lint_bytes(data, "fuzz.smplan.yaml", COMPILED, backend(engine), TODAY)
    except UnusableInput as error:
        return "unusable", (str(error), error.line, error.column)
    return "findings", [f.contract() for f in result.findings]


@pytest.mark.skipif(not DURABLE, reason="durable-rules cannot be loaded on this interpreter")
@settings(FUZZ, max_examples=300)
@given(data=documents())
def test_both_engines_give_identical_findings(data: bytes) -> None:
    durable = lint_with("durable", data)
    python = lint_with("python", data)
    assert durable == python, data
