"""Loading articles from what the user names: a file, a folder, ``-`` (standard input) or a URL.

``load`` reads at most :data:`~tui.sources.limits.MAX_BYTES` (16 MiB) and refuses more: a regular
file by its size, before reading; a stream (``-``, a pipe, a device) as soon as it goes past the
limit, and a binary stream (``/dev/zero``, ``/dev/urandom``) after its first 64 KiB. The steps:
read, refuse binary data and decode (:mod:`~tui.sources.decode`), convert the format
(:mod:`~tui.sources.formats`; hard-wrapped plain text is re-flowed by
:mod:`~tui.sources.reflow`), sanitise (:mod:`~tui.sources.sanitize`), tidy blank lines, drop
trailing site boilerplate (:mod:`~tui.sources.boilerplate`), put the title first.
The user's files are only ever opened for reading.
"""

from __future__ import annotations

import os
import re
import stat
import sys
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from tui.sources import formats
from tui.sources.article import Article, SourceError
from tui.sources.boilerplate import trim_tail
from tui.sources.decode import decode, looks_binary, sniff_magic
from tui.sources.limits import MAX_BYTES, SNIFF_BYTES, mib
from tui.sources.reflow import reflow
from tui.sources.sanitize import normalize_newlines, one_line, sanitize, visible

if TYPE_CHECKING:  # urllib is imported only for URLs
    from tui.sources.fetch import Fetched

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd", ".mkdn"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
SKIPPED_SUFFIXES = frozenset("""
    .png .jpg .jpeg .gif .webp .bmp .tif .tiff .ico .svg .heic .avif .psd
    .zip .gz .tgz .bz2 .xz .7z .rar .tar .zst .lz4
    .pdf .doc .docx .xls .xlsx .ppt .pptx .odt .ods .odp .epub .rtf
    .mp3 .mp4 .m4a .wav .ogg .flac .mov .avi .mkv .webm
    .ttf .otf .woff .woff2
    .json .jsonl .csv .tsv .xml .yaml .yml .toml .ini .cfg .lock .log
    .py .pyc .js .css .map .sh .db .sqlite .so .dll .exe .bin .iso .dmg .o .a .class .jar
    .swp .tmp .part .bak
""".split())
"""Files a folder argument never expands to (the user can still name one directly)."""


# --- folders --------------------------------------------------------------------------------------

def expand(args: list[str]) -> list[str]:
    """Turn folder arguments into their article files, sorted by name; other arguments pass through.

    A folder expands to the files directly in it that can be articles: not hidden (``.name``),
    not backups (``name~``), not in :data:`SKIPPED_SUFFIXES`, not a known binary format by their
    first bytes. A folder with none is refused. Missing paths pass through (``load`` reports them).
    """
    out: list[str] = []
    for arg in args:
        if arg == "-" or is_url(arg) or not arg.strip():  # load() refuses an empty path
            out.append(arg)
            continue
        path = Path(arg)
        try:
            is_dir = path.is_dir()
        except OSError:
            is_dir = False
        if not is_dir:
            out.append(arg)
            continue
        try:
            entries = sorted(path.iterdir(), key=lambda p: p.name)
        except OSError as exc:
            raise SourceError(f"{visible(arg)}: cannot list folder ({_why(exc)})") from exc
        files = [str(p) for p in entries if _is_article_file(p)]
        if not files:
            raise SourceError(f"{visible(arg)}: folder has no articles")
        out.extend(files)
    return out


def _is_article_file(path: Path) -> bool:
    name = path.name
    if name.startswith(".") or name.endswith("~") or path.suffix.lower() in SKIPPED_SUFFIXES:
        return False
    try:
        if not path.is_file():
            return False
        with path.open("rb") as fh:
            head = fh.read(512)
    except OSError:
        return True  # let load() say what is wrong with it
    return sniff_magic(head) is None


def is_url(arg: str) -> bool:
    """An ``http://`` or ``https://`` address (any case)."""
    return arg[:8].lower().startswith(("http://", "https://"))


# --- one article ----------------------------------------------------------------------------------

