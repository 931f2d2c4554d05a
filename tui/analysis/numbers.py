"""Numbers with their values: cardinals, ordinals, fractions, percentages, money, quantities,
dates, times, durations, ages and ranges, with approximators kept as a qualifier."""

from __future__ import annotations

from spacy.tokens import Doc

from tui.analysis.model import Entity, Number

KIND_LABELS: dict[str, str] = {
    "cardinal": "CARDINAL", "ordinal": "ORDINAL", "fraction": "CARDINAL", "percent": "PERCENT",
    "money": "MONEY", "quantity": "QUANTITY", "date": "DATE", "time": "TIME",
    "duration": "DATE", "age": "DATE", "range": "CARDINAL",
}
"""OntoNotes label for each number kind, used when the pipeline has no numeric NER of its own."""


def extract_numbers(doc: Doc, names: list[Entity]) -> list[Number]:
    """Every number in ``doc`` that is not part of a name in ``names``, in text order."""
    return []


def number_entities(numbers: list[Number]) -> list[Entity]:
    """Numeric entities (OntoNotes labels) derived from the numbers layer."""
    return [Entity(n.start, n.end, n.text, KIND_LABELS[n.kind]) for n in numbers]
