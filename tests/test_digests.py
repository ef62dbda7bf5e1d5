"""The digests without OpenSSL are hashlib's digests: fingerprints, baselines and cache
keys written by one installation must be read the same by another."""

from __future__ import annotations

import hashlib
import subprocess
import sys
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
    code = ("import sys, io, contextlib\n"
            "from smplan_lint.cli import main\n"
            "sys.argv = ['smplan-lint', '--no-cache', '--today', '2026-11-27', "
            f"{str(PLAN)!r}]\n"
            "with contextlib.suppress(SystemExit), contextlib.redirect_stdout(io.StringIO()):\n"
            "    main()\n"
            "print('_hashlib' in sys.modules)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=False)
    assert done.stdout.strip() == "False", done.stderr
