"""One list of panel items (actors, claims or numbers), rendered as lines by OptionList."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import OptionList


class ItemList(OptionList):
    """An OptionList with reader keys; never markup (prompts are ``Content`` built from plain text).

    One OptionList renders thousands of items cheaply, where one widget per item would not.
    Enter or a click posts ``OptionList.OptionSelected``, which the side panel turns into
    ``SidePanel.ItemChosen``.

    | Key | Action |
    | :- | :- |
    | j / down, k / up | next / previous item |
    | g / home, G / end | first / last item |
    | enter | choose the item (show it in the article) |
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", "Show"),
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("g", "first", "First", show=False),
        Binding("G", "last", "Last", show=False),
    ]

    DEFAULT_CSS = """
    ItemList { height: 1fr; border: none; padding: 0; }
    ItemList:focus { border: none; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
