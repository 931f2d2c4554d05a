"""The analysis cache: finished analyses stored in a folder that newsreader owns.

Where: the folder :data:`SUBFOLDER` inside ``$NEWSREADER_CACHE_DIR`` (``~`` expanded), else inside
the platform's user cache folder. newsreader owns that subfolder only when it holds the marker
:data:`MARKER` (a standard ``CACHEDIR.TAG``, which backup tools skip) naming newsreader; it creates
both itself. Nothing is ever written to or deleted from a folder without the marker (a non-empty
one is left alone; an empty one is adopted), and only files named like entries
(``<64 hex digits>.json``), the running-size file and stale temporary files of its own
(``.tmp-XXXXXXXX.json``, older than :data:`STALE_SECONDS`) are ever deleted.

Entries are keyed by the text, the title, the pipeline's identity and the engine's version and
fingerprint; each is one JSON file written atomically (temporary file + ``os.replace``). An entry
whose JSON passes :data:`MAX_ENTRY_BYTES` is not kept (it would evict most of the others).

Reading trusts nothing: only a regular file (no symlink, no device, no FIFO) up to
:data:`MAX_ENTRY_BYTES` is read, JSON nesting is bounded by the parser's recursion limit, NaN and
Infinity are refused, and the document must pass :func:`tui.analysis.validate.validate`; anything
else is a miss and the caller rebuilds the entry.

The folder is capped at :data:`MAX_BYTES`, least recently used out. The total is kept as a running
estimate in :data:`STATE` (updated with each write), so a write costs no folder listing; the folder
is listed only when the estimate passes the cap (then pruned to :data:`LOW_WATER` of it) or every
:data:`RESYNC_EVERY` writes (other processes and deletions make the estimate drift).
Importing this module does not import spaCy.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import json
import os
import re
import stat
import tempfile
import time
from functools import lru_cache
from pathlib import Path
from typing import Any

from tui import __version__
from tui.analysis.choice import identity
from tui.analysis.model import SCHEMA, Analysis
from tui.analysis.validate import validate

MAX_BYTES = 200 * 1024 * 1024
"""Size cap of the cache folder; the least recently used entries go first."""
MAX_ENTRY_BYTES = MAX_BYTES // 4
"""Larger entries are neither written nor read."""
LOW_WATER = 0.9
"""Pruning goes down to this share of the cap, so the next writes do not prune again at once."""
RESYNC_EVERY = 256
"""Every this many writes the running size is recounted from the folder."""
STALE_SECONDS = 3600
"""A temporary file this old belongs to a write that was killed."""
ENV_DIR = "NEWSREADER_CACHE_DIR"
SUBFOLDER = "newsreader-analyses"
MARKER = "CACHEDIR.TAG"
STATE = "size"
_MARKER_TEXT = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This folder is newsreader's analysis cache; `newsreader cache clear` empties it.\n"
)
_ENTRY = re.compile(r"[0-9a-f]{64}\.json")
_TMP_PREFIX, _TMP_SUFFIX = ".tmp-", ".json"
_TMP = re.compile(r"\.tmp-[a-z0-9_]{8}\.json")


class CacheError(Exception):
    """The cache folder cannot be managed (it is not newsreader's); the message is one line."""


def cache_dir() -> Path:
    """The folder holding the entries: :data:`SUBFOLDER` of ``$NEWSREADER_CACHE_DIR`` or of the
    platform's user cache folder for newsreader."""
    override = os.environ.get(ENV_DIR, "").strip()
    if override:
        return Path(override).expanduser() / SUBFOLDER
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("newsreader", appauthor=False)) / SUBFOLDER


