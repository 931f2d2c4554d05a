"""Export never replaces what it should not: existing files (without asking), links, FIFOs,
devices; it follows the umask and names the target in its errors."""

from __future__ import annotations

import errno
import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_app_reader import TEXT, make_analysis, ready

from tui.app import NewsreaderApp
from tui.screens.export import ExportDialog, ExportError, TargetExists, write_export
from tui.sources import Article


@pytest.fixture
def umask() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def test_an_existing_file_is_not_replaced_unless_asked(tmp_path: Path) -> None:
    target = tmp_path / "mine.json"
    target.write_text("precious")
    target.chmod(0o640)
    with pytest.raises(TargetExists, match=r"mine\.json exists"):
        write_export(make_analysis(), "json", str(target), "-")
    assert target.read_text() == "precious"
    write_export(make_analysis(), "json", str(target), "-", overwrite=True)
    assert json.loads(target.read_text())["title"] == "Talks in Oslo"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640  # a replaced file keeps its mode


@pytest.mark.parametrize("kind", ["symlink", "dangling symlink", "fifo", "device"])
def test_anything_but_a_regular_file_is_refused(tmp_path: Path, kind: str) -> None:
    user_file = tmp_path / "user.txt"
    user_file.write_text("keep me")
    target = tmp_path / "out.json"
    if kind == "symlink":
        target.symlink_to(user_file)
    elif kind == "dangling symlink":
        target.symlink_to(tmp_path / "nowhere")
    elif kind == "fifo":
        os.mkfifo(target)
    else:
        target = Path("/dev/null")
    before = target.lstat()
    with pytest.raises(ExportError, match=r"is a (symlink|FIFO|device)"):
        write_export(make_analysis(), "json", str(target), "-", overwrite=True)
    after = target.lstat()
    assert (before.st_ino, before.st_mode) == (after.st_ino, after.st_mode)
    assert user_file.read_text() == "keep me"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.usefixtures("umask")
@pytest.mark.parametrize(("mask", "mode"), [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_a_new_file_follows_the_umask(tmp_path: Path, mask: int, mode: int) -> None:
    os.umask(mask)
    out = write_export(make_analysis(), "markdown", str(tmp_path / "r.md"), "-")
    assert stat.S_IMODE(out.stat().st_mode) == mode


def test_errors_name_the_target_not_the_temporary_file(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ExportError) as missing:
        write_export(make_analysis(), "json", str(tmp_path / "no" / "such" / "x.json"), "-")
    assert "x.json" in str(missing.value) and ".tmp" not in str(missing.value)

    def refuse(src: object, dst: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", str(src))

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(ExportError) as denied:
        write_export(make_analysis(), "json", str(tmp_path / "y.json"), "-")
    message = str(denied.value)
    assert "y.json" in message and "Permission denied" in message and ".tmp" not in message
    assert list(tmp_path.iterdir()) == []


async def test_the_dialog_asks_before_replacing(tmp_path: Path) -> None:
    existing = tmp_path / "out.json"
    existing.write_text("precious")
    link = tmp_path / "link.json"
    link.symlink_to(existing)
    app = NewsreaderApp(articles=[Article(text=TEXT, source="talks.txt", title="Talks in Oslo")],
                        targets=["talks.txt"], analyzer=lambda a: make_analysis(a.text))
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("e")
        app.screen.query_one("#export-path").value = str(existing)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)  # still asking
        assert "enter again to replace" in str(app.screen.query_one("#export-warning").render())
        assert existing.read_text() == "precious"
        await pilot.press("escape")
        assert existing.read_text() == "precious"
        await pilot.press("e")
        app.screen.query_one("#export-path").value = str(existing)
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, ExportDialog)
        assert json.loads(existing.read_text())["title"] == "Talks in Oslo"
        await pilot.press("e")
        app.screen.query_one("#export-path").value = str(link)
        await pilot.press("enter")
        await pilot.pause()
        assert link.is_symlink()
        assert any("is a symlink" in n.message for n in app._notifications)
