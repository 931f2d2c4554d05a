"""Ranges and signs: "between 5 and 10", "minus 5", and the contexts that make "5-10" a
score or a change rather than a range."""

from __future__ import annotations

from tui.analysis.numbers import (
    money,
    tails,
    values,
)
from tui.analysis.numbers.scanner import Hit, Scanner
from tui.analysis.numbers.tables import is_digit


def after_change(s: Scanner, i: int) -> bool:
    """ "rose 5% to 10%", "fell $2 to $80": a change then a level, not a range."""
    k = i - 1
    a = s.phrase_before(i, s.t.approximators)
    if a is not None:
        k = a[0] - 1
    if s.lw(k) == "from":
        k -= 1
    return s.lw(k) in s.t.change_words


def score_context(s: Scanner, i: int, j: int) -> bool:
    return (
        s.lw(i - 1) in s.w["score_words"]
        or s.lw(j) in s.w["score_words"]
        or (s.lw(i - 1) in s.w["score_articles"] and s.lw(j) in s.w["score_words"])
    )


def between(s: Scanner, i: int) -> Hit | None:
    j = i + 1
    if j >= s.n:
        return None
    tok = s.toks[j]
    if not (
        is_digit(tok)
        or s.low[j] in s.t.units
        or s.low[j] in s.t.tens
        or s.low[j] in s.t.currency_symbols
    ):
        return None
    if s.low[j] in s.t.currency_symbols:
        h1 = money.money_prefix(s, j)
    elif is_digit(tok):
        if s.name_before(j):
            return None
        c = values.core(s, j)
        if c is None:
            return None
        h1 = (
            tails.after_number(s, j, c)
            if not c.year_like
            else Hit(j, c.j, "date", c.value, None, None, j)
        )
    else:
        c = values.word_core(s, j)
        if c is None:
            return None
        h1 = tails.after_number(s, j, c)
    if h1 is None:
        return None
    k = h1.i1
    if s.lw(k) != "and" or k + 1 >= s.n:
        return h1
    tok2 = s.toks[k + 1]
    if s.low[k + 1] in s.t.currency_symbols:
        save = s.floor
        s.floor = k + 1
        h2 = money.money_prefix(s, k + 1)
        s.floor = save
    elif is_digit(tok2) or s.low[k + 1] in s.t.units or s.low[k + 1] in s.t.tens:
        c2 = values.core(s, k + 1)
        if c2 is None:
            return h1
        save = s.floor
        s.floor = k + 1
        h2 = (
            tails.after_number(s, k + 1, c2)
            if not c2.year_like
            else Hit(k + 1, c2.j, "date", c2.value, None, None, k + 1)
        )
        s.floor = save
    else:
        return h1
    if h2 is None or h2.value is None or h1.value is None:
        return h1
    unit = h2.unit or h1.unit
    value = h1.value
    d1, d2 = s.toks[h1.core0], s.toks[h2.core0]
    if (
        is_digit(d1)
        and is_digit(d2)
        and ":" not in d1 + d2
        and h1.value == values.num(d1)
        and values.num(d2)
    ):
        scale2 = h2.value / values.num(d2)
        if scale2 >= 1000 and h1.value < h2.value:
            value = h1.value * scale2  # "between $5 and $10 billion"
    kind = "date" if (h1.kind == "date" and h2.kind == "date") else "range"
    if kind == "date":
        unit = None
    return Hit(i, h2.i1, kind, value, unit, values.upper(h2.value), j)


def minus(s: Scanner, i: int) -> Hit | None:
    j = i + 1
    if j >= s.n or not (is_digit(s.toks[j]) or s.low[j] in s.t.units or s.low[j] in s.t.tens):
        return None
    c = values.core(s, j)
    if c is None:
        return None
    h = tails.after_number(s, j, c)
    if h is None or h.value is None or h.kind in ("date", "time"):
        return None
    h.value = -h.value
    h.i0 = i
    return h
