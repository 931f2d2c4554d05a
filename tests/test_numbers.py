"""The numbers layer: spans, kinds, values, units and qualifiers on small fixture sentences."""

from __future__ import annotations

import math

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from tui.analysis.model import Entity
from tui.analysis.numbers import KIND_LABELS, extract_numbers, number_entities

_NLP = spacy.blank("en")
_NLP.add_pipe("sentencizer")


def numbers(text: str, names: list[Entity] | None = None) -> list:
    return extract_numbers(_NLP(text), names or [])


def find(text: str, span: str, names: list[Entity] | None = None):
    found = [n for n in numbers(text, names) if n.text == span]
    assert found, f"{span!r} not found in {[n.text for n in numbers(text, names)]}"
    return found[0]


def same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-3)


# (text, span, kind, value, unit, qualifier)
CASES = [
    # cardinals and number words
    ("Xi has met Putin 38 times since then.", "38 times", "cardinal", 38, "times", None),
    ("They visited four Central Asian countries.", "four", "cardinal", 4, None, None),
    ("There were twenty-one candidates.", "twenty-one", "cardinal", 21, None, None),
    ("About 1.5 million people voted.", "About 1.5 million", "cardinal", 1.5e6, None, "about"),
    ("It will cost 50 billion.", "50 billion", "cardinal", 5e10, None, None),
    ("The vote was 1,234 to nothing.", "1,234", "cardinal", 1234, None, None),
    ("one hundred and twenty-five people came", "one hundred and twenty-five", "cardinal", 125, None, None),
    ("a million people marched", "a million", "cardinal", 1e6, None, None),
    ("half a million people marched", "half a million", "cardinal", 5e5, None, None),
    ("a dozen eggs", "a dozen", "cardinal", 12, None, None),
    ("Over 900 asylum seekers were rescued.", "Over 900", "cardinal", 900, None, "over"),
    ("At least 107 people were killed.", "At least 107", "cardinal", 107, None, "at least"),
    ("killing 107 or more people", "107 or more", "cardinal", 107, None, "or more"),
    ("some 12,000 asylum seekers", "some 12,000", "cardinal", 12000, None, "some"),
    ("Estimates suggest 8000 migrants are at sea.", "8000", "cardinal", 8000, None, None),
    ("a survey of 1709 schoolchildren", "1709", "cardinal", 1709, None, None),
    ("It fell to minus 5 points.", "minus 5 points", "quantity", -5, "points", None),
    # ordinals and fractions
    ("He won a third term.", "third", "ordinal", 3, None, None),
    ("for the first time in years", "first", "ordinal", 1, None, None),
    ("She finished 7th in the race.", "7th", "ordinal", 7, None, None),
    ("the twenty-first attempt", "twenty-first", "ordinal", 21, None, None),
    ("Trade soared by almost a third between them.", "almost a third", "fraction", 0.333, None, "almost"),
    ("about a third of what Russia sells", "about a third", "fraction", 0.333, None, "about"),
    ("Two-thirds of voters agreed.", "Two-thirds", "fraction", 0.667, None, None),
    ("three quarters of the money", "three quarters", "fraction", 0.75, None, None),
    ("Almost half of all pupils", "Almost half", "fraction", 0.5, None, "almost"),
    ("only a quarter of citizens", "a quarter", "fraction", 0.25, None, None),
    ("a minority larger than a third to veto bills", "a third", "fraction", 0.333, None, None),
    # percentages
    ("Prices rose 5% last year.", "5%", "percent", 5, "%", None),
    ("Prices rose 5 per cent.", "5 per cent", "percent", 5, "%", None),
    ("Prices rose five percent.", "five percent", "percent", 5, "%", None),
    ("less than one percent of users", "less than one percent", "percent", 1, "%", "less than"),
    ("Rates rose 2 percentage points.", "2 percentage points", "percent", 2, "percentage points", None),
    ("It grew 5 percent a year.", "5 percent a year", "percent", 5, "%/year", None),
    # money
    ("a $5 billion deal", "$5 billion", "money", 5e9, "USD", None),
    ("It costs €3 a day.", "€3 a day", "money", 3, "EUR/day", None),
    ("They paid 5 million dollars.", "5 million dollars", "money", 5e6, "USD", None),
    ("a £2.5bn fund", "£2.5bn", "money", 2.5e9, "GBP", None),
    ("bail of US$10 was set", "US$10", "money", 10, "USD", None),
    ("an estimated cost of NZ$26 million", "an estimated cost of NZ$26 million", None, None, None, None),
    ("Oil hit $90 a barrel.", "$90 a barrel", "money", 90, "USD/barrel", None),
    ("over 422,000 euros in arrears", "over 422,000 euros", "money", 422000, "EUR", "over"),
    ("a fine of 50 cents", "50 cents", "money", 0.5, "USD", None),
    ("It raised 2 million pounds.", "2 million pounds", "money", 2e6, "GBP", None),
    ("a 30,000 yuan loan", "30,000 yuan", "money", 30000, "CNY", None),
    ("It cost $5 billion to $10 billion.", "$5 billion to $10 billion", "range", 5e9, "USD", "to 10,000,000,000"),
    ("between $5 and $10 billion", "between $5 and $10 billion", "range", 5e9, "USD", "to 10,000,000,000"),
    # quantities and rates
    ("It will transport 50 billion cubic meters of gas a year, about a third.",
     "50 billion cubic meters of gas a year", "quantity", 5e10, "cubic meters/year", None),
    ("a road of 10 km", "10 km", "quantity", 10, "km", None),
    ("He ran 10km today.", "10km", "quantity", 10, "km", None),
    ("It weighs 3 tonnes.", "3 tonnes", "quantity", 3, "tonnes", None),
    ("1 million barrels of oil a day", "1 million barrels of oil a day", "quantity", 1e6, "barrels/day", None),
    ("about 500 miles (800 km) away", "about 500 miles", "quantity", 500, "miles", "about"),
    ("winds of 100 mph", "100 mph", "quantity", 100, "mph", None),
    ("It exports 38 bcm a year.", "38 bcm a year", "quantity", 3.8e10, "cubic meters/year", None),
    ("a 240,000 square meter park", "240,000 square meter", "quantity", 240000, "m²", None),
    ("temperatures of 40 degrees Celsius", "40 degrees Celsius", "quantity", 40, "°C", None),
    # ages
    ("the two 69-year-old leaders", "69-year-old", "age", 69, "years", None),
    ("She joined aged 45.", "aged 45", "age", 45, "years", None),
    ("a 19 year old student", "19 year old", "age", 19, "years", None),
    ("their nine-month-old child", "nine-month-old", "age", 9, "months", None),
    ("John Smith, 45, said it was over.", "45", "age", 45, "years", None),
    # dates
    ("the collapse of the Soviet Union in 1991, Russia", "1991", "date", 1991, None, None),
    ("He became president in 2013.", "2013", "date", 2013, None, None),
    ("the 2014 protests", "2014", "date", 2014, None, None),
    ("It begins on Oct. 16 and ends later.", "Oct. 16", "date", None, None, None),
    ("He last left China in January 2020, before lockdown.", "January 2020", "date", 2020, None, None),
    ("They met in February, weeks before.", "February", "date", None, None, None),
    ("He arrives on Wednesday.", "Wednesday", "date", None, None, None),
    ("He said last week that it was agreed.", "last week", "date", None, None, None),
    ("He travels this week to Asia.", "this week", "date", None, None, None),
    ("the largest economy in the next decade.", "the next decade", "date", None, None, None),
    ("Friday, July 21, 2017", "July 21, 2017", "date", 2017, None, None),
    ("on 16 October 2022 they met", "16 October 2022", "date", 2022, None, None),
    ("the 16th of October", "the 16th of October", "date", None, None, None),
    ("music of the 1990s", "1990s", "date", 1990, None, None),
    ("by mid-2020 it was over", "mid-2020", "date", 2020, None, None),
    ("in early 2019", "early 2019", "date", 2019, None, None),
    ("in mid-October", "mid-October", "date", None, None, None),
    ("earlier this year", "earlier this year", "date", None, None, None),
    ("He spoke yesterday.", "yesterday", "date", None, None, None),
    ("Seventeen years ago, this was impossible.", "Seventeen years ago", "date", 17, "years ago", None),
    ("nearly a decade ago", "a decade ago", "date", 1, "decades ago", None),
    ("the period 1939-1945", "1939-1945", "date", 1939, None, "to 1945"),
    ("the 2013-14 season", "2013-14", "date", 2013, None, "to 2014"),
    ("the 20th century", "the 20th century", "date", 20, "century", None),
    ("in the first quarter", "the first quarter", "date", None, None, None),
    ("on Thursday afternoon", "Thursday afternoon", "date", None, None, None),
    ("in May, he resigned", "May", "date", None, None, None),
    # times
    ("It starts at 3 pm.", "3 pm", "time", 15, None, None),
    ("It starts at 3 p.m. sharp.", "3 p.m.", "time", 15, None, None),
    ("The polls closed at 22:30.", "22:30", "time", 22.5, None, None),
    ("at 10:30 a.m. GMT", "10:30 a.m. GMT", "time", 10.5, None, None),
    ("at noon", "noon", "time", 12, None, None),
    # durations
    ("for the first time in more than two years", "more than two years", "duration", 2, "years", "more than"),
    ("just a month before", "a month", "duration", 1, "months", None),
    ("his third five-year term", "five-year", "duration", 5, "years", None),
    ("for seven months", "seven months", "duration", 7, "months", None),
    ("in the first 7 months of 2022", "the first 7 months", "duration", 7, "months", "first"),
    ("over the past 30 days", "the past 30 days", "duration", 30, "days", "past"),
    ("for at least four decades", "at least four decades", "duration", 4, "decades", "at least"),
    ("after nearly half an hour", "nearly half an hour", "duration", 0.5, "hours", "nearly"),
    ("one and a half years", "one and a half years", "duration", 1.5, "years", None),
    ("a couple of days", "a couple of days", "duration", 2, "days", "a couple of"),
    ("It exploded 73 seconds after liftoff.", "73 seconds", "duration", 73, "seconds", None),
    ("a 20-minute demo", "20-minute", "duration", 20, "minutes", None),
    # ranges and vague magnitudes
    ("which has left tens of thousands dead", "tens of thousands", "range", 10000, None, "tens of"),
    ("hundreds of thousands of people", "hundreds of thousands", "range", 100000, None, "hundreds of"),
    ("Hundreds of vendors came.", "Hundreds", "range", 100, None, "hundreds"),
    ("dozens of rounds", "dozens", "range", 12, None, "dozens"),
    ("millions of pilgrims arrive", "millions", "range", 1e6, None, "millions"),
    ("billions of dollars", "billions of dollars", "range", 1e9, "USD", "billions"),
    ("several thousand troops", "several thousand", "range", 1000, None, "several"),
    ("a few hundred metres away", "a few hundred metres", "range", 100, "m", "a few"),
    ("Prices rose 5-10% last year.", "5-10%", "range", 5, "%", "to 10"),
    ("between 5 and 10 years", "between 5 and 10 years", "range", 5, "years", "to 10"),
    ("40 to 50 questions", "40 to 50", "range", 40, None, "to 50"),
    ("two or three goals", "two or three", "range", 2, None, "to 3"),
    ("5 to 10 million people", "5 to 10 million", "range", 5e6, None, "to 10,000,000"),
    # a change then a level is not a range
    ("Oil rose $2 to $80.50 a barrel.", "$80.50 a barrel", "money", 80.5, "USD/barrel", None),
    ("Oil rose $2 to $80.50 a barrel.", "$2", "money", 2, "USD", None),
    # more forms
    ("The project cost Rs 500 crore.", "Rs 500 crore", "money", 5e9, "INR", None),
    ("in a 100m race", "100m", "quantity", 100, "m", None),
    ("some 5m people", "some 5m", "cardinal", 5e6, None, "some"),
    ("It rained on 2022-09-14.", "2022-09-14", "date", 2022, None, None),
    ("back in the sixties", "sixties", "date", 1960, None, None),
    ("a man in his sixties", "sixties", "age", 60, "years", "60s"),
    ("The next day he left.", "The next day", "date", None, None, None),
    ("at about 10am", "about 10am", "time", 10, None, "about"),
    ("with a 3-point lead", "3-point", "quantity", 3, "points", None),
    ("a net profit of 45 cents a share", "45 cents a share", "money", 0.45, "USD/share", None),
    ("It fell 5 basis points.", "5 basis points", "percent", 5, "basis points", None),
    ("Temperatures reached 45C.", "45C", "quantity", 45, "°C", None),
    ("ranging from 5 to 10 years", "from 5 to 10 years", "range", 5, "years", "to 10"),
    ("the period from 2004 to 2009", "from 2004 to 2009", "date", 2004, None, "to 2009"),
    ("a $5.5-billion deal", "$5.5-billion", "money", 5.5e9, "USD", None),
    ("He died at the age of 86.", "age of 86", "age", 86, "years", None),
    ("It increased from 9 to 10.", "9", "cardinal", 9, None, None),
    ("It runs 24 hours a day, 7 days a week.", "24 hours a day", "duration", 24, "hours/day", None),
    ("rates rose by three-quarters of a percentage point", "three-quarters of a percentage point",
     "percent", 0.75, "percentage points", None),
    ("a policy rate of 3.00%-3.25%", "3.00%-3.25%", "range", 3, "%", "to 3.25"),
    ("Biden, 79, has said he will run.", "79", "age", 79, "years", None),
    ("Only one in three schools", "one", "cardinal", 1, None, None),
    ("The second-quarter results", "second-quarter", "date", None, None, None),
    ("A quarter of a million people fled.", "A quarter of a million", "cardinal", 250000, None, None),
    ("Traffic increased 18-fold.", "18-fold", "cardinal", 18, "times", None),
    ("He met them over the weekend.", "the weekend", "date", None, None, None),
    ("It took a year.", "a year", "duration", 1, "years", None),
    ("inflation slowed following two months of gains", "two months", "duration", 2, "months", None),
    ("for the following two weeks", "the following two weeks", "duration", 2, "weeks", "following"),
    ("talks continue in the coming days", "the coming days", "duration", None, "days", None),
    ("a 5 million-dollar deal", "5 million-dollar", "money", 5e6, "USD", None),
    ("21st-century skills", "21st-century", "date", 21, "century", None),
    ("It opens in summer 2020.", "summer 2020", "date", 2020, None, None),
    ("It costs 5 bucks.", "5 bucks", "money", 5, "USD", None),
    ("He ran the marathon in 2:01:09.", "2:01:09", "duration", 2.019, "hours", None),
    ("The probe flies at 30 km/s.", "30 km/s", "quantity", 30, "km/s", None),
    ("roads of 100-1500 km", "100-1500 km", "range", 100, "km", "to 1500"),
    ("She was born at the age of four months.", "age of four months", "age", 4, "months", None),
]


