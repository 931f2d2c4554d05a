"""Finding your way: position, paragraph jumps, the mention strip, the claim detail, the
readable measure on wide terminals."""

from __future__ import annotations

from test_app_reader import QUOTE, TEXT, at, make_app, ready

from tui.widgets.article_view import ArticleView
from tui.widgets.mention_strip import MentionStrip


async def test_position_in_the_status_line() -> None:
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await ready(pilot)
        status = screen.query_one("#status")
        paragraphs = len(screen.view.paragraphs)
        assert f"¶ 1/{paragraphs}" in status.position and "0%" in status.position
        assert "actors" in str(status.render())  # the message is kept beside it
        await pilot.press("G")
        await pilot.pause()
        assert f"¶ {paragraphs}/{paragraphs}" in status.position and "100%" in status.position


async def test_paragraph_jumps() -> None:
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await ready(pilot)
        view = screen.view
        await pilot.press("right_curly_bracket")
        assert view.caret_offset == TEXT.index("Anna Berg")
        await pilot.press("right_curly_bracket")
        assert view.caret_offset == TEXT.index("Filler sentence 0")
        await pilot.press("left_curly_bracket")
        assert view.caret_offset == TEXT.index("Anna Berg")
        await pilot.press("G", "right_curly_bracket")  # at the end: stays
        assert view.caret_offset >= TEXT.index("Berg left")


async def test_the_strip_marks_every_mention_of_the_chosen_item() -> None:
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await ready(pilot)
        strip = screen.query_one(MentionStrip)
        assert strip.marks == []
        await pilot.press("a", "enter")  # Tom Ruiz: 3 mentions
        await pilot.pause()
        assert len(strip.marks) == 3 and strip.current_mark == 0
        assert strip.marks == sorted(strip.marks) and strip.marks[-1] > strip.marks[0]
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert strip.current_mark == 1
        drawn = [strip.render_line(y).text for y in range(strip.size.height)]
        assert drawn.count("█") == 1 and drawn.count("▐") >= 1


async def test_the_claim_detail_shows_the_whole_claim() -> None:
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await ready(pilot)
        detail = screen.panel.query_one("#detail")
        assert not detail.display  # actors on show
        await pilot.press("c")
        await pilot.pause()
        assert detail.display
        text = str(screen.panel.query_one("#detail-text").render())
        assert QUOTE[: QUOTE.index("”") + 1] in text and "Tom Ruiz" in text and "said" in text
        await pilot.press("j")
        await pilot.pause()
        assert "Ruiz stayed" in str(screen.panel.query_one("#detail-text").render())
        assert screen.current is None  # reading the detail did not jump


async def test_a_wide_terminal_keeps_a_readable_measure() -> None:
    app = make_app()
    async with app.run_test(size=(240, 30)) as pilot:
        screen = await ready(pilot)
        view = screen.view
        assert view.content_size.width <= ArticleView.MEASURE + 1
        page = screen.query_one("#page")
        left = view.region.x - page.region.x
        right = page.region.right - view.region.right - 1  # the strip
        assert abs(left - right) <= 1 and left > 10  # centred
        assert "Anna Berg" in screen.view.text and at("Anna Berg").start > 0


async def test_a_click_on_the_strip_goes_to_the_mention_there() -> None:
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await ready(pilot)
        await pilot.press("a", "enter")  # Tom Ruiz, mention 1 of 3
        await pilot.pause()
        strip = screen.query_one(MentionStrip)
        await pilot.click(MentionStrip, offset=(0, strip.size.height - 1))
        await pilot.pause()
        assert screen.current is not None and screen.current[1] == 2  # the last, at the end
        await pilot.press("escape")  # nothing chosen: the strip scrolls like a scrollbar
        await pilot.click(MentionStrip, offset=(0, 0))
        await pilot.pause()
        assert screen.view.scroll_offset.y == 0
