"""SHA-256 and BLAKE2b, the digests fingerprints, packs and caches are keyed by.

`import hashlib` loads its OpenSSL binding first, whatever is asked of it, and
loading that library takes 3-5 ms: a fiftieth of a short run, and more than every
digest of the run together. CPython ships its own implementations of both algorithms
(`_sha2`, named `_sha256` before Python 3.12, and `_blake2`), which give the same
digests without OpenSSL; hashlib serves where an interpreter lacks them.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any


def _constructor(name: str, *modules: str) -> Callable[..., Any]:
    for module in modules:
        try:
            return getattr(importlib.import_module(module), name)
        except (ImportError, AttributeError):
            continue
    return getattr(importlib.import_module("hashlib"), name)


sha256 = _constructor("sha256", "_sha2", "_sha256")
blake2b = _constructor("blake2b", "_blake2")


def sha256_hex(text: str) -> str:
    """The SHA-256 of the text's UTF-8 bytes, in hexadecimal."""
    return str(sha256(text.encode()).hexdigest())
