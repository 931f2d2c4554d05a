"""Batch speed of the real command: ``newsreader analyze`` with 1 and 2 (or more) worker processes,
and ``newsreader index`` over 1,000 cached articles.

Articles are the 24 Wikinews texts of ../shared/corpus/wikinews/text (each copy made unique by an
edition line, so nothing is shared through the cache), or invented ones when the corpus is
missing. Each run is the real command in a subprocess with its own empty cache folder (except the
cached index, which reuses a filled one), output to /dev/null. Peak memory is the largest total
resident size of the command and its worker processes, sampled from /proc every 20 ms (Linux).
Prints one table. Run:

    .venv/bin/python bench/batch.py [--articles N] [--jobs 1 2] [--cached 1000] [--corpus DIR]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "wikinews" / "text"
COMMAND = [sys.executable, "-m", "tui"]

INVENTED = (
    "Harbour plan approved in {town}\n\n"
    "Mara Quell, the harbour chief of {town}, said on Monday that the plan would cost $2 million. "
    "\"We start in May,\" Quell said. Tobin Vale of Velin Rail welcomed the decision, and the "
    "council of {town} said more than 300 jobs would follow within two years.\n\n"
    "Critics said the cost could rise by 40% before work ends, according to a report.\n"
)


def texts(corpus: Path = CORPUS) -> list[str]:
    if corpus.is_dir():
        return [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))]
    return [INVENTED.format(town=town) for town in ("Halvard", "Orsk Bay", "Lindmoor", "Pellan")]


def write_corpus(folder: Path, count: int, corpus: Path = CORPUS) -> int:
    """``count`` unique articles in ``folder``; returns their total words."""
    base = texts(corpus)
    words = 0
    for i in range(count):
        text = base[i % len(base)] + f"\nEdition {i}.\n"
        (folder / f"{i:05d}.txt").write_text(text, encoding="utf-8")
        words += len(text.split())
    return words


def _tree_rss(pid: int) -> int:
    """Resident bytes of ``pid`` and every descendant (Linux /proc)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    page = os.sysconf("SC_PAGE_SIZE")
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry))
        rss[int(entry)] = int(fields[21]) * page
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        total += rss.get(p, 0)
        todo.extend(children.get(p, []))
    return total


def timed(args: list[str], cache: Path) -> tuple[float, int]:
    """Wall time and peak memory (whole process tree) of one ``newsreader`` run."""
    env = {**os.environ, "NEWSREADER_CACHE_DIR": str(cache)}
    env.pop("NEWSREADER_MODEL", None)
    start = time.perf_counter()
    proc = subprocess.Popen([*COMMAND, *args], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss(proc.pid))
            done.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    elapsed = time.perf_counter() - start
    done.set()
    sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"newsreader {' '.join(args)} failed: {err.decode(errors='replace')}")
    return elapsed, peak


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=96, help="articles analysed per run")
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="process counts to try")
    ap.add_argument("--cached", type=int, default=1000, help="cached articles indexed (0: skip)")
    ap.add_argument("--corpus", type=Path, default=CORPUS, help="folder of .txt articles")
    ns = ap.parse_args()
    rows: list[tuple[str, str, str]] = []
    with tempfile.TemporaryDirectory(prefix="nr-bench-") as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        words = write_corpus(folder, ns.articles, ns.corpus)
        for jobs in ns.jobs:
            cache = Path(tmp) / f"cache-{jobs}"
            elapsed, peak = timed(["analyze", str(folder), "--format", "jsonl",
                                   "--jobs", str(jobs)], cache)
            rows.append((f"analyze, {jobs} process{'es' * (jobs != 1)}",
                         f"{ns.articles / elapsed:,.1f} articles/s ({words / elapsed:,.0f} words/s)"
                         f" in {elapsed:.1f} s", f"{peak / 2**20:,.0f} MB"))
        if ns.cached:
            many = Path(tmp) / "many"
            many.mkdir()
            write_corpus(many, ns.cached, ns.corpus)
            cache = Path(tmp) / "cache-many"
            jobs = max(ns.jobs)
            fill, _ = timed(["analyze", str(many), "--format", "jsonl", "--jobs", str(jobs)],
                            cache)
            elapsed, peak = timed(["index", str(many), "--jobs", str(jobs)], cache)
            rows.append((f"fill the cache, {ns.cached} articles", f"{fill:.1f} s", ""))
            rows.append((f"index {ns.cached} cached articles",
                         f"{elapsed:.2f} s = {ns.cached / elapsed:,.0f} articles/s",
                         f"{peak / 2**20:,.0f} MB"))
    source = "Wikinews texts" if ns.corpus.is_dir() else "invented articles"
    print(f"newsreader batches: {ns.articles} articles ({source}, {words:,} words), "
          f"{os.cpu_count()} cores")
    print(f"{'run':36} {'speed':48} {'peak memory':>11}")
    for name, speed, memory in rows:
        print(f"{name:36} {speed:48} {memory:>11}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
