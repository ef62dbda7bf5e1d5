"""Regular expressions compiled by an earlier run, handed to `re` before anyone asks.

A lint compiles some fifty patterns before it reads a plan: PyYAML's reader alone,
one character class spanning all of Unicode, takes several milliseconds, and
platform (which click imports), textwrap, tabulate, json and ours the rest; a tenth
of a short run in all. A compiled pattern cannot be stored (unpickling compiles it
again), but `re` compiles in two steps: the pattern to a program, a list of
integers (in Python: the slow step), then the program to a pattern object
(`_sre.compile`, in C: a few microseconds). So the console script keeps each
program, and the next start builds the patterns from them and puts them in `re`'s
own cache, where `re.compile` finds them. A program is kept only if the pattern it
builds equals (`==` compares programs) the one `re.compile` gave.

Patterns the goal reader and the impersonation judge build from a plan's sentences
and profiles (`not_kept`) are left out: they differ from plan to plan, and their
answers are kept already (cache.py), so a later run seldom builds them again.

This leans on CPython's `re` internals (`re._cache`, `re._parser.parse`,
`re._compiler._code`), so anything unexpected means the patterns are compiled as
usual: another implementation or version, a damaged file (a checksum covers it).
One file per interpreter build, since programs change between versions, in the
answers' cache folder; `--no-cache` and SMPLAN_LINT_NO_CACHE turn it off too.
"""

from __future__ import annotations

import _sre
import marshal
import os
import re
import sys
import zlib
from array import array
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

from smplan_lint import cache

MAX_PATTERNS = 512
"""Programs kept at most (as many as `re`'s own cache holds); the oldest go first."""
MAX_FILE_SIZE = 16 * 1024 * 1024
_FORMAT = 1

Key = tuple[type, Any, int]
"""How `re` caches a pattern: (str or bytes, the pattern, its flags)."""
Program = tuple[Any, ...]
"""`_sre.compile`'s arguments after the pattern: its flags, the program (as bytes of
unsigned ints: quicker to read than a list), the number of groups and their names."""


def start(argv: Sequence[str] = (), environ: Mapping[str, str] = os.environ,
          ) -> dict[Key, Program] | None:
    """Put the kept patterns in `re`'s cache. Returns what was kept, for `finish`, or
    None when the cache is off or this interpreter's programs cannot be kept."""
    if not _supported() or "--no-cache" in argv or cache.turned_off(environ):
        return None
    global _passed_over
    _passed_over = set()
    kept = _read(path())
    try:
        built = {key: _sre.compile(key[1], flags, array("I", code).tolist(), *groups)
                 for key, (flags, code, *groups) in kept.items()}
    except (TypeError, ValueError, RuntimeError, OverflowError):  # not this build's programs
        return {}
    re._cache.update(built)  # type: ignore[attr-defined]
    return kept


_passed_over: set[Key] | None = None
"""Patterns compiled inside `not_kept`, once `start` has run."""


@contextmanager
def not_kept() -> Iterator[None]:
    """Patterns first compiled inside are not kept (see the module's docstring)."""
    passed_over = _passed_over
    if passed_over is None:  # no run keeps patterns: nothing to note
        yield
        return
    before = set(re._cache)  # type: ignore[attr-defined]
    try:
        yield
    finally:
        passed_over.update(key for key in re._cache if key not in before)  # type: ignore[attr-defined]


def finish(kept: dict[Key, Program] | None) -> None:
    """Keep the programs of the patterns this run compiled that were not kept before."""
    if kept is None:
        return
    compiled = dict(re._cache)  # type: ignore[attr-defined]
    new = {key: program for key, pattern in compiled.items()
           if key not in kept and key not in (_passed_over or ())
           and (program := _program(key, pattern)) is not None}
    if not new:
        return
    programs = list({**kept, **new}.items())[-MAX_PATTERNS:]
    from smplan_lint.safe_io import FileRefused, write_atomic

    target = path()
    try:
        payload = marshal.dumps((_FORMAT, _build(), [
            (key[0] is bytes, key[1], int(key[2]), *program) for key, program in programs]))
        os.makedirs(os.path.dirname(target), exist_ok=True)
        write_atomic(target, zlib.adler32(payload).to_bytes(4, "big") + payload)
    except (ValueError, OSError, FileRefused):  # a cache that cannot be written is no error
        return


def path() -> str:
    """This interpreter build's file of programs, in the answers' cache folder."""
    digest = zlib.crc32(_build().encode()) & 0xFFFFFFFF
    return os.path.join(cache.default_folder(), f"{digest:08x}{cache.PATTERNS}")


def _supported() -> bool:
    """CPython, with the `re` cache and program words this module knows."""
    return (sys.implementation.name == "cpython" and isinstance(getattr(re, "_cache", None), dict)
            and array("I").itemsize == _sre.CODESIZE)


def _build() -> str:
    """What a program depends on: the interpreter's build and its regex engine's."""
    return f"{sys.version}|{sys.implementation.cache_tag}|{_sre.MAGIC}|{_sre.CODESIZE}"


def _program(key: Key, pattern: re.Pattern[Any]) -> Program | None:
    """The program `re` compiled `pattern` to, if it builds the very same pattern."""
    kind, source, flags = key
    try:
        parsed = re._parser.parse(source, flags)  # type: ignore[attr-defined]
        code = re._compiler._code(parsed, flags)  # type: ignore[attr-defined]
        names = dict(parsed.state.groupdict)
        by_number: list[str | None] = [None] * parsed.state.groups
        for name, number in names.items():
            by_number[number] = name
        # Plain ints: `re` may be given an int subclass as flags (3.13's re.split does).
        program = (int(flags | parsed.state.flags), array("I", code).tobytes(),
                   int(parsed.state.groups - 1), names, tuple(by_number))
        same = _sre.compile(source, program[0], list(code), *program[2:]) == pattern
        return program if kind in (str, bytes) and type(source) is kind and same else None
    except Exception:  # noqa: BLE001  (re's internals changed: keep nothing, lose nothing)
        return None


def _read(file: str) -> dict[Key, Program]:
    """The programs a file holds, if it is whole and of this build; else none."""
    from smplan_lint.safe_io import FileRefused, read_bounded

    try:
        data = read_bounded(file, MAX_FILE_SIZE)
        cache.mark_used(file)
    except (OSError, FileRefused):
        return {}
    payload = memoryview(data)[4:]
    if len(data) < 4 or zlib.adler32(payload).to_bytes(4, "big") != data[:4]:
        return {}
    try:
        version, build, entries = marshal.loads(payload)
        if version != _FORMAT or build != _build():
            return {}
        return {(bytes if is_bytes else str, source, flags): tuple(program)
                for is_bytes, source, flags, *program in entries}
    except (EOFError, ValueError, TypeError):
        return {}
