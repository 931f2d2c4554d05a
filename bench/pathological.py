"""Worst cases, side by side, so every one of them stays visibly linear.

Each case times the real code path on inputs of growing size and prints the time per size and the
growth ratio from one size to the next. A linear case roughly doubles when the input doubles
(ratio ~2); a quadratic one quadruples (ratio ~4). Inputs are generated, so nothing here needs
``../shared``:

- unclosed quote marks: a paragraph of 10k / 20k / 40k words each opening a quote that never
  closes (the quote pairing must not rescan the open marks at every mark), against the same
  number of closed pairs;
- capitalised words: 10k / 20k / 40k capitalised words in a row (the name rules' look-ahead);
- people and role mentions: as many words of distinct people each followed by "the Russian
  president" (a role mention must not weigh every person of the article);
- one long paragraph: 250k / 500k / 1M characters of ordinary sentences without a paragraph break;
- a cached batch: 250 / 500 / 1,000 small articles analysed once, then read back from the cache
  (``tui.service.analyze_article`` with a fresh cache folder), timing the cached pass.

Run::

    .venv/bin/python bench/pathological.py [--quick]
"""

from __future__ import annotations

import argparse
import itertools
import os
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SENTENCE = ("The council said on Monday that 1,200 residents of Port Avel would move by March, "
            "and Mayor Lena Varga warned that costs could rise 15 percent. ")


def _engine() -> Callable[[str], object]:
    from tui.analysis.engine import analyze
    from tui.analysis.pipeline import load_pipeline

    pipeline = load_pipeline("builtin")
    return lambda text: analyze(text, pipeline)


def _time(fn: Callable[[], object], repeat: int = 1) -> float:
    """The best of ``repeat`` runs (the least disturbed by other work on the machine)."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def _row(name: str, sizes: Sequence[int], times: Sequence[float]) -> None:
    cells = "  ".join(f"{n:>9,}: {t:7.3f} s" for n, t in zip(sizes, times, strict=True))
    ratios = "  ".join(f"x{b / a:4.2f}" if a > 0 else "  n/a" for a, b in itertools.pairwise(times))
    print(f"{name:<24} {cells}   growth {ratios}")


def _surname(i: int) -> str:
    """A distinct made-up surname per number ("Bakor", "Cakor" ...)."""
    letters = ""
    while True:
        letters += "bcdfghjklmnprstvz"[i % 17]
        i //= 17
        if not i:
            return letters.title() + "akor"


def text_cases(analyze: Callable[[str], object], scale: int) -> None:
    """The engine on generated texts: quotes, capitalised runs, one long paragraph."""
    sizes = [10_000 // scale, 20_000 // scale, 40_000 // scale]
    cases: dict[str, Callable[[int], str]] = {
        "unclosed quote marks": lambda n: " ".join(["“word"] * n) + "\n",
        "closed quote pairs": lambda n: " ".join(["“word”"] * n) + "\n",
        "straight quotes, odd": lambda n: " ".join(['"word'] * n) + "\n",
        "capitalised words": lambda n: " ".join(["Word"] * n) + ".\n",
        "people, role mentions": lambda n: "".join(
            f"Ana {_surname(i)} spoke. The Russian president smiled. " for i in range(n // 7)),
    }
    for name, make in cases.items():
        texts = [make(n) for n in sizes]
        _row(name, sizes, [_time(lambda t=t: analyze(t), repeat=2) for t in texts])
    chars = [250_000 // scale, 500_000 // scale, 1_000_000 // scale]
    paragraph = [SENTENCE * (n // len(SENTENCE)) + "\n" for n in chars]
    _row("one long paragraph", chars, [_time(lambda t=t: analyze(t), repeat=2) for t in paragraph])


def cached_batch(scale: int) -> None:
    """Analyse a batch once, then time reading it back from the cache."""
    from tui import cache, service
    from tui.sources import Article

    sizes = [250 // scale, 500 // scale, 1000 // scale]
    first: list[float] = []
    again: list[float] = []
    for n in sizes:
        with tempfile.TemporaryDirectory() as folder:
            os.environ[cache.ENV_DIR] = folder
            articles = [Article(f"Report {i}\n\n{SENTENCE * 3}Item {i}.\n", f"a{i}.txt",
                                f"Report {i}") for i in range(n)]
            first.append(_time(lambda a=articles: [service.analyze_article(x) for x in a]))
            again.append(_time(lambda a=articles: [service.analyze_article(x) for x in a]))
    _row("batch, first pass", sizes, first)
    _row("batch, cached pass", sizes, again)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a tenth of the sizes (a smoke run)")
    args = parser.parse_args(argv)
    scale = 10 if args.quick else 1
    print(f"{os.cpu_count()} cores; ratio ~2 per doubling is linear, ~4 quadratic")
    text_cases(_engine(), scale)
    cached_batch(scale)


if __name__ == "__main__":
    main()
