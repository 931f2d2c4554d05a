"""tui.linking: offset lookup, mention cycling, search, display text and highlight conversion."""

from __future__ import annotations

import pytest

from tui.analysis.model import Actor, Analysis, Claim, Number, PipelineInfo, Span
from tui.linking import (
    Item,
    LineMap,
    MentionIndex,
    add_highlights,
    display_text,
    find_all,
    items_from_analysis,
    line_highlights,
    merge_highlights,
    nearest,
    position,
    step,
)

TEXT = "Anna Berg met Tom Ruiz.\n“Yes,” Berg said of 40% of it.\nRuiz left."


def _analysis() -> Analysis:
    def span(word: str, nth: int = 0) -> Span:
        start = -1
        for _ in range(nth + 1):
            start = TEXT.index(word, start + 1)
        return Span(start, start + len(word), word)

    claim_start = TEXT.index("“Yes,”")
    return Analysis(
        text=TEXT, source="t", title=None, pipeline=PipelineInfo("test", "0", False),
        actors=[
            Actor("a1", "Anna Berg", "person", ["Berg"], [span("Anna Berg"), span("Berg", 1)]),
            Actor("a2", "Tom Ruiz", "person", ["Ruiz"], [span("Tom Ruiz"), span("Ruiz", 1)]),
        ],
        claims=[Claim("c1", "quote", claim_start, claim_start + 6, "“Yes,”", speaker="a1")],
        numbers=[Number("n1", TEXT.index("40%"), TEXT.index("40%") + 3, "40%", "percent", 40.0)],
    )


def test_items_keep_sorted_spans() -> None:
    items = items_from_analysis(_analysis())
    assert [i.id for i in items["actor"]] == ["a1", "a2"]
    berg = items["actor"][0]
    assert berg.spans[0] == (0, 9) and TEXT[slice(*berg.spans[1])] == "Berg"
    assert items["claim"][0].spans == ((TEXT.index("“Yes"), TEXT.index("“Yes") + 6),)


def test_lookup_prefers_innermost_and_requested_kind() -> None:
    index = MentionIndex(i for items in items_from_analysis(_analysis()).values() for i in items)
    inside_yes = TEXT.index("Yes") + 1
    assert index.lookup(inside_yes)[0].id == "c1"  # only the claim covers it
    ruiz = TEXT.index("Ruiz") + 2
    item, mention = index.lookup(ruiz)
    assert (item.id, mention) == ("a2", 0)
    second = TEXT.index("Ruiz", ruiz) + 1
    assert index.lookup(second)[1] == 1
    assert index.lookup(TEXT.index("40%") + 1)[0].kind == "number"
    assert index.lookup(TEXT.index("met") + 1) is None


def test_lookup_counts_the_end_of_a_span() -> None:
    index = MentionIndex([Item("actor", "x", ((5, 9),))])
    assert index.lookup(9) is not None and index.lookup(5) is not None
    assert index.lookup(10) is None and index.lookup(4) is None


def test_prefer_overrides_default_order() -> None:
    index = MentionIndex([Item("actor", "a", ((10, 14),)), Item("claim", "c", ((0, 30),))])
    assert index.lookup(12)[0].kind == "actor"
    assert index.lookup(12, prefer="claim")[0].kind == "claim"


def test_nested_spans_of_one_kind_pick_the_innermost() -> None:
    index = MentionIndex([Item("claim", "outer", ((0, 100),)), Item("claim", "inner", ((40, 50),))])
    assert index.find(45, "claim")[0].id == "inner"
    assert index.find(60, "claim")[0].id == "outer"


def test_step_wraps_both_ways() -> None:
    assert step(5, None, 1) == 0 and step(5, None, -1) == 4
    assert step(5, 4, 1) == 0 and step(5, 0, -1) == 4 and step(5, 2, 1) == 3
    with pytest.raises(ValueError):
        step(0, None, 1)


def test_nearest_and_position() -> None:
    spans = [(10, 12), (20, 22), (30, 32)]
    assert nearest(spans, 0) == 0 and nearest(spans, 15) == 1 and nearest(spans, 31) == 0
    assert nearest(spans, 15, forward=False) == 0 and nearest(spans, 5, forward=False) == 2
    assert position(1, 5) == "2/5" and position(None, 3) == "–/3"


