"""The dependency parse, where the pipeline has one (a trained pipeline, or a hand-built ``Doc``
with heads and deps): every use of it here has a rule-based fallback, so nothing changes for
the built-in pipeline.

- **Speaker choice**: the cue verb's nominal subject (or its coordinated verb's: ``arrived and
  said``) fills in a speaker the patterns missed, and replaces a pattern speaker that is not
  part of the subject (``The aide to the senator said``: the aide, not the senator).
- **Pronouns**: ``he said`` prefers a person who was the subject of a cue verb
  (:func:`subject_starts`).
- **Clause ends**: reported content ends where the cue's clausal complement ends
  (:func:`clause_end`): ``She said the plant would close, and the union vowed to fight.``
"""

from __future__ import annotations

import bisect
from typing import Any

from spacy.attrs import DEP, IDX
from spacy.tokens import Doc

from tui.analysis.claims.cues import Cue
from tui.analysis.claims.speakers import (
    Speaker,
    is_cap,
    is_role,
    is_title,
    name_run_back,
    strip_titles,
)
from tui.analysis.claims.text import Tok
from tui.analysis.claims.vocabulary import speaker_lexicon
from tui.analysis.tokens import tokens_of

SUBJECTS = ("nsubj", "nsubjpass")
COMPLEMENTS = ("ccomp", "xcomp", "parataxis")
_RELATIVES = frozenset(("who", "which", "that"))


def has_parse(doc: Doc) -> bool:
    """Whether ``doc`` carries a dependency parse."""
    try:
        arr = doc.to_array([DEP])
    except Exception:
        return False
    return bool(len(arr)) and bool(arr.any())


