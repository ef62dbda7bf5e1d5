"""The loader: values as PyYAML reads them, where each part was written, and hostile files."""

from __future__ import annotations

import datetime
import io
import math
import os
import signal
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from smplan_lint.findings import Issue
from smplan_lint.load import (
    READERS,
    Document,
    Reader,
    UnusableInput,
    load_bytes,
    load_path,
    read_file,
    reader_for,
)
from smplan_lint.safe_io import max_file_size


@pytest.fixture
def watchdog() -> Iterator[None]:
    """Fail a test that hangs instead of hanging the suite; it never measures speed."""

    def hung(signum: int, frame: Any) -> None:
        raise TimeoutError("the loader hung")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(300)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def load(text: str | bytes) -> Document:
    data = text.encode() if isinstance(text, str) else text
    return load_bytes(data, "plan.yaml")


def unusable(text: str | bytes) -> UnusableInput:
    with pytest.raises(UnusableInput) as caught:
        load(text)
    return caught.value


PLAN = """\
version: 1
organisation:
  name: Acme Coffee
  brand_terms: [acme, acmecoffee]
accounts:
  - id: ig-main
    network: instagram
    owner: maria
  -   id: x-main
      handle: acme
"""


# --- positions ------------------------------------------------------------------------------


@pytest.mark.parametrize(("pointer", "mark"), [
    ("", (1, 1)),
    ("/version", (1, 1)),
    ("/organisation", (2, 1)),
    ("/organisation/name", (3, 3)),
    ("/organisation/brand_terms/1", (4, 23)),
    ("/accounts/0", (6, 5)),
    ("/accounts/0/owner", (8, 5)),
    ("/accounts/1", (9, 7)),
    ("/accounts/1/handle", (10, 7)),
])
def test_keys_and_items_are_marked_where_they_are_written(pointer: str, mark: tuple) -> None:
    assert load(PLAN).marks[pointer] == mark


def test_the_tree_is_plain_python() -> None:
    assert load(PLAN).data == {
        "version": 1,
        "organisation": {"name": "Acme Coffee", "brand_terms": ["acme", "acmecoffee"]},
        "accounts": [{"id": "ig-main", "network": "instagram", "owner": "maria"},
                     {"id": "x-main", "handle": "acme"}],
    }


def test_position_falls_back_to_the_nearest_marked_parent() -> None:
    document = load(PLAN)
    assert document.position("/accounts/1/purpose") == (9, 7)  # missing key: its item
    assert document.position("/nowhere/at/all") == (1, 1)
    assert Document("empty.yaml", {}, {}, []).position("/accounts") == (1, 1)


def test_pointers_escape_slash_and_tilde() -> None:
    document = load("a/b: 1\nc~d:\n  - x\n")
    assert document.marks["/a~1b"] == (1, 1)
    assert document.marks["/c~0d/0"] == (3, 5)


def test_columns_count_characters_not_bytes() -> None:
    assert load("naïve: [é, ü]\n").marks["/naïve/1"] == (1, 12)


def test_a_byte_order_mark_is_accepted_and_does_not_shift_columns() -> None:
    document = load(b"\xef\xbb\xbfversion: 1\nname: x\n")
    assert document.data == {"version": 1, "name": "x"}
    assert document.marks["/version"] == (1, 1)


# --- problems: the file loads, with findings ------------------------------------------------


def test_duplicate_key_is_reported_at_the_second_and_the_later_value_wins() -> None:
    document = load("accounts:\n  - id: a\n    owner: ana\n    owner: ben\n")
    assert document.data == {"accounts": [{"id": "a", "owner": "ben"}]}
    assert document.problems == [Issue(
        "SMP001", "/accounts/0/owner",
        "duplicate key 'owner' (first at line 3); the later value wins",
    )]
    assert document.marks["/accounts/0/owner"] == (4, 5)


