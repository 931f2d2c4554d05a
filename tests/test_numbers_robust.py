"""The numbers layer never breaks on text: every conversion is total (a value too large is None,
values are always finite), with one regression test per reproduced crash and a fuzz run over
glued digits and punctuation (a fast slice by default, 10,000+ cases under ``-m slow``)."""

from __future__ import annotations

import json
import math

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.analysis.model import Entity, Number
from tui.analysis.numbers import KIND_LABELS, extract_numbers

_NLP = spacy.blank("en")

_HUGE = "9" * 309  # beyond a float's range
_VERY_HUGE = "9" * 5000  # beyond Python's int-from-string limit


def numbers(text: str, names: list[Entity] | None = None) -> list[Number]:
    return extract_numbers(_NLP(text), names or [])


def check(text: str, found: list[Number]) -> None:
    """What every output must satisfy, whatever the input."""
    last = -1
    for n in found:
        assert 0 <= n.start < n.end <= len(text)
        assert text[n.start:n.end] == n.text
        assert n.start >= last
        last = n.end
        assert n.kind in KIND_LABELS
        assert n.value is None or (isinstance(n.value, (int, float)) and math.isfinite(n.value))
    json.dumps([(n.value, n.unit, n.qualifier) for n in found], allow_nan=False)


# text, the span that must (still) be found or None, its value
CRASHES = [
    ("The odds were 1/1,000 against.", None, None),
    ("A ratio of 1/1.5 was used.", None, None),
    ("It scored 3/10,000 points.", None, None),
    (f"There were {_HUGE} of them.", _HUGE, None),
    (f"The {_HUGE}th visitor came.", f"{_HUGE}th", None),
    (f"The {_VERY_HUGE}th visitor came.", f"{_VERY_HUGE}th", None),
    (f"It cost ${_HUGE} billion.", f"${_HUGE} billion", None),
    (f"between 1 and {_HUGE} people", None, None),
    (f"minus {_HUGE} degrees", None, None),
    (f"the {_HUGE}s", None, None),
    (f"aged {_HUGE}", None, None),
    (f"twenty {_HUGE}", None, None),
    (f"{_HUGE}-{_HUGE}9", None, None),
    (f"{_HUGE} to {_HUGE}9 million", None, None),
    (f"In May {_VERY_HUGE} people came.", None, None),
    (f"{_VERY_HUGE}/{_VERY_HUGE}/{_VERY_HUGE}", None, None),
    ("It cost ¥3:45k.", None, None),
    ("It cost €10:30m.", None, None),
    ("It cost $12:00M.", None, None),
    ("5 trillion trillion trillion trillion trillion trillion trillion trillion trillion"
     " trillion trillion trillion trillion trillion trillion trillion trillion trillion"
     " trillion trillion trillion trillion trillion trillion trillion trillion dollars", None, None),
]


@pytest.mark.parametrize(("text", "span", "value"), CRASHES)
def test_no_crash_and_values_finite(text: str, span: str | None, value: float | None) -> None:
    found = numbers(text)
    check(text, found)
    if span is not None:
        hit = [n for n in found if n.text == span]
        assert hit, [n.text[:30] for n in found]
        assert hit[0].value == value


def test_large_but_finite_values_are_kept() -> None:
    found = numbers("1,000,000,000,000,000,000 km away")
    assert found[0].value == 1e18


def test_small_slash_fractions_still_work() -> None:
    found = numbers("About 1/3 of them left.")
    assert [(n.text, n.kind, n.value) for n in found] == [("About 1/3", "fraction", 0.333)]


_PIECES = st.one_of(
    st.text(alphabet="0123456789", min_size=1, max_size=6),
    st.sampled_from(["9" * 40, _HUGE, "1" + "0" * 320]),
    st.sampled_from(list(",.:/-–—%$€£¥#'’()+x×^ ")),
    st.sampled_from(["k", "m", "bn", "M", "B", "th", "st", "s", "e", "km", "h", "pm", "am",
                     "US$", "HK$", "Rs", "RM", "CHF", "Q", "H", "EUR"]),
    st.sampled_from([" million", " billion", " trillion", " percent", " years", "-year-old",
                     " to ", " and ", " or ", " between ", " minus ", " aged ", " May ",
                     " January ", " a third", " half", " the ", " won ", " voted ", " dollars",
                     " per cent", " a year", " 1/", "/1,000", ":30", ":45k", " tens of "]),
)
_FUZZ = st.lists(_PIECES, max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(_FUZZ)
def test_fuzz_glued_digits_and_punctuation(text: str) -> None:
    check(text, numbers(text))


@pytest.mark.slow
@settings(max_examples=10_000, deadline=None)
@given(_FUZZ)
def test_fuzz_glued_digits_and_punctuation_long(text: str) -> None:
    check(text, numbers(text))


def test_long_glued_text() -> None:
    text = ("1/1,000 ¥3:45k RM5m 3-1-2 " + _HUGE + "th 9/11/2001, $5-$ 4.30pm one by one. ") * 150
    assert len(text) > 50_000
    check(text, numbers(text))
