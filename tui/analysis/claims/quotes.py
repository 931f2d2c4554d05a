"""Quote-mark pairing: the top-level quotations of a text, in one linear pass.

Marks are paired by family: double (“ ” „ and straight "), single (‘ ’ ‚ and straight '),
guillemets (« ») and single guillemets (‹ ›). A closing mark closes the innermost open mark of
its family, dropping unclosed marks above it, so nested ‘…’ inside “…” never breaks the outer
pair. ’ and ' between letters or before a year (’90s) are apostrophes; a plural possessive
(``leaders’ talks``) closes a single quote only when no clearer closing mark follows.

A paragraph that ends inside a quote continues it when the next paragraph re-opens the same
family (or, sloppily, closes it without re-opening): one quotation from the first opening mark to
the final closing mark. A quote left open at a paragraph end otherwise ends there when it starts
the paragraph or follows ``:``/``,`` and has 8 words or more; else it is dropped.

Linear: the open marks are a stack with a count per family (never rebuilt per mark), and the
look-aheads for a better closing mark stop after 40 marks or 600 characters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui.analysis.claims.text import count_words, paragraph_spans

LOOKAHEAD = 600
"""How far (characters) to look for a better closing single quote."""
_LOOKAHEAD_MARKS = 40
_MIN_UNCLOSED_WORDS = 8

_FAMILY = {
    "“": "D",
    "”": "D",
    "„": "D",
    '"': "D",
    "‘": "S",
    "’": "S",
    "‚": "S",
    "'": "S",
    "«": "G",
    "»": "G",
    "‹": "g",
    "›": "g",
}
_MARK_RE = re.compile("[“”„\"‘’‚'«»‹›]")
_OPEN_PUNCT = frozenset("([{<—–-/:;,") | frozenset(_FAMILY)


@dataclass(slots=True)
class Quote:
    """A quotation, marks included: ``text[start:end]``; ``closed`` is False when it ran to its
    paragraph's end without a closing mark."""

    start: int
    end: int
    closed: bool = True


Mark = tuple[int, str]


def classify(text: str, i: int, ch: str, lo: int, hi: int) -> str:
    """'open', 'close', 'either', 'open?', 'close?', 'ambig' (possessive ’), or '' (apostrophe).

    >>> classify("don’t", 3, "’", 0, 5)
    ''
    """
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + 1] if i + 1 < hi else " "
    left = not nxt.isspace() and (prev.isspace() or prev in _OPEN_PUNCT)
    right = not prev.isspace() and (nxt.isspace() or not nxt.isalnum())
    if ch in "„‚«‹":
        return "open"
    if ch in "»›":
        return "close"
    if ch in "’'‘":
        return _classify_single(text, i, ch, lo, hi, left, right)
    if ch == "“":
        return "open" if left or not right else "close?"
    if ch == "”":
        return "close" if right or not left else "open?"
    if left and not right:  # straight double quote
        return "open"
    if right and not left:
        return "close"
    return "either"


def _classify_single(text: str, i: int, ch: str, lo: int, hi: int, left: bool, right: bool) -> str:
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + 1] if i + 1 < hi else " "
    if prev.isalnum() and nxt.isalnum():
        return ""  # don’t, Putin’s
    if nxt.isdigit() and (prev.isspace() or i == lo or prev in "(–—-"):
        j = i + 1
        while j < hi and text[j].isdigit():
            j += 1
        if j - i - 1 == 2 and (j >= hi or not text[j].isalpha() or text[j] == "s"):
            return ""  # ’90s, '08
    if ch == "‘":
        return "open" if left or not right else "close"
    if left and not right:
        return "open" if ch == "'" else "open?"
    if right and not left:
        if prev in "sS" and nxt == " " and i + 2 < hi and text[i + 2].islower():
            return "ambig"
        return "close"
    return ""


class _Stack:
    """Open marks, innermost last, with a count per family (``in`` is O(1))."""

    def __init__(self) -> None:
        self.items: list[tuple[str, int, str]] = []  # (family, offset, mark)
        self.count: dict[str, int] = {}

    def push(self, fam: str, i: int, ch: str) -> None:
        self.items.append((fam, i, ch))
        self.count[fam] = self.count.get(fam, 0) + 1

    def has(self, fam: str) -> bool:
        return self.count.get(fam, 0) > 0

    def close(self, fam: str) -> int:
        """Pop to the innermost open mark of ``fam``; its offset."""
        while True:
            f, s, _ = self.items.pop()
            self.count[f] -= 1
            if f == fam:
                return s

    def reset(self, keep: tuple[str, int, str] | None = None) -> None:
        self.items = []
        self.count = {}
        if keep is not None:
            self.push(*keep)


