"""Entity colours derived from the active theme (not a widget: shared by the article and legend).

Each label keeps a fixed hue so it stays recognisable across themes, but the colour actually drawn
is that hue blended into the theme's own surface, with the theme's foreground on top: dark tints
under light text in dark themes, pastels under dark text in light ones. Names get a background;
numeric labels (dates, money ...) a coloured bold foreground, so the two never look alike.
"""

from __future__ import annotations

from collections.abc import Mapping

from rich.style import Style
from textual.color import Color

from tui.analysis.model import NUMERIC_LABELS

HUES: dict[str, float] = {
    "PERSON": 205, "ORG": 280, "GPE": 130, "NORP": 40, "LOC": 170, "FAC": 15, "PRODUCT": 320,
    "EVENT": 0, "WORK_OF_ART": 250, "LAW": 60, "LANGUAGE": 95,
    "DATE": 30, "TIME": 10, "PERCENT": 300, "MONEY": 90, "QUANTITY": 180, "ORDINAL": 230,
    "CARDINAL": 50,
}


def _hue(label: str) -> float:
    """A label's hue (unknown labels get a stable one from their name)."""
    if label in HUES:
        return HUES[label]
    return float(sum(map(ord, label)) * 37 % 360)


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


def label_style(label: str, variables: Mapping[str, str]) -> Style:
    """The rich style drawn over an entity of ``label`` in the current theme.

    The tint is weakened, and the text colour switched to black/white, until the text on it
    is readable; numeric colours are lightened (dark themes) or darkened (light) the same way.
    """
    surface, foreground, dark = _theme_colors(variables)
    hue = _hue(label) / 360
    if label in NUMERIC_LABELS:
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


def extra_styles(variables: Mapping[str, str]) -> dict[str, Style]:
    """Styles of the non-entity layers: numbers, claims, search matches, the current mention."""
    surface, _foreground, _dark = _theme_colors(variables)
    warning = Color.parse(variables.get("warning", "#ffa62b"))
    match_bg = surface.blend(warning, 0.75)
    return {
        "nr.number": Style(bold=True, italic=True),
        "nr.claim": Style(underline=True),
        "nr.search": Style(
            bgcolor=match_bg.rich_color, color=match_bg.get_contrast_text().rich_color
        ),
        "nr.search.current": Style(reverse=True, bold=True, underline=True),
        "nr.current": Style(reverse=True, bold=True),
    }


def all_styles(labels: list[str], variables: Mapping[str, str]) -> dict[str, Style]:
    """The highlight name -> style map the article view installs (``nr.ent.<LABEL>`` ...)."""
    styles = {f"nr.ent.{label}": label_style(label, variables) for label in labels}
    styles.update(extra_styles(variables))
    return styles
