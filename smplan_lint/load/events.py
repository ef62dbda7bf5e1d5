"""libyaml's event stream -> the plain tree and its marks, in one iterative pass.

Why this shape: the whole lint of a big plan has to stay close to the time
PyYAML's C loader needs just to load it, and hostile files (alias bombs, deep
nesting, binary junk) must end in one clear message, never a traceback or a
hang. So libyaml's C parser produces the event stream and a single loop (no
recursion, no node graph, no second parse) builds the values and the marks
as the events arrive.

- a duplicate key is reported (SMP001) and the later value wins;
- merge keys (`<<: *defaults`) work as in PyYAML; a merged key is marked at
  the `<<` that brought it in;
- an alias shares the anchored value (as in PyYAML); paths below it are not
  marked separately, so they resolve to the alias itself;
- `!!set`, `!!omap` and `!!pairs` keep the mapping or list as written.
"""

from __future__ import annotations

from typing import Any

from yaml._yaml import CParser  # libyaml; PyYAML's wheels include it
from yaml.events import (
    AliasEvent,
    DocumentEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceStartEvent,
    StreamEndEvent,
    StreamStartEvent,
)

from smplan_lint.findings import Issue
from smplan_lint.load.errors import tag_error, unusable
from smplan_lint.load.tree import (
    MAPPING_TAGS,
    MERGE,
    SEQUENCE_TAGS,
    Document,
    escape,
    key_issue,
    plain,
    tagged_scalar,
)

MAX_DEPTH = 200
"""Deeper nesting than this is unusable; no plan needs it, and it guards the walkers after us."""
ALIAS_FLOOR = 100_000
ALIAS_FACTOR = 10
"""Aliases may add max(ALIAS_FLOOR, ALIAS_FACTOR x the nodes written so far) nodes."""

_NO_KEY = object()  # a mapping waiting for its next key
_UNMARKED = "?"  # pointer prefix inside complex keys and merge values; never kept


def build(data: bytes, path: str) -> Document:
    """The document of UTF-8 bytes; parser errors propagate as PyYAML's exceptions."""
    return _Builder(path).build(data)


