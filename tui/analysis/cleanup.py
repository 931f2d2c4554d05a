"""Every pipeline's names, cut and labelled by the rules the built-in pipeline follows.

A trained NER's spans reach newsreader raw: "the United States", "Maria Lopez's", a name running
over a line break, "Quoting Ruiz" as a person, "F.B.I." as a place. The built-in recogniser
(:mod:`tui.analysis.builtin.ner`) never produces those, because its rules and gazetteers decide
where a name starts and ends and what it is; this module applies the same rules and the same
tables to any pipeline's ``doc.ents``, so entities, actor mentions and speakers all see clean
names. Everything works on token spans, so the result can be written back as ``doc.ents``.

Three ordered registries, each a list of small named rules:

* :data:`TRIMS` move a name's edges (repeated until none applies);
* :data:`DROPS` remove what is not a name at all;
* :data:`CHECKS` correct labels, with the gazetteers and the document's own evidence (run for
  trained pipelines only: the built-in recogniser applies them itself).

Numeric labels are not names: they are dropped here, and the numbers layer supplies them.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Generic, TypeVar

from spacy.attrs import IDX, LENGTH, SPACY
from spacy.tokens import Doc, Span

from tui.analysis.builtin.ner import CITY, Found, Recogniser, Tables, tables
from tui.analysis.builtin.ner.evidence import POSSESSIVES as _BUILTIN_POSSESSIVES
from tui.analysis.builtin.ner.view import HYPHENS, OPENERS
from tui.analysis.lexicon import lexicon
from tui.analysis.model import NUMERIC_LABELS

POSSESSIVES = _BUILTIN_POSSESSIVES | {p.upper() for p in _BUILTIN_POSSESSIVES}
"""Possessive endings, as spaCy's tokenizer splits them off a name (upper case in headlines)."""
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})
"""Labels of names that must be written with a capital letter."""
KEEP_ARTICLE = frozenset({"WORK_OF_ART"})
"""Labels whose names keep a leading "The" ("The Old Man and the Sea")."""
COMMON_WORD_LABELS = frozenset({"PERSON"})
"""Labels a common word alone is never given ("Iodine" as a person)."""
DOTTED = re.compile(r"(?:[A-Z]\.){2,}")
"""A dotted acronym: "F.B.I.", "U.S."."""


@dataclass(slots=True)
class Name:
    """One name being cleaned: token span ``[start, end)`` of the doc and its label."""

    start: int
    end: int
    label: str


@dataclass
class Context:
    """The document and the built-in pipeline's tables, with cheap token look-ups."""

    doc: Doc
    t: Tables = field(default_factory=tables)
    doc_text: str | None = None
    """``doc.text``, when the caller has it (building it walks every token)."""

    @cached_property
    def _tokens(self) -> tuple[list[int], list[int], list[int], str]:
        """Token offsets, lengths and trailing spaces, read in C (``doc[i]`` is costly)."""
        arr = self.doc.to_array([IDX, LENGTH, SPACY])
        text = self.doc_text if self.doc_text is not None else str(self.doc.text)
        return arr[:, 0].tolist(), arr[:, 1].tolist(), arr[:, 2].tolist(), text

    def word(self, i: int) -> str:
        idx, length, _, text = self._tokens
        return text[idx[i]:idx[i] + length[i]]

    def space_after(self, i: int) -> bool:
        return bool(self._tokens[2][i])

    def span_text(self, start: int, end: int) -> str:
        """The document text of tokens ``[start, end)``."""
        idx, length, _, text = self._tokens
        return text[idx[start]:idx[end - 1] + length[end - 1]] if end > start else ""

    def text(self, n: Name) -> str:
        return self.span_text(n.start, n.end)

    def initial(self, i: int) -> bool:
        """Capitalisation says nothing here: a sentence or line start, or after an opener."""
        if i == 0:
            return True
        prev = self.word(i - 1)
        if "\n" in prev or prev in OPENERS:
            return True
        return bool(self.doc[i].is_sent_start) if self.sentences else False

    @cached_property
    def sentences(self) -> bool:
        return bool(self.doc.has_annotation("SENT_START"))

    @cached_property
    def builtin(self) -> dict[tuple[int, int], str]:
        """The built-in recogniser's sure names of this document: token span -> label. A city
        of one word is left out (people are named after cities: "Paris" in "Anna Paris")."""
        found: list[Found] = Recogniser(self.doc, self.t).entities()
        return {(f.start, f.end): "GPE" if f.label == CITY else f.label for f in found
                if f.strong and (f.label != CITY or f.end - f.start > 1)}

    def known(self, text: str) -> str:
        """The gazetteer's label for ``text``, "" when it has none."""
        return self.t.names.get(text, "")


