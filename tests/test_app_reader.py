"""The reader screen with hand-built analyses: linking both ways, cycling, search, toggles."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.geometry import Offset
from textual.pilot import Pilot
from textual.widgets import Input, OptionList

from tui.analysis.model import (
    ENTITY_LABELS,
    Actor,
    Analysis,
    Claim,
    Entity,
    Number,
    PipelineInfo,
    Span,
)
from tui.app import NewsreaderApp
from tui.screens.reader import ReaderScreen
from tui.sources import Article
from tui.widgets.article_view import ArticleView
from tui.widgets.palette import GROUPS
from tui.widgets.side_panel import SidePanel

FILLER = ("Filler sentence {i} says nothing in particular, at some length, so that the article "
          "is long enough to scroll a good way in a small terminal window.")
QUOTE = "“We agreed on cutting 40% of the budget,” said Tom Ruiz, a negotiator close to the Kremlin."
TEXT = "\n\n".join([
    "Talks in Oslo",
    "Anna Berg met Tom Ruiz in Oslo on Monday to discuss the Kremlin plan.",
    *[FILLER.format(i=i) for i in range(15)],
    QUOTE,
    *[FILLER.format(i=i) for i in range(15, 30)],
    "Berg left Oslo. Ruiz stayed, and the Kremlin said nothing.",
]) + "\n"


def at(word: str, nth: int = 0, text: str = TEXT) -> Span:
    """The ``nth`` occurrence of ``word`` as a Span."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return Span(start, start + len(word), word)


def make_analysis(text: str = TEXT) -> Analysis:
    """A hand-built analysis of TEXT with known offsets."""
    berg = [at("Anna Berg"), at("Berg", 1)]
    ruiz = [at("Tom Ruiz"), at("Tom Ruiz", 1), at("Ruiz", 2)]
    oslo = [at("Oslo", 0), at("Oslo", 1), at("Oslo", 2)]
    kremlin = [at("Kremlin", n) for n in range(3)]
    quote = at(QUOTE[: QUOTE.index("”") + 1])
    entities = sorted(
        [Entity(s.start, s.end, s.text, "PERSON") for s in berg + ruiz]
        + [Entity(s.start, s.end, s.text, "GPE") for s in oslo]
        + [Entity(s.start, s.end, s.text, "ORG") for s in kremlin]
        + [Entity(*_se(at("40%")), "40%", "PERCENT"), Entity(*_se(at("Monday")), "Monday", "DATE")],
        key=lambda e: e.start,
    )
    stayed = at("Ruiz stayed, and the Kremlin said nothing.")
    return Analysis(
        text=text, source="talks.txt", title="Talks in Oslo",
        pipeline=PipelineInfo("hand_built", "1.0", False),
        entities=entities,
        actors=[
            Actor("a-ruiz", "Tom Ruiz", "person", ["Ruiz"], ruiz, salience=0.9),
            Actor("a-berg", "Anna Berg", "person", ["Berg"], berg, salience=0.8),
            Actor("a-oslo", "Oslo", "place", [], oslo, salience=0.5),
            Actor("a-kremlin", "Kremlin", "organization", [], kremlin, salience=0.4),
        ],
        claims=[
            Claim("c1", "quote", quote.start, quote.end, quote.text, speaker="a-ruiz",
                  speaker_text="Tom Ruiz", cue="said"),
            Claim("c2", "assertion", stayed.start, stayed.end, stayed.text),
        ],
        numbers=[Number("n1", *_se(at("40%")), "40%", "percent", 40.0, "%")],
    )


def _se(span: Span) -> tuple[int, int]:
    return span.start, span.end


def make_app(text: str = TEXT, analyzer: Callable[[Article], Analysis] | None = None,
             title: str | None = "Talks in Oslo") -> NewsreaderApp:
    article = Article(text=text, source="talks.txt", title=title)
    return NewsreaderApp(articles=[article], targets=["talks.txt"],
                         analyzer=analyzer or (lambda a: make_analysis(a.text)))


