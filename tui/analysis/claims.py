"""Claims: direct quotes and reported speech with their speakers, and check-worthy assertions.

Everything here is linear scans and precompiled regular expressions over ``doc.text`` (plus the
sentence boundaries of ``doc``), so it works the same with the built-in pipeline (blank English,
sentencizer, rule-based NER) and with a trained one; a trained parser's subjects only fill in
speakers the patterns missed.

Decisions:

* **Quote marks** are paired by family: double (“ ” „ and straight "), single (‘ ’ ‚ and straight '),
  guillemets (« ») and single guillemets (‹ ›). A closing mark closes the innermost open mark of
  its family, dropping unclosed marks above it, so nested ‘…’ inside “…” never breaks the outer
  pair. ’ and ' between letters or before a year (’90s) are apostrophes; a plural possessive
  (``leaders’ talks``) closes a single quote only when no clearer closing mark follows.
* **Multi-paragraph quotes** (a paragraph ends inside a quote and the next one re-opens with the
  same family, or, sloppily, does not re-open but closes it) are *one* claim from the first opening
  mark to the final closing mark. A quote left open at a paragraph end otherwise ends there when it
  starts the paragraph or follows ``:``/``,`` and has 8 words or more; else it is dropped.
* **Scare quotes and titles** are not listed: a quote of at most four words is listed only when it
  is attributed (a cue and a speaker right next to it, or it sits in the reported clause of
  ``X said …``: the partial-quote convention, “very important.”); a quote of up to 12 words that
  are all title-case (“Red Flags.”) is listed only when a cue sits right next to it.
* **Speakers**: ``speaker_text`` is the words naming the speaker in the text, titles before a full
  name removed (``Professor Anna Berg`` -> ``Anna Berg``), appositives skipped (``X, an adviser
  to Y, said``; ``The company's chief executive, John Brown, said``), coordinations kept whole
  (``Kazakhstan and the Kremlin``; the ``speaker`` id is the first one's). A pronoun stays as
  written (``he``); its ``speaker`` id is the first person named outside quotes earlier in its
  sentence or in the two before, else the actor index's most recent person; ``it``/``they`` take
  the most recent non-person speaker. A paragraph that is entirely quote with no cue continues the
  speaker of the quote in the paragraph before; so does a further quote in the same paragraph.
* **Cues**: reporting verbs from the lexicon plus our own unambiguous forms; a cue counts only with a
  speaker right next to it. Forms that are also nouns (``claims``, ``notes``, ``states``) need
  ``that``, a colon or a quote after them; ``declined`` needs ``to``; participles (``stating``) only
  introduce a quote that follows at once. Cues inside quotes are ignored.
* **Reported speech**: the claim span is the reported *content*: the clause after ``that`` or after
  a verb that takes a bare clause (``said``, ``says``, ``told reporters``, ``warned`` ...), the part
  before a final ``, X said.`` / ``, according to X.``, the part after an initial ``According to X,``,
  the clause after ``, adding that``; when no clause can be delimited (``The Kremlin declined to give
  details``) it is the whole sentence. Reported speech whose content is mostly a listed quote, or
  only quote and attribution, is not listed; a cue that attributes a quote after it (``“…,” X said,
  …``) gives no reported speech.
* **Assertions**: sentences outside quotes and reported speech scored on numbers, comparisons,
  superlatives, predictions and causal links (:func:`sentence_features`); only those scoring at
  least ``ASSERTION_THRESHOLD``. The span is the sentence, stripped.
* **Scores**: quotes ``1.0``, reported speech ``1.2``, plus half of the feature score of their text,
  so attributed, quantified statements rank first.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from spacy.attrs import DEP, IDX, SENT_START
from spacy.tokens import Doc

from tui.analysis.actors import ActorIndex
from tui.analysis.lexicon import lexicon
from tui.analysis.model import Claim

ASSERTION_THRESHOLD = 1.0
"""Minimum feature score for a sentence to be listed as an assertion."""

QUOTE_BASE = 1.0
REPORTED_BASE = 1.2
SHORT_QUOTE_WORDS = 4
"""Quotes of at most this many words need an attribution to be listed (else: scare quotes)."""
TITLE_MAX_WORDS = 12
"""All-title-case quotes up to this length are titles unless a cue sits right next to them."""

# --------------------------------------------------------------------------------------------
# Word lists (all lower-case)
# --------------------------------------------------------------------------------------------

_EXTRA_CUES = frozenset(
    """said says say told tells tell added adds warned warns declared declares announced announces
    confirmed confirms explained explains insisted insists argued argues stated claimed noted wrote
    writes denied denies declined declines acknowledged acknowledges admitted admits stressed stresses
    asserted asserts predicted predicts cautioned cautions conceded concedes contended contends
    maintained maintains remarked remarks replied replies responded responds suggested suggests
    emphasised emphasized emphasises emphasizes reiterated reiterates recalled recalls complained
    complains alleged alleges tweeted testified concluded concludes estimated estimates
    continued commented comments reasoned observed observes answered asked joked quipped recounted
    recounts posted""".split()
)
"""Reporting verbs we accept beside the lexicon's (only forms that are rarely anything else)."""

_NOUNISH_CUES = frozenset("claims claim notes note states state reports report remarks estimates".split())
"""Cue forms that are also common nouns: a cue only when followed by ``that`` or a colon."""

_NEEDS_TO = frozenset("decline declined declines refuse refused refuses".split())
_NEVER_CUES = frozenset("saying telling adding warning stating noting writing".split())
"""Participles: the speaker is not next to them (``a statement saying``)."""

_BARE_CLAUSE = frozenset(
    """said says say told tells tell added adds warned warns argued argues insisted insists claimed
    claims wrote writes noted notes stated states explained explains predicted predicts stressed
    stresses asserted asserts suggested suggests maintained maintains conceded concedes contended
    contends acknowledged acknowledges admitted admits alleged alleges estimated estimates
    believes believed""".split()
)
"""Cues that take a bare clause (``X said the deal was off``): the content starts after them."""

_PRONOUNS = frozenset("he she they it we".split())
_PERSON_PRONOUNS = frozenset("he she".split())
_DETERMINERS = frozenset("the a an this that these those his her its their our".split())
_SKIP_BEFORE_CUE = frozenset(
    """also has have had later previously then further recently earlier again reportedly publicly
    repeatedly once separately subsequently initially first both all has_also would will did does
    do not never has_since since quickly""".split()
)
_OBJECT_PRONOUNS = frozenset("him her them us me it".split())
_PREPOSITIONS = frozenset(
    "to of about on in against for with at by from after before during over into upon".split()
)
_NAME_PARTICLES = frozenset("de da del der di dos du van von la le bin al ibn el ben".split())
_CAP_STOP = frozenset(
    """the a an in on at but and or however after before when while meanwhile also yet so then this
    that these those it he she they we i his her their its our my as if for with from by to of
    monday tuesday wednesday thursday friday saturday sunday january february march april may june
    july august september october november december last earlier later today yesterday tomorrow
    there here what why how where who which according asked speaking during since until
    mr mrs ms""".split()
) - frozenset("mr mrs ms".split())
_ABBREV_TITLES = frozenset("mr mrs ms dr prof gen sen rep gov lt col capt sgt maj adm st rev".split())
_ORG_WORDS = frozenset(
    """department ministry university bank office institute council agency church museum school
    college house court board bureau commission committee association society union league party
    republic kingdom state states city county port gulf sea lake mount isle duke duchess prince
    princess earl archbishop bishop chamber federation organization organisation center centre
    academy foundation fund corps army navy force guard""".split()
)
_ATTRIBUTION_ADVERBIALS = frozenset(
    """on in at last this late early earlier later monday tuesday wednesday thursday friday saturday
    sunday today yesterday tonight week weekend month year night morning afternoon evening a an the
    statement interview briefing tweet twitter email e-mail news conference radio television tv
    telegram post posts social media also again separately privately publicly""".split()
)
"""Words that may stand between a cue and the comma of a parenthetical ``, officials said Sunday,``."""
_HONORIFICS = frozenset("mr mrs ms miss dr prof professor sir dame lord lady rev reverend".split())
_ORG_START = frozenset("general royal national federal state united".split())
_TITLE_WORDS = frozenset(
    """president professor prof dr mr mrs ms miss sir dame lord lady minister prime foreign secretary
    general gen sen senator rep representative gov governor mayor judge justice chancellor king queen
    prince princess pope rev reverend father sheikh emir ambassador chairman chairwoman chair ceo chief
    executive director deputy vice defence defense interior finance health education economy trade
    spokesman spokeswoman spokesperson adviser advisor coach commander lieutenant colonel captain
    sergeant officer premier leader head envoy commissioner undersecretary attorney treasurer
    congressman congresswoman mp lawmaker analyst economist author founder""".split()
)
_ROLE_NOUNS = frozenset(
    """spokesman spokeswoman spokesperson spokespeople official officials minister ministry ministers
    president premier chancellor secretary adviser advisor advisers advisors analyst analysts expert
    experts police authorities government officer officers source sources lawyer lawyers attorney
    prosecutor prosecutors judge researcher researchers scientist scientists economist economists
    leader leaders chief director ceo executive executives chairman chairwoman commissioner ambassador
    diplomat diplomats governor mayor senator lawmaker lawmakers residents resident witnesses witness
    critics activists company firm agency department office military army committee council report
    study survey statement city court church municipality university hospital party spokesmen
    organisers organizers investigators doctors doctor
    union group campaigners observers manager coach owner professor teacher mother father parents
    family authors author poster blogger writer member members campaigner barrister soldier
    soldiers woman women man men worker workers student students farmer farmers voter voters
    neighbor neighbour neighbors neighbours nurse pilot fan fans driver survivor survivors
    shopkeeper owner volunteer volunteers protester protesters demonstrators refugee refugees
    spokespersons staff letter document memo email notice""".split()
)


