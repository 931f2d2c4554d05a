"""The reader's memory (state.json) and the user's defaults (config.toml)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tui import state
from tui.state import MAX_POSITIONS, MAX_RECENT, Config, ConfigError, State


def test_a_position_saved_in_one_run_is_restored_in_the_next() -> None:
    s = state.load_state()
    assert s.position("Some article text.") is None
    s.remember_position("Some article text.", 1234)
    s.remember_opened("/news/a.txt", "A headline")
    s.theme = "textual-light"
    s.panel = {"shown": False, "section": "claim"}
    assert state.save_state(s)
    again = state.load_state()
    assert again.position("Some article text.") == 1234
    assert [(r.target, r.title) for r in again.recent] == [("/news/a.txt", "A headline")]
    assert again.theme == "textual-light"
    assert again.panel == {"shown": False, "section": "claim"}


def test_recent_is_most_recent_first_without_duplicates_and_bounded() -> None:
    s = State()
    for i in range(MAX_RECENT + 5):
        s.remember_opened(f"/a/{i}.txt", None)
    s.remember_opened("/a/3.txt", "Three")
    assert s.recent[0].target == "/a/3.txt" and s.recent[0].title == "Three"
    assert len(s.recent) == MAX_RECENT
    assert len({r.target for r in s.recent}) == MAX_RECENT
    s.remember_opened("-", "standard input")
    assert s.recent[0].target == "/a/3.txt"


def test_positions_are_bounded_least_recent_out() -> None:
    s = State()
    for i in range(MAX_POSITIONS + 10):
        s.remember_position(f"text {i}", i)
    assert len(s.positions) == MAX_POSITIONS
    assert s.position("text 0") is None
    assert s.position(f"text {MAX_POSITIONS + 9}") == MAX_POSITIONS + 9


def test_titles_from_outside_are_one_clean_line() -> None:
    s = State()
    s.remember_opened("/a.txt", "Evil\x1b]0;pwned\x07 title\nsecond line")
    assert "\x1b" not in s.recent[0].title and "\n" not in s.recent[0].title


@pytest.mark.parametrize("content", [
    b'{"format": "newsreader.state/1", "positions": 3}',
    b'{"format": "newsreader.state/1", "positions": {"k": "x", "j": -1, "ok": 5}, "recent": [1]}',
])
def test_bad_parts_of_our_state_file_are_dropped_not_fatal(content: bytes) -> None:
    folder = state.state_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "state.json").write_bytes(content)
    s = state.load_state()
    assert all(type(v) is int and v >= 0 for v in s.positions.values())
    assert state.save_state(s)
    assert json.loads((folder / "state.json").read_text())["format"] == "newsreader.state/1"


@pytest.mark.parametrize("content", [
    b"not json", b"[]", b'{"format": "other", "mine": 1}', b"[" * 100_000, b"\xff\xfe",
])
def test_a_file_that_is_not_ours_is_neither_used_nor_replaced(content: bytes) -> None:
    folder = state.state_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "state.json").write_bytes(content)
    assert state.load_state() == State()
    assert not state.save_state(State(theme="x"))
    assert (folder / "state.json").read_bytes() == content


def test_a_symlinked_state_file_is_neither_read_nor_replaced(tmp_path: Path) -> None:
    folder = state.state_dir()
    folder.mkdir(parents=True, exist_ok=True)
    precious = tmp_path / "precious.json"
    precious.write_text('{"mine": true}')
    (folder / "state.json").symlink_to(precious)
    assert state.load_state() == State()
    assert not state.save_state(State(theme="x"))
    assert precious.read_text() == '{"mine": true}'


def test_save_writes_nothing_but_its_file(tmp_path: Path) -> None:
    state.save_state(State(theme="a"))
    state.save_state(State(theme="b"))
    assert sorted(os.listdir(state.state_dir())) == ["state.json"]


def test_state_dir_follows_the_environment_and_expands_home(monkeypatch: pytest.MonkeyPatch,
                                                            tmp_path: Path) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("NEWSREADER_STATE_DIR", "~/st")
    assert state.state_dir() == tmp_path / "st"


def _config(text: str) -> None:
    folder = state.config_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "config.toml").write_text(text, encoding="utf-8")


def test_no_config_file_gives_the_defaults() -> None:
    assert state.load_config() == Config()


def test_config_values_are_read() -> None:
    _config('theme = "textual-light"\npanel_width = 50\npanel = false\nline_width = 0\n'
            'plain = true\nhidden = ["dates", "other"]\n')
    assert state.load_config() == Config("textual-light", 50, False, 0, True, ("dates", "other"))


def test_the_config_groups_are_the_readers_number_key_groups() -> None:
    from tui.widgets.palette import GROUPS as READER_GROUPS

    assert tuple(g.name for g in READER_GROUPS) == state.GROUPS


@pytest.mark.parametrize(("text", "message"), [
    ("theme = ", "not valid TOML"),
    ("colour = 'red'", "unknown setting 'colour'"),
    ("panel_width = 'wide'", "panel_width has the wrong type"),
    ("panel = 1", "panel has the wrong type"),
    ("panel_width = true", "panel_width has the wrong type"),
    ("panel_width = 5", "between 20 and 200"),
    ("hidden = ['people', 'robots']", "unknown group 'robots'"),
])
def test_a_bad_config_is_one_clear_error(text: str, message: str) -> None:
    _config(text)
    with pytest.raises(ConfigError, match=message) as info:
        state.load_config()
    assert "\n" not in str(info.value) and "config.toml" in str(info.value)
