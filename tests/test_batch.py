"""Batches: argument order with worker processes, failures in place, the cache reused, bounds."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tui import batch
from tui.analysis.model import Analysis
from tui.cli import main


def title_of(analysis: Analysis) -> str:
    """A ``finish`` step (module level: it is sent to the worker processes)."""
    return analysis.title or ""


def corpus(folder: Path, count: int) -> list[str]:
    paths = []
    for i in range(count):
        path = folder / f"{i:03d}.txt"
        path.write_text(f"Story {i}\n\nMara Quell of Velin Rail spoke in Halvard on day {i}.\n",
                        encoding="utf-8")
        paths.append(str(path))
    return paths


def test_two_processes_keep_argument_order_and_report_failures_in_place(tmp_path: Path) -> None:
    paths = corpus(tmp_path, 7)
    paths.insert(3, str(tmp_path / "missing.txt"))
    outcomes = list(batch.run(batch.jobs(paths), title_of, workers=2))
    assert [o.value for o in outcomes] == [
        "Story 0", "Story 1", "Story 2", None, "Story 3", "Story 4", "Story 5", "Story 6"]
    assert outcomes[3].error is not None and "missing.txt: no such file" in outcomes[3].error


def test_one_process_and_the_cache(tmp_path: Path) -> None:
    paths = corpus(tmp_path, 3)
    first = [o.value for o in batch.run(batch.jobs(paths), title_of, workers=1)]
    again = [o.value for o in batch.run(batch.jobs(paths), title_of, workers=2)]
    assert first == again == ["Story 0", "Story 1", "Story 2"]


def test_in_flight_work_is_bounded(tmp_path: Path) -> None:
    """The job source is pulled only a window ahead of what has been yielded."""
    paths = corpus(tmp_path, 30)
    pulled = 0

    def source() -> Iterator[batch.Job]:
        nonlocal pulled
        for job in batch.jobs(paths):
            pulled += 1
            yield job

    outcomes = batch.run(source(), title_of, workers=1)
    next(outcomes)
    assert pulled <= batch.window(1) + 1
    outcomes.close()


def test_analyze_with_jobs_prints_in_order(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus(tmp_path, 5)
    assert main(["analyze", str(tmp_path), "--jobs", "2", "--no-cache"]) == 0
    titles = [json.loads(line)["title"] for line in capsys.readouterr().out.splitlines()]
    assert titles == [f"Story {i}" for i in range(5)]


def test_unknown_model_with_workers_is_a_usage_error(tmp_path: Path) -> None:
    corpus(tmp_path, 2)
    run = subprocess.run([sys.executable, "-m", "tui", "analyze", str(tmp_path), "--jobs", "2",
                          "--no-cache", "--model", "no_such_pipeline_xyz"],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 2
    assert run.stderr.count("\n") == 1 and "no_such_pipeline_xyz" in run.stderr


def test_output_closed_early_is_quiet(tmp_path: Path) -> None:
    corpus(tmp_path, 12)
    proc = subprocess.run(f"'{sys.executable}' -m tui analyze '{tmp_path}' --jobs 2 --no-cache"
                          " | head -n 1", shell=True, capture_output=True, text=True, timeout=120)
    assert proc.stdout.count("\n") == 1 and proc.stderr == ""