@lru_cache(maxsize=1)
def _cue_words() -> frozenset[str]:
    try:
        lex = frozenset(w.lower() for w in lexicon().reporting_verbs if " " not in w)
    except Exception:  # the lexicon is another module's data: never let it break claims
        lex = frozenset()
    return (lex | _EXTRA_CUES) - _NEVER_CUES


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    """Words that mark a title before a name: the head word of each title ("home secretary" ->
    "secretary"), since modifiers such as "home", "trade" or "police" are ordinary words too."""
    lex = frozenset(t.lower().split()[-1].rstrip(".") for t in lexicon().titles if t.strip())
    return (lex | _TITLE_WORDS) - frozenset("of the and for state staff".split())


def _trie_pattern(words: frozenset[str]) -> str:
    """An alternation of ``words`` factored by prefix (``s(?:a(?:id|ys)|tated)``): much faster in ``re``."""
    trie: dict[str, dict] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        alts = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = "(?:" + "|".join(alts) + ")"
        return body + "?" if "" in node else body

    return build(trie)


@lru_cache(maxsize=1)
def _cue_re() -> re.Pattern[str]:
    """Cue words; the caller rejects matches preceded by an apostrophe or hyphen."""
    return re.compile(r"\b" + _trie_pattern(_cue_words()) + r"(?![\w’'-])")


_PARTICIPLE_RE = re.compile(
    r"(?<![\w’'-])(?:saying|stating|adding|writing|telling \w+|noting|warning|reads|read)(?![\w’'-])"
)
_ADDING_THAT_RE = re.compile(r",\s+(adding|saying|noting|warning|arguing|insisting|explaining) that\b")
_QUOTE_NEXT_RE = re.compile(r"\s*[,:]?\s*[“\"«‘]")
_CHARACTERIZE_RE = re.compile(
    r"(?<![\w’'-])(?:called|calls|described|describes|labell?ed|termed|dubbed|branded|"
    r"characteri[sz]ed)(?![\w’'-])"
)
_ACCORDING_RE = re.compile(r"(?<!\w)(?:[Aa]ccording to|[Ii]n the words of)(?!\w)")
_TOKEN_RE = re.compile(r"\w(?:[\w’'\-.&]*\w)?|[^\w\s]")
_WORD_RE = re.compile(r"\w+(?:[’'\-]\w+)*")
_PARA_BLANK_RE = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_PARA_LINE_RE = re.compile(r"\n\s*")

# --------------------------------------------------------------------------------------------
# Assertion features
# --------------------------------------------------------------------------------------------

_NUMBER_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty "
    "sixty seventy eighty ninety hundred hundreds thousand thousands million millions billion "
    "billions trillion trillions dozen dozens half third quarter tens"
)
_UNITS = (
    r"percent|per cent|%|dollars?|euros?|pounds?|yuan|yen|rubles?|roubles?|rupees?|"
    r"(?:cubic |square )?(?:met(?:er|re)s?|kilomet(?:er|re)s?|km|miles?|feet|tons?|tonnes?)|barrels?|"
    r"people|deaths?|dead|years?|months?|weeks?|days?|hours?|times|points?|votes?|seats?|jobs|"
    r"cases|troops|soldiers|children|residents|students|homes|houses|members|countries|"
    r"kilograms?|kg|liters?|litres?|gallons?|acres?|hectares?|degrees|[kmgt]w|megawatts?|gigawatts?"
)
_NUMBER_WORD_SET = frozenset(_NUMBER_WORDS.split())
_NUMBER_ALT = "|".join(_NUMBER_WORDS.split())
_QUANT_RE = re.compile(
    rf"[$€£¥]\s?\d|\d[\d,.]*\s?(?:%|(?:{_UNITS})\b)|\b(?:\d[\d,.]*|{_NUMBER_ALT})"
    rf"(?:\s+(?:{_NUMBER_ALT}|and|a|of))*\s+(?:{_UNITS})\b"
)
"""A number with a unit, percent sign or currency (run on lower-case text)."""
_DIGIT_RE = re.compile(r"\d")
_FEATURE_SPLIT_RE = re.compile(r"[^\w’']+")
_SUPERLATIVE_WORDS = frozenset(
    """largest biggest highest lowest greatest worst best smallest fastest slowest strongest weakest
    deadliest oldest youngest richest poorest longest shortest most least record unprecedented""".split()
)
_SUPERLATIVE_PHRASES = (" first time ", " first ever ", " all-time ")
_COMPARATIVE_WORDS = frozenset(
    """increased decreased rose fell doubled tripled halved soared plunged dropped grew surged
    overtake overtakes overtook outpace outpaced exceed exceeds exceeded""".split()
)
_COMPARATIVE_PHRASES = (
    " more than ", " less than ", " fewer than ", " greater than ", " higher than ", " lower than ",
    " bigger than ", " larger than ", " smaller than ", " as many as ", " as much as ", " compared with ",
    " compared to ", " up from ", " down from ", " declined by ",
)
_PREDICTIVE_STRONG = (
    " projected to ", " expected to ", " forecast to ", " likely to ", " poised to ", " set to ",
    " scheduled to ", " predicted to ", " estimated to ", " plans to ", " plan to ", " is due to ",
    " are due to ",
)
_PREDICTIVE_WORDS = frozenset("will won’t won't forecast forecasts projection projections".split())
_CAUSAL_STRONG = (
    " due to ", " led to ", " leads to ", " lead to ", " as a result ", " resulted in ", " results in ",
    " owing to ", " blamed on ", " contributed to ", " caused by ",
)
_CAUSAL_WORDS = frozenset("because therefore caused causes triggered thanks".split())


@lru_cache(maxsize=1)
def _phrase_re() -> re.Pattern[str]:
    """All multi-word feature phrases in one expression, one named group per feature."""
    groups = {"sup": _SUPERLATIVE_PHRASES, "comp": _COMPARATIVE_PHRASES, "pred": _PREDICTIVE_STRONG,
              "caus": _CAUSAL_STRONG}
    return re.compile(r"(?<= )(?:" + "|".join(
        f"(?P<{name}>{_trie_pattern(frozenset(p.strip() for p in phrases))})"
        for name, phrases in groups.items()) + r")(?= )")


def sentence_features(text: str) -> float:
    """Check-worthiness of one sentence from its wording alone (0 = nothing to check).

    Numbers with a unit 1.0 (a bare digit 0.6), superlatives 1.0, comparisons 0.8, predictions 1.0
    (``is expected to``) or 0.7 (``will``), causal links 1.0 (``led to``) or 0.7 (``because``);
    questions and very short sentences lose 1.0.
    """
    low = text.lower()
    words = _FEATURE_SPLIT_RE.split(low)
    wset = frozenset(words)
    padded = " " + " ".join(words) + " "
    score = 0.0
    has_digit = _DIGIT_RE.search(low) is not None
    if (has_digit or not wset.isdisjoint(_NUMBER_WORD_SET)) and _QUANT_RE.search(low):
        score += 1.0
    elif has_digit:
        score += 0.6
    phrases = {m.lastgroup for m in _phrase_re().finditer(padded)}
    if "sup" in phrases or not wset.isdisjoint(_SUPERLATIVE_WORDS):
        score += 1.0
    if "comp" in phrases or not wset.isdisjoint(_COMPARATIVE_WORDS):
        score += 0.8
    if "pred" in phrases:
        score += 1.0
    elif not wset.isdisjoint(_PREDICTIVE_WORDS):
        score += 0.7
    if "caus" in phrases:
        score += 1.0
    elif not wset.isdisjoint(_CAUSAL_WORDS):
        score += 0.7
    if text.rstrip().endswith("?"):
        score -= 1.0
    if len(words) < 7:  # split leaves an empty string at either end
        score -= 1.0
    return round(score, 2)


