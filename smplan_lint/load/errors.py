"""Why a file cannot be linted at all, said once, with where.

Every refusal of the loader (bad bytes, broken YAML, a forbidden tag, a bomb)
is an `UnusableInput` carrying a one-line message and, where known, the
1-based line and column, so the command line can print `FILE:LINE:COL`.
"""

from __future__ import annotations

from typing import Any

YAML_TAG = "tag:yaml.org,2002:"


class UnusableInput(Exception):
    """The file cannot be linted at all (exit status 2).

    `message` is for anyone; `detail`, when set, is the parser's own wording of a syntax
    error, for `--verbose` and bug reports.
    """

    def __init__(self, message: str, line: int | None = None, column: int | None = None,
                 detail: str | None = None):
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column
        self.detail = detail

    def __str__(self) -> str:
        return self.message


def check_encoding(data: bytes) -> bytes:
    """UTF-8 only: say where it is not, rather than letting the parser guess."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UnusableInput("not UTF-8: the file is UTF-16 or UTF-32; save it as UTF-8", 1, 1)
    nul = data.find(b"\0")
    if nul >= 0:
        raise UnusableInput("binary file (contains NUL bytes)", *line_column(data, nul))
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = line_column(data, error.start)
        byte = data[error.start]
        raise UnusableInput(f"not UTF-8: invalid byte 0x{byte:02x}", line, column) from None
    return data


def line_column(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and character column of a byte offset."""
    start = data.rfind(b"\n", 0, offset) + 1
    column = len(data[start:offset].decode("utf-8", "replace")) + 1
    return data.count(b"\n", 0, offset) + 1, column


def unusable(message: str, event: Any) -> UnusableInput:
    """A refusal placed at the start of a parser event."""
    mark = event.start_mark
    return UnusableInput(message, mark.line + 1, mark.column + 1)


def short_tag(tag: str) -> str:
    """`!!int` rather than `tag:yaml.org,2002:int`, as the user wrote it."""
    return "!!" + tag[len(YAML_TAG):] if tag.startswith(YAML_TAG) else tag


def tag_error(tag: str, event: Any) -> UnusableInput:
    """Only the standard tags are read: a custom tag could mean anything."""
    return unusable(
        f"tag {short_tag(tag)} is not allowed (only the standard YAML tags are)", event
    )