def test_find_all_is_literal_and_case_insensitive() -> None:
    text = "Kremlin said; the kremlin. [b]KREMLIN.*"
    assert find_all(text, "kremlin") == [(0, 7), (18, 25), (30, 37)]
    assert find_all(text, ".*") == [(37, 39)]
    assert find_all(text, "[b]") == [(27, 30)]
    assert find_all(text, "") == []


def test_display_text_keeps_length_and_lines() -> None:
    raw = "a\x1b[31mred\x1b[0m\x0cb\u2028c\rd\x85e\u202eX\tY\nZ"
    shown = display_text(raw)
    assert len(shown) == len(raw)
    assert "\x1b" not in shown and "␛[31m" in shown
    # only real newlines still break lines
    assert [len(s) for s in shown.splitlines()] == [len(s) for s in raw.split("\n")]
    assert "\t" in shown


def test_line_map_round_trip() -> None:
    lines = LineMap("ab\ncdé\n\nf")
    assert lines.location(0) == (0, 0) and lines.location(3) == (1, 0)
    assert lines.location(5) == (1, 2) and lines.location(7) == (2, 0) and lines.location(8) == (3, 0)
    assert lines.offset(1, 2) == 5 and lines.location(99) == (3, 1)
    assert lines.byte_column(1, 3) == 4  # é is two bytes in UTF-8


def test_add_highlights_converts_to_bytes_and_splits_rows() -> None:
    text = "“Quoted” Berg\nnext line\n\nlast"
    lines = LineMap(text)
    out: dict = {}
    add_highlights(out, lines, [(9, 13)], "ent")  # Berg, after two 3-byte quotes
    assert out[0] == [(13, 17, "ent")]
    out = {}
    add_highlights(out, lines, [(9, len(text))], "claim")  # runs over four rows
    assert out[0] == [(13, None, "claim")]
    assert out[1] == [(0, None, "claim")]
    assert 2 not in out  # empty row: nothing to draw
    assert out[3] == [(0, 4, "claim")]
    out = {}
    add_highlights(out, lines, [(9, 14), (5, 5)], "x")  # ends at a row start; empty span
    assert out == {0: [(13, None, "x")]}


def test_byte_columns_on_a_long_non_ascii_line() -> None:
    line = ("“é” abc ✓ " * 50) + "end"
    lines = LineMap("first\n" + line)
    for column in range(0, len(line) + 1, 7):
        assert lines.byte_column(1, column) == len(line[:column].encode("utf-8"))


def test_merge_highlights_keeps_layers_apart_and_in_order() -> None:
    lines = LineMap("one two\nthree")
    base = line_highlights(lines, [(0, 3)], "ent")
    search = line_highlights(lines, [(0, 3), (8, 13)], "search")
    merged = merge_highlights([base, search])
    assert merged == {0: [(0, 3, "ent"), (0, 3, "search")], 1: [(0, 5, "search")]}
    assert base == {0: [(0, 3, "ent")]}  # the layers themselves are not changed


def test_paragraphs_and_their_steps() -> None:
    from tui.linking import paragraph_at, paragraph_starts, paragraph_step

    text = "Title\n\n  First para\nline two\n\n\nSecond.\n"
    starts = paragraph_starts(text)
    assert [text[s:s + 5] for s in starts] == ["Title", "First", "Secon"]
    assert paragraph_at(starts, text.index("two")) == 1
    assert paragraph_step(starts, 0, 1) == starts[1]
    assert paragraph_step(starts, text.index("two"), -1) == starts[1]  # its own start first
    assert paragraph_step(starts, starts[1], -1) == 0
    assert paragraph_step(starts, starts[2], 1) is None
    assert paragraph_step(paragraph_starts("   \n"), 0, 1) is None


def test_counted_says_one_thing_and_many_things() -> None:
    from tui.linking import counted

    assert counted(1, "number") == "1 number"
    assert counted(0, "claim") == "0 claims"
    assert counted(3, "match", "matches") == "3 matches"
