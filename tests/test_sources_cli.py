"""Sources through the command line: refusals are one line on stderr and exit 1."""

from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path

import pytest

from tui.cli import SEEDS, main


def _one_line_error(err: str, *needles: str) -> None:
    assert err.count("\n") == 1 and err.endswith("\n"), err
    assert err.startswith("newsreader: error: ")
    assert "\x1b" not in err
    for needle in needles:
        assert needle in err


@pytest.mark.parametrize(("name", "content", "message"), [
    ("photo.png", b"\x89PNG\r\n\x1a\n" + bytes(64), "not a text article (a PNG image)"),
    ("random.txt", bytes(range(256)) * 40, "not a text article (binary data)"),
    ("archive.txt", b"PK\x03\x04" + bytes(64), "not a text article (a ZIP archive"),
])
def test_binary_file_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str,
                             content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert main(["analyze", str(path), "--no-cache"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    _one_line_error(err, str(path), message)


def test_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(tmp_path / "gone.txt")]) == 1
    _one_line_error(capsys.readouterr().err, "gone.txt: no such file")


def test_folder_without_articles(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / ".hidden").write_text("x")
    (tmp_path / "cover.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    assert main(["analyze", str(tmp_path)]) == 1
    _one_line_error(capsys.readouterr().err, f"{tmp_path}: folder has no articles")


def test_huge_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        fh.truncate(5 * 1024**3)
    assert main(["analyze", str(path)]) == 1
    _one_line_error(capsys.readouterr().err, "larger than 16 MiB")


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_dev_zero(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", "/dev/zero"]) == 1
    _one_line_error(capsys.readouterr().err, "/dev/zero: not a text article (binary data)")


def test_escape_sequences_in_a_file_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(tmp_path / "a\x1b]52;c;eA==\x07\nb.txt")]) == 1
    _one_line_error(capsys.readouterr().err, "\\x1b]52;c;eA==\\x07\\x0ab.txt: no such file")


@pytest.mark.parametrize("content", [b"", b"  \n\t\r\n \n"])
def test_empty_article_loads(tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    assert main(["analyze", str(path), "--no-cache"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["text"] == "" and doc["title"] is None
    assert doc["entities"] == [] and doc["claims"] == []


def test_good_and_bad_together(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Bridge opens\n\nThe mayor said the bridge would open.\n")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x7fELF" + bytes(100))
    assert main(["analyze", str(good), str(bad), "--no-cache"]) == 1
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["title"] == "Bridge opens"
    _one_line_error(err, "bad.txt: not a text article (an executable)")


def test_folder_is_analysed_in_order(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "b.md").write_text("# Second\n\nThe council met on *Friday*.\n")
    (tmp_path / "a.txt").write_text("First\n\nThe mayor spoke.\n")
    (tmp_path / "c.html").write_text("<html><head><title>Third</title></head><body><article>"
                                     "<p>The minister said the plan would cost 5 million euros "
                                     "over the next three years.</p></article></body></html>")
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    assert main(["analyze", str(tmp_path), "--no-cache"]) == 0
    docs = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [d["title"] for d in docs] == ["First", "Second", "Third"]
    assert docs[1]["text"] == "Second\n\nThe council met on Friday.\n"


def test_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(
        "Über\r\n\r\nDer B\u00fcrgermeister sprach \x1b[5mlaut\x1b[0m.\r\n".encode("cp1252"))))
    assert main(["analyze", "-", "--no-cache"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["text"] == "Über\n\nDer Bürgermeister sprach laut.\n"
    assert doc["source"] == "-"


def test_sample_article_loses_its_site_footer(capsys: pytest.CaptureFixture[str]) -> None:
    seed = SEEDS / "000_7cbc1cc0767b49e5.txt"
    assert seed.read_text(encoding="utf-8").rstrip().endswith("Categorized in:")
    assert main(["analyze", str(seed), "--no-cache"]) == 0
    text = json.loads(capsys.readouterr().out)["text"]
    assert "Categorized in" not in text
    assert text.endswith("one of Moscow\u2019s main allies in the Middle East.")
