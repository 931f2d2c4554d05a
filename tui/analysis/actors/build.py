"""Merging an article's names into actors (see the package docstring for the rules)."""

from __future__ import annotations

import itertools
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from tui.analysis.actors.cluster import Cluster
from tui.analysis.actors.names import WORD, clean, org_key, strip_descriptors
from tui.analysis.actors.repairs import repair_names
from tui.analysis.actors.roles import attach_roles, note_role
from tui.analysis.lexicon import gazetteer, lexicon
from tui.analysis.model import Actor, ActorKind, Entity, Span

KIND_OF_LABEL: dict[str, ActorKind] = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "group",
}
_STOP_INITIALS = frozenset({"of", "the", "and", "for", "on", "in", "de", "&", "at"})
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_LOCATIVES = frozenset({"in", "at", "from", "to", "near", "into", "outside", "inside", "across",
                        "toward", "towards", "via", "around", "of"})


def build_actors(doc: Doc, names: Sequence[Entity]) -> list[Actor]:
    """Merge the named entities of ``doc`` into actors, ids in order of first mention."""
    text = doc.text
    lex = lexicon()
    names = repair_names(text, names)
    persons: list[tuple[Entity, list[str]]] = []
    clusters: dict[str, Cluster] = {}

    def cluster(key: str) -> Cluster:
        if key not in clusters:
            clusters[key] = Cluster(key)
        return clusters[key]

    # Pass 1: everything but people, whose single words need all full names first.
    key_at: dict[int, str] = {}
    label_of: dict[str, Counter[str]] = defaultdict(Counter)
    name_parts: set[str] = set()  # words of full names: "Keller" tagged a person stays one
    for ent in names:
        if ent.label in KIND_OF_LABEL:
            label_of[clean(ent.text).lower()][ent.label] += 1
        if ent.label == "PERSON" and " " in clean(ent.text):
            name_parts.update(w.lower() for w in WORD.findall(clean(ent.text)))
    for ent in names:
        name = clean(ent.text)
        if not name or not any(ch.isalpha() for ch in name):
            continue
        votes = label_of.get(name.lower())
        part = name.lower() in name_parts
        label = "PERSON" if part and ent.label == "PERSON" else (
            _vote(votes, part) if votes else ent.label)
        if label not in KIND_OF_LABEL:
            continue
        span = Span(ent.start, ent.end, ent.text)
        if label == "PERSON":
            words = strip_descriptors(WORD.findall(name))
            if words:
                persons.append((ent, words))
            continue
        if name.lower() in lex.group_names:
            label = "NORP"  # "the West"
        elif label == "NORP" and not _is_group_noun(name):
            continue
        country = lex.countries.get(name.lower())
        key = f"country:{country.lower()}" if country else f"name:{org_key(name)}"
        cluster(key).add(span, label, country or name)
        key_at[ent.start] = key

    # Pass 2: people. Full names first, then single words joining the name that contains them.
    full: dict[str, Cluster] = {}
    for _ent, words in persons:
        if len(words) >= 2:
            key = "person:" + " ".join(w.lower() for w in words)
            full[key] = cluster(key)
    by_word: dict[str, list[Cluster]] = defaultdict(list)
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
        note_role(c, text, ent.start, ent.end)

    _merge_bracketed(text, names, key_at, clusters)
    for step in MERGES:
        step.apply(text, clusters)
    attach_roles(text, [c for c in clusters.values() if c.key.startswith("person:")])
    return _finish(clusters)


def _vote(votes: Counter[str], name_part: bool = False) -> str:
    """The label most mentions of a name have; on a tie, the more specific (ORG before a place,
    a place before PERSON: "CAIR" tagged once ORG and once GPE is an organisation), except for
    a word of a person's full name, where PERSON comes first ("Keller" after "Maria Keller")."""
    order = ("PERSON",) * name_part + ("ORG", "GPE", "LOC", "FAC", "PERSON", "NORP")
    return max(votes, key=lambda lb: (votes[lb], -order.index(lb) if lb in order else -99))


def _is_group_noun(name: str) -> bool:
    """NORP mentions that name people ("Afghans", "Democrats"), not adjectives ("Russian")."""
    return name.endswith("s") and not name.endswith("ss")


def _pick(candidates: list[Cluster], offset: int) -> Cluster | None:
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


def _absorb(clusters: dict[str, Cluster], key: str, target: str) -> None:
    """Move every mention of ``clusters[key]`` into ``clusters[target]``; the alias neither
    outvotes the full name's form nor changes its kind."""
    src, dst = clusters.pop(key), clusters[target]
    for m in src.mentions:
        dst.add(m, None, None)
    if not dst.labels:
        dst.labels.update(src.labels)
    for form in src.forms:
        dst.forms[form] += 0