# --------------------------------------------------------------------------------------------
# Quote pairing
# --------------------------------------------------------------------------------------------

_OPENERS = frozenset("“\"‘'«‹„")
_LOOKAHEAD = 600
"""How far (characters) to look for a better closing single quote; keeps pairing linear."""
MAX_SENTENCE = 3000
"""Longer "sentences" (lists, tables, unpunctuated dumps) give no reported speech."""

_FAMILY = {
    "“": "D", "”": "D", "„": "D", '"': "D",
    "‘": "S", "’": "S", "‚": "S", "'": "S",
    "«": "G", "»": "G", "‹": "g", "›": "g",
}
_MARK_RE = re.compile("[“”„\"‘’‚'«»‹›]")
_OPEN_PUNCT = set("([{<—–-/:;,") | set(_FAMILY)


@dataclass(slots=True)
class _Quote:
    start: int
    end: int
    closed: bool = True


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph (blank-line separated, or line separated if no blank line)."""
    splitter = _PARA_BLANK_RE if _PARA_BLANK_RE.search(text) else _PARA_LINE_RE
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in splitter.finditer(text):
        if m.start() > pos:
            spans.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        spans.append((pos, len(text)))
    return spans


def _classify(text: str, i: int, ch: str, lo: int, hi: int) -> str:
    """'open', 'close', 'either', 'ambig' (possessive ’), or '' (apostrophe / nothing)."""
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + 1] if i + 1 < hi else " "
    left = not nxt.isspace() and (prev.isspace() or prev in _OPEN_PUNCT)
    right = not prev.isspace() and (nxt.isspace() or not nxt.isalnum())
    if ch in "„‚«‹":
        return "open"
    if ch in "»›":
        return "close"
    if ch in "’'‘":
        if prev.isalnum() and nxt.isalnum():
            return ""  # don’t, Putin’s
        if nxt.isdigit() and (prev.isspace() or i == lo or prev in "(–—-"):
            j = i + 1
            while j < hi and text[j].isdigit():
                j += 1
            if j - i - 1 == 2 and (j >= hi or not text[j].isalpha() or text[j] == "s"):
                return ""  # ’90s, '08
        if ch == "‘":
            return "open" if left or not right else "close"
        if left and not right:
            return "open" if ch == "'" else "open?"
        if right and not left:
            if prev in "sS" and nxt == " " and i + 2 < hi and text[i + 2].islower():
                return "ambig"
            return "close"
        return ""
    if ch == "“":
        return "open" if left or not right else "close?"
    if ch == "”":
        return "close" if right or not left else "open?"
    # straight double quote
    if left and not right:
        return "open"
    if right and not left:
        return "close"
    return "either"


def find_quotes(text: str) -> list[_Quote]:
    """Top-level quotations of ``text`` (span includes the marks), in text order."""
    paras = _paragraph_spans(text)
    pairs: list[tuple[int, int]] = []
    unclosed: list[_Quote] = []
    stack: list[tuple[str, int, str]] = []  # (family, offset, mark)
    for pi, (lo, hi) in enumerate(paras):
        marks = [(m.start(), m.group()) for m in _MARK_RE.finditer(text, lo, hi)]
        skip_first = False
        if stack:
            # a quote is open from the previous paragraph: does this one re-open it?
            bottom = stack[0]
            first = text[lo] if lo < hi else ""
            if first and _FAMILY.get(first) == bottom[0] and first not in "”»›’":
                skip_first = True
                stack = [bottom]
            elif _closes_first(text, marks, bottom[0], lo, hi):
                stack = [bottom]  # sloppy: the next paragraph does not re-open but closes the quote
            else:
                if len(_WORD_RE.findall(text[bottom[1]:paras[pi - 1][1]])) >= 8 and \
                        (bottom[1] == paras[pi - 1][0] or text[paras[pi - 1][0]:bottom[1]].rstrip()
                         .endswith((":", ","))):
                    unclosed.append(_Quote(bottom[1], paras[pi - 1][1], closed=False))
                stack = []
        for k, (i, ch) in enumerate(marks):
            if skip_first and k == 0:
                continue
            kind = _classify(text, i, ch, lo, hi)
            if not kind:
                continue
            fam = _FAMILY[ch]
            if fam == "D" and ch == "“" and stack and stack[-1][2] == "„":
                kind = "close"
            open_fams = [f for f, _, _ in stack]
            if kind == "either" or kind == "open?" or kind == "close?":
                kind = "close" if fam in open_fams else "open"
            elif kind == "ambig":
                if fam not in open_fams or _better_close(text, marks, k, lo, hi):
                    continue
                kind = "close"
            if kind == "open":
                if ch == "'" and not _has_straight_close(text, marks, k, lo, hi):
                    continue
                stack.append((fam, i, ch))
            else:
                if fam not in open_fams:
                    continue
                while stack:
                    f, s, _ = stack.pop()
                    if f == fam:
                        pairs.append((s, i + 1))
                        break
    if stack:
        bottom = stack[0]
        lo, hi = paras[-1]
        if len(_WORD_RE.findall(text[bottom[1]:hi])) >= 8 and \
                (bottom[1] == lo or text[lo:bottom[1]].rstrip().endswith((":", ","))):
            unclosed.append(_Quote(bottom[1], hi, closed=False))
    quotes = [_Quote(s, e) for s, e in pairs] + unclosed
    quotes.sort(key=lambda q: (q.start, -q.end))
    top: list[_Quote] = []
    for q in quotes:
        if top and q.start < top[-1].end:
            continue  # nested inside (or overlapping) the previous top-level quote
        top.append(q)
    for q in top:  # an unclosed quote ends at its paragraph end: strip trailing space
        if not q.closed:
            while q.end > q.start and text[q.end - 1].isspace():
                q.end -= 1
    return top


def _closes_first(text: str, marks: list[tuple[int, str]], fam: str, lo: int, hi: int) -> bool:
    """Whether the first mark of family ``fam`` in a paragraph can only be a closing mark."""
    for i, ch in marks:
        if _FAMILY[ch] == fam:
            kind = _classify(text, i, ch, lo, hi)
            if not kind or kind == "ambig":
                continue
            return kind == "close"
    return False


def _better_close(text: str, marks: list[tuple[int, str]], k: int, lo: int, hi: int) -> bool:
    """Whether a clearer closing ’ follows the ambiguous one at ``marks[k]`` (before a ” closes)."""
    limit = marks[k][0] + _LOOKAHEAD
    for i, ch in marks[k + 1:k + 40]:
        if i > limit:
            return False
        if ch in "”\"»":
            return False
        if ch in "’'":
            kind = _classify(text, i, ch, lo, hi)
            if kind == "close":
                return True
    return False


def _has_straight_close(text: str, marks: list[tuple[int, str]], k: int, lo: int, hi: int) -> bool:
    limit = marks[k][0] + _LOOKAHEAD
    for i, ch in marks[k + 1:k + 40]:
        if i > limit:
            return False
        if ch == "'" and _classify(text, i, ch, lo, hi) in ("close", "ambig"):
            return True
    return False


# --------------------------------------------------------------------------------------------
# Speaker phrases
# --------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Tok:
    start: int
    end: int
    text: str

    @property
    def low(self) -> str:
        return self.text.lower()


@dataclass(slots=True)
class _Speaker:
    start: int
    end: int
    text: str
    first_end: int  # end of the first coordinated member (for the actor look-up)
    pronoun: bool = False


def _tokens(text: str, lo: int, hi: int) -> list[_Tok]:
    return [_Tok(m.start(), m.end(), m.group()) for m in _TOKEN_RE.finditer(text, lo, hi)]


_PARTICLE_NAME_RE = re.compile(r"(?:al|el|bin|ibn|abu|de|da|van|von|ben|d)[-’'][A-Z]")


def _is_cap(tok: _Tok) -> bool:
    t = tok.text
    if _possessive(t):
        return False
    if t[0].isupper():
        return tok.low not in _CAP_STOP
    return bool(_PARTICLE_NAME_RE.match(t))


def _possessive(t: str) -> bool:
    return t.endswith(("’s", "'s", "’", "s'")) and len(t) > 2


def _name_run_back(toks: list[_Tok], i: int) -> int | None:
    """Index of the first token of a capitalised name run ending at ``toks[i]``, or None."""
    if i < 0 or not _is_cap(toks[i]):
        return None
    j = i
    while j - 1 >= 0:
        t = toks[j - 1]
        if _is_cap(t):
            j -= 1
        elif t.text == "." and j - 2 >= 0 and toks[j - 2].text[0].isupper() \
                and (len(toks[j - 2].text) == 1 or "." in toks[j - 2].text
                     or toks[j - 2].low in _ABBREV_TITLES) and toks[j].start == t.end + 1:
            j -= 1  # George W. Bush, The U.S. Department
        elif t.low in _NAME_PARTICLES and j - 2 >= 0 and _is_cap(toks[j - 2]):
            j -= 1
        elif t.low == "of" and j - 2 >= 0 and (_is_cap(toks[j - 2]) or _cap_possessive(toks[j - 2])):
            j -= 1  # Bank of England
        elif _cap_possessive(t) and j - 2 >= 0 and toks[j - 2].low == "of":
            j -= 1  # Mark Zandi of Moody's Analytics
        else:
            break
    return j


def _cap_possessive(tok: _Tok) -> bool:
    return tok.text[0].isupper() and _possessive(tok.text)


def _strip_titles_raw(toks: list[_Tok], a: int, b: int) -> int:
    """First token of the name proper in ``toks[a..b]`` (titles before a full name removed)."""
    titles = _title_words()
    last = -1
    for k in range(a, b + 1):
        if toks[k].low.rstrip(".") in titles:
            last = k
    if last == -1 or last >= b:
        return a
    for k in range(a, last + 1):
        if toks[k].low.rstrip(".") in titles and k + 1 <= b and toks[k + 1].low == "of":
            # Governor of Washington Chris Gregoire: the name is the last two words
            first = max(a, b - 1)
            if first - 1 > k + 1 and toks[first - 1].low in _NAME_PARTICLES:
                first -= 1
            return first
    rest = b - last
    title = toks[last].low.rstrip(".")
    if rest >= 2 or title in _HONORIFICS:
        return last + 1
    if last == a and toks[a].low in _ORG_START:
        return a
    return last + 1


def _strip_titles(toks: list[_Tok], a: int, b: int) -> int:
    k = _strip_titles_raw(toks, a, b)
    while k < b and toks[k].text == ".":
        k += 1
    return k


def _np_back(toks: list[_Tok], i: int) -> tuple[int, int, int, bool] | None:
    """(first, name_first, last, pronoun) of a speaker phrase ending at ``toks[i]``."""
    if i < 0:
        return None
    t = toks[i]
    if t.low in _PRONOUNS:
        return i, i, i, True
    j = _name_run_back(toks, i)
    if j is not None:
        last = i
        titles = _title_words()
        for o in range(j + 2, i):
            # "Mark Zandi of Moody's Analytics": the person before "of" (not "Bank of England",
            # not "Secretary of State Antony Blinken")
            if toks[o].low == "of":
                if toks[o - 1].low not in _ORG_WORDS and \
                        not any(toks[x].low.rstrip(".") in titles for x in range(j, o)):
                    last = o - 1
                break
        name_first = _strip_titles(toks, j, last)
        first = name_first
        if first == j and j - 1 >= 0 and toks[j - 1].low == "the":
            first = j - 1
        return first, first, last, False
    if t.low in _ROLE_NOUNS or t.low in _title_words():
        j = i
        steps = 0
        poss = None
        while j - 1 >= 0 and steps < 5:
            p = toks[j - 1]
            if p.low in _DETERMINERS:
                return j - 1, j - 1, i, False
            if _possessive(p.text):
                poss = j - 1  # the central bank's statement, Russia's foreign ministry
            elif not p.text[0].isalnum() or p.low in _cue_words() or p.low in _PREPOSITIONS \
                    or p.low in ("and", "or", "but", "that", "who", "which"):
                break
            j -= 1
            steps += 1
        if j == 0 or (j - 1 >= 0 and toks[j - 1].text in (",", ";", ":", "(", "“", '"')):
            return j, j, i, False
        if poss is not None:
            return poss, poss, i, False
        return i, i, i, False
    return None


def speaker_before(text: str, cue_start: int, lo: int, quote_only: bool = False) -> _Speaker | None:
    """The speaker phrase right before a cue (``X said``, ``X, an adviser to Y, said``, ``A and B say``)."""
    toks = _tokens(text, max(lo, cue_start - 200), cue_start)
    i = len(toks) - 1
    skipped = 0
    while i >= 0 and toks[i].low in _SKIP_BEFORE_CUE and skipped < 3:
        i -= 1
        skipped += 1
    if i < 0:
        return None
    if toks[i].text == ",":
        # appositive(s): NAME, an adviser to Putin, said / NAME, curator of X, Fayetteville, said
        np = None
        end = i
        lower_seen = False
        for _ in range(3):
            j = end - 1
            while j >= 0 and end - j < 30 and toks[j].text not in (",", ".", "“", "”", '"', ";", ":",
                                                                   "(", ")", "?", "!"):
                j -= 1
            if j < 1 or toks[j].text != "," or j + 1 >= end:
                return None
            seg = toks[j + 1:end]
            if end == i and (toks[j - 1].low in _ROLE_NOUNS or toks[j - 1].low in _title_words()
                             or (toks[j - 1].text.isalpha() and toks[j - 1].text.islower())
                             or toks[j - 1].text == ")"):
                # ROLE, NAME, said: "The company's chief executive, John Brown, said"
                run = _name_run_back(toks, end - 1)
                if run == j + 1:
                    np = (run + (toks[run].low == "the"), run, end - 1, False)
                    break
            lower_seen = lower_seen or any(t.text[0].islower() or t.text[0].isdigit() for t in seg)
            if lower_seen:
                cand = _np_back(toks, j - 1)
                if cand is not None and not cand[3]:
                    np = cand
                    break
            end = j
        if np is None:
            return None
    else:
        np = _np_back(toks, i)
    if np is None:
        return None
    first, _name_first, last, pronoun = np
    if not pronoun and first > 0 and toks[first - 1].low in _PREPOSITIONS and not (
            quote_only and toks[first - 1].low == "with"):
        # "a meeting with Putin said" is not Putin speaking, but "CEO of the Refugee Council
        # Enver Solomon said" is Enver Solomon: keep the last two words after "Title of"
        role_before = first > 1 and toks[first - 1].low in ("of", "for", "at", "from") and (
            toks[first - 2].low.rstrip(".") in _title_words() or toks[first - 2].low in _ROLE_NOUNS)
        if role_before and last - first >= 2 and _is_cap(toks[last]) and _is_cap(toks[last - 1]):
            first = last - 1  # CEO of the Refugee Council Enver Solomon
        elif role_before:
            head = _np_back(toks, first - 2)  # a spokesman for the ministry
            if head is None or head[3]:
                return None
            first = head[0]
        else:
            return None
    if pronoun and (first > 0 and toks[first - 1].text not in (",", "“", "”", '"', "(", ";")
                    and toks[first - 1].low not in ("and", "but", "as", "so", "then")
                    and not toks[first - 1].text[0].isupper()):
        # "... that he said" is fine, but "give it said" is not a speaker: require a clause start
        if toks[first - 1].low not in ("that", "because", "when", "while", "although", "though"):
            return None
    first_end = toks[last].end
    start = toks[first].start
    # coordination: A and B said
    p = first - 1
    if p >= 0 and _cap_possessive(toks[p]):
        p -= 1  # Keir Starmer and Labour's Rachel Reeves
    if p - 1 >= 0 and toks[p].low in ("and", "&") and not pronoun:
        np2 = _np_back(toks, p - 1)
        if np2 is not None and not np2[3]:
            start = toks[np2[0]].start
            first_end = toks[np2[2]].end
            return _Speaker(start, toks[last].end, text[start:toks[last].end], first_end)
    return _Speaker(start, toks[last].end, text[start:toks[last].end], first_end, pronoun)


def speaker_after(text: str, pos: int, hi: int) -> _Speaker | None:
    """The speaker phrase right after a cue (``said Professor Anna Berg, director ...``)."""
    toks = _tokens(text, pos, min(hi, pos + 200))
    if not toks:
        return None
    if toks[0].low in _PRONOUNS:
        return _Speaker(toks[0].start, toks[0].end, toks[0].text, toks[0].end, True)
    k = 0
    det = None
    if toks[0].low in ("the", "a", "an", "one", "another", "some") or _possessive(toks[0].text):
        det = 0
        k = 1
        if len(toks) > 3 and toks[1].low == "of" and toks[2].low in ("the", "his", "her", "their", "its"):
            k = 3  # one of the protesters
    run_end = k
    titles = _title_words()
    while run_end < len(toks) and run_end - k < 10:
        t = toks[run_end]
        if _is_cap(t) or t.low.rstrip(".") in titles or t.low in _ROLE_NOUNS:
            run_end += 1
        elif t.text == "." and run_end > k and (len(toks[run_end - 1].text) == 1
                                                or toks[run_end - 1].low in _ABBREV_TITLES) \
                and run_end + 1 < len(toks) and _is_cap(toks[run_end + 1]):
            run_end += 1  # George W. Bush, Mr. Smith
        elif t.low in _NAME_PARTICLES and run_end > k and run_end + 1 < len(toks) \
                and _is_cap(toks[run_end + 1]):
            run_end += 1
        elif det is not None and t.text[0].islower() and t.text[0].isalpha() and run_end - k < 3 \
                and run_end + 1 < len(toks) and (toks[run_end + 1].low in _ROLE_NOUNS
                                                 or toks[run_end + 1].low in titles):
            run_end += 1  # a senior official, the foreign ministry
        else:
            break
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
        if toks[m].low.rstrip(".") in titles or toks[m].low in _ROLE_NOUNS:
            last_title = m
    first = det if det is not None else k
    if last_title != -1 and last_title < last:
        name_first = _strip_titles(toks, k, last)
        if name_first > k:
            first = name_first
    elif det is None and not _is_cap(toks[k]) and toks[k].low not in _ROLE_NOUNS \
            and toks[k].low not in titles:
        return None
    s, e = toks[first].start, toks[last].end
    return _Speaker(s, e, text[s:e], e)


def speaker_np_after(text: str, pos: int, hi: int) -> _Speaker | None:
    """The noun phrase after ``according to``: up to punctuation or a clause word, 8 words at most."""
    sp = speaker_after(text, pos, hi)
    toks = _tokens(text, pos, min(hi, pos + 160))
    n = 0
    while n < len(toks) and n < 8:
        t = toks[n]
        if t.text == "." and n and _ABBREV_DOT_RE.fullmatch(toks[n - 1].text + "."):
            n += 1  # "Prof." or "J." inside the phrase, not its end
            continue
        if not t.text[0].isalnum() or t.low in ("that", "which", "who", "whose", "and", "but", "when"):
            break
        n += 1
    if sp is not None and (n == 0 or sp.end >= toks[n - 1].end):
        return sp
    if n == 0:
        return sp
    s, e = toks[0].start, toks[n - 1].end
    if sp is not None and sp.start == s:
        return _Speaker(s, e, text[s:e], sp.end)
    return _Speaker(s, e, text[s:e], e)


# --------------------------------------------------------------------------------------------
# Cues
# --------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Cue:
    start: int
    end: int
    word: str
    sent: int  # index of the sentence
    before: _Speaker | None = None  # X said
    according: bool = False
    quote_only: bool = False  # a participle right before a quote (``stating: “…”``)
    partial_only: bool = False  # X called the ruling “dangerous”: attributes a later partial quote only
    after: _Speaker | None = None  # said X, from a trained parser's subject (else found on demand)


def _sentences(doc: Doc, text: str, paras: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentence spans (stripped), cut again at paragraph breaks."""
    raw: list[tuple[int, int]] = []
    starts: list[int] = []
    if len(doc):
        # one C-level pass (doc.has_annotation and doc.sents iterate tokens in Python)
        arr = doc.to_array([SENT_START, IDX])
        starts = [int(x) for x in arr[arr[:, 0] == 1, 1]]
    if len(starts) > 1 or (starts and len(doc) < 3):
        if starts[0] != 0:
            starts.insert(0, 0)
        # a sentence that opens with a quote mark starts at the mark (the sentencizer puts a mark
        # after a full stop at the end of the sentence before)
        starts = [st - 1 if st > 1 and text[st - 1] in _OPENERS and text[st - 2].isspace() else st
                  for st in starts]
        # no sentence ends at a title abbreviation or an initial ("Dr. Tom Hale", "George W. Bush")
        starts = [st for st in starts if not _ABBREV_END_RE.search(text, max(0, st - 8), st)]
        raw = list(zip(starts, [*starts[1:], len(text)], strict=False))
    else:
        pos = 0
        for m in re.finditer(r"[.!?][”\"’')\]]*\s+(?=[“\"‘(\[]?[A-Z0-9])", text):
            if _ABBREV_END_RE.search(text, max(0, m.end() - 8), m.end()):
                continue
            raw.append((pos, m.end()))
            pos = m.end()
        raw.append((pos, len(text)))
    out: list[tuple[int, int]] = []
    pstarts = [p[0] for p in paras]
    for s, e in raw:
        # cut at paragraph starts inside the sentence
        k = bisect.bisect_right(pstarts, s)
        cuts = [s]
        while k < len(paras) and paras[k][0] < e:
            cuts.append(paras[k][0])
            k += 1
        cuts.append(e)
        for a, b in itertools.pairwise(cuts):
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            if b > a:
                out.append((a, b))
    return out


