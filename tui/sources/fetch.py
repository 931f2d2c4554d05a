"""Fetching an article from an ``http://`` or ``https://`` URL (standard-library urllib).

Limits (module constants, so tests can shrink them):

* :data:`CONNECT_TIMEOUT` seconds to connect, and at most that long without receiving a byte;
* :data:`TOTAL_TIMEOUT` seconds for the whole download (checked between reads, so the real bound
  is ``TOTAL_TIMEOUT + CONNECT_TIMEOUT``);
* :data:`RESOLVE_TIMEOUT` seconds (and never past the total) for each name lookup: the system's
  resolver has no time limit of its own, so it runs in a helper thread that is abandoned if it
  hangs;
* a body shorter than its ``Content-Length`` (the connection closed early) is refused, not taken
  as the whole article;
* :data:`MAX_BYTES` (the same 16 MiB as files): a larger ``Content-Length`` is refused before
  reading, a body that goes past it is refused as soon as it does;
* at most :data:`MAX_REDIRECTS` redirects, to ``http``/``https`` only, and never from a public
  host to a local one (:func:`is_local`: a web page cannot send newsreader to a service on this
  machine or its network; a local URL named by the user, and its local redirects, work).

Only HTML, XHTML, text and RSS/Atom responses are accepted; anything else (images, PDF, JSON,
binary, and text that is code: JavaScript, CSS) is refused by its ``Content-Type`` (or, without
one, by sniffing the bytes).
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from email.message import Message
from functools import partial
from http.client import HTTPMessage
from typing import IO, Any

from tui import __version__
from tui.sources.article import SourceError
from tui.sources.limits import MAX_BYTES, mib

CONNECT_TIMEOUT = 10.0
TOTAL_TIMEOUT = 30.0
RESOLVE_TIMEOUT = 10.0
MAX_REDIRECTS = 10
CHUNK = 64 * 1024
USER_AGENT = f"newsreader/{__version__} (+https://example.invalid/newsreader; article reader)"

_TEXT_TYPES = ("text/", "application/xhtml+xml", "application/xml", "application/html",
               "application/rss+xml", "application/atom+xml", "application/rdf+xml",
               "application/x-rss+xml", "application/x-atom+xml")
_CODE_TYPES = frozenset({"text/javascript", "text/ecmascript", "text/x-javascript", "text/jscript",
                         "text/css", "text/x-python", "text/x-sh"})
"""Text types that are code, not articles: refused like any other non-article type."""


@dataclass(slots=True)
class Fetched:
    body: bytes
    url: str
    """The final URL, after redirects."""
    content_type: str
    """The media type, lower case, without parameters ('' when the server sent none)."""
    charset: str | None


class _Redirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        if not newurl.lower().startswith(("http://", "https://")):
            raise SourceError(f"redirected to a non-web address ({newurl.split(':', 1)[0]}:)")
        old_host = urllib.parse.urlsplit(req.full_url).hostname or ""
        new_host = urllib.parse.urlsplit(newurl).hostname or ""
        if is_local(new_host) and not is_local(old_host):
            raise SourceError(f"a web page redirected to a local address ({new_host}); "
                              "name the local address directly if it is meant")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def is_local(host: str) -> bool:
    """A host name or address on this machine or its private network (``localhost``,
    ``127.0.0.1``, ``::1``, ``10.x``, ``192.168.x``, link-local). Names are not resolved."""
    host = host.strip("[]").lower().rstrip(".")
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_loopback or address.is_private or address.is_link_local \
        or address.is_unspecified


def _resolve(host: str, port: int, timeout: float) -> list[tuple[Any, ...]]:
    """``getaddrinfo`` within ``timeout`` seconds (in a daemon thread: it cannot be interrupted)."""
    result: list[Any] = []

    def lookup() -> None:
        try:
            result.append(socket.getaddrinfo(host, port, type=socket.SOCK_STREAM))
        except OSError as exc:
            result.append(exc)

    thread = threading.Thread(target=lookup, name="newsreader-resolve", daemon=True)
    thread.start()
    thread.join(max(0.0, timeout))
    if not result:
        raise SourceError(f"timed out looking up {host} (no answer within {timeout:g} s)")
    if isinstance(result[0], OSError):
        raise result[0]
    return list(result[0])


def _connect(deadline: float, address: tuple[str, int], timeout: float | None = None,
             source_address: tuple[str, int] | None = None) -> socket.socket:
    """``socket.create_connection`` with a bounded name lookup."""
    host, port = address
    limit = min(RESOLVE_TIMEOUT, deadline - time.monotonic())
    error: OSError | None = None
    for family, kind, proto, _, sockaddr in _resolve(host, port, limit):
        sock = socket.socket(family, kind, proto)
        try:
            sock.settimeout(timeout)
            if source_address:
                sock.bind(source_address)
            sock.connect(sockaddr)
            return sock
        except OSError as exc:
            sock.close()
            error = exc
    raise error or OSError(f"no address for {host}")


class _HTTPConnection(http.client.HTTPConnection):
    def __init__(self, *args: Any, deadline: float, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._create_connection = partial(_connect, deadline)


class _HTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, *args: Any, deadline: float, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._create_connection = partial(_connect, deadline)


class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, deadline: float) -> None:
        super().__init__()
        self.deadline = deadline

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(partial(_HTTPConnection, deadline=self.deadline), req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, deadline: float) -> None:
        super().__init__()
        self.deadline = deadline

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(partial(_HTTPSConnection, deadline=self.deadline), req)


def fetch(url: str) -> Fetched:
    """Download ``url`` within the limits above or raise :class:`SourceError` (no source prefix)."""
    deadline = time.monotonic() + TOTAL_TIMEOUT
    try:
        request = urllib.request.Request(url, headers={
            "User-Agent": USER_AGENT,
            "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,application/rss+xml,"
                      "application/atom+xml;q=0.8,*/*;q=0.1",
            "Accept-Encoding": "identity",
        })
        opener = urllib.request.build_opener(_Redirects(), _HTTPHandler(deadline),
                                             _HTTPSHandler(deadline))
        with opener.open(request, timeout=CONNECT_TIMEOUT) as resp:
            headers: Message = resp.headers
            content_type = headers.get_content_type() if headers.get("Content-Type") else ""
            charset = headers.get_content_charset()
            if content_type and (not content_type.startswith(_TEXT_TYPES)
                                 or content_type in _CODE_TYPES):
                raise SourceError(f"not an article (the server sent {content_type})")
            length = headers.get("Content-Length")
            if length and length.strip().isdigit() and int(length) > MAX_BYTES:
                raise SourceError(f"larger than {mib(MAX_BYTES)} MiB "
                                  f"(Content-Length {int(length):,} bytes)")
            chunks: list[bytes] = []
            size = 0
            while True:
                if time.monotonic() > deadline:
                    raise SourceError(f"timed out after {TOTAL_TIMEOUT:g} s")
                chunk = resp.read1(CHUNK)
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
                if size > MAX_BYTES:
                    raise SourceError(f"larger than {mib(MAX_BYTES)} MiB")
            missing = getattr(resp, "length", None)
            if missing:  # http.client counts down what Content-Length promised
                raise SourceError(f"incomplete (the connection closed after {size:,} bytes, "
                                  f"{missing:,} short of its Content-Length)")
            return Fetched(b"".join(chunks), resp.geturl() or url, content_type, charset)
    except SourceError:
        raise
    except urllib.error.HTTPError as exc:
        reason = " ".join(str(exc.reason or "").split())
        raise SourceError(f"HTTP {exc.code}" + (f" {reason}" if reason else "")) from exc
    except urllib.error.URLError as exc:
        raise SourceError(_reason(exc.reason)) from exc
    except TimeoutError as exc:
        raise SourceError(f"timed out (no answer within {CONNECT_TIMEOUT:g} s)") from exc
    except (ValueError, http.client.InvalidURL) as exc:  # 'http://[x', spaces, control characters
        raise SourceError(f"not a valid URL ({' '.join(str(exc).split())})") from exc
    except (OSError, ssl.SSLError) as exc:  # resets
        raise SourceError(_reason(exc)) from exc
    except Exception as exc:  # http.client.HTTPException and friends: one line, never a traceback
        raise SourceError(f"cannot fetch ({type(exc).__name__}: {exc})") from exc


def _reason(reason: object) -> str:
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return f"timed out (no answer within {CONNECT_TIMEOUT:g} s)"
    if isinstance(reason, ConnectionRefusedError):
        return "cannot connect (connection refused)"
    if isinstance(reason, socket.gaierror):
        return "cannot connect (unknown host)"
    if isinstance(reason, ssl.SSLError):
        return f"TLS error ({reason.reason or reason})"
    if isinstance(reason, OSError) and reason.strerror:
        return f"cannot connect ({reason.strerror.lower()})"
    text = " ".join(str(reason).split())
    return f"cannot fetch ({text})" if text else "cannot fetch"
