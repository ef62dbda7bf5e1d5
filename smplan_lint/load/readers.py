"""Input readers: the one registry of file kinds smplan-lint turns into a Document.

A reader claims file suffixes (and the names a folder search looks for) and,
where its format has magic bytes, recognises standard input by them. Every
reader returns the same `Document` (plain tree, marks, problems), so nothing
after the loader knows which kind of file a plan came from.

Add an input reader = write `read(data, path) -> Document` (and `sniff(data)`
when the format has magic bytes) in a module of this package, then add a
`Reader` to `READERS`; its tests go in tests/test_load.py.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from yaml import YAMLError
from yaml.reader import ReaderError

from smplan_lint.load.errors import UnusableInput, check_encoding
from smplan_lint.load.events import build
from smplan_lint.load.spreadsheet import SUFFIXES, is_workbook, read_spreadsheet
from smplan_lint.load.tree import Document
from smplan_lint.records import NamedTuple
from smplan_lint.safe_io import FileRefused, max_file_size, read_bounded

STDIN = "-"


class Reader(NamedTuple):
    """One kind of input file and how to read it."""

    name: str
    suffixes: tuple[str, ...]  # lower case, with the dot: a named file with one is this kind
    patterns: tuple[str, ...]  # file names a folder search picks up as plans of this kind
    read: Callable[[bytes, str], Document]  # raises UnusableInput when nothing can be linted
    sniff: Callable[[bytes], bool] | None = None  # True on this format's magic bytes


def load_yaml(data: bytes, path: str) -> Document:
    """Load one YAML inventory; raise UnusableInput when nothing in it can be linted."""
    data = check_encoding(data)
    try:
        return build(data, path)
    except YAMLError as error:
        from smplan_lint.load.syntax import reader_error, syntax_error

        if isinstance(error, ReaderError):
            raise reader_error(error, data) from None
        raise syntax_error(error, data) from None


YAML = Reader(
    "yaml",
    suffixes=(".yaml", ".yml"),
    patterns=("*.smplan.yaml", "*.smplan.yml", "inventory.yaml", "inventory.yml"),
    read=load_yaml,
)
DEFAULT = YAML
"""Text without a known suffix or magic bytes is YAML, as it always was."""

SPREADSHEET = Reader(
    "spreadsheet",
    suffixes=SUFFIXES,
    patterns=tuple(f"*.smplan{suffix}" for suffix in SUFFIXES),
    read=read_spreadsheet,
    sniff=is_workbook,
)

READERS: dict[str, Reader] = {YAML.name: YAML, SPREADSHEET.name: SPREADSHEET}


def reader_for(path: str, data: bytes) -> Reader:
    """The reader of a file by its suffix, or of standard input (`-`) by its magic bytes."""
    if path == STDIN:
        for reader in READERS.values():
            if reader.sniff is not None and reader.sniff(data):
                return reader
        return DEFAULT
    lowered = path.lower()
    for reader in READERS.values():
        if lowered.endswith(reader.suffixes):
            return reader
    return DEFAULT


def read_file(path: str) -> bytes:
    """The bytes of a plan: a regular file, or standard input (`-`), within the size limit."""
    if path != STDIN:
        try:
            return read_bounded(path)
        except FileRefused as error:
            raise UnusableInput(str(error)) from None
    limit = max_file_size.get()
    try:
        data = sys.stdin.buffer.read(limit + 1)
    except (OSError, AttributeError) as error:  # AttributeError: no standard input at all
        raise UnusableInput(f"cannot read standard input: {error}") from None
    if len(data) > limit:
        raise UnusableInput(f"standard input is larger than the {limit:,}-byte limit "
                            "(--max-file-size raises it)")
    return data


def load_bytes(data: bytes, path: str) -> Document:
    """Load one plan with the reader its name (or, for `-`, its content) calls for."""
    return reader_for(path, data).read(data, path)


def load_path(path: str) -> Document:
    """Read and load a file; `-` reads standard input (for editors)."""
    return load_bytes(read_file(path), path)
