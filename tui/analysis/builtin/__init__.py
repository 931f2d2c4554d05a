"""newsreader's built-in English pipeline: spaCy components and gazetteers, no trained weights."""

from __future__ import annotations

import spacy
from spacy.language import Language

from tui import __version__
from tui.analysis.builtin import ner as _ner  # noqa: F401  (registers the "newsreader_ner" factory)

MAX_CHARS = 2**31 - 1
"""spaCy's text length limit (1,000,000 by default) guards parsers' memory; this pipeline has
none, and the engine gives it the whole text at once."""


def build_builtin() -> Language:
    """A blank English pipeline with sentence splitting and newsreader's rule-based NER."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("newsreader_ner")
    nlp.max_length = MAX_CHARS
    nlp.meta["name"] = "newsreader_builtin"
    nlp.meta["version"] = __version__
    return nlp
