"""Units of measure, rates and ages: "10 km", "$90 a barrel", "69-year-old", "aged 45"."""

from __future__ import annotations

from tui.analysis.numbers import (
    values,
)
from tui.analysis.numbers.scanner import Hit, Scanner
from tui.analysis.numbers.tables import is_digit, is_word
from tui.analysis.numbers.values import Core


def unit_after(s: Scanner, j: int, c: Core) -> tuple[int, str] | None:
    """A unit of measure at token j (or after a glued hyphen: "10-km"): (end, unit)."""
    t = s.t
    n = s.n
    if j >= n:
        return None
    k = j
    if s.low[j] in s.w["dashes"] and s.glued(j) and s.glued(j + 1):
        k = j + 1
    p = s.phrase(k, t.measures)
    if p is None:
        return None
    j2, unit = p
    key = tuple(s.low[k:j2])
    if key not in t.ambiguous_units or key in (("times",), ("points",), ("magnitude",)):
        return j2, unit
    # ambiguous units ("m", "C", "pounds", "fold") need the number glued or a clear context
    glued = s.glued(k)
    after = s.toks[j2] if j2 < n else ""
    if key in (("pound",), ("pounds",)) and c.scaled:
        return None  # "2 million pounds" is money
    if key == ("fold",):
        return (j2, unit) if (glued or s.low[k - 1] in s.w["dashes"]) else None
    if not glued and after[:1].isalpha():
        return None
    if len(key[0]) == 1 and not glued and after[:1] not in s.w["unit_end_punctuation"]:
        return None
    return j2, unit


def rate(s: Scanner, j: int, unit: str, *, allow_of: bool = False) -> tuple[int, str]:
    """Fold "a year", "per day", "annually", "of gas a year" into the unit."""
    n = s.n
    low = s.low
    k = j
    if allow_of and k < n and low[k] == "of":
        # "of gas a year": up to two lower-case words, then a rate
        for m in (k + 2, k + 3):
            if m <= n and all(
                s.toks[x][:1].islower() and is_word(s.toks[x]) for x in range(k + 1, m)
            ):
                r = rate_at(s, m)
                if r is not None:
                    return r[0], f"{unit}/{r[1]}"
        return j, unit
    r = rate_at(s, k)
    if r is not None:
        return r[0], f"{unit}/{r[1]}"
    return j, unit


def rate_at(s: Scanner, k: int) -> tuple[int, str] | None:
    """A rate at token k: "annually" (year), "a year", "per barrel", "/day"."""
    t = s.t
    if k >= s.n:
        return None
    w = s.low[k]
    if w in t.rate_adverbs:
        return k + 1, t.rate_adverbs[w]
    if w in t.rate_markers or (w == "/" and s.glued(k)):
        p = s.phrase(k + 1, t.rate_words)
        if p is not None:
            return p
    return None


def age_suffix(s: Scanner, j: int) -> tuple[int, str] | None:
    """-year-old, years old, -month-old, year-olds."""
    low = s.low
    n = s.n
    k = j + 1 if (j < n and low[j] in s.w["dashes"]) else j
    if k >= n or low[k] not in s.t.time_units:
        return None
    unit = s.t.time_units[low[k]]
    m = k + 1
    if m < n and low[m] in s.w["dashes"]:
        m += 1
    if m < n and low[m] in s.w["old"]:
        return m + 1, unit
    return None


def aged(s: Scanner, i: int) -> Hit | None:
    """An age after "aged"/"age": "aged 45", "at the age of 86", "aged 8 to 10" (a range)."""
    j = i + 1
    if s.low[i] == "age" and s.lw(j) == "of":
        j += 1  # "at the age of 86"
    if j >= s.n:
        return None
    c = values.core(s, j)
    if c is None or c.scaled or c.value > 130:
        return None
    k = c.j
    upper = None
    if k + 1 < s.n and s.low[k] in s.w["age_range_joiners"] and is_digit(s.toks[k + 1]) == c.digits:
        c2 = values.core(s, k + 1)
        if c2 is not None:
            upper = c2.value
            k = c2.j
    unit = "years"
    if k < s.n and s.low[k] in s.w["age_units"]:
        unit = s.low[k]
        k += 1
        if s.lw(k) == "old":
            k += 1
    kind = "age" if upper is None else "range"
    return Hit(i, k, kind, c.value, unit, values.upper(upper), j)


def pronoun_age(s: Scanner, h: Hit) -> bool:
    """A bare count after "she was", "he turned", "I am" ends a clause: an age ("when she was
    six", "until he was eighteen and"); not "she was 5 points behind" (a unit) nor "it was 3"."""
    i = h.i0
    if i < 2 or s.lw(i - 2) not in s.w["age_pronouns"] or s.lw(i - 1) not in s.w["age_verbs"]:
        return False
    nxt = s.toks[h.i1] if h.i1 < s.n else ""
    return not is_word(nxt) or s.lw(h.i1) in s.w["age_clause_ends"]
