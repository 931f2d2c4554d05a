"""Repairs of name spans before they become actors: an ordered registry of small rules.

Any name-finder (the built-in rules or a trained model) makes spans that are no actor: a lone
title ("Emeritus"), a lone numeral ("XVII"), a name cut at a hyphen ("Council on American" from
"Council on American - Islamic Relations"), a descriptor glued to a person ("Scientologist Tom
Cruise" as an organisation), an organisation that runs into the next person's name. Each rule
sees one span and returns ``None`` (does not apply), ``[]`` (drop it) or the spans to use instead.
The first rule that applies wins.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from tui.analysis.actors.names import (
    WORD,
    clean,
    is_descriptor,
    is_roman_numeral,
    is_title,
)
from tui.analysis.lexicon import gazetteer, lexicon
from tui.analysis.model import Entity

_HYPHEN_CUT = re.compile(r"[-‐‑][A-Z]|\s[-‐‑]\s[A-Z]")
_CAPS_RUN = re.compile(r"\s?[-‐‑]\s?[A-Z][\w'’]*(?:\s+(?:(?:of|and|for|the)\s+)*[A-Z][\w'’]*)*")
"""The rest of a cut name: the hyphen, then capitalised words (with "of", "and" ... between)."""
_CONNECTORS = frozenset({"on", "of", "for", "and", "against", "in"})


@dataclass(frozen=True, slots=True)
class Repair:
    """One named rule: what it fixes, with an example, and the function that fixes it."""

    name: str
    example: str
    apply: Callable[[str, Entity], list[Entity] | None]


def _words(ent: Entity) -> list[str]:
    return WORD.findall(clean(ent.text))


def _lone_title(text: str, ent: Entity) -> list[Entity] | None:
    """A title or honorific alone names nobody."""
    words = _words(ent)
    return [] if len(words) == 1 and is_title(words[0]) else None


def _lone_numeral(text: str, ent: Entity) -> list[Entity] | None:
    """A regnal numeral alone (the NER split it from its king) names nobody."""
    name = clean(ent.text).rstrip(".")
    return [] if is_roman_numeral(name) or name.isdigit() else None


def _hyphen_cut(text: str, ent: Entity) -> list[Entity] | None:
    """A name that stops at a hyphen before a capital, ending in an adjective after a connector
    ("Council on American" before "- Islamic Relations"), was cut: mend it up to the end of the
    capitalised words. ("Xi-Putin meeting" is two names, and stays so.)"""
    if not _HYPHEN_CUT.match(text, ent.end):
        return None
    words = ent.text.split()
    lex, gaz = lexicon(), gazetteer()
    last = words[-1] if words else ""
    adjective = last.lower() in lex.demonyms or last in gaz.demonyms or last in gaz.rules["norp"]
    if not (adjective and len(words) >= 2 and words[-2].lower() in _CONNECTORS):
        return None
    m = _CAPS_RUN.match(text, ent.end)
    if m is None:
        return None
    mended = Entity(ent.start, m.end(), text[ent.start:m.end()], ent.label)
    return _org_then_person(text, mended) or [mended]  # "... Relations Alia Salem said"


def _descriptor_then_person(text: str, ent: Entity) -> list[Entity] | None:
    """ "Scientologist Tom Cruise", "striker Ana Lopez": the words after a descriptor are the
    person, when a given name follows it (whatever label the span had)."""
    words = ent.text.split()
    if len(words) < 3 or not is_descriptor(words[0]) or is_title(words[0]):
        return None
    if words[1] not in gazetteer().first_names or not all(w[:1].isupper() for w in words[1:]):
        return None
    start = ent.start + ent.text.index(words[1], len(words[0]))
    return [Entity(start, ent.end, text[start:ent.end], "PERSON")]


def _split_at(text: str, ent: Entity, k: int, skip: int, head: str) -> list[Entity]:
    """``ent`` cut before its ``k``-th word: the head part labelled ``head``, the person from
    word ``k + skip`` on (``skip`` titles between them are left out)."""
    spans = [(m.start(), m.end()) for m in re.finditer(r"\S+", ent.text)]
    cut = ent.start + spans[k - 1][1]
    start = ent.start + spans[k + skip][0]
    while text[cut - 1] == ",":
        cut -= 1
    return [Entity(ent.start, cut, text[ent.start:cut], head),
            Entity(start, ent.end, text[start:ent.end], "PERSON")]


def _person_tail(words: list[str], k: int) -> bool:
    """Words ``k`` on are a person: a given name that is no descriptor ("Muslim"), a surname,
    and between them at most a second given name or an initial ("Ann F. Bell"); no word an
    organisation's head noun. ("Texas Arlington Amneh Jafari" has no such tail.)"""
    gaz = gazetteer()
    tail = words[k:]
    if not 2 <= len(tail) <= 3 or tail[0] not in gaz.first_names or is_descriptor(tail[0]):
        return False
    if len(tail) == 3 and not (tail[1] in gaz.first_names or re.fullmatch(r"[A-Z]\.", tail[1])):
        return False
    return all(w[:1].isupper() for w in tail) and not set(tail) & _org_heads()


