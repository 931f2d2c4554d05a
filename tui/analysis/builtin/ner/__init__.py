"""Rule-based named-entity recognition for the built-in pipeline (no trained weights).

The component works on plain token texts with dictionary look-ups (no ``PhraseMatcher``: building
one over ~45,000 gazetteer names takes seconds, and a dict look-up per capitalised token is both
faster to build and to run). Knowledge lives in ``tui/analysis/data`` (see
:mod:`tui.analysis.lexicon`, indexed by :mod:`.tables`); this package holds only the method, one
module per step (:mod:`.view` is the document as plain lists):

1. **Runs** (:mod:`.runs`): maximal sequences of capitalised tokens (with hyphens, initials,
   Roman numerals and name particles such as "bin", "von der" or "al-" inside). "X of Y" is
   joined when X ends with a head noun ("University of New South Wales").
2. **Labelling** (:mod:`.labelling`; unknown names by the rules of :mod:`.guesses`): a run is
   labelled as a whole when a gazetteer or a head noun says what it is
   ("Shanghai Cooperation Organization", "Po River"), and otherwise split left to right into
   known names, titles (dropped: OntoNotes keeps them out of PERSON spans) and unknown names.
   Gazetteers win over heuristics: "India" is a country even though given-name lists contain
   it. Each span is *strong* (gazetteer, head noun, title, given name) or *weak* (a guess).
3. **Context and document consistency** (the ordered passes of :mod:`.passes`,
   :mod:`.consistency`): the words around a guess can make it a place ("the
   town of X", "the X region", "X, Ohio"); weak guesses take the label that strong mentions of
   the same words have; a given name or surname alone is PERSON after a full PERSON; "the
   Church" is ORG after "the Church of X"; an unknown word is a name only if it recurs or acts
   ("Zorvexa has been studying"); a word seen both singular and plural ("Fotomatix",
   "Fotomatixes") is not an ORG.
4. **Genre and quotes**: in a sports report a place that plays ("Sweden defeated Panama 1 – 0")
   is a team (ORG); a title-case quotation after "the book", "the film" ... is a WORK_OF_ART.

Capitalised words at a sentence start, after an opening quote or in a title-case headline are
names only when something says so: a gazetteer, a head noun, a given name before another name,
the word being rare in lower case (from word frequencies: a rare word yes, "Trade" no), or another
mention in the document. Weekdays and months are never names; numbers never are.
"""


from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from tui.analysis.builtin.ner.labelling import Labeller
from tui.analysis.builtin.ner.passes import PASSES
from tui.analysis.builtin.ner.tables import CITY, Tables, tables
from tui.analysis.builtin.ner.view import Found

__all__ = ["CITY", "Found", "NewsreaderNER", "Recogniser", "Tables", "tables"]


class Recogniser(Labeller):
    """Find names in one ``Doc``; see the package docstring for the method."""

    def entities(self) -> list[Found]:
        """All names in the document: runs labelled, then the document passes in order."""
        found = [f for i, j in self.runs() for f in self.label_run(i, j)]
        for run_pass in PASSES:
            found = run_pass(self, found)
        return found


@Language.factory("newsreader_ner")
def create_newsreader_ner(nlp: Language, name: str) -> NewsreaderNER:
    """spaCy factory for :class:`NewsreaderNER`."""
    return NewsreaderNER()


class NewsreaderNER:
    """Set ``doc.ents`` to the names found by :class:`Recogniser` (OntoNotes labels)."""

    def __init__(self) -> None:
        self.tables = tables()

    def __call__(self, doc: Doc) -> Doc:
        found = Recogniser(doc, self.tables).entities()
        doc.ents = [
            Span(doc, f.start, f.end, label="GPE" if f.label == CITY else f.label) for f in found
        ]
        return doc
