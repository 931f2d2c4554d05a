"""The page: the article and its mention strip, at a readable width."""

from __future__ import annotations

from textual import events
from textual.containers import Horizontal

from tui.widgets.article_view import ArticleView


class Page(Horizontal):
    """The article and its mention strip; on a wide terminal, centred at a readable width
    (:attr:`ArticleView.measure` columns of text) instead of stretched across it."""

    def on_resize(self, event: events.Resize) -> None:
        views = self.query(ArticleView)
        measure = views.first().measure if views else ArticleView.MEASURE
        text = measure + 2 + 1  # the view's padding and the strip
        margin = max(0, (event.size.width - text) // 2)
        if self.styles.padding.left != margin:
            self.styles.padding = (0, margin)
