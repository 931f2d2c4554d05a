"""Numbers with their values: cardinals, ordinals, fractions, percentages, money, quantities,
dates, times, durations, ages and ranges, with approximators kept as a qualifier.

How it works: the text is cut into simple tokens with one regular expression (numbers, words,
single punctuation characters) and scanned once from left to right.  A token that can start a
number (digits, number words, ordinals, months, weekdays, currency signs, vague magnitudes ...)
runs a small recogniser that reads to the right (scale words, units, rates, ranges) and looks to
the left (approximators, "the", "early"/"mid-", "aged").  The spaCy tokens are not used, so the
layer behaves the same with the blank and the trained pipelines; when the doc carries part-of-
speech tags (a trained pipeline) they settle three ambiguities: "a third" + noun (ordinal) or not
(fraction), pronoun "one", and modal "May".  The general knowledge (number words, units,
currencies, month names, approximators) is in ``data/numbers.json``, loaded once.

Values (documented choices):

* cardinal, percent, money, quantity, duration, age: the number itself in the unit given
  (``$5 billion`` -> 5e9 USD, ``5 per cent`` -> 5 ``%``, ``a month`` -> 1 ``months``).
* fraction: the fraction rounded to three decimals (``a third`` -> 0.333); ordinal: its rank.
* range: the lower bound; explicit ranges carry the upper bound in the qualifier
  (``5-10 years`` -> 5, unit ``years``, qualifier ``to 10``); vague magnitudes carry their words
  (``tens of thousands`` -> 10000, qualifier ``tens of``; ``hundreds`` -> 100, qualifier
  ``hundreds``; ``several thousand`` -> 1000, qualifier ``several``).
* date: the year when one is written (``2013``, ``January 2020``, ``Oct. 16, 2022`` -> 2022; a
  decade ``the 1990s`` -> 1990; ``the 20th century`` -> 20 with unit ``century``); a relative
  date with a count keeps the count (``two years ago`` -> 2, unit ``years ago``;
  ``a year earlier`` -> 1, ``years earlier``); otherwise None
  (``Wednesday``, ``last week``, ``Oct. 16``).
* time: hours after midnight as a decimal (``3 pm`` -> 15, ``10:30`` -> 10.5, ``noon`` -> 12);
  a time of day without a clock (``at dawn``, ``before sundown``): None.
* holidays and seasons are dates (``Christmas``, ``New Year's Eve``, ``early summer``): None,
  or the year written with them (``Christmas 2019``, ``the summer of 2019`` -> 2019).
* score (``won 3-1``, ``voted 52-48``, ``drew 2-2``): the first number, the second in the
  qualifier (``to 1``); a dash from a larger to a smaller number is a score, not a range.
* no duration without a count: ``for years``, ``weeks``, ``centuries`` are not numbers;
  ``several years`` (None, qualifier ``several``) and ``a couple of weeks`` (2) are.
* a value too large for a float, or not finite, is None (never an exception).
* ``the first 7 months of 2022`` gives two numbers: ``the first 7 months`` (duration 7 months,
  qualifier ``first``) and ``2022`` (date 2022).
* Rates fold into the unit: ``50 billion cubic meters of gas a year`` -> 5e10 ``cubic meters/year``;
  ``$90 a barrel`` -> 90 ``USD/barrel``; ``45 cents a share`` -> 0.45 ``USD/share``.
* ``rose $2 to $80.50``, ``fell from 9 to 10``: a change and a level, two numbers, not a range.
* ``Name, 45,`` after a PERSON (or two capitalised words) is an age.
* Spans of dates and times are one number: ``from November 20 to December 11``, ``between July
  2003 and December 2004`` (2003, qualifier ``to December 2004``), ``2000 - 2050``,
  ``2022/23`` (2022, ``to 2023``), ``from 6:00am to midnight`` (6, ``to midnight``); so are
  edges: ``early in 2016``, ``the end of the month``, ``earlier today``, ``the year before``.
* A measure in two units is valued in the larger: ``6 feet 2 inches`` -> 6.167 ``feet``,
  ``2 hours and 30 minutes`` -> 2.5 ``hours``. ``a couple of points`` -> 2 ``points``.

Numbers that are part of names are skipped: digits glued to letters (G7, COVID-19, 5G, iPhone15),
a number right after a capitalised word that is not a function word, month, currency or
approximator (Boeing 737, Nord Stream 1, Section 230) unless that word ends a PERSON/GPE/NORP/LOC
name or a unit follows ("met Putin 38 times"), capitalised number words and ordinals inside a
sentence (Formula One, the Second World War), label words (page 5, flight 370, No. 1), and any
number inside one of the ``names`` spans.  Roman numerals are never numbers.  Also skipped:
"one" as a pronoun ("one of the ...", "the one who", "one could", "one by one", "a commercial
one"), adverbial "first" ("was first elected"), ordinals naming units ("the 501st Legion"), phone
numbers, street numbers ("10 Downing Street"), list markers ("1." at a line start) and numbers in
paths or hashtags.

The package: ``tables`` (the knowledge of ``data/numbers.json`` and the tokeniser), ``scanner``
(tokens and the questions rules ask of them), ``values`` (value arithmetic), ``rules`` (the
ordered table of recognisers and the scan), one module per kind of number (``digits``, ``words``,
``money``, ``dates``, ``times``, ``durations``, ``quantities``, ``ranges``, ``ordinals``),
``tails`` (the ordered readers of what may follow any number), the joins of neighbouring hits in
``rules`` (time spans, compound measures) and ``extract`` (the public entry points).
"""

from tui.analysis.numbers.extract import (
    KIND_LABELS,
    extract_numbers,
    names_outside_money,
    number_entities,
)

__all__ = ["KIND_LABELS", "extract_numbers", "names_outside_money", "number_entities"]
