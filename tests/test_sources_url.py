"""Loading from http:// URLs, against a local server on 127.0.0.1 started by the test."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler

import pytest
from local_server import local_only, serve
from test_sources_catalogue import HTML_PAGE, HTML_TEXT

from tui.cli import main
from tui.sources import SourceError, load

PLAIN = b"Plain title\r\n\r\nA plain text article.\r\n"


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass

    def _send(self, code: int, body: bytes, ctype: str | None, extra: dict[str, str] | None = None) -> None:
        self.send_response(code)
        if ctype:
            self.send_header("Content-Type", ctype)
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _stream_forever(self, ctype: str, chunk: bytes, pause: float) -> None:
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Connection", "close")
        self.end_headers()
        try:
            while True:
                self.wfile.write(chunk)
                if pause:
                    time.sleep(pause)
        except OSError:  # the client hung up
            pass
        self.close_connection = True

    def do_GET(self) -> None:
        path = self.path
        if path == "/article":
            self._send(200, HTML_PAGE, "text/html; charset=utf-8")
        elif path == "/redirect":
            self._send(302, b"", "text/html", {"Location": "/redirect2"})
        elif path == "/redirect2":
            self._send(301, b"", "text/html", {"Location": f"http://127.0.0.1:{self.server.server_port}/article"})
        elif path == "/loop":
            self._send(302, b"", "text/html", {"Location": "/loop"})
        elif path == "/to-file":
            self._send(302, b"", "text/html", {"Location": "file:///etc/passwd"})
        elif path == "/to-ftp":
            self._send(302, b"", "text/html", {"Location": "ftp://127.0.0.1/article.txt"})
        elif path == "/missing":
            self._send(404, b"<h1>Not here</h1>", "text/html")
        elif path == "/broken":
            self._send(500, b"oops", "text/plain")
        elif path == "/slow":
            time.sleep(3)
            self._send(200, HTML_PAGE, "text/html")
        elif path == "/endless":
            self._stream_forever("text/html", b"<p>" + b"more text " * 6000 + b"</p>\n", 0)
        elif path == "/dribble":
            self._stream_forever("text/plain", b"a", 0.05)
        elif path == "/declared-huge":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(5 * 1024**3))
            self.end_headers()
        elif path == "/image":
            self._send(200, b"\x89PNG\r\n\x1a\n" + bytes(100), "image/png")
        elif path == "/pdf":
            self._send(200, b"%PDF-1.7\n", "application/pdf")
        elif path == "/text":
            self._send(200, PLAIN, "text/plain; charset=utf-8")
        elif path == "/markdown":
            self._send(200, b"# MD title\n\nSome *text*.\n", "text/markdown")
        elif path == "/untyped-html":
            self._send(200, HTML_PAGE, None)
        elif path == "/untyped-binary":
            self._send(200, bytes(range(256)) * 300, None)
        elif path == "/cp1252":
            body = ("<html><head><title>Caf\u00e9</title></head><body><p>Le caf\u00e9 \u201couvert\u201d "
                    "le lundi, a dit le maire de la ville lors d'une r\u00e9union.</p></body></html>")
            self._send(200, body.encode("cp1252"), "text/html; charset=windows-1252")
        elif path == "/escapes":
            self._send(200, b"Title\n\nBody \x1b]52;c;cHduZWQ=\x07with \x1b[31mescapes\x1b[0m.\n",
                       "text/plain")
        else:
            self._send(404, b"", "text/plain")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with serve(Handler) as url:
        yield url


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    """Never send the test's requests anywhere but 127.0.0.1."""
    local_only(monkeypatch, connect=1.0, total=2.0)


def test_article(server: str) -> None:
    article = load(f"{server}/article")
    assert article.text == HTML_TEXT
    assert article.title == "Bridge to open Monday"
    assert article.author == "Jane Doe"
    assert article.date == "2024-03-05"
    assert article.source == f"{server}/article"
    assert article.url == f"{server}/article"


