"""Salience: which actors the article is about, so the panel lists its subject first.

An actor scores for each mention, for each claim it speaks (every speaker of "A and B said"
counts), for an early first mention, and most for being named in the title or the lead (the
first sentence, after a title line if the text starts with one): news puts its subject there,
as the first person or organisation the lead names.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from tui.analysis.actors.names import is_title
from tui.analysis.model import Actor, Claim

PER_MENTION = 1.0
PER_CLAIM = 2.0
"""A claim the actor speaks (on top of the mention naming it as the speaker)."""
EARLY = 2.0
"""For a first mention at the very start, falling to 0 at the end."""
IN_LEAD = 2.0
"""Named in the article's first sentence."""
LEAD_SUBJECT = 3.0
"""More for the first person or organisation the lead names: its subject, as a rule."""
IN_TITLE = 4.0
"""Named in the title (given apart from the text)."""
TITLE_LINE_MAX = 200
"""A first line shorter than this, without a sentence end, is a title line."""
_SENTENCE_END = re.compile(r"[.!?][\"”’)\]]*(?=\s|$)|\n\s*\n")


def lead_span(text: str) -> tuple[int, int]:
    """Where the lead is: the first sentence, with the title line before it when the text
    starts with one ("Quake hits city\\n\\nA strong earthquake ... .")."""
    start = len(text) - len(text.lstrip())
    line_end = text.find("\n", start)
    if line_end != -1 and line_end - start < TITLE_LINE_MAX:
        line = text[start:line_end].rstrip()
        if line and line[-1] not in ".!?\"”":
            body = line_end + len(text[line_end:]) - len(text[line_end:].lstrip())
            m = _SENTENCE_END.search(text, body)
            return start, m.end() if m else len(text)
    m = _SENTENCE_END.search(text, start)
    return start, m.end() if m else len(text)


def _named_in(title: str, actor: Actor) -> bool:
    """Whether ``title`` names ``actor``: its name, an alias, or a part of a person's name."""
    words = set(re.findall(r"[\w'’.-]+", title.lower()))
    low = title.lower()
    forms = [actor.name, *actor.aliases]
    if actor.kind == "person":
        forms += actor.name.split()
    return any(re.search(rf"(?<!\w){re.escape(f.lower())}(?!\w)", low) for f in forms
               if len(f) > 1 and (" " in f or f.lower() in words))


def _subject(in_lead: list[Actor], text: str) -> Actor | None:
    """The first person or organisation named in the lead; but the person, when the first is
    their employer in a title ("Acme Holdings chairman Peter Vance said ...")."""
    firsts = sorted((a.mentions[0].start, a.mentions[0].end, a) for a in in_lead
                    if a.kind in ("person", "organization") and a.mentions)
    if not firsts:
        return None
    _, end, first = firsts[0]
    if first.kind == "organization" and len(firsts) > 1 and firsts[1][2].kind == "person":
        gap = text[end:firsts[1][0]].strip().removeprefix("'s").removeprefix("’s").strip()
        if gap and all(is_title(w) or w.islower() for w in gap.split()) \
                and any(is_title(w) for w in gap.split()):
            return firsts[1][2]
    return first


def update_salience(actors: list[Actor], claims: Sequence[Claim], text_len: int, *,
                    text: str | None = None, title: str | None = None) -> None:
    """Score and sort ``actors`` in place (see the module docstring); scores are scaled so the
    most salient actor has 1.0. Without ``text`` there is no lead bonus."""
    if not actors:
        return
    quoted: Counter[str] = Counter()
    for c in claims:
        for speaker in dict.fromkeys(c.speakers or ([c.speaker] if c.speaker else [])):
            quoted[speaker] += 1
    length = max(text_len, 1)
    lead = lead_span(text) if text else (0, 0)
    in_lead = [a for a in actors if any(lead[0] <= m.start < lead[1] for m in a.mentions)]
    lead_ids = {id(a) for a in in_lead}
    subject = _subject(in_lead, text or "")
    raw: dict[str, float] = {}
    for a in actors:
        first = a.mentions[0].start if a.mentions else length
        score = PER_MENTION * len(a.mentions) + PER_CLAIM * quoted[a.id]
        score += EARLY * (1.0 - first / length)
        if id(a) in lead_ids:
            score += IN_LEAD + (LEAD_SUBJECT if a is subject else 0.0)
        if title and _named_in(title, a):
            score += IN_TITLE
        raw[a.id] = score
    top = max(raw.values()) or 1.0
    for a in actors:
        a.salience = round(raw[a.id] / top, 4)
    actors.sort(key=lambda a: (-a.salience, a.mentions[0].start if a.mentions else 0))
