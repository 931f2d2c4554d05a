"""The Textual application (placeholder until the reader lands)."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static

from tui.sources import Article


class NewsreaderApp(App[int]):
    """newsreader's reader."""

    def __init__(self, articles: list[Article], targets: list[str], model: str | None = None,
                 use_cache: bool = True) -> None:
        super().__init__()
        self.articles = articles
        self.targets = targets
        self.model = model
        self.use_cache = use_cache

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(self.articles[0].text if self.articles else "", markup=False)
        yield Footer()
