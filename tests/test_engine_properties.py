"""Property-based, the whole engine: whatever the text (short or 50,000+ characters), the document
satisfies the schema's validator (spans, ids of speakers and ``refers_to``, labels and kinds,
finite values), is strict JSON, survives the cache unchanged and is the same on every run.

The default run is a fast slice (a few hundred short texts, a few long ones); ``-m slow`` runs
10,000+ short texts and a hundred long ones.
"""

from __future__ import annotations

import json
from functools import lru_cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui import cache
from tui.analysis.engine import analyze
from tui.analysis.model import Analysis
from tui.analysis.pipeline import Pipeline, load_pipeline
from tui.analysis.validate import validate
from tui.sources import sanitize

# Invented names and news vocabulary; quotes, numbers glued to punctuation, odd characters.
WORDS = [
    "Mara", "Quell", "Dr.", "Ivo", "Tarnow", "Ministry", "of", "Water", "Velmoria", "Velmorian",
    "the", "Council", "said", "told", "reporters", "according to", "added", "denied", "claimed",
    "he", "she", "they", "and", "“", "”", "‘", "’", '"', "«", "»", "(", ")", ",", ".", ";", ":",
    "—", "-", "/", "%", "$", "€", "£", "¥", "42", "3.5", "1,000", "2024", "10:30", "5th",
    "million", "billion", "a third", "half", "tens of thousands", "69-year-old", "per cent",
    "Monday", "Oct.", "16", "km", "more than", "about", "almost", "\n\n", "\n", " ", "\t",
    "Inc.", "Mr.", "Ms.", "’s", "é", "李", "🙂", "ß", "İ", "ﬁ", "[bold]", "<b>",
]

token = st.sampled_from(WORDS) | st.text(max_size=5)
short_text = st.lists(token, max_size=80).map(" ".join).map(sanitize)
glued = st.lists(st.sampled_from(WORDS), min_size=1, max_size=12).map("".join)
paragraph = st.lists(st.sampled_from(WORDS) | glued, min_size=5, max_size=60).map(" ".join)


@st.composite
def long_text(draw: st.DrawFn) -> str:
    """An article of 50,000+ characters: generated paragraphs, repeated and shuffled."""
    paragraphs = draw(st.lists(paragraph, min_size=3, max_size=12))
    body = "\n\n".join(paragraphs) or "Mara Quell said so."
    copies = 50_000 // max(1, len(body)) + 1
    order = draw(st.permutations(range(copies)))
    text = "\n\n".join(f"{body} {i}" for i in order)
    assert len(text) >= 50_000
    return sanitize(text)


@lru_cache(maxsize=1)
def _pipeline() -> Pipeline:
    return load_pipeline("builtin")


def check_document(text: str, *, deterministic: bool = True) -> Analysis:
    """Every property of one analysis of ``text``."""
    result = analyze(text, _pipeline(), source="gen.txt", title=None)
    validate(result)
    doc = result.to_dict()
    encoded = json.dumps(doc, ensure_ascii=False, allow_nan=False)
    assert json.loads(encoded) == doc
    assert validate(Analysis.from_dict(json.loads(encoded))).to_dict() == doc
    key = cache.key_for(text, None, "builtin")
    cache.put(key, result)
    cached = cache.get(key)
    assert cached is not None and cached.to_dict() == doc
    if deterministic:
        assert analyze(text, _pipeline(), source="gen.txt", title=None).to_dict() == doc
    return result


FAST = settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck))
FAST_LONG = settings(max_examples=3, deadline=None, suppress_health_check=list(HealthCheck))
SLOW = settings(max_examples=10_000, deadline=None, database=None,
                suppress_health_check=list(HealthCheck))
SLOW_LONG = settings(max_examples=100, deadline=None, database=None,
                     suppress_health_check=list(HealthCheck))


@FAST
@given(short_text)
def test_short_texts(text: str) -> None:
    check_document(text)


@FAST_LONG
@given(long_text())
def test_long_texts(text: str) -> None:
    check_document(text)


@pytest.mark.slow
@SLOW
@given(short_text | paragraph.map(sanitize))
def test_short_texts_many(text: str) -> None:
    check_document(text, deterministic=False)


@pytest.mark.slow
@SLOW_LONG
@given(long_text())
def test_long_texts_many(text: str) -> None:
    check_document(text)


def test_a_known_long_article() -> None:
    """One fixed long article, so the default run always covers the chunked path."""
    para = ("Mara Quell, 69, told reporters the Ministry of Water would spend $5 billion, "
            "about a third more than in 2024. “We will not wait,” she said on Monday.\n\n")
    result = check_document(para * 400)
    assert len(result.text) > 50_000 and result.claims and result.numbers
    ids = {a.id for a in result.actors}
    assert all(set(c.speakers) <= ids for c in result.claims)
