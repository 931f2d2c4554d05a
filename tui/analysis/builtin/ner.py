"""Rule-based named-entity recognition for the built-in pipeline (no trained weights).

The component works on plain token texts with dictionary look-ups (no ``PhraseMatcher``: building
one over ~45,000 gazetteer names takes seconds, and a dict look-up per capitalised token is both
faster to build and to run). Knowledge lives in ``tui/analysis/data`` (see
:mod:`tui.analysis.lexicon`); this module holds only the method:

1. **Runs**: maximal sequences of capitalised tokens (with hyphens, initials, Roman numerals and
   name particles such as "bin", "von der" or "al-" inside). "X of Y" is joined when X ends with
   a head noun ("University of New South Wales", "School of Oriental and African Studies").
2. **Labelling**: a run is labelled as a whole when a gazetteer or a head noun says what it is
   ("Shanghai Cooperation Organization", "Po River"), and otherwise split left to right into
   known names, titles (dropped: OntoNotes keeps them out of PERSON spans) and unknown names.
   Gazetteers win over heuristics: "India" is a country even though given-name lists contain
   it. Each span is *strong* (gazetteer, head noun, title, given name) or *weak* (a guess).
3. **Context and document consistency**: the words around a guess can make it a place ("the
   town of X", "the X region", "X, Ohio"); weak guesses take the label that strong mentions of
   the same words have; a given name or surname alone is PERSON after a full PERSON; "the
   Church" is ORG after "the Church of X"; an unknown word is a name only if it recurs or acts
   ("Zorvexa has been studying"); a word seen both singular and plural ("Fotomatix",
   "Fotomatixes") is not an ORG.
4. **Genre and quotes**: in a sports report a place that plays ("Sweden defeated Panama 1 – 0")
   is a team (ORG); a title-case quotation after "the book", "the film" ... is a WORK_OF_ART.

Capitalised words at a sentence start, after an opening quote or in a title-case headline are
names only when something says so: a gazetteer, a head noun, a given name before another name,
the word being rare in lower case (from word frequencies: a rare word yes, "Trade" no), or another
mention in the document. Weekdays and months are never names; numbers never are.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc, Span

from tui.analysis.lexicon import gazetteer, lexicon

MAX_PERSON_TOKENS = 4
"""Longest name taken as one person without other evidence."""
OPENERS = frozenset({'"', "“", "‘", "'", "(", "[", ":", "—", "–", "«", "„", "‹", "/", "|"})
"""After these a capitalised word may just start a (quoted) sentence."""
HYPHENS = frozenset({"-", "‐", "‑"})
CONNECTOR_THE = frozenset({"the"})
FUNCTION_WORDS = frozenset(
    "the a an in on at of for to from by with and or but nor as if so than then when while after "
    "before since during until unlike like despite although though because there here he she it "
    "we they i you me him us them his her its our their my your this that these those who which "
    "what where why how is was are were be been has had have do does did not no yes all some any "
    "each every both either neither many much more most other another such".split()
)
"""Capitalised, these start a sentence or a headline word; they never continue a name."""
COMPASS = frozenset({"Northern", "Southern", "Eastern", "Western", "Central", "North", "South",
                     "East", "West", "Northeast", "Northwest", "Southeast", "Southwest",
                     "Northeastern", "Northwestern", "Southeastern", "Southwestern", "Upper",
                     "Lower", "Inner", "Outer", "Greater", "Mainland"})
"""Before a place they make a region: "Southern Indiana" is a LOC."""
AFFIXES = frozenset({"led", "era", "run", "based", "born", "style", "like", "type", "backed",
                     "linked", "owned", "made", "free", "wide", "bound", "held", "ish", "esque"})
"""Lower-case words glued after a name that do not continue it ("Smith-era")."""
SCORE = re.compile(r"\d{1,3}[-–—:]\d{1,3}")
QUOTE_PAIRS = {"“": "”", '"': '"', "‘": "’", "«": "»", "„": "“"}
"""Opening quote glyph -> its closing glyph, for titles of works in quotes."""
MAX_TITLE_TOKENS = 12
FIELD_SUFFIXES = ("ology", "ography", "onomy", "ics", "ism")
"""Endings of the names of fields of study ("Seismology", "Economics"): they continue a name
after "and" like the field nouns of the rules."""
PLACE_NOUNS = {"town": "GPE", "city": "GPE", "village": "GPE", "province": "GPE",
               "state": "GPE", "county": "GPE", "district": "GPE", "municipality": "GPE",
               "suburb": "GPE", "capital": "GPE", "commune": "GPE", "hamlet": "GPE",
               "oblast": "GPE", "prefecture": "GPE", "governorate": "GPE", "region": "GPE",
               "island": "LOC", "islands": "LOC", "river": "LOC", "valley": "LOC",
               "coast": "LOC"}
"""Lower-case nouns that make an unknown name a place: "the town of X", "the X region"."""
CITY = "city"
"""Gazetteer label of a city or province (not a country, capital or US state): a GPE, but one
that people and things are also named after ("Vladimir", "Lincoln")."""


@dataclass(frozen=True, slots=True)
class Tables:
    """Every list the recogniser uses, precompiled into sets and dicts (built once)."""

    names: dict[str, str]
    """Surface form -> label for known names (places, organisations, groups), case-sensitive."""
    first_words: frozenset[str]
    """First whitespace-separated word of every multi-word known name: a cheap pre-check."""
    max_tokens: int
    """Most tokens a known name is tried with (a few more than its words: "Sub-Saharan")."""
    first_names: frozenset[str]
    surnames: frozenset[str]
    surname_first: frozenset[str]
    """East Asian family names, written first ("Wang Lihua", "Park Min-jun")."""
    common: frozenset[str]
    titles: frozenset[str]
    """Lower-case titles and roles, single or multi-word ("president", "prime minister")."""
    max_title_words: int
    role_nouns: frozenset[str]
    head_label: dict[str, str]
    """Last word of a name -> the label it implies: "University" -> ORG, "River" -> LOC."""
    prefix_heads: dict[str, str]
    """First word implying a label: "Mount" -> LOC, "Lake" -> LOC."""
    field_nouns: frozenset[str]
    connectors: frozenset[str]
    particles: frozenset[str]
    never: frozenset[str]
    """Weekdays, months and other capitalised non-names."""
    calendar: frozenset[str]
    """Weekdays and months."""
    acronym_stop: frozenset[str]
    languages: frozenset[str]
    language_cues: frozenset[str]
    person_cues: frozenset[str]
    subject_verbs: frozenset[str]
    work_cues: frozenset[str]
    sports_words: frozenset[str]
    team_verbs: frozenset[str]
    roman: frozenset[str]
    """Roman numerals, kept inside a name after a capitalised word ("World War II")."""
    given_places: frozenset[str]
    """Towns named like people ("Elizabeth", "Florence"): given names, if a surname follows."""
    of_stems: frozenset[str]
    """What comes before the first "of" or "and" in known names ("Horn" of "Horn of Africa",
    "Bosnia" of "Bosnia and Herzegovina")."""


@lru_cache(maxsize=1)
def tables() -> Tables:
    """Precompile the gazetteers and rules (about 0.1 s, once per process)."""
    gaz = gazetteer()
    lex = lexicon()
    rules = gaz.rules
    names: dict[str, str] = {}
    demonyms: set[str] = set()
    for dem in lex.demonyms:
        title = " ".join(w[:1].upper() + w[1:] for w in dem.split())
        demonyms.update({title, title + "s"} if title[-1] in "ni" else {title})
    demonyms.update(rules["norp"])
    demonyms.update(gaz.demonyms)
    # Later updates win: lowest-priority sources first.
    names.update(gaz.places)
    # A demonym that is also a country ("New Zealand") stays a country.
    names.update({d: "NORP" for d in demonyms if gaz.places.get(d, CITY) == CITY})
    names.update({p: "GPE" for p in rules["extra_gpes"]})
    names.update({p: "GPE" for p in rules["gpe_codes"]})
    names.update({p: "LOC" for p in rules["known_locs"]})
    names.update({p: "ORG" for p in rules["known_orgs"]})
    for word in rules["months"] + rules["weekdays"]:
        names.pop(word, None)
    for word in COMPASS:  # "Southern" is a province somewhere, but mostly an adjective
        if names.get(word) in (CITY, "GPE", "NORP"):
            names.pop(word)
    multi = [n for n in names if " " in n]
    head_label: dict[str, str] = {}
    for key, label in (("gpe_heads", "GPE"), ("event_heads", "EVENT"), ("law_heads", "LAW"),
                       ("loc_heads", "LOC"), ("fac_heads", "FAC"), ("org_heads", "ORG")):
        head_label.update({w: label for w in rules[key]})
    return Tables(
        names=names,
        first_words=frozenset(n.split()[0] for n in multi),
        max_tokens=max((n.count(" ") + 1 for n in multi), default=1) + 2,
        first_names=gaz.first_names - names.keys(),
        surnames=gaz.surnames | frozenset(rules["surname_first"]),
        surname_first=frozenset(rules["surname_first"]),
        common=gaz.common | STOP_WORDS,
        titles=lex.titles,
        max_title_words=max((len(x.split()) for x in lex.titles), default=1),
        role_nouns=frozenset(rules["role_nouns"]) | lex.titles,
        head_label=head_label,
        prefix_heads=dict(rules["prefix_heads"]),
        field_nouns=frozenset(rules["field_nouns"]),
        connectors=frozenset(rules["org_connectors"]),
        particles=frozenset(rules["name_particles"]),
        never=frozenset(rules["months"] + rules["weekdays"] + rules["not_names"]),
        calendar=frozenset(rules["months"] + rules["weekdays"]),
        acronym_stop=frozenset(gaz.country_codes) | frozenset(rules["not_names"]),
        languages=frozenset(rules["languages"]),
        language_cues=frozenset(rules["language_cues"]),
        person_cues=frozenset(rules["person_cues_after"]),
        subject_verbs=frozenset(rules["subject_verbs"]),
        work_cues=frozenset(rules["work_cues"]),
        sports_words=frozenset(rules["sports_words"]),
        team_verbs=frozenset(rules["team_verbs"]),
        roman=frozenset(rules["roman_numerals"]),
        given_places=frozenset(n for n in gaz.first_names if names.get(n) == CITY),
        of_stems=frozenset(re.split(" (?:of|and) ", n)[0] for n in multi
                           if " of " in n or " and " in n),
    )


@dataclass(slots=True)
class Found:
    """A labelled token span before document-level consistency is applied."""

    start: int
    end: int
    label: str
    strong: bool
    fallback: str = ""
    """The label to use if the same words occur again in the document ("Blue Anchor" twice)."""


class Recogniser:
    """Find names in one ``Doc``; see the module docstring for the method."""

    def __init__(self, doc: Doc, t: Tables) -> None:
        self.doc = doc
        self.t = t
        words: list[str] = []
        spaces: list[bool] = []
        idx: list[int] = []
        starts: list[bool] = []
        for tok in doc:  # one pass: creating Token objects is the costly part
            words.append(tok.text)
            spaces.append(bool(tok.whitespace_))
            idx.append(tok.idx)
            starts.append(bool(tok.is_sent_start))
        self.words, self.spaces, self.idx = words, spaces, idx
        self.text = doc.text
        self.n = len(words)
        self.initial = self._initial_flags(starts)

    # -- token classes -------------------------------------------------------------------------

    def _initial_flags(self, starts: list[bool]) -> list[bool]:
        """Positions where capitalisation says nothing: sentence starts, after quotes, headlines."""
        words, n = self.words, self.n
        flags = starts
        if n:
            flags[0] = True
        prev = ""
        for i in range(n):
            w = words[i]
            if prev in OPENERS or "\n" in prev:
                flags[i] = True
            if not w.isspace() or "\n" in w:
                prev = w
        # Headlines and captions in title case: every capitalised word there is "initial".
        line_start = 0
        for i in range(n + 1):
            if i == n or "\n" in words[i]:
                self._mark_title_line(line_start, i, flags)
                line_start = i + 1
        return flags

    def _mark_title_line(self, start: int, end: int, flags: list[bool]) -> None:
        """Flag the tokens of ``[start, end)`` if the line is a headline in title case."""
        words = [w for w in self.words[start:end] if not w.isspace()]
        if not words or words[-1] in (".", "!", "?", ";") or len(words) > 25:
            return  # a sentence, not a headline
        content = [w for w in words if w.isalpha() and w.lower() not in STOP_WORDS]
        if len(content) < 3:
            return
        caps = sum(1 for w in content if w[0].isupper())
        if caps >= 0.75 * len(content):
            for i in range(start, end):
                flags[i] = True

    def is_cap(self, i: int) -> bool:
        """A token that can be part of a name: capitalised (or an acronym / initial)."""
        w = self.words[i]
        return w[:1].isupper() and w not in self.t.never and (w[-1].isalpha() or w[-1] == ".")

    # -- step 1: runs --------------------------------------------------------------------------

    def runs(self) -> Iterable[tuple[int, int]]:
        """Maximal capitalised runs ``[start, end)``, "X of Y" joined after head nouns."""
        i, n = 0, self.n
        while i < n:
            if not self._starts_run(i):
                i += 1
                continue
            if i > 1 and self.words[i - 1] in HYPHENS and self.words[i - 2].isalpha() \
                    and self.words[i - 2].islower() and not self.spaces[i - 2]:
                i += 1  # "pro-Beijing", "anti-Western": part of an adjective, not a name
                continue
            j = self._join_and(i, self._join_of(i, self._run_end(i)))
            yield i, j
            i = j

    def _join_and(self, i: int, j: int) -> int:
        """Extend ``[i, j)`` over "and Y Head" / "& Y Head" ("National Air and Space Museum")."""
        words, t = self.words, self.t
        if j + 1 >= self.n or words[j] not in ("and", "&") or words[j - 1] in t.head_label \
                or j - i > 3 or not self.is_cap(j + 1) or self.initial[j + 1]:
            return j
        if words[j - 1].lower() not in t.common or words[j - 1] in t.names or any(
                w in t.particles for w in words[i:j - 1]):
            return j  # "Siemens and Deutsche Bank", "Davao del Sur and Cotabato Province": two
            # names; "Air and Space Museum": one
        end = self._run_end(j + 1)
        return end if words[end - 1] in t.head_label and end - j <= 4 else j

    def _starts_run(self, i: int) -> bool:
        """A name may start here: a capitalised word, or "al-"/"el-" before one."""
        if self.is_cap(i):
            return True
        w = self.words[i]  # "al-Assad": a lower-case particle glued to a capitalised name
        return (w in ("al", "el") and i + 2 < self.n and not self.spaces[i]
                and self.words[i + 1] in HYPHENS and self.is_cap(i + 2))

    def _run_end(self, i: int) -> int:
        """End of the capitalised run starting at ``i`` (exclusive)."""
        words, n, t = self.words, self.n, self.t
        j = i + 1
        while j < n:
            w = words[j]
            capitalised = (self.is_cap(j) and not (self.initial[j] and not self.initial[i])
                           and not (w[1:].islower() and w.lower() in FUNCTION_WORDS))
            if capitalised or (w in t.roman and self.spaces[j - 1]):
                j += 1
            elif w in t.never and self._never_inside(j):
                j += 1  # "Sky TV", "Amazon Web Services": a non-name word inside a name
            elif j == i + 1 and self._short_surname(j):
                j += 1  # "James To", "Wilson Or": a surname spelled like a function word
            elif w == "&" and j + 1 < n and self.is_cap(j + 1) and not self.initial[j + 1]:
                j += 1  # "Ernst & Young": only firms are named with "&"
            elif (w in HYPHENS and not self.spaces[j - 1] and not self.spaces[j] and j + 1 < n
                  and (self.is_cap(j + 1) or words[j + 1] in ("al", "el"))):
                j += 1
            elif (w in HYPHENS and j - 1 > i and not self.spaces[j - 1] and not self.spaces[j]
                  and j + 1 < n and self._name_syllable(words[j + 1], words[i])):
                j += 2  # "Chan Tai-man", "Park Min-jun": a hyphenated given name
            elif (w in t.particles and words[j - 1] not in t.head_label
                  and self._particles_then_cap(j)) or (
                    w in ("al", "el") and j + 1 < n and words[j + 1] in HYPHENS):
                j += 1  # "Osama bin Laden", "Bashar al-Assad"
            else:
                break
        return j

    def _never_inside(self, j: int) -> bool:
        """A word that is never a name on its own ("Web", "TV") continues a name when it is a
        head noun or the name goes on to one ("Amazon Web Services")."""
        t, w = self.t, self.words[j]
        if w in t.calendar or w.lower().rstrip(".") in t.titles or self.initial[j] \
                or not self.spaces[j - 1]:
            return False
        if w in t.head_label:
            return True
        return j + 1 < self.n and self.is_cap(j + 1) and not self.initial[j + 1] \
            and self.words[self._run_end(j + 1) - 1] in t.head_label

    def _short_surname(self, j: int) -> bool:
        """A capitalised function word of up to three letters right after a given name, in the
        middle of a sentence and before a lower-case word: a family name ("James To of ...")."""
        w, prev, t = self.words[j], self.words[j - 1], self.t
        return (len(w) <= 3 and w[:1].isupper() and w[1:].islower() and not self.initial[j]
                and w.lower() in FUNCTION_WORDS and prev in t.first_names
                and prev.lower() not in t.common and self.spaces[j - 1]
                and (j + 1 >= self.n or not self.words[j + 1][:1].isupper()))

    def _particles_then_cap(self, j: int) -> bool:
        """Name particles followed by a capitalised word: "von der Leyen", "bin Salman"."""
        while j < self.n and self.words[j] in self.t.particles:
            j += 1
        return j < self.n and self.is_cap(j)

    def _name_syllable(self, w: str, first: str) -> bool:
        """A lower-case second half of a hyphenated given name ("man" in "Tai-man").

        After an East Asian family name any syllable goes ("Chan Tai-hung").
        """
        return w.isalpha() and w.islower() and len(w) <= 6 and w not in AFFIXES and (
            len(w) <= 3 or w not in self.t.common or first in self.t.surname_first)

    def _join_of(self, i: int, j: int) -> int:
        """Extend ``[i, j)`` over "of (the) Y" and "Y and Z Studies" when the run has a head."""
        words, t = self.words, self.t
        if words[j - 1] not in t.head_label:
            return self._join_known_of(i, j)
        while i < j - 1 and words[i].lower() in FUNCTION_WORDS:
            i += 1  # "The Bank of England" is one word before its head
        end, joined = j, 0
        k = j
        while k < self.n:
            w = words[k]
            gap = k + 1
            if w in t.connectors and w != "and":
                if gap < self.n and words[gap] in CONNECTOR_THE:
                    gap += 1
                if gap < self.n and self.is_cap(gap) and joined < 2:
                    tail = self._run_end(gap)
                    proper = any(w.lower() not in t.common for w in words[i:j - 1])
                    if (proper or joined) and self._match(gap, tail) == (tail, "GPE"):
                        break  # "Kelmont State University of the US": a complete name already
                    end = tail
                    joined += 1  # "Joint Council for the Welfare of Immigrants"
                    k = end
                    continue
            elif w == "and" and joined and gap < self.n and self.is_cap(gap):
                stop = self._run_end(gap)
                if words[stop - 1] in t.field_nouns or (stop == gap + 1 \
                        and words[gap][1:].islower() and words[gap].endswith(FIELD_SUFFIXES)):
                    end = k = stop
                    continue
            break
        return end

    def _join_known_of(self, i: int, j: int) -> int:
        """Extend ``[i, j)`` over "of (the) Y" or "and Y" when that makes a known name: "Horn of
        Africa", "United States of America", "Bosnia and Herzegovina"."""
        words = self.words
        if j + 1 >= self.n or words[j] not in ("of", "and"):
            return j
        while i < j - 1 and words[i].lower() in FUNCTION_WORDS:
            i += 1  # "The Horn of Africa"
        if self._text(i, j) not in self.t.of_stems:
            return j
        gap = j + 2 if words[j + 1] == "the" and j + 2 < self.n else j + 1
        if not self.is_cap(gap):
            return j
        tail = self._run_end(gap)
        end = self._match(i, tail)[0]
        return max(end, j)

    # -- step 2: labelling ---------------------------------------------------------------------

    def label_run(self, i: int, j: int) -> list[Found]:
        """Label one run: as a whole when possible, else split it into names."""
        words, t = self.words, self.t
        # Drop leading words that are ordinary at a sentence start ("The", "Trade", "Despite").
        while i < j and self.initial[i] and self._ordinary(i) and (
                not self._known_at(i, j)
                or (words[i].endswith("ly") and self._match(i, j)[0] == i)):  # "Hopefully, ..."
            i += 1
        while i < j and words[i].lower() in FUNCTION_WORDS and words[i] not in t.names and (
                self._match(i, j)[0] == i or self._match(i + 1, j)[0] > i + 1) and not (
                i + 1 < j and words[i + 1] in HYPHENS and not self.spaces[i]):  # "All-Star"
            i += 1  # "The Hague" keeps its article, "(the) Netherlands" does not
        if i >= j:
            return []
        whole = self._whole_label(i, j)
        if whole == "NORP" and words[i] in t.languages and self._language_context(i, j):
            whole = "LANGUAGE"
        if whole:
            return [Found(i, j, whole, True)]
        return self._split(i, j)

    def _ordinary(self, i: int) -> bool:
        """A word that, capitalised at a sentence start, is probably just a word."""
        w = self.words[i]
        return w.lower() in self.t.common or (w.isupper() and len(w) > 1 and self._all_caps_line(i))

    def _all_caps_line(self, i: int) -> bool:
        """Token ``i`` is on a line written all in capitals (where acronyms mean nothing)."""
        lo = i
        while lo > 0 and "\n" not in self.words[lo - 1]:
            lo -= 1
        hi = i
        while hi < self.n and "\n" not in self.words[hi]:
            hi += 1
        alpha = [w for w in self.words[lo:hi] if w.isalpha()]
        return len(alpha) > 2 and all(w.isupper() for w in alpha)

    def _known_at(self, i: int, j: int) -> bool:
        """True when ``[i, j)`` starts a known name or ends in a head noun (keep its first word)."""
        if self._match(i, j)[0] > i:
            return True
        k = self._head(i, j)
        if i + 1 < j and self.words[i] in self.t.prefix_heads:
            return True  # "Mount Kenya erupted", "Team Kenya won"
        return (k > i and self.words[k] in self.t.head_label) or (
            self.words[i] in self.t.first_names and i + 1 < j and not self._ordinary(i + 1)
            and self._title_end(i + 1, j) == i + 1)

    def _text(self, i: int, j: int) -> str:
        """The document text of tokens ``[i, j)``."""
        return self.text[self.idx[i]:self.idx[j - 1] + len(self.words[j - 1])]

    def _match(self, i: int, j: int) -> tuple[int, str]:
        """Longest known name starting at ``i`` inside ``[i, j)``: (end, label) or (i, "")."""
        words, names = self.words, self.t.names
        best_end, best_label = i, ""
        w = words[i]
        shouted = w not in names and len(w) > 1 and w.isupper() and w.isalpha()
        if w in names:
            best_end, best_label = i + 1, names[w]
        elif shouted and len(w) > 3 and w.title() in names:
            best_end, best_label = i + 1, names[w.title()]  # a dateline: "WASHINGTON (Reuters)"
        first = w.title() if shouted else w
        if first not in self.t.first_words and not (i + 1 < j and words[i + 1] in HYPHENS):
            return best_end, best_label
        for k in range(i + 2, min(j, i + self.t.max_tokens) + 1):
            text = self._text(i, k)
            if shouted and words[k - 1].isupper():
                text = text.title()  # "NEW DELHI", "LOS ANGELES"
            label = names.get(text)
            if label:
                best_end, best_label = k, label
        return best_end, best_label

    def _whole_label(self, i: int, j: int) -> str:
        """A label for the whole run from a gazetteer or its head noun, or ""."""
        words, t = self.words, self.t
        end, label = self._match(i, j)
        if end == j:
            return label
        h = self._head(i, j)
        if words[i] in t.first_names and words[i].lower() not in t.common \
                and t.head_label.get(words[h]) in ("LAW", "EVENT"):
            return ""  # "Nathan Law" (given name + head) is a person
        if words[h] not in t.head_label and h > i:  # "Imperial College London"
            for p in range(i + 1, j):
                if words[p - 1] in t.head_label and self._match(p, j) in ((j, "GPE"), (j, CITY)):
                    h = p - 1
                    break
        head = words[h]
        if head in t.head_label and (j - i >= 2 or h < j - 1) \
                and self._title_end(i, j) <= h:  # "Secretary of State" is a title
            return t.head_label[head]
        if j - i >= 2 and words[i] in t.prefix_heads and words[i + 1] not in t.head_label:
            return t.prefix_heads[words[i]]
        if "&" in words[i + 1:j - 1]:
            return "ORG"  # "Ernst & Young"
        return ""

    def _title_end(self, i: int, j: int) -> int:
        """End of the longest title ("Prime Minister", "Dr.") starting at ``i``, or ``i``."""
        titles, words = self.t.titles, self.words
        best = i
        text = ""
        for k in range(i, min(j, i + self.t.max_title_words)):
            w = words[k].lower()
            text = f"{text} {w}" if text else w
            if text in titles or text.rstrip(".") in titles:
                best = k + 1
        return best

    def _head(self, i: int, j: int) -> int:
        """Where the head noun of ``[i, j)`` would be: before "of", else last but a numeral."""
        words, t = self.words, self.t
        for p in range(i + 1, j - 1):  # "University of New South Wales": the head is before "of"
            if words[p] in t.connectors and words[p] != "and" and words[p - 1] in t.head_label:
                return p - 1
        return j - 2 if words[j - 1] in t.roman and j - i >= 2 else j - 1  # "World War II"

    def _split(self, i: int, j: int) -> list[Found]:
        """Cut a run that is not one known thing into places, titles and people."""
        words, t = self.words, self.t
        out: list[Found] = []
        after_title = False
        k = self._org_then_person(i, j, out)
        while k < j:
            w = words[k]
            if w in HYPHENS or w in t.particles or w in t.connectors:
                k += 1
                continue
            end, label = self._known_span(k, j)
            if after_title and label == CITY and end == k + 1:
                end = k  # "Senator Lincoln Brack": a name after a title, not a town
            if end > k:
                if label == "NORP" and w in t.languages and self._language_context(k, end):
                    label = "LANGUAGE"
                out.append(Found(k, end, label, True))
                k, after_title = end, False
                continue
            title_end = self._title_end(k, j)
            if title_end > k:
                after_title = True
                k = title_end
                continue
            if k + 1 < j and w.lower() in t.common and words[k + 1] in t.first_names:
                k += 1  # "Education Anna Berg": the end of a title, then a name
                continue
            m = self._name_end(k, j)
            out.append(self._name(k, m, after_title))
            k, after_title = m, False
        return out

    def _org_then_person(self, i: int, j: int, out: list[Found]) -> int:
        """ "Harbour Council Anna Berg": emit the ORG and return where the person starts."""
        words, t = self.words, self.t
        for h in range(i + 1, j - 1):
            if t.head_label.get(words[h]) == "ORG" and (
                    words[h + 1] in t.first_names or self._title_end(h + 1, j) > h + 1):
                out.append(Found(i, h + 1, "ORG", True))
                return h + 1
        return i

    def _known_span(self, k: int, j: int) -> tuple[int, str]:
        """The known name at ``k`` (as :meth:`_match`), adjusted for regions, teams and people.

        "Southern Indiana" and "Pacific Northwest" are regions (LOC); "Chicago Bulls" is a team
        (ORG, up to ``j``); a city name before an unknown name is a given name ("Lincoln
        Fawkes"), so nothing is known there.
        """
        words = self.words
        end, label = self._match(k, j)
        if words[k] in COMPASS and k + 1 < j and label in ("", "NORP", "LOC"):
            after, after_label = self._match(k + 1, j)
            if after_label in ("GPE", "LOC", CITY):
                return after, "LOC"
        if label in ("GPE", "LOC", CITY) and end < j and words[end] in COMPASS \
                and (end + 1 == j or self._match(end + 1, j)[0] == end + 1):
            return end + 1, "LOC"
        if label in ("GPE", CITY) and end == j - 1 and self._team_plural(end):
            return j, "ORG"
        if label == CITY and end == k + 1 and end < j and self._title_end(end, j) == end:
            nxt = self._match(end, j)
            if nxt[0] == end or (words[k] in self.t.given_places and nxt == (end + 1, CITY)
                                 and words[end] in self.t.surnames):
                return k, ""  # "Elizabeth Warren": a given name and a surname, both towns
        return end, label

    def _name_end(self, k: int, j: int) -> int:
        """End of the unknown name starting at ``k``: up to four words, particles free."""
        words, t = self.words, self.t
        m, size = k + 1, 1
        while m < j and size < MAX_PERSON_TOKENS and not self._stops_name(k, m, j):
            if self.is_cap(m):
                size += 1  # "Luiz Inacio Lula da Silva": particles and hyphens are free
            m += 1
        while m - 1 > k and (words[m - 1] in HYPHENS or (words[m - 1] in t.particles
                             and not self._glued_syllable(m - 1))):
            m -= 1  # a name never ends with "-" or "von" (but "Lung-bin" ends with "bin")
        return m

    def _glued_syllable(self, k: int) -> bool:
        """Token ``k`` is the second half of a hyphenated name ("bin" in "Lung-bin")."""
        return k > 1 and self.words[k - 1] in HYPHENS and not self.spaces[k - 1] \
            and not self.spaces[k - 2] and self.words[k - 2][:1].isupper()

    def _team_plural(self, k: int) -> bool:
        """An unknown capitalised plural after a place names a team ("Bulls" in "Chicago Bulls")."""
        w = self.words[k]
        return (len(w) > 3 and w.endswith("s") and not w.endswith("ss") and w[1:].islower()
                and w not in self.t.names and w not in self.t.surnames)

    def _stops_name(self, k: int, m: int, j: int) -> bool:
        """A name running from ``k`` up to ``m`` ends there (a title or a known name follows).

        A single place word after a given name is a surname ("George Washington"), and so is
        a minor place that is also a surname ("Alexander Lincoln").
        """
        w = self.words[m]
        if w in self.t.connectors:
            return True  # "Anna Berg of Harbour Party": "of" ends the person
        if w in HYPHENS or w in self.t.particles or w in ("al", "el"):
            return False
        if self._title_end(m, j) > m:
            return True
        end, label = self._match(m, j)
        if end != m + 1:
            return end > m
        return label != "NORP" and not (
            (label == CITY and w in self.t.surnames) or self.words[k] in self.t.first_names)

    def _name(self, k: int, m: int, after_title: bool) -> Found:
        """Label an unknown name ``[k, m)``: PERSON, ORG for acronyms, or a weak guess."""
        words, t = self.words, self.t
        w = words[k]
        prev = self._prev_word(k)
        nxt = words[m] if m < self.n else ""
        if after_title or prev.lower() in t.role_nouns:
            return Found(k, m, "PERSON", True)
        if m - k == 1:
            if len(w) == 1 or (len(w) == 2 and w[1] == ".") or w in COMPASS:
                return Found(k, m, "", False)  # a lone letter or initial; "the North"
            if w.isupper() and 2 <= len(w) <= 6 and w.isalpha():
                if w in t.acronym_stop or (len(w) > 3 and w.lower() in t.common):
                    return Found(k, m, "", False)  # "UNLESS" in a shouted line
                return Found(k, m, "ORG", True)
            if nxt[:1].isdigit() and self.spaces[k] and w.lower() not in t.common \
                    and not self._score_near(k, m):
                return Found(k, m, "PRODUCT", False)
            if w.lower() in t.common:  # "Flags", "Internet": a word, or a title of a work
                return Found(k, m, "", False)
            # Alone, a word from the name lists is as often a company ("Siemens", "Apple").
            guess = "PERSON" if w in t.surnames or w in t.first_names else "ORG"
            if nxt == "who":
                return Found(k, m, "PERSON", False)
            if nxt in t.person_cues or self._next_word(m) in t.subject_verbs:
                return Found(k, m, guess, False)  # "Zorvexa has been studying ..."
            # An unknown word seen once may be anything (a product, a username, a word in
            # another language); one that recurs is a name.
            return Found(k, m, "", False, fallback=guess)
        if nxt[:1].isdigit() and self.spaces[m - 1] and not self._score_near(k, m):
            return Found(k, m, "PRODUCT", False)  # "Nord Stream 1", "Explorer 9": not a person
        second = words[k + 1]
        last = words[m - 1]
        thing = m - k >= 3 and last not in t.surnames and last[1:].islower() \
            and last.endswith("s") and (last.lower() in t.common or w.lower() in t.common)
        given = w in t.first_names or (w in t.given_places and (  # "Regina Ip", not "X Soup"
            len(last) <= 3 or last.lower() not in t.common or last in t.surnames))
        if (given and not thing) or nxt in t.person_cues or \
                (w in t.surname_first and (second.lower() not in t.common
                                          or (k + 2 < m and words[k + 2] in HYPHENS))):
            return Found(k, m, "PERSON", True)  # not "Golden State Warriors"
        caps = [x for x in words[k:m] if x[:1].isupper()]  # not "da", "-", "bin"
        if any(x.isupper() and len(x) > 1 for x in caps):
            return Found(k, m, "", False, fallback="ORG")
        if last in t.surnames and len(caps) <= 3:
            return Found(k, m, "PERSON", False)
        if any(x.lower() in t.common for x in caps):
            # "Blue Anchor" or "Easy Rider": words in title case; a name only if it recurs.
            return Found(k, m, "", False, fallback="ORG")
        return Found(k, m, "PERSON", False)

    def _prev_word(self, k: int) -> str:
        """The word before token ``k`` ("," if a comma comes first)."""
        p = k - 1
        while p >= 0 and (self.words[p].isspace() or self.words[p] == ","):
            if self.words[p] == ",":
                return ","
            p -= 1
        return self.words[p] if p >= 0 else ""

    def _language_context(self, k: int, end: int) -> bool:
        """ "in French", "the French language": a language rather than a people."""
        nxt = self.words[end] if end < self.n else ""
        return (self._prev_word(k).lower() in self.t.language_cues and not nxt.isalpha()) \
            or nxt == "language"

    # -- step 3: the document ------------------------------------------------------------------

    def entities(self) -> list[Found]:
        """All names in the document, consistent labels applied."""
        found: list[Found] = []
        for i, j in self.runs():
            found.extend(self.label_run(i, j))
        self._employers(found)
        self._places_by_context(found)
        self._bracketed_aliases(found)
        self._coordinated(found)
        found = self._consistent(found)
        self._teams(found)
        return self._with_works([f for f in found if f.label and self._wordy(f)])

    def _places_by_context(self, found: list[Found]) -> None:
        """Guessed names that the words around them make places: "the town of Varnsby",
        "the island of Orlo" and "Varnsby, Ohio" (a place before a comma and a state or
        country)."""
        words, t = self.words, self.t
        for n, f in enumerate(found):
            if f.strong:
                continue
            before = [w for w in words[max(0, f.start - 4):f.start] if not w.isspace()][-2:]
            if len(before) == 2 and before[1] == "of" and before[0] in PLACE_NOUNS:
                f.label, f.strong = PLACE_NOUNS[before[0]], True
                continue
            after = self._next_word(f.end)
            noun = after if after in PLACE_NOUNS else after[:-1] if after.endswith("s") else ""
            if noun in PLACE_NOUNS and noun not in ("state", "capital"):  # "Xinhua state media"
                f.label, f.strong = PLACE_NOUNS[noun], True  # "the Varnsby region"
                continue
            if n + 1 < len(found) and f.end + 2 <= self.n and words[f.end] == "," \
                    and found[n + 1].start == f.end + 1 + (words[f.end + 1].isspace()) \
                    and found[n + 1].strong and found[n + 1].label in ("GPE", CITY) \
                    and all(w[:1].isupper() and w.lower() not in t.common
                            for w in words[f.start:f.end] if w[:1].isalpha()):
                g = found[n + 1]
                after = self._next_word(g.end)
                if self._match(g.start, g.end)[0] == g.end and (
                        after in FUNCTION_WORDS or not after[:1].isalnum()):
                    f.label, f.strong = "GPE", True  # "Varnsby, Ohio"

    def _coordinated(self, found: list[Found]) -> None:
        """Unknown names listed with a known organisation or place are of its kind:
        "Zorvex, Quanta and BASF cut their forecasts" (ORG)."""
        groups: list[list[Found]] = []
        for f in found:
            if groups:
                prev = groups[-1][-1]
                gap = [w for w in self.words[prev.end:f.start] if not w.isspace()]
                if gap in ([","], ["and"], ["or"], ["&"], [",", "and"], [",", "or"]):
                    groups[-1].append(f)
                    continue
            groups.append([f])
        for group in groups:
            labels = {f.label for f in group if f.strong and f.label}
            if len(group) < 2 or len(labels) != 1 or not labels <= {"ORG", "GPE"}:
                continue
            (label,) = labels
            for f in group:
                if not f.label and f.end - f.start == 1:
                    f.label = label

    def _bracketed_aliases(self, found: list[Found]) -> None:
        """A name in brackets right after an organisation or place is its short name:
        "the Harbour Fire Authority (Harbour Fire)", "the Pan-Asian Forum (PAF)". Capitalised
        words between them belong to the long name ("... of Forestry and Fire Protection (X)")."""
        absorbed: set[int] = set()
        for i, f in enumerate(found):
            if f.label not in ("ORG", "GPE", "LOC", "FAC") or not f.strong:
                continue
            j = i + 1
            while j < len(found) and not found[j].label and not found[j].strong:
                j += 1  # unlabelled capitalised runs inside the long name
            if j >= len(found):
                continue
            alias = found[j]
            if alias.strong and alias.label not in ("", "PERSON", f.label):
                continue  # "NAIROBI (Reuters)": a dateline, the agency is its own name
            between = [w for w in self.words[f.end:alias.start] if not w.isspace()]
            if not between or between[-1] != "(" or alias.end >= self.n \
                    or self.words[alias.end] != ")":
                continue
            rest = between[:-1]
            if rest and not (rest[-1][:1].isupper() and all(
                    w[:1].isupper() or w in ("and", "of", "for", "&") for w in rest)):
                continue
            if rest:
                end = alias.start - 1
                while end > f.end and (self.words[end - 1] == "(" or self.words[end - 1].isspace()):
                    end -= 1
                f.end = end
                absorbed.update(id(inner) for inner in found[i + 1:j])
            alias.label, alias.strong = f.label, True
        found[:] = [f for f in found if id(f) not in absorbed]

    def _employers(self, found: list[Found]) -> None:
        """A name right before a lower-case role noun and a person is who that person works or
        plays for: "Harbour Bank analyst Anna Berg", "Riverton striker Tom Hale" (ORG)."""
        for f, nxt in itertools.pairwise(found):
            if f.label not in ("PERSON", CITY, "") or nxt.label != "PERSON":
                continue
            between = [w for w in self.words[f.end:nxt.start] if not w.isspace()]
            if 1 <= len(between) <= 2 and all(w.islower() for w in between) \
                    and between[-1] in self.t.role_nouns:
                f.label, f.strong = "ORG", True

    def _wordy(self, f: Found) -> bool:
        """At least two letters in a row somewhere: "B" or "A-B" is no name."""
        return any(sum(ch.isalpha() for ch in w) >= 2 for w in self.words[f.start:f.end])

    def _with_works(self, found: list[Found]) -> list[Found]:
        """Add quoted titles after a cue ("the book “Red Flags”") as WORK_OF_ART.

        Names inside a title are dropped: the title is the entity.
        """
        works = list(self._works())
        if not works:
            return found
        kept = [f for f in found if not any(f.start < e and s < f.end for s, e in works)]
        kept.extend(Found(s, e, "WORK_OF_ART", True) for s, e in works)
        return sorted(kept, key=lambda f: f.start)

    def _works(self) -> Iterable[tuple[int, int]]:
        """Token spans of title-case quotations that follow a work cue."""
        words, t = self.words, self.t
        for i, w in enumerate(words):
            close = QUOTE_PAIRS.get(w)
            if close is None or i + 1 >= self.n or not words[i + 1][:1].isupper():
                continue
            end = next((k for k in range(i + 1, min(self.n, i + MAX_TITLE_TOKENS + 2))
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

    def _consistent(self, found: list[Found]) -> list[Found]:
        """Give weak guesses the labels that surer mentions of the same words have."""
        parts = self._person_parts(found)
        votes: dict[str, Counter[str]] = defaultdict(Counter)
        org_heads: set[str] = set()
        org_stems: set[str] = set()
        for f in found:
            if f.strong and f.label:
                votes[self._text(f.start, f.end)][f.label] += 1
                if f.label == "ORG" and f.end - f.start >= 2:
                    head = self._head(f.start, f.end)
                    org_heads.add(self.words[head])
                    if head == f.end - 1 and self._match(f.start, head)[0] == f.start:
                        org_stems.add(self._text(f.start, head))
        seen = Counter(self._text(f.start, f.end) for f in found)
        countries = lexicon().countries
        out: list[Found] = []
        for f in self._split_pairs(found, parts):
            text = self._text(f.start, f.end)
            if not f.strong:
                caps = [w for w in self.words[f.start:f.end] if w[:1].isupper()]
                if text in votes:
                    f.label = votes[text].most_common(1)[0][0]
                elif caps and all(w in parts for w in caps):
                    f.label = "PERSON"
                elif text in org_heads and not self.initial[f.start]:
                    f.label = "ORG"  # "the Church" after "the Church of Vendrell"
                elif text in org_stems:
                    f.label = "ORG"  # "Brantwick" after "Brantwick Corporation"
                elif f.fallback and seen[text] >= 2:
                    f.label = f.fallback  # an unknown name that recurs
                if f.label == "ORG" and f.end - f.start == 1 and any(
                        seen[form] for form in _number_forms(text)):
                    f.label = ""  # "Fotomatix" and "Fotomatixes": a count noun, not a company
            elif f.end - f.start == 1 and f.label in (CITY, "GPE", "LOC") \
                    and parts.get(text, self.n) < f.start and text.lower() not in countries:
                f.label = "PERSON"  # "Paris" after "Anna Paris": her surname, not the city
            out.append(f)
        return out

    def _person_parts(self, found: list[Found]) -> dict[str, int]:
        """Words of full PERSON names -> where the first such name starts.

        Sure names (title, given name) count first; a guessed name that starts with a word of a
        sure one is cut to that word ("Berg Fotomatixes" after "Anna Berg" is Berg's).
        """
        words, common = self.words, self.t.common
        parts: dict[str, int] = {}

        def add(f: Found) -> None:
            for w in words[f.start:f.end]:
                if w[:1].isupper() and w.lower() not in common:
                    parts.setdefault(w, f.start)

        people = [f for f in found if f.label == "PERSON" and f.end - f.start >= 2]
        for f in people:
            if f.strong:
                add(f)
        sure = dict(parts)
        sure_names = [self._text(f.start, f.end) for f in people if f.strong]
        for f in people:
            if f.strong:
                continue
            text = self._text(f.start, f.end)
            if any(text in name for name in sure_names):
                continue
            if words[f.start] in sure and not (
                    f.end - f.start == 3 and words[f.start + 1] in HYPHENS):
                f.end = f.start + 1
                continue
            add(f)
        return parts

    def _split_pairs(self, found: list[Found], parts: dict[str, int]) -> list[Found]:
        """Cut "Berg-Lind" into two people when both halves are known people of the document."""
        out: list[Found] = []
        words = self.words
        people = {self._text(f.start, f.end) for f in found if f.label == "PERSON"}
        for f in found:
            text = self._text(f.start, f.end)
            if f.label == "PERSON" and f.end - f.start == 3 and words[f.start + 1] in HYPHENS \
                    and words[f.start] in parts and words[f.start + 2] in parts \
                    and not any(text in p for p in people - {text}):
                out.append(Found(f.start, f.start + 1, "PERSON", True))
                out.append(Found(f.end - 1, f.end, "PERSON", True))
            else:
                out.append(f)
        return out

    def _teams(self, found: list[Found]) -> None:
        """In a sports report, places that play ("Sweden defeated Panama 3 – 0") are teams: ORG."""
        t = self.t
        if sum(1 for w in self.words if w.lower() in t.sports_words) < 2:
            return  # not a sports report: "Russia faced sanctions" is about the country
        teams: set[str] = set()
        for f in found:
            club = not f.strong and self._match(f.start, f.end)[0] > f.start
            if (f.label in ("GPE", CITY) or club) and (
                    self._next_word(f.end) in t.team_verbs
                    or self._prev_word(f.start) in t.team_verbs
                    or self._score_near(f.start, f.end)):
                teams.add(self._text(f.start, f.end))  # "Manchester United 3-2"
        for f in found:
            if (f.label in ("GPE", CITY) or not f.strong) and self._text(f.start, f.end) in teams:
                f.label = "ORG"

    def _next_word(self, k: int) -> str:
        """The first non-space token from ``k`` on."""
        while k < self.n and self.words[k].isspace():
            k += 1
        return self.words[k] if k < self.n else ""

    def _score_near(self, start: int, end: int) -> bool:
        """A score like "1 – 0" or "3-2" right before or after ``[start, end)``."""
        after = [w for w in self.words[end:end + 4] if not w.isspace()][:3]
        before = [w for w in self.words[max(0, start - 4):start] if not w.isspace()][-3:]
        for ws in (after, before[-1:], before):
            if len(ws) == 3 and ws[0].isdigit() and ws[2].isdigit() and ws[1] in "-–—:":
                return True
            if ws and SCORE.fullmatch(ws[0 if ws is after else -1]):
                return True
        return False


def _number_forms(word: str) -> tuple[str, ...]:
    """The other grammatical number of ``word``: "Fotomatix" <-> "Fotomatixes", "Boxes" -> "Box"."""
    forms = [word + "s", word + "es"]
    if word.endswith("es"):
        forms.append(word[:-2])
    if word.endswith("s") and not word.endswith("ss"):
        forms.append(word[:-1])
    return tuple(forms)


@Language.factory("newsreader_ner")
def create_newsreader_ner(nlp: Language, name: str) -> NewsreaderNER:
    """spaCy factory for :class:`NewsreaderNER`."""
    return NewsreaderNER()


class NewsreaderNER:
    """Set ``doc.ents`` to the names found by :class:`Recogniser` (OntoNotes labels)."""

    def __init__(self) -> None:
        self.tables = tables()

    def __call__(self, doc: Doc) -> Doc:
        found = Recogniser(doc, self.tables).entities()
        doc.ents = [
            Span(doc, f.start, f.end, label="GPE" if f.label == CITY else f.label) for f in found
        ]
        return doc
