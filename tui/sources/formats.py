"""From decoded text in one format (plain text, Markdown, HTML) to the article's text and metadata.

Every converter returns a :class:`Parsed`: the body ``text`` (paragraphs separated by blank
lines) and, apart, the title, author and date when the format has them. Sanitising, boilerplate
trimming and putting the title first happen afterwards, in :mod:`tui.sources.load`; a plain-text
title is found there too, on the cleaned text.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Any

from tui.sources.sanitize import sanitize

MAX_TITLE = 200
"""Longest first line that can be a plain-text title (characters)."""


@dataclass(slots=True)
class Parsed:
    text: str
    title: str | None = None
    author: str | None = None
    date: str | None = None
    url: str | None = None
    """The page's own address (canonical link, ``og:url``), for a saved HTML page."""


# --- plain text -----------------------------------------------------------------------------------

def plain_title(text: str) -> str | None:
    """The first line is a title when it is short (at most :data:`MAX_TITLE` characters), is
    followed by a blank line and does not end like a sentence or clause (``.`` ``,`` ``;`` ``:``;
    a headline may end with ``?`` or ``!``)."""
    first, sep, rest = text.partition("\n")
    first = first.strip()
    if sep and rest.startswith("\n") and 0 < len(first) <= MAX_TITLE \
            and not first.endswith((".", ",", ";", ":")):
        return first
    return None


# --- HTML sniffing --------------------------------------------------------------------------------

_HTML_START = re.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html[\s>])",
    re.IGNORECASE | re.DOTALL)
