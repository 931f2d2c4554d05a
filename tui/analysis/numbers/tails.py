"""What can follow a number: a range, percent, age, currency, duration, unit, day of month,
clock suffix or year reading; one reader shared by the digit and word rules."""

from __future__ import annotations

from tui.analysis.numbers import (
    dates,
    money,
    quantities,
    ranges,
    times,
    values,
)
from tui.analysis.numbers.scanner import Hit, Scanner
from tui.analysis.numbers.tables import is_digit, is_word
from tui.analysis.numbers.values import Core


def after_number(
    s: Scanner,
    i: int,
    c: Core,
    *,
    vague: bool = False,
    currency: str | None = None,
    cur_start: int | None = None,
) -> Hit | None:
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
    """Everything that can follow a number: ranges, units, percent, money, ages, durations."""
    t = s.t
    j = c.j
    value = c.value
    low = s.low
    n = s.n
    upper: float | None = None
    s0 = i if cur_start is None else cur_start
    # explicit ranges: 5-10, 5 to 10, two or three
    if j + 1 < n and not vague:
        sep = s.toks[j]
        nxt = s.toks[j + 1]
        rng_ok = False
        if (
            (
                sep in s.w["range_dashes"]
                and s.glued(j)
                and s.glued(j + 1)
                and is_digit(nxt)
                and c.digits
            )
            or (sep == "–" and is_digit(nxt) and c.digits)
            or (
                low[j] in s.w["range_words"]
                and (is_digit(nxt) == c.digits)
                and (c.digits or low[j + 1] in t.units or low[j + 1] in t.tens)
                and not ranges.after_change(s, s0)
            )
        ):
            rng_ok = True
        if (
            currency
            and (sep in s.w["range_dashes"] or (low[j] == "to" and not ranges.after_change(s, s0)))
            and nxt in t.currency_symbols
        ):
            # $5-$10
            if j + 2 < n and is_digit(s.toks[j + 2]):
                c2 = values.core(s, j + 2)
                if c2 is not None:
                    upper = c2.value
                    j = c2.j
        elif rng_ok:
            c2 = values.core(s, j + 1)
            if (
                c2 is not None
                and sep in s.w["range_dashes"]
                and s.glued(j)
                and len(s.toks[i]) == 3
                and len(s.toks[j + 1]) == 4
                and not c.scaled
                and not c2.scaled
                and not s.unit_like(c2.j)
            ):
                return None  # a phone number: 555-1234
            if c2 is not None and not (
                c2.digits
                and s.glued(c2.j)
                and c2.j < n
                and is_word(s.toks[c2.j])
                and not c2.glued_unit
            ):
                if (
                    c.year_like
                    and c2.digits
                    and not c2.scaled
                    and ((len(s.toks[j + 1]) == 2) or c2.year_like)
                ):
                    # 2013-14, 1939-1945
                    y2 = c2.value
                    if y2 < 100:
                        y2 = (value // 100) * 100 + y2
                    if y2 > value and not ranges.score_context(s, i, c2.j):
                        return s.finish(s0, c2.j, "date", value, None, f"to {int(y2)}", core0=i)
                if c.digits and currency is None and ranges.is_score(s, i, j, c, c2):
                    return ranges.score(s, s0, i, c, c2)
                if c.digits and ranges.score_context(s, i, c2.j):
                    return None  # "won 5-10 seats": neither a score nor a quantity
                elif (
                    c2.value <= value
                    and not c2.scaled
                    and not (c.scaled and c2.value * 1000 > value)
                ):
                    c2 = None  # "1 – 0" is a score, "0 – 0" too: not a range
            if c2 is not None and not (
                c2.digits
                and s.glued(c2.j)
                and c2.j < n
                and is_word(s.toks[c2.j])
                and not c2.glued_unit
            ):
                if c2.scale > 1 and c.scale == 1:
                    value *= c2.scale  # "5 to 10 million": the scale applies to both
                upper = c2.value
                j = c2.j
    if low[j : j + 3] == ["and", "a", "half"] and values.is_integral(value):
        value += 0.5
        j += 3
    if currency is None:
        # percent
        p = s.phrase(j, t.percent)
        if p is not None and (
            p[1] != "%" or s.toks[j] == "%" or not s.glued(j) or s.low[j] in s.w["percent_abbrevs"]
        ):
            j2, unit = p
            # 3.00%-3.25%, 5% to 10%
            if (
                upper is None
                and j2 + 1 < n
                and (
                    (s.low[j2] in s.w["range_dashes"] and s.glued(j2 + 1))
                    or (s.low[j2] == "to" and not ranges.after_change(s, s0))
                )
                and is_digit(s.toks[j2 + 1])
            ):
                c2 = values.core(s, j2 + 1)
                p2 = None if c2 is None else s.phrase(c2.j, t.percent)
                if c2 is not None and c2.value > value and p2 is not None:
                    upper = c2.value
                    j2 = p2[0]
            j2, unit = quantities.rate(s, j2, unit)
            return s.finish(
                s0,
                j2,
                "range" if upper is not None else "percent",
                value,
                unit,
                values.upper(upper),
                core0=i,
            )
        # age: 69-year-old, 69 years old, five-month-old
        age = quantities.age_suffix(s, j)
        if age is not None:
            j2, unit = age
            return s.finish(s0, j2, "age", value, unit, values.upper(upper), core0=i)
    # currency words after: 5 million dollars
    cw = None if currency else money.currency_after(s, j, c)
    if cw is not None:
        j2, code, mult = cw
        currency = code
        value *= mult
        if upper is not None:
            upper *= mult
        j = j2
    if currency is not None:
        if (
            not c.scaled
            and j < n
            and s.glued(j) is False
            and low[j] in t.scale_abbrevs
            and low[j] in s.w["currency_spaced_scales"]
        ):
            value *= t.scale_abbrevs[low[j]]
            j += 1
        j2, unit = quantities.rate(s, j, currency, allow_of=True)
        kind = "range" if upper is not None else "money"
        return s.finish(s0, j2, kind, value, unit, values.upper(upper), core0=i)
    # time units: durations
    k = j + 1 if (j < n and low[j] in s.w["dashes"] and s.glued(j) and s.glued(j + 1)) else j
    if k < n and low[k] in t.time_units and not (low[k] == "second" and c.value != 1 and k == j):
        unit = t.time_units[low[k]]
        j2 = k + 1
        if (
            j2 < n
            and low[j2] in s.w["and_or_dash"]
            and s.lw(j2 + 1) in s.w["a_an"]
            and s.lw(j2 + 2) == "half"
        ):
            value += 0.5
            j2 += 3
        if s.lw(j2) in s.w["relative_after"] and not (vague and s.lw(j2) != "ago"):
            # two years ago, two years later: a date, counted from now or from the story
            unit = f"{unit} {low[j2]}"
            return s.finish(s0, j2 + 1, "date", value, unit, values.upper(upper), core0=i)
        if c.year_like and k == j and not c.scaled and value > 31:
            pass  # "2013 season" is a date, handled below
        else:
            kind = "range" if upper is not None else "duration"
            if vague:
                kind = "range"
            j2, unit = quantities.rate(s, j2, unit, allow_of=True)
            return s.finish(s0, j2, kind, value, unit, values.upper(upper), core0=i)
    # units of measure
    m = quantities.unit_after(s, j, c)
    if m is not None:
        j2, unit = m
        scale = t.measure_scales.get(low[j2 - 1], 1)
        value *= scale
        if upper is not None:
            upper *= scale
        j2, unit = quantities.rate(s, j2, unit, allow_of=True)
        kind = "range" if (upper is not None or vague) else "quantity"
        if unit == "times":
            kind = "range" if upper is not None else "cardinal"
        return s.finish(s0, j2, kind, value, unit, values.upper(upper), core0=i)
    if vague:
        return s.finish(s0, j, "range", value, None, None, core0=i)
    # day + month: 16 October 2022, 16th of October
    if (
        c.digits
        and not c.scaled
        and upper is None
        and values.is_integral(value)
        and 1 <= value <= 31
    ):
        k = j + 1 if s.lw(j) == "of" else j
        if k < n and s.cap(k) and (low[k] in t.months or low[k] in t.month_abbrevs):
            h = dates.month(s, k, day_before=True)
            if h is not None:
                h.i0 = i
                h.core0 = i
                return h
    # clock times: 3 pm, 0800 GMT
    if c.digits and upper is None and not c.scaled:
        ts = s.phrase(j, t.time_suffixes)
        if ts is not None and value <= 12 and (ts[1] not in s.w["hour_suffixes"]):
            hours = value % 12 + (12 if ts[1].startswith("p") else 0)
            if ts[1].startswith("o"):
                hours = value
            return times.time_tail(s, s0, ts[0], hours, i)
        if (
            len(s.toks[i]) == 4
            and s.toks[i].isdecimal()
            and s.phrase(j, t.timezones) is not None
            and s.toks[j].isupper()
        ):
            hh, mm = int(s.toks[i][:2]), int(s.toks[i][2:])
            if hh < 24 and mm < 60:
                return times.time_tail(s, s0, j, hh + mm / 60, i)
    # years
    if c.year_like and upper is None:
        y = int(value)
        if dates.is_year(s, i, j, y):
            h = s.finish(s0, j, "date", y, None, None, core0=i)
            if h.i0 == i:
                dates.date_edges(s, h)
            return h
    if upper is not None:
        return s.finish(s0, j, "range", value, None, values.upper(upper), core0=i)
    # "38 times" handled as a unit; rate: "100 a day" is rare; leave
    return s.finish(s0, j, "cardinal", value, None, None, core0=i)
