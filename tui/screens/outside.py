"""What the reader hands to the world outside the terminal: a web address, a screenshot file.

Both must say what happened: a browser that does not open, or a folder that does not exist,
is reported with the address or the path instead of failing silently.
"""

from __future__ import annotations

import os
import tempfile
import webbrowser
from collections.abc import Callable
from pathlib import Path

from platformdirs import user_downloads_path, user_pictures_path


def open_in_browser(url: str) -> bool:
    """Open ``url`` in a graphical browser; False when there is none to open it.

    A text-mode browser (lynx, w3m, links) would take over the terminal the reader is drawing
    on, so only browsers that run beside it count.
    """
    try:
        browser = webbrowser.get()
    except webbrowser.Error:
        return False
    if not _runs_beside(browser):
        return False
    try:
        return bool(browser.open(url, new=2))
    except OSError:
        return False


def _runs_beside(browser: webbrowser.BaseBrowser) -> bool:
    """Whether ``browser`` opens a window of its own (rather than running in this terminal)."""
    if isinstance(browser, webbrowser.BackgroundBrowser):
        return True
    if isinstance(browser, webbrowser.UnixBrowser):
        return bool(browser.background)
    # macOS and Windows defaults open a window; a plain GenericBrowser runs in the terminal
    return not isinstance(browser, webbrowser.GenericBrowser)


def screenshot_folder() -> Path:
    """Where screenshots go: the downloads folder, else the pictures folder, else home, else
    the temporary folder; the first that exists (none is created)."""
    for candidate in (_safe(user_downloads_path), _safe(user_pictures_path), _safe(Path.home)):
        if candidate is not None and candidate.is_dir() and os.access(candidate, os.W_OK):
            return candidate
    return Path(tempfile.gettempdir())


def _safe(where: Callable[[], Path]) -> Path | None:
    try:
        return where()
    except (OSError, RuntimeError, KeyError):  # no home folder at all
        return None


def save_text(folder: Path, name: str, text: str) -> Path:
    """Write ``text`` to ``folder/name`` atomically (temporary file, then rename); a file of
    that name already there is kept and a number added to the new one."""
    target = folder / name
    stem, suffix = target.stem, target.suffix
    n = 2
    while target.exists():
        target = folder / f"{stem}-{n}{suffix}"
        n += 1
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target
