"""The help screen: every key, from one table (so the list cannot drift from the bindings)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

KEYS: list[tuple[str, list[tuple[str, str]]]] = [
    ("Reading", [
        ("j / ↓, k / ↑", "caret down / up a line"),
        ("space, b", "page down / up"),
        ("ctrl+d, ctrl+u", "half a page down / up"),
        ("g, G", "top / bottom of the article"),
        ("{, }", "previous / next paragraph"),
        ("z", "plain reading: no highlights, and back"),
        ("mouse", "wheel scrolls; a click moves the caret and selects"),
    ]),
    ("Analysis", [
        ("a, c, #", "actors, claims, numbers section of the panel"),
        ("enter / click", "show the item in the article, centred and marked"),
        ("], [", "next / previous mention of the chosen item (2/5)"),
        ("s", "from a claim to its speaker (again: its next speaker)"),
        ("v", "claims: quotes grouped by speaker (who said what)"),
        ("f", "filter the section on show (enter: to the list, esc: clear)"),
        ("1-9", "show / hide an entity group: 1 people, 2 organisations, 3 places, "
                "4 groups, 5 dates, 6 amounts, 7 events, 8 works, 9 other"),
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
        ("O", "open a file, folder or URL, or a recent article"),
        ("ctrl+p", "palette: jump to an actor, toggle one label, theme, export, screenshot"),
        ("esc", "close what is open, clear search and mark, back to the library"),
        ("? / F1", "this help"),
        ("q", "quit"),
    ]),
    ("Library", [
        ("enter", "open the highlighted article (a feed's is fetched then)"),
        ("x", "across articles: each actor, where it appears, what it said"),
        ("tab (across)", "between the actors and their appearances"),
        ("enter (across)", "an actor's appearances; open the article at one"),
        ("F (in an article)", "open the news feed its page advertises"),
        ("esc (in an article)", "back to the library"),
    ]),
]


KEY_WIDTH = max(len(key) for _, rows in KEYS for key, _ in rows) + 2
"""Cells of the key column."""


def help_rows() -> ComposeResult:
    """The key table as widgets: a key cell and a description cell per row, so a long
    description wraps inside its own column instead of running back under the keys."""
    for n, (title, rows) in enumerate(KEYS):
        yield Static(Content.styled(title, "bold underline"), classes="title" + " gap" * bool(n))
        for key, what in rows:
            with Horizontal(classes="row"):
                yield Static(Content.styled(key, "bold"), classes="key")
                yield Static(Content(what), classes="what")


class HelpScreen(ModalScreen[None]):
    """Every key of the reader.

    | Key | Action |
    | :- | :- |
    | escape, q, ?, f1 | close |
    | j / k, space / b, g / G | scroll, as in the reader |
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark,f1", "dismiss", "Close"),
        Binding("j,down", "scroll('down')", "Down", show=False),
        Binding("k,up", "scroll('up')", "Up", show=False),
        Binding("space,pagedown,ctrl+d", "scroll('page_down')", "Page down", show=False),
        Binding("b,pageup,ctrl+u", "scroll('page_up')", "Page up", show=False),
        Binding("g,home", "scroll('home')", "Top", show=False),
        Binding("G,end", "scroll('end')", "Bottom", show=False),
    ]

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll { width: 86; max-width: 96%; height: auto; max-height: 94%;
        border: round $accent; background: $surface; padding: 0 1; }
    HelpScreen Static { width: 1fr; }
    HelpScreen .row { height: auto; }
    HelpScreen .key { width: KEY_WIDTH; }
    HelpScreen .gap { margin-top: 1; }
    HelpScreen #help-close { margin-top: 1; color: $text-muted; text-style: italic; }
    """.replace("KEY_WIDTH", str(KEY_WIDTH))

    def action_scroll(self, how: str) -> None:
        """The reader's own moving keys scroll the list of keys too."""
        scroll = self.query_one(VerticalScroll)
        {"down": scroll.scroll_down, "up": scroll.scroll_up, "page_down": scroll.scroll_page_down,
         "page_up": scroll.scroll_page_up, "home": scroll.scroll_home,
         "end": scroll.scroll_end}[how](animate=False)

    def compose(self) -> ComposeResult:
        with VerticalScroll() as scroll:
            scroll.border_title = "newsreader keys"
            scroll.border_subtitle = "j k space b g G scroll · esc closes"
            yield from help_rows()
            yield Static("esc, q, ? or F1 closes this screen", id="help-close", markup=False)
