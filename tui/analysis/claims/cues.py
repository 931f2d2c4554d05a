"""The cue lexicon (speech-act verbs, their forms and frames, from ``data/claims.json``) and the
cues of a text: where a reporting word stands, outside quotes, and which frame it opens.

A cue counts only with a speaker right next to it (found by :mod:`speakers`). Forms that are also
nouns (``claims``, ``notes``, ``states``) need ``that``, a colon or a quote after them; a verb
that takes only an infinitive (``declined``) needs ``to``; a verb that takes only ``of``
(``accused``) needs ``of`` within a few words. Participles (``saying``, ``stating``) introduce a
quote that follows at once, or ``adding that`` content. ``called``/``described`` attribute a
later partial quote only; ``according to`` takes its speaker after it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from tui.analysis.claims.text import Layout
from tui.analysis.lexicon import claims_data


@dataclass(frozen=True, slots=True)
class CueLexicon:
    """The speech-act verbs of ``claims.json``, by form (all lower-case)."""

    forms: dict[str, str]
    """Finite cue form -> lemma: "warned" -> "warn"."""
    frames: dict[str, frozenset[str]]
    """Lemma -> its frames: that, bare, quote, to, of, object."""
    nominal: frozenset[str]
    """Forms that are also nouns: a cue only before ``that``, a colon or a quote."""
    participles: dict[str, str]
    """-ing form -> lemma: "saying" -> "say"."""
    characterizing: frozenset[str]
    quote_only: frozenset[str]
    """Forms that attribute a quote right after them only: "reads"."""
    according: tuple[str, ...]

    def takes(self, form: str, frame: str) -> bool:
        """Whether the verb of ``form`` takes ``frame``."""
        return frame in self.frames.get(self.forms.get(form) or self.participles.get(form, ""), ())


@lru_cache(maxsize=1)
def cue_lexicon() -> CueLexicon:
    """The cue lexicon, built once from ``claims.json``."""
    data = claims_data()
    verbs: dict[str, Any] = data["verbs"]
    forms = {f: lemma for lemma, v in verbs.items() for f in v["forms"]}
    return CueLexicon(
        forms=forms,
        frames={lemma: frozenset(v["frames"]) for lemma, v in verbs.items()},
        nominal=frozenset(f for v in verbs.values() for f in v.get("nominal", ())),
        participles={v["ing"]: lemma for lemma, v in verbs.items() if v["ing"]},
        characterizing=frozenset(data["characterizing_verbs"]),
        quote_only=frozenset(data["quote_only_verbs"]),
        according=tuple(data["according"]),
    )


def trie_pattern(words: frozenset[str]) -> str:
    """An alternation of ``words`` factored by prefix
    (``s(?:a(?:id|ys)|tated)``): fast in ``re``."""
    trie: dict[str, Any] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        alts = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = "(?:" + "|".join(alts) + ")"
        return body + "?" if "" in node else body

    return build(trie)


def _word_re(words: frozenset[str]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w’'-])" + trie_pattern(words) + r"(?![\w’'-])")


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    lex = cue_lexicon()
    according = re.compile(
        r"(?<!\w)(?:" + "|".join(a.replace(" ", r"\s+") for a in lex.according) + r")(?!\w)",
        re.IGNORECASE,
    )
    return (
        _word_re(frozenset(lex.forms) | frozenset(f.capitalize() for f in lex.forms)),
        _word_re(frozenset(lex.participles) | lex.quote_only),
        _word_re(lex.characterizing),
        according,
    )


@lru_cache(maxsize=1)
def _statement_re() -> re.Pattern[str]:
    """``issued a statement saying``: a verb, a determiner, a statement noun, the participle."""
    nouns = trie_pattern(frozenset(claims_data()["statement_nouns"]))
    return re.compile(
        r"\b(\w+)\s+(?:a|an|the|its|his|her|their)\s+(?:[\w-]+\s+){0,2}" + nouns + r"\s*,?\s*$"
    )


@lru_cache(maxsize=1)
def _statement_cue_re() -> re.Pattern[str]:
    """``issued a statement`` (then a colon, a quote or the sentence's end)."""
    data = claims_data()
    nouns = trie_pattern(frozenset(data["statement_nouns"]))
    verbs = trie_pattern(frozenset(data["statement_verbs"]))
    return re.compile(
        r"\b(" + verbs + r")\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}?(" + nouns + r")\b"
        r"(?:\s+(?:on|about|regarding|after|in which)\b[^.:“\"]{0,80})?"
    )


_OBJECT_WORD_RE = re.compile(r" \w+")
_QUOTE_NEXT_RE = re.compile(r"\s*[,:]?\s*[“\"«‘]")
_THAT_SOON_RE = re.compile(r"(?:\s+[\w’'-]+){0,6}?\s+that\b")
_OF_SOON_RE = re.compile(r"(?:\s+[\w’'.-]+){1,6}?\s+of\s+\w+ing\b")
_FOR_SOON_RE = re.compile(r"(?:\s+[\w’'.-]+){0,6}?\s+for\s+\w")
_AS_SOON_RE = re.compile(r"(?:\s+[\w’'.-]+){1,6}?\s+as\s+\w")
_TO_NEXT_RE = re.compile(r"(?:\s+[\w’'.-]+){0,8}?\s+to\s+\w")
_FINAL_RE = re.compile(r"\s*(?:(?:on|last|this|late|early)\s+\w+|\w+day)?\s*[.!?,;]")


@dataclass(slots=True)
class Cue:
    """A reporting word at ``text[start:end]`` in sentence ``sent``, with its speaker phrases."""

    start: int
    end: int
    word: str
    sent: int
    lemma: str = ""
    before: Any = None  # the speaker phrase before it (X said), a speakers.Speaker
    after: Any = None  # said X: a trained parser's subject (else found on demand)
    according: bool = False
    quote_only: bool = False  # a participle right before a quote (``stating: “…”``)
    partial_only: bool = False  # X called the ruling “dangerous”: a later partial quote only
    participle: bool = False
    noun: bool = False
    """A noun cue (``X issued a statement``): attributes a quote, reports nothing itself."""
    statement_verb: int = -1
    """``issued a statement saying``: where the verb before the statement noun starts."""


def find_cues(text: str, layout: Layout, quoted: list[tuple[int, int]]) -> list[Cue]:
    """Every cue outside the (long) quotes ``quoted``, in text order (speakers not yet set)."""
    lex = cue_lexicon()
    verb_re, part_re, char_re, acc_re = _patterns()
    qstarts = [s for s, _ in quoted]

    def in_quote(pos: int) -> bool:
        k = bisect.bisect_right(qstarts, pos) - 1
        return k >= 0 and quoted[k][0] < pos < quoted[k][1]

    cues: list[Cue] = []
    for m in verb_re.finditer(text):
        if in_quote(m.start()):
            continue
        word = m.group()
        low = word.lower()
        if word != low and not (word.istitle() and _opens_sentence(text, m.start(), layout)):
            continue  # a capitalised "Post" mid-sentence is a name ("The Huffington Post")
        lemma = lex.forms[low]
        if not _frame_fits(text, m.end(), low, lemma, lex, layout):
            continue
        cues.append(Cue(m.start(), m.end(), low, layout.sent_of(m.start()), lemma))
    for m in part_re.finditer(text):
        if in_quote(m.start()):
            continue
        low = m.group().lower()
        end = m.end()
        if low == "telling":  # telling reporters: “…”
            obj = _OBJECT_WORD_RE.match(text, end)
            end = obj.end() if obj else end
        if _QUOTE_NEXT_RE.match(text, end) is None:
            st = _statement_re().search(text, max(0, m.start() - 60), m.start())
            if st is not None and low in lex.participles:
                cues.append(
                    Cue(
                        m.start(),
                        end,
                        low,
                        layout.sent_of(m.start()),
                        lex.participles[low],
                        participle=True,
                        statement_verb=st.start(1),
                    )
                )
            continue
        cues.append(
            Cue(
                m.start(),
                end,
                low,
                layout.sent_of(m.start()),
                lex.participles.get(low, low),
                quote_only=True,
                participle=True,
            )
        )
    for m in _statement_cue_re().finditer(text):
        if in_quote(m.start()):
            continue
        if _QUOTE_NEXT_RE.match(text, m.end()) or text[m.end() : m.end() + 12].lstrip()[:1] in ".:":
            cues.append(
                Cue(
                    m.start(2),
                    m.end(),
                    m.group(2).lower(),
                    layout.sent_of(m.start()),
                    noun=True,
                    statement_verb=m.start(1),
                )
            )
    for m in char_re.finditer(text):
        if not in_quote(m.start()):
            cues.append(
                Cue(
                    m.start(),
                    m.end(),
                    m.group().lower(),
                    layout.sent_of(m.start()),
                    partial_only=True,
                )
            )
    for m in acc_re.finditer(text):
        if not in_quote(m.start()):
            cues.append(
                Cue(
                    m.start(),
                    m.end(),
                    " ".join(m.group().lower().split()),
                    layout.sent_of(m.start()),
                    according=True,
                )
            )
    cues.sort(key=lambda c: c.start)
    return cues


def _opens_sentence(text: str, pos: int, layout: Layout) -> bool:
    """At its sentence's start, or in a title-case headline (``Mayor Says Bridge Will Close``)."""
    lo, hi = layout.sent(layout.sent_of(pos), len(text))
    if not text[lo:pos].strip(" “\"‘'("):
        return True
    words = [w for w in text[lo:hi].split() if w[:1].isalpha()]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _frame_fits(
    text: str, end: int, form: str, lemma: str, lex: CueLexicon, layout: Layout
) -> bool:
    """Whether what follows a verb form fits one of its frames (see the module notes)."""
    frames = lex.frames[lemma]
    that_next = text[end : end + 6].lower().startswith(" that")
    if form in lex.nominal and not (
        text[end : end + 3].lstrip().startswith(":") or that_next or _QUOTE_NEXT_RE.match(text, end)
    ):
        return False
    if frames & {"bare", "quote"}:
        return True
    s_hi = layout.sent(layout.sent_of(end), len(text))[1]
    window = text[end : min(s_hi, end + 80)]
    if "to" in frames and (
        window.startswith(" to ") or ("object" in frames and _TO_NEXT_RE.match(window))
    ):
        return True
    if "as" in frames and _AS_SOON_RE.match(window):
        return True
    if "for" in frames and _FOR_SOON_RE.match(window):
        return True
    if "of" in frames and _OF_SOON_RE.match(window):
        return True
    return "that" in frames and bool(_THAT_SOON_RE.match(window) or _FINAL_RE.match(window))