async def ready(pilot: Pilot) -> ReaderScreen:
    """Wait for the analysis worker and the refresh after it."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, ReaderScreen)
    return screen


def visible_row(view: ArticleView, offset: int) -> int:
    """Row of ``offset`` inside the viewport (0 = top)."""
    return view.wrapped_row(offset) - view.scroll_offset.y


def centred(view: ArticleView, offset: int) -> bool:
    height = view.scrollable_content_region.height
    return abs(visible_row(view, offset) - height // 2) <= 2


async def test_text_appears_and_analysis_fills_panel() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        assert screen.view.text == TEXT
        panel = screen.query_one(SidePanel)
        assert panel.display
        assert panel.list_for("actor").option_count == 4
        assert panel.list_for("actor").get_option_at_index(0).id == "a-ruiz"  # by salience
        assert panel.list_for("claim").option_count == 2
        assert panel.list_for("number").option_count == 1
        assert "hand_built" in screen.sub_title and screen.title == "Talks in Oslo"
        names = screen.view.highlight_names_at(at("Anna Berg").start + 1)
        assert "nr.ent.PERSON" in names
        assert "nr.claim" in screen.view.highlight_names_at(at("budget").start)
        assert {"nr.number", "nr.ent.PERCENT"} <= set(screen.view.highlight_names_at(at("40%").start))


async def test_forward_link_centres_and_marks_the_mention() -> None:
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await ready(pilot)
        await pilot.press("a")
        panel = screen.panel
        assert panel.list_for("actor").has_focus
        panel.select("actor", "a-ruiz")
        await pilot.press("enter")
        await pilot.pause()
        first = at("Tom Ruiz")
        assert screen.current is not None and screen.current[0].id == "a-ruiz"
        assert "nr.current" in screen.view.highlight_names_at(first.start)
        await pilot.press("right_square_bracket")
        await pilot.pause()
        second = at("Tom Ruiz", 1)  # inside the quote paragraph, far down
        assert screen.current[1] == 1
        assert centred(screen.view, second.start)
        assert "nr.current" in screen.view.highlight_names_at(second.start)
        assert "nr.current" not in screen.view.highlight_names_at(first.start)
        assert "Tom Ruiz 2/3" in screen.query_one("#status").text


async def test_mention_cycling_wraps_both_ways() -> None:
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await ready(pilot)
        await pilot.press("a")
        screen.panel.select("actor", "a-berg")
        await pilot.press("enter", "right_square_bracket")
        assert screen.current[1] == 1
        await pilot.press("right_square_bracket")
        assert screen.current[1] == 0
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert screen.current[1] == 1
        # the last line of the article cannot be centred, only shown
        assert 0 <= visible_row(screen.view, at("Berg", 1).start) < 30
        assert "Anna Berg 2/2" in screen.query_one("#status").text


async def test_reverse_link_selects_item_without_looping() -> None:
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await ready(pilot)
        view = screen.view
        view.focus()
        target = at("Berg", 1)  # "Berg left Oslo." at the very end
        view.move_cursor(view.lines.location(target.start + 2))
        await pilot.pause()  # the caret debounce is 0 in tests
        await pilot.pause()
        panel = screen.panel
        assert panel.section == "actor"
        assert panel.highlighted("actor") == "a-berg"
        assert screen.current == (screen.items["actor"]["a-berg"], 1)
        assert view.has_focus  # the panel did not steal focus
        scroll = view.scroll_offset
        await pilot.pause()
        assert view.scroll_offset == scroll  # no feedback loop moved the view
        # inside the quote (not on a name): claims are found; with claims showing they win
        await pilot.press("c")
        view.focus()
        view.move_cursor(view.lines.location(at("budget").start))
        await pilot.pause()
        assert panel.section == "claim" and panel.highlighted("claim") == "c1"


async def test_click_in_article_selects_item() -> None:
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await ready(pilot)
        view = screen.view
        x, y = view.wrapped_document.location_to_offset(view.lines.location(at("Tom Ruiz").start))
        region = view.content_region
        await pilot.click(offset=(region.x + x + 1 - view.scroll_offset.x,
                                  region.y + y - view.scroll_offset.y))
        await pilot.pause()
        assert screen.panel.highlighted("actor") == "a-ruiz"


async def test_speaker_key_jumps_to_actor() -> None:
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await ready(pilot)
        await pilot.press("c")
        screen.panel.select("claim", "c1")
        await pilot.press("enter")
        assert screen.current[0].id == "c1"
        await pilot.press("s")
        await pilot.pause()
        assert screen.panel.section == "actor" and screen.panel.highlighted() == "a-ruiz"
        assert screen.current == (screen.items["actor"]["a-ruiz"], 1)  # the mention by the quote


async def test_search_highlights_every_match_and_walks_them() -> None:
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await ready(pilot)
        await pilot.press("slash", *"kremlin")
        assert len(screen.matches) == 3
        for n in range(3):
            assert "nr.search" in screen.view.highlight_names_at(at("Kremlin", n).start)
        await pilot.press("enter")
        await pilot.pause()
        assert screen.view.has_focus
        assert screen.match_index == 0
        assert "nr.search.current" in screen.view.highlight_names_at(at("Kremlin", 0).start)
        await pilot.press("n")
        await pilot.pause()
        assert screen.match_index == 1 and centred(screen.view, at("Kremlin", 1).start)
        await pilot.press("n", "n")
        assert screen.match_index == 0  # wrapped
        await pilot.press("N")
        assert screen.match_index == 2
        assert "“kremlin” 3/3" in screen.query_one("#status").text
        await pilot.press("escape")
        assert screen.matches == []
        assert "nr.search" not in screen.view.highlight_names_at(at("Kremlin", 0).start)


async def test_search_escape_in_bar_cancels() -> None:
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await ready(pilot)
        await pilot.press("slash", *"oslo")
        assert len(screen.matches) == 3
        await pilot.press("escape")
        assert screen.matches == [] and screen.view.has_focus


async def test_number_keys_toggle_entity_groups() -> None:
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await ready(pilot)
        assert [g.key for g in screen.legend.groups] == [1, 2, 3, 5, 6]  # fixed keys
        person = at("Anna Berg").start
        await pilot.press("1")  # always people
        assert "PERSON" in screen.hidden_types
        assert "nr.ent.PERSON" not in screen.view.highlight_names_at(person)
        assert "PERSON" in screen.legend.hidden
        assert "people not highlighted" in screen.query_one("#status").text  # it says so
        assert "nr.ent.GPE" in screen.view.highlight_names_at(at("Oslo").start)
        await pilot.press("1")
        assert "nr.ent.PERSON" in screen.view.highlight_names_at(person)
        assert "people highlighted again" in screen.query_one("#status").text
        await pilot.press("3")  # always places
        assert "nr.ent.GPE" not in screen.view.highlight_names_at(at("Oslo").start)
        await pilot.press("3", "9")  # no "other" entity here: nothing happens
        assert screen.hidden_types == set()
        assert "no other" in screen.query_one("#status").text


async def test_plain_reading_and_back() -> None:
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await ready(pilot)
        await pilot.press("z")
        assert screen.view.highlight_names_at(at("Anna Berg").start) == []
        assert screen.view.highlight_names_at(at("budget").start) == []
        await pilot.press("slash", *"oslo", "enter")  # search still marks its matches
        assert "nr.search" in screen.view.highlight_names_at(at("Oslo").start)
        await pilot.press("z")
        assert "nr.ent.PERSON" in screen.view.highlight_names_at(at("Anna Berg").start)


async def test_only_quotes_and_reported_speech_are_underlined() -> None:
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await ready(pilot)
        assert "nr.claim" in screen.view.highlight_names_at(at("budget").start)  # a quote
        assert "nr.claim" not in screen.view.highlight_names_at(at("stayed").start)  # assertion


async def test_panel_filter_and_grouped_quotes() -> None:
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await ready(pilot)
        panel = screen.panel
        await pilot.press("f", *"ruiz")
        actors = panel.list_for("actor")
        assert [actors.get_option_at_index(i).id for i in range(actors.option_count)] == ["a-ruiz"]
        await pilot.press("enter")
        assert actors.has_focus
        await pilot.press("f", "escape")
        assert actors.option_count == 4
        await pilot.press("v")
        claims = panel.list_for("claim")
        prompts = [str(claims.get_option_at_index(i).prompt) for i in range(claims.option_count)]
        assert "1 distinct sources" in prompts[0]
        assert any(p.startswith("Tom Ruiz") for p in prompts)
        assert claims.highlighted_option is not None and claims.highlighted_option.id == "c1"


async def test_help_screen_lists_keys() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("question_mark")
        from tui.screens.help import HelpScreen

        assert isinstance(app.screen, HelpScreen)
        await pilot.pause()
        text = "\n".join(screen_lines(app))
        for key in ("ctrl+d", "space, b", "g, G", "n, N", "], [", "1-9", "ctrl+p", "tab", "q"):
            assert key in text
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("f1")
        assert isinstance(app.screen, ReaderScreen)


async def test_narrow_terminal_hides_panel_and_p_toggles() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        assert not screen.panel.display
        await pilot.press("p")
        assert screen.panel.display
        await pilot.press("tab")
        assert screen.panel.has_focus_within
        await pilot.press("tab")
        assert screen.view.has_focus


async def test_resize_rewraps_and_follows_width() -> None:
    app = make_app()
    async with app.run_test(size=(130, 30)) as pilot:
        screen = await ready(pilot)
        assert screen.panel.display
        wide = screen.view.wrap_width
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert not screen.panel.display
        assert screen.view.wrap_width < wide
        await pilot.resize_terminal(130, 30)
        await pilot.pause()
        assert screen.panel.display


async def test_reading_keys_move_and_scroll() -> None:
    app = make_app()
    async with app.run_test(size=(100, 24)) as pilot:
        screen = await ready(pilot)
        view = screen.view
        await pilot.press("j", "j")
        assert view.cursor_location[0] > 0
        await pilot.press("space")
        assert view.scroll_offset.y > 0
        y = view.scroll_offset.y
        await pilot.press("ctrl+d")
        assert view.scroll_offset.y > y
        await pilot.press("ctrl+u", "b")
        await pilot.press("G")
        await pilot.pause()
        assert view.scroll_offset.y == view.max_scroll_y
        await pilot.press("g")
        await pilot.pause()
        assert view.scroll_offset.y == 0 and view.cursor_location == (0, 0)


async def test_q_quits_with_status_zero() -> None:
    app = make_app()
    async with app.run_test(size=(100, 24)) as pilot:
        await ready(pilot)
        await pilot.press("q")
    assert app.return_code == 0


async def test_theme_change_recolours() -> None:
    app = make_app()
    async with app.run_test(size=(100, 24)) as pilot:
        screen = await ready(pilot)
        dark = screen.view._styles["nr.ent.PERSON"]
        app.theme = "textual-light"
        await pilot.pause()
        light = screen.view._styles["nr.ent.PERSON"]
        assert dark.bgcolor != light.bgcolor
        assert light.bgcolor.get_truecolor().red > 128  # a pastel, under dark text


async def test_list_enter_and_click_post_item_chosen() -> None:
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await ready(pilot)
        await pilot.press("number_sign")
        assert screen.panel.section == "number"
        await pilot.press("enter")
        assert screen.current[0].id == "n1"
        olist = screen.panel.list_for("actor")
        await pilot.press("a")
        await pilot.click(olist, offset=(2, 0))  # the first actor
        await pilot.pause()
        assert screen.current[0].id == "a-ruiz"
        assert isinstance(olist, OptionList)


async def test_legend_click_toggles_type() -> None:
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await ready(pilot)
        await pilot.click("#legend", offset=(3, 0))  # on the first item: "1 ■ PERSON 5"
        await pilot.pause()
        assert screen.hidden_types == {"PERSON"}


async def test_caret_off_mentions_drops_mark_and_brackets_continue() -> None:
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await ready(pilot)
        view = screen.view
        view.focus()
        view.move_cursor(view.lines.location(at("Tom Ruiz").start))
        await pilot.pause()
        assert screen.current == (screen.items["actor"]["a-ruiz"], 0)
        view.move_cursor(view.lines.location(at("discuss").start))
        await pilot.pause()
        assert screen.current is None
        assert "nr.current" not in view.highlight_names_at(at("Tom Ruiz").start)
        await pilot.press("right_square_bracket")  # the panel still shows Tom Ruiz
        assert screen.current == (screen.items["actor"]["a-ruiz"], 1)


async def test_search_scrolls_as_you_type_and_cancel_returns() -> None:
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await ready(pilot)
        await pilot.press("slash", *"ruiz stayed")
        await pilot.pause()
        target = at("Ruiz stayed").start
        assert 0 <= visible_row(screen.view, target) < screen.view.scrollable_content_region.height
        assert screen.view.cursor_location == (0, 0)  # the caret waits for enter
        await pilot.press("escape")
        await pilot.pause()
        assert screen.view.scroll_offset.y == 0


def top_offset(view: ArticleView) -> int:
    """The text offset where the first visible line starts."""
    location = view.wrapped_document.offset_to_location(Offset(0, view.scroll_offset.y))
    return view.lines.offset(*location)


async def test_rewrap_keeps_the_reading_position() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        view = screen.view
        await pilot.press("space", "space", "space")
        await pilot.pause()
        start = top_offset(view)
        assert view.scroll_offset.y > 0 and start > 0
        await pilot.press("p")  # the panel narrows the article: the same text stays on top
        await pilot.pause()
        assert screen.panel.display and view.wrap_width < 70
        assert visible_row(view, start) == 0
        await pilot.press("p")
        await pilot.pause()
        assert top_offset(view) == start
        for size in [(120, 30), (60, 30), (80, 24)]:
            await pilot.resize_terminal(*size)
            await pilot.pause()
            assert visible_row(view, start) == 0, size
        assert top_offset(view) == start  # no drift after a round of re-wraps
        await pilot.press("space")  # reading on starts from there
        await pilot.pause()
        assert top_offset(view) > start


async def test_help_lines_wrap_under_their_description() -> None:
    from tui.screens.help import KEYS

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:  # a scrollbar, and descriptions that wrap
        await ready(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        lines = screen_lines(app)
        key, what = next(row for _, rows in KEYS for row in rows if len(row[1]) > 45)
        first = next(n for n, line in enumerate(lines) if key in line and what[:15] in line)
        column = lines[first].index(what[:15])
        rest = lines[first + 1]
        assert rest[:column].strip(" │╭╮╰╯─") == ""  # nothing under the keys
        assert rest[column] != " "  # the continuation starts under the description


def screen_lines(app: NewsreaderApp) -> list[str]:
    """The text on screen, row by row, as last composed."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


