"""Quote and speech attribution of newsreader's claims against a hand-made gold.

Usage::

    .venv/bin/python bench/attribution.py [--corpus ../shared/corpus/wikinews]
        [--gold bench/attribution_gold.jsonl] [--model NAME] [-v]

The gold (``bench/attribution_gold.jsonl``, one JSON object a line) marks every direct quote and
every reported statement of the 24 Wikinews articles of the corpus, with its speaker:

- ``kind`` "quote": a direct quotation (the span includes its quote marks);
- ``kind`` "fragment": a reported clause carrying a short quoted fragment
  (``He called the plan "a disaster"``: the span is the whole reported clause);
- ``kind`` "reported": indirect speech ("said that ...", "according to X, ..."); the span is
  the reported content, without the speaker and the cue;
- ``speaker``, ``speaker_aliases`` (the surface forms naming the speaker in the article) and
  ``speaker_named`` (false when the article only describes the speaker: "officials").

Gold conventions: it was written by reading the articles (titles and captions included when
they carry speech; the "Sources" list of headlines is left out). A quote is one item per
contiguous quoted stretch within a paragraph, so a quote running over two paragraphs, or split
by "she said", is two items; pull quotes and block quotes that lost their quote marks in the
text are quotes too. Speech nested inside a quote is not annotated separately. "Reported"
includes speech acts whose content is a noun phrase or an infinitive ("announced the start of
...", "asked X to Y": the span is the complement after the verb) and findings of studies
("the study revealed ...", "researchers found ...").

Matching, per article (:func:`score_attribution`):

- **found**: a gold item is found when one predicted claim overlaps it by at least half of the
  gold span. A gold "quote" needs a predicted claim of kind "quote"; a gold "fragment" or
  "reported" item accepts a predicted "quote" or "reported". When several claims qualify, the
  one with the largest overlap is the match. Claims of kind "assertion" are never considered.
- **precision**: a predicted "quote" or "reported" claim is correct when the gold items of any
  kind, together, cover at least half of its span (so a claim over two adjacent gold quotes
  counts as correct); precision is given for predicted quotes and for predicted reported claims.
- **speaker right**: for a found item, the matched claim's speaker names are the ``name`` and
  ``aliases`` of its ``speakers`` actors (or of its single ``speaker`` when there is no
  ``speakers`` list) and its ``speaker_text``. The speaker is right when one of those names
  equals, case-insensitively and ignoring a leading "the" and a trailing possessive, one of the
  gold ``speaker_aliases`` (or the gold ``speaker``) or the final word of one of them. Speaker
  accuracy is right / found, reported apart for named and unnamed gold speakers.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = ROOT / "bench" / "attribution_gold.jsonl"
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "wikinews"
GOLD_KINDS = ("quote", "fragment", "reported")
PRED_KINDS = ("quote", "reported")
ACCEPTS = {"quote": ("quote",), "fragment": PRED_KINDS, "reported": PRED_KINDS}
"""Predicted claim kinds that can find a gold item of each kind."""
POSSESSIVES = ("'s", "’s", "'", "’")


def load_gold(path: Path, corpus: Path | None = None) -> list[dict[str, Any]]:
    """Read the gold file; with ``corpus``, check that every ``text`` is ``content[start:end]``."""
    gold = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    if corpus is not None:
        texts: dict[str, str] = {}
        for g in gold:
            if g["doc"] not in texts:
                texts[g["doc"]] = (corpus / "text" / f"{g['doc']}.txt").read_text(encoding="utf-8")
            if texts[g["doc"]][g["start"]:g["end"]] != g["text"]:
                raise ValueError(f"gold offsets do not match the text: {g['doc']} "
                                 f"{g['start']}-{g['end']} {g['text'][:40]!r}")
    return gold


def normalise(name: str) -> str:
    """Lower case, outer spaces and punctuation, a leading "the" and a trailing possessive off."""
    s = " ".join(name.split()).strip(" ,.;:\"“”").casefold()
    if s.startswith("the "):
        s = s[4:]
    for pos in POSSESSIVES:
        if s.endswith(pos) and len(s) > len(pos):
            s = s[: -len(pos)]
            break
    return s


def gold_names(item: dict[str, Any]) -> set[str]:
    """The normalised names a predicted speaker may match: each alias and its final word."""
    names: set[str] = set()
    for alias in [item.get("speaker") or "", *item.get("speaker_aliases", [])]:
        full = normalise(alias)
        if full:
            names.add(full)
            names.add(normalise(full.split()[-1]))
    names.discard("")
    return names


def predicted_names(claim: dict[str, Any], actors: dict[str, dict[str, Any]]) -> set[str]:
    """The normalised names of a claim's speaker: its actors' names and aliases, and
    ``speaker_text``."""
    ids = claim.get("speakers")
    if ids is None:
        ids = [claim["speaker"]] if claim.get("speaker") else []
    names: set[str] = set()
    for actor_id in ids:
        actor = actors.get(actor_id)
        if actor:
            names.update(normalise(n) for n in [actor.get("name") or "", *actor.get("aliases", [])])
    if claim.get("speaker_text"):
        names.add(normalise(claim["speaker_text"]))
    names.discard("")
    return names


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def covered(span: tuple[int, int], others: Iterable[tuple[int, int]]) -> float:
    """Share of ``span`` covered by the union of ``others``."""
    s, e = span
    if e <= s:
        return 0.0
    marks = bytearray(e - s)
    for os_, oe in others:
        for k in range(max(s, os_), min(e, oe)):
            marks[k - s] = 1
    return sum(marks) / (e - s)


def _ratio(a: int, b: int) -> float | None:
    return a / b if b else None


def score_attribution(gold: list[dict[str, Any]],
                      predicted: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Score predicted claims against the attribution gold (matching: see the module docstring).

    ``predicted`` maps a doc name to its analysis (``Analysis.to_dict()`` form); gold items of
    docs missing from it count as not found. Returns::

        {"kinds": {kind: {"gold", "found", "recall", "named", "named_right", "named_accuracy",
                          "unnamed", "unnamed_right", "unnamed_accuracy"}}  # quote, fragment,
                                                       # reported, "reported+fragment", "all"
         "precision": {"quote" | "reported": {"pred", "correct", "precision"}},
         "items": [{"doc", "kind", "start", "end", "text", "speaker", "speaker_named",
                    "found", "claim", "speaker_right"}],   # one per gold item
         "false_positives": [{"doc", "kind", "start", "end", "text", "speaker_text"}]}

    Recall, precision and accuracy are None when their denominator is 0. Pure: no I/O.
    """
    by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for g in gold:
        by_doc[g["doc"]].append(g)

    items: list[dict[str, Any]] = []
    for g in gold:
        analysis = predicted.get(g["doc"]) or {}
        actors = {a["id"]: a for a in analysis.get("actors", [])}
        span = (g["start"], g["end"])
        best, best_ov = None, 0
        for c in analysis.get("claims", []):
            if c.get("kind") not in ACCEPTS[g["kind"]]:
                continue
            ov = overlap(span, (c["start"], c["end"]))
            if ov > best_ov:
                best, best_ov = c, ov
        found = best is not None and 2 * best_ov >= span[1] - span[0]
        right = None
        if found:
            right = bool(predicted_names(best, actors) & gold_names(g))
        items.append({
            "doc": g["doc"], "kind": g["kind"], "start": g["start"], "end": g["end"],
            "text": g["text"], "speaker": g["speaker"], "speaker_named": g["speaker_named"],
            "found": found, "speaker_right": right,
            "claim": None if not found else {
                "kind": best["kind"], "start": best["start"], "end": best["end"],
                "speaker": best.get("speaker"), "speakers": best.get("speakers"),
                "speaker_text": best.get("speaker_text"),
                "speaker_names": sorted(predicted_names(best, actors))},
        })

    groups = {k: [k] for k in GOLD_KINDS}
    groups["reported+fragment"] = ["reported", "fragment"]
    groups["all"] = list(GOLD_KINDS)
    kinds: dict[str, dict[str, Any]] = {}
    for name, members in groups.items():
        sel = [i for i in items if i["kind"] in members]
        found = [i for i in sel if i["found"]]
        named = [i for i in found if i["speaker_named"]]
        unnamed = [i for i in found if not i["speaker_named"]]
        n_right = sum(1 for i in named if i["speaker_right"])
        u_right = sum(1 for i in unnamed if i["speaker_right"])
        kinds[name] = {
            "gold": len(sel), "found": len(found), "recall": _ratio(len(found), len(sel)),
            "named": len(named), "named_right": n_right,
            "named_accuracy": _ratio(n_right, len(named)),
            "unnamed": len(unnamed), "unnamed_right": u_right,
            "unnamed_accuracy": _ratio(u_right, len(unnamed)),
        }

    precision = {k: {"pred": 0, "correct": 0, "precision": None} for k in PRED_KINDS}
    false_positives: list[dict[str, Any]] = []
    for doc, analysis in predicted.items():
        spans = [(g["start"], g["end"]) for g in by_doc.get(doc, [])]
        for c in analysis.get("claims", []):
            kind = c.get("kind")
            if kind not in PRED_KINDS:
                continue
            precision[kind]["pred"] += 1
            if covered((c["start"], c["end"]), spans) >= 0.5:
                precision[kind]["correct"] += 1
            else:
                false_positives.append({"doc": doc, "kind": kind, "start": c["start"],
                                        "end": c["end"], "text": c.get("text", ""),
                                        "speaker_text": c.get("speaker_text")})
    for p in precision.values():
        p["precision"] = _ratio(p["correct"], p["pred"])
    return {"kinds": kinds, "precision": precision, "items": items,
            "false_positives": false_positives}


