"""The word sets of speaker phrases, built once from the data files: titles (``lexicon.json``),
role nouns, name particles, months (``ner_rules.json``), speaker nouns, honorifics, title
modifiers and small grammatical lists (``claims.json``)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from tui.analysis.claims.cues import cue_lexicon
from tui.analysis.lexicon import claims_data, gazetteer, lexicon


@dataclass(frozen=True, slots=True)
class SpeakerLexicon:
    """Word sets for speaker phrases (lower-case)."""

    titles: frozenset[str]
    """Head words of titles ("home secretary" -> "secretary") and title modifiers ("deputy")."""
    abbrev_titles: frozenset[str]
    """Titles written with a full stop ("dr", "sen", "gov"), without it."""
    honorifics: frozenset[str]
    roles: frozenset[str]
    """Nouns that can head a speaker phrase: role nouns and their plurals, speaker nouns."""
    kinds: dict[str, str]
    """Speaker noun -> person, group, organization or document."""
    particles: frozenset[str]
    cap_stop: frozenset[str]
    org_words: frozenset[str]
    org_start: frozenset[str]
    determiners: frozenset[str]
    prepositions: frozenset[str]
    pronouns: frozenset[str]
    person_pronouns: frozenset[str]
    skip_before_cue: frozenset[str]
    object_pronouns: frozenset[str]
    told_objects: frozenset[str]
    adverbials: frozenset[str]
    clause_words: frozenset[str]
    gendered: dict[str, str]
    """Gendered title or role word -> "male"/"female"."""
    cues: frozenset[str]
    title_abbreviations: dict[str, str]
    """"sen" -> "senator": an abbreviated title before a name, spelt out."""


def _plural(w: str) -> str:
    if w.endswith(("s", "sh", "ch", "x")):
        return w + "es"
    if w.endswith("y") and w[-2:-1] not in "aeiou":
        return w[:-1] + "ies"
    if w.endswith("man"):
        return w[:-3] + "men"
    return w + "s"


@lru_cache(maxsize=1)
def speaker_lexicon() -> SpeakerLexicon:
    """The speaker word sets, built once from the data files."""
    data = claims_data()
    rules = gazetteer().rules
    lex_titles = lexicon().titles
    titles = frozenset(t.lower().split()[-1].rstrip(".") for t in lex_titles if t.strip())
    fields = frozenset(w.lower() for w in rules["field_nouns"] if " " not in w)
    titles = (titles | frozenset(data["title_modifiers"]) | fields) - frozenset(
        "of the and for state staff".split()
    )
    particles = frozenset(p.rstrip(".") for p in rules["name_particles"])
    abbrev = frozenset(t[:-1] for t in lex_titles if t.endswith(".") and " " not in t)
    abbrev |= frozenset(p.rstrip(".") for p in rules["name_particles"] if p.endswith("."))
    kinds: dict[str, str] = {}
    for kind, nouns in data["speaker_nouns"].items():
        if kind.startswith("_"):
            continue
        for n in nouns:
            kinds.setdefault(n, kind)
            if kind != "group":
                kinds.setdefault(_plural(n), "group")
    role_nouns = frozenset(rules["role_nouns"])
    roles = role_nouns | frozenset(_plural(r) for r in role_nouns) | frozenset(kinds)
    months = frozenset(w.lower().rstrip(".") for w in [*rules["months"], *rules["weekdays"]])
    gendered = {w.lower(): g for g, ws in data["gendered_titles"].items() for w in ws}
    pron = data["pronouns"]
    return SpeakerLexicon(
        titles=titles,
        abbrev_titles=abbrev,
        honorifics=frozenset(data["honorifics"]),
        roles=roles,
        kinds=kinds,
        particles=particles,
        cap_stop=frozenset(data["cap_stop"]) | months | frozenset(rules["function_words"]),
        org_words=frozenset(data["org_words"])
        | frozenset(w.lower() for k in ("org_heads", "loc_heads", "gpe_heads") for w in rules[k]),
        org_start=frozenset(data["org_start"]),
        determiners=frozenset(data["determiners"]),
        prepositions=frozenset(data["prepositions"]),
        pronouns=frozenset(p for ps in pron.values() for p in ps),
        person_pronouns=frozenset(pron["person"]),
        skip_before_cue=frozenset(data["skip_before_cue"]),
        object_pronouns=frozenset(data["object_pronouns"]),
        told_objects=frozenset(data["told_objects"]),
        adverbials=frozenset(data["attribution_adverbials"]) | months,
        clause_words=frozenset(data["clause_words"]),
        gendered=gendered,
        cues=frozenset(cue_lexicon().forms),
        title_abbreviations=dict(data["title_abbreviations"]),
    )
