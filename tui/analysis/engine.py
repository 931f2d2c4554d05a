"""Running one analysis: spaCy pipeline first, then newsreader's actors, claims and numbers."""

from __future__ import annotations

import gc
import itertools
import re

from spacy.tokens import Doc

from tui.analysis.layers import run_layers
from tui.analysis.model import Analysis
from tui.analysis.pipeline import Pipeline

CHUNK_CHARS = 20_000
"""Long texts go through a trained pipeline's ``nlp.pipe`` in paragraph-aligned chunks of about
this size (its memory grows with the text). The built-in pipeline takes the whole text at once,
so that its document-wide rules see every mention; only a longer run without whitespace is cut
(a single 100,000-character "word" must not reach spaCy whole)."""


def analyze(
    text: str, pipeline: Pipeline, *, source: str = "-", title: str | None = None
) -> Analysis:
    """Analyse ``text`` (already sanitised) and return the full analysis document.

    The collector is paused meanwhile: the layers make many small lists and tuples, none of them
    cyclic garbage, and its passes over them cost about a tenth of the analysis.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        doc = parse(text, pipeline)
        layers = run_layers(doc, cross_check=pipeline.info.trained, title=title)
    finally:
        if collecting:
            gc.enable()
    return Analysis(
        text=text,
        source=source,
        title=title,
        pipeline=pipeline.info,
        entities=layers.entities,
        actors=layers.actors,
        claims=layers.claims,
        numbers=layers.numbers,
    )


def parse(text: str, pipeline: Pipeline) -> Doc:
    """One ``Doc`` for the whole text: in one piece for the built-in pipeline, else built from
    paragraph-aligned chunks via ``nlp.pipe``."""
    if pipeline.info.trained:
        chunks = split_chunks(text, CHUNK_CHARS)
    else:
        chunks = split_long_words(text, CHUNK_CHARS)
    if len(chunks) <= 1:
        return pipeline.nlp(text)
    docs = list(pipeline.nlp.pipe(chunks, batch_size=8))
    doc = Doc.from_docs(docs, ensure_whitespace=False)
    last = doc[-1] if len(doc) else None
    if last is None or last.idx + len(last.text_with_ws) != len(text):  # cheap sanity check
        raise RuntimeError("chunked parse changed the text")
    return doc


def split_long_words(text: str, size: int) -> list[str]:
    """Cut ``text`` into exact consecutive slices only inside runs of more than ``size``
    characters without whitespace (every ``size`` characters); otherwise keep it whole."""
    cuts = [cut for run in re.finditer(rf"\S{{{size + 1},}}", text)
            for cut in range(run.start() + size, run.end(), size)]
    bounds = [0, *cuts, len(text)]
    return [text[a:b] for a, b in itertools.pairwise(bounds)] if cuts else [text]


BREAKS = ("\n\n", "\n", ". ", " ")
"""Where a chunk may end, best first: paragraph, line, sentence, word."""


def split_chunks(text: str, size: int) -> list[str]:
    """Cut ``text`` into exact consecutive slices of roughly ``size`` characters, preferring to
    cut after a paragraph break, then a line break, a sentence end, a space, and only as a last
    resort anywhere (a single 100,000-character "word" must not reach spaCy whole)."""
    chunks: list[str] = []
    start = 0
    while len(text) - start > size:
        limit = start + 4 * size
        cut = -1
        for brk in BREAKS:
            found = text.find(brk, start + size, limit)
            if found != -1:
                cut = found + len(brk)
                break
        if cut == -1:
            cut = start + size
        while cut < len(text) and text[cut] == "\n":
            cut += 1
        chunks.append(text[start:cut])
        start = cut
    if start < len(text) or not chunks:
        chunks.append(text[start:])
    return chunks
