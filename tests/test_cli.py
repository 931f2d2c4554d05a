"""The command line: formats, exit codes and one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.cli import main

ARTICLE = "Headline here\n\nThe mayor said the bridge would open on Monday.\n"


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_analyze_json_document(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(article), "--no-cache"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["schema"] == "newsreader.analysis/1"
    assert doc["text"] == ARTICLE
    assert doc["title"] == "Headline here"
    assert doc["pipeline"]["trained"] is False
    for key in ("entities", "actors", "claims", "numbers"):
        assert isinstance(doc[key], list)


def test_missing_input_is_one_line_exit_1(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", "does-not-exist.txt"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "does-not-exist.txt" in err


def test_usage_error_is_one_line_exit_2(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(article), "--format", "xml"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--format" in err
