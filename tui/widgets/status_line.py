"""The status line: analysis state, the chosen item's mention position, search position."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static


class StatusLine(Static):
    """One line on the right of the legend; plain text only (it quotes article words)."""

    DEFAULT_CSS = """
    StatusLine { width: auto; max-width: 50%; height: 1; padding: 0 1; background: $boost;
                 color: $text-muted; text-wrap: nowrap; text-overflow: ellipsis; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self.text = ""

    def show(self, text: str) -> None:
        self.text = text
        self.update(Content(" ".join(text.split())))
