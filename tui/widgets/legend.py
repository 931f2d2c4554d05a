"""The legend bar: one swatch, label and count per entity type, showing which types are on."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import NamedTuple

from rich.style import Style
from textual.content import Content
from textual.geometry import Size
from textual.style import Style as TStyle
from textual.widgets import Static

from tui.widgets import palette

SHORT: dict[str, str] = {
    "PERSON": "PER", "PRODUCT": "PROD", "WORK_OF_ART": "WORK", "LANGUAGE": "LANG",
    "PERCENT": "PCT", "QUANTITY": "QTY", "ORDINAL": "ORD", "CARDINAL": "CARD",
}
"""Shorter names for the long labels, used when the full ones do not fit."""
ROWS = 2
"""Rows the legend may take before it compacts its items."""


class Form(NamedTuple):
    """How compactly an item is written."""

    short: bool  # SHORT labels
    tight: bool  # "1■PER" rather than "1 ■ PER"
    counts: bool  # the count after the label


FORMS = (Form(False, False, True), Form(True, False, True), Form(True, True, True),
         Form(True, True, False))
"""From the roomiest to the most compact: the first that fits in ``ROWS`` rows is drawn."""


class Legend(Static):
    """Entity types with their colour and count; number keys 1-9 (or a click) toggle them.

    A click runs the screen's ``toggle_type(n)`` action with the type's 1-based position.

    Types are listed by count, so the keys 1-9 reach the most frequent ones; hidden types are
    struck through. Every type is always shown: when the full items do not fit in two rows,
    labels get shorter (PERSON -> PER), then the spacing, then the counts go. ``reserve`` cells
    are left free at the end of the first row for the status line drawn over it. The legend
    only draws: the reader screen owns which types are on.
    """

    DEFAULT_CSS = """
    Legend { width: 1fr; height: auto; max-height: 3; padding: 0 1; background: $boost; }
    """

    def __init__(self, *, reserve: int = 0, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self.reserve = reserve
        self.counts: dict[str, int] = {}
        self.hidden: set[str] = set()
        self._message: Content = Content("")
        self._layouts: dict[int, list[Content]] = {}
        """Lines per content width (a render and a layout ask for the same width)."""

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, lambda _: self._redraw())

    @property
    def labels(self) -> list[str]:
        """Types in key order (most frequent first)."""
        return [label for label, _ in sorted(self.counts.items(), key=lambda kv: (-kv[1], kv[0]))]

    def set_counts(self, counts: Mapping[str, int], hidden: set[str]) -> None:
        self.counts = dict(counts)
        self.hidden = set(hidden)
        self._message = Content.styled("no entities", "dim italic")
        self._redraw()

    def set_message(self, text: str) -> None:
        """Show a plain message instead of the types (e.g. while analysing)."""
        self.counts = {}
        self._message = Content.styled(text, "italic")
        self._redraw()

    def _redraw(self) -> None:
        self._layouts.clear()
        self.refresh(layout=True)  # the number of rows may change

    # -- layout ----------------------------------------------------------------------------
    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """As many rows as the items take at ``width``: measured from the same layout that is
        drawn, so no type is ever cut off by a stale height."""
        return len(self._lines(width))

    def render(self) -> Content:
        return Content("\n").join(self._lines(self.content_size.width or self.app.size.width))

    def _lines(self, width: int) -> list[Content]:
        width = max(10, width)
        lines = self._layouts.get(width)
        if lines is None:
            lines = self._layouts[width] = self._layout(width)
        return lines

    def _layout(self, width: int) -> list[Content]:
        if not self.counts:  # a message: its words wrap like items
            words = [self._message[m.start():m.end()]
                     for m in re.finditer(r"\S+", self._message.plain)]
            return _fill(words, " ", width, self.reserve) or [Content("")]
        lines: list[Content] = []
        for form in FORMS:
            lines = _fill(self._items(form), " " if form.tight and not form.counts else "  ",
                          width, self.reserve)
            if len(lines) <= ROWS:
                break
        return lines

    def _items(self, form: Form) -> list[Content]:
        variables = self.app.theme_variables
        space = "" if form.tight else " "
        items: list[Content] = []
        for n, label in enumerate(self.labels, start=1):
            style = palette.label_style(label, variables)
            swatch = TStyle.from_rich_style(Style(color=style.bgcolor or style.color))
            off = label in self.hidden
            name = SHORT.get(label, label) if form.short else label
            body = Content.assemble(
                (f"{n}{space}" if n <= 9 else "", "dim"), ("□" if off else "■", swatch), space,
                (name, "strike dim" if off else "bold"),
                (f" {self.counts[label]}" if form.counts else "", "dim"),
            )
            items.append(body.stylize(f"@click=screen.toggle_type({n})", 0, len(body)))
        return items


def _fill(items: list[Content], separator: str, width: int, reserve: int) -> list[Content]:
    """Items in rows of ``width`` cells, never splitting one; the first row ends ``reserve``
    cells early (the status line is drawn there)."""
    lines: list[Content] = []
    current: list[Content] = []
    used = 0
    limit = max(0, width - reserve)
    for item in items:
        needed = item.cell_length + (len(separator) if current else 0)
        if used + needed > limit and (current or limit < width):
            # a full row; the first may stay empty when the status line leaves it no room
            lines.append(Content(separator).join(current))
            current, used, limit = [], 0, width
            needed = item.cell_length
        current.append(item)
        used += needed
    if current:
        lines.append(Content(separator).join(current))
    return lines
