"""The shipped common-word table is what tools/gen_common_words.py makes from wordfreq.

Why: the linter reads the table, not wordfreq (too slow to import); a table left behind
after a parameter or wordfreq change would judge handles by stale words.
"""

from __future__ import annotations

import importlib.util
import re
from importlib.metadata import version
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
TABLE = ROOT / "smplan_lint" / "data" / "common_words.txt"


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gen_common_words",
                                                  ROOT / "tools" / "gen_common_words.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_table_header_records_source_and_parameters() -> None:
    header = TABLE.read_text(encoding="utf-8").split("\n", 1)[0]
    assert re.search(r"wordfreq \d+\.\d+", header)
    for key in ("languages=", "top=", "min_zipf=", "min_letters="):
        assert key in header


def test_table_is_sorted_unique_lowercase_words() -> None:
    """Sorted by code point, so a reader may binary-search the text instead of building a
    set (building one costs tens of milliseconds at every start)."""
    words = TABLE.read_text(encoding="utf-8").split("\n")[1:-1]
    assert words == sorted(set(words))
    assert all(len(w) >= 3 and w.isalpha() and w == w.lower() for w in words)
    assert TABLE.stat().st_size < 1_500_000


def test_table_is_not_stale() -> None:
    pytest.importorskip("wordfreq", reason="wordfreq is not installed (pip install -e '.[dev]'); "
                        "the table cannot be regenerated to compare")
    generator = _generator()
    written = TABLE.read_text(encoding="utf-8")
    header = written.split("\n", 1)[0]
    params = dict(re.findall(r"(\w+)=(\S+)", header))
    installed = version("wordfreq")
    if f"wordfreq {installed} " not in header:
        pytest.skip(f"the table was made with another wordfreq than the installed {installed}; "
                    "regenerate it on purpose with `python tools/gen_common_words.py`")
    expected = generator.render(tuple(params["languages"].split(",")), int(params["top"]),
                                float(params["min_zipf"]))
    assert written == expected, "common_words.txt is stale: run `python tools/gen_common_words.py`"
