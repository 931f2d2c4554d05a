"""News feeds (RSS 2.0, RSS 1.0, Atom) served by a local server on 127.0.0.1 started by the test."""

from __future__ import annotations

import json
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from local_server import local_only, serve

from tui import batch
from tui.cli import main
from tui.sources import Article, Feed, SourceError, fetch, read
from tui.sources.feeds import looks_like_feed, parse_feed, retitled

PAGES = {
    "/one": ("Harbour plan | The Gazette",
             "Mara Quell, the harbour chief, said the plan would cost $2 million. "
             "\"We start in May,\" Quell said."),
    "/two": ("Rail strike | The Gazette",
             "Drivers at Velin Rail stopped work on Tuesday, the union said."),
    "/three": ("Flood warning | The Gazette",
               "The river rose by two metres overnight, officials said."),
}


def page(title: str, body: str, feed: str | None = None) -> bytes:
    link = f'<link rel="alternate" type="application/rss+xml" title="News" href="{feed}">' \
        if feed else ""
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title>{link}"
            f"</head><body><article><h1>{title.split(' |')[0]}</h1><p>{body}</p>"
            f"<p>More text follows here so that the page has a main text to extract.</p>"
            f"</article></body></html>").encode()


def rss(base: str, items: list[tuple[str, str]]) -> bytes:
    entries = "".join(f"<item><title>{t}</title><link>{base}{p}</link>"
                      f"<pubDate>Tue, 01 Dec 2026 0{i}:00:00 GMT</pubDate></item>"
                      for i, (t, p) in enumerate(items))
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>The Gazette &lt;b&gt;[bold]news[/bold]&lt;/b&gt;</title>"
            f"<link>{base}/</link>{entries}</channel></rss>").encode()


def atom(base: str) -> bytes:
    return (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>Gazette Atom</title><id>urn:x</id><updated>2026-12-01T00:00:00Z</updated>"
            f'<entry><title>Rail strike</title><link rel="alternate" href="{base}/two"/>'
            f"<id>urn:2</id><updated>2026-12-01T09:30:00Z</updated></entry>"
            f'<entry><title type="html">Harbour &lt;i&gt;plan&lt;/i&gt;</title>'
            f'<link href="/one"/><id>urn:1</id><updated>2026-11-30T00:00:00Z</updated></entry>'
            f"</feed>").encode()


