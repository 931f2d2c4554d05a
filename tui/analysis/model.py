"""The analysis document: the contract between the engine, the CLI and the reader.

Every offset is a Python ``str`` index into :attr:`Analysis.text` (the same units as spaCy's
``start_char``/``end_char``), so ``text[start:end] == item.text`` holds for every span.
The JSON form is documented in the README ("The analysis document").
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any, Literal

SCHEMA = "newsreader.analysis/1"

ENTITY_LABELS: tuple[str, ...] = (
    "PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW",
    "LANGUAGE", "DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL",
)
"""OntoNotes labels, used in both the built-in and trained pipelines."""

NUMERIC_LABELS: frozenset[str] = frozenset(
    {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"}
)

ActorKind = Literal["person", "organization", "place", "group"]
ClaimKind = Literal["quote", "reported", "assertion"]
NumberKind = Literal[
    "cardinal", "ordinal", "fraction", "percent", "money", "quantity",
    "date", "time", "duration", "age", "range", "score",
]


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the article text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Entity:
    """A named-entity span with an OntoNotes label."""

    start: int
    end: int
    text: str
    label: str


@dataclass(slots=True)
class Actor:
    """Someone or something that acts in the article, with every mention merged."""

    id: str
    name: str
    kind: ActorKind
    aliases: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)
    salience: float = 0.0
    refers_to: str | None = None
    """For a metonym (the Kremlin, Beijing as a government): the id of the country it stands for."""


@dataclass(slots=True)
class Claim:
    """A quote, a piece of reported speech, or a check-worthy assertion."""

    id: str
    kind: ClaimKind
    start: int
    end: int
    text: str
    speaker: str | None = None
    """The speaking actor's id, when the speaker is one of the article's actors."""
    speaker_text: str | None = None
    """The words naming the speaker where the claim is attributed ("Berg", "the Kremlin")."""
    cue: str | None = None
    """The reporting word that attributes the claim ("said", "told", "according to")."""
    score: float = 0.0
    """Check-worthiness, for ranking (higher first)."""
    speakers: list[str] = field(default_factory=list)
    """Every speaking actor's id ("A and B said" names two); ``speaker`` is the first of them."""

    def __post_init__(self) -> None:
        # ``speaker`` and ``speakers`` are two views of one fact: keep them in step whichever the
        # producer (or an older cache entry) filled in.
        if self.speakers:
            self.speaker = self.speakers[0]
        elif self.speaker is not None:
            self.speakers = [self.speaker]


@dataclass(slots=True)
class Number:
    """A number found in the text, with its value where it can be computed."""

    id: str
    start: int
    end: int
    text: str
    kind: NumberKind
    value: float | None = None
    unit: str | None = None
    qualifier: str | None = None
    """An approximator kept apart from the value: "almost", "more than", "about", "at least" ..."""


@dataclass(frozen=True, slots=True)
class PipelineInfo:
    """Which spaCy pipeline produced the analysis."""

    name: str
    version: str
    trained: bool


@dataclass(slots=True)
class Analysis:
    """Everything newsreader knows about one article."""

    text: str
    source: str
    title: str | None
    pipeline: PipelineInfo
    entities: list[Entity] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    numbers: list[Number] = field(default_factory=list)
    schema: str = SCHEMA

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready document, keys in the documented order."""
        return {
            "schema": self.schema,
            "source": self.source,
            "title": self.title,
            "text": self.text,
            "pipeline": asdict(self.pipeline),
            "entities": [_flat(e) for e in self.entities],
            "actors": [{**_flat(a), "mentions": [_flat(m) for m in a.mentions]}
                       for a in self.actors],
            "claims": [_flat(c) for c in self.claims],
            "numbers": [_flat(n) for n in self.numbers],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Analysis:
        """Rebuild an analysis from :meth:`to_dict` output (raises ``ValueError`` if malformed)."""
        schema = data.get("schema") if isinstance(data, dict) else None
        if schema != SCHEMA:
            raise ValueError(f"unsupported analysis schema: {schema!r}")
        try:
            actors = [
                Actor(**{**_known(Actor, a), "mentions": [Span(**m) for m in a["mentions"]]})
                for a in data["actors"]
            ]
            return cls(
                text=data["text"],
                source=data["source"],
                title=data["title"],
                pipeline=PipelineInfo(**data["pipeline"]),
                entities=[Entity(**e) for e in data["entities"]],
                actors=actors,
                claims=[Claim(**_known(Claim, c)) for c in data["claims"]],
                numbers=[Number(**_known(Number, n)) for n in data["numbers"]],
            )
        except (KeyError, TypeError, AttributeError) as exc:
            raise ValueError(f"malformed analysis document: {exc}") from exc


_NAMES: dict[type, tuple[str, ...]] = {}


def _names(cls: type) -> tuple[str, ...]:
    """The field names of a model class, looked up once."""
    names = _NAMES.get(cls)
    if names is None:
        names = _NAMES[cls] = tuple(f.name for f in fields(cls))
    return names


def _flat(item: Any) -> dict[str, Any]:
    """``asdict`` for the model's records, without its deep copy of every value (most of the
    time of a batch's JSON went there): lists are copied one level, which is all they hold."""
    return {name: list(value) if isinstance(value := getattr(item, name), list) else value
            for name in _names(type(item))}


def _known(cls: type, data: dict[str, Any]) -> dict[str, Any]:
    """Keep only the keys ``cls`` has, so a document with extra fields still loads."""
    names = {f.name for f in fields(cls)}
    return {k: v for k, v in data.items() if k in names}
