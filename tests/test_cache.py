"""Answers kept between runs (smplan_lint/cache.py): the same findings, fewer readings.

A second lint of a plan must give the report of the first, byte for byte, without
loading the goal reader or the impersonation index; the cache lives under
XDG_CACHE_HOME, never in the repository, and anything wrong with it only costs time.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from conftest import FIXTURES, run_cli

from smplan_lint import cache

PLAN = FIXTURES / "failing.smplan.yaml"
READERS = ("smplan_lint.derive.goals.reader", "smplan_lint.derive.impersonation.index")


def _lint(tmp: Path, *extra: str, env: dict[str, str] | None = None) -> tuple[bytes, str]:
    """The JSON report, and the modules the run imported (from -X importtime)."""
    environment = {name: value for name, value in os.environ.items()
                   if name != cache.ENVIRONMENT_OFF}
    environment.update({"XDG_CACHE_HOME": str(tmp / "xdg"), **(env or {})})
    done = run_cli("--format", "json", "--today", "2026-11-27", *extra, str(PLAN),
                   env={**environment, "PYTHONPROFILEIMPORTTIME": "1"}, cwd=tmp)
    assert done.returncode == 1, done.stderr
    imported = done.stderr.decode()
    return done.stdout, imported


def _files(tmp: Path, kind: str = "*.json") -> list[Path]:
    """The answers' files (kind "*" adds the compiled patterns: test_pattern_cache.py)."""
    folder = tmp / "xdg" / "smplan-lint"
    return sorted(folder.glob(kind)) if folder.exists() else []


def test_a_second_run_reads_nothing_again_and_reports_the_same(tmp_path: Path) -> None:
    first, imported_first = _lint(tmp_path)
    assert all(reader in imported_first for reader in READERS)   # the fixture needs both
    assert {path.name.split("-0")[0] for path in _files(tmp_path)} >= {
        "goal-readings", "verdicts"}
    second, imported_second = _lint(tmp_path)
    assert second == first
    assert not [reader for reader in READERS if reader in imported_second]


def test_no_cache_and_the_environment_turn_it_off(tmp_path: Path) -> None:
    kept, _ = _lint(tmp_path, "--no-cache")
    assert _files(tmp_path, "*") == []
    off, _ = _lint(tmp_path, env={cache.ENVIRONMENT_OFF: "1"})
    assert _files(tmp_path, "*") == [] and off == kept
    on, _ = _lint(tmp_path, env={cache.ENVIRONMENT_OFF: "0"})
    assert _files(tmp_path) and on == kept


