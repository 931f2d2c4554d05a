"""Clock times: "10:30", "3 pm", "0800 GMT"."""

from __future__ import annotations

from tui.analysis.numbers.scanner import Hit, Scanner
from tui.analysis.numbers.tables import is_word


def clock(s: Scanner, i: int) -> Hit | None:
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
