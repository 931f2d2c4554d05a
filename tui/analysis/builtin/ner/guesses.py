"""Labelling an unknown name (a run part no list knows): ordered rules, the first that answers wins.

One-word names and longer names have their own rule lists (:data:`ONE_WORD`, :data:`MANY_WORDS`);
each rule returns a :class:`Found` or ``None`` (no opinion). A weak guess with a ``fallback``
label becomes a name only if the same words recur in the document (see :mod:`.consistency`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from tui.analysis.builtin.ner.view import HYPHENS, Found, View


@dataclass(frozen=True, slots=True)
class Unknown:
    """The unknown name ``[k, m)`` and what is around it."""

    k: int
    m: int
    after_title: bool
    word: str
    """Its first word."""
    nxt: str
    """The token right after it ("" at the end)."""


Rule = Callable[[View, Unknown], Found | None]
MAX_APPOSITION = 4
"""Words after "Name," searched for a role noun ("Varnek, the firm's chief executive")."""
APPOSITION_STARTS = frozenset({"a", "an", "the", "his", "her", "its", "their", "our"})


def _party_state(v: View, u: Unknown) -> Found | None:
    """ "Sen. Tom Lind, R-Ky.,": a party letter and a hyphen before a state's abbreviation."""
    if u.k >= 2 and v.words[u.k - 1] in ("-", "‐") and v.words[u.k - 2] in v.t.party_letters \
            and not v.spaces[u.k - 2] and not v.spaces[u.k - 1]:
        return Found(u.k, u.m, "GPE", True)
    return None


def _after_title(v: View, u: Unknown) -> Found | None:
    """A name after a title or role noun is a person: "Senator Brack", "spokesman Tom Lind"
    (but not one with a head noun: "Major League Varnball")."""
    if any(w in v.t.head_label or w.title() in v.t.head_label for w in v.words[u.k:u.m]):
        return None
    if u.after_title or v.prev_word(u.k).lower() in v.t.role_nouns:
        return Found(u.k, u.m, "PERSON", True)
    return None


def _role_apposition(v: View, u: Unknown) -> Found | None:
    """A name with a role in apposition is a person: "Mark Young, an analyst at ...", "Varnek,
    the company's chief executive, ..."."""
    if u.nxt != "," or v.prev_word(u.k).lower() in ("at", "in", "for", "from", "with", "of"):
        return None  # "At Zorvex, the company's chief executive said": the firm
    k, seen = u.m + 1, 0
    while k < v.n and seen < MAX_APPOSITION:
        w = v.words[k]
        k += 1
        if w.isspace():
            continue
        if not w.isalpha() and w not in ("'s", "’s"):
            return None
        seen += 1
        if w.islower() and w in v.t.role_nouns:
            return Found(u.k, u.m, "PERSON", True)
        if seen == 1 and w not in APPOSITION_STARTS:
            return None  # "Varnek, including actor ...": a list, not an apposition
    return None


def _age_apposition(v: View, u: Unknown) -> Found | None:
    """A name with an age in apposition is a person: "Varnek, 45, a carpenter"."""
    if u.nxt != ",":
        return None
    after = [w for w in v.words[u.m + 1:u.m + 5] if not w.isspace()][:2]
    if len(after) == 2 and after[0].isdigit() and len(after[0]) <= 3 and after[1] == ",":
        return Found(u.k, u.m, "PERSON", True)
    return None


def _after_reporting_verb(v: View, u: Unknown) -> Found | None:
    """An unknown word right after "said" and before a comma or full stop is who said it:
    "'We will win,' said Varnek." (a guess: it may be a company)."""
    if v.prev_word(u.k).lower() in v.t.reporting_verbs and u.nxt in (",", ".", ";", ""):
        return Found(u.k, u.m, "PERSON", False)
    return None


# -- one word --------------------------------------------------------------------------------


def _lone_letter(v: View, u: Unknown) -> Found | None:
    """A lone letter, an initial or a compass word is no name: "B", "J.", "the North"."""
    w = u.word
    if len(w) == 1 or (len(w) == 2 and w[1] == ".") or w in v.t.compass:
        return Found(u.k, u.m, "", False)
    return None


def _acronym(v: View, u: Unknown) -> Found | None:
    """An acronym is an organisation ("ZBRA"), unless it is a country code or a shouted word
    ("UNLESS" in a line in capitals)."""
    w, t = u.word, v.t
    if not (w.isupper() and 2 <= len(w) <= 6 and w.isalpha()):
        return None
    if w in t.acronym_stop or (len(w) > 3 and w.lower() in t.common):
        return Found(u.k, u.m, "", False)
    return Found(u.k, u.m, "ORG", True)


def _model_number(v: View, u: Unknown) -> Found | None:
    """A name before a number is a product: "Explorer 9", "Zorvex 3" (but not a score)."""
    if u.nxt[:1].isdigit() and v.spaces[u.m - 1] and not v.score_near(u.k, u.m) \
            and (u.m - u.k > 1 or u.word.lower() not in v.t.common) \
            and not (u.m - u.k > 1 and v.words[u.m - 1] in v.t.surnames):  # "Anna Ahmed 44"
        return Found(u.k, u.m, "PRODUCT", False)
    return None


