"""Which pipeline would run, and its identity, without importing spaCy.

Order: ``--model``, then ``$NEWSREADER_MODEL``, then the best trained English pipeline installed
(trf, lg, md, sm), then newsreader's built-in pipeline, which needs no download.
"""

from __future__ import annotations

import json
import os
from importlib import metadata
from pathlib import Path

from tui import __version__

BUILTIN = "builtin"
TRAINED_PREFERENCE = ("en_core_web_trf", "en_core_web_lg", "en_core_web_md", "en_core_web_sm")
ENV_VAR = "NEWSREADER_MODEL"


class PipelineError(Exception):
    """The pipeline the user named cannot be loaded; the message is one line."""


def _installed(name: str) -> bool:
    try:
        metadata.distribution(name)
    except metadata.PackageNotFoundError:
        return False
    return True


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
        return f"package:{name}:{metadata.version(name)}"
    except metadata.PackageNotFoundError:
        return f"package:{name}"
