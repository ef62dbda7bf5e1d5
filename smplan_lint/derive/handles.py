"""The impersonation check's former module path, kept because the speed benches
(`bench/impersonation_speed.py --compare`, `bench/run.py`) import it from checkouts made
before the check became a package, and must import the same name from both.

The package's own code imports :mod:`smplan_lint.derive.impersonation`.
"""

from smplan_lint.derive.impersonation import (
    MAX_HANDLE_LENGTH,
    ImpersonationIndex,
    Verdict,
    handle_too_long,
)

__all__ = ["MAX_HANDLE_LENGTH", "ImpersonationIndex", "Verdict", "handle_too_long"]
