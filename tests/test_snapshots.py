"""Snapshots of the reader's main layouts (SVG, in ``__snapshots__``), on a hand-built analysis.

After a deliberate change of the screen, look at the new pictures and accept them with
``pytest tests/test_snapshots.py --snapshot-update``.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from test_app_reader import make_app
from textual.pilot import Pilot

from tui.widgets import palette

Compare = Callable[..., bool]


async def analysed(pilot: Pilot) -> None:
    """Wait for the analysis worker and the frame after it."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_reader_120x40(snap_compare: Compare) -> None:
    assert snap_compare(make_app(), terminal_size=(120, 40), run_before=analysed)


def test_reader_80x24(snap_compare: Compare) -> None:
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=analysed)


def test_light_theme(snap_compare: Compare) -> None:
    async def light(pilot: Pilot) -> None:
        pilot.app.theme = "textual-light"
        await analysed(pilot)

    assert snap_compare(make_app(), terminal_size=(120, 40), run_before=light)


def test_256_colours(snap_compare: Compare, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(palette, "app_depth", lambda app: "256")
    assert snap_compare(make_app(), terminal_size=(120, 40), run_before=analysed)


def test_search_input_open(snap_compare: Compare) -> None:
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=analysed,
                        press=["slash", *"oslo"])


def test_help(snap_compare: Compare) -> None:
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=analysed,
                        press=["question_mark"])


def test_claims_with_detail_and_chosen_item(snap_compare: Compare) -> None:
    assert snap_compare(make_app(), terminal_size=(120, 40), run_before=analysed,
                        press=["c", "enter"])
