"""Entity groups and their colours, for every colour depth a terminal may have (not a widget:
shared by the article, the legend and the palette).

The 18 OntoNotes labels are shown as nine groups in one fixed order (:data:`GROUPS`: key 1 is
always people, 3 always places), so the number keys mean the same in every article. Each group
has one look per colour depth:

- ``truecolor``: the group's hue blended into the theme's surface, with the theme's foreground
  on top (dark tints under light text in dark themes, pastels under dark text in light ones);
- ``256``: fixed xterm-256 colours, chosen so no two groups (nor a group and the theme's own
  backgrounds) fall on the same colour once the terminal rounds them;
- ``16``: the sixteen ANSI colours, likewise;
- ``none`` (``NO_COLOR`` is set): no colour at all; bold, italic and underline tell the groups
  apart, and the legend draws a sample of each.

Names get a background; numeric groups (dates, amounts) a bold foreground, so the two never
look alike.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Literal, NamedTuple

from rich.color import ColorSystem
from rich.style import Style
from textual.color import Color

if TYPE_CHECKING:
    from textual.app import App

Depth = Literal["truecolor", "256", "16", "none"]
DEPTHS: tuple[Depth, ...] = ("truecolor", "256", "16", "none")


class Group(NamedTuple):
    """Entity labels shown, counted and toggled together under one number key."""

    key: int
    name: str
    short: str
    labels: tuple[str, ...]
    numeric: bool
    hue: float
    """Truecolor hue (degrees)."""
    xterm: tuple[int, int]
    """xterm-256 colour index in (dark, light) themes."""
    ansi: tuple[int, int]
    """ANSI colour number (0-15) in (dark, light) themes."""
    plain: str
    """The style without colour (``NO_COLOR``); numbers are drawn by the number layer."""


GROUPS: tuple[Group, ...] = (
    Group(1, "people", "people", ("PERSON",), False, 205, (24, 153), (4, 14), "bold"),
    Group(2, "organisations", "orgs", ("ORG",), False, 280, (54, 183), (5, 13), "bold italic"),
    Group(3, "places", "places", ("GPE", "LOC", "FAC"), False, 130, (22, 157), (2, 10), "italic"),
    Group(4, "groups", "groups", ("NORP",), False, 40, (94, 223), (3, 11), "bold dim"),
    Group(5, "dates", "dates", ("DATE", "TIME"), True, 30, (215, 130), (11, 3), "none"),
    Group(6, "amounts", "amounts", ("PERCENT", "MONEY", "QUANTITY", "CARDINAL", "ORDINAL"), True,
          180, (80, 30), (14, 4), "none"),
    Group(7, "events", "events", ("EVENT",), False, 0, (88, 217), (1, 9), "bold underline"),
    Group(8, "works", "works", ("WORK_OF_ART", "PRODUCT", "LAW"), False, 320, (89, 219), (13, 12),
          "italic underline"),
    Group(9, "other", "other", ("LANGUAGE",), False, 60, (58, 187), (7, 8), "dim"),
)
"""The nine groups, in key order: every label not listed elsewhere falls under "other"."""

_BY_LABEL: dict[str, Group] = {label: g for g in GROUPS for label in g.labels}
OTHER = GROUPS[-1]


def group_of(label: str) -> Group:
    """The group ``label`` is shown in (unknown labels: "other")."""
    return _BY_LABEL.get(label, OTHER)


def depth_of(color_system: str | None, no_color: bool) -> Depth:
    """The palette for a terminal: from the console's colour system and ``NO_COLOR``."""
    if no_color or color_system is None:
        return "none"
    if color_system == "truecolor":
        return "truecolor"
    if color_system == "256":
        return "256"
    return "16"


def app_depth(app: App[object]) -> Depth:
    """The palette for the terminal ``app`` draws on."""
    return depth_of(app.console.color_system, app.no_color)


# -- colours of a palette ------------------------------------------------------------------
_LEVELS = (0, 95, 135, 175, 215, 255)
_VGA = ((0, 0, 0), (170, 0, 0), (0, 170, 0), (170, 85, 0), (0, 0, 170), (170, 0, 170),
        (0, 170, 170), (170, 170, 170), (85, 85, 85), (255, 85, 85), (85, 255, 85),
        (255, 255, 85), (85, 85, 255), (255, 85, 255), (85, 255, 255), (255, 255, 255))
"""The sixteen ANSI colours as terminals (and rich, when it rounds a colour) take them."""


