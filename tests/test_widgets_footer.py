"""QuietFooter: skips needless recomposes but still follows focus changes."""

from __future__ import annotations

from test_app_reader import make_app, ready
from textual.widgets._footer import FooterKey

from tui.widgets.footer import QuietFooter


def _actions(footer: QuietFooter) -> set[str]:
    return {key.action for key in footer.query(FooterKey)}


async def test_footer_follows_focus() -> None:
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await ready(pilot)
        footer = screen.query_one(QuietFooter)
        assert "plain" in _actions(footer)
        await pilot.press("slash")
        await pilot.pause()
        assert "plain" not in _actions(footer)
        await pilot.press("escape")
        await pilot.pause()
        assert "plain" in _actions(footer)


async def test_footer_lists_the_keys_that_matter_here() -> None:
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await ready(pilot)
        footer = screen.query_one(QuietFooter)
        shown = _actions(footer)
        assert {"search", "plain", "toggle_panel"} <= shown
        assert not {"mention(1)", "speaker", "group_quotes", "filter", "select"} & shown
        await pilot.press("a")  # the actor list: enter and the filter matter
        await pilot.pause()
        assert {"select", "filter"} <= _actions(footer)
        assert "mention(1)" not in _actions(footer)
        await pilot.press("enter")  # an item chosen: ] and [ appear
        await pilot.pause()
        assert {"mention(1)", "mention(-1)"} <= _actions(footer)
        await pilot.press("c")  # claims: s and v
        await pilot.pause()
        assert {"speaker", "group_quotes"} <= _actions(footer)


async def test_hidden_keys_still_work() -> None:
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await ready(pilot)
        await pilot.press("right_square_bracket")  # nothing chosen: from the panel's item
        assert screen.current is not None and screen.current[0].id == "a-ruiz"
        await pilot.press("escape", "f")  # filter from the article
        assert screen.panel.query_one("#filter").has_focus


async def test_footer_ignores_updates_that_change_nothing() -> None:
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await ready(pilot)
        footer = screen.query_one(QuietFooter)
        keys = list(footer.query(FooterKey))
        screen.refresh_bindings()
        screen.refresh_bindings()
        await pilot.pause()
        assert list(footer.query(FooterKey)) == keys  # the same widgets: no recompose


async def test_quit_and_help_come_first_so_a_narrow_footer_keeps_them() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        await pilot.press("p", "c")  # the panel shown at 80 columns, the claims listed
        await pilot.pause()
        footer = screen.query_one(QuietFooter)
        keys = [key for key in footer.query(FooterKey) if "-command-palette" not in key.classes]
        assert [k.action for k in keys[:2]] == ["quit_reader", "help"]
        assert all(k.region.right <= footer.region.right for k in keys[:2])


async def test_the_help_screen_scrolls_with_the_readers_keys() -> None:
    from textual.containers import VerticalScroll

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        scroll = app.screen.query_one(VerticalScroll)
        assert scroll.max_scroll_y > 0  # at 80x24 the keys do not fit
        await pilot.press("G")
        await pilot.pause()
        assert scroll.scroll_y == scroll.max_scroll_y
        await pilot.press("g")
        await pilot.pause()
        assert scroll.scroll_y == 0
        await pilot.press("j")
        await pilot.pause()
        assert scroll.scroll_y > 0
