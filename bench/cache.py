"""Cost of the analysis cache per write and per read, as the folder fills.

Writes entries of a typical size (one small article's analysis, about 5 KB) into a fresh cache
folder and times each write and read at several folder sizes: a write must not cost more as the
folder grows (no listing of the folder per write), a read is one validated file. Run:

    .venv/bin/python bench/cache.py [--entries N]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import statistics
import sys
import tempfile
import time

ROOT = __import__("pathlib").Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=2000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        os.environ["NEWSREADER_CACHE_DIR"] = folder
        from tui import cache
        from tui.analysis.model import Analysis, Entity, PipelineInfo

        text = "Anna Berg said 42 people came to the town hall on Monday. " * 40
        analysis = Analysis(text=text, source="-", title=None,
                            pipeline=PipelineInfo("x", "1", False),
                            entities=[Entity(0, 9, "Anna Berg", "PERSON")] * 20)
        keys = [hashlib.sha256(str(i).encode()).hexdigest() for i in range(args.entries)]
        print(f"cache, entries of {len(analysis.to_dict()['text']) // 1000 + 1} KB text, "
              f"{os.cpu_count()} cores")
        print(f"{'entries in folder':>18} {'write (median)':>15} {'read (median)':>14}")
        step = max(1, args.entries // 4)
        for start in range(0, args.entries, step):
            writes, reads = [], []
            for key in keys[start:start + step]:
                t = time.perf_counter()
                cache.put(key, analysis)
                writes.append(time.perf_counter() - t)
                t = time.perf_counter()
                assert cache.get(key) is not None
                reads.append(time.perf_counter() - t)
            print(f"{start + step:>18,} {statistics.median(writes) * 1000:>12.2f} ms "
                  f"{statistics.median(reads) * 1000:>11.2f} ms")


if __name__ == "__main__":
    main()
