"""The reader on feeds: a feed as a library, "Across articles", a page that advertises its feed."""

from __future__ import annotations

from pathlib import Path

from test_app_reader import ready
from test_feeds import no_proxy, server  # the local feed server (fixtures)
from textual.pilot import Pilot

from tui.app import NewsreaderApp
from tui.screens.across import AcrossScreen, ReaderAt
from tui.screens.library import LibraryScreen
from tui.screens.reader import ReaderScreen
from tui.sources import Feed, read

__all__ = ["no_proxy", "server"]


async def settle(pilot: Pilot) -> None:
    app = pilot.app
    for _ in range(3):
        await pilot.pause()
        await app.workers.wait_for_complete()
    await pilot.pause()


async def test_feed_opens_as_a_library_and_fetches_when_chosen(server: str) -> None:
    feed = read(f"{server}/broken-item")
    assert isinstance(feed, Feed)
    app = NewsreaderApp(articles=[], targets=[f"{server}/broken-item"], feed=feed)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        library = app.screen
        assert isinstance(library, LibraryScreen)
        olist = library.query_one("#library")
        rows = [str(olist.get_option_at_index(i).prompt) for i in range(olist.option_count)]
        assert rows[0].startswith("Harbour plan") and "not fetched yet" in rows[0]
        assert "127.0.0.1" in rows[0] and "2026-12-01" in rows[0]
        assert library.articles == {}  # nothing fetched before it is chosen
        await pilot.press("enter")
        await settle(pilot)
        reader = app.screen
        assert isinstance(reader, ReaderScreen) and reader.analysis is not None
        assert reader.article.title == "Harbour plan"
        assert reader.article.source == f"{server}/one"
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is library
        assert "Mara Quell" in str(olist.get_option_at_index(0).prompt)
        await pilot.press("j", "enter")  # the missing article: its row says why
        await settle(pilot)
        assert app.screen is library
        assert "HTTP 404" in str(olist.get_option_at_index(1).prompt)


async def test_across_articles_lists_actors_and_opens_at_a_quote(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "Harbour plan\n\nMara Quell, the harbour chief, met Tobin Vale in Halvard on Monday. "
        "\"We start in May,\" Quell said.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        "Second day\n\nMs Quell told reporters that the work would go on.\n", encoding="utf-8")
    targets = [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]
    app = NewsreaderApp(articles=[], targets=targets)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot)
        across = app.screen
        assert isinstance(across, AcrossScreen)
        names = [a.name for a in across.actors]
        assert names[0] == "Mara Quell"  # the surname-only article joined the full name
        assert [t[0] for t in across.targets if t[1] == "actor"] == targets
        appearances = across.query_one("#appearances")
        lines = [str(appearances.get_option_at_index(i).prompt)
                 for i in range(appearances.option_count)]
        assert any("We start in May" in line for line in lines)
        quote_line = next(i for i, line in enumerate(lines) if "We start in May" in line)
        await pilot.press("tab", *["j"] * quote_line, "enter")
        await settle(pilot)
        reader = app.screen
        assert isinstance(reader, ReaderAt) and reader.current is not None
        item, _ = reader.current
        assert item.kind == "claim"
        start, end = item.spans[0]
        assert "We start in May" in reader.article.text[start:end]
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert app.screen is across
        await pilot.press("escape")
        assert isinstance(app.screen, LibraryScreen)


async def test_a_page_that_advertises_a_feed_offers_it(server: str) -> None:
    article = read(f"{server}/with-feed")
    assert not isinstance(article, Feed)
    app = NewsreaderApp(articles=[article], targets=[f"{server}/with-feed"])
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        assert any("news feed" in n.message for n in app._notifications)
        await pilot.press("F")
        await settle(pilot)
        library = app.screen
        assert isinstance(library, LibraryScreen) and library.feed is not None
        assert [r.item.title for r in library.rows if r.item] == ["Harbour plan", "Rail strike"]
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen)


async def test_the_palette_offers_the_advertised_feed(server: str) -> None:
    article = read(f"{server}/with-feed")
    assert not isinstance(article, Feed)
    app = NewsreaderApp(articles=[article], targets=[f"{server}/with-feed"])
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+p", *"Open the feed")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen) and app.screen.feed is not None
