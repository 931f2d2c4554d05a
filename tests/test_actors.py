"""Actor merging on hand-labelled entities (independent of the NER in use)."""

from __future__ import annotations

import re

import spacy

from tui.analysis.actors import ActorIndex, build_actors, update_salience
from tui.analysis.model import Actor, Claim, Entity

NLP = spacy.blank("en")


def _entities(text: str, labels: dict[str, str]) -> list[Entity]:
    """Every whole-word occurrence of each name, longest names first, no overlaps."""
    found: list[Entity] = []
    for name in sorted(labels, key=len, reverse=True):
        for m in re.finditer(rf"\b{re.escape(name)}\b", text):
            if not any(e.start < m.end() and m.start() < e.end for e in found):
                found.append(Entity(m.start(), m.end(), m.group(), labels[name]))
    return sorted(found, key=lambda e: e.start)


def _actors(text: str, labels: dict[str, str]) -> list[Actor]:
    return build_actors(NLP(text), _entities(text, labels))


def _named(actors: list[Actor], name: str) -> Actor:
    return next(a for a in actors if a.name == name)


def test_surname_and_given_name_join_full_name() -> None:
    text = ("Prime Minister Maria Delgado met Tom Okafor. Delgado said little. "
            "Okafor smiled, and Maria left.")
    actors = _actors(text, {"Maria Delgado": "PERSON", "Delgado": "PERSON", "Tom Okafor": "PERSON",
                            "Okafor": "PERSON", "Maria": "PERSON"})
    assert sorted(a.name for a in actors) == ["Maria Delgado", "Tom Okafor"]
    delgado = _named(actors, "Maria Delgado")
    assert [m.text for m in delgado.mentions] == ["Maria Delgado", "Delgado", "Maria"]
    assert delgado.kind == "person"


def test_family_name_first_and_surname_before_full_name() -> None:
    text = "Wen said yes. Later, Wen Lihua arrived in the city."
    actors = _actors(text, {"Wen Lihua": "PERSON", "Wen": "PERSON"})
    assert len(actors) == 1 and actors[0].name == "Wen Lihua"
    assert len(actors[0].mentions) == 2


def test_title_is_not_part_of_the_name() -> None:
    text = "President Anna Berg spoke. Berg left."
    actors = _actors(text, {"President Anna Berg": "PERSON", "Berg": "PERSON"})
    assert [a.name for a in actors] == ["Anna Berg"]


def test_role_mentions_join_the_person_they_fit() -> None:
    text = ("Russian President Ivan Petrov met Li Wei. The Chinese president smiled. "
            "Aides said the Russian president was tired.")
    actors = _actors(text, {"Ivan Petrov": "PERSON", "Li Wei": "PERSON", "Russian": "NORP",
                            "Chinese": "NORP"})
    petrov, li = _named(actors, "Ivan Petrov"), _named(actors, "Li Wei")
    assert "the Russian president" in [m.text for m in petrov.mentions]
    assert "The Chinese president" in [m.text for m in li.mentions]
    assert not any(a.kind == "group" for a in actors)  # adjectives are not actors


def test_country_aliases_and_metonyms() -> None:
    text = ("The United States and Russia talked. The US said no. The Kremlin said yes. "
            "Moscow insisted.")
    actors = _actors(text, {"United States": "GPE", "US": "GPE", "Russia": "GPE",
                            "Kremlin": "ORG", "Moscow": "GPE"})
    us = _named(actors, "United States")
    assert [m.text for m in us.mentions] == ["United States", "US"]
    russia = _named(actors, "Russia")
    assert _named(actors, "Kremlin").refers_to == russia.id
    assert _named(actors, "Moscow").refers_to == russia.id
    assert _named(actors, "Kremlin").kind == "organization"


def test_acronym_joins_organisation() -> None:
    text = "The World Health Organization warned. The WHO said more later."
    actors = _actors(text, {"World Health Organization": "ORG", "WHO": "ORG"})
    assert len(actors) == 1 and actors[0].aliases == ["WHO"]


def test_a_name_keeps_one_kind() -> None:
    text = "Acme grew. Acme Holdings? No: Acme hired staff, Acme said."
    ents = [Entity(0, 4, "Acme", "ORG"), Entity(31, 35, "Acme", "PERSON"),
            Entity(49, 53, "Acme", "ORG")]
    actors = build_actors(NLP(text), ents)
    assert len(actors) == 1 and actors[0].kind == "organization"


