"""Re-flowing hard-wrapped plain text into real paragraphs.

Wire copy, e-mail and old archives break lines at about 70 characters and start paragraphs with a
tab or a few spaces. Read as is, every name that crosses a line break is cut in two, and the reader
shows ragged short lines instead of paragraphs that re-wrap to the window. So a plain text that
*looks* hard-wrapped is re-flowed on input:

- a line break inside a paragraph becomes a space (the same offset: one character for one);
- an indented line (a tab, or :data:`Thresholds.min_indent` spaces) starts a new paragraph, and so
  does a line after a short one that ends a sentence, when the text does not mark paragraphs with
  blank lines;
- lines that are not prose keep their breaks: list items, table rows, headings, quotes (``>``).

The text counts as hard-wrapped when most of its lines belong to blocks of several lines, its long
lines are no longer than a wrapping width, and at most breaks the next word would not have fitted
on the line ("a wrapper broke it here"). Poems, lists, tables and Markdown fail one of these tests
and are left exactly as they are. The thresholds are the fields of :class:`Thresholds`.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Every number the detection rule uses, in one place."""

    min_lines: int = 6
    """Fewer non-blank lines than this are never re-flowed."""
    min_width: int = 40
    max_width: int = 100
    """The wrapping width (the 90th percentile of line lengths) must lie in this range."""
    min_block_share: float = 0.5
    """Share of non-blank lines that must sit in blocks of two or more lines."""
    min_wrapped_share: float = 0.7
    """Share of in-block breaks where the next word would not have fitted on the line."""
    width_slack: int = 2
    """How far past the wrapping width a word may reach and still count as not fitting."""
    min_indent: int = 2
    """Leading spaces that make a paragraph start (a tab always does)."""
    max_structured_share: float = 0.2
    """More list, table or heading lines than this and the text is structured, not prose."""


THRESHOLDS = Thresholds()

_ITEM = re.compile(r"^\s*(?:[-*+•◦‣–—]\s|\d{1,3}[.)]\s|[a-zA-Z][.)]\s|#{1,6}\s|>)")
"""A list item, a heading or a quoted line, unless the line before was filled by a wrapper."""
_TABLE = re.compile(
    r"^\s*\||\|.*\|"  # a table row: starts with a bar, or has two
    r"|\S(?: {2,}|\t)\S.*\S(?: {2,}|\t)\S"  # columns: two gaps of 2+ spaces (or tabs) inside a line
    r"|^\s*[=\-_*]{3,}\s*$"  # a rule or an underline
)
_STRUCTURED = re.compile(f"{_ITEM.pattern}|{_TABLE.pattern}")
_SENTENCE_END = re.compile(r"""[.!?:]["'”’»)\]]*$""")


def _indented(line: str, t: Thresholds) -> bool:
    return line.startswith("\t") or line.startswith(" " * t.min_indent)


def _unindent(line: str, t: Thresholds) -> str:
    """A paragraph's first line without its indent (lists and tables keep theirs)."""
    return line.lstrip() if _indented(line, t) and not _STRUCTURED.search(line) else line


def _width(lengths: list[int]) -> int:
    ordered = sorted(lengths)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.9))]


def _first_word(line: str) -> str:
    parts = line.split(None, 1)
    return parts[0] if parts else ""


def _filled(line: str, nxt: str, width: int, t: Thresholds) -> bool:
    """Whether the next line's first word would not have fitted on ``line``: a wrapper's break."""
    return len(line.rstrip()) + 1 + len(_first_word(nxt)) > width - t.width_slack


def _kept_break(prev: str, line: str, width: int, t: Thresholds) -> bool:
    """Table rows keep their breaks; so does a list item or heading after a line not filled."""
    if _TABLE.search(line) or _TABLE.search(prev):
        return True
    return bool(_ITEM.search(line)) and not _filled(prev, line, width, t)


def is_hard_wrapped(text: str, t: Thresholds = THRESHOLDS) -> bool:
    """Whether ``text`` looks hard-wrapped prose (see the module docstring)."""
    lines = text.split("\n")
    content = [ln for ln in lines if ln.strip()]
    if len(content) < t.min_lines:
        return False
    width = _width([len(ln.rstrip()) for ln in content])
    if not t.min_width <= width <= t.max_width:
        return False
    if sum(1 for ln in content if _STRUCTURED.search(ln)) > t.max_structured_share * len(content):
        return False
    in_blocks = breaks = wrapped = 0
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        prev_full = i > 0 and bool(lines[i - 1].strip())
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if prev_full or nxt.strip():
            in_blocks += 1
        if nxt.strip() and not _indented(nxt, t):
            breaks += 1
            if _filled(line, nxt, width, t):
                wrapped += 1
    if in_blocks < t.min_block_share * len(content) or not breaks:
        return False
    return wrapped >= t.min_wrapped_share * breaks


def reflow(text: str, t: Thresholds = THRESHOLDS) -> str:
    """``text`` re-flowed into paragraphs when it is hard-wrapped, else ``text`` unchanged."""
    if not is_hard_wrapped(text, t):
        return text
    lines = text.split("\n")
    width = _width([len(ln.rstrip()) for ln in lines if ln.strip()])
    blank_paragraphs = any(not ln.strip() for ln in lines[1:-1])
    out: list[str] = [_unindent(lines[0], t)]
    for prev, line in itertools.pairwise(lines):
        if not line.strip() or not prev.strip():
            out.append("\n" + _unindent(line, t))
        elif _kept_break(prev, line, width, t):
            out.append("\n" + line)
        elif _indented(line, t):
            out.append("\n\n" + line.lstrip())  # an indented line starts a paragraph
        elif (not blank_paragraphs and _SENTENCE_END.search(prev.rstrip())
              and not _filled(prev, line, width, t)):
            out.append("\n\n" + line)  # a short line ending a sentence ended its paragraph
        else:
            out.append(" " + line)  # a break the wrapper made: one space for one newline
    return "".join(out)
