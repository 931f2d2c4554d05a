"""The cache never deletes what it did not write, and never trusts what it reads back.

A hostile folder: the user's own JSON files beside (and inside) the cache folder, entries that are
well-formed JSON but break the schema, symlinks, devices, FIFOs, deep nesting, NaN.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from pathlib import Path
from typing import Any

import pytest

from tui import cache
from tui.analysis.model import Analysis, PipelineInfo
from tui.cli import main
from tui.service import analyze_article
from tui.sources import Article

ARTICLE = Article(text="Anna Berg said 42 people came.\n", source="a.txt", title=None)
INFO = PipelineInfo("x", "1", False)


def _key(i: int | str) -> str:
    return hashlib.sha256(str(i).encode()).hexdigest()


def _user_files(folder: Path) -> dict[str, bytes]:
    """The user's own files: JSON named like anything, including like a cache entry."""
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "dataset.json": b'{"rows": [1, 2, 3]}',
        "settings.json": b'{"theme": "dark"}',
        f"{_key('user')}.json": b'{"mine": true}',
        ".tmp-abcdefgh.json": b"user's hidden file",
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
        os.utime(folder / name, (1, 1))  # old: looks stale and least recently used
    return files


def _intact(folder: Path, files: dict[str, bytes]) -> None:
    for name, data in files.items():
        assert (folder / name).read_bytes() == data, name


# --- deleting only what is ours -------------------------------------------------------------------