def test_salience_ranks_quoted_and_frequent_first() -> None:
    text = "Ana Ruiz met Bo Chen. Chen spoke. Chen left. Ruiz stayed."
    actors = _actors(text, {"Ana Ruiz": "PERSON", "Bo Chen": "PERSON", "Chen": "PERSON",
                            "Ruiz": "PERSON"})
    chen = _named(actors, "Bo Chen")
    update_salience(actors, [Claim("c1", "quote", 0, 3, "Ana", speaker=chen.id)], len(text))
    assert actors[0] is chen and actors[0].salience == 1.0
    assert 0 < actors[1].salience < 1.0


def test_index_lookups() -> None:
    text = "Ana Ruiz met Bo Chen. Chen spoke."
    actors = _actors(text, {"Ana Ruiz": "PERSON", "Bo Chen": "PERSON", "Chen": "PERSON"})
    index = ActorIndex(actors)
    assert index.at(14, 16) is _named(actors, "Bo Chen")
    assert index.at(8, 12) is None
    assert index.last_person_before(21) is _named(actors, "Bo Chen")
    assert index.by_name("Ruiz") is _named(actors, "Ana Ruiz")
    assert index.by_name("Bo Chen’s") is _named(actors, "Bo Chen")
    assert index.by_name("Nobody") is None


def test_company_form_and_short_names_join_the_organisation() -> None:
    text = ("Harbour Foods Inc grew. Harbour Foods hired staff. Harbour said more. "
            "Bristol Rovers beat Riverton. Rovers celebrated.")
    actors = _actors(text, {"Harbour Foods Inc": "ORG", "Harbour Foods": "ORG", "Harbour": "ORG",
                            "Bristol Rovers": "ORG", "Rovers": "ORG", "Riverton": "GPE"})
    harbour = _named(actors, "Harbour Foods Inc")
    assert [m.text for m in harbour.mentions] == ["Harbour Foods Inc", "Harbour Foods", "Harbour"]
    assert [m.text for m in _named(actors, "Bristol Rovers").mentions] == ["Bristol Rovers", "Rovers"]
    assert _named(actors, "Riverton").kind == "place"


def test_a_place_does_not_join_an_organisation_named_after_it() -> None:
    text = "China Institute staff met in China. China agreed."
    actors = _actors(text, {"China Institute": "ORG", "China": "GPE"})
    assert sorted(a.name for a in actors) == ["China", "China Institute"]


def test_bracketed_short_name_is_an_alias() -> None:
    text = "The Pan-Asian Forum (Asia Forum) met. Asia Forum delegates left."
    actors = _actors(text, {"Pan-Asian Forum": "ORG", "Asia Forum": "ORG"})
    assert len(actors) == 1 and actors[0].aliases == ["Asia Forum"]
    assert len(actors[0].mentions) == 3


def test_index_word_shared_by_two_people_is_ambiguous() -> None:
    text = "Ana Ruiz met Luis Ruiz. Ana left."
    actors = _actors(text, {"Ana Ruiz": "PERSON", "Luis Ruiz": "PERSON", "Ana": "PERSON"})
    index = ActorIndex(actors)
    assert index.by_name("Ruiz") is None
    assert index.by_name("Ana") is _named(actors, "Ana Ruiz")
    assert index.by_name("Luis") is _named(actors, "Luis Ruiz")


def test_last_person_before_is_the_latest_person_mention_ending_before() -> None:
    from tui.analysis.actors import ActorIndex
    from tui.analysis.model import Actor, Span

    ana = Actor("a1", "Ana Ruiz", "person", mentions=[Span(0, 8, "Ana Ruiz"), Span(40, 44, "Ruiz")])
    tom = Actor("a2", "Tom Lind", "person", mentions=[Span(20, 28, "Tom Lind")])
    bank = Actor("a3", "Harbour Bank", "organization", mentions=[Span(30, 42, "Harbour Bank")])
    index = ActorIndex([ana, tom, bank])
    assert index.last_person_before(0) is None
    assert index.last_person_before(8) is ana
    assert index.last_person_before(29) is tom
    assert index.last_person_before(43) is tom  # "Ruiz" ends at 44, the bank is no person
    assert index.last_person_before(100) is ana


