"""The article pane: a read-only, word-wrapped TextArea with entity, claim and search highlights."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable, Sequence
from typing import ClassVar

from rich.style import Style
from textual.binding import Binding, BindingType
from textual.geometry import Offset, Region
from textual.message import Message
from textual.strip import Strip
from textual.timer import Timer
from textual.widgets import TextArea

from tui.linking import (
    LineHighlights,
    LineMap,
    Offsets,
    add_highlights,
    display_text,
    line_highlights,
    merge_highlights,
    paragraph_starts,
    paragraph_step,
)
from tui.widgets import palette
from tui.widgets.textual_compat import (
    Document,
    FastWrappedDocument,
    HighlightedTextArea,
    TextAreaTheme,
    WrappedDocument,
)

OVERLAYS: tuple[str, ...] = ("nr.search", "nr.search.current", "nr.current")
"""Layers drawn above the analysis, in this order (the current mention on top)."""


class ArticleView(HighlightedTextArea):
    """The article text, scrollable by keys and mouse, re-wrapped on resize.

    A TextArea rather than Static/Markdown because it stays fast on very long articles and has a
    caret: moving the caret is how the reader says "what is this?" (see ``CaretMoved``). The text
    shown is :func:`tui.linking.display_text` of the article: control characters become visible
    symbols one-for-one, so escape sequences stay inert and every analysis offset stays valid.

    | Key | Action |
    | :- | :- |
    | j / down, k / up | caret down / up a line |
    | space / pagedown, b / pageup | page down / up |
    | ctrl+d, ctrl+u | half a page down / up |
    | g, G | top, bottom |
    | { / } | previous / next paragraph |
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("space", "cursor_page_down", "Page down", show=False),
        Binding("b", "cursor_page_up", "Page up", show=False),
        Binding("ctrl+d", "half_page(1)", "Half page down", show=False),
        Binding("ctrl+u", "half_page(-1)", "Half page up", show=False),
        Binding("g,home", "top", "Top", show=False),
        Binding("G,end", "bottom", "Bottom", show=False),
        Binding("right_curly_bracket", "paragraph(1)", "Next paragraph", show=False,
                key_display="}"),
        Binding("left_curly_bracket", "paragraph(-1)", "Previous paragraph", show=False,
                key_display="{"),
    ]

    DEFAULT_CSS = """
    ArticleView {
        border: none;
        padding: 0 1;
        &:focus { border: none; }
    }
    """
    MEASURE: ClassVar[int] = 100
    """Widest line of text (columns) by default: on a wide terminal the page is centred, not
    stretched (``measure`` sets it per view: the user's ``line_width``)."""

    THEME_NAME = "newsreader"
    caret_debounce: ClassVar[float] = 0.15
    """Seconds the caret must rest before ``CaretMoved`` is posted (keeps the panel calm)."""

    class CaretMoved(Message):
        """The user moved the caret (keys or click) and it came to rest at ``offset``."""

        def __init__(self, view: ArticleView, offset: int) -> None:
            super().__init__()
            self.view = view
            self.offset = offset

        @property
        def control(self) -> ArticleView:
            return self.view

    class Painted(Message):
        """The article's text has been drawn for the first time (posted once)."""

        def __init__(self, view: ArticleView) -> None:
            super().__init__()
            self.view = view

        @property
        def control(self) -> ArticleView:
            return self.view

    def __init__(self, text: str, *, id: str | None = None, measure: int | None = None) -> None:
        self.measure = measure or self.MEASURE
        shown = display_text(text)
        # built empty, then given the text once: TextArea would build and wrap it three times
        # a steady caret: a page being read should not flicker (and nor should snapshots)
        super().__init__("", read_only=True, soft_wrap=True, show_cursor=True,
                         highlight_cursor_line=False, tab_behavior="focus", id=id)
        self.cursor_blink = False
        self.load_plain_text(shown)
        self.lines = LineMap(shown)
        self._styles: dict[str, Style] = {}
        self._labels: list[str] = []
        self._base: LineHighlights = {}
        self._overlays: dict[str, LineHighlights] = {name: {} for name in OVERLAYS}
        self._caret_timer: Timer | None = None
        self._top_anchor: tuple[tuple[int, int], int] | None = None
        """(document location, scroll offset) of the first visible line after the last re-wrap."""
        self._ready = False
        self._paragraphs: list[int] | None = None
        self.painted = False
        self._on_painted: list[Callable[[], object]] = []
        """True once the text has been drawn on screen."""
        # The theme object shares ``_styles`` (dataclasses.replace copies shallowly), so
        # recomputing the styles in place recolours the text without re-registering.
        self.register_theme(TextAreaTheme(self.THEME_NAME, syntax_styles=self._styles))

    def make_wrapped(self, document: Document, tab_width: int) -> WrappedDocument:
        # a long article re-wraps at every width change: the faster equivalent
        return FastWrappedDocument(document, tab_width=tab_width)

    def before_rewrap(self) -> object:
        """Re-wrap (resize, panel shown or hidden) keeping the same text at the top of the view.

        The scroll offset counts wrapped lines, which mean other text once the width changes:
        the first visible line is remembered as a place in the text and scrolled back to the top.
        """
        return self._top_location() if self.is_mounted else None

    def after_rewrap(self, state: object) -> None:
        if isinstance(state, tuple):
            anchor: tuple[int, int] = state
            top = self.wrapped_document.location_to_offset(anchor).y
            self.scroll_to(y=top, animate=False, force=True, immediate=True)
            # Kept while the view stays where it was put: successive re-wraps (80 -> 120 -> 60
            # columns) all return to this place instead of drifting to each line's start.
            self._top_anchor = (anchor, self.scroll_offset.y)

    def _top_location(self) -> tuple[int, int]:
        """The document location that starts the first visible wrapped line."""
        y = self.scroll_offset.y
        anchor = self._top_anchor
        if anchor is not None and anchor[1] == y:
            return anchor[0]  # not scrolled since the last re-wrap
        return self.wrapped_document.offset_to_location(Offset(0, y))

    def on_mount(self) -> None:
        self._ready = True
        self._recompute_styles()
        self.theme = self.THEME_NAME
        # the signal comes after the CSS refresh, when theme_variables hold the new colours
        self.app.theme_changed_signal.subscribe(self, lambda _: self._recompute_styles())
        self._install_highlights()

    def render_lines(self, crop: Region) -> list[Strip]:
        lines = super().render_lines(crop)
        if not self.painted and crop.height > 0 and self.content_size.width > 0:
            self.painted = True
            # Straight after this frame is written (this runs while it is being rendered), not
            # behind the messages already queued for the screen: a few frames sooner.
            asyncio.get_running_loop().call_soon(self._announce_painted)
        return lines

    def _announce_painted(self) -> None:
        for callback in self._on_painted:
            callback()
        self._on_painted.clear()
        self.post_message(self.Painted(self))

    def call_after_painted(self, callback: Callable[[], object]) -> None:
        """Call ``callback`` as soon as the text has been drawn (at once if it has been)."""
        if self.painted and not self._on_painted:
            callback()
        else:
            self._on_painted.append(callback)

    # -- offsets ---------------------------------------------------------------------------
    @property
    def caret_offset(self) -> int:
        """The caret as a character offset into the article."""
        return self.lines.offset(*self.cursor_location)

    def wrapped_row(self, offset: int) -> int:
        """The screen row (in the wrapped document) that shows ``offset``."""
        return self.wrapped_document.location_to_offset(self.lines.location(offset))[1]

    def show_span(self, start: int, end: int, *, move_caret: bool = True) -> None:
        """Scroll so the span is centred (caret on its start) without posting ``CaretMoved``."""
        self._cancel_caret_timer()
        if move_caret:
            with self.prevent(TextArea.SelectionChanged):
                self.move_cursor(self.lines.location(start))
        top = self.wrapped_row(start)
        bottom = self.wrapped_row(max(start, end - 1))
        height = bottom - top + 1
        if height >= self.scrollable_content_region.height:
            self.scroll_to(y=top, animate=False, force=True)
        else:
            region = Region(0, top, max(1, self.scrollable_content_region.width), height)
            self.scroll_to_region(region, center=True, animate=False, force=True)

    # -- layers ----------------------------------------------------------------------------
    def set_layers(self, layers: Sequence[tuple[str, Iterable[Offsets]]]) -> None:
        """Replace the analysis layers (``(style name, spans)``, later ones drawn on top)."""
        base: LineHighlights = {}
        labels: list[str] = []
        for name, spans in layers:
            if name.startswith("nr.ent."):
                labels.append(name.removeprefix("nr.ent."))
            add_highlights(base, self.lines, spans, name)
        self._base = base
        if set(labels) - set(self._labels):
            self._labels = sorted(set(labels) | set(self._labels))
            self._recompute_styles()
        self._install_highlights()

    def set_overlay(self, name: str, spans: Iterable[Offsets]) -> None:
        """Replace one overlay: ``nr.search``, ``nr.search.current`` or ``nr.current``."""
        self._overlays[name] = line_highlights(self.lines, spans, name)
        self._install_highlights()

    def highlight_names_at(self, offset: int) -> list[str]:
        """Which style names cover ``offset`` (for tests and debugging), bottom first."""
        row, col = self.lines.location(offset)
        byte = self.lines.byte_column(row, col)
        return [name for start, end, name in self._merged().get(row, [])
                if start <= byte and (end is None or byte < end)]

    def _merged(self) -> LineHighlights:
        """Base layers and overlays, each converted once when set: merging is per row."""
        return merge_highlights([self._base, *(self._overlays[name] for name in OVERLAYS)])

    def _install_highlights(self) -> None:
        """Every layer into TextArea's highlight map (``textual_compat``); the styles come from
        the theme's ``syntax_styles``. ``tests/test_widgets_article_view.py`` checks that the
        styles really reach the rendered lines."""
        self.install_highlights(self._merged())

    def _recompute_styles(self) -> None:
        """Recolour every layer from the app's current theme."""
        if not self._ready:
            return  # on_mount does it
        self._styles.clear()
        self._styles.update(palette.all_styles(self._labels, self.app.theme_variables,
                                               palette.app_depth(self.app)))
        self._install_highlights()

    # -- keys and caret --------------------------------------------------------------------
    def _caret_into_view(self) -> None:
        """After scrolling with the wheel, keys continue from what is on screen.

        TextArea would otherwise jump back to wherever the caret was left.
        """
        top = self.scroll_offset.y
        height = self.scrollable_content_region.height
        row = self.wrapped_row(self.caret_offset)
        if height > 0 and not top <= row < top + height:
            target = top if row < top else top + height - 1
            self.move_cursor(self.wrapped_document.offset_to_location(Offset(0, target)))

    def action_cursor_down(self, select: bool = False) -> None:
        self._caret_into_view()
        super().action_cursor_down(select)

    def action_cursor_up(self, select: bool = False) -> None:
        self._caret_into_view()
        super().action_cursor_up(select)

    def action_cursor_page_down(self) -> None:
        self._caret_into_view()
        super().action_cursor_page_down()

    def action_cursor_page_up(self) -> None:
        self._caret_into_view()
        super().action_cursor_page_up()

    def action_half_page(self, direction: int) -> None:
        """Move the caret and the view by half a page."""
        self._caret_into_view()
        height = max(1, self.scrollable_content_region.height // 2) * direction
        target = self.navigator.get_location_at_y_offset(self.cursor_location, height)
        self.scroll_relative(y=height, animate=False)
        self.move_cursor(target)

    @property
    def paragraphs(self) -> list[int]:
        """Offsets where the article's paragraphs start (computed once)."""
        if self._paragraphs is None:
            self._paragraphs = paragraph_starts(self.text)
        return self._paragraphs

    def action_paragraph(self, delta: int) -> None:
        """``{`` / ``}``: the caret to the previous / next paragraph, which comes to the top."""
        self._caret_into_view()
        target = paragraph_step(self.paragraphs, self.caret_offset, delta)
        if target is None:
            self.app.bell()
            return
        self.move_cursor(self.lines.location(target))
        row = self.wrapped_row(target)
        self.scroll_to(y=max(0, row - 1), animate=False, force=True)

    def action_top(self) -> None:
        self.move_cursor((0, 0))
        self.scroll_home(animate=False)

    def action_bottom(self) -> None:
        last = self.document.line_count - 1
        self.move_cursor((last, 0))
        self.scroll_end(animate=False)

    def on_text_area_selection_changed(self, event: TextArea.SelectionChanged) -> None:
        """Debounce caret moves: the panel follows once the caret rests."""
        if event.text_area is not self:
            return
        self._cancel_caret_timer()
        if self.caret_debounce <= 0:  # tests: at once, so they wait on messages, not time
            self._emit_caret()
        else:
            self._caret_timer = self.set_timer(self.caret_debounce, self._emit_caret)

    def _emit_caret(self) -> None:
        self._caret_timer = None
        self.post_message(self.CaretMoved(self, self.caret_offset))

    def _cancel_caret_timer(self) -> None:
        if self._caret_timer is not None:
            self._caret_timer.stop()
            self._caret_timer = None
