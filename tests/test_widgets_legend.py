"""The legend: counts in key order, hidden types marked, no item split, every type shown."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult

from tui.analysis.model import ENTITY_LABELS
from tui.widgets.legend import SHORT, Legend
from tui.widgets.status_line import MAX_WIDTH as STATUS_WIDTH

COUNTS = {"PERSON": 40, "GPE": 60, "ORG": 12, "DATE": 22, "NORP": 9, "LOC": 15, "EVENT": 3,
          "CARDINAL": 6, "ORDINAL": 5, "PRODUCT": 2, "FAC": 1}


class LegendApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Legend(id="legend")


async def test_items_in_count_order_and_never_split() -> None:
    app = LegendApp()
    async with app.run_test(size=(60, 6)) as pilot:
        legend = app.query_one(Legend)
        legend.set_counts(COUNTS, {"ORG"})
        await pilot.pause()
        assert legend.labels[:3] == ["GPE", "PERSON", "DATE"]
        lines = str(legend.render()).split("\n")
        assert len(lines) <= 2 and legend.size.height == len(lines)
        assert all(len(line) <= legend.content_size.width for line in lines)
        text = " ".join(lines).replace(" ■ ", "■").replace(" □ ", "□")  # either spacing
        assert "1■GPE 60" in text and "3■DATE 22" in text
        assert "□ORG 12" in text  # hidden: open swatch
        for label, count in COUNTS.items():  # every item whole on one line
            name = SHORT.get(label, label)
            assert any(f"{name} {count}" in line for line in lines), label


class ReservedLegendApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Legend(reserve=STATUS_WIDTH, id="legend")


@pytest.mark.parametrize("width", [80, 100, 120])
async def test_every_type_fits_in_two_rows_from_80_columns(width: int) -> None:
    app = ReservedLegendApp()
    async with app.run_test(size=(width, 6)) as pilot:
        legend = app.query_one(Legend)
        legend.set_counts({label: 50 - n for n, label in enumerate(ENTITY_LABELS)}, set())
        await pilot.pause()
        lines = str(legend.render()).split("\n")
        assert len(lines) <= 2 and legend.size.height == len(lines)
        assert len(lines[0]) <= legend.content_size.width - STATUS_WIDTH  # room for the status
        assert all(len(line) <= legend.content_size.width for line in lines)
        words = " ".join(lines).replace("■", " ").split()
        for label in ENTITY_LABELS:
            assert label in words or SHORT.get(label) in words, label


async def test_roomy_terminal_keeps_full_labels_and_counts() -> None:
    app = ReservedLegendApp()
    async with app.run_test(size=(160, 6)) as pilot:
        legend = app.query_one(Legend)
        legend.set_counts(COUNTS, set())
        await pilot.pause()
        text = str(legend.render())
        assert "2 ■ PERSON 40" in text and "■ PRODUCT 2" in text


async def test_message_replaces_items() -> None:
    app = LegendApp()
    async with app.run_test(size=(60, 6)) as pilot:
        legend = app.query_one(Legend)
        legend.set_counts(COUNTS, set())
        legend.set_message("analysing…")
        await pilot.pause()
        assert legend.labels == [] and "analysing" in str(legend.render())
