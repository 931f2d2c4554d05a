"""Times: clocks ("10:30", "3 pm", "4.30pm", "0800 GMT", "half past ten") and times of day
without a clock ("at dawn")."""

from __future__ import annotations

from tui.analysis.numbers.scanner import Hit, Scanner
from tui.analysis.numbers.tables import is_word


def clock(s: Scanner, i: int) -> Hit | None:
    """A clock time: "10:30" (10.5), "3:45 pm" (15.75), a race time "2:01:09" (a duration);
    not a verse ("John 3:16")."""
    tok = s.toks[i]
    parts = tok.split(":")
    hh, mm = int(parts[0]), int(parts[1])
    if hh > 24 or mm > 59 or s.name_before(i):
        return None  # John 3:16
    if s.glued(i) and is_word(s.toks[i - 1]):
        return None
    j = i + 1
    value = hh + mm / 60
    if len(parts) == 3 and s.lw(i - 1) not in s.w["clock_prepositions"]:
        # a race time: 2:01:09
        hours = hh + mm / 60 + int(parts[2]) / 3600
        return s.finish(i, j, "duration", round(hours, 3), "hours", None, core0=i)
    ts = s.phrase(j, s.t.time_suffixes)
    if ts is not None and ts[1] not in s.w["hour_suffixes"] and hh <= 12:
        value = value % 12 + (12 if ts[1].startswith("p") else 0)
        j = ts[0]
    return time_tail(s, i, j, value, i)


def time_tail(s: Scanner, i: int, j: int, value: float, core0: int) -> Hit:
    """A time with its time zone: "15:11 GMT", "3 pm local time"."""
    tz = s.phrase(j, s.t.timezones) if j < s.n else None
    if tz is not None and (s.toks[j].isupper() or s.low[j] == "local"):
        j = tz[0]
        if s.lw(j) == "time" and s.low[j - 1] == "local":
            j += 1
    h = s.finish(i, j, "time", round(value, 3), None, None, core0=core0)
    return h


def day_time(s: Scanner, i: int) -> Hit | None:
    """A time of day without a clock: "at dawn", "before sundown", "from dawn to dusk" (a time
    with no value). Only after a preposition of time, lower-case ("Dawn" is a name) and not
    "the dawn of" an era."""
    if not s.toks[i].islower() or s.lw(i + 1) == "of":
        return None
    prev = s.lw(i - 1)
    if prev == "the":
        prev = s.lw(i - 2)
    if prev not in s.w["day_time_before"]:
        return None
    return Hit(i, i + 1, "time", None, None, None, i)


def dotted_clock(tok: str, value: float) -> float:
    """The hours of a clock written with a dot before a time suffix: "4.30" is 4.5 hours
    ("4.30pm"), a plain "4" or "4.5" stays as written."""
    whole, _, minutes = tok.partition(".")
    if whole.isdecimal() and len(minutes) == 2 and minutes.isdecimal() and int(minutes) < 60:
        return int(whole) + int(minutes) / 60
    return value


def past_to(s: Scanner, i: int) -> Hit | None:
    """A clock in words: "half past ten" (10.5), "quarter past six" (6.25), "a quarter to
    nine" (8.75): the fraction at token i, "past" or "to", an hour of one to twelve."""
    minutes = 0.5 if s.low[i] == "half" else 0.25
    rel = s.lw(i + 1)
    if rel not in s.w["clock_past_to"] or (rel == "to" and minutes == 0.5):
        return None
    k = i + 2
    hour = s.t.units.get(s.lw(k)) if k < s.n and is_word(s.toks[k]) else None
    if hour is None and k < s.n and s.toks[k].isdecimal() and len(s.toks[k]) <= 2:
        hour = int(s.toks[k])
    if hour is None or not 1 <= hour <= 12:
        return None
    start = i - 1 if s.lw(i - 1) == "a" and i - 1 >= s.floor else i
    value = hour + minutes if rel == "past" else hour - minutes
    return time_tail(s, start, k + 1, value, i)
