"""Rule packs: load and validate pack files (load), compile them into the engine's
Program (compile), and find the packs a run uses, installed ones included
(installed)."""

from smplan_lint.packs.compile import Compiled, compile_packs, compile_rule
from smplan_lint.packs.installed import ENTRY_POINT_GROUP, gather_packs
from smplan_lint.packs.load import check_clashes, core_pack, load_pack
from smplan_lint.packs.model import Pack, PackError, Rule

__all__ = [
    "ENTRY_POINT_GROUP", "Compiled", "Pack", "PackError", "Rule", "check_clashes",
    "compile_packs", "compile_rule", "core_pack", "gather_packs", "load_pack",
]
