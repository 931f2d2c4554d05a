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
from tui.screens.open_location import OpenLocation
from tui.screens.reader import Analyzer, ReaderScreen, header_title
from tui.sources import Article, Feed, SourceError, load
from tui.sources.sanitize import visible
from tui.state import Config, ConfigError, State, load_config, load_state, save_state


class NewsreaderApp(App[int]):
    """newsreader's reader: one article, or a library of several.

    ``analyzer`` turns an article into an analysis (default: :func:`tui.service.analyze_article`
    with ``model``/``use_cache``); tests inject a failing one or a hand-built analysis.
    Analyses are kept per source for the session, so reopening from the library is instant.
    ``memory`` (:mod:`tui.state`) is what is remembered between runs: it is read at start and
    written when the app exits; ``settings`` are the user's defaults from ``config.toml``.

    | Key | Action |
    | :- | :- |
    | q | quit (exit status 0) |
    | ? / f1 | help: every key |
    | ctrl+p | command palette |
    | O | open a file, folder or URL, or a recent article |
    | F | open the news feed the article's page advertises |
    """

    TITLE = "newsreader"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit_reader", "Quit"),
        Binding("question_mark,f1", "help", "Help", key_display="?"),
        Binding("F", "open_feed", "Open feed", show=False),
        Binding("O", "open_location", "Open", show=False),
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
        self.memory: State = load_state()
        self._config_error: str | None = None
        try:
            self.settings: Config = load_config()
        except ConfigError as exc:
            self.settings = Config()
            self._config_error = f"{exc}; using the defaults"

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
        theme = self.settings.theme or self.memory.theme
        if theme and theme in self.available_themes:
            self.theme = theme
        elif self.settings.theme:
            self._config_error = (f"config.toml: no theme is called {self.settings.theme!r} "
                                  "(the palette's Change theme lists them)")
        if self._config_error:
            self.notify(visible(self._config_error), title="Config", severity="warning",
                        markup=False, timeout=10)
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

    # -- memory ----------------------------------------------------------------------------
    def remember_reader(self, screen: ReaderScreen) -> None:
        """Note where ``screen``'s article was left and how its panel was (saved at exit)."""
        if screen.empty:
            return
        self.memory.remember_position(screen.article.text, screen.view.caret_offset)
        self.memory.panel = {"shown": bool(screen.panel.display), "section": screen.panel.section}

    def remember_opened(self, article: Article) -> None:
        """Put ``article`` first among the recent ones (standard input cannot be reopened)."""
        source = article.url or article.source
        if source != "-" and "://" not in source and Path(source).exists():
            source = str(Path(source).resolve())
        self.memory.remember_opened(source, article.title or header_title(article))

    def exit(self, result: int | None = None, return_code: int = 0,
             message: Any | None = None) -> None:
        """Exit, writing what is remembered first (however the app ends: q, a signal)."""
        for screen in self.screen_stack:
            if isinstance(screen, ReaderScreen) and screen.is_mounted:
                self.remember_reader(screen)
        self.memory.theme = self.theme
        save_state(self.memory)
        super().exit(result, return_code, message)

    # -- open from inside ------------------------------------------------------------------
    def action_open_location(self) -> None:
        if not isinstance(self.screen, OpenLocation):
            self.push_screen(OpenLocation(self.memory.recent), self._open_chosen)

    def _open_chosen(self, target: str | None) -> None:
        if target:
            self.notify(f"Opening {visible(target)}…", markup=False, timeout=3)
            self._open_target(target)

    @work(thread=True, group="open", exclusive=True, exit_on_error=False)
    def _open_target(self, target: str) -> None:
        """Load what was chosen (a download may take a while) and show it over this screen."""
        from tui.batch import might_be_feed
        from tui.sources import expand, read

        screen: Screen[Any]
        try:
            targets = [target] if might_be_feed(target) else expand([target])
            if len(targets) > 1:  # a folder: its articles as a library
                screen = LibraryScreen(targets, self.analyze, {})
            else:
                got = read(target) if might_be_feed(target) else load(targets[0])
                screen = (LibraryScreen([], self.analyze, feed=got) if isinstance(got, Feed)
                          else ReaderScreen(got, self.analyze, from_library=True))
        except SourceError as exc:
            self.call_from_thread(self.notify, str(exc), severity="error", markup=False)
            return
        self.call_from_thread(self.push_screen, screen)


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
