"""Name clean-up for any pipeline: spans as a trained NER gives them, set by hand on a blank
pipeline's tokens, cleaned by the built-in pipeline's rules (one fixture set per class of error)."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from tui.analysis.cleanup import clean_names


@pytest.fixture(scope="module")
def nlp() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def _doc(nlp: Language, text: str, ents: list[tuple[str, str]]) -> Doc:
    """``text`` with the entities ``(surface, label)`` set, found in order."""
    doc = nlp(text)
    spans = []
    pos = 0
    for surface, label in ents:
        start = text.index(surface, pos)
        pos = start + len(surface)
        span = doc.char_span(start, start + len(surface), label=label)
        assert span is not None, surface
        spans.append(span)
    doc.ents = spans
    return doc


def _clean(nlp: Language, text: str, ents: list[tuple[str, str]],
           cross_check: bool = True) -> list[tuple[str, str]]:
    return [(s.text, s.label_) for s in clean_names(_doc(nlp, text, ents), cross_check=cross_check)]


EDGES = [
    # a leading lower-case article
    ("Talks with the Kelmont Group ended.", [("the Kelmont Group", "ORG")], [("Kelmont Group", "ORG")]),
    ("He flew to the Varnsby Islands.", [("the Varnsby Islands", "LOC")], [("Varnsby Islands", "LOC")]),
    # a trailing possessive, straight or curly, singular or plural
    ("Maria Lopez's plan failed.", [("Maria Lopez's", "PERSON")], [("Maria Lopez", "PERSON")]),
    ("Tomas Berg’s office said no.", [("Tomas Berg’s", "PERSON")], [("Tomas Berg", "PERSON")]),
    ("The Kelmont Brothers' shop shut.", [("Kelmont Brothers'", "ORG")], [("Kelmont Brothers", "ORG")]),
    # whitespace and line breaks
    ("Maria Lopez\n\nThe mayor left.", [("Maria Lopez\n\nThe", "PERSON")], [("Maria Lopez", "PERSON")]),
    ("A note from Acme Corp\nyesterday.", [("Acme Corp\n", "ORG")], [("Acme Corp", "ORG")]),
    # punctuation at the edges, but not a bracket closed inside the name
    ("“Berg,” she said.", [("“Berg,", "PERSON")], [("Berg", "PERSON")]),
    ("Shares of Acme (UK) rose.", [("Acme (UK)", "ORG")], [("Acme (UK)", "ORG")]),
    # a hyphenated given name's lower-case half
    ("Chan Tai-man voted.", [("Chan Tai", "PERSON")], [("Chan Tai-man", "PERSON")]),
    ("The Berg-led team won.", [("Berg", "PERSON")], [("Berg", "PERSON")]),
    # an unclosed bracket, a score after a place, a role after an organisation
    ("The World Weather Office (WWO) met.", [("World Weather Office (WWO", "ORG")],
     [("World Weather Office", "ORG")]),
    ("Sweden 1 Panama 0, said the board.", [("Sweden 1", "ORG")], [("Sweden", "ORG")]),
    ("Nord Stream 1 was shut.", [("Nord Stream 1", "FAC")], [("Nord Stream 1", "FAC")]),
    ("The Kelmont Agency Spokesperson spoke.", [("Kelmont Agency Spokesperson", "ORG")],
     [("Kelmont Agency", "ORG")]),
    ("He joined the Office of the President.", [("Office of the President", "ORG")],
     [("Office of the President", "ORG")]),
    # a capitalised article: only where the gazetteer has the name with it
    ("The Hague hosted the talks.", [("The Hague", "GPE")], [("The Hague", "GPE")]),
    ("The Netherlands won.", [("The Netherlands", "GPE")], [("Netherlands", "GPE")]),
    ("The Kelmont Herald reported it.", [("The Kelmont Herald", "ORG")], [("Kelmont Herald", "ORG")]),
    ("She read The Quiet Orchard twice.", [("The Quiet Orchard", "WORK_OF_ART")],
     [("The Quiet Orchard", "WORK_OF_ART")]),
    # an ordinary word capitalised at the sentence start; a title
    ("Quoting Ruiz, the paper said so.", [("Quoting Ruiz", "PERSON")], [("Ruiz", "PERSON")]),
    ("Will Hale spoke first.", [("Will Hale", "PERSON")], [("Will Hale", "PERSON")]),
    ("PC Weekly said so.", [("PC Weekly", "ORG")], [("PC Weekly", "ORG")]),
    ("Senator Anna Berg spoke.", [("Senator Anna Berg", "PERSON")], [("Anna Berg", "PERSON")]),
    # several at once
    ("Aid reached “the Kelmont Group's” staff.", [("“the Kelmont Group's”", "ORG")],
     [("Kelmont Group", "ORG")]),
]


@pytest.mark.parametrize(("text", "ents", "expected"), EDGES, ids=[e[0][:30] for e in EDGES])
def test_edges_follow_the_builtin_rules(nlp: Language, text: str, ents: list[tuple[str, str]],
                                        expected: list[tuple[str, str]]) -> None:
    assert _clean(nlp, text, ents, cross_check=False) == expected


NOT_NAMES = [
    ("It cost 5 dollars on Monday.", [("5 dollars", "MONEY"), ("Monday", "DATE")]),
    ("Nord Stream 1 is shut.", [("1", "CARDINAL")]),
    ("The virus spread.", [("virus", "ORG")]),
    ("He met them on Monday.", [("Monday", "ORG")]),
    ("Grade B was given.", [("B", "ORG")]),
    ("It was the end.", [("the", "ORG")]),
]


@pytest.mark.parametrize(("text", "ents"), NOT_NAMES, ids=[e[0][:30] for e in NOT_NAMES])
def test_numbers_and_non_names_are_dropped(nlp: Language, text: str,
                                           ents: list[tuple[str, str]]) -> None:
    assert _clean(nlp, text, ents) == []


LABELS = [
    # a dotted acronym is no place unless the gazetteer has it as one
    ("Agents of the F.B.I. left.", [("F.B.I.", "GPE")], [("F.B.I.", "ORG")]),
    ("He left the U.S. yesterday.", [("U.S.", "GPE")], [("U.S.", "GPE")]),
    # a surname alone is the person named in full elsewhere
    ("Maria Lopez arrived. Later Lopez left.", [("Maria Lopez", "PERSON"), ("Lopez", "ORG")],
     [("Maria Lopez", "PERSON"), ("Lopez", "PERSON")]),
    # ... and one the model missed is found
    ("Maria Lopez arrived. Later Lopez left.", [("Maria Lopez", "PERSON")],
     [("Maria Lopez", "PERSON"), ("Lopez", "PERSON")]),
    # a common word alone is no person; a given name or a person's surname is
    ("Volunteer teams helped.", [("Volunteer", "PERSON")], []),
    ("Grant said no.", [("Grant", "PERSON")], [("Grant", "PERSON")]),
    ("Ada Stone won. Stone smiled.", [("Ada Stone", "PERSON"), ("Stone", "PERSON")],
     [("Ada Stone", "PERSON"), ("Stone", "PERSON")]),
    # a name the built-in recogniser is sure of (gazetteer) keeps its label
    ("Officials in Georgia said so.", [("Georgia", "PERSON")], [("Georgia", "GPE")]),
    # one label per name: the majority
    ("Kelmont rose. Then Kelmont fell. And Kelmont won.",
     [("Kelmont", "ORG"), ("Kelmont", "ORG"), ("Kelmont", "GPE")],
     [("Kelmont", "ORG"), ("Kelmont", "ORG"), ("Kelmont", "ORG")]),
    # a name inside a longer one the built-in recogniser is sure of takes its extent
    ("Talks in North Korea ended.", [("Korea", "GPE")], [("North Korea", "GPE")]),
    # a known name the model missed is added
    ("Talks in Germany and with Kelmont ended.", [("Kelmont", "ORG")],
     [("Germany", "GPE"), ("Kelmont", "ORG")]),
]


@pytest.mark.parametrize(("text", "ents", "expected"), LABELS, ids=[e[0][:30] for e in LABELS])
def test_labels_are_checked(nlp: Language, text: str, ents: list[tuple[str, str]],
                            expected: list[tuple[str, str]]) -> None:
    assert _clean(nlp, text, ents) == expected


def test_without_cross_check_labels_stay(nlp: Language) -> None:
    assert _clean(nlp, "Agents of the F.B.I. left.", [("F.B.I.", "GPE")],
                  cross_check=False) == [("F.B.I.", "GPE")]


def test_component_factories_are_declared_as_entry_points() -> None:
    """``nlp.add_pipe("newsreader")`` works without importing tui once the package is installed."""
    import importlib
    import tomllib

    root = Path(__file__).resolve().parents[1]
    declared = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    factories = declared["project"]["entry-points"]["spacy_factories"]
    assert set(factories) == {"newsreader", "newsreader_ner"}
    for name, target in factories.items():
        module, _, attr = target.partition(":")
        assert callable(getattr(importlib.import_module(module), attr))
        assert Language.has_factory(name)


def test_component_on_the_builtin_pipeline() -> None:
    import tui.analysis.component  # noqa: F401  (registers the factory, as the entry point does)
    from tui.analysis.builtin import build_builtin
    from tui.analysis.engine import analyze
    from tui.analysis.pipeline import Pipeline, _info

    text = "Maria Lopez of the Kelmont Group said on Monday that 3,000 jobs would go in Ohio."
    nlp = build_builtin()
    expected = analyze(text, Pipeline(nlp, _info(nlp, trained=False)))
    nlp.add_pipe("newsreader")
    assert nlp.get_pipe("newsreader").cross_check is False  # the built-in NER checks itself
    doc = nlp(text)
    assert doc._.actors == expected.actors and doc._.actors
    assert doc._.claims == expected.claims
    assert doc._.numbers == expected.numbers and doc._.numbers
    assert doc._.entities == expected.entities


def test_the_builtin_pipelines_own_names_are_not_cut_again() -> None:
    """The built-in recogniser already follows the clean-up's rules; running them again would
    undo its deliberate choices (a firm called Moody's is no possessive)."""
    from tui.analysis.engine import analyze
    from tui.analysis.pipeline import load_pipeline

    result = analyze("Moody's cut the rating on Tuesday.\n", load_pipeline("builtin"))
    assert ("Moody's", "ORG") in [(e.text, e.label) for e in result.entities]
