"""Actors from the real built-in engine, one fixture set of invented sentences per class of error."""

from __future__ import annotations

import pytest

from tui.analysis.engine import analyze
from tui.analysis.model import Actor, Analysis
from tui.analysis.pipeline import Pipeline, load_pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return load_pipeline("builtin")


def _run(pipeline: Pipeline, text: str, title: str | None = None) -> Analysis:
    return analyze(text, pipeline, title=title)


def _actor(result: Analysis, name: str) -> Actor:
    found = [a for a in result.actors if a.name == name]
    assert found, f"no actor {name!r} in {[a.name for a in result.actors]}"
    return found[0]


def _mentions(actor: Actor) -> list[str]:
    return [m.text for m in actor.mentions]


# A role mention joins only a person it fits: (text, person, role mention or None if unattached)
ROLES = [
    ("Tunisia's goalkeeper Ali Ben Salah saved twice. Brazil's striker Joao Silva scored. "
     "Tunisia's goalkeeper was injured later.", "Ali Ben Salah", "Tunisia's goalkeeper"),
    ("Joao Silva scored for Brazil's striker pairing. Tunisia's goalkeeper was beaten twice.",
     "Joao Silva", None),
    ("Ana Lopez met Somchai Wongsawat in Bangkok. The Thai foreign minister said the talks "
     "went well.", "Somchai Wongsawat", None),
    ("The Thai foreign minister, Somchai Wongsawat, arrived. Ana Lopez spoke. The Thai foreign "
     "minister left.", "Somchai Wongsawat", "The Thai foreign minister"),
    ("Maria Keller, chief executive of Harlow Logistics, spoke. Tom Brandt, a union leader, "
     "replied. The company's chief executive later resigned.", "Maria Keller",
     "company's chief executive"),
    ("Tom Brandt leads the union. The company's chief executive declined to comment.",
     "Tom Brandt", None),
    ("Maria Keller, Harlow's chief executive, spoke. Tom Brandt, Acme's chairman, replied. "
     "Acme's chairman said yes.", "Tom Brandt", "Acme's chairman"),
    ("President Emma Dubois of France met German Chancellor Karl Weber. The German chancellor "
     "agreed.", "Karl Weber", "The German chancellor"),
    ("Ivan Petrov met Ana Lopez. The Russian president smiled.", "Ivan Petrov", None),
    ("Tom Brandt met Ana Lopez, the Spanish prime minister. Brandt said the Spanish leader "
     "was right.", "Ana Lopez", "the Spanish leader"),
    ("FIFA President Gianni Rossi opened the meeting. Ana Lopez spoke. The FIFA president "
     "then left.", "Gianni Rossi", "The FIFA president"),
    ("Welsh First Minister Gwen Morgan met Scottish First Minister Fiona Grant. The Welsh "
     "first minister said little.", "Gwen Morgan", "The Welsh first minister"),
]


@pytest.mark.parametrize(("text", "person", "role"), ROLES)
def test_role_mentions_join_only_a_person_they_fit(pipeline: Pipeline, text: str, person: str,
                                                   role: str | None) -> None:
    result = _run(pipeline, text)
    people = [a for a in result.actors if a.kind == "person"]
    role_mentions = [m.text for a in people for m in a.mentions if m.text[:1].islower()
                     or "'s " in m.text or m.text.startswith("The ")]
    if role is None:
        assert role_mentions == []
    else:
        assert any(m.endswith(role) for m in _mentions(_actor(result, person)))


# Constituent countries keep their names; a descriptor is not part of a name.
NAMES = [
    ("England beat Wales 2-1 at Cardiff. Scotland drew. The United Kingdom has four nations.",
     ["England", "Wales", "Scotland", "United Kingdom"]),
    ("Scientologist Tom Cruise arrived. Cruise smiled.", ["Tom Cruise"]),
    ("Striker Ana Lopez scored twice. Lopez then left the field.", ["Ana Lopez"]),
    ("Democrat Joe Smith and Republican Ann Bell disagreed. Smith said the bill was unfair.",
     ["Joe Smith", "Ann Bell"]),
]


@pytest.mark.parametrize(("text", "names"), NAMES)
def test_names_keep_their_own_form(pipeline: Pipeline, text: str, names: list[str]) -> None:
    result = _run(pipeline, text)
    actors = [a.name for a in result.actors]
    for name in names:
        assert name in actors
    assert len(set(actors)) == len(actors)


def test_descriptor_is_not_in_the_mentions(pipeline: Pipeline) -> None:
    result = _run(pipeline, "Scientologist Tom Cruise arrived. Cruise smiled.")
    assert _mentions(_actor(result, "Tom Cruise")) == ["Tom Cruise", "Cruise"]


