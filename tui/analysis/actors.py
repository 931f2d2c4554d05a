"""Actors: people, organisations, places and groups, with their aliases and mentions merged.

Merging rules, in order:

* a name keeps one kind across the article (the majority of its labels);
* people: a given name or surname alone joins the full name that contains it (word order does not
  matter, so family-name-first names work); titles are not part of the name;
* countries: every alias of a country ("US", "the United States") joins one actor;
* acronyms join the organisation whose initials they spell;
* role mentions ("the Russian president", "China's president") join the most recent person whose
  known nationality and role fit;
* metonyms (the Kremlin, Beijing as a government) stay their own actor, with ``refers_to`` set to
  their country's actor.
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc

from tui.analysis.lexicon import lexicon
from tui.analysis.model import Actor, ActorKind, Claim, Entity, Span

KIND_OF_LABEL: dict[str, ActorKind] = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "group",
}
_POSSESSIVE = re.compile(r"['’]s?$")
_STOP_INITIALS = frozenset({"of", "the", "and", "for", "on", "in", "de", "&"})
_WORD = re.compile(r"[^\W\d_][\w.'’-]*")


@dataclass(slots=True)
class _Cluster:
    """Mentions gathered for one actor before it gets its id."""

    key: str
    labels: Counter[str] = field(default_factory=Counter)
    forms: Counter[str] = field(default_factory=Counter)
    mentions: list[Span] = field(default_factory=list)
    nationality: str | None = None
    role: str | None = None

    @property
    def first(self) -> int:
        return min(m.start for m in self.mentions)

    def add(self, span: Span, label: str | None, form: str | None = None) -> None:
        self.mentions.append(span)
        if label:
            self.labels[label] += 1
        if form:
            self.forms[form] += 1


def _clean(text: str) -> str:
    """A mention as a name: no leading "the", no possessive, single spaces."""
    text = " ".join(text.split())
    if text[:4].lower() == "the ":
        text = text[4:]
    return _POSSESSIVE.sub("", text) if text.endswith(("'s", "’s", "s'", "s’")) else text


def _strip_title(words: list[str]) -> list[str]:
    """Drop leading titles and honorifics ("President", "Prof.", "Dr") from a person's name."""
    titles = lexicon().titles
    out = list(words)
    while len(out) > 1 and out[0].lower().rstrip(".") in titles:
        out.pop(0)
    return out


def build_actors(doc: Doc, names: Sequence[Entity]) -> list[Actor]:
    """Merge the named entities of ``doc`` into actors, ids in order of first mention."""
    text = doc.text
    lex = lexicon()
    persons: list[tuple[Entity, list[str]]] = []
    clusters: dict[str, _Cluster] = {}

    def cluster(key: str) -> _Cluster:
        if key not in clusters:
            clusters[key] = _Cluster(key)
        return clusters[key]

    # Pass 1: everything but single-word person names, which need all full names first.
    key_at: dict[int, str] = {}
    label_of: dict[str, Counter[str]] = defaultdict(Counter)
    for ent in names:
        if ent.label in KIND_OF_LABEL:
            label_of[_clean(ent.text).lower()][ent.label] += 1
    for ent in sorted(names, key=lambda e: e.start):
        name = _clean(ent.text)
        if not name or not any(ch.isalpha() for ch in name):
            continue
        votes = label_of.get(name.lower())
        label = votes.most_common(1)[0][0] if votes else ent.label
        if label not in KIND_OF_LABEL:
            continue
        span = Span(ent.start, ent.end, ent.text)
        if label == "PERSON":
            words = _strip_title(_WORD.findall(name))
            if words:
                persons.append((ent, words))
            continue
        if label == "NORP" and not _is_group_noun(name):
            continue
        country = lex.countries.get(name.lower())
        key = f"country:{country.lower()}" if country else f"name:{_org_key(name)}"
        cluster(key).add(span, label, country or name)
        key_at[ent.start] = key

    # Pass 2: people. Full names first, then single words joining the name that contains them.
    full: dict[str, _Cluster] = {}
    for _ent, words in persons:
        if len(words) >= 2:
            key = "person:" + " ".join(w.lower() for w in words)
            full[key] = cluster(key)
    by_word: dict[str, list[_Cluster]] = defaultdict(list)
    for c in full.values():
        for w in c.key.removeprefix("person:").split():
            by_word[w].append(c)
    for ent, words in persons:
        span = Span(ent.start, ent.end, ent.text)
        form = " ".join(words)
        if len(words) >= 2:
            c = full["person:" + form.lower()]
        else:
            c = _pick(by_word.get(words[0].lower(), []), ent.start) or cluster(
                "person:" + words[0].lower()
            )
        c.add(span, "PERSON", form)
        if len(words) >= 2 or not c.nationality:
            _note_role(c, text, ent.start, ent.end)

    _merge_bracketed(text, names, key_at, clusters)
    _merge_acronyms(clusters)
    _merge_short_names(clusters)
    _attach_roles(text, [c for c in clusters.values() if c.key.startswith("person:")])
    return _finish(clusters)


