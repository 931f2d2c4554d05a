"""A real trained English pipeline through newsreader: clean names, one source of numbers, the
component, the choice. Skipped without one (``pip install -r requirements-trained.txt``);
``.ci/run`` installs one and runs these with ``--require-trained``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy

import tui.analysis.component  # noqa: F401  (registers the factory, as the entry point does)
from tui.analysis.choice import resolve_name
from tui.analysis.engine import analyze
from tui.analysis.model import NUMERIC_LABELS, Analysis
from tui.analysis.pipeline import Pipeline, load_pipeline
from tui.cli import main

pytestmark = pytest.mark.trained

ARTICLE = """Harbour Council approves new bridge

The Kelmont Group's chief executive, Maria Lopez, said on Monday that the company would spend
$5 billion on the bridge. "We are ready to build it," Lopez said. The United States' trade with
the Netherlands rose 12% last year, according to the U.S. Department of Commerce.

Quoting Ruiz's report, the F.B.I. said 3,000 people had been questioned in Varnsby since
January 2021. The Hague was not consulted. Tomas Berg, 45, of the Varnsby Herald, told reporters
that almost a third of the town's residents opposed the Nord Stream 2 link.
"""


@pytest.fixture(scope="module")
def pipeline(trained_name: str) -> Pipeline:
    return load_pipeline(trained_name)


@pytest.fixture(scope="module")
def analysis(pipeline: Pipeline) -> Analysis:
    return analyze(ARTICLE, pipeline)


def test_the_model_runs_and_is_named(pipeline: Pipeline, analysis: Analysis,
                                     trained_name: str) -> None:
    assert pipeline.info.trained and pipeline.info.name == trained_name
    assert analysis.pipeline == pipeline.info
    assert "ner" in pipeline.nlp.pipe_names
    assert "lemmatizer" not in pipeline.nlp.pipe_names  # nothing reads lemmas


def test_names_are_clean(analysis: Analysis) -> None:
    names = [e for e in analysis.entities if e.label not in NUMERIC_LABELS]
    assert names
    for e in names:
        assert not e.text.startswith("the "), e
        assert not e.text.endswith(("'s", "’s", "'", "’")), e
        assert e.text == e.text.strip() and "\n" not in e.text, e
        assert not e.text.startswith("The ") or e.text == "The Hague", e
        assert ARTICLE[e.start:e.end] == e.text


def test_actor_mentions_follow_the_names(analysis: Analysis) -> None:
    """A mention that names its actor is a cleaned name span; role mentions ("the company's chief
    executive") join a person without being a name."""
    name_spans = {(e.start, e.end) for e in analysis.entities if e.label not in NUMERIC_LABELS}
    for actor in analysis.actors:
        forms = {actor.name.lower(), *(a.lower() for a in actor.aliases)}
        for m in actor.mentions:
            if m.text.lower() in forms:
                assert (m.start, m.end) in name_spans, (actor.name, m)
            assert not m.text.endswith(("'s", "’s")), (actor.name, m)
    mentions = {(m.start, m.end) for actor in analysis.actors for m in actor.mentions}
    for e in analysis.entities:
        if e.label in ("PERSON", "ORG", "GPE", "LOC"):
            assert (e.start, e.end) in mentions, e  # the cleaned span, not the model's


def test_every_numeric_entity_is_a_listed_number(analysis: Analysis) -> None:
    numbers = {(n.start, n.end) for n in analysis.numbers}
    numeric = [e for e in analysis.entities if e.label in NUMERIC_LABELS]
    assert numeric
    assert all((e.start, e.end) in numbers for e in numeric)
    assert not any(e.text == "2" for e in numeric)  # Nord Stream 2 is a name


def test_component_sets_the_same_layers(trained_name: str, analysis: Analysis) -> None:
    nlp = spacy.load(trained_name, exclude=["lemmatizer"])
    nlp.add_pipe("newsreader")
    doc = nlp(ARTICLE)
    assert doc._.actors == analysis.actors
    assert doc._.claims == analysis.claims
    assert doc._.numbers == analysis.numbers
    assert doc._.entities == analysis.entities
    assert not any(e.label_ in NUMERIC_LABELS for e in doc.ents)


def test_found_without_being_named(trained_name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NEWSREADER_MODEL")
    assert resolve_name(None) != "builtin"


def test_model_option_accepts_it(trained_name: str, tmp_path: Path,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Maria Lopez visited Paris on Monday.\n", encoding="utf-8")
    assert main(["analyze", str(article), "--model", trained_name, "--no-cache"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["pipeline"]["name"] == trained_name and doc["pipeline"]["trained"] is True
