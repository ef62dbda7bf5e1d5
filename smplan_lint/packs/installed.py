"""Which packs a run uses: the core pack, installed packs (entry points), and
packs named by path."""

from __future__ import annotations

import contextlib
import os
import sys

from smplan_lint.packs.load import check_clashes, core_pack, load_pack
from smplan_lint.packs.model import Pack, PackError
from smplan_lint.providers import plugin_providers

ENTRY_POINT_GROUP = "smplan_lint.packs"
# The standard library's folders, which hold no distribution: not worth listing.
_STDLIB = os.path.dirname(os.__file__)
_NO_DISTRIBUTIONS = frozenset({_STDLIB, os.path.join(_STDLIB, "lib-dynload")})


def gather_packs(paths: list[str]) -> list[Pack]:
    """The core pack, installed packs (entry points), then packs named by path."""
    named = []
    for path in paths:
        if not os.path.exists(path):
            raise PackError("rule pack not found", path)
        named.append(load_pack(path))
    # A working copy named on the command line or in the config wins over the same
    # pack installed as a distribution (the usual set-up while developing a pack).
    chosen = {pack.name for pack in named}
    packs = [core_pack(), *(p for p in _installed_packs() if p.name not in chosen), *named]
    check_clashes(packs)
    return packs


def _may_have_installed_packs() -> bool:
    """Whether any installed distribution declares our entry-point group.

    Importing importlib.metadata and reading every distribution's entry points is a
    tenth of a cold start; a plain look at the entry_points.txt files answers first.
    A path entry that is not a folder (a zip) sends us the full way.
    """
    for entry in sys.path:
        if entry in _NO_DISTRIBUTIONS:
            continue
        try:
            listing = list(os.scandir(entry or "."))
        except NotADirectoryError:
            return True
        except OSError:
            continue
        for found in listing:
            if found.name.endswith((".dist-info", ".egg-info")):
                listed = os.path.join(found.path, "entry_points.txt")
                with contextlib.suppress(OSError, UnicodeDecodeError), \
                        open(listed, encoding="utf-8") as file:
                    if ENTRY_POINT_GROUP in file.read():
                        return True
    return False


def _installed_packs() -> list[Pack]:
    """Each entry point names a callable returning the path of its pack file or folder,
    or a mapping {"path": ..., "providers": {fact_type: [callable, ...]}}."""
    if not _may_have_installed_packs():
        return []
    from importlib.metadata import entry_points

    packs = []
    for entry in entry_points(group=ENTRY_POINT_GROUP):
        try:
            target = entry.load()
            found = target() if callable(target) else target
        except (Exception, SystemExit) as error:  # a broken plug-in must not end the run
            reason = (f"it tried to end the program (SystemExit {error.code!r})"
                      if isinstance(error, SystemExit) else str(error) or type(error).__name__)
            raise PackError(f"installed pack {entry.name!r} failed to load: {reason}",
                            entry.value) from None
        location, providers = (found.get("path"), found.get("providers") or {}) \
            if isinstance(found, dict) else (found, {})
        if not isinstance(location, str | os.PathLike) or not isinstance(providers, dict) \
                or not all(isinstance(fns, list) and all(callable(f) for f in fns)
                           for fns in providers.values()):
            raise PackError(f"installed pack {entry.name!r} must give a path, or "
                            "{'path': ..., 'providers': {fact_type: [callable]}}", entry.value)
        pack = load_pack(os.fspath(location))
        packs.append(pack._replace(providers=plugin_providers(pack.name, providers)))
    return packs

