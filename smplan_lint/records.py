"""`NamedTuple`, spelled as typing spells it, made without typing's checks of each field.

typing.NamedTuple checks every field's annotation, and under postponed annotations
(`from __future__ import annotations`) that compiles each one as an expression:
about a sixth of a millisecond per class, several milliseconds of every start over
the package's record classes. The checks only reject annotations that are not
types, which the type checker already does. So type checkers see typing's own
`NamedTuple`, and at run time the class body becomes the tuple class that
`collections.namedtuple` would make: the same fields, defaults, methods, `repr`,
pickling and docstring.

It is made here, not by `collections.namedtuple`, because that compiles each class's
`__new__` from source, half of its time. Here one `__new__` is compiled per number
of fields and its parameters renamed for each class; the other methods are shared.
"""

from __future__ import annotations

from types import CodeType, FunctionType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from typing import NamedTuple as NamedTuple
else:
    try:
        from _collections import _tuplegetter  # what collections.namedtuple uses
    except ImportError:  # another interpreter than CPython
        from operator import itemgetter

        def _tuplegetter(index: int, doc: str) -> property:
            return property(itemgetter(index), doc=doc)

    # What the record class is made of; a class body may not set these.
    _MADE = frozenset({"__new__", "__init__", "__slots__", "__getnewargs__", "_fields",
                       "_field_defaults", "_make", "_replace", "_asdict"})
    _GLOBALS = {"_tuple_new": tuple.__new__}
    _NEW_CODE: dict[int, CodeType] = {}

    def _new(name: str, fields: tuple[str, ...], defaults: tuple[Any, ...]) -> FunctionType:
        """`__new__(_cls, <fields>)`: the code compiled once for this many fields."""
        code = _NEW_CODE.get(len(fields))
        if code is None:
            params = [f"_{index}" for index in range(len(fields))]
            source = (f"def __new__({', '.join(['_cls', *params])}):\n"
                      f"    return _tuple_new(_cls, ({''.join(p + ', ' for p in params)}))")
            made: dict[str, Any] = {}
            exec(source, _GLOBALS, made)  # noqa: S102  (our own source text, names generated)
            code = _NEW_CODE[len(fields)] = made["__new__"].__code__
        new = FunctionType(code.replace(co_varnames=("_cls", *fields)), _GLOBALS, "__new__",
                           defaults)
        new.__qualname__ = f"{name}.__new__"
        new.__doc__ = f"Create new instance of {name}({', '.join(fields)})"
        return new

    @classmethod
    def _make(cls: type, iterable: Any) -> tuple:
        """Make a new record from a sequence or iterable."""
        result = tuple.__new__(cls, iterable)
        if len(result) != len(cls._fields):
            raise TypeError(f"Expected {len(cls._fields)} arguments, got {len(result)}")
        return result

    def _replace(self: Any, /, **changes: Any) -> Any:
        """Return a new record replacing the fields named with new values."""
        result = self._make(map(changes.pop, self._fields, self))
        if changes:
            raise ValueError(f"Got unexpected field names: {list(changes)!r}")
        return result

    def _asdict(self: Any) -> dict[str, Any]:
        """Return a new dict which maps field names to their values."""
        return dict(zip(self._fields, self, strict=True))

    def __getnewargs__(self: tuple) -> tuple:  # noqa: N807  (pickling and copying)
        """Return self as a plain tuple."""
        return tuple(self)

    def _record(name: str, fields: tuple[str, ...], defaults: tuple[Any, ...],
                module: str) -> type:
        """The class `collections.namedtuple(name, fields, defaults=defaults)` makes."""
        shape = "(" + ", ".join(f"{field}=%r" for field in fields) + ")"

        def __repr__(self: tuple) -> str:  # noqa: N807
            """Return a nicely formatted representation string"""
            return type(self).__name__ + shape % self

        namespace: dict[str, Any] = {
            "__doc__": f"{name}({', '.join(fields)})", "__slots__": (), "_fields": fields,
            "_field_defaults": dict(zip(fields[len(fields) - len(defaults):], defaults,
                                        strict=True)),
            "__new__": _new(name, fields, defaults), "_make": _make, "_replace": _replace,
            "__repr__": __repr__, "_asdict": _asdict, "__getnewargs__": __getnewargs__,
            "__match_args__": fields, "__module__": module,
        }
        for index, field in enumerate(fields):
            namespace[field] = _tuplegetter(index, f"Alias for field number {index}")
        return type(name, (tuple,), namespace)

    class _Maker(type):
        """The metaclass of `NamedTuple`: a subclass's body becomes a named tuple."""

        def __new__(cls, name: str, bases: tuple[type, ...], body: dict[str, Any]) -> type:
            if "__annotations__" not in body and "__annotate__" in body:
                # Python 3.14 evaluates annotations lazily unless they are postponed
                raise TypeError(f"{name}: its module needs `from __future__ import annotations`")
            fields = body.get("__annotations__", {})
            defaults = tuple(body[field] for field in fields if field in body)
            if any(field not in body for field in list(fields)[len(fields) - len(defaults):]):
                raise TypeError(f"{name}: a field without a default follows one with a default")
            made = _record(name, tuple(fields), defaults, body["__module__"])
            made.__annotations__ = dict(fields)
            for key, value in body.items():
                if key in _MADE:
                    raise AttributeError(f"{name}: a named tuple cannot set {key}")
                if key not in fields and key not in ("__module__", "__annotations__"):
                    setattr(made, key, value)
            return made

    NamedTuple = type.__new__(_Maker, "NamedTuple", (), {})
