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
