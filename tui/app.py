"""The Textual application: picks the first screen and holds what is shared between screens."""

from __future__ import annotations

import asyncio
import contextlib
import signal
import threading
from functools import partial
from pathlib import Path
from typing import Any, ClassVar

from textual import work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import Screen

from tui.analysis.model import Analysis
from tui.commands import ReaderCommands
from tui.screens.help import HelpScreen
from tui.screens.library import LibraryScreen
from tui.screens.reader import Analyzer, ReaderScreen
from tui.sources import Article, Feed, SourceError, load


class NewsreaderApp(App[int]):
    """newsreader's reader: one article, or a library of several.

    ``analyzer`` turns an article into an analysis (default: :func:`tui.service.analyze_article`
    with ``model``/``use_cache``); tests inject a failing one or a hand-built analysis.
    Analyses are kept per source for the session, so reopening from the library is instant.

    | Key | Action |
    | :- | :- |
    | q | quit (exit status 0) |
    | ? / f1 | help: every key |
    | ctrl+p | command palette |
    | F | open the news feed the article's page advertises |
    """

    TITLE = "newsreader"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit_reader", "Quit"),
        Binding("question_mark,f1", "help", "Help", key_display="?"),
        Binding("F", "open_feed", "Open feed", show=False),
    ]
    COMMANDS = App.COMMANDS | {ReaderCommands}

    def __init__(self, articles: list[Article], targets: list[str], model: str | None = None,
                 use_cache: bool = True, analyzer: Analyzer | None = None,
                 feed: Feed | None = None) -> None:
        super().__init__()
        self.feed = feed
        self.articles = articles
        self.targets = targets
        self.model = model
        self.use_cache = use_cache
        self._analyzer = analyzer
        self._analyses: dict[tuple[str, str], Analysis] = {}
        self._analysis_lock = threading.Lock()
        self._load_error: str | None = None

    def analyze(self, article: Article) -> Analysis:
        """Analyse ``article`` (runs in a worker thread), once per session."""
        key = (article.source, article.text)
        with self._analysis_lock:  # one at a time: the library and a reader may both ask
            return self._analyze_locked(key, article)

    def _analyze_locked(self, key: tuple[str, str], article: Article) -> Analysis:
        if key not in self._analyses:
            if self._analyzer is not None:
                result = self._analyzer(article)
            else:
                from tui.service import analyze_article

                result = analyze_article(article, model=self.model, use_cache=self.use_cache)
            self._analyses[key] = result
        return self._analyses[key]

    def get_default_screen(self) -> Screen[Any]:
        """The first screen is the app's default screen rather than one pushed in ``on_mount``:
        Textual drops the frames drawn while the app is still mounting, so a pushed screen is
        only painted at its second refresh, a tenth of a second later."""
        if self.feed is not None:
            return LibraryScreen([], self.analyze, feed=self.feed)
        if len(self.targets) > 1:
            known = {a.source: a for a in self.articles}
            return LibraryScreen(self.targets, self.analyze, known)
        article = self.articles[0] if self.articles else None
        if article is None and self.targets:
            try:
                article = load(self.targets[0])
            except SourceError as exc:
                self._load_error = str(exc)
        if article is None:
            article = Article(text="", source=self.targets[0] if self.targets else "-")
        return ReaderScreen(article, self.analyze)

    def on_mount(self) -> None:
        exit_on_signals(self)
        if self._load_error:
            self.notify(self._load_error, severity="error", markup=False)
        if self.feed is None and len(self.articles) == 1 and self.articles[0].feed:
            self.notify("This page has a news feed: press F to open it as a library.",
                        title="Feed", markup=False, timeout=8)

    def advertised_feed(self) -> str | None:
        """The feed address of the article on screen, if its page advertises one."""
        article = getattr(self.screen, "article", None)
        return article.feed if isinstance(article, Article) else None

    def action_open_feed(self) -> None:
        address = self.advertised_feed()
        if address is None:
            self.notify("This article's page advertises no news feed.", markup=False)
            return
        self.notify(f"Fetching the feed {address}…", markup=False, timeout=3)
        self._fetch_feed(address)

    @work(thread=True, group="feed", exclusive=True, exit_on_error=False)
    def _fetch_feed(self, address: str) -> None:
        from tui.sources import read

        try:
            got = read(address)
        except SourceError as exc:
            self.call_from_thread(self.notify, str(exc), severity="error", markup=False)
            return
        if not isinstance(got, Feed):
            self.call_from_thread(self.notify, f"{address}: not a news feed",
                                  severity="error", markup=False)
            return
        self.call_from_thread(self.push_screen, LibraryScreen([], self.analyze, feed=got))

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def deliver_screenshot(self, filename: str | None = None, path: str | None = None,
                           time_format: str | None = None) -> str | None:
        """The palette's Screenshot: an SVG in a folder that exists (Textual's own choice,
        the downloads folder, may not), and a message saying where it went."""
        from datetime import datetime

        from tui.screens.outside import save_text, screenshot_folder

        folder = Path(path).expanduser() if path else screenshot_folder()
        stamp = datetime.now().strftime(time_format or "%Y-%m-%d_%H-%M-%S")
        name = filename or f"newsreader-{stamp}.svg"
        try:
            written = save_text(folder, name, self.export_screenshot())
        except OSError as exc:
            self.notify(f"Screenshot not saved: {exc}", severity="error", markup=False)
            return None
        self.notify(f"Screenshot saved to {written}", markup=False)
        return str(written)

    def action_quit_reader(self) -> None:
        self.exit(0)


EXIT_SIGNALS = {signal.SIGTERM: 128 + signal.SIGTERM, signal.SIGHUP: 128 + signal.SIGHUP}
"""Signals that end the reader cleanly, with the exit status a shell expects for them."""


def exit_on_signals(app: App[Any]) -> None:
    """End ``app`` the normal way on SIGTERM and SIGHUP (``kill``, a closed terminal window): the
    driver then restores the terminal (main screen, mouse tracking off, cursor shown), which
    the default action of those signals, killing the process at once, never does."""
    loop = asyncio.get_running_loop()
    for sig, status in EXIT_SIGNALS.items():
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            loop.add_signal_handler(sig, partial(app.exit, return_code=status))
