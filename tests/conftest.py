"""Shared helpers: lint text or files the way the command line does."""

from __future__ import annotations

import datetime
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
TODAY = datetime.date(2026, 11, 27)


@pytest.fixture(scope="session")
def _answer_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("xdg-cache")


@pytest.fixture(autouse=True)
def _cache_outside_home(_answer_cache: Path, monkeypatch: pytest.MonkeyPatch):
    """Answers and compiled patterns kept between runs go to a folder of the test
    session, never the user's ~/.cache; in-process runs turn the cache on, so it is
    turned off after each test."""
    from smplan_lint import cache

    monkeypatch.setenv("XDG_CACHE_HOME", str(_answer_cache))
    yield
    cache.disable()


def _durable_loads() -> bool:
    from smplan_lint.engine import EngineUnavailable, backend

    try:
        backend("durable")
    except EngineUnavailable:
        return False
    return True


DURABLE = _durable_loads()
needs_durable = pytest.mark.skipif(
    not DURABLE, reason="durable-rules cannot be loaded on this interpreter (Python 3.13+)")


@pytest.fixture(params=[pytest.param("durable", marks=needs_durable), "python"])
def engine_name(request: pytest.FixtureRequest) -> str:
    return request.param


def run_cli(*args: str, cwd: Path | None = None, input: bytes | None = None,
            env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """The real command in a child process: exit codes and stderr as a user sees them.

    No run may crash: whatever a test gives it, a traceback or an "internal error"
    fails the test (a test that checks only a substring of the message would pass)."""
    done = subprocess.run([sys.executable, "-m", "smplan_lint", *args], cwd=cwd, input=input,
                          capture_output=True, env=env, timeout=120)
    assert b"internal error" not in done.stderr and b"Traceback" not in done.stderr, \
        done.stderr.decode(errors="replace")
    return done


def modules_after_run(*args: str, forget: tuple[str, ...] = ()) -> set[str]:
    """The modules a whole run of the command line (in a fresh interpreter) imported.

    Modules named in `forget` are dropped from `sys.modules` first, for the run to show
    whether it imports them itself (an editable install's finder imports pathlib at the
    interpreter's start, say)."""
    code = ("import sys, io, contextlib\n"
            f"for name in {list(forget)!r}:\n    sys.modules.pop(name, None)\n"
            "before = set(sys.modules)\n"
            "from smplan_lint.cli import main\n"
            "with contextlib.suppress(SystemExit), contextlib.redirect_stdout(io.StringIO()):\n"
            f"    main({list(args)!r})\n"
            "print(' '.join(set(sys.modules) - before))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    return set(done.stdout.split())


SARIF_SCHEMA = Path(__file__).resolve().parent / "contracts" / "sarif-schema-2.1.0.json"


def sarif_validator():
    """The official SARIF 2.1.0 schema (kept in tests/contracts/), as a validator."""
    import json

    import jsonschema

    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    # The official file declares draft-04; pick the validator its $schema names.
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema)
