"""Shared test setup: every test gets its own empty cache, state and config folders, and the
built-in pipeline, whatever is installed; trained-path tests (``@pytest.mark.trained``) ask for a
trained pipeline through the ``trained_name`` fixture and are skipped when none is installed, or
fail with ``--require-trained`` (what ``.ci/run`` uses after installing one)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.analysis.choice import SIZES, installed_pipelines, size_rank


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--require-trained", action="store_true",
                     help="fail, instead of skipping, trained-path tests without a trained pipeline")


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Never touch the user's real cache from tests; pin the built-in pipeline."""
    folder = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("NEWSREADER_CACHE_DIR", str(folder))
    monkeypatch.setenv("NEWSREADER_STATE_DIR", str(tmp_path_factory.mktemp("state")))
    monkeypatch.setenv("NEWSREADER_CONFIG_DIR", str(tmp_path_factory.mktemp("config")))
    monkeypatch.setenv("NEWSREADER_MODEL", "builtin")
    # the same colours whatever terminal runs the tests (the palette follows the colour depth)
    monkeypatch.setenv("COLORTERM", "truecolor")
    monkeypatch.delenv("NO_COLOR", raising=False)
    return folder


@pytest.fixture(autouse=True)
def _no_caret_debounce(monkeypatch: pytest.MonkeyPatch) -> None:
    """The panel follows the caret at once: tests wait on messages, not on the clock."""
    from tui.widgets.article_view import ArticleView

    monkeypatch.setattr(ArticleView, "caret_debounce", 0.0)


@pytest.fixture(scope="session")
def trained_name(request: pytest.FixtureRequest) -> str:
    """The smallest installed trained English pipeline (fastest to load)."""
    names = sorted(installed_pipelines(), key=lambda n: (size_rank(n) == len(SIZES), -size_rank(n)))
    if not names:
        message = "no trained English pipeline installed (pip install -r requirements-trained.txt)"
        if request.config.getoption("--require-trained"):
            pytest.fail(message)
        pytest.skip(message)
    return names[0]