@lru_cache(maxsize=1)
def engine_fingerprint() -> str:
    """Sizes and modification times of the analysis code and data: any change to the engine
    (an upgrade, an edited gazetteer) makes new keys, without hashing megabytes at start-up."""
    root = Path(__file__).resolve().parent / "analysis"
    parts = []
    for path in sorted(root.rglob("*")):
        if path.suffix in {".py", ".json"}:
            st = path.stat()
            parts.append(f"{path.relative_to(root)}:{st.st_size}:{st.st_mtime_ns}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def key_for(text: str, title: str | None, model: str | None) -> str:
    """Cache key of one analysis (64 hex digits)."""
    h = hashlib.sha256()
    for part in (SCHEMA, __version__, engine_fingerprint(), identity(model), title or "", text):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()


def _path(key: str) -> Path:
    if not _ENTRY.fullmatch(f"{key}.json"):
        raise ValueError(f"not a cache key: {key!r}")
    return cache_dir() / f"{key}.json"


# --- reading --------------------------------------------------------------------------------------

def get(key: str) -> Analysis | None:
    """The cached analysis, or ``None`` when absent, unreadable, too big or not valid."""
    try:
        fd = os.open(_path(key), os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except (OSError, ValueError):
        return None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or st.st_size > MAX_ENTRY_BYTES:
            return None
        with os.fdopen(os.dup(fd), "rb") as fh:
            raw = fh.read(MAX_ENTRY_BYTES + 1)
        if len(raw) > MAX_ENTRY_BYTES:
            return None
        analysis = _decode(raw)
        if analysis is not None and _owned(cache_dir()):
            with contextlib.suppress(OSError):
                os.utime(fd)  # mark as recently used, for the size cap
        return analysis
    except OSError:
        return None
    finally:
        os.close(fd)


def _decode(raw: bytes) -> Analysis | None:
    collecting = gc.isenabled()
    gc.disable()  # tens of thousands of new objects, none of them garbage: no collections
    try:
        data = json.loads(raw.decode("utf-8"), parse_constant=_refuse_constant)
        return validate(Analysis.from_dict(data))
    except (ValueError, UnicodeDecodeError, RecursionError, MemoryError):
        return None
    finally:
        if collecting:
            gc.enable()


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


# --- writing --------------------------------------------------------------------------------------

class _TooLarge(Exception):
    pass


class _Capped:
    """A text file wrapper that refuses to grow past ``limit`` characters (no huge string first)."""

    def __init__(self, fh: Any, limit: int) -> None:
        self.fh, self.limit, self.size = fh, limit, 0

    def write(self, chunk: str) -> None:
        self.size += len(chunk)  # characters: a lower bound of the UTF-8 size
        if self.size > self.limit:
            raise _TooLarge
        self.fh.write(chunk)


def put(key: str, analysis: Analysis) -> None:
    """Store ``analysis`` atomically; failures (read-only or full disk, a folder that is not
    newsreader's, an entry over :data:`MAX_ENTRY_BYTES`) are ignored: it is only a cache."""
    folder = cache_dir()
    target = _path(key)
    try:
        if not claim_folder(folder):
            return
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=_TMP_PREFIX, suffix=_TMP_SUFFIX)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(analysis.to_dict(), _Capped(fh, MAX_ENTRY_BYTES), ensure_ascii=False,
                          allow_nan=False)
                fh.flush()
                size = os.fstat(fh.fileno()).st_size
            if size > MAX_ENTRY_BYTES:
                raise _TooLarge
            try:
                old = target.lstat().st_size
            except FileNotFoundError:
                old = 0
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        _account(folder, size - old, keep=target.name)
    except (OSError, ValueError, _TooLarge):
        return


def claim_folder(folder: Path) -> bool:
    """Make sure newsreader owns ``folder``: create it with its marker, or adopt it if empty."""
    if _owned(folder):
        return True
    folder.mkdir(parents=True, exist_ok=True)
    if any(folder.iterdir()):
        return False  # someone else's folder: never write (nor delete) there
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=_TMP_PREFIX, suffix=_TMP_SUFFIX)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(_MARKER_TEXT)
    os.replace(tmp, folder / MARKER)
    return True


def foreign(folder: Path | None = None) -> bool:
    """Whether the cache folder is someone else's (it holds other files, or is not a folder):
    then nothing is cached, read from or deleted there."""
    folder = folder or cache_dir()
    if _owned(folder):
        return False
    if not folder.exists() and not folder.is_symlink():
        return False  # made (and marked) at the first write
    try:
        return folder.is_symlink() or not folder.is_dir() or any(folder.iterdir())
    except OSError:
        return True


def _owned(folder: Path) -> bool:
    """Whether ``folder`` is newsreader's cache folder (a real folder with its marker)."""
    try:
        if not stat.S_ISDIR(folder.lstat().st_mode):
            return False
        marker = folder / MARKER
        if not stat.S_ISREG(marker.lstat().st_mode):
            return False
        with marker.open("rb") as fh:
            return fh.read(len(_MARKER_TEXT) + 1).decode("utf-8", "replace") == _MARKER_TEXT
    except OSError:
        return False


