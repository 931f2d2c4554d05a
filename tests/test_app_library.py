"""Several articles: the library screen, opening one, coming back; the command palette."""

from __future__ import annotations

from pathlib import Path

from test_app_reader import TEXT, make_analysis, make_app, ready
from textual.command import CommandList
from textual.pilot import Pilot

from tui.analysis.model import Analysis
from tui.app import NewsreaderApp
from tui.screens.library import LibraryScreen
from tui.screens.reader import ReaderScreen
from tui.sources import Article


def analyzer(article: Article) -> Analysis:
    return make_analysis(article.text) if article.text == TEXT else make_analysis(TEXT)


async def test_library_lists_opens_and_returns(tmp_path: Path) -> None:
    first = tmp_path / "a.txt"
    first.write_text(TEXT, encoding="utf-8")
    second = tmp_path / "b.txt"
    second.write_text("Short one\n\nNothing much here.\n", encoding="utf-8")
    missing = str(tmp_path / "gone.txt")
    targets = [str(first), str(second), missing]
    app = NewsreaderApp(articles=[], targets=targets, analyzer=analyzer)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        library = app.screen
        assert isinstance(library, LibraryScreen)
        olist = library.query_one("#library")
        assert olist.option_count == 3
        first_row = str(olist.get_option_at_index(0).prompt)
        assert "Talks in Oslo" in first_row and "words" in first_row and "Tom Ruiz" in first_row
        assert "no such file" in str(olist.get_option_at_index(2).prompt)
        await pilot.press("enter")
        screen = await ready(pilot)
        assert screen.article.source == str(first) and screen.analysis is not None
        await pilot.press("escape")
        assert app.screen is library
        await pilot.press("j", "enter")
        screen = await ready(pilot)
        assert screen.article.title == "Short one"
        await pilot.press("escape")
        await pilot.press("j", "enter")  # the missing file: a notification, no crash
        await pilot.pause()
        assert app.screen is library
        await pilot.press("q")
    assert app.return_code == 0


async def palette_found(pilot: Pilot, text: str) -> None:
    """Wait until the command palette's first hit is ``text`` (its search runs in a task)."""
    for _ in range(500):
        await pilot.pause()
        hits = pilot.app.screen.query(CommandList)
        if hits and hits.first().option_count and text in str(
                hits.first().get_option_at_index(0).prompt):
            return
    raise AssertionError(f"no palette hit {text!r}")


async def test_command_palette_jumps_to_actor_and_toggles_type() -> None:
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await ready(pilot)
        await pilot.press("ctrl+p", *"Jump to Anna")
        await palette_found(pilot, "Jump to Anna Berg")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert screen.current is not None and screen.current[0].id == "a-berg"
        assert screen.panel.highlighted("actor") == "a-berg"
        await pilot.press("ctrl+p", *"Toggle entity type GPE")
        await palette_found(pilot, "Toggle entity type GPE")
        await pilot.press("enter")
        await pilot.pause()
        assert screen.hidden_types == {"GPE"}
