"""Batches and output edges: a failing article never stops the others, lost output is an error."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import tui.analysis.engine as engine
from tui.cli import main


@pytest.fixture
def batch(tmp_path: Path) -> list[Path]:
    paths = []
    for name, body in [("a", "First\n\nThe mayor spoke.\n"), ("b", "Second\n\nBOOM here.\n"),
                       ("c", "Third\n\nThe council met.\n")]:
        path = tmp_path / f"{name}.txt"
        path.write_text(body, encoding="utf-8")
        paths.append(path)
    return paths


@pytest.fixture
def exploding_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    """The engine fails with an internal error on any text that holds BOOM (in this process: the
    tests that use it pass ``--jobs 1``)."""
    real = engine.analyze

    def analyze(text: str, *args: object, **kwargs: object) -> object:
        if "BOOM" in text:
            raise IndexError("list index out of range")
        return real(text, *args, **kwargs)  # type: ignore[arg-type]  # passed through unchanged

    monkeypatch.setattr(engine, "analyze", analyze)


@pytest.mark.usefixtures("exploding_engine")
def test_an_internal_error_stays_with_its_article(batch: list[Path],
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", *map(str, batch), "--no-cache", "--jobs", "1"]) == 1
    out, err = capsys.readouterr()
    assert [json.loads(line)["title"] for line in out.splitlines()] == ["First", "Third"]
    assert err.count("\n") == 1
    assert "b.txt" in err and "internal error: IndexError" in err


@pytest.mark.usefixtures("exploding_engine")
def test_json_of_several_is_an_array_even_when_one_fails(
        batch: list[Path], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(batch[0]), str(batch[1]), "--format", "json", "--no-cache",
                 "--jobs", "1"]) == 1
    doc = json.loads(capsys.readouterr().out)
    assert isinstance(doc, list) and [d["title"] for d in doc] == ["First"]


def test_json_of_several_that_all_fail_is_an_empty_array(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["analyze", str(tmp_path / "x.txt"), str(tmp_path / "y.txt"), "--format", "json"]
    assert main(args) == 1
    out, err = capsys.readouterr()
    assert json.loads(out) == [] and err.count("\n") == 2


@pytest.mark.parametrize("argv", [["analyze", ""], ["analyze", " "], [""]])
def test_an_empty_path_is_refused_not_the_current_folder(
        argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "empty path" in err


def _sh(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["sh", "-c", script, "sh", sys.executable, *args], capture_output=True,
                          text=True, timeout=120, check=False)


def test_a_closed_stdout_is_an_error(batch: list[Path]) -> None:
    done = _sh('"$1" -m tui analyze --no-cache "$2" >&-', str(batch[0]))
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and "standard output is closed" in done.stderr


def test_a_full_disk_on_stdout_is_an_error(batch: list[Path]) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full")
    done = _sh('"$1" -m tui analyze --no-cache "$2" >/dev/full', str(batch[0]))
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and "cannot write the output" in done.stderr


def test_a_reader_that_stops_early_is_not_a_traceback(batch: list[Path]) -> None:
    proc = subprocess.Popen([sys.executable, "-m", "tui", "analyze", "--no-cache",
                             *map(str, batch * 20)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.read(10)
    proc.stdout.close()  # `| head -c 10`
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 141
    assert err == ""


def test_an_escape_in_the_model_name_is_shown_not_sent(
        batch: list[Path], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(batch[0]), "--model", "evil\x1b]0;owned\x07\x1b[31m"]) == 2
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\x07" not in err and "\\x1b" in err