@pytest.mark.parametrize(("text", "key", "reads_as"), [
    ("1: x\n", "1", "an integer"),
    ("null: x\n", "null", "null"),
    ("yes: x\n", "yes", "a boolean"),
    ("0x10: x\n", "0x10", "an integer"),
    ("2026-01-31: x\n", "2026-01-31", "a date"),
])
def test_keys_that_are_not_strings_are_kept_as_written_and_reported(
    text: str, key: str, reads_as: str
) -> None:
    document = load(text)
    assert document.data == {key: "x"}
    assert document.problems == [Issue(
        "SMP003", f"/{key}", f"key {key} is not a string (YAML reads it as {reads_as}); quote it"
    )]


def test_a_list_as_key_is_kept_as_text_and_reported() -> None:
    document = load("? [a, b]\n: c\nd: e\n")
    assert document.data == {"['a', 'b']": "c", "d": "e"}
    assert [issue.rule for issue in document.problems] == ["SMP003"]
    assert all(not pointer.startswith("?") for pointer in document.marks)


def test_merge_keys_fill_in_what_the_mapping_does_not_say() -> None:
    document = load(
        "defaults: &d {owner: ana, status: keep}\n"
        "accounts:\n"
        "  - <<: *d\n"
        "    id: a\n"
        "    status: delete\n"
        "  - {<<: [{owner: ben, x: 1}, *d], id: b}\n"
    )
    first, second = document.data["accounts"]
    assert first == {"owner": "ana", "status": "delete", "id": "a"}
    assert second == {"owner": "ben", "x": 1, "status": "keep", "id": "b"}
    assert document.problems == []  # a key written next to `<<` is no duplicate
    assert document.marks["/accounts/0/owner"] == (3, 5)  # marked at the `<<`
    assert document.marks["/accounts/0/status"] == (5, 5)
    assert "/accounts/0/<<" not in document.marks


def test_a_merge_of_something_other_than_mappings_is_reported_and_ignored() -> None:
    document = load("a:\n  <<: 3\n  b: 1\n")
    assert document.data == {"a": {"b": 1}}
    assert [(issue.rule, issue.pointer) for issue in document.problems] == [("SMP003", "/a/<<")]


def test_an_alias_shares_its_value_and_is_marked_where_it_is_used() -> None:
    document = load("people:\n  - &ana {id: ana}\nreviewers:\n  - *ana\n")
    assert document.data["reviewers"] == [{"id": "ana"}]
    assert document.position("/reviewers/0/id") == (4, 5)


# --- scalars --------------------------------------------------------------------------------


def test_an_impossible_date_stays_text_for_the_validator() -> None:
    document = load("a: 2026-02-30\nb: 2026-02-28\nc: 2026-02-30 10:00:00\n")
    assert document.data == {"a": "2026-02-30", "b": datetime.date(2026, 2, 28),
                              "c": "2026-02-30 10:00:00"}


def test_a_timestamp_with_a_time_is_a_datetime() -> None:
    assert load("a: 2026-03-01 10:30:00+02:00\n").data["a"] == datetime.datetime(
        2026, 3, 1, 10, 30, tzinfo=datetime.timezone(datetime.timedelta(hours=2)))


@pytest.mark.parametrize("text", [
    "yes", "No", "on", "OFF", "true", "~", "null", "", "0x1F", "017", "0b101", "1_000", "-12",
    "+3", "1:30", "190:20:30", "3.25", "-.5", ".inf", "-.Inf", "1e5", "6.0e+3", "1_0.5",
    "0o17", "09", "2026-01-31", "2026-1-5 1:02:03.25", "2026-01-31t10:00:00Z", "<<x",
    "n", "ye", "12345678901234567890123", "acme_c0ffee", "-x", ".", "...a",
])
def test_plain_scalars_read_as_pyyaml_safe_loader_reads_them(text: str) -> None:
    assert_same_as_pyyaml(text)


@pytest.mark.parametrize("text", ["=", "0x_", "2026-02-30", "2026-13-01 10:00:00"])
def test_where_pyyaml_gives_up_the_text_is_kept(text: str) -> None:
    assert load(f"v: {text}\n").data["v"] == text


def assert_same_as_pyyaml(text: str) -> None:
    expected = yaml.safe_load(f"v: {text}\n")["v"]
    actual = load(f"v: {text}\n").data["v"]
    assert type(actual) is type(expected)
    assert actual == expected or (math.isnan(actual) and math.isnan(expected))


