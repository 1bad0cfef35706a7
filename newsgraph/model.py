"""Typed records that flow through newsgraph.

Every record that points into a source carries ``start``/``end`` character
offsets into the text of the :class:`Document` it came from (the *page*), so
``document.text[rec.start:rec.end]`` is exactly what the record is about.

The records are plain dataclasses: cheap to build, easy to serialise with
:func:`dataclasses.asdict`, and free of any I/O.
"""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

QuoteType = Literal["direct", "indirect", "mixed"]
SpeakerKind = Literal["person", "organization", "group", "unknown"]


def content_id(text: str, length: int = 16) -> str:
    """Stable id of a piece of text: the first ``length`` hex digits of its SHA-1."""
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:length]


@dataclass
class Document:
    """One input item: a page of text as read from a file, a URL, a JSONL line or stdin.

    ``text`` is the decoded page (for HTML, the article text trafilatura found);
    all offsets of records extracted from it point into this string.
    """

    text: str
    source: str
    kind: str = "text"  # text | html | jsonl | stdin
    title: str | None = None
    url: str | None = None
    published: str | None = None  # ISO 8601 date when the reader knows it
    meta: dict[str, Any] = field(default_factory=dict)
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            self.id = content_id(self.text)


@dataclass
class Part:
    """A piece of an article's layout (a paragraph, bullet, caption, headline) with its offsets."""

    text: str
    start: int
    end: int


@dataclass
class Quote:
    """An attributed statement.

    ``start``/``end`` delimit the content without its quotation marks; ``cue`` is the
    verb or phrase that attributes it (``said``, ``according to``, ``(continuation)``
    for a quote paragraph that continues the previous speaker).
    ``speaker_mention`` is the speaker as written at this place (``he``, ``the minister``),
    ``speaker_phrase`` the whole phrase that names them there (``Ann Lee, 58, who runs the
    bakery``), and ``speaker`` the resolved name (``Marta Oyelaran``), or the mention itself when
    nothing better is known (``officials``).
    """

    text: str
    start: int
    end: int
    type: QuoteType
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    speaker: str | None = None
    speaker_mention: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_kind: SpeakerKind = "unknown"
    speaker_role: str | None = None
    # the whole phrase that names the speaker, with its appositions, modifiers and relative clauses
    # (`Woodrow Benford, 58, who lives outside Minneapolis`); None for a pronoun or a continuation
    speaker_phrase: str | None = None
    speaker_phrase_start: int | None = None
    speaker_phrase_end: int | None = None
    addressee: str | None = None
    confidence: float = 1.0
    stance: str = "assert"  # assert | deny | accuse | condemn | welcome | urge | warn | promise | question | believe
    # parts of one utterance share it: `"A," he said. "B."` gives two quotes of one statement, as does a
    # quote that goes on after its attribution in the same paragraph; numbered from 0 in each article
    statement: int | None = None
    id: str = ""
    article_id: str = ""


@dataclass
class Speaker:
    """A speaker of one article: a person or organisation with the names it goes by there."""

    name: str
    kind: SpeakerKind = "unknown"
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    gender: Literal["m", "f"] | None = None
    quotes: int = 0


@dataclass
class Figure:
    """A quantity stated in an article: `nearly 1,200 people`, `Rs 5 billion`, `78 percent`.

    ``value`` is the number (the low end of a range, ``value_high`` its high end), ``unit`` what
    the number measures (people, USD, PKR, percent, hours, ...), ``what`` the thing counted as
    written (`dock workers`, `severe cases`), ``qualifier`` a hedge (nearly, over, around, at least),
    ``source`` who gives it when the text says so (a quote's speaker, `according to X`).
    """

    text: str
    start: int
    end: int
    value: float
    unit: str | None = None
    what: str | None = None
    qualifier: str | None = None
    value_high: float | None = None
    source: str | None = None
    quote_id: str | None = None
    confidence: float = 1.0
    id: str = ""
    article_id: str = ""


