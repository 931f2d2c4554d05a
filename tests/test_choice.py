"""Which pipeline runs: explicit name, environment, best installed trained pipeline, built-in."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from tui.analysis.choice import identity, resolve_name


def _fake_package(root: Path, name: str, version: str) -> None:
    pkg = root / name
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "meta.json").write_text(json.dumps({"name": name, "version": version}))


def test_builtin_when_nothing_is_installed() -> None:
    assert resolve_name(None) == "builtin"


def test_best_installed_trained_pipeline_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_package(tmp_path, "en_core_web_sm", "3.8.0")
    _fake_package(tmp_path, "en_core_web_md", "3.8.1")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert resolve_name(None) == "en_core_web_md"
    assert identity(None) == "package:en_core_web_md:3.8.1"
    monkeypatch.setenv("NEWSREADER_MODEL", "en_core_web_sm")
    assert resolve_name(None) == "en_core_web_sm"
    assert resolve_name("builtin") == "builtin"
    for name in ("en_core_web_sm", "en_core_web_md"):
        sys.modules.pop(name, None)


def test_identity_of_a_folder_changes_with_its_meta(tmp_path: Path) -> None:
    model = tmp_path / "model"
    model.mkdir()
    (model / "meta.json").write_text(json.dumps({"name": "x", "version": "1"}))
    first = identity(str(model))
    (model / "meta.json").write_text(json.dumps({"name": "x", "version": "2"}))
    assert identity(str(model)) != first