@lru_cache(maxsize=1)
def _org_heads() -> frozenset[str]:
    return frozenset(gazetteer().rules["org_heads"])


def _org_then_person(text: str, ent: Entity) -> list[Entity] | None:
    """ "Harlow Logistics Inc. Maria Keller", "University of Oslo Professor Ann Bell", "Council
    on Foreign Relations Ana Lopez": an organisation's name (ending in a head noun or company
    form, or made of a head noun and a connector) or a title, then a given name and a surname:
    the organisation and the person are two names."""
    if ent.label != "ORG":
        return None
    gaz, lex = gazetteer(), lexicon()
    heads = {w.lower() for w in gaz.rules["org_heads"]} | set(lex.legal_suffixes)
    words = ent.text.split()
    for k in range(1, len(words) - 1):
        before = [w.lower().rstrip(".,") for w in words[:k]]
        if _person_tail(words, k) and (before[-1] in heads or (
                k >= 3 and set(before[1:]) & _CONNECTORS and set(before) & heads)):
            return _split_at(text, ent, k, 0, "ORG")
        if is_title(words[k]) and words[k][:1].isupper() and _person_tail(words, k + 1):
            return _split_at(text, ent, k, 1, "ORG")
    return None


def _name_then_person(text: str, ent: Entity) -> list[Entity] | None:
    """ "Goldman Sachs Jim Wong" as one person: a name that starts with no given name, and a
    given name and a surname after two words or more, is an organisation and then a person."""
    words = ent.text.split()
    if ent.label != "PERSON" or len(words) < 4 or words[0] in gazetteer().first_names:
        return None
    for k in range(2, len(words) - 1):
        if _person_tail(words, k) and not any(is_title(w) for w in words[:k]):
            return _split_at(text, ent, k, 0, "ORG")
    return None


REPAIRS: tuple[Repair, ...] = (
    Repair("lone title", '"Emeritus", "Doctor"', _lone_title),
    Repair("lone numeral", '"XVII" cut from "Louis XVII"', _lone_numeral),
    Repair("hyphen cut", '"Council on American" -> "Council on American - Islamic Relations"',
           _hyphen_cut),
    Repair("descriptor then person", '"Scientologist Tom Cruise" -> PERSON "Tom Cruise"',
           _descriptor_then_person),
    Repair("organisation then person", '"Acme Inc. Maria Keller" -> ORG + PERSON',
           _org_then_person),
    Repair("name then person", '"Goldman Sachs Jim Wong" -> ORG + PERSON', _name_then_person),
)


def repair_names(text: str, names: Sequence[Entity]) -> list[Entity]:
    """``names`` with every :data:`REPAIRS` rule applied, in text order, without overlaps (a
    mended span drops the spans it now covers)."""
    out: list[Entity] = []
    for ent in sorted(names, key=lambda e: (e.start, -e.end)):
        if out and ent.start < out[-1].end:
            continue  # inside a span mended before it
        fixed: list[Entity] | None = None
        for rule in REPAIRS:
            fixed = rule.apply(text, ent)
            if fixed is not None:
                break
        out.extend([ent] if fixed is None else fixed)
    return out
