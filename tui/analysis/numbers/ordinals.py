"""Ordinals and fractions: "first", "21st-century", "a third", "half", "two-thirds"."""

from __future__ import annotations

from tui.analysis.numbers import (
    dates,
    tails,
    times,
    values,
)
from tui.analysis.numbers.scanner import Hit, Scanner
from tui.analysis.numbers.tables import is_digit, is_word
from tui.analysis.numbers.values import Core


def ordinal_word(s: Scanner, i: int) -> Hit | None:
    """An ordinal word: "third", "twenty-first", "a third" (a fraction or an ordinal), "half"."""
    t = s.t
    w = s.low[i]
    if s.name_part(i):
        return None  # the Second World War, First Lady
    if w in s.w["half_quarter"]:
        clock = times.past_to(s, i)
        if clock is not None:
            return clock
    if w == "half":
        return half(s, i)
    if w in s.w["quarters"]:
        prev = s.lw(i - 1)
        if prev in s.w["a_one"] and i - 1 >= s.floor:
            return fraction_or_ordinal(s, i, 4, i - 1)
        if prev in t.ordinals or prev in s.w["quarter_after_handled"]:
            return None  # handled by the ordinal / relative recognisers
        if prev in t.units and prev != "one":
            return None
        return None
    if w not in t.ordinals or s.in_idiom(i):
        return None  # first of all, second to none
    value = t.ordinals[w]
    # twenty-first
    start = i
    if (
        s.lw(i - 1) in s.w["dashes"]
        and s.glued(i)
        and s.lw(i - 2) in t.tens
        and s.glued(i - 1)
        and i - 2 >= s.floor
    ):
        value += t.tens[s.lw(i - 2)]
        start = i - 2
    if w in t.denominators and s.lw(i - 1) in s.w["a_one"] and i - 1 >= s.floor:
        return fraction_or_ordinal(s, i, t.denominators[w], i - 1)
    if w == "first" and s.lw(i - 1) == "at":
        return None
    if w in s.w["adverbial_ordinals"] and adverbial(s, i):
        return None
    return ordinal(s, start, i + 1, value)


def adverbial(s: Scanner, i: int) -> bool:
    """ "first" as an adverb before a verb ("was first elected", "when they first met"): no
    determiner, possessive or number before it, and a past form in -ed or a listed verb after
    it (or the tagger says ADV). "the first reported case" keeps its rank."""
    prev = s.lw(i - 1)
    if prev in s.w["one_pronoun_end_before"] or prev in s.w["possessive_det"] or is_digit(prev):
        return False
    if s.pos(i) == "ADV":
        return True
    nxt = s.lw(i + 1)
    if s.glued(i + 1) or not nxt.isalpha():
        return False
    return (len(nxt) > 4 and nxt.endswith("ed")) or nxt in s.w["adverbial_first_verbs"]


def fraction_or_ordinal(s: Scanner, i: int, den: int, a: int) -> Hit | None:
    """ "a third" (fraction) vs "a third term" (ordinal)."""
    t = s.t
    j = i + 1
    nxt = s.toks[j] if j < s.n else ""
    lw = s.low[j] if j < s.n else ""
    if lw in t.scales and lw != "hundred":
        # a quarter million, a third of a billion
        c = Core(j + 1, t.scales[lw] / den, False, scaled=True)
        return tails.after_number(s, i, c, cur_start=a)
    if s.lw(a) == "one" and s.cap(a) and not s.sentence_initial(a):
        return None
    tag = s.pos(j)
    if tag in ("NOUN", "PROPN") and lw not in t.time_units:
        return ordinal(s, i, j, t.ordinals.get(s.low[i], den))  # a third term
    if tag and tag not in ("NOUN", "PROPN", "ADJ"):
        return after_fraction(s, a, j, 1 / den, i)  # a third of, a third between
    if not nxt or not is_word(nxt) or lw in t.fraction_next_ok or lw in t.time_units:
        if lw in t.time_units and lw not in s.w["centuries"] and den not in (2, 4):
            return ordinal(s, i, j, t.ordinals.get(s.low[i], den))  # a third year
        return after_fraction(s, a, j, 1 / den, i)
    if s.low[i] == "quarter":
        return after_fraction(s, a, j, 0.25, i)
    return ordinal(s, i, j, t.ordinals.get(s.low[i], den))


