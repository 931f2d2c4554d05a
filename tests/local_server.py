"""A web server on 127.0.0.1 for the tests that fetch URLs, and the setting that keeps every request
there (no proxy, short time limits)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tui.sources import fetch

PROXY_VARIABLES = ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY",
                   "ALL_PROXY")


@contextmanager
def serve(handler: type[BaseHTTPRequestHandler]) -> Iterator[str]:
    """Serve ``handler`` on a free port of 127.0.0.1; yields the base URL, stops on exit."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_port}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def local_only(monkeypatch: pytest.MonkeyPatch, *, connect: float | None = None,
               total: float | None = None) -> None:
    """Never send the test's requests anywhere but 127.0.0.1; optionally shorter time limits."""
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("no_proxy", "*")
    if connect is not None:
        monkeypatch.setattr(fetch, "CONNECT_TIMEOUT", connect)
    if total is not None:
        monkeypatch.setattr(fetch, "TOTAL_TIMEOUT", total)
