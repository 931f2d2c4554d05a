"""The reader screen: the article, its analysis in the side panel, and the links between them."""

from __future__ import annotations

import gc
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import ActiveBinding, BindingType
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
    counted,
    find_all,
    items_from_analysis,
    nearest,
    paragraph_at,
    position,
    step,
)
from tui.screens.reader_keys import CONTEXTUAL, READER_BINDINGS, pinned_first
from tui.sources import Article
from tui.sources.sanitize import visible
from tui.state import Config, State
from tui.widgets.article_view import ArticleView
from tui.widgets.footer import QuietFooter
from tui.widgets.legend import Legend
from tui.widgets.mention_strip import MentionStrip
from tui.widgets.page import Page
from tui.widgets.palette import GROUPS, group_of
from tui.widgets.search_bar import SearchBar
from tui.widgets.side_panel import SidePanel, snippet
from tui.widgets.status_line import MAX_WIDTH as STATUS_WIDTH
from tui.widgets.status_line import StatusLine

Analyzer = Callable[[Article], Analysis]
NARROW = 100
"""Below this many columns the side panel starts hidden."""
START_FALLBACK = 0.5
"""Seconds after mounting when the analysis starts even if the article was not drawn yet."""


UNDERLINED = frozenset({"quote", "reported"})
"""Claim kinds underlined in the article."""
TITLE_WORDS = 8
"""Words of the text shown as the title of an article that has none."""


