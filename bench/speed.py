"""Analysis speed of the real engine: words per second, pipeline build time, peak memory.

Reads ../shared/corpus/wikinews/text (24 articles) and builds a ~100,000-word document by joining
them. Measures the engine (``tui.analysis.engine.analyze``) as it is, and its words per second as a
fraction of spaCy's bare English tokenizer's on the same texts in the same process (a ratio that
holds on a loaded machine where absolute figures swing twofold), then as ``tui.service`` runs
it for the reader and ``newsreader analyze`` (after ``gc.freeze()``: the pipeline's tables kept out
of the collector's sight). One core: the engine runs in one thread. With ``--profile``, also prints
where the time goes on the corpus (own time per module). Prints a table: median of several runs,
with the machine's core count. Run:

    .venv/bin/python bench/speed.py [--runs N] [--model NAME] [--profile] [--corpus DIR]
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import os
import pstats
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
    ap.add_argument("--profile", action="store_true", help="where the time goes, per module")
    ap.add_argument("--corpus", type=Path, default=CORPUS.parent, help="the Wikinews corpus folder")
    ns = ap.parse_args()
    corpus = ns.corpus / "text"
    if not corpus.is_dir():
        print(f"corpus not found: {corpus}", file=sys.stderr)
        return 1
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))]

    t = time.perf_counter()
    import spacy  # import cost reported separately from pipeline build
    import_s = time.perf_counter() - t

    from tui.analysis.engine import analyze
    from tui.analysis.pipeline import load_pipeline

    t = time.perf_counter()
    pipeline = load_pipeline(ns.model)
    build_s = time.perf_counter() - t
    analyze(texts[0], pipeline)  # warm-up (lazy tables)

    corpus_words = sum(len(x.split()) for x in texts)
    corpus_s = _median_time(lambda: [analyze(x, pipeline) for x in texts], ns.runs)
    tokenizer = spacy.blank("en").tokenizer
    [tokenizer(x) for x in texts]  # warm-up: its vocabulary fills on the first pass
    # the ratio: each run times the tokenizer and the engine back to back, so that a busy
    # machine slows both alike; the median of the per-run ratios
    ratios, tok_times = [], []
    for _ in range(max(3, ns.runs)):
        tok_s = _median_time(lambda: [tokenizer(x) for x in texts], 1)
        eng_s = _median_time(lambda: [analyze(x, pipeline) for x in texts], 1)
        ratios.append(tok_s / eng_s)  # (words / eng_s) / (words / tok_s)
        tok_times.append(tok_s)
    ratio = statistics.median(ratios)
    tokenizer_s = statistics.median(tok_times)

    big = "\n\n".join(texts)
    while len(big.split()) < 100_000:
        big += "\n\n" + "\n\n".join(texts)
    big_words = len(big.split())
    big_s = _median_time(lambda: analyze(big, pipeline), max(1, ns.runs // 2))

    gc.freeze()  # what tui.service.get_pipeline does once the pipeline is built
    corpus_frozen_s = _median_time(lambda: [analyze(x, pipeline) for x in texts], ns.runs)
    big_frozen_s = _median_time(lambda: analyze(big, pipeline), max(1, ns.runs // 2))
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    rows = [
        ("cores", f"{os.cpu_count()}"),
        ("pipeline", f"{pipeline.info.name} {pipeline.info.version}"),
        ("import spacy", f"{import_s:.2f} s"),
        ("build pipeline", f"{build_s:.3f} s"),
        (f"corpus ({len(texts)} articles, {corpus_words} words)",
         f"{corpus_s:.3f} s = {corpus_words / corpus_s:,.0f} words/s"),
        ("spaCy's bare English tokenizer, same texts",
         f"{tokenizer_s:.3f} s = {corpus_words / tokenizer_s:,.0f} words/s"),
        ("engine / bare tokenizer (words/s ratio)", f"{ratio:.3f}"),
        (f"one document of {big_words} words",
         f"{big_s:.3f} s = {big_words / big_s:,.0f} words/s"),
        ("corpus, as tui.service runs it (gc.freeze)",
         f"{corpus_frozen_s:.3f} s = {corpus_words / corpus_frozen_s:,.0f} words/s"),
        (f"one document of {big_words} words, ditto",
         f"{big_frozen_s:.3f} s = {big_words / big_frozen_s:,.0f} words/s"),
        ("peak memory (whole process)", f"{peak_mb:.0f} MB"),
    ]
    width = max(len(k) for k, _ in rows)
    print(f"{'measure':<{width}}  figure (median of {ns.runs} runs)")
    for k, v in rows:
        print(f"{k:<{width}}  {v}")
    if ns.profile:
        _profile(lambda: [analyze(x, pipeline) for x in texts])
    return 0


def _profile(fn) -> None:
    """Own time per module (and the three costliest functions of each) for one run of ``fn``."""
    prof = cProfile.Profile()
    prof.runcall(fn)
    stats = pstats.Stats(prof).stats  # type: ignore[attr-defined]
    total = sum(tt for _, _, tt, _, _ in stats.values())
    modules: dict[str, float] = {}
    functions: dict[str, list[tuple[float, str]]] = {}
    for (path, line, name), (_, _, tt, _, _) in stats.items():
        key = _module(path)
        modules[key] = modules.get(key, 0.0) + tt
        functions.setdefault(key, []).append((tt, f"{name}:{line}"))
    print(f"\nwhere the time goes (corpus, profiled: {total:.2f} s of own time)")
    for key, tt in sorted(modules.items(), key=lambda kv: -kv[1])[:12]:
        top = ", ".join(n for _, n in sorted(functions[key], reverse=True)[:3])
        print(f"{100 * tt / total:5.1f}%  {key:<40} {top}")


def _module(path: str) -> str:
    if path.startswith(("~", "<")):
        return "builtins (C: regex, str, ...)"
    p = Path(path)
    if p.suffix in {".pyx", ".pxd"}:
        return f"spaCy {p.stem} (Cython)"
    try:
        return str(p.relative_to(ROOT)).removesuffix(".py")
    except ValueError:
        parts = p.parts
        if "site-packages" in parts:
            return parts[parts.index("site-packages") + 1]
        return p.stem


if __name__ == "__main__":
    raise SystemExit(main())