@pytest.mark.parametrize(("text", "span", "kind", "value", "unit", "qualifier"), CASES,
                         ids=[c[1] for c in CASES])
def test_number(text: str, span: str, kind: str | None, value: float | None, unit: str | None,
                qualifier: str | None) -> None:
    if kind is None and span.startswith("an estimated cost"):
        n = find(text, "NZ$26 million")
        assert (n.kind, n.value, n.unit) == ("money", 26e6, "NZD")
        return
    n = find(text, span)
    if kind is not None:
        assert n.kind == kind
    assert same(n.value, value), n
    if kind is not None:
        assert n.unit == unit, n
        assert n.qualifier == qualifier, n


NOT_NUMBERS = [
    ("He has COVID-19.", "19"),
    ("the end of World War II", "II"),
    ("the pipeline Siberian Power 2 runs", "2"),
    ("the equivalent of Nord Stream 1.", "1"),
    ("the G7 summit", "7"),
    ("a Boeing 737 jet", "737"),
    ("He runs Windows 11 now.", "11"),
    ("Section 230 of the law", "230"),
    ("Iran, one of Moscow's main allies", "one"),
    ("supporting each other in the clashes", "other"),
    ("She races in Formula One.", "One"),
    ("the Second World War ended", "Second"),
    ("the 5G network", "5"),
    ("the F-16 jet", "16"),
    ("see page 5 of the report", "5"),
    ("the No. 1 seed", "1"),
    ("no one came", "one"),
    ("the one who left", "one"),
    ("at first he refused", "first"),
    ("the minutes of the meeting", "minutes"),
    ("It may rain.", "may"),
    ("Theresa May said", "May"),
    ("April Smith won", "April"),
    ("the FIRST Global Challenge", "FIRST"),
    ("1. Introduction\n2. Methods", "1"),
    ("Apple's iPhone 15 sold well.", "15"),
    ("a one-off payment", "one"),
    ("One could argue otherwise.", "One"),
    ("see www.example.com/2020/05/story", "2020"),
    ("John 3:16 says", "3:16"),
    ("The S&P 500 fell.", "500"),
    ("It kills 1,000 people a year.", "a year"),
    ("It happens twice a year.", "a year"),
    ("He lives at 1600 Pennsylvania Avenue.", "1600"),
    ("the house at 10 Downing Street", "10"),
    ("Call 555-1234 now.", "555-1234"),
    ("At COP 26 in Glasgow", "26"),
    ("The 747s landed.", "s"),
    # no duration without a number
    ("Gazprom has been studying for years the idea.", "years"),
    ("just weeks before the invasion", "weeks"),
    ("after centuries of looking west", "centuries"),
]


