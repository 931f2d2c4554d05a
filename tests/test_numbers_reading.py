"""Number classes found by reading news against a hand-made gold, on invented sentences, one
table per class: adverbial "first", "one" as a pronoun before a closing quote, "the year before",
a relative day with its part of the day, "early in 2016", spaced year spans, month-day spans,
"a couple of" before a unit, period edges, time spans, unit names and holidays taken for names.
Each table pairs what must be read with what must not."""

from __future__ import annotations

import pytest
from test_numbers_classes import _NLP, absent, check, found, numbers

from tui.analysis.model import Entity
from tui.analysis.numbers import extract_numbers, names_outside_money

# ---- "first" as an adverb before a verb is no rank

ADVERB_FIRST = [
    ("Local divers first noticed the wreck at dawn.", "first"),
    ("She was first elected to the council in 1998.", "first"),
    ("When the two first met, they argued.", "first"),
    ("The song was first played on the radio.", "first"),
    ("The comet first appeared in the night sky.", "first"),
    ("The parcel was first sent to the wrong town.", "first"),
    ("He first put the idea to the board in June.", "first"),
]


@pytest.mark.parametrize(("text", "word"), ADVERB_FIRST)
def test_adverbial_first_is_no_rank(text: str, word: str) -> None:
    absent(text, word)


RANK_FIRST = [
    "the first reported case of the disease",
    "Norway's first victory in a decade",
    "their first recorded album",
    "He finished first in the sprint.",
    "the first time in years",
]


@pytest.mark.parametrize("text", RANK_FIRST)
def test_first_with_a_determiner_keeps_its_rank(text: str) -> None:
    check(text, "first", "ordinal", 1, None, None)


# ---- "one" as a pronoun before a closing quote or a colon

PRONOUN_ONE = [
    ('The mayor called it "a practical one" at the hearing.', "one"),
    ("They wanted a bigger one: the old hall was too small.", "one"),
    ("He called the plan \u201ca bold one\u201d in his speech.", "one"),
]


@pytest.mark.parametrize(("text", "word"), PRONOUN_ONE)
def test_pronoun_one_before_a_quote(text: str, word: str) -> None:
    absent(text, word)


def test_counted_one_in_quotes_stays() -> None:
    check('He said "one vote is enough".', "one", "cardinal", 1, None, None)


# ---- "the year before", "the day after": a relative date without a value

THE_UNIT_BEFORE = [
    ("Sales fell from the year before, when they peaked.", "the year before"),
    ("The day after the vote, the minister resigned.", "The day after"),
    ("It had rained the week before.", "the week before"),
    ("The team had arrived the night before.", "the night before"),
]


@pytest.mark.parametrize(("text", "span"), THE_UNIT_BEFORE)
def test_the_unit_before(text: str, span: str) -> None:
    check(text, span, "date", None, None, None)


def test_plural_units_before_stay_unread() -> None:
    absent("In the weeks before the vote, polls moved.", "weeks")


# ---- a relative day with its part of the day

RELATIVE_DAY_PART = [
    ("The bridge closed yesterday afternoon after the storm.", "yesterday afternoon"),
    ("Tomorrow morning the court sits again.", "Tomorrow morning"),
    ("Talks resume today evening, officials said.", "today evening"),
]


@pytest.mark.parametrize(("text", "span"), RELATIVE_DAY_PART)
def test_relative_day_with_its_part(text: str, span: str) -> None:
    check(text, span, "date", None, None, None)


def test_tonight_stays_a_time() -> None:
    check("The match is tonight.", "tonight", "time", None, None, None)


# ---- "early in 2016", "later in May": the edge word joins through "in"

EDGE_IN = [
    ("Voters will choose early in 2016.", "early in 2016", 2016),
    ("Early in 2009, the plant closed.", "Early in 2009", 2009),
    ("The law takes effect later in 2024.", "later in 2024", 2024),
    ("The report is due late in March.", "late in March", None),
]