def header_title(article: Article) -> str:
    """The article's title, or its first words when it has none (a file name, often a hash,
    says little about what is inside)."""
    title = " ".join((article.title or "").split())
    if title:
        return title
    words = article.text.split()
    if not words:
        return "newsreader"
    head = " ".join(words[:TITLE_WORDS])
    return snippet(head, 70) + ("…" if len(words) > TITLE_WORDS and len(head) <= 70 else "")


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
    | 1-9 | toggle an entity group (1 people, 2 organisations, 3 places ... 9 other) |
    | z | plain reading: no highlights, and back |
    | p | show / hide the side panel |
    | tab | move between article and panel |
    | e | export the analysis (JSON or Markdown) |
    | o | open the article's URL in the browser (articles loaded from the web) |
    | escape | clear the search / the mark; back to the library |
    """

    BINDINGS: ClassVar[list[BindingType]] = READER_BINDINGS

    DEFAULT_CSS = """
    ReaderScreen #body { height: 1fr; }
    ReaderScreen #page { width: 2fr; height: 1fr; background: $surface; }
    ReaderScreen ArticleView { width: 1fr; height: 1fr; }
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
        self.plain = False
        """Plain reading (``z``): no highlights, only the search and the mark."""
        self.matches: list[Offsets] = []
        self.match_index: int | None = None
        self.query_text = ""
        self._panel_forced = False
        self._strip_rows: tuple[tuple[str, str, int] | None, list[int]] = (None, [])
        """Wrapped rows of the current item's mentions, for the strip: (kind, id, width)."""
        self._speaker_cycle: tuple[str, str] | None = None
        """(claim id, actor id) of the last ``s``, so pressing it again goes to the next speaker."""
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
                with Page(id="page"):
                    # line_width 0: no limit
                    yield ArticleView(self.article.text, id="article",
                                      measure=self.settings.line_width or 1_000_000)
                    yield MentionStrip(id="strip")
            panel = SidePanel(id="panel")
            if self.settings.panel_width:
                panel.styles.width = panel.styles.max_width = self.settings.panel_width
            # decided before the first layout: every width change re-wraps the whole article
            panel.display = self._panel_wanted(self.app.size.width)
            yield panel
        yield SearchBar(id="search")
        with Horizontal(id="bar"):
            # the status line is drawn over the end of the legend's first row, which the legend
            # leaves free: the legend gets the whole width of its other rows
            yield Legend(reserve=STATUS_WIDTH, id="legend")
            yield StatusLine(id="status")
        yield QuietFooter()

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        """The keys in footer order: quit and help first, so a narrow footer keeps them."""
        return pinned_first(super().active_bindings)

    @property
    def settings(self) -> Config:
        """The user's defaults (``config.toml``), as the app read them."""
        settings = getattr(self.app, "settings", None)
        return settings if isinstance(settings, Config) else Config()

    @property
    def memory(self) -> State | None:
        """What the app remembers between runs (none when hosted by another app, in tests)."""
        memory = getattr(self.app, "memory", None)
        return memory if isinstance(memory, State) else None

    def _panel_wanted(self, width: int) -> bool:
        """Shown at start: never when empty or narrow; else as configured, or as last time."""
        if self.empty or width < NARROW:
            return False
        if self.settings.panel is not None:
            return self.settings.panel
        memory = self.memory
        return bool(memory.panel.get("shown", True)) if memory is not None else True

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

    # -- where the reader is ---------------------------------------------------------------
    def _update_position(self) -> None:
        """Paragraph of the caret and how far down the view is, at the end of the status."""
        if self.empty:
            return
        view = self.view
        starts = view.paragraphs
        total = view.max_scroll_y
        percent = 100 if total <= 0 else round(100 * view.scroll_offset.y / total)
        where = f"¶ {paragraph_at(starts, view.caret_offset) + 1}/{len(starts)}" if starts else ""
        self.query_one(StatusLine).set_position(" ".join(filter(None, [where, f"{percent}%"])))
        self._update_strip()

    def on_mention_strip_clicked(self, event: MentionStrip.Clicked) -> None:
        """A click on the strip: the chosen item's mention nearest that height, or (nothing
        chosen) that part of the article, like a scrollbar."""
        rows = self._strip_rows[1] if self.current is not None else []
        if self.current is not None and rows:
            nearest_mention = min(range(len(rows)), key=lambda i: abs(rows[i] - event.row))
            self.go(self.current[0], nearest_mention)
            return
        view = self.view
        view.scroll_to(y=max(0, event.row - view.scrollable_content_region.height // 2),
                       animate=False)

    def _update_strip(self) -> None:
        """The mention strip: every mention of the current item, and the part on screen."""
        if self.empty:
            return
        view = self.view
        rows: list[int] = []
        mention = None
        if self.current is not None:
            item, mention = self.current
            width = view.content_size.width
            key = (item.kind, item.id, width)
            if self._strip_rows[0] != key:
                self._strip_rows = (key, [view.wrapped_row(start) for start, _ in item.spans])
            rows = self._strip_rows[1]
        top = view.scroll_offset.y
        self.query_one(MentionStrip).show(rows, mention, view.wrapped_document.height,
                                          (top, top + view.scrollable_content_region.height))

    def on_mount(self) -> None:
        source = self.article.source
        if source == "-":
            self._source_label = "standard input"
        else:
            self._source_label = source if "://" in source else (Path(source).name or source)
        self.title = header_title(self.article)
        byline = [" ".join(part.split()) for part in (self.article.author, self.article.date)
                  if part and part.strip()]
        self._source_label = " · ".join(filter(None, [*byline, self._source_label]))
        self._header("analysing…")
        self._follow_width(self.app.size.width)
        if self.empty:
            self._header("nothing to analyse")
            self.legend.set_message("nothing to analyse")
            self.status("empty article")
            return
        self.view.focus()
        self.watch(self.view, "scroll_y", lambda _: self._update_position(), init=False)
        self.plain = self.settings.plain
        self.hidden_types = {label for g in GROUPS if g.name in self.settings.hidden
                             for label in g.labels}
        remember = getattr(self.app, "remember_opened", None)
        if callable(remember):
            remember(self.article)
        self.view.call_after_painted(self._restore_position)
        self.legend.set_message("analysing…")
        self.status("analysing…")
        # Only once the article is on screen: the worker imports spaCy and builds the pipeline,
        # which holds the GIL for most of a second and would delay the first frame that much.
        # (The first frame after mounting has no text yet: TextArea wraps on its first resize.)
        self.view.call_after_painted(self._start_analysis)
        self.set_timer(START_FALLBACK, self._start_analysis)  # e.g. a view too small to draw

    def _restore_position(self) -> None:
        """Back where the reader left this article last time (its caret, centred)."""
        memory = self.memory
        offset = memory.position(self.article.text) if memory is not None else None
        if offset and 0 < offset <= len(self.article.text):
            self.view.show_span(offset, offset)
            self._update_position()
            where = paragraph_at(self.view.paragraphs, offset) + 1
            self.notify(f"Back where you left off (¶ {where}); g goes to the top.",
                        markup=False, timeout=4)

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
        if not self.empty:
            self.call_after_refresh(self._update_position)  # rows move with the new width

    def _follow_width(self, width: int) -> None:
        """The panel follows the terminal width until the user toggles it with ``p``."""
        # narrow: no room for the palette key on the right (ctrl+p is in the help)
        self.query_one(QuietFooter).show_command_palette = width >= NARROW
        if self.empty:
            self.panel.display = False  # nothing to list; keeps focus off the filter
        elif not self._panel_forced:
            self.panel.display = self._panel_wanted(width)

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
            self.notify(f"Analysis failed: {type(error).__name__}: {visible(str(error))}",
                        title="newsreader",
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
        memory = self.memory
        section = memory.panel.get("section") if memory is not None else None
        if section in ("claim", "number") and self.settings.panel is not False:
            self.panel.show_section(section)
        self._update_position()
        self.status(" · ".join([counted(len(analysis.actors), "actor"),
                                counted(len(analysis.claims), "claim"),
                                counted(len(analysis.numbers), "number")]))

    def _type_counts(self) -> Counter[str]:
        return Counter(e.label for e in self.analysis.entities) if self.analysis else Counter()

    def _redraw_layers(self) -> None:
        analysis = self.analysis
        if analysis is None:
            return
        if self.plain:
            self.view.set_layers([])
            self.legend.set_message("plain reading: z brings the highlights back")
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
        # who said what is underlined; assertions (most sentences of a news article) are
        # listed in the panel, not drawn: underlining them all made the page noisy
        layers.append(("nr.claim", [(c.start, c.end) for c in analysis.claims
                                    if c.kind in UNDERLINED]))
        self.view.set_layers(layers)
        self.legend.set_counts(self._type_counts(), self.hidden_types)

    # -- the footer: the keys that matter here ---------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide the shown twin of a contextual key where it does not apply (its unshown twin
        still runs): ``]``/``[`` once an item is chosen, ``s`` on a claim, ``v`` with the
        claims on show, ``f`` and ``e`` in the panel."""
        if action not in CONTEXTUAL or not self.is_mounted or self.empty:
            return action not in CONTEXTUAL
        panel = self.query(SidePanel)
        if not panel:
            return False
        if action == "mention":
            return self.current is not None
        if action == "speaker":
            return self._claim_in_focus() is not None
        if action == "group_quotes":
            return panel.first().display and panel.first().section == "claim"
        return panel.first().has_focus_within  # filter, export: keys of the panel

    def _claim_in_focus(self) -> str | None:
        """The claim ``s`` would start from: the chosen one, or the one highlighted on show."""
        if self.panel.section == "claim" and self.panel.display:
            highlighted = self.panel.highlighted("claim")
            if highlighted:
                return highlighted
        if self.current is not None and self.current[0].kind == "claim":
            return self.current[0].id
        return None

    def action_any_mention(self, delta: int) -> None:
        self.action_mention(delta)

    def action_any_speaker(self) -> None:
        self.action_speaker()

    def action_any_group_quotes(self) -> None:
        self.action_group_quotes()

    def action_any_filter(self) -> None:
        self.action_filter()

    def action_any_export(self) -> None:
        self.action_export()

    def _set_current(self, current: tuple[Item, int] | None) -> None:
        changed = (current is None) != (self.current is None) or (
            current is not None and self.current is not None
            and current[0].kind != self.current[0].kind)
        self.current = current
        if changed:
            self.refresh_bindings()

    # -- linking: panel -> article ---------------------------------------------------------
    def on_side_panel_item_chosen(self, event: SidePanel.ItemChosen) -> None:
        item = self.items[event.kind].get(event.item_id)
        if item is not None:
            self.go(item, 0)

    def go(self, item: Item, mention: int) -> None:
        """Make ``item`` current, mark its ``mention`` and centre it in the article."""
        self._set_current((item, mention))
        start, end = item.spans[mention]
        self.view.set_overlay("nr.current", [(start, end)])
        self.view.show_span(start, end)
        self._report_current()
        self._update_position()

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
        self._update_strip()
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
        self._update_position()
        if self.analysis is None:
            return  # keep "analysing…" / "analysis failed" in the status line
        section = self.panel.section
        hit = self.index.find(event.offset, section) or self.index.lookup(event.offset)
        if hit is None:
            # off every mention: drop the mark; ]/[ then continue from the panel's item
            self._set_current(None)
            self.view.set_overlay("nr.current", [])
            self.status("")
            return
        item, mention = hit
        if item.kind == section:  # the panel stays on its section: a key switches it
            self.panel.select(item.kind, item.id, switch=False)
        self._set_current(hit)
        # a claim can be a whole paragraph: reversing it at every caret step would flash;
        # its underline already shows where it runs
        marked = [] if item.kind == "claim" else [item.spans[mention]]
        self.view.set_overlay("nr.current", marked)
        self._report_current()

    def action_speaker(self) -> None:
        """``s``: from a claim to the actor who made it; again: to its next speaker."""
        analysis = self.analysis
        if analysis is None:
            return
        claim_id = self._claim_in_focus()
        cycle = self._speaker_cycle
        if claim_id is None and cycle is not None and self.current is not None \
                and self.current[0].id == cycle[1]:
            claim_id = cycle[0]  # just jumped from this claim: on to its next speaker
        claim = next((c for c in analysis.claims if c.id == claim_id), None)
        if claim is None:
            self.notify("Highlight a claim first (c).", markup=False)
            return
        speakers = [self.items["actor"][s] for s in claim.speakers if s in self.items["actor"]]
        if not speakers:
            self._speaker_cycle = None
            if claim.speaker_text:
                who = snippet(claim.speaker_text, 40)
                self.notify(f"“{who}” said it, but is not among the actors.", markup=False)
            elif claim.kind == "assertion":
                self.notify("This claim is an assertion: it has no speaker.", markup=False)
            else:
                self.notify("No speaker was found for this claim.", markup=False)
            return
        index = 0
        if cycle is not None and cycle[0] == claim.id:
            ids = [a.id for a in speakers]
            index = (ids.index(cycle[1]) + 1) % len(ids) if cycle[1] in ids else 0
        actor = speakers[index]
        self._speaker_cycle = (claim.id, actor.id)
        in_panel = self.panel.has_focus_within
        self.panel.select("actor", actor.id)
        # the mention closest to the claim: usually the attribution itself
        closest = min(range(len(actor.spans)),
                      key=lambda i: abs(actor.spans[i][0] - claim.start))
        self.go(actor, closest)
        if in_panel:  # the claim list just went out of sight, and focus with it
            self.panel.focus_list()
        else:
            self.view.focus()
        if len(speakers) > 1:
            self.notify(f"Speaker {index + 1} of {len(speakers)} (s: the next one).",
                        markup=False)

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
            count = len(self.matches)
            self.status(f"“{snippet(query, 30)}”: {count or 'no'} match{'es' * (count != 1)}")

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
        """Keys 1-9: show/hide entity group ``n`` (1 people, 2 organisations, 3 places ...: the
        same keys in every article). A group partly hidden from the palette is shown again."""
        group = next((g for g in GROUPS if g.key == n), None)
        present = [lb for lb in self._type_counts() if group_of(lb) is group]
        if group is None or not present:
            if self.analysis is not None and group is not None:
                self.status(f"no {group.name} in this article")
            return
        if all(lb in self.hidden_types for lb in present):
            self.hidden_types -= set(present)
            self.status(f"{group.name} highlighted again")
        else:
            self.hidden_types |= set(present)
            self.status(f"{group.name} not highlighted")  # the legend strikes its key through
        self._redraw_layers()

    def action_plain(self) -> None:
        """``z``: plain reading (the text without highlights), and back."""
        if self.empty or self.analysis is None:
            return
        self.plain = not self.plain
        self._redraw_layers()
        if not self.plain:
            self.status("highlights on")

    def on_legend_toggled(self, event: Legend.Toggled) -> None:
        self.action_toggle_type(event.key)

    def toggle_label(self, label: str) -> None:
        self.hidden_types ^= {label}
        self._redraw_layers()

    def action_escape(self) -> None:
        if self.matches or self.query_text:
            self.set_search("")
            self.status("search cleared")
        elif self.current is not None:
            self._set_current(None)
            self.view.set_overlay("nr.current", [])
            self.status("")
        elif self.from_library:
            remember = getattr(self.app, "remember_reader", None)
            if callable(remember):
                remember(self)
            self.app.pop_screen()

    def action_open_source(self) -> None:
        url = self.article.url or (self.article.source if "://" in self.article.source else None)
        if not (url and url.startswith(("http://", "https://"))):
            self.notify("This article has no web address.", markup=False)
            return
        from tui.screens.outside import open_in_browser

        if open_in_browser(url):
            self.notify(f"Opening in your browser: {url}", markup=False)
            return
        self.app.copy_to_clipboard(url)  # where the terminal allows it
        self.notify(f"No browser could be opened. The address (copied to the clipboard if "
                    f"your terminal allows it): {url}", severity="warning", timeout=20,
                    markup=False)

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
