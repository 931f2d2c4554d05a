"""One tokenisation shared by every layer: a ``Doc``'s token texts, offsets and spacing as plain
lists, read once per ``Doc``.

Creating spaCy ``Token`` objects (``for tok in doc``, ``doc[i]``) and ``doc.text`` (a join over
them) cost more than most of the rules that read them, and the built-in recogniser, the name
clean-up, the numbers, actors and claims layers all need the same few facts. :func:`tokens_of`
reads them in C (``Doc.to_array``) and keeps them for the ``Doc``'s lifetime, so the second
layer pays nothing. The cache is held beside the ``Doc`` (a weak mapping), not in
``doc.user_data``, which ``Doc.to_bytes`` and ``Doc.from_docs`` would carry along.

Only what cannot change while the layers run is kept: the tokenisation (retokenising a ``Doc``
changes its length, which drops the entry). Sentence starts, which a later component may still
set, are read fresh by :func:`sentence_starts`.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass

import numpy
from spacy.attrs import IDX, LENGTH, ORTH, SENT_START, SPACY
from spacy.tokens import Doc


@dataclass(frozen=True, slots=True)
class Tokens:
    """The tokens of one ``Doc``: read-only lists, index ``i`` is token ``i``."""

    text: str
    """``doc.text``."""
    words: list[str]
    """``doc[i].text``."""
    idx: list[int]
    """``doc[i].idx``: start offsets in ``text``."""
    ends: list[int]
    """``doc[i].idx + len(doc[i])``."""
    spaces: list[bool]
    """Whether ``doc[i]`` is followed by a space (``doc[i].whitespace_``)."""

    @property
    def n(self) -> int:
        return len(self.words)


_CACHE: weakref.WeakKeyDictionary[Doc, Tokens] = weakref.WeakKeyDictionary()


def tokens_of(doc: Doc) -> Tokens:
    """The tokens of ``doc``, read on the first call and shared by every later one."""
    found = _CACHE.get(doc)
    if found is not None and found.n == len(doc):
        return found
    tokens = _read(doc)
    _CACHE[doc] = tokens
    return tokens


def _read(doc: Doc) -> Tokens:
    """One C-level pass over the token array; the texts looked up in the string store."""
    if not len(doc):
        return Tokens("", [], [], [], [])
    arr = doc.to_array([ORTH, IDX, LENGTH, SPACY])
    strings = doc.vocab.strings
    words: list[str] = [strings[orth] for orth in arr[:, 0].tolist()]
    rest = arr[:, 1:].astype(numpy.int64)  # a uint64 array lists slowly
    idx: list[int] = rest[:, 0].tolist()
    ends: list[int] = (rest[:, 0] + rest[:, 1]).tolist()
    spaces: list[bool] = (rest[:, 2] != 0).tolist()
    text = "".join([w + " " if s else w for w, s in zip(words, spaces, strict=True)])
    return Tokens(text, words, idx, ends, spaces)


def sentence_starts(doc: Doc) -> list[bool]:
    """``bool(doc[i].is_sent_start)`` for every token (a new list, read now)."""
    if not len(doc):
        return []
    return [s == 1 for s in doc.to_array(SENT_START).tolist()]
