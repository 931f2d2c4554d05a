"""The scanner: the text cut into simple tokens, and the small questions every rule asks of them
(is token i glued to the previous one, capitalised, sentence-initial, part of a name ...).

A rule reads a number starting at a token and returns a :class:`Hit`, a span of tokens with its
kind and value. ``floor`` is the first token not taken by an earlier hit: rules never look left
of it, so every token is claimed at most once and the scan stays linear.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from typing import Any, Final

from spacy.tokens import Doc

from tui.analysis.numbers import (
    values,
)
from tui.analysis.numbers.tables import TOKEN_RE, Tables, is_digit, is_word


@dataclass(slots=True)
class Hit:
    """A number found at tokens [i0, i1)."""

    i0: int
    i1: int  # exclusive
    kind: str
    value: float | None
    unit: str | None = None
    qualifier: str | None = None
    core0: int = -1  # first token of the number itself (for the names check)


class NoNumber:
    """A reader's answer: the tokens read are not a number at all (stop, with no hit)."""


NO_NUMBER: Final = NoNumber()


class Scanner:
    """The tokens of one text and the helpers the rules share."""

    def __init__(
        self, text: str, t: Tables, actor_ends: frozenset[int] = frozenset(), doc: Doc | None = None
    ) -> None:
        """Cut ``text`` into tokens (see ``TOKEN_RE``), keeping their offsets."""
        self.text = text
        self.doc = doc if doc is not None and doc.has_annotation("POS") else None
        self._pos_index: tuple[list[int], list[str]] | None = None
        self.actor_ends = actor_ends
        """End offsets of PERSON/GPE/NORP/LOC names: a number after one is not part of it."""
        self.t = t
        self.w = t.sets
        """The named word sets of the data file."""
        toks: list[str] = TOKEN_RE.findall(text)  # no match objects: a third of the time
        starts: list[int] = []
        ends: list[int] = []
        pos = 0
        find = text.index
        for tok in toks:  # only whitespace lies between tokens, so a token is where it is next
            pos = find(tok, pos)
            starts.append(pos)
            pos += len(tok)
            ends.append(pos)
        self.toks = toks
        self.low = list(map(str.lower, toks))
        self.starts = starts
        self.ends = ends
        self.n = len(toks)
        self.floor = 0  # tokens before this index belong to an earlier hit

    @staticmethod
    def w_apostrophe(tok: str) -> str:
        """A token with the typographic apostrophe made plain (for phrase lookups as written)."""
        return "'" if tok == "’" else tok

    def pos(self, i: int) -> str:
        """The trained tagger's coarse part of speech for the word at token i ("" without one)."""
        if self.doc is None or not 0 <= i < self.n:
            return ""
        if self._pos_index is None:
            self._pos_index = ([tk.idx for tk in self.doc], [tk.pos_ for tk in self.doc])
        starts, tags = self._pos_index
        k = bisect_left(starts, self.starts[i] + 1) - 1
        return tags[k] if k >= 0 else ""

    def glued(self, i: int) -> bool:
        """Token i follows token i-1 with no space between."""
        return 0 < i < self.n and self.starts[i] == self.ends[i - 1]

    def lw(self, i: int) -> str:
        """The lower-case token i, or "" outside the text."""
        return self.low[i] if 0 <= i < self.n else ""

    def cap(self, i: int) -> bool:
        """Token i starts with a capital."""
        return 0 <= i < self.n and self.toks[i][:1].isupper()

    def sentence_initial(self, i: int) -> bool:
        """Token i starts a sentence, a line or a quotation."""
        if i <= 0:
            return True
        if self.toks[i - 1] in self.t.sentence_openers:
            return True
        return "\n" in self.text[self.ends[i - 1] : self.starts[i]]

    def name_part(self, i: int) -> bool:
        """The capitalised word at token i belongs to a name: inside a sentence ("Formula One",
        "the Second World War"), or alone in brackets after a name ("District Council (Second)")."""
        if not self.cap(i):
            return False
        if not self.sentence_initial(i):
            return True
        return (
            2 <= i < self.n - 1
            and self.toks[i - 1] == "("
            and self.toks[i + 1] == ")"
            and self.cap(i - 2)
            and is_word(self.toks[i - 2])
        )

    def phrase(self, i: int, table: dict[tuple[str, ...], Any]) -> tuple[int, Any] | None:
        """Longest phrase of ``table`` starting at token i: (end index, value)."""
        low = self.low
        for k in range(min(self.t.max_phrase, self.n - i), 0, -1):
            key = tuple(low[i : i + k])
            if key in table:
                return i + k, table[key]
        return None

    def phrase_before(self, i: int, table: dict[tuple[str, ...], Any]) -> tuple[int, Any] | None:
        """Longest phrase of ``table`` ending just before token i (not before ``floor``)."""
        low = self.low
        for k in range(min(self.t.max_phrase, i - self.floor), 0, -1):
            key = tuple(low[i - k : i])
            if key in table:
                return i - k, table[key]
        return None

    def name_before(self, i: int) -> bool:
        """The number starting at token i is part of a name (G7, COVID-19, Boeing 737 ...)."""
        t = self.t
        if i == 0:
            return False
        prev = self.toks[i - 1]
        lp = self.low[i - 1]
        if self.glued(i):
            if is_word(prev):
                return lp not in t.currency_codes
            if (
                prev in self.w["dashes"]
                and i >= 2
                and self.glued(i - 1)
                and is_word(self.toks[i - 2])
            ):
                return self.low[i - 2] not in t.name_prefixes_ok
            if (
                prev in self.w["dashes"]
                and i >= 2
                and self.glued(i - 1)
                and is_digit(self.toks[i - 2])
            ):
                return True  # the tail of "3-1", "555-1234"
            if prev in self.w["glued_label_symbols"]:
                return True  # #3, paths and addresses
        elif prev in self.w["range_dashes"] and i >= 2 and is_digit(self.toks[i - 2]):
            return True  # the tail of "Norway 2 – 0", "Norway 2 - 0"
        if "\n" in self.text[self.ends[i - 1] : self.starts[i]]:
            return False  # a heading's last word does not name the number on the next line
        if is_word(prev):
            if lp in t.name_like_before:
                return True
            if (prev[0].isupper() or not prev.islower()) and lp not in t.allowed_cap_before:
                # "met Putin 38 times" is a number, "Boeing 737" is not
                return (
                    self.ends[i - 1] not in self.actor_ends
                    and not self.quantity_follows(i)
                    and not self.result_follows(i)
                    and not self.result_line(i)
                )
        return bool(prev == "." and i >= 2 and self.low[i - 2] in self.w["label_abbrevs"])

    def result_follows(self, i: int) -> bool:
        """Token i starts a result after a team's name: "Norway 2 – 0", "Hawks 102-99" (up to
        three digits each; with a glued hyphen the first not smaller: "Boeing 737-800" stays a
        name)."""
        j = i + 1
        if j + 1 >= self.n or self.toks[j] not in self.w["range_dashes"]:
            return False
        spaced = not (self.glued(j) and self.glued(j + 1))
        a, b = self.toks[i], self.toks[j + 1]
        if not (a.isdecimal() and b.isdecimal() and len(a) <= 3 and len(b) <= 3):
            return False
        return self.toks[j] == "–" or spaced or int(b) <= int(a)

    def result_line(self, i: int) -> bool:
        """Token i is a score in a results line: a line of the form "Arsenal 2 Chelsea 1"
        (capitalised names, each followed by a number of up to three digits, nothing else), or
        a row of a standings table ("New York 10 5 .667")."""
        a = i
        while a > 0 and i - a < 12 and "\n" not in self.text[self.ends[a - 1] : self.starts[a]]:
            a -= 1
        b = i
        while (
            b + 1 < self.n
            and b - i < 12
            and "\n" not in self.text[self.ends[b] : self.starts[b + 1]]
        ):
            b += 1
        if (a > 0 and "\n" not in self.text[self.ends[a - 1] : self.starts[a]]) or (
            b + 1 < self.n and "\n" not in self.text[self.ends[b] : self.starts[b + 1]]
        ):
            return False  # not a short line of its own
        shape = []
        for k in range(a, b + 1):
            tok = self.toks[k]
            if tok.isdecimal() and len(tok) <= 3:
                shape.append("N")
            elif is_word(tok) and tok[0].isupper():
                if not shape or shape[-1] != "W":
                    shape.append("W")
            elif tok not in self.w["result_line_marks"]:
                return False
        # "Arsenal 2 Chelsea 1", or a standings row: a name, then two numbers or more
        return shape == ["W", "N", "W", "N"] or (
            len(shape) >= 3 and shape[0] == "W" and all(x == "N" for x in shape[1:])
        )

    def in_idiom(self, i: int) -> bool:
        """The number word at token i is inside an idiom where it counts nothing ("one by
        one", "first of all")."""
        for words, k in self.t.idioms.get(self.low[i], ()):
            a = i - k
            if a >= 0 and tuple(self.low[a : a + len(words)]) == words:
                return True
        return False

    def metres(self, j: int) -> bool:
        """A glued "m" at token j means metres, not million ("a 100m race", "a 10m-high wall")."""
        if self.lw(j - 2) in self.t.currency_symbols and self.glued(j - 1):
            return False
        nxt = self.lw(j + 1)
        return (nxt in self.w["dashes"] and self.glued(j + 1)) or nxt in self.t.metre_context

    def quantity_follows(self, i: int) -> bool:
        """The number at token i is followed by a scale word, unit, percent or currency."""
        c = values.core(self, i)
        if c is None:
            return False
        return c.scaled or self.unit_like(c.j)

    def unit_like(self, j: int) -> bool:
        """Token j starts a scale word, time unit, percent, currency word or subunit ("cents") or
        unit of measure."""
        t = self.t
        if j >= self.n:
            return False
        w = self.low[j]
        if w in t.time_units or w in t.scales or w in t.currency_subunits:
            return True
        if self.phrase(j, t.percent) is not None or self.phrase(j, t.currency_words) is not None:
            return True
        m = self.phrase(j, t.measures)
        return m is not None and (
            tuple(self.low[j : m[0]]) not in t.ambiguous_units or w == "times"
        )

    def list_marker(self, i: int) -> bool:
        """A digit at the start of a line followed by '.' or ')' (a list item number)."""
        if (
            i + 1 >= self.n
            or self.toks[i + 1] not in self.w["list_marker_ends"]
            or not self.glued(i + 1)
        ):
            return False
        if i + 2 < self.n and is_digit(self.toks[i + 2]) and self.glued(i + 2):
            return False
        return i == 0 or "\n" in self.text[self.ends[i - 1] : self.starts[i]]

    def finish(
        self,
        i0: int,
        i1: int,
        kind: str,
        value: float | None,
        unit: str | None = None,
        qualifier: str | None = None,
        *,
        core0: int,
    ) -> Hit:
        """Add the approximator on the left (and ``the`` for relative spans)."""
        t = self.t
        h = Hit(i0, i1, kind, value, unit, qualifier, core0)
        if kind not in ("date", "time", "ordinal"):
            tail = self.phrase(i1, self.t.tail_qualifiers)
            if tail is not None:
                h.i1 = tail[0]
                h.qualifier = tail[1] if h.qualifier is None else f"{h.qualifier}, {tail[1]}"
        if (
            qualifier is not None
            and qualifier.startswith("to ")
            and self.lw(i0 - 1) == "from"
            and i0 - 1 >= self.floor
        ):
            h.i0 = i0 - 1  # "from 5 to 10"
            return h
        a = self.phrase_before(i0, t.approximators)
        if a is not None:
            k, phrase = a
            if kind == "date":
                ok = phrase in t.date_approximators and value is not None
            elif kind == "time":
                ok = phrase in t.time_approximators
            elif kind == "ordinal":
                ok = False
            else:
                ok = True
            if (
                phrase in self.w["comparative_approximators"]
                and kind == "duration"
                and self.lw(k - 1) == "the"
            ):
                ok = False
            if ok:
                h.i0 = k
                h.qualifier = phrase if h.qualifier is None else f"{phrase}, {h.qualifier}"
        return h
