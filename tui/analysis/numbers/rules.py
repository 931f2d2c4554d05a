"""The ordered table of recognisers, and the scan that runs it.

The scan visits, left to right, every token that can start a number (digits, or a word in the
trigger set). At such a token the rules are tried in table order; the first one whose trigger
matches reads the number. A rule that finds nothing either ends the search at that token or,
when ``passes_on`` says so, lets the later rules try ("May" that is not a month may still be
something else). Order matters: digits before currency signs before words.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from tui.analysis.numbers import (
    dates,
    digits,
    durations,
    money,
    ordinals,
    quantities,
    ranges,
    times,
    words,
)
from tui.analysis.numbers.scanner import Hit, Scanner
from tui.analysis.numbers.tables import is_digit, is_word


def _never(s: Scanner, i: int) -> bool:
    """A rule that found nothing ends the search at this token."""
    return False


def _always(s: Scanner, i: int) -> bool:
    """A rule that found nothing lets the later rules try."""
    return True


@dataclass(frozen=True, slots=True)
class Rule:
    """One recogniser: when it applies at a token, and how it reads the number there."""

    name: str
    example: str
    trigger: Callable[[Scanner, int], bool]
    read: Callable[[Scanner, int], Hit | None]
    passes_on: Callable[[Scanner, int], bool] = _never
    """When ``read`` finds nothing, may the later rules still try this token?"""


def _unicode_fraction(s: Scanner, i: int) -> Hit | None:
    """ "½" is 0.5."""
    return s.finish(i, i + 1, "fraction", s.t.unicode_fractions[s.low[i]], core0=i)


def _relative_day(s: Scanner, i: int) -> Hit | None:
    """ "yesterday", "tonight", "yesterday afternoon": a date or a time without a value."""
    kind = s.t.relative_days[s.low[i]]
    if kind is None:
        return None
    j = i + 2 if kind == "date" and s.lw(i + 1) in s.t.day_parts else i + 1
    return Hit(i, j, kind, None, core0=i)


def _time_word(s: Scanner, i: int) -> Hit | None:
    """ "noon" (12), "midnight" (0)."""
    return times.time_tail(s, i, i + 1, float(s.t.time_words[s.low[i]]), i)


def _holiday_start(s: Scanner, i: int) -> bool:
    """A capitalised word that may start a holiday's name ("New", "Christmas")."""
    return s.cap(i) and s.low[i] in s.t.holiday_starts


def _relative(s: Scanner, i: int) -> Hit | None:
    """ "last week", "late last year", "the end of last year" (a relative date with its edge)."""
    h = dates.relative(s, i)
    if h is None:
        return None
    if h.kind == "date":
        dates.date_edges(s, h)  # late last year, the end of last year
    return h


def _not_a_word(s: Scanner, i: int) -> Hit | None:
    """A symbol that is no currency sign starts nothing."""
    return None


RULES: tuple[Rule, ...] = (
    Rule(
        "digits",
        "38 times, 1,000, 9/11, 7th, 1990s, $5 (read from the digits)",
        lambda s, i: is_digit(s.toks[i]),
        digits.from_digits,
    ),
    Rule(
        "currency prefix",
        "$5 billion, US$5, EUR 10, RM 5 million, Rs. 40",
        money.is_prefix,
        money.money_prefix,
    ),
    Rule(
        "unicode fraction", "½", lambda s, i: s.low[i] in s.t.unicode_fractions, _unicode_fraction
    ),
    Rule(
        "no other symbol",
        "a lone '%' or '#' starts nothing",
        lambda s, i: not is_word(s.toks[i]),
        _not_a_word,
    ),
    Rule(
        "holiday",
        "at Christmas, on New Year's Eve, Ramadan",
        _holiday_start,
        dates.holiday,
        _always,
    ),
    Rule(
        "month",
        "Oct. 16, 2022; in May",
        lambda s, i: s.low[i] in s.t.months or s.low[i] in s.t.month_abbrevs,
        dates.month,
        _always,
    ),
    Rule("weekday", "last Wednesday", lambda s, i: s.low[i] in s.t.weekdays, dates.weekday),
    Rule(
        "relative day",
        "yesterday, tonight, yesterday afternoon",
        lambda s, i: s.low[i] in s.t.relative_days,
        _relative_day,
    ),
    Rule("time word", "at noon", lambda s, i: s.low[i] in s.t.time_words, _time_word),
    Rule(
        "relative date",
        "last week, earlier this month, the past two years, the end of last year",
        lambda s, i: s.low[i] in s.t.relative_modifiers or s.low[i] in s.t.sets["earlier_later"],
        _relative,
    ),
    Rule(
        "age",
        "aged 45, at the age of 86",
        lambda s, i: s.low[i] in s.t.sets["age_words"],
        quantities.aged,
    ),
    Rule("between", "between 5 and 10", lambda s, i: s.low[i] == "between", ranges.between),
    Rule("minus", "minus 5 degrees", lambda s, i: s.low[i] == "minus", ranges.minus),
    Rule(
        "quarter code",
        "Q3, H1",
        lambda s, i: s.toks[i] in s.t.sets["quarter_codes"],
        dates.quarter_code,
    ),
    Rule(
        "ordinal word",
        "the third, a third, twenty-first",
        lambda s, i: s.low[i] in s.t.ordinals or s.low[i] in s.t.denominators,
        ordinals.ordinal_word,
        lambda s, i: s.low[i] in s.t.units,
    ),
    Rule(
        "decade word", "the sixties", lambda s, i: s.low[i] in s.t.decade_words, dates.decade_word
    ),
    Rule(
        "vague magnitude",
        "tens of thousands, a few weeks",
        lambda s, i: s.low[i] in s.t.vague_scales or s.low[i] in s.t.sets["vague_counts"],
        words.vague,
        _always,
    ),
    Rule(
        "number words",
        "four, twenty-one, two hundred",
        lambda s, i: s.low[i] in s.t.units or s.low[i] in s.t.tens,
        words.from_words,
    ),
    Rule(
        "bare scale",
        "a million, half a dozen",
        lambda s, i: s.low[i] in s.t.scales or s.low[i] == "dozen",
        words.bare_scale,
    ),
    Rule(
        "season",
        "in early summer, mid-winter, during the summer",
        lambda s, i: s.low[i] in s.t.seasons,
        dates.season,
    ),
    Rule(
        "time of day",
        "at dawn, before sundown",
        lambda s, i: s.low[i] in s.t.day_times,
        times.day_time,
    ),
    Rule(
        "bare time unit",
        'a month, an hour and a half, over the weekend ("for weeks" is no number)',
        lambda s, i: s.low[i] in s.t.time_units,
        durations.bare_time_unit,
    ),
)


