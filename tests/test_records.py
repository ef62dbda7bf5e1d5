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