def _majority(c: Cluster) -> str | None:
    return c.labels.most_common(1)[0][0] if c.labels else None


def _merge_bracketed(text: str, names: Sequence[Entity], key_at: dict[int, str],
                     clusters: dict[str, Cluster]) -> None:
    """"the Pan-Asian Forum (PAF)", "... Fire Protection (Cal Fire)": the bracketed name is an
    alias of the one before it."""
    moved: dict[str, str] = {}

    def now(key: str | None) -> str | None:
        while key in moved:
            key = moved[key]
        return key

    for long, short in itertools.pairwise(names):
        if text[long.end:short.start].strip() != "(" or text[short.end:short.end + 1] != ")":
            continue
        target, key = now(key_at.get(long.start)), now(key_at.get(short.start))
        if target and key and key != target and key in clusters and target in clusters \
                and not key.startswith("country:"):
            _absorb(clusters, key, target)
            moved[key] = target


def _words_of(key: str) -> list[str]:
    return key.removeprefix("name:").split()


def _merge_short_names(text: str, clusters: dict[str, Cluster]) -> None:
    """An organisation's name joins the one longer organisation name that starts or ends with
    it, or does after a country: "Acme" -> "Acme Foods", "Rovers" -> "Bristol Rovers", "New
    People" -> "New People Party", "State Department" -> "US State Department", "Supreme Court"
    -> "Italian Supreme Court of Cassation"; places stay places."""
    orgs = [k for k, c in clusters.items() if k.startswith("name:") and _majority(c) == "ORG"]
    by_edge: dict[tuple[str, ...], set[str]] = defaultdict(set)
    lex = lexicon()
    for key in orgs:
        words = _words_of(key)
        if len(words) > 2 and (words[0] in lex.demonyms or words[0] in lex.countries):
            words = words[1:]  # "Italian Supreme Court of Cassation": also "Supreme Court"
            by_edge[tuple(words)].add(key)
        for n in range(1, len(words)):
            for part in (tuple(words[:n]), tuple(words[-n:])):
                if part[0] not in _STOP_INITIALS and part[-1] not in _STOP_INITIALS:
                    by_edge[part].add(key)
    # Longest first, so "Acme" meets "Acme Foods Group" once "Acme Foods" has joined it.
    for key in sorted(orgs, key=lambda k: -len(_words_of(k))):
        targets = [t for t in by_edge.get(tuple(_words_of(key)), ()) if t in clusters and t != key]
        if len(targets) == 1:
            _absorb(clusters, key, targets[0])


def _merge_acronyms(text: str, clusters: dict[str, Cluster]) -> None:
    """An all-capitals name ("WHO", "U.N.") joins the organisation (or place) whose initials it
    spells (a hyphen parts words: "American-Islamic" gives "AI")."""
    initials: dict[str, str] = {}
    for key, _c in clusters.items():
        words = key.removeprefix("name:").replace("-", " ").split()
        if key.startswith("name:") and len(words) >= 2:
            letters = "".join(w[0] for w in words if w not in _STOP_INITIALS)
            initials.setdefault(letters, key)
    for key in list(clusters):
        name = key.removeprefix("name:").replace(".", "")
        if not key.startswith("name:") or " " in name or not 2 <= len(name) <= 6:
            continue
        form = clusters[key].forms.most_common(1)[0][0] if clusters[key].forms else ""
        target = initials.get(name)
        if form.isupper() and target and target != key:
            _absorb(clusters, key, target)


def _merge_place_short_forms(text: str, clusters: dict[str, Cluster]) -> None:
    """ "Harlow Logistics Inc. ... Harlow said": a one-word place that is no known country,
    state or capital, spelling the first word of an organisation named before it, is that
    organisation where it acts like one (says, has a chief executive, has shares) or at least
    no locative word ("in", "from") makes it a place."""
    gaz, lex = gazetteer(), lexicon()
    firsts: dict[str, list[str]] = defaultdict(list)
    for key, c in clusters.items():
        words = _words_of(key)
        if key.startswith("name:") and len(words) >= 2 and _majority(c) == "ORG":
            firsts[words[0]].append(key)
    for key in list(clusters):
        c = clusters[key]
        word = key.removeprefix("name:")
        targets = firsts.get(word, [])
        if not key.startswith("name:") or " " in word or len(targets) != 1 \
                or _majority(c) not in _PLACE_LABELS:
            continue
        form = c.forms.most_common(1)[0][0] if c.forms else ""
        if gaz.places.get(form, "city") != "city" or form.lower() in lex.countries:
            continue
        target = clusters[targets[0]]
        moved = [m for m in c.mentions if m.start > target.first and (
            _acts(text, m.start, m.end) or not _after_locative(text, m.start))]
        for m in moved:
            c.mentions.remove(m)
            target.add(m, None, None)
        if not c.mentions:
            del clusters[key]


