"""Number classes on invented sentences, one table per class: scores and votes, currency
prefixes, seasons, holidays, times of day without a clock, no duration without a number, and
"one" as a pronoun. Each table pairs what must be read with what must not."""

from __future__ import annotations

import pytest
import spacy

from tui.analysis.model import Number
from tui.analysis.numbers import extract_numbers, number_entities

_NLP = spacy.blank("en")
_NLP.add_pipe("sentencizer")


def numbers(text: str) -> list[Number]:
    return extract_numbers(_NLP(text), [])


def found(text: str) -> list[tuple[str, str, float | None, str | None, str | None]]:
    return [(n.text, n.kind, n.value, n.unit, n.qualifier) for n in numbers(text)]


def check(text: str, span: str, kind: str, value: float | None, unit: str | None,
          qualifier: str | None) -> None:
    got = found(text)
    hits = [g for g in got if g[0] == span]
    assert hits, f"{span!r} not in {got}"
    assert hits[0][1:] == (kind, value, unit, qualifier), got


def absent(text: str, word: str) -> None:
    start = text.index(word)
    end = start + len(word)
    for n in numbers(text):
        assert n.end <= start or n.start >= end, n


# ---- scores and votes: kind "score", the first number, the second as "to N"

SCORES = [
    ("Arsenal won 3-1 on Saturday.", "3-1", 3, "to 1"),
    ("The visitors lost 1-3 at home.", "1-3", 1, "to 3"),
    ("They drew 2-2 with the leaders.", "2-2", 2, "to 2"),
    ("It was a 3-1 win over the champions.", "3-1", 3, "to 1"),
    ("The senate voted 52-48 to pass the bill.", "52-48", 52, "to 48"),
    ("The motion passed 52-48.", "52-48", 52, "to 48"),
    ("The bill passed by a vote of 60-40.", "60-40", 60, "to 40"),
    ("The chamber voted 230 to 190 in favour.", "230 to 190", 230, "to 190"),
    ("The court's 5-4 ruling stood.", "5-4", 5, "to 4"),
    ("The home side led 1 – 0 at half-time.", "1 – 0", 1, "to 0"),
    ("The match ended 0-0.", "0-0", 0, "to 0"),
    # a result line after a team's name
    ("Group B: Norway 2 – 0 Chile", "2 – 0", 2, "to 0"),
    ("Group C: Peru 1 – 2 Ghana", "1 – 2", 1, "to 2"),
    ("Late on, the hosts beat Chile 3-0.", "3-0", 3, "to 0"),
    ("The Hawks beat the Owls 102-99.", "102-99", 102, "to 99"),
    ("It was approved by a margin of 52 to 48.", "52 to 48", 52, "to 48"),
]


@pytest.mark.parametrize(("text", "span", "value", "qualifier"), SCORES)
def test_scores_and_votes(text: str, span: str, value: float, qualifier: str) -> None:
    check(text, span, "score", value, None, qualifier)


NOT_SCORES = [
    ("Temperatures of 5-10 degrees are expected.", "5-10 degrees", "range"),
    ("Read pages 10-15 first.", "10-15", "range"),
    ("the 1939-45 war", "1939-45", "date"),
    ("in the 2013-14 season", "2013-14", "date"),
]


@pytest.mark.parametrize(("text", "span", "kind"), NOT_SCORES)
def test_ranges_are_not_scores(text: str, span: str, kind: str) -> None:
    assert [g[1] for g in found(text) if g[0] == span] == [kind], found(text)


def test_score_label_is_cardinal() -> None:
    ents = number_entities(numbers("They won 3-1 at home."))
    assert [(e.text, e.label) for e in ents] == [("3-1", "CARDINAL")]


def test_phone_numbers_and_models_are_not_scores() -> None:
    absent("Call 555-1234 now.", "555-1234")
    absent("They flew a Boeing 737-800 jet.", "737-800")


def test_results_lines_give_each_side_its_number() -> None:
    text = "Results:\nRiverside 2 Hillford 1\nLakeview 3 Real Oakham 0\n"
    assert [(g[0], g[1]) for g in found(text)] == [
        ("2", "cardinal"), ("1", "cardinal"), ("3", "cardinal"), ("0", "cardinal")]
    absent("They flew a Boeing 737 to Paris.", "737")
    absent("Boeing 737 Airbus 320 fleet\n", "737")


def test_the_second_number_of_a_result_is_not_a_cardinal() -> None:
    assert [g[0] for g in found("Chile beat Peru 1 – 0 on Monday.")] == ["1 – 0", "Monday"]


# ---- currency prefixes

