"""Every file smplan-lint reads or writes goes through here.

A plan, a configuration, a pack or a baseline may come from a pull request
nobody trusts yet, so a read takes only a regular file (never a FIFO or a
device, which would hang or never end) up to a size limit, and a write goes
to a temporary file beside the target that is renamed over it, so a report
is never half-written and two runs never interleave.
"""

from __future__ import annotations

import contextlib
import contextvars
import os
import stat

DEFAULT_MAX_FILE_SIZE = 50 * 1024 * 1024
max_file_size: contextvars.ContextVar[int] = contextvars.ContextVar(
    "max_file_size", default=DEFAULT_MAX_FILE_SIZE)
"""The limit of the current run (`--max-file-size`); a context variable so that two runs
in one process (a language server, a library user's threads) keep their own."""


class FileRefused(Exception):
    """A file that cannot or must not be read or written; the message says why, without the path."""


def read_bounded(path: str | os.PathLike[str], limit: int | None = None) -> bytes:
    """The bytes of a regular file of at most `limit` bytes (default: the run's limit)."""
    limit = max_file_size.get() if limit is None else limit
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as error:
        raise FileRefused(f"cannot read: {error.strerror or error}") from None
    mode = os.fstat(descriptor).st_mode
    if not stat.S_ISREG(mode):
        os.close(descriptor)
        if stat.S_ISDIR(mode):
            raise FileRefused("is a folder")
        raise FileRefused(f"is not a regular file (a {_kind(mode)}); refusing to read it")
    with os.fdopen(descriptor, "rb") as handle:
        if os.fstat(descriptor).st_size > limit:
            raise FileRefused(_too_big(limit))
        try:
            data = handle.read(limit + 1)
        except OSError as error:
            raise FileRefused(f"cannot read: {error.strerror or error}") from None
    if len(data) > limit:
        raise FileRefused(_too_big(limit) + " (it grew while being read)")
    return data


def _too_big(limit: int) -> str:
    return (f"is larger than the {_size(limit)} limit "
            "(--max-file-size raises it)")


def _size(count: int) -> str:
    if count % (1024 * 1024) == 0:
        return f"{count // (1024 * 1024)} MB"
    return f"{count:,}-byte"


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "FIFO"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "special file"


def write_atomic(path: str | os.PathLike[str], text: str | bytes) -> None:
    """Write `text` (UTF-8) or bytes to a temporary file beside `path`, then rename it
    over `path`."""
    import tempfile

    target = os.fspath(path)
    folder = os.path.dirname(target) or "."
    if not os.path.isdir(folder):
        raise FileRefused(f"cannot write: the folder {folder} does not exist")
    try:
        descriptor, temporary = tempfile.mkstemp(prefix=f".{os.path.basename(target)}.",
                                                 suffix=".tmp", dir=folder)
    except OSError as error:
        raise FileRefused(f"cannot write: {error.strerror or error}") from None
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(text.encode("utf-8") if isinstance(text, str) else text)
        os.chmod(temporary, stat.S_IMODE(os.stat(target).st_mode)
                 if os.path.exists(target) else 0o644)
        os.replace(temporary, target)
    except OSError as error:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise FileRefused(f"cannot write: {error.strerror or error}") from None
