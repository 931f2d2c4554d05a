"""Sports results and standings: lines of names and numbers ("Arsenal 2 Chelsea 1",
"Boston 71 40 .640"), where a town is a team and a name before a number is no product.

A *table line* has at least :data:`MIN_NUMBERS` numbers and is otherwise made of capitalised
words, numbers and punctuation (at most :data:`MAX_LOWER` lower-case words: "Arsenal 2
Chelsea 1 (halftime 1-0)"); so is a row that starts with a score and lists players ("66 Anna
Varnek (Norway), Tom Lind"). A *header line* ("Team W L PCT", "P W D L F A Pts") has at least
:data:`MIN_HEADER` short upper-case column names and at most one other word.
"""

from __future__ import annotations

import re

from tui.analysis.builtin.ner.tables import CITY
from tui.analysis.builtin.ner.view import HYPHENS, Found, View
from tui.analysis.lexicon import lexicon

NUMBER = re.compile(r"[-+]?\d*[.,/]?\d+(?:[-–:/]\d+)?")
"""A cell of a result table: "2", ".640", "6-4", "71.5", "1/2"."""
DIGIT = re.compile(r"\d")
DATE = re.compile(r"\b\d{4}-\d\d-\d\d\b|\b\d\d?/\d\d?/\d{2,4}\b")
CELL_PUNCT = frozenset({"(", ")", ",", ".", ":", "-", "–", "—", "/", "*", "[", "]"}) | HYPHENS
MAX_LOWER = 1
MIN_NUMBERS = 2
"""A headline in title case may have one number ("Storm Kills 12 In Texas"); a result has two."""
MIN_HEADER = 3
MAX_BRACKET_TOKENS = 16
PLACE_PREPOSITIONS = frozenset({"in", "near", "outside"})
PLACES = frozenset({"GPE", "LOC", CITY, "NORP"})


def _lines(v: View) -> list[tuple[int, int]]:
    """Token ranges ``[start, end)`` of the lines of the text."""
    out: list[tuple[int, int]] = []
    start = 0
    for i, w in enumerate(v.words):
        if "\n" in w:
            out.append((start, i))
            start = i + 1
    out.append((start, v.n))
    return out


def _kind(v: View, start: int, end: int) -> str:
    """ "table", "header" or "" for the line ``[start, end)`` (a dateline is neither:
    "HARLOW 1996-08-24")."""
    if start >= end:
        return ""
    a, b = v.idx[start], v.idx[end - 1] + len(v.words[end - 1])
    if not DIGIT.search(v.text, a, b):  # no number: a header or nothing (most lines: prose)
        return "header" if _header(v.words[start:end]) else ""
    if DATE.search(v.text, a, b):
        return ""
    numbers = lower = short_caps = words = 0
    for w in v.words[start:end]:
        if w.isspace() or w in CELL_PUNCT:
            continue
        words += 1
        if NUMBER.fullmatch(w):
            numbers += 1
        elif w.isupper() and w.isalpha() and len(w) <= 3:
            short_caps += 1
        elif not w[:1].isupper():
            lower += 1
    if lower == 0 and short_caps >= MIN_HEADER and numbers == 0 and words - short_caps <= 1:
        return "header"  # "Team W L PCT", not "HARLOW GET LUCKY WIN"
    if numbers >= MIN_NUMBERS and lower <= MAX_LOWER and words - numbers >= 1:
        return "table"
    cells = [w for w in v.words[start:end] if not w.isspace()]
    if numbers == 1 and lower == 0 and len(cells) > 2 and NUMBER.fullmatch(cells[0]) \
            and ("," in cells or "(" in cells):
        return "table"  # a leaderboard row: "66 Anna Varnek (Norway), Tom Lind"
    return ""


def _header(words: list[str]) -> bool:
    """A line without numbers is a header when it has :data:`MIN_HEADER` short upper-case
    column names, at most one other capitalised word and no lower-case one ("Team W L PCT");
    read only as far as needed ("The mayor said" stops at "mayor")."""
    short_caps = other = 0
    for w in words:
        if w.isspace() or w in CELL_PUNCT:
            continue
        if w.isupper() and w.isalpha() and len(w) <= 3:
            short_caps += 1
        elif not w[:1].isupper():
            return False
        else:
            other += 1
            if other > 1:
                return False
    return short_caps >= MIN_HEADER


