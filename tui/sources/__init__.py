"""Turning what the user names (a file, a folder, ``-``, a URL) into articles.

``load(arg) -> Article`` returns sanitised text: ``Article.text`` is exactly what is displayed and
analysed, title first (then a blank line) when there is one. ``expand(args)`` turns folders into
their article files, sorted. Anything that cannot be read raises :class:`SourceError`, whose
message is one line ``<arg>: <reason>`` (control characters in it shown as ``\\x1b`` escapes).

Formats: plain text (``.txt`` and any other extension that decodes as text; the first line is the
title when it is short, followed by a blank line and does not end in ``. , ; :``), Markdown
(``.md``, via markdown-it-py), HTML (``.html``/``.htm`` or sniffed; main text, title, author and
date via trafilatura), ``http(s)://`` URLs (urllib; HTML, XHTML, text and Markdown only) and ``-``.
``read(arg)`` also recognises RSS and Atom feeds (a URL or a ``.xml``/``.rss``/``.atom`` file) and
returns a :class:`Feed` of items, loaded one by one with ``load_item`` (:mod:`tui.sources.feeds`).

Limits: 16 MiB per input (:data:`MAX_BYTES`): a bigger regular file is refused from its size
without reading, a stream or download as soon as it passes the limit, a binary stream
(``/dev/zero``) after its first 64 KiB. URLs: 10 s to connect or between two reads, 30 s in all,
10 redirects (:mod:`tui.sources.fetch`). A stream that never ends but sends next to nothing
(a silent pipe) is not timed out: reading ``-`` from a terminal waits for Ctrl-D.

Empty and whitespace-only inputs load as an article with empty text. The user's files are only
ever opened for reading. This package never imports spaCy or Textual (it runs before the first
paint); trafilatura is imported only for HTML, markdown-it-py only for Markdown, urllib only for
URLs, charset-normalizer only for text that is not UTF-8 or UTF-16/32 with a BOM.
"""

from tui.sources.article import Article, SourceError
from tui.sources.feeds import Feed, FeedItem, load_item, read
from tui.sources.limits import MAX_BYTES
from tui.sources.load import build, expand, is_url, load, reattach_terminal
from tui.sources.sanitize import sanitize

__all__ = ["MAX_BYTES", "Article", "Feed", "FeedItem", "SourceError", "build", "expand", "is_url",
           "load", "load_item", "read", "reattach_terminal", "sanitize"]
