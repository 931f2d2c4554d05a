"""A catalogue of bad and unusual inputs, each with its exact outcome (text and title, or error)."""

from __future__ import annotations

import gzip
import io
import os
import random
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tui.sources import MAX_BYTES, Article, SourceError, expand, load
from tui.sources.sanitize import CONTROL_RE, sanitize


@dataclass(frozen=True)
class Ok:
    text: str
    title: str | None = None
    author: str | None = None
    date: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Err:
    message: str
    """The message after '<path>: '."""


def _rand(n: int) -> bytes:
    return random.Random(1234).randbytes(n)


LONG_LINE = " ".join(["lorem"] * 10_000) + "."  # 60,000 characters, one line
assert len(LONG_LINE) == 60_000
LONG_WORD = "a" * 100_000

HTML_PAGE = b"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Bridge to open Monday | The Daily</title>
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2024-03-05T10:00:00Z">
<script>document.write('SCRIPT IN HEAD')</script><style>body { color: red }</style></head>
<body><header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World news</a></li>
</ul></nav></header>
<main><article><h1>Bridge to open Monday</h1>
<p>The mayor said the bridge would open on Monday, ending a long wait for commuters in the city.</p>
<p>Its cost rose to $5 million, the council said in a statement on Friday.<br>A line after a break.</p>
<script>var hidden = "SCRIPT IN ARTICLE";</script>
<ul><li>First point about the bridge</li><li>Second point about it</li></ul>
<p>Work on the approach roads will continue until the end of the year, officials said.</p>
</article></main>
<footer><p>Copyright 2024 The Daily. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body></html>
"""
HTML_TEXT = (
    "Bridge to open Monday\n\n"
    "The mayor said the bridge would open on Monday, ending a long wait for commuters in the city.\n\n"
    "Its cost rose to $5 million, the council said in a statement on Friday.\n"
    "A line after a break.\n\n"
    "- First point about the bridge\n- Second point about it\n\n"
    "Work on the approach roads will continue until the end of the year, officials said.\n"
)

MARKDOWN = b"""# The *big* headline