def _is_group_noun(name: str) -> bool:
    """NORP mentions that name people ("Afghans", "Democrats"), not adjectives ("Russian")."""
    return name.endswith("s") and not name.endswith("ss")


def _pick(candidates: list[_Cluster], offset: int) -> _Cluster | None:
    """Of the full names containing a word, the one mentioned most recently before ``offset``
    (else the first one after it)."""
    if not candidates:
        return None
    if len(candidates) == 1:
        return candidates[0]
    # People are processed in text order, so a cluster's last mention is its latest before here.
    before = [(c.mentions[-1].start if c.mentions else -1, c) for c in candidates]
    best = max(before, key=lambda t: t[0])
    if best[0] >= 0:
        return best[1]
    return min(candidates, key=lambda c: c.first if c.mentions else math.inf)


_ROLE_MENTION = re.compile(
    r"\b(?:[Tt]he\s+(?P<dem>[A-Z][\w-]+)|(?P<cty>[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})['’]s)"
    r"\s+(?P<role>[a-z]+(?:\s+[a-z]+){0,2})"
)
"""Candidates for "the Russian president" / "China's foreign minister" (checked against the
lexicon in :func:`_role_at`; a cheap pattern first keeps this linear on long texts)."""
_WORDS = re.compile(r"[\w.’'-]+")


def _nation(word: str) -> str | None:
    """The country a demonym or a possessive country name points at."""
    lex = lexicon()
    w = word.lower()
    if w.endswith(("'s", "’s")):
        w = w[:-2]
    return lex.demonyms.get(w) or lex.countries.get(w)


def _longest_role(words: Sequence[str]) -> int:
    """How many of ``words`` (from the front) form a title or role ("foreign minister"), or 0."""
    titles = lexicon().titles
    for n in (3, 2, 1):
        if len(words) >= n and " ".join(words[:n]).lower().rstrip(".") in titles:
            return n
    return 0


def _role_before(text: str, start: int) -> tuple[str | None, str | None]:
    """(nationality, role) from "Russian President X" / "China's foreign minister X"."""
    words = _WORDS.findall(text, max(0, start - 60), start)[-6:]
    if not words or text[start - 1:start] not in {" ", "\n"}:
        return None, None
    for n in (3, 2, 1):
        if _longest_role(words[-n:]) == n:
            role = " ".join(words[-n:]).lower().rstrip(".")
            head = words[:-n][-3:]  # "Russian", or "China's foreign policy"
            for _i, w in enumerate(head):
                nation = _nation(w)
                if nation:
                    return nation, role
            return None, role
    return None, None


def _role_after(text: str, end: int) -> tuple[str | None, str | None]:
    """(nationality, role) from "X, the Russian president" / "X, an adviser to Y"."""
    if not text.startswith(", ", end):
        return None, None
    words = _WORDS.findall(text, end + 2, min(len(text), end + 80))[:6]
    if not words or words[0].lower() not in {"a", "an", "the"}:
        return None, None
    nation = None
    for i in range(1, min(len(words), 5)):
        nation = nation or _nation(words[i])
        n = _longest_role(words[i:])
        if n:
            return nation, " ".join(words[i:i + n]).lower().rstrip(".")
    return None, None


def _note_role(c: _Cluster, text: str, start: int, end: int) -> None:
    """Record nationality and role from "Russian President X" or "X, the Russian president"."""
    for nation, role in (_role_before(text, start), _role_after(text, end)):
        c.role = c.role or role
        c.nationality = c.nationality or nation


