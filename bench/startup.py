"""Time to first paint and to a filled panel, measured by launching the real ``newsreader`` command.

The command runs in a pseudo-terminal (120x40). "First paint" is the moment the article's first
words appear on the screen; "filled" is the moment the legend's status shows the analysis counts
("N actors"). Cold runs use an empty cache folder; cached runs reuse the folder of a previous run.
Prints the median of several runs, with the machine's core count. Run:

    .venv/bin/python bench/startup.py [ARTICLE] [--runs N]
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import re
import select
import shutil
import signal
import statistics
import struct
import sys
import tempfile
import termios
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ESCAPES = re.compile(rb"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]")
FILLED = re.compile(rb"\d+ actors")


def _command() -> list[str]:
    exe = shutil.which("newsreader", path=str(Path(sys.executable).parent)) or shutil.which("newsreader")
    return [exe] if exe else [sys.executable, "-m", "tui"]


def launch(article: Path, cache_dir: str, marker: bytes, timeout: float = 30.0) -> tuple[float, float]:
    """Seconds from launch to first paint and to filled panel, for one run."""
    env = {**os.environ, "NEWSREADER_CACHE_DIR": cache_dir, "TERM": "xterm-256color",
           "COLUMNS": "120", "LINES": "40"}
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:  # child
        os.execvpe(_command()[0], [*_command(), str(article)], env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    screen = b""
    first = filled = float("nan")
    deadline = start + timeout
    try:
        while time.perf_counter() < deadline:
            ready, _, _ = select.select([fd], [], [], 0.01)
            if ready:
                try:
                    chunk = os.read(fd, 65536)
                except OSError:
                    break
                if not chunk:
                    break
                screen += ESCAPES.sub(b"", chunk)
                now = time.perf_counter() - start
                if first != first and marker in screen:
                    first = now
                if filled != filled and FILLED.search(screen):
                    filled = now
                    break
        os.write(fd, b"q")
        end = time.perf_counter() + 5
        while time.perf_counter() < end:
            done, _ = os.waitpid(pid, os.WNOHANG)
            if done:
                break
            select.select([fd], [], [], 0.05)
            try:
                os.read(fd, 65536)
            except OSError:
                pass
        else:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
    finally:
        os.close(fd)
    return first, filled


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("article", nargs="?", type=Path,
                    default=next(iter(sorted((ROOT / "seeds").glob("*.txt"))), None))
    ap.add_argument("--runs", type=int, default=5)
    ns = ap.parse_args()
    words = ns.article.read_text(encoding="utf-8").split()
    marker = " ".join(words[:2]).encode()  # the first words of the article, as painted
    cold, cached = [], []
    for _ in range(ns.runs):
        with tempfile.TemporaryDirectory() as cache_dir:
            cold.append(launch(ns.article, cache_dir, marker))
            cached.append(launch(ns.article, cache_dir, marker))

    def med(values: list[float]) -> str:
        good = [v for v in values if v == v]
        return f"{statistics.median(good):.2f} s" if good else "not seen"

    print(f"newsreader start-up, {ns.article.name} ({len(words)} words), {os.cpu_count()} cores, "
          f"median of {ns.runs} runs")
    print(f"{'run':<8}{'first paint':>14}{'panel filled':>15}")
    for name, runs in (("cold", cold), ("cached", cached)):
        print(f"{name:<8}{med([r[0] for r in runs]):>14}{med([r[1] for r in runs]):>15}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