MONEY = [
    ("The deal is worth RM 5 million.", "RM 5 million", 5e6, "MYR"),
    ("The deal is worth RM5 million.", "RM5 million", 5e6, "MYR"),
    ("A ticket costs Rs 40.", "Rs 40", 40, "INR"),
    ("A ticket costs Rs. 40.", "Rs. 40", 40, "INR"),
    ("A ticket costs Rs40.", "Rs40", 40, "INR"),
    ("It raised Rp 5,000 per share.", "Rp 5,000 per share", 5000, "IDR/share"),
    ("They lost Sh5 billion.", "Sh5 billion", 5e9, "KES"),
    ("It costs NZ$ 5 million.", "NZ$ 5 million", 5e6, "NZD"),
    ("It costs NZ$5 million.", "NZ$5 million", 5e6, "NZD"),
    ("It sold for HK$10.", "HK$10", 10, "HKD"),
    ("A coffee costs CHF 20.", "CHF 20", 20, "CHF"),
    ("A meal costs SEK 100.", "SEK 100", 100, "SEK"),
    ("Aid of BDT 3 billion arrived.", "BDT 3 billion", 3e9, "BDT"),
    ("It fetched 500 GHS.", "500 GHS", 500, "GHS"),
]


@pytest.mark.parametrize(("text", "span", "value", "unit"), MONEY)
def test_currency_prefixes(text: str, span: str, value: float, unit: str) -> None:
    check(text, span, "money", value, unit, None)


@pytest.mark.parametrize(("text", "word"), [
    ("the rs 40 file", "rs 40"),  # lower case: not the rupee
    ("At COP 26 in the city", "COP 26"),  # a conference, not the Colombian peso
    ("Goal SDG 5 is gender equality.", "SDG 5"),
])
def test_currency_look_alikes(text: str, word: str) -> None:
    assert all(n.kind != "money" for n in numbers(text)), found(text)
    assert word not in [n.text for n in numbers(text)]


# ---- seasons, holidays and times of day

DATES = [
    ("We met last summer.", "last summer", None),
    ("They will meet this spring.", "this spring", None),
    ("The talks resume next winter.", "next winter", None),
    ("It opened in the summer of 2019.", "the summer of 2019", 2019),
    ("The rains came in early summer.", "early summer", None),
    ("Prices drop in late autumn.", "late autumn", None),
    ("Snow fell by mid-winter.", "mid-winter", None),
    ("It rained during the summer.", "the summer", None),
    ("Prices rose in the spring, officials said.", "the spring", None),
    ("It reopened in the fall of 2019.", "the fall of 2019", 2019),
    ("We met at Christmas.", "Christmas", None),
    ("On Christmas Day they met.", "Christmas Day", None),
    ("During Ramadan the city slows.", "Ramadan", None),
    ("Easter was calm.", "Easter", None),
    ("Easter Sunday was calm.", "Easter Sunday", None),
    ("They went home for Thanksgiving.", "Thanksgiving", None),
    ("The party is on New Year's Eve.", "New Year's Eve", None),
    ("The party is on New Year’s Day.", "New Year’s Day", None),
    ("Christmas 2019 was cold.", "Christmas 2019", 2019),
    ("Shops close for Eid al-Fitr.", "Eid al-Fitr", None),
    ("They march on May Day.", "May Day", None),
]


@pytest.mark.parametrize(("text", "span", "value"), DATES)
def test_seasons_and_holidays(text: str, span: str, value: float | None) -> None:
    check(text, span, "date", value, None, None)


TIMES = [
    ("They met at noon.", "noon", 12),
    ("The bells rang at midnight.", "midnight", 0),
    ("They attacked at dawn.", "dawn", None),
    ("The curfew starts at sundown.", "sundown", None),
    ("They left before dusk.", "dusk", None),
    ("They worked from dawn to dusk.", "dusk", None),
    ("Fighting stopped after sunset.", "sunset", None),
    ("It happened at about 4.30pm.", "about 4.30pm", 16.5),
    ("He woke at 7.45am.", "7.45am", 7.75),
    ("He arrived at half past ten.", "half past ten", 10.5),
    ("It began at a quarter to nine.", "a quarter to nine", 8.75),
]


@pytest.mark.parametrize(("text", "span", "value"), TIMES)
def test_times_of_day(text: str, span: str, value: float | None) -> None:
    got = [g for g in found(text) if g[0] == span]
    assert got, found(text)
    assert got[0][1] == "time"
    assert got[0][2] == (None if value is None else pytest.approx(value, abs=1e-3))


NOT_DATES_OR_TIMES = [
    ("The summer was hot.", "summer"),
    ("He bought a Christmas tree.", "Christmas"),
    ("They flew to Christmas Island.", "Christmas"),
    ("They painted Easter eggs.", "Easter"),
    ("A new year began.", "new year"),
    ("It was the dawn of a new era.", "dawn"),
    ("Dawn said hello.", "Dawn"),
    ("Police made a dawn raid.", "dawn"),
    ("Prices fall every week.", "fall"),
    ("They left after the fall of the city.", "fall"),
    ("It was hot in the summer months.", "summer"),
    ("They met in the Spring Festival.", "Spring"),
]


@pytest.mark.parametrize(("text", "word"), NOT_DATES_OR_TIMES)
def test_not_seasons_holidays_or_times(text: str, word: str) -> None:
    absent(text, word)


# ---- no duration without a number

DURATIONS = [
    ("It lasted several years.", "several years", None, "years", "several"),
    ("It took a couple of weeks.", "a couple of weeks", 2, "weeks", "a couple of"),
    ("They waited for a few days.", "a few days", None, "days", "a few"),
    ("It rose in recent years.", "recent years", None, "years", None),
    ("It took two years.", "two years", 2, "years", None),
]


