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
    return folder
