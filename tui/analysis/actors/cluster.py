"""The mentions gathered for one actor while the article's names are merged."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from tui.analysis.model import Span


@dataclass(slots=True)
class Cluster:
    """Mentions gathered for one actor before it gets its id, with what is known of a person:
    nationality, role and employer ("Russian President X", "X, Acme's chief executive")."""

    key: str
    labels: Counter[str] = field(default_factory=Counter)
    forms: Counter[str] = field(default_factory=Counter)
    mentions: list[Span] = field(default_factory=list)
    nationality: str | None = None
    role: str | None = None
    org: str | None = None
    """The key (see :func:`~tui.analysis.actors.names.org_key`) of the person's organisation."""
    hints: set[str] = field(default_factory=set)
    """Countries the text suggests without saying ("X ... as the most powerful Chinese leader")."""

    @property
    def first(self) -> int:
        return min(m.start for m in self.mentions)

    def add(self, span: Span, label: str | None, form: str | None = None) -> None:
        self.mentions.append(span)
        if label:
            self.labels[label] += 1
        if form:
            self.forms[form] += 1
