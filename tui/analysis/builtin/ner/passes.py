"""Step 3: the document passes, run in order over all the names found so far (:data:`PASSES`).

Each pass takes the list of :class:`Found` spans and returns it changed: words around a guess
make it a place, an employer or a team; a bracketed short name takes its long name's label;
weak guesses take the labels of surer mentions of the same words (:mod:`.consistency`).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable

from tui.analysis.builtin.ner.consistency import common_word_surnames, consistent
from tui.analysis.builtin.ner.evidence import (
    company_short_forms,
    document_evidence,
    orgs_by_context,
    party_names,
)
from tui.analysis.builtin.ner.results import result_tables
from tui.analysis.builtin.ner.tables import CITY
from tui.analysis.builtin.ner.view import Found, View

QUOTE_PAIRS = {"“": "”", '"': '"', "‘": "’", "«": "»", "„": "“"}
"""Opening quote glyph -> its closing glyph, for titles of works in quotes."""
MAX_TITLE_TOKENS = 12

LIST_GAPS = ([","], ["and"], ["or"], ["&"], [",", "and"], [",", "or"])
"""What separates names listed together."""
MAX_LIST_GAP = max(len(gap) for gap in LIST_GAPS)

Pass = Callable[[View, list[Found]], list[Found]]


def _bracketed(v: View, f: Found) -> bool:
    """ "(ITA)": the span is alone in brackets."""
    return f.start > 0 and f.end < v.n and v.words[f.start - 1] == "(" and v.words[f.end] == ")"


def employers(v: View, found: list[Found]) -> list[Found]:
    """A name right before a lower-case role noun and a person is who that person works or
    plays for: "Harbour Bank analyst Anna Berg", "Riverton striker Tom Hale" (ORG)."""
    for f, nxt in itertools.pairwise(found):
        if f.label not in ("PERSON", CITY, "") or nxt.label != "PERSON":
            continue
        between = [w for w in v.words[f.end:nxt.start] if not w.isspace()]
        if 1 <= len(between) <= 2 and all(w.islower() for w in between) \
                and between[-1] in v.t.role_nouns:
            f.label, f.strong = "ORG", True
    return found


def places_by_context(v: View, found: list[Found]) -> list[Found]:
    """Guessed names that the words around them make places: "the town of Varnsby",
    "the island of Orlo" and "Varnsby, Ohio" (a place before a comma and a state or
    country)."""
    words, t = v.words, v.t
    for n, f in enumerate(found):
        if f.strong:
            continue
        before = [w for w in words[max(0, f.start - 4):f.start] if not w.isspace()][-2:]
        if len(before) == 2 and before[1] == "of" and before[0] in v.t.place_nouns:
            f.label, f.strong = v.t.place_nouns[before[0]], True
            continue
        after = v.next_word(f.end)
        noun = after if after in v.t.place_nouns else after[:-1] if after.endswith("s") else ""
        if noun in v.t.place_nouns and noun not in ("state", "capital"):  # "Xinhua state media"
            f.label, f.strong = v.t.place_nouns[noun], True  # "the Varnsby region"
            continue
        if n + 1 < len(found) and f.end + 2 <= v.n and words[f.end] == "," \
                and found[n + 1].start == f.end + 1 + (words[f.end + 1].isspace()) \
                and found[n + 1].strong and found[n + 1].label in ("GPE", CITY) \
                and all(w[:1].isupper() and w.lower() not in t.common
                        for w in words[f.start:f.end] if w[:1].isalpha()):
            g = found[n + 1]
            after = v.next_word(g.end)
            if v.match(g.start, g.end)[0] == g.end and (
                    after in v.t.function_words or not after[:1].isalnum()):
                f.label, f.strong = "GPE", True  # "Varnsby, Ohio"
    return found


def bracketed_aliases(v: View, found: list[Found]) -> list[Found]:
    """A name in brackets right after an organisation or place is its short name:
    "the Harbour Fire Authority (Harbour Fire)", "the Pan-Asian Forum (PAF)". Capitalised
    words between them belong to the long name ("... of Forestry and Fire Protection (X)")."""
    absorbed: set[int] = set()
    for i, f in enumerate(found):
        if f.label not in ("ORG", "GPE", "LOC", "FAC") or not f.strong:
            continue
        j = i + 1
        while j < len(found) and not found[j].label and not found[j].strong \
                and not _bracketed(v, found[j]):
            j += 1  # unlabelled capitalised runs inside the long name
        if j >= len(found):
            continue
        alias = found[j]
        if alias.strong and alias.label not in ("", "PERSON", f.label):
            continue  # "NAIROBI (Reuters)": a dateline, the agency is its own name
        between = [w for w in v.words[f.end:alias.start] if not w.isspace()]
        if not between or between[-1] != "(" or alias.end >= v.n \
                or v.words[alias.end] != ")":
            continue
        rest = between[:-1]
        if rest and not (rest[-1][:1].isupper() and all(
                w[:1].isupper() or w in ("and", "of", "for", "&") for w in rest)):
            continue
        if rest:
            end = alias.start - 1
            while end > f.end and (v.words[end - 1] == "(" or v.words[end - 1].isspace()):
                end -= 1
            f.end = end
            absorbed.update(id(inner) for inner in found[i + 1:j])
        alias.label, alias.strong = f.label, True
    found[:] = [f for f in found if id(f) not in absorbed]
    return found


def _gap(v: View, start: int, end: int) -> list[str] | None:
    """The words of ``[start, end)`` (no whitespace), or ``None`` when there are more than a
    list gap has (read only that far: the gap between two names may be a whole paragraph)."""
    out: list[str] = []
    for w in v.words[start:end]:
        if not w.isspace():
            if len(out) == MAX_LIST_GAP:
                return None
            out.append(w)
    return out


def _lists(v: View, found: list[Found]) -> list[list[Found]]:
    """Names listed together: "A, B and C" (each name alone is a list of one)."""
    groups: list[list[Found]] = []
    for f in found:
        if groups:
            gap = _gap(v, groups[-1][-1].end, f.start)
            if gap in LIST_GAPS:
                groups[-1].append(f)
                continue
        groups.append([f])
    return groups


def coordinated(v: View, found: list[Found]) -> list[Found]:
    """Unknown names listed with a known organisation or place are of its kind:
    "Zorvex, Quanta and BASF cut their forecasts" (ORG)."""
    for group in _lists(v, found):
        labels = {f.label for f in group if f.strong and f.label}
        if len(group) < 2 or len(labels) != 1 or not labels <= {"ORG", "GPE"}:
            continue
        (label,) = labels
        for f in group:
            if not f.label and f.end - f.start == 1:
                f.label = label
    return found


def teams(v: View, found: list[Found]) -> list[Found]:
    """In a sports report, places that play ("Sweden defeated Panama 3 – 0") and guessed names
    after "the" ("the Harlow Hawks", "the Red Sox") are teams: ORG."""
    t = v.t
    if sum(map(t.sports_words.__contains__, map(str.lower, v.words))) < 2:  # a C-level count
        return found  # not a sports report: "Russia faced sanctions" is about the country
    playing: set[str] = set()
    for f in found:
        club = not f.strong and (v.match(f.start, f.end)[0] > f.start
                                 or f.label == "ORG" or (not f.label and f.fallback == "ORG"))
        last = v.words[f.end - 1]
        if not f.strong and v.prev_word(f.start).lower() == "the" and (
                f.label in ("PERSON", "ORG") or (last.endswith("s") and last[1:].islower()
                                                 and last.lower() not in t.common)):
            playing.add(v.span_text(f.start, f.end))  # "the Harlow Hawks", "the Red Sox"
        elif (f.label in ("GPE", CITY) or club) and (
                v.next_word(f.end) in t.team_verbs
                or v.prev_word(f.start) in t.team_verbs
                or v.score_near(f.start, f.end)):
            playing.add(v.span_text(f.start, f.end))  # "Manchester United 3-2"
    for group in _lists(v, found):  # "Tottenham, Harlow Rovers and Newcastle won"
        if len(group) > 1 and any(v.span_text(f.start, f.end) in playing or (
                f.label == "ORG" and f.strong) for f in group):
            playing.update(v.span_text(f.start, f.end) for f in group if f.label == CITY)
    for f in found:
        if (f.label in ("GPE", CITY) or not f.strong) and v.span_text(f.start, f.end) in playing:
            f.label = "ORG"
    return found


def drop_unnamed(v: View, found: list[Found]) -> list[Found]:
    """Spans still without a label, and spans without two letters in a row ("B", "A-B"), go."""
    return [f for f in found if f.label and wordy(v, f)]


def wordy(v: View, f: Found) -> bool:
    """At least two letters in a row somewhere: "B" or "A-B" is no name."""
    return any(sum(ch.isalpha() for ch in w) >= 2 for w in v.words[f.start:f.end])


def with_works(v: View, found: list[Found]) -> list[Found]:
    """Add quoted titles after a cue ("the book “Red Flags”") as WORK_OF_ART.

    Names inside a title are dropped: the title is the entity.
    """
    works = list(quoted_titles(v))
    if not works:
        return found
    kept = [f for f in found if not any(f.start < e and s < f.end for s, e in works)]
    kept.extend(Found(s, e, "WORK_OF_ART", True) for s, e in works)
    return sorted(kept, key=lambda f: f.start)


def quoted_titles(v: View) -> Iterable[tuple[int, int]]:
    """Token spans of title-case quotations that follow a work cue."""
    words, t = v.words, v.t
    for i, w in enumerate(words):
        close = QUOTE_PAIRS.get(w)
        if close is None or i + 1 >= v.n or not words[i + 1][:1].isupper():
            continue
        end = next((k for k in range(i + 1, min(v.n, i + MAX_TITLE_TOKENS + 2))
                    if words[k] == close), None)
        if end is None:
            continue
        stop = end
        while stop > i + 1 and words[stop - 1] in ".,;:!?":
            stop -= 1  # “Red Flags.”: the full stop belongs to the sentence
        content = [x for x in words[i + 1:stop] if x.isalpha() and len(x) > 3]
        if not content or stop == i + 1:
            continue
        caps = sum(1 for x in content if x[0].isupper())
        if caps < 0.6 * len(content):
            continue
        before = [x.lower() for x in words[max(0, i - 4):i] if x.isalpha()]
        if any(x in t.work_cues for x in before[-3:]):
            yield i + 1, stop


PASSES: tuple[Pass, ...] = (
    employers,  # "Harbour Bank analyst Anna Berg"
    places_by_context,  # "the town of Varnsby", "Varnsby, Ohio"
    bracketed_aliases,  # "the Pan-Asian Forum (PAF)"
    coordinated,  # "Zorvex, Quanta and BASF"
    result_tables,  # "Harlow 2 Varnsby 1"
    party_names,  # "the Communists"
    orgs_by_context,  # "the Varnek party"
    company_short_forms,  # "Harlow Logistics Inc." ... "Harlow"
    document_evidence,  # "shares of Harlow", "Varnek said he"
    consistent,  # a guess takes the label of a surer mention
    common_word_surnames,  # "Sarah Rich ... Rich said"
    teams,  # "Sweden defeated Panama 3 – 0"
    drop_unnamed,
    with_works,  # the book "Red Flags"
)
"""The document passes, in order (each one sees what the earlier ones decided)."""