def _account(folder: Path, delta: int, keep: str) -> None:
    """Add ``delta`` bytes to the running size; prune when it passes the cap or is due a recount."""
    state = _read_state(folder)
    if state is None:  # recounted, the new entry included
        total, writes = _scan(folder)[1], 1
    else:
        total, writes = max(0, state[0] + delta), state[1] + 1
    if total > MAX_BYTES or writes % RESYNC_EVERY == 0:
        _prune_owned(folder, MAX_BYTES, keep=keep)
    else:
        _write_state(folder, total, writes)


def _read_state(folder: Path) -> tuple[int, int] | None:
    """The running size and the writes since the last recount; ``None`` if unreadable."""
    try:
        fd = os.open(folder / STATE, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
        try:
            fields = os.read(fd, 64).split()
        finally:
            os.close(fd)
        total, writes = int(fields[0]), int(fields[1])
        if total >= 0 and writes >= 0:
            return total, writes
    except (OSError, ValueError, IndexError):
        pass
    return None


def _write_state(folder: Path, total: int, writes: int) -> None:
    """Overwrite the fixed-width state record in place: a rename per write would cost as much as
    the entry's own. Concurrent writers may lose an update; the recounts correct the drift."""
    fd = os.open(folder / STATE, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644)
    try:
        record = f"{total:20d} {writes:20d}\n".encode()
        os.pwrite(fd, record, 0)
        os.ftruncate(fd, len(record))
    finally:
        os.close(fd)


# --- the folder -----------------------------------------------------------------------------------

def _scan(folder: Path) -> tuple[list[tuple[float, int, Path]], int]:
    """Entries as ``(mtime, size, path)`` and their total size; stale temporary files removed."""
    entries: list[tuple[float, int, Path]] = []
    now = time.time()
    try:
        listing = list(os.scandir(folder))
    except OSError:
        return [], 0
    for item in listing:
        try:
            if not item.is_file(follow_symlinks=False):
                continue
            st = item.stat(follow_symlinks=False)
        except OSError:
            continue
        if _ENTRY.fullmatch(item.name):
            entries.append((st.st_mtime, st.st_size, Path(item.path)))
        elif _TMP.fullmatch(item.name) and now - st.st_mtime > STALE_SECONDS:
            Path(item.path).unlink(missing_ok=True)  # left by a write that was killed
    return entries, sum(size for _, size, _ in entries)


def prune(max_bytes: int = MAX_BYTES, *, keep: str | None = None) -> int:
    """Delete the least recently used entries until the folder fits :data:`LOW_WATER` of
    ``max_bytes`` (only when it is over ``max_bytes``); ``keep`` (a key) is never deleted.
    Returns how many were removed; a folder that is not newsreader's is left alone."""
    folder = cache_dir()
    if not _owned(folder):
        return 0
    return _prune_owned(folder, max_bytes, keep=f"{keep}.json" if keep else None)


def _prune_owned(folder: Path, max_bytes: int, keep: str | None) -> int:
    entries, total = _scan(folder)
    removed = 0
    if total > max_bytes:
        goal = int(max_bytes * LOW_WATER)
        for _, size, p in sorted(entries):
            if total <= goal:
                break
            if p.name == keep:
                continue
            with contextlib.suppress(FileNotFoundError):
                p.unlink()
                removed += 1
            total -= size
    with contextlib.suppress(OSError):
        _write_state(folder, total, 0)
    return removed


def clear() -> int:
    """Delete every entry; returns how many were removed.

    Raises :class:`CacheError` when the folder exists but is not newsreader's (no marker).
    """
    folder = cache_dir()
    if not folder.exists():
        return 0
    if not _owned(folder):
        raise CacheError(f"{folder} is not newsreader's cache folder (no {MARKER} of newsreader's "
                         "in it): nothing deleted")
    entries, _ = _scan(folder)
    removed = 0
    for _, _, p in entries:
        with contextlib.suppress(FileNotFoundError):
            p.unlink()
            removed += 1
    (folder / STATE).unlink(missing_ok=True)
    return removed


def stats() -> tuple[int, int]:
    """Number of entries and their total size in bytes."""
    entries, total = _scan(cache_dir()) if _owned(cache_dir()) else ([], 0)
    return len(entries), total
