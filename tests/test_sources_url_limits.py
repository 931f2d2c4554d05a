"""URL limits beyond the catalogue: a name lookup that hangs, a body cut short of its length."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler

import pytest
from local_server import local_only, serve

from tui.sources import SourceError, fetch, load


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass

    def do_GET(self) -> None:
        if self.path in ("/script", "/style"):
            body = b"var x = 1;" if self.path == "/script" else b"p { color: red }"
            self.send_response(200)
            self.send_header("Content-Type", "text/javascript" if self.path == "/script"
                             else "text/css; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        if self.path == "/local-redirect":
            self.send_response(302)
            self.send_header("Location", f"http://127.0.0.1:{self.server.server_port}/whole")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        if self.path == "/short":
            self.send_header("Content-Length", "1000")
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(b"Only the first part of the article.\n")
            self.close_connection = True
            return
        body = b"Title\n\nA whole article.\n"
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with serve(Handler) as url:
        yield url


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    local_only(monkeypatch)


def test_local_addresses_still_work(server: str) -> None:
    assert load(f"{server}/whole").text == "Title\n\nA whole article.\n"


def test_a_body_shorter_than_its_content_length_is_refused(server: str) -> None:
    with pytest.raises(SourceError, match="incomplete"):
        load(f"{server}/short")


def test_a_hanging_name_lookup_has_its_own_time_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    real = socket.getaddrinfo

    def dead_resolver(host: str, *args: object, **kwargs: object) -> object:
        if host == "news.invalid":
            time.sleep(5)
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", dead_resolver)
    monkeypatch.setattr(fetch, "RESOLVE_TIMEOUT", 0.3)
    started = time.monotonic()
    with pytest.raises(SourceError, match=r"timed out looking up news\.invalid"):
        load("http://news.invalid/article")
    assert time.monotonic() - started < 4


def test_the_lookup_never_outlasts_the_total_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(socket, "getaddrinfo", lambda *a, **k: time.sleep(5))
    monkeypatch.setattr(fetch, "TOTAL_TIMEOUT", 0.3)
    with pytest.raises(SourceError, match="timed out looking up"):
        load("http://news.invalid/article")


@pytest.mark.parametrize("path", ["/script", "/style"])
def test_code_is_not_an_article(server: str, path: str) -> None:
    with pytest.raises(SourceError, match="not an article"):
        load(f"{server}{path}")


def test_local_redirects_of_a_local_url_work(server: str) -> None:
    assert load(f"{server}/local-redirect").text == "Title\n\nA whole article.\n"


@pytest.mark.parametrize("target", ["http://127.0.0.1:6379/", "http://localhost:8080/admin",
                                    "http://[::1]:9000/", "http://192.168.1.1/",
                                    "http://169.254.169.254/latest/meta-data/"])
def test_a_public_page_cannot_redirect_to_a_local_address(target: str) -> None:
    import urllib.request
    from email.message import Message

    handler = fetch._Redirects()
    request = urllib.request.Request("http://news.example.com/story")
    with pytest.raises(SourceError, match="redirected to a local address"):
        handler.redirect_request(request, None, 302, "Found", Message(), target)


def test_local_hosts() -> None:
    assert all(map(fetch.is_local, ["localhost", "127.0.0.1", "::1", "[::1]", "10.0.0.2",
                                    "app.localhost", "0.0.0.0"]))
    assert not any(map(fetch.is_local, ["news.example.com", "8.8.8.8", "2001:4860::1"]))
