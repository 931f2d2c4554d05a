"""The status line: analysis state, the chosen item's mention position, search position."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

MAX_WIDTH = 42
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

    def show(self, text: str) -> None:
        self.text = text
        self.update(Content(" ".join(text.split())))