def half(s: Scanner, i: int) -> Hit | None:
    """ "half", "a half", "half an hour" (0.5 hours), "one and a half" (read with the number)."""
    t = s.t
    prev = s.lw(i - 1)
    nxt = s.lw(i + 1)
    start = i
    if nxt in s.w["a_an"] and (s.lw(i + 2) in t.scales or s.lw(i + 2) == "dozen"):
        return None  # "half a million" is read from the scale word
    if nxt in s.w["a_an"] and s.lw(i + 2) in t.time_units:
        unit = t.time_units[s.low[i + 2]]
        return s.finish(i, i + 3, "duration", 0.5, unit, None, core0=i)
    if prev in t.ordinals and prev in s.w["half_after_ordinal"]:
        return None
    if prev == "and" and i - 2 >= s.floor:
        return None  # "one and a half" is read with the number
    if s.glued(i + 1) and nxt in s.w["dashes"]:
        unit = s.lw(i + 2)
        if unit in t.time_units:
            return s.finish(i, i + 3, "duration", 0.5, t.time_units[unit], None, core0=i)
        return None  # half-brother, half-hearted
    if prev in s.w["a_one"] and i - 1 >= s.floor:
        start = i - 1
        if prev == "a" and s.lw(i - 2) == "and":
            return None
    if nxt in t.time_units:
        return s.finish(start, i + 2, "duration", 0.5, t.time_units[nxt], None, core0=i)
    return after_fraction(s, start, i + 1, 0.5, i)


def after_fraction(s: Scanner, i0: int, j: int, value: float, core0: int) -> Hit:
    """What follows a fraction: "three-quarters of a percentage point" (a percent), "a quarter of a
    million" (250000), or the fraction itself."""
    t = s.t
    # "three-quarters of a percentage point", "half a point": a percent
    k = j + 1 if s.lw(j) == "of" else j
    if s.lw(k) in s.w["a_an_one"] and s.lw(k + 1) in t.scales and k > j:
        # "a quarter of a million", "two-thirds of a billion"
        scale = t.scales[s.low[k + 1]]
        c = Core(k + 2, value * scale, False, scaled=True)
        h = tails.after_number(s, core0, c, cur_start=i0)
        if h is not None:
            return h
    if s.lw(k) in s.w["a_one"]:
        p = s.phrase(k + 1, t.percent)
        if p is not None and p[1] != "%":
            return s.finish(i0, p[0], "percent", round(value, 3), p[1], None, core0=core0)
        if s.lw(k + 1) == "point" and s.lw(i0 - 1) != "the":
            return s.finish(
                i0, k + 2, "percent", round(value, 3), "percentage points", None, core0=core0
            )
    return s.finish(i0, j, "fraction", round(value, 3), None, None, core0=core0)


def ordinal(s: Scanner, i: int, j: int, value: int) -> Hit | None:
    """An ordinal at [i, j): dates ("the 16th of October", "20th century", "first quarter"),
    durations ("the first 7 months") or a plain ordinal."""
    t = s.t
    n = s.n
    low = s.low
    start = i
    has_the = s.lw(i - 1) == "the" and i - 1 >= s.floor
    if has_the:
        start = i - 1
    if j < n:
        nxt = low[j]
        if nxt in s.w["dashes"] and s.glued(j) and s.lw(j + 1) in s.w["century_millennium"]:
            return Hit(i, j + 2, "date", value, s.low[j + 1], None, i)  # 21st-century
        if nxt in s.w["century_nouns"]:
            unit = "century" if nxt != "millennium" else nxt
            century = Hit(start, j + 1, "date", value, unit, None, i)
            dates.date_edges(s, century)
            return century
        if nxt in s.w["half_quarter"] and not s.glued(j):
            return Hit(start, j + 1, "date", None, None, None, i)
        if (
            nxt in s.w["dashes"]
            and s.glued(j)
            and s.lw(j + 1) in s.w["half_quarter"]
            and s.glued(j + 1)
        ):
            return Hit(i, j + 2, "date", None, None, None, i)  # second-quarter results
        k = j + 1 if nxt == "of" else j
        if k < n and s.cap(k) and (low[k] in t.months or low[k] in t.month_abbrevs) and value <= 31:
            h = dates.month(s, k, day_before=True)
            if h is not None:
                h.i0 = start if has_the else i
                h.core0 = i
                return h
        # the first 7 months, the last two years
        if is_digit(s.toks[j]) or nxt in t.units or nxt in t.tens or nxt in s.w["few_couple"]:
            if nxt == "few":
                if s.lw(j + 1) in t.bare_durations:
                    return Hit(
                        start, j + 2, "duration", None, t.time_units[s.lw(j + 1)], s.low[i], j
                    )
            else:
                c = values.core(s, j)
                if (
                    c is not None
                    and c.j < n
                    and low[c.j] in t.time_units
                    and low[c.j].endswith("s")
                    and not s.glued(c.j)
                ):
                    return Hit(
                        start, c.j + 1, "duration", c.value, t.time_units[low[c.j]], s.low[i], j
                    )
    return Hit(i, j, "ordinal", value, None, None, i)
