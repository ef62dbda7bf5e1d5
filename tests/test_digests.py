"""The digests without OpenSSL are hashlib's digests: fingerprints, baselines and cache
keys written by one installation must be read the same by another."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from smplan_lint.digests import blake2b, sha256, sha256_hex

PLAN = Path(__file__).resolve().parents[1] / "fixtures" / "failing.smplan.yaml"
TEXTS = ["", "SMP201\0plan.yaml\0/accounts/[instagram/acme]", "café ☕ 日本", "x" * 100_000]


@pytest.mark.parametrize("text", TEXTS)
def test_the_same_digests_as_hashlib(text: str) -> None:
    data = text.encode()
    assert sha256_hex(text) == hashlib.sha256(data).hexdigest()
    assert blake2b(data, digest_size=16).hexdigest() == \
        hashlib.blake2b(data, digest_size=16).hexdigest()
    incremental = sha256()
    for part in (data[:7], data[7:]):
        incremental.update(part)
    assert incremental.hexdigest() == hashlib.sha256(data).hexdigest()


def test_a_text_run_does_not_load_openssl() -> None:
    from conftest import modules_after_run

    assert "_hashlib" not in modules_after_run("--no-cache", "--today", "2026-11-27", str(PLAN))
