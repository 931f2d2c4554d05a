"""Numbers with their values: cardinals, ordinals, fractions, percentages, money, quantities,
dates, times, durations, ages and ranges, with approximators kept as a qualifier.

How it works: the text is cut into simple tokens with one regular expression (numbers, words,
single punctuation characters) and scanned once from left to right.  A token that can start a
number (digits, number words, ordinals, months, weekdays, currency signs, vague magnitudes ...)
runs a small recogniser that reads to the right (scale words, units, rates, ranges) and looks to
the left (approximators, "the", "early"/"mid-", "aged").  The spaCy tokens are not used, so the
layer behaves the same with the blank and the trained pipelines; when the doc carries part-of-
speech tags (a trained pipeline) they settle three ambiguities: "a third" + noun (ordinal) or not
(fraction), pronoun "one", and modal "May".  The general knowledge (number words, units,
currencies, month names, approximators) is in ``data/numbers.json``, loaded once.

Values (documented choices):

* cardinal, percent, money, quantity, duration, age: the number itself in the unit given
  (``$5 billion`` -> 5e9 USD, ``5 per cent`` -> 5 ``%``, ``a month`` -> 1 ``months``).
* fraction: the fraction rounded to three decimals (``a third`` -> 0.333); ordinal: its rank.
* range: the lower bound; explicit ranges carry the upper bound in the qualifier
  (``5-10 years`` -> 5, unit ``years``, qualifier ``to 10``); vague magnitudes carry their words
  (``tens of thousands`` -> 10000, qualifier ``tens of``; ``hundreds`` -> 100, qualifier
  ``hundreds``; ``several thousand`` -> 1000, qualifier ``several``).
* date: the year when one is written (``2013``, ``January 2020``, ``Oct. 16, 2022`` -> 2022; a
  decade ``the 1990s`` -> 1990; ``the 20th century`` -> 20 with unit ``century``); a relative
  date with a count keeps the count (``two years ago`` -> 2, unit ``years ago``); otherwise None
  (``Wednesday``, ``last week``, ``Oct. 16``).
* time: hours after midnight as a decimal (``3 pm`` -> 15, ``10:30`` -> 10.5, ``noon`` -> 12).
* duration without a count (``for years``, ``weeks``, ``centuries``): None, with the unit.
* ``the first 7 months of 2022`` gives two numbers: ``the first 7 months`` (duration 7 months,
  qualifier ``first``) and ``2022`` (date 2022).
* Rates fold into the unit: ``50 billion cubic meters of gas a year`` -> 5e10 ``cubic meters/year``;
  ``$90 a barrel`` -> 90 ``USD/barrel``; ``45 cents a share`` -> 0.45 ``USD/share``.
* ``rose $2 to $80.50``, ``fell from 9 to 10``: a change and a level, two numbers, not a range.
* ``Name, 45,`` after a PERSON (or two capitalised words) is an age.

Numbers that are part of names are skipped: digits glued to letters (G7, COVID-19, 5G, iPhone15),
a number right after a capitalised word that is not a function word, month, currency or
approximator (Boeing 737, Nord Stream 1, Section 230) unless that word ends a PERSON/GPE/NORP/LOC
name or a unit follows ("met Putin 38 times"), capitalised number words and ordinals inside a
sentence (Formula One, the Second World War), label words (page 5, flight 370, No. 1), and any
number inside one of the ``names`` spans.  Roman numerals are never numbers.  Also skipped:
"one" as a pronoun ("one of the ...", "the one who", "one could"), scores ("won 3-1"), phone
numbers, street numbers ("10 Downing Street"), list markers ("1." at a line start) and numbers in
paths or hashtags.
"""

from __future__ import annotations

import json
import math
import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from spacy.tokens import Doc

from tui.analysis.model import Entity, Number

KIND_LABELS: dict[str, str] = {
    "cardinal": "CARDINAL", "ordinal": "ORDINAL", "fraction": "CARDINAL", "percent": "PERCENT",
    "money": "MONEY", "quantity": "QUANTITY", "date": "DATE", "time": "TIME",
    "duration": "DATE", "age": "DATE", "range": "CARDINAL",
}
"""OntoNotes label for each number kind, used when the pipeline has no numeric NER of its own."""

_TOKEN_RE = re.compile(
    r"\d{1,2}:\d{2}(?::\d{2})?(?![\d:])"  # clock time
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d])"  # 1,000,000.5
    r"|\d+(?:\.\d+)?"  # 38, 2.5
    r"|[^\W\d_]+"  # words
    r"|\S"  # any other single character
)

_SUFFIX_ORD = frozenset({"st", "nd", "rd", "th"})
_DASHES = frozenset({"-", "–", "—"})
_RANGE_DASHES = frozenset({"-", "–"})
_SINGLE_LETTER_GLUED = frozenset({"m", "k", "b", "g", "s", "h", "l", "x", "C", "F", "W", "L"})
_SINGLE_LETTER_AFTER_CURRENCY = frozenset({"M", "B", "K", "m", "k", "b", "bn"})
_POSSESSIVE_DET = frozenset(
    {"the", "these", "those", "his", "her", "their", "its", "our", "my", "your", "whose", "’s", "'s"}
)
_YEAR_CONTEXT = frozenset(
    {"in", "since", "of", "by", "from", "until", "till", "to", "before", "after", "during", "year",
     "circa", "c", "around", "and", "or", "between", "through", "early", "late", "mid", "the",
     "summer", "spring", "autumn", "winter", "fall", "end", "start", "beginning"}
)
_TAIL_QUALIFIERS = {
    ("or", "more"): "or more", ("or", "so"): "or so", ("or", "less"): "or less",
    ("or", "fewer"): "or fewer", ("or", "over"): "or over", ("or", "above"): "or above",
    ("and", "over"): "and over", ("and", "above"): "and above",
    ("and", "up"): "and up",
}
_MEASURE_SCALES = {"bcm": 1e9, "bcf": 1e9, "tcm": 1e12, "tcf": 1e12}
_YEAR_STRONG = frozenset({"in", "since", "by", "until", "till", "before", "after", "during", "year"})
_SHORT_UNIT_BEFORE = frozenset(
    {"within", "for", "after", "in", "just", "only", "mere", "lasted", "took", "take", "takes",
     "few", "several", "many", "some", "spent", "wait", "waited", "waiting", "over", "about"}
)
_WEEKEND_BEFORE = frozenset({"over", "at", "during", "on", "through", "throughout", "until", "by", "after", "before", "since", "for"})
_SCORE_WORDS = frozenset({"won", "lost", "beat", "defeated", "drew", "draw", "win", "victory",
                          "defeat", "loss", "score", "scored", "lead", "led", "trailing"})


# --------------------------------------------------------------------------------------------
# knowledge tables (built once)


def _tok(phrase: str) -> tuple[str, ...]:
    return tuple(m.group().lower() for m in _TOKEN_RE.finditer(phrase))


def _phrase_table(items: Any) -> dict[tuple[str, ...], Any]:
    if isinstance(items, dict):
        return {_tok(k): v for k, v in items.items()}
    return {_tok(k): k for k in items}


@dataclass(frozen=True, slots=True)
class _Tables:
    units: dict[str, int]
    tens: dict[str, int]
    scales: dict[str, int]
    scale_abbrevs: dict[str, int]
    vague_scales: dict[str, int]
    vague_quantifiers: dict[tuple[str, ...], str]
    ordinals: dict[str, int]
    denominators: dict[str, int]
    unicode_fractions: dict[str, float]
    approximators: dict[tuple[str, ...], str]
    date_approximators: frozenset[str]
    percent: dict[tuple[str, ...], str]
    currency_symbols: dict[str, str]
    currency_codes: dict[str, str]
    currency_words: dict[tuple[str, ...], str]
    currency_ambiguous: dict[str, str]
    currency_subunits: dict[str, tuple[str, float]]
    measures: dict[tuple[str, ...], str]
    glued_ok: frozenset[str]
    ambiguous_units: frozenset[tuple[str, ...]]
    time_units: dict[str, str]
    counted_only: frozenset[str]
    bare_durations: frozenset[str]
    rate_words: dict[tuple[str, ...], str]
    rate_adverbs: dict[str, str]
    rate_markers: frozenset[str]
    months: dict[str, int]
    month_abbrevs: dict[str, int]
    ambiguous_months: frozenset[str]
    month_context: frozenset[str]
    weekdays: frozenset[str]
    day_parts: frozenset[str]
    relative_days: dict[str, str | None]
    relative_modifiers: frozenset[str]
    relative_nouns: frozenset[str]
    seasons: frozenset[str]
    date_edges: frozenset[str]
    time_suffixes: dict[tuple[str, ...], str]
    timezones: dict[tuple[str, ...], str]
    time_words: dict[str, int]
    name_prefixes_ok: frozenset[str]
    allowed_cap_before: frozenset[str]
    name_like_before: frozenset[str]
    one_before: frozenset[str]
    one_after: frozenset[str]
    not_plural: frozenset[str]
    fraction_next_ok: frozenset[str]
    decade_words: dict[str, int]
    change_words: frozenset[str]
    relative_day_modifiers: frozenset[str]
    time_approximators: frozenset[str]
    metre_context: frozenset[str]
    sentence_openers: frozenset[str]
    currencies: frozenset[str]
    street_words: frozenset[str]
    triggers: frozenset[str]
    max_phrase: int


