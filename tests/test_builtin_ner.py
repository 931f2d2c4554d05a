"""The built-in named-entity pipeline, rule by rule, on small invented sentences."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language

from tui.analysis.builtin import build_builtin


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_builtin()


def ents(nlp: Language, text: str) -> dict[str, str]:
    """Entity text -> label (the last label wins if a text occurs twice)."""
    return {e.text: e.label_ for e in nlp(text).ents}


def test_build_returns_language_with_components(nlp: Language) -> None:
    assert nlp.pipe_names == ["sentencizer", "newsreader_ner"]
    assert nlp.meta["name"] == "newsreader_builtin"
    assert nlp("").ents == ()


def test_gazetteer_beats_first_names(nlp: Language) -> None:
    found = ents(nlp, "Talks between India and Georgia resumed, officials from Jordan said.")
    assert found["India"] == "GPE"
    assert found["Georgia"] == "GPE"
    assert found["Jordan"] == "GPE"


def test_country_codes_are_case_sensitive(nlp: Language) -> None:
    found = ents(nlp, "The US will send aid, and the rest of us will wait.")
    assert found == {"US": "GPE"}


def test_first_name_makes_a_person(nlp: Language) -> None:
    found = ents(nlp, "The company hired Margaret Oyelaran-Smith last year.")
    assert found["Margaret Oyelaran-Smith"] == "PERSON"


def test_title_is_left_out_of_the_person(nlp: Language) -> None:
    found = ents(nlp, "The talks were led by President Tomasz Wrzeszcz and Dr. Lindqvar.")
    assert found["Tomasz Wrzeszcz"] == "PERSON"
    assert found["Lindqvar"] == "PERSON"
    assert "President" not in " ".join(found)


def test_demonym_title_and_name(nlp: Language) -> None:
    found = ents(nlp, "He met Brazilian President Otavio Quarenta in the capital.")
    assert found == {"Brazilian": "NORP", "Otavio Quarenta": "PERSON"}


def test_organisation_head_nouns(nlp: Language) -> None:
    found = ents(nlp, "Analysts at the Halvorsen Institute and the Green Valley Party agreed.")
    assert found["Halvorsen Institute"] == "ORG"
    assert found["Green Valley Party"] == "ORG"


def test_organisation_of_phrase(nlp: Language) -> None:
    text = ("She teaches at the University of Western Patagonia and the Brisbane School of "
            "Tropical and Marine Studies.")
    found = ents(nlp, text)
    assert found["University of Western Patagonia"] == "ORG"
    assert found["Brisbane School of Tropical and Marine Studies"] == "ORG"


def test_company_suffix(nlp: Language) -> None:
    assert ents(nlp, "Shares of Quorvex Inc. fell.")["Quorvex Inc."] == "ORG"


def test_acronym_is_org_but_not_country_code(nlp: Language) -> None:
    found = ents(nlp, "The report by the WTFQ was sent to the UK and the UAE.")
    assert found["WTFQ"] == "ORG"
    assert found["UK"] == "GPE"
    assert found["UAE"] == "GPE"


def test_places_and_regions(nlp: Language) -> None:
    found = ents(nlp, "Flights from Texas to Nairobi cross the Middle East and Central Asia.")
    assert found["Texas"] == "GPE"
    assert found["Nairobi"] == "GPE"
    assert found["Middle East"] == "LOC"
    assert found["Central Asia"] == "LOC"


def test_groups_are_norp(nlp: Language) -> None:
    found = ents(nlp, "Russian and Kenyan officials met Muslim and Republican leaders.")
    assert found["Russian"] == "NORP"
    assert found["Kenyan"] == "NORP"
    assert found["Muslim"] == "NORP"
    assert found["Republican"] == "NORP"


def test_language_after_a_cue(nlp: Language) -> None:
    found = ents(nlp, "The statement was published in French.")
    assert found["French"] == "LANGUAGE"


def test_sentence_initial_common_words_are_not_names(nlp: Language) -> None:
    text = "Trade fell sharply. Categorized in: Economy. The talks ended. Monday was quiet."
    assert ents(nlp, text) == {}


def test_weekdays_and_months_are_never_names(nlp: Language) -> None:
    assert ents(nlp, "Voting began on Tuesday, 4 March, and ended in May.") == {}


def test_surname_alone_after_full_name(nlp: Language) -> None:
    text = "Ingrid Valtonen-Oyelaran spoke first. Later, Valtonen-Oyelaran left."
    doc = nlp(text)
    labels = [(e.text, e.label_) for e in doc.ents]
    assert labels == [("Ingrid Valtonen-Oyelaran", "PERSON"), ("Valtonen-Oyelaran", "PERSON")]


def test_given_name_alone_after_full_name(nlp: Language) -> None:
    text = "Zhou Qiyuan arrived on time. Qiyuan said little."
    assert [(e.text, e.label_) for e in nlp(text).ents] == [
        ("Zhou Qiyuan", "PERSON"), ("Qiyuan", "PERSON")]


def test_document_consistency(nlp: Language) -> None:
    text = "Engineers at Brantwick Corporation met. Brantwick later confirmed a deal."
    labels = [(e.text, e.label_) for e in nlp(text).ents]
    assert labels == [("Brantwick Corporation", "ORG"), ("Brantwick", "ORG")]


def test_a_guess_takes_the_label_of_a_sure_mention(nlp: Language) -> None:
    text = "Delegates met at the Varnholt Institute. Officials from Varnholt Institute said so."
    labels = [(e.text, e.label_) for e in nlp(text).ents]
    assert labels == [("Varnholt Institute", "ORG"), ("Varnholt Institute", "ORG")]


def test_city_name_that_is_also_a_given_name(nlp: Language) -> None:
    found = ents(nlp, "The visit by Vladimir Dobrenkov was short.")
    assert found == {"Vladimir Dobrenkov": "PERSON"}


def test_numbers_are_not_names(nlp: Language) -> None:
    found = ents(nlp, "It carries 50 billion cubic meters a year through Nord Stream 1.")
    assert all(not any(ch.isdigit() for ch in text) for text in found)


def test_headline_line_in_title_case(nlp: Language) -> None:
    text = "Storm Damage Worse Than Expected In Kenya\n\nThe storm hit Kenya on Friday."
    assert {e.text for e in nlp(text).ents} == {"Kenya"}


def test_build_is_cached_and_quick_to_repeat() -> None:
    first = build_builtin()
    second = build_builtin()
    assert first is not second
    assert [e.text for e in first("Rome is in Italy.").ents] == ["Rome", "Italy"]
    assert [e.text for e in second("Rome is in Italy.").ents] == ["Rome", "Italy"]


def test_unknown_word_subject_of_a_verb_is_an_organisation(nlp: Language) -> None:
    found = ents(nlp, "Talks stalled. Zorvexa has been studying the route for years.")
    assert found == {"Zorvexa": "ORG"}


def test_unknown_word_seen_once_is_left_alone_but_recurring_is_org(nlp: Language) -> None:
    assert ents(nlp, "The crowd cheered for Quibblex at the fair.") == {}
    found = ents(nlp, "Fans of Quibblex came early. Later, Quibblex sold out.")
    assert found == {"Quibblex": "ORG"}


def test_sports_report_countries_are_teams(nlp: Language) -> None:
    text = ("Norway defeated Chile 2 – 1 in the group match. The striker scored twice and the "
            "goalkeeper saved a penalty before Norway celebrated.")
    found = ents(nlp, text)
    assert found["Norway"] == "ORG"
    assert found["Chile"] == "ORG"


def test_countries_outside_sport_stay_places(nlp: Language) -> None:
    found = ents(nlp, "Norway defeated the proposal in parliament, officials in Chile said.")
    assert found["Norway"] == "GPE"
    assert found["Chile"] == "GPE"


def test_prefixed_names_are_adjectives(nlp: Language) -> None:
    found = ents(nlp, "The pro-Beijing camp and anti-Western voices met in Nairobi.")
    assert found == {"Nairobi": "GPE"}


def test_hyphenated_pair_of_known_people(nlp: Language) -> None:
    text = "Olga Brannstrom met Teodor Vainikka. The Brannstrom-Vainikka talks ended."
    labels = [(e.text, e.label_) for e in nlp(text).ents]
    assert ("Brannstrom", "PERSON") in labels
    assert ("Vainikka", "PERSON") in labels


def test_hyphenated_given_names(nlp: Language) -> None:
    found = ents(nlp, "The seat went to Tang Wing-kit and Choi Mi-rae this year.")
    assert found["Tang Wing-kit"] == "PERSON"
    assert found["Choi Mi-rae"] == "PERSON"


def test_title_with_of_is_not_an_organisation(nlp: Language) -> None:
    found = ents(nlp, "The Secretary of State visited Peru.")
    assert found == {"Peru": "GPE"}


def test_compass_word_and_place_is_a_region(nlp: Language) -> None:
    assert ents(nlp, "Floods hit Southern Ontario overnight.") == {"Southern Ontario": "LOC"}


def test_regular_demonym_from_country_name(nlp: Language) -> None:
    assert ents(nlp, "A Gabonese official and two Malians arrived.") == {
        "Gabonese": "NORP", "Malians": "NORP"}


def test_head_noun_alone_after_the_full_name(nlp: Language) -> None:
    text = "He joined the Church of Vendrell in 1990. Critics say the Church hid the facts."
    labels = [(e.text, e.label_) for e in nlp(text).ents]
    assert labels == [("Church of Vendrell", "ORG"), ("Church", "ORG")]


def test_roman_numeral_stays_in_the_name(nlp: Language) -> None:
    assert ents(nlp, "Rationing began during World War II, she said.") == {
        "World War II": "EVENT"}


def test_complete_name_is_not_joined_to_a_country(nlp: Language) -> None:
    found = ents(nlp, "Researchers from Kelmont State University of the US took part.")
    assert found == {"Kelmont State University": "ORG", "US": "GPE"}


def test_each_entity_is_token_aligned_and_labelled(nlp: Language) -> None:
    doc = nlp("Dr. Amara Okafor of the Lagos Institute spoke in Abuja on Monday.")
    for ent in doc.ents:
        assert ent.text == ent.text.strip()
        assert ent.label_ in {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT",
                              "WORK_OF_ART", "LAW", "LANGUAGE"}
    assert {(e.text, e.label_) for e in doc.ents} == {
        ("Amara Okafor", "PERSON"), ("Lagos Institute", "ORG"), ("Abuja", "GPE")}


def test_name_particles_inside_a_person(nlp: Language) -> None:
    found = ents(nlp, "The plan was backed by Margarethe von der Hoeven on Friday.")
    assert found == {"Margarethe von der Hoeven": "PERSON"}


def test_head_noun_then_city_is_one_organisation(nlp: Language) -> None:
    assert ents(nlp, "She studied at Royal College London before moving.") == {
        "Royal College London": "ORG"}


def test_given_name_before_a_law_head_is_a_person(nlp: Language) -> None:
    assert ents(nlp, "The award went to Nathan Act, the lawmaker.") == {"Nathan Act": "PERSON"}


def test_seats_of_government_are_organisations(nlp: Language) -> None:
    found = ents(nlp, "The White House and the Kremlin both declined to comment.")
    assert found == {"White House": "ORG", "Kremlin": "ORG"}


def test_city_that_is_also_a_given_name(nlp: Language) -> None:
    found = ents(nlp, "The talks in Geneva ended. Later Geneva Whitlock spoke to reporters.")
    labels = [(e.text, e.label_) for e in nlp(
        "The talks in Geneva ended. Later Geneva Whitlock spoke to reporters.").ents]
    assert labels[0] == ("Geneva", "GPE")
    assert ("Geneva Whitlock", "PERSON") in labels
    assert found


def test_dateline_in_capitals(nlp: Language) -> None:
    found = ents(nlp, "NAIROBI (Reuters) - Talks resumed on Friday.")
    assert found == {"NAIROBI": "GPE", "Reuters": "ORG"}


def test_the_bank_of_country(nlp: Language) -> None:
    assert ents(nlp, "The Bank of Norway meets next week.") == {"Bank of Norway": "ORG"}


def test_party_groups_are_norp(nlp: Language) -> None:
    found = ents(nlp, "Republicans in Congress criticised the plan, and Democrats agreed.")
    assert found == {"Republicans": "NORP", "Congress": "ORG", "Democrats": "NORP"}


def test_club_named_after_a_city(nlp: Language) -> None:
    text = "Leeds Rovers defeated Harlow 3-2 in the league. The striker scored a late goal."
    found = ents(nlp, text)
    assert found["Leeds Rovers"] == "ORG"
    assert found["Harlow"] == "ORG"
    assert "PRODUCT" not in found.values()


def test_saint_abbreviation_in_a_place(nlp: Language) -> None:
    assert ents(nlp, "The team flew to St. Louis overnight.") == {"St. Louis": "GPE"}


def test_demonym_forms_do_not_swallow_given_names(nlp: Language) -> None:
    assert ents(nlp, "Pope Francis spoke.") == {"Francis": "PERSON"}


def test_place_and_plural_is_a_team(nlp: Language) -> None:
    assert ents(nlp, "Fans of the Denver Falcons waited.") == {"Denver Falcons": "ORG"}


def test_organisation_then_person_without_a_comma(nlp: Language) -> None:
    found = ents(nlp, "The Harbour Council Margit Ostberg said the plan was sound.")
    assert found == {"Harbour Council": "ORG", "Margit Ostberg": "PERSON"}


def test_newspaper_names(nlp: Language) -> None:
    found = ents(nlp, "She told the Winnipeg Star and the Bergen Sun about it.")
    assert found == {"Winnipeg Star": "ORG", "Bergen Sun": "ORG"}


def test_two_connectors_in_an_organisation_name(nlp: Language) -> None:
    text = "A letter from the Joint Council for the Welfare of Migrants arrived."
    assert ents(nlp, text) == {"Joint Council for the Welfare of Migrants": "ORG"}


def test_pluralised_words_are_not_organisations(nlp: Language) -> None:
    text = "The Fotomatix was new. Two Fotomatixes and a Fotomatix broke. Fotomatixes sold well."
    assert ents(nlp, text) == {}


def test_quoted_title_after_a_cue_is_a_work_of_art(nlp: Language) -> None:
    text = 'She is the author of “Silent Harbours.” Her film "The Long Winter Road" opens soon.'
    found = ents(nlp, text)
    assert found == {"Silent Harbours": "WORK_OF_ART", "The Long Winter Road": "WORK_OF_ART"}


def test_quotation_without_a_cue_is_not_a_title(nlp: Language) -> None:
    assert ents(nlp, 'He said: “Very Good News Today.”') == {}


WORDS = ["The", "said", "President", "Anna", "Kowalski", "of", "the", "University", "Institute",
         "Paris", "India", "US", "us", "NATO", "-", "al", "bin", "“", "”", '"', ".", ",", "\n\n",
         "Monday", "May", "Trade", "book", "II", "3", "–", "0", "Party", "von", "Jong", "un", "'s"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=40))
def test_any_token_soup_gives_valid_entities(words: list[str]) -> None:
    nlp = build_builtin_cached()
    doc = nlp(" ".join(words))
    last_end = -1
    for ent in doc.ents:
        assert ent.start >= last_end  # sorted and never overlapping
        last_end = ent.end
        assert ent.text.strip() == ent.text and ent.text
        assert ent.label_ in {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT",
                              "WORK_OF_ART", "LAW", "LANGUAGE"}
        assert not ent.text.isdigit()


_CACHED: list[Language] = []


def build_builtin_cached() -> Language:
    """One pipeline for all hypothesis examples (building takes a fraction of a second)."""
    if not _CACHED:
        _CACHED.append(build_builtin())
    return _CACHED[0]


def test_and_inside_a_name_with_a_head(nlp: Language) -> None:
    found = ents(nlp, "They toured the Royal Glass and Ceramics Museum and met Oslo officials.")
    assert found == {"Royal Glass and Ceramics Museum": "ORG", "Oslo": "GPE"}


def test_place_then_compass_word_is_a_region(nlp: Language) -> None:
    assert ents(nlp, "Storms hit the Pacific Northwest again.") == {"Pacific Northwest": "LOC"}


def test_sentence_adverbs_are_not_names(nlp: Language) -> None:
    text = "Hopefully Parliament will act. Unfortunately, Nairobi flooded."
    assert ents(nlp, text) == {"Parliament": "ORG", "Nairobi": "GPE"}


def test_country_ending_like_an_adverb_is_kept(nlp: Language) -> None:
    assert ents(nlp, "Italy said no. Texas agreed.") == {"Italy": "GPE", "Texas": "GPE"}


def test_person_stops_at_of(nlp: Language) -> None:
    found = ents(nlp, "The seat went to Ingrid Berglund of Quorvania Party.")
    assert found["Ingrid Berglund"] == "PERSON"


def test_any_syllable_after_an_east_asian_family_name(nlp: Language) -> None:
    assert ents(nlp, "The bill was tabled by Leung Chi-hung yesterday.") == {
        "Leung Chi-hung": "PERSON"}


def test_two_names_joined_by_and_stay_apart(nlp: Language) -> None:
    found = ents(nlp, "Shares in Quorvex and Deutsche Bank fell. Quorvex has since recovered.")
    assert found == {"Quorvex": "ORG", "Deutsche Bank": "ORG"}


def test_odd_inputs_do_not_break_or_invent_names(nlp: Language) -> None:
    for text in ("", "   ", "\n\n", "“”", "al-", "University of", "A-B-C-D", "x" * 3000, "3-2"):
        assert ents(nlp, text) == {}
    assert ents(nlp, "Sean O’Brien met Dr. Ruth Okoye.\r\nThen Paris.") == {
        "Sean O’Brien": "PERSON", "Ruth Okoye": "PERSON", "Paris": "GPE"}


def test_ampersand_names_a_firm(nlp: Language) -> None:
    found = ents(nlp, "Auditors from Hallam & Pryce and staff of Brennick Brothers met.")
    assert found == {"Hallam & Pryce": "ORG", "Brennick Brothers": "ORG"}


def test_central_bank_of_a_country(nlp: Language) -> None:
    assert ents(nlp, "The Central Bank of Norway raised rates.") == {
        "Central Bank of Norway": "ORG"}


def test_long_name_with_particles(nlp: Language) -> None:
    assert ents(nlp, "They met Maria Luisa Pereira da Costa on Friday.") == {
        "Maria Luisa Pereira da Costa": "PERSON"}


def test_unknown_long_name_with_particle(nlp: Language) -> None:
    assert ents(nlp, "In Lisbon, Tiago Anselmo Vaz da Rocha met reporters.") == {
        "Lisbon": "GPE", "Tiago Anselmo Vaz da Rocha": "PERSON"}


def test_policy_words_do_not_make_a_sports_report(nlp: Language) -> None:
    text = ("The goals of the plan, the players in the market and a penalty for late filing "
            "were discussed as Norway faced new rules in the final round of talks.")
    assert ents(nlp, text) == {"Norway": "GPE"}


def test_employer_before_role_and_person_is_an_organisation(nlp: Language) -> None:
    found = ents(nlp, "Morgan Stanley analyst Priya Raman warned. Later, Leeds striker "
                      "Daniel James scored, and Leeds coach Anna Berg said so.")
    assert found["Morgan Stanley"] == "ORG"
    assert found["Leeds"] == "ORG"
    assert found["Priya Raman"] == found["Daniel James"] == found["Anna Berg"] == "PERSON"


def test_bracketed_short_name_after_an_organisation(nlp: Language) -> None:
    found = ents(nlp, "The fire grew, according to the Harbour Department of Forestry and Fire "
                      "Protection (Cal Fire). Cal Fire spokesman Tom Hale said so.")
    assert found["Harbour Department of Forestry and Fire Protection"] == "ORG"
    assert found["Cal Fire"] == "ORG"
    assert "Fire Protection" not in found


def test_unknown_names_listed_with_a_known_organisation(nlp: Language) -> None:
    found = ents(nlp, "Profits fell this year. Zorvexa, Quantiq and BASF have all cut their "
                      "forecasts.")
    assert found["Zorvexa"] == found["Quantiq"] == found["BASF"] == "ORG"


def test_islands_regions_and_rivers_are_places(nlp: Language) -> None:
    found = ents(nlp, "Ferries between Luzon and Sulawesi were cancelled, and flooding on the "
                      "Dnieper reached the Carpathians while aid reached Darfur and Anatolia.")
    for place in ("Luzon", "Sulawesi", "Dnieper", "Carpathians", "Anatolia"):
        assert found[place] == "LOC"
    assert found["Darfur"] == "GPE"


def test_compass_word_before_an_island_is_a_region(nlp: Language) -> None:
    found = ents(nlp, "Rain hit South Sulawesi and East Borneo on Monday.")
    assert found == {"South Sulawesi": "LOC", "East Borneo": "LOC"}


def test_provinces_parishes_and_prefectures_are_gpes(nlp: Language) -> None:
    found = ents(nlp, "Officials in Tarnow Parish, Velmora Province and Koshiba Prefecture "
                      "ordered an evacuation, and ministers in Alberta agreed.")
    assert found["Tarnow Parish"] == "GPE"
    assert found["Velmora Province"] == "GPE"
    assert found["Koshiba Prefecture"] == "GPE"
    assert found["Alberta"] == "GPE"


def test_known_names_with_of_are_joined(nlp: Language) -> None:
    found = ents(nlp, "The Horn of Africa faces drought, and ferries to the Isle of Man were "
                      "cancelled, officials in the United States of America said.")
    assert found["Horn of Africa"] == "LOC"
    assert found["Isle of Man"] in ("GPE", "LOC")
    assert found["United States of America"] == "GPE"
    assert "Africa" not in found and "Man" not in found


def test_and_does_not_join_a_place_to_the_next_name(nlp: Language) -> None:
    found = ents(nlp, "Floods hit Tarnowo del Mar and Velmora Province, and visitors went to "
                      "the Brisbane Air and Space Museum and the U.S. Air and Missile Museum.")
    assert found["Velmora Province"] == "GPE"
    assert not any(" and Velmora" in name for name in found)
    assert found["Brisbane Air and Space Museum"] == "ORG"
    assert found["U.S. Air and Missile Museum"] == "ORG"


def test_countries_named_with_and_stay_whole(nlp: Language) -> None:
    found = ents(nlp, "Envoys from Bosnia and Herzegovina met officials of Trinidad and Tobago, "
                      "while sales in the United States and Canada rose.")
    assert found["Bosnia and Herzegovina"] == "GPE"
    assert found["Trinidad and Tobago"] == "GPE"
    assert found["United States"] == found["Canada"] == "GPE"


def test_multi_word_dateline_in_capitals(nlp: Language) -> None:
    assert ents(nlp, "LOS ANGELES — Rain fell on Tuesday.") == {"LOS ANGELES": "GPE"}
    found = ents(nlp, "NEW DELHI (Reuters) — Talks began with Nepal.")
    assert found["NEW DELHI"] == "GPE"
    assert "DELHI" not in found


def test_club_names_ending_in_united_or_athletic_are_organisations(nlp: Language) -> None:
    found = ents(nlp, "Leeds United drew with Wigan Athletic and Bristol Rovers. The draw keeps "
                      "Leeds in fourth place.")
    assert found["Leeds United"] == found["Wigan Athletic"] == found["Bristol Rovers"] == "ORG"
    assert found["Leeds"] != "PERSON"
    assert ents(nlp, "The United Nations met.") == {"United Nations": "ORG"}


def test_mountain_range_named_like_a_person(nlp: Language) -> None:
    found = ents(nlp, "Snow closed passes in the Sierra Nevada, and Reno, Nevada, was cut off.")
    assert found["Sierra Nevada"] == "LOC"
    assert found["Nevada"] == "GPE"


def test_and_joins_a_field_noun_after_of(nlp: Language) -> None:
    text = "The Velmora Department of Forestry and Fire Protection said so."
    assert ents(nlp, text) == {"Velmora Department of Forestry and Fire Protection": "ORG"}


def test_particle_glued_into_a_hyphenated_given_name(nlp: Language) -> None:
    found = ents(nlp, "The mayor, Chen Wei-bin, met the son of Omar bin Kassem.")
    assert found["Chen Wei-bin"] == "PERSON"
    assert found["Omar bin Kassem"] == "PERSON"


def test_lone_compass_word_is_not_a_person(nlp: Language) -> None:
    found = ents(nlp, "Troops moved into the North on Monday, said Anna Berg.")
    assert "North" not in found or found["North"] != "PERSON"
    assert found["Anna Berg"] == "PERSON"


def test_hotel_is_a_facility(nlp: Language) -> None:
    assert ents(nlp, "Guests left the Velmora Palace Hotel.") == {"Velmora Palace Hotel": "FAC"}


def test_short_surname_spelled_like_a_function_word(nlp: Language) -> None:
    found = ents(nlp, "Elected were Chan Ho-yin and Gordon To of the Harbour Party, and "
                      "Wilson Or was re-elected.")
    assert found["Gordon To"] == found["Wilson Or"] == "PERSON"
    assert found["Harbour Party"] == "ORG"
    assert ents(nlp, "Officials told Mark To leave.") == {}


def test_unknown_place_after_town_of_or_before_a_state(nlp: Language) -> None:
    found = ents(nlp, "Shells landed in the town of Varnsby and on the island of Orlo, and "
                      "crews came from Keswater, Ohio, on Monday.")
    assert found["Varnsby"] == "GPE"
    assert found["Orlo"] == "LOC"
    assert found["Keswater"] == "GPE"
    assert found["Ohio"] == "GPE"


def test_name_before_a_comma_and_a_place_that_acts_is_not_made_a_place(nlp: Language) -> None:
    found = ents(nlp, "He met Tom Brack, Texas governor, on Monday.")
    assert found["Tom Brack"] == "PERSON"


def test_place_names_with_romance_particles(nlp: Language) -> None:
    found = ents(nlp, "Floods hit Rio Grande do Sul and Davao del Sur, while Castilla y Leon "
                      "stayed dry.")
    assert found == {"Rio Grande do Sul": "GPE", "Davao del Sur": "GPE", "Castilla y Leon": "GPE"}
    assert ents(nlp, "Manuel do Nascimento said so.") == {"Manuel do Nascimento": "PERSON"}


def test_business_head_nouns_make_organisations(nlp: Language) -> None:
    found = ents(nlp, "Analysts at Harwick Research, Tallow Capital and Orlen Energy agreed, "
                      "as did Brightwater Resources.")
    for name in ("Harwick Research", "Tallow Capital", "Orlen Energy", "Brightwater Resources"):
        assert found[name] == "ORG"


def test_unknown_name_before_a_lower_case_place_noun(nlp: Language) -> None:
    found = ents(nlp, "Fighting went on in the Donetsk and Varnovka regions and in the Orlevy "
                      "province.")
    assert found["Varnovka"] == found["Orlevy"] == "GPE"
    assert ents(nlp, "Zorbexa state media said so.").get("Zorbexa") != "GPE"


def test_article_kept_only_where_it_belongs_to_the_name(nlp: Language) -> None:
    found = ents(nlp, "Judges in The Hague heard the case. The Netherlands and the Philippines "
                      "agreed.")
    assert found["The Hague"] == "GPE"
    assert found["Netherlands"] == found["Philippines"] == "GPE"
    assert "The Netherlands" not in found


def test_team_before_a_place_is_an_organisation(nlp: Language) -> None:
    found = ents(nlp, "Team Kenya came second, and Team Velmora was disqualified.")
    assert found == {"Team Kenya": "ORG", "Team Velmora": "ORG"}


def test_prefix_head_kept_at_a_sentence_start(nlp: Language) -> None:
    found = ents(nlp, "Mount Kenya is snowy. Lake Orlevo rose.")
    assert found == {"Mount Kenya": "LOC", "Lake Orlevo": "LOC"}


def test_first_minister_is_a_title(nlp: Language) -> None:
    found = ents(nlp, "In Wales, First Minister Anna Berg agreed.")
    assert found == {"Wales": "GPE", "Anna Berg": "PERSON"}


def test_convention_is_a_law(nlp: Language) -> None:
    found = ents(nlp, "Lawyers cited the Velmora Convention on Refugee Rights.")
    assert found == {"Velmora Convention on Refugee Rights": "LAW"}


def test_uk_and_irish_counties_are_places(nlp: Language) -> None:
    found = ents(nlp, "Police in Wiltshire and Hampshire, and in County Kerry and Donegal, "
                      "searched for Angus Merton.")
    assert found["Wiltshire"] == found["Hampshire"] == found["Donegal"] == "GPE"
    assert found["County Kerry"] == "GPE"
    assert found["Angus Merton"] == "PERSON"


def test_person_named_after_towns(nlp: Language) -> None:
    found = ents(nlp, "Senator Elizabeth Warren of Massachusetts called for rules, and Mayor "
                      "Lincoln Brack agreed.")
    assert found["Elizabeth Warren"] == found["Lincoln Brack"] == "PERSON"
    assert ents(nlp, "Elizabeth Warren said so.") == {"Elizabeth Warren": "PERSON"}
    found = ents(nlp, "Residents of Elizabeth, New Jersey, voted.")
    assert found["Elizabeth"] == "GPE"


def test_non_name_word_inside_an_organisation_name(nlp: Language) -> None:
    found = ents(nlp, "He joined Velmora Web Services last year, then Harbour TV.")
    assert found == {"Velmora Web Services": "ORG", "Harbour TV": "ORG"}
    assert ents(nlp, "Anna Berg arrived on Monday.") == {"Anna Berg": "PERSON"}


def test_team_name_starting_with_a_given_name_is_no_person(nlp: Language) -> None:
    found = ents(nlp, "The Denver Nuggets beat the Golden Valley Rockets, and the All-Star Game "
                      "will be played in Ohio.")
    assert found.get("Golden Valley Rockets") != "PERSON"
    assert found["All-Star Game"] == "EVENT"
    assert ents(nlp, "He met Eden Hazard and Nathan Law.") == {
        "Eden Hazard": "PERSON", "Nathan Law": "PERSON"}


def test_centers_for_x_and_y(nlp: Language) -> None:
    found = ents(nlp, "The Velmora Centers for Disease Control and Prevention sent a team.")
    assert found == {"Velmora Centers for Disease Control and Prevention": "ORG"}


def test_town_named_like_a_given_name_before_a_short_surname(nlp: Language) -> None:
    found = ents(nlp, "Regina Lo was re-elected, and Regina Ng agreed.")
    assert found["Regina Lo"] == found["Regina Ng"] == "PERSON"


def test_field_of_study_after_and_continues_the_name(nlp: Language) -> None:
    found = ents(nlp, "Experts at the Velmora Institute of Volcanology and Seismology agreed.")
    assert found == {"Velmora Institute of Volcanology and Seismology": "ORG"}


def test_unknown_name_after_the_coast_of_is_a_place(nlp: Language) -> None:
    assert ents(nlp, "Boats off the coast of Orlevo returned.") == {"Orlevo": "LOC"}