def _find_cues(text: str, sents: list[tuple[int, int]], inside: list[tuple[int, int]]) -> list[_Cue]:
    cues: list[_Cue] = []
    starts = [s for s, _ in sents]
    qstarts = [s for s, _ in inside]
    nounish = _NOUNISH_CUES

    def in_quote(pos: int) -> bool:
        k = bisect.bisect_right(qstarts, pos) - 1
        return k >= 0 and inside[k][0] < pos < inside[k][1]

    for m in _cue_re().finditer(text):
        if (m.start() and text[m.start() - 1] in "’'-") or in_quote(m.start()):
            continue
        word = m.group()
        if word in _NEEDS_TO and not text.startswith(" to ", m.end()):
            continue  # "Sales declined 5%" is not speech; "X declined to comment" is
        if word in nounish:
            nxt = text[m.end():m.end() + 8].lstrip()
            if not (nxt.startswith(":") or nxt[:5].lower() == "that " or _QUOTE_NEXT_RE.match(text, m.end())):
                continue
        si = max(0, bisect.bisect_right(starts, m.start()) - 1)
        cues.append(_Cue(m.start(), m.end(), word, si))
    for m in _PARTICIPLE_RE.finditer(text):
        if in_quote(m.start()) or not _QUOTE_NEXT_RE.match(text, m.end()):
            continue
        si = max(0, bisect.bisect_right(starts, m.start()) - 1)
        cues.append(_Cue(m.start(), m.end(), m.group(), si, quote_only=True))
    for m in _CHARACTERIZE_RE.finditer(text):
        if in_quote(m.start()):
            continue
        si = max(0, bisect.bisect_right(starts, m.start()) - 1)
        cues.append(_Cue(m.start(), m.end(), m.group(), si, partial_only=True))
    for m in _ACCORDING_RE.finditer(text):
        if in_quote(m.start()):
            continue
        si = max(0, bisect.bisect_right(starts, m.start()) - 1)
        cues.append(_Cue(m.start(), m.end(), m.group().lower(), si, according=True))
    cues.sort(key=lambda c: c.start)
    for c in cues:
        if not c.according:
            c.before = speaker_before(text, c.start, sents[c.sent][0] if sents else 0, c.quote_only)
    return cues