def test_repairs_drop_lone_titles_and_numerals_whatever_the_ner() -> None:
    text = "Emeritus spoke. Louis XVII and XVII. State said no."
    ents = [Entity(0, 8, "Emeritus", "ORG"), Entity(16, 26, "Louis XVII", "PERSON"),
            Entity(31, 35, "XVII", "PERSON"), Entity(37, 42, "State", "GPE")]
    assert [a.name for a in build_actors(NLP(text), ents)] == ["Louis XVII"]


def test_repairs_mend_a_name_cut_at_a_hyphen() -> None:
    text = "The Council on American - Islamic Relations said no."
    ents = [Entity(4, 23, "Council on American", "ORG"), Entity(26, 33, "Islamic", "NORP")]
    actors = build_actors(NLP(text), ents)
    assert [a.name for a in actors] == ["Council on American-Islamic Relations"]
    assert actors[0].mentions[0].text == "Council on American - Islamic Relations"


def test_repairs_split_an_organisation_from_the_person_after_it() -> None:
    text = "Harbour Foods Inc. Maria Keller said so. Goldman Sachs Jim Wong agreed."
    ents = [Entity(0, 31, "Harbour Foods Inc. Maria Keller", "ORG"),
            Entity(41, 63, "Goldman Sachs Jim Wong", "PERSON")]
    actors = {a.name: a.kind for a in build_actors(NLP(text), ents)}
    assert actors == {"Harbour Foods Inc.": "organization", "Maria Keller": "person",
                      "Goldman Sachs": "organization", "Jim Wong": "person"}


def test_descriptor_before_a_name_is_not_the_name() -> None:
    text = "Scientologist Tom Cruise came. Democrat Joe Smith came. Christian Bale came."
    actors = build_actors(NLP(text), [
        *_entities(text, {"Scientologist Tom Cruise": "ORG", "Democrat Joe Smith": "PERSON"}),
        *_entities(text, {"Christian Bale": "PERSON"})])
    assert [(a.name, a.kind) for a in actors] == [
        ("Tom Cruise", "person"), ("Joe Smith", "person"), ("Christian Bale", "person")]
    assert actors[0].mentions[0].text == "Tom Cruise"


def test_constituent_countries_keep_their_names() -> None:
    text = "England met Wales. Scotland and the United Kingdom watched."
    actors = _actors(text, {"England": "GPE", "Wales": "GPE", "Scotland": "GPE",
                            "United Kingdom": "GPE"})
    assert [a.name for a in actors] == ["England", "Wales", "Scotland", "United Kingdom"]


def test_role_mention_stays_unattached_without_a_fit() -> None:
    text = "Ana Ruiz met Tom Lind. The Thai foreign minister left. Brazil's striker Bo Chen ran. " \
           "Tunisia's goalkeeper fell."
    actors = _actors(text, {"Ana Ruiz": "PERSON", "Tom Lind": "PERSON", "Bo Chen": "PERSON",
                            "Brazil": "GPE", "Tunisia": "GPE"})
    people = [a for a in actors if a.kind == "person"]
    assert all(len(a.mentions) == 1 for a in people)


def test_role_mention_joins_by_employer_and_role() -> None:
    text = ("Ana Ruiz, the chief executive of Harbour Foods, spoke. Tom Lind, a union leader, "
            "replied. The company's chief executive left. Harbour's chief executive returned.")
    actors = _actors(text, {"Ana Ruiz": "PERSON", "Tom Lind": "PERSON", "Harbour Foods": "ORG",
                            "Harbour": "ORG"})
    ruiz = _named(actors, "Ana Ruiz")
    assert [m.text for m in ruiz.mentions] == [
        "Ana Ruiz", "The company's chief executive", "Harbour's chief executive"]


