"""The legend bar: one swatch, label and count per entity type, showing which types are on."""

from __future__ import annotations

from collections.abc import Mapping

from rich.style import Style
from textual.content import Content
from textual.style import Style as TStyle
from textual.widgets import Static

from tui.widgets import palette


class Legend(Static):
    """Entity types with their colour and count; number keys 1-9 (or a click) toggle them.

    A click runs the screen's ``toggle_type(n)`` action with the type's 1-based position.

    Types are listed by count, so the keys 1-9 reach the most frequent ones; hidden types are
    struck through. The legend only draws: the reader screen owns which types are on.
    """

    DEFAULT_CSS = """
    Legend { width: 1fr; height: auto; max-height: 2; padding: 0 1; background: $boost; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self.counts: dict[str, int] = {}
        self.hidden: set[str] = set()
        self._items: list[Content] = []

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, lambda _: self._redraw())

    @property
    def labels(self) -> list[str]:
        """Types in key order (most frequent first)."""
        return [label for label, _ in sorted(self.counts.items(), key=lambda kv: (-kv[1], kv[0]))]

    def set_counts(self, counts: Mapping[str, int], hidden: set[str]) -> None:
        self.counts = dict(counts)
        self.hidden = set(hidden)
        self._redraw()

    def set_message(self, text: str) -> None:
        """Show a plain message instead of the types (e.g. while analysing)."""
        self.counts = {}
        self._items = []
        self.update(Content.styled(text, "italic"))

    def _redraw(self) -> None:
        self._items = self._build_items()
        self.refresh(layout=True)
        if not self.counts:
            self.update(Content.styled("no entities", "dim italic"))

    def _build_items(self) -> list[Content]:
        variables = self.app.theme_variables
        items: list[Content] = []
        for n, label in enumerate(self.labels, start=1):
            style = palette.label_style(label, variables)
            swatch = TStyle.from_rich_style(Style(color=style.bgcolor or style.color))
            off = label in self.hidden
            body = Content.assemble(
                (f"{n} " if n <= 9 else "", "dim"), ("□" if off else "■", swatch), " ",
                (label, "strike dim" if off else "bold"), (f" {self.counts[label]}", "dim"),
            )
            items.append(body.stylize(f"@click=screen.toggle_type({n})", 0, len(body)))
        return items

    def render(self) -> Content:
        """Lay the items out by hand so none is ever split across the bar's two lines."""
        items = self._items
        if not self.counts or not items:
            return super().render()  # type: ignore[return-value]
        width = max(10, self.content_size.width or self.app.size.width)
        lines: list[Content] = [Content("")]
        for item in items:
            current = lines[-1]
            if current.cell_length and current.cell_length + 2 + item.cell_length > width:
                lines.append(item)
            else:
                lines[-1] = Content.assemble(current, "  ", item) if current.cell_length else item
        return Content("\n").join(lines)
