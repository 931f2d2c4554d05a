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


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    d = tmp_path / "articles"
    d.mkdir()
    (d / "b.txt").write_text("Second\n\nBody two.\n", encoding="utf-8")
    (d / "a.txt").write_text("First\n\nBody one.\n", encoding="utf-8")
    return d


def test_folder_defaults_to_jsonl_in_sorted_order(folder: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(folder), "--no-cache"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(line)["title"] for line in lines] == ["First", "Second"]


def test_jsonl_keeps_argument_order(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = [str(folder / "b.txt"), str(folder / "a.txt")]
    assert main(["analyze", *args, "--format", "jsonl", "--no-cache"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(line)["source"] for line in lines] == args


def test_markdown_report(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(article), "--format", "markdown", "--no-cache"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Headline here\n")
    for heading in ("## Actors", "## Claims", "## Numbers"):
        assert heading in out


def test_displacy_manual_format(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(article), "--format", "displacy", "--no-cache"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert set(doc) == {"text", "ents", "title"}
    for ent in doc["ents"]:
        assert set(ent) == {"start", "end", "label"}
    from spacy import displacy

    assert "<div" in displacy.render(doc, style="ent", manual=True)


def test_one_unreadable_input_in_a_batch(article: Path, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "missing.txt"
    assert main(["analyze", str(article), str(missing), "--no-cache"]) == 1
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == 1  # the readable one still printed (jsonl)
    assert captured.err.count("\n") == 1 and "missing.txt" in captured.err


def test_no_arguments_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze"]) == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_python_dash_m_runs_the_command() -> None:
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-m", "tui", "--version"], capture_output=True,
                          text=True, check=False)
    assert proc.returncode == 0 and proc.stdout.startswith("newsreader ")


def test_results_reach_stdout_while_a_progress_bar_is_drawn(
        folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """With stderr a terminal the bar is drawn there, and the documents still go to stdout."""
    import sys

    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert main(["analyze", str(folder), "--no-cache"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(line)["title"] for line in lines] == ["First", "Second"]


def test_empty_model_name_is_a_usage_error(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(article), "--model", ""]) == 2
    assert "--model" in capsys.readouterr().err
