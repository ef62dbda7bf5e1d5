"""Compiled patterns kept between runs (smplan_lint/pattern_cache.py).

A pattern handed back to `re` must be the pattern `re.compile` would have made (the
same program, the same matches) without compiling it again; anything wrong with the
file, or a run with the cache off, must cost time, never a different answer.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import FIXTURES, run_cli

from smplan_lint import cache, pattern_cache

CASES = [
    # PyYAML's reader's: one class spanning all of Unicode (the slowest to compile)
    ("[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\U00010000-\U0010ffff]", 0),
    (r"(?P<year>\d{4})-(?P<month>\d\d)(?:-(\d\d))?", 0),
    (r"(?<![\w.])(?:grow|increase)\s+(?P<metric>followers?|leads)\b", re.IGNORECASE),
    (r"""(?x) ^ \s* (?P<key> [a-z_]+ ) \s* = # a key
         \s* (?P<value> .* ) $""", re.MULTILINE),
    (rb"[A-Za-z]+:\s?", 0),
    (r"(?:ab|cd)++x*+", re.ASCII),
]
TEXTS = ["Grow followers by 10% by 2027-06-30", "2026-11 and 2026-11-27", " key = value \nx=1",
         "abcdcdx héllo\x00\x1b", "ΣΑΣ increase Leads \ud7ff\ufffe"]


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv(cache.ENVIRONMENT_OFF, raising=False)
    re.purge()
    yield tmp_path / "smplan-lint"
    re.purge()  # the next test compiles its patterns as usual


def _compile_cases() -> list[re.Pattern]:
    return [re.compile(source, flags) for source, flags in CASES]


def _keep_cases() -> list[re.Pattern]:
    """A run that compiles the cases and keeps their programs, as the console script's."""
    kept = pattern_cache.start()
    patterns = _compile_cases()
    pattern_cache.finish(kept)
    re.purge()
    return patterns


def _matches(pattern: re.Pattern) -> list[object]:
    texts = [text.encode("utf-8", "surrogatepass") for text in TEXTS] \
        if isinstance(pattern.pattern, bytes) else TEXTS
    return [[(m.span(), m.groups(), m.groupdict()) for m in pattern.finditer(text)]
            for text in texts]


def test_a_kept_pattern_is_the_one_re_compiles_and_is_not_compiled_again(
        cache_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    originals = _keep_cases()
    kept = pattern_cache.start()
    assert kept is not None and {(type(s), s, f) for s, f in CASES} <= kept.keys()

    def refuse(*_args: object) -> None:
        raise AssertionError("compiled again")

    monkeypatch.setattr(re._compiler, "compile", refuse)  # type: ignore[attr-defined]
    again = _compile_cases()
    monkeypatch.undo()
    for original, pattern in zip(originals, again, strict=True):
        assert pattern == original   # the same program, flags and source
        assert (pattern.flags, pattern.groups, pattern.groupindex) == (
            original.flags, original.groups, original.groupindex)
        assert _matches(pattern) == _matches(original)


def test_a_file_is_written_only_when_a_run_compiled_something_new(cache_home: Path) -> None:
    _keep_cases()
    file = Path(pattern_cache.path())
    written = file.stat().st_mtime_ns
    pattern_cache.finish(pattern_cache.start())  # nothing new
    assert file.stat().st_mtime_ns == written
    kept = pattern_cache.start()
    re.compile(r"something (new)")
    pattern_cache.finish(kept)
    re.purge()
    assert (str, r"something (new)", 0) in (pattern_cache.start() or {})


def test_a_damaged_file_or_another_interpreters_file_is_passed_over(
        cache_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _keep_cases()
    file = Path(pattern_cache.path())
    whole = file.read_bytes()
    middle = len(whole) // 2
    flipped = whole[:middle] + bytes([whole[middle] ^ 1]) + whole[middle + 1:]
    for damaged in (whole[:middle], flipped, b"", b"\x00" * 10):
        file.write_bytes(damaged)
        assert pattern_cache.start() == {} and not re._cache  # type: ignore[attr-defined]
    pattern_cache.finish({})   # compiled nothing: nothing to write over the damage
    _keep_cases()
    assert file.read_bytes() == whole   # the next run that compiles writes it afresh
    monkeypatch.setattr(pattern_cache, "_build", lambda: "another interpreter")
    Path(pattern_cache.path()).write_bytes(whole)
    assert pattern_cache.start() == {}


def test_flags_given_as_an_int_subclass_are_kept_as_the_int(cache_home: Path) -> None:
    """Python 3.13's re.split passes a sentinel int subclass as flags, which marshal
    cannot write; the run must still end cleanly and the pattern be kept."""
    class Zero(int):
        pass

    kept = pattern_cache.start()
    re.compile(r"a/b", Zero(0))
    pattern_cache.finish(kept)
    re.purge()
    assert (str, r"a/b", 0) in (pattern_cache.start() or {})


def test_the_cache_switches_off_as_the_answers_do(cache_home: Path) -> None:
    assert pattern_cache.start(["plan.yaml", "--no-cache"]) is None
    assert pattern_cache.start(environ={cache.ENVIRONMENT_OFF: "1"}) is None
    _compile_cases()
    pattern_cache.finish(None)
    assert not cache_home.exists()


def test_the_command_line_keeps_patterns_and_reports_the_same(tmp_path: Path) -> None:
    plan = FIXTURES / "failing.smplan.yaml"
    environment = {**{k: v for k, v in os.environ.items() if k != cache.ENVIRONMENT_OFF},
                   "XDG_CACHE_HOME": str(tmp_path)}

    def lint(*extra: str) -> bytes:
        done = run_cli("--today", "2026-11-27", *extra, str(plan), env=environment, cwd=tmp_path)
        assert done.returncode == 1, done.stderr
        return bytes(done.stdout)

    expected = lint("--no-cache")
    assert not (tmp_path / "smplan-lint").exists()
    # The first run reads every sentence (and passes over the patterns that takes); a
    # pattern it first compiled there may be compiled elsewhere by the next, and kept.
    assert lint() == expected and lint() == expected
    [file] = (tmp_path / "smplan-lint").glob(f"*{cache.PATTERNS}")
    written = file.stat().st_mtime_ns
    assert lint() == expected
    assert file.stat().st_mtime_ns == written   # every pattern of the run was kept


def test_patterns_built_from_a_plans_sentences_are_not_kept(cache_home: Path) -> None:
    """They differ from plan to plan, and their answers are kept (cache.py)."""
    from smplan_lint.derive.cached import goal_readings

    kept = pattern_cache.start()
    with pattern_cache.not_kept():
        re.compile(r"built for (one|this) plan")
    before = set(re._cache)  # type: ignore[attr-defined]
    goal_readings(["Grow Instagram followers by 10% by 2027-06-30 (vs 2026).",
                   "Reach 300 newsletter sign-ups from LinkedIn each quarter of 2027."])
    built = set(re._cache) - before  # type: ignore[attr-defined]
    re.compile(r"kept for (every|each) run")
    pattern_cache.finish(kept)
    now = pattern_cache.start() or {}
    assert (str, r"kept for (every|each) run", 0) in now
    assert (str, r"built for (one|this) plan", 0) not in now
    assert built and not built & now.keys()