Trim = Callable[[Context, Name], tuple[int, int]]
Drop = Callable[[Context, Name], bool]
Check = Callable[[Context, list[Name]], None]
F = TypeVar("F", Trim, Drop, Check)


@dataclass(frozen=True, slots=True)
class Rule(Generic[F]):
    """A named rule of one of the registries; its function's docstring has an example."""

    name: str
    fn: F


# -- trims: (start, end) -> (start, end) ---------------------------------------------------------


def _line_break(c: Context, n: Name) -> tuple[int, int]:
    """A name never runs over a line break; the longest piece is kept:
    "Maria Lopez⏎⏎The" -> "Maria Lopez"."""
    pieces: list[tuple[int, int]] = []
    lo = n.start
    for i in range(n.start, n.end):
        if "\n" in c.word(i):
            pieces.append((lo, i))
            lo = i + 1
    if not pieces:
        return n.start, n.end
    pieces.append((lo, n.end))
    return max(pieces, key=lambda p: p[1] - p[0])


def _edge_space(c: Context, n: Name) -> tuple[int, int]:
    """No whitespace at either end: "Acme Corp⏎" -> "Acme Corp"."""
    s, e = n.start, n.end
    while s < e and c.word(s).isspace():
        s += 1
    while e > s and c.word(e - 1).isspace():
        e -= 1
    return s, e


def _punct(text: str) -> bool:
    return not any(ch.isalnum() for ch in text)


def _edge_punct(c: Context, n: Name) -> tuple[int, int]:
    """No punctuation at either end, except a closing bracket opened inside the name:
    "“Berg," -> "Berg"; "Acme (UK)" stays."""
    s, e = n.start, n.end
    while s < e and _punct(c.word(s)):
        s += 1
    while e > s and _punct(c.word(e - 1)):
        last = c.word(e - 1)
        if last in ")]" and ("(" if last == ")" else "[") in c.span_text(s, e - 1):
            break
        e -= 1
    return s, e


def _open_bracket(c: Context, n: Name) -> tuple[int, int]:
    """A bracket opened inside a name and not closed there ends it: "World Weather Office (WWO"
    -> "World Weather Office" (the short name in brackets is a name of its own)."""
    for i in range(n.end - 1, n.start, -1):
        w = c.word(i)
        if w in ")]":
            return n.start, n.end
        if w in "([":
            return n.start, i
    return n.start, n.end


def _trailing_score(c: Context, n: Name) -> tuple[int, int]:
    """A number after a known place is a score or a count, not part of the name: "Sweden 1"
    -> "Sweden" ("Nord Stream 1", "Apollo 11" stay: not places of the gazetteer)."""
    if n.end - n.start > 1 and c.word(n.end - 1).isdigit() \
            and c.known(c.span_text(n.start, n.end - 1)):
        return n.start, n.end - 1
    return n.start, n.end


def _trailing_role(c: Context, n: Name) -> tuple[int, int]:
    """A title or role after an organisation or place is the person's, not the name's:
    "NASA Administrator" -> "NASA" ("Office of the President" keeps it after "the")."""
    if n.label == "PERSON" or n.end - n.start < 2:
        return n.start, n.end
    last, before = c.word(n.end - 1), c.word(n.end - 2)
    if last[:1].isupper() and last.lower() in lexicon().titles and before[:1].isupper() \
            and before.lower() not in c.t.function_words:
        return n.start, n.end - 1
    return n.start, n.end


