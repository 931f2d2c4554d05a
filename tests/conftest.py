"""Shared test setup: every test gets its own empty analysis cache folder."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Never touch the user's real cache from tests."""
    folder = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("NEWSREADER_CACHE_DIR", str(folder))
    monkeypatch.delenv("NEWSREADER_MODEL", raising=False)
    # the same colours whatever terminal runs the tests (the palette follows the colour depth)
    monkeypatch.setenv("COLORTERM", "truecolor")
    monkeypatch.delenv("NO_COLOR", raising=False)
    return folder


@pytest.fixture(autouse=True)
def _no_caret_debounce(monkeypatch: pytest.MonkeyPatch) -> None:
    """The panel follows the caret at once: tests wait on messages, not on the clock."""
    from tui.widgets.article_view import ArticleView

    monkeypatch.setattr(ArticleView, "caret_debounce", 0.0)
