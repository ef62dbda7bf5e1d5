"""The fields smplan-lint itself sets on facts: the structural ones and every field
a core provider computes.

A plan's own key of one of these names is ignored (the validator says so), so it
can never stand in for a computed value.
"""

from smplan_lint.providers import CORE_PROVIDERS, reserved_fields

RESERVED = reserved_fields(CORE_PROVIDERS)
