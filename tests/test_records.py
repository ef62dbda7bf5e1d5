"""The package's `NamedTuple` behaves as typing's does for the record classes it builds."""

from __future__ import annotations

import pickle
import typing

import pytest

from smplan_lint.records import NamedTuple


class Point(NamedTuple):
    """A point on a grid."""

    x: int
    y: int = 0
    tags: tuple[str, ...] = ()

    def moved(self, dx: int) -> Point:
        return self._replace(x=self.x + dx)

    @property
    def size(self) -> int:
        return abs(self.x) + abs(self.y)


class TypingPoint(typing.NamedTuple):
    x: int
    y: int = 0
    tags: tuple[str, ...] = ()


def test_fields_defaults_and_methods_come_from_the_class_body() -> None:
    point = Point(3, -4)
    assert point == (3, -4, ()) and point.tags == ()
    assert Point._fields == ("x", "y", "tags") and Point._field_defaults == {"y": 0, "tags": ()}
    assert point.moved(1) == Point(4, -4) and point.size == 7
    assert Point.__doc__ == "A point on a grid." and Point.__module__ == __name__
    assert repr(point) == "Point(x=3, y=-4, tags=())"
    assert set(Point.__annotations__) == {"x", "y", "tags"}


def test_it_is_the_tuple_typing_would_make() -> None:
    ours, theirs = Point(1, 2, ("a",)), TypingPoint(1, 2, ("a",))
    assert ours == theirs and hash(ours) == hash(theirs) and ours._asdict() == theirs._asdict()
    assert isinstance(ours, tuple) and Point(**{"x": 1}) == Point(1)
    with pytest.raises(AttributeError):
        ours.x = 5  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(ours)) == ours  # worker processes get records by pickle


class Empty(NamedTuple):
    pass


class Single(NamedTuple):
    only: str = "x"


@pytest.mark.parametrize(("ours", "fields", "defaults", "values"), [
    (Point, ("x", "y", "tags"), (0, ()), (1, 2, ("a",))),
    (Empty, (), (), ()),
    (Single, ("only",), ("x",), ("y",)),
])
def test_it_is_the_class_collections_namedtuple_makes(ours: type, fields: tuple[str, ...],
                                                      defaults: tuple, values: tuple) -> None:
    import collections
    import copy

    theirs = collections.namedtuple(ours.__name__, fields, defaults=defaults)
    mine, other = ours(*values), theirs(*values)
    assert repr(mine) == repr(other) and mine._asdict() == other._asdict()
    assert ours.__match_args__ == theirs.__match_args__ == fields
    assert ours._field_defaults == theirs._field_defaults
    assert ours._make(values) == mine and copy.deepcopy(mine) == mine
    assert type(copy.copy(mine)) is ours and pickle.loads(pickle.dumps(mine)) == mine
    assert ours.__new__.__defaults__ == theirs.__new__.__defaults__
    assert ours.__new__.__qualname__ == f"{ours.__name__}.__new__"
    assert [getattr(mine, field) for field in fields] == list(values)
    with pytest.raises(TypeError, match=f"Expected {len(fields)} arguments"):
        ours._make((*values, 1))
    with pytest.raises(ValueError, match="unexpected field names: \\['nope'\\]"):
        mine._replace(nope=1)
    with pytest.raises(TypeError):
        ours(*values, 1)
    assert Empty.__doc__ == "Empty()" and Point.__doc__ == "A point on a grid."


def test_a_record_matches_a_class_pattern_by_position() -> None:
    match Point(1, 2):
        case Point(x, y):
            assert (x, y) == (1, 2)
        case _:
            pytest.fail("Point(x, y) matches by __match_args__")


def test_a_field_without_default_after_one_with_default_is_refused() -> None:
    with pytest.raises(TypeError, match="follows one with a default"):
        class Bad(NamedTuple):  # noqa: F841
            a: int = 1
            b: int  # type: ignore[misc]


def test_a_body_cannot_replace_what_the_tuple_is_made_of() -> None:
    with pytest.raises(AttributeError, match="cannot set _replace"):
        class Bad(NamedTuple):  # noqa: F841
            a: int

            def _replace(self, **changes: int) -> Bad:  # type: ignore[misc]
                return self


def test_fields_it_cannot_see_are_refused_not_dropped() -> None:
    # How Python 3.14 hands over a class body whose annotations are not postponed.
    with pytest.raises(TypeError, match="from __future__ import annotations"):
        type(NamedTuple)("Lazy", (NamedTuple,), {"__module__": __name__,
                                                 "__annotate__": lambda format: {"a": int}})
