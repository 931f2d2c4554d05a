"""Role mentions: what a person is ("Russian President X", "X, Acme's chief executive") and the
mentions that name a person by role alone ("the Russian president", "the company's chief
executive").

A role mention joins only a person it fits: the same country, organisation or role, and nothing
known that contradicts it (another country, another role, another employer). Otherwise it stays
unattached rather than going to the nearest person.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from tui.analysis.actors.cluster import Cluster
from tui.analysis.actors.names import clean, org_key
from tui.analysis.lexicon import gazetteer, lexicon
from tui.analysis.model import Span

_ROLE_MENTION = re.compile(
    r"\b(?:[Tt]he\s+(?P<noun>[a-z]+)['’]s|[Tt]he\s+(?P<dem>[A-Z][\w-]+)"
    r"|(?P<cty>[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})['’]s)"
    r"\s+(?P<role>[a-z]+(?:[\s-]+[a-z]+){0,2})"
)
"""Candidates for "the Russian president" / "China's foreign minister" / "the company's chief
executive" (checked against the lexicon in :func:`_role_at`; a cheap pattern first keeps this
linear on long texts)."""
_WORDS = re.compile(r"[\w.’'-]+")
_OF = frozenset({"of", "at", "for", "to"})
_ANY_ORG = "*"
"""The organisation of a mention such as "the company's chief executive": any employer fits."""


@dataclass(frozen=True, slots=True)
class Role:
    """What a phrase says a person is; any part may be unknown."""

    nation: str | None = None
    role: str | None = None
    org: str | None = None


def _nation(word: str) -> str | None:
    """The country a demonym or a possessive country name points at."""
    lex = lexicon()
    w = word.lower()
    if w.endswith(("'s", "’s")):
        w = w[:-2]
    return lex.demonyms.get(w) or lex.countries.get(w)


def _role_name(words: Sequence[str]) -> str:
    role = " ".join(words).lower().rstrip(".")
    return lexicon().role_synonyms.get(role, role)


def _longest_role(words: Sequence[str]) -> int:
    """How many of ``words`` (from the front) form a title or role ("foreign minister"), or 0."""
    titles = lexicon().titles
    for n in (3, 2, 1):
        if len(words) >= n and " ".join(words[:n]).lower().rstrip(".") in titles:
            return n
    return 0


def _org_words(words: Sequence[str]) -> str | None:
    """The organisation named by capitalised words that are no country ("Harlow Logistics")."""
    caps = [w.removesuffix("'s").removesuffix("’s").rstrip(",") for w in words]
    caps = [w for w in caps if w[:1].isupper() and w.lower() not in {"the", "a", "an"}]
    if not caps or any(_nation(w) for w in caps):
        return None
    return org_key(" ".join(caps))


def _is_abbrev(word: str) -> bool:
    """A word whose dot ends no sentence: a title ("Gen.") or an initialism ("U.S.")."""
    return word.lower() in lexicon().titles or word.count(".") >= 2


def role_before(text: str, start: int) -> Role:
    """From "Russian President X", "Harlow Logistics chief executive X", "The Thai foreign
    minister, X"."""
    end = start - 2 if text[start - 2:start] == ", " else start
    if text[end - 1:end] not in {" ", "\n"} and end == start:
        return Role()
    words = _WORDS.findall(text, max(0, end - 80), end)[-7:]
    if not words or (words[-1].endswith(".") and not _is_abbrev(words[-1])):
        return Role()  # "... the Spanish prime minister. Brandt said": another sentence
    for n in (3, 2, 1):
        if _longest_role(words[-n:]) == n:
            head = words[:-n][-3:]  # "Russian", "China's", "Acme Foods"
            ends = [k for k, w in enumerate(head) if w.endswith(".") and not _is_abbrev(w)]
            head = head[ends[-1] + 1:] if ends else head  # "... in Russia. Minister X"
            nation = next((c for c in map(_nation, reversed(head)) if c), None)
            caps: list[str] = []
            for w in reversed(head):
                if not w[:1].isupper():
                    break
                caps.insert(0, w)
            return Role(nation, _role_name(words[-n:]), _org_words(caps))
    return Role()


