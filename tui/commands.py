"""Command palette (ctrl+p): jump to an actor, toggle an entity type, export the analysis.

Theme switching comes from Textual's own system commands. Article text never goes through
markup here: hits are displayed as plain ``Content``.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from tui.screens.reader import ReaderScreen


class ReaderCommands(Provider):
    """Commands that act on the article open in the reader."""

    def _commands(self) -> list[tuple[str, Callable[[], object], str]]:
        screen = self.screen
        if not isinstance(screen, ReaderScreen):
            return []
        commands: list[tuple[str, Callable[[], object], str]] = [
            ("Export analysis as JSON…", partial(screen.action_export, "json"),
             "write the analysis document to a file"),
            ("Export analysis as Markdown…", partial(screen.action_export, "markdown"),
             "write a readable report to a file"),
        ]
        if screen.article.feed:
            commands.append(("Open the feed this page advertises",
                             partial(self.app.run_action, "open_feed"),
                             "its articles as a library (F)"))
        analysis = screen.analysis
        if analysis is None:
            return commands
        for label in screen.legend.labels:
            state = "show" if label in screen.hidden_types else "hide"
            commands.append((f"Toggle entity type {label}", partial(screen.toggle_label, label),
                             f"{state} {label} highlights"))
        for actor in sorted(analysis.actors, key=lambda a: -a.salience):
            item = screen.items["actor"].get(actor.id)
            if item is not None:
                commands.append((f"Jump to {' '.join(actor.name.split())}",
                                 partial(self._jump, screen, actor.id),
                                 f"{actor.kind}, {len(actor.mentions)} "
                                 f"mention{'s' * (len(actor.mentions) != 1)}"))
        return commands

    @staticmethod
    def _jump(screen: ReaderScreen, actor_id: str) -> None:
        screen.panel.select("actor", actor_id)
        screen.go(screen.items["actor"][actor_id], 0)

    async def discover(self) -> Hits:
        for name, callback, help_text in self._commands()[:12]:
            yield DiscoveryHit(Content(name), callback, text=name, help=_escape(help_text))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, callback, help_text in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, Content(name), callback, text=name, help=_escape(help_text))


def _escape(text: str) -> str:
    """Help text is rendered as markup by the palette: escape it."""
    from textual.markup import escape

    return escape(text)