def load(arg: str) -> Article:
    """Load one article from a path, ``-`` (standard input) or an ``http(s)://`` URL.

    Raises :class:`SourceError` with a one-line message naming ``arg`` when it cannot be read.
    """
    shown = visible(arg) if arg.strip() else repr(arg)
    try:
        if not arg.strip():  # Path("") is the current folder: never what was meant
            raise SourceError("empty path")
        if arg == "-":
            return _from_stdin()
        if is_url(arg):
            return _from_url(arg)
        return _from_path(arg)
    except SourceError as exc:
        message = visible(" ".join(str(exc).split()))
        raise SourceError(f"{shown}: {message}") from exc.__cause__
    except (MemoryError, RecursionError, UnicodeError, LookupError, ValueError) as exc:
        # never expected (the property tests look for them): still one line, not a traceback
        message = visible(" ".join(f"{type(exc).__name__}: {exc}".split()))
        raise SourceError(f"{shown}: cannot be read ({message})") from exc


_stdin_cache: tuple[object, bytes] | None = None
"""Standard input as read the first time (keyed by the stream), so ``-`` can be loaded again."""


def _from_stdin() -> Article:
    global _stdin_cache
    stdin = sys.stdin
    if _stdin_cache is not None and _stdin_cache[0] is stdin:
        raw = _stdin_cache[1]
    else:
        stream = getattr(stdin, "buffer", None)
        if stream is None:
            raise SourceError("standard input is not readable")
        try:
            raw = _read_stream(stream)
        except (OSError, ValueError) as exc:  # closed, or replaced by a test harness
            raise SourceError(f"cannot read standard input ({_why(exc)})") from exc
        _stdin_cache = (stdin, raw)
    return build(raw, "-", kind="html" if _sniff_html(raw) else "text")


def reattach_terminal() -> bool:
    """Make file descriptor 0 the controlling terminal (``/dev/tty``) when it is not a terminal
    (a pipe, ``/dev/null``), so the reader gets the keyboard; ``-`` must have been loaded before
    (it is cached). Returns whether it did; does nothing when standard input already is a
    terminal or there is no controlling terminal."""
    try:
        if os.isatty(0):
            return False
        fd = os.open("/dev/tty", os.O_RDONLY)
    except OSError:
        return False
    try:
        os.dup2(fd, 0)
    finally:
        os.close(fd)
    return True


_OTHER_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*)://")
"""An address with a scheme other than http(s) (``ftp://``): not a file name either."""


def _from_path(arg: str) -> Article:
    raw = read_path(arg)
    if formats.looks_like_feed(raw):
        raise SourceError("a news feed, not an article (open it on its own)")
    suffix = Path(arg).suffix.lower()
    if suffix in MARKDOWN_SUFFIXES:
        kind = "markdown"
    elif suffix in HTML_SUFFIXES or _sniff_html(raw):
        kind = "html"
    else:
        kind = "text"
    return build(raw, arg, kind=kind)


def read_path(arg: str) -> bytes:
    """The bytes of a file (or device, or pipe) within the size limit; raises
    :class:`SourceError` (message without the source name)."""
    path = Path(arg)
    try:
        st = path.stat()
    except FileNotFoundError:
        scheme = _OTHER_SCHEME.match(arg)
        if scheme:
            raise SourceError(f"only http:// and https:// addresses can be read, "
                              f"not {scheme.group(1).lower()}://") from None
        raise SourceError("no such file") from None
    except OSError as exc:
        raise SourceError(f"cannot read ({_why(exc)})") from exc
    if stat.S_ISDIR(st.st_mode):
        raise SourceError("is a folder")
    regular = stat.S_ISREG(st.st_mode)
    if regular and st.st_size > MAX_BYTES:
        raise SourceError(f"larger than {mib(MAX_BYTES)} MiB ({st.st_size:,} bytes)")
    try:
        with path.open("rb") as fh:
            raw = fh.read(MAX_BYTES + 1) if regular else _read_stream(fh)
    except OSError as exc:
        raise SourceError(f"cannot read ({_why(exc)})") from exc
    if len(raw) > MAX_BYTES:  # a file that grew while read
        raise SourceError(f"larger than {mib(MAX_BYTES)} MiB")
    return raw


