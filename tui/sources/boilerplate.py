"""Dropping the site furniture that follows an article's last paragraph.

Copy-pasted and extracted articles often end with "Categorized in:", "Share this:", "Tags: a, b",
"Related articles", "Advertisement"... The rules are general, not one site's strings:

* the *tail* of the text is the run of lines after the last line of prose: lines that are blank,
  boilerplate (below) or tag-like (short, no sentence punctuation at the end, starting with a
  capital, a digit or ``#``: "Politics", "Vladimir Putin", "#Election2024");
* a boilerplate line is a short line ending in ``:`` ("Categorized in:", "Share this:",
  "Tags:", "Related:"), or a short line matching one of :data:`PATTERNS` (share/print buttons,
  "Related articles", "Advertisement", "Read more", copyright lines ...);
* the text is cut at the first boilerplate line of the tail, so everything after it goes (the tag
  list under "Tags:" included), while tag-like lines *before* it stay (a closing byline such as
  "Jane Doe" is kept);
* without a boilerplate line, a last line that is a list of at least three short tags separated by
  commas, pipes, bullets or middle dots is dropped ("Europe, Trade, Anna Berg, Energy").

Nothing but the tail is touched: a prose line stops the scan.
"""

from __future__ import annotations

import re

MAX_LINE = 80
"""Longest line that can be boilerplate (characters, stripped)."""

_END = r"[\s:»›>→\-–—|]*"
PATTERNS: tuple[str, ...] = (
    r"(categori[sz]ed|filed|posted|published|listed) (in|under)\b.*",
    r"tags?\s*[:\-–—|].*|tags|tagged( in| with| as)?\b.*",
    r"(topics?|keywords?|categories|category|sections?)\s*[:\-–—|].*",
    r"share (this|on|via|the article|the story|article|story)\b.*",
    r"click (here )?to (share|print|email|tweet|subscribe|comment)\b.*",
    r"(print|email|share) (this )?(article|story|page)" + _END,
    r"(related|recommended|more|similar|popular|trending|latest|further|suggested|most read)"
    r"( \w+){0,2}? (articles?|posts?|stories|news|reading|content|coverage|links|for you)" + _END,
    r"(related|recommended|trending|popular|most read)" + _END,
    r"(read|see) (more|also|next|the full)\b.*",
    r"(advertisement|advertising|sponsored( content)?|promoted( content)?|ad)" + _END,
    r"scroll to (continue|top)\b.*",
    r"(like|love) this" + _END,
    r"loading\W*",
    r"(follow|subscribe|sign up|join) (us|to|for|our)\b.{0,60}",
    r"(©|\(c\)\s*\d{4}|copyright\b).*",
    r".*\ball rights reserved\b.*",
    r"(leave a (comment|reply)|\d+ comments?|comments?|view comments|show comments)" + _END,
    r"(previous|next) (article|post|story)\b.*",
    r"(back to top|top of page|skip to content)" + _END,
)
_BOILER = re.compile("|".join(f"(?:{p})" for p in PATTERNS), re.IGNORECASE)
_COLON_HEADER = re.compile(r"[^.!?]{1,40}:")
_TAG = re.compile(r"^(?:[-*•·]\s*)?[#\w\d][^.!?\"”]{0,48}$")
_TAG_SEPARATORS = re.compile(r"\s*(?:,|\||•|·|/)\s*")


def _is_boilerplate(line: str) -> bool:
    if len(line) > MAX_LINE:
        return False
    if _COLON_HEADER.fullmatch(line) and len(line.split()) <= 5:
        return True
    return bool(_BOILER.fullmatch(line))


def _is_tag(line: str) -> bool:
    words = line.split()
    if not words or len(words) > 6 or not _TAG.match(line):
        return False
    first = line.lstrip("-*•· #")[:1]
    return first.isupper() or first.isdigit() or line.startswith("#")


def _is_tag_list(line: str) -> bool:
    if len(line) > 300:
        return False
    items = [i for i in _TAG_SEPARATORS.split(line) if i]
    return len(items) >= 3 and len(_TAG_SEPARATORS.findall(line)) >= 2 \
        and all(_is_tag(i) and len(i.split()) <= 4 for i in items)


MAX_TAIL_LINES = 200
"""Only the last lines are looked at: site furniture is short, articles can be long."""


def trim_tail(text: str) -> str:
    """``text`` without trailing site boilerplate (see module); unchanged when there is none."""
    parts = text.rsplit("\n", MAX_TAIL_LINES)
    head, lines = (parts[0], parts[1:]) if len(parts) > MAX_TAIL_LINES else ("", parts)
    trimmed = _trim_lines(lines, text.endswith("\n"))
    if trimmed is None:
        return text
    if head:
        kept = (head + "\n" + trimmed).rstrip()
        return kept + "\n" if text.endswith("\n") else kept
    return trimmed


def _trim_lines(lines: list[str], ends_with_newline: bool) -> str | None:
    first_boiler = None
    i = len(lines) - 1
    while i >= 0:
        line = lines[i].strip()
        if not line:
            pass
        elif _is_boilerplate(line):
            first_boiler = i
        elif _is_tag(line) or _is_tag_list(line):
            pass
        else:
            break
        i -= 1
    cut = first_boiler
    if cut is None:
        last = len(lines) - 1
        while last >= 0 and not lines[last].strip():
            last -= 1
        if last >= 0 and _is_tag_list(lines[last].strip()):
            cut = last
    if cut is None:
        return None
    kept = "\n".join(lines[:cut]).rstrip()
    return kept + "\n" if kept and ends_with_newline else kept
