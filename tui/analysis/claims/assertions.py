"""Check-worthy assertions: sentences outside quotes and reported speech that state something a
reader could check, scored on their wording and on the numbers the numbers layer found in them.

Features (weights in ``claims.json``): a quantity (a percent, money, a measured quantity, a
fraction, a range or an age, or any number with a unit) 1.0, another number 0.5 (dates, times
and ordinals alone count nothing); a superlative or record 1.0; a comparison or a change 0.8; a
prediction 1.0 (``is expected to``) or 0.7 (``will``); a causal link 1.0 (``led to``) or 0.7
(``because``). Questions, very short sentences and scene-setting (``arrived``, ``gathered``)
lose points. Only sentences scoring at least :data:`ASSERTION_THRESHOLD` are listed, at most one
per :data:`SENTENCES_PER_ASSERTION` sentences of the article (the best ones), so the list stays
worth reading.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import spacy
from spacy.language import Language

from tui.analysis.claims.cues import trie_pattern
from tui.analysis.lexicon import claims_data
from tui.analysis.model import Number
from tui.analysis.numbers import extract_numbers

ASSERTION_THRESHOLD = 1.0
"""Minimum feature score for a sentence to be listed as an assertion."""
SENTENCES_PER_ASSERTION = 8
"""At most one assertion per this many sentences (the best ones), and at least 4 when 4 qualify."""
MIN_ASSERTIONS = 4
_MIN_WORDS = 6

_SPLIT_RE = re.compile(r"[^\w’']+")


@dataclass(frozen=True, slots=True)
class _Features:
    weights: dict[str, float]
    quantified: frozenset[str]
    unscored: frozenset[str]
    words: dict[str, frozenset[str]]
    phrases: re.Pattern[str]


@lru_cache(maxsize=1)
def _features() -> _Features:
    data: dict[str, Any] = claims_data()["assertions"]
    names = [k for k, v in data.items() if isinstance(v, dict) and ("words" in v or "phrases" in v)]
    groups = {n: data[n].get("phrases", []) for n in names}
    phrase_re = re.compile(
        r"(?<= )(?:"
        + "|".join(f"(?P<{n}>{trie_pattern(frozenset(p))})" for n, p in groups.items() if p)
        + r")(?= )"
    )
    return _Features(
        weights=dict(data["weights"]),
        quantified=frozenset(data["quantified_kinds"]),
        unscored=frozenset(data["unscored_kinds"]),
        words={n: frozenset(data[n].get("words", [])) for n in names},
        phrases=phrase_re,
    )


def number_score(numbers: Sequence[Number]) -> float:
    """What the numbers of a sentence add: the best of quantified / numeric / nothing."""
    f = _features()
    best = 0.0
    for n in numbers:
        if n.kind in f.quantified or n.unit:
            return f.weights["quantified"]
        if n.kind not in f.unscored:
            best = f.weights["numeric"]
    return best


def score_sentence(text: str, numbers: Sequence[Number]) -> float:
    """Check-worthiness of one sentence whose numbers (from the numbers layer) are ``numbers``."""
    f = _features()
    w = f.weights
    low = text.lower()
    words = _SPLIT_RE.split(low)
    wset = frozenset(words)
    padded = " " + " ".join(words) + " "
    score = number_score(numbers)
    found = {m.lastgroup for m in f.phrases.finditer(padded)}
    for name in ("superlative", "comparative", "causal", "predictive"):
        if name in found or not wset.isdisjoint(f.words[name]):
            score += w[name]
        elif name + "_weak" in f.words and not wset.isdisjoint(f.words[name + "_weak"]):
            score += w[name + "_weak"]
    if not wset.isdisjoint(f.words["scene"]):
        score += w["scene"]
    if text.rstrip().endswith("?"):
        score += w["question"]
    if len(words) < _MIN_WORDS + 1:  # split leaves an empty string at either end
        score += w["short"]
    return round(score, 2)


@lru_cache(maxsize=1)
def _blank() -> Language:
    return spacy.blank("en")


def sentence_features(text: str, numbers: Sequence[Number] | None = None) -> float:
    """Check-worthiness of a sentence on its own (0 = nothing to check); its numbers are found
    with the numbers layer unless given."""
    if numbers is None:
        numbers = extract_numbers(_blank()(text), [])
    return score_sentence(text, numbers)


class NumbersBySpan:
    """The numbers of a document, looked up by character span."""

    def __init__(self, numbers: Sequence[Number]) -> None:
        self.numbers = sorted(numbers, key=lambda n: n.start)
        self.starts = [n.start for n in self.numbers]

    def within(self, a: int, b: int) -> list[Number]:
        i = bisect.bisect_left(self.starts, a)
        j = bisect.bisect_left(self.starts, b)
        return [n for n in self.numbers[i:j] if n.end <= b]


def pick_assertions(
    candidates: list[tuple[float, int, int]], n_sents: int
) -> list[tuple[float, int, int]]:
    """The best ``(score, start, end)`` candidates within the budget, back in text order."""
    good = [c for c in candidates if c[0] >= ASSERTION_THRESHOLD]
    budget = max(MIN_ASSERTIONS, n_sents // SENTENCES_PER_ASSERTION)
    best = sorted(good, key=lambda c: (-c[0], c[1]))[:budget]
    return sorted(best, key=lambda c: c[1])