@pytest.mark.parametrize(("text", "word"), NOT_NUMBERS, ids=[t for t, _ in NOT_NUMBERS])
def test_not_a_number(text: str, word: str) -> None:
    start = text.index(word)
    end = start + len(word)
    for n in numbers(text):
        assert n.end <= start or n.start >= end, n


def test_number_inside_a_name_is_skipped() -> None:
    text = "The 2022 World Cup opened on Sunday."
    start = text.index("2022")
    names = [Entity(start - 4, start + 14, text[start - 4:start + 14], "EVENT")]
    found = numbers(text, names)
    assert [n.text for n in found] == ["Sunday"]


def test_name_touching_a_span_is_clipped() -> None:
    text = "in 2013 Smith paid 5 dollars"
    names = [Entity(8, 13, "Smith", "PERSON")]
    assert [n.text for n in numbers(text, names)] == ["2013", "5 dollars"]


def test_age_after_a_person_name() -> None:
    text = "Daniel Montalvo, 19, a member, was released."
    names = [Entity(0, 15, "Daniel Montalvo", "PERSON")]
    n = find(text, "19", names)
    assert (n.kind, n.value, n.unit) == ("age", 19, "years")


SAMPLE = (
    "Xi Jinping will leave China for the first time in more than two years to travel this week "
    "to Central Asia, just a month before consolidating his position. The trip, Xi's first abroad "
    "since the start of the COVID-19 pandemic, shows that he is confident in his third term. "
    "Trade soared by almost a third between Russia and China in the first 7 months of 2022. "
    "It will transport 50 billion cubic meters of gas a year, about a third of what Russia sells "
    "to Europe, or the equivalent of Nord Stream 1. World War II led by the United States."
)


