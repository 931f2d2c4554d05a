"""The actor index: each article's actors merged across articles, with what they said where.

Pure data in, data out (no Textual, no spaCy): :class:`ActorIndex` takes analyses one at a time and
keeps only what the index needs (names, mention counts, the first mention, quotes), so a corpus of
any size is indexed in the memory of its actors, not of its texts.

Merging, within one kind (a person named like a company stays apart from it):

1. actors with the same name (case, spacing and a leading "the" aside) are one;
2. an actor whose name is another group's alias joins it when exactly one group has that alias
   ("UN" joins "United Nations" when one article said "United Nations (UN)");
3. a person named by one word joins the one person whose full name ends with that word
   ("Ruiz" joins "Tom Ruiz"), when no other person in the index has that surname.

A name shared by two groups (two people called Ruiz) joins neither. Quotes come from the claims
layer: a claim of kind ``quote`` or ``reported`` counts for every actor in its ``speakers``.
The most widespread actors come first (most articles, then most mentions).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from tui.analysis.model import Analysis

QUOTE_KINDS = frozenset({"quote", "reported"})
"""Claim kinds that are something an actor said (assertions have no speaker to index)."""


@dataclass(frozen=True, slots=True)
class Quote:
    """Something an actor said in one article, with where it is."""

    source: str
    text: str
    start: int
    claim_id: str = ""


@dataclass(slots=True)
class Appearance:
    """One actor in one article."""

    source: str
    title: str | None
    actor_id: str
    name: str
    kind: str
    aliases: tuple[str, ...]
    mentions: int
    first: int
    """Offset of the first mention in the article's text (where the reader opens)."""
    quotes: list[Quote] = field(default_factory=list)


@dataclass(slots=True)
class IndexedActor:
    """One actor across articles."""

    name: str
    kind: str
    aliases: list[str]
    appearances: list[Appearance]

    @property
    def articles(self) -> list[str]:
        return [a.source for a in self.appearances]

    @property
    def mentions(self) -> int:
        return sum(a.mentions for a in self.appearances)

    @property
    def quotes(self) -> list[Quote]:
        return [q for a in self.appearances for q in a.quotes]

    def to_dict(self) -> dict[str, Any]:
        """The documented JSON form (README, "newsreader index")."""
        return {"name": self.name, "kind": self.kind, "aliases": self.aliases,
                "articles": self.articles, "mentions": self.mentions,
                "quotes": [{"source": q.source, "text": q.text} for q in self.quotes]}


def norm(name: str) -> str:
    """The form names are compared in: case-folded, one space, no leading "the"."""
    words = name.casefold().split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def appearances(analysis: Analysis) -> list[Appearance]:
    """The index's view of one article: its actors, their mention counts and quotes."""
    found: dict[str, Appearance] = {}
    for actor in analysis.actors:
        first = min((m.start for m in actor.mentions), default=0)
        found[actor.id] = Appearance(
            source=analysis.source, title=analysis.title, actor_id=actor.id, name=actor.name,
            kind=actor.kind, aliases=tuple(actor.aliases), mentions=len(actor.mentions),
            first=first)
    for claim in analysis.claims:
        if claim.kind not in QUOTE_KINDS:
            continue
        for speaker in dict.fromkeys(claim.speakers):
            if speaker in found:
                found[speaker].quotes.append(
                    Quote(analysis.source, claim.text, claim.start, claim.id))
    return list(found.values())


class ActorIndex:
    """Add analyses, then ask for :meth:`actors` (merged, most widespread first)."""

    def __init__(self) -> None:
        self._seen: list[Appearance] = []
        self._sources: dict[str, int] = {}

    def add(self, analysis: Analysis) -> None:
        """Index one article (an article already indexed under the same source is replaced)."""
        self.add_appearances(appearances(analysis), analysis.source)

    def add_appearances(self, found: list[Appearance], source: str | None = None) -> None:
        """Index one article from its :func:`appearances` (made in a worker process)."""
        source = found[0].source if found else source
        if source is None:
            return
        if source in self._sources:
            self._seen = [a for a in self._seen if a.source != source]
            del self._sources[source]
        self._sources[source] = len(self._sources)
        self._seen.extend(found)

    def __len__(self) -> int:
        return len(self._sources)

    def actors(self) -> list[IndexedActor]:
        return merge(self._seen, order=self._sources)

    def to_dict(self) -> dict[str, Any]:
        return {"actors": [a.to_dict() for a in self.actors()]}


def merge(seen: Iterable[Appearance], order: dict[str, int] | None = None) -> list[IndexedActor]:
    """Group appearances into actors by the three rules of the module docstring; each actor's
    articles come in ``order`` (source to position; default: as seen)."""
    groups: dict[tuple[str, str], list[Appearance]] = defaultdict(list)
    positions: dict[str, int] = dict(order or {})
    for appearance in seen:
        positions.setdefault(appearance.source, len(positions))
        groups[(appearance.kind, norm(appearance.name))].append(appearance)
    parent = {key: key for key in groups}

    def find(key: tuple[str, str]) -> tuple[str, str]:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    owners: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
    for key, members in groups.items():
        kind, name = key
        for member in members:
            for alias in member.aliases:
                if norm(alias) != name:
                    owners[(kind, norm(alias))].add(key)
        words = name.split()
        if kind == "person" and len(words) > 1:
            owners[(kind, words[-1])].add(key)
    for key in groups:
        candidates = owners.get(key, set()) - {key}
        if len(candidates) == 1:
            target = find(next(iter(candidates)))
            if find(key) != target:
                parent[find(key)] = target
    merged: dict[tuple[str, str], list[Appearance]] = defaultdict(list)
    for key, members in groups.items():
        merged[find(key)].extend(members)
    return sorted((_actor(members, positions) for members in merged.values()),
                  key=lambda a: (-len(a.appearances), -a.mentions, a.name.casefold()))


def _actor(members: list[Appearance], positions: dict[str, int]) -> IndexedActor:
    """One actor from its appearances: one appearance per article (a merged article keeps the
    actor with the most mentions first, the others' mentions and quotes added to it)."""
    kind = members[0].kind
    per_article: dict[str, Appearance] = {}
    for member in sorted(members, key=lambda m: -m.mentions):
        have = per_article.get(member.source)
        if have is None:
            per_article[member.source] = Appearance(
                member.source, member.title, member.actor_id, member.name, member.kind,
                member.aliases, member.mentions, member.first, list(member.quotes))
        else:
            have.mentions += member.mentions
            have.first = min(have.first, member.first)
            have.quotes.extend(member.quotes)
    shown = sorted(per_article.values(), key=lambda a: positions[a.source])
    for appearance in shown:
        appearance.quotes.sort(key=lambda q: q.start)
    name = _best_name(members)
    aliases = sorted({" ".join(n.split()) for m in members for n in (m.name, *m.aliases)
                      if norm(n) != norm(name)}, key=str.casefold)
    return IndexedActor(name=name, kind=kind, aliases=aliases, appearances=shown)


def _best_name(members: list[Appearance]) -> str:
    """The fullest name (most words: "Mara Quell" over "Quell", "United Nations" over "UN"),
    then the one most articles use, then the most mentioned."""
    counts: dict[str, set[str]] = defaultdict(set)
    mentions: dict[str, int] = defaultdict(int)
    for member in members:
        name = " ".join(member.name.split())
        counts[name].add(member.source)
        mentions[name] += member.mentions

    def rank(name: str) -> tuple[int, int, int, int]:
        return (len(name.split()), len(counts[name]), mentions[name], len(name))

    return max(counts, key=rank)
