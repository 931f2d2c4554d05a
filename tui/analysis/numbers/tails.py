"""What can follow a number, as an ordered table of small readers shared by the digit and word
rules: a range, "and a half", a percent, an age, a currency, a duration, a unit of measure, a
day of the month, a clock suffix, a year; else a plain cardinal.

Each reader looks at the :class:`Tail` (the number and what has been read after it so far). It
returns a :class:`Hit` when it has read the whole number, ``NO_NUMBER`` when the tokens are not
a number at all (a phone number), or None to let the next reader go on; a reader may extend the
tail on its way ("5 to 10" gives an upper bound, "5 million dollars" a currency).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from tui.analysis.numbers import (
    dates,
    money,
    quantities,
    ranges,
    times,
    values,
)
from tui.analysis.numbers.scanner import NO_NUMBER, Hit, NoNumber, Scanner
from tui.analysis.numbers.values import Core


@dataclass(slots=True)
class Tail:
    """A number being read: its core, the span so far and what has been found after it."""

    i: int
    """The number's first token."""
    s0: int
    """The span's first token (a currency sign before the number)."""
    c: Core
    j: int
    """The next token to read."""
    value: float
    upper: float | None = None
    currency: str | None = None
    vague: bool = False

    def finish(self, s: Scanner, j: int, kind: str, unit: str | None = None) -> Hit:
        """The hit from the span's start to token j, with the upper bound as the qualifier."""
        return s.finish(self.s0, j, kind, self.value, unit, values.upper(self.upper), core0=self.i)


TailReader = Callable[[Scanner, Tail], Hit | NoNumber | None]


def _and_a_half(s: Scanner, tl: Tail) -> None:
    """ "two and a half": 2.5."""
    if s.low[tl.j : tl.j + 3] == ["and", "a", "half"] and values.is_integral(tl.value):
        tl.value += 0.5
        tl.j += 3


def _percent(s: Scanner, tl: Tail) -> Hit | None:
    """ "5%", "5 per cent", "3.00%-3.25%", "5% to 10%", "25 basis points"."""
    if tl.currency is not None:
        return None
    t = s.t
    j = tl.j
    p = s.phrase(j, t.percent)
    if p is None or not (
        p[1] != "%" or s.toks[j] == "%" or not s.glued(j) or s.low[j] in s.w["percent_abbrevs"]
    ):
        return None
    j2, unit = p
    if (
        tl.upper is None
        and j2 + 1 < s.n
        and (
            (s.low[j2] in s.w["range_dashes"] and s.glued(j2 + 1))
            or (s.low[j2] == "to" and not ranges.after_change(s, tl.s0))
        )
        and s.toks[j2 + 1][:1].isdecimal()
    ):
        c2 = values.core(s, j2 + 1)
        p2 = None if c2 is None else s.phrase(c2.j, t.percent)
        if c2 is not None and c2.value > tl.value and p2 is not None:
            tl.upper = c2.value
            j2 = p2[0]
    j2, unit = quantities.rate(s, j2, unit)
    return tl.finish(s, j2, "range" if tl.upper is not None else "percent", unit)


def _age(s: Scanner, tl: Tail) -> Hit | None:
    """ "69-year-old", "69 years old", "five-month-old"."""
    if tl.currency is not None:
        return None
    age = quantities.age_suffix(s, tl.j)
    return None if age is None else tl.finish(s, age[0], "age", age[1])


def _currency_word(s: Scanner, tl: Tail) -> None:
    """ "5 million dollars", "45 cents" (0.45 USD): the currency after the number."""
    cw = None if tl.currency else money.currency_after(s, tl.j, tl.c)
    if cw is not None:
        tl.j, tl.currency, mult = cw
        tl.value *= mult
        if tl.upper is not None:
            tl.upper *= mult


def _money(s: Scanner, tl: Tail) -> Hit | None:
    """Money, with a spaced scale ("$5 bn") and a rate ("$90 a barrel")."""
    if tl.currency is None:
        return None
    t = s.t
    j = tl.j
    if (
        not tl.c.scaled
        and j < s.n
        and s.glued(j) is False
        and s.low[j] in t.scale_abbrevs
        and s.low[j] in s.w["currency_spaced_scales"]
    ):
        tl.value *= t.scale_abbrevs[s.low[j]]
        j += 1
    j2, unit = quantities.rate(s, j, tl.currency, allow_of=True)
    return tl.finish(s, j2, "range" if tl.upper is not None else "money", unit)


def _duration(s: Scanner, tl: Tail) -> Hit | None:
    """ "three years", "a 10-day trip", "two and a half hours", "two years ago" (a date)."""
    t = s.t
    low = s.low
    j = tl.j
    k = j + 1 if (j < s.n and low[j] in s.w["dashes"] and s.glued(j) and s.glued(j + 1)) else j
    if not (
        k < s.n
        and low[k] in t.time_units
        and not (low[k] == "second" and tl.c.value != 1 and k == j)
    ):
        return None
    unit = t.time_units[low[k]]
    j2 = k + 1
    if (
        j2 < s.n
        and low[j2] in s.w["and_or_dash"]
        and s.lw(j2 + 1) in s.w["a_an"]
        and s.lw(j2 + 2) == "half"
    ):
        tl.value += 0.5
        j2 += 3
    if s.lw(j2) in s.w["relative_after"] and not (tl.vague and s.lw(j2) != "ago"):
        # two years ago, two years later: a date, counted from now or from the story
        return tl.finish(s, j2 + 1, "date", f"{unit} {low[j2]}")
    if tl.c.year_like and k == j and not tl.c.scaled and tl.value > 31:
        return None  # "2013 season" is a date, read below
    kind = "range" if (tl.upper is not None or tl.vague) else "duration"
    j2, unit = quantities.rate(s, j2, unit, allow_of=True)
    return tl.finish(s, j2, kind, unit)