def test_sample_ids_order_and_offsets() -> None:
    found = numbers(SAMPLE)
    assert [n.id for n in found] == [f"n{i}" for i in range(1, len(found) + 1)]
    assert [n.start for n in found] == sorted(n.start for n in found)
    for n in found:
        assert SAMPLE[n.start:n.end] == n.text
    texts = [n.text for n in found]
    for expected in ("more than two years", "this week", "a month", "third", "almost a third",
                     "the first 7 months", "2022", "50 billion cubic meters of gas a year",
                     "about a third"):
        assert expected in texts
    assert not any(t in ("19", "1", "II") for t in texts)


def test_number_entities_labels() -> None:
    found = numbers("He paid $5 on Monday, 5% more, the third time.")
    ents = number_entities(found)
    assert [(e.text, e.label) for e in ents] == [
        ("$5", "MONEY"), ("Monday", "DATE"), ("5%", "PERCENT"), ("third", "ORDINAL")]
    assert set(KIND_LABELS) == {"cardinal", "ordinal", "fraction", "percent", "money", "quantity",
                                "date", "time", "duration", "age", "range", "score"}


def test_range_labels_follow_the_unit() -> None:
    found = numbers("It cost $5 billion to $10 billion, 5-10% more, for 5 to 10 years, 5-10 km, 5-10.")
    assert [e.label for e in number_entities(found)] == [
        "MONEY", "PERCENT", "DATE", "QUANTITY", "CARDINAL"]


