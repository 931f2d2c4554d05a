"""Property-based tests: sanitize and load never fail but with SourceError, never let controls through.

The ``slow`` variant (``pytest -m slow tests/test_sources_properties.py``) runs 10,000 generated
articles through ``load`` and the full analysis and checks every span against the text.
"""

from __future__ import annotations

import codecs
import tempfile
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.sources import Article, SourceError, load
from tui.sources.sanitize import CONTROL_RE, sanitize

BIDI_CONTROLS = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")

any_text = st.text(st.characters(exclude_categories=()), max_size=300)
"""Any code points, lone surrogates included."""

NASTY = ["\x1b[31m", "\x1b]52;c;SGk=\x07", "\x1b]0;t\x1b\\", "\x1bP1;2q\x1b\\", "\x9b1m", "\x9d0;x\x9c",
         "\x00", "\x07", "\x08", "\x7f", "\x85", "\u202e", "\u2066", "\u200b", "\u200d", "\ufeff",
         "\u2028", "\u2029", "\r\n", "\r", "\t", "\n\n", "[bold]", "[/]", "\u201c", "\u201d", '"',
         "'", "\u00ad", "\U000e0041"]
WORDS = ["The", "mayor", "said", "Putin", "Xi Jinping", "China", "Reuters", "5", "million", "$3.2bn",
         "42%", "on", "Monday", "in", "2024", "about", "the", "bridge", "\u201cWe will win,\u201d", "told",
         "according to", "Ms. Lee", ".", ",", "?", "\n", "\n\n", "東京", "مرحبا", "👨\u200d👩\u200d👧", "🎉",
         "Categorized in:", "Tags:", "Share this:"]

article_text = st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(NASTY),
                                  st.text(max_size=12)), max_size=80).map(" ".join)

ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-be", "cp1252", "latin-1"]

TAGS = ["<html>", "<head>", "<title>", "</title>", "<body>", "<article>", "<p>", "</p>", "<br>",
        "<script>", "</script>", "<nav>", "</nav>", "<footer>", "<h1>", "</h1>", "<ul><li>",
        "</li></ul>", "<table><tr><td>", "</td></tr></table>", "<!--", "-->", "&amp;", "&#0;",
        "&#x1b;", "<meta charset='cp1252'>", '<meta name="author" content="A\x1b[31mB">', "<pre>",
        "<div>", "</div>", "<![CDATA[", "]]>", "<?xml version='1.0' encoding='utf-8'?>"]
html_soup = st.lists(st.one_of(st.sampled_from(TAGS), article_text), max_size=40).map(
    lambda parts: "<!DOCTYPE html>" + "".join(parts))


def encode(text: str, encoding: str) -> bytes:
    data = text.encode(encoding, errors="replace")
    if encoding == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    return data


article_bytes = st.one_of(
    st.binary(max_size=2000),
    st.builds(lambda prefix, rest: prefix + rest,
              st.sampled_from([codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE,
                               codecs.BOM_UTF32_LE, b"\x89PNG\r\n\x1a\n", b"PK\x03\x04", b"%PDF-",
                               b"<!DOCTYPE html><p>", b"<html><body>", b"# ", b"---\ntitle: x\n---\n"]),
              st.binary(max_size=500)),
    st.builds(encode, any_text.map(lambda t: t.encode("utf-8", "replace").decode("utf-8")),
              st.sampled_from(ENCODINGS)),
    st.builds(encode, article_text, st.sampled_from(ENCODINGS)),
    st.builds(encode, html_soup, st.sampled_from(ENCODINGS)),
)


@pytest.fixture(scope="module")
def workdir() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as folder:
        yield Path(folder)


def check_clean(text: str) -> None:
    assert not CONTROL_RE.search(text), repr(text)
    assert not BIDI_CONTROLS.intersection(text)
    assert not any(unicodedata.category(c) == "Cs" for c in text)
    assert "\ufeff" not in text and "\u200b" not in text


@given(any_text)
@settings(max_examples=300)
def test_sanitize_never_lets_controls_through(text: str) -> None:
    clean = sanitize(text)
    check_clean(clean)
    assert sanitize(clean) == clean  # idempotent


@given(st.lists(st.sampled_from([*NASTY, "a", " ", "b"]), max_size=40).map("".join))
@settings(max_examples=300)
def test_sanitize_on_escape_soup(text: str) -> None:
    clean = sanitize(text)
    check_clean(clean)
    assert sanitize(clean) == clean


def load_bytes(folder: Path, data: bytes, suffix: str) -> Article | None:
    path = folder / f"article{suffix}"
    path.write_bytes(data)
    try:
        article = load(str(path))
    except SourceError as exc:
        message = str(exc)
        assert "\n" not in message and message.startswith(str(path) + ": ")
        assert ": cannot be read (" not in message  # load's last-resort net for unexpected errors
        return None
    assert path.read_bytes() == data
    check_clean(article.text)
    for value in (article.title, article.author, article.date):
        if value is not None:
            check_clean(value)
            assert "\n" not in value
    if article.title is not None:  # the title is the text's first line
        assert article.text.split("\n", 1)[0].strip() == article.title
    return article


@given(article_bytes, st.sampled_from([".txt", ".md", ".html", ""]))
@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_load_arbitrary_bytes(workdir: Path, data: bytes, suffix: str) -> None:
    load_bytes(workdir, data, suffix)


@pytest.mark.slow
@given(st.one_of(article_bytes, st.builds(encode, article_text, st.sampled_from(ENCODINGS))),
       st.sampled_from([".txt", ".txt", ".md", ".html"]))
@settings(max_examples=10_000, deadline=None, database=None,
          suppress_health_check=list(HealthCheck))
def test_load_and_analyse_10000_articles(workdir: Path, data: bytes, suffix: str) -> None:
    from tui.service import analyze_article

    article = load_bytes(workdir, data, suffix)
    if article is None:
        return
    analysis = analyze_article(article, use_cache=False)
    text = analysis.text
    assert text == article.text
    spans = [*analysis.entities, *analysis.claims, *analysis.numbers,
             *(m for actor in analysis.actors for m in actor.mentions)]
    for span in spans:
        assert 0 <= span.start <= span.end <= len(text)
        assert text[span.start:span.end] == span.text, (span, text)
