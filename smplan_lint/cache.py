"""Answers kept between runs, so that linting a plan again reads no sentence twice.

Reading goal sentences and judging discovered profiles are pure functions of
their text and of this package's code and data, and on a cold start they cost
more than everything else: the goal vocabulary's regular expressions must be
compiled before the first sentence is read. Their answers are kept as JSON
files under the user's cache folder, ``$XDG_CACHE_HOME/smplan-lint`` (by
default ``~/.cache/smplan-lint``), never inside a repository, keyed by digests
of the questions.

A file holds one kind of answer for one plan (by its absolute path): the answers
the plan's last run used. So a run reads no more than its own plan asks, however
many plans the machine has linted (one file for everything made a 50-account
plan's run a sixth slower once a 10,000-account plan had filled it), and a file
never grows past its plan. Each file's name also carries a fingerprint of the
package (its version, and the size and time of every file of its judgement code
and data), so an upgrade or an edit starts afresh. Files no run has used for 30
days are removed. (Not at once: a machine often has two installs of one version,
a pre-commit environment and a developer's, each with its own fingerprint, and
each would delete the other's answers.)

The command line turns the cache on (`--no-cache`, or the environment variable
SMPLAN_LINT_NO_CACHE set to anything but 0, turns it off) and looks answers up
while it lints a plan (`kept_for`); a library caller writes nothing unless it does
both. A folder that cannot be written, or a damaged file, is passed over: the
answers are then worked out again.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, suppress
from typing import Any

from smplan_lint.digests import blake2b

ENVIRONMENT_OFF = "SMPLAN_LINT_NO_CACHE"
MAX_ENTRIES = 200_000
"""Answers kept per file (a plan's questions of one kind); beyond it the rest are not."""
MAX_FILE_SIZE = 64 * 1024 * 1024
UNUSED_DAYS = 30
"""A file no run has used for this long is removed."""
PATTERNS = ".patterns"
"""The suffix of the files of compiled patterns kept beside the answers (pattern_cache.py)."""
MODULES = ".modules"
"""The suffix of the files of the package's compiled modules (module_cache.py)."""
MISSING: Any = object()
"""What `Store.get` returns for a question not answered before (None is an answer)."""

_PACKAGE = os.path.dirname(os.path.realpath(__file__))
_JUDGEMENT = (os.path.join(_PACKAGE, "derive"), os.path.join(_PACKAGE, "data"))
_DAY = 86400


class Store:
    """One kind of answer (goal readings, verdicts) for one plan, read on first use;
    `save` writes the answers this run used when they are not what the file holds."""

    def __init__(self, folder: str, kind: str, plan: str) -> None:
        self.folder = folder
        self.path = os.path.join(folder, f"{kind}-{fingerprint()}-{plan}.json")
        self._kept: dict[str, Any] | None = None
        self._used: dict[str, Any] = {}

    def get(self, key: str) -> Any:
        answer = self._load().get(key, MISSING)
        if answer is not MISSING:
            self._used[key] = answer
        return answer

    def put(self, key: str, answer: Any) -> None:
        self._used[key] = answer

    def save(self) -> None:
        """Write the answers used, if the file holds others; a file that holds just
        them is marked as used instead (so it outlives UNUSED_DAYS), at most once a
        day. A cache that cannot be written is no error."""
        if self._kept is None:
            return
        import json  # where used: pattern_cache imports this module before json's patterns

        from smplan_lint.safe_io import FileRefused, write_atomic

        try:
            if self._used == self._kept:
                mark_used(self.path)
                return
            used = self._used
            kept = dict(list(used.items())[:MAX_ENTRIES]) if len(used) > MAX_ENTRIES else used
            os.makedirs(self.folder, exist_ok=True)
            write_atomic(self.path, json.dumps(kept, ensure_ascii=False, separators=(",", ":")))
            unused_since = time.time() - UNUSED_DAYS * _DAY
            with os.scandir(self.folder) as others:
                for other in others:
                    if (other.name.endswith((".json", PATTERNS, MODULES))
                            and other.path != self.path
                            and other.stat().st_mtime < unused_since):
                        with suppress(FileNotFoundError):  # another run removed it first
                            os.unlink(other.path)
        except (OSError, FileRefused):
            return

    def _load(self) -> dict[str, Any]:
        if self._kept is None:
            self._kept = _read(self.path)
        return self._kept


def _read(path: str) -> dict[str, Any]:
    import json

    from smplan_lint.safe_io import FileRefused, read_bounded

    try:
        answers = json.loads(read_bounded(path, MAX_FILE_SIZE))
    except (FileRefused, ValueError):  # none yet, unreadable or damaged: start afresh
        return {}
    return answers if isinstance(answers, dict) else {}


_folder: str | None = None
_plan: str | None = None
_stores: dict[str, Store] = {}


def enable(folder: str | os.PathLike[str] | None = None) -> None:
    """Keep answers in `folder` (default: `default_folder()`) from now on in this
    process, unless the environment turns the cache off."""
    global _folder
    if turned_off(os.environ):
        return
    _folder = os.fspath(folder) if folder else default_folder()
    _stores.clear()


def turned_off(environ: Mapping[str, str]) -> bool:
    """Whether the environment turns the cache off (ENVIRONMENT_OFF set, and not to 0)."""
    return environ.get(ENVIRONMENT_OFF, "0") not in ("", "0")


def mark_used(path: str) -> None:
    """Note that a run used the file (at most once a day), so that it outlives
    UNUSED_DAYS; raises OSError as os.stat does."""
    if os.stat(path).st_mtime < time.time() - _DAY:
        os.utime(path)


def disable() -> None:
    global _folder
    _folder = None
    _stores.clear()


@contextmanager
def kept_for(plan: str) -> Iterator[None]:
    """Answers looked up inside are this plan's (a path): read from its files, and
    those used written back at the end."""
    global _plan
    _plan = key(os.path.abspath(plan))[:16] if _folder is not None else None
    try:
        yield
    finally:
        for store in _stores.values():
            store.save()
        _stores.clear()
        _plan = None


def default_folder() -> str:
    """`$XDG_CACHE_HOME/smplan-lint`; a relative XDG_CACHE_HOME is ignored, as the XDG
    specification says."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):
        base = os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "smplan-lint")


def store(kind: str) -> Store | None:
    """The store of one kind of answer for the plan being linted, or None while the
    cache is off or no plan is (see `kept_for`)."""
    if _folder is None or _plan is None:
        return None
    if kind not in _stores:
        _stores[kind] = Store(_folder, kind, _plan)
    return _stores[kind]


def key(question: str) -> str:
    """The key of a question written out as text: its digest."""
    return str(blake2b(question.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest())


_fingerprint: str | None = None


def fingerprint() -> str:
    """The package version and the size and time of each file of judgement code and data."""
    global _fingerprint
    if _fingerprint is None:
        from smplan_lint import __version__

        skip = len(_PACKAGE)  # paths within the package, wherever it is
        stats = [(path[skip:], size, written) for folder in _JUDGEMENT
                 for path, size, written in _stats(folder)]
        digest = blake2b(repr(stats).encode(), digest_size=6).hexdigest()
        _fingerprint = f"{__version__}-{digest}"
    return _fingerprint


def _stats(folder: str) -> list[tuple[str, int, int]]:
    """(path, size, time) of each source or data file under `folder` (os.scandir: a
    pathlib walk cost a few milliseconds of every start)."""
    found = []
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir() and entry.name != "__pycache__":
                found.extend(_stats(entry.path))
            elif entry.name.endswith((".py", ".yaml", ".json", ".txt")):
                info = entry.stat()
                found.append((entry.path, info.st_size, info.st_mtime_ns))
    return sorted(found)
