"""Entity colours stay readable in every built-in theme, dark and light."""

from __future__ import annotations

import pytest
from textual.color import Color
from textual.theme import BUILTIN_THEMES

from tui.analysis.model import ENTITY_LABELS
from tui.widgets.palette import READABLE, all_styles, contrast, label_style


@pytest.mark.parametrize("theme", sorted(BUILTIN_THEMES))
def test_every_label_is_readable(theme: str) -> None:
    variables = BUILTIN_THEMES[theme].to_color_system().generate()
    surface = Color.parse(variables["surface"])
    for label in (*ENTITY_LABELS, "SOMETHING_NEW"):
        style = label_style(label, variables)
        text = Color.from_rich_color(style.color)
        back = Color.from_rich_color(style.bgcolor) if style.bgcolor else surface
        assert contrast(text, back) >= READABLE, (theme, label)


def test_labels_differ_and_layers_exist() -> None:
    variables = BUILTIN_THEMES["textual-dark"].to_color_system().generate()
    names = ["PERSON", "ORG", "GPE", "NORP", "LOC"]
    backgrounds = {label_style(n, variables).bgcolor for n in names}
    assert len(backgrounds) == len(names)
    styles = all_styles(names, variables)
    assert {"nr.claim", "nr.current", "nr.search", "nr.search.current", "nr.number"} <= set(styles)
    assert styles["nr.claim"].underline and styles["nr.current"].reverse
