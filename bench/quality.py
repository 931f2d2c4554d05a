"""Quality of newsreader's analysis against the gold Wikinews/GUM annotation.

Usage::

    .venv/bin/python bench/quality.py [--corpus ../shared/corpus/wikinews] [--model NAME] [-v]

It runs the real engine (``load_pipeline`` + ``analyze``) on every article of the corpus (see its
SOURCE.md) and prints a table of figures:

**Named entities** — exact-span micro precision/recall/F1 over PERSON, ORG and *place* (our GPE,
LOC and FAC all count as place), per type and overall. GUM marks every referring expression and
follows its own span conventions, so the gold mentions are adapted to the OntoNotes conventions
our labels follow, the same way for every article:

1. keep mentions with ``named_entity_wikification`` set and etype person, organization or place;
2. keep only *names*: at least one token tagged PROPN (drops "the team", "their", "the country");
3. strip a leading determiner ("the", "a", "this") and a trailing possessive ("'s", "'") on both
   gold and predicted spans, since OntoNotes leaves them out of the name;
4. person mentions: OntoNotes leaves titles, roles and modifiers out ("US President Anna
   Berg" is GPE + PERSON "Anna Berg"; "Tom Lind from the Green Party" is PERSON + ORG),
   so keep only the name (see :func:`person_name`); drop the mention when no name is left
   ("The President", "Co-founder of Acme");
5. person mentions that are a single nationality, religion or political group word ("Kenyans",
   "Buddhists"; recognised with the project's demonym and NORP lists) are NORP in OntoNotes and
   are not scored;
6. a place written "City, State" or "City, State, Country" with only capitalised words is
   tagged as two or three GPEs in OntoNotes-style output ("Austin, Texas" is "Austin" and
   "Texas"), so the gold span is split at the commas.

Gold mentions nest ("Rome's Grand Station" and "Rome"); each is scored on its own, so nesting
costs recall. Predicted spans of other labels (NORP, EVENT ...) are not scored.

GUM links only entities that have a Wikipedia article, so a correct name of a private person
("a spokesman, Tom Smith") has no link. A prediction that exactly matches such an unlinked gold
mention of the same type, made only of proper nouns (and the determiners, prepositions and
conjunctions inside a name; after steps 3-5), is therefore *neutral*:
neither right nor wrong. The row "micro, strict" counts those as false positives instead, and
"micro, raw GUM gold" scores against the linked mentions as GUM gives them (step 3 only:
pronouns, "the team" and titles included), a floor rather than a fair figure.

**Entity errors by class** — per type, each false negative is counted as found with another
type, found with other bounds, inside a name of another type, or missed; each false positive as
a gold name of another type, other bounds, overlapping another type's name, or not a gold name;
and both as one-word names, names on a line of numbers (result lines, tables) and names across a
line break.

**Quotes** — gold ``quotes.jsonl`` spans (a span stops at a sentence end) against our claims of
kind "quote". A gold span is found when predicted quotes cover at least half of it; a predicted
quote is correct when at least half of it lies inside gold spans.

**Attribution** — the hand-made gold of ``bench/attribution_gold.jsonl``, scored by
:func:`bench.attribution.score_attribution`: recall, precision and speaker accuracy (named and
unnamed speakers) for quotes, fragments and reported speech.
**Actors** — pairwise precision/recall of mentions merged into one actor against GUM's
``entity_id`` clusters of named mentions (see :func:`actor_clustering`); the gold/pred columns
count pairs.

**Speed** — words per second of the whole engine over the corpus (one core, warm).
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.attribution import covered, format_table, load_gold, score_attribution  # noqa: E402
from tui.analysis.engine import analyze  # noqa: E402
from tui.analysis.lexicon import gazetteer, lexicon  # noqa: E402
from tui.analysis.pipeline import load_pipeline  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "wikinews"
TYPES = ("PERSON", "ORG", "place")
GOLD_TYPE = {"person": "PERSON", "organization": "ORG", "place": "place"}
PRED_TYPE = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "place", "LOC": "place", "FAC": "place"}
DETERMINERS = ("the ", "The ", "a ", "A ", "an ", "An ", "this ", "This ", "that ", "These ",
               "these ")
POSSESSIVES = ("'s", "’s", "'", "’")
ROLE_PREPS = {"of", "at", "for", "from", "with"}
NAME_UPOS = {"PROPN", "DET", "PART", "PUNCT", "ADP", "CCONJ"}
"""Parts of speech of an unlinked mention that is still a name ("the Foundation for the Arts")."""

Key = tuple[str, int, int, str]


@dataclass
class Counts:
    """True positives, false positives and false negatives."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Strip a leading determiner and a trailing possessive or punctuation from a span."""
    span = text[start:end]
    for det in DETERMINERS:
        if span.startswith(det) and len(span) > len(det):
            start += len(det)
            span = span[len(det):]
            break
    for pos in POSSESSIVES:
        if span.endswith(pos) and len(span) > len(pos) + 1:
            end -= len(pos)
            span = span[: -len(pos)]
            break
    while span and span[-1] in " ,.;:":
        end -= 1
        span = span[:-1]
    return start, end


