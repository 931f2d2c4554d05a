"""Property-based: every span the engine returns, of every kind, is consistent with the text."""

from __future__ import annotations

from functools import lru_cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.analysis.engine import analyze, split_chunks
from tui.analysis.model import Analysis
from tui.analysis.pipeline import Pipeline, load_pipeline

WORDS = [
    "Putin", "said", "“", "”", "‘", "’", '"', "«", "»", "the", "President", "Anna", "Berg", ",",
    ".", "\n\n", "42", "3.5", "%", "$", "million", "a third", "Kremlin", "US", "us", "of",
    "University", "told", "reporters", "according to", "69-year-old", "COVID-19", "Oct.", "16",
    "tens of thousands", "’s", "\n", " ", "Inc.", "Mr.", "é", "李", "🙂", "\t",
]


@lru_cache(maxsize=1)
def _pipeline() -> Pipeline:
    return load_pipeline("builtin")


def check_spans(result: Analysis) -> None:
    """Every offset is in bounds and slices out exactly the span's text."""
    text = result.text
    spans = [*result.entities, *result.claims, *result.numbers]
    spans += [m for a in result.actors for m in a.mentions]
    for span in spans:
        assert 0 <= span.start < span.end <= len(text), span
        assert text[span.start:span.end] == span.text, span
    ids = {a.id for a in result.actors}
    assert all(c.speaker is None or c.speaker in ids for c in result.claims)


article_text = st.lists(st.sampled_from(WORDS) | st.text(max_size=6), max_size=60).map(" ".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(article_text)
def test_spans_match_text(text: str) -> None:
    check_spans(analyze(text, _pipeline()))


@given(st.text(alphabet="ab\n ", max_size=200), st.integers(min_value=1, max_value=30))
def test_chunks_rebuild_the_text(text: str, size: int) -> None:
    assert "".join(split_chunks(text, size)) == text


def test_long_text_is_parsed_in_chunks_with_exact_offsets() -> None:
    para = "Anna Berg said the plan “would cost $5 million,” the Kremlin said on Monday.\n\n"
    text = para * 800  # well over one chunk
    result = analyze(text, _pipeline())
    check_spans(result)
    assert len(split_chunks(text, 20_000)) > 1


def test_paragraph_longer_than_spacy_max_length() -> None:
    text = "Anna Berg said “" + "very long " * 110_000 + "” in 2024."
    assert len(text) > 1_000_000  # spaCy's default max_length
    result = analyze(text, _pipeline())
    check_spans(result)
    assert [c.kind for c in result.claims if c.kind == "quote"] == ["quote"]
