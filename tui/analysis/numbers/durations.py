"""Durations without digits: "a month", "an hour and a half", bare plurals ("weeks")."""

from __future__ import annotations

from tui.analysis.numbers.scanner import Hit, Scanner
from tui.analysis.numbers.tables import is_digit


def bare_time_unit(s: Scanner, i: int) -> Hit | None:
    """ "a month", "an hour" (1 unit), "a year ago", "the day before", "the end of the month"
    (dates); a bare plural ("years") only after a vague count ("several years"): no duration
    without a number."""
    t = s.t
    w = s.low[i]
    prev = s.lw(i - 1)
    if w in s.w["weekend"] and prev == "the" and s.lw(i - 2) in s.w["weekend_before"]:
        return Hit(i - 1, i + 1, "date", None, None, None, i)  # over the weekend
    if (
        prev == "the"
        and i - 1 >= s.floor
        and not w.endswith("s")
        and s.lw(i + 1) in s.w["the_unit_relative"]
    ):
        return Hit(i - 1, i + 2, "date", None, None, None, i)  # the year before, the day after
    if (
        prev == "the"
        and i - 4 >= s.floor
        and not w.endswith("s")
        and s.lw(i - 2) == "of"
        and s.lw(i - 3) in s.w["period_edges"]
        and s.lw(i - 4) == "the"
    ):
        return Hit(i - 4, i + 1, "date", None, None, None, i)  # the end of the month
    if w in t.counted_only:
        return None
    if prev in s.w["a_an_one"] and i - 1 >= s.floor and not s.glued(i):
        before = s.lw(i - 2)
        if prev in s.w["a_an"] and (
            (s.floor == i - 1 and i > 1)
            or (
                0 < s.floor >= i - 3
                and before[:1].isalpha()
                and before.islower()
                and (before,) not in t.approximators
                and before not in s.w["short_unit_before"]
                and before not in t.change_words
            )
        ):
            return None  # "24 hours a day", "1,000 people a year": a rate after a number
        if before in s.w["counting_before_unit"] or is_digit(before) or before in t.units:
            return None
        if w.endswith("s") and w != "centuries":
            return None
        unit = t.time_units[w]
        j = i + 1
        value = 1.0
        if s.lw(j) == "and" and s.lw(j + 1) in s.w["a_an"] and s.lw(j + 2) == "half":
            value = 1.5
            j += 3
        elif s.lw(j) in s.w["and_or_dash"] and s.lw(j + 1) == "half":
            value = 1.5
            j += 2
        if s.lw(j) in s.w["dashes"] and s.glued(j):
            return None  # a year-long, a month-old
        if s.lw(j) in s.w["relative_after"]:
            return s.finish(i - 1, j + 1, "date", value, f"{unit} {s.low[j]}", None, core0=i)
        return s.finish(i - 1, j, "duration", value, unit, None, core0=i)
    if w in t.bare_durations:
        if (
            w in s.w["short_bare_units"]
            and prev not in s.w["short_unit_before"]
            and s.lw(i + 1) not in s.w["short_bare_units_after"]
        ):
            return None  # "the minutes of the meeting"
        if prev in s.w["possessive_det"] or prev in s.w["not_before_bare_duration_prev"]:
            return None
        if s.cap(i) and not s.sentence_initial(i):
            return None
        if s.lw(i + 1) in s.w["not_before_bare_duration"]:
            return None
        q = s.phrase_before(i, t.vague_quantifiers)
        if q is not None and s.low[q[0]] not in s.w["uncounted_quantifiers"]:
            qual = " ".join(s.low[q[0] : i])
            return Hit(q[0], i + 1, "duration", 2 if qual == "a couple of" else None, w, qual, i)
        return None  # "for years": no count, no number
    return None
