"""The recogniser's knowledge, precompiled once from the data files into sets and dicts.

Every word list lives in ``tui/analysis/data`` (``ner_rules.json``, ``gazetteer.json``,
``lexicon.json``; see :mod:`tui.analysis.lexicon`); this module only indexes them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from tui.analysis.lexicon import gazetteer, lexicon

CITY = "city"
"""Gazetteer label of a city or province (not a country, capital or US state): a GPE, but one
that people and things are also named after ("Vladimir", "Lincoln")."""


@dataclass(frozen=True, slots=True)
class Tables:
    """Every list the recogniser uses, precompiled into sets and dicts (built once)."""

    names: dict[str, str]
    """Surface form -> label for known names (places, organisations, groups), case-sensitive."""
    first_words: frozenset[str]
    """First whitespace-separated word of every multi-word known name: a cheap pre-check."""
    max_tokens: int
    """Most tokens a known name is tried with (a few more than its words: "Sub-Saharan")."""
    first_names: frozenset[str]
    surnames: frozenset[str]
    surname_first: frozenset[str]
    """East Asian family names, written first ("Wang Lihua", "Park Min-jun")."""
    common: frozenset[str]
    titles: frozenset[str]
    """Lower-case titles and roles, single or multi-word ("president", "prime minister")."""
    max_title_words: int
    role_nouns: frozenset[str]
    head_label: dict[str, str]
    """Last word of a name -> the label it implies: "University" -> ORG, "River" -> LOC."""
    prefix_heads: dict[str, str]
    """First word implying a label: "Mount" -> LOC, "Lake" -> LOC."""
    field_nouns: frozenset[str]
    connectors: frozenset[str]
    particles: frozenset[str]
    never: frozenset[str]
    """Weekdays, months and other capitalised non-names."""
    calendar: frozenset[str]
    """Weekdays and months."""
    acronym_stop: frozenset[str]
    languages: frozenset[str]
    language_cues: frozenset[str]
    person_cues: frozenset[str]
    subject_verbs: frozenset[str]
    work_cues: frozenset[str]
    sports_words: frozenset[str]
    team_verbs: frozenset[str]
    roman: frozenset[str]
    """Roman numerals, kept inside a name after a capitalised word ("World War II")."""
    given_places: frozenset[str]
    """Towns named like people ("Elizabeth", "Florence"): given names, if a surname follows."""
    of_stems: frozenset[str]
    """What comes before the first "of" or "and" in known names ("Horn" of "Horn of Africa",
    "Bosnia" of "Bosnia and Herzegovina")."""
    function_words: frozenset[str]
    """Lower case; capitalised, they start a sentence or a headline word, never continue a name."""
    compass: frozenset[str]
    """Before a place they make a region: "Southern Indiana" is a LOC."""
    affixes: frozenset[str]
    """Lower-case words glued after a name that do not continue it ("Smith-era")."""
    field_suffixes: tuple[str, ...]
    """Endings of the names of fields of study ("Seismology", "Economics")."""
    place_nouns: dict[str, str]
    """Lower-case nouns that make an unknown name a place: "the town of X", "the X region"."""
    orgs_after_the: frozenset[str]
    """After "the", a party or a house of parliament (ORG): "the Communists", "the House"."""
    org_cues_before: frozenset[tuple[str, ...]]
    """Lower-case words right before a name that make it an organisation: ("shares", "of")."""
    max_cue_words: int
    org_possessions: frozenset[tuple[str, ...]]
    """Lower-case words after "X's" that make X an organisation: ("chief", "executive")."""
    company_heads: frozenset[str]
    """Last words of a company's full name: legal forms ("Inc.", "plc") and "Group", "Motors"."""
    share_moves: frozenset[str]
    """ "X shares rose": verbs after "shares" or "stock" that make X a company."""
    org_pronouns: frozenset[str]
    person_pronouns: frozenset[str]