def at(s: Scanner, i: int) -> Hit | None:
    """The number starting at token i, read by the first rule that applies."""
    for rule in RULES:
        if rule.trigger(s, i):
            h = rule.read(s, i)
            if h is not None or not rule.passes_on(s, i):
                return h
    return None


def time_span(s: Scanner, h1: Hit, h2: Hit) -> Hit | None:
    """Two clock times joined by "to", "until" or a dash are one time: "from 6:00am to
    midnight" (6, "to midnight"), "9am-5pm" (9, "to 5pm")."""
    if h1.kind != "time" or h2.kind != "time" or h1.value is None or h2.value is None:
        return None
    if h2.i0 != h1.i1 + 1 or s.lw(h1.i1) not in s.w["date_span_joiners"]:
        return None
    start = h1.i0 - 1 if s.lw(h1.i0 - 1) == "from" else h1.i0
    second = s.text[s.starts[h2.i0] : s.ends[h2.i1 - 1]]
    return Hit(start, h2.i1, "time", h1.value, None, f"to {second}", h1.core0)


def compound_measure(s: Scanner, h1: Hit, h2: Hit) -> Hit | None:
    """A measure in two units, the smaller after the larger, is one: "6 feet 2 inches" (6.167
    feet), "2 hours and 30 minutes" (2.5 hours)."""
    if h1.kind != h2.kind or h1.kind not in ("quantity", "duration"):
        return None
    if h1.value is None or h2.value is None or h1.unit is None or h2.unit is None:
        return None
    per = s.t.compound_units.get(h1.unit, {}).get(h2.unit)
    if per is None or not 0 <= h2.value < per:
        return None
    if not (h2.i0 == h1.i1 or (h2.i0 == h1.i1 + 1 and s.lw(h1.i1) == "and")):
        return None
    value = round(h1.value + h2.value / per, 3)
    return Hit(h1.i0, h2.i1, h1.kind, value, h1.unit, h1.qualifier, h1.core0)


JOINS: tuple[Callable[[Scanner, Hit, Hit], Hit | None], ...] = (time_span, compound_measure)
"""Readers that make one number of two neighbouring hits, tried in order on each pair."""


def join(s: Scanner, hits: list[Hit]) -> list[Hit]:
    """One pass over neighbouring hits: a join replaces a pair by one hit (linear)."""
    out: list[Hit] = []
    for h in hits:
        if out:
            for rule in JOINS:
                joined = rule(s, out[-1], h)
                if joined is not None:
                    out[-1] = joined
                    break
            else:
                out.append(h)
        else:
            out.append(h)
    return out


def scan(s: Scanner) -> list[Hit]:
    """All hits, left to right; a token inside an earlier hit never starts a new one."""
    triggers = s.t.triggers
    candidates = [i for i, w in enumerate(s.low) if w in triggers or w[0].isdecimal()]
    hits: list[Hit] = []
    for i in candidates:
        if i < s.floor:
            continue
        hit = at(s, i)
        if hit is None:
            continue
        if hit.core0 < 0:
            hit.core0 = i
        hits.append(hit)
        s.floor = max(hit.i1, i + 1)
    return join(s, hits)
