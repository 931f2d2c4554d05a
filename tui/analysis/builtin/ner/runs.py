"""Step 1: runs, the maximal capitalised token sequences that may be names.

Hyphens, initials, Roman numerals and name particles ("bin", "von der", "al-") continue a run;
"X of Y" is joined when X ends with a head noun ("University of New South Wales").
"""

from __future__ import annotations

from collections.abc import Iterable

from tui.analysis.builtin.ner.view import HYPHENS, View

CONNECTOR_THE = frozenset({"the"})
POSSESSIVE_S = frozenset({"'s", "’s"})


class Runs(View):
    """Finds the runs of one document."""

    def runs(self) -> Iterable[tuple[int, int]]:
        """Maximal capitalised runs ``[start, end)``, "X of Y" joined after head nouns."""
        i, n, words = 0, self.n, self.words
        while i < n:
            if not (words[i][:1].isupper() or words[i] in ("al", "el")) or not self._starts_run(i):
                i += 1  # the first test is the cheap half of ``_starts_run``: most words fail it
                continue
            if i > 1 and self.words[i - 1] in HYPHENS and self.words[i - 2].isalpha() \
                    and self.words[i - 2].islower() and not self.spaces[i - 2]:
                i += 1  # "pro-Beijing", "anti-Western": part of an adjective, not a name
                continue
            if self.words[i] in self.t.party_letters and i + 2 < n \
                    and self.words[i + 1] in HYPHENS and not self.spaces[i] \
                    and not self.spaces[i + 1] and self.is_cap(i + 2):
                i += 2  # "R-Ky.": a party letter, then the state
            j = self._join_and(i, self._join_of(i, self._run_end(i)))
            if j < n and self.words[j] in POSSESSIVE_S and self.span_text(i, j + 1) in self.t.names:
                j += 1  # "Moody's", "McDonald's": a name that ends in a possessive
                if j < n and self.spaces[j - 1] and self.is_cap(j) and not self.initial[j]:
                    end = self._run_end(j)
                    if self.words[end - 1] in self.t.head_label:
                        j = end  # "Moody's Investors Service"
            yield i, j
            i = j

    def _join_and(self, i: int, j: int) -> int:
        """Extend ``[i, j)`` over "and Y Head" / "& Y Head" ("National Air and Space Museum")."""
        words, t = self.words, self.t
        if j + 1 >= self.n or words[j] not in ("and", "&") or words[j - 1] in t.head_label \
                or j - i > 3 or not self.is_cap(j + 1) or self.initial[j + 1]:
            return j
        if words[j - 1].lower() not in t.common or words[j - 1] in t.names or any(
                w in t.particles for w in words[i:j - 1]):
            return j  # "Siemens and Deutsche Bank", "Davao del Sur and Cotabato Province": two
            # names; "Air and Space Museum": one
        end = self._run_end(j + 1)
        return end if words[end - 1] in t.head_label and end - j <= 4 else j

    def _starts_run(self, i: int) -> bool:
        """A name may start here: a capitalised word, or "al-"/"el-" before one."""
        if self.is_cap(i):
            return True
        w = self.words[i]  # "al-Assad": a lower-case particle glued to a capitalised name
        return (w in ("al", "el") and i + 2 < self.n and not self.spaces[i]
                and self.words[i + 1] in HYPHENS and self.is_cap(i + 2))

    def _run_end(self, i: int) -> int:
        """End of the capitalised run starting at ``i`` (exclusive)."""
        words, n, t = self.words, self.n, self.t
        j = i + 1
        while j < n:
            w = words[j]
            capitalised = (self.is_cap(j) and not (self.initial[j] and not self.initial[i])
                           and not (w[1:].islower() and w.lower() in self.t.function_words))
            if capitalised or (w in t.roman and self.spaces[j - 1]):
                j += 1
            elif w in t.name_suffixes and self.spaces[j - 1] and words[j - 1][1:].islower():
                j += 1  # "Tom Lind Jr."
            elif w in t.never and self._never_inside(j):
                j += 1  # "Sky TV", "Amazon Web Services": a non-name word inside a name
            elif j == i + 1 and self._short_surname(j):
                j += 1  # "James To", "Wilson Or": a surname spelled like a function word
            elif w == "&" and j + 1 < n and self.is_cap(j + 1) and not self.initial[j + 1]:
                j += 1  # "Ernst & Young": only firms are named with "&"
            elif (w in HYPHENS and not self.spaces[j - 1] and not self.spaces[j] and j + 1 < n
                  and (self.is_cap(j + 1) or words[j + 1] in ("al", "el"))):
                j += 1
            elif (w in HYPHENS and j - 1 > i and not self.spaces[j - 1] and not self.spaces[j]
                  and j + 1 < n and self._name_syllable(words[j + 1], words[i])):
                j += 2  # "Chan Tai-man", "Park Min-jun": a hyphenated given name
            elif (w in t.particles and words[j - 1] not in t.head_label
                  and self._particles_then_cap(j)) or (
                    w in ("al", "el") and j + 1 < n and words[j + 1] in HYPHENS):
                j += 1  # "Osama bin Laden", "Bashar al-Assad"
            else:
                break
        return j

    def _never_inside(self, j: int) -> bool:
        """A word that is never a name on its own ("Web", "TV") continues a name when it is a
        head noun or the name goes on to one ("Amazon Web Services")."""
        t, w = self.t, self.words[j]
        if w in t.calendar or w.lower().rstrip(".") in t.titles or self.initial[j] \
                or not self.spaces[j - 1]:
            return False
        if w in t.head_label:
            return True
        return j + 1 < self.n and self.is_cap(j + 1) and not self.initial[j + 1] \
            and self.words[self._run_end(j + 1) - 1] in t.head_label

    def _short_surname(self, j: int) -> bool:
        """A capitalised function word of up to three letters right after a given name, in the
        middle of a sentence and before a lower-case word: a family name ("James To of ...")."""
        w, prev, t = self.words[j], self.words[j - 1], self.t
        return (len(w) <= 3 and w[:1].isupper() and w[1:].islower() and not self.initial[j]
                and w.lower() in self.t.function_words and prev in t.first_names
                and prev.lower() not in t.common and self.spaces[j - 1]
                and (j + 1 >= self.n or not self.words[j + 1][:1].isupper()))

    def _particles_then_cap(self, j: int) -> bool:
        """Name particles followed by a capitalised word: "von der Leyen", "bin Salman"."""
        while j < self.n and self.words[j] in self.t.particles:
            j += 1
        return j < self.n and self.is_cap(j)

    def _name_syllable(self, w: str, first: str) -> bool:
        """A lower-case second half of a hyphenated given name ("man" in "Tai-man").

        After an East Asian family name any syllable goes ("Chan Tai-hung").
        """
        return w.isalpha() and w.islower() and len(w) <= 6 and w not in self.t.affixes and (
            len(w) <= 3 or w not in self.t.common or first in self.t.surname_first)

    def _join_of(self, i: int, j: int) -> int:
        """Extend ``[i, j)`` over "of (the) Y" and "Y and Z Studies" when the run has a head."""
        words, t = self.words, self.t
        if words[j - 1] not in t.head_label:
            return self._join_known_of(i, j)
        while i < j - 1 and words[i].lower() in self.t.function_words:
            i += 1  # "The Bank of England" is one word before its head
        end, joined = j, 0
        k = j
        while k < self.n:
            w = words[k]
            gap = k + 1
            if w in t.connectors and w != "and":
                if gap < self.n and words[gap] in CONNECTOR_THE:
                    gap += 1
                if gap < self.n and self.is_cap(gap) and joined < 2:
                    tail = self._run_end(gap)
                    proper = any(w.lower() not in t.common for w in words[i:j - 1])
                    if (proper or joined) and self.match(gap, tail) == (tail, "GPE"):
                        break  # "Kelmont State University of the US": a complete name already
                    end = tail
                    joined += 1  # "Joint Council for the Welfare of Immigrants"
                    k = end
                    continue
            elif w == "and" and joined and gap < self.n and self.is_cap(gap):
                stop = self._run_end(gap)
                if words[stop - 1] in t.field_nouns or (stop == gap + 1 \
                        and words[gap][1:].islower() and words[gap].endswith(t.field_suffixes)):
                    end = k = stop
                    continue
            break
        return end

    def _join_known_of(self, i: int, j: int) -> int:
        """Extend ``[i, j)`` over "of (the) Y" or "and Y" when that makes a known name: "Horn of
        Africa", "United States of America", "Bosnia and Herzegovina"."""
        words = self.words
        if j + 1 >= self.n or words[j] not in ("of", "and"):
            return j
        while i < j - 1 and words[i].lower() in self.t.function_words:
            i += 1  # "The Horn of Africa"
        if self.span_text(i, j) not in self.t.of_stems:
            return j
        gap = j + 2 if words[j + 1] == "the" and j + 2 < self.n else j + 1
        if not self.is_cap(gap):
            return j
        tail = self._run_end(gap)
        end = self.match(i, tail)[0]
        return max(end, j)
