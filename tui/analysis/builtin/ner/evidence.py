"""What the document itself says a name is: the words around its mentions.

A company is often named by one word or by its founders ("Harlow", "Pell Brothers"), which name
lists take for a town or a person; the article gives it away: "shares of Harlow", "Harlow's chief
executive", "Harlow said it would ...". And "Varnek said he ..." is a person. Evidence found at
any mention holds for every mention of the same words.
"""

from __future__ import annotations

from dataclasses import dataclass

from tui.analysis.builtin.ner.tables import CITY
from tui.analysis.builtin.ner.view import Found, View

OPEN_LABELS = frozenset({"", "ORG", "PERSON", CITY, "PRODUCT"})
"""Labels evidence may change (a country stays a country: "Norway said it would ...")."""
POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
SENTENCE_END = frozenset({".", "!", "?", ";", ":", '"', "“", "”"})
MAX_PRONOUN_GAP = 5
"""How many words after "X said" the pronoun may come: "X said on Monday that it ..."."""


@dataclass(slots=True)
class Votes:
    """Evidence for one name across the document."""

    org_sure: int = 0
    """Cues only an organisation has: "shares of X", "X's chief executive"."""
    org: int = 0
    """ "X said it ...": an organisation, unless X is surely a person ("it" may be "it was")."""
    person: int = 0
    """ "X said he ..."."""


def _after(v: View, k: int, count: int) -> list[str]:
    out: list[str] = []
    while k < v.n and len(out) < count:
        if not v.words[k].isspace():
            out.append(v.words[k])
        k += 1
    return out


def _before(v: View, k: int, count: int) -> list[str]:
    out: list[str] = []
    k -= 1
    while k >= 0 and len(out) < count:
        if not v.words[k].isspace():
            out.append(v.words[k].lower())
        k -= 1
    return out[::-1]


def _open(v: View, f: Found) -> bool:
    """Whether evidence may relabel ``f`` (not a name after a title: "Dr Varnek's staff")."""
    if f.label not in OPEN_LABELS:
        return False
    return not (f.strong and f.label == "PERSON"
                and v.prev_word(f.start).lower().rstrip(".") in v.t.titles)


def _evidence(v: View, f: Found, verbs: frozenset[str]) -> Votes:
    """The cues around one mention: "shares of X", "X shares rose", "X's chief executive",
    "X said it/he"."""
    t = v.t
    votes = Votes()
    before = _before(v, f.start, t.max_cue_words + 1)
    if before and before[-1] == "the":
        before.pop()
    if any(tuple(before[-n:]) in t.org_cues_before for n in range(1, len(before) + 1)):
        votes.org_sure += 1
    after = _after(v, f.end, MAX_PRONOUN_GAP + 2)
    if len(after) > 1 and after[0] in ("shares", "stock") and after[1] in t.share_moves:
        votes.org_sure += 1  # "Harlow shares rose"
    if after and after[0] in POSSESSIVES:
        rest = tuple(w.lower() for w in after[1:1 + t.max_cue_words])
        if any(rest[:n] in t.org_possessions for n in range(1, len(rest) + 1)):
            votes.org_sure += 1
        return votes
    if after and after[0].lower() in verbs:
        for w in after[1:]:
            if w in SENTENCE_END:
                break
            low = w.lower()
            if low in t.org_pronouns:
                votes.org += 1
                break
            if low in t.person_pronouns:
                votes.person += 1
                break
    return votes


def document_evidence(v: View, found: list[Found]) -> list[Found]:
    """Names take the kind their mentions' surroundings show: "Harlow said it would cut jobs"
    and "shares of Harlow" make the town name a company (ORG); "Quill Stanley said he ..." keeps
    a person a person, and "Varnek said he ..." makes a guessed company one (PERSON)."""
    verbs = (v.t.subject_verbs | v.t.person_cues) - {"who"}
    votes: dict[str, Votes] = {}
    for f in found:
        if not _open(v, f):
            continue
        e = _evidence(v, f, verbs)
        if e.org_sure or e.org or e.person:
            total = votes.setdefault(v.span_text(f.start, f.end), Votes())
            total.org_sure += e.org_sure
            total.org += e.org
            total.person += e.person
    if not votes:
        return found
    for f in found:
        vote = votes.get(v.span_text(f.start, f.end))
        if vote is None or not _open(v, f):
            continue
        if vote.person > vote.org_sure + vote.org:
            if not f.strong or f.label == "PERSON":
                f.label, f.strong = "PERSON", True
        elif vote.org_sure or (vote.org > vote.person and not (f.strong and f.label == "PERSON")):
            f.label, f.strong = "ORG", True
    return found


def party_names(v: View, found: list[Found]) -> list[Found]:
    """ "the Communists" is a party and "the House" a house of parliament (ORG); "Communists"
    without the article are a party's members, and "House" a word."""
    for f in found:
        if f.label in ("NORP", "") and v.span_text(f.start, f.end) in v.t.orgs_after_the \
                and v.prev_word(f.start).lower() == "the":
            f.label, f.strong = "ORG", True
    return found


def company_short_forms(v: View, found: list[Found]) -> list[Found]:
    """After a company's full name ("Harlow Logistics Inc.", "Brevik Motors"), its first word
    alone is the company, even when it is also a town or a person's name ("Harlow said ...").
    A country stays a country ("Texas" after "Texas Widgets Inc.")."""
    stems: dict[str, int] = {}
    for f in found:
        if f.label == "ORG" and f.end - f.start >= 2 and f.strong \
                and v.words[f.end - 1] in v.t.company_heads:
            first = v.words[f.start]
            if first[:1].isupper() and first.lower() not in v.t.function_words:
                stems.setdefault(first, f.start)
    if not stems:
        return found
    people = {w for f in found if f.label == "PERSON" and f.end - f.start >= 2
              for w in v.words[f.start:f.end]}
    for f in found:
        text = v.words[f.start]
        if f.end - f.start == 1 and stems.get(text, v.n) < f.start and text not in people \
                and (f.label in ("", CITY, "PRODUCT") or not f.strong):
            f.label, f.strong = "ORG", True
    return found
