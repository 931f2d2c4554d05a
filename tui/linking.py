"""Offsets, mentions and highlights without Textual: the logic the reader's linking rests on.

Everything here works on ``str`` offsets into :attr:`Analysis.text` and is unit-tested on its own
(``tests/test_linking.py``); the widgets only translate between these offsets and the screen.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from tui.analysis.model import Analysis

ItemKind = Literal["actor", "claim", "number"]
KINDS: tuple[ItemKind, ...] = ("actor", "claim", "number")

Offsets = tuple[int, int]
LineHighlights = dict[int, list[tuple[int, int | None, str]]]
"""TextArea's highlight map: row -> [(start byte, end byte or None for end of line, style name)]."""


@dataclass(frozen=True, slots=True)
class Item:
    """Something listed in the side panel, with every stretch of text it stands for."""

    kind: ItemKind
    id: str
    spans: tuple[Offsets, ...]
    """Sorted by start; never empty."""


def items_from_analysis(analysis: Analysis) -> dict[ItemKind, list[Item]]:
    """One :class:`Item` per actor (its mentions), claim and number (their own span)."""
    actors = [
        Item("actor", a.id, tuple(sorted((m.start, m.end) for m in a.mentions)))
        for a in analysis.actors
        if a.mentions
    ]
    claims = [Item("claim", c.id, ((c.start, c.end),)) for c in analysis.claims]
    numbers = [Item("number", n.id, ((n.start, n.end),)) for n in analysis.numbers]
    return {"actor": actors, "claim": claims, "number": numbers}


class MentionIndex:
    """Finds which item a text offset belongs to (bisect over each kind's sorted spans)."""

    def __init__(self, items: Iterable[Item]) -> None:
        self._spans: dict[ItemKind, list[tuple[int, int, Item, int]]] = {k: [] for k in KINDS}
        for item in items:
            for n, (start, end) in enumerate(item.spans):
                self._spans[item.kind].append((start, end, item, n))
        self._starts: dict[ItemKind, list[int]] = {}
        self._longest: dict[ItemKind, int] = {}
        for kind, spans in self._spans.items():
            spans.sort(key=lambda s: (s[0], s[1]))
            self._starts[kind] = [s[0] for s in spans]
            self._longest[kind] = max((e - s for s, e, _, _ in spans), default=0)

    def find(self, offset: int, kind: ItemKind) -> tuple[Item, int] | None:
        """The ``kind`` item whose span contains ``offset`` (the innermost one) and which mention.

        The offset just after a span counts as inside it, so a caret that stops at the end of a
        name still selects it.
        """
        spans, starts = self._spans[kind], self._starts[kind]
        i = bisect_right(starts, offset) - 1
        best: tuple[int, Item, int] | None = None
        low = offset - self._longest[kind]
        while i >= 0 and starts[i] >= low:
            start, end, item, n = spans[i]
            if start <= offset <= end and (best is None or end - start < best[0]):
                best = (end - start, item, n)
            i -= 1
        return None if best is None else (best[1], best[2])

    def lookup(self, offset: int, prefer: ItemKind | None = None) -> tuple[Item, int] | None:
        """The item at ``offset``: ``prefer``'s kind first, then actors, numbers, claims."""
        order: list[ItemKind] = ["actor", "number", "claim"]
        if prefer is not None:
            order.remove(prefer)
            order.insert(0, prefer)
        for kind in order:
            hit = self.find(offset, kind)
            if hit is not None:
                return hit
        return None


def step(total: int, current: int | None, delta: int) -> int:
    """The mention ``delta`` steps from ``current``, wrapping around (``None``: from outside)."""
    if total <= 0:
        raise ValueError("no mentions")
    if current is None:
        return 0 if delta > 0 else total - 1
    return (current + delta) % total


def nearest(spans: Sequence[Offsets], offset: int, forward: bool = True) -> int:
    """Index of the first span starting at/after ``offset`` (or the last one before it)."""
    if not spans:
        raise ValueError("no spans")
    starts = [s for s, _ in spans]
    if forward:
        i = bisect_left(starts, offset)
        return i if i < len(spans) else 0
    i = bisect_left(starts, offset) - 1
    return i if i >= 0 else len(spans) - 1


def position(index: int | None, total: int) -> str:
    """``"2/5"`` for humans (``"–/5"`` before the first step)."""
    return f"{'–' if index is None else index + 1}/{total}"


def counted(n: int, word: str, plural: str | None = None) -> str:
    """``"1 claim"``, ``"2 claims"``: a count with its noun in the right number."""
    return f"{n} {word if n == 1 else plural or word + 's'}"


def find_all(text: str, query: str) -> list[Offsets]:
    """Every case-insensitive, non-overlapping occurrence of ``query`` (literal text)."""
    if not query:
        return []
    return [(m.start(), m.end()) for m in re.finditer(re.escape(query), text, re.IGNORECASE)]


_CONTROL_PICTURES = {c: 0x2400 + c for c in range(0x20) if c not in (0x09, 0x0A)}
_CONTROL_PICTURES[0x7F] = 0x2421
_CONTROL_PICTURES.update({c: 0xFFFD for c in range(0x80, 0xA0)})
_CONTROL_PICTURES.update({0x2028: 0x21B5, 0x2029: 0xB6})
_CONTROL_PICTURES.update({c: 0xFFFD for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))})


_CONTROL = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_CONTROL_PICTURES)) + "]")


