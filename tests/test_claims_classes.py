"""Claims: one fixture set per class of attribution error (invented sentences only)."""

from __future__ import annotations

import pytest
import spacy
from test_claims import check_invariants, make_actors, quotes, reported

from tui.analysis.actors import ActorIndex
from tui.analysis.claims import extract_claims
from tui.analysis.model import Claim


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def run(nlp, text: str, spec=None) -> tuple[list[Claim], dict[str, str]]:
    actors = make_actors(text, spec or {})
    claims = extract_claims(nlp(text), ActorIndex(actors))
    check_invariants(text, claims)
    return claims, {a.id: a.name for a in actors}


# ---- speech-act verbs beyond say/tell/add -------------------------------------------------------

@pytest.mark.parametrize("verb", [
    "denied", "announced", "warned", "insisted", "claimed", "predicted", "recalled", "argued",
    "acknowledged", "vowed", "promised", "complained", "suggested", "estimated", "confirmed",
    "admitted", "stressed", "explained", "wrote", "tweeted", "posted", "insists", "warns",
    "predicts", "argues", "confirms", "admits", "denies", "countered", "disclosed", "confessed",
    "proclaimed", "pointed out", "mentioned", "underscored", "repeated", "revealed", "concluded",
])
def test_speech_act_verbs_report_a_that_clause(nlp, verb: str) -> None:
    text = f"Mayor Ana Ruiz {verb} that the new bridge would open before the winter."
    claims, _ = run(nlp, text)
    (r,) = reported(claims)
    assert r.speaker_text == "Ana Ruiz"
    assert r.text == "the new bridge would open before the winter."


@pytest.mark.parametrize("verb", ["warned", "insisted", "predicted", "argued", "admitted", "stressed"])
def test_speech_act_verbs_attribute_a_quote(nlp, verb: str) -> None:
    text = f"“The river will flood the lower town by Friday,” Tomas Brel {verb}."
    claims, _ = run(nlp, text)
    (q,) = quotes(claims)
    assert q.speaker_text == "Tomas Brel"
    assert reported(claims) == []


@pytest.mark.parametrize("text,content", [
    ("The senator urged voters to reject the measure in November.", "urged"),
    ("The union threatened to strike if the talks failed.", "threatened"),
    ("Lena Varga accused the firm of hiding the spill from inspectors.", "accused"),
    ("The governor called for an inquiry into the collapse of the bridge.", "called"),
    ("Tomas Brel criticised the council for closing the library.", "criticised"),
])
def test_infinitive_and_of_frames(nlp, text: str, content: str) -> None:
    claims, _ = run(nlp, text)
    (r,) = reported(claims)
    assert r.cue == content


@pytest.mark.parametrize("text", [
    "The goalkeeper conceded a penalty in the second half.",
    "The visitors conceded shortly after 10 pm.",
    "Tomas Brel announced his resignation on Monday.",
    "Lena Varga denied the allegations.",
    "Lena Varga did not say whether she would run again next year.",
])
def test_a_claim_needs_content_that_can_be_said(nlp, text: str) -> None:
    claims, _ = run(nlp, text)
    assert reported(claims) == []


# ---- participle and noun cues -------------------------------------------------------------------

def test_statement_saying(nlp) -> None:
    text = "The ministry issued a statement saying the border would stay closed until March."
    claims, _ = run(nlp, text)
    (r,) = reported(claims)
    assert r.speaker_text == "The ministry"
    assert r.text == "the border would stay closed until March."


def test_in_a_statement(nlp) -> None:
    text = "In a statement, the company said it would recall 40,000 cars."
    claims, _ = run(nlp, text)
    (r,) = reported(claims)
    assert r.speaker_text == "the company"
    assert r.text == "it would recall 40,000 cars."


def test_the_report_said(nlp) -> None:
    text = "The report said emissions had fallen by a third since 2010."
    claims, _ = run(nlp, text)
    (r,) = reported(claims)
    assert r.speaker_text == "The report"


# ---- speakers that are not a named person -------------------------------------------------------

@pytest.mark.parametrize("speaker", [
    "the campaign", "the network", "the newspaper", "the embassy", "aides", "regulators",
    "residents", "Democrats", "officials at the Pentagon", "The White House",
])
def test_non_person_speakers(nlp, speaker: str) -> None:
    text = f"The talks had stalled over the budget, {speaker} said."
    claims, _ = run(nlp, text, {"Pentagon": ("organization", []), "White House": ("organization", [])})
    (r,) = reported(claims)
    assert r.speaker_text == speaker
    assert r.text == "The talks had stalled over the budget"


@pytest.mark.parametrize("speaker", ["The campaign", "Aides", "Regulators", "The White House"])
def test_non_person_speakers_before_a_quote(nlp, speaker: str) -> None:
    text = f"{speaker} said: “We will not comment on the investigation at this time.”"
    claims, _ = run(nlp, text)
    (q,) = quotes(claims)
    assert q.speaker_text == speaker


# ---- long appositives, coordinated verbs, sentence-final attributions ---------------------------

def test_long_appositive_between_subject_and_verb(nlp) -> None:
    text = ("Dr. Ana Eto, who leads the clinic in the northern district, insisted that the vaccine "
            "was safe for children.")
    claims, names = run(nlp, text, {"Ana Eto": ("person", ["Eto"])})
    (r,) = reported(claims)
    assert r.speaker_text == "Ana Eto"
    assert names[r.speaker] == "Ana Eto"


def test_appositive_with_quote(nlp) -> None:
    text = "“Prices will rise,” the governor, Ana Ruiz, predicted."
    claims, _ = run(nlp, text)
    (q,) = quotes(claims)
    assert q.speaker_text == "Ana Ruiz"
    assert reported(claims) == []


