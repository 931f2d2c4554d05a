"""Dates: months ("Oct. 16, 2022"), weekdays, relative dates ("last week"), decades,
quarter codes ("Q3") and years."""

from __future__ import annotations

from tui.analysis.numbers import (
    values,
)
from tui.analysis.numbers.scanner import Hit, Scanner
from tui.analysis.numbers.tables import is_digit, is_word


def month(s: Scanner, i: int, *, day_before: bool = False, span_ok: bool = True) -> Hit | None:
    """A month name with its day and year: "Oct. 16, 2022" (2022), "16 October", "in May"
    (None); not a name ("April Smith") nor the modal "may"."""
    t = s.t
    tok = s.toks[i]
    w = s.low[i]
    n = s.n
    if (
        not tok[0].isupper() or (tok.isupper() and len(tok) > 3 and not s.sentence_initial(i))
    ) and not (tok.isupper() and len(tok) > 2):
        return None
    j = i + 1
    if w in t.month_abbrevs and w not in t.months:
        if j < n and s.toks[j] == "." and s.glued(j):
            j += 1
        elif not (j < n and is_digit(s.toks[j])):
            return None
    day: int | None = None
    year: int | None = None
    if not day_before and j < n and is_digit(s.toks[j]) and len(s.toks[j]) <= 4:
        v = values.integer(s.toks[j]) or 0
        if 1 <= v <= 31 and len(s.toks[j]) <= 2:
            day = v
            j += 1
            if j < n and s.low[j] in s.w["ordinal_suffixes"] and s.glued(j):
                j += 1
        elif 1000 <= v <= 2100 and len(s.toks[j]) == 4:
            year = v
            j += 1
    if year is None and (day is not None or day_before):
        k = j + 1 if (j < n and s.toks[j] == ",") else j
        if (
            k < n
            and s.toks[k].isdecimal()
            and len(s.toks[k]) == 4
            and 1000 <= int(s.toks[k]) <= 2100
        ):
            year = int(s.toks[k])
            j = k + 1
    if day is None and year is None and not day_before:
        prev = s.lw(i - 1)
        if s.pos(i) in ("AUX", "VERB") and w in t.ambiguous_months:
            return None
        if (
            w in t.ambiguous_months
            and prev not in t.month_context
            and not (prev in s.w["dashes"] and s.lw(i - 2) == "mid")
        ):
            return None
        if (
            s.cap(j)
            and is_word(s.toks[j])
            and not s.sentence_initial(j)
            and (s.low[j] not in t.weekdays and s.low[j] not in t.allowed_cap_before)
        ):
            return None  # "April Smith", "June Carter"
        if s.glued(i) and is_word(s.lw(i - 1)):
            return None
    span = month_span(s, j) if span_ok and not day_before else None
    if span is not None:
        second = s.text[s.starts[span.i0] : s.ends[span.i1 - 1]]
        value = year if year is not None else span.value
        return s.finish(i, span.i1, "date", value, None, f"to {second}", core0=i)
    h = s.finish(i, j, "date", year, None, None, core0=i)
    date_edges(s, h)
    return h


def month_span(s: Scanner, j: int) -> Hit | None:
    """The second date of a span after a month date at token j: "November 20 [to December 11]",
    "May 1 [- May 5, 2020]"; None when no month date follows a span word."""
    if s.lw(j) not in s.w["date_span_joiners"] or j + 1 >= s.n:
        return None
    w = s.low[j + 1]
    if w not in s.t.months and w not in s.t.month_abbrevs:
        return None
    h = month(s, j + 1, span_ok=False)  # one span, no chain: the recursion stays one deep
    return h if h is not None and h.i0 == j + 1 else None


def period_edge(s: Scanner, h: Hit) -> Hit:
    """Pull "the end of", "the start of" ... into a date span: "the end of 2019", "the
    beginning of last year", "the middle of March"."""
    i = h.i0
    if (
        h.kind == "date"
        and i - 3 >= s.floor
        and s.lw(i - 1) == "of"
        and s.lw(i - 2) in s.w["period_edges"]
        and s.lw(i - 3) == "the"
    ):
        h.i0 = i - 3
    return h


