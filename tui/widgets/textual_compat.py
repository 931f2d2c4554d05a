"""Every use of Textual's private API, in one place (Textual is pinned in pyproject.toml).

The reader needs a few things Textual does not expose: TextArea's highlight map and line cache
(to draw the analysis layers without tree-sitter), its document set-up (to plug in a faster
wrapper), the wrapped document's caches, RadioSet's cursor and Footer's readiness flag. Each is
wrapped here in a small function with the public imports used wherever they exist, and
``tests/test_widgets_textual_compat.py`` checks every internal named below, so a Textual upgrade
fails there first, with the name of what moved.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

from textual._wrap import compute_wrap_offsets  # private: no public equivalent
from textual.expand_tabs import get_tab_widths
from textual.widgets import Footer, TextArea
from textual.widgets.text_area import (
    Document,
    DocumentNavigator,
    TextAreaTheme,
    WrappedDocument,
)

if TYPE_CHECKING:  # the export dialog's widgets: not loaded at start-up
    from textual.widgets import RadioButton, RadioSet

__all__ = [
    "INTERNALS",
    "Document",
    "DocumentNavigator",
    "FastWrappedDocument",
    "HighlightedTextArea",
    "TextAreaTheme",
    "WrappedDocument",
    "bindings_ready",
    "highlighted_radio",
    "mark_bindings_ready",
]

TEXTUAL_VERSION = "8.2.8"
"""The version these internals were read from (pyproject.toml pins the same)."""

Highlights = Mapping[int, list[tuple[int, int | None, str]]]

INTERNALS: dict[str, str] = {
    "TextArea._highlights": "row -> [(start byte, end byte or None, style name)]",
    "TextArea._line_cache": "rendered strips, cleared when the highlights change",
    "TextArea._set_document": "builds document, wrapped document and navigator",
    "TextArea._highlight_query": "tree-sitter query, None for plain text",
    "TextArea._build_highlight_map": "rebuilds highlights from the query",
    "TextArea._rewrap_and_refresh_virtual_size": "re-wraps at the current width",
    "WrappedDocument._width / _tab_width / _wrap_offsets / _offset_to_line_info / "
    "_line_index_to_offsets / _tab_width_cache": "what WrappedDocument.wrap fills",
    "textual._wrap.compute_wrap_offsets": "Textual's own line breaking",
    "RadioSet -selected class": "the button under RadioSet's cursor",
    "Footer._bindings_ready": "set once the footer may compose its keys",
}
"""What this module relies on (the compat test checks each)."""


# -- TextArea ------------------------------------------------------------------------------
class HighlightedTextArea(TextArea):
    """A TextArea whose highlights are given as a map, with the private hooks under public names.

    Highlights are drawn by name through the theme's ``syntax_styles``, without tree-sitter;
    the document is wrapped by :meth:`make_wrapped` (plain text only); a re-wrap (resize, panel
    shown or hidden) calls :meth:`before_rewrap` and :meth:`after_rewrap` around Textual's own.
    """

    def make_wrapped(self, document: Document, tab_width: int) -> WrappedDocument:
        """The wrapped view of ``document`` (override for a faster one)."""
        return WrappedDocument(document, tab_width=tab_width)

    def before_rewrap(self) -> object:
        """Called before every re-wrap; what it returns is handed to :meth:`after_rewrap`."""
        return None

    def after_rewrap(self, state: object) -> None:
        """Called after every re-wrap."""

    def load_plain_text(self, text: str) -> None:
        """Show ``text`` as plain text (built and wrapped once)."""
        self._set_document(text, None)

    def install_highlights(self, highlights: Highlights) -> None:
        """Replace the highlight map and drop the cached lines, so the styles reach the next
        frame."""
        current = self._highlights
        current.clear()
        current.update(highlights)
        self._line_cache.clear()
        self.refresh()

    def _set_document(self, text: str, language: str | None) -> None:
        """Textual 8.2's ``TextArea._set_document`` for plain text, with :meth:`make_wrapped`."""
        if language:  # never the case in the reader
            super()._set_document(text, language)
            return
        self._highlight_query = None
        self.document = Document(text)
        self.wrapped_document = self.make_wrapped(self.document, self.indent_width)
        self.navigator = DocumentNavigator(self.wrapped_document)
        self._build_highlight_map()
        self.move_cursor((0, 0))
        self._rewrap_and_refresh_virtual_size()

    def _rewrap_and_refresh_virtual_size(self) -> None:
        state = self.before_rewrap()
        super()._rewrap_and_refresh_virtual_size()
        self.after_rewrap(state)


