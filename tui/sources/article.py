"""The article as loaded: sanitised text ready for display and analysis."""

from __future__ import annotations

from dataclasses import dataclass


class SourceError(Exception):
    """An input that cannot be read; its message is the one line shown to the user."""


@dataclass(frozen=True, slots=True)
class Article:
    """One article: ``text`` is exactly what is displayed and analysed (title included)."""

    text: str
    source: str
    title: str | None = None
    author: str | None = None
    date: str | None = None
    url: str | None = None
    feed: str | None = None
    """The address of a news feed the page advertises (``<link rel="alternate">``), if any."""

    @property
    def words(self) -> int:
        """Rough word count, for the library screen and benchmarks."""
        return len(self.text.split())