def _from_url(url: str) -> Article:
    from tui.sources.fetch import fetch

    return from_fetched(fetch(url), url)


def from_fetched(got: Fetched, url: str) -> Article:
    """The article in a downloaded page (HTML, Markdown or text, by its media type)."""
    ctype = got.content_type
    if ctype in formats.FEED_TYPES or formats.looks_like_feed(got.body):
        raise SourceError("a news feed, not an article (open it on its own)")
    if ctype in ("text/html", "application/xhtml+xml", "application/html") \
            or (ctype in ("", "text/plain", "application/xml") and _sniff_html(got.body)):
        kind = "html"
    elif ctype in ("text/markdown", "text/x-markdown"):
        kind = "markdown"
    else:
        if not ctype and looks_binary(got.body[:SNIFF_BYTES]):
            raise SourceError("not an article (binary data)")
        kind = "text"
    return build(got.body, url, kind=kind, url=visible(got.url), declared=got.charset)


def _read_stream(stream: BinaryIO) -> bytes:
    """Read a stream up to the size limit, refusing binary data after its first 64 KiB."""
    chunks: list[bytes] = []
    size = 0
    sniffed = False
    while True:
        chunk = stream.read(SNIFF_BYTES)
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
        if not sniffed and size >= SNIFF_BYTES:
            sniffed = True
            head = b"".join(chunks)[:SNIFF_BYTES]
            if looks_binary(head):
                what = sniff_magic(head) or "binary data"
                raise SourceError(f"not a text article ({what})")
        if size > MAX_BYTES:
            raise SourceError(f"larger than {mib(MAX_BYTES)} MiB")
    return b"".join(chunks)


def _sniff_html(raw: bytes) -> bool:
    return formats.looks_like_html(formats.decoded_head(raw))


# --- bytes to article -----------------------------------------------------------------------------

def build(raw: bytes, source: str, *, kind: str = "text", url: str | None = None,
          declared: str | None = None) -> Article:
    """Turn ``raw`` bytes of the given kind ('text', 'markdown', 'html') into an :class:`Article`.

    Raises :class:`SourceError` (message without the source name) for binary data.
    """
    if kind == "html" and not declared:
        declared = formats.html_declared_charset(raw)
    text = normalize_newlines(decode(raw, declared=declared))
    if kind == "html":
        parsed = formats.from_html(text, url=url)
    elif kind == "markdown":
        parsed = formats.from_markdown(text)
    else:
        parsed = formats.Parsed(reflow(text))
    body = trim_tail(tidy(sanitize(parsed.text)))
    title = one_line(parsed.title)
    if kind == "text":
        title = formats.plain_title(body)
    elif title:
        body = f"{title}\n\n{body}" if body else f"{title}\n"
    elif body and not body.endswith("\n"):
        body += "\n"
    page_url = url or parsed.url
    if page_url is not None:
        page_url = visible("".join(page_url.split())) or None
    feed = formats.advertised_feed(text, page_url) if kind == "html" else None
    return Article(text=body, source=visible(source), title=title, author=one_line(parsed.author),
                   date=one_line(parsed.date), url=page_url,
                   feed=visible(feed) if feed else None)


_BLANK_RUN = re.compile(r"\n{3,}")


def tidy(text: str) -> str:
    """Trailing spaces and tabs off every line, at most one blank line in a row, no blank lines at
    the start, at most one newline at the end (kept if the text had one); whitespace-only → ''."""
    lines = [line.rstrip(" \t") for line in text.split("\n")]
    text = _BLANK_RUN.sub("\n\n", "\n".join(lines)).lstrip("\n")
    if not text.strip():
        return ""
    ends = text.endswith("\n")
    text = text.rstrip("\n")
    return text + "\n" if ends else text


def _why(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return " ".join(str(exc).split()) or type(exc).__name__
