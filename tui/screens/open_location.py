"""Open another article from inside the reader: a path or URL typed in, or one of the recent ones.

The dialog only chooses; the app loads what was chosen (so a bad path gets the same one-line error
as on the command line). Recent titles and targets come from outside (file names, feeds, pages):
they are shown as plain text, never as markup.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from tui.sources.sanitize import visible
from tui.state import Recent


class OpenLocation(ModalScreen[str | None]):
    """Type a path or URL (enter opens it), or pick a recent article (down, then enter).

    | Key | Action |
    | :- | :- |
    | enter | open what is typed, or the highlighted recent article |
    | down / up | between the input and the recent list |
    | esc | close without opening anything |
    """

    DEFAULT_CSS = """
    OpenLocation { align: center middle; }
    OpenLocation > Vertical {
        width: 80%; max-width: 100; height: auto; max-height: 80%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    OpenLocation Input { margin: 1 0 0 0; }
    OpenLocation OptionList { height: auto; max-height: 16; border: none; }
    OpenLocation .hint { color: $text-muted; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss_none", "Close"),
        Binding("down", "to_list", "Recent", show=False),
    ]

    def __init__(self, recent: list[Recent]) -> None:
        super().__init__()
        self.recent = recent

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content("Open a file, folder or URL"), classes="title")
            yield Input(placeholder="path or https:// address", id="location")
            if self.recent:
                yield Static(Content("Recent (↓ to choose)"), classes="hint")
                yield OptionList(*[self._option(i, r) for i, r in enumerate(self.recent)],
                                 id="recent")
            else:
                yield Static(Content("No recent articles yet."), classes="hint")

    @staticmethod
    def _option(i: int, r: Recent) -> Option:
        label = Content.assemble(visible(r.title), ("  " + visible(r.target), "dim"))
        return Option(label, id=str(i))

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _typed(self, event: Input.Submitted) -> None:
        value = event.value.strip()
        if value:
            self.dismiss(value)
        elif self.recent:
            self.action_to_list()

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        index = int(event.option.id or 0)
        self.dismiss(self.recent[index].target)

    def action_to_list(self) -> None:
        lists = self.query(OptionList)
        if lists:
            lists.first().focus()
            if lists.first().highlighted is None:
                lists.first().highlighted = 0

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
