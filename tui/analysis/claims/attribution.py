"""Who said a quote: an ordered list of attribution strategies, the first that answers wins.

Each strategy is a small function ``(Context, Quote) -> Attribution | None`` with a docstring and
an example; :data:`STRATEGIES` is their order (most specific and most reliable first), the way a
spaCy pipeline orders its rule components. A quote no strategy attributes may still continue the
speaker of the quote before it (:func:`continues_previous`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass

from tui.analysis.claims.cues import Cue
from tui.analysis.claims.quotes import Quote
from tui.analysis.claims.reported import is_clause
from tui.analysis.claims.speakers import (
    Speaker,
    name_run_back,
    speaker_after,
    speaker_np_after,
    strip_titles,
)
from tui.analysis.claims.text import Layout, Words
from tui.analysis.claims.vocabulary import speaker_lexicon

_GAP_AFTER_RE = re.compile(r"[\s,;:]*")
_LEAD_RE = re.compile(r"(?:\w[\w’'.-]*,?\s+){1,5}")
_SENT_END_RE = re.compile(r"[.!?][”\"’]?\s")
_DASH_NAME_RE = re.compile(
    r"[ \t]*[-–—―][ \t]*((?:[A-Z][\w’'.-]*[ \t]+){1,3}[A-Z][\w’'-]+)[ \t]*(?=\n|$)"
)
_BEFORE_ADJACENT_RE = re.compile(r"[\s,:]*(?:that\s*)?|[^.“”\"]{0,60}[:,]\s*")
_TAIL_RE = re.compile(r"[\s.,;]*")
_OUTLET_COLON_RE = re.compile(r"\s*,\s*[A-Z][\w’'&.-]*(?:\s+[A-Z][\w’'&.-]*){0,3}\s*:\s*$")
_LEAD_MAX = 60
_CUE_REACH = 120


@dataclass(slots=True)
class Attribution:
    """A quote's speaker phrase and cue; ``adjacent`` when they stand right next to the quote
    (a short or title-case quote needs that), ``owns_cue`` when the cue belongs to the quote
    (``“…,” X said, …`` gives no reported speech)."""

    speaker: Speaker | None
    cue: Cue | None
    adjacent: bool = True
    owns_cue: bool = False


class Context:
    """What the strategies look at: the words, the cues and the layout of one document."""

    def __init__(self, words: Words, cues: list[Cue], layout: Layout) -> None:
        self.words = words
        self.text = words.text
        self.cues = cues
        self.cue_starts = [c.start for c in cues]
        self.layout = layout
        self.owned: set[int] = set()
        """Starts of cues already given to a quote after them."""

    def sent_lo(self, pos: int) -> int:
        lay = self.layout
        p_lo = lay.paras[lay.para_of(pos)][0]
        return max(lay.sents[lay.sent_of(pos)][0] if lay.sents else p_lo, p_lo)


def _speaks(c: Cue) -> bool:
    return not c.quote_only and not c.partial_only


def cue_after(ctx: Context, q: Quote) -> Attribution | None:
    """A cue right after the quote: ``“…,” said X`` / ``“…,” X said`` / ``“…,” team member X
    told`` / ``“…”, according to X`` / ``“…,” the governor, Ana Ruiz, predicted``."""
    text = ctx.text
    end_para = ctx.layout.paras[ctx.layout.para_of(max(q.start, q.end - 1))][1]
    gap_end = _GAP_AFTER_RE.match(text, q.end).end()  # type: ignore[union-attr]  # always matches
    k = bisect.bisect_left(ctx.cue_starts, gap_end)
    if k >= len(ctx.cues) or ctx.cues[k].start >= min(end_para, gap_end + _CUE_REACH):
        return None
    c = ctx.cues[k]
    sp: Speaker | None = None
    if c.start == gap_end:
        if c.according:
            sp = speaker_np_after(ctx.words, c.end, end_para)
        elif _speaks(c) and c.lemma != "tell":  # after "told" comes its object
            sp = speaker_after(ctx.words, c.end, end_para) or c.after
    elif c.before is not None and _speaks(c):
        lead = text[gap_end : c.before.start]
        if c.before.start == gap_end or (
            c.before.start > gap_end
            and len(lead) < _LEAD_MAX
            and _LEAD_RE.fullmatch(lead)
            and not _SENT_END_RE.search(_drop_abbrev_dots(lead))
        ):
            sp = c.before
    if (
        sp is None
        and not c.according
        and _speaks(c)
        and c.start > gap_end
        and not _SENT_END_RE.search(text[gap_end : c.start])
    ):
        # “…,” a soldier who gave only his first name, Oleksiy, told AP.
        head = speaker_after(ctx.words, gap_end, c.start)
        if head is not None and head.start == gap_end and not head.pronoun:
            sp = head
    if sp is None:
        return None
    return Attribution(sp, c, True, owns_cue=not _says_more(ctx, q, c))


def _says_more(ctx: Context, q: Quote, c: Cue) -> bool:
    """``“… rescue effort.” Rathke also asked the governments not to …``: after a quote closed
    by a full stop, a cue with content of its own (a clause, ``that``, ``to``) attributes the
    quote and also reports a statement of its own."""
    inner_end = ctx.text[max(q.start, q.end - 3) : q.end]
    if c.according or not any(ch in ".!?" for ch in inner_end):
        return False
    s_hi = ctx.layout.sent(ctx.layout.sent_of(c.end), len(ctx.text))[1]
    after = ctx.text[c.end : s_hi].split(",")[0]  # "X said Monday, adding that …" attributes
    words = after.lower().split()
    return len(words) >= 3 and ("that" in words[:8] or "to" in words[:10] or is_clause(after))


def _drop_abbrev_dots(s: str) -> str:
    abbrev = speaker_lexicon().abbrev_titles
    return re.sub(
        r"\b(\w+)\.",
        lambda m: (
            m.group(0) if m.group(1).lower() not in abbrev and len(m.group(1)) > 1 else m.group(1)
        ),
        s,
    )


def dash_name(ctx: Context, q: Quote) -> Attribution | None:
    """A name after a dash closing the line: ``“It’s a long game.” - Ana Ruiz``."""
    m = _DASH_NAME_RE.match(ctx.text, q.end)
    if m is None:
        return None
    s, e = m.span(1)
    return Attribution(Speaker(s, e, ctx.text[s:e], e), None)


def cue_before(ctx: Context, q: Quote) -> Attribution | None:
    """A cue earlier in the quote's sentence: ``X said: “…”`` / ``X said “…”`` / ``X said the
    meeting would be “very important.”``."""
    text = ctx.text
    s_lo = ctx.sent_lo(q.start)
    k = bisect.bisect_left(ctx.cue_starts, q.start) - 1
    stop = k - 30
    while k >= 0 and k > stop and ctx.cues[k].start >= s_lo:
        c = ctx.cues[k]
        sp = speaker_np_after(ctx.words, c.end, q.start) if c.according else c.before
        if sp is not None and c.according and sp.end > q.start:
            sp = None
        if sp is not None:
            adjacent = _BEFORE_ADJACENT_RE.fullmatch(text, c.end, q.start) is not None
            if c.quote_only and not adjacent:
                return None
            return Attribution(sp, c, adjacent)
        k -= 1
    return None


def colon_paragraph(ctx: Context, q: Quote) -> Attribution | None:
    """A quote paragraph after a paragraph ending ``X said:``."""
    lay = ctx.layout
    pi = lay.para_of(q.start)
    if pi == 0 or q.start != lay.paras[pi][0]:
        return None
    prev_lo, prev_hi = lay.paras[pi - 1]
    if not ctx.text[prev_lo:prev_hi].rstrip().endswith(":"):
        return None
    k = bisect.bisect_left(ctx.cue_starts, prev_hi) - 1
    while k >= 0 and ctx.cues[k].start >= prev_lo:
        c = ctx.cues[k]
        if c.before is not None:
            return Attribution(c.before, c)
        if c.according:
            sp = speaker_np_after(ctx.words, c.end, prev_hi)
            if sp is not None:
                return Attribution(sp, c)
        k -= 1
    return None


def name_colon(ctx: Context, q: Quote) -> Attribution | None:
    """A name and a colon opening the sentence (interviews, live blogs): ``Anna Berg: “…”``,
    also with the outlet: ``Anna Berg, Daily Planet: “…”``."""
    text = ctx.text
    s_lo = ctx.sent_lo(q.start)
    lead = text[s_lo : q.start]
    if not lead.rstrip().endswith(":") or len(lead) > 80:
        return None
    outlet = _OUTLET_COLON_RE.search(lead)
    toks = ctx.words.window(s_lo, s_lo + outlet.start() if outlet else q.start)
    if outlet is None:
        if len(toks) < 3 or toks[-1].text != ":":
            return None
        toks = toks[:-1]
    if len(toks) < 2:
        return None
    j = name_run_back(toks, len(toks) - 1)
    if j != 0:
        return None
    first = strip_titles(toks, 0, len(toks) - 1)
    s, e = toks[first].start, toks[-1].end
    return Attribution(Speaker(s, e, text[s:e], e), None)


def colon_subject(ctx: Context, q: Quote) -> Attribution | None:
    """A quote after a colon in a sentence opened by its speaker, with no cue:
    ``The minister defended the plan: “It will work.”``."""
    text = ctx.text
    s_lo = ctx.sent_lo(q.start)
    if not text[s_lo : q.start].rstrip().endswith(":") or q.start - s_lo > 300:
        return None
    toks = ctx.words.window(s_lo, q.start)
    comma = next((k for k, t in enumerate(toks[:12]) if t.text == ","), -1)
    sp = None
    for k in (0, comma + 1) if comma >= 0 else (0,):
        if k < len(toks):
            sp = speaker_after(ctx.words, toks[k].start, q.start)
            if sp is not None and sp.start == toks[k].start:
                break
            sp = None  # "During questions on Wednesday, Sunak defended ...": after the opener
    if sp is None:
        return None
    nxt = next((t for t in toks if t.start >= sp.end), None)
    if nxt is None or not nxt.text.isalpha() or not nxt.text.islower():
        return None
    return Attribution(sp, None)


def previous_sentence(ctx: Context, q: Quote) -> Attribution | None:
    """``Okonjo also said Calder was a businessman. “He wanted to be rich.”``: a quote that opens
    a sentence continues the reported speech of the sentence before (same paragraph, or a
    paragraph that is all quote right after it)."""
    lay = ctx.layout
    if not lay.sents:
        return None
    si = lay.sent_of(q.start)
    if si == 0 or lay.sents[si][0] != q.start:
        return None
    a, b = lay.sents[si - 1]
    pi = lay.para_of(q.start)
    if a < lay.paras[pi][0]:
        p_lo, p_hi = lay.paras[pi]
        tail = _TAIL_RE.match(ctx.text, q.end, p_hi) if q.end <= p_hi else None
        if q.start != p_lo or tail is None or tail.end() != p_hi or lay.para_of(a) != pi - 1:
            return None
    k = bisect.bisect_left(ctx.cue_starts, b) - 1
    while k >= 0 and ctx.cues[k].start >= a:
        c = ctx.cues[k]
        if _speaks(c) and c.start not in ctx.owned:
            sp = speaker_np_after(ctx.words, c.end, b) if c.according else c.before
            if sp is not None:
                return Attribution(sp, c, adjacent=False)
        k -= 1
    return None


Strategy = Callable[[Context, Quote], Attribution | None]

STRATEGIES: list[Strategy] = [
    cue_after,
    dash_name,
    cue_before,
    colon_paragraph,
    name_colon,
    colon_subject,
    previous_sentence,
]
"""The attribution strategies, in the order they are tried."""


def attribute(ctx: Context, q: Quote) -> Attribution | None:
    """The first strategy's answer for ``q``."""
    for strategy in STRATEGIES:
        found = strategy(ctx, q)
        if found is not None:
            return found
    return None