async def test_mark_status_is_shown_once() -> None:
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await ready(pilot)
        await pilot.press("a", "enter")
        await pilot.pause()
        assert "Tom Ruiz 1/3" in screen.query_one("#status").text
        assert sum(line.count("Tom Ruiz 1/3") for line in screen_lines(app)) == 1
        assert not screen.panel.query_one("#panel-status").display
        await pilot.press("v")  # the panel's own note still shows, in the panel
        await pilot.pause()
        assert screen.panel.query_one("#panel-status").display
        assert any("quotes grouped by speaker" in line for line in screen_lines(app))


def many_types_analysis(text: str = TEXT) -> Analysis:
    """make_analysis with an entity of every other OntoNotes type, on the filler words."""
    analysis = make_analysis(text)
    shown = {e.label for e in analysis.entities}
    extra = [label for label in ENTITY_LABELS if label not in shown]
    analysis.entities = sorted(
        [*analysis.entities,
         *(Entity(*_se(at("Filler", n)), "Filler", label) for n, label in enumerate(extra))],
        key=lambda e: e.start,
    )
    return analysis


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_legend_shows_every_type_from_the_first_render(size: tuple[int, int]) -> None:
    app = make_app(analyzer=lambda a: many_types_analysis(a.text))
    async with app.run_test(size=size) as pilot:
        screen = await ready(pilot)
        assert len(screen.legend.labels) == len(ENTITY_LABELS)
        assert len(screen.legend.groups) == len(GROUPS)
        bar = screen.query_one("#bar")
        assert bar.size.height <= 2
        rows = screen_lines(app)[bar.region.y:bar.region.bottom]
        words = " ".join(rows).replace("■", " ").split()
        for group in GROUPS:
            assert group.name in words or group.short in words, (group.name, rows)
        assert "4 actors · 2 claims · 1 number" in rows[0]  # the status line, over row 1
        await pilot.press("9")  # the ninth group has a key, and its toggle shows
        assert "LANGUAGE" in screen.hidden_types
        await pilot.pause()
        assert "□" in " ".join(screen_lines(app)[bar.region.y:bar.region.bottom])