def _in_brackets(v: View, k: int) -> bool:
    """Token ``k`` is inside round brackets opened on its line, at most
    :data:`MAX_BRACKET_TOKENS` tokens before."""
    stop = max(0, k - MAX_BRACKET_TOKENS)
    while k > stop and "\n" not in v.words[k - 1]:
        k -= 1
        if v.words[k] == ")":
            return False
        if v.words[k] == "(":
            return True
    return False


def _looks_personal(v: View, f: Found, countries: dict[str, str]) -> bool:
    """A given name first, a surname last or a country in brackets after: "Colin Varnek 71 68"
    and "Quill Ostmark (Norway) 70" are golfers."""
    caps = [w for w in v.words[f.start:f.end] if w[:1].isupper()]
    if len(caps) < 2:
        return False
    if caps[0] in v.t.first_names or caps[-1] in v.t.surnames:
        return True
    after = [w for w in v.words[f.end:f.end + 8] if not w.isspace()]
    if after[:1] == ["("] and ")" in after:
        inside = " ".join(after[1:after.index(")")])
        return inside.lower() in countries or inside in v.t.names
    return False


def result_tables(v: View, found: list[Found]) -> list[Found]:
    """In a table line a place or an unknown name is a team ("Harlow 2 Varnsby 1": ORG; not a
    country, nor a place in brackets after a player, "Anna Varnek (Norway) 71"), a name
    before a score is a team or a player, not a product ("Anna Varnek 71 68": PERSON; so is
    any name of several words in a table of players), and the column names of a header line
    ("W L PCT") are no organisation. A town that is a team in a table is one in the prose too."""
    if not found or not any(NUMBER.fullmatch(w) for w in v.words):
        return found
    kinds: list[str] = []
    line_of: list[int] = []
    for n, (start, end) in enumerate(_lines(v)):
        kinds.append(_kind(v, start, end))
        line_of.extend([n] * (end - start + 1))
    block: list[int] = []  # consecutive table lines share a block number
    for n, kind in enumerate(kinds):
        block.append(block[-1] if n and kind == "table" and kinds[n - 1] == "table" else n)
    countries = lexicon().countries
    people: dict[int, int] = {}
    for f in found:
        n = line_of[f.start]
        if kinds[n] != "table":
            continue
        if f.strong and f.label in PLACES:  # "Harlow 2": a team; "(Norway)": a player's
            vote = 1 if v.prev_word(f.start) == "(" else -1
        else:
            sure = (f.strong and f.label == "PERSON") or _looks_personal(v, f, countries)
            vote = 1 if sure else -1
        people[block[n]] = people.get(block[n], 0) + vote
    kept: list[Found] = []
    teams: set[str] = set()
    for f in found:
        n = line_of[f.start]
        if kinds[n] == "header":
            continue
        if kinds[n] == "table":
            text = v.span_text(f.start, f.end)
            bracketed = v.prev_word(f.start) in ("(", ",") and _in_brackets(v, f.start)
            if bracketed and (not f.strong or f.label == "PERSON") \
                    and NUMBER.fullmatch(v.next_word(f.end)):
                f.label, f.strong = "PERSON", True  # "(Varnek 15, Ostmark 80)": scorers
            elif bracketed and f.label in PLACES and text.lower() not in countries:
                f.label, f.strong = "ORG", True  # "Anna Varnek (Harlow)": her club
            elif f.label == "PRODUCT" or (not f.strong and f.label in ("", "PERSON", "ORG")):
                vote = people[block[n]]  # > 0: a table of players; < 0: of teams
                personal = vote >= 0 and (_looks_personal(v, f, countries) or (
                    vote > 0 and f.end - f.start >= 2))
                f.label, f.strong = "PERSON" if personal else "ORG", True
            elif f.label == "PERSON" and people[block[n]] < 0 \
                    and v.prev_word(f.start).lower().rstrip(".") not in v.t.titles:
                f.label = "ORG"  # "Aston Villa 1" among teams: a team named like a person
            elif not bracketed and (f.label == CITY or (f.label in ("GPE", "LOC", "FAC")
                                                        and text.lower() not in countries)):
                f.label, f.strong = "ORG", True
                teams.add(text)
        kept.append(f)
    for f in kept:  # the team keeps its type in the report's prose: "Harlow won again"
        if f.label == CITY and v.span_text(f.start, f.end) in teams \
                and v.prev_word(f.start).lower() not in PLACE_PREPOSITIONS:  # "fans in Leeds"
            f.label = "ORG"
    return kept
