"""newsreader's layers over a parsed ``Doc``: clean names, numbers, actors and claims.

One function, used both by :func:`tui.analysis.engine.analyze` and by the spaCy component
(:mod:`tui.analysis.component`), so the analysis document and ``doc._.actors`` are made of the
same objects.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from tui.analysis.actors import ActorIndex, build_actors, update_salience
from tui.analysis.claims import extract_claims
from tui.analysis.cleanup import clean_names
from tui.analysis.model import ENTITY_LABELS, Actor, Claim, Entity, Number
from tui.analysis.numbers import extract_numbers, names_outside_money, number_entities
from tui.analysis.tokens import tokens_of


@dataclass(frozen=True, slots=True)
class Layers:
    """Everything newsreader adds to a parse."""

    entities: list[Entity]
    """Names (cleaned) and numbers (from the numbers layer), in text order."""
    actors: list[Actor]
    claims: list[Claim]
    numbers: list[Number]


def run_layers(doc: Doc, *, cross_check: bool = True, title: str | None = None) -> Layers:
    """Clean ``doc.ents`` (written back: the claims layer reads them), then build the layers.

    ``cross_check`` (for trained pipelines) cuts the model's names by the built-in recogniser's
    rules and corrects their labels by the gazetteers and the document. The built-in recogniser's
    own names already follow those rules, and some of its deliberate choices would be undone
    ("Moody's" is the firm's name, not a possessive), so they are left as they are. Numeric
    entities always come from the
    numbers layer, so every numeric entity is also a listed number with the same span.
    ``title`` (when the article has one) counts towards the salience of the actors it names.
    """
    text = tokens_of(doc).text
    if cross_check:
        cleaned = clean_names(doc, cross_check=True)
        if _changed(doc.ents, cleaned):  # setting doc.ents is costly
            doc.ents = cleaned
    names = [Entity(e.start_char, e.end_char, text[e.start_char:e.end_char], e.label_)
             for e in doc.ents if e.label_ in ENTITY_LABELS]  # a slice: Span.text walks tokens
    numbers = extract_numbers(doc, names)
    names = names_outside_money(names, numbers)  # "CHF" in "CHF 20" is the currency, not an ORG
    entities = sorted(names + number_entities(numbers), key=lambda e: (e.start, e.end))
    actors = build_actors(doc, names)
    claims = extract_claims(doc, ActorIndex(actors), numbers)
    update_salience(actors, claims, len(text), text=text, title=title)
    return Layers(entities=entities, actors=actors, claims=claims, numbers=numbers)


def _changed(old: Sequence[Span], new: Sequence[Span]) -> bool:
    """Whether two entity lists differ in a span or a label."""
    return len(old) != len(new) or any(a.start != b.start or a.end != b.end or a.label != b.label
                                       for a, b in zip(old, new, strict=True))
