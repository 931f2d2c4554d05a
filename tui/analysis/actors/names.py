"""Names as the actors layer sees them: a mention cleaned to a name, and the descriptors before it.

A name-finder's span can carry words that are not the name ("Scientologist Tom Cruise", "striker
Ana Lopez", "President Anna Berg"); the actor's name leaves them out, whichever NER produced it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from tui.analysis.lexicon import gazetteer, lexicon

POSSESSIVE = re.compile(r"['’]s?$")
WORD = re.compile(r"[^\W\d_][\w.'’-]*")
DESCRIPTOR_SUFFIXES = ("ist", "ists", "ite", "ites")
"""Endings of a word for a follower or an adherent ("Scientologist", "Trotskyite")."""
ROMAN = re.compile(r"^(?:X{0,3})(?:IX|IV|V?I{0,3})$")
"""A regnal or sequel numeral up to XXXIX ("XVII"); alone it is no actor."""


@lru_cache(maxsize=4096)
def clean(text: str) -> str:
    """A mention as a name: no leading "the", no possessive, single spaces, tight hyphens
    (cached: every step of the actors layer asks it of the same mentions)."""
    text = " ".join(text.split()).replace(" - ", "-")
    if text[:4].lower() == "the ":
        text = text[4:]
    return POSSESSIVE.sub("", text) if text.endswith(("'s", "’s", "s'", "s’")) else text


@lru_cache(maxsize=1)
def _descriptor_words() -> frozenset[str]:
    """Lower-case words that describe a person before the name: demonyms, creeds and parties,
    occupations ("Russian", "Democrat", "striker")."""
    gaz, lex = gazetteer(), lexicon()
    words = {w.lower() for w in gaz.rules["norp"]} | {w.lower() for w in gaz.demonyms}
    words |= set(lex.demonyms) | {w.lower() for w in gaz.rules["role_nouns"]}
    return frozenset(words)


@lru_cache(maxsize=1)
def _institution_words() -> frozenset[str]:
    """Nouns for an organisation or a polity ("council", "state"): before a person's name they
    are left over from a title ("Secretary of State Ann Bell", "City Council John Smith")."""
    gpe_heads = {w.lower() for w in gazetteer().rules["gpe_heads"]}
    return frozenset(lexicon().org_nouns | gpe_heads)


def is_title(word: str) -> bool:
    """A title, honorific or role noun ("President", "Dr.", "Emeritus")."""
    return word.lower().rstrip(".") in lexicon().titles


def is_descriptor(word: str) -> bool:
    """A word before a name that says what the person is, not who ("Scientologist", "Democrat",
    "striker", "Council" member, "of State"); a given name never is ("Christian Bale")."""
    w = word.lower()
    if w in _institution_words():
        return True
    if word in gazetteer().first_names:
        return False
    return w in _descriptor_words() or (w.endswith(DESCRIPTOR_SUFFIXES) and word[:1].isupper()
                                        and len(w) > 6)


def strip_descriptors(words: list[str]) -> list[str]:
    """Drop leading titles and descriptors from a person's name ("Professor Emeritus John Hale"
    -> "John Hale"); the last word always stays."""
    out = list(words)
    while len(out) > 1 and (is_title(out[0]) or is_descriptor(out[0])):
        out.pop(0)
    return out


def is_roman_numeral(word: str) -> bool:
    """ "XVII", "IV" (two letters at least: "X" and "I" are words of their own)."""
    return len(word) >= 2 and bool(ROMAN.match(word))


def org_key(name: str) -> str:
    """A name's key without a trailing company form: "Acme Foods Inc." joins "Acme Foods"."""
    words = name.lower().replace(",", " ").split()
    suffixes = lexicon().legal_suffixes
    while len(words) > 1 and words[-1].rstrip(".") in suffixes:
        words.pop()
    return " ".join(words)
