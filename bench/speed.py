"""Analysis speed of the real engine: words per second, pipeline build time, peak memory.

Reads ../shared/corpus/wikinews/text (24 articles) and builds a ~100,000-word document by joining
them. Prints a table: median of several runs, with the machine's core count. Run:

    .venv/bin/python bench/speed.py [--runs N] [--model NAME]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpus" / "wikinews" / "text"


def _median_time(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--model", default="builtin")
    ns = ap.parse_args()
    if not CORPUS.is_dir():
        print(f"corpus not found: {CORPUS}", file=sys.stderr)
        return 1
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]

    t = time.perf_counter()
    import spacy  # noqa: F401  (import cost reported separately from pipeline build)
    import_s = time.perf_counter() - t

    from tui.analysis.engine import analyze
    from tui.analysis.pipeline import load_pipeline

    t = time.perf_counter()
    pipeline = load_pipeline(ns.model)
    build_s = time.perf_counter() - t
    analyze(texts[0], pipeline)  # warm-up (lazy tables)

    corpus_words = sum(len(x.split()) for x in texts)
    corpus_s = _median_time(lambda: [analyze(x, pipeline) for x in texts], ns.runs)

    big = "\n\n".join(texts)
    while len(big.split()) < 100_000:
        big += "\n\n" + "\n\n".join(texts)
    big_words = len(big.split())
    big_s = _median_time(lambda: analyze(big, pipeline), max(1, ns.runs // 2))
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    rows = [
        ("cores", f"{os.cpu_count()}"),
        ("pipeline", f"{pipeline.info.name} {pipeline.info.version}"),
        ("import spacy", f"{import_s:.2f} s"),
        ("build pipeline", f"{build_s:.3f} s"),
        (f"corpus ({len(texts)} articles, {corpus_words} words)",
         f"{corpus_s:.3f} s = {corpus_words / corpus_s:,.0f} words/s"),
        (f"one document of {big_words} words",
         f"{big_s:.3f} s = {big_words / big_s:,.0f} words/s"),
        ("peak memory (whole process)", f"{peak_mb:.0f} MB"),
    ]
    width = max(len(k) for k, _ in rows)
    print(f"{'measure':<{width}}  figure (median of {ns.runs} runs)")
    for k, v in rows:
        print(f"{k:<{width}}  {v}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