def option_ids(olist: OptionList) -> list[str | None]:
    return [olist.get_option_at_index(i).id for i in range(olist.option_count)]


async def test_each_section_keeps_its_own_filter() -> None:
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await ready(pilot)
        panel = screen.panel
        box = panel.query_one("#filter", Input)
        await pilot.press("f", *"ruiz", "enter")
        assert option_ids(panel.list_for("actor")) == ["a-ruiz"]
        assert option_ids(panel.list_for("claim")) == ["c1", "c2"]  # untouched
        await pilot.press("c")
        await pilot.pause()
        assert box.value == "" and "claims" in box.placeholder
        await pilot.press("f", *"stayed", "enter")
        assert option_ids(panel.list_for("claim")) == ["c2"]
        assert option_ids(panel.list_for("actor")) == ["a-ruiz"]
        await pilot.press("a")
        await pilot.pause()
        assert box.value == "ruiz" and panel.filter_text() == "ruiz"
        await pilot.press("number_sign")
        await pilot.pause()
        assert box.value == "" and panel.list_for("number").option_count == 1
        await pilot.press("c")
        await pilot.pause()
        assert box.value == "stayed"
        # linking to an item a filter hides clears that section's filter only
        assert panel.select("actor", "a-berg")
        await pilot.pause()
        assert panel.filter_text("actor") == "" and box.value == ""
        assert panel.filter_text("claim") == "stayed"


async def test_escape_in_the_list_clears_the_filter_first() -> None:
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await ready(pilot)
        panel = screen.panel
        await pilot.press("a", "enter")  # a mark, which the screen's escape would clear
        assert screen.current is not None
        await pilot.press("f", *"berg", "enter")
        actors = panel.list_for("actor")
        assert actors.has_focus and option_ids(actors) == ["a-berg"]
        await pilot.press("escape")
        await pilot.pause()
        assert option_ids(actors) == ["a-ruiz", "a-berg", "a-oslo", "a-kremlin"]
        assert panel.query_one("#filter", Input).value == "" and actors.has_focus
        assert screen.current is not None  # only the filter went
        await pilot.press("escape")
        assert screen.current is None  # then escape does what it did
