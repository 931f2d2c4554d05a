"""Claims with a dependency parse (hand-built ``Doc`` objects: no trained pipeline needed), and
the rule-based fallback on the same words without one."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc
from test_claims import check_invariants, make_actors, reported

from tui.analysis.actors import ActorIndex
from tui.analysis.claims import extract_claims
from tui.analysis.model import Claim


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def _doc(nlp, words: list[str], heads: list[int] | None, deps: list[str] | None) -> Doc:
    spaces = [i + 1 < len(words) and words[i + 1] not in (".", ",") for i in range(len(words))]
    if heads is None:
        return nlp(Doc(nlp.vocab, words=words, spaces=spaces))  # sentencizer only
    return Doc(nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps)


def _claims(doc: Doc, spec: dict[str, tuple[str, list[str]]]) -> tuple[list[Claim], dict[str, str]]:
    actors = make_actors(doc.text, spec)
    claims = extract_claims(doc, ActorIndex(actors))
    check_invariants(doc.text, claims)
    return claims, {a.id: a.name for a in actors}


CRITICS = (
    ["Critics", "of", "Mayor", "Ana", "Ruiz", "said", "the", "plan", "would", "fail", "."],
    [5, 0, 4, 4, 1, 5, 7, 9, 9, 5, 5],
    ["nsubj", "prep", "compound", "compound", "pobj", "ROOT", "det", "nsubj", "aux", "ccomp", "punct"],
)


def test_parse_chooses_the_cue_verbs_subject(nlp) -> None:
    words, heads, deps = CRITICS
    (r,) = reported(_claims(_doc(nlp, words, heads, deps), {})[0])
    assert r.speaker_text == "Critics"
    (r,) = reported(_claims(_doc(nlp, words, None, None), {})[0])
    assert r.speaker_text == "Ana Ruiz"  # the rules alone take the name before the verb


PRONOUN = (
    ["Ana", "Ruiz", "said", "the", "talks", "had", "failed", ".",
     "Lena", "Varga", "was", "absent", ".",
     "She", "added", "that", "the", "deal", "was", "dead", "."],
    [1, 2, 2, 4, 6, 6, 2, 2,
     9, 10, 10, 10, 10,
     14, 14, 18, 17, 18, 14, 18, 14],
    ["compound", "nsubj", "ROOT", "det", "nsubj", "aux", "ccomp", "punct",
     "compound", "nsubj", "ROOT", "acomp", "punct",
     "nsubj", "ROOT", "mark", "det", "nsubj", "ccomp", "acomp", "punct"],
)


def test_parse_resolves_a_pronoun_to_the_last_speaker(nlp) -> None:
    words, heads, deps = PRONOUN
    spec = {"Ana Ruiz": ("person", []), "Lena Varga": ("person", [])}
    claims, names = _claims(_doc(nlp, words, heads, deps), spec)
    she = next(c for c in reported(claims) if c.speaker_text == "She")
    assert names[she.speaker] == "Ana Ruiz"
    claims, names = _claims(_doc(nlp, words, None, None), spec)
    she = next(c for c in reported(claims) if c.speaker_text == "She")
    assert names[she.speaker] == "Lena Varga"  # the rules: the first person of the sentence before


CLAUSE = (
    ["She", "said", "the", "plant", "would", "close", ",", "before", "leaving", "for", "the",
     "airport", "."],
    [1, 1, 3, 5, 5, 1, 1, 1, 7, 8, 11, 9, 1],
    ["nsubj", "ROOT", "det", "nsubj", "aux", "ccomp", "punct", "prep", "pcomp", "prep", "det",
     "pobj", "punct"],
)


def test_parse_ends_reported_content_at_its_clause(nlp) -> None:
    words, heads, deps = CLAUSE
    claims, _ = _claims(_doc(nlp, words, heads, deps), {})
    assert [(r.speaker_text, r.text) for r in reported(claims)] == [("She", "the plant would close")]
    claims, _ = _claims(_doc(nlp, words, None, None), {})
    assert reported(claims)[0].text == "the plant would close, before leaving for the airport."