def person_name(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The name part of a gold person mention (titles, roles and modifiers dropped), or None.

    The mention is cut into capitalised segments at lower-case words and commas. The name is
    the segment after the last title or role word ("US President Anna Berg", "Acme
    founder Tom Lind"), else the one after a possessive ("Green Party's Chan Tai-man"),
    else the first ("Tom Lind from the Green Party").
    """
    titles = lexicon().titles
    segments: list[list[tuple[int, int]]] = [[]]
    after_title = after_possessive = -1
    i = start
    for part in text[start:end].split(" "):
        s, e = i, i + len(part)
        i = e + 1
        if not part:
            continue
        comma = part.endswith(",")
        word = part.rstrip(",")
        e = s + len(word)
        if word.lower().rstrip(".") in titles:
            segments.append([])
            after_title = len(segments) - 1
        elif word.endswith(POSSESSIVES):
            segments.append([])
            after_possessive = len(segments) - 1
        elif word[:1].isupper():
            segments[-1].append((s, e))
        else:
            if word.lower() in ROLE_PREPS and len(segments) - 1 == after_title \
                    and not segments[-1]:
                return None  # "Co-founder of Acme": an organisation inside a role
            segments.append([])
        if comma:
            segments.append([])
    for pick in (after_title, after_possessive, 0):
        if pick >= 0:
            for seg in segments[pick:]:
                if seg:
                    return seg[0][0], seg[-1][1]
            return None
    return None


def raw_gold(corpus: Path, texts: dict[str, str]) -> set[Key]:
    """Linked person/organization/place mentions as GUM gives them (only step 3 applied)."""
    gold: set[Key] = set()
    for line in (corpus / "entities.jsonl").open(encoding="utf-8"):
        m = json.loads(line)
        etype = GOLD_TYPE.get(m["etype"])
        if etype and m["named_entity_wikification"]:
            gold.add((m["doc"], *trim(texts[m["doc"]], m["start"], m["end"]), etype))
    return gold


def gold_entities(corpus: Path, texts: dict[str, str]) -> tuple[set[Key], set[Key]]:
    """Gold (doc, start, end, type) after the adaptations in the module docstring, and the
    unlinked proper-name mentions (neutral when predicted)."""
    gaz, lex = gazetteer(), lexicon()
    groups = {w.lower() for w in gaz.rules["norp"]} | set(lex.demonyms)
    gold: set[Key] = set()
    unlinked: set[Key] = set()
    for line in (corpus / "entities.jsonl").open(encoding="utf-8"):
        m = json.loads(line)
        etype = GOLD_TYPE.get(m["etype"])
        if not etype or "PROPN" not in m["upos"]:
            continue
        linked = bool(m["named_entity_wikification"])
        if not linked and etype != "PERSON" and (any(u not in NAME_UPOS for u in m["upos"])
                                                 or not m["text"].split()[-1][:1].isupper()):
            continue
        text = texts[m["doc"]]
        start, end = trim(text, m["start"], m["end"])
        if etype == "PERSON":
            span = person_name(text, start, end)
            if span is None:
                continue
            start, end = span
            if not linked and not all(w[:1].isupper() for w in text[start:end].split()):
                continue
            word = text[start:end].lower()
            if word in groups or (word.endswith("s") and word[:-1] in groups):
                continue
        target = gold if linked else unlinked
        for s, e in split_places(text, start, end) if etype == "place" else [(start, end)]:
            target.add((m["doc"], s, e, etype))
    return gold, unlinked - gold


def split_places(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """ "Austin, Texas" -> the spans of "Austin" and "Texas"; other spans unchanged."""
    parts = text[start:end].split(", ")
    if len(parts) == 1 or not all(w[:1].isupper() for p in parts for w in p.split()):
        return [(start, end)]
    spans = []
    i = start
    for part in parts:
        spans.append((i, i + len(part)))
        i += len(part) + 2
    return spans


def gold_quotes(corpus: Path) -> dict[str, list[tuple[int, int]]]:
    quotes: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for line in (corpus / "quotes.jsonl").open(encoding="utf-8"):
        q = json.loads(line)
        quotes[q["doc"]].append((q["start"], q["end"]))
    return quotes


def table_line(line: str) -> bool:
    """A result line or a row of a table: two numbers or more, at most one lower-case word."""
    return len(re.findall(r"\d+", line)) >= 2 and len(re.findall(r"\b[a-z]+\b", line)) <= 1


def error_classes(pred: set[Key], gold: set[Key], texts: dict[str, str]) -> dict[str, Counter[str]]:
    """Per type, the errors counted by class: what a false negative or positive is instead."""
    classes: dict[str, Counter[str]] = {t: Counter() for t in TYPES}
    by_doc: dict[str, list[Key]] = defaultdict(list)
    for k in pred | gold:
        by_doc[k[0]].append(k)

    def overlapping(k: Key, keys: set[Key]) -> list[Key]:
        return [o for o in by_doc[k[0]] if o in keys and o[1] < k[2] and k[1] < o[2] and o != k]

    for k in gold - pred:
        others = overlapping(k, pred)
        if any(o[1:3] == k[1:3] for o in others):
            classes[k[3]]["FN: found with another type"] += 1
        elif any(o[3] == k[3] for o in others):
            classes[k[3]]["FN: found with other bounds"] += 1
        elif others:
            classes[k[3]]["FN: inside another type's name"] += 1
        else:
            classes[k[3]]["FN: missed"] += 1
    for k in pred - gold:
        others = overlapping(k, gold)
        if any(o[1:3] == k[1:3] for o in others):
            classes[k[3]]["FP: gold has another type"] += 1
        elif any(o[3] == k[3] for o in others):
            classes[k[3]]["FP: other bounds"] += 1
        elif not others:
            classes[k[3]]["FP: not a gold name"] += 1
        else:
            classes[k[3]]["FP: overlaps another type"] += 1
    for k in pred ^ gold:
        text = texts[k[0]]
        name = text[k[1]:k[2]]
        kind = "FN" if k in gold else "FP"
        if " " not in name and "-" not in name:
            classes[k[3]][f"{kind}, of which one word"] += 1
        line_start = text.rfind("\n", 0, k[1]) + 1
        line_end = text.find("\n", k[2])
        if table_line(text[line_start:line_end if line_end != -1 else len(text)]):
            classes[k[3]][f"{kind}, of which on a line of numbers"] += 1
        if "\n" in name:
            classes[k[3]][f"{kind}, of which across a line break"] += 1
    return classes


def actor_clustering(corpus: Path, texts: dict[str, str], analyses: dict[str, Any]) -> Counts:
    """Pairwise agreement of our actors with GUM's ``entity_id`` clusters, over named mentions.

    Gold mentions are the person/organization/place mentions with a proper noun (trimmed as for
    entities; a person mention reduced to its name). Each is matched to the actor with a mention
    overlapping it most, the overlap being at least half of both spans ("the Dallas chapter of X"
    is not a mention of X); unmatched gold mentions are left out. Over the matched pairs of one
    article: a pair in one actor and one gold cluster is a true positive, in one actor only a
    false positive, in one gold cluster only a false negative.
    """
    gold: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for line in (corpus / "entities.jsonl").open(encoding="utf-8"):
        m = json.loads(line)
        if m["etype"] not in GOLD_TYPE or "PROPN" not in m["upos"] or m["doc"] not in analyses:
            continue
        text = texts[m["doc"]]
        span: tuple[int, int] | None = trim(text, m["start"], m["end"])
        if m["etype"] == "person" and span is not None:
            span = person_name(text, *span)
        if span is not None:
            gold[m["doc"]].append((*span, m["entity_id"]))
    c = Counts()
    for d, mentions in gold.items():
        pred = [(s, e, a.id) for a in analyses[d].actors for s, e in
                (trim(texts[d], m.start, m.end) for m in a.mentions)]
        matched: list[tuple[str, str]] = []
        for gs, ge, cid in mentions:
            overlaps = ((min(ge, e) - max(gs, s), e - s, aid) for s, e, aid in pred)
            best = max(((o, aid) for o, n, aid in overlaps if o > 0 and 2 * o >= max(n, ge - gs)),
                       default=None)
            if best is not None:
                matched.append((cid, best[1]))
        for (g1, p1), (g2, p2) in itertools.combinations(matched, 2):
            if g1 == g2 and p1 == p2:
                c.tp += 1
            elif p1 == p2:
                c.fp += 1
            elif g1 == g2:
                c.fn += 1
    return c


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--model", default="builtin", help="spaCy pipeline (default: builtin)")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every error")
    args = ap.parse_args(argv)
    corpus: Path = args.corpus
    if not (corpus / "entities.jsonl").exists():
        print(f"no corpus at {corpus}", file=sys.stderr)
        return 2

    t0 = time.perf_counter()
    pipeline = load_pipeline(args.model)
    load_s = time.perf_counter() - t0
    docs = sorted(p.stem for p in (corpus / "text").glob("*.txt"))
    texts = {d: (corpus / "text" / f"{d}.txt").read_text(encoding="utf-8") for d in docs}
    analyze("Warm-up text.", pipeline)

    pred: set[Key] = set()
    pred_quotes: dict[str, list[tuple[int, int]]] = {}
    words = 0
    t0 = time.perf_counter()
    analyses = {d: analyze(texts[d], pipeline, source=d) for d in docs}
    run_s = time.perf_counter() - t0
    for d, a in analyses.items():
        words += len(texts[d].split())
        for e in a.entities:
            etype = PRED_TYPE.get(e.label)
            if etype:
                s, en = trim(texts[d], e.start, e.end)
                pred.add((d, s, en, etype))
        pred_quotes[d] = [(c.start, c.end) for c in a.claims if c.kind == "quote"]

    gold, unlinked = gold_entities(corpus, texts)
    strict = Counts(len(pred & gold), len(pred - gold), len(gold - pred))
    raw = raw_gold(corpus, texts)
    unadapted = Counts(len(pred & raw), len(pred - raw), len(raw - pred))
    neutral = len(pred & unlinked)
    pred -= unlinked
    per: dict[str, Counts] = {t: Counts() for t in TYPES}
    for k in pred & gold:
        per[k[3]].tp += 1
    for k in pred - gold:
        per[k[3]].fp += 1
    for k in gold - pred:
        per[k[3]].fn += 1
    micro = Counts(*(sum(getattr(c, f) for c in per.values()) for f in ("tp", "fp", "fn")))
    untyped = Counts()
    gold_spans = {k[:3] for k in gold}
    pred_spans = {k[:3] for k in pred}
    untyped.tp = len(gold_spans & pred_spans)
    untyped.fp = len(pred_spans - gold_spans)
    untyped.fn = len(gold_spans - pred_spans)

    gq = gold_quotes(corpus)
    q = Counts()
    for d in docs:
        for span in gq.get(d, []):
            if covered(span, pred_quotes.get(d, [])) >= 0.5:
                q.tp += 1
            else:
                q.fn += 1
        for span in pred_quotes.get(d, []):
            if covered(span, gq.get(d, [])) < 0.5:
                q.fp += 1
    q_pred = sum(len(v) for v in pred_quotes.values())

    print(f"pipeline {pipeline.info.name} {pipeline.info.version} "
          f"(trained={pipeline.info.trained}); {len(docs)} articles, {words:,} words")
    print(f"{'':<22}{'gold':>6}{'pred':>6}{'P':>8}{'R':>8}{'F1':>8}")
    rows = [(f"entities {t}", per[t]) for t in TYPES]
    rows += [("entities micro", micro), ("micro, strict", strict), ("spans, any type", untyped),
             ("micro, raw GUM gold", unadapted)]
    for name, c in rows:
        p, r, f = c.prf()
        print(f"{name:<22}{c.tp + c.fn:>6}{c.tp + c.fp:>6}{p:>8.3f}{r:>8.3f}{f:>8.3f}")
    p, r, f = q.prf()
    print(f"{'quotes (overlap)':<22}{q.tp + q.fn:>6}{q_pred:>6}{p:>8.3f}{r:>8.3f}{f:>8.3f}")
    ac = actor_clustering(corpus, texts, analyses)
    p, r, f = ac.prf()
    pairs = f"{ac.tp + ac.fn:>6}{ac.tp + ac.fp:>6}"
    print(f"{'actors (pairwise)':<22}{pairs}{p:>8.3f}{r:>8.3f}{f:>8.3f}")
    print(f"({neutral} predictions match gold names without a Wikipedia link: neutral above, "
          f"errors in 'micro, strict')")
    print(f"pipeline load {load_s:.2f} s; analysis {words / run_s:,.0f} words/s")
    classes = error_classes(pred, gold, texts)
    names = sorted({n for c in classes.values() for n in c}, key=lambda n: (n[:2], n))
    print(f"{'entity errors by class':<38}" + "".join(f"{t:>8}" for t in TYPES))
    for n in names:
        print(f"{n:<38}" + "".join(f"{classes[t][n]:>8}" for t in TYPES))
    attribution_gold = ROOT / "bench" / "attribution_gold.jsonl"
    if attribution_gold.is_file():
        gold_items = load_gold(attribution_gold, corpus)
        result = score_attribution(gold_items, {d: a.to_dict() for d, a in analyses.items()})
        print(f"attribution ({len(gold_items)} hand-made gold items, bench/attribution.py):")
        print(format_table(result))

    if args.verbose:
        errors: Counter[str] = Counter()
        for k in sorted(pred ^ gold):
            kind = "FP" if k in pred else "FN"
            text = texts[k[0]][k[1]:k[2]]
            print(f"{kind} {k[3]:<7}{k[0][9:]:<12}{text!r}")
            errors[f"{kind} {k[3]}"] += 1
        print(dict(errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
