"""Claims: direct quotes, speakers, reported speech and check-worthy assertions."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.analysis.actors import ActorIndex
from tui.analysis.claims import extract_claims, find_quotes, sentence_features
from tui.analysis.model import Actor, Claim, Span

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_7cbc1cc0767b49e5.txt"


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def make_actors(text: str, spec: dict[str, tuple[str, list[str]]]) -> list[Actor]:
    """Actors from ``{name: (kind, aliases)}`` with a mention wherever the name or an alias occurs
    (longest first, never overlapping)."""
    taken: list[tuple[int, int]] = []
    actors = []
    forms = sorted(
        ((form, name) for name, (_, aliases) in spec.items() for form in [name, *aliases]),
        key=lambda t: -len(t[0]),
    )
    mentions: dict[str, list[Span]] = {name: [] for name in spec}
    for form, name in forms:
        for m in re.finditer(r"(?<!\w)" + re.escape(form) + r"(?!\w)", text):
            if any(s < m.end() and e > m.start() for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            mentions[name].append(Span(m.start(), m.end(), m.group()))
    for n, (name, (kind, aliases)) in enumerate(spec.items(), 1):
        ms = sorted(mentions[name], key=lambda s: s.start)
        actors.append(Actor(id=f"a{n}", name=name, kind=kind, aliases=aliases, mentions=ms))  # type: ignore[arg-type]
    return actors


def run(nlp, text: str, spec: dict[str, tuple[str, list[str]]] | None = None) -> tuple[list[Claim], dict[str, str]]:
    actors = make_actors(text, spec or {})
    claims = extract_claims(nlp(text), ActorIndex(actors))
    check_invariants(text, claims)
    return claims, {a.id: a.name for a in actors}


def check_invariants(text: str, claims: list[Claim]) -> None:
    assert [c.id for c in claims] == [f"c{i}" for i in range(1, len(claims) + 1)]
    assert [(c.start, c.end) for c in claims] == sorted((c.start, c.end) for c in claims)
    for c in claims:
        assert 0 <= c.start < c.end <= len(text)
        assert text[c.start:c.end] == c.text
        assert c.kind in ("quote", "reported", "assertion")


def quotes(claims: list[Claim]) -> list[Claim]:
    return [c for c in claims if c.kind == "quote"]


def reported(claims: list[Claim]) -> list[Claim]:
    return [c for c in claims if c.kind == "reported"]


# --------------------------------------------------------------------------------------------
# Quote marks
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "opening,closing",
    [("“", "”"), ('"', '"'), ("«", "»"), ("„", "“"), ("‘", "’"), ("‹", "›")],
)
def test_quote_marks_of_every_family(nlp, opening: str, closing: str) -> None:
    text = f"The vote was close. {opening}We will win this fight in the courts,{closing} said Maria Lopez."
    claims, names = run(nlp, text, {"Maria Lopez": ("person", ["Lopez"])})
    (q,) = quotes(claims)
    assert q.text == f"{opening}We will win this fight in the courts,{closing}"
    assert q.speaker_text == "Maria Lopez"
    assert names[q.speaker] == "Maria Lopez"
    assert q.cue == "said"


def test_nested_single_quotes_do_not_break_pairing(nlp) -> None:
    text = (
        "The visit “shows that China is willing not only to continue ‘business as usual’ with "
        "Russia, but even to show support,” said Alexander Korolev, a professor in Sydney."
    )
    claims, _ = run(nlp, text)
    (q,) = quotes(claims)
    assert q.text.startswith("“shows") and q.text.endswith("support,”")
    assert q.speaker_text == "Alexander Korolev"
    assert not any(c.text.startswith("‘business") for c in claims)


def test_apostrophes_are_not_quote_marks(nlp) -> None:
    text = (
        "Putin’s aides don’t comment. “The leaders’ talks in the ’90s were Russia’s best chance, "
        "and they didn’t take it,” said Anna Petrova. The students' union and rock ’n’ roll stay out."
    )
    claims, _ = run(nlp, text)
    (q,) = quotes(claims)
    assert q.text == (
        "“The leaders’ talks in the ’90s were Russia’s best chance, and they didn’t take it,”"
    )
    assert q.speaker_text == "Anna Petrova"


def test_single_quote_primary_style_with_plural_possessive(nlp) -> None:
    text = "‘The ministers’ plan will fail within weeks,’ said Tom Hardy, a former official."
    claims, _ = run(nlp, text)
    (q,) = quotes(claims)
    assert q.text == "‘The ministers’ plan will fail within weeks,’"
    assert q.speaker_text == "Tom Hardy"


def test_multi_paragraph_quote_is_one_claim(nlp) -> None:
    text = (
        "The minister spoke at length.\n\n"
        "“We have worked on this plan for two years and it is ready to go.\n\n"
        "“Nobody should doubt that we will deliver it,” said Jane Smith.\n\n"
        "The plan was approved."
    )
    claims, _ = run(nlp, text)
    (q,) = quotes(claims)
    assert q.start == text.index("“We have")
    assert q.end == text.index("said Jane") - 1
    assert q.speaker_text == "Jane Smith"


def test_find_quotes_top_level_only() -> None:
    text = "He said “one ‘two’ three” and «four» and \"five six\"."
    spans = [text[q.start:q.end] for q in find_quotes(text)]
    assert spans == ["“one ‘two’ three”", "«four»", '"five six"']


def test_unbalanced_marks_do_not_crash_or_swallow_text(nlp) -> None:
    text = "“An open quote that never closes.\n\nA normal paragraph follows here.\n\n” stray close."
    claims, _ = run(nlp, text)
    assert all(c.kind != "quote" or "normal paragraph" not in c.text for c in claims)


# --------------------------------------------------------------------------------------------
# Scare quotes, titles, partial quotes
# --------------------------------------------------------------------------------------------


def test_scare_quotes_and_titles_are_not_quotes(nlp) -> None:
    text = (
        "The deepening of the “boundless” partnership is watched in the West.\n\n"
        "China has refrained from calling it an “invasion”, in line with the Kremlin, which calls "
        "the war a “special military operation”.\n\n"
        "George Magnus is the author of “Red Flags.” (“Red flags”, in Spanish), a book about Xi."
    )
    claims, _ = run(nlp, text)
    assert quotes(claims) == []


def test_partial_quote_in_reported_clause(nlp) -> None:
    text = "Ushakov, an adviser to Putin, said the Xi-Putin meeting would be “very important.” He did not elaborate."
    claims, names = run(nlp, text, {"Yuri Ushakov": ("person", ["Ushakov"]), "Vladimir Putin": ("person", ["Putin"])})
    (q,) = quotes(claims)
    assert q.text == "“very important.”"
    assert q.speaker_text == "Ushakov"
    assert names[q.speaker] == "Yuri Ushakov"


def test_short_quote_right_after_a_cue_is_kept(nlp) -> None:
    text = "Asked about the deal, Smith said: “Absolutely not.”"
    claims, _ = run(nlp, text)
    (q,) = quotes(claims)
    assert q.text == "“Absolutely not.”"
    assert q.speaker_text == "Smith"


def test_long_unattributed_quote_is_kept_without_speaker(nlp) -> None:
    text = "The sign read: “No entry for anyone without a valid permit from the council office.”"
    claims, _ = run(nlp, text)
    (q,) = quotes(claims)
    assert q.speaker is None and q.speaker_text is None


# --------------------------------------------------------------------------------------------
# Speakers
# --------------------------------------------------------------------------------------------


def test_speaker_before_quote_with_colon(nlp) -> None:
    text = "Maria Lopez said: “The court has spoken and we will respect its decision.”"
    claims, names = run(nlp, text, {"Maria Lopez": ("person", [])})
    (q,) = quotes(claims)
    assert q.speaker_text == "Maria Lopez" and names[q.speaker] == "Maria Lopez"
    assert reported(claims) == []  # the content is the quote itself


def test_speaker_after_quote_name_first(nlp) -> None:
    text = "“The court has spoken and we will respect its decision,” Lopez said on Tuesday."
    claims, names = run(nlp, text, {"Maria Lopez": ("person", ["Lopez"])})
    (q,) = quotes(claims)
    assert q.speaker_text == "Lopez" and names[q.speaker] == "Maria Lopez"


def test_title_before_name_is_dropped(nlp) -> None:
    text = (
        "“The most important message is not that Xi supports Putin,” said Professor Steve Tsang, "
        "director of the China Institute at SOAS."
    )
    claims, names = run(nlp, text, {"Steve Tsang": ("person", []), "Xi": ("person", []), "Putin": ("person", [])})
    (q,) = quotes(claims)
    assert q.speaker_text == "Steve Tsang"
    assert names[q.speaker] == "Steve Tsang"


def test_role_and_title_before_name(nlp) -> None:
    text = "“We are ready for talks,” Russian Foreign Minister Sergei Lavrov told reporters."
    claims, _ = run(nlp, text)
    (q,) = quotes(claims)
    assert q.speaker_text == "Sergei Lavrov"
    assert q.cue == "told"


def test_appositive_between_speaker_and_cue(nlp) -> None:
    text = "“The sanctions are not working at all,” Yuri Ushakov, an adviser to Putin, said."
    claims, names = run(nlp, text, {"Yuri Ushakov": ("person", []), "Putin": ("person", [])})
    (q,) = quotes(claims)
    assert q.speaker_text == "Yuri Ushakov"
    assert names[q.speaker] == "Yuri Ushakov"


def test_appositive_after_name_before_colon_quote(nlp) -> None:
    text = "After the match, Hernan Gomez, Panama coach, said, “We have learned a lot from today’s game.”"
    claims, _ = run(nlp, text)
    (q,) = quotes(claims)
    assert q.speaker_text == "Hernan Gomez"


def test_pronoun_speaker_resolves_to_last_person(nlp) -> None:
    text = (
        "Steve Tsang has followed Chinese politics for decades.\n\n"
        "“If there were plots against him, now is when they would happen,” he said."
    )
    claims, names = run(nlp, text, {"Steve Tsang": ("person", [])})
    (q,) = quotes(claims)
    assert q.speaker_text == "he"
    assert names[q.speaker] == "Steve Tsang"


def test_coordinated_speakers(nlp) -> None:
    text = (
        "The Chinese president will then meet Putin in Samarkand in Uzbekistan, Kazakhstan and "
        "the Kremlin said."
    )
    claims, names = run(nlp, text, {"Kazakhstan": ("place", []), "Kremlin": ("organization", []),
                                    "Putin": ("person", [])})
    (r,) = reported(claims)
    assert r.speaker_text == "Kazakhstan and the Kremlin"
    assert names[r.speaker] == "Kazakhstan"
    assert r.text == "The Chinese president will then meet Putin in Samarkand in Uzbekistan"


def test_continuation_paragraph_keeps_speaker(nlp) -> None:
    text = (
        "“In my opinion, everything revolves around Xi,” said George Magnus, author of “Red Flags.”, "
        "a book about Xi’s challenges.\n\n"
        "“Privately, I imagine Xi will be more anxious to know how the war is going.”\n\n"
        "Russia suffered its worst defeat of the war last week."
    )
    claims, names = run(nlp, text, {"George Magnus": ("person", []), "Xi": ("person", [])})
    qs = quotes(claims)
    assert [q.speaker_text for q in qs] == ["George Magnus", "George Magnus"]
    assert {names[q.speaker] for q in qs} == {"George Magnus"}


def test_continuation_needs_adjacent_paragraph(nlp) -> None:
    text = (
        "“We will win this fight,” said George Magnus.\n\n"
        "The government rejected the idea on Monday.\n\n"
        "“Nobody knows what the cabinet will decide next week,” a sign at the protest read."
    )
    claims, _ = run(nlp, text)
    qs = quotes(claims)
    assert qs[0].speaker_text == "George Magnus"
    assert qs[1].speaker_text is None


def test_cue_word_before_name_when_quote_interrupted(nlp) -> None:
    text = "“Part one of the answer,” she said, “and part two of the same answer.”"
    claims, _ = run(nlp, text)
    (q,) = quotes(claims)  # one utterance, one claim
    assert (q.start, q.end, q.speaker_text) == (0, len(text), "she")


def test_according_to(nlp) -> None:
    text = (
        "“The reactor is safe and there is no leak at all,” according to the Atomic Energy Agency.\n\n"
        "According to the ministry, exports fell by 12 percent in May.\n\n"
        "Exports to Asia rose sharply, according to official figures."
    )
    claims, _ = run(nlp, text)
    (q,) = quotes(claims)
    assert q.speaker_text == "the Atomic Energy Agency"
    assert q.cue == "according to"
    rs = reported(claims)
    assert [(r.text, r.speaker_text) for r in rs] == [
        ("exports fell by 12 percent in May.", "the ministry"),
        ("Exports to Asia rose sharply", "official figures"),
    ]


# --------------------------------------------------------------------------------------------
# Reported speech
# --------------------------------------------------------------------------------------------


def test_reported_speech_forms(nlp) -> None:
    text = (
        "Putin’s foreign policy adviser Yuri Ushakov told reporters last week that the Russian "
        "president was expected to meet Xi at the summit. "
        "Putin says Russia is turning to Asia after centuries of looking to the West. "
        "Putin said last week that a major gas export route to China had been agreed. "
        "The Kremlin declined to give details of their talks."
    )
    claims, names = run(nlp, text, {"Yuri Ushakov": ("person", []), "Vladimir Putin": ("person", ["Putin"]),
                                    "Kremlin": ("organization", [])})
    rs = reported(claims)
    got = [(r.speaker_text, r.cue, r.text) for r in rs]
    assert got == [
        ("Yuri Ushakov", "told", "the Russian president was expected to meet Xi at the summit."),
        ("Putin", "says", "Russia is turning to Asia after centuries of looking to the West."),
        ("Putin", "said", "a major gas export route to China had been agreed."),
        ("The Kremlin", "declined", "The Kremlin declined to give details of their talks."),
    ]
    assert names[rs[0].speaker] == "Yuri Ushakov"
    assert names[rs[1].speaker] == "Vladimir Putin"


def test_sentence_final_attribution(nlp) -> None:
    text = "The bridge will reopen in March after repairs, the mayor said."
    claims, _ = run(nlp, text)
    (r,) = reported(claims)
    assert r.text == "The bridge will reopen in March after repairs"
    assert r.speaker_text == "the mayor"


def test_pronoun_reported_speech(nlp) -> None:
    text = "Maria Lopez spoke to the press. She said the company would cut 300 jobs."
    claims, names = run(nlp, text, {"Maria Lopez": ("person", [])})
    (r,) = reported(claims)
    assert r.text == "the company would cut 300 jobs."
    assert r.speaker_text == "She"
    assert names[r.speaker] == "Maria Lopez"


@pytest.mark.parametrize(
    "text",
    [
        "Xi is scheduled to pay a state visit to Kazakhstan on Wednesday.",
        "The group plans to admit Iran, one of Moscow’s main allies in the Middle East.",
        "The United States and its allies met in Brussels.",
        "The claims were rejected. Bank notes were printed.",
        "Putin’s claims about the war were false.",
    ],
)
def test_no_cue_without_speaker_next_to_it(nlp, text: str) -> None:
    claims, _ = run(nlp, text)
    assert reported(claims) == [] and quotes(claims) == []


def test_cues_inside_quotes_are_not_reported_speech(nlp) -> None:
    text = "“My brother said the factory would close next year,” Anna Petrova told the court."
    claims, _ = run(nlp, text)
    assert reported(claims) == []
    (q,) = quotes(claims)
    assert q.speaker_text == "Anna Petrova"


# --------------------------------------------------------------------------------------------
# Assertions
# --------------------------------------------------------------------------------------------


def test_assertions_are_check_worthy_sentences_only(nlp) -> None:
    text = (
        "Trade soared by almost a third between Russia and China in the first 7 months of 2022. "
        "Russia suffered its worst defeat of the war last week. "
        "The economy is projected to overtake the United States within a decade. "
        "The floods led to the closure of the main road. "
        "The weather was pleasant and people walked in the park. "
        "It was a nice day?"
    )
    claims, _ = run(nlp, text)
    got = [c.text for c in claims if c.kind == "assertion"]
    assert got == [
        "Trade soared by almost a third between Russia and China in the first 7 months of 2022.",
        "Russia suffered its worst defeat of the war last week.",
        "The economy is projected to overtake the United States within a decade.",
        "The floods led to the closure of the main road.",
    ]
    assert all(c.score >= 1.0 for c in claims)


def test_assertion_span_is_stripped_sentence(nlp) -> None:
    text = "Intro line\n\nIt will transport 50 billion cubic meters of gas a year.   \n\n"
    claims, _ = run(nlp, text)
    (a,) = claims
    assert a.text == "It will transport 50 billion cubic meters of gas a year."


def test_scores_rank_quantified_claims_first() -> None:
    assert sentence_features("Exports rose 12 percent to $4 billion, the highest on record.") > \
        sentence_features("Exports rose.")
    assert sentence_features("Is it?") < 1.0


# --------------------------------------------------------------------------------------------
# Robustness
# --------------------------------------------------------------------------------------------


def test_empty_and_whitespace(nlp) -> None:
    assert extract_claims(nlp(""), ActorIndex([])) == []
    assert extract_claims(nlp("  \n\n "), ActorIndex([])) == []


def test_doc_without_sentence_boundaries() -> None:
    nlp = spacy.blank("en")
    text = "“We will not give up the fight for the workers,” said Anna Petrova. Prices rose 5 percent in the first quarter of the year."
    claims = extract_claims(nlp(text), ActorIndex([]))
    check_invariants(text, claims)
    assert [c.kind for c in claims] == ["quote", "assertion"]


def test_actor_index_failures_do_not_break_claims(nlp) -> None:
    class Broken(ActorIndex):
        def at(self, start: int, end: int):  # type: ignore[override]
            raise RuntimeError("not ready")

    text = "“We will win this fight in the courts,” said Maria Lopez."
    claims = extract_claims(nlp(text), Broken([]))
    assert claims[0].speaker is None and claims[0].speaker_text == "Maria Lopez"


@pytest.mark.skipif(not SEED.exists(), reason="sample article not in this checkout")
def test_sample_article(nlp) -> None:
    text = SEED.read_text(encoding="utf-8")
    claims = extract_claims(nlp(text), ActorIndex([]))
    check_invariants(text, claims)
    qs = quotes(claims)
    assert [q.speaker_text for q in qs] == [
        "George Magnus", "George Magnus", "Alexander Korolev", "Alexander Korolev",
        "Steve Tsang", "Steve Tsang", "Ushakov",
    ]
    assert qs[-1].text == "“very important.”"
    for bad in ("“Red Flags.”", "“boundless”", "“invasion”", "‘business as usual’", "“special military"):
        assert not any(q.text.startswith(bad) for q in qs)
    rs = {(r.speaker_text, r.cue) for r in reported(claims)}
    assert {("Yuri Ushakov", "told"), ("Putin", "says"), ("Putin", "said"),
            ("Kazakhstan and the Kremlin", "said")} <= rs


# --------------------------------------------------------------------------------------------
# Property: never raises, always in bounds
# --------------------------------------------------------------------------------------------

_MARKS = list("“”„\"‘’‚'«»‹›")
_PIECES = st.one_of(
    st.sampled_from(_MARKS),
    st.sampled_from([" said ", " says ", " told reporters ", " according to ", ", he said. ", "\n\n",
                     "\n", ". ", ", ", ": ", " Maria Lopez ", " the Kremlin ", " and ", " 50 percent ",
                     " will ", " don’t ", " ’90s ", "Putin’s "]),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=40))
def test_claims_never_raise_and_stay_in_bounds(pieces: list[str]) -> None:
    text = "".join(pieces)
    nlp = _shared_nlp()
    actors = make_actors(text, {"Maria Lopez": ("person", ["Lopez"]), "Kremlin": ("organization", [])})
    claims = extract_claims(nlp(text), ActorIndex(actors))
    check_invariants(text, claims)
    for c in claims:
        assert c.speaker is None or c.speaker in {a.id for a in actors}


_NLP: list[spacy.language.Language] = []


def _shared_nlp() -> spacy.language.Language:
    if not _NLP:
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        _NLP.append(nlp)
    return _NLP[0]


@pytest.mark.parametrize(
    "text,speaker",
    [
        ("“We will appeal the ruling,” a spokesman for the ministry said.", "a spokesman for the ministry"),
        ("“We will appeal the ruling,” said Mr. Smith, the company’s lawyer.", "Smith"),
        ("“We will appeal the ruling,” Mr. Smith said.", "Smith"),
        ("“We will appeal the ruling,” the official said, speaking on condition of anonymity.", "the official"),
        ("“Why would we ever accept such a deal?” asked Senator Jane Doe.", "Jane Doe"),
        ("In a statement, the company said: “We regret the error and will pay.”", "the company"),
        ("“We will not back down,” Smith, 45, told the BBC on Monday.", "Smith"),
        ("“We will not back down,” CEO of the Refugee Council Enver Solomon told Sky News.", "Enver Solomon"),
        ("“We will not back down,” Governor of Washington Chris Gregoire said.", "Chris Gregoire"),
        ("“We are so interested in the contest,” team member Rodaba Noori told the press.", "Rodaba Noori"),
        ("“It’s a long game for everyone involved here.” - Matthew Ingram\n\nMore text.", "Matthew Ingram"),
        ("“We will stay until they listen,” said one of the protesters, a student.", "one of the protesters"),
        ("“We will stay until they listen,” one of the organizers told reporters.", "one of the organizers"),
        ("“We will stay until they listen,” said Sen. Elizabeth Warren, D-Mass.", "Elizabeth Warren"),
        ("The Home Office letter reads “we may extend the use of the questionnaire in due course”.",
         "The Home Office letter"),
    ],
)
def test_speaker_patterns(nlp, text: str, speaker: str) -> None:
    claims, _ = run(nlp, text)
    (q,) = quotes(claims)
    assert q.speaker_text == speaker
    assert reported(claims) == []


def test_role_then_name_appositive(nlp) -> None:
    text = "The company’s chief executive, John Brown, said the firm would cut 300 jobs by March."
    claims, _ = run(nlp, text)
    (r,) = reported(claims)
    assert r.speaker_text == "John Brown"
    assert r.text == "the firm would cut 300 jobs by March."


def test_further_quote_in_same_paragraph_keeps_speaker(nlp) -> None:
    text = (
        "“I think the obsession with celebrity is as strong today as ever,” said Elaine Gustafon. "
        "“People are still intrigued by how stars live and dress.”"
    )
    claims, _ = run(nlp, text)
    (q,) = quotes(claims)  # consecutive quotes of one speaker in a paragraph: one statement
    assert q.speaker_text == "Elaine Gustafon" and q.end == len(text)


def test_sloppy_multi_paragraph_quote_without_reopening(nlp) -> None:
    text = (
        "After the match, the coach said, “I think we have learned a lot from today’s game.\n\n"
        "It was a very emotional day for all of us.”\n\nThe next match is on Sunday."
    )
    claims, _ = run(nlp, text)
    (q,) = quotes(claims)
    assert q.text.endswith("for all of us.”")
    assert q.speaker_text == "the coach"


def test_adding_that_is_reported_speech_of_the_same_speaker(nlp) -> None:
    text = "Smith said the plant would close in May, adding that 300 jobs would go."
    claims, _ = run(nlp, text)
    assert [(r.text, r.speaker_text, r.cue) for r in reported(claims)] == [
        ("the plant would close in May", "Smith", "said"),
        ("300 jobs would go.", "Smith", "adding"),
    ]


def test_declined_needs_to(nlp) -> None:
    claims, _ = run(nlp, "Sales declined 5 percent in May. The Kremlin declined to give details of the talks.")
    assert [(r.speaker_text, r.cue) for r in reported(claims)] == [("The Kremlin", "declined")]


def test_it_said_resolves_to_last_organisation_speaker(nlp) -> None:
    text = (
        "“The shelling was a grave provocation by the military,” said KCNA. "
        "“Foolhardy provocation deserves harsh punishment,” it added."
    )
    actors = [Actor("a1", "Korean Central News Agency", "organization", ["KCNA"],
                    [Span(text.index("KCNA"), text.index("KCNA") + 4, "KCNA")])]
    claims = extract_claims(nlp(text), ActorIndex(actors))
    assert [(q.speaker_text, q.speaker) for q in quotes(claims)] == [("KCNA", "a1"), ("it", "a1")]


@pytest.mark.parametrize(
    "text,speaker",
    [
        ("The central bank’s statement said inflation had peaked in the autumn.", "The central bank’s statement"),
        ("Russia’s foreign ministry said the talks had failed because of Western demands.", "Russia’s foreign ministry"),
        ("Mark Zandi of Moody’s Analytics wrote that rates should fall by a point.", "Mark Zandi"),
        ("The Bank of England said inflation would fall to 2 percent next year.", "The Bank of England"),
        ("US Secretary of State Antony Blinken said the talks would resume in June.", "Antony Blinken"),
        ("Opposition leader Keir Starmer and Labour’s Rachel Reeves said the plan had failed.",
         "Keir Starmer and Labour’s Rachel Reeves"),
        ("Officials say the bridge will reopen in the spring.", "Officials"),
    ],
)
def test_reported_speaker_phrases(nlp, text: str, speaker: str) -> None:
    claims, _ = run(nlp, text)
    (r,) = reported(claims)
    assert r.speaker_text == speaker


def test_pronoun_prefers_the_sentence_subject_over_the_latest_name(nlp) -> None:
    text = (
        "For Dana Whitlock, a college instructor in English, Calder was also a legend. He said, "
        "“Rosa Calder was the center of the Zeitgeist for the 20th century.”"
    )
    claims, names = run(nlp, text, {"Dana Whitlock": ("person", []), "Rosa Calder": ("person", ["Calder"])})
    (q,) = quotes(claims)
    assert q.speaker_text == "He"
    assert names[q.speaker] == "Dana Whitlock"


def test_pronoun_ignores_people_named_inside_quotes(nlp) -> None:
    text = (
        "Steve Tsang spoke in London.\n\n"
        "“The biggest sign is that he, Xi Jinping, is going to leave China,” he said."
    )
    claims, names = run(nlp, text, {"Steve Tsang": ("person", []), "Xi Jinping": ("person", [])})
    (q,) = quotes(claims)
    assert names[q.speaker] == "Steve Tsang"


def test_name_colon_quote(nlp) -> None:
    text = "Professor Steve Tsang: “The most important message is not that Xi supports Putin.”"
    claims, _ = run(nlp, text)
    (q,) = quotes(claims)
    assert q.speaker_text == "Steve Tsang"
    claims, _ = run(nlp, "Update: “The road is closed to all traffic until further notice.”")
    assert quotes(claims)[0].speaker_text is None


def _parsed(nlp, words: list[str], heads: list[int], deps: list[str]) -> spacy.tokens.Doc:
    spaces = [i + 1 < len(words) and words[i + 1] not in (".", ",") for i in range(len(words))]
    return spacy.tokens.Doc(nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps)


def test_trained_parser_subject_fills_in_the_speaker(nlp) -> None:
    words = ["The", "45-year-old", "mother", "of", "three", "said", "the", "plant", "would", "close", "."]
    heads = [2, 2, 5, 2, 3, 5, 7, 9, 9, 5, 5]
    deps = ["det", "amod", "nsubj", "prep", "pobj", "ROOT", "det", "nsubj", "aux", "ccomp", "punct"]
    doc = _parsed(nlp, words, heads, deps)
    claims = extract_claims(doc, ActorIndex([]))
    check_invariants(doc.text, claims)
    (r,) = reported(claims)
    assert r.speaker_text == "The 45-year-old mother"
    assert r.text == "the plant would close."


def test_trained_parser_inverted_subject(nlp) -> None:
    words = ["“", "We", "won", ",", "”", "said", "a", "tired", "but", "happy", "Ana", "Diaz", "."]
    heads = [2, 2, 5, 2, 2, 5, 11, 11, 7, 7, 11, 5, 5]
    deps = ["punct", "nsubj", "ccomp", "punct", "punct", "ROOT", "det", "amod", "cc", "conj", "compound",
            "nsubj", "punct"]
    doc = _parsed(nlp, words, heads, deps)
    claims = extract_claims(doc, ActorIndex([]))
    check_invariants(doc.text, claims)
    (q,) = quotes(claims)
    assert q.speaker_text == "Ana Diaz"


@pytest.mark.parametrize(
    "text",
    [
        "‘the leaders’ talks " * 3000,
        "'em 'tis " * 3000,
        "X said " * 3000,
        "“quote,” he said, “more” " * 2000,
        "“" + "word " * 10000,
    ],
)
def test_pathological_texts_stay_fast(nlp, text: str) -> None:
    import time

    doc = nlp(text)
    t = time.perf_counter()
    claims = extract_claims(doc, ActorIndex([]))
    assert time.perf_counter() - t < 2.0
    check_invariants(text, claims)


def test_parenthetical_attribution(nlp) -> None:
    text = (
        "Russian forces pounded eastern Ukraine overnight, officials said Sunday, as President "
        "Volodymyr Zelenskyy urged allies to act. The deal, he said in a statement, was the best available."
    )
    claims, _ = run(nlp, text)
    assert [(r.text, r.speaker_text) for r in reported(claims)] == [
        ("Russian forces pounded eastern Ukraine overnight", "officials"),
        ("Volodymyr Zelenskyy urged allies to act.", "Volodymyr Zelenskyy"),
        ("The deal, he said in a statement, was the best available.", "he"),
    ]


def test_short_quote_continuing_a_speaker_in_the_same_paragraph(nlp) -> None:
    text = (
        "“I can’t say when it will end,” a soldier who gave only his first name, Oleksiy, told The "
        "Associated Press. “Nobody can.”"
    )
    claims, _ = run(nlp, text)
    assert [(q.text, q.speaker_text) for q in quotes(claims)] == [
        ("“I can’t say when it will end,”", "a soldier"),
        ("“Nobody can.”", "a soldier"),
    ]


def test_role_name_appositive_with_lowercase_role(nlp) -> None:
    text = "Zelenskyy’s chief of staff, Andriy Yermak, wrote on social media that “the enemy will not break us.”"
    claims, _ = run(nlp, text)
    (q,) = quotes(claims)
    assert q.speaker_text == "Andriy Yermak"


def test_quote_after_reported_speech_continues_its_speaker(nlp) -> None:
    text = (
        "Okonjo also said Calder was both an artist and a businessperson. "
        "“He wanted to be rich and famous and he made lots of choices to go that way.”\n\n"
        "In the words of the Crown prosecutor, Paul Ferris, “the girl spent months crying in pain.”"
    )
    claims, _ = run(nlp, text)
    assert [q.speaker_text for q in quotes(claims)] == ["Okonjo", "Paul Ferris"]


def test_characterising_verbs_attribute_partial_quotes_only(nlp) -> None:
    text = (
        "The secretary general of CEI (Italian Episcopal Conference), Nunzio Galantino, has called "
        "the sentence “dangerous” and “ideological”. The Kremlin, which calls the war a "
        "“special military operation”, did not comment."
    )
    claims, _ = run(nlp, text)
    assert [(q.text, q.speaker_text) for q in quotes(claims)] == [
        ("“dangerous”", "Nunzio Galantino"),
        ("“ideological”", "Nunzio Galantino"),
    ]
    assert reported(claims) == []


def test_quote_paragraph_after_reported_speech_paragraph(nlp) -> None:
    text = (
        "Smith said the plan would fail within a year.\n\n"
        "“It has no chance at all, and everyone in this building knows it.”\n\n"
        "The council voted on Monday.\n\n"
        "“Nobody will remember this vote in ten years from now, believe me.”"
    )
    claims, _ = run(nlp, text)
    assert [q.speaker_text for q in quotes(claims)] == ["Smith", None]


def test_quote_running_past_its_paragraph_after_a_cue(nlp: spacy.language.Language) -> None:
    """Regression (found by hypothesis): a quote opening a paragraph and closing in a later one."""
    text = "“ “\n\n“ said \n\n”"
    for c in extract_claims(nlp(text), ActorIndex([])):
        assert text[c.start:c.end] == c.text


@pytest.mark.parametrize(
    "text,speaker,content",
    [
        ("The shelf is thinning fast, Dr. Tom Hale said.", "Tom Hale", "The shelf is thinning fast"),
        ("The melt will continue, said Anna Berg.", "Anna Berg", "The melt will continue"),
        ("The melt will continue, said Dr. Anna Berg, a glaciologist.", "Anna Berg",
         "The melt will continue"),
        ("Warm water is eating the ice, according to Prof. Rajesh Menon.", "Rajesh Menon",
         "Warm water is eating the ice"),
    ],
)
def test_sentence_final_attribution_with_titles(nlp, text: str, speaker: str, content: str) -> None:
    claims, _ = run(nlp, text)
    (r,) = reported(claims)
    assert (r.speaker_text, r.text) == (speaker, content)


def test_speakers_and_speaker_stay_in_step() -> None:
    from tui.analysis.model import Claim

    one = Claim("c1", "quote", 0, 3, "abc", "a1")
    assert one.speakers == ["a1"]
    both = Claim("c2", "reported", 0, 3, "abc", speakers=["a2", "a3"])
    assert both.speaker == "a2"
    nobody = Claim("c3", "assertion", 0, 3, "abc")
    assert nobody.speaker is None and nobody.speakers == []


def test_every_attributed_claim_lists_its_speaker_in_speakers() -> None:
    from tui.analysis.engine import analyze
    from tui.analysis.pipeline import load_pipeline

    text = ('"We will rebuild the bridge," said Mayor Ana Ruiz.\n\n'
            'Ruiz said the work would start in May. "It will take a year," she added.\n')
    result = analyze(text, load_pipeline("builtin"))
    attributed = [c for c in result.claims if c.speaker]
    assert attributed
    assert all(c.speakers and c.speakers[0] == c.speaker for c in result.claims if c.speaker)
    assert all(not c.speakers for c in result.claims if not c.speaker)
