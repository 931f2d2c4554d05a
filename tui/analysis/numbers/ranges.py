"""Ranges and signs: "between 5 and 10", "minus 5", and the contexts that make "5-10" a
score or a change rather than a range."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.analysis.numbers import (
    dates,
    money,
    tails,
    values,
)
from tui.analysis.numbers.scanner import NO_NUMBER, Hit, NoNumber, Scanner
from tui.analysis.numbers.tables import is_digit, is_word
from tui.analysis.numbers.values import Core

if TYPE_CHECKING:
    from tui.analysis.numbers.tails import Tail


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
        (s.toks[j] == "–" or not (s.glued(j) and s.glued(j + 1)))
        and i > 0
        and s.cap(i - 1)
        and is_word(s.toks[i - 1])
        and s.low[i - 1] not in s.t.allowed_cap_before
        and s.result_follows(i)
    ):
        return True  # "Peru 1 – 2 Ghana", "Peru 1 - 2 Ghana"
    return s.low[j] in s.w["dashes"] and c2.value <= c.value and not c.year_like


def score(s: Scanner, i0: int, i: int, c: Core, c2: Core) -> Hit:
    """A score or vote: the first number, the second kept as the qualifier ("3-1": 3, "to 1")."""
    return Hit(i0, c2.j, "score", c.value, None, values.upper(c2.value), i)


def between(s: Scanner, i: int) -> Hit | None:
    """ "between 5 and 10", "between $5 and $10 billion" (the scale applies to both), "between 2010
    and 2015" (a date)."""
    j = i + 1
    if j >= s.n:
        return None
    if s.low[j] in s.t.months or s.low[j] in s.t.month_abbrevs:
        return between_months(s, i)
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


def between_months(s: Scanner, i: int) -> Hit | None:
    """ "between July 2003 and December 2004" (one date, 2003, "to December 2004"), "between
    May 1 and May 5"; a lone month after "between" is read as usual."""
    h1 = dates.month(s, i + 1, span_ok=False)
    if h1 is None or h1.i0 != i + 1:
        return h1
    k = h1.i1
    if s.lw(k) != "and" or not (s.lw(k + 1) in s.t.months or s.lw(k + 1) in s.t.month_abbrevs):
        return h1
    save = s.floor
    s.floor = k + 1
    h2 = dates.month(s, k + 1, span_ok=False)
    s.floor = save
    if h2 is None or h2.i0 != k + 1:
        return h1
    second = s.text[s.starts[h2.i0] : s.ends[h2.i1 - 1]]
    value = h1.value if h1.value is not None else h2.value
    return Hit(i, h2.i1, "date", value, None, f"to {second}", i + 1)


def minus(s: Scanner, i: int) -> Hit | None:
    """ "minus 5 degrees": the number made negative."""
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


def _range_start(s: Scanner, tl: Tail) -> bool:
    """The tokens after the number can start a range: "5-10", "1 – 0", "5 to 10", "two or
    three" (digits with digits, words with words, not "rose 5% to 10%")."""
    j, c = tl.j, tl.c
    sep, nxt = s.toks[j], s.toks[j + 1]
    if c.digits and is_digit(nxt):
        if sep in s.w["range_dashes"] and s.glued(j) and s.glued(j + 1):
            return True
        if sep == "–":
            return True
        if sep in s.w["range_dashes"] and c.year_like and len(nxt) == 4 and nxt.isdecimal():
            return True  # a spaced year span: "2000 - 2050"
        if sep in s.w["range_dashes"] and len(s.toks[j - 1]) <= 3 and len(nxt) <= 3:
            return nxt.isdecimal() and s.toks[j - 1].isdecimal()  # spaced "1 - 0", "10 - 15"
    return (
        s.low[j] in s.w["range_words"]
        and (is_digit(nxt) == c.digits)
        and (c.digits or s.low[j + 1] in s.t.units or s.low[j + 1] in s.t.tens)
        and not after_change(s, tl.s0)
    )


def _glued_word_after(s: Scanner, c2: Core) -> bool:
    """The second number runs into a word ("5-10x"): not a range's bound."""
    return (
        c2.digits and s.glued(c2.j) and c2.j < s.n and is_word(s.toks[c2.j]) and not c2.glued_unit
    )


def range_after(s: Scanner, tl: Tail) -> Hit | NoNumber | None:
    """An explicit range after the number: "5-10", "5 to 10 million" (the scale applies to
    both), "$5-$10"; or what looks like one and is not: a year span "2013-14" (a date), a score
    "won 3-1", a phone number "555-1234"."""
    j, c, i = tl.j, tl.c, tl.i
    if j + 1 >= s.n or tl.vague:
        return None
    t = s.t
    sep, nxt = s.toks[j], s.toks[j + 1]
    if (
        tl.currency
        and (sep in s.w["range_dashes"] or (s.low[j] == "to" and not after_change(s, tl.s0)))
        and nxt in t.currency_symbols
    ):
        # $5-$10
        if j + 2 < s.n and is_digit(s.toks[j + 2]):
            c3 = values.core(s, j + 2)
            if c3 is not None:
                tl.upper = c3.value
                tl.j = c3.j
        return None
    if not _range_start(s, tl):
        return None
    c2 = values.core(s, j + 1)
    if c2 is None:
        return None
    if (
        sep in s.w["range_dashes"]
        and s.glued(j)
        and len(s.toks[i]) == 3
        and len(s.toks[j + 1]) == 4
        and not c.scaled
        and not c2.scaled
        and not s.unit_like(c2.j)
    ):
        return NO_NUMBER  # a phone number: 555-1234
    if _glued_word_after(s, c2):
        return None
    if c.year_like and c2.digits and not c2.scaled and (len(s.toks[j + 1]) == 2 or c2.year_like):
        # 2013-14, 1939-1945
        y2 = c2.value
        if y2 < 100:
            y2 = (tl.value // 100) * 100 + y2
        if y2 > tl.value and not score_context(s, i, c2.j):
            return s.finish(tl.s0, c2.j, "date", tl.value, None, f"to {int(y2)}", core0=i)
    if c.digits and tl.currency is None and is_score(s, i, j, c, c2):
        return score(s, tl.s0, i, c, c2)
    if c.digits and score_context(s, i, c2.j):
        return NO_NUMBER  # "won 5-10 seats": neither a score nor a quantity
    if c2.value <= tl.value and not c2.scaled and not (c.scaled and c2.value * 1000 > tl.value):
        return None  # "1 – 0" without a score around it: not a range
    if c2.scale > 1 and c.scale == 1:
        tl.value *= c2.scale  # "5 to 10 million": the scale applies to both
    tl.upper = c2.value
    tl.j = c2.j
    return None