def test_redirects_are_followed(server: str) -> None:
    article = load(f"{server}/redirect")
    assert article.text == HTML_TEXT
    assert article.source == f"{server}/redirect"
    assert article.url == f"{server}/article"


def test_plain_text_and_markdown(server: str) -> None:
    text = load(f"{server}/text")
    assert (text.text, text.title) == ("Plain title\n\nA plain text article.\n", "Plain title")
    md = load(f"{server}/markdown")
    assert (md.text, md.title) == ("MD title\n\nSome text.\n", "MD title")


def test_declared_charset(server: str) -> None:
    article = load(f"{server}/cp1252")
    assert article.text == ("Caf\u00e9\n\nLe caf\u00e9 \u201couvert\u201d le lundi, a dit le maire de la "
                            "ville lors d'une r\u00e9union.\n")


def test_untyped_html_is_sniffed(server: str) -> None:
    assert load(f"{server}/untyped-html").text == HTML_TEXT


def test_escapes_never_get_through(server: str) -> None:
    assert load(f"{server}/escapes").text == "Title\n\nBody with escapes.\n"


@pytest.mark.parametrize(("path", "message"), [
    ("/missing", "HTTP 404 Not Found"),
    ("/broken", "HTTP 500 Internal Server Error"),
    ("/image", "not an article (the server sent image/png)"),
    ("/pdf", "not an article (the server sent application/pdf)"),
    ("/untyped-binary", "not an article (binary data)"),
    ("/declared-huge", "larger than 16 MiB (Content-Length 5,368,709,120 bytes)"),
    ("/endless", "larger than 16 MiB"),
    ("/slow", "timed out (no answer within 1 s)"),
    ("/dribble", "timed out after 2 s"),
    ("/to-file", "HTTP 302 Found - Redirection to url 'file:///etc/passwd' is not allowed"),
    ("/to-ftp", "redirected to a non-web address (ftp:)"),
])
def test_refusals(server: str, path: str, message: str) -> None:
    started = time.monotonic()
    with pytest.raises(SourceError) as info:
        load(f"{server}{path}")
    assert str(info.value) == f"{server}{path}: {message}"
    assert time.monotonic() - started < 10


def test_redirect_loop(server: str) -> None:
    with pytest.raises(SourceError, match=r"/loop: HTTP 302 .*infinite loop"):
        load(f"{server}/loop")


@pytest.mark.parametrize(("url", "shown", "message"), [
    ("http://[::1", "http://[::1", "not a valid URL (Invalid IPv6 URL)"),
    ("http://exa mple.invalid/", "http://exa mple.invalid/",
     "not a valid URL (URL can't contain control characters. 'exa mple.invalid' (found at least ' '))"),
    ("https://", "https://", "cannot fetch (no host given)"),
    ("http://\x1b]0;x\x07.invalid/", "http://\\x1b]0;x\\x07.invalid/",
     "not a valid URL (Invalid IPv6 URL)"),  # fails while parsing: no name lookup
])
def test_invalid_urls(url: str, shown: str, message: str | None) -> None:
    with pytest.raises(SourceError) as info:
        load(url)
    text = str(info.value)
    assert text.startswith(f"{shown}: ") and "\x1b" not in text and "\x07" not in text
    if message is not None:
        assert text == f"{shown}: {message}"


def test_connection_refused() -> None:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()  # nothing listens there now
    with pytest.raises(SourceError) as info:
        load(f"http://127.0.0.1:{port}/article")
    assert str(info.value) == f"http://127.0.0.1:{port}/article: cannot connect (connection refused)"


def test_cli_refusal_is_one_line_exit_1(server: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", f"{server}/image", "--no-cache"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (f"newsreader: error: {server}/image: not an article "
                            "(the server sent image/png)\n")


def test_cli_analyses_a_url(server: str, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    assert main(["analyze", f"{server}/article", "--no-cache"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["text"] == HTML_TEXT and doc["title"] == "Bridge to open Monday"
