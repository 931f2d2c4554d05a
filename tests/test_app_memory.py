"""The reader remembers between runs (position, recent articles, theme, panel) and reads config.toml.

Each test runs the app twice against the same isolated state folder (tests/conftest.py), as a user
would on two days.
"""

from __future__ import annotations

from pathlib import Path

from test_app_reader import TEXT, make_app, ready

from tui import state
from tui.screens.open_location import OpenLocation
from tui.screens.reader import ReaderScreen
from tui.widgets.palette import GROUPS


def _config(text: str) -> None:
    folder = state.config_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "config.toml").write_text(text, encoding="utf-8")


async def test_the_reading_position_comes_back_in_the_next_run() -> None:
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await ready(pilot)
        await pilot.press("G")
        left_at = screen.view.caret_offset
        assert left_at > len(TEXT) // 2
        await pilot.press("q")
    assert state.load_state().position(TEXT) == left_at

    again = make_app()
    async with again.run_test(size=(120, 30)) as pilot:
        screen = await ready(pilot)
        assert screen.view.caret_offset == left_at
        assert screen.view.scroll_offset.y > 0  # and it is on screen
        notes = [n.message for n in again._notifications]
        assert any("Back where you left off" in n for n in notes)


async def test_theme_and_panel_choices_are_remembered() -> None:
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await ready(pilot)
        app.theme = "textual-light"
        await pilot.press("c", "p")  # the claims section, then the panel hidden
        assert not screen.panel.display
        await pilot.press("q")
    remembered = state.load_state()
    assert remembered.theme == "textual-light"
    assert remembered.panel == {"shown": False, "section": "claim"}

    again = make_app()
    async with again.run_test(size=(120, 30)) as pilot:
        screen = await ready(pilot)
        assert again.theme == "textual-light"
        assert not screen.panel.display
        await pilot.press("p")
        assert screen.panel.section == "claim"


async def test_the_recent_list_holds_what_was_read(tmp_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await ready(pilot)
        await pilot.press("q")
    assert [r.title for r in state.load_state().recent] == ["Talks in Oslo"]


async def test_config_defaults_apply_at_start() -> None:
    _config('panel = false\nplain = true\nhidden = ["places"]\nline_width = 60\n'
            'theme = "textual-light"\n')
    app = make_app()
    async with app.run_test(size=(160, 30)) as pilot:
        screen = await ready(pilot)
        assert not screen.panel.display
        assert screen.plain
        places = next(g for g in GROUPS if g.name == "places")
        assert set(places.labels) <= screen.hidden_types
        assert screen.view.content_size.width <= 61
        assert app.theme == "textual-light"


async def test_a_bad_config_is_one_warning_and_the_defaults() -> None:
    _config("panel = 'yes'\n")
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await ready(pilot)
        assert screen.panel.display
        notes = [n.message for n in app._notifications]
        assert any("config.toml" in n and "using the defaults" in n for n in notes)


async def test_O_opens_a_typed_path_over_the_current_article(tmp_path: Path) -> None:
    other = tmp_path / "other.txt"
    other.write_text("Harbour news\n\nThe ferry to Port Avel runs again.\n", encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        first = await ready(pilot)
        await pilot.press("O")
        await pilot.pause()
        assert isinstance(app.screen, OpenLocation)
        await pilot.press(*str(other), "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReaderScreen) and screen is not first
        assert screen.article.title == "Harbour news"
        await app.workers.wait_for_complete()
        await pilot.press("escape")  # back to the article it was opened from
        await pilot.pause()
        assert app.screen is first


async def test_O_with_a_bad_path_says_so_in_one_line(tmp_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        first = await ready(pilot)
        await pilot.press("O")
        await pilot.pause()
        await pilot.press(*str(tmp_path / "missing.txt"), "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen is first
        errors = [n.message for n in app._notifications if n.severity == "error"]
        assert errors and "missing.txt" in errors[-1] and "\n" not in errors[-1]


async def test_an_unknown_theme_in_the_config_is_reported() -> None:
    _config('theme = "no-such-theme"\n')
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await ready(pilot)
        notes = [n.message for n in app._notifications]
        assert any("no-such-theme" in n and "\n" not in n for n in notes)
