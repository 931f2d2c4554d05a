"""Reported speech: where the reported content of a cue starts and ends.

The claim span is the reported *content*: the clause after ``that`` or after a verb that takes a
bare clause (``said``, ``told reporters``, ``warned`` ...), the part before a final ``, X said.``
/ ``, according to X.``, the part after an initial ``According to X,``, the clause after ``,
adding that``; when no clause can be delimited (``The Kremlin declined to give details``) it is
the whole sentence. Content must be sayable: a clause with a verb, not an object noun phrase
(``conceded a penalty``). Reported speech whose content is mostly a listed quote, or only quote
and attribution, is not listed; a cue that attributes a quote after it gives no reported speech.
"""

from __future__ import annotations

import re
from functools import lru_cache

from tui.analysis.claims.cues import Cue, cue_lexicon
from tui.analysis.claims.speakers import Speaker, is_cap
from tui.analysis.claims.text import Tok, Words, count_words, trim
from tui.analysis.claims.vocabulary import speaker_lexicon
from tui.analysis.lexicon import claims_data

MAX_SENTENCE = 3000
"""Longer "sentences" (lists, tables, unpunctuated dumps) give no reported speech."""
MIN_CONTENT_WORDS = 3

_ADDING_THAT_RE = re.compile(
    r",\s+(adding|saying|noting|warning|arguing|insisting|explaining) that\b"
)
_COMMA_RE = re.compile(r",\s*")
_CLOSERS = ' .!?"”’)'
_LAST_WORD_RE = re.compile(r"(\S+)\s*$")
_EDGE_PUNCT = (",", "—", "–")
_TOLD_OBJECT_WORDS = frozenset(("news", "conference", "agency", "media"))
_BARE_BLOCKERS = frozenset(("it", "so", "nothing", "this"))
_RELATIVE_WORDS = frozenset(("which", "who", "whom", "whose"))
_TIME_STARTS = frozenset(("last", "on", "earlier", "this"))


def adding_that_re() -> re.Pattern[str]:
    return _ADDING_THAT_RE


@lru_cache(maxsize=1)
def _verb_hints() -> frozenset[str]:
    return frozenset(claims_data()["verb_hints"]["words"])


def is_clause(content: str) -> bool:
    """Whether reported content can be said: it has a verb (an auxiliary, a copula, or a word in
    -ed/-es past its first word), so ``a penalty`` or ``shortly after 10 pm`` is not content.

    >>> is_clause("the firm had hidden the spill"), is_clause("a penalty")
    (True, False)
    """
    words = re.findall(r"[\w’'-]+", content.lower())
    if not words:
        return False
    hints = _verb_hints()
    for n, w in enumerate(words):
        if w in _RELATIVE_WORDS:
            return False  # "a policy of turning boats away which was ...": the verb is not its own
        if w in hints or w.endswith(("n’t", "n't")):
            return True
        if n and len(w) > 4 and w.endswith(("ed", "es")):
            return True
    return False


def without_trailing_titles(before: str) -> str:
    """``content, Dr.`` -> ``content,``: the speaker phrase starts after its titles."""
    before = before.rstrip()
    while (m := _LAST_WORD_RE.search(before)) and m.group(1).lower().rstrip(
        "."
    ) in speaker_lexicon().titles:
        before = before[: m.start()].rstrip()
    return before


def reported_content(
    words: Words, c: Cue, sp: Speaker, s_lo: int, s_hi: int
) -> tuple[int, int] | None:
    """The reported content of a cue in the sentence ``[s_lo, s_hi)`` (see the module notes)."""
    text = words.text
    if c.according:
        return _according_content(text, sp, c, s_lo, s_hi)
    after = text[c.end : s_hi]
    if not after.strip(_CLOSERS):
        # sentence-final attribution: content, X said.
        before = without_trailing_titles(text[s_lo : sp.start])
        if before.endswith(_EDGE_PUNCT):
            return trim(text, s_lo, s_lo + len(before) - 1)
        return None
    if sp.start >= c.end and (
        not text[sp.end : s_hi].strip(_CLOSERS) or text[sp.end : s_hi].startswith(",")
    ):
        # inverted sentence-final attribution: content, said X (, a glaciologist).
        before = text[s_lo : c.start].rstrip()
        if before.endswith(_EDGE_PUNCT):
            return trim(text, s_lo, s_lo + len(before) - 1)
    toks = words.window(c.end, min(s_hi, c.end + 120))
    if not toks:
        return None
    before = without_trailing_titles(text[s_lo : sp.start])
    if before.endswith(_EDGE_PUNCT):
        span = _parenthetical(text, toks, before, s_lo, s_hi)
        if span is not False:
            return span  # type: ignore[return-value]  # a span or None, never False here
    return _following_content(text, toks, c, sp.start, s_lo, s_hi)