_HTML_TAGS = re.compile(r"<(?:head|body|article|p|div|title|meta)[\s>/]", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    """HTML by its start (doctype, ``<html>``) or by several HTML tags in its first 4 KB."""
    head = text[:4096]
    return bool(_HTML_START.match(head)) or (
        head.lstrip().startswith("<") and len(_HTML_TAGS.findall(head)) >= 3
    )


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([-\w.:]+)""", re.IGNORECASE)


def html_declared_charset(raw: bytes) -> str | None:
    """The charset named by a ``<meta>`` tag in the first 4 KB of an HTML page."""
    m = _META_CHARSET.search(raw[:4096])
    return m.group(1).decode("ascii", "replace") if m else None


# --- feeds a page advertises ---------------------------------------------------------------------

FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml",
                        "application/x-rss+xml", "application/x-atom+xml"})
"""Media types that name an RSS or Atom feed (in ``<link rel="alternate">`` and responses)."""
_LINK_TAG = re.compile(r"<link\b[^>]*>", re.IGNORECASE)
_ATTR = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
_HEAD_BYTES = 256 * 1024


_FEED_START = re.compile(
    r"\A\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*|<!DOCTYPE[^>]*>\s*|<\?[^>]*\?>\s*)*"
    r"<(?:rss|feed|(?:[\w-]+:)?RDF)[\s>]", re.DOTALL)


def decoded_head(raw: bytes) -> str:
    """The first 4 KB of ``raw`` as text, for sniffing what it is (UTF-16 by its BOM, else UTF-8;
    undecodable bytes dropped)."""
    head = raw[:4096]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return head.decode("utf-16", errors="ignore")
    return head.decode("utf-8", errors="ignore").lstrip("\ufeff")


def looks_like_feed(raw: bytes) -> bool:
    """An XML document whose root element is ``rss``, ``feed`` (Atom) or ``RDF`` (RSS 1.0)."""
    return bool(_FEED_START.match(decoded_head(raw)))


def advertised_feed(html: str, base: str | None) -> str | None:
    """The web address of the first RSS/Atom feed the page advertises with
    ``<link rel="alternate" type="application/rss+xml" href=...>``, resolved against ``base``;
    only ``http(s)`` addresses count."""
    from html import unescape
    from urllib.parse import urljoin

    for tag in _LINK_TAG.findall(html[:_HEAD_BYTES]):
        attrs = {m.group(1).lower(): unescape(m.group(2) or m.group(3) or m.group(4) or "")
                 for m in _ATTR.finditer(tag)}
        rel = attrs.get("rel", "").lower().split()
        kind = attrs.get("type", "").strip().lower()
        href = "".join(attrs.get("href", "").split())
        if "alternate" in rel and kind in FEED_TYPES and href:
            address = urljoin(base, href) if base else href
            if address[:8].lower().startswith(("http://", "https://")):
                return address
    return None


# --- Markdown -------------------------------------------------------------------------------------

_FRONT_KEY = re.compile(r"^(title|author|date)\s*:\s*(.*?)\s*$", re.IGNORECASE | re.MULTILINE)


def from_markdown(source: str) -> Parsed:
    """Markdown to plain paragraphs with markdown-it-py; a leading heading becomes the title.

    Inline markup is dropped (emphasis, links keep their text, images and raw HTML go); headings,
    paragraphs, block quotes and code blocks become paragraphs; lists keep one ``- `` or ``1.`` line
    per item; table rows become ``a | b`` lines. YAML front matter gives title, author and date.
    """
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    md = MarkdownIt("commonmark").enable("table").use(front_matter_plugin)
    tokens = md.parse(source)
    meta: dict[str, str] = {}
    blocks: list[str] = []
    lists: list[dict[str, Any]] = []  # one entry per open list: ordered?, next number
    list_lines: list[str] | None = None
    row: list[str] | None = None
    table_lines: list[str] | None = None
    first_heading: str | None = None
    pending_prefix = ""
    for i, tok in enumerate(tokens):
        t = tok.type
        if t == "front_matter":
            for key, value in _FRONT_KEY.findall(tok.content):
                meta.setdefault(key.lower(), value.strip("'\" "))
        elif t in ("bullet_list_open", "ordered_list_open"):
            if not lists:
                list_lines = []
            start = tok.attrGet("start")
            lists.append({"ordered": t == "ordered_list_open",
                          "n": int(start) if isinstance(start, (int, str)) and str(start).isdigit()
                          else 1})
        elif t in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
            if not lists and list_lines is not None:
                if list_lines:
                    blocks.append("\n".join(list_lines))
                list_lines = None
        elif t == "list_item_open" and lists:
            cur = lists[-1]
            marker = f"{cur['n']}." if cur["ordered"] else "-"
            cur["n"] += 1
            pending_prefix = "  " * (len(lists) - 1) + marker + " "
        elif t == "tr_open":
            row = []
            if table_lines is None:
                table_lines = []
        elif t == "tr_close" and row is not None and table_lines is not None:
            table_lines.append(" | ".join(row))
            row = None
        elif t == "table_close" and table_lines is not None:
            blocks.append("\n".join(table_lines))
            table_lines = None
        elif t == "inline":
            text = _md_inline(tok.children or [])
            if row is not None:
                row.append(" ".join(text.split()))
                continue
            if not text.strip():
                continue
            if i > 0 and tokens[i - 1].type == "heading_open" and not blocks \
                    and list_lines is None and first_heading is None:
                first_heading = " ".join(text.split())
            if list_lines is not None:
                indent = "  " * len(lists)
                if pending_prefix:
                    list_lines.append(pending_prefix + text.replace("\n", "\n" + indent))
                    pending_prefix = ""
                else:
                    list_lines.append(indent + text.replace("\n", "\n" + indent))
            else:
                blocks.append(text)
        elif t in ("fence", "code_block"):
            code = tok.content.rstrip("\n")
            if code.strip():
                if list_lines is not None:
                    list_lines.append(code)
                else:
                    blocks.append(code)
    title = first_heading
    if title is not None:
        blocks.pop(0)
    elif meta.get("title"):
        title = meta["title"]
    return Parsed("\n\n".join(blocks) + ("\n" if blocks else ""), title=title,
                  author=meta.get("author") or None, date=meta.get("date") or None)


def _md_inline(children: list[Any]) -> str:
    parts: list[str] = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
        # images, raw inline HTML and markup tokens (em, strong, link) add nothing themselves
    return _SPACES.sub(" ", "".join(parts)).strip()


_SPACES = re.compile(r"[ \t]{2,}")


# --- HTML -----------------------------------------------------------------------------------------

_QUIET = ("trafilatura", "htmldate", "courlan", "justext", "charset_normalizer")


_CONTROL_REF = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));?")


def _control_free(html: str) -> str:
    """The page without escape sequences, control characters or references to them (``&#27;``):
    the HTML parser would drop a raw ESC but keep the rest of its sequence as text, and
    trafilatura discards a whole page over a referenced control character."""

    def ref(m: re.Match[str]) -> str:
        code = int(m.group(1), 16) if m.group(1) else int(m.group(2))
        # 0x80-0x9F stay: HTML maps those references to cp1252 characters (&#150; is a dash)
        return "" if (code < 0x20 and code not in (9, 10, 13)) or code == 0x7F else m.group(0)

    return _CONTROL_REF.sub(ref, sanitize(html))


def from_html(html: str, url: str | None = None) -> Parsed:
    """Main text, title, author and date of an HTML page, extracted by trafilatura.

    Scripts, styles, navigation, headers, footers, comments and share widgets are trafilatura's
    to drop. Its output tree is turned into paragraphs separated by blank lines (a ``<br>``
    stays a line break, list items stay ``- `` lines, table rows ``a | b`` lines); the body's
    first paragraph is dropped when it repeats the title. A page without extractable text gives
    an empty body.
    """
    for name in _QUIET:  # their complaints about odd markup are not the user's errors, and the
        logger = logging.getLogger(name)  # CLI promises one-line errors on stderr
        logger.propagate = False
        if not any(isinstance(h, logging.NullHandler) for h in logger.handlers):
            logger.addHandler(logging.NullHandler())
    import trafilatura

    html = _drop_xml_declaration(_control_free(html))
    doc: Any = None
    for favor_recall in (False, True):
        try:
            doc = trafilatura.bare_extraction(
                html, url=url, with_metadata=True, include_comments=False, include_tables=True,
                include_images=False, include_links=False, include_formatting=False,
                favor_recall=favor_recall)
        except Exception:  # lxml and trafilatura raise many kinds on hostile markup
            doc = None
        if doc is not None and (getattr(doc, "text", None) or "").strip():
            break
    if doc is None:  # no main text: keep what the metadata says
        try:
            from trafilatura.metadata import extract_metadata

            doc = extract_metadata(html, default_url=url)
        except Exception:
            return Parsed("")
    body = getattr(doc, "body", None)
    try:
        paragraphs = _tree_paragraphs(body) if body is not None else []
    except (RecursionError, ValueError, TypeError):  # never expected: the tree is shallow
        paragraphs = []
    if not paragraphs and getattr(doc, "text", None):
        paragraphs = [line.strip() for line in doc.text.split("\n") if line.strip()]
    title = " ".join((doc.title or "").split()) or None
    if title and paragraphs and _same(paragraphs[0], title):
        paragraphs.pop(0)
    text = "\n\n".join(paragraphs) + ("\n" if paragraphs else "")
    page_url = getattr(doc, "url", None) or None
    if page_url and not page_url[:8].lower().startswith(("http://", "https://")):
        page_url = None  # only web addresses: the reader may open it
    return Parsed(text, title=title, author=getattr(doc, "author", None) or None,
                  date=getattr(doc, "date", None) or None, url=page_url)


def _drop_xml_declaration(html: str) -> str:
    """lxml refuses a ``str`` that starts with an XML encoding declaration."""
    stripped = html.lstrip()
    if stripped.startswith("<?xml"):
        end = stripped.find("?>")
        if end != -1:
            return stripped[end + 2:]
    return html


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


_BLOCK = {"p", "head", "list", "item", "table", "row", "cell", "quote", "code", "div", "section",
          "body", "doc", "main", "article"}


def _tree_paragraphs(el: Any) -> list[str]:
    """Paragraphs of trafilatura's output tree (``p``, ``head``, ``list``, ``table``...)."""
    out: list[str] = []

    def tag_of(node: Any) -> str:
        return node.tag if isinstance(node.tag, str) else ""

    def walk(node: Any) -> None:
        tag = tag_of(node)
        if tag == "list":
            lines = _list_lines(node, 0)
            if lines:
                out.append("\n".join(lines))
        elif tag == "table":
            rows = []
            for row in node.iter("row"):
                cells = [" ".join(_inline(c).split()) for c in row if tag_of(c) == "cell"]
                if any(cells):
                    rows.append(" | ".join(cells))
            if rows:
                out.append("\n".join(rows))
        elif tag == "code":
            code = "".join(node.itertext()).strip("\n")
            if code.strip():
                out.append(code)
        elif any(tag_of(c) in _BLOCK for c in node):
            if node.text and node.text.strip():
                out.append(_clean(node.text))
            for child in node:
                walk(child)
                if child.tail and child.tail.strip():
                    out.append(_clean(child.tail))
        else:
            text = _clean(_inline(node))
            if text:
                out.append(text)

    walk(el)
    return [p for p in out if p]


def _list_lines(node: Any, depth: int) -> list[str]:
    lines: list[str] = []
    for item in node:
        if item.tag != "item":
            continue
        nested = [c for c in item if c.tag == "list"]
        text = _clean(_inline(item, skip=("list",)))
        if text:
            lines.append("  " * depth + "- " + text.replace("\n", " "))
        for sub in nested:
            lines.extend(_list_lines(sub, depth + 1))
    return lines


def _inline(node: Any, skip: tuple[str, ...] = ()) -> str:
    parts = [node.text or ""]
    for child in node:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "lb":
            parts.append("\n")
        elif tag not in skip and tag != "graphic":
            parts.append(_inline(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _clean(text: str) -> str:
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)
