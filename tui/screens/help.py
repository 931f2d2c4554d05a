"""The help screen: every key, from one table (so the list cannot drift from the bindings)."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

KEYS: list[tuple[str, list[tuple[str, str]]]] = [
    ("Reading", [
        ("j / ↓, k / ↑", "caret down / up a line"),
        ("space, b", "page down / up"),
        ("ctrl+d, ctrl+u", "half a page down / up"),
        ("g, G", "top / bottom of the article"),
        ("mouse", "wheel scrolls; a click moves the caret and selects"),
    ]),
    ("Analysis", [
        ("a, c, #", "actors, claims, numbers section of the panel"),
        ("enter / click", "show the item in the article, centred and marked"),
        ("], [", "next / previous mention of the chosen item (2/5)"),
        ("s", "from a claim to its speaker"),
        ("v", "claims: quotes grouped by speaker (who said what)"),
        ("f", "filter the section on show (enter: to the list, esc: clear)"),
        ("1-9", "show / hide an entity type (the legend's numbers)"),
    ]),
    ("Search", [
        ("/", "search the article; every match is highlighted"),
        ("n, N", "next / previous match"),
    ]),
    ("Screen", [
        ("tab", "move between article and panel"),
        ("p", "show / hide the side panel"),
        ("e", "export the analysis (JSON or Markdown)"),
        ("o", "open the article's web address in the browser"),
        ("ctrl+p", "palette: jump to an actor, toggle a type, theme, export"),
        ("esc", "close what is open, clear search and mark, back to the library"),
        ("? / F1", "this help"),
        ("q", "quit"),
    ]),
    ("Library", [
        ("enter", "open the highlighted article"),
        ("esc (in an article)", "back to the library"),
    ]),
]


def help_text() -> Table:
    """The key table: keys in one column, what they do in a second that wraps within itself
    (a long description never runs back under the keys)."""
    width = max(len(key) for _, rows in KEYS for key, _ in rows)
    table = Table.grid(padding=(0, 2))
    table.add_column(no_wrap=True, min_width=width)
    table.add_column(ratio=1)
    for n, (title, rows) in enumerate(KEYS):
        if n:
            table.add_row("", "")
        table.add_row(Text(title, style="bold underline"), "")
        for key, what in rows:
            table.add_row(Text(key, style="bold"), Text(what))
    return table


class HelpScreen(ModalScreen[None]):
    """Every key of the reader.

    | Key | Action |
    | :- | :- |
    | escape, q, ?, f1 | close |
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark,f1", "dismiss", "Close"),
    ]

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll { width: 86; max-width: 96%; height: auto; max-height: 94%;
        border: round $accent; background: $surface; padding: 0 1; }
    HelpScreen Static { width: 1fr; }
    """

    def compose(self) -> ComposeResult:
        with VerticalScroll() as scroll:
            scroll.border_title = "newsreader keys"
            yield Static(help_text(), id="help-text")
            yield Static(Text("\nesc, q, ? or F1 closes this screen", style="dim italic"))