def test_salience_counts_every_speaker_and_the_lead() -> None:
    text = "Oslo and Bergen met. Ana Ruiz met Bo Chen. Oslo, Oslo, Oslo. Chen spoke. Ruiz spoke."
    actors = _actors(text, {"Oslo": "GPE", "Bergen": "GPE", "Ana Ruiz": "PERSON",
                            "Bo Chen": "PERSON", "Chen": "PERSON", "Ruiz": "PERSON"})
    ruiz, chen = _named(actors, "Ana Ruiz"), _named(actors, "Bo Chen")
    update_salience(actors, [Claim("c1", "quote", 0, 3, "x", speaker=chen.id)], len(text))
    alone = ruiz.salience
    update_salience(actors, [Claim("c1", "quote", 0, 3, "x", speakers=[chen.id, ruiz.id])],
                    len(text))
    assert ruiz.salience > alone
    update_salience(actors, [], len(text), text=text, title="Bergen votes")
    assert [a.name for a in actors[:2]] == ["Bergen", "Oslo"]  # the title, then the lead


def test_lead_is_the_title_line_and_first_sentence() -> None:
    from tui.analysis.actors import lead_span

    text = "Quake hits city\n\nA strong quake hit the city. More later."
    assert text[slice(*lead_span(text))] == "Quake hits city\n\nA strong quake hit the city."
    assert lead_span("One. Two.") == (0, 4)


def test_a_nationality_said_of_the_sentence_subject_is_a_hint() -> None:
    text = ("Tomas Berg will meet Russian President Ivan Petrov, as the most powerful Swedish "
            "leader since Karl Lund. Later the Swedish prime minister flew home.")
    actors = _actors(text, {"Tomas Berg": "PERSON", "Ivan Petrov": "PERSON",
                            "Karl Lund": "PERSON", "Russian": "NORP", "Swedish": "NORP"})
    assert "the Swedish prime minister" in [m.text for m in _named(actors, "Tomas Berg").mentions]
    assert len(_named(actors, "Karl Lund").mentions) == 1


def test_a_surname_taken_for_a_place_is_the_person() -> None:
    text = "Keller to step down\n\nMaria Keller will leave. She flew to Keller on Monday."
    actors = _actors(text, {"Keller": "GPE", "Maria Keller": "PERSON"})
    keller = _named(actors, "Maria Keller")
    assert [m.start for m in keller.mentions] == [0, 21]
    assert _named(actors, "Keller").kind == "place"  # "to Keller": the town


def test_a_word_of_a_full_name_is_a_person_on_a_tie() -> None:
    text = "Keller to step down\n\nMaria Keller will leave. Keller said so."
    ents = [Entity(0, 6, "Keller", "GPE"), Entity(21, 33, "Maria Keller", "PERSON"),
            Entity(46, 52, "Keller", "PERSON")]
    actors = build_actors(NLP(text), ents)
    assert [(a.name, [m.start for m in a.mentions]) for a in actors] == [
        ("Maria Keller", [0, 21, 46])]


def test_a_place_like_short_form_is_the_company_unless_a_locative_makes_it_a_place() -> None:
    text = ("Harlow Logistics Ltd lost money. Harlow cut jobs. It is based in Harlow. "
            "Shares of Harlow fell.")
    actors = _actors(text, {"Harlow Logistics Ltd": "ORG", "Harlow": "GPE"})
    company = _named(actors, "Harlow Logistics Ltd")
    assert [m.start for m in company.mentions] == [0, 33, 83]
    assert [m.start for m in _named(actors, "Harlow").mentions] == [65]


def test_a_role_in_apposition_before_a_name_is_that_person() -> None:
    text = ("The Thai foreign minister, Ana Ruiz, spoke. The Council on Foreign-Asian Relations "
            "met. CFAR left.")
    actors = _actors(text, {"Ana Ruiz": "PERSON", "Thai": "NORP",
                            "Council on Foreign-Asian Relations": "ORG", "CFAR": "ORG"})
    assert [m.text for m in _named(actors, "Ana Ruiz").mentions] == [
        "The Thai foreign minister", "Ana Ruiz"]
    assert _named(actors, "Council on Foreign-Asian Relations").aliases == ["CFAR"]


def test_index_at_prefers_the_mention_covering_most() -> None:
    text = "Ana Ruiz, Tunisia's goalkeeper, saved. Tunisia's goalkeeper said so."
    actors = _actors(text, {"Ana Ruiz": "PERSON", "Tunisia": "GPE"})
    index = ActorIndex(actors)
    start = text.index("Tunisia's goalkeeper said")
    assert index.at(start, start + len("Tunisia's goalkeeper")) is _named(actors, "Ana Ruiz")
    assert index.at(start, start + 3) is _named(actors, "Tunisia")
