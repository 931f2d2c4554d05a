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
from collections.abc import Callable
from dataclasses import dataclass, field, fields, is_dataclass
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

    def __init__(self, problem: str, where: str = "") -> None:
        super().__init__(f"{where or 'document'}: {problem}")
        self.problem, self.where = problem, where

    def inside(self, prefix: str) -> InvalidAnalysis:
        """The same problem, located one level further out."""
        where = f"{prefix}.{self.where}" if self.where and self.where[0] != "[" else \
            f"{prefix}{self.where}"
        return InvalidAnalysis(self.problem, where)


@dataclass(slots=True)
class _Context:
    """What the checks of one document share: its text, the ids seen, the references to check."""

    text: str
    ids: dict[type, set[str]] = field(default_factory=dict)
    refs: list[tuple[Any, str, type]] = field(default_factory=list)


Check = Callable[[Any, _Context], None]


def validate(analysis: Analysis) -> Analysis:
    """``analysis`` unchanged if it satisfies the schema; else :class:`InvalidAnalysis`."""
    if type(analysis) is not Analysis:
        raise InvalidAnalysis(f"not an analysis: {type(analysis).__name__}")
    if type(analysis.text) is not str:
        raise InvalidAnalysis("not a string", "text")
    ctx = _Context(analysis.text)
    _checker(Analysis)(analysis, ctx)
    if analysis.schema != SCHEMA:
        raise InvalidAnalysis(f"{analysis.schema!r} is not {SCHEMA!r}", "schema")
    for obj, name, target in ctx.refs:
        value = getattr(obj, name)
        known = ctx.ids.get(target, set())
        for ref in value if isinstance(value, list) else [value]:
            if ref is not None and ref not in known:
                raise InvalidAnalysis(f"no {target.__name__} {ref!r}", f"{obj.id}.{name}")
    return analysis


@cache
def _checker(cls: type) -> Check:
    """A function checking an instance of the dataclass ``cls``: its fields by their annotations,
    then what its shape implies (a span lies in the text, an id is unique)."""
    hints = typing.get_type_hints(cls, vars(model))
    names = [f.name for f in fields(cls)]
    checks = [(name, _for_type(hints[name], CHOICES.get((cls, name)))) for name in names]
    is_span = {"start", "end", "text"} <= set(names)
    has_id = "id" in names
    refs = [(name, target) for (owner, name), target in REFERENCES.items() if owner is cls]
    is_claim = cls is Claim

    def check(value: Any, ctx: _Context) -> None:
        if type(value) is not cls:  # exactly the class: no look-alike object
            raise InvalidAnalysis(f"not a {cls.__name__}")
        obj: Any = value  # (the check above would narrow ``value`` to ``object``)
        for name, field_check in checks:
            try:
                field_check(getattr(obj, name), ctx)
            except InvalidAnalysis as exc:
                raise exc.inside(name) from None
        if is_span:
            start, end = obj.start, obj.end
            if not 0 <= start <= end <= len(ctx.text):
                raise InvalidAnalysis(f"offsets {start}..{end} outside the text")
            if ctx.text[start:end] != obj.text:
                raise InvalidAnalysis(f"text[{start}:{end}] is not its text")
        if has_id:
            seen = ctx.ids.setdefault(cls, set())
            if obj.id in seen:
                raise InvalidAnalysis(f"duplicate {obj.id!r}", "id")
            seen.add(obj.id)
        for name, target in refs:
            ctx.refs.append((obj, name, target))
        if is_claim and obj.speakers and obj.speaker != obj.speakers[0]:
            raise InvalidAnalysis("not the first of its speakers", "speaker")

    return check


def _for_type(tp: Any, choices: frozenset[str] | None = None) -> Check:
    """A function checking one value against the annotation ``tp``."""
    origin = get_origin(tp)
    if origin is Literal:
        allowed = frozenset(get_args(tp))
        return lambda v, _: _require(type(v) is str and v in allowed, f"{v!r} not allowed")
    if origin in (Union, types.UnionType):
        options = [_for_type(a) for a in get_args(tp) if a is not type(None)]
        nullable = type(None) in get_args(tp)
        inner = options[0] if len(options) == 1 else _any_of(options)
        return lambda v, ctx: None if (nullable and v is None) else inner(v, ctx)
    if origin is list:
        (item_type,) = get_args(tp)
        item = _for_type(item_type)

        def check_list(v: Any, ctx: _Context) -> None:
            _require(type(v) is list, "not a list")
            for i, x in enumerate(v):
                try:
                    item(x, ctx)
                except InvalidAnalysis as exc:
                    raise exc.inside(f"[{i}]") from None

        return check_list
    if tp is bool:
        return lambda v, _: _require(type(v) is bool, "not a boolean")
    if tp is int:
        return lambda v, _: _require(type(v) is int, "not an integer")
    if tp is float:
        return lambda v, _: _require(type(v) in (int, float) and math.isfinite(v),
                                     "not a finite number")
    if tp is str:
        def check_str(v: Any, _: _Context) -> None:
            _require(type(v) is str, "not a string")
            _require(CONTROL_RE.search(v) is None, "holds control characters")
            if choices is not None:
                _require(v in choices, f"{v!r} not allowed")

        return check_str
    if isinstance(tp, type) and is_dataclass(tp):
        return _checker(tp)
    raise TypeError(f"no check for the annotation {tp!r}")  # a schema change needs a rule here


def _any_of(options: list[Check]) -> Check:
    def check(v: Any, ctx: _Context) -> None:
        for option in options:
            try:
                option(v, ctx)
                return
            except InvalidAnalysis:
                continue
        raise InvalidAnalysis("wrong type")

    return check


def _require(ok: bool, problem: str) -> None:
    if not ok:
        raise InvalidAnalysis(problem)
