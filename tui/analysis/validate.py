"""One validator for the analysis document, driven by the dataclasses of :mod:`tui.analysis.model`.

A cached entry is read back from disk, where anything may have happened to it (an old version, a
bad disk, someone's hand), and the engine's output must satisfy the same contract, so both go
through :func:`validate`. Everything is derived from the schema, not from known defects:

* every field has the type its annotation says (``int`` is never ``bool``, floats are finite,
  ``Literal`` kinds are among their values, lists hold their element type, dataclasses recurse);
* every string is free of control characters other than newline and tab (the text is sanitised
  before analysis, so anything else did not come from newsreader);
* every span (a dataclass with ``start``, ``end`` and ``text``) lies in the article and
  ``text[start:end] == span.text``;
* fields with a closed vocabulary that is not a ``Literal`` (:data:`CHOICES`) hold one of it;
* ids are unique per kind and every reference (:data:`REFERENCES`) names an existing actor;
  a claim's ``speaker`` is the first of its ``speakers``.

Importing this module does not import spaCy (the cache uses it before the engine is loaded).
"""

from __future__ import annotations

import math
import types
import typing
from collections.abc import Callable, Iterator
from dataclasses import fields, is_dataclass
from functools import cache
from typing import Any, Literal, Union, get_args, get_origin

from tui.analysis import model
from tui.analysis.model import ENTITY_LABELS, SCHEMA, Actor, Analysis, Claim, Entity
from tui.sources.sanitize import CONTROL_RE

CHOICES: dict[tuple[type, str], frozenset[str]] = {
    (Entity, "label"): frozenset(ENTITY_LABELS),
}
"""Closed vocabularies of plain ``str`` fields: (class, field) -> allowed values."""

REFERENCES: dict[tuple[type, str], type] = {
    (Actor, "refers_to"): Actor,
    (Claim, "speaker"): Actor,
    (Claim, "speakers"): Actor,
}
"""Fields holding ids (or lists of ids) of other items: (class, field) -> the class they name."""


class InvalidAnalysis(ValueError):
    """The document breaks the schema; the message says where (``claims[3].start: ...``)."""


Check = Callable[[Any, str], None]


def validate(analysis: Analysis) -> Analysis:
    """``analysis`` unchanged if it satisfies the schema; else :class:`InvalidAnalysis`."""
    if not isinstance(analysis, Analysis):
        raise InvalidAnalysis(f"not an analysis: {type(analysis).__name__}")
    _checker(Analysis)(analysis, "")
    if analysis.schema != SCHEMA:
        raise InvalidAnalysis(f"schema: {analysis.schema!r} is not {SCHEMA!r}")
    text = analysis.text
    ids: dict[type, set[str]] = {}
    for obj, where in _items(analysis):
        if hasattr(obj, "id"):
            seen = ids.setdefault(type(obj), set())
            if obj.id in seen:
                raise InvalidAnalysis(f"{where}.id: duplicate {obj.id!r}")
            seen.add(obj.id)
        if hasattr(obj, "start") and hasattr(obj, "end") and hasattr(obj, "text"):
            if not 0 <= obj.start <= obj.end <= len(text):
                raise InvalidAnalysis(f"{where}: offsets {obj.start}..{obj.end} outside the text")
            if text[obj.start:obj.end] != obj.text:
                raise InvalidAnalysis(f"{where}: text[{obj.start}:{obj.end}] is not its text")
    for obj, where in _items(analysis):
        for (cls, name), target in REFERENCES.items():
            if type(obj) is not cls:
                continue
            value = getattr(obj, name)
            for ref in value if isinstance(value, list) else [value]:
                if ref is not None and ref not in ids.get(target, set()):
                    raise InvalidAnalysis(f"{where}.{name}: no {target.__name__} {ref!r}")
        if isinstance(obj, Claim) and obj.speakers and obj.speaker != obj.speakers[0]:
            raise InvalidAnalysis(f"{where}.speaker: not the first of its speakers")
    return analysis


def _items(analysis: Analysis) -> Iterator[tuple[Any, str]]:
    """Every dataclass inside ``analysis`` with its path (``actors[2].mentions[0]``)."""
    stack: list[tuple[Any, str]] = [(analysis, "")]
    while stack:
        obj, where = stack.pop()
        if obj is not analysis:
            yield obj, where
        for f in fields(obj):
            value = getattr(obj, f.name)
            path = f"{where}.{f.name}" if where else f.name
            if is_dataclass(value):
                stack.append((value, path))
            elif isinstance(value, list):
                stack.extend((v, f"{path}[{i}]") for i, v in enumerate(value) if is_dataclass(v))


@cache
def _checker(cls: type) -> Check:
    """A function checking an instance of the dataclass ``cls`` field by field."""
    hints = typing.get_type_hints(cls, vars(model))
    checks = [(f.name, _for_type(hints[f.name], CHOICES.get((cls, f.name)))) for f in fields(cls)]

    def check(obj: Any, where: str) -> None:
        if type(obj) is not cls:
            raise InvalidAnalysis(f"{where or 'document'}: not a {cls.__name__}")
        for name, field_check in checks:
            field_check(getattr(obj, name), f"{where}.{name}" if where else name)

    return check


def _for_type(tp: Any, choices: frozenset[str] | None = None) -> Check:
    """A function checking one value against the annotation ``tp``."""
    origin = get_origin(tp)
    if origin is Literal:
        allowed = frozenset(get_args(tp))
        return lambda v, w: _require(isinstance(v, str) and v in allowed, w, f"{v!r} not allowed")
    if origin in (Union, types.UnionType):
        options = [_for_type(a) for a in get_args(tp) if a is not type(None)]
        nullable = type(None) in get_args(tp)
        inner = options[0] if len(options) == 1 else _any_of(options)
        return lambda v, w: None if (nullable and v is None) else inner(v, w)
    if origin is list:
        (item_type,) = get_args(tp)
        item = _for_type(item_type)

        def check_list(v: Any, w: str) -> None:
            _require(type(v) is list, w, "not a list")
            for i, x in enumerate(v):
                item(x, f"{w}[{i}]")

        return check_list
    if tp is bool:
        return lambda v, w: _require(type(v) is bool, w, "not a boolean")
    if tp is int:
        return lambda v, w: _require(type(v) is int, w, "not an integer")
    if tp is float:
        return lambda v, w: _require(type(v) in (int, float) and math.isfinite(v), w,
                                     "not a finite number")
    if tp is str:
        def check_str(v: Any, w: str) -> None:
            _require(type(v) is str, w, "not a string")
            _require(CONTROL_RE.search(v) is None, w, "holds control characters")
            if choices is not None:
                _require(v in choices, w, f"{v!r} not allowed")

        return check_str
    if isinstance(tp, type) and is_dataclass(tp):
        return _checker(tp)
    raise TypeError(f"no check for the annotation {tp!r}")  # a schema change needs a rule here


def _any_of(options: list[Check]) -> Check:
    def check(v: Any, w: str) -> None:
        for option in options:
            try:
                option(v, w)
                return
            except InvalidAnalysis:
                continue
        raise InvalidAnalysis(f"{w}: wrong type")

    return check


def _require(ok: bool, where: str, problem: str) -> None:
    if not ok:
        raise InvalidAnalysis(f"{where}: {problem}")
