"""The open-location dialog: type a path, or pick a recent article; esc opens nothing."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Input, OptionList, Static

from tui.screens.open_location import OpenLocation
from tui.state import Recent

RECENT = [Recent("/news/a.txt", "First [bold]headline[/bold]", 1.0),
          Recent("https://example.org/b", "Second \x1b[31mheadline", 2.0)]


class Host(App[None]):
    def __init__(self, recent: list[Recent]) -> None:
        super().__init__()
        self.recent = recent
        self.chosen: list[str | None] = []

    def compose(self) -> ComposeResult:
        yield Static("host")

    def on_mount(self) -> None:
        self.push_screen(OpenLocation(self.recent), self.chosen.append)


async def test_typing_a_path_and_enter_opens_it() -> None:
    app = Host(RECENT)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.focused, Input)
        await pilot.press(*"/tmp/x.txt", "enter")
        await pilot.pause()
    assert app.chosen == ["/tmp/x.txt"]


async def test_down_then_enter_opens_a_recent_article() -> None:
    app = Host(RECENT)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("down", "down", "enter")
        await pilot.pause()
    assert app.chosen == ["https://example.org/b"]


async def test_escape_opens_nothing() -> None:
    app = Host([])
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
    assert app.chosen == [None]


async def test_recent_titles_are_shown_as_text_not_markup() -> None:
    app = Host(RECENT)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        options = app.screen.query_one(OptionList)
        first = str(options.get_option_at_index(0).prompt)
        second = str(options.get_option_at_index(1).prompt)
    assert "[bold]headline[/bold]" in first
    assert "\x1b" not in second