def role_after(text: str, end: int) -> Role:
    """From "X, the Russian president", "X, an adviser to Y", "X, Acme's chief executive" and
    "X, the chief executive of Harlow Logistics"."""
    if not text.startswith(", ", end):
        return Role()
    words = _WORDS.findall(text, end + 2, min(len(text), end + 100))[:9]
    if not words:
        return Role()
    first = 1 if words[0].lower() in {"a", "an", "the"} else 0
    nation = None
    for i in range(first, min(len(words), first + 4)):
        n = _longest_role(words[i:])
        if not n and i == 0 and not words[0].endswith(("'s", "’s")):
            break  # "X, Acme's chief executive" needs the possessive
        nation = nation or _nation(words[i])
        if n:
            org = _org_words(words[first:i]) if i > first else None
            rest = words[i + n:]
            if not org and rest and rest[0] in _OF:
                caps: list[str] = []
                for w in rest[1:]:
                    if w.lower() == "the" and not caps:
                        continue
                    if not w[:1].isupper():
                        break
                    caps.append(w)
                    if w.endswith(","):
                        break
                nation = nation or next((c for c in map(_nation, caps) if c), None)
                org = _org_words(caps)
            return Role(nation, _role_name(words[i:i + n]), org)
    return Role()


def note_role(c: Cluster, text: str, start: int, end: int) -> None:
    """Record what "Russian President X" or "X, the Russian president" says about a person."""
    for found in (role_before(text, start), role_after(text, end)):
        c.role = c.role or found.role
        c.nationality = c.nationality or found.nation
        c.org = c.org or found.org


def _role_at(m: re.Match[str]) -> tuple[Role, int] | None:
    """The role and its end when a :data:`_ROLE_MENTION` match is a real role mention."""
    lex = lexicon()
    nation = org = None
    if m.group("noun"):
        if m.group("noun") not in lex.org_nouns:
            return None
        org = _ANY_ORG
    elif m.group("dem"):  # "the Russian president", "the Acme chairman"
        nation = _nation(m.group("dem"))
        org = None if nation else org_key(m.group("dem"))
    else:
        name = m.group("cty")
        nation = _nation(name)
        org = None if nation else org_key(clean(name))
    if not nation and not org:
        return None
    words = m.group("role").split()
    n = _longest_role(words)
    if not n:
        return None
    role_end = m.start("role")
    for w in words[:n]:
        role_end = m.string.index(w, role_end) + len(w)
    return Role(nation, _role_name(words[:n]), org), role_end


def _weak_nations(c: Cluster) -> set[str]:
    """Countries suggested without being said: by the text (:func:`note_hints`) or by a family
    name written first ("Li Wei")."""
    first = c.key.removeprefix("person:").split(maxsplit=1)[0]
    if first.title() in _surname_first():
        return c.hints | lexicon().family_name_first_countries
    return c.hints


@lru_cache(maxsize=1)
def _surname_first() -> frozenset[str]:
    return frozenset(gazetteer().rules["surname_first"])


_FREE_ROLE = re.compile(r"\b(?P<dem>[A-Z][a-z]+)\s+(?P<role>[a-z]+(?:\s+[a-z]+)?)\b(?!\s+[A-Z])")
"""A nationality and a role with no name after them ("the most powerful Chinese leader")."""
_SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s+")