def _load() -> dict[str, Any]:
    path = resources.files("tui.analysis.data").joinpath("numbers.json")
    with path.open("r", encoding="utf-8") as fh:
        return json.load(fh)


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    d = _load()
    codes = {c.lower(): d["currency_code_aliases"].get(c, c) for c in d["currency_codes"]}
    measures = _phrase_table(d["measure_units"])
    currency_words = _phrase_table(d["currency_words"])
    percent = _phrase_table(d["percent_words"])
    approximators = _phrase_table(d["approximators"])
    relative_nouns = frozenset(d["relative_nouns"])
    triggers = (
        set(d["units"]) | set(d["tens"]) | set(d["scales"]) | set(d["vague_scales"])
        | {"dozen", "half", "quarter", "quarters"} | set(d["ordinals"])
        | set(d["fraction_denominators"]) | set(d["months"]) | set(d["month_abbrevs"])
        | set(d["weekdays"]) | set(d["relative_days"]) | set(d["relative_modifiers"])
        | set(d["time_units"]) | set(d["time_words"]) | set(d["currency_symbols"]) | set(codes)
        | set(d["unicode_fractions"]) | {"between", "minus", "aged", "age", "ages", "q", "h"}
        | {"earlier", "later", "couple", "few", "several", "many"} | set(d["decade_words"])
    )
    return _Tables(
        units=d["units"],
        tens=d["tens"],
        scales=d["scales"],
        scale_abbrevs=d["scale_abbrevs"],
        vague_scales=d["vague_scales"],
        vague_quantifiers=_phrase_table(d["vague_quantifiers"]),
        ordinals=d["ordinals"],
        denominators=d["fraction_denominators"],
        unicode_fractions=d["unicode_fractions"],
        approximators=approximators,
        date_approximators=frozenset(d["date_approximators"]),
        percent=percent,
        currency_symbols=d["currency_symbols"],
        currency_codes=codes,
        currency_words=currency_words,
        currency_ambiguous=d["currency_words_ambiguous"],
        currency_subunits={k: (v[0], v[1]) for k, v in d["currency_subunits"].items()},
        measures=measures,
        glued_ok=frozenset(d["glued_unit_ok"]),
        ambiguous_units=frozenset(_tok(u) for u in d["ambiguous_units"]),
        time_units=d["time_units"],
        counted_only=frozenset(d["counted_only_time_units"]),
        bare_durations=frozenset(d["bare_duration_units"]),
        rate_words=_phrase_table(d["rate_words"]),
        rate_adverbs=d["rate_adverbs"],
        rate_markers=frozenset(d["rate_markers"]),
        months=d["months"],
        month_abbrevs=d["month_abbrevs"],
        ambiguous_months=frozenset(d["ambiguous_months"]),
        month_context=frozenset(d["month_context_before"]),
        weekdays=frozenset(d["weekdays"]),
        day_parts=frozenset(d["day_parts"]),
        relative_days=d["relative_days"],
        relative_modifiers=frozenset(d["relative_modifiers"]),
        relative_nouns=relative_nouns,
        seasons=frozenset(d["seasons"]),
        date_edges=frozenset(d["date_edge_words"]),
        time_suffixes=_phrase_table(d["time_suffixes"]),
        timezones=_phrase_table(d["timezones"]),
        time_words=d["time_words"],
        name_prefixes_ok=frozenset(d["name_prefixes_ok"]),
        allowed_cap_before=frozenset(d["allowed_capitalised_before"])
        | frozenset(d["months"]) | frozenset(d["month_abbrevs"]) | frozenset(d["weekdays"])
        | frozenset(codes) | frozenset(w for p in approximators for w in p),
        name_like_before=frozenset(d["name_like_before"]),
        one_before=frozenset(d["one_pronoun_before"]),
        one_after=frozenset(d["one_pronoun_after"]),
        not_plural=frozenset(d["plural_noun_not_year_after_exceptions"]),
        fraction_next_ok=frozenset(d["fraction_next_ok"]),
        decade_words=d["decade_words"],
        change_words=frozenset(d["change_words"]),
        relative_day_modifiers=frozenset(d["relative_day_modifiers"]),
        time_approximators=frozenset(d["time_approximators"]),
        metre_context=frozenset(d["metre_context_after"]),
        street_words=frozenset(d["street_words"]),
        sentence_openers=frozenset(d["sentence_openers"]),
        currencies=frozenset(codes.values()) | frozenset(d["currency_symbols"].values())
        | frozenset(d["currency_words"].values()) | frozenset(d["currency_words_ambiguous"].values()),
        triggers=frozenset(triggers),
        max_phrase=max(len(p) for t in (measures, currency_words, percent, approximators) for p in t),
    )


# --------------------------------------------------------------------------------------------
# the scanner


@dataclass(slots=True)
class _Hit:
    i0: int
    i1: int  # exclusive
    kind: str
    value: float | None
    unit: str | None = None
    qualifier: str | None = None
    core0: int = -1  # first token of the number itself (for the names check)


@dataclass(slots=True)
class _Core:
    """A number read from the text: tokens [i, j), its value and how it was written."""

    j: int
    value: float
    digits: bool
    year_like: bool = False
    scaled: bool = False
    glued_unit: bool = False
    scale: float = 1.0


def _is_word(s: str) -> bool:
    return s[:1].isalpha()


def _is_digit(s: str) -> bool:
    return s[:1].isdecimal()


def _num(s: str) -> float:
    return float(s.replace(",", ""))


def _clean(v: float | None) -> float | None:
    """Integral values as ``int``, others rounded to 6 decimals; None for inf/nan."""
    if v is None or not math.isfinite(v):
        return None
    if abs(v) < 1e15 and v == int(v):
        return int(v)
    return round(v, 6)