def test_appositive_with_an_abbreviated_title(nlp) -> None:
    text = "Republicans, led by Sen. Tom Brel, argued that the measure was unconstitutional."
    claims, _ = run(nlp, text)
    (r,) = reported(claims)
    assert r.speaker_text == "Republicans"


def test_coordinated_verbs(nlp) -> None:
    text = "Tomas Brel arrived at the court on Monday and said the verdict would be appealed."
    claims, _ = run(nlp, text)
    (r,) = reported(claims)
    assert r.speaker_text == "Tomas Brel"
    assert r.text == "the verdict would be appealed."


def test_sentence_final_title_and_name(nlp) -> None:
    text = "“We have the votes to pass this bill,” said one aide. The vote is on Friday, Rep. Lena Varga said."
    claims, _ = run(nlp, text)
    (r,) = reported(claims)
    assert r.speaker_text == "Lena Varga"
    assert r.text == "The vote is on Friday"


def test_name_outlet_colon(nlp) -> None:
    text = "Lena Varga, Daily Courier: “The council has lost the trust of the people here.”"
    claims, _ = run(nlp, text)
    (q,) = quotes(claims)
    assert q.speaker_text == "Lena Varga"


# ---- coordinated speakers ----------------------------------------------------------------------

def test_coordinated_speakers_fill_speakers(nlp) -> None:
    text = "Tomas Brel and Lena Varga said the deal would be signed in June."
    claims, names = run(nlp, text, {"Tomas Brel": ("person", []), "Lena Varga": ("person", [])})
    (r,) = reported(claims)
    assert [names[s] for s in r.speakers] == ["Tomas Brel", "Lena Varga"]
    assert r.speaker == r.speakers[0]


# ---- one utterance, one claim ------------------------------------------------------------------

def test_quote_cue_quote_is_one_claim(nlp) -> None:
    text = "“We will rebuild,” she said, “and we will do it within a year.”"
    claims, _ = run(nlp, text)
    (q,) = quotes(claims)
    assert q.start == 0 and q.end == len(text)
    assert q.speaker_text == "she"


def test_reported_claim_over_a_listed_quote_is_not_repeated(nlp) -> None:
    text = "Tomas Brel said that “the plant will close and every worker will lose a job by May.”"
    claims, _ = run(nlp, text)
    assert len(quotes(claims)) == 1 and reported(claims) == []


# ---- pronouns ----------------------------------------------------------------------------------

def test_he_skips_an_organisation_and_a_woman(nlp) -> None:
    text = ("Mr. Tomas Brel met Lena Varga at the ministry. The ministry had invited them.\n\n"
            "“We made real progress,” he told reporters.")
    claims, names = run(nlp, text, {"Tomas Brel": ("person", ["Brel"]), "Lena Varga": ("person", ["Varga"]),
                                    "ministry": ("organization", [])})
    (q,) = quotes(claims)
    assert names[q.speaker] == "Tomas Brel"


def test_it_said_goes_to_the_last_organisation(nlp) -> None:
    text = ("Acme Corp hired Lena Varga last year. It said the factory would reopen in the spring.")
    claims, names = run(nlp, text, {"Acme Corp": ("organization", []), "Lena Varga": ("person", [])})
    (r,) = reported(claims)
    assert names[r.speaker] == "Acme Corp"


# ---- not claims ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Lena Varga posted to her account on Sunday.",
    "The firms maintained a policy of turning boats away.",
])
def test_a_verb_without_its_frame_reports_nothing(nlp, text: str) -> None:
    claims, _ = run(nlp, text)
    assert reported(claims) == []


def test_cited_headlines_are_not_quotes(nlp) -> None:
    text = ("Sources\n\n“Council votes to close the old bridge for good” — Daily Courier, May 2, 2019\n\n"
            "“Bridge closure angers local traders and drivers” — The Evening Post, May 3, 2019\n")
    claims, _ = run(nlp, text)
    assert quotes(claims) == []


def test_reported_content_ends_before_the_next_speaker(nlp) -> None:
    text = "Residents said the water had been unsafe for weeks, and officials declined to comment."
    claims, _ = run(nlp, text)
    assert [(r.speaker_text, r.text) for r in reported(claims)] == [
        ("Residents", "the water had been unsafe for weeks"),
        ("officials", "officials declined to comment."),
    ]


def test_title_case_cue_in_a_headline(nlp) -> None:
    claims, _ = run(nlp, "Mayor Ana Ruiz Says Bridge Will Close Next Year\n\nThe council met on Monday.")
    (r,) = reported(claims)
    assert r.speaker_text == "Ana Ruiz"


def test_the_senator_refers_back_to_the_senator_named(nlp) -> None:
    text = ("Sen. Ana Ruiz met Tomas Brel, the mayor, on Monday.\n\n"
            "The senator said the bill would pass before the summer.")
    claims, names = run(nlp, text, {"Ana Ruiz": ("person", []), "Tomas Brel": ("person", [])})
    (r,) = reported(claims)
    assert r.speaker_text == "The senator"
    assert names[r.speaker] == "Ana Ruiz"


def test_a_cue_with_its_own_content_after_a_closed_quote_also_reports(nlp) -> None:
    text = ("“We need a rescue effort now.” Lena Varga also asked the governments of the region "
            "not to turn the boats away.")
    claims, _ = run(nlp, text)
    (q,) = quotes(claims)
    assert q.speaker_text == "Lena Varga"
    (r,) = reported(claims)
    assert r.speaker_text == "Lena Varga"


def test_a_closed_quote_keeps_a_cue_with_adding_that(nlp) -> None:
    text = "“We will win.” Tomas Brel said on Monday, adding that the vote was close."
    claims, _ = run(nlp, text)
    (q,) = quotes(claims)
    assert q.speaker_text == "Tomas Brel"