@settings(derandomize=True, deadline=None, max_examples=400)
@given(st.text(alphabet="0123456789-+._:xobeEaInfNTtZ yYsO~<", min_size=1, max_size=14))
def test_plain_scalar_parity_with_pyyaml(text: str) -> None:
    try:
        expected = yaml.safe_load(f"v: {text}\n")
    except (yaml.YAMLError, ValueError):  # PyYAML gives up; we only promise not to crash
        assume(False)
    assume(isinstance(expected, dict) and list(expected) == ["v"])
    assert_same_as_pyyaml(text)


@pytest.mark.parametrize(("text", "value"), [
    ("!!str 12", "12"), ("!!int '12'", 12), ("!!float 1", 1.0), ("!!bool 'yes'", True),
    ("!!binary aGVsbG8=", "aGVsbG8="), ("!!set {x, y}", {"x": None, "y": None}),
    ("!!omap [{x: 1}]", [{"x": 1}]), ("! 12", "12"),
])
def test_standard_tags_are_read(text: str, value: Any) -> None:
    assert load(f"v: {text}\n").data["v"] == value


TREES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8)
    | st.dates(min_value=datetime.date(1000, 1, 1)),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.text(max_size=6), children, max_size=4),
    max_leaves=20,
)


@settings(derandomize=True, deadline=None, max_examples=150,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.text(min_size=1, max_size=6), TREES, max_size=4),
       st.sampled_from([False, True]))
def test_any_dumped_tree_loads_back_as_pyyaml_loads_it(tree: dict, flow: bool) -> None:
    text = yaml.safe_dump(tree, default_flow_style=flow, allow_unicode=True)
    document = load(text)
    assert document.data == yaml.safe_load(text)
    lines = len(text.splitlines()) + 1  # YAML also breaks lines at U+0085 and U+2028
    assert all(1 <= line <= lines and column >= 1 for line, column in document.marks.values())


# --- empty files ----------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "\n\n", "# just a comment\n", "---\n", "--- # empty\n...\n"])
def test_an_empty_or_comment_only_file_is_an_empty_plan(text: str) -> None:
    document = load(text)
    assert (document.data, document.problems) == ({}, [])


# --- unusable files -------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "message", "line", "column"), [
    ("a: 1\nb: c: d\n", "a colon inside text: put the text in quotes", 2, 5),
    ("a: 1\nb: 'open\n", "this quote is never closed: end the text with the same quote", 2, 4),
    ("a: 1\n---\nb: 2\n", "more than one YAML document: a file holds one plan, and '---' "
     "starts another; remove this line", 2, 1),
    ("- a\n- b\n", "the top level is a list; a plan is a mapping (key: value)", 1, 1),
    ("just words\n", "the top level is a single value; a plan is a mapping (key: value)", 1, 1),
    ("a: *nowhere\n", "alias *nowhere has no anchor &nowhere before it", 1, 4),
    ("a: &x [1, *x]\n", "alias *x refers to a collection that contains it", 1, 11),
    ("a: !!int many\n", "cannot read 'many' as !!int", 1, 4),
])
def test_unusable_yaml_is_one_message_with_its_position(
    text: str, message: str, line: int, column: int
) -> None:
    error = unusable(text)
    assert (str(error), error.line, error.column) == (message, line, column)


