"""The impersonation check's former module path, kept for code that imports it.

The check lives in :mod:`smplan_lint.derive.impersonation`.
"""

from smplan_lint.derive.impersonation import (
    MAX_HANDLE_LENGTH,
    ImpersonationIndex,
    Verdict,
    handle_too_long,
)

__all__ = ["MAX_HANDLE_LENGTH", "ImpersonationIndex", "Verdict", "handle_too_long"]