class Parse:
    """Token look-up by character offset in a parsed ``Doc``."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.idx: list[int] = [int(x) for x in doc.to_array([IDX])]

    def token_at(self, start: int) -> Any:
        i = bisect.bisect_right(self.idx, start) - 1
        if i < 0 or self.idx[i] != start:
            return None
        return self.doc[i]

    def token_covering(self, pos: int) -> Any:
        i = bisect.bisect_right(self.idx, pos) - 1
        return self.doc[i] if i >= 0 else None


def parse_of(doc: Doc) -> Parse | None:
    return Parse(doc) if has_parse(doc) else None


def add_parser_speakers(parse: Parse | None, cues: list[Cue]) -> None:
    """With a parse: the cue verb's subject fills in, or corrects, the cue's speaker.

    The subject phrase runs from its left edge to its head (appositives and relative clauses after
    the head are left out), plus coordinated subjects (``A and B said``); titles are dropped as in
    the pattern path. A pattern speaker is kept when the subject is a relative pronoun or a
    pronoun, or when the pattern speaker covers the subject's head.
    """
    if parse is None:
        return
    for c in cues:
        if c.according:
            continue
        verb = parse.token_at(c.start)
        if verb is None:
            continue
        subj = verb_subject(verb)
        if subj is None or subj.lower_ in _RELATIVES:
            continue
        sp = subject_speaker(parse.doc, subj)
        if sp is None:
            continue
        own = subj.head.i == verb.i  # not borrowed from a coordinated verb
        if subj.i > verb.i:
            if own:
                c.after = sp
            continue
        speaker_like = is_cap(_tok(subj)) or is_role(_tok(subj))
        if c.before is None or (
            own and speaker_like and not sp.pronoun and _modifier_of(parse, c.before, subj)
        ):
            c.before = sp


def _modifier_of(parse: Parse, sp: Speaker, subj: Any) -> bool:
    """Whether the pattern speaker ``sp`` is not the subject itself but a modifier of it or
    outside it: ``Critics of Mayor Ana Ruiz said`` (Ana Ruiz), not ``Tunisia's coach, Nabil
    Maaloul, said`` (an apposition: the pattern's name stays)."""
    if sp.start <= subj.idx < sp.end or is_title(_tok(subj)):
        return False  # "Governor of Washington Chris Gregoire": the title's name, kept
    tok = parse.token_covering(sp.first_end - 1)
    steps = 0
    while tok is not None and tok.i != subj.i and steps < 12:
        if tok.dep_ in ("prep", "pobj", "poss", "acl", "relcl", "agent", "dobj"):
            return True
        if tok.head.i == tok.i:
            return True  # reached the root without meeting the subject: outside it
        tok = tok.head
        steps += 1
    return tok is None or tok.i != subj.i


def verb_subject(verb: Any) -> Any:
    """The nominal subject of a verb, or of the verb it is coordinated with
    (``arrived and said``)."""
    subj = next((t for t in verb.children if t.dep_ in SUBJECTS), None)
    if subj is None and verb.dep_ == "conj":
        subj = next((t for t in verb.head.children if t.dep_ in SUBJECTS), None)
    return subj


def subject_speaker(doc: Doc, subj: Any) -> Speaker | None:
    """The speaker phrase of a subject token (see :func:`add_parser_speakers`)."""
    text = tokens_of(doc).text
    if subj.lower_ in speaker_lexicon().pronouns:
        end = subj.idx + len(subj.text)
        return Speaker(subj.idx, end, subj.text, end, True)
    appos = next((t for t in subj.rights if t.dep_ == "appos" and is_cap(_tok(t))), None)
    if appos is not None and not is_cap(_tok(subj)):
        subj = appos  # "Tunisia's coach, Nabil Maaloul,": the name
    left = subj.left_edge.i
    while left < subj.i and not doc[left].text[0].isalnum():
        left += 1
    right = subj.i
    for t in subj.rights:
        if t.dep_ in ("compound", "flat", "flat:name", "nmod") and t.i == right + 1:
            right = t.i
    toks = [Tok(t.idx, t.idx + len(t.text), t.text) for t in doc[left : right + 1]]
    if not toks:
        return None
    first = 0
    if is_cap(toks[-1]):  # a name: the capitalised run ending at the head, titles dropped
        run = name_run_back(toks, len(toks) - 1) or 0
        if run > 0 and toks[run - 1].low == "the":
            run -= 1
        first = strip_titles(toks, run, len(toks) - 1)
    s, first_end = toks[first].start, toks[-1].end
    e = first_end
    members: list[tuple[int, int]] = []
    conj = [t for t in subj.rights if t.dep_ == "conj"]
    if conj:
        e = conj[-1].idx + len(conj[-1].text)
        members = [(s, first_end)] + [(t.idx, t.idx + len(t.text)) for t in conj]
    return Speaker(s, e, text[s:e], first_end, members=members)


def _tok(t: Any) -> Tok:
    return Tok(t.idx, t.idx + len(t.text), t.text)


def subject_starts(parse: Parse | None, cues: list[Cue]) -> frozenset[int]:
    """Character offsets of the words inside the subjects of cue verbs: with a parse, ``he
    said`` prefers a person who was just speaking (``Ana Ruiz said … Lena Varga was absent.
    She added …``: Ana Ruiz)."""
    if parse is None:
        return frozenset()
    out: set[int] = set()
    for c in cues:
        verb = parse.token_at(c.start)
        subj = verb_subject(verb) if verb is not None else None
        if subj is not None:
            out.update(x.idx for x in subj.subtree if x.i <= subj.i)
    return frozenset(out)


def clause_end(parse: Parse | None, cue: Cue, a: int, b: int) -> int:
    """Where the reported content ``[a, b)`` of ``cue`` ends by the parse: the end of the cue
    verb's clausal complement, when words other than punctuation follow it; else ``b``."""
    if parse is None or cue.according:
        return b
    verb = parse.token_at(cue.start)
    if verb is None:
        return b
    comp = next((t for t in verb.children if t.dep_ in COMPLEMENTS and t.idx >= a), None)
    if comp is None:
        return b
    last = comp.right_edge
    end = int(last.idx + len(last.text))
    text = tokens_of(parse.doc).text  # read once per doc: ``doc.text`` joins every token
    rest = text[end:b]
    if end >= b or not any(ch.isalnum() for ch in rest):
        return b
    while end > a and not text[end - 1].isalnum() and text[end - 1] not in '”"’)':
        end -= 1
    return end