def _according_content(
    text: str, sp: Speaker, c: Cue, s_lo: int, s_hi: int
) -> tuple[int, int] | None:
    if sp.start >= c.end and text[s_lo : c.start].strip() == "":
        # According to X, content.
        m = _COMMA_RE.search(text, sp.end, s_hi)
        return trim(text, m.end(), s_hi) if m is not None else None
    before = text[s_lo : c.start].rstrip()
    if before.endswith(",") and not text[sp.end : s_hi].strip(_CLOSERS):
        return trim(text, s_lo, s_lo + len(before) - 1)
    return trim(text, s_lo, s_hi)


def _parenthetical(
    text: str, toks: list[Tok], before: str, s_lo: int, s_hi: int
) -> tuple[int, int] | bool | None:
    """``Russian forces pounded the east, officials said Sunday, as ...``: the part before."""
    adverbials = speaker_lexicon().adverbials
    for n, t in enumerate(toks[:6]):
        if t.text in (",", ";") or (t.text == "." and n == len(toks) - 1):
            if count_words(before) < 4:  # "The deal, he said, was the best": all of it
                return trim(text, s_lo, s_hi)
            return trim(text, s_lo, s_lo + len(before) - 1)
        if t.low not in adverbials:
            break
    return False


def _following_content(
    text: str, toks: list[Tok], c: Cue, sp_start: int, s_lo: int, s_hi: int
) -> tuple[int, int] | None:
    """The content after the cue: after ``that``, a colon, the object of ``told``,
    or a bare clause."""
    lex = speaker_lexicon()
    # "that" within a few words (told reporters last week that ...)
    for n, t in enumerate(toks[:10]):
        if t.low == "that":
            if n == 0 or all(x.text[0].isalnum() for x in toks[:n]):
                return trim(text, t.end, s_hi)
            break
        if not t.text[0].isalnum() and t.text != ",":
            break
    first = toks[0]
    if first.text in (":", ","):
        return trim(text, first.end, s_hi) if first.text == ":" else trim(text, s_lo, s_hi)
    cl = cue_lexicon()
    near = [t.low for t in toks[:10]]
    infinitive = cl.takes(c.word, "to") and "to" in near[: 10 if cl.takes(c.word, "object") else 1]
    of_frame = any(cl.takes(c.word, p) and p in near[:7] for p in ("of", "for", "as"))
    if infinitive or of_frame:
        # X urged Y to ..., X declined to ..., X accused Y of ...: the clause from its subject
        return trim(text, max(s_lo, min(sp_start, c.start)), s_hi)
    if not cl.takes(c.word, "bare"):
        return None  # "posted to Twitter": no frame of the verb, nothing said
    if cue_lexicon().takes(c.word, "object"):
        k = _object_end(toks)
        if k == 0 or k >= len(toks):
            return trim(text, s_lo, s_hi)
        nxt = toks[k]
        if nxt.low in lex.prepositions or not nxt.text[0].isalnum():
            return trim(text, s_lo, s_hi)
        return trim(text, nxt.start, s_hi)
    return _bare(text, toks, s_lo, s_hi)


def _bare(text: str, toks: list[Tok], s_lo: int, s_hi: int) -> tuple[int, int] | None:
    lex = speaker_lexicon()
    first = toks[0]
    blocked = first.low in _BARE_BLOCKERS and (len(toks) < 3 or not toks[1].text[0].isalnum())
    if first.low in lex.prepositions or blocked:
        return trim(text, s_lo, s_hi)
    if first.low in _TIME_STARTS and len(toks) > 2:
        return trim(text, s_lo, s_hi)
    return trim(text, first.start, s_hi)


def _object_end(toks: list[Tok]) -> int:
    """Tokens of the object of ``told`` (reporters, him, the BBC): 0 when there is none."""
    lex = speaker_lexicon()
    if toks[0].low in lex.object_pronouns or toks[0].low in lex.told_objects:
        return 1
    if is_cap(toks[0]) or toks[0].low in ("the", "a", "an"):
        k = 1
        while k < len(toks) and k < 6 and (is_cap(toks[k]) or toks[k].low in _TOLD_OBJECT_WORDS):
            k += 1
        return k
    return 0
