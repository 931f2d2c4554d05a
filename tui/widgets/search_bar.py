"""The search bar: a one-line input under the article, opened with ``/``.

It takes its row in the layout (not docked), so the footer below never covers it."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Input


class SearchBar(Input):
    """Incremental search: every keystroke posts ``Changed`` so matches light up as you type.

    | Key | Action |
    | :- | :- |
    | enter | keep the matches, jump to the first one after the caret, back to the article |
    | escape | cancel the search (matches cleared) |
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel search", show=False),
    ]

    DEFAULT_CSS = """
    SearchBar { height: 1; border: none; padding: 0 1; display: none; }
    SearchBar:focus { border: none; }
    SearchBar.-open { display: block; }
    """

    class Cancelled(Message):
        """The user pressed escape in the search bar."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(placeholder="search the article (enter: go, esc: cancel)", id=id)

    def open(self) -> None:
        self.add_class("-open")
        self.focus()

    def close(self) -> None:
        self.remove_class("-open")

    def action_cancel(self) -> None:
        self.value = ""
        self.close()
        self.post_message(self.Cancelled())