def _hyphenated_given_name(c: Context, n: Name) -> tuple[int, int]:
    """A person's name goes on over a hyphenated given name's lower-case half, as the built-in
    recogniser reads it: "Chan Tai" + "-man" -> "Chan Tai-man" (not "Berg-led")."""
    e, doc = n.end, c.doc
    if n.label != "PERSON" or e + 1 >= len(doc) or c.word(e) not in HYPHENS \
            or c.space_after(e - 1) or c.space_after(e) or doc[e].ent_iob_ not in ("O", "") \
            or doc[e + 1].ent_iob_ not in ("O", ""):
        return n.start, n.end
    w, t = c.word(e + 1), c.t
    if w.isalpha() and w.islower() and len(w) <= 6 and w not in t.affixes and (
            len(w) <= 3 or w not in t.common or c.word(n.start) in t.surname_first):
        return n.start, e + 2
    return n.start, n.end


def _possessive(c: Context, n: Name) -> tuple[int, int]:
    """No possessive ending: "Maria Lopez's" -> "Maria Lopez", "the States'" -> "the States"."""
    if n.end - n.start > 1 and c.word(n.end - 1) in POSSESSIVES \
            and not c.space_after(n.end - 2):
        return n.start, n.end - 1
    return n.start, n.end


def _lower_function_word(c: Context, n: Name) -> tuple[int, int]:
    """A name neither starts nor ends with a lower-case function word: "the United States" ->
    "United States", "Acme and" -> "Acme"."""
    s, e = n.start, n.end
    while s < e and c.word(s) in c.t.function_words:
        s += 1
    while e > s and c.word(e - 1) in c.t.function_words:
        e -= 1
    return s, e


def _capital_article(c: Context, n: Name) -> tuple[int, int]:
    """A capitalised "The" (or "A", "This") stays only where the gazetteer has the name with it
    and not without it, as in the built-in pipeline: "The Hague" stays, "The Netherlands" and
    "The Acme Group" lose it. Titles of works keep theirs."""
    first = c.word(n.start)
    if n.end - n.start < 2 or n.label in KEEP_ARTICLE or first[:1].islower() \
            or first.lower() not in c.t.function_words or c.known(first):  # "US" is a country
        return n.start, n.end
    whole = c.text(n)
    rest = c.span_text(n.start + 1, n.end)
    if c.known(whole) and not c.known(rest):
        return n.start, n.end
    return n.start + 1, n.end


def _title(c: Context, n: Name) -> tuple[int, int]:
    """Titles are not part of a person's name (OntoNotes): "President Anna Berg" -> "Anna Berg"."""
    s = n.start
    if n.label != "PERSON":
        return s, n.end
    titles = lexicon().titles
    while n.end - s > 1 and c.word(s).lower().rstrip(".") in titles \
            and c.word(s + 1)[:1].isupper():
        s += 1
    return s, n.end


def _sentence_initial(c: Context, n: Name) -> tuple[int, int]:
    """An ordinary word capitalised only because it starts the sentence is not part of the name
    after it: "Quoting Ruiz" -> "Ruiz" (but "Will Smith", "Trade Ministry", "New York" and
    acronyms, "PC World", stay)."""
    if n.end - n.start < 2 or not c.initial(n.start):
        return n.start, n.end
    t = c.t
    first, second = c.word(n.start), c.word(n.start + 1)
    if not first[1:].islower() or first.lower() not in t.common or first in t.first_names \
            or first in t.first_words or c.known(first) or first in t.prefix_heads \
            or c.word(n.end - 1) in t.head_label or not second[:1].isupper():  # "Mount Kenya"
        return n.start, n.end
    return n.start + 1, n.end


TRIMS: list[Rule[Trim]] = [
    Rule("line break", _line_break),
    Rule("edge space", _edge_space),
    Rule("edge punctuation", _edge_punct),
    Rule("open bracket", _open_bracket),
    Rule("trailing score", _trailing_score),
    Rule("trailing role", _trailing_role),
    Rule("possessive", _possessive),
    Rule("hyphenated given name", _hyphenated_given_name),
    Rule("lower-case function word", _lower_function_word),
    Rule("capitalised article", _capital_article),
    Rule("title", _title),
    Rule("sentence-initial word", _sentence_initial),
]


# -- drops ---------------------------------------------------------------------------------------


def _numeric(c: Context, n: Name) -> bool:
    """Numbers come from the numbers layer, whatever the pipeline: CARDINAL "1" goes."""
    return n.label in NUMERIC_LABELS


