"""Numbers written in digits: "38", "1,000", "9/11", "2022-09-14", "7th", "1990s"."""

from __future__ import annotations

from tui.analysis.numbers import (
    dates,
    ordinals,
    tails,
    times,
    values,
)
from tui.analysis.numbers.scanner import Hit, Scanner
from tui.analysis.numbers.tables import is_digit, is_word


def from_digits(s: Scanner, i: int) -> Hit | None:
    """A number written in digits and what follows it: "38 times", "9/11", "2022-09-14", "7th",
    "1990s", "5 million"; not a name ("G7", "Boeing 737") nor a list marker."""
    tok = s.toks[i]
    if ":" in tok:
        return times.clock(s, i)
    if s.name_before(i) or s.list_marker(i):
        return None
    if (
        tok.isdecimal()
        and i - 1 >= s.floor
        and s.toks[i - 1] == "."
        and s.glued(i)
        and not s.glued(i - 1)
    ):
        return Hit(i - 1, i + 1, "cardinal", float(f"0.{tok}"), None, None, i)  # .667
    if short_year(s, i):
        v = int(tok)
        year = v + (2000 if v < s.t.short_year_pivot else 1900)
        return Hit(i - 1, i + 1, "date", year, None, None, i)  # in '08
    # 9/11, 24/7, 1/3, 14/09/2022
    if (
        i + 2 < s.n
        and s.toks[i + 1] == "/"
        and s.glued(i + 1)
        and s.glued(i + 2)
        and is_digit(s.toks[i + 2])
    ):
        return slashed(s, i)
    j = i + 1
    # ISO dates: 2022-09-14
    if (
        len(tok) == 4
        and tok.isdecimal()
        and i + 4 < s.n
        and all(s.glued(k) for k in range(i + 1, i + 5))
        and s.toks[i + 1] == "-" == s.toks[i + 3]
        and len(s.toks[i + 2]) == 2
        and len(s.toks[i + 4]) == 2
        and s.toks[i + 2].isdecimal()
        and s.toks[i + 4].isdecimal()
    ):
        return Hit(i, i + 5, "date", int(tok), None, None, i)
    # ordinals and decades glued: 7th, 1990s
    if j < s.n and s.glued(j):
        suf = s.low[j]
        if suf in s.w["ordinal_suffixes"] and tok.replace(",", "").isdecimal():
            if s.cap(j + 1) and s.lw(j + 1) in s.t.street_words:
                return None  # 5th Avenue, 42nd Street: a street's name
            if s.cap(j + 1) and s.lw(j + 1) in s.w["ordinal_name_heads"]:
                return None  # the 501st Legion, the 82nd Airborne: a unit's name
            rank = values.integer(tok.replace(",", ""))  # 7th, 1,000th
            if rank is None:
                return Hit(i, j + 1, "ordinal", None, core0=i)  # a rank too large to be one
            return ordinals.ordinal(s, i, j + 1, rank)
        if (
            suf == "s"
            and tok.isdecimal()
            and tok.endswith("0")
            and len(tok) in (2, 4)
            and not (j + 1 < s.n and s.glued(j + 1) and is_word(s.toks[j + 1]))
        ):
            return dates.decade(s, i, j + 1, int(tok))
    c = values.core(s, i)
    if c is None:
        return None
    if address(s, c.j):
        return None
    return tails.after_number(s, i, c)


def address(s: Scanner, j: int) -> bool:
    """ "1600 Pennsylvania Avenue", "10 Downing Street": a street number."""
    k = j
    while k < s.n and k < j + 3 and s.cap(k) and is_word(s.toks[k]):
        if s.low[k] in s.t.street_words and k > j:
            return True
        k += 1
    return False


def short_year(s: Scanner, i: int) -> bool:
    """Two digits after an apostrophe that starts a word, after a word that can come before a
    year, with no "s" glued after: "in '08", "the class of '97" (not a quotation "'12 men were
    hurt'"; the decade "'90s" is read with the decades)."""
    tok = s.toks[i]
    return (
        len(tok) == 2
        and tok.isdecimal()
        and i - 1 >= s.floor
        and s.toks[i - 1] in s.w["apostrophes"]
        and s.glued(i)
        and not s.glued(i - 1)
        and not (i + 1 < s.n and s.glued(i + 1) and is_word(s.toks[i + 1]))
        and s.lw(i - 2) in s.w["short_year_before"]
    )


def slashed(s: Scanner, i: int) -> Hit | None:
    """Digits joined by slashes: a date ("14/09/2022", "9/11"), a season ("2022/23": 2022, "to
    2023") or a small fraction ("1/3"); anything else ("24/7", "1/1,000") is not read."""
    parts = [s.toks[i]]
    j = i + 1
    while (
        j + 1 < s.n
        and s.toks[j] == "/"
        and s.glued(j)
        and s.glued(j + 1)
        and s.toks[j + 1].isdecimal()
    ):
        parts.append(s.toks[j + 1])
        j += 2
    if not all(p.isdecimal() for p in parts):
        return None
    if len(parts) == 3:
        y = int(parts[2]) if len(parts[2]) == 4 else None
        return Hit(i, j, "date", y, None, None, i)
    if len(parts) == 2 and len(parts[0]) == 4 and len(parts[1]) in (2, 4):
        # a season across two years: 2022/23, 1999/2000
        y1, y2 = int(parts[0]), int(parts[1])
        if y2 < 100:
            y2 += y1 // 100 * 100
        if y2 == y1 + 1 and 1000 <= y1 <= 2100:
            return Hit(i, j, "date", y1, None, f"to {y2}", i)
        return None
    if len(parts) != 2 or max(len(p) for p in parts) > 2:
        return None  # 1/1,000 or 1/1.5: the slash is not a fraction's
    a, b = int(parts[0]), int(parts[1])
    if 0 < a < b <= 10:
        return s.finish(i, j, "fraction", round(a / b, 3), None, None, core0=i)
    if 1 <= a <= 12 and 1 <= b <= 31:
        return Hit(i, j, "date", None, None, None, i)  # a month and day: 9/11, 12/25
    return None
