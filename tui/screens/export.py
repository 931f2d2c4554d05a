"""The export dialog and the safe write behind it.

An export never destroys anything by surprise: an existing file is replaced only after the dialog
asked (enter a second time), and never when it is the article itself; a symlink, FIFO, device or
socket at the target is refused (replacing it would cut the link or block on the FIFO); the file
is written to a temporary file in the same folder and renamed over the target, so an interrupted
export leaves no half file. The new file has the permissions the umask gives (a replaced file
keeps its own), and every error names the target, never the temporary file.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path
from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, RadioButton, RadioSet

from tui.analysis.model import Analysis
from tui.sources.sanitize import visible
from tui.widgets.textual_compat import highlighted_radio

FORMATS = ("json", "markdown")


class ExportError(ValueError):
    """The export was refused or failed; the message is one line naming the target."""


class TargetExists(ExportError):
    """The target is an existing regular file and replacing it was not confirmed."""


def resolve_target(path: str) -> Path:
    """The absolute path an export to ``path`` writes (``~`` expanded)."""
    if not path.strip():
        raise ExportError("no file name given")
    return Path(path).expanduser().absolute()


def check_target(target: Path, article_source: str) -> bool:
    """Whether ``target`` exists (then it is a regular file that is not the article); raises
    :class:`ExportError` for anything that must never be written over."""
    shown = visible(str(target))
    try:
        st = target.lstat()
    except FileNotFoundError:
        return False
    except OSError as exc:
        raise ExportError(f"cannot write {shown}: {exc.strerror or exc}") from exc
    if stat.S_ISDIR(st.st_mode):
        raise ExportError(f"{shown} is a folder")
    if not stat.S_ISREG(st.st_mode):
        kind = ("a symlink" if stat.S_ISLNK(st.st_mode) else "a FIFO" if stat.S_ISFIFO(st.st_mode)
                else "a device" if stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode)
                else "not a regular file")
        raise ExportError(f"{shown} is {kind}; choose another file name")
    source = Path(article_source)
    try:
        if article_source != "-" and source.exists() and target.samefile(source):
            raise ExportError("that is the article itself; choose another file name")
    except OSError:
        pass
    return True


def write_export(analysis: Analysis, fmt: str, path: str, article_source: str, *,
                 overwrite: bool = False) -> Path:
    """Write ``analysis`` as ``fmt`` to ``path`` atomically; returns the absolute path written.

    Raises :class:`TargetExists` when the target exists and ``overwrite`` is false, and
    :class:`ExportError` for a target that is never written (see the module docstring).
    """
    from tui.analysis.export import render

    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}")
    target = resolve_target(path)
    exists = check_target(target, article_source)
    shown = visible(str(target))
    if exists and not overwrite:
        raise TargetExists(f"{shown} exists; not replaced")
    text = render(analysis, fmt)
    if not text.endswith("\n"):
        text += "\n"
    mode = (target.stat().st_mode & 0o7777) if exists else 0o666 & ~_umask()
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise ExportError(f"cannot write {shown}: {exc.strerror or exc}") from exc
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            os.fchmod(fh.fileno(), mode)
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise ExportError(f"cannot write {shown}: {exc.strerror or exc}") from exc
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def _umask() -> int:
    """The process's umask, read without changing it where the system allows (Linux)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


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
    ExportDialog Label { width: 1fr; }
    ExportDialog #export-where { color: $text-muted; }
    ExportDialog #export-warning { color: $warning; text-style: bold; }
    """

    def __init__(self, default_path: str, fmt: str = "json", article_source: str = "-") -> None:
        super().__init__()
        self.default_path = default_path
        self.fmt = fmt if fmt in FORMATS else "json"
        self.article_source = article_source
        self._confirmed: Path | None = None

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Export the analysis"
            yield Label("File name (enter to write, esc to cancel):")
            yield Input(self.default_path, id="export-path")
            yield Label(self._where(self.default_path), id="export-where")
            with RadioSet(id="export-format"):
                yield RadioButton("JSON", value=self.fmt == "json", id="fmt-json")
                yield RadioButton("Markdown", value=self.fmt == "markdown", id="fmt-markdown")
            yield Label("", id="export-warning")

    @staticmethod
    def _where(path: str) -> Content:
        """The folder a (relative) name is written to, shown under the name as it is typed."""
        try:
            return Content(f"→ {visible(str(resolve_target(path)))}")
        except ExportError as exc:
            return Content(visible(str(exc)))

    @on(Input.Changed, "#export-path")
    def _path_changed(self, event: Input.Changed) -> None:
        self.query_one("#export-where", Label).update(self._where(event.value))
        self._confirmed = None
        self.query_one("#export-warning", Label).update("")

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
        self._finish(event.value, self.fmt)

    def _finish(self, path: str, fmt: str) -> None:
        """Dismiss with ``(path, fmt)``; an existing file is replaced only on a second enter.
        Targets that are refused anyway are passed on, for the writer to say why."""
        try:
            target = resolve_target(path)
            exists = check_target(target, self.article_source)
        except ExportError:
            exists = False
        if exists and self._confirmed != target:
            self._confirmed = target
            self.query_one("#export-warning", Label).update(Content(
                f"{visible(str(target))} exists: enter again to replace it, esc to cancel"))
            return
        self.dismiss((path, fmt))

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
        self._finish(_with_suffix(path, fmt) if fmt != self.fmt else path, fmt)

    def action_cancel(self) -> None:
        self.dismiss(None)


def _with_suffix(path: str, fmt: str) -> str:
    """``path`` with the suffix of ``fmt`` when it has the other format's suffix."""
    wanted = ".md" if fmt == "markdown" else ".json"
    current = Path(path)
    if current.suffix in (".md", ".json") and current.suffix != wanted:
        return str(current.with_suffix(wanted))
    return path
