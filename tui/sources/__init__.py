"""Turning what the user names (a file, a folder, ``-``, a URL) into articles.

This package never imports spaCy or Textual: it runs before the first paint.
"""

from tui.sources.article import Article, SourceError
from tui.sources.load import expand, load

__all__ = ["Article", "SourceError", "expand", "load"]
