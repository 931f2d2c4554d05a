"""Numbers written in words: "four", "twenty-one", "a million", "tens of thousands"."""

from __future__ import annotations

from tui.analysis.numbers import (
    ordinals,
    tails,
    values,
)
from tui.analysis.numbers.scanner import Hit, Scanner
from tui.analysis.numbers.tables import is_word
from tui.analysis.numbers.values import Core


def determined(s: Scanner, i: int) -> bool:
    """A determiner comes before token i with only lower-case words between, up to four
    tokens back ("the one", "the old one", "a rather more serious one")."""
    for k in range(i - 1, max(i - 5, s.floor - 1), -1):
        w = s.low[k]
        if w in s.w["one_pronoun_end_before"]:
            return True
        if not s.toks[k].islower() or not is_word(w) or w in s.t.units or w in s.t.tens:
            return False
    return False


def from_words(s: Scanner, i: int) -> Hit | None:
    """A number in words and what follows it: "four", "twenty-one", "two-thirds", "three
    years"; not "one" as a pronoun ("no one", "one of them said") nor inside a name
    ("Formula One")."""
    t = s.t
    w = s.low[i]
    if s.name_part(i):
        return None  # Formula One, Group of Seven
    if s.name_before(i):
        return None
    if w == "one" and (s.pos(i) == "PRON" or s.in_idiom(i)):
        return None
    if w == "one":
        prev = s.lw(i - 1)
        nxt = s.lw(i + 1)
        if prev == "only" and s.lw(i - 2) != "the":
            prev = ""  # "only one country"
        if nxt in t.one_after or (
            prev in t.one_before
            and nxt not in t.time_units
            and nxt not in t.scales
            and nxt not in s.w["and_or_dash"]
        ):
            return None
        if (i + 1 >= s.n or s.toks[i + 1] in s.w["one_pronoun_end"]) and determined(s, i):
            return None  # "the old one.", "a serious one,"
    if (
        w == "one"
        and s.lw(i + 1) in s.w["dashes"]
        and s.glued(i + 1)
        and s.glued(i + 2)
        and not (
            s.lw(i + 2) in t.denominators
            or s.lw(i + 2) in t.time_units
            or s.phrase(i + 2, t.measures) is not None
        )
    ):
        return None  # one-off, one-sided, one-party
    c = values.word_core(s, i)
    if c is None:
        return None
    if (
        c.j + 1 < s.n
        and s.low[c.j] in s.w["dashes"]
        and s.glued(c.j)
        and s.glued(c.j + 1)
        and s.low[c.j + 1] in t.ordinals
        and s.low[c.j - 1] in t.tens
    ):
        # twenty-first
        return ordinals.ordinal(s, i, c.j + 2, int(c.value) + t.ordinals[s.low[c.j + 1]])
    # "two-thirds", "one third", "three quarters"
    j = c.j
    k = j + 1 if (j < s.n and s.low[j] in s.w["dashes"] and s.glued(j)) else j
    if (
        k < s.n
        and s.low[k] in t.denominators
        and c.value < 20
        and s.low[k] not in s.w["not_denominators"]
    ):
        den = t.denominators[s.low[k]]
        lw = s.low[k]
        plural = lw.endswith("s") or lw == "halves"
        if plural == (c.value != 1) and (den > 2 or plural):
            return ordinals.after_fraction(s, i, k + 1, c.value / den, i)
    return tails.after_number(s, i, c)


def bare_scale(s: Scanner, i: int) -> Hit | None:
    """ "a million", "a hundred", "a dozen", "half a million", "several thousand"."""
    t = s.t
    w = s.low[i]
    scale = 12 if w == "dozen" else t.scales[w]
    start = i
    value: float | None = None
    if s.lw(i - 1) in s.w["a_an"] and i - 1 >= s.floor:
        value = float(scale)
        start = i - 1
        if s.lw(i - 2) == "half" and i - 2 >= s.floor:
            value = scale / 2
            start = i - 2
    elif s.lw(i - 1) in s.w["half_quarter"] and i - 1 >= s.floor:
        frac = 0.5 if s.lw(i - 1) == "half" else 0.25
        value = scale * frac
        start = i - 1
        if s.lw(i - 2) in s.w["a_one"] and i - 2 >= s.floor:
            start = i - 2
    else:
        q = s.phrase_before(i, t.vague_quantifiers)
        if q is None:
            return None
        c = Core(i + 1, float(scale), False)
        h = tails.after_number(s, i, c, vague=True)
        if h is None:
            return None
        h.i0 = min(h.i0, q[0])
        h.kind = "range" if h.kind == "cardinal" else h.kind
        h.qualifier = " ".join(s.low[q[0] : i]) if h.qualifier is None else h.qualifier
        return h
    j = i + 1
    while j < s.n and s.low[j] in t.scales and s.low[j] != "hundred":
        value *= t.scales[s.low[j]]
        j += 1
    if s.lw(j) == "and" and (s.lw(j + 1) in t.units or s.lw(j + 1) in t.tens):
        rest = values.word_core(s, j + 1)
        if rest is not None and rest.value < scale:
            value += rest.value  # a hundred and fifty
            j = rest.j
    c = Core(j, value, False, scaled=True)
    return tails.after_number(s, i, c, cur_start=start)


