"""Strings from outside (file names, a pipeline's meta.json, --model) never reach the terminal raw.

One hostile folder: file names holding an OSC window-title change (ESC ] 0 ; ... BEL), CSI
colours and rich markup; every place that shows them goes through the one sanitiser.
"""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pytest

from tui.analysis.export import to_markdown
from tui.analysis.model import Analysis, PipelineInfo
from tui.app import NewsreaderApp
from tui.cli import main
from tui.screens.library import LibraryScreen
from tui.sources import Article

HOSTILE_NAMES = [
    "\x1b]0;owned\x07retitle.txt",
    "\x1b[31mred\x1b[0m.txt",
    "[bold red]markup[reverse].txt",
    "bell\x07\x9b2J.txt",
]
RAW = ("\x1b", "\x07", "\x9b")


def _clean(text: str) -> None:
    for char in RAW:
        assert char not in text, repr(text)


@pytest.fixture
def hostile_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "hostile"
    folder.mkdir()
    for i, name in enumerate(HOSTILE_NAMES):
        (folder / name).write_text(f"Article {i}\n\nThe mayor said the bridge would open.\n",
                                   encoding="utf-8")
    return folder


def _analysis(article: Article) -> Analysis:
    return Analysis(text=article.text, source=article.source, title=article.title,
                    pipeline=PipelineInfo("en_x", "1", False))


async def test_library_shows_file_names_inert(hostile_folder: Path) -> None:
    targets = sorted(str(p) for p in hostile_folder.iterdir())
    app = NewsreaderApp(articles=[], targets=targets, analyzer=_analysis)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        library = app.screen
        assert isinstance(library, LibraryScreen)
        olist = library.query_one("#library")
        rows = [str(olist.get_option_at_index(i).prompt) for i in range(olist.option_count)]
        for row in rows:
            _clean(row)
        joined = "\n".join(rows)
        assert "[bold red]markup[reverse].txt" in joined  # markup shown as written
        assert "\\x1b]0;owned\\x07retitle.txt" in joined  # escapes shown, not sent
        await pilot.press("q")


@pytest.mark.parametrize("fmt", ["json", "jsonl", "markdown", "displacy"])
def test_analyze_output_is_inert(hostile_folder: Path, fmt: str,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(hostile_folder), "--format", fmt, "--no-cache"]) == 0
    out, err = capsys.readouterr()
    _clean(out)
    _clean(err)


def test_errors_about_hostile_names_are_inert(hostile_folder: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    missing = str(hostile_folder / "gone\x1b]0;x\x07.txt")
    assert main(["analyze", missing]) == 1
    _clean(capsys.readouterr().err)


def test_markdown_never_embeds_markup_or_html() -> None:
    text = "<script>alert(1)</script> *loud* [link](javascript:x) &copy; `code` | cell\n"
    analysis = Analysis(text=text, source="a\x1b[2J.txt", title="<b>Title</b>",
                        pipeline=PipelineInfo("en_\x1b]0;x\x07core", "1\x1b[31m", True))
    report = to_markdown(analysis)
    _clean(report)
    from markdown_it import MarkdownIt

    html = MarkdownIt().render(report)
    assert "<script>" not in html and "<b>" not in html and "<em>" not in html
    assert "&lt;b&gt;Title&lt;/b&gt;" in html


def test_a_pipeline_meta_name_is_sanitised_at_the_source() -> None:
    from tui.analysis.pipeline import _info

    nlp = SimpleNamespace(meta={"lang": "en", "name": "core\x1b]0;owned\x07[bold]x",
                                "version": "3\x1b[2J.8\n"})
    info = _info(nlp, trained=True)  # type: ignore[arg-type]  # only .meta is read
    _clean(info.name + info.version)
    assert info.name == "en_core[bold]x" and info.version == "3.8"


def test_a_cached_analysis_with_escapes_is_not_trusted() -> None:
    from tui import cache

    analysis = Analysis(text="Body.\n", source="a.txt", title=None,
                        pipeline=PipelineInfo("en_\x1b]0;x\x07", "1", True))
    key = cache.key_for("Body.\n", None, None)
    assert cache.claim_folder(cache.cache_dir())
    (cache.cache_dir() / f"{key}.json").write_text(json.dumps(analysis.to_dict()))
    assert cache.get(key) is None


def test_model_name_with_escapes_in_the_reader_error(capsys: pytest.CaptureFixture[str],
                                                      tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Text.\n")
    assert main(["analyze", str(article), "--model", "./\x1b]0;owned\x07"]) == 2
    err = capsys.readouterr().err
    _clean(err)
    assert err.count("\n") == 1


@pytest.mark.parametrize("action", ["info", "clear"])
def test_a_cache_folder_name_with_escapes_is_shown_inert(
        action: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("NEWSREADER_CACHE_DIR", str(tmp_path / "c\x1b]0;owned\x07"))
    assert main(["cache", action]) == 0
    out, err = capsys.readouterr()
    _clean(out + err)
    assert "\\x1b]0;owned\\x07" in out