def test_empty_and_numberless_text() -> None:
    assert numbers("") == []
    assert numbers("No numbers here at all.") == []


def test_trained_style_doc_from_chunks() -> None:
    """Docs joined from chunks (as the engine does for long texts) give the same numbers."""
    parts = ["He paid $5 billion in 2013.\n\n", "Then 38 times more, about a third.\n"]
    doc = Doc.from_docs([_NLP(p) for p in parts], ensure_whitespace=False)
    assert [n.text for n in extract_numbers(doc, [])] == [
        "$5 billion", "2013", "38 times", "about a third"]


_ALPHABET = st.sampled_from(
    [*list("0123456789 ,.-–:/%$€£abcdefghijklmnopqrstuvwxyzAMNOQT\n’'"), " million", " per cent", " year", " years", "-year-old", " tens of thousands", " a third", " more than", " about", " January", " Oct.", " Monday", " between", " and", " of", " twenty", "-one", " half", " the first", " last week", " km", " bn", " US$", " aged"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=40).map("".join))
def test_spans_in_bounds(text: str) -> None:
    found = numbers(text)
    last = -1
    for i, n in enumerate(found, 1):
        assert 0 <= n.start < n.end <= len(text)
        assert text[n.start:n.end] == n.text
        assert n.text == n.text.strip()
        assert n.start >= last
        last = n.end
        assert n.id == f"n{i}"
        assert n.kind in KIND_LABELS
        assert n.value is None or isinstance(n.value, (int, float))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_text_never_breaks(text: str) -> None:
    for n in numbers(text):
        assert text[n.start:n.end] == n.text


