"""Step 2: labelling one run, as a whole when a gazetteer or a head noun says what it is
("Shanghai Cooperation Organization", "Po River"), and otherwise split left to right into known
names, titles (dropped: OntoNotes keeps them out of PERSON spans) and unknown names, which the
rules of :mod:`.guesses` label."""

from __future__ import annotations

from tui.analysis.builtin.ner.guesses import guess
from tui.analysis.builtin.ner.runs import Runs
from tui.analysis.builtin.ner.tables import CITY
from tui.analysis.builtin.ner.view import HYPHENS, Found

MAX_PERSON_TOKENS = 4
"""Longest name taken as one person without other evidence."""


class Labeller(Runs):
    """Labels the runs of one document."""

    def label_run(self, i: int, j: int) -> list[Found]:
        """Label one run: as a whole when possible, else split it into names."""
        words, t = self.words, self.t
        # Drop leading words that are ordinary at a sentence start ("The", "Trade", "Despite").
        while i < j and self.initial[i] and self.ordinary(i) and (
                not self._known_at(i, j)
                or (words[i].endswith("ly") and self.match(i, j)[0] == i)):  # "Hopefully, ..."
            i += 1
        while i < j and words[i].lower() in self.t.function_words and words[i] not in t.names and (
                self.match(i, j)[0] == i or self.match(i + 1, j)[0] > i + 1) and not (
                i + 1 < j and words[i + 1] in HYPHENS and not self.spaces[i]):  # "All-Star"
            i += 1  # "The Hague" keeps its article, "(the) Netherlands" does not
        if i >= j:
            return []
        whole = self._whole_label(i, j)
        if whole == "NORP" and words[i] in t.languages and self.language_context(i, j):
            whole = "LANGUAGE"
        if whole:
            return [Found(i, j, whole, True)]
        return self._split(i, j)


    def _known_at(self, i: int, j: int) -> bool:
        """True when ``[i, j)`` starts a known name or ends in a head noun (keep its first word)."""
        if self.match(i, j)[0] > i:
            return True
        k = self.head(i, j)
        if i + 1 < j and self.words[i] in self.t.prefix_heads:
            return True  # "Mount Kenya erupted", "Team Kenya won"
        return (k > i and self.words[k] in self.t.head_label) or (
            self.words[i] in self.t.first_names and i + 1 < j and not self.ordinary(i + 1)
            and self.title_end(i + 1, j) == i + 1)


    def _whole_label(self, i: int, j: int) -> str:
        """A label for the whole run from a gazetteer or its head noun, or ""."""
        words, t = self.words, self.t
        end, label = self.match(i, j)
        if end == j:
            return label
        h = self.head(i, j)
        if words[i] in t.first_names and words[i].lower() not in t.common \
                and t.head_label.get(words[h]) in ("LAW", "EVENT"):
            return ""  # "Nathan Law" (given name + head) is a person
        if words[h] not in t.head_label and h > i:  # "Imperial College London"
            for p in range(i + 1, j):
                if words[p - 1] in t.head_label and self.match(p, j) in ((j, "GPE"), (j, CITY)):
                    h = p - 1
                    break
        head = words[h]
        if head in t.head_label and (j - i >= 2 or h < j - 1) \
                and self.title_end(i, j) <= h:  # "Secretary of State" is a title
            return t.head_label[head]
        if j - i >= 2 and words[i] in t.prefix_heads and words[i + 1] not in t.head_label:
            return t.prefix_heads[words[i]]
        if "&" in words[i + 1:j - 1]:
            return "ORG"  # "Ernst & Young"
        return ""


    def _split(self, i: int, j: int) -> list[Found]:
        """Cut a run that is not one known thing into places, titles and people."""
        words, t = self.words, self.t
        out: list[Found] = []
        after_title = False
        k = self._org_then_person(i, j, out)
        while k < j:
            w = words[k]
            if w in HYPHENS or w in t.particles or w in t.connectors:
                k += 1
                continue
            end, label = self._known_span(k, j)
            if after_title and label == CITY and end == k + 1:
                end = k  # "Senator Lincoln Brack": a name after a title, not a town
            if end > k:
                if label == "NORP" and w in t.languages and self.language_context(k, end):
                    label = "LANGUAGE"
                out.append(Found(k, end, label, True))
                k, after_title = end, False
                continue
            title_end = self.title_end(k, j)
            if title_end > k:
                after_title = True
                k = title_end
                continue
            if k + 1 < j and w.lower() in t.common and words[k + 1] in t.first_names:
                k += 1  # "Education Anna Berg": the end of a title, then a name
                continue
            m = self._name_end(k, j)
            out.append(guess(self, k, m, after_title))
            k, after_title = m, False
        return out

    def _org_then_person(self, i: int, j: int, out: list[Found]) -> int:
        """ "Harbour Council Anna Berg": emit the ORG and return where the person starts."""
        words, t = self.words, self.t
        for h in range(i + 1, j - 1):
            if t.head_label.get(words[h]) == "ORG" and (
                    words[h + 1] in t.first_names or self.title_end(h + 1, j) > h + 1):
                out.append(Found(i, h + 1, "ORG", True))
                return h + 1
        return i

    def _known_span(self, k: int, j: int) -> tuple[int, str]:
        """The known name at ``k`` (as :meth:`_match`), adjusted for regions, teams and people.

        "Southern Indiana" and "Pacific Northwest" are regions (LOC); "Chicago Bulls" is a team
        (ORG, up to ``j``); a city name before an unknown name is a given name ("Lincoln
        Fawkes"), so nothing is known there.
        """
        words = self.words
        end, label = self.match(k, j)
        if words[k] in self.t.compass and k + 1 < j and label in ("", "NORP", "LOC"):
            after, after_label = self.match(k + 1, j)
            if after_label in ("GPE", "LOC", CITY):
                return after, "LOC"
        if label in ("GPE", "LOC", CITY) and end < j and words[end] in self.t.compass \
                and (end + 1 == j or self.match(end + 1, j)[0] == end + 1):
            return end + 1, "LOC"
        if label in ("GPE", CITY) and end == j - 1 and self._team_plural(end):
            return j, "ORG"
        if label == CITY and end == k + 1 and end < j and self.title_end(end, j) == end:
            nxt = self.match(end, j)
            if nxt[0] == end or (words[k] in self.t.given_places and nxt == (end + 1, CITY)
                                 and words[end] in self.t.surnames):
                return k, ""  # "Elizabeth Warren": a given name and a surname, both towns
        return end, label

    def _name_end(self, k: int, j: int) -> int:
        """End of the unknown name starting at ``k``: up to four words, particles free."""
        words, t = self.words, self.t
        m, size = k + 1, 1
        while m < j and size < MAX_PERSON_TOKENS and not self._stops_name(k, m, j):
            if self.is_cap(m):
                size += 1  # "Luiz Inacio Lula da Silva": particles and hyphens are free
            m += 1
        while m - 1 > k and (words[m - 1] in HYPHENS or (words[m - 1] in t.particles
                             and not self._glued_syllable(m - 1))):
            m -= 1  # a name never ends with "-" or "von" (but "Lung-bin" ends with "bin")
        return m

    def _glued_syllable(self, k: int) -> bool:
        """Token ``k`` is the second half of a hyphenated name ("bin" in "Lung-bin")."""
        return k > 1 and self.words[k - 1] in HYPHENS and not self.spaces[k - 1] \
            and not self.spaces[k - 2] and self.words[k - 2][:1].isupper()

    def _team_plural(self, k: int) -> bool:
        """An unknown capitalised plural after a place names a team ("Bulls" in "Chicago Bulls";
        a surname only if its singular is a common word: "Jackson Williams" is a person)."""
        w = self.words[k]
        return (len(w) > 3 and w.endswith("s") and not w.endswith("ss") and w[1:].islower()
                and w not in self.t.names
                and (w not in self.t.surnames or w[:-1].lower() in self.t.common))

    def _stops_name(self, k: int, m: int, j: int) -> bool:
        """A name running from ``k`` up to ``m`` ends there (a title or a known name follows).

        A single place word after a given name is a surname ("George Washington"), and so is
        a minor place that is also a surname ("Alexander Lincoln").
        """
        w = self.words[m]
        if w in self.t.connectors:
            return True  # "Anna Berg of Harbour Party": "of" ends the person
        if w in HYPHENS or w in self.t.particles or w in ("al", "el"):
            return False
        if self.title_end(m, j) > m:
            return True
        end, label = self.match(m, j)
        if end != m + 1:
            return end > m
        return label != "NORP" and not (
            (label == CITY and w in self.t.surnames) or self.words[k] in self.t.first_names)
