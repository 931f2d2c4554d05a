"""Entity colours: readable in every built-in theme, and distinct in truecolor, 256 and 16
colours once the terminal rounds them; without colour (NO_COLOR), distinct by attributes."""

from __future__ import annotations

import pytest
from textual.color import Color
from textual.theme import BUILTIN_THEMES

from tui.analysis.model import ENTITY_LABELS
from tui.widgets.palette import (
    GROUPS,
    READABLE,
    all_styles,
    contrast,
    depth_of,
    downsampled,
    extra_styles,
    group_of,
    group_style,
    label_style,
)

THEMES = sorted(BUILTIN_THEMES)


def _variables(theme: str) -> dict[str, str]:
    return BUILTIN_THEMES[theme].to_color_system().generate()


@pytest.mark.parametrize("theme", THEMES)
def test_every_label_is_readable(theme: str) -> None:
    variables = _variables(theme)
    surface = Color.parse(variables["surface"])
    for label in (*ENTITY_LABELS, "SOMETHING_NEW"):
        style = label_style(label, variables)
        text = Color.from_rich_color(style.color)
        back = Color.from_rich_color(style.bgcolor) if style.bgcolor else surface
        assert contrast(text, back) >= READABLE, (theme, label)


def test_every_label_has_one_group_in_key_order() -> None:
    assert [g.key for g in GROUPS] == list(range(1, 10))
    assert group_of("PERSON").name == "people" and group_of("LOC").name == "places"
    assert group_of("SOMETHING_NEW").name == "other"
    listed = [label for g in GROUPS for label in g.labels]
    assert sorted(listed) == sorted(ENTITY_LABELS)


@pytest.mark.parametrize("depth", ["truecolor", "256", "16"])
@pytest.mark.parametrize("theme", THEMES)
def test_groups_stay_distinct_once_downsampled(theme: str, depth: str) -> None:
    variables = _variables(theme)
    names = [g for g in GROUPS if not g.numeric]
    backs = [downsampled(Color.from_rich_color(group_style(g, variables, depth).bgcolor), depth)
             for g in names]
    search = extra_styles(variables, depth)["nr.search"].bgcolor
    backs.append(downsampled(Color.from_rich_color(search), depth))
    assert len(set(backs)) == len(backs), backs
    if depth != "truecolor":  # the article's and the bars' own backgrounds are never a group's
        own = {downsampled(Color.parse(variables[k]), depth)
               for k in ("surface", "background", "panel", "footer-background")}
        assert not own & set(backs), (own, backs)
    fronts = [downsampled(Color.from_rich_color(group_style(g, variables, depth).color), depth)
              for g in GROUPS if g.numeric]
    assert len(set(fronts)) == len(fronts)


def test_without_colour_groups_differ_by_attributes() -> None:
    variables = _variables("textual-dark")
    styles = [group_style(g, variables, "none") for g in GROUPS if not g.numeric]
    assert all(s.color is None and s.bgcolor is None for s in styles)
    main = styles[:4]  # people, organisations, places, groups: the common ones
    assert len({(s.bold, s.italic, s.underline, s.dim) for s in main}) == 4
    assert extra_styles(variables, "none")["nr.search"].reverse


def test_depth_follows_the_terminal() -> None:
    assert depth_of("truecolor", False) == "truecolor"
    assert depth_of("256", False) == "256"
    assert depth_of("standard", False) == "16"
    assert depth_of("truecolor", True) == "none"


def test_layers_exist() -> None:
    variables = _variables("textual-dark")
    styles = all_styles(["PERSON", "ORG"], variables)
    assert {"nr.claim", "nr.current", "nr.search", "nr.search.current", "nr.number"} <= set(styles)
    assert styles["nr.claim"].underline and styles["nr.current"].reverse
