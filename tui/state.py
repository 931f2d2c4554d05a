"""What the reader remembers between runs, and the user's defaults.

Two files, each in a folder newsreader owns (``platformdirs``):

- ``state.json`` in the user state folder (``NEWSREADER_STATE_DIR`` moves it): the reading
  position per article, the recent articles, the theme and the panel's last choices. Written
  atomically (a temporary file in the same folder, then ``os.replace``). Only a file newsreader
  wrote (its format tag inside) is ever replaced: anything else at that name (the user's own file,
  a link, a folder) is left alone, unread and unchanged, and the reader remembers nothing until it
  is moved away. Kept small: at most
  :data:`MAX_POSITIONS` positions and :data:`MAX_RECENT` recent articles, least recent out.
- ``config.toml`` in the user config folder (``NEWSREADER_CONFIG_DIR`` moves it): defaults the user
  writes by hand (see :class:`Config`). newsreader only ever reads it.

An article is known by a digest of its text, so the same article keeps its place whether it
was opened from a file, a URL or standard input. Importing this module does not import Textual.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
import time
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from platformdirs import user_config_dir, user_state_dir

from tui.sources.sanitize import one_line

APP = "newsreader"
STATE_ENV = "NEWSREADER_STATE_DIR"
CONFIG_ENV = "NEWSREADER_CONFIG_DIR"
STATE_FILE = "state.json"
CONFIG_FILE = "config.toml"
STATE_FORMAT = "newsreader.state/1"
MAX_POSITIONS = 500
MAX_RECENT = 30
MAX_STATE_BYTES = 1 << 20
"""A state file larger than this is not ours to trust: it is ignored (and replaced on save)."""
GROUPS = ("people", "organisations", "places", "groups", "dates", "amounts", "events", "works",
          "other")
"""The highlight groups a config may switch off (the reader's number keys 1-9, in this order)."""


def _folder(env: str, default: str) -> Path:
    override = os.environ.get(env)
    return Path(os.path.expanduser(override)) if override else Path(default)


def state_dir() -> Path:
    """Where ``state.json`` lives."""
    return _folder(STATE_ENV, user_state_dir(APP, appauthor=False))


def config_dir() -> Path:
    """Where ``config.toml`` is read from."""
    return _folder(CONFIG_ENV, user_config_dir(APP, appauthor=False))


def article_key(text: str) -> str:
    """The identity of an article for its remembered position."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:24]


@dataclass(slots=True)
class Recent:
    """An article opened lately: what to open it again with, and how to show it."""

    target: str
    title: str
    opened: float


@dataclass(slots=True)
class State:
    """Everything remembered between runs (see the module docstring)."""

    positions: dict[str, int] = field(default_factory=dict)
    """Article key -> caret offset, most recently read last."""
    recent: list[Recent] = field(default_factory=list)
    """Most recent first."""
    theme: str | None = None
    panel: dict[str, Any] = field(default_factory=dict)
    """The panel's last choices: ``shown`` (bool), ``section`` ("actor", "claim", "number")."""

    def position(self, text: str) -> int | None:
        """Where the reader left ``text`` (a caret offset), if it was read before."""
        return self.positions.get(article_key(text))

    def remember_position(self, text: str, offset: int) -> None:
        key = article_key(text)
        self.positions.pop(key, None)
        self.positions[key] = max(0, int(offset))
        while len(self.positions) > MAX_POSITIONS:
            del self.positions[next(iter(self.positions))]

    def remember_opened(self, target: str, title: str | None) -> None:
        """Put ``target`` first in the recent list (standard input is not re-openable)."""
        if target in ("", "-"):
            return
        label = one_line(title) or target
        self.recent = [r for r in self.recent if r.target != target]
        self.recent.insert(0, Recent(target, label, time.time()))
        del self.recent[MAX_RECENT:]

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": STATE_FORMAT,
            "positions": self.positions,
            "recent": [{"target": r.target, "title": r.title, "opened": r.opened}
                       for r in self.recent],
            "theme": self.theme,
            "panel": self.panel,
        }

    @classmethod
    def from_dict(cls, data: Any) -> State:
        """Rebuild a state, keeping only well-formed parts (a bad entry is dropped, not fatal)."""
        if not isinstance(data, dict) or data.get("format") != STATE_FORMAT:
            return cls()
        positions = data.get("positions")
        recent = data.get("recent")
        panel = data.get("panel")
        theme = data.get("theme")
        return cls(
            positions={k: v for k, v in positions.items()
                       if isinstance(k, str) and type(v) is int and v >= 0}
            if isinstance(positions, dict) else {},
            recent=[Recent(r["target"], r["title"], float(r["opened"])) for r in recent
                    if isinstance(r, dict) and isinstance(r.get("target"), str)
                    and isinstance(r.get("title"), str)
                    and isinstance(r.get("opened"), int | float)][:MAX_RECENT]
            if isinstance(recent, list) else [],
            theme=theme if isinstance(theme, str) else None,
            panel={k: v for k, v in panel.items() if k in ("shown", "section")
                   and isinstance(v, bool | str)} if isinstance(panel, dict) else {},
        )