@pytest.mark.parametrize(("text", "message", "line", "column"), [
    # tab indentation
    ("version: 1\naudit:\n\treviewer: a\n", "tabs cannot indent YAML: use spaces", 3, 1),
    ("audit:\n  \treviewer: a\n", "tabs cannot indent YAML: use spaces", 2, 3),
    # an unquoted colon, or a colon without its space
    ("organisation:\n  name: Acme: the best coffee\n",
     "a colon inside text: put the text in quotes", 2, 13),
    ("goals:\n  - id: g\n    statement: Grow: sales by 5%\n",
     "a colon inside text: put the text in quotes", 3, 20),
    ("audit:\n  reviewer:maria\n  last_reviewed: 2026-01-01\n",
     "a colon needs a space after it: write 'key: value' (or put the text in quotes)", 2, 3),
    # bad indentation
    ("audit:\n  reviewer: a\n   last_reviewed: 2026-01-01\n",
     "this line is indented differently from the keys above it: line it up with them", 3, 4),
    ("x: |\n  a\n b\n",
     "this line is indented differently from the lines above it: line it up with them", 3, 2),
    # a list and a mapping mixed
    ("accounts:\n  - id: a\n  network: x\n",
     "each list item starts with '- ': indent this line as far as the text of the item above, "
     "or start it with '- '", 3, 3),
    ("audit:\n  reviewer: a\n  - x\n", "a list item among 'key: value' lines: a list goes on "
     "the lines under its key, indented", 3, 3),
    ("accounts: - a\n", "a list cannot start on the same line as its key: put each '- ' item "
     "on a line of its own, under the key", 1, 11),
    # unclosed quotes and brackets
    ('organisation:\n  name: "Acme\n',
     "this quote is never closed: end the text with the same quote", 2, 9),
    ("accounts: [a, b\n", "this '[' is not closed, or its items are not separated by ',': "
     "end it with ']' (or put the text in quotes)", 1, 11),
    ("audit: {reviewer: a last_reviewed: b}\n", "this '{' is not closed, or its items are not "
     "separated by ',': end it with '}' (or put the text in quotes)", 1, 8),
    # text the parser reads as YAML syntax
    ("handle: @acme\n", "a value cannot start with '@': put the text in quotes", 1, 9),
    ("x: *bold*\n", "a value cannot start with '*': put the text in quotes", 1, 4),
    ('name: "Acme" Coffee\n', "text after a closing quote: put the text in quotes, all of it",
     1, 14),
    ('x: "C:\\path"\n', "a backslash inside double quotes starts an escape: write \\\\ for a "
     "backslash, or use single quotes", 1, 7),
    ("version: 1\naudit\nx: 1\n", "a key without ':': write 'key: value'", 2, 1),
    # document markers
    ("---\n---\nversion: 1\n", "more than one YAML document: a file holds one plan, and '---' "
     "starts another; remove this line", 2, 1),
    ("version: 1\n...\nx: 1\n",
     "'...' ends the plan, so nothing may follow it: remove the '...' line", 3, 1),
])
def test_syntax_errors_are_told_in_plain_words_at_the_place_to_fix(
    text: str, message: str, line: int, column: int
) -> None:
    error = unusable(text)
    assert (str(error), error.line, error.column) == (message, line, column)


def test_the_parsers_own_words_are_kept_for_verbose_output() -> None:
    error = unusable("version: 1\naudit:\n\treviewer: a\n")
    assert error.detail == ("found character that cannot start any token "
                            "(while scanning for the next token at line 3 column 1)")
    assert unusable("a: *nowhere\n").detail is None  # not a syntax error: the message says it all


def test_a_syntax_error_nobody_explained_yet_keeps_the_parsers_problem() -> None:
    error = unusable("x: " + "[" * 2000)
    assert str(error) == "could not parse YAML: exceeded maximum nesting depth"
    assert error.detail.startswith("exceeded maximum nesting depth (while increasing flow level")


@pytest.mark.parametrize(("text", "tag"), [
    ("a: !!python/object:os.system x\n", "!!python/object:os.system"),
    ("a: !!python/name:os.system\n", "!!python/name:os.system"),
    ("a: !!python/object/apply:os.system {args: [ls]}\n", "!!python/object/apply:os.system"),
    ("a: !!python/tuple [1, 2]\n", "!!python/tuple"),
    ("a: !local x\n", "!local"),
    ("%TAG !p! tag:yaml.org,2002:python/\n---\na: !p!object x\n", "!!python/object"),
])
def test_tags_outside_the_safe_set_are_refused(text: str, tag: str) -> None:
    error = unusable(text)
    assert str(error) == f"tag {tag} is not allowed (only the standard YAML tags are)"
    assert error.column == 4


def test_bytes_that_are_not_utf8_are_placed() -> None:
    error = unusable("a: é\nb: x".encode() + b"\xff\n")
    assert (str(error), error.line, error.column) == ("not UTF-8: invalid byte 0xff", 2, 5)