class _Scanner:
    def __init__(self, text: str, t: _Tables, actor_ends: frozenset[int] = frozenset(),
                 doc: Doc | None = None) -> None:
        self.text = text
        self.doc = doc if doc is not None and doc.has_annotation("POS") else None
        self._pos_index: tuple[list[int], list[str]] | None = None
        self.actor_ends = actor_ends
        """End offsets of PERSON/GPE/NORP/LOC names: a number after one is not part of it."""
        self.t = t
        toks: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        for m in _TOKEN_RE.finditer(text):
            toks.append(m.group())
            starts.append(m.start())
            ends.append(m.end())
        self.toks = toks
        self.low = [s.lower() for s in toks]
        self.starts = starts
        self.ends = ends
        self.n = len(toks)
        self.floor = 0  # tokens before this index belong to an earlier hit

    # ---- small helpers -------------------------------------------------------------------

    def pos(self, i: int) -> str:
        """The trained tagger's coarse part of speech for the word at token i ("" without one)."""
        if self.doc is None or not 0 <= i < self.n:
            return ""
        if self._pos_index is None:
            self._pos_index = ([tk.idx for tk in self.doc], [tk.pos_ for tk in self.doc])
        starts, tags = self._pos_index
        k = bisect_left(starts, self.starts[i] + 1) - 1
        return tags[k] if k >= 0 else ""

    def glued(self, i: int) -> bool:
        """Token i follows token i-1 with no space between."""
        return 0 < i < self.n and self.starts[i] == self.ends[i - 1]

    def lw(self, i: int) -> str:
        return self.low[i] if 0 <= i < self.n else ""

    def cap(self, i: int) -> bool:
        return 0 <= i < self.n and self.toks[i][:1].isupper()

    def sentence_initial(self, i: int) -> bool:
        if i <= 0:
            return True
        if self.toks[i - 1] in self.t.sentence_openers:
            return True
        return "\n" in self.text[self.ends[i - 1]:self.starts[i]]

    def phrase(self, i: int, table: dict[tuple[str, ...], Any]) -> tuple[int, Any] | None:
        """Longest phrase of ``table`` starting at token i: (end index, value)."""
        low = self.low
        for k in range(min(self.t.max_phrase, self.n - i), 0, -1):
            key = tuple(low[i:i + k])
            if key in table:
                return i + k, table[key]
        return None

    def phrase_before(self, i: int, table: dict[tuple[str, ...], Any]) -> tuple[int, Any] | None:
        """Longest phrase of ``table`` ending just before token i (not before ``floor``)."""
        low = self.low
        for k in range(min(self.t.max_phrase, i - self.floor), 0, -1):
            key = tuple(low[i - k:i])
            if key in table:
                return i - k, table[key]
        return None

    # ---- names ---------------------------------------------------------------------------

    def name_before(self, i: int) -> bool:
        """The number starting at token i is part of a name (G7, COVID-19, Boeing 737 ...)."""
        t = self.t
        if i == 0:
            return False
        prev = self.toks[i - 1]
        lp = self.low[i - 1]
        if self.glued(i):
            if _is_word(prev):
                return lp not in t.currency_codes
            if prev in _DASHES and i >= 2 and self.glued(i - 1) and _is_word(self.toks[i - 2]):
                return self.low[i - 2] not in t.name_prefixes_ok
            if prev in _DASHES and i >= 2 and self.glued(i - 1) and _is_digit(self.toks[i - 2]):
                return True  # the tail of "3-1", "555-1234"
            if prev in ("#", "№", "/", "\\", "_", "@", "=", "&"):
                return True  # #3, paths and addresses
        if _is_word(prev):
            if lp in t.name_like_before:
                return True
            if (prev[0].isupper() or not prev.islower()) and lp not in t.allowed_cap_before:
                # "met Putin 38 times" is a number, "Boeing 737" is not
                return self.ends[i - 1] not in self.actor_ends and not self.quantity_follows(i)
        return bool(prev == "." and i >= 2 and self.low[i - 2] in ("no", "nos", "vol", "art", "sec", "p", "pp"))

    def metres(self, j: int) -> bool:
        """A glued "m" at token j means metres, not million ("a 100m race", "a 10m-high wall")."""
        if self.lw(j - 2) in self.t.currency_symbols and self.glued(j - 1):
            return False
        nxt = self.lw(j + 1)
        return (nxt in _DASHES and self.glued(j + 1)) or nxt in self.t.metre_context

    def quantity_follows(self, i: int) -> bool:
        """The number at token i is followed by a scale word, unit, percent or currency."""
        c = self.core(i)
        if c is None:
            return False
        return c.scaled or self.unit_like(c.j)

    def unit_like(self, j: int) -> bool:
        """Token j starts a scale word, time unit, percent, currency word or unit of measure."""
        t = self.t
        if j >= self.n:
            return False
        w = self.low[j]
        if w in t.time_units or w in t.scales:
            return True
        if self.phrase(j, t.percent) is not None or self.phrase(j, t.currency_words) is not None:
            return True
        m = self.phrase(j, t.measures)
        return m is not None and (tuple(self.low[j:m[0]]) not in t.ambiguous_units or w == "times")

    def list_marker(self, i: int) -> bool:
        """A digit at the start of a line followed by '.' or ')' (a list item number)."""
        if i + 1 >= self.n or self.toks[i + 1] not in (".", ")") or not self.glued(i + 1):
            return False
        if i + 2 < self.n and _is_digit(self.toks[i + 2]) and self.glued(i + 2):
            return False
        return i == 0 or "\n" in self.text[self.ends[i - 1]:self.starts[i]]

    # ---- numbers -------------------------------------------------------------------------

    def core(self, i: int, *, allow_words: bool = True) -> _Core | None:
        """Read a number at token i (digits with scale, or number words)."""
        t = self.t
        tok = self.toks[i]
        if _is_digit(tok):
            if ":" in tok:
                return None
            value = _num(tok)
            j = i + 1
            year_like = len(tok) == 4 and tok.isdecimal()
            scaled = glued_unit = False
            if j < self.n and self.glued(j) and _is_word(self.toks[j]):
                suf = self.toks[j]
                ls = self.low[j]
                if ls in t.scale_abbrevs and (len(suf) > 1 or suf in "mkb") and not (
                        ls == "m" and self.metres(j)):
                    value *= t.scale_abbrevs[ls]
                    j += 1
                    scaled = True
                    year_like = False
                elif (len(suf) == 1 and suf in _SINGLE_LETTER_GLUED) or (
                    len(suf) > 1 and ls in t.glued_ok
                ):
                    glued_unit = True
                else:
                    return None
                if scaled and j < self.n and self.glued(j) and _is_word(self.toks[j]):
                    return None
            # scale words: "1.5 million", "two hundred thousand"
            while j < self.n and self.low[j] in t.scales and not scaled:
                value *= t.scales[self.low[j]]
                j += 1
                scaled = True
                year_like = False
                while j < self.n and self.low[j] in t.scales:
                    value *= t.scales[self.low[j]]
                    j += 1
            # "$5.5-billion" (Canadian style)
            if not scaled and j + 1 < self.n and self.low[j] in _DASHES and self.glued(j) and self.glued(j + 1) \
                    and self.low[j + 1] in t.scales and self.low[j + 1] != "hundred":
                value *= t.scales[self.low[j + 1]]
                j += 2
                scaled = True
                year_like = False
            # "1.5 bn" with a space
            if not scaled and j < self.n and self.low[j] in ("bn", "mn", "tn", "mln", "bln", "trn"):
                value *= t.scale_abbrevs[self.low[j]]
                j += 1
                scaled = True
                year_like = False
            base = _num(tok)
            return _Core(j, value, True, year_like, scaled, glued_unit, value / base if base else 1.0)
        if not allow_words:
            return None
        return self.word_core(i)

    def word_core(self, i: int) -> _Core | None:
        t = self.t
        low = self.low
        total = 0.0
        cur = 0.0
        last = ""  # "unit", "tens", "hundred", "scale"
        j = i
        n = self.n
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
                w in _DASHES and last == "tens" and j + 1 < n and low[j + 1] in t.units
                and self.glued(j) and self.glued(j + 1)
            ) or (
                w == "and" and last in ("hundred", "scale") and j + 1 < n
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
        while j > i and low[j - 1] in ("and", "-", "–", "—"):
            j -= 1
        scale = 1.0
        if last == "scale" and low[j - 1] in t.scales:
            scale = float(t.scales[low[j - 1]])
        elif last == "hundred":
            scale = 100.0
        return _Core(j, total + cur, False, scaled=scale > 1, scale=scale)

    # ---- the main scan -------------------------------------------------------------------

    def scan(self) -> list[_Hit]:
        """All hits, left to right; a token inside an earlier hit never starts a new one."""
        triggers = self.t.triggers
        candidates = [i for i, w in enumerate(self.low) if w in triggers or w[0].isdecimal()]
        hits: list[_Hit] = []
        for i in candidates:
            if i < self.floor:
                continue
            hit = self.at(i)
            if hit is None:
                continue
            if hit.core0 < 0:
                hit.core0 = i
            hits.append(hit)
            self.floor = max(hit.i1, i + 1)
        return hits

    def at(self, i: int) -> _Hit | None:
        t = self.t
        w = self.low[i]
        tok = self.toks[i]
        if _is_digit(tok):
            return self.from_digits(i)
        if w in t.currency_symbols or (w in t.currency_codes and tok.isupper()):
            return self.money_prefix(i)
        if w in t.unicode_fractions:
            return self.finish(i, i + 1, "fraction", t.unicode_fractions[w], core0=i)
        if not _is_word(tok):
            return None
        if w in t.months or w in t.month_abbrevs:
            h = self.month(i)
            if h is not None:
                return h
        if w in t.weekdays:
            return self.weekday(i)
        if w in t.relative_days:
            kind = t.relative_days[w]
            if kind is None:
                return None
            return _Hit(i, i + 1, kind, None, core0=i)
        if w in t.time_words:
            return self.time_tail(i, i + 1, float(t.time_words[w]), i)
        if w in t.relative_modifiers or w in ("earlier", "later"):
            return self.relative(i)
        if w in ("aged", "age", "ages"):
            return self.aged(i)
        if w == "between":
            return self.between(i)
        if w == "minus":
            return self.minus(i)
        if w in ("q", "h") and tok in ("Q", "H"):
            return self.quarter_code(i)
        if w in t.ordinals or w in t.denominators:
            h = self.ordinal_word(i)
            if h is not None or w not in t.units:
                return h
        if w in t.decade_words:
            return self.decade_word(i)
        if w in t.vague_scales or w in ("couple", "few", "several", "many"):
            h = self.vague(i)
            if h is not None:
                return h
        if w in t.units or w in t.tens:
            return self.from_words(i)
        if w in t.scales or w == "dozen":
            return self.bare_scale(i)
        if w in t.time_units:
            return self.bare_time_unit(i)
        return None

    # ---- recognisers ---------------------------------------------------------------------

    def from_digits(self, i: int) -> _Hit | None:
        tok = self.toks[i]
        if ":" in tok:
            return self.clock(i)
        if self.name_before(i) or self.list_marker(i):
            return None
        # 9/11, 24/7, 1/3, 14/09/2022
        if i + 2 < self.n and self.toks[i + 1] == "/" and self.glued(i + 1) and self.glued(i + 2) \
                and _is_digit(self.toks[i + 2]):
            return self.slashed(i)
        j = i + 1
        # ISO dates: 2022-09-14
        if len(tok) == 4 and tok.isdecimal() and i + 4 < self.n and all(self.glued(k) for k in range(i + 1, i + 5)) \
                and self.toks[i + 1] == "-" == self.toks[i + 3] and len(self.toks[i + 2]) == 2 \
                and len(self.toks[i + 4]) == 2 and self.toks[i + 2].isdecimal() and self.toks[i + 4].isdecimal():
            return _Hit(i, i + 5, "date", int(tok), None, None, i)
        # ordinals and decades glued: 7th, 1990s
        if j < self.n and self.glued(j):
            suf = self.low[j]
            if suf in _SUFFIX_ORD and tok.isdecimal():
                return self.ordinal(i, j + 1, int(tok))
            if suf == "s" and tok.isdecimal() and tok.endswith("0") and len(tok) in (2, 4) and not (
                j + 1 < self.n and self.glued(j + 1) and _is_word(self.toks[j + 1])
            ):
                return self.decade(i, j + 1, int(tok))
        c = self.core(i)
        if c is None:
            return None
        if self.address(c.j):
            return None
        return self.after_number(i, c)

    def address(self, j: int) -> bool:
        """"1600 Pennsylvania Avenue", "10 Downing Street": a street number."""
        k = j
        while k < self.n and k < j + 3 and self.cap(k) and _is_word(self.toks[k]):
            if self.low[k] in self.t.street_words and k > j:
                return True
            k += 1
        return False

    def from_words(self, i: int) -> _Hit | None:
        t = self.t
        w = self.low[i]
        if self.cap(i) and not self.sentence_initial(i):
            return None  # Formula One, Group of Seven
        if self.name_before(i):
            return None
        if w == "one" and self.pos(i) == "PRON":
            return None
        if w == "one":
            prev = self.lw(i - 1)
            nxt = self.lw(i + 1)
            if prev == "only" and self.lw(i - 2) != "the":
                prev = ""  # "only one country"
            if nxt in t.one_after or (prev in t.one_before and nxt not in t.time_units
                                      and nxt not in t.scales and nxt not in ("and", "-")):
                return None
            if i + 1 < self.n and self.toks[i + 1] in (",", ".", ";", ")", "!", "?") and prev in (
                "the", "this", "that", "no", "every", "any", "each", "which"):
                return None
        if w == "one" and self.lw(i + 1) in _DASHES and self.glued(i + 1) and self.glued(i + 2) and not (
                self.lw(i + 2) in t.denominators or self.lw(i + 2) in t.time_units
                or self.phrase(i + 2, t.measures) is not None):
            return None  # one-off, one-sided, one-party
        c = self.word_core(i)
        if c is None:
            return None
        if (c.j + 1 < self.n and self.low[c.j] in _DASHES and self.glued(c.j) and self.glued(c.j + 1)
                and self.low[c.j + 1] in t.ordinals and self.low[c.j - 1] in t.tens):
            # twenty-first
            return self.ordinal(i, c.j + 2, int(c.value) + t.ordinals[self.low[c.j + 1]])
        # "two-thirds", "one third", "three quarters"
        j = c.j
        k = j + 1 if (j < self.n and self.low[j] in _DASHES and self.glued(j)) else j
        if k < self.n and self.low[k] in t.denominators and c.value < 20 and self.low[k] not in (
            "second", "half"):
            den = t.denominators[self.low[k]]
            lw = self.low[k]
            plural = lw.endswith("s") or lw == "halves"
            if plural == (c.value != 1) and (den > 2 or plural):
                return self.after_fraction(i, k + 1, c.value / den, i)
        return self.after_number(i, c)

    def bare_scale(self, i: int) -> _Hit | None:
        """"a million", "a hundred", "a dozen", "half a million", "several thousand"."""
        t = self.t
        w = self.low[i]
        scale = 12 if w == "dozen" else t.scales[w]
        start = i
        value: float | None = None
        if self.lw(i - 1) in ("a", "an") and i - 1 >= self.floor:
            value = float(scale)
            start = i - 1
            if self.lw(i - 2) == "half" and i - 2 >= self.floor:
                value = scale / 2
                start = i - 2
        elif self.lw(i - 1) in ("half", "quarter") and i - 1 >= self.floor:
            frac = 0.5 if self.lw(i - 1) == "half" else 0.25
            value = scale * frac
            start = i - 1
            if self.lw(i - 2) in ("a", "one") and i - 2 >= self.floor:
                start = i - 2
        else:
            q = self.phrase_before(i, t.vague_quantifiers)
            if q is None:
                return None
            c = _Core(i + 1, float(scale), False)
            h = self.after_number(i, c, vague=True)
            if h is None:
                return None
            h.i0 = min(h.i0, q[0])
            h.kind = "range" if h.kind == "cardinal" else h.kind
            h.qualifier = " ".join(self.low[q[0]:i]) if h.qualifier is None else h.qualifier
            return h
        j = i + 1
        while j < self.n and self.low[j] in t.scales and self.low[j] != "hundred":
            value *= t.scales[self.low[j]]
            j += 1
        c = _Core(j, value, False, scaled=True)
        return self.after_number(i, c, cur_start=start)

    def after_number(self, i: int, c: _Core, *, vague: bool = False,
                     currency: str | None = None, cur_start: int | None = None) -> _Hit | None:
        h = self._after_number(i, c, vague=vague, currency=currency, cur_start=cur_start)
        if h is not None:
            h.core0 = i
        return h

    def _after_number(self, i: int, c: _Core, *, vague: bool = False,
                      currency: str | None = None, cur_start: int | None = None) -> _Hit | None:
        """Everything that can follow a number: ranges, units, percent, money, ages, durations."""
        t = self.t
        j = c.j
        value = c.value
        low = self.low
        n = self.n
        upper: float | None = None
        s0 = i if cur_start is None else cur_start
        # explicit ranges: 5-10, 5 to 10, two or three
        if j + 1 < n and not vague:
            sep = self.toks[j]
            nxt = self.toks[j + 1]
            rng_ok = False
            if (sep in _RANGE_DASHES and self.glued(j) and self.glued(j + 1) and _is_digit(nxt) and c.digits) or (sep == "–" and _is_digit(nxt) and c.digits) or (low[j] in ("to", "or") and (_is_digit(nxt) == c.digits) and (
                c.digits or low[j + 1] in t.units or low[j + 1] in t.tens
            ) and not self.after_change(s0)):
                rng_ok = True
            if currency and (sep in _RANGE_DASHES or (low[j] == "to" and not self.after_change(s0))) \
                    and nxt in t.currency_symbols:
                # $5-$10
                if j + 2 < n and _is_digit(self.toks[j + 2]):
                    c2 = self.core(j + 2)
                    if c2 is not None:
                        upper = c2.value
                        j = c2.j
            elif rng_ok:
                c2 = self.core(j + 1)
                if c2 is not None and sep in _RANGE_DASHES and self.glued(j) and len(self.toks[i]) == 3 \
                        and len(self.toks[j + 1]) == 4 and not c.scaled and not c2.scaled \
                        and not self.unit_like(c2.j):
                    return None  # a phone number: 555-1234
                if c2 is not None and not (c2.digits and self.glued(c2.j) and c2.j < n
                                           and _is_word(self.toks[c2.j]) and not c2.glued_unit):
                    if c.year_like and c2.digits and not c2.scaled and (
                        (len(self.toks[j + 1]) == 2) or c2.year_like):
                        # 2013-14, 1939-1945
                        y2 = c2.value
                        if y2 < 100:
                            y2 = (value // 100) * 100 + y2
                        if y2 > value and not self.score_context(i, c2.j):
                            return self.finish(s0, c2.j, "date", value, None, f"to {int(y2)}", core0=i)
                    if c.digits and self.score_context(i, c2.j):
                        return None  # a score ("won 3-1") is not a quantity
                    elif c2.value <= value and not c2.scaled and not (c.scaled and c2.value * 1000 > value):
                        c2 = None  # "1 – 0" is a score, "0 – 0" too: not a range
                if c2 is not None and not (c2.digits and self.glued(c2.j) and c2.j < n
                                           and _is_word(self.toks[c2.j]) and not c2.glued_unit):
                    if c2.scale > 1 and c.scale == 1:
                        value *= c2.scale  # "5 to 10 million": the scale applies to both
                    upper = c2.value
                    j = c2.j
        if low[j:j + 3] == ["and", "a", "half"] and value == int(value):
            value += 0.5
            j += 3
        if currency is None:
            # percent
            p = self.phrase(j, t.percent)
            if p is not None and (p[1] != "%" or self.toks[j] == "%" or not self.glued(j) or self.low[j] in ("pc", "pct")):
                j2, unit = p
                # 3.00%-3.25%, 5% to 10%
                if upper is None and j2 + 1 < n and (
                    (self.low[j2] in _RANGE_DASHES and self.glued(j2 + 1))
                    or (self.low[j2] == "to" and not self.after_change(s0))
                ) and _is_digit(self.toks[j2 + 1]):
                    c2 = self.core(j2 + 1)
                    if c2 is not None and c2.value > value and self.phrase(c2.j, t.percent) is not None:
                        upper = c2.value
                        j2 = self.phrase(c2.j, t.percent)[0]
                j2, unit = self.rate(j2, unit)
                return self.finish(s0, j2, "range" if upper is not None else "percent", value, unit,
                                   self._upper(upper), core0=i)
            # age: 69-year-old, 69 years old, five-month-old
            age = self.age_suffix(j)
            if age is not None:
                j2, unit = age
                return self.finish(s0, j2, "age", value, unit, self._upper(upper), core0=i)
        # currency words after: 5 million dollars
        cw = None if currency else self.currency_after(j, c)
        if cw is not None:
            j2, code, mult = cw
            currency = code
            value *= mult
            if upper is not None:
                upper *= mult
            j = j2
        if currency is not None:
            if not c.scaled and j < n and self.glued(j) is False and low[j] in t.scale_abbrevs and low[j] in ("bn", "m", "mn", "tn", "k"):
                value *= t.scale_abbrevs[low[j]]
                j += 1
            j2, unit = self.rate(j, currency, allow_of=True)
            kind = "range" if upper is not None else "money"
            return self.finish(s0, j2, kind, value, unit,
                               self._upper(upper), core0=i)
        # time units: durations
        k = j + 1 if (j < n and low[j] in _DASHES and self.glued(j) and self.glued(j + 1)) else j
        if k < n and low[k] in t.time_units and not (low[k] == "second" and c.value != 1 and k == j):
            unit = t.time_units[low[k]]
            j2 = k + 1
            if j2 < n and low[j2] in ("and", "-") and self.lw(j2 + 1) in ("a", "an") and self.lw(j2 + 2) == "half":
                value += 0.5
                j2 += 3
            if low[j2:j2 + 1] == ["ago"]:
                return self.finish(s0, j2 + 1, "date", value, unit + " ago", self._upper(upper), core0=i)
            if c.year_like and k == j and not c.scaled and value > 31:
                pass  # "2013 season" is a date, handled below
            else:
                kind = "range" if upper is not None else "duration"
                if vague:
                    kind = "range"
                j2, unit = self.rate(j2, unit, allow_of=True)
                return self.finish(s0, j2, kind, value, unit, self._upper(upper), core0=i)
        # units of measure
        m = self.unit_after(j, c)
        if m is not None:
            j2, unit = m
            scale = _MEASURE_SCALES.get(low[j2 - 1], 1)
            value *= scale
            if upper is not None:
                upper *= scale
            j2, unit = self.rate(j2, unit, allow_of=True)
            kind = "range" if (upper is not None or vague) else "quantity"
            if unit == "times":
                kind = "range" if upper is not None else "cardinal"
            return self.finish(s0, j2, kind, value, unit, self._upper(upper), core0=i)
        if vague:
            return self.finish(s0, j, "range", value, None, None, core0=i)
        # day + month: 16 October 2022, 16th of October
        if c.digits and not c.scaled and upper is None and value == int(value) and 1 <= value <= 31:
            k = j + 1 if self.lw(j) == "of" else j
            if k < n and self.cap(k) and (low[k] in t.months or low[k] in t.month_abbrevs):
                h = self.month(k, day_before=True)
                if h is not None:
                    h.i0 = i
                    h.core0 = i
                    return h
        # clock times: 3 pm, 0800 GMT
        if c.digits and upper is None and not c.scaled:
            ts = self.phrase(j, t.time_suffixes)
            if ts is not None and value <= 12 and (ts[1] not in ("h", "hrs", "hours")):
                hours = value % 12 + (12 if ts[1].startswith("p") else 0)
                if ts[1].startswith("o"):
                    hours = value
                return self.time_tail(s0, ts[0], hours, i)
            if len(self.toks[i]) == 4 and self.toks[i].isdecimal() and self.phrase(j, t.timezones) is not None \
                    and self.toks[j].isupper():
                hh, mm = int(self.toks[i][:2]), int(self.toks[i][2:])
                if hh < 24 and mm < 60:
                    return self.time_tail(s0, j, hh + mm / 60, i)
        # years
        if c.year_like and upper is None:
            y = int(value)
            if self.is_year(i, j, y):
                h = self.finish(s0, j, "date", y, None, None, core0=i)
                if h.i0 == i:
                    self.date_edges(h)
                return h
        if upper is not None:
            return self.finish(s0, j, "range", value, None, self._upper(upper), core0=i)
        # "38 times" handled as a unit; rate: "100 a day" is rare; leave
        return self.finish(s0, j, "cardinal", value, None, None, core0=i)

    @staticmethod
    def _upper(upper: float | None) -> str | None:
        if upper is None:
            return None
        u = _clean(upper)
        return f"to {u:,}" if isinstance(u, int) and u >= 10000 else f"to {u}"

    def after_change(self, i: int) -> bool:
        """"rose 5% to 10%", "fell $2 to $80": a change then a level, not a range."""
        k = i - 1
        a = self.phrase_before(i, self.t.approximators)
        if a is not None:
            k = a[0] - 1
        if self.lw(k) == "from":
            k -= 1
        return self.lw(k) in self.t.change_words

    def score_context(self, i: int, j: int) -> bool:
        return self.lw(i - 1) in _SCORE_WORDS or self.lw(j) in _SCORE_WORDS or (
            self.lw(i - 1) in ("a", "the") and self.lw(j) in _SCORE_WORDS)

    def is_year(self, i: int, j: int, y: int) -> bool:
        prev = self.lw(i - 1)
        if self.glued(i) and prev in ("$", "£", "€"):
            return False
        if 1900 <= y <= 2100:
            nxt = self.toks[j] if j < self.n else ""
            return not self.plural_after(i, j)
        if 1000 <= y < 1900:
            nxt = self.toks[j] if j < self.n else ""
            if nxt.lower() in ("ad", "bc", "bce", "ce"):
                return True
            if prev in _YEAR_STRONG:
                return not self.plural_after(i, j)
            return prev in ("of", "from", "to", "and", "or", "between", "until", "through") and not (
                nxt[:1].islower() and _is_word(nxt))
        return False

    def plural_after(self, i: int, j: int) -> bool:
        """A plural noun follows a four-digit number ("2000 people"), unless a year-ish word
        precedes it ("in 2013 elections", "the 2014 protests")."""
        prev = self.lw(i - 1)
        nxt = self.toks[j] if j < self.n else ""
        return (
            nxt[:1].islower() and nxt.endswith("s") and len(nxt) > 3 and not nxt.endswith("ss")
            and self.low[j] not in self.t.not_plural and prev not in _YEAR_STRONG
            and prev not in _POSSESSIVE_DET and self.toks[i - 1] not in ("’", "'")
        )

    def age_suffix(self, j: int) -> tuple[int, str] | None:
        """-year-old, years old, -month-old, year-olds."""
        low = self.low
        n = self.n
        k = j + 1 if (j < n and low[j] in _DASHES) else j
        if k >= n or low[k] not in self.t.time_units:
            return None
        unit = self.t.time_units[low[k]]
        m = k + 1
        if m < n and low[m] in _DASHES:
            m += 1
        if m < n and low[m] in ("old", "olds"):
            return m + 1, unit
        return None

    def currency_after(self, j: int, c: _Core) -> tuple[int, str, float] | None:
        t = self.t
        if j >= self.n:
            return None
        if self.low[j] in _DASHES and self.glued(j) and self.glued(j + 1) and c.scaled:
            j += 1  # a 5 million-dollar deal
        p = self.phrase(j, t.currency_words)
        if p is not None:
            return p[0], p[1], 1.0
        w = self.low[j]
        tok = self.toks[j]
        if w in t.currency_codes and tok.isupper() and len(tok) == 3:
            return j + 1, t.currency_codes[w], 1.0
        if w in t.currency_subunits:
            code, mult = t.currency_subunits[w]
            return j + 1, code, mult
        if w in t.currency_ambiguous:
            if w in ("pound", "pounds"):
                if c.scaled:
                    return j + 1, "GBP", 1.0
                return None
            if w in ("won", "real", "rand", "dong"):
                if c.scaled and self.starts[j] > self.ends[j - 1]:
                    return j + 1, t.currency_ambiguous[w], 1.0
                return None
        return None

    def unit_after(self, j: int, c: _Core) -> tuple[int, str] | None:
        """A unit of measure at token j (or after a glued hyphen: "10-km"): (end, unit)."""
        t = self.t
        n = self.n
        if j >= n:
            return None
        k = j
        if self.low[j] in _DASHES and self.glued(j) and self.glued(j + 1):
            k = j + 1
        p = self.phrase(k, t.measures)
        if p is None:
            return None
        j2, unit = p
        key = tuple(self.low[k:j2])
        if key not in t.ambiguous_units or key in (("times",), ("points",), ("magnitude",)):
            return j2, unit
        # ambiguous units ("m", "C", "pounds", "fold") need the number glued or a clear context
        glued = self.glued(k)
        after = self.toks[j2] if j2 < n else ""
        if key in (("pound",), ("pounds",)) and c.scaled:
            return None  # "2 million pounds" is money
        if key == ("fold",):
            return (j2, unit) if (glued or self.low[k - 1] in _DASHES) else None
        if not glued and after[:1].isalpha():
            return None
        if len(key[0]) == 1 and not glued and after[:1] not in ("", ".", ",", ";", ")", ":"):
            return None
        return j2, unit

    def rate(self, j: int, unit: str, *, allow_of: bool = False) -> tuple[int, str]:
        """Fold "a year", "per day", "annually", "of gas a year" into the unit."""
        n = self.n
        low = self.low
        k = j
        if allow_of and k < n and low[k] == "of":
            # "of gas a year": up to two lower-case words, then a rate
            for m in (k + 2, k + 3):
                if m <= n and all(self.toks[x][:1].islower() and _is_word(self.toks[x]) for x in range(k + 1, m)):
                    r = self._rate_at(m)
                    if r is not None:
                        return r[0], f"{unit}/{r[1]}"
            return j, unit
        r = self._rate_at(k)
        if r is not None:
            return r[0], f"{unit}/{r[1]}"
        return j, unit

    def _rate_at(self, k: int) -> tuple[int, str] | None:
        t = self.t
        if k >= self.n:
            return None
        w = self.low[k]
        if w in t.rate_adverbs:
            return k + 1, t.rate_adverbs[w]
        if w in t.rate_markers or (w == "/" and self.glued(k)):
            p = self.phrase(k + 1, t.rate_words)
            if p is not None:
                return p
        return None

    def finish(self, i0: int, i1: int, kind: str, value: float | None, unit: str | None = None,
               qualifier: str | None = None, *, core0: int) -> _Hit:
        """Add the approximator on the left (and ``the`` for relative spans)."""
        t = self.t
        h = _Hit(i0, i1, kind, value, unit, qualifier, core0)
        if kind not in ("date", "time", "ordinal"):
            tail = self.phrase(i1, _TAIL_QUALIFIERS)
            if tail is not None:
                h.i1 = tail[0]
                h.qualifier = tail[1] if h.qualifier is None else f"{h.qualifier}, {tail[1]}"
        if qualifier is not None and qualifier.startswith("to ") and self.lw(i0 - 1) == "from" \
                and i0 - 1 >= self.floor:
            h.i0 = i0 - 1  # "from 5 to 10"
            return h
        a = self.phrase_before(i0, t.approximators)
        if a is not None:
            k, phrase = a
            if kind == "date":
                ok = phrase in t.date_approximators and value is not None
            elif kind == "time":
                ok = phrase in t.time_approximators
            elif kind == "ordinal":
                ok = False
            else:
                ok = True
            if phrase in ("over", "under", "above", "below") and kind == "duration" and self.lw(k - 1) in ("the",):
                ok = False
            if ok:
                h.i0 = k
                h.qualifier = phrase if h.qualifier is None else f"{phrase}, {h.qualifier}"
        return h

    # ---- dates and times -----------------------------------------------------------------

    def month(self, i: int, *, day_before: bool = False) -> _Hit | None:
        t = self.t
        tok = self.toks[i]
        w = self.low[i]
        n = self.n
        if not tok[0].isupper() or (tok.isupper() and len(tok) > 3 and not self.sentence_initial(i)):
            if not (tok.isupper() and len(tok) > 2):
                return None
        j = i + 1
        if w in t.month_abbrevs and w not in t.months:
            if j < n and self.toks[j] == "." and self.glued(j):
                j += 1
            elif not (j < n and _is_digit(self.toks[j])):
                return None
        day: int | None = None
        year: int | None = None
        if not day_before and j < n and _is_digit(self.toks[j]) and self.toks[j].isdecimal():
            v = int(self.toks[j])
            if 1 <= v <= 31 and len(self.toks[j]) <= 2:
                day = v
                j += 1
                if j < n and self.low[j] in _SUFFIX_ORD and self.glued(j):
                    j += 1
            elif 1000 <= v <= 2100 and len(self.toks[j]) == 4:
                year = v
                j += 1
        if year is None and (day is not None or day_before):
            k = j + 1 if (j < n and self.toks[j] == ",") else j
            if k < n and self.toks[k].isdecimal() and len(self.toks[k]) == 4 and 1000 <= int(self.toks[k]) <= 2100:
                year = int(self.toks[k])
                j = k + 1
        if day is None and year is None and not day_before:
            prev = self.lw(i - 1)
            if self.pos(i) in ("AUX", "VERB") and w in t.ambiguous_months:
                return None
            if w in t.ambiguous_months and prev not in t.month_context and not (
                prev in _DASHES and self.lw(i - 2) == "mid"):
                return None
            if self.cap(j) and _is_word(self.toks[j]) and not self.sentence_initial(j) and (
                self.low[j] not in t.weekdays and self.low[j] not in t.allowed_cap_before):
                return None  # "April Smith", "June Carter"
            if self.glued(i) and _is_word(self.lw(i - 1)):
                return None
        h = self.finish(i, j, "date", year, None, None, core0=i)
        self.date_edges(h)
        return h

    def date_edges(self, h: _Hit) -> None:
        """Pull "early", "late", "mid-", "mid" and the month-context into the date span."""
        i = h.i0
        if i - 1 >= self.floor and self.lw(i - 1) in _DASHES and self.glued(i) and self.lw(i - 2) == "mid" \
                and self.glued(i - 1):
            h.i0 = i - 2
            return
        if i - 1 >= self.floor and (self.lw(i - 1) in self.t.date_edges or (
                self.lw(i - 1) in self.t.seasons and self.toks[h.core0].isdecimal())):
            h.i0 = i - 1  # early 2019, summer 2020

    def weekday(self, i: int) -> _Hit | None:
        t = self.t
        if not self.cap(i):
            return None
        j = i + 1
        if j < self.n and self.low[j] in t.day_parts:
            j += 1
        h = _Hit(i, j, "date", None, None, None, i)
        prev = self.lw(i - 1)
        if i - 1 >= self.floor and prev in ("last", "next", "this", "early", "late", "that", "coming"):
            h.i0 = i - 1
        return h

    def relative(self, i: int) -> _Hit | None:
        """last week, this year, the next decade, earlier this month, the past two years."""
        t = self.t
        w = self.low[i]
        j = i + 1
        n = self.n
        start = i
        if w in ("earlier", "later"):
            if j < n and self.low[j] in ("this", "last", "next"):
                h = self.relative(j)
                if h is not None:
                    h.i0 = i
                return h
            return None
        if w in ("this", "that") and j < n and self.low[j] in ("past", "coming"):
            j += 1
        if self.lw(i - 1) == "the" and i - 1 >= self.floor:
            start = i - 1
        if j >= n:
            return None
        nxt = self.low[j]
        if nxt == "day" and w in t.relative_day_modifiers and start < i:
            return _Hit(start, j + 1, "date", None, None, None, j)
        if nxt in t.relative_nouns and not self.glued(j):
            if w in ("same", "current", "this", "that") and nxt.endswith("s"):
                return None
            if w == "that":
                return None
            if nxt in ("morning", "afternoon", "evening", "night") and w not in ("last", "this", "tomorrow"):
                return None
            if nxt in ("fall", "spring", "quarter", "season", "term") and w not in ("last", "this", "next", "coming", "past", "previous", "following"):
                return None
            if nxt.endswith("’s") or nxt.endswith("'s"):
                return None
            if nxt in t.time_units and t.time_units[nxt] == nxt and nxt.endswith("s"):
                # "the past years", "recent years": a span of time
                return _Hit(start if w != "recent" else i, j + 1, "duration", None, nxt, None, j)
            if w == "recent":
                return None
            if nxt in ("year", "month", "week", "decade", "century", "weekend", "summer", "winter",
                       "spring", "autumn", "fall", "quarter", "season", "morning", "afternoon",
                       "evening", "night", "millennium", "fortnight"):
                if w in ("same", "current", "following", "previous", "preceding") and start == i:
                    if w not in ("following", "previous"):
                        return None
                return _Hit(start, j + 1, "date", None, None, None, j)
            return None
        # the past two years, the next five months, last 12 months, the first ...
        if w in ("past", "last", "next", "coming", "previous", "following", "recent") and j < n and (
                start < i or w not in ("following", "coming", "previous", "recent")):
            c = self.core(j) if (_is_digit(self.toks[j]) or nxt in t.units or nxt in t.tens
                                 or nxt in ("few", "several", "couple")) else None
            if nxt in ("few", "several"):
                k = j + 1
                if k < n and self.low[k] in t.bare_durations:
                    return _Hit(start, k + 1, "duration", None, t.time_units[self.low[k]], w, j)
                return None
            if nxt == "couple" and self.lw(j + 1) == "of" and self.lw(j + 2) in t.bare_durations:
                return _Hit(start, j + 3, "duration", 2, t.time_units[self.low[j + 2]], w, j)
            if c is not None and c.j < n and self.low[c.j] in t.time_units and not c.scaled:
                return _Hit(start, c.j + 1, "duration", c.value, t.time_units[self.low[c.j]], w, j)
        return None

    def clock(self, i: int) -> _Hit | None:
        tok = self.toks[i]
        parts = tok.split(":")
        hh, mm = int(parts[0]), int(parts[1])
        if hh > 24 or mm > 59 or self.name_before(i):
            return None  # John 3:16
        if self.glued(i) and _is_word(self.toks[i - 1]):
            return None
        j = i + 1
        value = hh + mm / 60
        if len(parts) == 3 and self.lw(i - 1) not in ("at", "by", "until", "till", "from", "before", "after"):
            # a race time: 2:01:09
            hours = hh + mm / 60 + int(parts[2]) / 3600
            return self.finish(i, j, "duration", round(hours, 3), "hours", None, core0=i)
        ts = self.phrase(j, self.t.time_suffixes)
        if ts is not None and ts[1] not in ("h", "hrs", "hours") and hh <= 12:
            value = value % 12 + (12 if ts[1].startswith("p") else 0)
            j = ts[0]
        return self.time_tail(i, j, value, i)

    def time_tail(self, i: int, j: int, value: float, core0: int) -> _Hit:
        tz = self.phrase(j, self.t.timezones) if j < self.n else None
        if tz is not None and (self.toks[j].isupper() or self.low[j] == "local"):
            j = tz[0]
            if self.lw(j) == "time" and self.low[j - 1] == "local":
                j += 1
        h = self.finish(i, j, "time", round(value, 3), None, None, core0=core0)
        return h

    def decade(self, i: int, j: int, v: int) -> _Hit | None:
        prev = self.lw(i - 1)
        if prev in ("his", "her", "their", "early", "late", "mid") and v < 100 and (
            (prev != "early" and prev != "late" and prev != "mid") or self.lw(i - 2) in ("his", "her", "their")
        ):
            return _Hit(i, j, "age", v, "years", f"{v}s", i)
        if v < 100:
            v += 1900
            if self.lw(i - 1) in ("’", "'") and self.glued(i):
                i -= 1
        h = _Hit(i, j, "date", v, None, None, i)
        self.date_edges(h)
        return h

    def decade_word(self, i: int) -> _Hit | None:
        """the sixties (1960), in their sixties (an age)."""
        v = self.t.decade_words[self.low[i]]
        prev = self.lw(i - 1)
        if prev in ("his", "her", "their", "early", "late", "mid") and i - 1 >= self.floor:
            if prev in ("his", "her", "their") or self.lw(i - 2) in ("his", "her", "their"):
                return _Hit(i if prev in ("his", "her", "their") else i - 1, i + 1, "age", v, "years",
                            f"{v}s", i)
        if prev == "the" or (self.lw(i - 2) == "the" and prev in ("early", "late", "mid")):
            h = _Hit(i, i + 1, "date", 1900 + v, None, None, i)
            self.date_edges(h)
            return h
        return None

    def quarter_code(self, i: int) -> _Hit | None:
        j = i + 1
        if j < self.n and self.glued(j) and self.toks[j] in ("1", "2", "3", "4") and not (
            j + 1 < self.n and self.glued(j + 1) and _is_word(self.toks[j + 1])):
            if self.toks[i] == "H" and self.toks[j] not in ("1", "2"):
                return None
            if self.glued(i) and _is_word(self.toks[i - 1]):
                return None
            return _Hit(i, j + 1, "date", None, None, None, i)
        return None

    # ---- ordinals and fractions ----------------------------------------------------------

    def ordinal_word(self, i: int) -> _Hit | None:
        t = self.t
        w = self.low[i]
        if self.cap(i) and not self.sentence_initial(i):
            return None  # the Second World War, First Lady
        if w in ("half",):
            return self.half(i)
        if w in ("quarter", "quarters"):
            prev = self.lw(i - 1)
            if prev in ("a", "one") and i - 1 >= self.floor:
                return self.fraction_or_ordinal(i, 4, i - 1)
            if prev in t.ordinals or prev in ("last", "this", "next", "same", "previous"):
                return None  # handled by the ordinal / relative recognisers
            if prev in t.units and prev != "one":
                return None
            return None
        if w not in t.ordinals:
            return None
        value = t.ordinals[w]
        # twenty-first
        start = i
        if self.lw(i - 1) in _DASHES and self.glued(i) and self.lw(i - 2) in t.tens and self.glued(i - 1) \
                and i - 2 >= self.floor:
            value += t.tens[self.lw(i - 2)]
            start = i - 2
        if w in t.denominators and self.lw(i - 1) in ("a", "one") and i - 1 >= self.floor:
            return self.fraction_or_ordinal(i, t.denominators[w], i - 1)
        if w == "first" and self.lw(i - 1) == "at":
            return None
        return self.ordinal(start, i + 1, value)

    def fraction_or_ordinal(self, i: int, den: int, a: int) -> _Hit | None:
        """"a third" (fraction) vs "a third term" (ordinal)."""
        t = self.t
        j = i + 1
        nxt = self.toks[j] if j < self.n else ""
        lw = self.low[j] if j < self.n else ""
        if lw in t.scales and lw != "hundred":
            # a quarter million, a third of a billion
            c = _Core(j + 1, t.scales[lw] / den, False, scaled=True)
            return self.after_number(i, c, cur_start=a)
        if self.lw(a) == "one" and self.cap(a) and not self.sentence_initial(a):
            return None
        tag = self.pos(j)
        if tag in ("NOUN", "PROPN") and lw not in t.time_units:
            return self.ordinal(i, j, t.ordinals.get(self.low[i], den))  # a third term
        if tag and tag not in ("NOUN", "PROPN", "ADJ"):
            return self.after_fraction(a, j, 1 / den, i)  # a third of, a third between
        if not nxt or not _is_word(nxt) or lw in t.fraction_next_ok or lw in t.time_units:
            if lw in t.time_units and lw not in ("century", "centuries") and den not in (2, 4):
                return self.ordinal(i, j, t.ordinals.get(self.low[i], den))  # a third year
            return self.after_fraction(a, j, 1 / den, i)
        if self.low[i] == "quarter":
            return self.after_fraction(a, j, 0.25, i)
        return self.ordinal(i, j, t.ordinals.get(self.low[i], den))

    def half(self, i: int) -> _Hit | None:
        t = self.t
        prev = self.lw(i - 1)
        nxt = self.lw(i + 1)
        start = i
        if nxt in ("a", "an") and (self.lw(i + 2) in t.scales or self.lw(i + 2) == "dozen"):
            return None  # "half a million" is read from the scale word
        if nxt in ("a", "an") and self.lw(i + 2) in t.time_units:
            unit = t.time_units[self.low[i + 2]]
            return self.finish(i, i + 3, "duration", 0.5, unit, None, core0=i)
        if prev in t.ordinals and prev in ("first", "second"):
            return None
        if prev == "and" and i - 2 >= self.floor:
            return None  # "one and a half" is read with the number
        if self.glued(i + 1) and nxt in _DASHES:
            unit = self.lw(i + 2)
            if unit in t.time_units:
                return self.finish(i, i + 3, "duration", 0.5, t.time_units[unit], None, core0=i)
            return None  # half-brother, half-hearted
        if prev in ("a", "one") and i - 1 >= self.floor:
            start = i - 1
            if prev == "a" and self.lw(i - 2) == "and":
                return None
        if nxt in t.time_units:
            return self.finish(start, i + 2, "duration", 0.5, t.time_units[nxt], None, core0=i)
        return self.after_fraction(start, i + 1, 0.5, i)

    def after_fraction(self, i0: int, j: int, value: float, core0: int) -> _Hit:
        t = self.t
        # "three-quarters of a percentage point", "half a point": a percent
        k = j + 1 if self.lw(j) == "of" else j
        if self.lw(k) in ("a", "an", "one") and self.lw(k + 1) in t.scales and k > j:
            # "a quarter of a million", "two-thirds of a billion"
            scale = t.scales[self.low[k + 1]]
            c = _Core(k + 2, value * scale, False, scaled=True)
            h = self.after_number(core0, c, cur_start=i0)
            if h is not None:
                return h
        if self.lw(k) in ("a", "one"):
            p = self.phrase(k + 1, t.percent)
            if p is not None and p[1] != "%":
                return self.finish(i0, p[0], "percent", round(value, 3), p[1], None, core0=core0)
            if self.lw(k + 1) == "point" and self.lw(i0 - 1) not in ("the",):
                return self.finish(i0, k + 2, "percent", round(value, 3), "percentage points", None,
                                   core0=core0)
        return self.finish(i0, j, "fraction", round(value, 3), None, None, core0=core0)

    def ordinal(self, i: int, j: int, value: int) -> _Hit | None:
        """An ordinal at [i, j): dates ("the 16th of October", "20th century", "first quarter"),
        durations ("the first 7 months") or a plain ordinal."""
        t = self.t
        n = self.n
        low = self.low
        start = i
        has_the = self.lw(i - 1) == "the" and i - 1 >= self.floor
        if has_the:
            start = i - 1
        if j < n:
            nxt = low[j]
            if nxt in _DASHES and self.glued(j) and self.lw(j + 1) in ("century", "millennium"):
                return _Hit(i, j + 2, "date", value, self.low[j + 1], None, i)  # 21st-century
            if nxt in ("century", "centuries", "millennium"):
                h = _Hit(start, j + 1, "date", value, "century" if nxt != "millennium" else nxt, None, i)
                self.date_edges(h)
                return h
            if nxt in ("quarter", "half") and not self.glued(j):
                return _Hit(start, j + 1, "date", None, None, None, i)
            if nxt in _DASHES and self.glued(j) and self.lw(j + 1) in ("quarter", "half") and self.glued(j + 1):
                return _Hit(i, j + 2, "date", None, None, None, i)  # second-quarter results
            k = j + 1 if nxt == "of" else j
            if k < n and self.cap(k) and (low[k] in t.months or low[k] in t.month_abbrevs) and value <= 31:
                h = self.month(k, day_before=True)
                if h is not None:
                    h.i0 = start if has_the else i
                    h.core0 = i
                    return h
            # the first 7 months, the last two years
            if _is_digit(self.toks[j]) or nxt in t.units or nxt in t.tens or nxt in ("few", "couple"):
                if nxt == "few":
                    if self.lw(j + 1) in t.bare_durations:
                        return _Hit(start, j + 2, "duration", None, t.time_units[self.lw(j + 1)], self.low[i], j)
                else:
                    c = self.core(j)
                    if c is not None and c.j < n and low[c.j] in t.time_units and low[c.j].endswith("s") \
                            and not self.glued(c.j):
                        return _Hit(start, c.j + 1, "duration", c.value, t.time_units[low[c.j]], self.low[i], j)
        return _Hit(i, j, "ordinal", value, None, None, i)

    def slashed(self, i: int) -> _Hit | None:
        parts = [self.toks[i]]
        j = i + 1
        while j + 1 < self.n and self.toks[j] == "/" and self.glued(j) and self.glued(j + 1) and self.toks[j + 1].isdecimal():
            parts.append(self.toks[j + 1])
            j += 2
        if not all(p.isdecimal() for p in parts):
            return None
        if len(parts) == 3:
            y = int(parts[2])
            return _Hit(i, j, "date", y if len(parts[2]) == 4 else None, None, None, i)
        a, b = int(parts[0]), int(parts[1])
        if len(parts) == 2 and 0 < a < b <= 10:
            return self.finish(i, j, "fraction", round(a / b, 3), None, None, core0=i)
        return None

    # ---- other triggers ------------------------------------------------------------------

    def money_prefix(self, i: int) -> _Hit | None:
        t = self.t
        w = self.low[i]
        start = i
        code = t.currency_symbols.get(w) or t.currency_codes.get(w)
        if code is None:
            return None
        if w in ("rs", "rs.") and not self.cap(i):
            return None
        j = i + 1
        if w == "rs" and j < self.n and self.toks[j] == ".":
            j += 1
        # US$, HK$, A$
        if i - 1 >= self.floor and _is_word(self.lw(i - 1)) and (
            self.glued(i) or (self.toks[i - 1].isupper() and w == "$")
        ):
            key = self.low[i - 1] + w
            if key in t.currency_symbols:
                code = t.currency_symbols[key]
                start = i - 1
            elif self.glued(i):
                return None
        if j >= self.n or not _is_digit(self.toks[j]):
            return None
        if w in t.currency_codes and self.glued(j) is False and not self.toks[i].isupper():
            return None
        c = self.core(j)
        if c is None:
            # $5M, $2B
            if j + 1 < self.n and self.glued(j + 1) and self.toks[j + 1] in _SINGLE_LETTER_AFTER_CURRENCY:
                c = _Core(j + 2, _num(self.toks[j]) * t.scale_abbrevs[self.low[j + 1]], True, scaled=True)
            else:
                return None
        h = self.after_number(j, c, currency=code, cur_start=start)
        if h is not None:
            h.core0 = j
        return h

    def aged(self, i: int) -> _Hit | None:
        j = i + 1
        if self.low[i] == "age" and self.lw(j) == "of":
            j += 1  # "at the age of 86"
        if j >= self.n:
            return None
        c = self.core(j)
        if c is None or c.scaled or c.value > 130:
            return None
        k = c.j
        upper = None
        if k + 1 < self.n and self.low[k] in ("to", "-", "–", "and") and _is_digit(self.toks[k + 1]) == c.digits:
            c2 = self.core(k + 1)
            if c2 is not None:
                upper = c2.value
                k = c2.j
        unit = "years"
        if k < self.n and self.low[k] in ("years", "months", "weeks", "days"):
            unit = self.low[k]
            k += 1
            if self.lw(k) == "old":
                k += 1
        kind = "age" if upper is None else "range"
        return _Hit(i, k, kind, c.value, unit, self._upper(upper), j)

    def between(self, i: int) -> _Hit | None:
        j = i + 1
        if j >= self.n:
            return None
        tok = self.toks[j]
        if not (_is_digit(tok) or self.low[j] in self.t.units or self.low[j] in self.t.tens
                or self.low[j] in self.t.currency_symbols):
            return None
        if self.low[j] in self.t.currency_symbols:
            h1 = self.money_prefix(j)
        elif _is_digit(tok):
            if self.name_before(j):
                return None
            c = self.core(j)
            if c is None:
                return None
            h1 = self.after_number(j, c) if not c.year_like else _Hit(j, c.j, "date", c.value, None, None, j)
        else:
            c = self.word_core(j)
            if c is None:
                return None
            h1 = self.after_number(j, c)
        if h1 is None:
            return None
        k = h1.i1
        if self.lw(k) != "and" or k + 1 >= self.n:
            return h1
        tok2 = self.toks[k + 1]
        if self.low[k + 1] in self.t.currency_symbols:
            save = self.floor
            self.floor = k + 1
            h2 = self.money_prefix(k + 1)
            self.floor = save
        elif _is_digit(tok2) or self.low[k + 1] in self.t.units or self.low[k + 1] in self.t.tens:
            c2 = self.core(k + 1)
            if c2 is None:
                return h1
            save = self.floor
            self.floor = k + 1
            h2 = self.after_number(k + 1, c2) if not c2.year_like else _Hit(k + 1, c2.j, "date", c2.value, None, None, k + 1)
            self.floor = save
        else:
            return h1
        if h2 is None or h2.value is None or h1.value is None:
            return h1
        unit = h2.unit or h1.unit
        value = h1.value
        d1, d2 = self.toks[h1.core0], self.toks[h2.core0]
        if _is_digit(d1) and _is_digit(d2) and ":" not in d1 + d2 and h1.value == _num(d1) and _num(d2):
            scale2 = h2.value / _num(d2)
            if scale2 >= 1000 and h1.value < h2.value:
                value = h1.value * scale2  # "between $5 and $10 billion"
        kind = "date" if (h1.kind == "date" and h2.kind == "date") else "range"
        if kind == "date":
            unit = None
        return _Hit(i, h2.i1, kind, value, unit, self._upper(h2.value), j)

    def minus(self, i: int) -> _Hit | None:
        j = i + 1
        if j >= self.n or not (_is_digit(self.toks[j]) or self.low[j] in self.t.units or self.low[j] in self.t.tens):
            return None
        c = self.core(j)
        if c is None:
            return None
        h = self.after_number(j, c)
        if h is None or h.value is None or h.kind in ("date", "time"):
            return None
        h.value = -h.value
        h.i0 = i
        return h

    def vague(self, i: int) -> _Hit | None:
        """tens of thousands, hundreds, dozens, millions of dollars, several years, a few weeks."""
        t = self.t
        w = self.low[i]
        n = self.n
        if w in ("couple", "few", "several", "many"):
            # a couple of days, a few weeks, several years
            j = i + 1
            if w == "couple":
                if self.lw(i - 1) != "a" or self.lw(j) != "of":
                    return None
                j += 1
                start = i - 1
                value: float | None = 2
            else:
                start = i - 1 if (w == "few" and self.lw(i - 1) == "a") else i
                value = None
            if j < n and self.low[j] in t.bare_durations:
                qual = " ".join(self.low[start:j])
                return _Hit(start, j + 1, "duration", value, t.time_units[self.low[j]], qual, i)
            return None
        if self.cap(i) and not self.sentence_initial(i):
            return None
        base = float(t.vague_scales[w])
        j = i + 1
        words = [w]
        if w == "tens" and self.lw(j) != "of":
            return None
        # tens of thousands, hundreds of millions
        if self.lw(j) == "of" and self.lw(j + 1) in t.vague_scales and t.vague_scales[self.low[j + 1]] > base:
            base *= t.vague_scales[self.low[j + 1]]
            words = [w, "of"]
            j += 2
        qual = " ".join(words)
        # what follows: of dollars, of kilometres, of years
        k = j + 1 if self.lw(j) == "of" else j
        unit = None
        kind = "range"
        end = j
        if k < n:
            cw = self.phrase(k, t.currency_words)
            if cw is not None:
                unit = cw[1]
                end = cw[0]
            elif self.low[k] in t.time_units and self.low[k].endswith("s"):
                unit = t.time_units[self.low[k]]
                end = k + 1
            else:
                m = self.phrase(k, t.measures)
                if m is not None and tuple(self.low[k:m[0]]) not in t.ambiguous_units:
                    unit = m[1]
                    end = m[0]
        h = self.finish(i, end, kind, base, unit, qual, core0=i)
        q = self.phrase_before(h.i0, t.vague_quantifiers)
        if q is not None and h.i0 == i and self.low[q[0]:i] in (["many"], ["several"], ["some"]):
            h.i0 = q[0]
            h.qualifier = f"{' '.join(self.low[q[0]:i])} {qual}"
        return h

    def bare_time_unit(self, i: int) -> _Hit | None:
        """"a month", "an hour" (1 unit), bare plurals "years", "weeks", "centuries"."""
        t = self.t
        w = self.low[i]
        prev = self.lw(i - 1)
        if w in ("weekend", "weekends") and prev == "the" and self.lw(i - 2) in _WEEKEND_BEFORE:
            return _Hit(i - 1, i + 1, "date", None, None, None, i)  # over the weekend
        if w in t.counted_only:
            return None
        if prev in ("a", "an", "one") and i - 1 >= self.floor and not self.glued(i):
            before = self.lw(i - 2)
            if prev in ("a", "an") and (self.floor == i - 1 or (
                    0 < self.floor >= i - 3 and before[:1].isalpha() and before.islower()
                    and (before,) not in t.approximators
                    and before not in _SHORT_UNIT_BEFORE and before not in t.change_words)):
                return None  # "24 hours a day", "1,000 people a year": a rate after a number
            if before in ("once", "twice", "times", "per", "each", "every", "thrice") or _is_digit(before) or before in t.units:
                return None
            if w.endswith("s") and w not in ("centuries",):
                return None
            unit = t.time_units[w]
            j = i + 1
            value = 1.0
            if self.lw(j) == "and" and self.lw(j + 1) in ("a", "an") and self.lw(j + 2) == "half":
                value = 1.5
                j += 3
            elif self.lw(j) in ("-", "and") and self.lw(j + 1) == "half":
                value = 1.5
                j += 2
            if self.lw(j) in _DASHES and self.glued(j):
                return None  # a year-long, a month-old
            if self.lw(j) == "ago":
                return self.finish(i - 1, j + 1, "date", value, unit + " ago", None, core0=i)
            return self.finish(i - 1, j, "duration", value, unit, None, core0=i)
        if w in t.bare_durations:
            if w in ("seconds", "minutes", "hours") and prev not in _SHORT_UNIT_BEFORE and self.lw(i + 1) not in (
                    "later", "earlier", "before", "after", "ago", "away", "long", "late"):
                return None  # "the minutes of the meeting"
            if prev in _POSSESSIVE_DET or prev in ("those", "these", "per", "many", "all", "what", "which", "recent"):
                return None
            if self.cap(i) and not self.sentence_initial(i):
                return None
            if self.lw(i + 1) in ("old", "-", "’", "'", "olds"):
                return None
            q = self.phrase_before(i, t.vague_quantifiers)
            if q is not None:
                qual = " ".join(self.low[q[0]:i])
                return _Hit(q[0], i + 1, "duration", 2 if qual == "a couple of" else None, w, qual, i)
            return self.finish(i, i + 1, "duration", None, w, None, core0=i)
        return None


# --------------------------------------------------------------------------------------------
# public API


def extract_numbers(doc: Doc, names: list[Entity]) -> list[Number]:
    """Every number in ``doc`` that is not part of a name in ``names``, in text order."""
    text = doc.text
    if not text:
        return []
    actor_ends = frozenset(e.end for e in names if e.label in ("PERSON", "GPE", "NORP", "LOC"))
    scanner = _Scanner(text, _tables(), actor_ends, doc)
    hits = scanner.scan()
    spans = sorted((e.start, e.end) for e in names)
    name_starts = [s for s, _ in spans]
    person_ends = {e.end for e in names if e.label == "PERSON"}
    out: list[Number] = []
    starts = scanner.starts
    ends = scanner.ends
    toks = scanner.toks
    for h in hits:
        if h.i1 <= h.i0:
            continue
        start = starts[h.i0]
        end = ends[h.i1 - 1]
        core = starts[h.core0] if 0 <= h.core0 < len(starts) else start
        core_end = ends[h.core0] if 0 <= h.core0 < len(ends) else end
        # the names check: drop numbers inside a name; clip spans that only touch one
        k = bisect_left(name_starts, end)
        drop = False
        for s, e in spans[max(0, k - 8):k]:
            if e <= start or s >= end:
                continue
            if s < core_end and e > core:
                drop = True
                break
            if e <= core:
                start = max(start, e)
            else:
                end = min(end, s)
        if drop:
            continue
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start >= end:
            continue
        kind = h.kind
        value = h.value
        unit = h.unit
        # "Name, 45," -> an age
        if kind == "cardinal" and h.qualifier is None and isinstance(value, (int, float)) \
                and 0 < value < 120 and value == int(value) and h.i0 >= 2 \
                and toks[h.i0 - 1] == "," and h.i1 < len(toks) and toks[h.i1] == "," \
                and (ends[h.i0 - 2] in person_ends or (
                    toks[h.i0 - 2][:1].isupper() and toks[h.i0 - 2][:1].isalpha()
                    and h.i1 + 1 < len(toks) and toks[h.i1 + 1][:1].islower()
                    and (scanner.sentence_initial(h.i0 - 2)
                         or (toks[h.i0 - 3][:1].isupper() and toks[h.i0 - 3][:1].isalpha()))
                )):
            kind, unit = "age", "years"
        out.append(Number(
            id="",
            start=start,
            end=end,
            text=text[start:end],
            kind=kind,  # type: ignore[arg-type]
            value=_clean(value),
            unit=unit,
            qualifier=h.qualifier,
        ))
    out.sort(key=lambda n: (n.start, n.end))
    result: list[Number] = []
    last_end = -1
    for num in out:
        if num.start < last_end:
            continue
        last_end = num.end
        num.id = f"n{len(result) + 1}"
        result.append(num)
    return result


def number_entities(numbers: list[Number]) -> list[Entity]:
    """Numeric entities (OntoNotes labels) derived from the numbers layer."""
    return [Entity(n.start, n.end, n.text, _label(n)) for n in numbers]


def _label(n: Number) -> str:
    """The OntoNotes label; a range takes the label of its unit ("$5-10 billion" is MONEY)."""
    if n.kind != "range" or not n.unit:
        return KIND_LABELS[n.kind]
    t = _tables()
    base = n.unit.split("/")[0]
    if base in t.currencies:
        return "MONEY"
    if base in ("%", "percentage points", "basis points"):
        return "PERCENT"
    if base in t.time_units.values():
        return "DATE"
    return "QUANTITY"
