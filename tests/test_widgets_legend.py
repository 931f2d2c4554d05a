"""The legend: counts in key order, hidden types marked, no item split across lines."""

from __future__ import annotations

from textual.app import App, ComposeResult

from tui.widgets.legend import Legend

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
        assert all(len(line) <= legend.content_size.width for line in lines)
        text = " ".join(lines)
        assert "1 ■ GPE 60" in text and "3 ■ DATE 22" in text
        assert "□ ORG 12" in text  # hidden: open swatch
        for label, count in COUNTS.items():  # every item whole on one line
            assert any(f"{label} {count}" in line for line in lines), label


async def test_message_replaces_items() -> None:
    app = LegendApp()
    async with app.run_test(size=(60, 6)) as pilot:
        legend = app.query_one(Legend)
        legend.set_counts(COUNTS, set())
        legend.set_message("analysing…")
        await pilot.pause()
        assert legend.labels == [] and "analysing" in str(legend.render())
