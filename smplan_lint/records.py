"""`NamedTuple`, spelled as typing spells it, made without typing's checks of each field.

typing.NamedTuple checks every field's annotation, and under postponed annotations
(`from __future__ import annotations`) that compiles each one as an expression:
about a sixth of a millisecond per class, several milliseconds of every start over
the package's record classes. The checks only reject annotations that are not
types, which the type checker already does. So type checkers see typing's own
`NamedTuple`, and at run time the same class body is handed to
`collections.namedtuple`: the same fields, defaults, methods and docstring.
"""

from __future__ import annotations

from collections import namedtuple
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from typing import NamedTuple as NamedTuple
else:
    # What collections.namedtuple makes itself; a class body may not set these.
    _MADE = frozenset({"__new__", "__init__", "__slots__", "__getnewargs__", "_fields",
                       "_field_defaults", "_make", "_replace", "_asdict"})

    class _Maker(type):
        """The metaclass of `NamedTuple`: a subclass's body becomes a named tuple."""

        def __new__(cls, name: str, bases: tuple[type, ...], body: dict[str, Any]) -> type:
            if "__annotations__" not in body and "__annotate__" in body:
                # Python 3.14 evaluates annotations lazily unless they are postponed
                raise TypeError(f"{name}: its module needs `from __future__ import annotations`")
            fields = body.get("__annotations__", {})
            defaults = [body[field] for field in fields if field in body]
            if any(field not in body for field in list(fields)[len(fields) - len(defaults):]):
                raise TypeError(f"{name}: a field without a default follows one with a default")
            made = namedtuple(name, fields, defaults=defaults, module=body["__module__"])
            made.__annotations__ = dict(fields)
            for key, value in body.items():
                if key in _MADE:
                    raise AttributeError(f"{name}: a named tuple cannot set {key}")
                if key not in fields and key not in ("__module__", "__annotations__"):
                    setattr(made, key, value)
            return made

    NamedTuple = type.__new__(_Maker, "NamedTuple", (), {})
