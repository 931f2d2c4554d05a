"""newsreader's layers as a spaCy component, for people with their own pipelines.

    import spacy
    nlp = spacy.load("en_core_web_sm")
    nlp.add_pipe("newsreader")   # after any NER; found through the spacy_factories entry point

The component cleans ``doc.ents`` (names trimmed and checked, numbers left to the numbers layer:
see :mod:`tui.analysis.cleanup`) and sets ``doc._.actors``, ``doc._.claims``, ``doc._.numbers``
and ``doc._.entities``: the same objects (:mod:`tui.analysis.model`) the analysis document of
``newsreader analyze`` is made of, built by the same function (:func:`run_layers`).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from tui.analysis.builtin import ner as _ner  # noqa: F401  (registers "newsreader_ner" too)
from tui.analysis.layers import run_layers

EXTENSIONS = ("actors", "claims", "numbers", "entities")
"""The ``Doc`` extensions the component sets (``None`` on a doc it has not seen)."""
BUILTIN_NER = "newsreader_ner"

for _name in EXTENSIONS:
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


@Language.factory(
    "newsreader",
    assigns=[f"doc._.{name}" for name in EXTENSIONS] + ["doc.ents"],
    default_config={"cross_check": None},
)
def make_newsreader(nlp: Language, name: str, cross_check: bool | None) -> NewsreaderLayers:
    """spaCy factory: ``cross_check`` (names cut and labels checked by the built-in rules) is on,
    unless newsreader's own recogniser comes before (it applies those rules itself)."""
    if cross_check is None:
        cross_check = BUILTIN_NER not in nlp.pipe_names
    return NewsreaderLayers(cross_check=cross_check)


class NewsreaderLayers:
    """Run :func:`run_layers` on each doc and keep its results on the doc."""

    def __init__(self, *, cross_check: bool) -> None:
        self.cross_check = cross_check

    def __call__(self, doc: Doc) -> Doc:
        layers = run_layers(doc, cross_check=self.cross_check)
        doc._.actors = layers.actors
        doc._.claims = layers.claims
        doc._.numbers = layers.numbers
        doc._.entities = layers.entities
        return doc