def test_nothing_is_written_beside_the_plan_or_in_the_working_folder(tmp_path: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    _lint(tmp_path)
    assert list(work.iterdir()) == []
    assert all(path.is_relative_to(tmp_path / "xdg") for path in _files(tmp_path, "*"))


def test_a_damaged_or_unwritable_cache_costs_time_not_findings(tmp_path: Path) -> None:
    expected, _ = _lint(tmp_path, "--no-cache")
    _lint(tmp_path)
    for path in _files(tmp_path):
        text = path.read_text()
        path.write_text(text[: len(text) // 2])   # cut in the middle: not JSON any more
    again, imported = _lint(tmp_path)
    assert again == expected and all(reader in imported for reader in READERS)
    assert all(isinstance(json.loads(path.read_text()), dict) for path in _files(tmp_path))
    for path in _files(tmp_path):   # answers of the wrong shape are worked out again
        path.write_text(json.dumps({key: {"odd": 1} for key in json.loads(path.read_text())}))
    assert _lint(tmp_path)[0] == expected
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder would go")
    done = run_cli("--format", "json", "--today", "2026-11-27", str(PLAN),
                   env={**os.environ, "XDG_CACHE_HOME": str(blocked)}, cwd=tmp_path)
    assert done.returncode == 1 and done.stdout == expected and not done.stderr


def test_a_new_fingerprint_starts_afresh_and_old_files_go_after_a_month(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another fingerprint may be another install in use (a pre-commit environment):
    its file stays until no run has used it for UNUSED_DAYS."""
    import time

    from smplan_lint.derive.cached import goal_readings

    sentence = "Grow followers by 10% by 2027-06-30."
    for version in ("0.1.0-old", "0.1.0-other"):
        cache.enable(tmp_path)
        monkeypatch.setattr(cache, "_fingerprint", version)
        with cache.kept_for("plan.yaml"):
            goal_readings([sentence])
    [old] = tmp_path.glob("goal-readings-0.1.0-old-*.json")
    month_ago = time.time() - (cache.UNUSED_DAYS + 1) * 86400
    os.utime(old, (month_ago, month_ago))
    cache.enable(tmp_path)
    monkeypatch.setattr(cache, "_fingerprint", "0.1.1-new")
    with cache.kept_for("plan.yaml"):
        reading = goal_readings([sentence])
    assert sorted(p.name.rsplit("-", 1)[0] for p in tmp_path.iterdir()) == [
        "goal-readings-0.1.0-other", "goal-readings-0.1.1-new"]
    assert reading[sentence].metrics == ("followers",)


def test_each_plan_reads_and_keeps_only_its_own_answers(tmp_path: Path) -> None:
    """One plan's run never pays for what other plans asked, and a plan's file holds
    what its last run used: a goal removed from the plan leaves it."""
    from smplan_lint.derive.cached import goal_readings

    def readings_file(plan: str) -> dict[str, object]:
        with cache.kept_for(plan):
            pass
        [found] = [p for p in tmp_path.iterdir() if p.name.startswith("goal-readings-")
                   and p.name.endswith(f"-{cache.key(os.path.abspath(plan))[:16]}.json")]
        return json.loads(found.read_text())

    cache.enable(tmp_path)
    big = [f"Reach {n} newsletter sign-ups from Instagram by 2027-06-30." for n in range(300)]
    with cache.kept_for("big.yaml"):
        goal_readings(big)
    small = ["Grow followers by 10% by 2027-06-30.", "Get 40 leads from LinkedIn by 2027-03-31."]
    with cache.kept_for("small.yaml"):
        goal_readings(small)
    assert len(readings_file("big.yaml")) == 300 and len(readings_file("small.yaml")) == 2
    cache.enable(tmp_path)   # a new run: the small plan lost a goal
    with cache.kept_for("small.yaml"):
        assert cache.store("goal-readings") is not None
        goal_readings(small[:1])
    assert list(readings_file("small.yaml")) == [cache.key(small[0])]
    assert len(readings_file("big.yaml")) == 300


def test_the_fingerprint_follows_the_judgement_code(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """An edited reader must not be answered from its old answers."""
    package = tmp_path / "pkg"
    for part in ("derive", "data"):
        (package / part).mkdir(parents=True)
        (package / part / "x.py").write_text("A = 1\n")
    monkeypatch.setattr(cache, "_JUDGEMENT", (str(package / "derive"), str(package / "data")))
    monkeypatch.setattr(cache, "_PACKAGE", str(package))
    monkeypatch.setattr(cache, "_fingerprint", None)
    before = cache.fingerprint()
    (package / "derive" / "x.py").write_text("A = 22\n")
    monkeypatch.setattr(cache, "_fingerprint", None)
    assert cache.fingerprint() != before


def test_answers_are_the_readers_own(tmp_path: Path) -> None:
    """Kept and read back, a reading and a verdict are the tuples the readers give."""
    from smplan_lint.derive.cached import goal_readings, verdicts
    from smplan_lint.derive.goals import read_goal
    from smplan_lint.derive.impersonation import ImpersonationIndex

    statements = ["Post 3 reels a week with 500 views each on Instagram",
                  "Get 40 qualified leads from @acme_b2b on LinkedIn by 2027-03-31."]
    brand = {"own": [("instagram", "acmecoffee")], "brand_terms": ["Acme Coffee"]}
    profiles = [("instagram", "acme.coffee_official", "Acme Coffee", None, 12, None, None),
                ("instagram", "gardening_tips", None, None, None, None, None)]
    for _ in range(2):   # worked out and kept, then read back in a new process's place
        cache.enable(tmp_path)
        with cache.kept_for("plan.yaml"):
            readings = goal_readings(statements)
            judged = verdicts(brand, profiles)
        assert readings == {s: read_goal(s) for s in statements}
        assert judged == ImpersonationIndex(**brand).assess_all(profiles)
        assert judged[0] is not None and judged[1] is None


def test_a_profile_key_holds_the_brand_digest_not_the_brand(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keys are made per profile: one that held the whole brand made a large plan's cost
    grow with profiles times own handles."""
    from smplan_lint.derive.cached import verdicts

    cache.enable(tmp_path)
    written: list[int] = []
    real = cache.key
    brand = {"own": [("instagram", f"acme_shop_{n}") for n in range(2000)],
             "brand_terms": ["Acme"]}
    profiles = [("instagram", f"someone_{n}", None, None, None, None, None) for n in range(50)]
    with cache.kept_for("plan.yaml"):
        monkeypatch.setattr(cache, "key", lambda question: written.append(len(question))
                            or real(question))
        verdicts(brand, profiles)
    assert len(written) == 1 + len(profiles)          # the brand once, then each profile
    assert written[0] > 2000 * 10 and max(written[1:]) < 200
