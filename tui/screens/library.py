"""The library screen: several articles (a folder, or a news feed), opened one at a time."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList
from textual.widgets.option_list import Option

from tui.analysis.model import Analysis
from tui.index import ActorIndex
from tui.sources import Article, Feed, FeedItem, SourceError, load, load_item
from tui.sources.sanitize import visible
from tui.widgets.item_list import ItemList

if TYPE_CHECKING:
    from tui.screens.reader import Analyzer


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the library: a file or URL to load, or a feed item to fetch."""

    target: str
    item: FeedItem | None = None


class LibraryScreen(Screen[None]):
    """Every article with its title, length and (once analysed) its top actors.

    A folder's articles are loaded and analysed in one background thread, one at a time, so the
    list is usable at once. A feed's items are listed from the feed (title, date, site) and each
    article is fetched and analysed only when it is opened, or when "Across articles" asks for
    all of them. An article that cannot be read says why instead of its title.

    | Key | Action |
    | :- | :- |
    | j / k, arrows | move |
    | enter / click | open the article |
    | x | across articles: each actor's appearances and quotes in every article |
    | escape | back to the article (a feed opened from an article's page) |
    | q | quit |
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "Open", show=True),
        Binding("x", "across", "Across articles", show=True),
        Binding("escape", "back", "Back", show=False),
    ]

    DEFAULT_CSS = """
    LibraryScreen ItemList { height: 1fr; padding: 0 1; }
    """

    def __init__(self, targets: list[str], analyzer: Analyzer,
                 articles: dict[str, Article] | None = None, *, feed: Feed | None = None) -> None:
        super().__init__()
        self.feed = feed
        if feed is not None:
            self.rows = [Row(item.link or f"{feed.source}#{item.position}", item)
                         for item in feed.items]
        else:
            self.rows = [Row(t) for t in targets]
        self.targets = [row.target for row in self.rows]
        self.analyzer = analyzer
        known = articles or {}
        self.articles: dict[int, Article] = {i: known[r.target] for i, r in enumerate(self.rows)
                                             if r.target in known}
        self.errors: dict[int, str] = {}
        self.analyses: dict[int, Analysis] = {}
        self.busy: dict[int, str] = {}
        """Rows being fetched or analysed, with what is happening ("fetching…")."""
        self.filling = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield ItemList(id="library")
        yield Footer()

    def on_mount(self) -> None:
        count = f"{len(self.rows)} article{'s' * (len(self.rows) != 1)}"
        if self.feed is not None:
            self.title = self.feed.title or self.feed.source
            self.sub_title = f"feed · {count}"
        else:
            self.title = "newsreader library"
            self.sub_title = count
        olist = self.query_one(ItemList)
        olist.set_options([Option(self._prompt(i), id=str(i)) for i in range(len(self.rows))])
        olist.highlighted = 0 if self.rows else None
        olist.focus()
        if self.feed is None:
            self.filling = True
            self._fill()

    def on_screen_resume(self) -> None:
        """Back from the reader: an article it analysed shows its actors here too."""
        if any(i not in self.analyses for i in self.articles) and not self.filling:
            self._catch_up()

    @work(thread=True, group="resume", exclusive=True, exit_on_error=False)
    def _catch_up(self) -> None:
        for index in list(self.articles):
            if index not in self.analyses:
                self.analyse_row(index)

    # -- rows ------------------------------------------------------------------------------
    def _prompt(self, index: int) -> Content:
        row = self.rows[index]
        name = self._row_name(row)
        if index in self.errors:
            return Content.assemble((name, "bold"), "\n", (self.errors[index], "italic dim"))
        article = self.articles.get(index)
        where = self._where(row)
        if article is None:
            state = self.busy.get(index) or ("not fetched yet" if row.item else "loading…")
            return Content.assemble((name, "bold"), "\n", (f"{where} · {state}", "dim"))
        title = visible(" ".join((article.title or name).split()))
        detail = f"{article.words} words · {where}"
        analysis = self.analyses.get(index)
        if analysis is not None:
            top = [a.name for a in sorted(analysis.actors, key=lambda a: -a.salience)[:4]]
            detail += " · " + (", ".join(" ".join(n.split()) for n in top) or "no actors")
        elif index in self.busy:
            detail += f" · {self.busy[index]}"
        elif not article.text.strip():
            detail += " · empty"
        elif self.feed is None:
            detail += " · analysing…"
        return Content.assemble((title, "bold"), "\n", (detail, "dim"))

    @staticmethod
    def _row_name(row: Row) -> str:
        # File names and feed titles are data from outside: escapes are shown (\x1b), never sent.
        if row.item is not None:
            return visible(row.item.title or row.item.link or row.item.label)
        return visible(Path(row.target).name or row.target)

    @staticmethod
    def _where(row: Row) -> str:
        if row.item is None:
            return visible(Path(row.target).name or row.target)
        return visible(" · ".join(filter(None, [row.item.date, row.item.site])) or "no address")

    def _update(self, index: int) -> None:
        self.query_one(ItemList).replace_option_prompt(str(index), self._prompt(index))

    def _set_busy(self, index: int, state: str | None) -> None:
        """Show what is happening to a row (from any thread)."""
        if state is None:
            self.busy.pop(index, None)
        else:
            self.busy[index] = state
        self.app.call_from_thread(self._update, index)

    # -- loading and analysing -------------------------------------------------------------
    def load_row(self, index: int) -> Article:
        """The row's article, loaded or fetched once (raises :class:`SourceError`)."""
        if index in self.articles:
            return self.articles[index]
        row = self.rows[index]
        try:
            article = load_item(row.item) if row.item is not None else load(row.target)
        except SourceError as exc:
            self.errors[index] = str(exc)
            raise
        self.articles[index] = article
        return article

    def analyse_row(self, index: int) -> Analysis | None:
        """Load and analyse one row (in a worker thread), showing progress on its line."""
        if index in self.analyses:
            return self.analyses[index]
        row = self.rows[index]
        try:
            if index not in self.articles:
                self._set_busy(index, "fetching…" if row.item else "loading…")
            article = self.load_row(index)
        except SourceError as exc:
            self._set_busy(index, None)
            self.app.call_from_thread(self.notify, str(exc), severity="warning", markup=False)
            return None
        if not article.text.strip():
            self._set_busy(index, None)
            return None
        self._set_busy(index, "analysing…")
        try:
            self.analyses[index] = self.analyzer(article)
        except Exception:  # shown when the article is opened; the list just skips it
            return None
        finally:
            self._set_busy(index, None)
        self.app.call_from_thread(self._analysed)
        return self.analyses[index]

    @work(thread=True, exclusive=True, group="library", exit_on_error=False)
    def _fill(self) -> None:
        """Load every article, then analyse them for their top actors (lazily, in order)."""
        self.filling = True
        try:
            if self.feed is None:
                for index in range(len(self.rows)):
                    if index not in self.articles:
                        try:
                            self.load_row(index)
                        except SourceError as exc:
                            self.app.call_from_thread(self.notify, str(exc),
                                                      severity="warning", markup=False)
                        self.app.call_from_thread(self._update, index)
            for index in range(len(self.rows)):
                if index not in self.errors:
                    self.analyse_row(index)
        finally:
            self.filling = False
            self.app.call_from_thread(self._analysed)

    def _analysed(self) -> None:
        """A new analysis: the "Across articles" view, if open, shows it."""
        from tui.screens.across import AcrossScreen

        if isinstance(self.app.screen, AcrossScreen):
            self.app.screen.reload()

    def index(self) -> tuple[ActorIndex, dict[str, int]]:
        """The actor index of every article analysed so far, and each source's row."""
        built = ActorIndex()
        rows: dict[str, int] = {}
        for index in sorted(self.analyses):
            analysis = self.analyses[index]
            built.add(analysis)
            rows[analysis.source] = index
        return built, rows

    # -- opening ---------------------------------------------------------------------------
    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._open(int(event.option.id or 0))

    def action_open(self) -> None:
        index = self.query_one(ItemList).highlighted
        if index is not None:
            self._open(index)

    def action_back(self) -> None:
        if len(self.app.screen_stack) > 1:
            self.app.pop_screen()

    def action_across(self) -> None:
        from tui.screens.across import AcrossScreen

        if len(self.analyses) < len(self.rows) - len(self.errors) and not self.filling:
            self.filling = True
            self._fill()  # a feed's articles are fetched now, one at a time
        self.app.push_screen(AcrossScreen(self))

    def _open(self, index: int, at: tuple[str, str, int] | None = None) -> None:
        """Open row ``index``; ``at`` (kind, item id, offset) is where the reader starts."""
        if index in self.articles:
            self._push_reader(self.articles[index], at)
        elif self.rows[index].item is not None:
            self._fetch_and_open(index, at)
        else:
            try:
                article = self.load_row(index)
            except SourceError as exc:
                self._update(index)
                self.notify(str(exc), severity="error", markup=False)
                return
            self._push_reader(article, at)

    def open_at(self, source: str, kind: str, item_id: str, offset: int) -> None:
        """Open the article analysed from ``source`` at one of its items (the Across view)."""
        index = next((i for i, a in self.analyses.items() if a.source == source), None)
        if index is not None:
            self._open(index, (kind, item_id, offset))

    @work(thread=True, group="open", exclusive=True, exit_on_error=False)
    def _fetch_and_open(self, index: int, at: tuple[str, str, int] | None) -> None:
        """A feed item: fetch its article (the row says so), then open the reader."""
        self._set_busy(index, "fetching…")
        self.app.call_from_thread(self.notify, f"Fetching {self._row_name(self.rows[index])}…",
                                  markup=False, timeout=3)
        try:
            article = self.load_row(index)
        except SourceError as exc:
            self._set_busy(index, None)
            self.app.call_from_thread(self.notify, str(exc), severity="error", markup=False)
            return
        self._set_busy(index, None)
        self.app.call_from_thread(self._push_reader, article, at)

    def _push_reader(self, article: Article, at: tuple[str, str, int] | None = None) -> None:
        from tui.screens.across import ReaderAt
        from tui.screens.reader import ReaderScreen

        if at is None:
            self.app.push_screen(ReaderScreen(article, self.analyzer, from_library=True))
        else:
            self.app.push_screen(ReaderAt(article, self.analyzer, at=at))