@lru_cache(maxsize=1)
def tables() -> Tables:
    """Precompile the gazetteers and rules (about 0.1 s, once per process)."""
    gaz = gazetteer()
    lex = lexicon()
    rules = gaz.rules
    names: dict[str, str] = {}
    demonyms: set[str] = set()
    for dem in lex.demonyms:
        title = " ".join(w[:1].upper() + w[1:] for w in dem.split())
        demonyms.update({title, title + "s"} if title[-1] in "ni" else {title})
    demonyms.update(rules["norp"])
    demonyms.update(gaz.demonyms)
    # Later updates win: lowest-priority sources first.
    names.update(gaz.places)
    # A demonym that is also a country ("New Zealand") stays a country.
    names.update({d: "NORP" for d in demonyms if gaz.places.get(d, CITY) == CITY})
    names.update({p: "GPE" for p in rules["extra_gpes"]})
    names.update({p: "GPE" for p in rules["gpe_codes"]})
    names.update({p: "LOC" for p in rules["known_locs"]})
    names.update({p: "ORG" for p in rules["known_orgs"]})
    for word in rules["months"] + rules["weekdays"]:
        names.pop(word, None)
    compass = frozenset(rules["compass"])
    for word in compass:  # "Southern" is a province somewhere, but mostly an adjective
        if names.get(word) in (CITY, "GPE", "NORP"):
            names.pop(word)
    multi = [n for n in names if " " in n]
    head_label: dict[str, str] = {}
    for key, label in (("gpe_heads", "GPE"), ("event_heads", "EVENT"), ("law_heads", "LAW"),
                       ("loc_heads", "LOC"), ("fac_heads", "FAC"), ("org_heads", "ORG")):
        head_label.update({w: label for w in rules[key]})
    return Tables(
        names=names,
        first_words=frozenset(n.split()[0] for n in multi)
        | frozenset(re.split("['’]s", n)[0] for n in names if "'s" in n or "’s" in n),
        max_tokens=max((n.count(" ") + 1 for n in multi), default=1) + 2,
        first_names=gaz.first_names - names.keys(),
        surnames=gaz.surnames | frozenset(rules["surname_first"]),
        surname_first=frozenset(rules["surname_first"]),
        common=gaz.common | STOP_WORDS,
        titles=lex.titles,
        max_title_words=max((len(x.split()) for x in lex.titles), default=1),
        role_nouns=frozenset(rules["role_nouns"]) | lex.titles,
        head_label=head_label,
        prefix_heads=dict(rules["prefix_heads"]),
        field_nouns=frozenset(rules["field_nouns"]),
        connectors=frozenset(rules["org_connectors"]),
        particles=frozenset(rules["name_particles"]),
        never=frozenset(rules["months"] + rules["weekdays"] + rules["not_names"]),
        calendar=frozenset(rules["months"] + rules["weekdays"]),
        acronym_stop=frozenset(gaz.country_codes) | frozenset(rules["not_names"]),
        languages=frozenset(rules["languages"]),
        language_cues=frozenset(rules["language_cues"]),
        person_cues=frozenset(rules["person_cues_after"]),
        subject_verbs=frozenset(rules["subject_verbs"]),
        work_cues=frozenset(rules["work_cues"]),
        sports_words=frozenset(rules["sports_words"]),
        team_verbs=frozenset(rules["team_verbs"]),
        roman=frozenset(rules["roman_numerals"]),
        given_places=frozenset(n for n in gaz.first_names if names.get(n) == CITY),
        of_stems=frozenset(re.split(" (?:of|and) ", n)[0] for n in multi
                           if " of " in n or " and " in n),
        function_words=frozenset(rules["function_words"]),
        compass=compass,
        affixes=frozenset(rules["name_affixes"]),
        field_suffixes=tuple(rules["field_suffixes"]),
        place_nouns=dict(rules["place_nouns"]),
        orgs_after_the=frozenset(rules["orgs_after_the"]),
        org_cues_before=frozenset(tuple(c.split()) for c in rules["org_cues_before"]),
        max_cue_words=max(len(c.split())
                          for c in rules["org_cues_before"] + rules["org_possessions"]),
        org_possessions=frozenset(tuple(c.split()) for c in rules["org_possessions"]),
        company_heads=frozenset(rules["company_heads"]) | frozenset(
            form for s in lex.legal_suffixes for form in (s, s + ".", s.title(), s.title() + ".",
                                                          s.upper(), s.upper() + ".")),
        share_moves=frozenset(rules["share_moves"]),
        org_pronouns=frozenset(rules["org_pronouns"]),
        person_pronouns=frozenset(rules["person_pronouns"]),
    )