def note_hints(text: str, people: list[Cluster]) -> None:
    """A nationality and role said of nobody by name ("X will consolidate his position as the
    most powerful Chinese leader") hints at the nationality of the sentence's first person."""
    firsts = sorted((m.start, m.end, c) for c in people for m in c.mentions)
    starts = [s for s, _, _ in firsts]
    for m in _FREE_ROLE.finditer(text):
        nation = _nation(m.group("dem"))
        if not nation or not _longest_role(m.group("role").split()) \
                or text[max(0, m.start() - 4):m.start()].lower() in {"the ", " an ", " a "}:
            continue  # "met the Thai foreign minister" is someone else
        ends = [e.end() for e in _SENTENCE_END.finditer(text, max(0, m.start() - 400), m.start())]
        sentence = ends[-1] if ends else max(0, m.start() - 400)
        i = bisect.bisect_left(starts, sentence)
        if i < len(firsts) and firsts[i][1] <= m.start():
            c = firsts[i][2]
            if not c.nationality:
                c.hints.add(nation)


def _fit(c: Cluster, r: Role) -> float | None:
    """How well person ``c`` fits role mention ``r``: ``None`` if something contradicts it,
    else a score (0 when nothing speaks for it)."""
    lex = lexicon()
    if c.nationality and r.nation and c.nationality != r.nation:
        return None
    if c.role and r.role and c.role != r.role \
            and not {c.role, r.role} & lex.generic_roles:
        return None
    if r.org and c.org and r.org != _ANY_ORG and not _same_org(c.org, r.org):
        return None
    score = 0.0
    if r.nation and c.nationality == r.nation:
        score += 2
    elif r.nation and r.nation in _weak_nations(c):
        score += 1
    if r.role and c.role == r.role:
        score += 2
    if r.org and c.org:
        score += 2
    return score


def _same_org(a: str, b: str) -> bool:
    """ "harlow logistics" and "harlow": one is the other's first words."""
    wa, wb = a.split(), b.split()
    n = min(len(wa), len(wb))
    return wa[:n] == wb[:n]


def attach_roles(text: str, people: list[Cluster]) -> None:
    """Join each role mention to the person mentioned before it that fits it best."""
    if not people:
        return
    note_hints(text, people)
    taken = sorted(((m.start, m.end, c) for c in people for m in c.mentions),
                   key=lambda t: (t[0], t[1]))
    taken_starts = [s for s, _, _ in taken]
    for m in _ROLE_MENTION.finditer(text):
        found = _role_at(m)
        if found is None:
            continue
        role, end = found
        i = bisect.bisect_right(taken_starts, m.start()) - 1
        if i >= 0 and taken[i][1] > m.start():
            continue  # inside a name
        nxt = bisect.bisect_left(taken_starts, end)
        gap = text[end:taken[nxt][0]].strip() if nxt < len(taken) else "-"
        if not gap:
            continue  # "Tunisia's goalkeeper Ali Ben Salah": a title, noted with the name
        # "The Thai foreign minister, Somchai Wongsawat, said": the name that follows it
        best = taken[nxt][2] if gap == "," else _best_fit(taken, i, role)
        if best is not None:
            best.add(Span(m.start(), end, text[m.start():end]), None, None)
            best.nationality = best.nationality or role.nation
            best.role = best.role or role.role
            if role.org != _ANY_ORG:
                best.org = best.org or role.org


RECENT_PEOPLE = 40
"""A role mention looks back at most this many people (and ten times as many mentions): it
points at someone recent, and the bound keeps long articles linear."""


def _best_fit(taken: list[tuple[int, int, Cluster]], last: int, role: Role) -> Cluster | None:
    """Of the people mentioned up to ``taken[last]``, the one that fits ``role`` best (the
    latest on a tie)."""
    best: tuple[float, Cluster] | None = None
    seen: set[int] = set()
    for k in range(last, max(-1, last - 10 * RECENT_PEOPLE), -1):
        c = taken[k][2]
        if id(c) in seen:
            continue
        seen.add(id(c))
        score = _fit(c, role)
        if score is not None and score > 0 and (best is None or score > best[0]):
            best = (score, c)
        if len(seen) >= RECENT_PEOPLE:
            break
    return best[1] if best else None