def _no_word(c: Context, n: Name) -> bool:
    """At least two letters in a row somewhere: "B" or "A-B" is no name."""
    return not any(sum(ch.isalpha() for ch in c.word(i)) >= 2 for i in range(n.start, n.end))


def _uncapitalised(c: Context, n: Name) -> bool:
    """People, organisations, places and groups are written with a capital: "ebola" is none."""
    return n.label in NAME_LABELS and not any(ch.isupper() for ch in c.text(n))


def _calendar(c: Context, n: Name) -> bool:
    """A weekday or month alone is a date, not a name: ORG "Monday" goes."""
    return n.end - n.start == 1 and c.word(n.start) in c.t.calendar


DROPS: list[Rule[Drop]] = [
    Rule("numeric", _numeric),
    Rule("no word", _no_word),
    Rule("uncapitalised", _uncapitalised),
    Rule("calendar word", _calendar),
]


# -- checks: document-level labels ---------------------------------------------------------------


def _gazetteer_label(c: Context, n: Name) -> str:
    """The gazetteer's label for the name ("-" for a city, which people are named after)."""
    label = c.known(c.text(n))
    return "-" if label == CITY else label


def _builtin_extent(c: Context, names: list[Name]) -> None:
    """A name inside a longer one the built-in recogniser is sure of, and that no other name
    touches, takes its extent and label: "Korea" in "North Korea"."""
    sure = sorted(c.builtin.items())
    starts = [s for (s, _), _ in sure]
    for k, n in enumerate(names):
        i = bisect.bisect_right(starts, n.start) - 1  # sure names do not overlap: one candidate
        if i < 0:
            continue
        (s, e), label = sure[i]
        if n.end <= e and (s, e) != (n.start, n.end) \
                and (k == 0 or names[k - 1].end <= s) \
                and (k + 1 == len(names) or names[k + 1].start >= e):
            n.start, n.end, n.label = s, e, label


def _dotted_acronym(c: Context, names: list[Name]) -> None:
    """A dotted acronym that no gazetteer has as a place is an organisation: "F.B.I." tagged
    GPE is an ORG ("U.S." stays a place). Its undotted form's label wins when known."""
    for n in names:
        text = c.text(n)
        if n.label not in PLACE_LABELS or not DOTTED.fullmatch(text) or c.known(text):
            continue
        n.label = c.known(text.replace(".", "")) or "ORG"


def _person_part(c: Context, names: list[Name]) -> None:
    """A given name or surname alone is the person named in full elsewhere in the document:
    "Lopez" tagged ORG after "Maria Lopez" is a PERSON (unless it is a country)."""
    parts = _person_words(c, names)
    countries = lexicon().countries
    for n in names:
        if n.end - n.start != 1 or n.label == "PERSON":
            continue
        word = c.word(n.start)
        if word in parts and word.lower() not in countries and _gazetteer_label(c, n) != "ORG":
            n.label = "PERSON"


def _common_word_alone(c: Context, names: list[Name]) -> None:
    """A common word alone is a word, as in the built-in pipeline, not a person: "Iodine" or
    "Volunteer" tagged PERSON goes; a given name or surname ("Will", "Young"), a known name and
    a word of a person named in full ("Stone" after "Ada Stone") stay."""
    parts = {c.word(i) for n in names if n.label == "PERSON" and n.end - n.start >= 2
             for i in range(n.start, n.end)}
    t = c.t

    def word_only(n: Name) -> bool:
        w = c.word(n.start)
        return (n.end - n.start == 1 and n.label in COMMON_WORD_LABELS and w.lower() in t.common
                and w[1:].islower() and w not in t.first_names and w not in t.surnames
                and w not in parts and not c.known(w))

    names[:] = [n for n in names if not word_only(n)]