@pytest.mark.parametrize(("text", "span", "value"), EDGE_IN)
def test_edge_word_through_in(text: str, span: str, value: float | None) -> None:
    check(text, span, "date", value, None, None)


def test_capitalised_edge_inside_a_sentence_is_left_out() -> None:
    check("the Late in 2016 tour", "2016", "date", 2016, None, None)


# ---- spaced hyphens: year spans, scores and ranges

SPACED = [
    ("Emissions over 1990 - 2030 were modelled.", "1990 - 2030", "date", 1990, None, "to 2030"),
    ("The war of 1914 - 1918 changed it.", "1914 - 1918", "date", 1914, None, "to 1918"),
    ("The match ended 2 - 0 to the visitors.", "2 - 0", "score", 2, None, "to 0"),
    ("Group D: Ghana 0 - 3 Peru", "0 - 3", "score", 0, None, "to 3"),
    ("Group D: Ghana 3 - 1 Peru", "3 - 1", "score", 3, None, "to 1"),
    ("Read chapters 10 - 15 tonight.", "10 - 15", "range", 10, None, "to 15"),
    ("Temperatures of 5 - 10 degrees are due.", "5 - 10 degrees", "range", 5, "degrees", "to 10"),
]


@pytest.mark.parametrize(("text", "span", "kind", "value", "unit", "qualifier"), SPACED)
def test_spaced_hyphen(text: str, span: str, kind: str, value: float, unit: str | None,
                       qualifier: str | None) -> None:
    check(text, span, kind, value, unit, qualifier)


def test_glued_model_number_stays_a_name() -> None:
    absent("They flew a Boeing 737-800 to Rome.", "737-800")


# ---- a span of two month dates is one date

MONTH_SPANS = [
    ("Voting runs from March 3 to April 9, officials said.", "from March 3 to April 9", None,
     "to April 9"),
    ("The fair is open June 1 - June 5, 2021 in the park.", "June 1 - June 5, 2021", 2021,
     "to June 5, 2021"),
    ("The festival runs Aug. 2 until Aug. 6 this year.", "Aug. 2 until Aug. 6", None,
     "to Aug. 6"),
    ("The works last from May to July.", "from May to July", None, "to July"),
]


@pytest.mark.parametrize(("text", "span", "value", "qualifier"), MONTH_SPANS)
def test_month_span(text: str, span: str, value: float | None, qualifier: str) -> None:
    check(text, span, "date", value, None, qualifier)


def test_a_month_then_to_a_verb_is_no_span() -> None:
    check("They met in May to talk.", "May", "date", None, None, None)


def test_month_spans_do_not_chain() -> None:
    text = "March 1 to March 2 to March 3"
    assert [n.text for n in numbers(text)] == ["March 1 to March 2", "March 3"]


# ---- a vague count before a unit: "a couple of points", "a few miles"

VAGUE_UNITS = [
    ("The leader is a couple of points ahead.", "a couple of points", "quantity", 2, "points"),
    ("The camp lies a couple of miles north.", "a couple of miles", "quantity", 2, "miles"),
    ("Prices rose a couple of percent.", "a couple of percent", "percent", 2, "%"),
    ("It costs a couple of dollars more.", "a couple of dollars", "money", 2, "USD"),
    ("The village is a few miles away.", "a few miles", "quantity", None, "miles"),
    ("Several kilometres of road were closed.", "Several kilometres", "quantity", None, "km"),
]


@pytest.mark.parametrize(("text", "span", "kind", "value", "unit"), VAGUE_UNITS)
def test_vague_count_before_a_unit(text: str, span: str, kind: str, value: float | None,
                                   unit: str) -> None:
    qualifier = " ".join(span.lower().split()[:-1])
    got = [g for g in found(text) if g[0] == span]
    assert got, found(text)
    assert got[0][1:4] == (kind, value, unit), got
    assert got[0][4] == qualifier, got


def test_a_few_before_an_ambiguous_unit_stays_unread() -> None:
    assert found("He trails by a few points.") == []


# ---- a capitalised number word alone in brackets after a name is part of it

