"""Broken and hostile inventories through the real command line (issue "Speed, scale and
hostile input", parts 3 and 4).

Each case is one file, linted by `python -m smplan_lint FILE --format json` in a child
process, as a user or a CI job runs it. Every case asserts the exit status and what the
user is told: the one stderr line (with its line and column) for a file that cannot be
linted, or the rule and message of the findings for a file that can. No case may print a
traceback or an "internal error".

tests/test_load.py checks the loader's answers directly; this file checks that those
answers reach the user intact, that nothing after the loader (validation, facts, both
engines, the report) breaks on what the loader lets through, and that one bad file never
stops the others.

The children run in parallel (one pool for the whole catalogue) so the catalogue stays fast.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import DURABLE, FIXTURES

TODAY = "2026-11-27"
WATCHDOG = 120  # seconds; only catches hangs, never asserts a speed
NEVER = ("Traceback", "internal error")


def command(*paths: str | Path, args: tuple[str, ...] = ()) -> list[str]:
    return [sys.executable, "-m", "smplan_lint", *map(str, paths), "--format", "json",
            "--today", TODAY, *args]


def run(*paths: str | Path, args: tuple[str, ...] = (), **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(command(*paths, args=args), capture_output=True, timeout=WATCHDOG,
                          **kwargs)


def assert_clean(proc: subprocess.CompletedProcess) -> str:
    """No traceback, no internal error; returns stderr as text."""
    stderr = proc.stderr.decode("utf-8", "replace")
    for word in NEVER:
        assert word not in stderr, stderr
    return stderr


# --- inputs -----------------------------------------------------------------------------

def billion_laughs() -> bytes:
    lines = [b"version: 1", b"a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        refs = ", ".join([f"*{prev}"] * 10).encode()
        lines.append(f"{name}: &{name} [".encode() + refs + b"]")
    return b"\n".join(lines) + b"\n"


def block_nesting(depth: int) -> bytes:
    return b"version: 1\n" + b"".join(b"  " * i + b"k%d:\n" % i for i in range(depth))


def one_line_accounts(count: int) -> bytes:
    items = b", ".join(b"{id: a%d, network: x, handle: h%d}" % (i, i) for i in range(count))
    return b"version: 1\naccounts: [" + items + b"]\n"


OWNED = (b"version: 1\npeople:\n  - {id: maria, name: Maria, active: true}\naccounts:\n"
         b"  - {id: ig, network: instagram, handle: acme, owner: maria, purpose: Sell beans.,"
         b" last_post: 2026-11-20, %s}\n")
"""One sound account with one extra key spliced in (the key is at line 5)."""


@dataclass(frozen=True)
class Case:
    name: str
    data: bytes | Callable[[], bytes]
    status: int
    stderr: str = ""  # unusable file: a fragment of its one stderr line
    at: tuple[int, int] | None = None  # unusable file: where the message points
    findings: tuple[tuple[str, int | None, str], ...] = ()  # (rule, line, message fragment)
    absent: tuple[tuple[str, str], ...] = ()  # (rule, message fragment) that must not appear
    args: tuple[str, ...] = ()
    bug: str | None = None  # a real bug: the case is expected to fail until it is fixed
    durable: bool = False  # the case needs the durable-rules back end

    def content(self) -> bytes:
        return self.data() if callable(self.data) else self.data


CASES = [
    # --- files that cannot be linted: one line on stderr, exit 2 ---
    Case("alias-bomb", billion_laughs, 2, "alias expansion exceeds", at=(6, 36)),
    Case("flow-nesting-10000", b"version: 1\nx: " + b"[" * 10_000 + b"]" * 10_000 + b"\n", 2,
         "could not parse YAML: exceeded maximum nesting depth"),
    Case("block-nesting-3000", lambda: block_nesting(3000), 2, "nesting deeper than 200 levels",
         at=(202, 401)),
    Case("png-header", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01", 2,
         "binary file (contains NUL bytes)"),
    Case("nul-bytes", b"version: 1\naccounts: [\0]\n", 2, "binary file (contains NUL bytes)",
         at=(2, 12)),
    Case("latin-1", "version: 1\norganisation:\n  name: Caf\u00e9\n".encode("latin-1"), 2,
         "not UTF-8: invalid byte 0xe9", at=(3, 12)),
    Case("utf-16-le-bom", "version: 1\n".encode("utf-16"), 2, "UTF-16", at=(1, 1)),
    Case("utf-16-be-bom", b"\xfe\xff" + "version: 1\n".encode("utf-16-be"), 2, "UTF-16",
         at=(1, 1)),
    Case("two-documents", b"version: 1\n---\nversion: 1\n", 2,
         "more than one YAML document", at=(2, 1)),
    Case("python-object-tag", b"version: 1\nx: !!python/object:os.system {}\n", 2,
         "tag !!python/object:os.system is not allowed", at=(2, 4)),
    Case("python-name-tag", b"version: 1\nx: !!python/name:os.system ''\n", 2,
         "tag !!python/name:os.system is not allowed", at=(2, 4)),
    Case("python-apply-tag", b"version: 1\nx: !!python/object/apply:os.system [ls]\n", 2,
         "is not allowed", at=(2, 4)),
    Case("local-tag", b"version: 1\nx: !custom 3\n", 2, "tag !custom is not allowed",
         at=(2, 4)),
    Case("top-level-list", b"- version: 1\n", 2, "the top level is a list", at=(1, 1)),
    Case("top-level-scalar", b"hello\n", 2, "the top level is a single value", at=(1, 1)),
    Case("version-2", b"version: 2\n", 2, "format version 2 is not supported", at=(1, 1)),
    Case("version-string", b'version: "1"\n', 2, "version should be the number 1, got string",
         at=(1, 1)),
    Case("version-float", b"# a comment\nversion: 1.0\n", 2,
         "version should be the number 1, got number 1.0", at=(2, 1)),
    Case("version-bool", b"version: true\n", 2, "got boolean true", at=(1, 1)),
    Case("tab-indentation", b"version: 1\naudit:\n\treviewer: a\n", 2,
         "could not parse YAML: found character that cannot start any token", at=(3, 1)),
    Case("unclosed-flow", b"version: 1\naccounts: [a, b\n", 2, "could not parse YAML"),
    Case("undefined-alias", b"version: 1\naccounts: [*nope]\n", 2,
         "alias *nope has no anchor &nope", at=(2, 12)),
    Case("alias-to-itself", b"version: 1\naccounts: &x\n  - {<<: *x}\n", 2,
         "alias *x refers to a collection that contains it", at=(3, 10)),
    Case("control-character", b"version: 1\nx: \x07\n", 2,
         "control characters are not allowed", at=(2, 4)),
    Case("bad-unicode-escape", b'version: 1\nx: "\\ud800"\n', 2,
         "invalid Unicode character escape", at=(2, 7)),

    # --- files that can be linted: findings, exit 0 or 1 ---
    Case("utf-8-bom", b"\xef\xbb\xbfversion: 1\nfoo: 1\n", 0,
         findings=(("SMP005", 2, "key 'foo' is not part of format version 1"),)),
    Case("empty-file", b"", 1, findings=(("SMP007", 1, "the plan is empty"),)),
    Case("comment-only", b"# nothing yet\n   # still nothing\n", 1,
         findings=(("SMP007", 1, "the plan is empty"),)),
    Case("missing-version", b"organisation: {name: Acme}\n", 1,
         findings=(("SMP008", 1, "missing 'version: 1'"),)),
    Case("five-megabyte-line",
         lambda: b"version: 1\nobjectives:\n  - id: o\n    statement: " + b"a" * 5_000_000
         + b"\nnote: after\n", 0,
         findings=(("SMP005", 5, "key 'note'"),)),
    Case("accounts-is-a-string", b"version: 1\naccounts: x\n", 1,
         findings=(("SMP003", 2, "accounts should be a list, got string 'x'"),)),
    Case("account-is-a-list", b"version: 1\naccounts:\n  - [a, b]\n", 1,
         findings=(("SMP003", 3, "account should be a mapping, got a list"),)),
    Case("wrong-types-in-an-account",
         b"version: 1\naccounts:\n  - id: a\n    network: instagram\n    handle: a\n"
         b"    followers: many\n    verified: perhaps\n    last_post: 20261120\n", 1,
         findings=(("SMP003", 6, "followers should be an integer, got string 'many'"),
                   ("SMP003", 7, "verified should be true or false, got string 'perhaps'"),
                   ("SMP003", 8, "last_post should be a date (YYYY-MM-DD), got integer"))),
    Case("wrong-types-everywhere", (FIXTURES / "wrong-types.smplan.yaml").read_bytes(), 1,
         findings=(("SMP003", 5, "name should be a string"),
                   ("SMP006", 21, "'2026-02-30' is not a valid date"),
                   ("SMP003", 22, "account should be a mapping, got null"))),
    Case("null-account", b"version: 1\naccounts: [null]\n", 1,
         findings=(("SMP003", 2, "account should be a mapping, got null"),)),
    Case("tilde-person", b"version: 1\npeople:\n  - ~\n", 1,
         findings=(("SMP003", 3, "person should be a mapping, got null"),)),
    Case("february-30", b"version: 1\naudit:\n  last_reviewed: 2026-02-30\n", 1,
         findings=(("SMP006", 3, "last_reviewed '2026-02-30' is not a valid date"),)),
    Case("month-13", b"version: 1\naudit:\n  last_reviewed: 2026-13-01\n", 1,
         findings=(("SMP006", 3, "last_reviewed '2026-13-01' is not a valid date"),)),
    Case("negative-and-zero",
         b"version: 1\naccounts:\n  - {id: a, network: x, handle: a, followers: -5}\n"
         b"audit: {review_every_days: 0}\n", 1,
         findings=(("SMP006", 3, "followers -5 must be at least 0"),
                   ("SMP006", 4, "review_every_days 0 must be at least 1"))),
    Case("year-one-and-year-9999",
         b"version: 1\naudit: {last_reviewed: 0001-01-01, review_every_days: 99999999999}\n"
         b"accounts:\n  - {id: a, network: x, handle: a, last_post: 0001-01-01}\n"
         b"goals:\n  - {id: g, account: a, statement: x, deadline: 9999-12-31}\n", 1,
         findings=(("SMP205", 4, "last posted on 0001-01-01"),)),
    Case("non-finite-metric-targets",
         b"version: 1\ngoals:\n  - {id: g, metrics: [null, {target: .nan}, {target: .inf}]}\n",
         1, findings=(("SMP003", 3, "metric should be a mapping, got null"),
                      ("SMP006", 3, "target nan is not a finite number"),
                      ("SMP006", 3, "target inf is not a finite number"))),
    Case("duplicate-keys",
         b"version: 1\naudit:\n  reviewer: a\n  reviewer: b\nversion: 1\n", 1,
         findings=(("SMP001", 4, "duplicate key 'reviewer' (first at line 3)"),
                   ("SMP001", 5, "duplicate key 'version' (first at line 1)"))),
    Case("duplicate-ids", b"version: 1\npeople:\n  - {id: a}\n  - {id: a}\n", 1,
         findings=(("SMP002", 4, "duplicate id 'a'"),)),
    Case("unknown-key-and-typo", b"version: 1\nbudget: 5\naccounts:\n  - {id: a, ownr: x}\n", 1,
         findings=(("SMP005", 2, "key 'budget' is not part of format version 1"),
                   ("SMP004", 4, "unknown key 'ownr' (did you mean 'owner'?)"))),
    Case("keys-that-are-not-strings", b"version: 1\n1: x\n? [a, b]: c\nyes: no\n", 1,
         findings=(("SMP003", 2, "key 1 is not a string"),
                   ("SMP003", 3, "is not a string (it is a mapping)"),
                   ("SMP003", 4, "key yes is not a string (YAML reads it as a boolean)"))),
    Case("list-as-implicit-key", b"version: 1\n[a, b]: c\n", 1,
         findings=(("SMP003", 2, "is not a string (it is a list)"),)),
    Case("crlf-line-endings",
         b"version: 1\r\naudit:\r\n  reviewer: a\r\n  reviewer: b\r\n"
         b"accounts:\r\n  - {id: a, followers: many}\r\n", 1,
         findings=(("SMP001", 4, "duplicate key 'reviewer' (first at line 3)"),
                   ("SMP003", 6, "followers should be an integer"))),
    Case("cr-only-line-endings", b"version: 1\raudit:\r  reviewer: a\r  reviewer: b\r", 1,
         findings=(("SMP001", 4, "duplicate key 'reviewer' (first at line 3)"),)),
    Case("nul-escapes-in-strings",
         b'version: 1\naccounts:\n  - {id: "a\\0b", network: x, handle: "ac\\0me", note: "\\0"}\n',
         1, findings=(("SMP201", 3, "account @ac\x00me has no owner"),)),
    Case("lint-ignore-of-every-wrong-shape",
         b"version: 1\nlint-ignore: 5\naccounts:\n  - {id: a, lint-ignore: [x]}\n"
         b"  - {id: b, lint-ignore: {SMP201: {until: soon}}}\n"
         b"  - {id: c, lint-ignore: {null: x, SMP999: y}}\n", 1,
         findings=(("SMP003", 2, "lint-ignore should be a mapping, got integer 5"),
                   ("SMP003", 4, "lint-ignore should be a mapping, got a list"),
                   ("SMP006", 5, "until 'soon' is not a valid date"),
                   ("SMP010", 6, "lint-ignore names unknown rule 'SMP999'"))),
    Case("bad-merge-source",
         b"version: 1\nbase: &b {network: x, handle: acme}\naccounts:\n"
         b"  - {<<: *b, id: a}\n  - {<<: [*b, 5], id: b}\n", 1,
         findings=(("SMP003", 5, "a merge key (<<) should be a mapping or a list of mappings"),)),
    Case("unicode-everywhere",
         "version: 1\n\u00e9t\u00e9: 1\n\U0001F600: 2\norganisation:\n"
         "  name: \"\u202e\u200f\ufeffAcme\"\n  brand_terms: [acme]\ndiscovered:\n"
         "  - {network: x, handle: \"\u0430\u0441m\u0435\u200b\", display_name: Acme}\n".encode(),
         1, findings=(("SMP005", 2, "key '\u00e9t\u00e9'"), ("SMP005", 3, "key '\U0001F600'"))),
    Case("thousand-accounts-on-one-line", lambda: one_line_accounts(1000), 1,
         findings=(("SMP201", 2, "x account @h0 has no owner"),
                   ("SMP201", 2, "x account @h999 has no owner"))),

    # --- bugs these cases found, fixed: reserved fact keys, floats durable-rules cannot read ---
    Case("extra-key-infinite-float-durable", OWNED % b"score: .inf", 0,
         findings=(("SMP005", 5, "key 'score'"),), args=("--engine", "durable"), durable=True),
    Case("extra-key-large-float-durable", OWNED % b"score: 1.0e+20", 0,
         findings=(("SMP005", 5, "key 'score'"),), args=("--engine", "durable"), durable=True),
    Case("extra-key-small-float-durable", OWNED % b"score: 0.00001", 0,
         findings=(("SMP005", 5, "key 'score'"),), args=("--engine", "durable"), durable=True),
    Case("plan-level-infinite-float-durable", b"version: 1\nscore: -.inf\n", 0,
         findings=(("SMP005", 2, "key 'score'"),), args=("--engine", "durable"), durable=True),
    Case("extra-key-type-on-an-account", OWNED % b"type: goal", 0,
         findings=(("SMP005", 5, "key 'type'"),), absent=(("SMP105", "goal ig"),)),
    Case("extra-key-type-list-python", OWNED % b"type: []", 0,
         findings=(("SMP005", 5, "key 'type'"),), args=("--engine", "python")),
    Case("extra-key-type-list-durable", OWNED % b"type: []", 0,
         findings=(("SMP208", 5, "instagram account @acme"),), args=("--engine", "durable"),
         durable=True),
    Case("extra-key-type-at-top-level", b"version: 1\ntype: account\n", 0,
         findings=(("SMP005", 2, "key 'type'"),), absent=(("SMP201", "has no owner"),)),
    Case("user-key-shadows-duplicate-of", OWNED % b"duplicate_of: other", 0,
         absent=(("SMP207", "listed twice"),)),
    Case("user-key-shadows-imitates",
         b"version: 1\ndiscovered:\n  - {network: x, handle: bob, imitates: acme, "
         b"imitation_severity: error}\n", 0,
         absent=(("SMP501", "bob"),)),
    Case("user-key-shadows-goal-count", b"version: 1\ngoal_count: 10\n", 0,
         findings=(("SMP101", 1, "the plan has 0 goals"),)),
]


def _marks(case: Case) -> list[pytest.MarkDecorator]:
    marks = []
    if case.durable:
        marks.append(pytest.mark.skipif(not DURABLE, reason="durable-rules cannot be loaded"))
    if case.bug:
        marks.append(pytest.mark.xfail(strict=True, reason=case.bug))
    return marks


@pytest.fixture(scope="module")
def ran(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, object]]:
    """Every case linted once, in parallel child processes."""
    folder = tmp_path_factory.mktemp("hostile")
    paths = {}
    for case in CASES:
        path = folder / f"{case.name}.smplan.yaml"
        path.write_bytes(case.content())
        paths[case.name] = path

    def lint(case: Case) -> object:
        try:
            return run(paths[case.name], args=case.args)
        except subprocess.TimeoutExpired as error:  # a hang is reported on its own case
            return error

    workers = max(2, min(8, 2 * (os.cpu_count() or 1)))
    with ThreadPoolExecutor(workers) as pool:
        done = dict(zip([c.name for c in CASES], pool.map(lint, CASES), strict=True))
    return {name: (paths[name], done[name]) for name in paths}


def test_the_catalogue_is_large_and_its_names_unique() -> None:
    assert len({case.name for case in CASES}) == len(CASES) >= 30


@pytest.mark.parametrize("case", [pytest.param(c, id=c.name, marks=_marks(c)) for c in CASES])
def test_hostile_inventory(case: Case, ran: dict) -> None:
    path, proc = ran[case.name]
    assert not isinstance(proc, subprocess.TimeoutExpired), f"hung for {WATCHDOG}s"
    stderr = assert_clean(proc)
    assert proc.returncode == case.status, stderr or proc.stdout[:2000]
    if case.status == 2:
        lines = stderr.splitlines()
        assert len(lines) == 1, stderr  # one clear message
        where = f"{path}:{case.at[0]}:{case.at[1]}: error: " if case.at else f"{path}:"
        assert lines[0].startswith(where), lines[0]
        assert case.stderr in lines[0]
        return
    assert stderr == ""
    findings = json.loads(proc.stdout)["findings"]
    for rule, line, fragment in case.findings:
        assert any(f["rule"] == rule and fragment in f["message"]
                   and (line is None or f["line"] == line) for f in findings), (
            rule, line, fragment, [(f["rule"], f["line"], f["message"]) for f in findings])
    for rule, fragment in case.absent:
        wrong = [f for f in findings if f["rule"] == rule and fragment in f["message"]]
        assert not wrong, wrong
    assert all(f["file"] == str(path) and f["line"] >= 1 and f["column"] >= 1 for f in findings)


# --- things that are not one file ---------------------------------------------------------

def _one_gib() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


def test_an_alias_bomb_is_refused_within_one_gib_of_memory(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.smplan.yaml"
    # one level more than the catalogue's: 10^10 strings if anything expanded it
    bomb.write_bytes(billion_laughs() + b"j: &j [" + b", ".join([b"*i"] * 10) + b"]\n")
    proc = run(bomb, preexec_fn=_one_gib)
    stderr = assert_clean(proc)
    assert proc.returncode == 2
    assert stderr.startswith(f"{bomb}:6:36: error: alias expansion exceeds")
    assert "MemoryError" not in stderr


def test_the_same_limit_leaves_room_for_a_healthy_plan() -> None:
    """The memory limit above is no trick: an ordinary lint fits in it."""
    proc = run(FIXTURES / "healthy.smplan.yaml", preexec_fn=_one_gib)
    assert_clean(proc)
    assert proc.returncode == 0


def test_one_bad_file_does_not_stop_the_others_and_the_highest_status_wins(
        tmp_path: Path) -> None:
    binary = tmp_path / "binary.smplan.yaml"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\0\0")
    tagged = tmp_path / "tagged.smplan.yaml"
    tagged.write_bytes(b"version: 1\nx: !!python/name:os.system ''\n")
    healthy = FIXTURES / "healthy.smplan.yaml"
    touched = tmp_path / "touched.smplan.yaml"  # the healthy plan with one duplicate key
    touched.write_bytes(healthy.read_bytes() + b"version: 1\n")

    proc = run(binary, healthy, tagged, touched)
    stderr = assert_clean(proc)
    assert proc.returncode == 2  # unusable (2) beats the error finding (1)
    assert stderr.splitlines() == [
        f"{binary}:3:1: error: binary file (contains NUL bytes)",
        f"{tagged}:2:4: error: tag !!python/name:os.system is not allowed "
        "(only the standard YAML tags are)",
    ]
    findings = json.loads(proc.stdout)["findings"]
    assert [(f["file"], f["rule"], f["line"]) for f in findings] == [(str(touched), "SMP001", 97)]

    # alone, each of the other two gives its own status
    assert run(healthy).returncode == 0
    assert run(touched).returncode == 1


def test_a_hostile_file_found_in_a_folder_is_reported_and_the_rest_linted(
        tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "failing.smplan.yaml", tmp_path / "a.smplan.yaml")
    (tmp_path / "b.smplan.yaml").write_bytes("version: 1\nname: Caf\u00e9\n".encode("latin-1"))
    proc = run(tmp_path)
    stderr = assert_clean(proc)
    assert proc.returncode == 2
    assert stderr.splitlines() == [f"{tmp_path}/b.smplan.yaml:2:10: error: not UTF-8: "
                                   "invalid byte 0xe9"]
    findings = json.loads(proc.stdout)["findings"]
    assert findings and {f["file"] for f in findings} == {f"{tmp_path}/a.smplan.yaml"}


def test_a_folder_without_inventories_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("nothing to lint\n")
    proc = run(tmp_path)
    stderr = assert_clean(proc)
    assert proc.returncode == 2
    assert stderr.splitlines() == [
        f"{tmp_path}: error: no inventory found in this folder (looked for *.smplan.yaml, "
        "*.smplan.yml, inventory.yaml, inventory.yml)"]


def test_a_missing_file_is_one_line_and_the_others_are_still_linted(tmp_path: Path) -> None:
    missing = tmp_path / "gone.smplan.yaml"
    proc = run(missing, FIXTURES / "failing.smplan.yaml")
    stderr = assert_clean(proc)
    assert proc.returncode == 2
    assert stderr.splitlines() == [f"{missing}: error: cannot read: No such file or directory"]
    assert json.loads(proc.stdout)["findings"]


def test_a_file_without_read_permission_is_one_line(tmp_path: Path) -> None:
    locked = tmp_path / "locked.smplan.yaml"
    locked.write_bytes(b"version: 1\n")
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):
            pytest.skip("running as a user who can read any file (root)")
        proc = run(locked)
    finally:
        locked.chmod(0o600)
    stderr = assert_clean(proc)
    assert proc.returncode == 2
    assert stderr.splitlines() == [f"{locked}: error: cannot read: Permission denied"]


def test_a_directory_named_like_an_inventory_is_an_error_not_a_crash(tmp_path: Path) -> None:
    """`x.smplan.yaml/` is a folder: searched, and it holds nothing to lint."""
    folder = tmp_path / "x.smplan.yaml"
    folder.mkdir()
    proc = run(folder)
    stderr = assert_clean(proc)
    assert proc.returncode == 2
    assert stderr.startswith(f"{folder}: error: no inventory found in this folder")


def test_standard_input_gets_the_same_treatment() -> None:
    proc = subprocess.run(command("-"), input=b"version: 1\nx: !!python/object:os.system {}\n",
                          capture_output=True, timeout=WATCHDOG)
    stderr = assert_clean(proc)
    assert proc.returncode == 2
    assert stderr == "-:2:4: error: tag !!python/object:os.system is not allowed " \
                     "(only the standard YAML tags are)\n"