def _missed_person_part(c: Context, names: list[Name]) -> None:
    """A given name or surname of a person named in full, standing alone where the model found
    nothing, is that person: "Lopez said" after "Maria Lopez" (as in the built-in pipeline)."""
    parts = _person_words(c, names)
    if not parts:
        return
    taken = _taken(c, names)
    n_tok = len(c.doc)
    for i in range(n_tok):
        word = c.word(i)
        if taken[i] or word not in parts or c.known(word) not in ("", CITY):
            continue  # a country or organisation of the gazetteer stays unclaimed
        prev = c.word(i - 1) if i > 0 else ""
        if (i + 1 < n_tok and c.word(i + 1)[:1].isupper()) or (
                prev[:1].isupper() and not c.initial(i)
                and not (c.initial(i - 1) and prev.lower() in c.t.common)):
            continue  # part of a longer capitalised run ("Later Lopez" is not one)
        names.append(Name(i, i + 1, "PERSON"))
    names.sort(key=lambda n: n.start)


def _taken(c: Context, names: list[Name]) -> bytearray:
    """Tokens inside one of ``names``."""
    taken = bytearray(len(c.doc) + 1)
    for n in names:
        taken[n.start:n.end] = b"\x01" * (n.end - n.start)
    return taken


def _majority(c: Context, names: list[Name]) -> None:
    """One name, one label across the document: the label most of its mentions have (ties keep
    each mention's own)."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for n in names:
        votes[c.text(n)][n.label] += 1
    for n in names:
        counts = votes[c.text(n)].most_common(2)
        if len(counts) == 2 and counts[0][1] > counts[1][1]:
            n.label = counts[0][0]


def _person_words(c: Context, names: Iterable[Name]) -> set[str]:
    """Capitalised, uncommon words of multi-word PERSON names."""
    common = c.t.common
    return {w for n in names if n.label == "PERSON" and n.end - n.start >= 2
            for w in (c.word(i) for i in range(n.start, n.end))
            if w[:1].isupper() and w.lower() not in common}


def _builtin_label(c: Context, names: list[Name]) -> None:
    """Where the built-in recogniser is sure of the same span (a gazetteer entry, a head noun), its
    label wins: "Twitter" tagged PERSON is an ORG when the gazetteer says so."""
    sure = c.builtin
    for n in names:
        label = sure.get((n.start, n.end))
        if label and label != n.label:
            n.label = label


def _missed_known_name(c: Context, names: list[Name]) -> None:
    """A name the gazetteer knows, found by the built-in recogniser where the model found
    nothing, is added: "Lombardy", "FIFA", "WHO" (only exact gazetteer entries: sure names)."""
    taken = _taken(c, names)
    for (s, e), label in c.builtin.items():
        if not any(taken[s:e]) and label in ("GPE", "LOC", "ORG", "NORP", "FAC") \
                and c.known(c.span_text(s, e)) in (label, CITY):
            names.append(Name(s, e, label))
    names.sort(key=lambda n: n.start)


CHECKS: list[Rule[Check]] = [
    Rule("built-in label", _builtin_label),
    Rule("built-in extent", _builtin_extent),
    Rule("missed known name", _missed_known_name),
    Rule("dotted acronym", _dotted_acronym),
    Rule("person part", _person_part),
    Rule("common word alone", _common_word_alone),
    Rule("missed person part", _missed_person_part),
    Rule("majority", _majority),
]


# -- the pass ------------------------------------------------------------------------------------

MAX_ROUNDS = 4
"""Trims are repeated until none applies ("“the Acme's”" needs three); a bound, not a loop."""


def clean_names(doc: Doc, *, cross_check: bool = True, text: str | None = None) -> list[Span]:
    """``doc.ents`` cleaned: names trimmed, non-names and numbers dropped, labels checked when
    ``cross_check`` (trained pipelines). The result does not overlap and is token-aligned.
    ``text`` is ``doc.text`` when the caller has it already."""
    c = Context(doc, doc_text=text)
    names: list[Name] = []
    for ent in doc.ents:
        n = Name(ent.start, ent.end, ent.label_)
        for _ in range(MAX_ROUNDS):
            before = (n.start, n.end)
            for rule in TRIMS:
                if n.start >= n.end:
                    break
                n.start, n.end = rule.fn(c, n)
            if (n.start, n.end) == before:
                break
        if n.start < n.end and not any(drop.fn(c, n) for drop in DROPS):
            names.append(n)
    if cross_check:
        for check in CHECKS:
            check.fn(c, names)
    return [Span(doc, n.start, n.end, label=n.label) for n in names]
