"""The analysis cache: finished analyses stored in the user's cache directory.

Entries are keyed by the text, the title, the pipeline's identity and the engine's version and
fingerprint; each is one JSON file written atomically (temporary file + ``os.replace``). A damaged
or old-format entry is ignored (and rebuilt by the caller). The folder is capped at
:data:`MAX_BYTES`, oldest out.
Importing this module does not import spaCy.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import json
import os
import tempfile
from functools import lru_cache
from pathlib import Path

from tui import __version__
from tui.analysis.choice import identity
from tui.analysis.model import SCHEMA, Analysis

MAX_BYTES = 200 * 1024 * 1024
"""Size cap of the cache folder; the least recently used entries go first."""
ENV_DIR = "NEWSREADER_CACHE_DIR"


def cache_dir() -> Path:
    """``$NEWSREADER_CACHE_DIR``, else the platform's user cache folder for newsreader."""
    override = os.environ.get(ENV_DIR)
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("newsreader", appauthor=False)) / "analyses"


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
    """Cache key of one analysis."""
    h = hashlib.sha256()
    for part in (SCHEMA, __version__, engine_fingerprint(), identity(model), title or "", text):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()


def _path(key: str) -> Path:
    return cache_dir() / f"{key}.json"


def get(key: str) -> Analysis | None:
    """The cached analysis, or ``None`` when absent, damaged or of another format."""
    path = _path(key)
    collecting = gc.isenabled()
    gc.disable()  # tens of thousands of new objects, none of them garbage: no collections
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        analysis = Analysis.from_dict(data)
    except (OSError, ValueError, UnicodeDecodeError):
        return None
    finally:
        if collecting:
            gc.enable()
    with contextlib.suppress(OSError):
        os.utime(path)  # mark as recently used, for the size cap
    return analysis


def put(key: str, analysis: Analysis) -> None:
    """Store ``analysis`` atomically; failures (read-only disk, full disk) are ignored."""
    folder = cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".json")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(analysis.to_dict(), fh, ensure_ascii=False)
                fh.flush()
                written = os.fstat(fh.fileno()).st_size
            os.replace(tmp, _path(key))
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        _after_put(folder, written)
    except OSError:
        return


_PRUNE_EVERY = 256
"""Puts between two full scans of the folder (other processes write to it too)."""
_estimates: dict[Path, list[int]] = {}
"""Per folder, this process's running estimate of its size and the puts since the last scan:
scanning every entry at every put made a batch of n new analyses cost n² file system calls."""


def _after_put(folder: Path, written: int) -> None:
    estimate = _estimates.get(folder)
    if estimate is None:
        estimate = _estimates[folder] = [sum(size for _, size, _ in _scan()), 0]
    estimate[0] += written
    estimate[1] += 1
    if estimate[0] > MAX_BYTES or estimate[1] >= _PRUNE_EVERY:
        prune(MAX_BYTES)


def _entries() -> list[Path]:
    try:
        return [p for p in cache_dir().glob("*.json") if not p.name.startswith(".")]
    except OSError:
        return []


def _scan() -> list[tuple[float, int, Path]]:
    entries = []
    for p in _entries():
        try:
            st = p.stat()
        except OSError:
            continue
        entries.append((st.st_mtime, st.st_size, p))
    return entries


def prune(max_bytes: int = MAX_BYTES) -> int:
    """Delete the least recently used entries until the folder fits ``max_bytes``."""
    entries = _scan()
    total = sum(size for _, size, _ in entries)
    removed = 0
    for _, size, p in sorted(entries):
        if total <= max_bytes:
            break
        p.unlink(missing_ok=True)
        total -= size
        removed += 1
    _estimates[cache_dir()] = [total, 0]
    return removed


def clear() -> int:
    """Delete every entry; returns how many were removed."""
    removed = 0
    for p in _entries():
        p.unlink(missing_ok=True)
        removed += 1
    return removed


def stats() -> tuple[int, int]:
    """Number of entries and their total size in bytes."""
    sizes = []
    for p in _entries():
        with contextlib.suppress(OSError):
            sizes.append(p.stat().st_size)
    return len(sizes), sum(sizes)