def test_user_files_beside_the_cache_survive_put_prune_and_clear(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(cache.ENV_DIR, str(tmp_path))
    files = _user_files(tmp_path)
    analyze_article(ARTICLE)
    assert cache.cache_dir().parent == tmp_path
    cache.prune(max_bytes=0)
    assert main(["cache", "clear"]) == 0
    _intact(tmp_path, files)


def test_a_folder_that_is_not_ours_is_never_written_nor_cleared(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = cache.cache_dir()
    files = _user_files(folder)  # the user's files where the cache would go, no marker
    analyze_article(ARTICLE)
    assert sorted(p.name for p in folder.iterdir()) == sorted(files)
    assert cache.prune(max_bytes=0) == 0
    assert main(["cache", "clear"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not newsreader's cache folder" in err
    assert main(["cache", "info"]) == 0
    assert "caching is off" in capsys.readouterr().out
    _intact(folder, files)


def test_cache_info_on_a_fresh_or_own_folder_counts_entries(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert not cache.foreign()  # not made yet: it will be ours
    analyze_article(ARTICLE)
    assert not cache.foreign()
    assert main(["cache", "info"]) == 0
    assert ": 1 entry, " in capsys.readouterr().out


def test_clear_inside_our_folder_removes_only_entries() -> None:
    analyze_article(ARTICLE)
    folder = cache.cache_dir()
    (folder / "notes.json").write_text("{}")
    (folder / "abc.json").write_text("{}")
    assert cache.clear() == 1
    assert sorted(p.name for p in folder.iterdir()) == [cache.MARKER, "abc.json", "notes.json"]


def test_an_empty_existing_folder_is_adopted() -> None:
    cache.cache_dir().mkdir(parents=True)
    analyze_article(ARTICLE)
    assert (cache.cache_dir() / cache.MARKER).is_file()
    assert cache.stats()[0] == 1


def test_a_forged_marker_is_not_enough(capsys: pytest.CaptureFixture[str]) -> None:
    folder = cache.cache_dir()
    folder.mkdir(parents=True)
    (folder / cache.MARKER).write_text("Signature: 8a477f597d28d172789f06886806bc55\n")
    (folder / f"{_key(1)}.json").write_text("{}")
    assert main(["cache", "clear"]) == 1
    assert (folder / f"{_key(1)}.json").exists()


def test_cache_dir_expands_the_home_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv(cache.ENV_DIR, "~/x")
    assert cache.cache_dir() == tmp_path / "x" / cache.SUBFOLDER
    analyze_article(ARTICLE)
    assert cache.stats()[0] == 1
    assert not Path("~").exists()


# --- the size cap ---------------------------------------------------------------------------------

def test_an_entry_larger_than_the_limit_is_skipped_and_evicts_nothing(
        monkeypatch: pytest.MonkeyPatch) -> None:
    for i in range(3):
        cache.put(_key(i), Analysis(text="small", source="-", title=None, pipeline=INFO))
    monkeypatch.setattr(cache, "MAX_ENTRY_BYTES", 2000)
    cache.put(_key("big"), Analysis(text="x" * 5000, source="-", title=None, pipeline=INFO))
    assert cache.get(_key("big")) is None
    assert cache.stats()[0] == 3
    assert not [p for p in cache.cache_dir().iterdir() if p.name.startswith(".tmp-")]


def test_the_entry_just_written_is_never_evicted_for_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    for i in range(3):
        cache.put(_key(i), Analysis(text="small", source="-", title=None, pipeline=INFO))
    monkeypatch.setattr(cache, "MAX_BYTES", 1500)
    cache.put(_key("new"), Analysis(text="y" * 1000, source="-", title=None, pipeline=INFO))
    assert cache.get(_key("new")) is not None


def test_pruning_keeps_the_folder_under_the_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "MAX_BYTES", 5000)
    for i in range(40):
        cache.put(_key(i), Analysis(text=f"{i} " * 100, source="-", title=None, pipeline=INFO))
    count, size = cache.stats()
    assert 0 < size <= 5000 and count < 40
    assert cache.get(_key(39)) is not None


def test_writes_do_not_list_the_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    cache.put(_key(0), Analysis(text="first", source="-", title=None, pipeline=INFO))
    scans: list[Path] = []
    real = cache._scan
    monkeypatch.setattr(cache, "_scan", lambda folder: scans.append(folder) or real(folder))
    monkeypatch.setattr(cache, "RESYNC_EVERY", 50)
    for i in range(1, 100):
        cache.put(_key(i), Analysis(text=f"{i}", source="-", title=None, pipeline=INFO))
    assert len(scans) == 2  # the two recounts, not one listing per write
    assert cache.stats()[0] == 100


def test_stale_temporary_files_are_removed_fresh_ones_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    cache.put(_key(0), Analysis(text="first", source="-", title=None, pipeline=INFO))
    folder = cache.cache_dir()
    stale, fresh, other = folder / ".tmp-aaaaaaaa.json", folder / ".tmp-bbbbbbbb.json", \
        folder / ".tmp-mine.json"
    for p in (stale, fresh, other):
        p.write_text("{")
    old = time.time() - 2 * cache.STALE_SECONDS
    os.utime(stale, (old, old))
    os.utime(other, (old, old))
    monkeypatch.setattr(cache, "RESYNC_EVERY", 1)
    cache.put(_key(1), Analysis(text="second", source="-", title=None, pipeline=INFO))
    assert not stale.exists() and fresh.exists() and other.exists()


# --- never trusting an entry ----------------------------------------------------------------------

def _doc() -> dict[str, Any]:
    return {
        "schema": "newsreader.analysis/1", "source": "a.txt", "title": None,
        "text": "Anna Berg said 42.\n", "pipeline": {"name": "x", "version": "1", "trained": False},
        "entities": [{"start": 0, "end": 9, "text": "Anna Berg", "label": "PERSON"}],
        "actors": [{"id": "a1", "name": "Anna Berg", "kind": "person", "aliases": [],
                    "mentions": [{"start": 0, "end": 9, "text": "Anna Berg"}], "salience": 1.0,
                    "refers_to": None}],
        "claims": [{"id": "c1", "kind": "assertion", "start": 0, "end": 18,
                    "text": "Anna Berg said 42.", "speaker": "a1", "speaker_text": "Anna Berg",
                    "cue": "said", "score": 0.5, "speakers": ["a1"]}],
        "numbers": [{"id": "n1", "start": 15, "end": 17, "text": "42", "kind": "cardinal",
                     "value": 42, "unit": None, "qualifier": None}],
    }


def _set(path: str, value: Any) -> dict[str, Any]:
    doc = _doc()
    *parents, last = path.split(".")
    node: Any = doc
    for part in parents:
        node = node[int(part)] if part.isdigit() else node[part]
    node[int(last) if last.isdigit() else last] = value
    return doc


BAD_DOCS = {
    "offset beyond the text": _set("entities.0.end", 999),
    "negative offset": _set("numbers.0.start", -1),
    "offset as a string": _set("claims.0.start", "0"),
    "offset as a boolean": _set("entities.0.start", False),
    "span text differs": _set("actors.0.mentions.0.text", "Someone"),
    "NaN value": _set("numbers.0.value", float("nan")),
    "infinite salience": _set("actors.0.salience", float("inf")),
    "unknown label": _set("entities.0.label", "VILLAIN"),
    "unknown actor kind": _set("actors.0.kind", "robot"),
    "unknown claim kind": _set("claims.0.kind", "rumour"),
    "unknown number kind": _set("numbers.0.kind", "imaginary"),
    "speaker not an actor": _set("claims.0.speakers", ["a9"]),
    "refers_to not an actor": _set("actors.0.refers_to", "a7"),
    "speakers not a list": _set("claims.0.speakers", "a1"),
    "escape in the text": _set("text", "Anna Berg said 42.\x1b]0;owned\x07\n"),
    "escape in the pipeline name": _set("pipeline.name", "x\x1b[31m"),
    "trained as a string": _set("pipeline.trained", "no"),
    "title as a number": _set("title", 7),
    "list of garbage": _set("entities", [1, 2]),
}
BAD_DOCS["duplicate actor id"] = {**_doc(), "actors": _doc()["actors"] * 2}


def _write_entry(key: str, raw: bytes | str) -> Path:
    assert cache.claim_folder(cache.cache_dir())
    path = cache.cache_dir() / f"{key}.json"
    path.write_bytes(raw.encode() if isinstance(raw, str) else raw)
    return path


def test_the_reference_document_is_valid() -> None:
    key = _key("ok")
    _write_entry(key, json.dumps(_doc()))
    assert cache.get(key) is not None


@pytest.mark.parametrize("name", sorted(BAD_DOCS))
def test_an_entry_breaking_the_schema_is_a_miss(name: str) -> None:
    key = _key(name)
    _write_entry(key, json.dumps(BAD_DOCS[name]))
    assert cache.get(key) is None


@pytest.mark.parametrize("raw", [
    "[" * 200_000 + "]" * 200_000,
    '{"schema": "newsreader.analysis/1", "text": ' + "[" * 100_000,
    json.dumps(_doc()).replace("1.0", "NaN"),
    json.dumps(_doc()).replace("1.0", "Infinity"),
    b"\xff\xfe not utf-8",
], ids=["nested", "nested-unclosed", "NaN", "Infinity", "bytes"])
def test_unparsable_entries_are_a_miss(raw: str | bytes) -> None:
    key = _key(repr(raw)[:50])
    _write_entry(key, raw)
    assert cache.get(key) is None


def test_only_regular_files_are_read(tmp_path: Path) -> None:
    key = _key("link")
    assert cache.claim_folder(cache.cache_dir())
    good = tmp_path / "good.json"
    good.write_text(json.dumps(_doc()))
    (cache.cache_dir() / f"{key}.json").symlink_to(good)
    assert cache.get(key) is None  # not even a valid entry through a symlink
    zero = _key("zero")
    (cache.cache_dir() / f"{zero}.json").symlink_to("/dev/zero")
    assert cache.get(zero) is None
    fifo = _key("fifo")
    os.mkfifo(cache.cache_dir() / f"{fifo}.json")
    assert cache.get(fifo) is None  # and does not block


def test_an_entry_over_the_size_limit_is_not_read(monkeypatch: pytest.MonkeyPatch) -> None:
    key = _key("big")
    _write_entry(key, json.dumps(_doc()))
    monkeypatch.setattr(cache, "MAX_ENTRY_BYTES", 100)
    assert cache.get(key) is None


def test_a_bad_entry_is_rebuilt_and_used_no_more() -> None:
    key = cache.key_for(ARTICLE.text, ARTICLE.title, None)
    bad = _set("claims.0.start", "0")
    bad["text"] = ARTICLE.text
    _write_entry(key, json.dumps(bad))
    result = analyze_article(ARTICLE)
    assert result.text == ARTICLE.text
    assert cache.get(key) is not None and cache.get(key).to_dict() == result.to_dict()


def test_a_damaged_or_linked_size_record_is_never_trusted_nor_written_through(
        tmp_path: Path) -> None:
    cache.put(_key(0), Analysis(text="first", source="-", title=None, pipeline=INFO))
    state = cache.cache_dir() / cache.STATE
    state.write_text("garbage")
    cache.put(_key(1), Analysis(text="second", source="-", title=None, pipeline=INFO))
    assert int(state.read_text().split()[0]) == cache.stats()[1]  # recounted
    user_file = tmp_path / "notes.txt"
    user_file.write_text("mine")
    state.unlink()
    state.symlink_to(user_file)
    cache.put(_key(2), Analysis(text="third", source="-", title=None, pipeline=INFO))
    assert user_file.read_text() == "mine"
    assert cache.get(_key(2)) is not None
