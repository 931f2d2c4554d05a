"""The reader screen: the article, its analysis in the side panel, and the links between them."""

from __future__ import annotations

import gc
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Header, Input, Static
from textual.worker import Worker, WorkerState

from tui.analysis.model import Analysis
from tui.linking import (
    Item,
    ItemKind,
    MentionIndex,
    Offsets,
    find_all,
    items_from_analysis,
    nearest,
    position,
    step,
)
from tui.sources import Article
from tui.widgets.article_view import ArticleView
from tui.widgets.footer import QuietFooter
from tui.widgets.legend import Legend
from tui.widgets.search_bar import SearchBar
from tui.widgets.side_panel import SidePanel, snippet
from tui.widgets.status_line import MAX_WIDTH as STATUS_WIDTH
from tui.widgets.status_line import StatusLine

Analyzer = Callable[[Article], Analysis]
NARROW = 100
"""Below this many columns the side panel starts hidden."""
START_FALLBACK = 0.5
"""Seconds after mounting when the analysis starts even if the article was not drawn yet."""


class ReaderScreen(Screen[None]):
    """One article: text on the left, actors/claims/numbers on the right, linked both ways.

    The screen mediates: widgets post what the user did (``SidePanel.ItemChosen``,
    ``ArticleView.CaretMoved``, search input) and the screen decides what the others show.
    The analysis runs in a thread worker, so the text is readable at once.

    | Key | Action |
    | :- | :- |
    | ] / [ | next / previous mention of the chosen item ("2/5" in the status line) |
    | a, c, # | actors, claims, numbers section |
    | s | jump from the highlighted claim to its speaker |
    | f | filter the panel's section on show (each section keeps its own filter) |
    | v | claims: quotes grouped by speaker (who said what) |
    | / then n / N | search (every match highlighted), next / previous match |
    | 1-9 | toggle the entity types shown in the legend |
    | p | show / hide the side panel |
    | tab | move between article and panel |
    | e | export the analysis (JSON or Markdown) |
    | o | open the article's URL in the browser (articles loaded from the web) |
    | escape | clear the search / the mark; back to the library |
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("right_square_bracket", "mention(1)", "Next mention", key_display="]"),
        Binding("left_square_bracket", "mention(-1)", "Prev", key_display="["),
        Binding("slash", "search", "Search", key_display="/"),
        Binding("n", "search_step(1)", "Next match", show=False),
        Binding("N", "search_step(-1)", "Previous match", show=False),
        Binding("a", "section('actor')", "Actors", show=False),
        Binding("c", "section('claim')", "Claims", show=False),
        Binding("number_sign", "section('number')", "Numbers", show=False),
        Binding("s", "speaker", "Speaker", show=False),
        Binding("f", "filter", "Filter", show=False),
        Binding("v", "group_quotes", "Who said what", show=False),
        Binding("p", "toggle_panel", "Panel"),
        Binding("e", "export", "Export", show=False),
        Binding("o", "open_source", "Open source", show=False),
        Binding("tab", "switch_focus", "Article/panel", show=False),
        Binding("shift+tab", "switch_focus", "Article/panel", show=False),
        Binding("escape", "escape", "Close", show=False),
        *[Binding(str(n), f"toggle_type({n})", f"Toggle type {n}", show=False)
          for n in range(1, 10)],
    ]

    DEFAULT_CSS = """
    ReaderScreen #body { height: 1fr; }
    ReaderScreen ArticleView { width: 2fr; height: 1fr; }
    ReaderScreen #bar { height: auto; max-height: 3; background: $boost;
                        layers: legend status; align-horizontal: right; }
    ReaderScreen #legend { layer: legend; }
    ReaderScreen #status { layer: status; }
    ReaderScreen #empty { width: 1fr; height: 1fr; content-align: center middle;
                          color: $text-muted; }
    """

    def __init__(self, article: Article, analyzer: Analyzer, *, from_library: bool = False) -> None:
        super().__init__()
        self.article = article
        self.analyzer = analyzer
        self.from_library = from_library
        self.analysis: Analysis | None = None
        self.items: dict[ItemKind, dict[str, Item]] = {"actor": {}, "claim": {}, "number": {}}
        self.index = MentionIndex([])
        self.current: tuple[Item, int] | None = None
        self.hidden_types: set[str] = set()
        self.matches: list[Offsets] = []
        self.match_index: int | None = None
        self.query_text = ""
        self._panel_forced = False
        self._analysis_started = False
        self._source_label = article.source
        self.empty = not article.text.strip()

    # -- layout ----------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="body"):
            if self.empty:
                yield Static("Nothing to analyse: this article is empty.", id="empty")
            else:
                yield ArticleView(self.article.text, id="article")
            panel = SidePanel(id="panel")
            # decided before the first layout: every width change re-wraps the whole article
            panel.display = not self.empty and self.app.size.width >= NARROW
            yield panel
        yield SearchBar(id="search")
        with Horizontal(id="bar"):
            # the status line is drawn over the end of the legend's first row, which the legend
            # leaves free: the legend gets the whole width of its other rows
            yield Legend(reserve=STATUS_WIDTH, id="legend")
            yield StatusLine(id="status")
        yield QuietFooter()

    @property
    def view(self) -> ArticleView:
        return self.query_one(ArticleView)

    @property
    def panel(self) -> SidePanel:
        return self.query_one(SidePanel)

    @property
    def legend(self) -> Legend:
        return self.query_one(Legend)

    def status(self, text: str) -> None:
        self.query_one(StatusLine).show(text)

    def on_mount(self) -> None:
        source = self.article.source
        if source == "-":
            self._source_label = "standard input"
        else:
            self._source_label = source if "://" in source else (Path(source).name or source)
        title = " ".join((self.article.title or "").split())
        self.title = title or self._source_label
        if not title:  # the file name is the title already: do not repeat it
            self._source_label = ""
        self._header("analysing…")
        self._follow_width(self.app.size.width)
        if self.empty:
            self._header("nothing to analyse")
            self.legend.set_message("nothing to analyse")
            self.status("empty article")
            return
        self.view.focus()
        self.legend.set_message("analysing…")
        self.status("analysing…")
        # Only once the article is on screen: the worker imports spaCy and builds the pipeline,
        # which holds the GIL for most of a second and would delay the first frame that much.
        # (The first frame after mounting has no text yet: TextArea wraps on its first resize.)
        self.view.call_after_painted(self._start_analysis)
        self.set_timer(START_FALLBACK, self._start_analysis)  # e.g. a view too small to draw

    def _start_analysis(self) -> None:
        if not self._analysis_started:
            self._analysis_started = True
            self.run_worker(lambda: self.analyzer(self.article), name="analysis",
                            group="analysis", thread=True, exclusive=True, exit_on_error=False)

    def _header(self, state: str) -> None:
        """Header subtitle: where the article came from, and the pipeline (or its state)."""
        self.sub_title = " · ".join(filter(None, [self._source_label, state]))

    def on_resize(self) -> None:
        self._follow_width(self.app.size.width)

    def _follow_width(self, width: int) -> None:
        """The panel follows the terminal width until the user toggles it with ``p``."""
        if self.empty:
            self.panel.display = False  # nothing to list; keeps focus off the filter
        elif not self._panel_forced:
            self.panel.display = width >= NARROW

    # -- analysis --------------------------------------------------------------------------
    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "analysis":
            return
        if event.state == WorkerState.SUCCESS and isinstance(event.worker.result, Analysis):
            if event.worker.result.text != self.article.text:  # offsets would point elsewhere
                self._header("analysis does not match the text")
                self.legend.set_message("analysis ignored: it was made for another text")
                self.status("analysis ignored")
                self.notify("The analysis does not match this text; highlights are off.",
                            severity="error", markup=False)
                return
            self.apply(event.worker.result)
        elif event.state == WorkerState.ERROR:
            error = event.worker.error
            self._header("analysis failed")
            self.legend.set_message("analysis failed: the text is shown without highlights")
            self.status("analysis failed")
            self.notify(f"Analysis failed: {type(error).__name__}: {error}", title="newsreader",
                        severity="error", timeout=10, markup=False)

    def apply(self, analysis: Analysis) -> None:
        """Show an analysis: highlights, legend, panel."""
        collecting = gc.isenabled()
        gc.disable()  # thousands of panel rows and highlights, none of them garbage
        try:
            self._apply(analysis)
        finally:
            if collecting:
                gc.enable()
        # The analysis and its rows live as long as the screen: out of the collector's sight,
        # a collection no longer walks them (on a 100,000-word article one took ~0.1 s, and
        # landed on a keystroke now and then).
        gc.freeze()

    def on_unmount(self) -> None:
        # back under the collector's watch, so this screen's widgets (cyclic: parents and
        # children point at each other) can be collected once it is closed; the next apply
        # freezes what is still alive
        gc.unfreeze()

    def _apply(self, analysis: Analysis) -> None:
        self.analysis = analysis
        by_kind = items_from_analysis(analysis)
        self.items = {kind: {item.id: item for item in items} for kind, items in by_kind.items()}
        self.index = MentionIndex(item for items in by_kind.values() for item in items)
        p = analysis.pipeline
        self._header(f"{p.name} {p.version} ({'trained' if p.trained else 'built-in'})")
        self._redraw_layers()
        self.panel.load(analysis)
        self.status(f"{len(analysis.actors)} actors · {len(analysis.claims)} claims · "
                    f"{len(analysis.numbers)} numbers")

    def _type_counts(self) -> Counter[str]:
        return Counter(e.label for e in self.analysis.entities) if self.analysis else Counter()

    def _redraw_layers(self) -> None:
        analysis = self.analysis
        if analysis is None:
            return
        layers: list[tuple[str, list[Offsets]]] = [
            ("nr.number", [(n.start, n.end) for n in analysis.numbers]),
        ]
        spans: dict[str, list[Offsets]] = {}
        for e in analysis.entities:
            spans.setdefault(e.label, []).append((e.start, e.end))
        for label, label_spans in spans.items():
            if label not in self.hidden_types:
                layers.append((f"nr.ent.{label}", label_spans))
        layers.append(("nr.claim", [(c.start, c.end) for c in analysis.claims]))
        self.view.set_layers(layers)
        self.legend.set_counts(self._type_counts(), self.hidden_types)

    # -- linking: panel -> article ---------------------------------------------------------
    def on_side_panel_item_chosen(self, event: SidePanel.ItemChosen) -> None:
        item = self.items[event.kind].get(event.item_id)
        if item is not None:
            self.go(item, 0)

    def go(self, item: Item, mention: int) -> None:
        """Make ``item`` current, mark its ``mention`` and centre it in the article."""
        self.current = (item, mention)
        start, end = item.spans[mention]
        self.view.set_overlay("nr.current", [(start, end)])
        self.view.show_span(start, end)
        self._report_current()

    def label_of(self, item: Item) -> str:
        """A short human name for an item (status line, palette)."""
        analysis = self.analysis
        if analysis is None:
            return item.id
        if item.kind == "actor":
            return next((a.name for a in analysis.actors if a.id == item.id), item.id)
        if item.kind == "claim":
            claim = next((c for c in analysis.claims if c.id == item.id), None)
            return snippet(claim.text, 40) if claim else item.id
        number = next((n for n in analysis.numbers if n.id == item.id), None)
        return number.text if number else item.id

    def _report_current(self) -> None:
        if self.current is None:
            return
        item, mention = self.current
        # in the status line only: it stays visible when the panel is hidden
        self.status(f"{self.label_of(item)} {position(mention, len(item.spans))}")

    def action_mention(self, delta: int) -> None:
        """``]`` / ``[``: walk the chosen item's mentions (the highlighted one if none chosen)."""
        if self.current is not None:
            item, mention = self.current
            self.go(item, step(len(item.spans), mention, delta))
            return
        item_id = self.panel.highlighted() if self.analysis else None
        chosen = self.items[self.panel.section].get(item_id or "") if item_id else None
        if chosen is None:
            self.notify("Choose an actor, claim or number first.", markup=False)
            return
        self.go(chosen, nearest(chosen.spans, self.view.caret_offset, forward=delta > 0))

    # -- linking: article -> panel ---------------------------------------------------------
    def on_article_view_caret_moved(self, event: ArticleView.CaretMoved) -> None:
        if self.analysis is None:
            return  # keep "analysing…" / "analysis failed" in the status line
        hit = self.index.lookup(event.offset, prefer=self.panel.section)
        if hit is None:
            # off every mention: drop the mark; ]/[ then continue from the panel's item
            self.current = None
            self.view.set_overlay("nr.current", [])
            self.status("")
            return
        item, mention = hit
        self.panel.select(item.kind, item.id)
        self.current = hit
        # a claim can be a whole paragraph: reversing it at every caret step would flash;
        # its underline already shows where it runs
        marked = [] if item.kind == "claim" else [item.spans[mention]]
        self.view.set_overlay("nr.current", marked)
        self._report_current()

    def action_speaker(self) -> None:
        """``s``: from a claim to the actor who made it."""
        analysis = self.analysis
        if analysis is None:
            return
        claim_id = None
        if self.current is not None and self.current[0].kind == "claim":
            claim_id = self.current[0].id
        if self.panel.section == "claim":
            claim_id = self.panel.highlighted("claim") or claim_id
        claim = next((c for c in analysis.claims if c.id == claim_id), None)
        if claim is None:
            self.notify("Highlight a claim first (c).", markup=False)
            return
        actor = self.items["actor"].get(claim.speaker or "")
        if actor is None:
            who = claim.speaker_text or "this claim's speaker"
            self.notify(f"{who} is not among the actors.", markup=False)
            return
        self.panel.select("actor", actor.id)
        # the mention closest to the claim: usually the attribution itself
        closest = min(range(len(actor.spans)),
                      key=lambda i: abs(actor.spans[i][0] - claim.start))
        self.go(actor, closest)

    # -- search ----------------------------------------------------------------------------
    def action_search(self) -> None:
        if not self.empty:
            self.query_one(SearchBar).open()

    @on(Input.Changed, "#search")
    def _search_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.set_search(event.value)
        if self.matches:  # incremental: show the first match after the caret as you type
            start, end = self.matches[nearest(self.matches, self.view.caret_offset)]
            self.view.set_overlay("nr.search.current", [(start, end)])
            self.view.show_span(start, end, move_caret=False)

    @on(Input.Submitted, "#search")
    def _search_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        bar = self.query_one(SearchBar)
        bar.close()
        self.view.focus()
        self.set_search(event.value)
        if self.matches:
            self.match_index = nearest(self.matches, self.view.caret_offset) - 1
            self.action_search_step(1)

    def on_search_bar_cancelled(self) -> None:
        self.set_search("")
        self.view.focus()
        self.view.scroll_cursor_visible(center=True)  # back to where reading was

    def set_search(self, query: str) -> None:
        """Highlight every match of ``query`` (case-insensitive)."""
        if self.empty:
            return
        self.query_text = query
        self.matches = find_all(self.article.text, query)
        self.match_index = None
        self.view.set_overlay("nr.search", self.matches)
        self.view.set_overlay("nr.search.current", [])
        if query:
            self.status(f"“{snippet(query, 30)}”: {len(self.matches)} matches")

    def action_search_step(self, delta: int) -> None:
        """``n`` / ``N``: next / previous match, wrapping."""
        if not self.matches:
            if self.query_text:
                self.notify("No matches.", markup=False)
            return
        self.match_index = step(len(self.matches), self.match_index, delta)
        start, end = self.matches[self.match_index]
        self.view.set_overlay("nr.search.current", [(start, end)])
        self.view.show_span(start, end)
        self.status(f"“{snippet(self.query_text, 30)}” "
                    f"{position(self.match_index, len(self.matches))}")

    # -- the rest of the keys --------------------------------------------------------------
    def action_section(self, kind: ItemKind) -> None:
        if self.empty:
            return
        panel = self._show_panel()
        panel.show_section(kind)
        panel.focus_list()

    def _show_panel(self) -> SidePanel:
        panel = self.panel
        if not panel.display:
            panel.display = True
            self._panel_forced = True
        return panel

    def action_filter(self) -> None:
        """``f``: type to filter the panel's section on show."""
        if not self.empty:
            self._show_panel().action_focus_filter()

    def action_group_quotes(self) -> None:
        """``v``: claims as "who said what" (quotes grouped by speaker), or back."""
        if self.empty:
            return
        panel = self._show_panel()
        panel.action_toggle_grouping()
        panel.focus_list()

    def action_toggle_panel(self) -> None:
        if self.empty:
            return
        panel = self.panel
        panel.display = not panel.display
        self._panel_forced = True
        if not panel.display and not self.empty:
            self.view.focus()

    def action_switch_focus(self) -> None:
        if self.empty:
            return
        if self.panel.has_focus_within:
            self.view.focus()
        else:
            self._show_panel().focus_list()

    def action_toggle_type(self, n: int) -> None:
        """Keys 1-9: show/hide the n-th entity type of the legend."""
        labels = self.legend.labels
        if 1 <= n <= len(labels):
            self.toggle_label(labels[n - 1])

    def toggle_label(self, label: str) -> None:
        self.hidden_types ^= {label}
        self._redraw_layers()

    def action_escape(self) -> None:
        if self.matches or self.query_text:
            self.set_search("")
            self.status("search cleared")
        elif self.current is not None:
            self.current = None
            self.view.set_overlay("nr.current", [])
            self.status("")
        elif self.from_library:
            self.app.pop_screen()

    def action_open_source(self) -> None:
        url = self.article.url or (self.article.source if "://" in self.article.source else None)
        if url and url.startswith(("http://", "https://")):
            self.app.open_url(url)
        else:
            self.notify("This article has no web address.", markup=False)

    def action_export(self, fmt: str = "json") -> None:
        from tui.screens.export import ExportDialog, write_export

        analysis = self.analysis
        if analysis is None:
            self.notify("The analysis is not ready yet.", markup=False)
            return
        stem = Path(self.article.source).stem if self.article.source != "-" else "article"
        suffix = ".md" if fmt == "markdown" else ".json"

        def done(result: tuple[str, str] | None) -> None:
            if result is None:
                return
            path, chosen = result
            try:
                written = write_export(analysis, chosen, path, self.article.source,
                                       overwrite=True)  # the dialog asked first
            except (OSError, ValueError) as exc:
                self.notify(f"Export failed: {exc}", severity="error", markup=False)
            else:
                self.notify(f"Analysis written to {written}", markup=False)

        self.app.push_screen(ExportDialog(f"{stem}.analysis{suffix}", fmt, self.article.source),
                             done)
