"""Time to first paint and to a filled panel, measured by launching the real ``newsreader`` command.

The command runs in a pseudo-terminal (120x40, set before the program starts). "First paint" is the
moment the article's first body words appear on the screen; "filled" is the moment the status line
shows the analysis counts ("N actors"). Cold runs use an empty cache folder; cached runs reuse the
folder of the cold run just before. One warm-up launch (not counted) compiles the byte code, as
any first run does. The baseline is a bare Textual app (a read-only, word-wrapped
TextArea holding the same text) launched the same way in the same minute, so the figures can be
compared on a busy machine. Prints the median of several runs, with the machine's core count. Run:

    .venv/bin/python bench/startup.py [ARTICLE] [--runs N]
    .venv/bin/python bench/startup.py --longdoc       # the ~100,000-word document (see longdoc.py)
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import math
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
CORPUS = ROOT.parent / "shared" / "corpus" / "wikinews" / "text"
ESCAPES = re.compile(
    rb"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]"
)
FILLED = re.compile(rb"\d+ actors")
COLUMNS, LINES = 120, 40
PYCACHE = os.path.join(tempfile.gettempdir(), "newsreader-bench-pycache")

BARE_APP = """
import sys
from textual.app import App
from textual.widgets import TextArea

class Bare(App):
    def compose(self):
        yield TextArea(open(sys.argv[1], encoding="utf-8").read(), read_only=True, soft_wrap=True)
    def on_key(self, event):
        if event.key == "q":
            self.exit()

Bare().run()
"""


def _command() -> list[str]:
    exe = shutil.which("newsreader", path=str(Path(sys.executable).parent))
    exe = exe or shutil.which("newsreader")
    return [exe] if exe else [sys.executable, "-m", "tui"]


def _environment(cache_dir: str) -> dict[str, str]:
    """The user's environment, with byte code cached as after any first run (in a folder of the
    benchmark's own: some sandboxes set PYTHONDONTWRITEBYTECODE, which would make every launch
    compile newsreader's modules from source)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.setdefault("PYTHONPYCACHEPREFIX", PYCACHE)
    return {**env, "NEWSREADER_CACHE_DIR": cache_dir, "TERM": "xterm-256color",
            "COLUMNS": str(COLUMNS), "LINES": str(LINES)}


def launch(argv: list[str], cache_dir: str, marker: bytes, timeout: float = 60.0,
           wait_filled: bool = True) -> tuple[float, float]:
    """Seconds from launch to first paint and to filled panel, for one run."""
    env = _environment(cache_dir)
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:  # child: the terminal has its size before the program looks at it
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", LINES, COLUMNS, 0, 0))
        os.execvpe(argv[0], argv, env)
    raw = b""
    first = filled = float("nan")
    deadline = start + timeout
    try:
        while time.perf_counter() < deadline:
            ready, _, _ = select.select([fd], [], [], 0.01)
            if not ready:
                continue
            try:
                chunk = os.read(fd, 1 << 20)
            except OSError:
                break
            if not chunk:
                break
            now = time.perf_counter() - start
            raw += chunk
            screen = ESCAPES.sub(b"", raw)  # whole buffer: an escape may straddle two reads
            if math.isnan(first) and marker in screen:
                first = now
                if not wait_filled:
                    break
            if not math.isnan(first) and FILLED.search(screen):
                filled = now
                break
        os.write(fd, b"q")
        end = time.perf_counter() + 5
        while time.perf_counter() < end:
            done, _ = os.waitpid(pid, os.WNOHANG)
            if done:
                break
            select.select([fd], [], [], 0.05)
            with contextlib.suppress(OSError):
                os.read(fd, 1 << 20)
        else:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
    finally:
        os.close(fd)
    return first, filled


def long_document(words: int = 100_000) -> str:
    """The corpus's 24 texts joined (repeatedly) until ``words`` words."""
    texts = [p.read_text(encoding="utf-8").strip() for p in sorted(CORPUS.glob("*.txt"))]
    if not texts:
        raise SystemExit(f"corpus not found: {CORPUS}")
    parts: list[str] = []
    count = 0
    while count < words:
        for text in texts:
            parts.append(text)
            count += len(text.split())
            if count >= words:
                break
    return "\n\n".join(parts) + "\n"


def _marker(text: str) -> bytes:
    """The first three words of the first paragraph after the first line (the first line may be
    the title, which the header also shows)."""
    paragraphs = [p for p in text.split("\n") if p.strip()]
    body = paragraphs[1] if len(paragraphs) > 1 else paragraphs[0]
    return " ".join(body.split()[:3]).encode()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("article", nargs="?", type=Path,
                    default=next(iter(sorted((ROOT / "seeds").glob("*.txt"))), None))
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--longdoc", action="store_true",
                    help="the ~100,000-word document built from the Wikinews corpus")
    ns = ap.parse_args()
    with tempfile.TemporaryDirectory() as work:
        article: Path = ns.article
        if ns.longdoc:
            article = Path(work) / "longdoc.txt"
            article.write_text(long_document(), encoding="utf-8")
        text = article.read_text(encoding="utf-8")
        words = len(text.split())
        marker = _marker(text)
        bare_argv = [sys.executable, "-c", BARE_APP, str(article)]
        with tempfile.TemporaryDirectory() as cache_dir:  # warm-up: byte code, OS file cache
            launch([*_command(), str(article)], cache_dir, marker)
            launch(bare_argv, work, marker, wait_filled=False)
        cold, cached, bare = [], [], []
        for _ in range(ns.runs):  # interleaved, so a busy moment affects all three alike
            bare.append(launch(bare_argv, work, marker, wait_filled=False))
            with tempfile.TemporaryDirectory() as cache_dir:
                cold.append(launch([*_command(), str(article)], cache_dir, marker))
                cached.append(launch([*_command(), str(article)], cache_dir, marker))

    def med(values: list[float]) -> str:
        good = [v for v in values if not math.isnan(v)]
        return f"{statistics.median(good):.2f} s" if good else "not seen"

    name = "100k-word document" if ns.longdoc else article.name
    print(f"newsreader start-up, {name} ({words} words), {COLUMNS}x{LINES} pty, "
          f"{os.cpu_count()} cores, median of {ns.runs} runs")
    print(f"{'run':<22}{'first paint':>13}{'panel filled':>14}")
    for label, runs in (("bare Textual TextArea", bare), ("newsreader cold", cold),
                        ("newsreader cached", cached)):
        filled = "—" if runs is bare else med([r[1] for r in runs])
        print(f"{label:<22}{med([r[0] for r in runs]):>13}{filled:>14}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
