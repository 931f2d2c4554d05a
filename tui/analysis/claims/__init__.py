"""Claims: direct quotes and reported speech with their speakers, and check-worthy assertions.

The stages run in order over the spaCy ``Doc`` (its tokens and sentence boundaries; a parse when
the pipeline has one), so the layer works the same with the built-in pipeline and a trained one:

1. :mod:`.text` — the words, paragraphs and sentences every stage shares;
2. :mod:`.quotes` — quote-mark pairing;
3. :mod:`.cues` — reporting words and the frames they open (knowledge in ``data/claims.json``);
4. :mod:`.speakers` — the speaker phrase of each cue (word sets: :mod:`.vocabulary`);
   :mod:`.parse` — with a dependency parse, the cue verb's subject; :mod:`.resolve` — their
   actors and pronouns;
5. :mod:`.attribution` — who said each quote (an ordered list of strategies);
6. :mod:`.reported` — reported speech and where its content starts and ends;
7. :mod:`.assertions` — check-worthy sentences, using the numbers layer's results.

Scare quotes and titles are not listed: a quote of at most four words is listed only when it is
attributed (a cue and a speaker right next to it, or it sits in the reported clause of ``X said
…``: the partial-quote convention, “very important.”); a quote of up to 12 words that are all
title-case (“Red Flags.”) only when a cue sits right next to it. A paragraph that is entirely
quote with no cue continues the speaker of the quote in the paragraph before; so does a further
quote in the same paragraph. Scores: quotes 1.0, reported speech 1.2, plus half of the feature
score of their text, so attributed, quantified statements rank first.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from spacy.tokens import Doc

from tui.analysis.actors import ActorIndex
from tui.analysis.claims.assertions import (
    NumbersBySpan,
    pick_assertions,
    score_sentence,
    sentence_features,
)
from tui.analysis.claims.attribution import Attribution, Context, attribute
from tui.analysis.claims.cues import Cue, cue_lexicon, find_cues
from tui.analysis.claims.parse import add_parser_speakers, clause_end, parse_of, subject_starts
from tui.analysis.claims.quotes import Quote, find_quotes
from tui.analysis.claims.reported import (
    MAX_SENTENCE,
    MIN_CONTENT_WORDS,
    adding_that_re,
    is_clause,
    reported_content,
)
from tui.analysis.claims.resolve import (
    PronounResolver,
    refine,
    resolve,
    resolve_group_pronouns,
)
from tui.analysis.claims.speakers import (
    Speaker,
    speaker_after,
    speaker_before,
    speaker_np_after,
)
from tui.analysis.claims.text import Layout, Words, count_words, paragraph_spans, sentence_spans
from tui.analysis.claims.vocabulary import speaker_lexicon
from tui.analysis.model import Claim, Number
from tui.analysis.numbers import extract_numbers
from tui.analysis.tokens import tokens_of

QUOTE_BASE = 1.0
REPORTED_BASE = 1.2
SHORT_QUOTE_WORDS = 4
"""Quotes of at most this many words need an attribution to be listed (else: scare quotes)."""
TITLE_MAX_WORDS = 12
"""All-title-case quotes up to this length are titles unless a cue sits right next to them."""

_SMALL_WORDS = frozenset(
    "of the a an and or in on at to for by with de from into over as is vs via per".split()
)
_SENTENCE_LIKE_RE = re.compile(r"\s*[A-Z].*[.!?,]\s*$", re.DOTALL)
_TAIL_RE = re.compile(r"[\s.,;]*")
_SENT_WITH_NAME_RE = re.compile(r"[.!?]\s+[^“\"]*\b[A-Z][a-z]+ [A-Z][a-z]+")
"""Between two quotes of one paragraph: a new sentence naming someone ends a continuation."""
_WORD_RE = re.compile(r"\w+(?:[’'\-]\w+)*")
_CITATION_RE = re.compile(r"[ \t]*[—–-][ \t]*[A-Z][^\n]{0,80}?\b(?:1[89]|20)\d\d[ \t]*(?:\n|$)")


def _abbrev_end_re() -> re.Pattern[str]:
    alt = "[A-Z]|" + "|".join(sorted(w.capitalize() for w in speaker_lexicon().abbrev_titles))
    return re.compile(rf"(?<![\w.])(?:{alt})\.\s+$")


def _person_spans(doc: Doc, actors: ActorIndex) -> list[tuple[int, int]]:
    """Where people are named: the person actors' mentions (else the PERSON entities)."""
    people = [a for a in getattr(actors, "actors", []) if a.kind == "person"]
    if people:
        return sorted((m.start, m.end) for a in people for m in a.mentions)
    return sorted((e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON")


class _Doc:
    """One document's shared state for the stages."""

    def __init__(
        self, doc: Doc, text: str, actors: ActorIndex, numbers: Sequence[Number] | None
    ) -> None:
        self.text = text
        self.words = Words(doc, text)
        paras = paragraph_spans(text)
        self.layout = Layout(paras, sentence_spans(doc, text, paras, _abbrev_end_re()))
        self.quotes = find_quotes(text)
        long_quotes = [
            (q.start, q.end)
            for q in self.quotes
            if count_words(text[q.start : q.end]) > SHORT_QUOTE_WORDS
        ]
        self.cues = find_cues(text, self.layout, long_quotes)
        for c in self.cues:
            if c.statement_verb >= 0:
                lo = self.layout.sent(c.sent, len(text))[0]
                c.before = speaker_before(self.words, c.statement_verb, lo)
            elif not c.according:
                c.before = speaker_before(
                    self.words, c.start, self.layout.sent(c.sent, len(text))[0], c.quote_only
                )
        self.parse = parse_of(doc)
        add_parser_speakers(self.parse, self.cues)
        self.persons = _person_spans(doc, actors)
        self.actors = actors
        self.pron = PronounResolver(
            actors, self.layout.sents, self.quotes, text, subject_starts(self.parse, self.cues)
        )
        self.ctx = Context(self.words, self.cues, self.layout)
        self.numbers = NumbersBySpan(numbers if numbers is not None else extract_numbers(doc, []))

    def speakers_of(self, sp: Speaker, at: int) -> list[str]:
        return resolve(self.actors, sp, at, self.pron)

    def features(self, a: int, b: int) -> float:
        return score_sentence(self.text[a:b], self.numbers.within(a, b))


def extract_claims(
    doc: Doc, actors: ActorIndex, numbers: Sequence[Number] | None = None
) -> list[Claim]:
    """Quotes, reported speech and assertions in ``doc``; speakers resolved through ``actors``;
    ``numbers`` are the numbers layer's results for ``doc`` (found here when not given)."""
    text = tokens_of(doc).text
    if not text.strip():
        return []
    d = _Doc(doc, text, actors, numbers)
    out = _quote_claims(d)
    reported_sents = _reported_claims(d, out)
    reported_sents |= _adding_that_claims(d, out)
    out.extend(_assertion_claims(d, out, reported_sents))
    out.sort(key=lambda c: (c.start, c.end))
    resolve_group_pronouns(out, actors)
    for n, c in enumerate(out, 1):
        c.id = f"c{n}"
    return out


def _title_case(inner: str) -> bool:
    words = _WORD_RE.findall(inner)
    content = [w for w in words if w.lower() not in _SMALL_WORDS and w[0].isalpha()]
    return bool(content) and all(w[0].isupper() for w in content)


def _quote_claims(d: _Doc) -> list[Claim]:
    text, lay = d.text, d.layout
    out: list[Claim] = []
    prev: _Prev | None = None
    merged: list[Claim] = []
    for q in d.quotes:
        inner = text[q.start + 1 : q.end - (1 if q.closed else 0)]
        n_words = count_words(inner)
        if n_words == 0:
            continue
        title_case = _title_case(inner)
        found: Attribution | None = attribute(d.ctx, q)
        if (
            found is not None
            and found.owns_cue
            and found.cue is not None
            and (n_words > SHORT_QUOTE_WORDS or not title_case)
        ):
            d.ctx.owned.add(found.cue.start)  # “…,” X said, …: the cue belongs to the quote
        sp = refine(text, found.speaker if found else None, d.persons)
        adjacent = found is not None and found.adjacent and found.speaker is not None
        ids = d.speakers_of(sp, q.start) if sp is not None else []
        speaker_text = sp.text if sp is not None else None
        cue_word = found.cue.word if found is not None and found.cue is not None else None
        if (
            sp is None
            and prev is not None
            and prev[2].speaker_text is not None
            and _continues(d, q, prev)
        ):
            ids, speaker_text, cue_word = list(prev[2].speakers), prev[2].speaker_text, prev[2].cue
        if _CITATION_RE.match(text, q.end):
            continue  # a cited headline: “Document found on street” — The Daily Planet, May 2, 2008
        if title_case and n_words <= TITLE_MAX_WORDS and not adjacent:
            continue  # a title, a name: “Red Flags.”
        if n_words <= SHORT_QUOTE_WORDS and (
            speaker_text is None or (sp is None and not _SENTENCE_LIKE_RE.match(inner))
        ):
            continue  # a scare quote (“boundless”); a continued speaker needs a sentence
        att = _attribution_spans(found)
        if prev is not None and _same_utterance(d, prev, q, speaker_text, ids):
            prev[2].end = q.end  # “A,” she said, “B.”: one utterance, one claim
            if not merged or merged[-1] is not prev[2]:
                merged.append(prev[2])
            prev = (lay.para_of(max(q.start, q.end - 1)), q.end, prev[2], att)
            continue
        score = QUOTE_BASE + 0.5 * max(0.0, d.features(q.start, q.end))
        claim = Claim(
            "",
            "quote",
            q.start,
            q.end,
            text[q.start : q.end],
            None,
            speaker_text,
            cue_word,
            round(score, 2),
            speakers=ids,
        )
        out.append(claim)
        prev = (lay.para_of(max(q.start, q.end - 1)), q.end, claim, att)
    for claim in merged:
        claim.text = text[claim.start : claim.end]
        claim.score = round(QUOTE_BASE + 0.5 * max(0.0, d.features(claim.start, claim.end)), 2)
    return out


_Prev = tuple[int, int, Claim, list[tuple[int, int]]]
"""The quote claim before: (paragraph of its end, its end, claim, its attribution's spans)."""
_BETWEEN_RE = re.compile(r"[\s,.;:—–-]*")


def _attribution_spans(found: Attribution | None) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    if found is not None and found.speaker is not None:
        spans.append((found.speaker.start, found.speaker.end))
    if found is not None and found.cue is not None:
        spans.append((found.cue.start, found.cue.end))
    return spans


def _same_utterance(
    d: _Doc, prev: _Prev, q: Quote, speaker_text: str | None, ids: list[str]
) -> bool:
    """Whether ``q`` goes on with the quote before: same paragraph, same speaker, and nothing
    but that quote's attribution (and punctuation, time words) between them."""
    claim = prev[2]
    if speaker_text is None or prev[0] != d.layout.para_of(q.start):
        return False
    if speaker_text != claim.speaker_text or ids != claim.speakers:
        return False
    pos, rest = prev[1], []
    for s, e in sorted(prev[3]):
        if e <= pos or s >= q.start:
            continue
        rest.append(d.text[pos:s])
        pos = e
    rest.append(d.text[pos : q.start])
    adverbials = speaker_lexicon().adverbials
    for chunk in rest:
        words = [w for w in _WORD_RE.findall(chunk) if w.lower() not in adverbials]
        if words or not _BETWEEN_RE.fullmatch(re.sub(r"[\w’'-]+", "", chunk)):
            return False
    return True


def _continues(d: _Doc, q: Quote, prev: _Prev) -> bool:
    """A whole quoted paragraph right after the speaker's quote, or a further quote in the same
    paragraph with no cue of its own, continues that speaker."""
    lay, text = d.layout, d.text
    pi = lay.para_of(q.start)
    pe = lay.para_of(max(q.start, q.end - 1))
    p_lo, p_hi = lay.paras[pi][0], lay.paras[pe][1]
    tail = _TAIL_RE.match(text, q.end, p_hi)
    whole_para = q.start == p_lo and tail is not None and tail.end() == p_hi
    same_para = prev[0] == pi and not _SENT_WITH_NAME_RE.search(text[prev[1] : q.start])
    return (whole_para and prev[0] >= pi - 1) or same_para


def _cue_speaker(d: _Doc, c: Cue) -> Speaker | None:
    text, lay = d.text, d.layout
    s_lo, s_hi = lay.sent(c.sent, len(text))
    if c.according:
        return speaker_np_after(d.words, c.end, s_hi)
    sp: Speaker | None = c.before
    if sp is None and c.lemma != "tell" and text[s_lo : c.start].rstrip().endswith(","):
        # content, said X. (to the paragraph's end: a sentence split may follow "Dr."); after
        # "told" comes its object, not its speaker
        sp = c.after or speaker_after(
            d.words, c.end, lay.paras[lay.para_of(c.end)][1] if lay.paras else len(text)
        )
    return sp


def _reported_claims(d: _Doc, out: list[Claim]) -> set[int]:
    text, lay = d.text, d.layout
    quote_spans = [(c.start, c.end) for c in out]  # sorted, never overlapping
    quote_starts = [s for s, _ in quote_spans]
    quote_ends = [e for _, e in quote_spans]
    sents: set[int] = set()
    for c in d.cues:
        if (
            c.quote_only
            or c.partial_only
            or c.noun
            or c.start in d.ctx.owned
            or (c.participle and c.statement_verb < 0)
        ):
            continue
        sp = _cue_speaker(d, c)
        if sp is None:
            continue
        s_lo, s_hi = lay.sent(c.sent, len(text))
        if s_hi - s_lo > MAX_SENTENCE:
            continue
        span = reported_content(d.words, c, sp, s_lo, s_hi)
        if span is None:
            continue
        a, b = span
        b = clause_end(d.parse, c, a, b)
        b = _before_next_speaker(d, c, a, b)
        more = adding_that_re().search(text, a, b)
        if more is not None:  # "X said …, adding that …": the second part is its own claim
            b = more.start()
        inside = quote_spans[
            bisect.bisect_right(quote_ends, a) : bisect.bisect_left(quote_starts, b)
        ]
        covered = sum(max(0, min(b, qe) - max(a, qs)) for qs, qe in inside)
        if covered >= 0.6 * (b - a):
            continue
        own = _own_words(text, a, b, inside, c, sp)
        if _NEGATED_RE.search(text, max(0, c.start - 12), c.start) and _QUESTION_RE.match(text, a):
            continue  # "She did not say whether she would run": nothing was said
        clause = _needs_clause(c) and not _THAT_BEFORE_RE.search(text, max(0, a - 8), a)
        least = MIN_CONTENT_WORDS if clause or c.according else MIN_CONTENT_WORDS - 1  # "to fight"
        if count_words(own) < least or (clause and not is_clause(own)):
            continue
        sp = refine(text, sp, d.persons) or sp
        score = REPORTED_BASE + 0.5 * max(0.0, d.features(a, b))
        out.append(
            Claim(
                "",
                "reported",
                a,
                b,
                text[a:b],
                None,
                sp.text,
                c.word,
                round(score, 2),
                speakers=d.speakers_of(sp, a),
            )
        )
        sents.add(c.sent)
    return sents


_NEGATED_RE = re.compile(r"\b(?:not|never|n[’']t)\s+$")
_QUESTION_RE = re.compile(r"(?:whether|if|how|when|why|what|who)\b", re.IGNORECASE)
_THAT_BEFORE_RE = re.compile(r"\bthat\s*$")
_JOIN_TAIL_RE = re.compile(r"[\s,;:—–-]*(?:\b(?:and|but|while|whereas|as)\b)?[\s,;:—–-]*$")


def _before_next_speaker(d: _Doc, c: Cue, a: int, b: int) -> int:
    """``Residents said the water was unsafe, and officials declined to comment``: content ends
    before the next cue's speaker in the sentence."""
    k = bisect.bisect_right(d.ctx.cue_starts, c.end)
    while k < len(d.cues) and d.cues[k].start < b:
        nxt = d.cues[k]
        sp = nxt.before
        if sp is not None and a < sp.start and not nxt.according:
            cut = sp.start
            m = _JOIN_TAIL_RE.search(d.text, a, cut)
            if m is not None and m.start() > a and m.group().strip():
                return m.start()
            return b
        k += 1
    return b


def _needs_clause(c: Cue) -> bool:
    """A bare-clause verb's content must be a clause (``conceded a penalty`` is not said); an
    infinitive (``declined to comment``) or ``of``-frame (``accused X of hiding``) is content."""
    return (
        not c.according
        and cue_lexicon().takes(c.word, "bare")
        and not any(cue_lexicon().takes(c.word, f) for f in ("to", "of", "for", "as"))
    )


def _own_words(
    text: str, a: int, b: int, inside: list[tuple[int, int]], c: Cue, sp: Speaker
) -> str:
    """The words of the content that are neither quoted nor the attribution itself."""
    holes = sorted([*inside, (min(c.start, sp.start), max(c.end, sp.end))])
    own, pos = [], a
    for hs, he in holes:
        if hs > pos:
            own.append(text[pos : min(hs, b)])
        pos = max(pos, he)
    own.append(text[pos:b] if pos < b else "")
    return " ".join(own)


def _adding_that_claims(d: _Doc, out: list[Claim]) -> set[int]:
    """``…, adding that …``: reported speech of the speaker just attributed in the same sentence."""
    text, lay = d.text, d.layout
    quote_spans = [(c.start, c.end) for c in out if c.kind == "quote"]
    quote_starts = [s for s, _ in quote_spans]
    attributed = sorted((c for c in out if c.speaker_text is not None), key=lambda c: c.start)
    att_starts = [c.start for c in attributed]
    sents: set[int] = set()
    new: list[Claim] = []
    for m in adding_that_re().finditer(text):
        k = bisect.bisect_right(quote_starts, m.start()) - 1
        if k >= 0 and quote_spans[k][0] < m.start() < quote_spans[k][1]:
            continue
        si = lay.sent_of(m.start())
        s_lo, s_hi = lay.sent(si, len(text))
        if s_hi - s_lo > MAX_SENTENCE:
            continue
        k = bisect.bisect_left(att_starts, m.start()) - 1
        if k < 0 or attributed[k].end < s_lo:
            continue
        prev = attributed[k]
        a = m.end()
        while a < s_hi and text[a].isspace():
            a += 1
        b = s_hi
        if b <= a or count_words(text[a:b]) < MIN_CONTENT_WORDS:
            continue
        score = REPORTED_BASE + 0.5 * max(0.0, d.features(a, b))
        new.append(
            Claim(
                "",
                "reported",
                a,
                b,
                text[a:b],
                None,
                prev.speaker_text,
                m.group(1),
                round(score, 2),
                speakers=list(prev.speakers),
            )
        )
        sents.add(si)
    out.extend(new)
    return sents


def _assertion_claims(d: _Doc, out: list[Claim], reported_sents: set[int]) -> list[Claim]:
    claimed = sorted((c.start, c.end) for c in out)
    cstarts = [s for s, _ in claimed]
    candidates: list[tuple[float, int, int]] = []
    for si, (a, b) in enumerate(d.layout.sents):
        if si in reported_sents:
            continue
        k = bisect.bisect_left(cstarts, b)
        if any(cs < b and ce > a for cs, ce in claimed[max(0, k - 12) : k]):
            continue
        candidates.append((d.features(a, b), a, b))
    return [
        Claim("", "assertion", a, b, d.text[a:b], score=score)
        for score, a, b in pick_assertions(candidates, len(d.layout.sents))
    ]


__all__: Sequence[str] = ("extract_claims", "find_quotes", "sentence_features")