def date_edges(s: Scanner, h: Hit) -> None:
    """Pull "early", "late", "mid-", "mid", "early in", "the end of" and the month-context into
    the date span."""
    i = h.i0
    if period_edge(s, h).i0 != i:
        return
    if (
        i - 1 >= s.floor
        and s.lw(i - 1) in s.w["dashes"]
        and s.glued(i)
        and s.lw(i - 2) == "mid"
        and s.glued(i - 1)
    ):
        h.i0 = i - 2
        return
    if i - 1 >= s.floor and (
        s.lw(i - 1) in s.t.date_edges
        or (s.lw(i - 1) in s.t.seasons and s.toks[h.core0].isdecimal())
    ):
        h.i0 = i - 1  # early 2019, summer 2020
    elif (
        i - 2 >= s.floor
        and s.lw(i - 1) in s.w["edge_joiners"]
        and s.lw(i - 2) in s.t.date_edges
        and (not s.cap(i - 2) or s.sentence_initial(i - 2))
    ):
        h.i0 = i - 2  # early in 2016, later in May
    elif (
        i - 2 >= s.floor
        and s.lw(i - 1) == "of"
        and s.lw(i - 2) in s.t.seasons
        and s.toks[h.core0].isdecimal()
    ):
        h.i0 = i - 3 if s.lw(i - 3) == "the" and i - 3 >= s.floor else i - 2  # the summer of 2019


def weekday(s: Scanner, i: int) -> Hit | None:
    """A weekday, with a day part and "last"/"next" around it: "last Wednesday", "Friday night"."""
    t = s.t
    if not s.cap(i):
        return None
    j = i + 1
    if j < s.n and s.low[j] in t.day_parts:
        j += 1
    h = Hit(i, j, "date", None, None, None, i)
    prev = s.lw(i - 1)
    if i - 1 >= s.floor and prev in s.w["weekday_modifiers"]:
        h.i0 = i - 1
    return h


def relative(s: Scanner, i: int) -> Hit | None:
    """last week, this year, the next decade, earlier this month, earlier today, the past two
    years."""
    t = s.t
    w = s.low[i]
    j = i + 1
    n = s.n
    start = i
    if w in s.w["earlier_later"]:
        if j < n and t.relative_days.get(s.low[j]) is not None:
            k = j + 2 if s.lw(j + 1) in t.day_parts else j + 1
            return Hit(i, k, t.relative_days[s.low[j]] or "date", None, core0=j)  # earlier today
        if j < n and s.low[j] in s.w["relative_this_that"]:
            h = relative(s, j)
            if h is not None:
                h.i0 = i
            return h
        return None
    if w in s.w["demonstratives"] and j < n and s.low[j] in s.w["past_coming"]:
        j += 1
    if s.lw(i - 1) == "the" and i - 1 >= s.floor:
        start = i - 1
    if j >= n:
        return None
    nxt = s.low[j]
    if nxt == "day" and w in t.relative_day_modifiers and start < i:
        return Hit(start, j + 1, "date", None, None, None, j)
    if nxt in t.relative_nouns and not s.glued(j):
        if w in s.w["relative_not_plural"] and nxt.endswith("s"):
            return None
        if w == "that":
            return None
        if nxt in s.w["day_part_nouns"] and w not in s.w["day_part_modifiers"]:
            return None
        if nxt in s.w["term_nouns"] and w not in s.w["term_modifiers"]:
            return None
        if nxt.endswith("’s") or nxt.endswith("'s"):
            return None
        if nxt in t.time_units and t.time_units[nxt] == nxt and nxt.endswith("s"):
            # "the past years", "recent years": a span of time
            return Hit(start if w != "recent" else i, j + 1, "duration", None, nxt, None, j)
        if w == "recent":
            return None
        if nxt in s.w["dated_relative_nouns"]:
            if (
                w in s.w["relative_need_the"]
                and start == i
                and w not in s.w["relative_the_optional"]
            ):
                return None
            return Hit(start, j + 1, "date", None, None, None, j)
        return None
    # the past two years, the next five months, last 12 months, the first ...
    if (
        w in s.w["span_modifiers"]
        and j < n
        and (start < i or w not in s.w["span_modifiers_need_the"])
    ):
        c = (
            values.core(s, j)
            if (
                is_digit(s.toks[j])
                or nxt in t.units
                or nxt in t.tens
                or nxt in s.w["few_several_couple"]
            )
            else None
        )
        if nxt in s.w["few_several"]:
            k = j + 1
            if k < n and s.low[k] in t.bare_durations:
                return Hit(start, k + 1, "duration", None, t.time_units[s.low[k]], w, j)
            return None
        if nxt == "couple" and s.lw(j + 1) == "of" and s.lw(j + 2) in t.bare_durations:
            return Hit(start, j + 3, "duration", 2, t.time_units[s.low[j + 2]], w, j)
        if c is not None and c.j < n and s.low[c.j] in t.time_units and not c.scaled:
            return Hit(start, c.j + 1, "duration", c.value, t.time_units[s.low[c.j]], w, j)
    return None


