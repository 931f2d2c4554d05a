"""Across articles: every actor of a library, the articles it appears in and what it said there.

The index is :mod:`tui.index` over the library's analyses so far (a feed's articles are fetched
and analysed while the view is open, and it grows as they come). Names, titles and quotes are
article data: every prompt is plain ``Content``, never markup.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList
from textual.widgets.option_list import Option

from tui.analysis.model import Analysis
from tui.index import IndexedActor
from tui.linking import counted, nearest
from tui.screens.reader import Analyzer, ReaderScreen
from tui.sources import Article
from tui.widgets.item_list import ItemList
from tui.widgets.side_panel import snippet

if TYPE_CHECKING:
    from tui.screens.library import LibraryScreen


RELOAD_DELAY = 0.5
"""Seconds between two rebuilds of the index while articles are being analysed."""


class AcrossScreen(Screen[None]):
    """Actors on the left (most widespread first), the chosen one's appearances on the right:
    one line per article (its mentions), one per quote under it.

    | Key | Action |
    | :- | :- |
    | j / k, arrows | move |
    | tab | between actors and appearances |
    | enter | on an actor: its appearances; on an appearance: open the article there |
    | escape | back to the library |
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "switch", "Actors/articles", show=True),
        Binding("escape", "back", "Library", show=True),
    ]

    DEFAULT_CSS = """
    AcrossScreen #across { height: 1fr; }
    AcrossScreen #actors { width: 1fr; min-width: 24; max-width: 48; padding: 0 1;
                           border-right: vkey $foreground 20%; }
    AcrossScreen #appearances { width: 2fr; padding: 0 1; }
    """

    def __init__(self, library: LibraryScreen) -> None:
        super().__init__()
        self.library = library
        self.actors: list[IndexedActor] = []
        self.targets: list[tuple[str, str, str, int]] = []
        """Per appearance line: (source, kind, item id, offset) where Enter opens the reader."""
        self._reload_pending = False

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="across"):
            yield ItemList(id="actors")
            yield ItemList(id="appearances")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Across articles"
        self.reload()
        self.query_one("#actors", ItemList).focus()

    def reload_soon(self) -> None:
        """A new analysis came: rebuild at most twice a second (a feed's articles may come fast,
        and each rebuild merges every article again)."""
        if not self._reload_pending:
            self._reload_pending = True
            self.set_timer(RELOAD_DELAY, self._reload_now)

    def _reload_now(self) -> None:
        self._reload_pending = False
        self.reload()

    def reload(self) -> None:
        """Rebuild the index from the library's analyses, keeping the chosen actor."""
        index, _rows = self.library.index()
        olist = self.query_one("#actors", ItemList)
        chosen = self.chosen()
        key = (chosen.kind, chosen.name) if chosen else None
        self.actors = index.actors()
        olist.set_options([Option(self._actor_prompt(a), id=str(i))
                           for i, a in enumerate(self.actors)])
        keep = next((i for i, a in enumerate(self.actors) if (a.kind, a.name) == key), None)
        line = self.query_one("#appearances", ItemList).highlighted if keep is not None else None
        with olist.prevent(OptionList.OptionHighlighted):
            olist.highlighted = (keep or 0) if self.actors else None
        total = len(self.library.rows)
        state = f"{len(index)} of {total} articles analysed"
        if self.library.errors:
            state += f", {len(self.library.errors)} unreadable"
        if self.library.filling:
            state += " · analysing the others…"
        self.sub_title = f"{counted(len(self.actors), 'actor')} · {state}"
        self._show_appearances(line)

    def chosen(self) -> IndexedActor | None:
        highlighted = self.query_one("#actors", ItemList).highlighted
        if highlighted is None or highlighted >= len(self.actors):
            return None
        return self.actors[highlighted]

    @staticmethod
    def _actor_prompt(actor: IndexedActor) -> Content:
        articles = len(actor.appearances)
        quotes = len(actor.quotes)
        detail = f"{actor.kind} · {articles} article{'s' * (articles != 1)}"
        if quotes:
            detail += f" · {quotes} quote{'s' * (quotes != 1)}"
        return Content.assemble((" ".join(actor.name.split()), "bold"), "\n", (detail, "dim"))

    def _show_appearances(self, line: int | None = None) -> None:
        """The chosen actor's articles and quotes; ``line`` stays highlighted if it still exists."""
        olist = self.query_one("#appearances", ItemList)
        actor = self.chosen()
        self.targets = []
        options: list[Option] = []
        if actor is not None:
            for appearance in actor.appearances:
                title = " ".join((appearance.title or appearance.source).split())
                count = f"{appearance.mentions} mention{'s' * (appearance.mentions != 1)}"
                where = appearance.source.rsplit("/", 1)[-1] or appearance.source
                options.append(Option(Content.assemble(
                    (title, "bold"), "\n", (f"{count} · {where}", "dim")),
                    id=str(len(self.targets))))
                self.targets.append((appearance.source, "actor", appearance.actor_id,
                                     appearance.first))
                for quote in appearance.quotes:
                    options.append(Option(Content.assemble("  ", _quoted(quote.text)),
                                          id=str(len(self.targets))))
                    self.targets.append((quote.source, "claim", quote.claim_id, quote.start))
        olist.set_options(options)
        olist.highlighted = (line if line is not None and line < len(options) else 0) \
            if options else None

    @on(OptionList.OptionHighlighted, "#actors")
    def _actor_highlighted(self) -> None:
        self._show_appearances()

    @on(OptionList.OptionSelected, "#actors")
    def _actor_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.query_one("#appearances", ItemList).focus()

    @on(OptionList.OptionSelected, "#appearances")
    def _appearance_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        source, kind, item_id, offset = self.targets[int(event.option.id or 0)]
        self.library.open_at(source, kind, item_id, offset)

    def action_switch(self) -> None:
        actors = self.query_one("#actors", ItemList)
        target = "#appearances" if actors.has_focus else "#actors"
        self.query_one(target, ItemList).focus()

    def action_back(self) -> None:
        self.app.pop_screen()


QUOTE_MARKS = "\"'“”‘’«»„‚‹›"
"""Marks a quote may already start with (then it is shown as it is, not quoted again)."""


def _quoted(text: str) -> str:
    """A quote on one line, in quotation marks unless it has its own."""
    line = snippet(text, 300)
    return line if line[:1] in QUOTE_MARKS else f"“{line}”"


class ReaderAt(ReaderScreen):
    """The reader, opened from the Across view: once analysed it shows one actor's mention (or
    one claim) nearest to an offset, chosen in the panel and centred in the article."""

    def __init__(self, article: Article, analyzer: Analyzer, *, at: tuple[str, str, int]) -> None:
        super().__init__(article, analyzer, from_library=True)
        self.at = at

    def apply(self, analysis: Analysis) -> None:
        super().apply(analysis)
        kind, item_id, offset = self.at
        if kind not in ("actor", "claim"):
            return
        item = self.items["actor" if kind == "actor" else "claim"].get(item_id)
        if item is None:
            return
        self.panel.select(item.kind, item.id)
        self.go(item, nearest(item.spans, offset))
