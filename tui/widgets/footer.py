"""The key bar at the bottom: Textual's Footer, recomposed only when the keys it shows change."""

from __future__ import annotations

from collections.abc import Iterator

from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer

from tui.widgets.textual_compat import bindings_ready, mark_bindings_ready

Shown = tuple[tuple[str, str, str, bool, str, str], ...]


class QuietFooter(Footer):
    """A Footer that skips recomposing when nothing it shows has changed.

    Textual's Footer recomposes (unmounts and mounts every key) at each bindings update, and
    every focus change publishes one: the reader's start-up does it three times within a fifth
    of a second, on the main thread, while the analysis worker is loading. Here an update that
    leaves the shown keys, their labels and their enabled state as they are is ignored, and
    updates that arrive while a recompose is already scheduled are folded into it.
    """

    def __init__(self) -> None:
        super().__init__()
        self._shown: Shown | None = None
        self._pending = False

    def _keys(self) -> Shown:
        """What ``Footer.compose`` would draw, as comparable data."""
        app = self.app
        shown = [
            (binding.key, binding.action, binding.description, enabled, tooltip or "",
             app.get_key_display(binding))
            for _, binding, enabled, tooltip in self.screen.active_bindings.values()
            if binding.show or binding.key == app.COMMAND_PALETTE_BINDING
        ]
        return tuple(shown)

    def bindings_changed(self, screen: Screen[object]) -> None:
        if self._pending:  # a recompose is on its way: it will read the bindings then
            mark_bindings_ready(self)
            return
        if (self._shown is not None and self.is_attached and screen is self.screen
                and self._keys() == self._shown):
            return
        super().bindings_changed(screen)
        if bindings_ready(self) and screen.app.app_focus and self.is_attached \
                and screen is self.screen:
            self._pending = True  # Footer.bindings_changed scheduled a recompose

    def compose(self) -> Iterator[Widget]:
        self._pending = False
        self._shown = self._keys() if bindings_ready(self) else None
        yield from super().compose()
