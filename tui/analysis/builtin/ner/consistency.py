"""Whole-document consistency: a name keeps the label its surest mention has.

Weak guesses take the label that strong mentions of the same words have; a given name or surname
alone is PERSON after a full PERSON; "the Church" is ORG after "the Church of X"; a word seen both
singular and plural ("Fotomatix", "Fotomatixes") is not an ORG.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from tui.analysis.builtin.ner.tables import CITY
from tui.analysis.builtin.ner.view import HYPHENS, Found, View
from tui.analysis.lexicon import lexicon


def consistent(v: View, found: list[Found]) -> list[Found]:
    """Give weak guesses the labels that surer mentions of the same words have."""
    parts = person_parts(v, found)
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    org_heads: set[str] = set()
    org_stems: set[str] = set()
    for f in found:
        if f.strong and f.label:
            votes[v.span_text(f.start, f.end)][f.label] += 1
            if f.label == "ORG" and f.end - f.start >= 2:
                head = v.head(f.start, f.end)
                org_heads.add(v.words[head])
                if head == f.end - 1 and v.match(f.start, head)[0] == f.start:
                    org_stems.add(v.span_text(f.start, head))
    seen = Counter(v.span_text(f.start, f.end) for f in found)
    countries = lexicon().countries
    out: list[Found] = []
    for f in split_pairs(v, found, parts):
        text = v.span_text(f.start, f.end)
        if not f.strong:
            caps = [w for w in v.words[f.start:f.end] if w[:1].isupper()]
            if text in votes:
                f.label = votes[text].most_common(1)[0][0]
            elif caps and all(w in parts for w in caps):
                f.label = "PERSON"
            elif text in org_heads and not v.initial[f.start]:
                f.label = "ORG"  # "the Church" after "the Church of Vendrell"
            elif text in org_stems:
                f.label = "ORG"  # "Brantwick" after "Brantwick Corporation"
            elif f.fallback and seen[text] >= 2:
                f.label = f.fallback  # an unknown name that recurs
            if f.label == "ORG" and f.end - f.start == 1 and any(
                    seen[form] for form in _number_forms(text)):
                f.label = ""  # "Fotomatix" and "Fotomatixes": a count noun, not a company
        elif f.end - f.start == 1 and f.label in (CITY, "GPE", "LOC") \
                and parts.get(text, v.n) < f.start and text.lower() not in countries:
            f.label = "PERSON"  # "Paris" after "Anna Paris": her surname, not the city
        out.append(f)
    return out

def person_parts(v: View, found: list[Found]) -> dict[str, int]:
    """Words of full PERSON names -> where the first such name starts.

    Sure names (title, given name) count first; a guessed name that starts with a word of a
    sure one is cut to that word ("Berg Fotomatixes" after "Anna Berg" is Berg's).
    """
    words, common = v.words, v.t.common
    parts: dict[str, int] = {}

    def add(f: Found) -> None:
        for w in words[f.start:f.end]:
            if w[:1].isupper() and w.lower() not in common:
                parts.setdefault(w, f.start)

    people = [f for f in found if f.label == "PERSON" and f.end - f.start >= 2]
    for f in people:
        if f.strong:
            add(f)
    sure = dict(parts)
    sure_names = [v.span_text(f.start, f.end) for f in people if f.strong]
    for f in people:
        if f.strong:
            continue
        text = v.span_text(f.start, f.end)
        if any(text in name for name in sure_names):
            continue
        if words[f.start] in sure and not (
                f.end - f.start == 3 and words[f.start + 1] in HYPHENS):
            f.end = f.start + 1
            continue
        add(f)
    return parts

def split_pairs(v: View, found: list[Found], parts: dict[str, int]) -> list[Found]:
    """Cut "Berg-Lind" into two people when both halves are known people of the document."""
    out: list[Found] = []
    words = v.words
    people = {v.span_text(f.start, f.end) for f in found if f.label == "PERSON"}
    for f in found:
        text = v.span_text(f.start, f.end)
        if f.label == "PERSON" and f.end - f.start == 3 and words[f.start + 1] in HYPHENS \
                and words[f.start] in parts and words[f.start + 2] in parts \
                and not any(text in p for p in people - {text}):
            out.append(Found(f.start, f.start + 1, "PERSON", True))
            out.append(Found(f.end - 1, f.end, "PERSON", True))
        else:
            out.append(f)
    return out


def _number_forms(word: str) -> tuple[str, ...]:
    """The other grammatical number of ``word``: "Fotomatix" <-> "Fotomatixes", "Boxes" -> "Box"."""
    forms = [word + "s", word + "es"]
    if word.endswith("es"):
        forms.append(word[:-2])
    if word.endswith("s") and not word.endswith("ss"):
        forms.append(word[:-1])
    return tuple(forms)


def common_word_surnames(v: View, found: list[Found]) -> list[Found]:
    """A surname that is also a common word is that person after the full name, when written
    with a capital in mid-sentence or acting at a sentence start: "Sarah Rich ... Rich said"."""
    t = v.t
    first_seen: dict[str, int] = {}
    for f in found:
        last = v.words[f.end - 1]
        if f.label == "PERSON" and f.strong and f.end - f.start >= 2 and last.lower() in t.common \
                and last[:1].isupper() and last[1:].islower():
            first_seen.setdefault(last, f.start)
    if not first_seen:
        return found
    covered = bytearray(v.n)
    for f in found:
        covered[f.start:f.end] = b"\x01" * (f.end - f.start)
    cues = t.person_cues | t.subject_verbs
    added: list[Found] = []
    for i, w in enumerate(v.words):
        if w in first_seen and first_seen[w] < i and not covered[i] and (
                not v.initial[i] or v.next_word(i + 1) in cues):
            added.append(Found(i, i + 1, "PERSON", True))
    return sorted(found + added, key=lambda f: f.start) if added else found