def decade(s: Scanner, i: int, j: int, v: int) -> Hit | None:
    """A decade in digits: "the 1990s" (1990), "the '90s" (1990), "in her 40s" (an age)."""
    prev = s.lw(i - 1)
    if (
        prev in s.w["age_decade_before"]
        and v < 100
        and (
            (prev != "early" and prev != "late" and prev != "mid")
            or s.lw(i - 2) in s.w["possessive_pronouns"]
        )
    ):
        return Hit(i, j, "age", v, "years", f"{v}s", i)
    if v < 100:
        v += 1900
        if s.lw(i - 1) in s.w["apostrophes"] and s.glued(i):
            i -= 1
    h = Hit(i, j, "date", v, None, None, i)
    date_edges(s, h)
    return h


def decade_word(s: Scanner, i: int) -> Hit | None:
    """the sixties (1960), in their sixties (an age)."""
    v = s.t.decade_words[s.low[i]]
    prev = s.lw(i - 1)
    if (
        prev in s.w["age_decade_before"]
        and i - 1 >= s.floor
        and (prev in s.w["possessive_pronouns"] or s.lw(i - 2) in s.w["possessive_pronouns"])
    ):
        return Hit(
            i if prev in s.w["possessive_pronouns"] else i - 1,
            i + 1,
            "age",
            v,
            "years",
            f"{v}s",
            i,
        )
    if prev == "the" or (s.lw(i - 2) == "the" and prev in s.w["decade_edges"]):
        h = Hit(i, i + 1, "date", 1900 + v, None, None, i)
        date_edges(s, h)
        return h
    return None


def quarter_code(s: Scanner, i: int) -> Hit | None:
    """A quarter or half-year code: "Q3", "H1" (a date, no value)."""
    j = i + 1
    if (
        j < s.n
        and s.glued(j)
        and s.toks[j] in s.w["quarter_numbers"]
        and not (j + 1 < s.n and s.glued(j + 1) and is_word(s.toks[j + 1]))
    ):
        if s.toks[i] == "H" and s.toks[j] not in s.w["half_numbers"]:
            return None
        if s.glued(i) and is_word(s.toks[i - 1]):
            return None
        return Hit(i, j + 1, "date", None, None, None, i)
    return None


def is_year(s: Scanner, i: int, j: int, y: int) -> bool:
    """The four digits at [i, j) are a year: 1900-2100 unless a plural noun follows
    ("2000 people"); older years only after a year word ("in 1815", "1066 AD")."""
    prev = s.lw(i - 1)
    if s.glued(i) and prev in s.w["year_currency_signs"]:
        return False
    if 1900 <= y <= 2100:
        nxt = s.toks[j] if j < s.n else ""
        return not plural_after(s, i, j)
    if 1000 <= y < 1900:
        nxt = s.toks[j] if j < s.n else ""
        if nxt.lower() in s.w["eras"]:
            return True
        if prev in s.w["year_strong"]:
            return not plural_after(s, i, j)
        return prev in s.w["old_year_before"] and not (nxt[:1].islower() and is_word(nxt))
    return False


