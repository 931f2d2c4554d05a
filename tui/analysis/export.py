"""Formatting analyses for the command line and for export: JSON, JSON lines, Markdown, displaCy.

JSON is strict (no NaN or Infinity: the validator refuses them, so a value is finite or null).
Markdown never embeds the article's markup: every string from the article (names, claims,
source, pipeline) is sanitised and its Markdown and HTML characters escaped (:func:`_cell`).
"""

from __future__ import annotations

import json
import re
from typing import Any

from tui.analysis.model import Analysis
from tui.sources.sanitize import sanitize

FORMATS = ("json", "jsonl", "markdown", "displacy")


def to_json(analysis: Analysis, *, indent: int | None = 2) -> str:
    """The analysis document as JSON text."""
    return json.dumps(analysis.to_dict(), ensure_ascii=False, indent=indent, allow_nan=False)


def to_displacy(analysis: Analysis) -> dict[str, Any]:
    """spaCy's manual-render format: ``displacy.render(doc, style="ent", manual=True)``."""
    return {
        "text": analysis.text,
        "ents": [{"start": e.start, "end": e.end, "label": e.label} for e in analysis.entities],
        "title": analysis.title,
    }


_MARKDOWN_ACTIVE = re.compile(r"([\\`*_\[\]<>|&])")
"""Characters that could start Markdown markup or raw HTML in a cell; backslash-escaped."""


def _cell(value: object) -> str:
    """Text from outside as one line of inert Markdown: sanitised (no terminal escapes), and every
    character that could start emphasis, a link, a code span, a table cell or raw HTML
    (``<script>``, ``&entity;``) backslash-escaped, so a renderer shows it as written."""
    line = " ".join(sanitize(str(value)).split())
    return _MARKDOWN_ACTIVE.sub(r"\\\1", line)


def to_markdown(analysis: Analysis) -> str:
    """A readable report: actors table, claims with speakers, numbers with values."""
    names = {a.id: a.name for a in analysis.actors}
    lines = [f"# {_cell(analysis.title or analysis.source)}", ""]
    p = analysis.pipeline
    lines += [f"Source: {_cell(analysis.source)} · pipeline: {_cell(p.name)} {_cell(p.version)}"
              f" ({'trained' if p.trained else 'built-in'})", ""]
    lines += ["## Actors", "", "| actor | kind | mentions | aliases |", "|---|---|---:|---|"]
    for a in analysis.actors:
        lines.append(f"| {_cell(a.name)} | {a.kind} | {len(a.mentions)} | "
                     f"{_cell(', '.join(a.aliases))} |")
    lines += ["", "## Claims", ""]
    for c in analysis.claims:
        who = " and ".join(names[s] for s in c.speakers if s in names) or c.speaker_text
        said = f" — {_cell(who)}" if who else ""  # an assertion has no speaker
        lines.append(f"- **{c.kind}**{said}: {_cell(c.text)}")
    lines += ["", "## Numbers", "", "| text | kind | value | unit | qualifier |",
              "|---|---|---:|---|---|"]
    for n in analysis.numbers:
        value = "" if n.value is None else f"{n.value:g}"
        lines.append(f"| {_cell(n.text)} | {n.kind} | {value} | {_cell(n.unit or '')} | "
                     f"{_cell(n.qualifier or '')} |")
    return "\n".join(lines) + "\n"


def render(analysis: Analysis, fmt: str) -> str:
    """One analysis in ``fmt`` (``jsonl`` gives a single line)."""
    if fmt == "json":
        return to_json(analysis)
    if fmt == "jsonl":
        return to_json(analysis, indent=None)
    if fmt == "markdown":
        return to_markdown(analysis)
    if fmt == "displacy":
        return json.dumps(to_displacy(analysis), ensure_ascii=False, indent=2, allow_nan=False)
    raise ValueError(f"unknown format {fmt!r}")
