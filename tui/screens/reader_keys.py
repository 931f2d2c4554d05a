"""The reader screen's keys, and which of them the footer shows where.

Contextual keys come twice: a shown binding that ``ReaderScreen.check_action`` hides where the
key does not matter (so the footer lists only what does), then the same key unshown, which
still works everywhere.
"""

from __future__ import annotations

from textual.binding import ActiveBinding, Binding, BindingType

SECTION_KEYS = Binding.Group("Sections", compact=True)
"""a, c and # are listed together in the footer."""
CONTEXTUAL = frozenset({"mention", "speaker", "group_quotes", "filter", "export"})
"""Actions whose shown binding the footer lists only where they apply."""

READER_BINDINGS: list[BindingType] = [
    Binding("right_square_bracket", "mention(1)", "Next", key_display="]"),
    Binding("left_square_bracket", "mention(-1)", "Prev", key_display="["),
    Binding("right_square_bracket", "any_mention(1)", "Next mention", show=False),
    Binding("left_square_bracket", "any_mention(-1)", "Previous mention", show=False),
    Binding("s", "speaker", "Speaker"),
    Binding("s", "any_speaker", "Speaker", show=False),
    Binding("v", "group_quotes", "Who said"),
    Binding("v", "any_group_quotes", "Who said what", show=False),
    Binding("f", "filter", "Filter"),
    Binding("f", "any_filter", "Filter", show=False),
    Binding("slash", "search", "Search", key_display="/"),
    Binding("n", "search_step(1)", "Next match", show=False),
    Binding("N", "search_step(-1)", "Previous match", show=False),
    Binding("a", "section('actor')", "Actors", group=SECTION_KEYS),
    Binding("c", "section('claim')", "Claims", group=SECTION_KEYS),
    Binding("number_sign", "section('number')", "Numbers", key_display="#",
            group=SECTION_KEYS),
    Binding("p", "toggle_panel", "Panel"),
    Binding("z", "plain", "Plain"),
    Binding("e", "export", "Export"),
    Binding("e", "any_export", "Export", show=False),
    Binding("o", "open_source", "Open source", show=False),
    Binding("tab", "switch_focus", "Article/panel", show=False),
    Binding("shift+tab", "switch_focus", "Article/panel", show=False),
    Binding("escape", "escape", "Close", show=False),
    *[Binding(str(n), f"toggle_type({n})", f"Toggle type {n}", show=False)
      for n in range(1, 10)],
]
"""Every key of the reader screen (the help screen lists them for people)."""


PINNED = ("quit_reader", "help")
"""Actions the footer always shows, first: a footer cut at the right edge must not hide how to
quit or get help."""


def pinned_first(bindings: dict[str, ActiveBinding]) -> dict[str, ActiveBinding]:
    """``bindings`` in footer order: the pinned ones first, the rest as they were."""
    first = {key: b for key, b in bindings.items() if b.binding.action in PINNED}
    return {**first, **{key: b for key, b in bindings.items() if key not in first}}