def _tagged(words: list[str], pos: list[str]) -> Doc:
    spaces = [True] * len(words)
    for k in range(len(words) - 1):
        if words[k + 1] in (".", ","):
            spaces[k] = False
    return Doc(_NLP.vocab, words=words, spaces=spaces, pos=pos)


def test_trained_tags_decide_fraction_or_ordinal() -> None:
    """With a tagger, "a third" before a noun is an ordinal, before anything else a fraction."""
    doc = _tagged(["He", "wants", "a", "third", "mandate", "."],
                  ["PRON", "VERB", "DET", "ADJ", "NOUN", "PUNCT"])
    assert [(n.text, n.kind) for n in extract_numbers(doc, [])] == [("third", "ordinal")]
    doc = _tagged(["Sales", "fell", "a", "third", "overnight", "."],
                  ["NOUN", "VERB", "DET", "NOUN", "ADV", "PUNCT"])
    assert [(n.text, n.kind) for n in extract_numbers(doc, [])] == [("a third", "fraction")]


def test_trained_tags_pronoun_one_and_modal_may() -> None:
    doc = _tagged(["One", "never", "knows", ",", "and", "it", "May", "rain", "."],
                  ["PRON", "ADV", "VERB", "PUNCT", "CCONJ", "PRON", "AUX", "VERB", "PUNCT"])
    assert extract_numbers(doc, []) == []
