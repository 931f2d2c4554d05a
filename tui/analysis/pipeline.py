"""Loading the spaCy pipeline chosen by :mod:`tui.analysis.choice`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import spacy
from spacy.language import Language

from tui.analysis.choice import BUILTIN, PipelineError, is_path, not_installed, resolve_name
from tui.analysis.model import PipelineInfo
from tui.sources.sanitize import one_line, visible

UNREAD_COMPONENTS = ("lemmatizer",)
"""Trained components whose output no layer reads (nothing uses ``token.lemma_``): not loaded,
which saves their time on every article."""


@dataclass(frozen=True, slots=True)
class Pipeline:
    """A loaded spaCy pipeline and how to describe it."""

    nlp: Language
    info: PipelineInfo


def load_pipeline(model: str | None = None) -> Pipeline:
    """Load the pipeline named by :func:`resolve_name`."""
    name = resolve_name(model)
    if name == BUILTIN:
        from tui.analysis.builtin import build_builtin

        nlp = build_builtin()
        return Pipeline(nlp, _info(nlp, trained=False))
    looks_like_path = is_path(name)
    if not looks_like_path and not spacy.util.is_package(name):
        raise PipelineError(not_installed(name))
    if looks_like_path and not Path(name).is_dir():
        raise PipelineError(f"{visible(name)}: no spaCy pipeline folder there")
    try:
        nlp = spacy.load(name, exclude=list(UNREAD_COMPONENTS))
    except Exception as exc:  # spaCy raises many kinds (OSError, ValueError, config errors)
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise PipelineError(f"cannot load spaCy pipeline '{visible(name)}': {visible(first)}") \
            from exc
    if "sentencizer" not in nlp.pipe_names and "parser" not in nlp.pipe_names \
            and "senter" not in nlp.pipe_names:
        nlp.add_pipe("sentencizer", first=True)
    return Pipeline(nlp, _info(nlp, trained=True))


def _info(nlp: Language, trained: bool) -> PipelineInfo:
    """Name as ``lang_name`` (spaCy's convention) and the pipeline's own version, sanitised:
    a pipeline's meta is data and reaches the reader's header."""
    meta = nlp.meta
    name = one_line(f"{meta.get('lang', 'en')}_{meta.get('name', 'pipeline')}") or "pipeline"
    version = one_line(str(meta.get("version", "0.0.0"))) or "0.0.0"
    return PipelineInfo(name=name, version=version, trained=trained)
