"""Which files a run lints: named files always, folders searched.

Nothing is skipped in silence: a folder that cannot be read, or holds no plan,
is an input error of the run, like a file that cannot be read.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence

from smplan_lint.findings import InputError

STDIN = "-"


class NothingToLint(Exception):
    """No path given and no plan in the current folder (a usage error, exit status 2)."""


def gather(paths: tuple[str, ...] | list[str],
           patterns: Callable[[str], Sequence[str]]) -> tuple[list[str], list[InputError]]:
    """(files to lint, inputs that cannot be): `patterns(folder)` says what a folder holds."""
    if not paths:
        found, errors = search(".", patterns("."))
        if not found and not errors:
            raise NothingToLint("no inventory found in the current folder (looked for "
                                + ", ".join(patterns(".")) + "); name a file to lint")
        return found, errors
    chosen: list[str] = []
    errors = []
    for path in paths:
        if path != STDIN and os.path.isdir(path):
            wanted = patterns(path)
            found, unreadable = search(path, wanted)
            errors.extend(unreadable)
            if not found and not unreadable:
                errors.append(InputError(path, None, None, "no inventory found in this folder "
                                         f"(looked for {', '.join(wanted)})"))
            chosen.extend(found)
        else:
            chosen.append(path)
    return list(dict.fromkeys(chosen)), errors


def search(folder: str, patterns: Sequence[str]) -> tuple[list[str], list[InputError]]:
    """Plans below `folder` (hidden folders skipped), and the folders that could not be read."""
    from pathlib import Path, PurePosixPath  # its glob matching; most runs name their files

    found, errors = set(), []

    def unreadable(error: OSError) -> None:
        where = Path(error.filename or folder).as_posix()
        errors.append(InputError(where, None, None,
                                 f"cannot read this folder: {error.strerror or error}"))

    for top, folders, names in os.walk(folder, onerror=unreadable):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        for name in names:
            candidate = Path(top, name)
            relative = PurePosixPath(candidate.relative_to(folder).as_posix())
            # Not only regular files: a FIFO or device named like a plan is reported, not skipped.
            if any(relative.match(pattern) for pattern in patterns) and not candidate.is_dir():
                found.add(candidate.as_posix())
    return sorted(found), errors