# No junk actors: (text, names that must not be actors, names that must be)
JUNK = [
    ("The Secretary of State said no. State officials agreed.", ["State"], []),
    ("Professor Emeritus John Hale spoke. Emeritus professor Ann Bell spoke too.",
     ["Emeritus", "Emeritus John Hale"], ["John Hale", "Ann Bell"]),
    ("Doctor Ann Bell arrived. The Doctor left.", ["Doctor"], ["Ann Bell"]),
    ("King Louis XVII never reigned. Louis died young.", ["XVII"], ["Louis XVII"]),
    ("Super Bowl XVII was played in Pasadena. XVII was the number.", ["XVII"], ["Pasadena"]),
    ("Secretary of State Ann Bell said no. Bell left.", ["State Ann Bell"], ["Ann Bell"]),
    ("The Council on American - Islamic Relations said it was worried.",
     ["Council on American"], ["Council on American-Islamic Relations"]),
    ("Harlow Logistics Inc. Maria Keller said profits rose.", [],
     ["Harlow Logistics Inc.", "Maria Keller"]),
    ("A chapter of the Council on American - Islamic Relations Maria Keller said no.",
     ["Council on American"], ["Council on American-Islamic Relations", "Maria Keller"]),
    ("The University of Oslo Professor Ann Bell said so.", [], ["University of Oslo", "Ann Bell"]),
    ("Goldman Sachs Jim Wong said rates would rise.", [], ["Goldman Sachs", "Jim Wong"]),
]


@pytest.mark.parametrize(("text", "junk", "real"), JUNK)
def test_no_junk_actors(pipeline: Pipeline, text: str, junk: list[str], real: list[str]) -> None:
    names = [a.name for a in _run(pipeline, text).actors]
    assert not set(junk) & set(names)
    assert set(real) <= set(names)


# Aliases: (text, actor, every mention it must have)
ALIASES = [
    ("Prime Minister Maria Delgado met Tom Okafor. Delgado said little. Maria left.",
     "Maria Delgado", ["Maria Delgado", "Delgado", "Maria"]),
    ("Chinese leader Wang Jianguo spoke. Wang said he was pleased. Later, Jianguo left.",
     "Wang Jianguo", ["Wang Jianguo", "Wang", "Jianguo"]),
    ("The Federal Bureau of Investigation (FBI) opened a case. The FBI said it had evidence.",
     "Federal Bureau of Investigation", ["Federal Bureau of Investigation", "FBI", "FBI"]),
    ("Harlow Logistics Inc. reported a loss. Harlow said costs had risen. Shares of Harlow fell.",
     "Harlow Logistics Inc.", ["Harlow Logistics Inc.", "Harlow", "Harlow"]),
    ("The US State Department said no. The State Department gave no reason.",
     "US State Department", ["US State Department", "State Department"]),
    ("The United Nations met. The U.N. said it would vote.",
     "United Nations", ["United Nations", "U.N."]),
]


@pytest.mark.parametrize(("text", "name", "mentions"), ALIASES)
def test_aliases_join_the_full_name(pipeline: Pipeline, text: str, name: str,
                                    mentions: list[str]) -> None:
    assert _mentions(_actor(_run(pipeline, text), name)) == mentions


def test_metonyms_stay_their_own_actor(pipeline: Pipeline) -> None:
    result = _run(pipeline, "The Kremlin said Moscow would respond. Russia denied it.")
    russia = _actor(result, "Russia")
    assert _actor(result, "Kremlin").refers_to == russia.id
    assert _actor(result, "Moscow").refers_to == russia.id


# Salience: the subject first. (text, title given apart or None, the top actor)
SUBJECTS = [
    ("Harbour Bank fined over leaks\n\nRegulators fined Harbour Bank on Monday. Officials "
     "in Berlin and Paris met. Berlin said Paris agreed. Paris said Berlin agreed. "
     "\u201cThe fine is fair,\u201d said Tom Okafor. \u201cIt is,\u201d Okafor said.",
     None, "Harbour Bank"),
    ("Maria Keller will step down as chief executive of Harlow Logistics, the company said. "
     "The firm has offices in Germany. Germany is its biggest market; Germany is slowing.",
     "Keller to step down", "Maria Keller"),
    ("In Paris on Monday, Ana Lopez won the vote. Paris voters came out; Paris was calm and "
     "Paris police said so. \u201cI am grateful,\u201d Lopez said. Tom Brandt conceded.",
     None, "Ana Lopez"),
    ("Acme Holdings chairman Peter Vance said the deal was done.", None, "Peter Vance"),
]


@pytest.mark.parametrize(("text", "title", "top"), SUBJECTS)
def test_the_subject_ranks_first(pipeline: Pipeline, text: str, title: str | None,
                                 top: str) -> None:
    assert _run(pipeline, text, title).actors[0].name == top


def test_every_speaker_counts(pipeline: Pipeline) -> None:
    text = ("Ana Ruiz met Bo Chen and Li Na in Oslo. Oslo was cold. Oslo was dark.\n\n"
            "\u201cWe agree,\u201d Chen and Li said. \u201cWe still agree,\u201d Chen and Li "
            "said. \u201cAnd again,\u201d Li and Chen said.")
    result = _run(pipeline, text)
    assert {result.actors[0].name, result.actors[1].name} == {"Bo Chen", "Li Na"}


def test_the_west_is_a_group(pipeline: Pipeline) -> None:
    result = _run(pipeline, "The West imposed sanctions. Russia said the West was hostile.")
    assert _actor(result, "West").kind == "group"