def xterm_color(index: int) -> Color:
    """The RGB value of an xterm-256 colour (16-231: the colour cube; 232-255: greys)."""
    if index < 16:
        return Color(*_VGA[index])
    if index >= 232:
        grey = 8 + 10 * (index - 232)
        return Color(grey, grey, grey)
    n = index - 16
    return Color(_LEVELS[n // 36], _LEVELS[n // 6 % 6], _LEVELS[n % 6])


def ansi_color(number: int) -> Color:
    """The RGB value of ANSI colour ``number`` (0-15)."""
    return Color(*_VGA[number])


def downsampled(color: Color, depth: Depth) -> int | tuple[int, int, int]:
    """What a terminal of ``depth`` draws for ``color``: a colour number, or RGB in truecolor."""
    rich = color.rich_color
    if depth == "256":
        return rich.downgrade(ColorSystem.EIGHT_BIT).number or 0
    if depth in ("16", "none"):
        return rich.downgrade(ColorSystem.STANDARD).number or 0
    return (color.r, color.g, color.b)


def _theme_colors(variables: Mapping[str, str]) -> tuple[Color, Color, bool]:
    """(surface, foreground, dark) from ``App.theme_variables``."""
    surface = Color.parse(variables.get("surface", "#1e1e1e"))
    foreground = Color.parse(variables.get("foreground", "#e0e0e0"))
    return surface, foreground, surface.brightness < 0.5


def contrast(a: Color, b: Color) -> float:
    """WCAG contrast ratio of two colours (1 to 21)."""

    def luminance(c: Color) -> float:
        def channel(v: int) -> float:
            x = v / 255
            return x / 12.92 if x <= 0.03928 else ((x + 0.055) / 1.055) ** 2.4

        return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b)

    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


READABLE = 4.5
"""Contrast aimed for (WCAG AA for body text)."""
_BLACK, _WHITE = Color(0, 0, 0), Color(255, 255, 255)


def _best_text(back: Color, *candidates: Color) -> Color:
    return max((*candidates, _BLACK, _WHITE), key=lambda c: contrast(c, back))


def group_style(group: Group, variables: Mapping[str, str], depth: Depth = "truecolor") -> Style:
    """The rich style drawn over an entity of ``group`` in the current theme and depth."""
    surface, foreground, dark = _theme_colors(variables)
    if depth == "none":
        return Style.parse(group.plain)
    if depth in ("256", "16"):
        pick = group.xterm if depth == "256" else group.ansi
        color = (xterm_color if depth == "256" else ansi_color)(pick[0 if dark else 1])
        if group.numeric:
            return Style(color=color.rich_color, bold=True)
        return Style(bgcolor=color.rich_color, color=_best_text(color).rich_color)
    hue = group.hue / 360
    if group.numeric:
        steps = (0.68, 0.76, 0.84, 0.92) if dark else (0.32, 0.25, 0.18, 0.1)
        for lightness in steps:
            color = Color.from_hsl(hue, 0.75, lightness)
            if contrast(color, surface) >= READABLE:
                break
        return Style(color=color.rich_color, bold=True)
    for factor in ((0.42, 0.32, 0.24, 0.16) if dark else (0.32, 0.24, 0.16, 0.1)):
        tint = surface.blend(Color.from_hsl(hue, 0.7, 0.5), factor)
        text = max((foreground, tint.get_contrast_text(1.0)), key=lambda c: contrast(c, tint))
        if contrast(text, tint) >= READABLE:
            break
    return Style(bgcolor=tint.rich_color, color=text.rich_color)


def label_style(label: str, variables: Mapping[str, str], depth: Depth = "truecolor") -> Style:
    """The style of an entity of ``label``: its group's."""
    return group_style(group_of(label), variables, depth)


def swatch_style(group: Group, variables: Mapping[str, str], depth: Depth) -> Style:
    """How the legend's swatch of ``group`` is drawn: in the group's colour (``none``: plain)."""
    style = group_style(group, variables, depth)
    color = style.bgcolor or style.color
    return Style(color=color) if color is not None else style


_SEARCH = {"256": (220, 220), "16": (11, 3)}
"""Search-match background per depth (dark, light): a colour no group uses."""


def extra_styles(variables: Mapping[str, str], depth: Depth = "truecolor") -> dict[str, Style]:
    """Styles of the non-entity layers: numbers, claims, search matches, the current mention."""
    surface, _foreground, dark = _theme_colors(variables)
    if depth == "none":
        match = Style(reverse=True)
    else:
        if depth in _SEARCH:
            index = _SEARCH[depth][0 if dark else 1]
            back = xterm_color(index) if depth == "256" else ansi_color(index)
        else:
            back = surface.blend(Color.parse(variables.get("warning", "#ffa62b")), 0.75)
        match = Style(bgcolor=back.rich_color, color=_best_text(back).rich_color)
    return {
        "nr.number": Style(italic=True, dim=True) if depth == "none" else Style(bold=True,
                                                                                italic=True),
        "nr.claim": Style(underline=True),
        "nr.search": match,
        "nr.search.current": Style(reverse=True, bold=True, underline=True),
        "nr.current": Style(reverse=True, bold=True),
    }


def all_styles(labels: list[str], variables: Mapping[str, str],
               depth: Depth = "truecolor") -> dict[str, Style]:
    """The highlight name -> style map the article view installs (``nr.ent.<LABEL>`` ...)."""
    styles = {f"nr.ent.{label}": label_style(label, variables, depth) for label in labels}
    styles.update(extra_styles(variables, depth))
    return styles