@pytest.mark.parametrize(("text", "span", "value", "unit", "qualifier"), DURATIONS)
def test_durations_with_a_count(text: str, span: str, value: float | None, unit: str,
                                qualifier: str | None) -> None:
    check(text, span, "duration", value, unit, qualifier)


@pytest.mark.parametrize(("text", "span", "value", "unit"), [
    ("A year earlier, sales were flat.", "A year earlier", 1, "years earlier"),
    ("Two years later, he left.", "Two years later", 2, "years later"),
    ("He left a year ago.", "a year ago", 1, "years ago"),
])
def test_counted_relative_dates(text: str, span: str, value: float, unit: str) -> None:
    check(text, span, "date", value, unit, None)


@pytest.mark.parametrize(("text", "word"), [
    ("They fought for years.", "years"),
    ("The feud went on for decades.", "decades"),
    ("It took years.", "years"),
    ("Talks lasted weeks.", "weeks"),
    ("after centuries of rule", "centuries"),
    ("It happened over the years.", "years"),
])
def test_no_duration_without_a_number(text: str, word: str) -> None:
    absent(text, word)


# ---- "one" as a pronoun

@pytest.mark.parametrize(("text", "word"), [
    ("One of them said it was fine.", "One"),
    ("No one came.", "one"),
    ("The one who left was happy.", "one"),
    ("One could argue otherwise.", "One"),
    ("Each one was different.", "one"),
    ("They love one another.", "one"),
    ("They left one by one.", "one by one"),
    ("At one point he left.", "one"),
    ("Which one did you pick?", "one"),
    ("the one and only", "one"),
    ("one said no", "one"),
    ("The new bridge may replace the old one.", "one"),
    ("It could be a rather more serious one.", "one"),
])
def test_one_as_a_pronoun(text: str, word: str) -> None:
    absent(text, word)


@pytest.mark.parametrize(("text", "word"), [
    ("We must act first and foremost to save lives.", "first"),
    ("First of all, thanks.", "First"),
    ("It was second to none.", "second"),
    ("He bought it second-hand.", "second"),
    ("It was over in a split second.", "second"),
    ("Wait a second, he said.", "second"),
    ("He lives on 5th Avenue.", "5th"),
    ("They met on 42nd Street.", "42nd"),
])
def test_ordinals_that_rank_nothing(text: str, word: str) -> None:
    absent(text, word)


def test_a_hundred_and_fifty() -> None:
    assert found("It took a hundred and fifty years.") == [
        ("a hundred and fifty years", "duration", 150, "years", None)]
    assert found("a thousand and one people")[0][:3] == ("a thousand and one", "cardinal", 1001)


@pytest.mark.parametrize(("text", "span", "kind", "value"), [
    ("She has one child.", "one", "cardinal", 1),
    ("They grew by one.", "one", "cardinal", 1),
    ("It took one year.", "one year", "duration", 1),
    ("one or two people", "one or two", "range", 1),
    ("He stayed as one stipulation required.", "one", "cardinal", 1),
    ("The score was two to one.", "one", "cardinal", 1),
    ("They needed at least one.", "at least one", "cardinal", 1),
])
def test_one_as_a_number(text: str, span: str, kind: str, value: float) -> None:
    hits = [g for g in found(text) if g[0] == span]
    assert hits and hits[0][1:3] == (kind, value), found(text)


# ---- through the whole engine: a currency code is the money's, not an organisation

def test_engine_keeps_currency_codes_in_the_money() -> None:
    from tui.analysis.engine import analyze
    from tui.analysis.pipeline import load_pipeline

    result = analyze("It costs CHF 20, SEK 100 or RM 5 million in total.", load_pipeline())
    assert [(n.text, n.unit) for n in result.numbers] == [
        ("CHF 20", "CHF"), ("SEK 100", "SEK"), ("RM 5 million", "MYR")]
    assert [(e.text, e.label) for e in result.entities] == [
        ("CHF 20", "MONEY"), ("SEK 100", "MONEY"), ("RM 5 million", "MONEY")]
    assert result.actors == []


# ---- the package's conventions

def test_every_rule_is_named_documented_and_has_an_example() -> None:
    from tui.analysis.numbers.rules import RULES
    from tui.analysis.numbers.tails import TAIL_READERS

    assert len({r.name for r in RULES}) == len(RULES)
    for rule in RULES:
        assert rule.example and rule.read.__doc__, rule.name
    for reader in TAIL_READERS:
        assert reader.__doc__, reader.__name__


def test_calendar_words_are_shared_with_the_names_layer() -> None:
    from tui.analysis.lexicon import gazetteer

    rules = gazetteer().rules
    assert {"May", "September", "Sept", "Sept.", "Dec."} <= set(rules["months"])
    assert {"Thursday", "Thurs", "Tues"} <= set(rules["weekdays"])
    assert "Sun" not in rules["weekdays"]  # a newspaper's name, not a day
    assert len(rules["months"]) == len(set(rules["months"])) == 36