RDF = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
<channel rdf:about="http://x/"><title>RDF news</title><link>http://x/</link></channel>
<item rdf:about="LINK/three"><title>Flood warning</title><link>LINK/three</link></item>
</rdf:RDF>"""


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass

    def _send(self, code: int, body: bytes, ctype: str) -> None:
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        base = f"http://127.0.0.1:{self.server.server_port}"
        path = self.path
        if path in PAGES:
            self._send(200, page(*PAGES[path]), "text/html; charset=utf-8")
        elif path == "/with-feed":
            self._send(200, page(*PAGES["/one"], feed="/rss"), "text/html")
        elif path == "/rss":
            self._send(200, rss(base, [("Harbour plan", "/one"), ("Rail strike", "/two")]),
                       "application/rss+xml")
        elif path == "/broken-item":
            self._send(200, rss(base, [("Harbour plan", "/one"), ("Gone", "/missing"),
                                       ("Flood warning", "/three")]), "application/rss+xml")
        elif path in ("/x-rss", "/x-atom"):  # the older types, as python -m http.server sends
            body = rss(base, [("Harbour plan", "/one")]) if path == "/x-rss" else atom(base)
            self._send(200, body, f"application{path}+xml")
        elif path == "/atom":
            self._send(200, atom(base), "application/atom+xml; charset=utf-8")
        elif path == "/rdf-as-xml":
            self._send(200, RDF.replace(b"LINK", base.encode()), "application/xml")
        elif path == "/huge":
            items = [(f"Story {i}", f"/story/{i}") for i in range(3000)]
            self._send(200, rss(base, items), "application/rss+xml")
        elif path == "/empty-feed":
            self._send(200, rss(base, []), "application/rss+xml")
        elif path == "/truncated":
            self._send(200, b"<rss><channel><item><title>x</title><link>/one", "application/rss+xml")
        elif path == "/not-xml":
            self._send(200, b"Hello, this is not a feed.", "application/rss+xml")
        else:
            self._send(404, b"", "text/plain")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with serve(Handler) as url:
        yield url


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    local_only(monkeypatch, connect=2.0, total=5.0)


def test_rss_feed_is_read_as_items(server: str) -> None:
    feed = read(f"{server}/rss")
    assert isinstance(feed, Feed)
    assert feed.title == "The Gazette [bold]news[/bold]"  # tags gone, markup-like text kept as data
    assert [(i.position, i.title, i.link) for i in feed.items] == [
        (1, "Harbour plan", f"{server}/one"), (2, "Rail strike", f"{server}/two")]
    assert feed.items[0].date == "2026-12-01"
    assert feed.items[1].date == "2026-12-01 01:00"


def test_atom_feed_resolves_links_and_html_titles(server: str) -> None:
    feed = read(f"{server}/atom")
    assert isinstance(feed, Feed) and feed.title == "Gazette Atom"
    assert [(i.title, i.link) for i in feed.items] == [
        ("Rail strike", f"{server}/two"), ("Harbour plan", f"{server}/one")]


def test_rss1_feed_sniffed_from_plain_xml(server: str) -> None:
    feed = read(f"{server}/rdf-as-xml")
    assert isinstance(feed, Feed) and feed.title == "RDF news"
    assert [i.link for i in feed.items] == [f"{server}/three"]


def test_article_page_stays_an_article_and_names_its_feed(server: str) -> None:
    article = read(f"{server}/with-feed")
    assert isinstance(article, Article)
    assert article.title == "Harbour plan"
    assert article.feed == f"{server}/rss"


def test_local_feed_file(tmp_path: Path) -> None:
    path = tmp_path / "news.atom"
    path.write_bytes(atom("http://127.0.0.1:9"))
    feed = read(str(path))
    assert isinstance(feed, Feed) and len(feed.items) == 2
    not_a_feed = tmp_path / "notes.xml"
    not_a_feed.write_text("Plain notes\n\nNot a feed at all.\n", encoding="utf-8")
    assert isinstance(read(str(not_a_feed)), Article)


def test_sniffing() -> None:
    assert looks_like_feed(b'<?xml version="1.0"?>\n<!-- c --><rss version="2.0">')
    assert looks_like_feed(b'\xef\xbb\xbf<feed xmlns="http://www.w3.org/2005/Atom">')
    assert not looks_like_feed(b"<!DOCTYPE html><html>")
    assert not looks_like_feed(b"rss feed")


def test_hostile_titles_are_one_line_of_text() -> None:
    raw = (b'<rss version="2.0"><channel><title>A\x1b]0;owned\x07 B</title>'
           b"<item><title>Line\nbreak \xe2\x80\xae evil</title><link>javascript:alert(1)</link>"
           b"</item><item><title>x</title><link>file:///etc/passwd</link></item></channel></rss>")
    feed = parse_feed(raw, "f", base=None)
    assert feed.title == "A B"
    assert feed.items[0].title == "Line break evil"
    assert [i.link for i in feed.items] == [None, None]


def test_retitled_replaces_the_page_title() -> None:
    article = Article(text="Plan | Site\n\nBody.\n", source="s", title="Plan | Site")
    got = retitled(article, "Plan")
    assert got.title == "Plan" and got.text == "Plan\n\nBody.\n"
    assert retitled(Article(text="Body.\n", source="s"), "T").text == "T\n\nBody.\n"


def test_huge_feed_lists_every_item(server: str) -> None:
    feed = read(f"{server}/huge")
    assert isinstance(feed, Feed) and len(feed.items) == 3000
    assert feed.items[-1].title == "Story 2999"


def test_feed_over_the_size_limit_is_refused(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fetch, "MAX_BYTES", 64 * 1024)
    with pytest.raises(SourceError, match=r"/huge: larger than"):
        read(f"{server}/huge")


def test_truncated_feed_keeps_what_it_has(server: str) -> None:
    feed = read(f"{server}/truncated")
    assert isinstance(feed, Feed) and [i.title for i in feed.items] == ["x"]


def test_broken_feed_is_one_line(server: str) -> None:
    with pytest.raises(SourceError, match=r"/not-xml: not a readable feed"):
        read(f"{server}/not-xml")


def test_jobs_expand_feeds_in_order(server: str, tmp_path: Path) -> None:
    local = tmp_path / "a.txt"
    local.write_text("Local\n\nA local article.\n", encoding="utf-8")
    got = list(batch.jobs([str(local), f"{server}/rss", f"{server}/two", f"{server}/empty-feed"]))
    assert got[0].target == str(local)
    assert [j.item.title for j in got[1:3] if j.item] == ["Harbour plan", "Rail strike"]
    assert got[3].article is not None and got[3].article.title == "Rail strike"
    assert got[4].error and "no items" in got[4].error


def test_analyze_feed_one_line_per_item_broken_item_reported(
        server: str, capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["analyze", f"{server}/broken-item", "--jobs", "1"])
    out, err = capsys.readouterr()
    lines = [json.loads(line) for line in out.splitlines()]
    assert [d["title"] for d in lines] == ["Harbour plan", "Flood warning"]
    assert [d["source"] for d in lines] == [f"{server}/one", f"{server}/three"]
    assert lines[0]["text"].startswith("Harbour plan\n\n")
    assert status == 1
    assert err.count("\n") == 1
    assert "item 2 (Gone)" in err and "HTTP 404" in err


def test_analyze_feed_with_two_processes_keeps_feed_order(
        server: str, capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["analyze", f"{server}/atom", f"{server}/rss", f"{server}/rdf-as-xml",
                   "--jobs", "2", "--no-cache"])
    out, err = capsys.readouterr()
    assert status == 0, err
    titles = [json.loads(line)["title"] for line in out.splitlines()]
    assert titles == ["Rail strike", "Harbour plan", "Harbour plan", "Rail strike", "Flood warning"]


def test_index_over_a_feed(server: str, capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["index", f"{server}/rss", "--jobs", "1"])
    out, _ = capsys.readouterr()
    assert status == 0
    actors = {a["name"]: a for a in json.loads(out)["actors"]}
    quell = actors["Mara Quell"]
    assert quell["articles"] == [f"{server}/one"]
    assert any("We start in May" in q["text"] for q in quell["quotes"])


def test_a_feed_is_not_loaded_as_an_article(server: str, tmp_path: Path) -> None:
    from tui.sources import load

    with pytest.raises(SourceError, match="a news feed, not an article"):
        load(f"{server}/rss")
    path = tmp_path / "feed.xml"
    path.write_bytes(atom("http://127.0.0.1:9"))
    with pytest.raises(SourceError, match="a news feed, not an article"):
        load(str(path))


def test_reader_refuses_an_empty_feed(server: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([f"{server}/empty-feed"]) == 1
    assert capsys.readouterr().err == f"newsreader: error: {server}/empty-feed: the feed has no items\n"


def test_a_web_feed_cannot_send_newsreader_to_a_local_address() -> None:
    from tui.sources import load_item

    raw = (b'<rss version="2.0"><channel><title>t</title>'
           b"<item><title>Router</title><link>http://192.168.1.1/admin</link></item>"
           b"<item><title>Fine</title><link>https://news.example/a</link></item></channel></rss>")
    web = parse_feed(raw, "https://news.example/feed", base="https://news.example/feed")
    assert web.items[0].refused and web.items[1].refused is None
    with pytest.raises(SourceError, match=r"item 1 \(Router\): a web feed points to a local address"):
        load_item(web.items[0])
    local = parse_feed(raw, "http://127.0.0.1:8000/feed", base="http://127.0.0.1:8000/feed")
    assert local.items[0].refused is None


def test_feeds_sent_with_the_older_x_types_are_feeds(server: str) -> None:
    for path in ("/x-rss", "/x-atom"):
        feed = read(f"{server}{path}")
        assert isinstance(feed, Feed) and feed.items, path
