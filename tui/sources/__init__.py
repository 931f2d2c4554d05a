"""Turning what the user names (a file, a folder, ``-``, a URL) into articles.

This package never imports spaCy or Textual: it runs before the first paint. trafilatura is
imported only for HTML pages and URLs, markdown-it-py only for Markdown, urllib only for URLs.
"""

from tui.sources.article import Article, SourceError
from tui.sources.limits import MAX_BYTES
from tui.sources.load import build, expand, is_url, load, reattach_terminal
from tui.sources.sanitize import sanitize

__all__ = ["MAX_BYTES", "Article", "SourceError", "build", "expand", "is_url", "load", "reattach_terminal",
           "sanitize"]
