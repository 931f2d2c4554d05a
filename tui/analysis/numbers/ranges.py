"""Ranges and signs: "between 5 and 10", "minus 5", and the contexts that make "5-10" a
score or a change rather than a range."""

from __future__ import annotations

from tui.analysis.numbers import (
    money,
    tails,
    values,
)
from tui.analysis.numbers.scanner import Hit, Scanner
from tui.analysis.numbers.tables import is_digit, is_word
from tui.analysis.numbers.values import Core


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
    """A score or vote word before the pair at [i, j) or after it: "won 3-1", "by a vote of
    60-40", "a 3-1 win", "a 52-48 vote"."""
    before = s.lw(i - 1)
    words = s.w["score_words"]
    if before in s.w["score_links"] and s.lw(i - 2) in words:
        return True
    return before in words or s.lw(j) in words


def is_score(s: Scanner, i: int, j: int, c: Core, c2: Core) -> bool:
    """The pair ``c`` [sep at j] ``c2`` is a score or a vote: two whole numbers, no unit after,
    and a score word around them, or a dash between a larger (or equal) number and a smaller one
    ("drew 2-2", "passed 52-48"; an ascending "5-10" is a range)."""
    if c.scaled or c2.scaled or c.glued_unit or c2.glued_unit or not c2.digits:
        return False
    if not (values.is_integral(c.value) and values.is_integral(c2.value)):
        return False
    if s.unit_like(c2.j) or (s.lw(c2.j) in s.w["dashes"] and s.glued(c2.j)):
        return False  # "10-5 km", "4-3-3"
    after = s.toks[c2.j] if c2.j < s.n else ""
    if score_context(s, i, c2.j):
        return c2.value <= c.value or not (
            after[:1].islower() and after.lower() not in s.w["score_followers"]
        )
    if (
        s.toks[j] == "–"
        and i > 0
        and s.cap(i - 1)
        and is_word(s.toks[i - 1])
        and s.low[i - 1] not in s.t.allowed_cap_before
        and s.result_follows(i)
    ):
        return True  # "Tunisia 1 – 2 England"
    return s.low[j] in s.w["dashes"] and c2.value <= c.value and not c.year_like


def score(s: Scanner, i0: int, i: int, c: Core, c2: Core) -> Hit:
    """A score or vote: the first number, the second kept as the qualifier ("3-1": 3, "to 1")."""
    return Hit(i0, c2.j, "score", c.value, None, values.upper(c2.value), i)


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
