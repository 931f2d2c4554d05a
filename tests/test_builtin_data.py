"""The committed data behind the built-in pipeline: shapes, sizes and a few invariants."""

from __future__ import annotations

from tui.analysis.builtin.ner import CITY, tables
from tui.analysis.lexicon import gazetteer, lexicon

LABELS = {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW",
          "LANGUAGE", CITY}


def test_lexicon_keeps_its_contract() -> None:
    lex = lexicon()
    assert "president" in lex.titles and "prime minister" in lex.titles
    assert lex.demonyms["russian"] == "Russia"
    assert lex.countries["russia"] == "Russia"
    assert lex.countries["the us"] == "United States"
    assert lex.metonyms["kremlin"] == "Russia"
    assert {"said", "told", "warned"} <= lex.reporting_verbs
    assert all(k == k.lower() for k in lex.demonyms)
    assert all(k == k.lower() for k in lex.countries)


def test_gazetteer_is_large_enough_to_be_useful() -> None:
    gaz = gazetteer()
    assert len(gaz.places) > 20_000
    assert len(gaz.first_names) > 4_000
    assert len(gaz.surnames) > 20_000
    assert len(gaz.common) > 30_000
    assert {"US", "GB", "FRA"} <= gaz.country_codes
    assert set(gaz.places.values()) <= {"GPE", "LOC", CITY}


def test_common_words_are_lower_case_and_exclude_names() -> None:
    gaz = gazetteer()
    assert {"trade", "categorized", "despite"} <= gaz.common
    assert "gazprom" not in gaz.common
    assert all(w == w.lower() for w in list(gaz.common)[:2000])


def test_compiled_tables_never_name_weekdays_or_months() -> None:
    t = tables()
    for word in ("Monday", "Friday", "January", "May", "August"):
        assert word not in t.names
        assert word in t.never
    assert set(t.names.values()) <= LABELS


def test_places_beat_given_names() -> None:
    t = tables()
    for place in ("India", "Georgia", "Asia"):
        assert place in t.names
        assert place not in t.first_names


def test_minor_places_named_like_frequent_words_are_left_out() -> None:
    places = gazetteer().places
    for word in ("Enterprise", "Delta", "Union", "God", "Metro"):
        assert word not in places
    for city in ("Chicago", "Phoenix", "Geneva", "Samarkand"):
        assert places.get(city) in ("GPE", CITY)