def _common_word(v: View, u: Unknown) -> Found | None:
    """A common word alone is a word, or a title of a work: "Flags", "Internet"."""
    if u.word.lower() in v.t.common:
        return Found(u.k, u.m, "", False)
    return None


def _one_word_guess(v: View, u: Unknown) -> str:
    """Alone, a word from the name lists is as often a company ("Siemens", "Apple")."""
    return "PERSON" if u.word in v.t.surnames or u.word in v.t.first_names else "ORG"


def _who_follows(v: View, u: Unknown) -> Found | None:
    """ "Varnek who ..." and "Varnek, who ...": a person."""
    if u.nxt == "who" or (u.nxt == "," and v.next_word(u.m + 1) == "who"):
        return Found(u.k, u.m, "PERSON", False)
    return None


def _acts(v: View, u: Unknown) -> Found | None:
    """An unknown word that acts is a name: "Zorvexa has been studying ..."."""
    if u.nxt in v.t.person_cues or v.next_word(u.m) in v.t.subject_verbs:
        return Found(u.k, u.m, _one_word_guess(v, u), False)
    return None


def _recurs(v: View, u: Unknown) -> Found | None:
    """An unknown word seen once may be anything (a product, a username, a word in another
    language); one that recurs is a name: "Quorly ... Quorly"."""
    return Found(u.k, u.m, "", False, fallback=_one_word_guess(v, u))


ONE_WORD: tuple[Rule, ...] = (
    _party_state, _after_title, _lone_letter, _acronym, _model_number, _role_apposition,
    _age_apposition, _common_word, _who_follows, _after_reporting_verb, _acts, _recurs,
)
"""Rules for a one-word unknown name, in order; the last always answers."""


# -- several words ---------------------------------------------------------------------------


def _given_name(v: View, u: Unknown) -> Found | None:
    """A given name first, a person cue after, or an East Asian family name first make a
    person: "Anna Varnek", "Wang Lihua" (but not "Golden State Warriors")."""
    words, t, k, m = v.words, v.t, u.k, u.m
    w, second, last = u.word, words[k + 1], words[m - 1]
    thing = m - k >= 3 and last not in t.surnames and last[1:].islower() \
        and last.endswith("s") and (last.lower() in t.common or w.lower() in t.common)
    given = w in t.first_names or (w in t.given_places and (  # "Regina Ip", not "X Soup"
        len(last) <= 3 or last.lower() not in t.common or last in t.surnames))
    if (given and not thing) or \
            (w in t.surname_first and (second.lower() not in t.common
                                      or (k + 2 < m and words[k + 2] in HYPHENS))):
        return Found(k, m, "PERSON", True)
    if u.nxt in t.person_cues:  # "Quill Ostmark said": a person, unless "... said it" says not
        return Found(k, m, "PERSON", False)
    return None


def _with_acronym(v: View, u: Unknown) -> Found | None:
    """A name with an acronym in it is an organisation if it recurs: "ZB Varnek" (an initial is
    no acronym: "J. Varnek")."""
    if any(x.isupper() and len(x) > 1 and not _initial(x) for x in _caps(v, u)):
        return Found(u.k, u.m, "", False, fallback="ORG")
    return None


def _ends_in_surname(v: View, u: Unknown) -> Found | None:
    """Up to three capitalised words ending in a surname: probably a person ("Quill Jones")."""
    if v.words[u.m - 1] in v.t.surnames and len(_caps(v, u)) <= 3:
        return Found(u.k, u.m, "PERSON", False)
    return None


def _title_case_words(v: View, u: Unknown) -> Found | None:
    """Words in title case ("Blue Anchor", "Easy Rider") are a name only if they recur."""
    if any(x.lower() in v.t.common for x in _caps(v, u)):
        return Found(u.k, u.m, "", False, fallback="ORG")
    return None


def _person(v: View, u: Unknown) -> Found | None:
    """Otherwise unknown capitalised words are a person's name: "Varnek Oslund"."""
    return Found(u.k, u.m, "PERSON", False)


def _initial(word: str) -> bool:
    """ "J." or "M.": an initial, not an acronym."""
    return len(word) == 2 and word[1] == "."


def _caps(v: View, u: Unknown) -> list[str]:
    """The capitalised words of the name (not "da", "-", "bin")."""
    return [x for x in v.words[u.k:u.m] if x[:1].isupper()]


MANY_WORDS: tuple[Rule, ...] = (
    _party_state, _after_title, _given_name, _model_number, _role_apposition, _age_apposition,
    _with_acronym, _ends_in_surname, _title_case_words, _person,
)
"""Rules for an unknown name of several tokens, in order; the last always answers."""


def guess(v: View, k: int, m: int, after_title: bool) -> Found:
    """Label the unknown name ``[k, m)`` by the first rule that answers."""
    u = Unknown(k, m, after_title, v.words[k], v.words[m] if m < v.n else "")
    for rule in ONE_WORD if m - k == 1 else MANY_WORDS:
        found = rule(v, u)
        if found is not None:
            return found
    raise AssertionError("the last rule always answers")  # pragma: no cover
