"""Speaker phrases: the words naming who speaks, found around a cue, and their actor.

``speaker_text`` is the words naming the speaker in the text, titles before a full name removed
(``Professor Anna Berg`` -> ``Anna Berg``), appositives skipped (``X, an adviser to Y, said``;
``The company's chief executive, John Brown, said``), coordinations kept whole (``Kazakhstan and
the Kremlin``, every member's actor in ``speakers``). A speaker is a capitalised name, a role or
speaker noun (``the mayor``, ``officials at the Pentagon``, ``the embassy``) or a pronoun; the word
lists come from ``lexicon.json`` (titles), ``ner_rules.json`` (role nouns, name particles, months)
and ``claims.json`` (speaker nouns, honorifics, title modifiers).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tui.analysis.claims.text import Tok, Words
from tui.analysis.claims.vocabulary import speaker_lexicon


@dataclass(slots=True)
class Speaker:
    """A speaker phrase ``text[start:end]``; ``members`` are the (start, end) of each coordinated
    member (``A and B``), the first one used for ``speaker``."""

    start: int
    end: int
    text: str
    first_end: int
    pronoun: bool = False
    members: list[tuple[int, int]] = field(default_factory=list)

    def spans(self) -> list[tuple[int, int]]:
        return self.members or [(self.start, self.first_end)]


def possessive(t: str) -> bool:
    return t.endswith(("’s", "'s", "’", "s'")) and len(t) > 2


def is_cap(tok: Tok) -> bool:
    """A word that can be part of a name: capitalised and not a function word, or a particle
    glued to a capitalised word (``al-Assad``)."""
    t = tok.text
    if possessive(t):
        return False
    if t[0].isupper():
        return tok.low not in speaker_lexicon().cap_stop
    head, sep, rest = t.partition("-")
    if not sep:
        head, sep, rest = t.partition("’")
    return bool(sep) and rest[:1].isupper() and head.lower() in speaker_lexicon().particles | {"d"}


def cap_possessive(tok: Tok) -> bool:
    return tok.text[0].isupper() and possessive(tok.text)


def is_title(tok: Tok) -> bool:
    return tok.low.rstrip(".") in speaker_lexicon().titles


def is_role(tok: Tok) -> bool:
    return tok.low in speaker_lexicon().roles or is_title(tok)


def name_run_back(toks: list[Tok], i: int) -> int | None:
    """Index of the first token of a capitalised name run ending at ``toks[i]``, or None."""
    if i < 0 or not is_cap(toks[i]):
        return None
    lex = speaker_lexicon()
    j = i
    while j - 1 >= 0:
        t = toks[j - 1]
        if is_cap(t):
            j -= 1
        elif (
            t.text == "."
            and j - 2 >= 0
            and toks[j - 2].text[0].isupper()
            and (
                len(toks[j - 2].text) == 1
                or "." in toks[j - 2].text
                or toks[j - 2].low in lex.abbrev_titles
            )
            and toks[j].start == t.end + 1
        ):
            j -= 1  # George W. Bush, The U.S. Department
        elif t.low in lex.particles and j - 2 >= 0 and is_cap(toks[j - 2]):
            j -= 1
        elif t.low == "of" and j - 2 >= 0 and (is_cap(toks[j - 2]) or cap_possessive(toks[j - 2])):
            j -= 1  # Bank of England
        elif cap_possessive(t) and j - 2 >= 0 and toks[j - 2].low == "of":
            j -= 1  # Mark Zandi of Moody's Analytics
        else:
            break
    return j


def strip_titles(toks: list[Tok], a: int, b: int) -> int:
    """First token of the name proper in ``toks[a..b]`` (titles before a full name removed)."""
    k = _strip_titles_raw(toks, a, b)
    while k < b and toks[k].text == ".":
        k += 1
    return k


def _strip_titles_raw(toks: list[Tok], a: int, b: int) -> int:
    lex = speaker_lexicon()
    last = -1
    for k in range(a, b + 1):
        if is_title(toks[k]):
            last = k
    if last == -1 or last >= b:
        return a
    for k in range(a, last + 1):
        if is_title(toks[k]) and k + 1 <= b and toks[k + 1].low == "of":
            # Governor of Washington Chris Gregoire: the name is the last two words
            first = max(a, b - 1)
            if first - 1 > k + 1 and toks[first - 1].low in lex.particles:
                first -= 1
            return first
    rest = b - last
    if rest >= 2 or toks[last].low.rstrip(".") in lex.honorifics:
        return last + 1
    if last == a and toks[a].low in lex.org_start:
        return a
    return last + 1


def np_back(toks: list[Tok], i: int) -> tuple[int, int, int, bool] | None:
    """(first, name_first, last, pronoun) of a speaker phrase ending at ``toks[i]``."""
    if i < 0:
        return None
    lex = speaker_lexicon()
    t = toks[i]
    if t.low in lex.pronouns:
        return i, i, i, True
    j = name_run_back(toks, i)
    if j is not None:
        last = i
        for o in range(j + 2, i):
            # "Mark Zandi of Moody's Analytics": the person before "of" (not "Bank of England",
            # not "Secretary of State Antony Blinken")
            if toks[o].low == "of":
                if toks[o - 1].low not in lex.org_words and not any(
                    is_title(toks[x]) for x in range(j, o)
                ):
                    last = o - 1
                break
        first = strip_titles(toks, j, last)
        if first == j and j - 1 >= 0 and toks[j - 1].low == "the":
            first = j - 1
        return first, first, last, False
    if is_role(t):
        return _role_np_back(toks, i)
    return None


def _role_np_back(toks: list[Tok], i: int) -> tuple[int, int, int, bool]:
    """``the central bank's statement``, ``Russia's foreign ministry``, ``a senior official``."""
    lex = speaker_lexicon()
    j = i
    steps = 0
    poss = None
    while j - 1 >= 0 and steps < 5:
        p = toks[j - 1]
        if p.low in lex.determiners:
            return j - 1, j - 1, i, False
        if possessive(p.text):
            poss = j - 1
        elif (
            not p.text[0].isalnum()
            or p.low in lex.cues
            or p.low in lex.prepositions
            or p.low in lex.clause_words
            or p.low == "or"
        ):
            break
        j -= 1
        steps += 1
    if j == 0 or (j - 1 >= 0 and toks[j - 1].text in (",", ";", ":", "(", "“", '"')):
        return j, j, i, False
    if poss is not None:
        return poss, poss, i, False
    return i, i, i, False


_STOP_PUNCT = frozenset((",", ".", "“", "”", '"', ";", ":", "(", ")", "?", "!"))
_CLAUSE_START = frozenset((",", "“", "”", '"', "(", ";"))


def speaker_before(
    words: Words, cue_start: int, lo: int, quote_only: bool = False
) -> Speaker | None:
    """The speaker phrase right before a cue (``X said``,
    ``X, an adviser to Y, said``, ``A and B say``)."""
    lex = speaker_lexicon()
    text = words.text
    toks = words.window(max(lo, cue_start - 200), cue_start)
    i = len(toks) - 1
    skipped = 0
    while i >= 0 and toks[i].low in lex.skip_before_cue and skipped < 3:
        i -= 1
        skipped += 1
    if i < 0:
        return None
    if toks[i].low == "and" and not quote_only:
        return _sentence_subject(words, toks, i)
    if toks[i].low == "who" and i >= 2 and toks[i - 1].text == ",":
        i -= 2  # "Ana Ruiz, who had told him ...": the relative clause's antecedent
    np = _appositive_np(toks, i) if toks[i].text == "," else np_back(toks, i)
    if np is None:
        return None
    first, _name_first, last, pronoun = np
    if (
        not pronoun
        and first > 0
        and toks[first - 1].low in lex.prepositions
        and not (quote_only and toks[first - 1].low == "with")
    ):
        first_or_none = _after_preposition(toks, first, last)
        if first_or_none is None:
            return None
        first = first_or_none
    if (
        pronoun
        and first > 0
        and toks[first - 1].text not in _CLAUSE_START
        and toks[first - 1].low not in ("and", "but", "as", "so", "then")
        and not toks[first - 1].text[0].isupper()
        and toks[first - 1].low not in ("that", "because", "when", "while", "although", "though")
    ):
        return None  # "... that he said" is fine, but "give it said" is not a speaker
    first_end = toks[last].end
    start = toks[first].start
    # coordination: A and B said
    p = first - 1
    if p >= 0 and cap_possessive(toks[p]):
        p -= 1  # Keir Starmer and Labour's Rachel Reeves
    if p - 1 >= 0 and toks[p].low in ("and", "&") and not pronoun:
        np2 = np_back(toks, p - 1)
        if np2 is not None and not np2[3]:
            s2 = toks[np2[0]].start
            members = [
                (s2, toks[np2[2]].end),
                (toks[p + 1].start if p + 1 < first else start, first_end),
            ]
            return Speaker(s2, first_end, text[s2:first_end], toks[np2[2]].end, members=members)
    return Speaker(start, first_end, text[start:first_end], first_end, pronoun)


def _sentence_subject(words: Words, toks: list[Tok], i: int) -> Speaker | None:
    """``X arrived at the court on Monday and said ...``: the subject opening the clause, when a
    verb follows it."""
    k = i - 1
    while k > 0 and toks[k - 1].text not in (".", ";", ":", "“", "”", '"', "!", "?"):
        k -= 1
    if i - k > 25:
        return None
    sp = speaker_after(words, toks[k].start, toks[i].start)
    if sp is None or sp.start != toks[k].start:
        return None
    nxt = next((t for t in toks[k:i] if t.start >= sp.end), None)
    if nxt is None or not nxt.text.isalpha() or not nxt.text.islower():
        return None
    return sp


def _after_preposition(toks: list[Tok], first: int, last: int) -> int | None:
    """``a meeting with Putin said`` is not Putin speaking, but ``CEO of the Refugee Council
    Enver Solomon said`` is Enver Solomon and ``a spokesman for the ministry said`` the
    spokesman."""
    role_before = (
        first > 1
        and toks[first - 1].low in ("of", "for", "at", "from")
        and is_role(toks[first - 2])
    )
    if role_before and last - first >= 2 and is_cap(toks[last]) and is_cap(toks[last - 1]):
        return last - 1
    if role_before:
        head = np_back(toks, first - 2)
        if head is None or head[3]:
            return None
        return head[0]
    return None


def _abbrev_dot(toks: list[Tok], j: int) -> bool:
    """The full stop of ``Sen.`` or an initial, not a sentence end."""
    prev = toks[j - 1] if j > 0 else None
    return (
        toks[j].text == "."
        and prev is not None
        and prev.end == toks[j].start
        and (len(prev.text) == 1 or prev.low in speaker_lexicon().abbrev_titles)
    )


def _appositive_np(toks: list[Tok], i: int) -> tuple[int, int, int, bool] | None:
    """NAME, an adviser to Putin, said / NAME, curator of X, Fayetteville, said /
    ROLE, NAME, said (``The company's chief executive, John Brown, said``)."""
    end = i
    lower_seen = False
    for _ in range(3):
        j = end - 1
        while j >= 0 and end - j < 30 and (toks[j].text not in _STOP_PUNCT or _abbrev_dot(toks, j)):
            j -= 1
        if j < 1 or toks[j].text != "," or j + 1 >= end:
            return None
        seg = toks[j + 1 : end]
        prev = toks[j - 1]
        if end == i and (
            is_role(prev) or (prev.text.isalpha() and prev.text.islower()) or prev.text == ")"
        ):
            run = name_run_back(toks, end - 1)
            if run == j + 1:
                return run + (toks[run].low == "the"), run, end - 1, False
        lower_seen = lower_seen or any(t.text[0].islower() or t.text[0].isdigit() for t in seg)
        if lower_seen:
            cand = np_back(toks, j - 1)
            if cand is not None and not cand[3]:
                return cand
        end = j
    return None


def speaker_after(words: Words, pos: int, hi: int) -> Speaker | None:
    """The speaker phrase right after a cue (``said Professor Anna Berg, director ...``)."""
    lex = speaker_lexicon()
    text = words.text
    toks = words.window(pos, min(hi, pos + 200))
    if not toks:
        return None
    if toks[0].low in lex.pronouns:
        return Speaker(toks[0].start, toks[0].end, toks[0].text, toks[0].end, True)
    k = 0
    det = None
    if toks[0].low in ("the", "a", "an", "one", "another", "some") or possessive(toks[0].text):
        det = 0
        k = 1
        if (
            len(toks) > 3
            and toks[1].low == "of"
            and toks[2].low in ("the", "his", "her", "their", "its")
        ):
            k = 3  # one of the protesters
    run_end = _run_after(toks, k, det is not None)
    if run_end == k:
        return None
    last = run_end - 1
    while last >= k and toks[last].text == ".":
        last -= 1
    if last < k:
        return None
    # a name after the last title ("the Kremlin spokesman Dmitry Peskov", "Professor Anna Berg")
    last_title = -1
    for m in range(k, last + 1):
        if is_role(toks[m]):
            last_title = m
    first = det if det is not None else k
    if last_title != -1 and last_title < last:
        name_first = strip_titles(toks, k, last)
        if name_first > k:
            first = name_first
    elif det is None and not is_cap(toks[k]) and not is_role(toks[k]):
        return None
    s, e = toks[first].start, toks[last].end
    return Speaker(s, e, text[s:e], e)


def _run_after(toks: list[Tok], k: int, has_det: bool) -> int:
    """End of the name/role run starting at ``toks[k]`` (10 words at most)."""
    lex = speaker_lexicon()
    run_end = k
    while run_end < len(toks) and run_end - k < 10:
        t = toks[run_end]
        nxt = toks[run_end + 1] if run_end + 1 < len(toks) else None
        if is_cap(t) or is_role(t):
            run_end += 1
        elif (
            t.text == "."
            and run_end > k
            and (len(toks[run_end - 1].text) == 1 or toks[run_end - 1].low in lex.abbrev_titles)
            and nxt is not None
            and is_cap(nxt)
        ):
            run_end += 1  # George W. Bush, Mr. Smith
        elif t.low in lex.particles and run_end > k and nxt is not None and is_cap(nxt):
            run_end += 1
        elif (
            has_det
            and t.text[0].islower()
            and t.text[0].isalpha()
            and run_end - k < 3
            and nxt is not None
            and is_role(nxt)
        ):
            run_end += 1  # a senior official, the foreign ministry
        else:
            break
    return run_end


def _appositive_name(words: Words, toks: list[Tok], n: int) -> Speaker | None:
    """``the Crown prosecutor, Paul Ferris, …``: the name in commas after a role phrase."""
    if n == 0 or n + 2 >= len(toks) or toks[n].text != "," or not is_role(toks[n - 1]):
        return None
    k = n + 1
    while k < len(toks) and k - n <= 5 and is_cap(toks[k]):
        k += 1
    if k - (n + 1) < 2 or (k < len(toks) and toks[k].text not in (",", ".", ":", ";")):
        return None
    s, e = toks[n + 1].start, toks[k - 1].end
    return Speaker(s, e, words.text[s:e], e)


def speaker_np_after(words: Words, pos: int, hi: int) -> Speaker | None:
    """The noun phrase after ``according to``: up to punctuation or a clause
    word, 8 words at most."""
    lex = speaker_lexicon()
    text = words.text
    sp = speaker_after(words, pos, hi)
    toks = words.window(pos, min(hi, pos + 160))
    n = 0
    while n < len(toks) and n < 8:
        t = toks[n]
        if (
            t.text == "."
            and n
            and (len(toks[n - 1].text) == 1 or toks[n - 1].low in lex.abbrev_titles)
        ):
            n += 1  # "Prof." or "J." inside the phrase, not its end
            continue
        if not t.text[0].isalnum() or t.low in lex.clause_words:
            break
        n += 1
    named = _appositive_name(words, toks, n)
    if named is not None:
        return named  # according to the team's coach, Ana Ruiz, ...
    if sp is not None and (n == 0 or sp.end >= toks[n - 1].end):
        return sp
    if n == 0:
        return sp
    s, e = toks[0].start, toks[n - 1].end
    if sp is not None and sp.start == s:
        return Speaker(s, e, text[s:e], sp.end)
    return Speaker(s, e, text[s:e], e)
