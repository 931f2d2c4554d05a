"""Actors: people, organisations, places and groups, with their aliases and mentions merged."""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from spacy.tokens import Doc

from tui.analysis.model import Actor, Claim, Entity, Span


def build_actors(doc: Doc, names: Sequence[Entity]) -> list[Actor]:
    """Merge the named entities of ``doc`` into actors (placeholder: one actor per name)."""
    return []


def update_salience(actors: list[Actor], claims: Sequence[Claim], text_len: int) -> None:
    """Score and sort ``actors`` in place by mentions, first position and being quoted."""


class ActorIndex:
    """Look-ups from text positions and names to actors, for speaker attribution and the UI."""

    def __init__(self, actors: Sequence[Actor]) -> None:
        self.actors = list(actors)
        self._spans: list[tuple[int, int, Actor]] = sorted(
            ((m.start, m.end, a) for a in actors for m in a.mentions), key=lambda t: (t[0], t[1])
        )
        self._starts = [s for s, _, _ in self._spans]

    def at(self, start: int, end: int) -> Actor | None:
        """The actor with a mention overlapping ``[start, end)``, if any (the first such)."""
        i = bisect.bisect_left(self._starts, end)
        for s, e, actor in reversed(self._spans[max(0, i - 8):i]):
            if s < end and e > start:
                return actor
        return None

    def last_person_before(self, offset: int) -> Actor | None:
        """The person mentioned most recently before ``offset`` (for "he said")."""
        i = bisect.bisect_left(self._starts, offset)
        for s, e, actor in reversed(self._spans[:i]):
            if actor.kind == "person" and e <= offset:
                return actor
        return None

    def by_name(self, name: str) -> Actor | None:
        """The actor called ``name`` or having it as an alias or name part."""
        return None