def test_utf16_is_refused() -> None:
    assert str(unusable("a: 1\n".encode("utf-16"))).startswith("not UTF-8")


def test_a_binary_file_is_refused_at_its_first_nul() -> None:
    error = unusable(b"a: 1\nb: x\x00y\n")
    assert (str(error), error.line, error.column) == ("binary file (contains NUL bytes)", 2, 5)


def test_control_characters_are_refused_with_their_position() -> None:
    error = unusable("a: é\nb: x\x01\n")
    assert (error.line, error.column) == (2, 5)
    assert str(error) == "a control character (#x0001) that YAML does not allow: remove it"
    assert error.detail == "control characters are not allowed (character #x0001)"


def billion_laughs(levels: int) -> str:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for level in range(1, levels):
        lines.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * 10) + "]")
    return "\n".join(lines) + "\n"


def test_an_alias_bomb_is_refused_without_expanding_it(watchdog: None) -> None:
    error = unusable(billion_laughs(9))  # 10**9 nodes if expanded
    assert str(error) == "alias expansion exceeds 100000 nodes"
    assert error.line == 5


def test_moderate_alias_use_is_fine() -> None:
    assert len(load(billion_laughs(4)).data["a3"]) == 10


def test_many_aliases_of_one_value_are_no_bomb() -> None:
    text = "owner: &ana ana\nowners:\n" + "  - *ana\n" * 200_000
    assert len(load(text).data["owners"]) == 200_000


@pytest.mark.parametrize("text", [
    b"a: " + b"[" * 10_000,
    b"a: " + b"[" * 100_000,
    b"[" * 10_000,
    b"a: " + b"{b: " * 10_000,
    b"a:\n" + b"".join(b"  " * depth + b"- \n" for depth in range(1, 400)),
    b"a:\n" + b"".join(b" " * depth + b"k:\n" for depth in range(1, 400)),
])
def test_deep_nesting_is_refused_cleanly(text: bytes, watchdog: None) -> None:
    error = unusable(text)
    assert "nesting" in str(error) or "top level is a list" in str(error)
    assert error.line is not None


def test_nesting_up_to_the_limit_loads() -> None:
    document = load("a: " + "[" * 199 + "]" * 199 + "\n")
    assert document.data["a"] is not None


# --- huge inputs do not hang ----------------------------------------------------------------


@pytest.mark.parametrize("text", [
    b"a: " + b"x" * 5_000_000 + b"\n",
    b"a: '" + b"x" * 5_000_000 + b"'\n",
    b"x" * 5_000_000 + b": 1\n",
    b"a: [" + b"1, " * 200_000 + b"]\n",
    b"? " * 1_000_000,
    b"- " * 1_000_000,
])
def test_huge_lines_end_in_a_result_or_a_message(text: bytes, watchdog: None) -> None:
    try:
        load(text)
    except UnusableInput as error:
        assert error.line is not None


# --- files ----------------------------------------------------------------------------------


def test_values_yaml_did_not_read_as_text_keep_their_text() -> None:
    document = load("a: 0711\nb: no\nc: 1:30\nd: [1, x, 2026-01-01, ~]\ne: '5'\nf: !!int 7\n"
                    "g: plain\nh:\n")
    assert document.data["a"] == 457 and document.data["b"] is False
    assert document.texts == {"/a": "0711", "/b": "no", "/c": "1:30", "/d/0": "1",
                              "/d/2": "2026-01-01", "/f": "7"}


def test_a_merged_value_keeps_its_text_only_where_it_was_written() -> None:
    document = load("base: &b {n: 1}\nx:\n  <<: *b\n  m: {<<: {k: 2}}\n")
    assert document.texts == {"/base/n": "1"}


@pytest.mark.parametrize(("text", "value"), [
    ("1" * 310, int("1" * 310)),          # huge, but a number: the validator says so
    ("-" + "1" * 310, -int("1" * 310)),
    ("9" * 5000, "9" * 5000),             # more digits than Python reads: kept as text
    ("0x" + "f" * 5000, "0x" + "f" * 5000),  # more than Python can print: kept as text
    ("0b" + "1" * 14_000, int("1" * 14_000, 2)),
])
def test_very_long_integers_are_numbers_only_while_they_can_be_printed(text: str,
                                                                      value: Any) -> None:
    assert load(f"n: {text}\n").data["n"] == value


