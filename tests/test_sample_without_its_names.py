"""The sample article's people are found by rules, not by knowing them: with every name of theirs
removed from the name lists, the built-in pipeline still finds, merges and quotes them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tui.analysis import lexicon as lexicon_module
from tui.analysis.builtin import build_builtin, ner
from tui.analysis.engine import analyze
from tui.analysis.model import PipelineInfo
from tui.analysis.pipeline import Pipeline

SAMPLE = next((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))
PEOPLE = ["Xi Jinping", "Vladimir Putin", "Mao Zedong", "Yuri Ushakov", "George Magnus",
          "Alexander Korolev", "Joe Biden", "Steve Tsang"]
WORDS = {w for name in PEOPLE for w in name.split()}


def _clear_caches() -> None:
    for fn in (lexicon_module.lexicon, lexicon_module.gazetteer, ner.tables):
        fn.cache_clear()


@pytest.fixture
def forgetful(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    original = lexicon_module._load_json

    def without_names(name: str) -> Any:
        data = original(name)
        if name == "gazetteer.json":
            for key, value in data.items():
                if isinstance(value, dict):
                    for w in WORDS:
                        value.pop(w, None)
                elif isinstance(value, list):
                    data[key] = [v for v in value if v not in WORDS]
        return data

    monkeypatch.setattr(lexicon_module, "_load_json", without_names)
    _clear_caches()
    yield
    _clear_caches()


def test_people_found_without_their_names_in_the_lists(forgetful: None) -> None:
    assert not WORDS & lexicon_module.gazetteer().first_names
    nlp = build_builtin()
    result = analyze(SAMPLE.read_text(encoding="utf-8"), Pipeline(nlp, PipelineInfo("b", "0", False)))
    people = {a.name for a in result.actors if a.kind == "person"}
    assert people == set(PEOPLE)
    speakers = {a.id: a.name for a in result.actors}
    quotes = [speakers.get(c.speaker or "") for c in result.claims if c.kind == "quote"]
    assert quotes == ["George Magnus"] * 2 + ["Alexander Korolev"] * 2 + ["Steve Tsang"] * 2 \
        + ["Yuri Ushakov"]
