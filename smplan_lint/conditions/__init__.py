"""The condition language of rule packs: operators, their values, and the compiler
that turns `when:` conditions into engine tests both back ends evaluate alike."""

from smplan_lint.conditions.compiler import COMBINATORS, Compiler, Lowered
from smplan_lint.conditions.operators import OPERATORS, Operator
from smplan_lint.conditions.values import ConditionError

__all__ = ["COMBINATORS", "OPERATORS", "Compiler", "ConditionError", "Lowered", "Operator"]