def _role_at(m: re.Match[str]) -> tuple[str, str, int] | None:
    """(nationality, role, end) when a :data:`_ROLE_MENTION` match is a real role mention."""
    nation = _nation(m.group("dem") or m.group("cty"))
    if not nation:
        return None
    words = m.group("role").split()
    n = _longest_role(words)
    if not n:
        return None
    role = " ".join(words[:n])
    return nation, role, m.start("role") + len(role)


def _attach_roles(text: str, people: list[_Cluster]) -> None:
    """Join "the Russian president" / "China's president" to the person they fit best."""
    if not people:
        return
    taken = sorted((m.start, m.end) for c in people for m in c.mentions)
    taken_starts = [s for s, _ in taken]
    starts = {id(c): sorted(m.start for m in c.mentions) for c in people}
    for m in _ROLE_MENTION.finditer(text):
        found = _role_at(m)
        if found is None:
            continue
        nation, role, end = found
        i = bisect.bisect_right(taken_starts, m.start()) - 1
        if i >= 0 and taken[i][1] > m.start():
            continue  # inside a name
        best: tuple[float, int, _Cluster] | None = None
        for c in people:
            seen = starts[id(c)]
            j = bisect.bisect_left(seen, m.start())
            if j == 0:
                continue
            if c.nationality and c.nationality != nation:
                continue
            score = (2 if c.nationality == nation else 0) + (
                2 if c.role == role else (-1 if c.role else 0)
            )
            cand = (score, seen[j - 1], c)
            if best is None or cand[:2] > best[:2]:
                best = cand
        if best is not None and best[0] >= 0:
            c = best[2]
            c.add(Span(m.start(), end, text[m.start():end]), None, None)
            c.nationality = c.nationality or nation
            c.role = c.role or role


def _org_key(name: str) -> str:
    """A name's key without a trailing company form: "Acme Foods Inc." joins "Acme Foods"."""
    words = name.lower().replace(",", " ").split()
    suffixes = lexicon().legal_suffixes
    while len(words) > 1 and words[-1].rstrip(".") in suffixes:
        words.pop()
    return " ".join(words)


def _absorb(clusters: dict[str, _Cluster], key: str, target: str) -> None:
    """Move every mention of ``clusters[key]`` into ``clusters[target]``."""
    src, dst = clusters.pop(key), clusters[target]
    for m in src.mentions:
        dst.add(m, None, None)
    dst.labels.update(src.labels)
    for form in src.forms:
        dst.forms[form] += 0  # an alias, without outvoting the full name


def _majority(c: _Cluster) -> str | None:
    return c.labels.most_common(1)[0][0] if c.labels else None


def _merge_bracketed(text: str, names: Sequence[Entity], key_at: dict[int, str],
                     clusters: dict[str, _Cluster]) -> None:
    """"the Pan-Asian Forum (PAF)", "... Fire Protection (Cal Fire)": the bracketed name is an
    alias of the one before it."""
    ordered = sorted(names, key=lambda e: e.start)
    for long, short in itertools.pairwise(ordered):
        if text[long.end:short.start].strip() != "(" or text[short.end:short.end + 1] != ")":
            continue
        target, key = key_at.get(long.start), key_at.get(short.start)
        if target and key and key != target and key in clusters and target in clusters \
                and not key.startswith("country:"):
            _absorb(clusters, key, target)
            for start, k in key_at.items():
                if k == key:
                    key_at[start] = target


def _merge_short_names(clusters: dict[str, _Cluster]) -> None:
    """A one-word organisation name joins the one longer organisation name that starts or ends
    with it ("Acme" -> "Acme Foods", "Rovers" -> "Bristol Rovers"); places stay places."""
    by_word: dict[str, list[str]] = defaultdict(list)
    for key, c in clusters.items():
        words = key.removeprefix("name:").split()
        if key.startswith("name:") and len(words) >= 2 and _majority(c) == "ORG":
            for w in {words[0], words[-1]} - _STOP_INITIALS:
                by_word[w].append(key)
    for key in list(clusters):
        word = key.removeprefix("name:")
        if not key.startswith("name:") or " " in word or _majority(clusters[key]) != "ORG":
            continue
        targets = by_word.get(word, [])
        if len(targets) == 1 and targets[0] in clusters:
            _absorb(clusters, key, targets[0])


