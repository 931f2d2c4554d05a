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
    ("Quorvik said it had no plans to sell the unit.", "Quorvik", "ORG"),
    ("Quorvik Lund said it was a hard decision for him.", "Quorvik Lund", "PERSON"),
    ("Shares of Quorvik Lund fell.", "Quorvik Lund", "ORG"),
    ("Varnek said he would resign on Friday.", "Varnek", "PERSON"),
    ("He is a former right-wing Zorvak party politician.", "Zorvak", "ORG"),
    ("Ostrava's Channel Nine television said so.", "Channel Nine", "ORG"),
    ("Tomsk Brevik said on Monday that he had not been told.", "Tomsk Brevik", "PERSON"),
    ('"We will win," said Zorvani.', "Zorvani", "PERSON"),
    ("Lindqvaro, 45, a carpenter, was hurt.", "Lindqvaro", "PERSON"),
    ("Zorvani, who lives in Harlow, agreed.", "Zorvani", "PERSON"),
]


@pytest.mark.parametrize(("text", "name", "label"), EVIDENCE)
def test_document_evidence_says_what_a_name_is(
        nlp: Language, text: str, name: str, label: str) -> None:
    assert labels(nlp, text)[name] == {label}


def test_an_adjective_glued_to_an_affix_is_no_name(nlp: Language) -> None:
    assert labels(nlp, "The U.S.-led coalition and the Varnek-backed group met.") == {}


def test_a_surname_after_the_full_name_says_it(nlp: Language) -> None:
    text = "Anna Varnekova joined the board. Varnekova said it was hard."
    assert labels(nlp, text)["Varnekova"] == {"PERSON"}


def test_a_town_that_says_it_is_still_a_town(nlp: Language) -> None:
    assert labels(nlp, "Harlow said it would build a new road.")["Harlow"] == {"GPE"}


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
    ("Moody's Investors Service cut the rating.", "Moody's Investors Service"),
    ("The story ran in The Guardian on Sunday.", "The Guardian"),
    ("Apple said prices would rise.", "Apple"),
    ("Goldman Sachs and Morgan Stanley led the sale.", "Goldman Sachs"),
    ("Goldman Sachs and Morgan Stanley led the sale.", "Morgan Stanley"),
    ("The Christian Democrats won the vote.", "Christian Democrats"),
    ("Visitors filled the Varnsby Museum of Glass.", "Varnsby Museum of Glass"),
    ("Ostmark Gallery reopened in May.", "Ostmark Gallery"),
    ("Bank of Varnsby and the Harlow Trust signed a deal.", "Bank of Varnsby"),
    ("University of Varnsby researchers said so.", "University of Varnsby"),
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
    found = labels(nlp, "The House of Representatives and the House of Lords agreed.")
    assert found == {"House of Representatives": {"ORG"}, "House of Lords": {"ORG"}}


def test_an_acronym_at_a_sentence_start_or_in_brackets(nlp: Language) -> None:
    text = "The Varnsby Water Agency (VWA) issued rules. VWA officials said they would help."
    found = labels(nlp, text)
    assert found["VWA"] == {"ORG"}


def test_an_acronym_defined_in_the_text(nlp: Language) -> None:
    text = "The Varnsby Transport Authority (VTA) raised fares. Later the VTA said it was sorry."
    found = labels(nlp, text)
    assert found["Varnsby Transport Authority"] == {"ORG"}
    assert found["VTA"] == {"ORG"}
    text = "The Varnsby Trade Administration (ITA) met. The ITA expects more."  # a country code
    assert labels(nlp, text)["ITA"] == {"ORG"}


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


def test_a_headline_in_capitals_is_no_header_line(nlp: Language) -> None:
    found = labels(nlp, "SOCCER - NORWAY GET LUCKY WIN , FRANCE IN SURPRISE DEFEAT .\nText.")
    assert found == {"NORWAY": {"GPE"}, "FRANCE": {"GPE"}}


def test_a_dateline_is_no_result_line(nlp: Language) -> None:
    text = "HARLOW 1996-08-24\nResults of league matches on Saturday:\nVarnsby Forest 2 Harlow 1\n"
    found = labels(nlp, text)
    assert found["HARLOW"] == {"GPE"}
    assert found["Varnsby Forest"] == {"ORG"}


def test_a_leaderboard_row_lists_players(nlp: Language) -> None:
    found = labels(nlp, "Leading scores:\n65 Tiger Woods (Norway)\n66 Quill Ostmark, Tom Lind\n")
    assert found["Tiger Woods"] == found["Quill Ostmark"] == {"PERSON"}
    assert found["Norway"] == {"GPE"}


def test_a_headline_with_one_number_is_no_table(nlp: Language) -> None:
    found = labels(nlp, "Storm Kills 12 In Texas\nThe storm hit Texas on Monday.")
    assert found["Texas"] == {"GPE"}


# -- short forms and whole-document consistency -----------------------------------------------


