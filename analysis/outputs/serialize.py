"""Frozen dataclasses to plain JSON data and back.

The JSON contract is the dataclasses themselves: every field becomes a key, and
tuples become lists. :func:`from_dict` rebuilds the objects from their type
hints, so a saved or streamed result loads back into the same types the
dashboard and the exports read (the tests check the round trip).
"""

from __future__ import annotations

import dataclasses
import json
import math
import types
import typing
from functools import cache
from typing import Any, TypeVar

T = TypeVar("T")


def _serialised(field: dataclasses.Field) -> bool:
    """Whether a field is written out: derived data (``Doc.tokens``) says it is not."""
    return field.metadata.get("serialize", True)


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls) if _serialised(f))


@cache
def _own_dict_is_fields(cls: type) -> bool:
    """Whether an instance's ``__dict__`` holds its serialised fields, in order, once set.

    True when instances have a ``__dict__`` (no ``__slots__``) and every field
    is serialised and set by ``__init__`` (which sets them in field order):
    the dict then starts with exactly the fields, and any extra attribute
    would make it longer (``fields_of`` checks the length).
    """
    if any("__slots__" in vars(c) for c in cls.__mro__):
        return False
    return all(
        _serialised(f)
        and (f.init or f.default is not dataclasses.MISSING
             or f.default_factory is not dataclasses.MISSING)
        for f in dataclasses.fields(cls)
    )


_PLANS: dict[type, tuple[tuple[str, ...], bool]] = {}
"""Per dataclass: its serialised field names, and whether its ``__dict__`` is them."""


def fields_of(obj: Any) -> dict[str, Any]:
    """A dataclass's fields as a dict, one level deep: ``json.dumps``'s ``default`` hook.

    The C encoder calls it for every dataclass it meets and encodes the rest
    itself (tuples as lists), so one ``json.dumps`` call writes a whole story
    without building an intermediate tree. An article holds hundreds of
    dataclasses, so the hook is a dict lookup by type and, for most classes,
    the instance's own ``__dict__`` (read, never changed), not a new dict.

    Raises:
        TypeError: For anything that is not a dataclass instance, as
            ``json.dumps`` expects of its hook.
    """
    cls = type(obj)
    plan = _PLANS.get(cls)
    if plan is None:
        if not dataclasses.is_dataclass(cls):
            raise TypeError(f"{cls.__name__} is not JSON serialisable")
        plan = _PLANS[cls] = (_field_names(cls), _own_dict_is_fields(cls))
    names, own = plan
    if own:
        values = obj.__dict__
        if len(values) == len(names):
            return values
    return {name: getattr(obj, name) for name in names}


def dumps(obj: Any, indent: int | None = None) -> str:
    """``obj`` (a dataclass tree) as strict JSON: NaN and infinities written as null.

    Python's ``json`` would write non-finite floats as ``NaN``/``Infinity``,
    which is not JSON: strict readers (browsers, jq, other languages) reject
    the whole file. They are rare, so the fast path refuses them
    (``allow_nan=False``) and only then is the tree walked to replace them.
    The bytes are those of ``json.dumps(finite(to_dict(obj)))``.

    The encoder's check for circular references is off (a tenth of the time
    on an article: it keeps a dict of every container on the path): results
    are trees of frozen dataclasses built bottom up, which cannot hold a
    cycle, and a cycle would end in a ``RecursionError`` either way (with the
    check on, its ``ValueError`` sent :func:`to_dict` into the cycle).

    Args:
        obj: A dataclass instance, or plain data holding them.
        indent: JSON indentation (None for one line).
    """
    try:
        return json.dumps(obj, default=fields_of, ensure_ascii=False, indent=indent,
                          allow_nan=False, check_circular=False)
    except ValueError:
        return json.dumps(finite(to_dict(obj)), ensure_ascii=False, indent=indent,
                          allow_nan=False)


def finite(data: Any) -> Any:
    """Replace NaN and infinities in plain data (from :func:`to_dict`) with None."""
    if isinstance(data, float):
        return data if math.isfinite(data) else None
    if isinstance(data, dict):
        return {k: finite(v) for k, v in data.items()}
    if isinstance(data, list):
        return [finite(v) for v in data]
    return data


def to_dict(obj: Any) -> Any:
    """Convert a dataclass tree to dicts, lists and scalars.

    Args:
        obj: A dataclass instance, tuple, list, dict or scalar.

    Returns:
        Plain data that ``json.dumps`` accepts.
    """
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {name: to_dict(getattr(obj, name)) for name in _field_names(type(obj))}
    if isinstance(obj, (list, tuple)):
        return [to_dict(v) for v in obj]
    if isinstance(obj, dict):
        return {str(k): to_dict(v) for k, v in obj.items()}
    return obj


def from_dict(cls: type[T], data: Any) -> T:
    """Rebuild a dataclass tree of type ``cls`` from :func:`to_dict` output.

    Args:
        cls: The dataclass type to build.
        data: Plain data as produced by :func:`to_dict` (or read from JSON).

    Returns:
        An instance of ``cls``.
    """
    return _build(cls, data)


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _build(tp: Any, data: Any) -> Any:
    if data is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(tp) if a is not type(None)]
        for option in options:
            if dataclasses.is_dataclass(option) and isinstance(data, dict):
                return _build(option, data)
        return _build(options[0], data) if len(options) == 1 else data
    if origin is tuple:
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_build(args[0], v) for v in data)
        return tuple(_build(a, v) for a, v in zip(args, data, strict=False))
    if origin is list:
        (arg,) = typing.get_args(tp)
        return [_build(arg, v) for v in data]
    if origin is dict:
        _, value = typing.get_args(tp)
        return {k: _build(value, v) for k, v in data.items()}
    if dataclasses.is_dataclass(tp):
        hints = _hints(tp)
        kwargs = {
            f.name: _build(hints[f.name], data[f.name])
            for f in dataclasses.fields(tp)
            if f.name in data
        }
        return tp(**kwargs)
    if tp is float and isinstance(data, int):
        return float(data)
    return data