def _merge_acronyms(clusters: dict[str, _Cluster]) -> None:
    """An all-capitals name joins the organisation (or place) whose initials it spells."""
    initials: dict[str, str] = {}
    for key, _c in clusters.items():
        words = key.removeprefix("name:").split()
        if key.startswith("name:") and len(words) >= 2:
            letters = "".join(w[0] for w in words if w not in _STOP_INITIALS)
            initials.setdefault(letters, key)
    for key in list(clusters):
        name = key.removeprefix("name:")
        if not key.startswith("name:") or " " in name or not 2 <= len(name) <= 6:
            continue
        form = clusters[key].forms.most_common(1)[0][0] if clusters[key].forms else ""
        target = initials.get(name)
        if form.isupper() and target and target != key:
            _absorb(clusters, key, target)


def _finish(clusters: dict[str, _Cluster]) -> list[Actor]:
    """Turn clusters into actors with stable ids (order of first mention) and metonym links."""
    lex = lexicon()
    ordered = sorted((c for c in clusters.values() if c.mentions), key=lambda c: c.first)
    actors: list[Actor] = []
    by_country: dict[str, Actor] = {}
    for i, c in enumerate(ordered, start=1):
        label = c.labels.most_common(1)[0][0] if c.labels else "PERSON"
        by_length = sorted(c.forms.items(), key=lambda kv: (-len(kv[0].split()), -kv[1]))
        forms = [f for f, _ in by_length]
        name = forms[0] if forms else _clean(c.mentions[0].text)
        aliases = _unique(
            [f for f in forms[1:]]
            + [_clean(m.text) for m in sorted(c.mentions, key=lambda m: m.start)],
            exclude=name,
        )
        actor = Actor(
            id=f"a{i}",
            name=name,
            kind=KIND_OF_LABEL.get(label, "group"),
            aliases=aliases,
            mentions=sorted(c.mentions, key=lambda m: (m.start, m.end)),
        )
        actors.append(actor)
        if c.key.startswith("country:"):
            by_country[name.lower()] = actor
    for actor in actors:
        country = lex.metonyms.get(actor.name.lower())
        target = by_country.get(country.lower()) if country else None
        if target is not None and target is not actor:
            actor.refers_to = target.id
    return actors


def _unique(items: Iterable[str], exclude: str) -> list[str]:
    """Distinct aliases, case-insensitively, in first-seen order, without the name itself."""
    seen = {exclude.lower()}
    out: list[str] = []
    for item in items:
        if item and item.lower() not in seen:
            seen.add(item.lower())
            out.append(item)
    return out


def update_salience(actors: list[Actor], claims: Sequence[Claim], text_len: int) -> None:
    """Score and sort ``actors`` in place: mentions, an early first mention, and being quoted.

    Scores are scaled so the most salient actor has 1.0.
    """
    if not actors:
        return
    quoted = Counter(c.speaker for c in claims if c.speaker)
    length = max(text_len, 1)
    raw: dict[str, float] = {}
    for a in actors:
        first = a.mentions[0].start if a.mentions else length
        raw[a.id] = len(a.mentions) + 2.0 * quoted[a.id] + 2.0 * (1.0 - first / length)
    top = max(raw.values()) or 1.0
    for a in actors:
        a.salience = round(raw[a.id] / top, 4)
    actors.sort(key=lambda a: (-a.salience, a.mentions[0].start if a.mentions else 0))


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
        """The actor with a mention overlapping ``[start, end)``, if any (the first such)."""
        i = bisect.bisect_left(self._starts, end)
        for s, e, actor in self._spans[max(0, i - 16):i]:
            if s < end and e > start:
                return actor
        return None

    def last_person_before(self, offset: int) -> Actor | None:
        """The person mentioned most recently before ``offset`` (for "he said").

        A binary search over the people's mentions by their end, so a long article with many
        pronoun speakers stays linear overall.
        """
        i = bisect.bisect_right(self._person_ends, offset)
        return self._person_at_end[i - 1] if i else None

    def by_name(self, name: str) -> Actor | None:
        """The actor called ``name``, or having it as an alias or (for people) a name part."""
        return self._names.get(_clean(name).lower())