def _read_ours(path: Path) -> dict[str, Any] | None:
    """The state file's content when it is a regular file newsreader wrote, else ``None``."""
    try:
        if path.is_symlink() or not path.is_file() or path.stat().st_size > MAX_STATE_BYTES:
            return None
        with path.open("r", encoding="utf-8") as fh:
            data = json.load(fh)
    except (OSError, ValueError, RecursionError):
        return None
    return data if isinstance(data, dict) and data.get("format") == STATE_FORMAT else None


def load_state() -> State:
    """The remembered state, or a fresh one when there is none or it is not newsreader's."""
    data = _read_ours(state_dir() / STATE_FILE)
    return State.from_dict(data) if data is not None else State()


def save_state(state: State) -> bool:
    """Write ``state`` atomically; ``False`` (nothing changed) when the folder is not writable."""
    folder = state_dir()
    target = folder / STATE_FILE
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if (target.exists() or target.is_symlink()) and _read_ours(target) is None:
            return False  # not a file we wrote: leave it alone
        fd, tmp = tempfile.mkstemp(prefix=".state-", suffix=".tmp", dir=folder)
    except OSError:
        return False
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(state.to_dict(), fh, ensure_ascii=False, allow_nan=False)
        os.replace(tmp, target)
        return True
    except (OSError, ValueError):
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        return False


@dataclass(frozen=True, slots=True)
class Config:
    """The user's defaults, from ``config.toml``::

        theme = "textual-light"      # any theme the command palette lists
        panel_width = 48             # columns of the side panel
        panel = true                 # show the panel at start (narrow terminals still hide it)
        line_width = 100             # longest line of the article on wide terminals (0: no limit)
        plain = false                # start in the plain reading mode (no highlights)
        hidden = ["dates", "other"]  # highlight groups off at start (see GROUPS)

    A setting written here always wins; ``theme`` and ``panel`` left out mean "as last time"
    (``None`` here, the remembered choice in :class:`State`).
    """

    theme: str | None = None
    panel_width: int | None = None
    panel: bool | None = None
    line_width: int = 100
    plain: bool = False
    hidden: tuple[str, ...] = ()


class ConfigError(ValueError):
    """The config file is there but cannot be used; the message names the file and the fault."""


_CONFIG_TYPES: dict[str, type | tuple[type, ...]] = {
    "theme": str, "panel_width": int, "panel": bool, "line_width": int, "plain": bool,
    "hidden": list,
}


def load_config() -> Config:
    """The user's defaults; :class:`Config` () when there is no file.

    Raises :class:`ConfigError` for a file that is not TOML or holds a wrong value, so the caller
    can say so in one line and go on with the defaults.
    """
    path = config_dir() / CONFIG_FILE
    try:
        if not path.is_file():
            return Config()
        if path.stat().st_size > MAX_STATE_BYTES:
            raise ConfigError(f"{path}: larger than {MAX_STATE_BYTES} bytes")
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot be read ({exc.__class__.__name__})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({one_line(str(exc))})") from exc
    for key, value in data.items():
        expected = _CONFIG_TYPES.get(key)
        if expected is None:
            raise ConfigError(f"{path}: unknown setting {one_line(key)!r}")
        if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
            raise ConfigError(f"{path}: {key} has the wrong type")
    hidden = data.get("hidden", [])
    unknown = [g for g in hidden if g not in GROUPS]
    if unknown:
        raise ConfigError(f"{path}: hidden: unknown group {one_line(str(unknown[0]))!r} "
                          f"(known: {', '.join(GROUPS)})")
    width = data.get("panel_width")
    if width is not None and not 20 <= width <= 200:
        raise ConfigError(f"{path}: panel_width must be between 20 and 200")
    line = data.get("line_width", 100)
    if line != 0 and not 40 <= line <= 1000:
        raise ConfigError(f"{path}: line_width must be 0 or between 40 and 1000")
    return Config(theme=data.get("theme"), panel_width=width, panel=data.get("panel"),
                  line_width=line, plain=data.get("plain", False), hidden=tuple(hidden))
