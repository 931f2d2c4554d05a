"""The numbers layer's knowledge, loaded once from ``data/numbers.json``, and its tokeniser.

Every word list the recognisers consult lives in the data file; this module only shapes it into
lookup tables (phrases as token tuples, code aliases resolved, the trigger set).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

TOKEN_RE = re.compile(
    r"[^\W\d_]+"  # words (first: the commonest, and no other branch starts with a letter)
    r"|\d{1,2}:\d{2}(?::\d{2})?(?![\d:])"  # clock time
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d])"  # 1,000,000.5
    r"|\d+(?:\.\d+)?"  # 38, 2.5
    r"|\S"  # any other single character
)


def is_word(s: str) -> bool:
    """The token is a word (starts with a letter)."""
    return s[:1].isalpha()


def is_digit(s: str) -> bool:
    """The token is a number written in digits."""
    return s[:1].isdecimal()


def _tok(phrase: str) -> tuple[str, ...]:
    """A phrase cut into lower-case tokens, for the phrase tables."""
    return tuple(m.group().lower() for m in TOKEN_RE.finditer(phrase))


def _phrase_table(items: Any) -> dict[tuple[str, ...], Any]:
    """Phrases (a list, or a dict of phrase -> value) keyed by their tokens."""
    if isinstance(items, dict):
        return {_tok(k): v for k, v in items.items()}
    return {_tok(k): k for k in items}


@dataclass(frozen=True, slots=True)
class Tables:
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
    currency_prefixes: dict[str, str]
    """Abbreviations written before the number, as written ("Rs", "RM")."""
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
    tail_qualifiers: dict[tuple[str, ...], str]
    measure_scales: dict[str, float]
    holidays: frozenset[tuple[str, ...]]
    """Holiday names as written, cut into tokens ("New", "Year", "'", "s", "Eve")."""
    max_holiday: int
    idioms: dict[str, tuple[tuple[tuple[str, ...], int], ...]]
    """For a number word, each idiom it is in and its position there ("one by one" twice)."""
    holiday_starts: frozenset[str]
    day_times: frozenset[str]
    short_year_pivot: int
    compound_units: dict[str, dict[str, float]]
    """For a larger unit, the smaller units written after it and how many make one ("feet" ->
    "inches": 12)."""
    sets: dict[str, frozenset[str]]
    """The small named word sets of ``word_sets`` ("age_words", "dashes" ...)."""


def _idioms(
    phrases: list[str], words: set[str]
) -> dict[str, tuple[tuple[tuple[str, ...], int], ...]]:
    """Index the idioms by the number words in them, with the word's position."""
    index: dict[str, list[tuple[tuple[str, ...], int]]] = {}
    for p in phrases:
        toks = _tok(p)
        for k, x in enumerate(toks):
            if x in words:
                index.setdefault(x, []).append((toks, k))
    return {w: tuple(v) for w, v in index.items()}


def _load() -> dict[str, Any]:
    """The data file, as parsed JSON."""
    path = resources.files("tui.analysis.data").joinpath("numbers.json")
    with path.open("r", encoding="utf-8") as fh:
        data: dict[str, Any] = json.load(fh)
    return data


_TRIGGER_SETS = ("other_triggers", "age_words", "quarter_codes", "earlier_later", "vague_counts")
"""Word sets whose words start a rule of their own (besides the number words, units, months ...)."""


@lru_cache(maxsize=1)
def tables() -> Tables:
    """The lookup tables, built once."""
    d = _load()
    codes = {c.lower(): d["currency_code_aliases"].get(c, c) for c in d["currency_codes"]}
    measures = _phrase_table(d["measure_units"])
    currency_words = _phrase_table(d["currency_words"])
    percent = _phrase_table(d["percent_words"])
    approximators = _phrase_table(d["approximators"])
    relative_nouns = frozenset(d["relative_nouns"])
    holidays = frozenset(
        tuple("'" if x == "’" else x for x in (m.group() for m in TOKEN_RE.finditer(h)))
        for h in d["holidays"]
    )
    triggers = (
        set(d["units"])
        | set(d["tens"])
        | set(d["scales"])
        | set(d["vague_scales"])
        | set(d["ordinals"])
        | set(d["fraction_denominators"])
        | set(d["months"])
        | set(d["month_abbrevs"])
        | set(d["weekdays"])
        | set(d["relative_days"])
        | set(d["relative_modifiers"])
        | set(d["time_units"])
        | set(d["time_words"])
        | set(d["currency_symbols"])
        | set(codes)
        | {w.lower() for w in d["currency_prefix_words"]}
        | set(d["unicode_fractions"])
        | set(d["decade_words"])
        | set(d["seasons"])
        | set(d["day_times"])
        | {h[0].lower() for h in holidays}
        | {w.lower() for key in _TRIGGER_SETS for w in d["word_sets"][key]}
    )
    return Tables(
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
        currency_prefixes=d["currency_prefix_words"],
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
        | frozenset(d["months"])
        | frozenset(d["month_abbrevs"])
        | frozenset(d["weekdays"])
        | frozenset(codes)
        | frozenset(w for p in approximators for w in p),
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
        currencies=frozenset(codes.values())
        | frozenset(d["currency_symbols"].values())
        | frozenset(d["currency_words"].values())
        | frozenset(d["currency_words_ambiguous"].values()),
        triggers=frozenset(triggers),
        tail_qualifiers=_phrase_table(d["tail_qualifiers"]),
        measure_scales={k: float(v) for k, v in d["measure_scales"].items()},
        holidays=holidays,
        max_holiday=max(len(h) for h in holidays),
        idioms=_idioms(d["idioms_without_numbers"], set(d["units"]) | set(d["ordinals"])),
        holiday_starts=frozenset(h[0].lower() for h in holidays),
        day_times=frozenset(d["day_times"]),
        short_year_pivot=int(d["short_year_pivot"]),
        compound_units={
            k: {u: float(f) for u, f in v.items()} for k, v in d["compound_units"].items()
        },
        sets={k: frozenset(v) for k, v in d["word_sets"].items() if not k.startswith("_")},
        max_phrase=max(
            len(p) for t in (measures, currency_words, percent, approximators) for p in t
        ),
    )


# --------------------------------------------------------------------------------------------
# the scanner