def test_the_first_word_of_a_company_names_it_later(nlp: Language) -> None:
    text = "Harlow Logistics Inc. cut 300 jobs. Harlow expects sales to recover, and Harlow hires."
    found = labels(nlp, text)
    assert found["Harlow Logistics Inc."] == {"ORG"}
    assert found["Harlow"] == {"ORG"}
    found = labels(nlp, "Harlow Logistics Inc. cut jobs. The firm is based in Harlow.")
    assert found["Harlow"] == {"GPE"}


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
    found = labels(nlp, "Chicago Bulls beat the Harlow Blue Hawks on Sunday.")
    assert found["Chicago Bulls"] == {"ORG"}
    assert found["Harlow Blue Hawks"] == {"ORG"}


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


def test_a_title_word_as_a_surname(nlp: Language) -> None:
    found = labels(nlp, "Aaron Judge homered twice. Later Judge Anna Berg spoke.")
    assert found["Aaron Judge"] == {"PERSON"}
    assert "Judge" not in found


def test_clubs_named_with_a_prefix_and_a_town(nlp: Language) -> None:
    text = "Real Harlow beat Dynamo Varnsby 3-1, and AC Ostmark drew. The striker scored twice."
    found = labels(nlp, text)
    for club in ("Real Harlow", "Dynamo Varnsby", "AC Ostmark"):
        assert found[club] == {"ORG"}, club


def test_an_unknown_name_that_plays_is_a_team_but_a_player_stays_a_person(nlp: Language) -> None:
    text = ("Tomas Varnekov scored as Harlow beat Zorvexia 2-0 in the league. Varnekov scored "
            "again later. The striker was cheered.")
    found = labels(nlp, text)
    assert found["Zorvexia"] == {"ORG"}
    assert found["Varnekov"] == {"PERSON"}


def test_scorers_in_brackets_on_a_result_line(nlp: Language) -> None:
    text = "Results:\nHarlow 2 (Varnek 15, Anna Ostmark 80) Leeds 1 (Zorvic 88). Halftime 1-0.\n"
    found = labels(nlp, text)
    assert found["Harlow"] == found["Leeds"] == {"ORG"}
    for scorer in ("Varnek", "Anna Ostmark", "Zorvic"):
        assert found[scorer] == {"PERSON"}, scorer


def test_a_club_in_brackets_after_a_player(nlp: Language) -> None:
    found = labels(nlp, "Scorers:\nAnna Varnek (Harlow) 71 68\nTom Brevik (Norway) 70 66\n")
    assert found["Harlow"] == {"ORG"}
    assert found["Norway"] == {"GPE"}


def test_an_initial_and_a_name_is_a_person(nlp: Language) -> None:
    found = labels(nlp, "Scoreboard:\nM. Varnek b Tom Ostmark 31\nThe report by J. Brevik was read.")
    assert found["M. Varnek"] == {"PERSON"}
    assert found["J. Brevik"] == {"PERSON"}


def test_a_team_of_a_table_is_a_team_in_the_prose(nlp: Language) -> None:
    text = ("Results on Saturday:\nHarlow 2 Leeds 0\nDerby 1 Varnsby 1\n"
            "Harlow won again, and fans in Leeds cheered.")
    found = [(e.text, e.label_) for e in nlp(text).ents]
    assert found[-2:] == [("Harlow", "ORG"), ("Leeds", "GPE")]


def test_a_firm_in_the_lists_is_a_person_after_her_full_name(nlp: Language) -> None:
    found = labels(nlp, "Premier Anna Ford spoke on Monday. Ford said the province would act.")
    assert found["Ford"] == {"PERSON"}
    found = labels(nlp, "Ford Motor Co. was founded by Henry Ford. Ford said it would cut jobs.")
    assert found["Ford"] == {"ORG"}


def test_a_firm_named_for_its_founders_is_named_so_later(nlp: Language) -> None:
    text = "Morgan Lund Group Inc. posted a loss. Morgan Lund said costs rose."
    assert labels(nlp, text)["Morgan Lund"] == {"ORG"}


def test_every_rule_says_why_with_an_example() -> None:
    from tui.analysis.builtin.ner.guesses import MANY_WORDS, ONE_WORD
    from tui.analysis.builtin.ner.passes import PASSES

    for rule in (*PASSES, *ONE_WORD, *MANY_WORDS):
        doc = rule.__doc__ or ""
        assert doc and ('"' in doc or "“" in doc), rule.__name__


def test_name_suffixes_and_a_title_word_as_a_surname(nlp: Language) -> None:
    found = labels(nlp, "Anna Luther King Jr. spoke, and Tom Varnek Jr. came.")
    assert found == {"Anna Luther King Jr.": {"PERSON"}, "Tom Varnek Jr.": {"PERSON"}}


def test_party_and_state_after_a_legislator(nlp: Language) -> None:
    found = labels(nlp, "Sen. Tom Varnek, R-Ky., and Rep. Anna Lind, D-N.Y., clashed.")
    assert found["Ky."] == found["N.Y."] == {"GPE"}
    assert found["Tom Varnek"] == {"PERSON"}