BRACKETED = [
    ("She sits for the Metro Council (Second) seat.", "Second"),
    ("the Harbour District (Three) ward", "Three"),
]


@pytest.mark.parametrize(("text", "word"), BRACKETED)
def test_bracketed_name_part(text: str, word: str) -> None:
    absent(text, word)


def test_bracketed_number_at_a_sentence_start_stays() -> None:
    check("(Two) officers were hurt.", "Two", "cardinal", 2, None, None)


# ---- "the end of", "the start of" ... belong to the date

PERIOD_EDGES = [
    ("The rocket flies at the end of the month.", "the end of the month", None),
    ("The plant closes by the end of 2027.", "the end of 2027", 2027),
    ("Prices rose at the start of last year.", "the start of last year", None),
    ("Talks resume in the middle of March.", "the middle of March", None),
    ("It was built at the turn of the century.", "the turn of the century", None),
]


@pytest.mark.parametrize(("text", "span", "value"), PERIOD_EDGES)
def test_period_edge(text: str, span: str, value: float | None) -> None:
    check(text, span, "date", value, None, None)


def test_the_end_of_a_non_date_is_nothing() -> None:
    assert found("They fought until the end of the war.") == []


# ---- "between" two month dates is one date

BETWEEN_MONTHS = [
    ("The survey ran between March 2011 and June 2012.", "between March 2011 and June 2012", 2011,
     "to June 2012"),
    ("Roads close between Oct. 3 and Oct. 9 for repairs.", "between Oct. 3 and Oct. 9", None,
     "to Oct. 9"),
    ("Sales peak between November and January.", "between November and January", None,
     "to January"),
]


@pytest.mark.parametrize(("text", "span", "value", "qualifier"), BETWEEN_MONTHS)
def test_between_months(text: str, span: str, value: float | None, qualifier: str) -> None:
    check(text, span, "date", value, None, qualifier)


def test_between_a_month_and_a_time_stays_apart() -> None:
    assert [g[0] for g in found("open between May 2 and 4 pm")] == ["May 2", "4 pm"]


# ---- two clock times joined by "to" or "until" are one time

TIME_SPANS = [
    ("Shops open from 8:00am to midnight.", "from 8:00am to midnight", 8, "to midnight"),
    ("The office is staffed from 9 a.m. to 5 p.m. daily.", "from 9 a.m. to 5 p.m.", 9,
     "to 5 p.m."),
    ("Polls stay open 07:00 until 22:00 on Sunday.", "07:00 until 22:00", 7, "to 22:00"),
]


@pytest.mark.parametrize(("text", "span", "value", "qualifier"), TIME_SPANS)
def test_time_span(text: str, span: str, value: float, qualifier: str) -> None:
    check(text, span, "time", value, None, qualifier)


def test_times_apart_stay_apart() -> None:
    assert [g[0] for g in found("He left at 9am to meet her at 5pm.")] == ["9am", "5pm"]


# ---- "earlier today", "later tonight": an edge word before a relative day

EDGE_DAYS = [
    ("Someone phoned earlier today about it.", "earlier today", "date"),
    ("The minister speaks later tonight.", "later tonight", "time"),
    ("The shop reopened later yesterday afternoon.", "later yesterday afternoon", "date"),
]


@pytest.mark.parametrize(("text", "span", "kind"), EDGE_DAYS)
def test_edge_word_before_a_relative_day(text: str, span: str, kind: str) -> None:
    check(text, span, kind, None, None, None)


# ---- "many" and "some" count nothing: "many hours" is no number

UNCOUNTED = [
    ("She stayed many hours in the queue.", "many hours"),
    ("Some years later the mill closed.", "Some years"),
    ("The herd walked many miles a day.", "many miles"),
]


@pytest.mark.parametrize(("text", "words"), UNCOUNTED)
def test_uncounted_quantifier(text: str, words: str) -> None:
    absent(text, words)


def test_several_years_stays_a_duration() -> None:
    check("It took several years.", "several years", "duration", None, "years", "several")