def display_text(text: str) -> str:
    """``text`` with control characters replaced one-for-one by visible symbols.

    Escape sequences then show as ``␛[31m`` instead of reaching the terminal, and the characters
    ``str.splitlines`` treats as line breaks (form feed, U+2028 ...) no longer shift rows: every
    offset stays valid because the length never changes.
    """
    if _CONTROL.search(text) is None:  # the usual case; translate takes ~0.1 s per MB
        return text
    return text.translate(_CONTROL_PICTURES)


class LineMap:
    """Character offsets <-> (row, column) for text split on ``\\n`` only.

    Built once per article in linear time; every look-up is a bisection plus, for a line that is
    not ASCII, the UTF-8 length of at most :data:`BYTE_MARK_EVERY` characters, so converting
    thousands of spans costs the same on one long paragraph as on many short ones.
    """

    def __init__(self, text: str) -> None:
        self.lines = text.split("\n")
        self.starts: list[int] = []
        pos = 0
        for line in self.lines:
            self.starts.append(pos)
            pos += len(line) + 1
        self.lengths = [len(line) for line in self.lines]
        self._ascii = [line.isascii() for line in self.lines]
        self._byte_marks: dict[int, list[int]] = {}

    def location(self, offset: int) -> tuple[int, int]:
        """(row, column in characters) of ``offset``, clamped to the text."""
        offset = max(offset, 0)
        row = bisect_right(self.starts, offset) - 1
        column = offset - self.starts[row]
        length = self.lengths[row]
        return row, min(length, column)

    def offset(self, row: int, column: int) -> int:
        """Character offset of (row, column)."""
        row = min(max(0, row), len(self.lines) - 1)
        return self.starts[row] + min(max(0, column), len(self.lines[row]))

    def byte_column(self, row: int, column: int) -> int:
        """TextArea highlight columns are UTF-8 bytes: convert a character column."""
        if self._ascii[row]:
            return column
        line = self.lines[row]
        marks = self._byte_marks.get(row)
        if marks is None:  # byte offset of every BYTE_MARK_EVERY-th character of the line
            step = BYTE_MARK_EVERY
            marks = [0]
            for i in range(0, len(line), step):
                marks.append(marks[-1] + len(line[i:i + step].encode("utf-8", "surrogatepass")))
            self._byte_marks[row] = marks
        k = column // BYTE_MARK_EVERY
        start = k * BYTE_MARK_EVERY
        return marks[k] + len(line[start:column].encode("utf-8", "surrogatepass"))


BYTE_MARK_EVERY = 64
"""Characters between two remembered byte offsets on a non-ASCII line."""


def line_highlights(lines: LineMap, spans: Iterable[Offsets], name: str) -> LineHighlights:
    """``name`` over every span, split per row and converted to bytes (a new map)."""
    target: LineHighlights = {}
    add_highlights(target, lines, spans, name)
    return target


def add_highlights(target: LineHighlights, lines: LineMap, spans: Iterable[Offsets],
                   name: str) -> None:
    """Append ``name`` over every span to ``target``, split per row and converted to bytes.

    Linear in the number of spans (and rows they cross): one bisection per span end.
    """
    location = lines.location
    byte_column = lines.byte_column
    lengths = lines.lengths
    for start, end in spans:
        if end <= start:
            continue
        r0, c0 = location(start)
        r1, c1 = location(end)
        b0 = byte_column(r0, c0)
        if r0 == r1:
            row_items = target.get(r0)
            if row_items is None:
                row_items = target[r0] = []
            row_items.append((b0, byte_column(r1, c1), name))
            continue
        if c0 < lengths[r0]:
            target.setdefault(r0, []).append((b0, None, name))
        for row in range(r0 + 1, r1):
            if lengths[row]:
                target.setdefault(row, []).append((0, None, name))
        if c1 > 0:
            target.setdefault(r1, []).append((0, byte_column(r1, c1), name))


def merge_highlights(layers: Iterable[LineHighlights]) -> LineHighlights:
    """Layers merged row by row, later ones after (drawn above) earlier ones.

    The first layer's row lists are shared, not copied, where no later layer touches the row.
    """
    merged: LineHighlights = {}
    for layer in layers:
        if not merged:
            merged = dict(layer)
            continue
        for row, items in layer.items():
            below = merged.get(row)
            merged[row] = items if below is None else below + items
    return merged


def paragraph_starts(text: str) -> list[int]:
    """Offsets where paragraphs start: a paragraph is a run of lines that are not blank.

    One pass over the lines (linear, whatever the text: no regular expression to backtrack
    over a long line of spaces)."""
    starts: list[int] = []
    pos = 0
    blank_before = True
    for line in text.split("\n"):
        stripped = line.lstrip()
        if stripped:
            if blank_before:
                starts.append(pos + len(line) - len(stripped))
            blank_before = False
        else:
            blank_before = True
        pos += len(line) + 1
    return starts


def paragraph_at(starts: Sequence[int], offset: int) -> int:
    """Index of the paragraph containing ``offset`` (the one before it, between two)."""
    return max(0, bisect_right(starts, offset) - 1)


def paragraph_step(starts: Sequence[int], offset: int, delta: int) -> int | None:
    """The start of the next (``delta`` > 0) or previous paragraph from ``offset``, or None at
    the end; backwards from inside a paragraph goes to its own start first, like ``{`` in vi."""
    if not starts:
        return None
    i = paragraph_at(starts, offset)
    if delta > 0:
        if offset < starts[0]:
            return starts[0]
        return starts[i + 1] if i + 1 < len(starts) else None
    if offset > starts[i]:
        return starts[i]
    return starts[i - 1] if i > 0 else None
