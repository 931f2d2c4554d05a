"""The text units every claims stage shares: words (from the spaCy ``Doc``), paragraphs, sentences.

The words are the ``Doc``'s own tokens, so the claims layer tokenises nothing itself. Two
normalisations make them name-friendly: a token's final full stop is its own word (``Dr.`` ->
``Dr`` ``.``, ``U.S.`` -> ``U.S`` ``.``: a full stop is then always a token that a rule can test),
and glued pieces of one written word are joined again (``Putin`` ``’s`` -> ``Putin’s``, ``45``
``-`` ``year`` -> ``45-year``, ``do`` ``n’t`` -> ``don’t``). Whitespace tokens are dropped.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field

from spacy.attrs import IDX, SENT_START
from spacy.tokens import Doc

from tui.analysis.tokens import tokens_of

OPENERS = frozenset("“\"‘'«‹„")
"""Marks that can open a quotation."""

_PARA_BLANK_RE = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_PARA_LINE_RE = re.compile(r"\n\s*")
_WORD_RE = re.compile(r"\w+(?:[’'\-]\w+)*")
_CLITICS = frozenset("’s 's n’t n't ’re 're ’ve 've ’ll 'll ’d 'd ’m 'm".split())
_HYPHENS = frozenset("-‐‑")


@dataclass(slots=True)
class Tok:
    """One word (or punctuation mark) of the text: ``text[start:end]``."""

    start: int
    end: int
    text: str
    low: str = field(init=False)

    def __post_init__(self) -> None:
        self.low = self.text.lower()


def count_words(s: str) -> int:
    """Words in a string (for length thresholds only)."""
    return len(_WORD_RE.findall(s))


class Words:
    """The document's words, built on demand for a window of character offsets: the ``Doc``'s
    token offsets are the ones all layers share (:mod:`tui.analysis.tokens`), the words of a
    window are made when a rule asks for them (windows are small and few: around cues and
    quotes)."""

    def __init__(self, doc: Doc, text: str) -> None:
        self.text = text
        tokens = tokens_of(doc)  # read once for all the layers
        self.starts: list[int] = tokens.idx
        self.ends: list[int] = tokens.ends

    def window(self, lo: int, hi: int) -> list[Tok]:
        """The words lying wholly inside ``[lo, hi)``."""
        a = bisect.bisect_left(self.starts, lo)
        b = bisect.bisect_right(self.ends, hi)
        text = self.text
        toks: list[Tok] = []
        for k in range(a, b):
            s, e = self.starts[k], self.ends[k]
            piece = text[s:e]
            if not piece or piece.isspace():
                continue
            if toks and toks[-1].end == s and _glues(toks, piece, text, e):
                s = toks.pop().start
                piece = text[s:e]
            if len(piece) > 1 and piece.endswith(".") and not piece.endswith(".."):
                toks.append(Tok(s, e - 1, piece[:-1]))
                toks.append(Tok(e - 1, e, "."))
            else:
                toks.append(Tok(s, e, piece))
        return toks


def _glues(toks: list[Tok], piece: str, text: str, end: int) -> bool:
    """Whether ``piece`` (glued to the word before it) is part of that word."""
    prev = toks[-1].text
    if prev[-1] in _HYPHENS and len(prev) > 1:
        return piece[:1].isalnum()  # the third piece of "45 - year"
    if not prev[-1].isalnum():
        return False
    if piece.lower() in _CLITICS:
        return True
    return piece in _HYPHENS and end < len(text) and text[end : end + 1].isalnum()


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph (blank-line separated, or line separated if no blank line)."""
    splitter = _PARA_BLANK_RE if _PARA_BLANK_RE.search(text) else _PARA_LINE_RE
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in splitter.finditer(text):
        if m.start() > pos:
            spans.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        spans.append((pos, len(text)))
    return spans


def sentence_spans(
    doc: Doc, text: str, paras: list[tuple[int, int]], abbrev_end: re.Pattern[str]
) -> list[tuple[int, int]]:
    """Sentence spans (stripped), cut again at paragraph breaks; ``abbrev_end`` matches a title
    abbreviation or an initial right before a wrong sentence start (``Dr. | Tom Hale``)."""
    raw: list[tuple[int, int]] = []
    starts: list[int] = []
    if len(doc):
        arr = doc.to_array([SENT_START, IDX])  # one C-level pass
        starts = [int(x) for x in arr[arr[:, 0] == 1, 1]]
    if len(starts) > 1 or (starts and len(doc) < 3):
        if starts[0] != 0:
            starts.insert(0, 0)
        # a sentence that opens with a quote mark starts at the mark (the sentencizer puts a mark
        # after a full stop at the end of the sentence before)
        starts = [
            st - 1 if st > 1 and text[st - 1] in OPENERS and text[st - 2].isspace() else st
            for st in starts
        ]
        starts = [st for st in starts if not abbrev_end.search(text, max(0, st - 8), st)]
        raw = list(zip(starts, [*starts[1:], len(text)], strict=False))
    else:
        pos = 0
        for m in re.finditer(r"[.!?][”\"’')\]]*\s+(?=[“\"‘(\[]?[A-Z0-9])", text):
            if abbrev_end.search(text, max(0, m.end() - 8), m.end()):
                continue
            raw.append((pos, m.end()))
            pos = m.end()
        raw.append((pos, len(text)))
    out: list[tuple[int, int]] = []
    pstarts = [p[0] for p in paras]
    for s, e in raw:
        k = bisect.bisect_right(pstarts, s)
        cuts = [s]
        while k < len(paras) and paras[k][0] < e:
            cuts.append(paras[k][0])
            k += 1
        cuts.append(e)
        for a, b in itertools.pairwise(cuts):
            span = trim(text, a, b)
            if span is not None:
                out.append(span)
    return out


def trim(text: str, a: int, b: int) -> tuple[int, int] | None:
    """``[a, b)`` without surrounding whitespace, or None when nothing is left."""
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return (a, b) if b > a else None


class Layout:
    """Paragraphs and sentences of a text, with the index of the one holding an offset."""

    def __init__(self, paras: list[tuple[int, int]], sents: list[tuple[int, int]]) -> None:
        self.paras = paras
        self.pstarts = [p[0] for p in paras]
        self.sents = sents
        self.sstarts = [s for s, _ in sents]

    def para_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.pstarts, pos) - 1)

    def sent_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.sstarts, pos) - 1)

    def sent(self, i: int, text_len: int) -> tuple[int, int]:
        return self.sents[i] if self.sents else (0, text_len)
