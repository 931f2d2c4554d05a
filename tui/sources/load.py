"""Loading articles from paths (minimal plain-text loader; extended by the sources issue)."""

from __future__ import annotations

import sys
from pathlib import Path

from tui.sources.article import Article, SourceError

MAX_BYTES = 16 * 1024 * 1024
"""Largest input read; anything bigger is refused without reading it all."""


def expand(args: list[str]) -> list[str]:
    """Expand folders into their article files (sorted); other arguments pass through."""
    out: list[str] = []
    for arg in args:
        path = Path(arg)
        if arg != "-" and path.is_dir():
            files = sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith("."))
            if not files:
                raise SourceError(f"{arg}: folder has no articles")
            out.extend(str(p) for p in files)
        else:
            out.append(arg)
    return out


def load(arg: str) -> Article:
    """Load one article from a path or ``-`` (standard input)."""
    if arg == "-":
        raw = sys.stdin.buffer.read(MAX_BYTES + 1)
    else:
        path = Path(arg)
        if not path.exists():
            raise SourceError(f"{arg}: no such file")
        try:
            with path.open("rb") as fh:
                raw = fh.read(MAX_BYTES + 1)
        except OSError as exc:
            raise SourceError(f"{arg}: cannot read ({exc.strerror or exc})") from exc
    if len(raw) > MAX_BYTES:
        raise SourceError(f"{arg}: larger than {MAX_BYTES // (1024 * 1024)} MiB")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SourceError(f"{arg}: not UTF-8 text") from exc
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Article(text=text, source=arg, title=_title(text))


def _title(text: str) -> str | None:
    """The first line is a title when it is short and followed by a blank line."""
    first, sep, rest = text.partition("\n")
    if sep and rest.startswith("\n") and 0 < len(first.strip()) <= 200:
        return first.strip()
    return None
