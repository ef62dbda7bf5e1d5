"""Answers kept between runs, so that linting a plan again reads no sentence twice.

Reading goal sentences and judging discovered profiles are pure functions of
their text and of this package's code and data, and on a cold start they cost
more than everything else: the goal vocabulary's regular expressions must be
compiled before the first sentence is read. Their answers are kept as JSON
files under the user's cache folder, ``$XDG_CACHE_HOME/smplan-lint`` (by
default ``~/.cache/smplan-lint``), never inside a repository, keyed by digests
of the questions. Each file's name carries a
fingerprint of the package (its version, and the size and time of every file
of its judgement code and data), so an upgrade or an edit starts afresh and
files no run has written for 30 days are removed. (Not at once: a machine often
has two installs of one version, a pre-commit environment and a developer's, each
with its own fingerprint, and each would delete the other's answers.)

The command line turns the cache on (`--no-cache`, or the environment variable
SMPLAN_LINT_NO_CACHE set to anything but 0, turns it off); a library caller
writes nothing unless it calls `enable`. A folder that cannot be written, or a
damaged file, is passed over: the answers are then worked out again.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from pathlib import Path
from typing import Any

ENVIRONMENT_OFF = "SMPLAN_LINT_NO_CACHE"
MAX_ENTRIES = 20_000
"""Answers kept per kind; beyond it the oldest are dropped when the file is written."""
MAX_FILE_SIZE = 16 * 1024 * 1024
UNUSED_DAYS = 30
"""A file of another fingerprint no run has written for this long is removed."""
MISSING: Any = object()
"""What `Store.get` returns for a question not answered before (None is an answer)."""

_PACKAGE = Path(__file__).resolve().parent
_JUDGEMENT = (_PACKAGE / "derive", _PACKAGE / "data")


class Store:
    """One kind of answer (goal readings, verdicts), read on first use; `save`
    writes it back when it gained answers."""

    def __init__(self, folder: Path, kind: str) -> None:
        self.folder, self.kind = folder, kind
        self.path = folder / f"{kind}-{fingerprint()}.json"
        self._answers: dict[str, Any] | None = None
        self._gained = False

    def get(self, key: str) -> Any:
        return self._load().get(key, MISSING)

    def put(self, key: str, answer: Any) -> None:
        self._load()[key] = answer
        self._gained = True

    def save(self) -> None:
        """Write the answers if they grew; a cache that cannot be written is no error."""
        if not self._gained or self._answers is None:
            return
        from smplan_lint.safe_io import FileRefused, write_atomic

        answers = self._answers
        kept = dict(list(answers.items())[-MAX_ENTRIES:]) if len(answers) > MAX_ENTRIES else answers
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            write_atomic(self.path, json.dumps(kept, ensure_ascii=False, separators=(",", ":")))
            unused_since = time.time() - UNUSED_DAYS * 86400
            for other in self.folder.glob(f"{self.kind}-*.json"):
                if other != self.path and other.stat().st_mtime < unused_since:
                    other.unlink(missing_ok=True)
        except (OSError, FileRefused):
            return
        self._gained = False

    def _load(self) -> dict[str, Any]:
        if self._answers is None:
            self._answers = _read(self.path)
        return self._answers


def _read(path: Path) -> dict[str, Any]:
    from smplan_lint.safe_io import FileRefused, read_bounded

    try:
        answers = json.loads(read_bounded(path, MAX_FILE_SIZE))
    except (FileRefused, ValueError):  # none yet, unreadable or damaged: start afresh
        return {}
    return answers if isinstance(answers, dict) else {}


_folder: Path | None = None
_stores: dict[str, Store] = {}


def enable(folder: Path | None = None) -> None:
    """Keep answers in `folder` (default: `default_folder()`) from now on in this
    process, unless the environment turns the cache off."""
    global _folder
    if os.environ.get(ENVIRONMENT_OFF, "0") not in ("", "0"):
        return
    _folder = folder or default_folder()
    _stores.clear()


def disable() -> None:
    global _folder
    _folder = None
    _stores.clear()


def default_folder() -> Path:
    """`$XDG_CACHE_HOME/smplan-lint`; a relative XDG_CACHE_HOME is ignored, as the XDG
    specification says."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    return (Path(base) if os.path.isabs(base) else Path.home() / ".cache") / "smplan-lint"


def store(kind: str) -> Store | None:
    """The store of one kind of answer, or None while the cache is off."""
    if _folder is None:
        return None
    if kind not in _stores:
        _stores[kind] = Store(_folder, kind)
    return _stores[kind]


def key(question: str) -> str:
    """The key of a question written out as text: its digest."""
    return hashlib.blake2b(question.encode("utf-8", "surrogatepass"),
                           digest_size=16).hexdigest()


_fingerprint: str | None = None


def fingerprint() -> str:
    """The package version and the size and time of each file of judgement code and data."""
    global _fingerprint
    if _fingerprint is None:
        from smplan_lint import __version__

        skip = len(str(_PACKAGE))  # paths within the package, wherever it is
        stats = [(path[skip:], size, written) for folder in _JUDGEMENT
                 for path, size, written in _stats(str(folder))]
        digest = hashlib.blake2b(repr(stats).encode(), digest_size=6).hexdigest()
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
