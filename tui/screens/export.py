"""The export dialog and the atomic write behind it."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, RadioButton, RadioSet

from tui.analysis.model import Analysis
from tui.widgets.textual_compat import highlighted_radio

FORMATS = ("json", "markdown")


def write_export(analysis: Analysis, fmt: str, path: str, article_source: str) -> Path:
    """Write ``analysis`` as ``fmt`` to ``path`` atomically; never over the article itself.

    Written to a temporary file in the same folder, then ``os.replace``d, so an interrupted
    export never leaves half a file behind. Returns the absolute path written (a bare file
    name says nothing about which folder it went to).
    """
    from tui.analysis.export import render

    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    if not path.strip():
        raise ValueError("no file name given")
    target = Path(path).expanduser().absolute()
    if target.is_dir():
        raise ValueError(f"{target} is a folder")
    source = Path(article_source)
    if article_source != "-" and source.exists() and target.exists() and target.samefile(source):
        raise ValueError("that is the article itself; choose another file name")
    text = render(analysis, fmt)
    if not text.endswith("\n"):
        text += "\n"
    folder = target.parent if str(target.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


class ExportDialog(ModalScreen[tuple[str, str] | None]):
    """Ask for a file name and a format; dismisses with ``(path, format)`` or ``None``.

    | Key | Action |
    | :- | :- |
    | enter | export (on the format choice: in the highlighted format) |
    | escape | cancel |
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    DEFAULT_CSS = """
    ExportDialog { align: center middle; }
    ExportDialog > Vertical { width: 64; max-width: 95%; height: auto; border: round $accent;
                              background: $surface; padding: 0 1; }
    ExportDialog RadioSet { layout: horizontal; width: auto; }
    """

    def __init__(self, default_path: str, fmt: str = "json") -> None:
        super().__init__()
        self.default_path = default_path
        self.fmt = fmt if fmt in FORMATS else "json"

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Export the analysis"
            yield Label("File name (enter to write, esc to cancel):")
            yield Input(self.default_path, id="export-path")
            with RadioSet(id="export-format"):
                yield RadioButton("JSON", value=self.fmt == "json", id="fmt-json")
                yield RadioButton("Markdown", value=self.fmt == "markdown", id="fmt-markdown")

    def on_mount(self) -> None:
        self.query_one("#export-path", Input).focus()
        self.call_after_refresh(self._highlight_pressed)

    def _highlight_pressed(self) -> None:
        """RadioSet highlights its first button whatever is pressed: start on the pressed one,
        so enter there keeps the format shown."""
        radio = self.query_one("#export-format", RadioSet)
        for _ in range(len(radio.children)):
            if highlighted_radio(radio) is radio.pressed_button:
                break
            radio.action_next_button()

    @on(RadioSet.Changed)
    def _format_changed(self, event: RadioSet.Changed) -> None:
        self.fmt = (event.pressed.id or "fmt-json").removeprefix("fmt-")
        path_input = self.query_one("#export-path", Input)
        path_input.value = _with_suffix(path_input.value, self.fmt)

    @on(Input.Submitted, "#export-path")
    def _submitted(self, event: Input.Submitted) -> None:
        self.dismiss((event.value, self.fmt))

    def on_key(self, event: events.Key) -> None:
        """Enter on the format choice exports too (RadioSet's own enter only presses a button,
        leaving the user to go back to the file name)."""
        radio = self.query_one("#export-format", RadioSet)
        if event.key != "enter" or not radio.has_focus:
            return
        event.stop()
        event.prevent_default()
        button = highlighted_radio(radio) or radio.pressed_button
        fmt = (button.id or "fmt-json").removeprefix("fmt-") if button else self.fmt
        path = self.query_one("#export-path", Input).value
        self.dismiss((_with_suffix(path, fmt) if fmt != self.fmt else path, fmt))

    def action_cancel(self) -> None:
        self.dismiss(None)


def _with_suffix(path: str, fmt: str) -> str:
    """``path`` with the suffix of ``fmt`` when it has the other format's suffix."""
    wanted = ".md" if fmt == "markdown" else ".json"
    current = Path(path)
    if current.suffix in (".md", ".json") and current.suffix != wanted:
        return str(current.with_suffix(wanted))
    return path
