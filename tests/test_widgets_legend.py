"""The legend: groups in key order, hidden groups marked, no item split, every group shown,
each swatch in its group's colour, clicks toggle."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.color import Color

from tui.analysis.model import ENTITY_LABELS
from tui.widgets import palette
from tui.widgets.legend import Legend
from tui.widgets.status_line import MAX_WIDTH as STATUS_WIDTH

COUNTS = {"PERSON": 40, "GPE": 60, "ORG": 12, "DATE": 22, "NORP": 9, "LOC": 15, "EVENT": 3,
          "CARDINAL": 6, "ORDINAL": 5, "PRODUCT": 2, "FAC": 1}


class LegendApp(App[None]):
    toggled: list[int]

    def compose(self) -> ComposeResult:
        self.toggled = []
        yield Legend(id="legend")

    def on_legend_toggled(self, event: Legend.Toggled) -> None:
        self.toggled.append(event.key)


async def test_groups_in_key_order_and_never_split() -> None:
    app = LegendApp()
    async with app.run_test(size=(60, 6)) as pilot:
        legend = app.query_one(Legend)
        legend.set_counts(COUNTS, {"ORG"})
        await pilot.pause()
        assert [g.key for g in legend.groups] == [1, 2, 3, 4, 5, 6, 7, 8]
        lines = str(legend.render()).split("\n")
        assert len(lines) <= 2 and legend.size.height == len(lines)
        assert all(len(line) <= legend.content_size.width for line in lines)
        text = " ".join(lines).replace(" ■ ", "■").replace(" □ ", "□")  # either spacing
        assert "1■people 40" in text and "3■places 76" in text  # GPE + LOC + FAC
        assert "□orgs 12" in text or "□organisations 12" in text  # hidden: open swatch
        assert "6■amounts 11" in text and "8■works 2" in text


async def test_swatches_carry_their_group_colour() -> None:
    app = LegendApp()
    async with app.run_test(size=(120, 6)) as pilot:
        legend = app.query_one(Legend)
        legend.set_counts(COUNTS, set())
        await pilot.pause()
        colours = [seg.style.color for y in range(legend.size.height)
                   for seg in legend.render_line(y) if seg.text == "■"]
        assert len(colours) == len(legend.groups) and len(set(colours)) == len(colours)
        people = palette.group_style(palette.GROUPS[0], app.theme_variables)
        assert Color.from_rich_color(colours[0]) == Color.from_rich_color(people.bgcolor)


class ReservedLegendApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Legend(reserve=STATUS_WIDTH, id="legend")


@pytest.mark.parametrize("width", [80, 100, 120])
async def test_every_group_fits_in_two_rows_from_80_columns(width: int) -> None:
    app = ReservedLegendApp()
    async with app.run_test(size=(width, 6)) as pilot:
        legend = app.query_one(Legend)
        legend.set_counts({label: 50 - n for n, label in enumerate(ENTITY_LABELS)}, set())
        await pilot.pause()
        lines = str(legend.render()).split("\n")
        assert len(lines) <= 2 and legend.size.height == len(lines)
        assert len(lines[0]) <= legend.content_size.width - STATUS_WIDTH  # room for the status
        words = " ".join(lines).replace("■", " ").split()
        for group in palette.GROUPS:
            assert group.name in words or group.short in words, group.name


async def test_a_click_toggles_the_group_under_it() -> None:
    app = LegendApp()
    async with app.run_test(size=(120, 6)) as pilot:
        legend = app.query_one(Legend)
        legend.set_counts({"PERSON": 2, "DATE": 1}, set())
        await pilot.pause()
        line = str(legend.render()).split("\n")[0]
        await pilot.click(Legend, offset=(1 + line.index("dates"), 0))
        assert app.toggled == [5]


async def test_message_replaces_items() -> None:
    app = LegendApp()
    async with app.run_test(size=(60, 6)) as pilot:
        legend = app.query_one(Legend)
        legend.set_counts(COUNTS, set())
        legend.set_message("analysing…")
        await pilot.pause()
        assert legend.groups == [] and "analysing" in str(legend.render())
