"""The package's compiled modules kept in one file between runs (smplan_lint/module_cache.py).

A module handed over from the file must be the module its source compiles to; an
edited source, a damaged file or a file someone else could have written must cost
time (the usual import), never run stale or foreign code.
"""

from __future__ import annotations

import importlib
import marshal
import os
import py_compile
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import FIXTURES, run_cli

from smplan_lint import cache, module_cache

PLAN = str(FIXTURES / "failing.smplan.yaml")


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv(cache.ENVIRONMENT_OFF, raising=False)
    return tmp_path


@pytest.fixture
def demo_package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A package of two modules with timestamped bytecode files, importable as `kept_demo`."""
    folder = tmp_path / "src" / "kept_demo"
    folder.mkdir(parents=True)
    (folder / "__init__.py").write_text("NAME = 'package'\n")
    (folder / "answer.py").write_text("VALUE = 42\n")
    for source in folder.glob("*.py"):
        py_compile.compile(str(source), invalidation_mode=py_compile.PycInvalidationMode.TIMESTAMP)
    monkeypatch.syspath_prepend(str(folder.parent))
    yield folder
    for name in ("kept_demo", "kept_demo.answer"):
        sys.modules.pop(name, None)


def _kept(names: list[str], folder: Path) -> dict[str, module_cache.Entry]:
    """What a run that imported these modules from their files leaves in the kept file."""
    modules = {}
    for name in names:
        entry = module_cache._entry(importlib.import_module(name))
        assert entry is not None
        modules[name] = entry
    file = folder / f"kept{cache.MODULES}"
    file.write_bytes(module_cache._file(modules))
    return module_cache._read(str(file))


def _import_through(finder: module_cache._Finder, name: str) -> object:
    for loaded in ("kept_demo.answer", "kept_demo"):
        sys.modules.pop(loaded, None)
    sys.meta_path.insert(0, finder)
    try:
        return importlib.import_module(name)
    finally:
        sys.meta_path.remove(finder)


def test_a_kept_module_is_the_module_its_source_compiles_to(demo_package: Path,
                                                            tmp_path: Path) -> None:
    finder = module_cache._Finder(_kept(["kept_demo", "kept_demo.answer"], tmp_path))
    answer = _import_through(finder, "kept_demo.answer")
    assert type(answer.__spec__.loader).__name__ == "_Loader"  # type: ignore[attr-defined]
    assert answer.VALUE == 42  # type: ignore[attr-defined]
    assert answer.__file__ == str(demo_package / "answer.py")
    package = sys.modules["kept_demo"]
    assert package.__path__ == [str(demo_package)] and package.NAME == "package"  # type: ignore[attr-defined]


def test_an_edited_module_is_imported_from_its_source(demo_package: Path,
                                                       tmp_path: Path) -> None:
    finder = module_cache._Finder(_kept(["kept_demo", "kept_demo.answer"], tmp_path))
    (demo_package / "answer.py").write_text("VALUE = 43  # edited\n")
    answer = _import_through(finder, "kept_demo.answer")
    assert answer.VALUE == 43  # type: ignore[attr-defined]
    assert type(answer.__spec__.loader).__name__ == "SourceFileLoader"  # type: ignore[attr-defined]
    assert "kept_demo.answer" not in finder.kept  # kept afresh at the end of the run


def _lint_twice(env: dict[str, str]) -> tuple[bytes, bytes]:
    first = run_cli("--today", "2026-11-27", "--no-color", PLAN, env=env)
    second = run_cli("--today", "2026-11-27", "--no-color", PLAN, env=env)
    assert first.returncode == second.returncode == 1
    return first.stdout, second.stdout


def _user_env(home: Path) -> dict[str, str]:
    """A user's environment: bytecode files written (as an install has them), the cache on."""
    env = {key: value for key, value in os.environ.items()
           if key not in ("PYTHONDONTWRITEBYTECODE", cache.ENVIRONMENT_OFF)}
    return {**env, "XDG_CACHE_HOME": str(home)}


def _served_modules(home: Path) -> set[str]:
    """The package's modules a start in `home` takes from the kept file."""
    code = ("import sys\nfrom smplan_lint import module_cache\n"
            "module_cache.start([])\nimport smplan_lint.lint, smplan_lint.cli\n"
            "print(' '.join(name for name, module in sys.modules.items() if type(\n"
            "      getattr(getattr(module, '__spec__', None), 'loader', None)).__name__\n"
            "      == '_Loader'))\n")
    import subprocess

    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=_user_env(home), timeout=60, check=True)
    return set(done.stdout.split())


def test_a_second_run_takes_the_packages_modules_from_one_file(cache_home: Path) -> None:
    first, second = _lint_twice(_user_env(cache_home))
    assert first == second
    assert len(list((cache_home / "smplan-lint").glob(f"*{cache.MODULES}"))) == 1
    assert {"smplan_lint.lint", "smplan_lint.cli", "smplan_lint.engine"} <= \
        _served_modules(cache_home)


def test_a_kept_file_is_used_only_whole_and_private(cache_home: Path) -> None:
    _lint_twice(_user_env(cache_home))
    [kept] = (cache_home / "smplan-lint").glob(f"*{cache.MODULES}")
    kept.chmod(0o666)  # others may write it: it could hold their code
    assert not _served_modules(cache_home)
    kept.chmod(0o600)
    assert _served_modules(cache_home)
    whole = kept.read_bytes()
    served = _served_modules(cache_home)
    size = int.from_bytes(whole[4:8], "big")
    _, _, index = marshal.loads(whole[8:8 + size])
    at = 8 + size + index["smplan_lint.lint"][2] + 100  # a byte of that module's code
    kept.write_bytes(whole[:at] + bytes([whole[at] ^ 0xFF]) + whole[at + 1:])
    assert _served_modules(cache_home) == served - {"smplan_lint.lint"}
    kept.write_bytes(whole[:12] + bytes([whole[12] ^ 0xFF]) + whole[13:])  # the index
    assert not _served_modules(cache_home)


def test_no_cache_keeps_no_modules(cache_home: Path) -> None:
    env = _user_env(cache_home)
    run_cli("--today", "2026-11-27", "--no-cache", PLAN, env=env)
    run_cli("--today", "2026-11-27", PLAN, env={**env, cache.ENVIRONMENT_OFF: "1"})
    assert not list(cache_home.glob(f"**/*{cache.MODULES}"))
    assert module_cache.start(["--no-cache"]) is None
