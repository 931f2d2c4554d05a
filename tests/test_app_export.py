"""Export from the reader: the dialog, the atomic write, never over the article itself."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_app_reader import TEXT, make_analysis, ready
from textual.widgets import RadioSet

from tui.app import NewsreaderApp
from tui.screens.export import ExportDialog, write_export
from tui.sources import Article


def test_write_export_is_atomic_and_refuses_the_article(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    analysis = make_analysis()
    out = write_export(analysis, "markdown", str(tmp_path / "r.md"), str(article))
    assert out.read_text(encoding="utf-8").startswith("# Talks in Oslo")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temp left
    with pytest.raises(ValueError, match="article itself"):
        write_export(analysis, "json", str(article), str(article))
    assert article.read_text(encoding="utf-8") == TEXT
    with pytest.raises(ValueError):
        write_export(analysis, "json", str(tmp_path), str(article))
    with pytest.raises(ValueError):
        write_export(analysis, "xml", str(tmp_path / "x"), str(article))


async def test_export_dialog_writes_json(tmp_path: Path) -> None:
    source = tmp_path / "talks.txt"
    source.write_text(TEXT, encoding="utf-8")
    article = Article(text=TEXT, source=str(source), title="Talks in Oslo")
    app = NewsreaderApp(articles=[article], targets=[str(source)],
                        analyzer=lambda a: make_analysis(a.text))
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("e")
        assert isinstance(app.screen, ExportDialog)
        path_input = app.screen.query_one("#export-path")
        path_input.value = str(tmp_path / "out.json")
        await pilot.press("enter")
        await pilot.pause()
        doc = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
        assert doc["actors"][0]["name"] == "Tom Ruiz"
        # naming the article itself is refused, the article untouched
        await pilot.press("e")
        app.screen.query_one("#export-path").value = str(source)
        await pilot.press("enter")
        await pilot.pause()
        assert source.read_text(encoding="utf-8") == TEXT
        assert any("article itself" in n.message for n in app._notifications)
        await pilot.press("e", "escape")
        assert not isinstance(app.screen, ExportDialog)


async def test_enter_on_the_format_choice_exports(tmp_path: Path) -> None:
    app = NewsreaderApp(articles=[Article(text=TEXT, source="talks.txt", title="Talks in Oslo")],
                        targets=["talks.txt"], analyzer=lambda a: make_analysis(a.text))
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("e")
        app.screen.query_one("#export-path").value = str(tmp_path / "out.json")
        await pilot.press("tab")  # to the JSON / Markdown choice
        assert isinstance(app.screen.focused, RadioSet)
        await pilot.press("right", "enter")  # Markdown highlighted, then enter: written
        await pilot.pause()
        assert not isinstance(app.screen, ExportDialog)
        assert (tmp_path / "out.md").read_text(encoding="utf-8").startswith("# Talks in Oslo")
        assert not (tmp_path / "out.json").exists()
        # opened for Markdown: enter on the choice keeps Markdown
        app.screen.action_export("markdown")
        await pilot.pause()
        app.screen.query_one("#export-path").value = str(tmp_path / "again.md")
        await pilot.press("tab", "enter")
        await pilot.pause()
        assert (tmp_path / "again.md").read_text(encoding="utf-8").startswith("# Talks in Oslo")


async def test_default_file_name_is_reported_as_an_absolute_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    app = NewsreaderApp(articles=[Article(text=TEXT, source="talks.txt", title="Talks in Oslo")],
                        targets=["talks.txt"], analyzer=lambda a: make_analysis(a.text))
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("e")
        assert app.screen.query_one("#export-path").value == "talks.analysis.json"
        await pilot.press("enter")
        await pilot.pause()
        written = tmp_path / "talks.analysis.json"
        assert json.loads(written.read_text(encoding="utf-8"))["title"] == "Talks in Oslo"
        reported = [Path(n.message.removeprefix("Analysis written to "))
                    for n in app._notifications if n.message.startswith("Analysis written")]
        assert len(reported) == 1 and reported[0].is_absolute()
        assert reported[0].resolve() == written.resolve()
