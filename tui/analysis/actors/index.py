"""Look-ups from text positions and names to actors (speaker attribution, the reader's links)."""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from tui.analysis.actors.names import clean
from tui.analysis.model import Actor


class ActorIndex:
    """Look-ups from text positions and names to actors, for speaker attribution and the UI."""

    def __init__(self, actors: Sequence[Actor]) -> None:
        self.actors = list(actors)
        self._spans: list[tuple[int, int, Actor]] = sorted(
            ((m.start, m.end, a) for a in actors for m in a.mentions), key=lambda t: (t[0], t[1])
        )
        self._starts = [s for s, _, _ in self._spans]
        people = sorted(((e, actor) for _, e, actor in self._spans if actor.kind == "person"),
                        key=lambda t: t[0])
        self._person_ends = [e for e, _ in people]
        self._person_at_end = [actor for _, actor in people]
        names: dict[str, Actor | None] = {}
        for a in self.actors:
            for alias in [a.name, *a.aliases]:
                names.setdefault(alias.lower(), a)
        exact = set(names)
        for a in self.actors:  # single words of people's names, when unambiguous
            if a.kind == "person":
                for w in a.name.lower().split():
                    if w not in exact:
                        names[w] = a if names.get(w, a) is a else None
        self._names = names

    def at(self, start: int, end: int) -> Actor | None:
        """The actor with a mention overlapping ``[start, end)`` most, if any; on a tie the
        shorter mention ("Tunisia's goalkeeper" is the player, its "Tunisia" the country)."""
        i = bisect.bisect_left(self._starts, end)
        best: tuple[int, int, Actor] | None = None
        for s, e, actor in self._spans[max(0, i - 16):i]:
            overlap = min(e, end) - max(s, start)
            if overlap > 0 and (best is None or (overlap, s - e) > best[:2]):
                best = (overlap, s - e, actor)
        return best[2] if best else None

    def last_person_before(self, offset: int) -> Actor | None:
        """The person mentioned most recently before ``offset`` (for "he said").

        A binary search over the people's mentions by their end, so a long article with many
        pronoun speakers stays linear overall.
        """
        i = bisect.bisect_right(self._person_ends, offset)
        return self._person_at_end[i - 1] if i else None

    def by_name(self, name: str) -> Actor | None:
        """The actor called ``name``, or having it as an alias or (for people) a name part."""
        return self._names.get(clean(name).lower())