A paragraph with **bold**, `code` and [a link](https://example.com) ![an image](x.png)
wrapped over two lines.

- first item
- second item
  1. nested

> A quoted paragraph.

## A subheading

| Team | Score |
|------|-------|
| A    | 3     |

<div>raw html is dropped</div>

Last paragraph &amp; done.
"""
MARKDOWN_TEXT = (
    "The big headline\n\n"
    "A paragraph with bold, code and a link wrapped over two lines.\n\n"
    "- first item\n- second item\n  1. nested\n\n"
    "A quoted paragraph.\n\n"
    "A subheading\n\n"
    "Team | Score\nA | 3\n\n"
    "Last paragraph & done.\n"
)

ESCAPES = (
    "Red \x1b[1;31malert\x1b[0m now.\n"                 # CSI colours
    "Clip\x1b]52;c;ZWNobyBwd25lZA==\x07board.\n"          # OSC 52 clipboard write
    "Ti\x1b]0;pwned title\x1b\\tle.\n"                    # OSC 0 window title, ST-terminated
    "Link \x1b]8;;http://evil.example\x1b\\here\x1b]8;;\x1b\\.\n"  # OSC 8 hyperlink
    "De\x1bPq#0;2;0;0;0#0~~\x1b\\vice.\n"                 # DCS (sixel)
    "Ap\x1b_hidden payload\x1b\\c.\n"                     # APC
    "Reset\x1bc and \x1b(Bcharset.\n"                     # ESC c, ESC ( B
    "Eight\u009b31mbit\u009dtitle\u009c C1.\n"            # 8-bit CSI, OSC, ST
    "Bell\x07 and backspace\x08 and DEL\x7f.\n"
)
ESCAPES_TEXT = (
    "Red alert now.\nClipboard.\nTitle.\nLink here.\nDevice.\nApc.\nReset and charset.\n"
    "Eightbit C1.\nBell and backspace and DEL.\n"
)

CASES: dict[str, tuple[str, bytes, Ok | Err]] = {
    # --- plain text, titles, line ends -------------------------------------------------------
    "plain-title": ("a.txt", b"Headline here\n\nThe mayor spoke.\n",
                    Ok("Headline here\n\nThe mayor spoke.\n", "Headline here")),
    "plain-no-title": ("a.txt", b"One line.\nAnother line.\n", Ok("One line.\nAnother line.\n")),
    "sentence-is-not-title": ("a.txt", b"It rained.\n\nA lot.\n", Ok("It rained.\n\nA lot.\n")),
    "question-title": ("a.txt", b"Will it rain?\n\nYes.\n", Ok("Will it rain?\n\nYes.\n", "Will it rain?")),
    "unknown-extension": ("notes.article", b"Title\n\nBody.", Ok("Title\n\nBody.", "Title")),
    "no-extension": ("README", b"Body only", Ok("Body only")),
    "crlf": ("a.txt", b"Title\r\n\r\nLine one.\r\nLine two.\r\n",
             Ok("Title\n\nLine one.\nLine two.\n", "Title")),
    "cr-only": ("a.txt", b"Title\r\rLine one.\rLine two.\r",
                Ok("Title\n\nLine one.\nLine two.\n", "Title")),
    "blank-lines-tidied": ("a.txt", b"\n\n  \nTitle  \n\n\n\n\nBody.\t \n\n\n",
                           Ok("Title\n\nBody.\n", "Title")),
    "tabs-kept": ("a.txt", b"Col\tumn\n\tindented\n", Ok("Col\tumn\n\tindented\n")),
    "empty": ("a.txt", b"", Ok("")),
    "whitespace-only": ("a.txt", b" \n\t\r\n  \n", Ok("")),
    # --- encodings ---------------------------------------------------------------------------
    "utf8-bom": ("a.txt", b"\xef\xbb\xbfTitle\n\nCaf\xc3\xa9.\n", Ok("Title\n\nCafé.\n", "Title")),
    "utf16-le-bom": ("a.txt", "Überschrift\n\nDer Text – „Zitat“.\n".encode("utf-16"),
                     Ok("Überschrift\n\nDer Text – „Zitat“.\n", "Überschrift")),
    "utf16-be-bom": ("a.txt", b"\xfe\xff" + "Título\n\nAño 2024.\n".encode("utf-16-be"),
                     Ok("Título\n\nAño 2024.\n", "Título")),
    "utf16-no-bom": ("a.txt", "Plain ASCII text in UTF-16.\n".encode("utf-16-le"),
                     Ok("Plain ASCII text in UTF-16.\n")),
    "cp1252": ("a.txt", "The minister\u2019s \u201cplan\u201d \u2013 \u20ac5m, na\u00efve.\n"
               .encode("cp1252"),
               Ok("The minister\u2019s \u201cplan\u201d \u2013 \u20ac5m, na\u00efve.\n")),
    "cp1252-short": ("a.txt", "Caf\u00e9".encode("cp1252"), Ok("Caf\u00e9")),
    "latin1": ("a.txt", "Ästhetik und Übermut: die Größe der Straße.\n".encode("latin-1"),
               Ok("Ästhetik und Übermut: die Größe der Straße.\n")),
    # --- unusual text ------------------------------------------------------------------------
    "long-line-60k": ("a.txt", LONG_LINE.encode() + b"\n", Ok(LONG_LINE + "\n")),
    "long-word-100k": ("a.txt", LONG_WORD.encode(), Ok(LONG_WORD)),
    "cjk": ("a.txt", "東京で会議\n\n北京今天举行会议。서울에서 회의가 열렸다.\n".encode(),
            Ok("東京で会議\n\n北京今天举行会议。서울에서 회의가 열렸다.\n", "東京で会議")),
    "right-to-left": ("a.txt", "مرحبا بالعالم\n\nשלום עולם, said the mayor.\n".encode(),
                      Ok("مرحبا بالعالم\n\nשלום עולם, said the mayor.\n", "مرحبا بالعالم")),
    "emoji-zwj": ("a.txt", "Family 👨\u200d👩\u200d👧 party 🎉 🇫🇷 👍🏽.\n".encode(),
                  Ok("Family 👨\u200d👩\u200d👧 party 🎉 🇫🇷 👍🏽.\n")),
    "zero-width": ("a.txt", "Pu\u200btin said\u2060 it\ufeff. \u200dX\u200c \u00adsoft\n".encode(),
                   Ok("Putin said it. X soft\n")),
    "bidi-override": ("a.txt", "Invoice \u202egnp.exe\u202c and \u2066iso\u2069 \u200fmark\n".encode(),
                      Ok("Invoice gnp.exe and iso mark\n")),
    "unbalanced-quotes": ("a.txt", "\"He said, \u201cwe will never\n\n\u2018go back\u201d.\"\"\n".encode(),
                          Ok("\"He said, \u201cwe will never\n\n\u2018go back\u201d.\"\"\n",
                             "\"He said, \u201cwe will never")),
    "rich-markup-literal": ("a.txt", b"[bold]Not bold[/] and [red]x[/red] \\[esc] [link=x]y[/link]\n",
                            Ok("[bold]Not bold[/] and [red]x[/red] \\[esc] [link=x]y[/link]\n")),
    "nul-bytes": ("a.txt", b"Hello\x00 world.\x00\n", Ok("Hello world.\n")),
    "escape-sequences": ("a.txt", ESCAPES.encode(), Ok(ESCAPES_TEXT)),
    "unicode-line-breaks": ("a.txt", "One\u2028two\u2029three\x0cfour\x0bfive\u0085six\n".encode(),
                            Ok("One\ntwo\n\nthree\nfour\nfive\nsix\n")),
    # --- site boilerplate --------------------------------------------------------------------
    "categorized-in": ("a.txt", b"Body of the article.\n\nCategorized in:",
                       Ok("Body of the article.")),
    "share-block": ("a.txt", b"Title\n\nBody.\n\nShare this:\nClick to share on X (Opens in new window)\n"
                    b"Facebook\n\nLike this:\nLoading...\n\nRelated\n",
                    Ok("Title\n\nBody.\n", "Title")),
    "tags-list": ("a.txt", b"Body.\n\nJane Doe\n\nTags: Russia, China, Energy\n",
                  Ok("Body.\n\nJane Doe\n")),
    "bare-tag-list": ("a.txt", b"Body.\n\nRussia | China | Xi Jinping | Energy\n", Ok("Body.\n")),
    "advertisement": ("a.txt", b"Body.\n\nAdvertisement\n", Ok("Body.\n")),
    "prose-ending-kept": ("a.txt", b"Body.\n\nMore than 50 people died.\n",
                          Ok("Body.\n\nMore than 50 people died.\n")),
    # --- Markdown and HTML -------------------------------------------------------------------
    "markdown": ("a.md", MARKDOWN, Ok(MARKDOWN_TEXT, "The big headline")),
    "markdown-front-matter": ("a.md", b"---\ntitle: \"From front matter\"\nauthor: Ann Lee\n"
                              b"date: 2024-01-02\n---\nBody *text*.\n",
                              Ok("From front matter\n\nBody text.\n", "From front matter",
                                 "Ann Lee", "2024-01-02")),
    "markdown-escapes": ("a.md", b"# Ti\x1b]0;x\x07tle\n\nBody \x1b[31mred\x1b[0m.\n",
                         Ok("Title\n\nBody red.\n", "Title")),
    "html": ("a.html", HTML_PAGE, Ok(HTML_TEXT, "Bridge to open Monday", "Jane Doe", "2024-03-05")),
    "html-sniffed-in-txt": ("page.txt", HTML_PAGE,
                            Ok(HTML_TEXT, "Bridge to open Monday", "Jane Doe", "2024-03-05")),
    "html-cp1252-meta": ("a.htm", b'<html><head><meta charset="windows-1252"><title>Caf\xe9</title>'
                         b'</head><body><p>Le caf\xe9 \x93ouvert\x94 le lundi, a dit le maire de la '
                         b'ville lors d\'une r\xe9union publique.</p></body></html>',
                         Ok("Caf\u00e9\n\nLe caf\u00e9 \u201couvert\u201d le lundi, a dit le maire de "
                            "la ville lors d'une r\u00e9union publique.\n", "Caf\u00e9")),
    "html-canonical-url": ("saved.html", b'<html><head><title>Saved</title><link rel="canonical" '
                           b'href="https://news.example/saved"></head><body><p>A saved page.</p>'
                           b'</body></html>', Ok("Saved\n\nA saved page.\n", "Saved",
                                                 url="https://news.example/saved")),
    "html-javascript-url": ("js.html", b'<html><head><title>JS</title><link rel="canonical" '
                            b'href="javascript:alert(1)"></head><body><p>Text.</p></body></html>',
                            Ok("JS\n\nText.\n", "JS")),
    "html-empty-body": ("a.html", b"<html><head><title>Only a title</title></head><body></body></html>",
                        Ok("Only a title\n", "Only a title")),
    # --- binary refusals ---------------------------------------------------------------------
    "png-image": ("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(64), Err("not a text article (a PNG image)")),
    "jpeg-image": ("a.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(64),
                   Err("not a text article (a JPEG image)")),
    "pdf": ("a.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", Err("not a text article (a PDF document)")),
    "zip-archive": ("a.zip", b"PK\x03\x04\x14\x00\x00\x00" + bytes(40),
                    Err("not a text article (a ZIP archive (or office document))")),
    "gzip-archive": ("a.txt.gz", gzip.compress(b"hello " * 100), Err("not a text article (a gzip archive)")),
    "elf-executable": ("prog", b"\x7fELF\x02\x01\x01" + bytes(64), Err("not a text article (an executable)")),
    "random-bytes": ("a.txt", _rand(4096), Err("not a text article (binary data)")),
    "many-nuls": ("a.txt", b"Text" + bytes(200) + b"more", Err("not a text article (binary data)")),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_catalogue(name: str, tmp_path: Path) -> None:
    filename, content, expected = CASES[name]
    path = tmp_path / filename
    path.write_bytes(content)
    if isinstance(expected, Err):
        with pytest.raises(SourceError) as info:
            load(str(path))
        assert str(info.value) == f"{path}: {expected.message}"
        return
    article = load(str(path))
    assert article.text == expected.text
    assert article.title == expected.title
    assert article.author == expected.author
    assert article.date == expected.date
    assert article.url == expected.url
    assert article.source == str(path)
    assert not CONTROL_RE.search(article.text)
    assert path.read_bytes() == content  # never written


def test_catalogue_is_big_enough() -> None:
    assert len(CASES) >= 25


# --- paths that are not plain files -----------------------------------------------------------

def test_missing_path(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match=r"^.*nope\.txt: no such file$"):
        load(str(tmp_path / "nope.txt"))


def test_folder_is_not_an_article(tmp_path: Path) -> None:
    with pytest.raises(SourceError) as info:
        load(str(tmp_path))
    assert str(info.value) == f"{tmp_path}: is a folder"


def test_huge_file_refused_without_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:  # sparse: 3 GiB on paper, nothing on disk
        fh.truncate(3 * 1024**3)
    with pytest.raises(SourceError) as info:
        load(str(path))
    assert str(info.value) == f"{path}: larger than 16 MiB (3,221,225,472 bytes)"


def test_just_over_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * (MAX_BYTES + 1))
    with pytest.raises(SourceError, match=r": larger than 16 MiB \(16,777,217 bytes\)$"):
        load(str(path))


def test_at_the_limit_loads(tmp_path: Path) -> None:
    path = tmp_path / "limit.txt"
    path.write_bytes((b"word " * (MAX_BYTES // 5)).ljust(MAX_BYTES, b"x"))
    assert len(load(str(path)).text) == MAX_BYTES


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_dev_zero_refused_quickly() -> None:
    with pytest.raises(SourceError) as info:
        load("/dev/zero")
    assert str(info.value) == "/dev/zero: not a text article (binary data)"


@pytest.mark.skipif(not os.path.exists("/dev/null"), reason="no /dev/null")
def test_dev_null_is_empty() -> None:
    assert load("/dev/null").text == ""


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_endless_text_pipe_refused_at_limit(tmp_path: Path) -> None:
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)

    def writer() -> None:
        try:
            with open(fifo, "wb") as fh:
                line = b"all work and no play\n" * 1000
                while True:
                    fh.write(line)
        except (BrokenPipeError, OSError):
            pass

    thread = threading.Thread(target=writer, daemon=True)
    thread.start()
    with pytest.raises(SourceError) as info:
        load(str(fifo))
    assert str(info.value) == f"{fifo}: larger than 16 MiB"
    thread.join(5)


def test_control_characters_in_the_path_are_shown_not_sent(tmp_path: Path) -> None:
    name = "evil\x1b]0;pwned\x07.txt"
    with pytest.raises(SourceError) as info:
        load(str(tmp_path / name))
    message = str(info.value)
    assert "\x1b" not in message and "\x07" not in message
    assert message.endswith("evil\\x1b]0;pwned\\x07.txt: no such file")


# --- standard input -----------------------------------------------------------------------------

def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


def test_stdin_text(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, b"Piped title\r\n\r\nFrom \x1b[2Jstdin.\r\n")
    article = load("-")
    assert article == Article("Piped title\n\nFrom stdin.\n", "-", "Piped title")


def test_stdin_can_be_loaded_twice(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, b"Once\n\nRead once, loaded twice.\n")
    assert load("-") == load("-")
    assert load("-").text == "Once\n\nRead once, loaded twice.\n"


def test_stdin_html(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, HTML_PAGE)
    assert load("-").text == HTML_TEXT


def test_stdin_binary(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, bytes(200_000))
    with pytest.raises(SourceError, match=r"^-: not a text article \(binary data\)$"):
        load("-")


def test_stdin_too_big(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, b"y\n" * (MAX_BYTES // 2 + 1))
    with pytest.raises(SourceError, match=r"^-: larger than 16 MiB$"):
        load("-")


def test_stdin_unreadable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", None)
    with pytest.raises(SourceError, match=r"^-: standard input is not readable$"):
        load("-")


# --- folders ----------------------------------------------------------------------------------

def test_expand_folder(tmp_path: Path) -> None:
    for name, data in {
        "b.txt": b"B", "a.md": b"# A", "c.html": b"<p>c</p>", "notes": b"text",
        ".hidden.txt": b"x", "backup.txt~": b"x", "photo.jpg": b"\xff\xd8\xff", "data.json": b"{}",
        "disguised.txt": b"\x89PNG\r\n\x1a\n" + bytes(20),
    }.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "sub").mkdir()
    assert expand([str(tmp_path), "-", "https://example.com/x", "missing.txt"]) == [
        str(tmp_path / n) for n in ("a.md", "b.txt", "c.html", "notes")
    ] + ["-", "https://example.com/x", "missing.txt"]


def test_expand_folder_without_articles(tmp_path: Path) -> None:
    (tmp_path / ".DS_Store").write_bytes(b"x")
    (tmp_path / "cover.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    with pytest.raises(SourceError) as info:
        expand([str(tmp_path)])
    assert str(info.value) == f"{tmp_path}: folder has no articles"


def test_expand_empty_folder(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match=r"folder has no articles$"):
        expand([str(tmp_path)])


# --- sanitize on strings (things bytes cannot hold) -----------------------------------------------

@pytest.mark.parametrize(("raw", "clean"), [
    ("lone\ud800 surrogate\udfff", "lone surrogate"),
    ("unterminated \x1b]0;title\nnext", "unterminated \nnext"),
    ("a\x1b", "a"),
    ("tag\U000e0041\U000e0042s", "tags"),
    ("\u200dstart and end\u200c", "start and end"),
    ("double\u200d\u200djoiner", "doublejoiner"),
    ("keep\u200cZWNJ", "keep\u200cZWNJ"),
    ("nonchar\ufffe\uffff\ufdd0", "nonchar"),
])
def test_sanitize_strings(raw: str, clean: str) -> None:
    assert sanitize(raw) == clean
    assert not CONTROL_RE.search(sanitize(raw))


def test_html_control_references_and_raw_escapes(tmp_path: Path) -> None:
    """A referenced control character must not make the extractor drop the page, and a raw ESC
    inside HTML must not leave the rest of its sequence behind as text."""
    page = tmp_path / "page.html"
    page.write_bytes(
        b"<html><head><title>T\x1b]0;PWNED\x07 [b]z</title></head><body><article>"
        b"<p>The vote &#11; was close, the council said on Monday after a long debate.</p>"
        b"<p>Colour \x1b[31mred\x1b[0m and a dash &#150; stay readable in this paragraph.</p>"
        b"</article></body></html>"
    )
    article = load(str(page))
    assert article.title == "T [b]z"
    assert "The vote was close, the council said on Monday" in article.text
    assert "Colour red and a dash \u2013 stay" in article.text
    assert not CONTROL_RE.search(article.text) and "PWNED" not in article.text
