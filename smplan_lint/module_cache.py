"""The package's compiled modules, read from one file instead of one file each.

A lint imports some sixty of this package's modules, and Python finds, checks and
reads each on its own: it looks the name up along the package's path, compares the
source's time stamp with the bytecode file's, and opens and reads that file. That
is 40-100 µs a module, most of it importlib's own Python code, and a twentieth of
a short run. So the console script keeps the bytecode of the modules a run
imported (the very bytes Python wrote to `__pycache__`) in one file in the answers'
cache folder, and at the next start a finder first in `sys.meta_path` hands each
module its code from there.

A module is taken from that file only while its source has the time stamp and size
its bytecode was compiled from, as Python's own check asks; otherwise, and for every
module not in the file, Python imports it as usual. The file is used only if this
user owns it and nobody else may write it (it holds code that is run) and was written
for this interpreter build and this install of the package (its name says which); a
module only if its bytes are whole (a checksum covers each, and one the index). The
file is mapped, not read: a start touches only the modules it imports. `--no-cache`
and SMPLAN_LINT_NO_CACHE turn it off.
"""

from __future__ import annotations

import importlib.util
import marshal
import mmap
import os
import stat
import sys
import zlib
from collections.abc import Mapping, Sequence
from importlib.machinery import ModuleSpec, SourceFileLoader
from types import CodeType, ModuleType

from smplan_lint import cache

PACKAGE = __name__.partition(".")[0]
MAX_FILE_SIZE = 16 * 1024 * 1024
_FORMAT = 2
_HEADER = 16  # a bytecode file's magic number, flags, source time stamp and size

Entry = tuple[str, bool, bytes | memoryview, int | None]
"""A module: its source's path, whether it is a package, its bytecode file's bytes (the
header says which source they were compiled from) and, for one read from the kept
file, their checksum, checked when it is imported."""


class _Loader(SourceFileLoader):
    """A source file's loader that has the module's code already."""

    def __init__(self, name: str, path: str, pyc: bytes | memoryview) -> None:
        super().__init__(name, path)
        self._pyc = pyc

    def get_code(self, fullname: str) -> CodeType:
        return marshal.loads(self._pyc[_HEADER:])


class _Finder:
    """Finds the kept modules whose sources are unchanged; passes over the rest."""

    def __init__(self, kept: dict[str, Entry]) -> None:
        self.kept = kept
        self.dropped = False  # whether a kept module was found stale (the file is rewritten)

    def find_spec(self, name: str, path: Sequence[str] | None = None,
                  target: ModuleType | None = None) -> ModuleSpec | None:
        entry = self.kept.get(name)
        if entry is None:
            return None
        origin, package, pyc, checksum = entry
        if zlib.adler32(pyc) != checksum or not _compiled_from(pyc, origin):
            del self.kept[name]  # edited since: imported from its files, kept afresh
            self.dropped = True
            return None
        spec = ModuleSpec(name, _Loader(name, origin, pyc), origin=origin, is_package=package)
        spec.has_location = True
        if package:
            spec.submodule_search_locations = [os.path.dirname(origin)]
        return spec


def start(argv: Sequence[str] = (), environ: Mapping[str, str] = os.environ,
          ) -> _Finder | None:
    """Put the kept modules' finder first in `sys.meta_path` and return it, for `finish`;
    None when the cache is off or this interpreter has no bytecode files of the kind
    kept here."""
    if "--no-cache" in argv or cache.turned_off(environ) or not _supported():
        return None
    finder = _Finder(_read(path()))
    sys.meta_path.insert(0, finder)
    return finder


def finish(finder: _Finder | None) -> None:
    """Keep the modules this run imported from their files, beside those still fresh."""
    if finder is None:
        return
    fresh = finder.kept
    found = {name: entry for name, module in list(sys.modules.items())
             if name.partition(".")[0] == PACKAGE and name not in fresh
             and (entry := _entry(module)) is not None}
    if not found and not finder.dropped:
        return
    from smplan_lint.safe_io import FileRefused, write_atomic

    target = path()
    try:
        os.makedirs(os.path.dirname(target), exist_ok=True)
        write_atomic(target, _file({**fresh, **found}))
    except (ValueError, OSError, FileRefused):  # a cache that cannot be written is no error
        return