def vague_count_unit(
    s: Scanner, start: int, j: int, value: float | None, qual: str, core0: int
) -> Hit | None:
    """ "a couple of points" (2 points), "a few miles", "several percent", "a couple of
    dollars": a vague count before a unit of measure, a percent or a currency word ("a couple
    of" counts an ambiguous unit too: "points")."""
    t = s.t
    p = s.phrase(j, t.percent)
    if p is not None:
        return Hit(start, p[0], "percent", value, p[1], qual, core0)
    cw = s.phrase(j, t.currency_words)
    if cw is not None and s.low[j] not in t.currency_ambiguous:
        return Hit(start, cw[0], "money", value, cw[1], qual, core0)
    m = s.phrase(j, t.measures)
    if m is not None and (
        tuple(s.low[j : m[0]]) not in t.ambiguous_units
        or (value is not None and s.low[j] in s.w["counted_ambiguous_units"])
    ):
        return Hit(start, m[0], "quantity", value, m[1], qual, core0)
    return None


def vague(s: Scanner, i: int) -> Hit | None:
    """tens of thousands, hundreds, dozens, millions of dollars, several years, a few weeks."""
    t = s.t
    w = s.low[i]
    n = s.n
    if w in s.w["vague_counts"]:
        # a couple of days, a few weeks, several years; not "many hours" (no count)
        if w in s.w["uncounted_quantifiers"]:
            return None
        j = i + 1
        if w == "couple":
            if s.lw(i - 1) != "a" or s.lw(j) != "of":
                return None
            j += 1
            start = i - 1
            value: float | None = 2
        else:
            start = i - 1 if (w == "few" and s.lw(i - 1) == "a") else i
            value = None
        qual = " ".join(s.low[start:j])
        if j < n and s.low[j] in t.bare_durations:
            return Hit(start, j + 1, "duration", value, t.time_units[s.low[j]], qual, i)
        return vague_count_unit(s, start, j, value, qual, i)
    if s.cap(i) and not s.sentence_initial(i):
        return None
    base = float(t.vague_scales[w])
    j = i + 1
    words = [w]
    if w == "tens" and s.lw(j) != "of":
        return None
    # tens of thousands, hundreds of millions
    if s.lw(j) == "of" and s.lw(j + 1) in t.vague_scales and t.vague_scales[s.low[j + 1]] > base:
        base *= t.vague_scales[s.low[j + 1]]
        words = [w, "of"]
        j += 2
    qual = " ".join(words)
    # what follows: of dollars, of kilometres, of years
    k = j + 1 if s.lw(j) == "of" else j
    unit = None
    kind = "range"
    end = j
    if k < n:
        cw = s.phrase(k, t.currency_words)
        if cw is not None:
            unit = cw[1]
            end = cw[0]
        elif s.low[k] in t.time_units and s.low[k].endswith("s"):
            unit = t.time_units[s.low[k]]
            end = k + 1
        else:
            m = s.phrase(k, t.measures)
            if m is not None and tuple(s.low[k : m[0]]) not in t.ambiguous_units:
                unit = m[1]
                end = m[0]
    h = s.finish(i, end, kind, base, unit, qual, core0=i)
    q = s.phrase_before(h.i0, t.vague_quantifiers)
    if q is not None and h.i0 == i and s.low[q[0] : i] in (["many"], ["several"], ["some"]):
        h.i0 = q[0]
        h.qualifier = f"{' '.join(s.low[q[0] : i])} {qual}"
    return h