def _merge_surnames_taken_for_places(text: str, clusters: dict[str, Cluster]) -> None:
    """ "Keller to step down" (a headline) before "Maria Keller": a one-word place that is no
    known country, state or capital, named before the one person of that surname in the
    article, is that person where no locative word ("in", "from") makes it a place. (After the
    full name the name-finder has already weighed the context: "Lincoln, Nebraska".)"""
    gaz, lex = gazetteer(), lexicon()
    surnames: dict[str, list[Cluster]] = defaultdict(list)
    for key, c in clusters.items():
        words = key.removeprefix("person:").split()
        if key.startswith("person:") and len(words) >= 2:
            surnames[words[-1]].append(c)
    for key in list(clusters):
        c = clusters[key]
        word = key.removeprefix("name:")
        people = surnames.get(word, [])
        if not key.startswith("name:") or len(people) != 1 or _majority(c) not in _PLACE_LABELS:
            continue
        form = c.forms.most_common(1)[0][0] if c.forms else ""
        if gaz.places.get(form, "city") != "city" or form.lower() in lex.countries:
            continue
        person = people[0]
        moved = [m for m in c.mentions
                 if m.start < person.first and not _after_locative(text, m.start)]
        for m in moved:
            c.mentions.remove(m)
            person.add(m, None, None)
        if not c.mentions:
            del clusters[key]


def _after_locative(text: str, start: int) -> bool:
    """Whether a locative preposition comes right before ``start`` ("in X", "from the X")."""
    words = text[max(0, start - 20):start].lower().split()[-2:]
    return bool(words) and (words[-1] in _LOCATIVES or (words[-1] == "the" and len(words) == 2
                                                        and words[0] in _LOCATIVES))


def _acts(text: str, start: int, end: int) -> bool:
    """Whether the words around a name make it act like a company: "X said", "X's chief
    executive", "shares of X"."""
    lex = lexicon()
    after = text[end:end + 30]
    if after[:2] in ("'s", "’s"):
        return True
    word = after.split(maxsplit=1)[0].strip(",.;:").lower() if after.strip() else ""
    before = " ".join(text[max(0, start - 30):start].lower().split()[-2:])
    return word in lex.reporting_verbs or before in lex.org_cues_before


def _drop_lone_heads(text: str, clusters: dict[str, Cluster]) -> None:
    """A generic noun left alone ("State", "Party", "the Council", with no council named in full
    to join) names no actor."""
    heads = lexicon().org_nouns | {w.lower() for w in gazetteer().rules["gpe_heads"]}
    for key in list(clusters):
        word = key.removeprefix("name:")
        if key.startswith("name:") and " " not in word and word in heads:
            del clusters[key]


@dataclass(frozen=True, slots=True)
class Merge:
    """One named merging step over the article's clusters, with an example."""

    name: str
    example: str
    apply: Callable[[str, dict[str, Cluster]], None]


MERGES: tuple[Merge, ...] = (
    Merge("acronyms", '"WHO" joins "World Health Organization"', _merge_acronyms),
    Merge("short names", '"Harlow" joins "Harlow Logistics Inc."', _merge_short_names),
    Merge("place-like short forms", '"Harlow said" (tagged a place) joins "Harlow Logistics"',
          _merge_place_short_forms),
    Merge("surnames taken for places", '"Keller to step down" joins "Maria Keller"',
          _merge_surnames_taken_for_places),
    Merge("lone generic nouns", '"Party" alone is dropped', _drop_lone_heads),
)
"""The merges after the bracketed aliases, in order (the people's names are merged before)."""


def _finish(clusters: dict[str, Cluster]) -> list[Actor]:
    """Turn clusters into actors with stable ids (order of first mention) and metonym links."""
    lex = lexicon()
    ordered = sorted((c for c in clusters.values() if c.mentions), key=lambda c: c.first)
    actors: list[Actor] = []
    by_country: dict[str, Actor] = {}
    for i, c in enumerate(ordered, start=1):
        label = c.labels.most_common(1)[0][0] if c.labels else "PERSON"
        by_length = sorted(c.forms.items(), key=lambda kv: (-len(kv[0].split()), -kv[1]))
        forms = [f for f, _ in by_length]
        name = forms[0] if forms else clean(c.mentions[0].text)
        aliases = _unique(
            [f for f in forms[1:]]
            + [clean(m.text) for m in sorted(c.mentions, key=lambda m: m.start)],
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
