"""Plan files -> a Document: the plain tree, where each part was written, and YAML problems.

- `readers`: the registry of input kinds (`READERS`), bounded reading and dispatch;
- `events`: libyaml's event stream -> values and marks in one pass;
- `tree`: the Document and how scalars become values;
- `errors`: `UnusableInput`, the one way a file is refused;
- `syntax`: YAML syntax errors in plain words, with a hint.
"""

from smplan_lint.load.errors import UnusableInput
from smplan_lint.load.events import ALIAS_FACTOR, ALIAS_FLOOR, MAX_DEPTH
from smplan_lint.load.readers import (
    READERS,
    STDIN,
    Reader,
    load_bytes,
    load_path,
    load_yaml,
    read_file,
    reader_for,
)
from smplan_lint.load.tree import Document

__all__ = [
    "ALIAS_FACTOR", "ALIAS_FLOOR", "MAX_DEPTH", "READERS", "STDIN", "Document", "Reader",
    "UnusableInput", "load_bytes", "load_path", "load_yaml", "read_file", "reader_for",
]
