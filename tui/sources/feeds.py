"""News feeds (RSS 2.0, RSS 1.0/RDF, Atom), read with feedparser, as lists of items to load.

:func:`read` turns what the user names into an :class:`~tui.sources.Article` or a :class:`Feed`:
a URL is fetched once (same limits as any URL, :mod:`tui.sources.fetch`) and is a feed when the
server says so (``application/rss+xml``, ``application/atom+xml``, ``application/rdf+xml``) or
when the body starts like one (servers often send feeds as plain XML, text or untyped); a local
``.xml``/``.rss``/``.atom``/``.rdf`` file is a feed when it starts like one. Everything else is
an article, as :func:`~tui.sources.load` reads it (which refuses a feed document).

A feed's items are not fetched here: :func:`load_item` fetches one item's article when it is
needed and gives it the item's title. Feed and item titles are data from the web: they are
sanitised into one line (tags and entities of HTML titles resolved to text) and never markup.
feedparser is given bytes only, so it never opens a file or a URL itself.
"""

from __future__ import annotations

import html
import io
import logging
import re
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from tui.sources.article import Article, SourceError
from tui.sources.formats import FEED_TYPES, looks_like_feed
from tui.sources.load import from_fetched, is_url, load, read_path
from tui.sources.sanitize import one_line, visible

FEED_SUFFIXES = frozenset({".xml", ".rss", ".atom", ".rdf"})
"""Local files read as feeds when they start like one (any other file is an article)."""

_TAG = re.compile(r"<[^>]*>")


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One entry of a feed: what the library lists before the article is fetched."""

    position: int
    """1 for the feed's first item (feed order)."""
    title: str | None
    link: str | None
    """The article's ``http(s)`` address, or ``None`` when the item has no usable link."""
    date: str | None
    """``YYYY-MM-DD`` (or ``YYYY-MM-DD HH:MM``) when the date parses, else as written."""

    @property
    def label(self) -> str:
        """How messages name the item: its position and title."""
        return f"item {self.position}" + (f" ({self.title})" if self.title else "")

    @property
    def site(self) -> str:
        """The host the article comes from ('' without a link)."""
        return urlsplit(self.link).hostname or "" if self.link else ""


@dataclass(frozen=True, slots=True)
class Feed:
    """A parsed feed: its title and its items in feed order."""

    source: str
    """The path or URL as the user named it."""
    title: str | None
    items: tuple[FeedItem, ...]


def read(arg: str) -> Article | Feed:
    """A feed when ``arg`` is one, else the article (raises :class:`SourceError`, one line)."""
    if is_url(arg):
        try:
            from tui.sources.fetch import fetch

            got = fetch(arg)
            if got.content_type in FEED_TYPES or looks_like_feed(got.body):
                return parse_feed(got.body, arg, base=got.url)
            return from_fetched(got, arg)
        except SourceError as exc:
            raise SourceError(f"{visible(arg)}: {visible(' '.join(str(exc).split()))}") from exc
    if arg != "-" and Path(arg).suffix.lower() in FEED_SUFFIXES:
        try:
            raw = read_path(arg)
        except SourceError:
            return load(arg)  # says what is wrong, the usual way
        if looks_like_feed(raw):
            try:
                return parse_feed(raw, arg, base=None)
            except SourceError as exc:
                raise SourceError(f"{visible(arg)}: {exc}") from exc
    return load(arg)


def parse_feed(raw: bytes, source: str, *, base: str | None) -> Feed:
    """The feed in ``raw``; relative item links are resolved against ``base`` (the feed's URL)."""
    logging.getLogger("feedparser").addHandler(logging.NullHandler())
    import feedparser

    try:
        parsed: Any = feedparser.parse(io.BytesIO(raw), sanitize_html=True,
                                       resolve_relative_uris=False)
    except Exception as exc:  # feedparser catches most; never a traceback for the user
        raise SourceError(f"not a readable feed ({type(exc).__name__})") from exc
    if not parsed.get("version") and not parsed.get("entries"):
        why = parsed.get("bozo_exception")
        detail = f" ({' '.join(str(why).split())[:120]})" if why else ""
        raise SourceError(f"not a readable feed{detail}")
    channel = parsed.get("feed", {})
    feed_base = base or _web(channel.get("link"))
    items = tuple(_item(i, entry, feed_base) for i, entry in enumerate(parsed.entries, 1))
    return Feed(source=visible(source), title=_text(channel.get("title"),
                                                    channel.get("title_detail")), items=items)


def _item(position: int, entry: Any, base: str | None) -> FeedItem:
    link = entry.get("link") or entry.get("id")
    address = _web(urljoin(base, link) if base and link else link)
    return FeedItem(position=position, title=_text(entry.get("title"), entry.get("title_detail")),
                    link=address, date=_date(entry))


def _web(link: object) -> str | None:
    """An ``http(s)`` address without whitespace, else ``None`` (no ``file:``, ``javascript:``)."""
    if not isinstance(link, str):
        return None
    address = "".join(link.split())
    return visible(address) if is_url(address) else None


def _text(value: object, detail: Any = None) -> str | None:
    """A title as one line of plain text: HTML titles lose their tags, entities are resolved."""
    if not isinstance(value, str):
        return None
    kind = detail.get("type", "") if isinstance(detail, dict) else ""
    if "html" in kind:
        value = html.unescape(_TAG.sub(" ", value))
    return one_line(value)


def _date(entry: Any) -> str | None:
    # dict.get, not entry.get: feedparser's own lookup maps a missing key to another with a
    # deprecation warning
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        stamp = dict.get(entry, key)
        if isinstance(stamp, time.struct_time):
            shown = time.strftime("%Y-%m-%d %H:%M", stamp)
            return shown.removesuffix(" 00:00")
    for key in ("published", "updated", "created"):
        value = dict.get(entry, key)
        if isinstance(value, str):
            return one_line(value)
    return None


def load_item(item: FeedItem) -> Article:
    """Fetch the item's article and give it the item's title (raises :class:`SourceError`)."""
    if item.link is None:
        raise SourceError(f"{item.label}: no web address to fetch")
    try:
        article = load(item.link)
    except SourceError as exc:
        raise SourceError(f"{item.label}: {exc}") from exc
    return retitled(article, item.title)


def retitled(article: Article, title: str | None) -> Article:
    """``article`` under ``title``: the feed's headline replaces the page's own ("Headline |
    Site"), in the text too, whose first line is the title."""
    if not title or title == article.title:
        return article
    text = article.text
    if article.title and text.startswith(article.title):
        text = title + text[len(article.title):]
    else:
        text = f"{title}\n\n{text}" if text else f"{title}\n"
    return replace(article, text=text, title=title)
