"""The core pack read from its generated index is the pack its YAML gives
(smplan_lint/packs/core_index.py); a stale index is passed over."""

from __future__ import annotations

import datetime
import json
import shutil
from pathlib import Path

from conftest import ROOT

from smplan_lint.packs import core_pack
from smplan_lint.packs.core_index import INDEX_FILE, encode, indexed_pack, read_index
from smplan_lint.packs.load import load_pack

RULES = ROOT / "rules"


def test_the_indexed_core_pack_is_the_yaml_one() -> None:
    from_yaml = load_pack(str(RULES))
    from_index = indexed_pack(RULES)
    assert from_index is not None, "run python tools/regenerate.py"
    assert repr(from_index) == repr(from_yaml)
    assert [rule.line for rule in from_index.rules] == [rule.line for rule in from_yaml.rules]
    assert repr(core_pack().rules) == repr(from_yaml.rules)


def test_an_edited_rule_file_makes_the_index_stale(tmp_path: Path) -> None:
    copy = tmp_path / "rules"
    shutil.copytree(RULES, copy)
    assert indexed_pack(copy) is not None
    goals = copy / "goals.yaml"
    goals.write_text(goals.read_text().replace("summary:", "summary: ", 1))
    assert indexed_pack(copy) is None
    (copy / INDEX_FILE).write_text("{ not json")
    assert indexed_pack(copy) is None
    (copy / INDEX_FILE).write_text('{"source_sha256": "from another version"}')
    assert indexed_pack(copy) is None


def test_values_json_cannot_hold_come_back_as_they_were() -> None:
    tree = {"rules": [{"on": 1, True: "yes", "due": datetime.date(2026, 6, 30),
                       "$x": [1.5, None, False]}], "plain": {"a": "b"}}
    kept = encode(tree)
    assert repr(read_index(json.dumps(kept))) == repr(tree)
    assert kept["plain"] == {"a": "b"}   # a plain mapping stays a JSON object


def test_a_broken_rule_is_reported_where_the_yaml_has_it(tmp_path: Path) -> None:
    """An edited rule file makes the index stale, so the YAML is read, and an error in it
    gets the YAML's position; no index can be written from a broken pack."""
    import pytest

    from smplan_lint.packs.load import _core
    from smplan_lint.packs.model import PackError

    copy = tmp_path / "rules"
    shutil.copytree(RULES, copy)
    goals = copy / "goals.yaml"
    text = goals.read_text()
    goals.write_text(text.replace("severity: warning", "severity: dire", 1))
    with pytest.raises(PackError) as raised:
        _core(str(copy))
    line = next(number for number, written in enumerate(text.splitlines(), start=1)
                if "severity: warning" in written)
    assert f"goals.yaml:{line}:" in str(raised.value)
    assert "severity must be one of" in str(raised.value)
