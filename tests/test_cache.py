"""The analysis cache: hits, damaged entries, atomic writes, the size cap and `cache clear`."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from tui import cache
from tui.analysis.model import Analysis, PipelineInfo
from tui.cli import main
from tui.service import analyze_article
from tui.sources import Article

ARTICLE = Article(text="Anna Berg said 42 people came.\n", source="a.txt", title=None)


def _entries() -> list[Path]:
    return sorted(p for p in cache.cache_dir().glob("*.json") if len(p.stem) == 64)


def test_second_analysis_comes_from_the_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    first = analyze_article(ARTICLE)
    assert len(_entries()) == 1
    import tui.analysis.engine as engine

    def boom(*args: object, **kwargs: object) -> None:
        raise AssertionError("engine must not run on a cache hit")

    monkeypatch.setattr(engine, "analyze", boom)
    again = analyze_article(ARTICLE)
    assert again.to_dict() == first.to_dict()


def test_no_cache_neither_reads_nor_writes() -> None:
    analyze_article(ARTICLE, use_cache=False)
    assert _entries() == []


def test_key_depends_on_text_title_and_pipeline() -> None:
    base = cache.key_for("text", None, "builtin")
    assert base != cache.key_for("text!", None, "builtin")
    assert base != cache.key_for("text", "Title", "builtin")
    assert base != cache.key_for("text", None, "en_core_web_sm")


@pytest.mark.parametrize("content", ["{not json", '{"schema": "newsreader.analysis/0"}', "", "[]"])
def test_damaged_or_old_entry_is_ignored_and_rebuilt(content: str) -> None:
    key = cache.key_for(ARTICLE.text, ARTICLE.title, None)
    assert cache.claim_folder(cache.cache_dir())
    (cache.cache_dir() / f"{key}.json").write_text(content, encoding="utf-8")
    assert cache.get(key) is None
    result = analyze_article(ARTICLE)
    assert result.text == ARTICLE.text
    assert json.loads((cache.cache_dir() / f"{key}.json").read_text())["schema"] == result.schema


def test_writes_leave_no_temporary_files() -> None:
    analyze_article(ARTICLE)
    assert [p.name for p in cache.cache_dir().iterdir() if p.name.startswith(".tmp")] == []


def test_size_cap_removes_least_recently_used() -> None:
    info = PipelineInfo("x", "1", False)
    keys = [hashlib.sha256(str(i).encode()).hexdigest() for i in range(5)]
    for i, key in enumerate(keys):
        cache.put(key, Analysis(text="x" * 1000, source="-", title=None, pipeline=info))
        os.utime(cache.cache_dir() / f"{key}.json", (1000 + i, 1000 + i))
    size = (cache.cache_dir() / f"{keys[0]}.json").stat().st_size
    removed = cache.prune(max_bytes=int(size * 2.5))  # down to 90 % of it: two entries
    assert removed == 3
    assert [p.stem for p in _entries()] == sorted(keys[3:])


def test_cache_clear_command(capsys: pytest.CaptureFixture[str]) -> None:
    analyze_article(ARTICLE)
    assert main(["cache", "clear"]) == 0
    assert "removed 1" in capsys.readouterr().out
    assert _entries() == []


def test_unwritable_cache_is_not_an_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("NEWSREADER_CACHE_DIR", str(blocker / "sub"))
    assert analyze_article(ARTICLE).text == ARTICLE.text


def test_the_cap_holds_across_many_puts(monkeypatch: pytest.MonkeyPatch) -> None:
    """The folder is scanned once and then estimated, but the cap still holds."""
    doc = Analysis(text="x" * 2000, source="s", title=None, pipeline=PipelineInfo("p", "0", False))
    monkeypatch.setattr(cache, "MAX_BYTES", 20_000)
    for i in range(40):
        cache.put(f"{i:064x}", doc)
    count, size = cache.stats()
    assert size <= 20_000 and 0 < count < 40
