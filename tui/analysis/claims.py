"""Claims: direct quotes and reported speech with their speakers, and check-worthy assertions."""

from __future__ import annotations

from spacy.tokens import Doc

from tui.analysis.actors import ActorIndex
from tui.analysis.model import Claim


def extract_claims(doc: Doc, actors: ActorIndex) -> list[Claim]:
    """Quotes, reported speech and assertions in ``doc``; speakers resolved through ``actors``."""
    return []
