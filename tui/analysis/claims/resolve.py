"""From speaker phrases to actor ids: names through the actor index, pronouns to the most recent
compatible actor, and a trained parser's subjects where the patterns found no speaker.

``he``/``she``: the first person named (outside quotes) in the pronoun's sentence before it, else
in the one or two sentences before, else the actor index's most recent person. News prose names
the speaker as the subject, so the first person of a sentence beats the most recent one ("For
Dana Whitlock, ... Calder was also a legend. He said, ..."). ``it``/``they``: the most recent
named speaker that is not a person (see :func:`resolve_group_pronouns`). A pronoun never
resolves to an actor that is itself only a pronoun.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from tui.analysis.actors import ActorIndex
from tui.analysis.claims.quotes import Quote
from tui.analysis.claims.speakers import Speaker
from tui.analysis.claims.vocabulary import speaker_lexicon
from tui.analysis.model import Claim

GROUP_PRONOUN_REACH = 800
"""``it said``/``they said`` take a non-person speaker at most this many characters back."""


class PronounResolver:
    """``he said``: the person a pronoun at an offset refers to; ``it said``: the organisation
    (see the module notes). People of the other gender (from a gendered title before one of
    their mentions: ``Mr.``, ``Mrs.``, ``spokeswoman``) are passed over."""

    def __init__(
        self,
        actors: ActorIndex,
        sents: list[tuple[int, int]],
        quotes: list[Quote],
        text: str = "",
        subjects: frozenset[int] = frozenset(),
    ) -> None:
        self.subjects = subjects
        """With a parse: offsets of the words inside sentence subjects (preferred antecedents)."""
        self.actors = actors
        lex = speaker_lexicon()
        qs = [(q.start, q.end) for q in quotes]
        qstarts = [q[0] for q in qs]

        def quoted(pos: int) -> bool:
            k = bisect.bisect_right(qstarts, pos) - 1
            return k >= 0 and qs[k][0] <= pos < qs[k][1]

        mentions: list[tuple[int, int, str]] = []
        people: list[tuple[int, int, str]] = []
        titled: dict[str, list[tuple[int, str]]] = {}
        groups: list[tuple[int, int, str]] = []
        self.gender: dict[str, str] = {}
        try:
            for a in getattr(actors, "actors", []):
                if a.name.lower() in lex.pronouns:
                    continue  # never resolve to an actor that is itself a pronoun
                target = people if a.kind == "person" else groups
                for m in a.mentions:
                    mentions.append((m.start, m.end, a.id))
                    if not quoted(m.start):
                        target.append((m.start, m.end, a.id))
                    if a.kind == "person" and text:
                        g = _gender_before(text, m.start)
                        if g:
                            self.gender.setdefault(a.id, g)
                        for title in _titles_before(text, m.start):
                            titled.setdefault(title, []).append((m.start, a.id))
        except Exception:  # the actor index is another layer's: never fail claims on it
            people, groups = [], []
        self.titled = {t: sorted(v) for t, v in titled.items()}
        """Title word -> (offset, person id) of the mentions it stands before ("Sen. Ana Ruiz")."""
        self.mentions = sorted(mentions)
        self.mstarts = [m[0] for m in self.mentions]
        self.people = sorted(people)
        self.pstarts = [p[0] for p in self.people]
        self.groups = sorted(groups)
        self.gends = [g[1] for g in self.groups]
        self.sents = sents
        self.sstarts = [s for s, _ in sents]

    def titled_person(self, title: str, pos: int) -> str | None:
        """``the senator said``: the person last named with that title before ``pos``."""
        found = self.titled.get(title, [])
        k = bisect.bisect_left(found, (pos, "")) - 1
        return found[k][1] if k >= 0 else None

    def head(self, start: int, end: int) -> str | None:
        """The actor named at the end of the phrase ``[start, end)`` (``the Afghan ambassador to
        the United States Hamdullah Mohib``: Hamdullah Mohib), among the mentions inside it."""
        i = bisect.bisect_left(self.mstarts, start)
        best: tuple[int, int, str] | None = None
        while i < len(self.mentions) and self.mentions[i][0] < end:
            m = self.mentions[i]
            if m[1] <= end and (best is None or m[1] > best[1]):
                best = m
            i += 1
        return best[2] if best is not None else None

    def _fits(self, actor_id: str, pronoun: str) -> bool:
        want = speaker_lexicon().gendered.get(pronoun)
        have = self.gender.get(actor_id)
        return want is None or have is None or want == have

    def _first_in(self, a: int, b: int, pronoun: str, subjects_only: bool = False) -> str | None:
        k = bisect.bisect_left(self.pstarts, a)
        while k < len(self.people) and self.people[k][0] < b:
            p = self.people[k]
            if (not subjects_only or p[0] in self.subjects) and self._fits(p[2], pronoun):
                return p[2]
            k += 1
        return None

    def person(self, pos: int, limit: int, pronoun: str = "") -> str | None:
        """The person ``he``/``she`` at ``pos`` refers to; ``limit`` bounds the same-sentence
        search."""
        if self.people and self.sents:
            si = max(0, bisect.bisect_right(self.sstarts, pos) - 1)
            windows = [(self.sents[si][0], min(pos, limit))]
            windows += [self.sents[sj] for sj in (si - 1, si - 2) if sj >= 0]
            found = None
            for only in (True, False) if self.subjects else (False,):
                for a, b in windows:
                    found = found or self._first_in(a, b, pronoun, only)
            if found is not None:
                return found
            k = bisect.bisect_left(self.pstarts, min(pos, limit)) - 1
            stop = k - 200
            while k >= 0 and k > stop:
                if self._fits(self.people[k][2], pronoun):
                    return self.people[k][2]
                k -= 1
        try:
            actor = self.actors.last_person_before(min(pos, limit))
        except Exception:
            return None
        return actor.id if actor is not None else None

    def organization(self, pos: int) -> str | None:
        """The organisation (or place, group) ``it``/``they`` at ``pos`` refers to: the one
        mentioned last, at most :data:`GROUP_PRONOUN_REACH` characters back."""
        k = bisect.bisect_right(self.gends, pos) - 1
        if k >= 0 and pos - self.groups[k][1] <= GROUP_PRONOUN_REACH:
            return self.groups[k][2]
        return None


def _titles_before(text: str, start: int) -> list[str]:
    """The title words among the three words before a mention (``Sen.`` -> senator)."""
    lex = speaker_lexicon()
    out = []
    for w in text[max(0, start - 40) : start].split()[-3:]:
        low = w.lower().strip(".,")
        low = lex.title_abbreviations.get(low, low)
        if low in lex.titles:
            out.append(low)
    return out


def _gender_before(text: str, start: int) -> str | None:
    """``Mr. Brel`` -> male: the gender a title right before a mention gives."""
    words = text[max(0, start - 24) : start].split()
    if not words:
        return None
    gendered = speaker_lexicon().gendered
    return gendered.get(words[-1].lower()) or gendered.get(words[-1].lower().rstrip("."))


def resolve(
    actors: ActorIndex, sp: Speaker, claim_start: int, pronouns: PronounResolver | None = None
) -> list[str]:
    """The actor ids of a speaker phrase (one per coordinated member that is an actor)."""
    try:
        if sp.pronoun:
            low = sp.text.lower()
            if low not in speaker_lexicon().person_pronouns:
                oid = pronouns.organization(sp.start) if pronouns is not None else None
                return [oid] if oid is not None and low in ("it", "they") else []
            if pronouns is not None:
                pid = pronouns.person(sp.start, claim_start, low)
                return [pid] if pid is not None else []
            person = actors.last_person_before(min(sp.start, claim_start))
            return [person.id] if person is not None else []
        ids: list[str] = []
        for s, e in sp.spans():
            head = pronouns.head(s, e) if pronouns is not None else None
            if head is not None:
                if head not in ids:
                    ids.append(head)
                continue
            actor = actors.at(s, e)
            if actor is None:
                name = actors_text(sp, s, e)
                actor = actors.by_name(name)
                if actor is None and name.lower().startswith("the "):
                    actor = actors.by_name(name[4:])
            if actor is None and pronouns is not None:
                title = _definite_title(actors_text(sp, s, e))
                pid = pronouns.titled_person(title, sp.start) if title else None
                if pid is not None and pid not in ids:
                    ids.append(pid)
            if actor is not None and actor.id not in ids:
                ids.append(actor.id)
    except Exception:  # the actor index is being completed elsewhere; never fail claims on it
        return []
    return ids


def _definite_title(phrase: str) -> str | None:
    """``the senator`` / ``the state's governor`` -> the title word, else None."""
    words = phrase.lower().split()
    if len(words) < 2 or (words[0] not in ("the", "a") and not words[0].endswith(("’s", "'s"))):
        return None
    lex = speaker_lexicon()
    head = words[-1].strip(".,")
    return head if head in lex.titles else None


