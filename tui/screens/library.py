"""The library screen: several articles (or a folder), opened one at a time."""

from __future__ import annotations

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
from tui.sources import Article, SourceError, load
from tui.sources.sanitize import visible
from tui.widgets.item_list import ItemList

if TYPE_CHECKING:
    from tui.screens.reader import Analyzer


class LibraryScreen(Screen[None]):
    """Every target with its title, length and (once analysed, lazily) its top actors.

    Loading and analysing run in one background thread, one article at a time, so the list is
    usable at once; an article that cannot be read says why instead of its title.

    | Key | Action |
    | :- | :- |
    | j / k, arrows | move |
    | enter / click | open the article |
    | q | quit |
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "open", "Open", show=True)]

    DEFAULT_CSS = """
    LibraryScreen ItemList { height: 1fr; padding: 0 1; }
    """

    def __init__(self, targets: list[str], analyzer: Analyzer,
                 articles: dict[str, Article] | None = None) -> None:
        super().__init__()
        self.targets = targets
        self.analyzer = analyzer
        self.articles: dict[str, Article] = dict(articles or {})
        self.errors: dict[str, str] = {}
        self.analyses: dict[str, Analysis] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        yield ItemList(id="library")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "newsreader library"
        self.sub_title = f"{len(self.targets)} articles"
        olist = self.query_one(ItemList)
        olist.set_options([Option(self._prompt(t), id=str(i)) for i, t in enumerate(self.targets)])
        olist.highlighted = 0
        olist.focus()
        self._fill()

    def _prompt(self, target: str) -> Content:
        # A file name is data from outside: its escapes are shown (\x1b), never sent.
        name = visible(Path(target).name or target)
        if target in self.errors:
            return Content.assemble((name, "bold"), "\n", (self.errors[target], "italic dim"))
        article = self.articles.get(target)
        if article is None:
            return Content.assemble((name, "bold"), "\n", ("loading…", "dim"))
        title = " ".join((article.title or name).split())
        detail = f"{article.words} words · {name}"
        analysis = self.analyses.get(target)
        if analysis is not None:
            top = [a.name for a in sorted(analysis.actors, key=lambda a: -a.salience)[:4]]
            detail += " · " + (", ".join(top) if top else "no actors")
        elif article.text.strip():
            detail += " · analysing…"
        else:
            detail += " · empty"
        return Content.assemble((title, "bold"), "\n", (detail, "dim"))

    def _update(self, target: str) -> None:
        olist = self.query_one(ItemList)
        olist.replace_option_prompt(str(self.targets.index(target)), self._prompt(target))

    @work(thread=True, exclusive=True, group="library", exit_on_error=False)
    def _fill(self) -> None:
        """Load every article, then analyse them for their top actors (lazily, in order)."""
        for target in self.targets:
            if target not in self.articles:
                try:
                    self.articles[target] = load(target)
                except SourceError as exc:
                    self.errors[target] = str(exc)
                    self.app.call_from_thread(self.notify, str(exc), severity="warning",
                                              markup=False)
                self.app.call_from_thread(self._update, target)
        for target in self.targets:
            article = self.articles.get(target)
            if article is None or not article.text.strip() or target in self.analyses:
                continue
            try:
                self.analyses[target] = self.analyzer(article)
            except Exception:  # shown when the article is opened; the list just skips it
                continue
            self.app.call_from_thread(self._update, target)

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._open(int(event.option.id or 0))

    def action_open(self) -> None:
        index = self.query_one(ItemList).highlighted
        if index is not None:
            self._open(index)

    def _open(self, index: int) -> None:
        from tui.screens.reader import ReaderScreen

        target = self.targets[index]
        article = self.articles.get(target)
        if article is None:
            try:
                article = self.articles[target] = load(target)
            except SourceError as exc:
                self.errors[target] = str(exc)
                self._update(target)
                self.notify(str(exc), severity="error", markup=False)
                return
        self.app.push_screen(ReaderScreen(article, self.analyzer, from_library=True))