# -- wrapping ------------------------------------------------------------------------------
_SINGLE_CELL_LINE = re.compile(
    "[\x20-\x7e\u00a0-\u00ac\u00ae-\u02ff\u2010-\u2027\u2030-\u205e]*"
)
"""Lines made only of characters one cell wide (ASCII, Latin, typographic punctuation), no tabs."""
_CHUNK = re.compile(r"\S+\s*|\s+")  # textual._wrap's chunks: a word and the spaces after it


def single_cell_wrap_offsets(line: str, width: int) -> list[int]:
    """``compute_wrap_offsets`` for a line whose characters are all one cell wide and which has
    no tabs: the same breaks, without measuring every chunk's cells."""
    breaks: list[int] = []
    cell = 0
    for match in _CHUNK.finditer(line):
        start, end = match.span()
        size = end - start
        if width - cell >= size:
            cell += size
        elif size > width:  # folded into pieces of ``width`` cells
            piece = start
            while True:
                if piece:
                    breaks.append(piece)
                if end - piece <= width:
                    cell = end - piece
                    break
                piece += width
        elif cell and start:
            breaks.append(start)
            cell = size
    return breaks


def textual_wrap_offsets(line: str, width: int, tab_size: int) -> tuple[list[int], list[int]]:
    """Textual's own breaks and tab widths for one line."""
    sections = get_tab_widths(line, tab_size)
    offsets = (compute_wrap_offsets(line, width, tab_size=tab_size,
                                    precomputed_tab_sections=sections) if width else [])
    return offsets, [w for _, w in sections]


class FastWrappedDocument(WrappedDocument):
    """TextArea's wrapped view, re-wrapped about four times faster on ordinary prose.

    ``wrap`` is Textual 8.2's, except that lines of one-cell characters without tabs (nearly every
    line of an article) take :func:`single_cell_wrap_offsets`; other lines go through Textual's
    own code. ``tests/test_widgets_article_view.py`` checks both give the same wrapping.
    """

    def wrap(self, width: int, tab_width: int | None = None) -> None:
        self._width = width
        if tab_width:
            self._tab_width = tab_width
        tab_size = self._tab_width
        wrap_offsets: list[list[int]] = []
        offset_to_line_info: list[tuple[int, int]] = []
        line_index_to_offsets: list[list[int]] = []
        tab_widths: list[list[int]] = []
        simple = _SINGLE_CELL_LINE.fullmatch
        current = 0
        for index, line in enumerate(self.document.lines):
            if simple(line):
                offsets = single_cell_wrap_offsets(line, width) if width else []
                tab_widths.append([0] if line else [])
            else:
                offsets, widths = textual_wrap_offsets(line, width, tab_size)
                tab_widths.append(widths)
            wrap_offsets.append(offsets)
            rows = len(offsets) + 1
            offset_to_line_info.extend((index, y) for y in range(rows))
            line_index_to_offsets.append(list(range(current, current + rows)))
            current += rows
        self._wrap_offsets = wrap_offsets
        self._offset_to_line_info = offset_to_line_info
        self._line_index_to_offsets = line_index_to_offsets
        self._tab_width_cache = tab_widths


# -- RadioSet and Footer -------------------------------------------------------------------
def highlighted_radio(radio: RadioSet) -> RadioButton | None:
    """The button RadioSet's cursor is on (Textual marks it with the ``-selected`` class)."""
    from textual.widgets import RadioButton

    return next((b for b in radio.query(RadioButton) if b.has_class("-selected")), None)


def bindings_ready(footer: Footer) -> bool:
    """Whether the footer has been told its bindings are ready to show."""
    return bool(footer._bindings_ready)


def mark_bindings_ready(footer: Footer) -> None:
    """Ask for the recompose Footer would do itself, once."""
    footer._bindings_ready = True