# ---- a heading's last word does not make the number on the next line a name

def test_number_after_a_heading_line() -> None:
    check("Results\n\nFive of the runners finished.", "Five", "cardinal", 5, None, None)


def test_number_after_a_name_on_the_same_line_stays_a_name() -> None:
    absent("They flew a Boeing 737 to Rome.", "737")


# ---- an ordinal before a military unit's head word is part of its name

UNIT_NAMES = [
    ("Veterans of the 82nd Airborne marched.", "82nd"),
    ("Fans dressed as the 501st Legion posed.", "501st"),
    ("The 3rd Battalion left the base.", "3rd"),
]


@pytest.mark.parametrize(("text", "word"), UNIT_NAMES)
def test_unit_name_ordinal(text: str, word: str) -> None:
    absent(text, word)


def test_edition_ordinal_stays() -> None:
    check("The 22nd Harbour Fair opened.", "22nd", "ordinal", 22, None, None)


# ---- a holiday the tagger took for a name stays a date; a nationality before it is clipped

def test_holiday_tagged_as_a_person_stays_a_date() -> None:
    text = "They met at Christmas 2019 in Oslo."
    start = text.index("Christmas")
    names = [Entity(start, start + 9, "Christmas", "PERSON")]
    found_ = extract_numbers(_NLP(text), names)
    assert [(n.text, n.value) for n in found_] == [("Christmas 2019", 2019)]
    assert names_outside_money(names, found_) == []


def test_nationality_before_a_holiday_is_clipped() -> None:
    text = "the end of the Chinese New Year celebrations"
    start = text.index("Chinese")
    names = [Entity(start, start + 7, "Chinese", "NORP")]
    assert [n.text for n in extract_numbers(_NLP(text), names)] == ["New Year"]


def test_a_surname_that_is_a_holiday_stays_a_name() -> None:
    text = "The artist Ann Christmas drew it."
    start = text.index("Ann")
    names = [Entity(start, start + 13, "Ann Christmas", "PERSON")]
    found_ = extract_numbers(_NLP(text), names)
    assert found_ == []
    assert names_outside_money(names, found_) == names


# ---- slashed digits: a season across two years, a month and day; a comma in an ordinal

SLASHED = [
    ("They won the league in the 2021/22 season.", "2021/22", "date", 2021, "to 2022"),
    ("the 1999/2000 budget", "1999/2000", "date", 1999, "to 2000"),
    ("Memorials marked 9/11 again.", "9/11", "date", None, None),
    ("The clinic celebrated its 1,000th patient.", "1,000th", "ordinal", 1000, None),
]


@pytest.mark.parametrize(("text", "span", "kind", "value", "qualifier"), SLASHED)
def test_slashed_and_comma_ordinals(text: str, span: str, kind: str, value: float | None,
                                    qualifier: str | None) -> None:
    check(text, span, kind, value, None, qualifier)


NOT_SLASHED = [
    ("The helpline runs 24/7 now.", "24/7"),
    ("in 2019/2022 prices", "2019/2022"),
]


@pytest.mark.parametrize(("text", "word"), NOT_SLASHED)
def test_slashes_that_are_no_number(text: str, word: str) -> None:
    absent(text, word)


# ---- a measure in two units is one number, valued in the larger unit

COMPOUND = [
    ("The player is 6 feet 4 inches tall.", "6 feet 4 inches", "quantity", 6.333, "feet"),
    ("The flight took 3 hours and 15 minutes.", "3 hours and 15 minutes", "duration", 3.25,
     "hours"),
    ("She ran the mile in 4 minutes 30 seconds.", "4 minutes 30 seconds", "duration", 4.5,
     "minutes"),
    ("The baby weighed 8 pounds 8 ounces.", "8 pounds 8 ounces", "quantity", 8.5, "lb"),
    ("He served 2 years and 6 months in prison.", "2 years and 6 months", "duration", 2.5,
     "years"),
]


