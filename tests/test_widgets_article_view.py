"""ArticleView on its own: the private TextArea highlight map really styles the rendered text.

This pins the one place that relies on Textual internals (``_highlights``, byte columns,
``syntax_styles``); if a Textual upgrade changes them, this test fails first.
"""

from __future__ import annotations

from textual.app import App, ComposeResult

from tui.widgets.article_view import ArticleView

TEXT = "“Zoë” met Ana Núñez in Bogotá.\nSecond line with Ana.\n"


class ViewApp(App[None]):
    def compose(self) -> ComposeResult:
        yield ArticleView(TEXT)


def _cells(view: ArticleView, y: int) -> list[tuple[str, object]]:
    """(character, rich style) per cell of rendered row ``y``."""
    out = []
    for segment in view.render_line(y):
        out.extend((ch, segment.style) for ch in segment.text)
    return out


async def test_entity_styles_land_on_the_right_characters() -> None:
    app = ViewApp()
    async with app.run_test(size=(60, 10)) as pilot:
        view = app.query_one(ArticleView)
        name = TEXT.index("Ana Núñez")
        place = TEXT.index("Bogotá")
        view.set_layers([("nr.ent.PERSON", [(name, name + 9)]), ("nr.ent.GPE", [(place, place + 6)])])
        view.set_overlay("nr.current", [(place, place + 6)])
        await pilot.pause()
        cells = _cells(view, 0)
        text = "".join(ch for ch, _ in cells)
        col = text.index("Ana Núñez")
        person = view._styles["nr.ent.PERSON"]
        styled = [ch for ch, style in cells if style is not None and style.bgcolor == person.bgcolor]
        assert "".join(styled) == "Ana Núñez"  # byte columns converted: not shifted by “ ë ”
        assert cells[col - 1][1].bgcolor != person.bgcolor
        bogota = [style for ch, style in cells[text.index("Bogotá"):text.index("Bogotá") + 6]]
        assert all(style.reverse for style in bogota)
        assert not cells[text.index("Bogotá") + 6][1].reverse


async def test_overlays_replace_and_clear() -> None:
    app = ViewApp()
    async with app.run_test(size=(60, 10)) as pilot:
        view = app.query_one(ArticleView)
        second = TEXT.index("Ana", TEXT.index("\n"))
        view.set_overlay("nr.search", [(second, second + 3)])
        assert view.highlight_names_at(second) == ["nr.search"]
        view.set_overlay("nr.search", [])
        assert view.highlight_names_at(second) == []
        await pilot.pause()
        assert all(not (style and style.bgcolor == view._styles["nr.search"].bgcolor)
                   for _, style in _cells(view, 1))


async def test_show_span_centres_without_posting_caret_moves() -> None:
    long_text = "\n".join(f"line {i}" for i in range(200))
    posted: list[int] = []

    class LongApp(App[None]):
        def compose(self) -> ComposeResult:
            yield ArticleView(long_text)

        def on_article_view_caret_moved(self, event: ArticleView.CaretMoved) -> None:
            posted.append(event.offset)

    app = LongApp()
    async with app.run_test(size=(40, 21)) as pilot:
        view = app.query_one(ArticleView)
        start = long_text.index("line 120")
        view.show_span(start, start + 8)
        await pilot.pause()
        assert view.cursor_location == (120, 0)
        assert view.scroll_offset.y == 120 - view.scrollable_content_region.height // 2
        assert posted == []
        view.move_cursor((121, 0))
        await pilot.pause()
        assert posted == [long_text.index("line 121")]


async def test_keys_continue_from_the_wheel_scrolled_view() -> None:
    long_text = "\n".join(f"line {i}" for i in range(200))

    class LongApp(App[None]):
        def compose(self) -> ComposeResult:
            yield ArticleView(long_text)

    app = LongApp()
    async with app.run_test(size=(40, 20)) as pilot:
        view = app.query_one(ArticleView)
        view.focus()
        view.scroll_to(y=60, animate=False)  # what the mouse wheel does: the caret stays
        await pilot.pause()
        top = view.scroll_offset.y
        assert top > 20 and view.cursor_location == (0, 0)
        await pilot.press("j")
        await pilot.pause()
        assert view.scroll_offset.y == top  # no jump back to the top
        assert view.cursor_location[0] == top + 1