def test_load_path_reads_a_file_and_keeps_the_display_path(tmp_path: Path) -> None:
    (tmp_path / "plan.yaml").write_text("version: 1\n", encoding="utf-8")
    document = load_path(str(tmp_path / "plan.yaml"))
    assert (document.path, document.data) == (str(tmp_path / "plan.yaml"), {"version": 1})


def test_load_path_dash_reads_standard_input(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"version: 1\n")))
    assert load_path("-").data == {"version": 1}


@pytest.mark.parametrize(("name", "message"), [
    ("missing.yaml", "cannot read: No such file or directory"), (".", "is a folder")])
def test_an_unreadable_path_is_unusable_not_a_traceback(name: str, message: str,
                                                       tmp_path: Path) -> None:
    with pytest.raises(UnusableInput, match=f"^{message}$"):
        load_path(str(tmp_path / name))


def test_a_fifo_is_refused_not_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "plan.smplan.yaml"
    os.mkfifo(fifo)
    with pytest.raises(UnusableInput, match="^is not a regular file \\(a FIFO\\)"):
        load_path(str(fifo))


def test_reads_are_bounded_by_the_run_limit(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "plan.yaml").write_text("version: 1\n", encoding="utf-8")
    token = max_file_size.set(5)
    try:
        with pytest.raises(UnusableInput, match="^is larger than the 5-byte limit"):
            read_file(str(tmp_path / "plan.yaml"))
        monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"version: 1\n")))
        with pytest.raises(UnusableInput, match="^standard input is larger than the 5-byte"):
            read_file("-")
    finally:
        max_file_size.reset(token)


def test_every_reader_is_registered_under_its_name() -> None:
    assert READERS and all(name == reader.name for name, reader in READERS.items())
    assert all(suffix == suffix.lower() and suffix.startswith(".")
               for reader in READERS.values() for suffix in reader.suffixes)


@pytest.mark.parametrize("path", ["plan.smplan.yaml", "PLAN.YML", "notes.txt", "-"])
def test_yaml_is_read_by_suffix_and_by_default(path: str) -> None:
    assert reader_for(path, b"version: 1\n") is READERS["yaml"]


def test_standard_input_is_recognised_by_magic_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    def zip_document(data: bytes, path: str) -> Document:
        return Document(path, {"zip": len(data)}, {}, [])

    workbook = Reader("zip", (".zip",), ("*.smplan.zip",), zip_document,
                      lambda data: data.startswith(b"ZIP!"))
    monkeypatch.setitem(READERS, "zip", workbook)
    assert reader_for("-", b"ZIP!rest") is workbook
    assert reader_for("-", b"version: 1\n") is READERS["yaml"]
    assert reader_for("Plan.ZIP", b"") is workbook
    assert load_bytes(b"ZIP!", "-").data == {"zip": 4}


# --- fuzzing --------------------------------------------------------------------------------

YAMLISH = st.lists(
    st.sampled_from(list(":-[]{},&*!|>'\"#%@`?.~<=\n\t  abyn01x\\é\ufeff\x85\u2028")
                    + ["!!python/object ", "<<: ", "---\n", "&a ", "*a", "  - ", "!!set ",
                       "2026-02-30", "0x", "\x00", "\x01"]),
    max_size=60,
).map("".join)


@pytest.mark.slow
@settings(derandomize=True, deadline=None, max_examples=3000)
@given(st.binary(max_size=200) | YAMLISH.map(lambda text: text.encode("utf-8", "surrogatepass")))
def test_any_bytes_give_a_document_or_a_clean_refusal(data: bytes) -> None:
    try:
        document = load_bytes(data, "fuzz.yaml")
    except UnusableInput as error:
        assert str(error) and "\n" not in str(error)
        return
    assert isinstance(document.data, dict)
    assert all(pointer == "" or pointer.startswith("/") for pointer in document.marks)