@pytest.mark.parametrize(("text", "span", "kind", "value", "unit"), COMPOUND)
def test_compound_measure(text: str, span: str, kind: str, value: float, unit: str) -> None:
    check(text, span, kind, value, unit, None)


NOT_COMPOUND = [
    ("It took 3 hours, then 90 minutes more.", ["3 hours", "90 minutes"]),
    ("They walked 5 km and 3 km.", ["5 km", "3 km"]),
    ("It lasted 3 hours 90 minutes.", ["3 hours", "90 minutes"]),
]


@pytest.mark.parametrize(("text", "spans"), NOT_COMPOUND)
def test_not_a_compound_measure(text: str, spans: list[str]) -> None:
    assert [g[0] for g in found(text)] == spans


# ---- wire-copy abbreviations: dlrs, cts, stg

WIRE_MONEY = [
    ("Revs 48.2 mln dlrs vs 41.0 mln", "48.2 mln dlrs", 48.2e6, "USD"),
    ("Shr 12 cts vs nine cts", "12 cts", 0.12, "USD"),
    ("It paid 2.25 dlrs a share.", "2.25 dlrs a share", 2.25, "USD/share"),
    ("a profit of 40 mln stg", "40 mln stg", 40e6, "GBP"),
]


@pytest.mark.parametrize(("text", "span", "value", "unit"), WIRE_MONEY)
def test_wire_money(text: str, span: str, value: float, unit: str) -> None:
    check(text, span, "money", value, unit, None)


# ---- rows of a standings table, and decimals written without the leading zero

def test_standings_rows() -> None:
    text = "STANDINGS: W L PCT\nSeattle 12 4 .750\nDenver 8 8 .500\n"
    assert [(g[0], g[2]) for g in found(text)] == [
        ("12", 12), ("4", 4), (".750", 0.75), ("8", 8), ("8", 8), (".500", 0.5)]


def test_leading_dot_decimal() -> None:
    check("He is a .300 hitter.", ".300", "cardinal", 0.3, None, None)


def test_a_name_alone_on_its_line_with_one_number_stays_a_name() -> None:
    assert found("Windows 11\nis out.") == []


# ---- a year in two digits after an apostrophe; an edge word before a relative date

SHORT_YEARS = [
    ("The plant has been shut since '09.", "'09", 2009),
    ("She graduated in the class of \u201997.", "\u201997", 1997),
]


@pytest.mark.parametrize(("text", "span", "value"), SHORT_YEARS)
def test_short_year(text: str, span: str, value: int) -> None:
    check(text, span, "date", value, None, None)


def test_quoted_count_is_no_short_year() -> None:
    check("The chief said: '12 men were hurt'.", "12", "cardinal", 12, None, None)


EDGE_RELATIVE = [
    ("Talks began late last year.", "late last year"),
    ("A ruling is due early next week.", "early next week"),
]


@pytest.mark.parametrize(("text", "span"), EDGE_RELATIVE)
def test_edge_before_a_relative_date(text: str, span: str) -> None:
    check(text, span, "date", None, None, None)


# ---- a bare count after "she was", "he turned" that ends the clause is an age

PRONOUN_AGES = [
    ("The family moved when she was seven so she could study.", "seven", 7),
    ("He lived there until he was 18 and then left.", "18", 18),
    ("She turned 40 in March.", "40", 40),
]


@pytest.mark.parametrize(("text", "span", "value"), PRONOUN_AGES)
def test_age_after_a_pronoun(text: str, span: str, value: int) -> None:
    check(text, span, "age", value, "years", None)


NOT_PRONOUN_AGES = [
    ("It was 3 at the break.", "3", "cardinal"),
    ("He was 5 points clear.", "5 points", "quantity"),
    ("She was 12 seconds faster.", "12 seconds", "duration"),
]


@pytest.mark.parametrize(("text", "span", "kind"), NOT_PRONOUN_AGES)
def test_not_an_age_after_a_pronoun(text: str, span: str, kind: str) -> None:
    assert [g[1] for g in found(text) if g[0] == span] == [kind], found(text)
