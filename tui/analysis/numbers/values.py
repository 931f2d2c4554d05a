"""Value arithmetic: reading a number's value from digits or number words, and making every
value total (a value too large or not finite becomes None, never an exception).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tui.analysis.numbers.tables import is_digit, is_word

if TYPE_CHECKING:
    from tui.analysis.numbers.scanner import Scanner


@dataclass(slots=True)
class Core:
    """A number read from the text: tokens [i, j), its value and how it was written."""

    j: int
    value: float
    digits: bool
    year_like: bool = False
    scaled: bool = False
    glued_unit: bool = False
    scale: float = 1.0


def num(s: str) -> float:
    """The value of a digit token ("1,000.5"); ``inf`` when too large for a float, ``nan`` when
    not a plain number (a clock "3:45"): never an exception. ``clean`` turns both into None."""
    try:
        return float(s.replace(",", ""))
    except ValueError:
        return math.nan


def integer(s: str) -> int | None:
    """The integer of a plain digit token, None when it has more than 15 digits (too large to
    be a rank or a count anyone writes, and beyond a float's exact integers)."""
    return int(s) if s.isdecimal() and len(s) <= 15 else None


def is_integral(v: float) -> bool:
    """``v`` is a finite whole number (``v == int(v)`` without the overflow on ``inf``)."""
    return math.isfinite(v) and v == int(v)


def clean(v: float | None) -> float | None:
    """Integral values as ``int``, others rounded to 6 decimals; None for inf/nan and for
    integers too large for a float."""
    if v is None:
        return None
    try:
        f = float(v)
    except OverflowError:
        return None
    if not math.isfinite(f):
        return None
    if abs(f) < 1e15 and f == int(f):
        return int(f)
    return round(f, 6)


def upper(upper: float | None) -> str | None:
    """The qualifier of a range's upper bound ("to 10", "to 20,000")."""
    if upper is None:
        return None
    u = clean(upper)
    if u is None:
        return None
    return f"to {u:,}" if isinstance(u, int) and u >= 10000 else f"to {u}"


def core(s: Scanner, i: int, *, allow_words: bool = True) -> Core | None:
    """Read a number at token i (digits with scale, or number words)."""
    t = s.t
    tok = s.toks[i]
    if is_digit(tok):
        if ":" in tok:
            return None
        value = num(tok)
        j = i + 1
        year_like = len(tok) == 4 and tok.isdecimal()
        scaled = glued_unit = False
        if j < s.n and s.glued(j) and is_word(s.toks[j]):
            suf = s.toks[j]
            ls = s.low[j]
            if (
                ls in t.scale_abbrevs
                and (len(suf) > 1 or suf in "mkb")
                and not (ls == "m" and s.metres(j))
            ):
                value *= t.scale_abbrevs[ls]
                j += 1
                scaled = True
                year_like = False
            elif (len(suf) == 1 and suf in s.w["glued_unit_letters"]) or (
                len(suf) > 1 and ls in t.glued_ok
            ):
                glued_unit = True
            else:
                return None
            if scaled and j < s.n and s.glued(j) and is_word(s.toks[j]):
                return None
        # scale words: "1.5 million", "two hundred thousand"
        while j < s.n and s.low[j] in t.scales and not scaled:
            value *= t.scales[s.low[j]]
            j += 1
            scaled = True
            year_like = False
            while j < s.n and s.low[j] in t.scales:
                value *= t.scales[s.low[j]]
                j += 1
        # "$5.5-billion" (Canadian style)
        if (
            not scaled
            and j + 1 < s.n
            and s.low[j] in s.w["dashes"]
            and s.glued(j)
            and s.glued(j + 1)
            and s.low[j + 1] in t.scales
            and s.low[j + 1] != "hundred"
        ):
            value *= t.scales[s.low[j + 1]]
            j += 2
            scaled = True
            year_like = False
        # "1.5 bn" with a space
        if not scaled and j < s.n and s.low[j] in s.w["spaced_scale_abbrevs"]:
            value *= t.scale_abbrevs[s.low[j]]
            j += 1
            scaled = True
            year_like = False
        base = num(tok)
        return Core(j, value, True, year_like, scaled, glued_unit, value / base if base else 1.0)
    if not allow_words:
        return None
    return word_core(s, i)


def word_core(s: Scanner, i: int) -> Core | None:
    """A number in words at token i: "twenty-one", "two hundred and five", "three million",
    "a dozen" is read elsewhere."""
    t = s.t
    low = s.low
    total = 0.0
    cur = 0.0
    last = ""  # "unit", "tens", "hundred", "scale"
    j = i
    n = s.n
    while j < n:
        w = low[j]
        if w in t.units:
            if last == "unit" or (last == "tens" and t.units[w] >= 10):
                break
            cur += t.units[w]
            last = "unit"
        elif w in t.tens:
            if last in ("unit", "tens"):
                break
            cur += t.tens[w]
            last = "tens"
        elif w == "hundred" and last in ("unit", "tens"):
            cur *= 100
            last = "hundred"
        elif w in t.scales and w != "hundred" and last in ("unit", "tens", "hundred"):
            total += cur * t.scales[w]
            cur = 0
            last = "scale"
        elif w == "dozen" and last in ("unit", "tens"):
            cur *= 12
            last = "scale"
        elif (
            w in s.w["dashes"]
            and last == "tens"
            and j + 1 < n
            and low[j + 1] in t.units
            and s.glued(j)
            and s.glued(j + 1)
        ) or (
            w == "and"
            and last in ("hundred", "scale")
            and j + 1 < n
            and (low[j + 1] in t.units or low[j + 1] in t.tens)
        ):
            j += 1
            continue
        else:
            break
        j += 1
    if j == i:
        return None
    # a trailing "and"/"-" was skipped without a number after it: back off
    while j > i and low[j - 1] in s.w["trailing_joiners"]:
        j -= 1
    scale = 1.0
    if last == "scale" and low[j - 1] in t.scales:
        scale = float(t.scales[low[j - 1]])
    elif last == "hundred":
        scale = 100.0
    return Core(j, total + cur, False, scaled=scale > 1, scale=scale)
