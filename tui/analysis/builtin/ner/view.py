"""The document as the recogniser sees it: token texts, spacing and offsets in plain lists, and
the look-ups every step shares (known names, titles, head nouns, the words around a span)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from tui.analysis.builtin.ner.tables import Tables
from tui.analysis.tokens import sentence_starts, tokens_of

OPENERS = frozenset({'"', "“", "‘", "'", "(", "[", ":", "—", "–", "«", "„", "‹", "/", "|"})
"""After these a capitalised word may just start a (quoted) sentence."""
HYPHENS = frozenset({"-", "‐", "‑"})
SCORE = re.compile(r"\d{1,3}[-–—:]\d{1,3}")


@dataclass(slots=True)
class Found:
    """A labelled token span before document-level consistency is applied."""

    start: int
    end: int
    label: str
    strong: bool
    fallback: str = ""
    """The label to use if the same words occur again in the document ("Blue Anchor" twice)."""


class View:
    """One ``Doc`` as plain lists (creating spaCy ``Token`` objects is the costly part)."""

    def __init__(self, doc: Doc, t: Tables) -> None:
        self.doc = doc
        self.t = t
        tokens = tokens_of(doc)  # shared with the layers after the recogniser
        self.words, self.spaces, self.idx = tokens.words, tokens.spaces, tokens.idx
        self.text = tokens.text
        self.n = tokens.n
        self._caps_line: list[bool] | None = None
        self.initial = self._initial_flags(sentence_starts(doc))

    def _initial_flags(self, starts: list[bool]) -> list[bool]:
        """Positions where capitalisation says nothing: sentence starts, after quotes, headlines."""
        words, n = self.words, self.n
        flags = starts
        if n:
            flags[0] = True
        prev = ""
        for i, w in enumerate(words):
            if prev in OPENERS or "\n" in prev:
                flags[i] = True
            if not w.isspace() or "\n" in w:
                prev = w
        # Headlines and captions in title case: every capitalised word there is "initial".
        line_start = 0
        for i in [k for k, w in enumerate(words) if "\n" in w] + [n]:
            self._mark_title_line(line_start, i, flags)
            line_start = i + 1
        return flags

    def _mark_title_line(self, start: int, end: int, flags: list[bool]) -> None:
        """Flag the tokens of ``[start, end)`` if the line is a headline in title case."""
        last = end - 1
        while last >= start and self.words[last].isspace():
            last -= 1
        if last < start or self.words[last] in (".", "!", "?", ";"):
            return  # a sentence, not a headline (most lines: read from the end, it costs little)
        words = [w for w in self.words[start:end] if not w.isspace()]
        if not words or words[-1] in (".", "!", "?", ";") or len(words) > 25:
            return  # a sentence, not a headline
        content = [w for w in words if w.isalpha() and w.lower() not in STOP_WORDS]
        if len(content) < 3:
            return
        caps = sum(1 for w in content if w[0].isupper())
        if caps >= 0.75 * len(content):
            for i in range(start, end):
                flags[i] = True

    def is_cap(self, i: int) -> bool:
        """A token that can be part of a name: capitalised (or an acronym / initial), and not
        an adjective glued to an affix ("U.S.-led")."""
        w = self.words[i]
        return w[:1].isupper() and w not in self.t.never and (w[-1].isalpha() or w[-1] == ".") \
            and ("-" not in w or w.rsplit("-", 1)[1] not in self.t.affixes)

    def ordinary(self, i: int) -> bool:
        """A word that, capitalised at a sentence start, is probably just a word (an acronym is
        not, unless the whole line is in capitals: "EPA officials said", "(EPA)")."""
        w = self.words[i]
        if w.isupper() and 1 < len(w) <= 5 and w.isalpha():
            return self._all_caps_line(i)
        return w.lower() in self.t.common or (w.isupper() and len(w) > 1 and self._all_caps_line(i))

    def _all_caps_line(self, i: int) -> bool:
        """Token ``i`` is on a line written all in capitals (where acronyms mean nothing).

        The lines are classified once, on first use (a linear pass over the document).
        """
        if self._caps_line is None:
            line_caps: list[bool] = []
            alpha = upper = 0
            start = 0
            for k, w in enumerate(self.words):
                if w.isalpha():
                    alpha += 1
                    upper += w.isupper()
                if "\n" in w or k == self.n - 1:
                    caps = alpha > 2 and upper == alpha
                    line_caps.extend([caps] * (k + 1 - start))
                    start, alpha, upper = k + 1, 0, 0
            self._caps_line = line_caps
        return self._caps_line[i]

    def span_text(self, i: int, j: int) -> str:
        """The document text of tokens ``[i, j)``."""
        return self.text[self.idx[i]:self.idx[j - 1] + len(self.words[j - 1])]

    def match(self, i: int, j: int) -> tuple[int, str]:
        """Longest known name starting at ``i`` inside ``[i, j)``: (end, label) or (i, "")."""
        words, names = self.words, self.t.names
        best_end, best_label = i, ""
        w = words[i]
        shouted = w not in names and len(w) > 1 and w.isupper() and w.isalpha()
        if w in names:
            best_end, best_label = i + 1, names[w]
        elif shouted and len(w) > 3 and w.title() in names:
            best_end, best_label = i + 1, names[w.title()]  # a dateline: "WASHINGTON (Reuters)"
        first = w.title() if shouted else w
        if first not in self.t.first_words and not (i + 1 < j and words[i + 1] in HYPHENS):
            return best_end, best_label
        for k in range(i + 2, min(j, i + self.t.max_tokens) + 1):
            text = self.span_text(i, k)
            if shouted and words[k - 1].isupper():
                text = text.title()  # "NEW DELHI", "LOS ANGELES"
            label = names.get(text)
            if label:
                best_end, best_label = k, label
        return best_end, best_label


    def title_end(self, i: int, j: int) -> int:
        """End of the longest title ("Prime Minister", "Dr.") starting at ``i``, or ``i``."""
        titles, words = self.t.titles, self.words
        best = i
        text = ""
        for k in range(i, min(j, i + self.t.max_title_words)):
            w = words[k].lower()
            text = f"{text} {w}" if text else w
            if text in titles or text.rstrip(".") in titles:
                best = k + 1
        return best

    def head(self, i: int, j: int) -> int:
        """Where the head noun of ``[i, j)`` would be: before "of", else last but a numeral."""
        words, t = self.words, self.t
        for p in range(i + 1, j - 1):  # "University of New South Wales": the head is before "of"
            if words[p] in t.connectors and words[p] != "and" and words[p - 1] in t.head_label:
                return p - 1
        return j - 2 if words[j - 1] in t.roman and j - i >= 2 else j - 1  # "World War II"


    def prev_word(self, k: int) -> str:
        """The word before token ``k`` ("," if a comma comes first)."""
        p = k - 1
        while p >= 0 and (self.words[p].isspace() or self.words[p] == ","):
            if self.words[p] == ",":
                return ","
            p -= 1
        return self.words[p] if p >= 0 else ""

    def language_context(self, k: int, end: int) -> bool:
        """ "in French", "the French language": a language rather than a people."""
        nxt = self.words[end] if end < self.n else ""
        return (self.prev_word(k).lower() in self.t.language_cues and not nxt.isalpha()) \
            or nxt == "language"

    def next_word(self, k: int) -> str:
        """The first non-space token from ``k`` on."""
        while k < self.n and self.words[k].isspace():
            k += 1
        return self.words[k] if k < self.n else ""

    def score_near(self, start: int, end: int) -> bool:
        """A score like "1 – 0" or "3-2" right before or after ``[start, end)``."""
        after = [w for w in self.words[end:end + 4] if not w.isspace()][:3]
        before = [w for w in self.words[max(0, start - 4):start] if not w.isspace()][-3:]
        for ws in (after, before[-1:], before):
            if len(ws) == 3 and ws[0].isdigit() and ws[2].isdigit() and ws[1] in "-–—:" \
                    and len(ws[0]) <= 3 and len(ws[2]) <= 3:  # not a date, "1996-08"
                return True
            if ws and SCORE.fullmatch(ws[0 if ws is after else -1]):
                return True
        return False