def path() -> str:
    """This interpreter build's file of this install's modules, in the answers' folder."""
    digest = zlib.crc32(f"{_build()}|{_package_folder()}".encode()) & 0xFFFFFFFF
    return os.path.join(cache.default_folder(), f"{digest:08x}{cache.MODULES}")


def _file(modules: dict[str, Entry]) -> bytes:
    """An index of the modules (where each one's bytecode lies, and its checksum), its
    length and checksum first, then the bytecode one module after another: a start
    maps the file and reads the index and the modules it imports, nothing else."""
    index, at = {}, 0
    for name, (origin, package, pyc, _) in modules.items():
        index[name] = (origin, package, at, len(pyc), zlib.adler32(pyc))
        at += len(pyc)
    head = marshal.dumps((_FORMAT, _build(), index))
    return b"".join([zlib.adler32(head).to_bytes(4, "big"), len(head).to_bytes(4, "big"), head,
                     *(bytes(pyc) for _, _, pyc, _ in modules.values())])


def _entry(module: ModuleType) -> Entry | None:
    """A module imported from its files, if its bytecode file matches its source."""
    spec = getattr(module, "__spec__", None)
    origin = getattr(spec, "origin", None)
    if spec is None or not isinstance(origin, str) or not origin.endswith(".py"):
        return None
    try:
        with open(importlib.util.cache_from_source(origin), "rb") as handle:
            pyc = handle.read()
    except (OSError, ValueError):
        return None
    if not _compiled_from(pyc, origin):
        return None
    return origin, spec.submodule_search_locations is not None, pyc, None


def _compiled_from(pyc: bytes | memoryview, origin: str) -> bool:
    """Whether the bytecode was compiled, by this interpreter, from the source as it is:
    Python's own check of a bytecode file stamped with its source's time and size."""
    try:
        source = os.stat(origin)
    except OSError:
        return False
    return (pyc[:8] == importlib.util.MAGIC_NUMBER + bytes(4)
            and int.from_bytes(pyc[8:12], "little") == int(source.st_mtime) & 0xFFFFFFFF
            and int.from_bytes(pyc[12:16], "little") == source.st_size & 0xFFFFFFFF)


def _read(file: str) -> dict[str, Entry]:
    """The modules a file holds whose bytes are whole, if the file is safe to run and
    of this build; else none. The file stays mapped: a module's bytes are read only
    when it is imported."""
    try:
        with open(file, "rb") as handle:
            status = os.fstat(handle.fileno())
            if not _private(status) or not 8 < status.st_size <= MAX_FILE_SIZE:
                return {}
            mapped = memoryview(mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ))
        cache.mark_used(file)
    except (OSError, ValueError):
        return {}
    size = int.from_bytes(mapped[4:8], "big")
    head = mapped[8:8 + size]
    if zlib.adler32(head).to_bytes(4, "big") != bytes(mapped[:4]):
        return {}
    try:
        version, build, index = marshal.loads(head)
        if version != _FORMAT or build != _build():
            return {}
        body = mapped[8 + size:]
        return {name: (origin, package, body[at:at + length], checksum)
                for name, (origin, package, at, length, checksum) in index.items()}
    except (EOFError, ValueError, TypeError):
        return {}


def _private(status: os.stat_result) -> bool:
    """A file this user owns and nobody else may write (where the platform says)."""
    owner = getattr(os, "getuid", None)
    return (stat.S_ISREG(status.st_mode) and not status.st_mode & 0o022
            and (owner is None or status.st_uid == owner()))


def _supported() -> bool:
    """CPython, whose bytecode files this module reads."""
    return sys.implementation.name == "cpython" and sys.implementation.cache_tag is not None


def _build() -> str:
    return f"{sys.version}|{sys.implementation.cache_tag}|{importlib.util.MAGIC_NUMBER!r}"


def _package_folder() -> str:
    return os.path.dirname(os.path.realpath(__file__))
