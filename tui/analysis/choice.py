"""Which pipeline would run, and its identity, without importing spaCy.

Order: ``--model``, then ``$NEWSREADER_MODEL``, then the best trained English pipeline installed
(trf, lg, md, sm), then newsreader's built-in pipeline, which needs no download.
"""

from __future__ import annotations

import importlib.util
import json
import os
from pathlib import Path

from tui import __version__

BUILTIN = "builtin"
TRAINED_PREFERENCE = ("en_core_web_trf", "en_core_web_lg", "en_core_web_md", "en_core_web_sm")
ENV_VAR = "NEWSREADER_MODEL"


class PipelineError(Exception):
    """The pipeline the user named cannot be loaded; the message is one line."""


def _installed(name: str) -> bool:
    """Whether a package is importable (``find_spec`` is a path scan: no import, no metadata)."""
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def _package_version(name: str) -> str | None:
    """A spaCy pipeline package's version, from the ``meta.json`` it ships beside its code."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.origin:
        return None
    try:
        meta = json.loads((Path(spec.origin).parent / "meta.json").read_text(encoding="utf-8"))
        return str(meta["version"])
    except (OSError, ValueError, KeyError, TypeError):
        from importlib import metadata  # slower to import; only for unusual packages

        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            return None


def resolve_name(model: str | None) -> str:
    """The pipeline that would run: explicit name, environment, best installed, or built-in."""
    if model:
        return model
    env = os.environ.get(ENV_VAR, "").strip()
    if env:
        return env
    for name in TRAINED_PREFERENCE:
        if _installed(name):
            return name
    return BUILTIN


def is_path(name: str) -> bool:
    """A pipeline named by folder rather than by package."""
    return os.sep in name or name.startswith(".") or Path(name).exists()


def identity(model: str | None) -> str:
    """A string that changes whenever the pipeline that would run changes (for cache keys)."""
    name = resolve_name(model)
    if name == BUILTIN:
        return f"builtin:{__version__}"
    if is_path(name):
        meta = Path(name) / "meta.json"
        try:
            info = json.loads(meta.read_text(encoding="utf-8"))
            stamp = meta.stat().st_mtime_ns
            return f"path:{Path(name).resolve()}:{info.get('name')}:{info.get('version')}:{stamp}"
        except (OSError, ValueError):
            return f"path:{Path(name).resolve()}"
    try:
        version = _package_version(name)
    except (ImportError, ValueError):
        version = None
    return f"package:{name}:{version}" if version else f"package:{name}"
