"""Numbers of newsreader's analysis against the hand-made number gold of Wikinews articles.

Usage::

    .venv/bin/python bench/numbers_eval.py [--corpus ../shared/corpus/wikinews] [--model NAME] [-v]

``bench/numbers_gold.jsonl`` holds every number expression of a subset of the corpus articles,
annotated by reading the texts: one object per line, ``doc``, ``start``, ``end`` (character offsets
into the ``.txt``), ``text``, ``kind`` (a NumberKind), ``value`` and ``unit`` following the value
conventions of ``tui.analysis.numbers``. Where those conventions are silent the gold marks what a
reader calls the number: "from November 20 to December 11" is one date, "early in 2016" keeps
"early in", "[Ten] years ago" keeps the editorial brackets; labels that a reader
still reads as numbers ("posts 542 and 543", "day five") are cardinals; numbers inside product
names ("Internet Explorer 6", "HTML 5"), ranks after "#" (a label, like "No. 1") and adverbial
"first" ("first noticed") are not numbers.

Figures (only the gold's articles are scored):

* **found**: a gold number overlapped by one predicted number over at least half of the gold span;
* **precision**: predicted numbers that overlap a gold number over at least half of their own span;
* **value right**: among the found, the predicted value equals the gold value (both None counts as
  right; floats compared with a relative tolerance of 1e-3);
* **kind right** and **unit right**: the same among the found, for the kind and the unit.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DEFAULT_CORPUS = next(
    (
        p / "shared" / "corpus" / "wikinews"
        for p in ROOT.parents
        if (p / "shared" / "corpus" / "wikinews").is_dir()
    ),
    ROOT.parent / "shared" / "corpus" / "wikinews",
)
DEFAULT_GOLD = ROOT / "bench" / "numbers_gold.jsonl"

Row = dict[str, Any]


@dataclass
class Scores:
    """The counts behind the figures, and the errors for ``-v``."""

    gold: int = 0
    predicted: int = 0
    found: int = 0
    precise: int = 0
    value_right: int = 0
    kind_right: int = 0
    unit_right: int = 0
    gold_by_kind: Counter[str] = field(default_factory=Counter)
    found_by_kind: Counter[str] = field(default_factory=Counter)
    misses: list[Row] = field(default_factory=list)
    false_positives: list[Row] = field(default_factory=list)
    wrong_values: list[tuple[Row, Row]] = field(default_factory=list)
    wrong_kinds: list[tuple[Row, Row]] = field(default_factory=list)

    def figures(self) -> dict[str, float]:
        """The ratios (0..1); an empty denominator gives 0."""

        def r(a: int, b: int) -> float:
            return a / b if b else 0.0

        return {
            "found": r(self.found, self.gold),
            "precision": r(self.precise, self.predicted),
            "value right": r(self.value_right, self.found),
            "kind right": r(self.kind_right, self.found),
            "unit right": r(self.unit_right, self.found),
        }


def same_value(a: float | None, b: float | None) -> bool:
    """Both None, or equal within a relative tolerance of 1e-3."""
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(float(a), float(b), rel_tol=1e-3, abs_tol=1e-9)


def _overlap(a: Row, b: Row) -> int:
    return max(0, min(a["end"], b["end"]) - max(a["start"], b["start"]))


def score_numbers(gold: list[Row], predicted: list[Row]) -> Scores:
    """Score ``predicted`` numbers against ``gold`` (both rows with doc, start, end, kind, value,
    unit). Only the documents present in ``gold`` are scored."""
    docs = {g["doc"] for g in gold}
    pred = [p for p in predicted if p["doc"] in docs]
    by_doc: dict[str, list[Row]] = {}
    for p in pred:
        by_doc.setdefault(p["doc"], []).append(p)
    gold_doc: dict[str, list[Row]] = {}
    for g in gold:
        gold_doc.setdefault(g["doc"], []).append(g)
    s = Scores(gold=len(gold), predicted=len(pred))
    for g in gold:
        s.gold_by_kind[g["kind"]] += 1
        glen = g["end"] - g["start"]
        best = max(by_doc.get(g["doc"], []), key=lambda p: _overlap(g, p), default=None)
        if best is None or 2 * _overlap(g, best) < glen:
            s.misses.append(g)
            continue
        s.found += 1
        s.found_by_kind[g["kind"]] += 1
        if same_value(g["value"], best["value"]):
            s.value_right += 1
        else:
            s.wrong_values.append((g, best))
        if g["kind"] == best["kind"]:
            s.kind_right += 1
        else:
            s.wrong_kinds.append((g, best))
        if g.get("unit") == best.get("unit"):
            s.unit_right += 1
    for p in pred:
        plen = p["end"] - p["start"]
        if any(2 * _overlap(p, g) >= plen for g in gold_doc.get(p["doc"], [])):
            s.precise += 1
        else:
            s.false_positives.append(p)
    return s


def load_gold(path: Path) -> list[Row]:
    """The gold rows of a JSON-lines file."""
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _context(texts: dict[str, str], r: Row, width: int = 30) -> str:
    t = texts.get(r["doc"], "")
    a, b = r["start"], r["end"]
    left = t[max(0, a - width) : a].replace("\n", " ")
    right = t[b : b + width].replace("\n", " ")
    return f"{left}[{t[a:b]}]{right}"


def report(s: Scores, texts: dict[str, str], verbose: bool) -> None:
    """Print the figures, per kind, and with ``verbose`` every error."""
    print(f"gold numbers {s.gold}, predicted {s.predicted}")
    for name, v in s.figures().items():
        print(f"  {name:<12} {100 * v:5.1f}%")
    print("  found per kind:")
    for kind, n in sorted(s.gold_by_kind.items(), key=lambda kv: -kv[1]):
        print(f"    {kind:<9} {s.found_by_kind[kind]:>3}/{n:<3}")
    if not verbose:
        return
    print("\nmisses:")
    for g in s.misses:
        print(f"  {g['doc'][9:]:<12} {g['kind']:<9} {_context(texts, g)}")
    print("\nfalse positives:")
    for p in s.false_positives:
        print(f"  {p['doc'][9:]:<12} {p['kind']:<9} {_context(texts, p)}")
    print("\nwrong values (gold -> predicted):")
    for g, p in s.wrong_values:
        print(
            f"  {g['doc'][9:]:<12} {g['text']!r}: {g['value']} {g['unit']} -> "
            f"{p['text']!r}: {p['value']} {p['unit']}"
        )
    print("\nwrong kinds (gold -> predicted):")
    for g, p in s.wrong_kinds:
        print(f"  {g['doc'][9:]:<12} {g['text']!r}: {g['kind']} -> {p['text']!r}: {p['kind']}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    ap.add_argument("--model", default="builtin", help="spaCy pipeline (default: builtin)")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every error")
    args = ap.parse_args(argv)
    if not (args.corpus / "text").is_dir():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    gold = load_gold(args.gold)

    from tui.analysis.choice import PipelineError
    from tui.analysis.engine import analyze
    from tui.analysis.pipeline import load_pipeline

    try:
        pipeline = load_pipeline(args.model)
    except PipelineError as exc:
        print(exc, file=sys.stderr)
        return 2
    docs = sorted({g["doc"] for g in gold})
    texts = {d: (args.corpus / "text" / f"{d}.txt").read_text(encoding="utf-8") for d in docs}
    predicted: list[Row] = []
    for d in docs:
        for n in analyze(texts[d], pipeline, source=d).numbers:
            predicted.append(
                {
                    "doc": d,
                    "start": n.start,
                    "end": n.end,
                    "text": n.text,
                    "kind": n.kind,
                    "value": n.value,
                    "unit": n.unit,
                }
            )
    report(score_numbers(gold, predicted), texts, args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
