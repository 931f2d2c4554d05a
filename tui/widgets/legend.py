"""The legend bar: one swatch, label and count per entity type, showing which types are on."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import NamedTuple

from textual import events
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.style import Style as TStyle
from textual.widgets import Static

from tui.widgets import palette

ROWS = 2
"""Rows the legend may take before it compacts its items."""


class Form(NamedTuple):
    """How compactly an item is written."""

    short: bool  # the groups' short names
    tight: bool  # "1■PER" rather than "1 ■ PER"
    counts: bool  # the count after the label


FORMS = (Form(False, False, True), Form(True, False, True), Form(True, True, True),
         Form(True, True, False))
"""From the roomiest to the most compact: the first that fits in ``ROWS`` rows is drawn."""


class Legend(Static):
    """Entity groups with their colour and count; number keys 1-9 (or a click) toggle them.

    A click posts :class:`Legend.Toggled` with the group's key. Groups are listed
    in their fixed key order (:data:`tui.widgets.palette.GROUPS`), only those the article has;
    a group whose every label is hidden is struck through. Every group is always shown: when
    the full items do not fit in two rows, names get shorter, then the spacing, then the counts
    go. ``reserve`` cells are left free at the end of the first row for the status line drawn
    over it. The legend only draws: the reader screen owns which types are on.
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
        self._hits: dict[int, list[tuple[int, int, int]]] = {}
        """Per content width: (row, first cell, end cell) of each drawn item, by group key."""

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, lambda _: self._redraw())

    @property
    def groups(self) -> list[palette.Group]:
        """The groups the article has, in key order."""
        present = {palette.group_of(label).key for label, n in self.counts.items() if n}
        return [g for g in palette.GROUPS if g.key in present]

    @property
    def labels(self) -> list[str]:
        """The labels counted, in group order (then by count)."""
        order = {g.key: n for n, g in enumerate(palette.GROUPS)}
        return sorted(self.counts, key=lambda lb: (order[palette.group_of(lb).key],
                                                   -self.counts[lb], lb))

    def group_count(self, group: palette.Group) -> int:
        return sum(n for label, n in self.counts.items() if palette.group_of(label) is group)

    def group_hidden(self, group: palette.Group) -> bool:
        """Every label of ``group`` in the article is hidden."""
        present = [lb for lb in self.counts if palette.group_of(lb) is group]
        return bool(present) and all(lb in self.hidden for lb in present)

    def set_counts(self, counts: Mapping[str, int], hidden: set[str]) -> None:
        self.counts = {label: n for label, n in counts.items() if n}
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
        self._hits.clear()
        self.refresh(layout=True)  # the number of rows may change

    # -- layout ----------------------------------------------------------------------------
    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """As many rows as the items take at ``width``: measured from the same layout that is
        drawn, so no type is ever cut off by a stale height."""
        return len(self._lines(width))

    def render(self) -> Content:
        return Content("\n").join(self._lines(self._width()))

    def _width(self) -> int:
        return max(10, self.content_size.width or self.app.size.width)

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
            return _fill(words, " ", width, self.reserve)[0] or [Content("")]
        lines: list[Content] = []
        for form in FORMS:
            lines, hits = _fill(self._items(form), " " if form.tight and not form.counts else "  ",
                                width, self.reserve)
            if len(lines) <= ROWS:
                break
        self._hits[width] = hits
        return lines

    def _items(self, form: Form) -> list[Content]:
        variables = self.app.theme_variables
        depth = palette.app_depth(self.app)
        space = "" if form.tight else " "
        items: list[Content] = []
        for group in self.groups:
            off = self.group_hidden(group)
            if depth == "none":  # no colour to show: a sample of the group's style
                sample = (palette.extra_styles(variables, depth)["nr.number"] if group.numeric
                          else palette.group_style(group, variables, depth))
                swatch = Content.styled("Aa", TStyle.from_rich_style(sample))
            else:
                style = TStyle.from_rich_style(palette.swatch_style(group, variables, depth))
                swatch = Content.styled("□" if off else "■", style)
            name = group.short if form.short else group.name
            items.append(Content.assemble(
                (f"{group.key}{space}", "dim"), swatch, space,
                (name, "strike dim" if off else "bold"),
                (f" {self.group_count(group)}" if form.counts else "", "dim"),
            ))
        return items

    # -- clicks ----------------------------------------------------------------------------
    class Toggled(Message):
        """The user clicked the item of group ``key``."""

        def __init__(self, key: int) -> None:
            super().__init__()
            self.key = key

    def on_click(self, event: events.Click) -> None:
        """A click on an item posts :class:`Toggled` (no ``@click`` markup: Textual would draw
        the swatch in the link colour)."""
        offset = event.get_content_offset(self)
        if offset is None:
            return
        hits = self._hits.get(self._width(), [])
        groups = self.groups
        for n, (row, start, end) in enumerate(hits):
            if row == offset.y and start <= offset.x < end and n < len(groups):
                event.stop()
                self.post_message(self.Toggled(groups[n].key))
                return


def _fill(items: list[Content], separator: str, width: int,
          reserve: int) -> tuple[list[Content], list[tuple[int, int, int]]]:
    """Items in rows of ``width`` cells, never splitting one; the first row ends ``reserve``
    cells early (the status line is drawn there). Also returns where each item landed:
    (row, first cell, end cell)."""
    lines: list[Content] = []
    hits: list[tuple[int, int, int]] = []
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
        start = used + needed - item.cell_length
        hits.append((len(lines), start, start + item.cell_length))
        current.append(item)
        used += needed
    if current:
        lines.append(Content(separator).join(current))
    return lines, hits