def _add_parser_speakers(doc: Doc, text: str, cues: list[_Cue]) -> None:
    """With a trained parser: the cue verb's subject fills in speakers the patterns missed.

    The subject phrase runs from its left edge to its head (appositives and relative clauses after
    the head are left out), plus coordinated subjects (``A and B said``); titles are dropped as in
    the pattern path.
    """
    try:
        arr = doc.to_array([IDX, DEP])
    except Exception:
        return
    if not len(arr) or not arr[:, 1].any():
        return
    idx = [int(x) for x in arr[:, 0]]
    for c in cues:
        if c.according or (c.before is not None):
            continue
        i = bisect.bisect_right(idx, c.start) - 1
        if i < 0 or idx[i] != c.start:
            continue
        verb = doc[i]
        subj = next((t for t in verb.children if t.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None and verb.dep_ == "conj":
            subj = next((t for t in verb.head.children if t.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None:
            continue
        sp = _subject_speaker(doc, text, subj)
        if sp is None:
            continue
        if subj.i < verb.i:
            c.before = sp
        else:
            c.after = sp


def _subject_speaker(doc: Doc, text: str, subj) -> _Speaker | None:
    if subj.lower_ in _PRONOUNS:
        return _Speaker(subj.idx, subj.idx + len(subj.text), subj.text, subj.idx + len(subj.text), True)
    left = subj.left_edge.i
    while left < subj.i and not doc[left].text[0].isalnum():
        left += 1
    right = subj.i
    for t in subj.rights:
        if t.dep_ in ("compound", "flat", "flat:name", "nmod") and t.i == right + 1:
            right = t.i
    toks = [_Tok(t.idx, t.idx + len(t.text), t.text) for t in doc[left:right + 1]]
    if not toks:
        return None
    first = 0
    if _is_cap(toks[-1]):  # a name: the capitalised run ending at the head, titles dropped
        run = _name_run_back(toks, len(toks) - 1) or 0
        if run > 0 and toks[run - 1].low == "the":
            run -= 1
        first = _strip_titles(toks, run, len(toks) - 1)
    s, first_end = toks[first].start, toks[-1].end
    e = first_end
    conj = [t for t in subj.rights if t.dep_ == "conj"]
    if conj:
        e = conj[-1].idx + len(conj[-1].text)
    return _Speaker(s, e, text[s:e], first_end)


# --------------------------------------------------------------------------------------------
# Main entry
# --------------------------------------------------------------------------------------------

_GAP_AFTER_RE = re.compile(r"[\s,;:]*")
_ABBREV_ALT = "[A-Z]|" + "|".join(sorted(w.capitalize() for w in _ABBREV_TITLES))
"""An initial or a title abbreviation (``Dr``, ``Prof``), as a regex alternation."""
_ABBREV_DOT_RE = re.compile(rf"\b(?:{_ABBREV_ALT})\.")
_ABBREV_END_RE = re.compile(rf"(?<![\w.])(?:{_ABBREV_ALT})\.\s+$")
"""A title abbreviation or an initial right before a (wrong) sentence start."""
_DASH_NAME_RE = re.compile(
    r"[ \t]*[-–—―][ \t]*((?:[A-Z][\w’'.-]*[ \t]+){1,3}[A-Z][\w’'-]+)[ \t]*(?=\n|$)"
)
_SMALL_WORDS = frozenset(
    "of the a an and or in on at to for by with de from into over as is vs via per".split()
)


class _PronounResolver:
    """``he said``: the first person named (outside quotes) in the pronoun's sentence before it, else
    in the one or two sentences before; else the actor index's most recent person. News prose names
    the speaker as the subject, so the first person of a sentence beats the most recent one
    ("For Dana Whitlock, ... Calder was also a legend. He said, ...")."""

    def __init__(self, actors: ActorIndex, sents: list[tuple[int, int]], quotes: list[_Quote]) -> None:
        self.actors = actors
        try:
            people = [(m.start, m.end, a.id) for a in getattr(actors, "actors", [])
                      if a.kind == "person" for m in a.mentions]
        except Exception:
            people = []
        qs = [(q.start, q.end) for q in quotes]
        qstarts = [q[0] for q in qs]

        def quoted(pos: int) -> bool:
            k = bisect.bisect_right(qstarts, pos) - 1
            return k >= 0 and qs[k][0] <= pos < qs[k][1]

        self.people = sorted(p for p in people if not quoted(p[0]))
        self.pstarts = [p[0] for p in self.people]
        self.sents = sents
        self.sstarts = [s for s, _ in sents]

    def person(self, pos: int, limit: int) -> str | None:
        """The person ``he``/``she`` at ``pos`` refers to; ``limit`` bounds the same-sentence search."""
        if self.people and self.sents:
            si = max(0, bisect.bisect_right(self.sstarts, pos) - 1)
            lo = self.sents[si][0]
            k = bisect.bisect_left(self.pstarts, lo)
            if k < len(self.people) and self.people[k][0] < min(pos, limit):
                return self.people[k][2]
            for sj in (si - 1, si - 2):
                if sj < 0:
                    break
                a, b = self.sents[sj]
                k = bisect.bisect_left(self.pstarts, a)
                if k < len(self.people) and self.people[k][0] < b:
                    return self.people[k][2]
        actor = self.actors.last_person_before(min(pos, limit))
        return actor.id if actor is not None else None


def _resolve(actors: ActorIndex, sp: _Speaker, claim_start: int,
             pronouns: _PronounResolver | None = None) -> str | None:
    try:
        if sp.pronoun:
            if sp.text.lower() not in _PERSON_PRONOUNS:
                return None
            if pronouns is not None:
                return pronouns.person(sp.start, claim_start)
            actor = actors.last_person_before(min(sp.start, claim_start))
        else:
            actor = actors.at(sp.start, sp.first_end)
            if actor is None:
                name = sp.text[: sp.first_end - sp.start]
                actor = actors.by_name(name)
                if actor is None and name.lower().startswith("the "):
                    actor = actors.by_name(name[4:])
    except Exception:  # the actor index is being completed elsewhere; never fail claims on it
        return None
    return actor.id if actor is not None else None


def _title_case(inner: str) -> bool:
    words = _WORD_RE.findall(inner)
    content = [w for w in words if w.lower() not in _SMALL_WORDS and w[0].isalpha()]
    return bool(content) and all(w[0].isupper() for w in content)


def _refine(text: str, sp: _Speaker | None, persons: list[tuple[int, int]]) -> _Speaker | None:
    """Narrow a name phrase to the PERSON entity it ends with (``the Refugee Council Enver Solomon``)."""
    if sp is None or sp.pronoun or not persons:
        return sp
    k = bisect.bisect_right(persons, (sp.first_end, len(text) + 1)) - 1
    while k >= 0 and persons[k][1] >= sp.start:
        ps, pe = persons[k]
        if sp.start < ps < sp.first_end and pe == sp.first_end:
            if sp.first_end == sp.end:
                return _Speaker(ps, pe, text[ps:pe], pe)
            return sp
        k -= 1
    return sp


class _Attributor:
    """Finds the speaker of a quote from the cues around it."""

    def __init__(self, text: str, cues: list[_Cue], paras: list[tuple[int, int]],
                 sents: list[tuple[int, int]]) -> None:
        self.text = text
        self.cues = cues
        self.cue_starts = [c.start for c in cues]
        self.paras = paras
        self.pstarts = [p[0] for p in paras]
        self.sents = sents
        self.sstarts = [s for s, _ in sents]

    def para_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.pstarts, pos) - 1)

    def sent_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.sstarts, pos) - 1)

    def after(self, q: _Quote) -> tuple[_Speaker, _Cue | None] | None:
        """“…,” said X / “…,” X said / “…,” team member X told / “…”, according to X / “…” – X."""
        text = self.text
        end_para = self.paras[self.para_of(max(q.start, q.end - 1))][1]
        gap_end = _GAP_AFTER_RE.match(text, q.end).end()
        k = bisect.bisect_left(self.cue_starts, gap_end)
        if k < len(self.cues) and self.cues[k].start < min(end_para, gap_end + 120):
            c = self.cues[k]
            sp: _Speaker | None = None
            if c.start == gap_end:
                if c.according:
                    sp = speaker_np_after(text, c.end, end_para)
                elif not c.quote_only and not c.partial_only:
                    sp = speaker_after(text, c.end, end_para) or c.after
            elif c.before is not None and not c.quote_only and not c.partial_only:
                lead = text[gap_end:c.before.start]
                if c.before.start == gap_end or (
                        c.before.start > gap_end and len(lead) < 60
                        and re.fullmatch(r"(?:\w[\w’'.-]*\s+){1,5}", lead)
                        and not re.search(r"[.!?]\s", _ABBREV_DOT_RE.sub("", lead))):
                    sp = c.before
            if sp is None and not c.according and not c.quote_only and not c.partial_only \
                    and c.start > gap_end \
                    and not re.search(r"[.!?][”\"’]?\s", text[gap_end:c.start]):
                # “…,” a soldier who gave only his first name, Oleksiy, told AP.
                head = speaker_after(text, gap_end, c.start)
                if head is not None and head.start == gap_end and not head.pronoun:
                    sp = head
            if sp is not None:
                return sp, c
        m = _DASH_NAME_RE.match(text, q.end)
        if m is not None:
            s, e = m.span(1)
            return _Speaker(s, e, text[s:e], e), None
        return None

    def before(self, q: _Quote) -> tuple[_Speaker, _Cue, bool] | None:
        """X said: “…” / X said “…” / X said the meeting would be “…” (same sentence)."""
        text = self.text
        p_lo = self.paras[self.para_of(q.start)][0]
        s_lo = max(self.sents[self.sent_of(q.start)][0] if self.sents else p_lo, p_lo)
        k = bisect.bisect_left(self.cue_starts, q.start) - 1
        stop = k - 30
        while k >= 0 and k > stop and self.cues[k].start >= s_lo:
            c = self.cues[k]
            sp = speaker_np_after(text, c.end, q.start) if c.according else c.before
            between = text[c.end:q.start]
            if sp is not None and c.according and sp.end > q.start:
                sp = None
            if sp is not None:
                adjacent = bool(re.fullmatch(r"[\s,:]*(?:that\s*)?|[^.“”\"]{0,60}[:,]\s*", between))
                if c.quote_only and not adjacent:
                    return None
                return sp, c, adjacent
            k -= 1
        return None

    def name_colon(self, q: _Quote) -> _Speaker | None:
        """``Anna Berg: “…”`` at the start of a sentence (interview and live-blog style)."""
        p_lo = self.paras[self.para_of(q.start)][0]
        s_lo = max(self.sents[self.sent_of(q.start)][0] if self.sents else p_lo, p_lo)
        lead = self.text[s_lo:q.start]
        if not lead.rstrip().endswith(":") or len(lead) > 80:
            return None
        toks = _tokens(self.text, s_lo, q.start)
        if len(toks) < 3 or toks[-1].text != ":":
            return None
        j = _name_run_back(toks, len(toks) - 2)
        if j != 0 or len(toks) - 1 - j < 2:
            return None
        first = _strip_titles(toks, 0, len(toks) - 2)
        s, e = toks[first].start, toks[-2].end
        return _Speaker(s, e, self.text[s:e], e)

    def previous_sentence(self, q: _Quote) -> tuple[_Speaker, _Cue] | None:
        """``Okonjo also said Calder was a businessman. “He wanted to be rich.”``: a quote that
        opens a sentence continues the reported speech of the sentence before (same paragraph)."""
        if not self.sents:
            return None
        si = self.sent_of(q.start)
        if si == 0 or self.sents[si][0] != q.start:
            return None
        a, b = self.sents[si - 1]
        pi = self.para_of(q.start)
        if a < self.paras[pi][0]:
            # across a paragraph break only for a paragraph that is all quote, right after the
            # paragraph that holds the reported speech
            p_lo, p_hi = self.paras[pi]
            tail = _TAIL_RE.match(self.text, q.end, p_hi) if q.end <= p_hi else None
            if q.start != p_lo or tail is None or tail.end() != p_hi \
                    or self.para_of(a) != pi - 1:
                return None
        k = bisect.bisect_left(self.cue_starts, b) - 1
        while k >= 0 and self.cues[k].start >= a:
            c = self.cues[k]
            if c.quote_only or c.partial_only:
                k -= 1
                continue
            sp = speaker_np_after(self.text, c.end, b) if c.according else c.before
            if sp is not None:
                return sp, c
            k -= 1
        return None

    def colon_paragraph(self, q: _Quote) -> tuple[_Speaker, _Cue] | None:
        """A quote paragraph after a paragraph ending ``X said:``."""
        pi = self.para_of(q.start)
        if pi == 0 or q.start != self.paras[pi][0]:
            return None
        prev_lo, prev_hi = self.paras[pi - 1]
        if not self.text[prev_lo:prev_hi].rstrip().endswith(":"):
            return None
        k = bisect.bisect_left(self.cue_starts, prev_hi) - 1
        while k >= 0 and self.cues[k].start >= prev_lo:
            c = self.cues[k]
            if c.before is not None:
                return c.before, c
            if c.according:
                sp = speaker_np_after(self.text, c.end, prev_hi)
                if sp is not None:
                    return sp, c
            k -= 1
        return None


