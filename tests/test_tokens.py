"""The shared tokenisation: the same facts as the ``Doc``'s own tokens, read once per ``Doc``."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from tui.analysis.tokens import sentence_starts, tokens_of

TEXTS = [
    "Mayor Ann Bell said: “We will rebuild.”  Then she left.\n\nA new line, Dr. Hale’s.",
    "  leading spaces and a trailing one ",
    "Ünïcödé names — Zoë Brandt and İlker Vale — met in Ærø.",
    "",
]


@pytest.fixture(scope="module")
def nlp() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


@pytest.mark.parametrize("text", TEXTS)
def test_tokens_match_the_doc(nlp: Language, text: str) -> None:
    doc = nlp(text)
    tk = tokens_of(doc)
    assert tk.text == doc.text == text
    assert tk.words == [t.text for t in doc]
    assert tk.idx == [t.idx for t in doc]
    assert tk.ends == [t.idx + len(t.text) for t in doc]
    assert tk.spaces == [bool(t.whitespace_) for t in doc]
    assert tk.n == len(doc)
    assert sentence_starts(doc) == [bool(t.is_sent_start) for t in doc]


def test_read_once_per_doc(nlp: Language) -> None:
    doc, other = nlp("One doc."), nlp("One doc.")
    assert tokens_of(doc) is tokens_of(doc)
    assert tokens_of(other) is not tokens_of(doc)


def test_retokenised_doc_is_read_again(nlp: Language) -> None:
    doc = nlp("New York is big.")
    assert tokens_of(doc).words[:2] == ["New", "York"]
    with doc.retokenize() as retok:
        retok.merge(doc[0:2])
    assert tokens_of(doc).words == ["New York", "is", "big", "."]


def test_merged_docs_have_their_own_tokens(nlp: Language) -> None:
    parts = [nlp("First part. "), nlp("Second part.")]
    for part in parts:
        tokens_of(part)
    merged = Doc.from_docs(parts, ensure_whitespace=False)
    assert tokens_of(merged).text == "First part. Second part."


def test_sentence_starts_are_read_fresh(nlp: Language) -> None:
    doc = spacy.blank("en")("No sentences set here. None at all.")
    assert sentence_starts(doc)[5] is False
    doc[5].is_sent_start = True
    assert sentence_starts(doc)[5] is True
    assert sentence_starts(doc) == [bool(t.is_sent_start) for t in doc]
