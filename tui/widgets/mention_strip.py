"""The mention strip: one column beside the article marking where the chosen item is mentioned."""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.color import Color
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget


class MentionStrip(Widget):
    """A map of the whole article, one cell wide: a mark at the height of every mention of the
    chosen item (the current one brighter), and the part of the article on screen shaded.

    It only draws what it is given (:meth:`show`: the wrapped rows of the mentions, the
    article's height in rows and the rows on screen); the reader screen keeps it up to date.
    A click posts :class:`Clicked` with the article row at that height.
    """

    class Clicked(Message):
        """The strip was clicked at the height of article row ``row``."""

        def __init__(self, row: int) -> None:
            super().__init__()
            self.row = row

    DEFAULT_CSS = """
    MentionStrip { width: 1; height: 1fr; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.marks: list[int] = []
        self.current_mark: int | None = None
        self.article_rows = 1
        self.on_screen: tuple[int, int] = (0, 0)
        self._cells: tuple[int, set[int]] = (-1, set())
        """(strip height, cells holding a mark), computed once per drawing of new marks."""

    def show(self, rows: list[int], current: int | None, total: int,
             visible: tuple[int, int]) -> None:
        """Mark ``rows`` (``current`` is the index of the current one) of an article ``total``
        rows high, of which ``visible`` (first row, last row + 1) are on screen."""
        state = (rows, current, max(1, total), visible)
        if state != (self.marks, self.current_mark, self.article_rows, self.on_screen):
            self.marks, self.current_mark, self.article_rows, self.on_screen = state
            self._cells = (-1, set())
            self.refresh()

    def on_click(self, event: events.Click) -> None:
        event.stop()
        height = max(1, self.size.height)
        self.post_message(self.Clicked(event.y * self.article_rows // height))

    def _cell(self, row: int) -> int:
        height = max(1, self.size.height)
        return min(height - 1, row * height // self.article_rows)

    def render_line(self, y: int) -> Strip:
        variables = self.app.theme_variables
        accent = Color.parse(variables.get("accent", "#ffa62b"))
        surface = Color.parse(variables.get("surface", "#1e1e1e"))
        shade = surface.blend(Color.parse(variables.get("foreground", "#e0e0e0")), 0.12)
        start, end = self.on_screen
        shown = bool(end) and self._cell(start) <= y <= self._cell(max(start, end - 1))
        back = (shade if shown else surface).rich_color
        if self._cells[0] != self.size.height:
            self._cells = (self.size.height, {self._cell(r) for r in self.marks})
        marks = self._cells[1]
        current = self.current_mark
        if current is not None and 0 <= current < len(self.marks) \
                and self._cell(self.marks[current]) == y:
            return Strip([Segment("█", Style(color=accent.rich_color, bgcolor=back))])
        if y in marks:
            dim = surface.blend(accent, 0.6).rich_color
            return Strip([Segment("▐", Style(color=dim, bgcolor=back))])
        return Strip([Segment(" ", Style(bgcolor=back))])