def extract_claims(doc: Doc, actors: ActorIndex) -> list[Claim]:
    """Quotes, reported speech and assertions in ``doc``; speakers resolved through ``actors``."""
    text = doc.text
    if not text.strip():
        return []
    paras = _paragraph_spans(text)
    sents = _sentences(doc, text, paras)
    quotes = find_quotes(text)
    cues = _find_cues(text, sents, [(q.start, q.end) for q in quotes if _long_enough(text, q)])
    _add_parser_speakers(doc, text, cues)
    persons = sorted((e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON")
    att = _Attributor(text, cues, paras, sents)
    pron = _PronounResolver(actors, sents, quotes)

    out: list[Claim] = []
    prev_quote: tuple[int, int, Claim] | None = None  # (paragraph of its end, its end, claim)
    quote_cues: set[int] = set()
    for q in quotes:
        inner = text[q.start + 1:q.end - (1 if q.closed else 0)]
        n_words = len(_WORD_RE.findall(inner))
        if n_words == 0:
            continue
        pi = att.para_of(q.start)
        p_lo = paras[pi][0]
        pe = att.para_of(max(q.start, q.end - 1))
        sp: _Speaker | None = None
        cue: _Cue | None = None
        adjacent = False
        found = att.after(q)
        if found is not None:
            sp, cue = found
            adjacent = True
            if cue is not None and (n_words > SHORT_QUOTE_WORDS or not _title_case(inner)):
                quote_cues.add(cue.start)  # “…,” X said, …: the cue belongs to the quote
        else:
            found_b = att.before(q)
            if found_b is not None:
                sp, cue, adjacent = found_b
            else:
                found_c = att.colon_paragraph(q)
                if found_c is not None:
                    sp, cue = found_c
                    adjacent = True
                else:
                    sp = att.name_colon(q)
                    adjacent = sp is not None
                    if sp is None:
                        found_d = att.previous_sentence(q)
                        if found_d is not None and found_d[1].start not in quote_cues:
                            sp, cue = found_d
        sp = _refine(text, sp, persons)
        title_case = _title_case(inner)
        speaker_id = _resolve(actors, sp, q.start, pron) if sp is not None else None
        speaker_text = sp.text if sp is not None else None
        cue_word = cue.word if cue is not None else None
        if sp is None and prev_quote is not None and prev_quote[2].speaker_text is not None:
            # continuation: a whole quoted paragraph right after the speaker's quote, or a further
            # quote in the same paragraph with no cue of its own
            whole_para = q.start == p_lo and \
                _TAIL_RE.match(text, q.end, paras[pe][1]).end() == paras[pe][1]
            between = text[prev_quote[1]:q.start]
            same_para = prev_quote[0] == pi and not _SENT_WITH_NAME_RE.search(between)
            if (whole_para and prev_quote[0] >= pi - 1) or same_para:
                speaker_id = prev_quote[2].speaker
                speaker_text = prev_quote[2].speaker_text
                cue_word = prev_quote[2].cue
        if title_case and n_words <= TITLE_MAX_WORDS and not adjacent:
            continue  # a title, a name: “Red Flags.”
        if n_words <= SHORT_QUOTE_WORDS and (
                speaker_text is None or (sp is None and not _SENTENCE_LIKE_RE.match(inner))):
            continue  # a scare quote (“boundless”); a continued speaker needs a sentence (“Nobody can.”)
        score = QUOTE_BASE + 0.5 * max(0.0, sentence_features(inner))
        claim = Claim("", "quote", q.start, q.end, text[q.start:q.end], speaker_id, speaker_text,
                      cue_word, round(score, 2))
        out.append(claim)
        prev_quote = (pe, q.end, claim)
    quote_spans = [(c.start, c.end) for c in out]  # sorted, never overlapping
    quote_starts = [s for s, _ in quote_spans]
    quote_ends = [e for _, e in quote_spans]

    # reported speech
    reported_sents: set[int] = set()
    for c in cues:
        if c.quote_only or c.partial_only or c.start in quote_cues:
            continue
        if c.according:
            sp = speaker_np_after(text, c.end, sents[c.sent][1] if sents else len(text))
        else:
            sp = c.before
        s_lo, s_hi = sents[c.sent] if sents else (0, len(text))
        if sp is None and not c.according and text[s_lo:c.start].rstrip().endswith(","):
            # content, said X. (to the paragraph's end: a sentence split may follow "Dr.")
            sp = speaker_after(text, c.end, paras[att.para_of(c.end)][1] if paras else len(text))
        if sp is None:
            continue
        if s_hi - s_lo > MAX_SENTENCE:
            continue
        span = _reported_content(text, c, sp, s_lo, s_hi)
        if span is None:
            continue
        a, b = span
        more = _ADDING_THAT_RE.search(text, a, b)
        if more is not None:  # "X said …, adding that …": the second part is its own claim
            b = more.start()
        inside = quote_spans[bisect.bisect_right(quote_ends, a):bisect.bisect_left(quote_starts, b)]
        covered = sum(max(0, min(b, qe) - max(a, qs)) for qs, qe in inside)
        if covered >= 0.6 * (b - a):
            continue
        # the words of the content that are neither quoted nor the attribution itself
        holes = sorted([*inside, (min(c.start, sp.start), max(c.end, sp.end))])
        own, pos = [], a
        for hs, he in holes:
            if hs > pos:
                own.append(text[pos:min(hs, b)])
            pos = max(pos, he)
        own.append(text[pos:b] if pos < b else "")
        if len(_WORD_RE.findall(" ".join(own))) < 3:
            continue
        sp = _refine(text, sp, persons)
        score = REPORTED_BASE + 0.5 * max(0.0, sentence_features(text[a:b]))
        out.append(Claim("", "reported", a, b, text[a:b], _resolve(actors, sp, a, pron), sp.text, c.word,
                         round(score, 2)))
        reported_sents.add(c.sent)

    # "…, adding that …": reported speech of the speaker just attributed in the same sentence
    attributed = sorted((c for c in out if c.speaker_text is not None), key=lambda c: c.start)
    att_starts = [c.start for c in attributed]
    for m in _ADDING_THAT_RE.finditer(text):
        k = bisect.bisect_right(quote_starts, m.start()) - 1
        if k >= 0 and quote_spans[k][0] < m.start() < quote_spans[k][1]:
            continue
        si = att.sent_of(m.start())
        s_lo, s_hi = sents[si] if sents else (0, len(text))
        if s_hi - s_lo > MAX_SENTENCE:
            continue
        k = bisect.bisect_left(att_starts, m.start()) - 1
        if k < 0 or attributed[k].end < s_lo:
            continue
        prev = attributed[k]
        span = _trim(text, m.end(), s_hi)
        if span is None or len(_WORD_RE.findall(text[span[0]:span[1]])) < 3:
            continue
        a, b = span
        score = REPORTED_BASE + 0.5 * max(0.0, sentence_features(text[a:b]))
        out.append(Claim("", "reported", a, b, text[a:b], prev.speaker, prev.speaker_text,
                         m.group(1), round(score, 2)))
        reported_sents.add(si)

    # assertions
    claimed = sorted((c.start, c.end) for c in out)
    cstarts = [s for s, _ in claimed]
    for si, (a, b) in enumerate(sents):
        if si in reported_sents:
            continue
        k = bisect.bisect_left(cstarts, b)
        if any(cs < b and ce > a for cs, ce in claimed[max(0, k - 12):k]):
            continue
        sent_text = text[a:b]
        score = sentence_features(sent_text)
        if score >= ASSERTION_THRESHOLD:
            out.append(Claim("", "assertion", a, b, sent_text, score=score))

    out.sort(key=lambda c: (c.start, c.end))
    _resolve_group_pronouns(out, actors)
    for n, c in enumerate(out, 1):
        c.id = f"c{n}"
    return out


def _resolve_group_pronouns(claims: list[Claim], actors: ActorIndex) -> None:
    """``it said`` / ``they said``: the most recent named speaker that is not a person, if close."""
    kinds = {a.id: a.kind for a in getattr(actors, "actors", [])}
    last: tuple[int, str] | None = None  # (end of its claim, actor id)
    for c in claims:
        if c.kind == "assertion":
            continue
        low = (c.speaker_text or "").lower()
        if c.speaker is None and low in ("it", "they"):
            if last is not None and c.start - last[0] < 800:
                c.speaker = last[1]
                c.speakers = [last[1]]
        elif c.speaker is not None and low not in _PRONOUNS and kinds.get(c.speaker, "person") != "person":
            last = (c.end, c.speaker)


_SENTENCE_LIKE_RE = re.compile(r"\s*[A-Z].*[.!?,]\s*$", re.DOTALL)
_TAIL_RE = re.compile(r"[\s.,;]*")
_SENT_WITH_NAME_RE = re.compile(r"[.!?]\s+[^“\"]*\b[A-Z][a-z]+ [A-Z][a-z]+")
"""Between two quotes of one paragraph: a new sentence naming someone ends a continuation."""


def _long_enough(text: str, q: _Quote) -> bool:
    return len(_WORD_RE.findall(text[q.start:q.end])) > SHORT_QUOTE_WORDS


_LAST_WORD_RE = re.compile(r"(\S+)\s*$")


def _without_trailing_titles(before: str) -> str:
    """``content, Dr.`` -> ``content,``: the speaker phrase starts after its titles."""
    before = before.rstrip()
    while (m := _LAST_WORD_RE.search(before)) and m.group(1).lower().rstrip(".") in _title_words():
        before = before[:m.start()].rstrip()
    return before


def _reported_content(text: str, c: _Cue, sp: _Speaker, s_lo: int, s_hi: int) -> tuple[int, int] | None:
    """The reported content of a cue in the sentence ``[s_lo, s_hi)`` (see the module notes)."""
    if c.according:
        if sp.start >= c.end and text[s_lo:c.start].strip() == "":
            # According to X, content.
            m = re.compile(r",\s*").search(text, sp.end, s_hi)
            if m is None:
                return None
            return _trim(text, m.end(), s_hi)
        before = text[s_lo:c.start].rstrip()
        if before.endswith(",") and not text[sp.end:s_hi].strip(" .!?\"”’)"):
            return _trim(text, s_lo, s_lo + len(before) - 1)
        return _trim(text, s_lo, s_hi)
    after = text[c.end:s_hi]
    if not after.strip(" .!?\"”’)"):
        # sentence-final attribution: content, X said.
        before = _without_trailing_titles(text[s_lo:sp.start])
        if before.endswith((",", "—", "–")):
            return _trim(text, s_lo, s_lo + len(before) - 1)
        return None
    if sp.start >= c.end and (not text[sp.end:s_hi].strip(" .!?\"”’)")
                              or text[sp.end:s_hi].startswith(",")):
        # inverted sentence-final attribution: content, said X (, a glaciologist).
        before = text[s_lo:c.start].rstrip()
        if before.endswith((",", "—", "–")):
            return _trim(text, s_lo, s_lo + len(before) - 1)
    toks = _tokens(text, c.end, min(s_hi, c.end + 120))
    if not toks:
        return None
    before = _without_trailing_titles(text[s_lo:sp.start])
    if before.endswith((",", "—", "–")):
        # parenthetical attribution: "Russian forces pounded the east, officials said Sunday, as ..."
        for n, t in enumerate(toks[:6]):
            if t.text in (",", ";") or (t.text == "." and n == len(toks) - 1):
                if len(_WORD_RE.findall(before)) < 4:  # "The deal, he said, was the best": all of it
                    return _trim(text, s_lo, s_hi)
                return _trim(text, s_lo, s_lo + len(before) - 1)
            if t.low not in _ATTRIBUTION_ADVERBIALS:
                break
    # "that" within a few words (told reporters last week that ...)
    for n, t in enumerate(toks[:10]):
        if t.low == "that":
            if n == 0 or all(x.text[0].isalnum() for x in toks[:n]):
                return _trim(text, t.end, s_hi)
            break
        if not t.text[0].isalnum() and t.text != ",":
            break
    first = toks[0]
    if first.text in (":", ","):
        return _trim(text, first.end, s_hi) if first.text == ":" else _trim(text, s_lo, s_hi)
    if c.word in _BARE_CLAUSE:
        if c.word in ("told", "tells", "tell"):
            # told reporters/him/the BBC ...: skip the object
            k = 0
            if toks[0].low in _OBJECT_PRONOUNS or toks[0].low in ("reporters", "journalists"):
                k = 1
            elif _is_cap(toks[0]) or toks[0].low in ("the", "a", "an"):
                k = 1
                while k < len(toks) and k < 6 and (_is_cap(toks[k]) or toks[k].low in
                                                   ("news", "conference", "agency", "media")):
                    k += 1
            if k == 0 or k >= len(toks):
                return _trim(text, s_lo, s_hi)
            nxt = toks[k]
            if nxt.low in _PREPOSITIONS or not nxt.text[0].isalnum():
                return _trim(text, s_lo, s_hi)
            return _trim(text, nxt.start, s_hi)
        if first.low in _PREPOSITIONS or first.low in ("it", "so", "nothing", "this"):
            return _trim(text, s_lo, s_hi)
        if first.low in ("last", "on", "earlier", "this") and len(toks) > 2:
            return _trim(text, s_lo, s_hi)
        return _trim(text, first.start, s_hi)
    return _trim(text, s_lo, s_hi)


def _trim(text: str, a: int, b: int) -> tuple[int, int] | None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return (a, b) if b > a else None


__all__: Sequence[str] = ("extract_claims", "find_quotes", "sentence_features")
