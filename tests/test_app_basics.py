"""The basics a new user meets in the first minute: each bug once found, reproduced and fixed."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_app_reader import QUOTE, TEXT, at, make_analysis, make_app, ready, screen_lines

from tui.analysis.model import Analysis, Claim
from tui.screens import outside
from tui.screens.reader import header_title
from tui.sources import Article
from tui.widgets.search_bar import SearchBar


def notes(app: object) -> list[str]:
    return [n.message for n in app._notifications]  # type: ignore[attr-defined]  # test only


async def test_the_search_input_is_visible_while_typing() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("slash", *"kremlin")
        await pilot.pause()
        bar = app.screen.query_one(SearchBar)
        assert bar.has_focus and bar.region.height == 1
        footer = app.screen.query_one("Footer")
        assert not bar.region.overlaps(footer.region)
        assert "kremlin" in screen_lines(app)[bar.region.y]


async def test_after_s_focus_stays_where_the_user_was() -> None:
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await ready(pilot)
        await pilot.press("c")  # focus in the claim list, c1 highlighted
        await pilot.press("s")
        assert screen.current is not None and screen.current[0].id == "a-ruiz"
        assert screen.panel.section == "actor"
        assert screen.panel.list_for("actor").has_focus  # not nothing
        await pilot.press("j")  # the keys are alive
        assert screen.panel.highlighted("actor") == "a-berg"


async def test_s_on_an_assertion_says_it_has_no_speaker() -> None:
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await ready(pilot)
        await pilot.press("c", "j", "s")
        assert screen.panel.highlighted("claim") == "c2"
        assert any("assertion" in n and "no speaker" in n for n in notes(app))
        assert not any("not among the actors" in n for n in notes(app))


def two_speakers(text: str) -> Analysis:
    analysis = make_analysis(text)
    quote = at(QUOTE[: QUOTE.index("”") + 1])
    analysis.claims[0] = Claim("c1", "quote", quote.start, quote.end, quote.text,
                               speakers=["a-ruiz", "a-berg"], speaker_text="Tom Ruiz",
                               cue="said")
    return analysis


async def test_s_and_who_said_what_use_every_speaker() -> None:
    app = make_app(analyzer=lambda a: two_speakers(a.text))
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await ready(pilot)
        await pilot.press("c", "s")
        assert screen.current is not None and screen.current[0].id == "a-ruiz"
        await pilot.press("s")  # again: the next speaker of the same claim
        assert screen.current[0].id == "a-berg"
        await pilot.press("v")
        claims = screen.panel.list_for("claim")
        prompts = [str(claims.get_option_at_index(i).prompt) for i in range(claims.option_count)]
        assert "2 distinct sources" in prompts[0]
        assert any(p.startswith("Tom Ruiz") for p in prompts)
        assert any(p.startswith("Anna Berg") for p in prompts)
        ids = [claims.get_option_at_index(i).id for i in range(claims.option_count)]
        assert "c1" in ids and len([i for i in ids if i and i.startswith("c1")]) == 2
        await pilot.press("j", "enter")  # either row of c1 chooses c1
        assert screen.current is not None and screen.current[0].id == "c1"


async def test_o_without_a_browser_says_so_and_shows_the_address(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(outside, "open_in_browser", lambda url: False)
    article = Article(text=TEXT, source="https://example.org/talks", title="Talks in Oslo")
    from tui.app import NewsreaderApp

    app = NewsreaderApp([article], [article.source], analyzer=lambda a: make_analysis(a.text))
    async with app.run_test(size=(120, 30)) as pilot:
        await ready(pilot)
        await pilot.press("o")
        assert any("No browser" in n and "https://example.org/talks" in n for n in notes(app))


def test_a_text_mode_browser_does_not_count() -> None:
    import webbrowser

    assert not outside._runs_beside(webbrowser.GenericBrowser("lynx"))
    assert outside._runs_beside(webbrowser.BackgroundBrowser("firefox"))


async def test_screenshot_goes_to_a_folder_that_exists(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    missing = tmp_path / "Downloads"
    monkeypatch.setattr(outside, "user_downloads_path", lambda: missing)
    monkeypatch.setattr(outside, "user_pictures_path", lambda: missing)
    monkeypatch.setattr(Path, "home", lambda: tmp_path)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        written = app.deliver_screenshot()
        assert written is not None and Path(written).parent == tmp_path
        assert Path(written).read_text(encoding="utf-8").startswith("<svg")
        assert not missing.exists()  # nothing created
        await pilot.pause()
        assert any(f"saved to {written}" in n for n in notes(app))
        again = app.deliver_screenshot(filename=Path(written).name)
        assert again != written  # an existing file is never overwritten


async def test_wording_of_counts_and_units() -> None:
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await ready(pilot)
        await pilot.press("slash", *"monday")
        assert "1 match" in screen.query_one("#status").text
        assert "matches" not in screen.query_one("#status").text
        await pilot.press("escape", "slash", *"zzz")
        assert "no matches" in screen.query_one("#status").text


def test_units_are_singular_for_one() -> None:
    from tui.widgets.side_panel import _number_prompt

    assert "= 1 month" in str(_number_prompt("a month", 1, "months", None, "duration"))
    assert "= 2 months" in str(_number_prompt("two months", 2, "months", None, "duration"))
    assert "= 1 %" in str(_number_prompt("1%", 1, "%", None, "percent"))
    assert "= 1 century" in str(_number_prompt("a century", 1, "centuries", None, "duration"))


def test_header_title_without_a_title_is_the_first_words() -> None:
    article = Article(text="Rain fell on the capital for a third day on Sunday, and more is "
                      "expected.", source="a1b2c3.txt")
    assert header_title(article) == "Rain fell on the capital for a third…"
    assert header_title(Article(text="Short text.", source="x.txt")) == "Short text."
    assert header_title(Article(text="x", source="x.txt", title="  The  Title ")) == "The Title"


async def test_header_shows_author_and_date() -> None:
    article = Article(text=TEXT, source="page.html", title=None, author="Jo Writer",
                      date="2024-05-01")
    from tui.app import NewsreaderApp

    app = NewsreaderApp([article], ["page.html"], analyzer=lambda a: make_analysis(a.text))
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await ready(pilot)
        assert screen.title.startswith("Talks in Oslo Anna Berg met")
        assert "Jo Writer" in screen.sub_title and "2024-05-01" in screen.sub_title
        assert "page.html" in screen.sub_title


async def test_caret_keeps_the_panel_on_its_section() -> None:
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await ready(pilot)
        view = screen.view
        await pilot.press("number_sign")  # numbers on show
        view.focus()
        view.move_cursor(view.lines.location(at("Anna Berg").start + 1))
        await pilot.pause()  # the caret debounce is 0 in tests
        assert screen.panel.section == "number"  # not switched to actors
        assert screen.current is not None and screen.current[0].id == "a-berg"
        view.move_cursor(view.lines.location(at("40%").start))
        await pilot.pause()
        assert screen.panel.highlighted("number") == "n1"
        assert screen.panel.section == "number"


async def test_no_color_tells_groups_apart_without_colour(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await ready(pilot)
        styles = screen.view._styles
        person, org = styles["nr.ent.PERSON"], styles["nr.ent.ORG"]
        assert person.bgcolor is None and person.color is None and person.bold
        assert (person.bold, person.italic) != (org.bold, org.italic)
        assert "Aa people" in str(screen.legend.render())  # a sample instead of a swatch


async def test_256_colour_terminals_get_the_256_palette(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COLORTERM")
    monkeypatch.setenv("TERM", "xterm-256color")
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await ready(pilot)
        assert app.console.color_system == "256"
        person = screen.view._styles["nr.ent.PERSON"]
        assert person.bgcolor is not None and person.bgcolor.triplet is not None
        assert tuple(person.bgcolor.triplet) == (0, 95, 135)  # xterm colour 24, exactly


async def test_the_grouping_note_stays_with_the_claims() -> None:
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await ready(pilot)
        status = screen.panel.query_one("#panel-status")
        await pilot.press("c", "v")
        await pilot.pause()
        assert status.display and "grouped" in str(status.render())
        await pilot.press("a")
        await pilot.pause()
        assert not status.display
        await pilot.press("c", "v")  # back to text order: no note
        await pilot.pause()
        assert not status.display
