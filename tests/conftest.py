"""Shared test setup: every test gets its own empty cache, state and config folders."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Never touch the user's real cache from tests."""
    folder = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("NEWSREADER_CACHE_DIR", str(folder))
    monkeypatch.setenv("NEWSREADER_STATE_DIR", str(tmp_path_factory.mktemp("state")))
    monkeypatch.setenv("NEWSREADER_CONFIG_DIR", str(tmp_path_factory.mktemp("config")))
    monkeypatch.delenv("NEWSREADER_MODEL", raising=False)
    return folder
