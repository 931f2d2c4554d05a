"""The built-in NER on the names newswire is full of, one fixture set per class of error.

Every sentence is invented; the companies, towns and people in them do not exist (or are general
knowledge: well-known agencies and firms)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tui.analysis.builtin import build_builtin


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_builtin()


def labels(nlp: Language, text: str) -> dict[str, set[str]]:
    """Entity text -> every label it was given in the text."""
    out: dict[str, set[str]] = {}
    for e in nlp(text).ents:
        out.setdefault(e.text, set()).add(e.label_)
    return out


# -- organisations: the document's own evidence ---------------------------------------------

EVIDENCE = [
    ("Harlow said it would cut 300 jobs. Shares of Harlow fell 4%.", "Harlow", "ORG"),
    ("Analysts expect Harlow's chief executive to resign.", "Harlow", "ORG"),
    ("Varnekom shares fell 1.5 percent in early trading.", "Varnekom", "ORG"),
    ("Ostravia SpA said so.", "Ostravia SpA", "ORG"),
    ("Quentin Stanley's shares rose after the report.", "Quentin Stanley", "ORG"),
    ("Quorvik Lund said it had no plans to sell the unit.", "Quorvik Lund", "ORG"),
    ("Varnek said he would resign on Friday.", "Varnek", "PERSON"),
    ("Tomsk Brevik said on Monday that he had not been told.", "Tomsk Brevik", "PERSON"),
]


@pytest.mark.parametrize(("text", "name", "label"), EVIDENCE)
def test_document_evidence_says_what_a_name_is(
        nlp: Language, text: str, name: str, label: str) -> None:
    assert labels(nlp, text)[name] == {label}


def test_countries_stay_places_whatever_they_say(nlp: Language) -> None:
    found = labels(nlp, "Norway said it would send aid. Shares of Varnek rose.")
    assert found["Norway"] == {"GPE"}


def test_a_person_after_a_title_stays_a_person(nlp: Language) -> None:
    found = labels(nlp, "Dr. Varnek's shares in the clinic were sold.")
    assert found["Varnek"] == {"PERSON"}


# -- organisations: knowledge (agencies, newspapers, firms, parties, institutions) -----------

KNOWN = [
    ("Reuters reported the deal first.", "Reuters"),
    ("Moody's cut the rating on Tuesday.", "Moody's"),
    ("The story ran in The Guardian on Sunday.", "The Guardian"),
    ("Apple said prices would rise.", "Apple"),
    ("Goldman Sachs and Morgan Stanley led the sale.", "Goldman Sachs"),
    ("Goldman Sachs and Morgan Stanley led the sale.", "Morgan Stanley"),
    ("The Christian Democrats won the vote.", "Christian Democrats"),
    ("Visitors filled the Varnsby Museum of Glass.", "Varnsby Museum of Glass"),
    ("Ostmark Gallery reopened in May.", "Ostmark Gallery"),
]


@pytest.mark.parametrize(("text", "name"), KNOWN)
def test_well_known_and_institutional_organisations(nlp: Language, text: str, name: str) -> None:
    assert labels(nlp, text)[name] == {"ORG"}


def test_a_party_with_the_article_is_an_organisation(nlp: Language) -> None:
    found = labels(nlp, "The Communists lost seats. Communists in the north protested.")
    assert found["Communists"] == {"ORG", "NORP"}
    found = labels(nlp, "Republicans in Congress criticised the plan, and Democrats agreed.")
    assert found["Republicans"] == {"NORP"}


def test_the_house_is_a_house_of_parliament(nlp: Language) -> None:
    found = labels(nlp, "The House voted on Thursday. House prices rose.")
    assert found == {"House": {"ORG"}}


def test_an_acronym_at_a_sentence_start_or_in_brackets(nlp: Language) -> None:
    text = "The Varnsby Water Agency (VWA) issued rules. VWA officials said they would help."
    found = labels(nlp, text)
    assert found["VWA"] == {"ORG"}


def test_an_acronym_defined_in_the_text(nlp: Language) -> None:
    text = "The Varnsby Transport Authority (VTA) raised fares. Later the VTA said it was sorry."
    found = labels(nlp, text)
    assert found["Varnsby Transport Authority"] == {"ORG"}
    assert found["VTA"] == {"ORG"}


# -- sports results and standings -------------------------------------------------------------

RESULTS = """Results of league matches on Saturday:
Harlow 2 Varnsby Rovers 1
Liverpool 3 Ostmark 0
Standings:
Team W L PCT GB
Boston 71 40 .640 -
Toronto 65 46 .586 6
"""


def test_towns_in_result_lines_are_teams(nlp: Language) -> None:
    found = labels(nlp, RESULTS)
    for team in ("Harlow", "Varnsby Rovers", "Liverpool", "Ostmark", "Boston", "Toronto"):
        assert found[team] == {"ORG"}, team
    assert not any(len(name) <= 3 for name in found)  # no "W", "PCT" column names
    assert "PRODUCT" not in {label for ls in found.values() for label in ls}


def test_players_in_a_score_table_are_people(nlp: Language) -> None:
    text = "Leading scores:\nAnna Varnek 71 68 72\nQuill Ostmark (Norway) 70 69 71\n"
    found = labels(nlp, text)
    assert found["Anna Varnek"] == {"PERSON"}
    assert found["Quill Ostmark"] == {"PERSON"}
    assert found["Norway"] == {"GPE"}


def test_a_dateline_is_no_result_line(nlp: Language) -> None:
    text = "HARLOW 1996-08-24\nResults of league matches on Saturday:\nVarnsby Forest 2 Harlow 1\n"
    found = labels(nlp, text)
    assert found["HARLOW"] == {"GPE"}
    assert found["Varnsby Forest"] == {"ORG"}


def test_a_headline_with_one_number_is_no_table(nlp: Language) -> None:
    found = labels(nlp, "Storm Kills 12 In Texas\nThe storm hit Texas on Monday.")
    assert found["Texas"] == {"GPE"}


# -- short forms and whole-document consistency -----------------------------------------------


def test_the_first_word_of_a_company_names_it_later(nlp: Language) -> None:
    text = "Harlow Logistics Inc. cut 300 jobs. Harlow expects sales to recover, and Harlow hires."
    found = labels(nlp, text)
    assert found["Harlow Logistics Inc."] == {"ORG"}
    assert found["Harlow"] == {"ORG"}


def test_the_first_word_of_an_airline_names_it_later(nlp: Language) -> None:
    found = labels(nlp, "Varnsby Air Lines cancelled flights. Varnsby said weather was to blame.")
    assert found["Varnsby"] == {"ORG"}


def test_a_country_stays_a_country_after_a_company_named_for_it(nlp: Language) -> None:
    found = labels(nlp, "Norway Widgets Inc. grew. Norway voted.")
    assert found["Norway"] == {"GPE"}


def test_a_surname_that_is_a_common_word(nlp: Language) -> None:
    text = "Sarah Rich joined in May. Rich said the plan would work. Later, Rich left."
    assert labels(nlp, text)["Rich"] == {"PERSON"}


def test_a_common_word_without_the_person_stays_a_word(nlp: Language) -> None:
    assert "Rich" not in labels(nlp, "Rich said the plan would work.")


def test_a_role_in_apposition_makes_a_person(nlp: Language) -> None:
    found = labels(nlp, "Quorvik Lindahl, an analyst at Brevik Capital, was cautious.")
    assert found["Quorvik Lindahl"] == {"PERSON"}
    found = labels(nlp, "Ostrava, the capital, and Zorvex, including its unit, grew.")
    assert "PERSON" not in {label for ls in found.values() for label in ls}


def test_team_nicknames_in_a_sports_report(nlp: Language) -> None:
    text = "The Varnsby Hawks beat the Ostmark Vipers 5-3. The pitcher scored in the ninth inning."
    found = labels(nlp, text)
    assert found["Varnsby Hawks"] == {"ORG"}
    assert found["Ostmark Vipers"] == {"ORG"}


def test_a_town_and_a_plural_is_a_team_even_if_the_plural_is_a_surname(nlp: Language) -> None:
    found = labels(nlp, "Chicago Bulls beat the Harlow Hawks on Sunday.")
    assert found["Chicago Bulls"] == {"ORG"}


def test_towns_listed_with_a_team_are_teams(nlp: Language) -> None:
    text = "Harlow, Varnsby Rovers and Leeds won on Saturday. The striker scored twice."
    found = labels(nlp, text)
    assert found["Harlow"] == {"ORG"}
    assert found["Leeds"] == {"ORG"}


def test_a_team_named_like_a_person_among_teams(nlp: Language) -> None:
    text = "Results on Saturday:\nHarlow 2 Leeds 0\nDerby 1 Anna Varnek 1\n"
    assert labels(nlp, text)["Anna Varnek"] == {"ORG"}


def test_a_title_before_a_head_noun_is_no_person(nlp: Language) -> None:
    found = labels(nlp, "Major League Varnball standings were published.")
    assert "PERSON" not in {label for ls in found.values() for label in ls}
