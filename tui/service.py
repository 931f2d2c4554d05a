"""Article in, analysis out: pipeline choice, the cache and the engine behind one call.

Used by ``newsreader analyze`` and by the reader's analysis worker. spaCy is imported only when
the cache has no entry, so a cached reopen never pays for it.
"""

from __future__ import annotations

import gc
import threading
from typing import TYPE_CHECKING

from tui import cache
from tui.analysis.model import Analysis
from tui.sources import Article

if TYPE_CHECKING:  # importing it for real would import spaCy
    from tui.analysis.pipeline import Pipeline

_pipelines: dict[str, Pipeline] = {}
_lock = threading.Lock()


def get_pipeline(model: str | None) -> Pipeline:
    """Load a pipeline once per process (loading is the slow part)."""
    from tui.analysis.choice import resolve_name
    from tui.analysis.pipeline import load_pipeline

    name = resolve_name(model)
    with _lock:
        if name not in _pipelines:
            _pipelines[name] = load_pipeline(name)
            # The pipeline's tables (gazetteers, lexicon, spaCy's vocab) live as long as the
            # process: moved out of the collector's sight, each collection stops walking them.
            # Analysing 100,000 words goes from ~2.6 s to ~1.9 s on the built-in pipeline.
            gc.freeze()
        return _pipelines[name]


def cached(article: Article, *, model: str | None = None) -> Analysis | None:
    """The cached analysis of ``article``, or ``None`` (never imports spaCy): batches look here
    first, so only the misses go to the worker processes."""
    hit = cache.get(cache.key_for(article.text, article.title, model))
    if hit is not None:
        hit.source = article.source
    return hit


def analyze_article(
    article: Article, *, model: str | None = None, use_cache: bool = True
) -> Analysis:
    """Analyse ``article``, reading and filling the cache unless ``use_cache`` is false."""
    key = None
    if use_cache:
        key = cache.key_for(article.text, article.title, model)
        hit = cache.get(key)
        if hit is not None:
            hit.source = article.source
            return hit
    from tui.analysis.engine import analyze

    pipeline = get_pipeline(model)
    result = analyze(article.text, pipeline, source=article.source, title=article.title)
    if key is not None:
        cache.put(key, result)
    return result
