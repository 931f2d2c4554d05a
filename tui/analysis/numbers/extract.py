"""The public entry points: numbers of a doc (the names check and the "Name, 45," age on top of
the scan), and their OntoNotes entities."""

from __future__ import annotations

from bisect import bisect_left
from typing import cast

from spacy.tokens import Doc

from tui.analysis.model import Entity, Number, NumberKind
from tui.analysis.numbers import quantities, rules, values
from tui.analysis.numbers.scanner import Scanner
from tui.analysis.numbers.tables import TOKEN_RE, tables
from tui.analysis.tokens import tokens_of

KIND_LABELS: dict[str, str] = {
    "cardinal": "CARDINAL",
    "ordinal": "ORDINAL",
    "fraction": "CARDINAL",
    "percent": "PERCENT",
    "money": "MONEY",
    "quantity": "QUANTITY",
    "date": "DATE",
    "time": "TIME",
    "duration": "DATE",
    "age": "DATE",
    "range": "CARDINAL",
    "score": "CARDINAL",
}
"""OntoNotes label for each number kind, used when the pipeline has no numeric NER of its own."""


def extract_numbers(doc: Doc, names: list[Entity]) -> list[Number]:
    """Every number in ``doc`` that is not part of a name in ``names``, in text order."""
    text = tokens_of(doc).text
    if not text:
        return []
    actor_ends = frozenset(e.end for e in names if e.label in ("PERSON", "GPE", "NORP", "LOC"))
    scanner = Scanner(text, tables(), actor_ends, doc)
    hits = rules.scan(scanner)
    spans = sorted(
        (e.start, e.end) for e in names if not (is_currency_name(e) or is_holiday_name(e))
    )
    name_starts = [s for s, _ in spans]
    person_ends = {e.end for e in names if e.label == "PERSON"}
    out: list[Number] = []
    starts = scanner.starts
    ends = scanner.ends
    toks = scanner.toks
    for h in hits:
        if h.i1 <= h.i0:
            continue
        start = starts[h.i0]
        end = ends[h.i1 - 1]
        core = starts[h.core0] if 0 <= h.core0 < len(starts) else start
        core_end = ends[h.core0] if 0 <= h.core0 < len(ends) else end
        # the names check: drop numbers inside a name; clip spans that only touch one
        k = bisect_left(name_starts, end)
        drop = False
        for s, e in spans[max(0, k - 8) : k]:
            if e <= start or s >= end:
                continue
            if s < core_end and e > core:
                drop = True
                break
            if e <= core:
                start = max(start, e)
            else:
                end = min(end, s)
        if drop:
            continue
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start >= end:
            continue
        kind = h.kind
        value = h.value
        unit = h.unit
        # "Name, 45," -> an age
        if (
            kind == "cardinal"
            and h.qualifier is None
            and isinstance(value, (int, float))
            and 0 < value < 120
            and values.is_integral(value)
            and h.i0 >= 2
            and toks[h.i0 - 1] == ","
            and h.i1 < len(toks)
            and toks[h.i1] == ","
            and (
                ends[h.i0 - 2] in person_ends
                or (
                    toks[h.i0 - 2][:1].isupper()
                    and toks[h.i0 - 2][:1].isalpha()
                    and h.i1 + 1 < len(toks)
                    and toks[h.i1 + 1][:1].islower()
                    and (
                        scanner.sentence_initial(h.i0 - 2)
                        or (toks[h.i0 - 3][:1].isupper() and toks[h.i0 - 3][:1].isalpha())
                    )
                )
            )
        ):
            kind, unit = "age", "years"
        elif (
            kind == "cardinal"
            and h.qualifier is None
            and isinstance(value, (int, float))
            and 0 < value < 120
            and values.is_integral(value)
            and quantities.pronoun_age(scanner, h)
        ):
            kind, unit = "age", "years"  # "when she was six"
        out.append(
            Number(
                id="",
                start=start,
                end=end,
                text=text[start:end],
                kind=cast(NumberKind, kind),
                value=values.clean(value),
                unit=unit,
                qualifier=h.qualifier,
            )
        )
    out.sort(key=lambda n: (n.start, n.end))
    result: list[Number] = []
    last_end = -1
    for num in out:
        if num.start < last_end:
            continue
        last_end = num.end
        num.id = f"n{len(result) + 1}"
        result.append(num)
    return result


def is_currency_name(e: Entity) -> bool:
    """A "name" that is a currency code or abbreviation ("CHF", "RM"): a tagger's acronym that
    the numbers layer reads as the currency of the money after it."""
    t = tables()
    return e.text in t.currency_prefixes or (
        e.text.isupper() and e.text.lower() in t.currency_codes
    )


def is_holiday_name(e: Entity) -> bool:
    """A "name" that is a holiday ("Christmas", "Christmas Eve"): a tagger's guess at an unknown
    capitalised word; the numbers layer reads it as a date (its own checks keep "Father
    Christmas" and "Christmas Island" out)."""
    t = tables()
    return tuple("'" if m.group() == "’" else m.group() for m in TOKEN_RE.finditer(e.text)) in (
        t.holidays
    )


def names_outside_money(names: list[Entity], numbers: list[Number]) -> list[Entity]:
    """``names`` without the currency codes read as part of a money number ("CHF" in "CHF 20")
    and without the holidays read as a date ("Christmas" in "Christmas 2019")."""
    kinds = ("money", "range", "date")
    spans = sorted((n.start, n.end, n.kind) for n in numbers if n.kind in kinds)
    starts = [a for a, _, _ in spans]
    kept = []
    for e in names:
        k = bisect_left(starts, e.start + 1) - 1
        inside = k >= 0 and spans[k][0] <= e.start and e.end <= spans[k][1]
        kind = spans[k][2] if inside else ""
        if not (
            (kind in ("money", "range") and is_currency_name(e))
            or (kind == "date" and is_holiday_name(e))
        ):
            kept.append(e)
    return kept


def number_entities(numbers: list[Number]) -> list[Entity]:
    """Numeric entities (OntoNotes labels) derived from the numbers layer."""
    return [Entity(n.start, n.end, n.text, _label(n)) for n in numbers]


def _label(n: Number) -> str:
    """The OntoNotes label; a range takes the label of its unit ("$5-10 billion" is MONEY)."""
    if n.kind != "range" or not n.unit:
        return KIND_LABELS[n.kind]
    t = tables()
    base = n.unit.split("/")[0]
    if base in t.currencies:
        return "MONEY"
    if base in t.sets["percent_units"]:
        return "PERCENT"
    if base in t.time_units.values():
        return "DATE"
    return "QUANTITY"
