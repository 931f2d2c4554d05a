"""Running one analysis: spaCy pipeline first, then newsreader's actors, claims and numbers."""

from __future__ import annotations

from spacy.tokens import Doc

from tui.analysis.actors import ActorIndex, build_actors, update_salience
from tui.analysis.claims import extract_claims
from tui.analysis.model import ENTITY_LABELS, NUMERIC_LABELS, Analysis, Entity
from tui.analysis.numbers import extract_numbers, number_entities
from tui.analysis.pipeline import Pipeline

CHUNK_CHARS = 20_000
"""Long texts go through ``nlp.pipe`` in paragraph-aligned chunks of about this size."""


def analyze(
    text: str, pipeline: Pipeline, *, source: str = "-", title: str | None = None
) -> Analysis:
    """Analyse ``text`` (already sanitised) and return the full analysis document."""
    doc = parse(text, pipeline)
    entities = [
        Entity(e.start_char, e.end_char, e.text, e.label_)
        for e in doc.ents
        if e.label_ in ENTITY_LABELS
    ]
    names = [e for e in entities if e.label not in NUMERIC_LABELS]
    numbers = extract_numbers(doc, names)
    if not _has_numeric_ner(pipeline):  # the numbers layer supplies DATE, MONEY, CARDINAL ...
        entities = sorted(names + number_entities(numbers), key=lambda e: (e.start, e.end))
    actors = build_actors(doc, names)
    index = ActorIndex(actors)
    claims = extract_claims(doc, index, numbers)
    update_salience(actors, claims, len(text))
    return Analysis(
        text=text,
        source=source,
        title=title,
        pipeline=pipeline.info,
        entities=entities,
        actors=actors,
        claims=claims,
        numbers=numbers,
    )


def _has_numeric_ner(pipeline: Pipeline) -> bool:
    """Whether the pipeline's own NER tags numbers (trained OntoNotes pipelines do)."""
    nlp = pipeline.nlp
    if not pipeline.info.trained or "ner" not in nlp.pipe_names:
        return False
    labels: tuple[str, ...] = getattr(nlp.get_pipe("ner"), "labels", ())
    return bool(NUMERIC_LABELS & set(labels))


def parse(text: str, pipeline: Pipeline) -> Doc:
    """One ``Doc`` for the whole text, built from paragraph-aligned chunks via ``nlp.pipe``."""
    chunks = split_chunks(text, CHUNK_CHARS)
    if len(chunks) <= 1:
        return pipeline.nlp(text)
    docs = list(pipeline.nlp.pipe(chunks, batch_size=8))
    doc = Doc.from_docs(docs, ensure_whitespace=False)
    last = doc[-1] if len(doc) else None
    if last is None or last.idx + len(last.text_with_ws) != len(text):  # cheap sanity check
        raise RuntimeError("chunked parse changed the text")
    return doc


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