def actors_text(sp: Speaker, s: int, e: int) -> str:
    return sp.text[s - sp.start : e - sp.start]


def refine(text: str, sp: Speaker | None, persons: list[tuple[int, int]]) -> Speaker | None:
    """Narrow a name phrase to the PERSON entity it ends with
    (``the Refugee Council Enver Solomon``)."""
    if sp is None or sp.pronoun or not persons or sp.members:
        return sp
    k = bisect.bisect_right(persons, (sp.first_end, len(text) + 1)) - 1
    while k >= 0 and persons[k][1] >= sp.start:
        ps, pe = persons[k]
        if sp.start < ps < sp.first_end and pe == sp.first_end:
            if sp.first_end == sp.end:
                return Speaker(ps, pe, text[ps:pe], pe)
            return sp
        k -= 1
    return sp


def resolve_group_pronouns(claims: Sequence[Claim], actors: ActorIndex) -> None:
    """``it said`` / ``they said``: the most recent named speaker that is not a person, if close."""
    kinds = {a.id: a.kind for a in getattr(actors, "actors", [])}
    pronouns = speaker_lexicon().pronouns
    last: tuple[int, str] | None = None  # (end of its claim, actor id)
    for c in claims:
        if c.kind == "assertion":
            continue
        low = (c.speaker_text or "").lower()
        if c.speaker is None and low in ("it", "they"):
            if last is not None and c.start - last[0] < GROUP_PRONOUN_REACH:
                c.speaker = last[1]
                c.speakers = [last[1]]
        elif (
            c.speaker is not None
            and low not in pronouns
            and kinds.get(c.speaker, "person") != "person"
        ):
            last = (c.end, c.speaker)