class _Builder:
    """One pass over the parser's events: values, marks and problems together."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.marks: dict[str, tuple[int, int]] = {}
        self.problems: list[Issue] = []
        self.unmarked = False  # whether pointers under complex keys or merges were written
        self.anchors: dict[str, tuple[Any, int]] = {}  # name -> (value, nodes it stands for)
        self.texts: dict[str, str] = {}  # pointer -> text of a value YAML did not read as text

    def build(self, data: bytes) -> Document:
        parser = CParser(data)
        get_event = parser.get_event
        event = get_event()
        if type(event) is StreamStartEvent:
            event = get_event()
        if type(event) is StreamEndEvent:
            return Document(self.path, {}, {}, [])
        root = self._root(get_event, get_event())
        event = get_event()
        if type(event) is DocumentEndEvent:
            event = get_event()
        if type(event) is not StreamEndEvent:
            raise unusable("more than one YAML document: a file holds one plan, and '---' "
                           "starts another; remove this line", event)
        marks, texts = self.marks, self.texts
        if self.unmarked:
            marks = {key: mark for key, mark in marks.items() if key[:1] != _UNMARKED}
            texts = {key: text for key, text in texts.items() if key[:1] != _UNMARKED}
        return Document(self.path, root, marks, self.problems, texts)

    def _root(self, get_event: Any, event: Any) -> Any:
        kind = type(event)
        if kind is MappingStartEvent:
            mark = event.start_mark
            self.marks[""] = (mark.line + 1, mark.column + 1)
            return self._mapping(get_event, event)
        if kind is ScalarEvent and event.value == "" and event.implicit[0] and not event.tag:
            return {}  # `---` with nothing after it: an empty plan
        if kind is SequenceStartEvent:
            found = "a list"
        elif kind is ScalarEvent:
            found = "a single value"
        else:
            found = type(event).__name__
        raise unusable(f"the top level is {found}; a plan is a mapping (key: value)", event)

    def _mapping(self, get_event: Any, start: MappingStartEvent) -> dict:
        """Build the root mapping and everything in it; returns when it closes.

        The current collection's state lives in locals (the hot path); a child collection
        pushes them on `stack`, and its end event pops them back. Every node ends in "deliver".
        """
        marks, texts, anchors = self.marks, self.texts, self.anchors
        stack: list[tuple] = []
        count = 1  # nodes written in the file, aliases included
        extra = 0  # nodes that aliases would add if expanded
        cur: Any = {}
        key: Any = _NO_KEY
        merged: set | None = None
        is_map, ptr, kptr = True, "", ""
        opened = self._open(start, stack, count + extra)

        while True:
            event = get_event()
            kind = type(event)
            if kind is ScalarEvent:
                count += 1
                if event.tag is None:
                    value = plain(event.value) if event.implicit[0] else event.value
                else:
                    value = tagged_scalar(event)
                if event.anchor is not None:
                    anchors[event.anchor] = (value, 1)
            elif kind is MappingStartEvent or kind is SequenceStartEvent:
                count += 1
                stack.append((cur, is_map, ptr, key, kptr, merged, opened))
                opened = self._open(event, stack, count + extra)
                is_map = kind is MappingStartEvent
                cur, key, merged = {} if is_map else [], _NO_KEY, None
                ptr = opened[3]
                continue
            elif kind is AliasEvent:
                count += 1  # the alias is written here; what it adds is the rest
                value, extra = self._alias(event, stack, opened, count, extra)
            else:  # the end of a mapping or a list: the only other event inside a document
                value = cur
                anchor, begun, event = opened[:3]  # a collection is placed where it began
                if anchor is not None:
                    anchors[anchor] = (value, count + extra - begun)
                if not stack:
                    return value
                cur, is_map, ptr, key, kptr, merged, opened = stack.pop()

            # deliver `value` to the current collection
            if not is_map:
                mark = event.start_mark
                item_ptr = f"{ptr}/{len(cur)}"
                marks[item_ptr] = (mark.line + 1, mark.column + 1)
                cur.append(value)
                if kind is ScalarEvent and value is not event.value and value is not None:
                    texts[item_ptr] = event.value
            elif key is _NO_KEY:
                key, kptr = self._key(cur, ptr, value, event, merged)
            elif key is MERGE:
                merged = self._merge(cur, ptr, value, merged)
                key = _NO_KEY
            else:
                cur[key] = value
                key = _NO_KEY
                if kind is ScalarEvent and value is not event.value and value is not None:
                    texts[kptr] = event.value

    def _open(self, event: Any, stack: list[tuple], begun: int) -> tuple:
        """Check a new collection; return its `opened` record (anchor, nodes before, event,
        pointer)."""
        if len(stack) >= MAX_DEPTH:
            raise unusable(f"nesting deeper than {MAX_DEPTH} levels", event)
        is_map = type(event) is MappingStartEvent
        tag = event.tag
        if tag is not None and tag != "!" and tag not in (MAPPING_TAGS if is_map
                                                          else SEQUENCE_TAGS):
            raise tag_error(tag, event)
        if not stack:
            pointer = ""
        else:
            parent, parent_is_map, parent_ptr, parent_key, parent_kptr = stack[-1][:5]
            if not parent_is_map:
                pointer = f"{parent_ptr}/{len(parent)}"
            elif parent_key is _NO_KEY:  # a collection as a key: `? [a, b]`
                pointer = _UNMARKED
                self.unmarked = True
            else:
                pointer = parent_kptr
        return (event.anchor, begun - 1, event, pointer)

    def _alias(self, event: AliasEvent, stack: list[tuple], opened: tuple, count: int,
               extra: int) -> tuple[Any, int]:
        """The anchored value, and the nodes aliases add once this one is counted."""
        found = self.anchors.get(event.anchor or "")
        if found is not None:
            value, size = found
            extra += size - 1
            limit = max(ALIAS_FLOOR, ALIAS_FACTOR * count)
            if extra > limit:
                raise unusable(f"alias expansion exceeds {limit} nodes", event)
            return value, extra
        name = event.anchor
        open_anchors = {frame[-1][0] for frame in stack} | {opened[0]}
        if name in open_anchors:
            raise unusable(f"alias *{name} refers to a collection that contains it", event)
        raise unusable(f"alias *{name} has no anchor &{name} before it", event)

    def _key(self, cur: dict, ptr: str, value: Any, event: Any,
             merged: set | None) -> tuple[Any, str]:
        """Turn a key node into the dict key; note duplicates and keys that are not text."""
        mark = event.start_mark
        where = (mark.line + 1, mark.column + 1)
        if type(value) is not str:
            if value is MERGE:
                self.marks[f"{ptr}/<<"] = where  # picked up by _merge
                self.unmarked = True
                return MERGE, _UNMARKED
            text = event.value if type(event) is ScalarEvent else str(value)
            kptr = f"{ptr}/{escape(text)}"
            if ptr[:1] != _UNMARKED:
                self.problems.append(key_issue(kptr, text, value))
            value = text
        else:
            kptr = f"{ptr}/{escape(value)}"
        if value in cur:
            if merged is not None and value in merged:
                merged.discard(value)  # a key written here beats a merged one
            elif ptr[:1] != _UNMARKED:
                first = self.marks.get(kptr, where)[0]
                self.problems.append(Issue(
                    "SMP001", kptr,
                    f"duplicate key '{value}' (first at line {first}); the later value wins",
                ))
        if ptr[:1] != _UNMARKED:
            self.marks[kptr] = where
        return value, kptr

    def _merge(self, cur: dict, ptr: str, value: Any, merged: set | None) -> set | None:
        """`<<: *defaults` or `<<: [*a, *b]`: keys not written here come from the sources."""
        where = self.marks.pop(f"{ptr}/<<", None)
        sources = value if type(value) is list else [value]
        if not sources or not all(type(source) is dict for source in sources):
            if ptr[:1] != _UNMARKED:
                self.problems.append(Issue(
                    "SMP003", f"{ptr}/<<",
                    "a merge key (<<) should be a mapping or a list of mappings; it is ignored",
                ))
                if where is not None:
                    self.marks[f"{ptr}/<<"] = where
            return merged
        if merged is None:
            merged = set()
        for source in sources:
            for name, item in source.items():
                if name not in cur:
                    cur[name] = item
                    merged.add(name)
                    if where is not None and ptr[:1] != _UNMARKED:
                        self.marks[f"{ptr}/{escape(name)}"] = where
        return merged