def _fmt(x: float | None) -> str:
    return "     -" if x is None else f"{x:6.3f}"


def format_table(result: dict[str, Any]) -> str:
    """The figures of :func:`score_attribution` as a text table."""
    lines = [f"{'attribution':<20}{'gold':>6}{'found':>6}{'recall':>8}{'prec':>8}"
             f"{'named':>7}{'spk acc':>8}{'unnamed':>8}{'spk acc':>8}"]
    prec = {"quote": result["precision"]["quote"],
            "reported+fragment": result["precision"]["reported"]}
    for name in ("quote", "fragment", "reported", "reported+fragment", "all"):
        k = result["kinds"][name]
        p = prec.get(name)
        lines.append(f"{name:<20}{k['gold']:>6}{k['found']:>6}  {_fmt(k['recall'])}"
                     f"  {_fmt(p['precision']) if p else '     -'}"
                     f"{k['named']:>7}  {_fmt(k['named_accuracy'])}"
                     f"{k['unnamed']:>8}  {_fmt(k['unnamed_accuracy'])}")
    for kind, p in result["precision"].items():
        lines.append(f"predicted {kind}: {p['pred']} claims, {p['correct']} on gold items")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    ap.add_argument("--model", default=None, help="spaCy pipeline (default: newsreader's choice)")
    ap.add_argument("-v", "--verbose", action="store_true",
                    help="list misses, wrong speakers and false positives")
    args = ap.parse_args(argv)
    corpus: Path = args.corpus
    if not (corpus / "text").is_dir():
        print(f"no corpus at {corpus}", file=sys.stderr)
        return 2
    gold = load_gold(args.gold, corpus)

    sys.path.insert(0, str(ROOT))
    from tui.analysis.engine import analyze
    from tui.analysis.pipeline import load_pipeline

    pipeline = load_pipeline(args.model)
    docs = sorted(p.stem for p in (corpus / "text").glob("*.txt"))
    predicted = {}
    for d in docs:
        text = (corpus / "text" / f"{d}.txt").read_text(encoding="utf-8")
        predicted[d] = analyze(text, pipeline, source=d).to_dict()
    result = score_attribution(gold, predicted)

    print(f"pipeline {pipeline.info.name} {pipeline.info.version} "
          f"(trained={pipeline.info.trained}); {len(docs)} articles, {len(gold)} gold items")
    print(format_table(result))
    if args.verbose:
        for i in result["items"]:
            if not i["found"]:
                print(f"MISS  {i['kind']:<9}{i['doc'][9:]:<14}{i['text'][:70]!r}")
            elif i["speaker_right"] is False:
                print(f"SPKR  {i['kind']:<9}{i['doc'][9:]:<14}gold {i['speaker']!r}, "
                      f"predicted {i['claim']['speaker_names']}  {i['text'][:40]!r}")
        for fp in result["false_positives"]:
            print(f"FP    {fp['kind']:<9}{fp['doc'][9:]:<14}{fp['text'][:70]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
