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
        assert "mention(1)" in _actions(footer)
        await pilot.press("slash")
        await pilot.pause()
        assert "mention(1)" not in _actions(footer)
        await pilot.press("escape")
        await pilot.pause()
        assert "mention(1)" in _actions(footer)


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
