"""The built-in pipeline reads a long text in one piece, so its document rules see every mention."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tui.analysis.builtin import build_builtin
from tui.analysis.engine import analyze, split_long_words
from tui.analysis.model import PipelineInfo
from tui.analysis.pipeline import Pipeline

FILLER = "The committee met again on the following day to discuss the budget.\n\n" * 400


def _analyze(text: str, trained: bool = False) -> dict[str, set[str]]:
    result = analyze(text, Pipeline(build_builtin(), PipelineInfo("b", "0", trained)))
    labels: dict[str, set[str]] = {}
    for e in result.entities:
        labels.setdefault(e.text, set()).add(e.label)
    return labels


def test_a_surname_far_after_the_full_name_is_that_person() -> None:
    text = "Anna Quillfeather joined the board.\n\n" + FILLER + "Later, Quillfeather told them."
    assert len(text) > 25_000
    assert _analyze(text)["Quillfeather"] == {"PERSON"}


def test_a_giant_word_is_cut_and_the_text_kept_exact() -> None:
    text = "x" * 150_000 + " Then Anna Berg said so."
    pieces = split_long_words(text, 20_000)
    assert "".join(pieces) == text and len(pieces) > 1
    assert "Anna Berg" in _analyze(text)


def test_ordinary_long_text_stays_in_one_piece() -> None:
    text = "Anna Berg said so.\n\n" * 5_000
    assert split_long_words(text, 20_000) == [text]


@given(st.text(alphabet="ab\n ", max_size=300), st.integers(min_value=1, max_value=30))
def test_long_word_cuts_rebuild_the_text(text: str, size: int) -> None:
    pieces = split_long_words(text, size)
    assert "".join(pieces) == text
    assert all(pieces) or pieces == [""]