@dataclass
class TimeExpression:
    """A date expression resolved against the article's date: `on Sunday` -> 2024-10-06."""

    text: str
    start: int
    end: int
    date: str | None  # ISO date (YYYY-MM-DD), or None when it cannot be resolved with confidence
    granularity: str = "day"  # day | month | year
    confidence: float = 1.0


@dataclass
class Place:
    """A place named in an article, resolved to a GeoNames entry when the gazetteer knows it.

    ``name`` is the gazetteer's name (`Islamabad`), ``country`` its ISO 3166 alpha-2 code (`PK`),
    ``kind`` one of country | city | admin | region | unknown. ``confidence`` is how sure the match is
    (0 when nothing matched: the place is kept as written, unresolved). ``metonymy`` is true where the
    name stands for that country's government (`Islamabad said`, `New Delhi delayed`).
    """

    text: str
    start: int
    end: int
    name: str | None = None
    geonameid: int | None = None
    country: str | None = None
    kind: str = "unknown"
    lat: float | None = None
    lon: float | None = None
    confidence: float = 0.0
    metonymy: bool = False
    dateline: bool = False


@dataclass
class Event:
    """A coded event in the PLOVER ontology, evidenced by one sentence of an article.

    ``type`` is the PLOVER event type (PROTEST, ACCUSE, ...), ``mode`` its PLOVER mode where one
    applies (demonstrate, strike, ...). ``start``/``end`` delimit the evidence sentence, and
    ``trigger_start``/``trigger_end`` the word that codes it. Actor and recipient are names as
    resolved in the article, with the country (ISO alpha-2) and sector (government, party, military,
    police, civil society, business, media, international, rebel, ...) when known. ``date`` is ISO
    (resolved against the article date), ``size`` the number of participants when given, and
    ``dead``/``injured``/``arrested`` the casualty and arrest counts the sentence gives (PLOVER's size object).
    """

    type: str
    text: str
    start: int
    end: int
    trigger: str = ""
    trigger_start: int | None = None
    trigger_end: int | None = None
    mode: str | None = None
    actor: str | None = None
    actor_country: str | None = None
    actor_sector: str | None = None
    recipient: str | None = None
    recipient_country: str | None = None
    recipient_sector: str | None = None
    place: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    date: str | None = None
    date_text: str | None = None
    size: float | None = None
    size_text: str | None = None
    dead: float | None = None  # PLOVER's size object: people killed, injured, arrested in the event
    injured: float | None = None
    arrested: float | None = None
    organizers: list[str] = field(default_factory=list)
    supporters: list[str] = field(default_factory=list)
    negated: bool = False
    confidence: float = 1.0
    id: str = ""
    article_id: str = ""


@dataclass
class Mention:
    """One place where an entity is named in the page."""

    text: str
    start: int
    end: int


@dataclass
class Entity:
    """A person, organization or place of one article, with every mention and the names it goes by.

    ``roles`` are as stated in the text (`Foreign Office spokesperson`), ``organization`` the body the
    entity belongs to when stated, ``country`` an ISO alpha-2 code when known.
    """

    name: str
    kind: str  # person | organization | place
    mentions: list[Mention] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    organization: str | None = None
    country: str | None = None
    id: str = ""
    article_id: str = ""


@dataclass
class Article:
    """One article found on a page, with the offsets of its layout parts in the page."""

    document_id: str
    index: int
    start: int
    end: int
    headline: Part | None = None
    published: str | None = None  # ISO 8601 date (YYYY-MM-DD) or datetime
    updated: str | None = None
    dateline: Part | None = None  # the place only ("KARACHI"), offsets of that word
    bullets: list[Part] = field(default_factory=list)
    caption: Part | None = None
    credit: str | None = None  # ("AFP") -> "AFP"
    paragraphs: list[Part] = field(default_factory=list)  # body paragraphs
    truncated: bool = False
    quotes: list[Quote] = field(default_factory=list)
    speakers: list[Speaker] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    dates: list[TimeExpression] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    source: str = ""
    url: str | None = None
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            self.id = f"{self.document_id}-{self.index}"

    @property
    def title(self) -> str | None:
        return self.headline.text if self.headline else None

    @property
    def body(self) -> str:
        return "\n".join(p.text for p in self.paragraphs)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