def _measure(s: Scanner, tl: Tail) -> Hit | None:
    """ "10 km", "50 bcm" (5e10 cubic meters), "38 times" (a cardinal), "5 tonnes a year"."""
    m = quantities.unit_after(s, tl.j, tl.c)
    if m is None:
        return None
    j2, unit = m
    scale = s.t.measure_scales.get(s.low[j2 - 1], 1)
    tl.value *= scale
    if tl.upper is not None:
        tl.upper *= scale
    j2, unit = quantities.rate(s, j2, unit, allow_of=True)
    kind = "range" if (tl.upper is not None or tl.vague) else "quantity"
    if unit == "times":
        kind = "range" if tl.upper is not None else "cardinal"
    return tl.finish(s, j2, kind, unit)


def _vague_end(s: Scanner, tl: Tail) -> Hit | None:
    """A vague magnitude with nothing after it: "several thousand" (a range)."""
    return s.finish(tl.s0, tl.j, "range", tl.value, core0=tl.i) if tl.vague else None


def _day_of_month(s: Scanner, tl: Tail) -> Hit | None:
    """ "16 October 2022", "16th of October"."""
    c = tl.c
    if not (
        c.digits
        and not c.scaled
        and tl.upper is None
        and values.is_integral(tl.value)
        and 1 <= tl.value <= 31
    ):
        return None
    k = tl.j + 1 if s.lw(tl.j) == "of" else tl.j
    if k < s.n and s.cap(k) and (s.low[k] in s.t.months or s.low[k] in s.t.month_abbrevs):
        h = dates.month(s, k, day_before=True)
        if h is not None:
            h.i0 = tl.i
            h.core0 = tl.i
            return h
    return None


def _clock(s: Scanner, tl: Tail) -> Hit | None:
    """ "3 pm", "4.30pm" (16.5), "2 o'clock", "0800 GMT"."""
    c = tl.c
    if not (c.digits and tl.upper is None and not c.scaled):
        return None
    t = s.t
    i, j = tl.i, tl.j
    ts = s.phrase(j, t.time_suffixes)
    if ts is not None and tl.value <= 12 and (ts[1] not in s.w["hour_suffixes"]):
        value = times.dotted_clock(s.toks[i], tl.value)  # 4.30pm is half past four
        hours = value % 12 + (12 if ts[1].startswith("p") else 0)
        if ts[1].startswith("o"):
            hours = value
        return times.time_tail(s, tl.s0, ts[0], hours, i)
    if (
        len(s.toks[i]) == 4
        and s.toks[i].isdecimal()
        and s.phrase(j, t.timezones) is not None
        and s.toks[j].isupper()
    ):
        hh, mm = int(s.toks[i][:2]), int(s.toks[i][2:])
        if hh < 24 and mm < 60:
            return times.time_tail(s, tl.s0, j, hh + mm / 60, i)
    return None


def _year(s: Scanner, tl: Tail) -> Hit | None:
    """ "in 2013", "1066 AD", "early 2019" (with its edge word)."""
    if not (tl.c.year_like and tl.upper is None):
        return None
    y = int(tl.value)
    if not dates.is_year(s, tl.i, tl.j, y):
        return None
    h = s.finish(tl.s0, tl.j, "date", y, None, None, core0=tl.i)
    if h.i0 == tl.i:
        dates.date_edges(s, h)
    return h


def _plain(s: Scanner, tl: Tail) -> Hit:
    """Nothing more: a range ("5 to 10") or a cardinal ("38")."""
    return tl.finish(s, tl.j, "range" if tl.upper is not None else "cardinal")


TAIL_READERS: tuple[TailReader, ...] = (
    ranges.range_after,
    _and_a_half,
    _percent,
    _age,
    _currency_word,
    _money,
    _duration,
    _measure,
    _vague_end,
    _day_of_month,
    _clock,
    _year,
    _plain,
)
"""In this order: a range first (its upper bound shares the unit), the currency word before
money, durations before other units, a year only when nothing else follows."""


def after_number(
    s: Scanner,
    i: int,
    c: Core,
    *,
    vague: bool = False,
    currency: str | None = None,
    cur_start: int | None = None,
) -> Hit | None:
    """What follows the number read at token i (see ``read_after``), with its core token."""
    h = read_after(s, i, c, vague=vague, currency=currency, cur_start=cur_start)
    if h is not None:
        h.core0 = i
    return h


def read_after(
    s: Scanner,
    i: int,
    c: Core,
    *,
    vague: bool = False,
    currency: str | None = None,
    cur_start: int | None = None,
) -> Hit | None:
    """Run the tail readers on the number ``c`` read at token i: the first hit wins."""
    tl = Tail(i, i if cur_start is None else cur_start, c, c.j, c.value, None, currency, vague)
    for reader in TAIL_READERS:
        got = reader(s, tl)
        if isinstance(got, Hit):
            return got
        if got is NO_NUMBER:
            return None
    return None