def find_quotes(text: str) -> list[Quote]:
    """Top-level quotations of ``text`` (span includes the marks), in text order."""
    paras = paragraph_spans(text)
    pairs: list[tuple[int, int]] = []
    unclosed: list[Quote] = []
    stack = _Stack()
    for pi, (lo, hi) in enumerate(paras):
        marks: list[Mark] = [(m.start(), m.group()) for m in _MARK_RE.finditer(text, lo, hi)]
        skip_first = False
        if stack.items:
            # a quote is open from the previous paragraph: does this one re-open it?
            bottom = stack.items[0]
            first = text[lo] if lo < hi else ""
            if first and _FAMILY.get(first) == bottom[0] and first not in "”»›’":
                skip_first = True
                stack.reset(bottom)
            elif _closes_first(text, marks, bottom[0], lo, hi):
                stack.reset(bottom)  # sloppy: the next paragraph does not re-open but closes it
            else:
                left = _left_open(text, bottom[1], paras[pi - 1])
                if left is not None:
                    unclosed.append(left)
                stack.reset()
        for k, (i, ch) in enumerate(marks):
            if not (skip_first and k == 0):
                _step(text, marks, k, i, ch, lo, hi, stack, pairs)
    if stack.items:
        left = _left_open(text, stack.items[0][1], paras[-1])
        if left is not None:
            unclosed.append(left)
    return _top_level(text, [Quote(s, e) for s, e in pairs] + unclosed)


def _step(
    text: str,
    marks: list[Mark],
    k: int,
    i: int,
    ch: str,
    lo: int,
    hi: int,
    stack: _Stack,
    pairs: list[tuple[int, int]],
) -> None:
    """Handle one mark: push an opening mark, or pair a closing one."""
    kind = classify(text, i, ch, lo, hi)
    if not kind:
        return
    fam = _FAMILY[ch]
    if fam == "D" and ch == "“" and stack.items and stack.items[-1][2] == "„":
        kind = "close"  # „German style“
    if kind in ("either", "open?", "close?"):
        kind = "close" if stack.has(fam) else "open"
    elif kind == "ambig":
        if not stack.has(fam) or _better_close(text, marks, k, lo, hi):
            return
        kind = "close"
    if kind == "open":
        if ch == "'" and not _has_straight_close(text, marks, k, lo, hi):
            return
        stack.push(fam, i, ch)
    elif stack.has(fam):
        pairs.append((stack.close(fam), i + 1))


def _left_open(text: str, start: int, para: tuple[int, int]) -> Quote | None:
    """A quote left open at its paragraph's end, when it is long and starts like one."""
    lo, hi = para
    if count_words(text[start:hi]) < _MIN_UNCLOSED_WORDS:
        return None
    if start != lo and not text[lo:start].rstrip().endswith((":", ",")):
        return None
    end = hi
    while end > start and text[end - 1].isspace():
        end -= 1
    return Quote(start, end, closed=False)


def _top_level(text: str, quotes: list[Quote]) -> list[Quote]:
    quotes.sort(key=lambda q: (q.start, -q.end))
    top: list[Quote] = []
    for q in quotes:
        if top and q.start < top[-1].end:
            continue  # nested inside (or overlapping) the previous top-level quote
        top.append(q)
    return top


def _closes_first(text: str, marks: list[Mark], fam: str, lo: int, hi: int) -> bool:
    """Whether the first mark of family ``fam`` in a paragraph can only be a closing mark."""
    for i, ch in marks:
        if _FAMILY[ch] == fam:
            kind = classify(text, i, ch, lo, hi)
            if not kind or kind == "ambig":
                continue
            return kind == "close"
    return False


def _better_close(text: str, marks: list[Mark], k: int, lo: int, hi: int) -> bool:
    """Whether a clearer closing ’ follows the ambiguous one at ``marks[k]`` (before a ” closes)."""
    limit = marks[k][0] + LOOKAHEAD
    for i, ch in marks[k + 1 : k + _LOOKAHEAD_MARKS]:
        if i > limit or ch in '”"»':
            return False
        if ch in "’'" and classify(text, i, ch, lo, hi) == "close":
            return True
    return False


def _has_straight_close(text: str, marks: list[Mark], k: int, lo: int, hi: int) -> bool:
    limit = marks[k][0] + LOOKAHEAD
    for i, ch in marks[k + 1 : k + _LOOKAHEAD_MARKS]:
        if i > limit:
            return False
        if ch == "'" and classify(text, i, ch, lo, hi) in ("close", "ambig"):
            return True
    return False
