"""The validated plan as engine facts, plus the derived attributes that need Python.

One fact per account, goal, person, objective, mission, network, discovered
profile, affiliate and competitor, one per network name written as an alias or
unknown (`network_name`), and one for the plan. Modules:
:mod:`.builder` (the facts), :mod:`.reserved` (the fields smplan-lint sets),
:mod:`.networks` (known networks and aliases), :mod:`.references` (did you mean).
"""

from smplan_lint.facts.builder import build_facts
from smplan_lint.facts.reserved import RESERVED

__all__ = ["RESERVED", "build_facts"]
