"""Money: a currency sign or code before the number ("$5", "US$5", "EUR 10") or a currency
word after it ("5 million dollars", "45 cents")."""

from __future__ import annotations

from tui.analysis.numbers import (
    tails,
    values,
)
from tui.analysis.numbers.scanner import Hit, Scanner
from tui.analysis.numbers.tables import is_digit, is_word
from tui.analysis.numbers.values import Core


def is_prefix(s: Scanner, i: int) -> bool:
    """Token i is a currency sign, an upper-case ISO code or a prefix abbreviation ("RM")."""
    w = s.low[i]
    t = s.t
    return (
        w in t.currency_symbols
        or (w in t.currency_codes and s.toks[i].isupper())
        or s.toks[i] in t.currency_prefixes
    )


def money_prefix(s: Scanner, i: int) -> Hit | None:
    """Money with its currency before the number: "$5 billion", "US$5", "EUR 10", "RM 5 million",
    "Rs. 40", "$5M"."""
    t = s.t
    w = s.low[i]
    start = i
    prefix = t.currency_prefixes.get(s.toks[i])
    code = t.currency_symbols.get(w) or t.currency_codes.get(w) or prefix
    if code is None:
        return None
    j = i + 1
    if prefix is not None and j < s.n and s.toks[j] == "." and s.glued(j):
        j += 1  # "Rs. 40"
    # US$, HK$, A$
    if (
        i - 1 >= s.floor
        and is_word(s.lw(i - 1))
        and (s.glued(i) or (s.toks[i - 1].isupper() and w == "$"))
    ):
        key = s.low[i - 1] + w
        if key in t.currency_symbols:
            code = t.currency_symbols[key]
            start = i - 1
        elif s.glued(i):
            return None
    if j >= s.n or not is_digit(s.toks[j]):
        return None
    if w in t.currency_codes and s.glued(j) is False and not s.toks[i].isupper():
        return None
    c = values.core(s, j)
    if c is None:
        # $5M, $2B
        if (
            j + 1 < s.n
            and ":" not in s.toks[j]
            and s.glued(j + 1)
            and s.toks[j + 1] in s.w["scale_letters_after_currency"]
        ):
            c = Core(
                j + 2, values.num(s.toks[j]) * t.scale_abbrevs[s.low[j + 1]], True, scaled=True
            )
        else:
            return None
    h = tails.after_number(s, j, c, currency=code, cur_start=start)
    if h is not None:
        h.core0 = j
    return h


def currency_after(s: Scanner, j: int, c: Core) -> tuple[int, str, float] | None:
    """A currency after the number at token j: (end, code, multiplier). Not across a line
    break, nor a capitalised word that starts a name ("3 Real Madrid")."""
    t = s.t
    if j >= s.n or "\n" in s.text[s.ends[j - 1] : s.starts[j]]:
        return None
    if s.toks[j].istitle() and s.cap(j + 1) and is_word(s.lw(j + 1)):
        return None
    if s.low[j] in s.w["dashes"] and s.glued(j) and s.glued(j + 1) and c.scaled:
        j += 1  # a 5 million-dollar deal
    p = s.phrase(j, t.currency_words)
    if p is not None:
        return p[0], p[1], 1.0
    w = s.low[j]
    tok = s.toks[j]
    if w in t.currency_codes and tok.isupper() and len(tok) == 3:
        return j + 1, t.currency_codes[w], 1.0
    if w in t.currency_subunits:
        code, mult = t.currency_subunits[w]
        return j + 1, code, mult
    if w in t.currency_ambiguous:
        if w in s.w["pounds"]:
            if c.scaled:
                return j + 1, "GBP", 1.0
            return None
        if w in s.w["currency_needs_scale"]:
            if c.scaled and s.starts[j] > s.ends[j - 1]:
                return j + 1, t.currency_ambiguous[w], 1.0
            return None
    return None
