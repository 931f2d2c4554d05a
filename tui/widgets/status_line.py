"""The status line: analysis state, the chosen item's mention position, search position, and
where the reader is in the article."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

MAX_WIDTH = 50
"""Widest the status line gets, padding included (cells): the legend keeps this much free."""


class StatusLine(Static):
    """One line at the right end of the legend's first row; plain text only (it quotes article
    words). At most ``MAX_WIDTH`` cells, a constant so the legend's layout does not follow
    every change of the text."""

    DEFAULT_CSS = f"""
    StatusLine {{ width: auto; max-width: {MAX_WIDTH}; height: 1; padding: 0 1;
                 background: $boost; color: $text-muted; text-wrap: nowrap;
                 text-overflow: ellipsis; }}
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self.text = ""
        self.position = ""

    def show(self, text: str) -> None:
        """The message part (what was chosen, found, or the analysis state)."""
        self.text = text
        self._update()

    def set_position(self, position: str) -> None:
        """Where the reader is ("¶ 3/31 · 12%"): always kept whole at the end."""
        if position != self.position:
            self.position = position
            self._update()

    def _update(self) -> None:
        text = " ".join(self.text.split())
        room = MAX_WIDTH - 2 - (len(self.position) + 3 if self.position else 0)
        if len(text) > room:
            text = text[: max(0, room - 1)].rstrip() + "…" if room > 1 else ""
        parts = [Content(text)] if text else []
        if self.position:
            parts.append(Content.styled(self.position, "bold"))
        self.update(Content(" · ").join(parts))