def plural_after(s: Scanner, i: int, j: int) -> bool:
    """A plural noun follows a four-digit number ("2000 people"), unless a year-ish word
    precedes it ("in 2013 elections", "the 2014 protests")."""
    prev = s.lw(i - 1)
    nxt = s.toks[j] if j < s.n else ""
    return (
        nxt[:1].islower()
        and nxt.endswith("s")
        and len(nxt) > 3
        and not nxt.endswith("ss")
        and s.low[j] not in s.t.not_plural
        and prev not in s.w["year_strong"]
        and prev not in s.w["possessive_det"]
        and s.toks[i - 1] not in s.w["apostrophes"]
    )


def season(s: Scanner, i: int) -> Hit | None:
    """A season with an edge word ("early summer", "late spring", "mid-winter") or after a
    preposition of time ("during the summer"): a date, no value. A bare season ("the summer
    heat") is not read; "last summer" is a relative date."""
    prev = s.lw(i - 1)
    if prev == "the" and s.lw(i - 2) in s.w["season_before_the"] and i - 1 >= s.floor:
        return _the_season(s, i)
    if prev in s.w["dashes"] and s.glued(i) and s.lw(i - 2) == "mid" and i - 2 >= s.floor:
        return Hit(i - 2, i + 1, "date", None, None, None, i)
    if (
        prev in s.w["decade_edges"]
        and i - 1 >= s.floor
        and (not s.cap(i - 1) or s.sentence_initial(i - 1))
    ):
        return Hit(i - 1, i + 1, "date", None, None, None, i)
    return None


def _the_season(s: Scanner, i: int) -> Hit | None:
    """ "in the summer", "over the winter": not "the summer heat", "the fall of the city", nor
    "the summer of 2019" (read with its year)."""
    if not s.toks[i].islower():
        return None
    nxt = s.toks[i + 1] if i + 1 < s.n else ""
    if s.lw(i + 1) == "of":
        k = i + 2
        if s.low[i] == "fall" or (k < s.n and s.toks[k].isdecimal() and len(s.toks[k]) == 4):
            return None
    if is_word(nxt) and nxt.islower() and nxt not in s.t.fraction_next_ok:
        return None
    return Hit(i - 1, i + 1, "date", None, None, None, i)


def holiday(s: Scanner, i: int) -> Hit | None:
    """A holiday: "Christmas", "Christmas Day", "New Year's Eve", "Ramadan", "Easter 2020"
    (a date; the year is its value when one follows). Not inside a name ("Father Christmas",
    "Christmas Island") nor as a thing ("a Christmas tree")."""
    if not s.cap(i):
        return None
    j = None
    for k in range(min(s.t.max_holiday, s.n - i), 0, -1):
        key = tuple(s.w_apostrophe(x) for x in s.toks[i : i + k])
        if key in s.t.holidays:
            j = i + k
            break
    if j is None:
        return None
    if (
        i > 0
        and s.cap(i - 1)
        and is_word(s.toks[i - 1])
        and not s.sentence_initial(i - 1)
        and (s.low[i - 1] not in s.t.allowed_cap_before)
    ):
        return None  # Father Christmas, Operation Easter
    if j < s.n and is_word(s.toks[j]) and s.cap(j) and s.low[j] not in s.t.allowed_cap_before:
        return None  # Christmas Island, Easter Island
    if s.lw(j) in s.w["holiday_things"]:
        return None  # a Christmas tree, Easter eggs
    year = None
    if j < s.n and s.toks[j].isdecimal() and len(s.toks[j]) == 4:
        year = int(s.toks[j])
        j += 1
    # the core is the holiday's last word: a nationality before it ("Chinese" New Year, tagged
    # NORP) is clipped from the span rather than hiding the holiday
    return Hit(i, j, "date", year, None, None, j - 1 if year is None else j - 2)
