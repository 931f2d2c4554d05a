"""The trained-pipeline path, tested honestly: a tiny NER pipeline is trained and saved here,
then used through ``newsreader analyze --model PATH`` and ``$NEWSREADER_MODEL``."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
import spacy
from spacy.training import Example

from tui.cli import main

TRAIN = [
    ("Maria Lopez visited Paris on Monday.", [(0, 11, "PERSON"), (20, 25, "GPE")]),
    ("Acme Corp hired Maria Lopez.", [(0, 9, "ORG"), (16, 27, "PERSON")]),
    ("Paris welcomed Acme Corp today.", [(0, 5, "GPE"), (15, 24, "ORG")]),
    ("John Smith left Berlin.", [(0, 10, "PERSON"), (16, 22, "GPE")]),
]


@pytest.fixture(scope="module")
def trained_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    random.seed(0)
    nlp = spacy.blank("en")
    ner = nlp.add_pipe("ner")
    for _, ents in TRAIN:
        for *_, label in ents:
            ner.add_label(label)
    examples = [Example.from_dict(nlp.make_doc(t), {"entities": e}) for t, e in TRAIN]
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(30):
        random.shuffle(examples)
        nlp.update(examples, sgd=optimizer, drop=0.1)
    nlp.meta["name"] = "tiny_test"
    nlp.meta["version"] = "0.0.1"
    path = tmp_path_factory.mktemp("model") / "tiny"
    nlp.to_disk(path)
    return path


def _analyze(args: list[str], capsys: pytest.CaptureFixture[str]) -> dict:
    assert main(["analyze", *args, "--no-cache"]) == 0
    return json.loads(capsys.readouterr().out)


def test_analyze_with_model_path(trained_model: Path, tmp_path: Path,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Maria Lopez visited Paris on Monday. Acme Corp said it would hire "
                       "3 people.\n", encoding="utf-8")
    doc = _analyze([str(article), "--model", str(trained_model)], capsys)
    assert doc["pipeline"] == {"name": "en_tiny_test", "version": "0.0.1", "trained": True}
    # The model's own NER is used; it tags no numbers, so the numbers layer adds those ...
    assert {e["label"] for e in doc["entities"]} <= {"PERSON", "ORG", "GPE", "CARDINAL", "DATE"}
    assert ("Monday", "DATE") in {(e["text"], e["label"]) for e in doc["entities"]}
    for e in doc["entities"]:
        assert doc["text"][e["start"]:e["end"]] == e["text"]
    # ... and newsreader's own layers still run on top of it.
    assert isinstance(doc["numbers"], list)
    assert isinstance(doc["actors"], list) and isinstance(doc["claims"], list)


def test_environment_variable_names_the_model(trained_model: Path, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "a.txt"
    article.write_text("John Smith left Berlin.\n", encoding="utf-8")
    monkeypatch.setenv("NEWSREADER_MODEL", str(trained_model))
    assert _analyze([str(article)], capsys)["pipeline"]["trained"] is True
    # --model wins over the environment
    assert _analyze([str(article), "--model", "builtin"], capsys)["pipeline"]["trained"] is False


def test_unknown_model_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Text.\n", encoding="utf-8")
    assert main(["analyze", str(article), "--model", "xx_core_web_lg", "--no-cache"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "python -m spacy download xx_core_web_lg" in err
    assert main(["analyze", str(article), "--model", "nonsense", "--no-cache"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not installed" in err and "spacy download" not in err
    assert main(["analyze", str(article), "--model", str(tmp_path / "nope/"), "--no-cache"]) == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_the_reader_refuses_an_unknown_model_before_any_screen(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Text.\n", encoding="utf-8")
    assert main([str(article), "--model", "nonsense"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "'nonsense' is not installed" in err
