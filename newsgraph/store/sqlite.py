"""SQLite store for documents, articles, paragraphs, speakers and quotes.

One plain SQLite file that any tool can open (``sqlite3``, datasette, pandas):
plain table names, foreign keys, indexes, FTS5 search tables and a few views.

Tables
    ``documents``        one row per input page (its full text: every offset points into it)
    ``articles``         one row per article found on a page; ``n`` is its stable row number
    ``paragraphs``       the layout parts of an article (headline, bullet, caption, body)
    ``speakers``         one row per resolved speaker name (and kind) across the whole store
    ``article_speakers`` the speakers of each article with the aliases and roles seen there
    ``quotes``           attributed statements, linked to their article and speaker
    ``figures``, ``dates`` quantities and resolved date expressions of each article
    ``places``           place mentions resolved to GeoNames (country, coordinates, confidence)
    ``entities``         people, organisations and places of each article; ``mentions`` their offsets
    ``events``           PLOVER-coded events with actor, recipient, place, date and evidence sentence
    ``articles_fts``     FTS5 over headline + body of each article
    ``quotes_fts``       FTS5 over quote text + speaker
Views
    ``article_view``, ``quote_view``, ``speaker_view``, ``event_view``, ``entity_view``

Writes go through :meth:`Store.add`, which stores a document with all its records
in one transaction: either everything lands or nothing does.
"""
from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date, datetime, timezone
from os import PathLike
from typing import Any

from newsgraph.model import Article, Document, Part

SCHEMA_VERSION = 7  # 2: figures and dates; 3: quotes.stance; 4: places, entities, events; 5: duplicates;
# 6: quotes.statement; 7: quotes.speaker_phrase

_SCHEMA = """
CREATE TABLE IF NOT EXISTS figures (
    id          TEXT PRIMARY KEY,
    article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    quote_id    TEXT,
    start       INTEGER NOT NULL CHECK (start >= 0),
    "end"       INTEGER NOT NULL CHECK ("end" >= start),
    text        TEXT NOT NULL,
    value       REAL NOT NULL,
    value_high  REAL,
    unit        TEXT,
    what        TEXT,
    qualifier   TEXT,
    source      TEXT,
    confidence  REAL
);
CREATE INDEX IF NOT EXISTS figures_article ON figures(article_id);
CREATE INDEX IF NOT EXISTS figures_unit_what ON figures(unit, what);

CREATE TABLE IF NOT EXISTS dates (
    article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    text        TEXT NOT NULL,
    date        TEXT,
    granularity TEXT,
    confidence  REAL,
    PRIMARY KEY (article_id, start)
);
CREATE INDEX IF NOT EXISTS dates_date ON dates(date);

CREATE TABLE IF NOT EXISTS documents (
    id          TEXT PRIMARY KEY,
    source      TEXT NOT NULL,
    kind        TEXT NOT NULL,
    url         TEXT,
    title       TEXT,
    published   TEXT,
    text        TEXT NOT NULL,
    meta        TEXT NOT NULL DEFAULT '{}',   -- JSON object
    ingested_at TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS articles (
    id             TEXT PRIMARY KEY,
    n              INTEGER NOT NULL UNIQUE,    -- stable 1-based row number (order of ingestion)
    document_id    TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx            INTEGER NOT NULL,            -- position of the article on its page
    start          INTEGER NOT NULL CHECK (start >= 0),
    "end"          INTEGER NOT NULL CHECK ("end" >= start),
    headline       TEXT,
    headline_start INTEGER,
    headline_end   INTEGER,
    published      TEXT,
    updated        TEXT,
    dateline       TEXT,
    dateline_start INTEGER,
    dateline_end   INTEGER,
    caption        TEXT,
    caption_start  INTEGER,
    caption_end    INTEGER,
    credit         TEXT,
    truncated      INTEGER NOT NULL DEFAULT 0 CHECK (truncated IN (0, 1)),
    source         TEXT,
    url            TEXT,
    UNIQUE (document_id, idx)
);
CREATE INDEX IF NOT EXISTS articles_published ON articles(published);

CREATE TABLE IF NOT EXISTS paragraphs (
    id         INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx        INTEGER NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('headline', 'bullet', 'caption', 'body')),
    start      INTEGER NOT NULL CHECK (start >= 0),
    "end"      INTEGER NOT NULL CHECK ("end" >= start),
    text       TEXT NOT NULL,
    UNIQUE (article_id, idx)
);

CREATE TABLE IF NOT EXISTS speakers (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'unknown',
    UNIQUE (name, kind)
);

CREATE TABLE IF NOT EXISTS article_speakers (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    speaker_id INTEGER NOT NULL REFERENCES speakers(id),
    aliases    TEXT NOT NULL DEFAULT '[]',   -- JSON list
    roles      TEXT NOT NULL DEFAULT '[]',   -- JSON list
    gender     TEXT,
    quotes     INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (article_id, speaker_id)
);
CREATE INDEX IF NOT EXISTS article_speakers_speaker ON article_speakers(speaker_id);

CREATE TABLE IF NOT EXISTS quotes (
    id              TEXT PRIMARY KEY,
    article_id      TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    speaker_id      INTEGER REFERENCES speakers(id),
    start           INTEGER NOT NULL CHECK (start >= 0),
    "end"           INTEGER NOT NULL CHECK ("end" >= start),
    text            TEXT NOT NULL,
    type            TEXT NOT NULL CHECK (type IN ('direct', 'indirect', 'mixed')),
    cue             TEXT,
    cue_start       INTEGER,
    cue_end         INTEGER,
    speaker         TEXT,
    speaker_mention TEXT,
    speaker_start   INTEGER,
    speaker_end     INTEGER,
    speaker_kind    TEXT,
    speaker_role    TEXT,
    addressee       TEXT,
    confidence      REAL,
    stance          TEXT,
    statement       INTEGER,        -- parts of one utterance share it (per article)
    speaker_phrase  TEXT,           -- the whole phrase naming the speaker, modifiers included
    speaker_phrase_start INTEGER,
    speaker_phrase_end   INTEGER
);
CREATE INDEX IF NOT EXISTS quotes_article ON quotes(article_id, start);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker_id);

-- Full-text search. Standalone FTS5 tables keyed by the record id (not by rowid, which
-- VACUUM may renumber in tables without an INTEGER PRIMARY KEY).
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
    article_id UNINDEXED, headline, body, tokenize = 'unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE IF NOT EXISTS quotes_fts USING fts5(
    quote_id UNINDEXED, text, speaker, tokenize = 'unicode61 remove_diacritics 2'
);

-- quotes_fts follows the quotes table by itself; articles_fts is filled by Store.add
-- (the body comes from the paragraphs) and emptied here when an article goes.
CREATE TRIGGER IF NOT EXISTS quotes_fts_insert AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts (quote_id, text, speaker) VALUES (new.id, new.text, new.speaker);
END;
CREATE TRIGGER IF NOT EXISTS quotes_fts_delete AFTER DELETE ON quotes BEGIN
    DELETE FROM quotes_fts WHERE quote_id = old.id;
END;
CREATE TRIGGER IF NOT EXISTS articles_fts_delete AFTER DELETE ON articles BEGIN
    DELETE FROM articles_fts WHERE article_id = old.id;
END;

CREATE TABLE IF NOT EXISTS places (
    article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start       INTEGER NOT NULL CHECK (start >= 0),
    "end"       INTEGER NOT NULL CHECK ("end" >= start),
    text        TEXT NOT NULL,
    name        TEXT,
    geonameid   INTEGER,
    country     TEXT,
    kind        TEXT,
    lat         REAL,
    lon         REAL,
    confidence  REAL,
    metonymy    INTEGER NOT NULL DEFAULT 0 CHECK (metonymy IN (0, 1)),
    dateline    INTEGER NOT NULL DEFAULT 0 CHECK (dateline IN (0, 1)),
    PRIMARY KEY (article_id, start)
);
CREATE INDEX IF NOT EXISTS places_name ON places(name);
CREATE INDEX IF NOT EXISTS places_country ON places(country);

CREATE TABLE IF NOT EXISTS entities (
    id           TEXT PRIMARY KEY,
    article_id   TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('person', 'organization', 'place')),
    aliases      TEXT NOT NULL DEFAULT '[]',   -- JSON list
    roles        TEXT NOT NULL DEFAULT '[]',   -- JSON list
    organization TEXT,
    country      TEXT,
    mentions     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS entities_article ON entities(article_id);
CREATE INDEX IF NOT EXISTS entities_name ON entities(kind, name);

CREATE TABLE IF NOT EXISTS mentions (
    entity_id   TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    start       INTEGER NOT NULL CHECK (start >= 0),
    "end"       INTEGER NOT NULL CHECK ("end" >= start),
    text        TEXT NOT NULL,
    PRIMARY KEY (entity_id, start)
);

CREATE TABLE IF NOT EXISTS events (
    id                TEXT PRIMARY KEY,
    article_id        TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    type              TEXT NOT NULL,
    mode              TEXT,
    start             INTEGER NOT NULL CHECK (start >= 0),
    "end"             INTEGER NOT NULL CHECK ("end" >= start),
    evidence          TEXT NOT NULL,
    trigger           TEXT,
    trigger_start     INTEGER,
    trigger_end       INTEGER,
    actor             TEXT,
    actor_country     TEXT,
    actor_sector      TEXT,
    recipient         TEXT,
    recipient_country TEXT,
    recipient_sector  TEXT,
    place             TEXT,
    country           TEXT,
    lat               REAL,
    lon               REAL,
    geonameid         INTEGER,
    date              TEXT,
    date_text         TEXT,
    size              REAL,
    size_text         TEXT,
    dead              REAL,
    injured           REAL,
    arrested          REAL,
    organizers        TEXT NOT NULL DEFAULT '[]',  -- JSON list
    supporters        TEXT NOT NULL DEFAULT '[]',  -- JSON list
    negated           INTEGER NOT NULL DEFAULT 0 CHECK (negated IN (0, 1)),
    confidence        REAL
);
CREATE INDEX IF NOT EXISTS events_article ON events(article_id);
CREATE INDEX IF NOT EXISTS events_type_date ON events(type, date);
CREATE INDEX IF NOT EXISTS events_place ON events(place);

-- near-copies (wire stories reprinted with small edits): each copy with its cluster's canonical article;
-- canonical articles are not listed. Queries count a copy's quotes, figures and events once, by default.
CREATE TABLE IF NOT EXISTS duplicates (
    article_id   TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    canonical_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    similarity   REAL
);
CREATE INDEX IF NOT EXISTS duplicates_canonical ON duplicates(canonical_id);

CREATE VIEW IF NOT EXISTS event_view AS
SELECT e.id, e.type, e.mode, e.date, e.place, e.country, e.lat, e.lon, e.actor, e.recipient,
       e.size, e.evidence, e.confidence, a.n AS article_n, a.headline, a.published, a.source,
       e.article_id, e.start, e."end"
FROM events e JOIN articles a ON a.id = e.article_id;

CREATE VIEW IF NOT EXISTS entity_view AS
SELECT e.kind, e.name, count(DISTINCT e.article_id) AS articles, sum(e.mentions) AS mentions,
       group_concat(DISTINCT e.country) AS countries
FROM entities e GROUP BY e.kind, e.name;

CREATE VIEW IF NOT EXISTS article_view AS
SELECT a.n, a.id, a.headline, a.published, a.dateline, a.credit, a.truncated,
       a.source, a.url, a.document_id,
       (SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS quotes
FROM articles a;

CREATE VIEW IF NOT EXISTS quote_view AS
SELECT q.id, q.text, q.type, q.speaker, q.speaker_role AS role, q.speaker_mention,
       q.cue, q.addressee, q.confidence, a.n AS article_n, a.headline, a.published,
       a.source, a.url, q.article_id, q.start, q."end"
FROM quotes q JOIN articles a ON a.id = q.article_id;

CREATE VIEW IF NOT EXISTS speaker_view AS
SELECT s.id, s.name, s.kind,
       count(q.id) AS quotes,
       count(DISTINCT q.article_id) AS articles,
       group_concat(DISTINCT q.speaker_role) AS roles
FROM speakers s LEFT JOIN quotes q ON q.speaker_id = s.id
GROUP BY s.id;
"""

_DOCUMENT_COLUMNS = ("id", "source", "kind", "url", "title", "published", "text", "meta", "ingested_at")
_ARTICLE_COLUMNS = (
    "id", "n", "document_id", "idx", "start", "end", "headline", "headline_start",
    "headline_end", "published", "updated", "dateline", "dateline_start", "dateline_end",
    "caption", "caption_start", "caption_end", "credit", "truncated", "source", "url",
)
_QUOTE_COLUMNS = (
    "id", "article_id", "speaker_id", "start", "end", "text", "type", "cue", "cue_start",
    "cue_end", "speaker", "speaker_mention", "speaker_start", "speaker_end", "speaker_kind",
    "speaker_role", "addressee", "confidence", "stance", "statement",
    "speaker_phrase", "speaker_phrase_start", "speaker_phrase_end",
)
_PARAGRAPH_COLUMNS = ("article_id", "idx", "kind", "start", "end", "text")


def quote_row(q: Any, article_id: str, j: int, speaker_id: int | None, name: str | None) -> tuple:
    """The values of one quote in the order of ``_QUOTE_COLUMNS`` (the store and the cluster's tables
    both write them): ``j`` is its index in the article, ``name`` its cleaned speaker name."""
    return (
        q.id or f"{article_id}-q{j}", article_id, speaker_id,
        q.start, q.end, q.text, q.type, q.cue, q.cue_start, q.cue_end,
        name, q.speaker_mention, q.speaker_start, q.speaker_end, q.speaker_kind,
        q.speaker_role, q.addressee, q.confidence, q.stance, q.statement,
        q.speaker_phrase, q.speaker_phrase_start, q.speaker_phrase_end,
    )
_PLACE_COLUMNS = ("article_id", "start", "end", "text", "name", "geonameid", "country", "kind", "lat", "lon",
                  "confidence", "metonymy", "dateline")
_ENTITY_COLUMNS = ("id", "article_id", "name", "kind", "aliases", "roles", "organization", "country", "mentions")
_EVENT_COLUMNS = (
    "id", "article_id", "type", "mode", "start", "end", "evidence", "trigger", "trigger_start", "trigger_end",
    "actor", "actor_country", "actor_sector", "recipient", "recipient_country", "recipient_sector", "place",
    "country", "lat", "lon", "geonameid", "date", "date_text", "size", "size_text", "dead", "injured", "arrested",
    "organizers", "supporters", "negated", "confidence",
)


def _q(name: str) -> str:
    return f'"{name}"'


def _insert_sql(table: str, columns: Iterable[str]) -> str:
    columns = tuple(columns)
    return (
        f"INSERT INTO {table} ({', '.join(_q(c) for c in columns)}) "
        f"VALUES ({', '.join('?' for _ in columns)})"
    )


_TERM = re.compile(r'"([^"]*)"|(\S+)')


def fts_query(text: str) -> str | None:
    """Turn user text into a safe FTS5 query: every word must match.

    Words are quoted as FTS5 strings, so operators and punctuation in the input
    (``OR``, ``(``, ``"``, ``NEAR``, ``:``) are plain text and never a syntax error.
    ``"two words"`` is a phrase; a trailing ``*`` makes a word a prefix.
    Returns None when the text holds nothing to search for.
    """
    terms = []
    for m in _TERM.finditer(text or ""):
        phrase, word = m.group(1), m.group(2)
        prefix = False
        if phrase is None:
            if word.endswith("*") and word.rstrip("*"):
                word, prefix = word.rstrip("*"), True
            phrase = word
        phrase = phrase.replace("\x00", " ")
        if not phrase.strip():
            continue
        terms.append('"' + phrase.replace('"', '""') + '"' + ("*" if prefix else ""))
    return " ".join(terms) or None


def any_word_query(words: Iterable[str], most: int = 12) -> str | None:
    """An FTS5 query that matches any of these words (the first ``most`` distinct ones), or None."""
    words = list(dict.fromkeys(w for w in words if w and w.strip()))[:most]
    if not words:
        return None
    return " OR ".join('"' + w.replace("\x00", " ").replace('"', '""') + '"' for w in words)


def parse_since(since: str | date | None) -> str | None:
    """Validate an ISO date (or datetime, year, year-month) and return it normalised.

    ``"2026-03"`` -> ``"2026-03-01"``; ``"20260303"`` -> ``"2026-03-03"``.
    Raises ValueError for anything else.
    """
    if since is None or since == "":
        return None
    if isinstance(since, datetime):
        return since.isoformat()
    if isinstance(since, date):
        return since.isoformat()
    text = str(since).strip()
    if re.fullmatch(r"\d{4}", text):  # a year
        text += "-01-01"
    elif re.fullmatch(r"\d{4}-\d{2}", text):  # a month
        text += "-01"
    try:
        if len(text) <= 10:
            return date.fromisoformat(text).isoformat()
        return datetime.fromisoformat(text).isoformat()
    except ValueError:
        raise ValueError(f"not an ISO date: {since!r} (expected YYYY-MM-DD)") from None


def _casefold(value: object) -> str:
    return "" if value is None else str(value).casefold()


def _utcnow() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _part_fields(part: Part | None) -> tuple[str | None, int | None, int | None]:
    if part is None:
        return None, None, None
    return part.text, part.start, part.end


def _clean(name: str | None) -> str | None:
    if name is None:
        return None
    name = " ".join(str(name).split())
    return name or None


class StoreError(Exception):
    """The database cannot be used by this version of newsgraph."""


class Store:
    """A newsgraph database in one SQLite file.

    >>> with Store(":memory:") as store:
    ...     store.stats()["documents"]
    0
    """

    def __init__(self, path: str | PathLike[str] = "newsgraph.db") -> None:
        self.path = str(path)
        self._conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        self._conn.row_factory = sqlite3.Row
        # SQLite's lower() folds ASCII only; names are not all ASCII
        self._conn.create_function("casefold", 1, _casefold, deterministic=True)
        try:
            self._setup()
        except Exception:
            self._conn.close()
            raise

    # -- connection -------------------------------------------------------------------

    def _setup(self) -> None:
        c = self._conn
        c.execute("PRAGMA foreign_keys = ON")
        c.execute("PRAGMA busy_timeout = 10000")
        version = c.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: database schema version {version} is newer than this "
                f"newsgraph understands ({SCHEMA_VERSION})"
            )
        if version == 0:
            tables = {r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if tables and "documents" not in tables:
                raise StoreError(f"{self.path}: not a newsgraph database")
        if self.path != ":memory:":
            c.execute("PRAGMA journal_mode = WAL")
            c.execute("PRAGMA synchronous = NORMAL")
        if version < SCHEMA_VERSION:
            with self._transaction():
                if 0 < version < 3:  # a column added to an existing table
                    c.execute("ALTER TABLE quotes ADD COLUMN stance TEXT")
                have = {r[1] for r in c.execute("PRAGMA table_info(quotes)")}
                for col, kind in (("statement", "INTEGER"), ("speaker_phrase", "TEXT"),
                                  ("speaker_phrase_start", "INTEGER"), ("speaker_phrase_end", "INTEGER")):
                    if 0 < version and have and col not in have:  # columns added to an existing table
                        c.execute(f"ALTER TABLE quotes ADD COLUMN {col} {kind}")
                if version == 4:  # early v4 stores lack the casualty counts of events
                    have = {r[1] for r in c.execute("PRAGMA table_info(events)")}
                    for col in ("dead", "injured", "arrested"):
                        if have and col not in have:
                            c.execute(f"ALTER TABLE events ADD COLUMN {col} REAL")
                for statement in _split_sql(_SCHEMA):
                    c.execute(statement)
                c.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        c = self._conn
        c.execute("BEGIN IMMEDIATE")
        try:
            yield c
        except BaseException:
            c.execute("ROLLBACK")
            raise
        else:
            c.execute("COMMIT")

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return self._conn.execute("PRAGMA user_version").fetchone()[0]

    # -- writing ----------------------------------------------------------------------

    def has_document(self, document_id: str) -> bool:
        row = self._conn.execute("SELECT 1 FROM documents WHERE id = ?", (document_id,)).fetchone()
        return row is not None

    def add(self, document: Document, articles: Iterable[Article]) -> bool:
        """Store a document and all its records in one transaction.

        Returns False, changing nothing, when the document id is already stored.
        On any error the transaction is rolled back and the error raised: nothing of
        the document stays half-written.
        """
        articles = list(articles)
        _check_offsets(document, articles)
        with self._transaction() as c:
            if not self._insert_document(c, (
                    document.id, document.source, document.kind, document.url, document.title,
                    document.published, document.text,
                    json.dumps(document.meta or {}, ensure_ascii=False, default=str), _utcnow())):
                return False
            if not articles:
                return True
            numbers = self._article_numbers(c, len(articles))

            article_rows, paragraph_rows, fts_rows, quote_rows = [], [], [], []
            speaker_keys: dict[tuple[str, str], None] = {}
            article_speaker_rows = []
            for i, art in enumerate(articles):
                headline = _part_fields(art.headline)
                dateline = _part_fields(art.dateline)
                caption = _part_fields(art.caption)
                article_rows.append((
                    art.id, numbers[i], document.id, art.index, art.start, art.end, *headline,
                    art.published or document.published, art.updated, *dateline, *caption,
                    art.credit, int(bool(art.truncated)), art.source or document.source,
                    art.url or document.url,
                ))
                parts = []
                if art.headline is not None:
                    parts.append(("headline", art.headline))
                parts += [("bullet", p) for p in art.bullets]
                if art.caption is not None:
                    parts.append(("caption", art.caption))
                parts += [("body", p) for p in art.paragraphs]
                parts.sort(key=lambda kp: (kp[1].start, kp[1].end))
                for idx, (kind, part) in enumerate(parts):
                    paragraph_rows.append((art.id, idx, kind, part.start, part.end, part.text))
                body = "\n".join(p.text for p in (*art.bullets, *art.paragraphs))
                fts_rows.append((art.id, art.headline.text if art.headline else "", body))

                for j, q in enumerate(art.quotes):
                    name = _clean(q.speaker)
                    kind = q.speaker_kind or "unknown"
                    if name:
                        speaker_keys[(name, kind)] = None
                    quote_rows.append((q, name, kind, art.id, j))
                quoted_kinds = {_clean(q.speaker): q.speaker_kind or "unknown" for q in art.quotes}
                for sp in art.speakers:
                    name = _clean(sp.name)
                    if not name:
                        continue
                    # one speaker row per name: the kind the quotes give wins
                    kind = quoted_kinds.get(name) or sp.kind or "unknown"
                    speaker_keys[(name, kind)] = None
                    article_speaker_rows.append((art.id, name, kind, sp))

            c.executemany(_insert_sql("articles", _ARTICLE_COLUMNS), article_rows)
            c.executemany(_insert_sql("paragraphs", _PARAGRAPH_COLUMNS), paragraph_rows)
            c.executemany(
                "INSERT INTO articles_fts (article_id, headline, body) VALUES (?, ?, ?)", fts_rows
            )

            speaker_ids = self._speaker_ids(c, list(speaker_keys)) if speaker_keys else {}

            rows = [quote_row(q, article_id, j, speaker_ids.get((name, kind)) if name else None, name)
                    for q, name, kind, article_id, j in quote_rows]
            c.executemany(_insert_sql("quotes", _QUOTE_COLUMNS), rows)

            merged: dict[tuple[str, int], list[Any]] = {}
            for article_id, name, kind, sp in article_speaker_rows:
                key = (article_id, speaker_ids[(name, kind)])
                if key in merged:  # the same name twice in one article: merge
                    row = merged[key]
                    row[0] += [a for a in sp.aliases if a not in row[0]]
                    row[1] += [r for r in sp.roles if r not in row[1]]
                    row[2] = row[2] or sp.gender
                    row[3] += sp.quotes
                else:
                    merged[key] = [list(sp.aliases), list(sp.roles), sp.gender, sp.quotes]
            c.executemany(
                _insert_sql("article_speakers",
                            ("article_id", "speaker_id", "aliases", "roles", "gender", "quotes")),
                [(aid, sid, json.dumps(al, ensure_ascii=False), json.dumps(ro, ensure_ascii=False),
                  g, nq) for (aid, sid), (al, ro, g, nq) in merged.items()],
            )
            c.executemany(
                _insert_sql("figures", ("id", "article_id", "quote_id", "start", "end", "text", "value",
                                        "value_high", "unit", "what", "qualifier", "source", "confidence")),
                [(f.id or f"{art.id}-f{k}", art.id, f.quote_id, f.start, f.end, f.text, f.value, f.value_high,
                  f.unit, f.what, f.qualifier, f.source, f.confidence)
                 for art in articles for k, f in enumerate(art.figures)],
            )
            c.executemany(
                _insert_sql("places", _PLACE_COLUMNS) + " ON CONFLICT DO NOTHING",
                [(art.id, p.start, p.end, p.text, p.name, p.geonameid, p.country, p.kind, p.lat, p.lon,
                  p.confidence, int(p.metonymy), int(p.dateline)) for art in articles for p in art.places],
            )
            entity_rows, mention_rows = [], []
            for art in articles:
                for k, e in enumerate(art.entities):
                    eid = e.id or f"{art.id}-e{k}"
                    entity_rows.append((eid, art.id, e.name, e.kind, json.dumps(e.aliases, ensure_ascii=False),
                                        json.dumps(e.roles, ensure_ascii=False), e.organization, e.country,
                                        len(e.mentions)))
                    mention_rows += [(eid, m.start, m.end, m.text) for m in e.mentions]
            c.executemany(_insert_sql("entities", _ENTITY_COLUMNS), entity_rows)
            c.executemany(_insert_sql("mentions", ("entity_id", "start", "end", "text")) + " ON CONFLICT DO NOTHING",
                          mention_rows)
            c.executemany(
                _insert_sql("events", _EVENT_COLUMNS),
                [(e.id or f"{art.id}-v{k}", art.id, e.type, e.mode, e.start, e.end, e.text, e.trigger,
                  e.trigger_start, e.trigger_end, e.actor, e.actor_country, e.actor_sector, e.recipient,
                  e.recipient_country, e.recipient_sector, e.place, e.country, e.lat, e.lon, e.geonameid,
                  e.date, e.date_text, e.size, e.size_text, e.dead, e.injured, e.arrested,
                  json.dumps(e.organizers, ensure_ascii=False),
                  json.dumps(e.supporters, ensure_ascii=False), int(e.negated), e.confidence)
                 for art in articles for k, e in enumerate(art.events)],
            )
            c.executemany(
                "INSERT OR IGNORE INTO dates (article_id, start, \"end\", text, date, granularity, confidence) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(art.id, d.start, d.end, d.text, d.date, d.granularity, d.confidence)
                 for art in articles for d in art.dates],
            )
        return True

    # The steps of `add` that differ between databases (see newsgraph.store.postgres).

    def _insert_document(self, c: Any, row: tuple[Any, ...]) -> bool:
        """Insert the ``documents`` row (columns of ``_DOCUMENT_COLUMNS``); False when its id is stored."""
        if c.execute("SELECT 1 FROM documents WHERE id = ?", (row[0],)).fetchone():
            return False
        c.execute(_insert_sql("documents", _DOCUMENT_COLUMNS), row)
        return True

    def _article_numbers(self, c: Any, count: int) -> list[int]:
        """Row numbers ``n`` for ``count`` new articles, in order (writers are serialised here)."""
        first = c.execute("SELECT coalesce(max(n), 0) + 1 FROM articles").fetchone()[0]
        return list(range(first, first + count))

    def _speaker_ids(self, c: Any, keys: list[tuple[str, str]]) -> dict[tuple[str, str], int]:
        """The ids of these (name, kind) speakers, inserting those not stored yet (in this order)."""
        c.executemany("INSERT INTO speakers (name, kind) VALUES (?, ?) ON CONFLICT (name, kind) DO NOTHING", keys)
        return {key: c.execute("SELECT id FROM speakers WHERE name = ? AND kind = ?", key).fetchone()[0]
                for key in keys}

    # -- reading ----------------------------------------------------------------------

    def _resolve_article(self, ref: str | int) -> str | None:
        """Article id for an article id or its 1-based row number ``n``."""
        if isinstance(ref, int) and not isinstance(ref, bool):
            row = self._conn.execute("SELECT id FROM articles WHERE n = ?", (ref,)).fetchone()
            return row[0] if row else None
        ref = str(ref).strip()
        row = self._conn.execute("SELECT id FROM articles WHERE id = ?", (ref,)).fetchone()
        if row is None and ref.isdigit():
            row = self._conn.execute("SELECT id FROM articles WHERE n = ?", (int(ref),)).fetchone()
        return row[0] if row else None

    def _article_filter(self, where: list[str], params: list[Any], article: str | int | None, col: str,
                        copies: bool = False) -> bool:
        """Restrict a list query to one article (False when there is no such article), or else, unless
        ``copies``, leave out the near-copies of other articles (their records count with the canonical one)."""
        if article is not None:
            aid = self._resolve_article(article)
            if aid is None:
                return False
            where.append(f"{col} = ?")
            params.append(aid)
        elif not copies:
            where.append(_NOT_A_COPY.format(col=col))
        return True

    def articles(self, search: str | None = None, since: str | date | None = None,
                 limit: int | None = None) -> list[dict[str, Any]]:
        """Articles in the order they were stored (by ``n``), with their number of quotes."""
        where, params = [], []
        if not _search_and_since(where, params, search, since,
                                 "a.id IN (SELECT article_id FROM articles_fts WHERE articles_fts MATCH ?)"):
            return []
        sql = (
            "SELECT a.n, a.id, a.headline, a.published, a.updated, a.dateline, a.credit, "
            "a.truncated, a.source, a.url, a.document_id, "
            "(SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS quotes, "
            "(SELECT d.canonical_id FROM duplicates d WHERE d.article_id = a.id) AS copy_of, "
            "(SELECT count(*) FROM duplicates d WHERE d.canonical_id = a.id) AS copies "
            "FROM articles a"
        )
        sql = _where_order_limit(sql, where, " ORDER BY a.n", limit, params)
        out = []
        for row in self._conn.execute(sql, params):
            d = dict(row)
            d["truncated"] = bool(d["truncated"])
            out.append(d)
        return out

    def article(self, ref: str | int) -> dict[str, Any] | None:
        """One article by id or row number, with the page text, its parts and quotes.

        All offsets (of the article, its parts and quotes) point into ``text``,
        the text of the document the article comes from.
        """
        article_id = self._resolve_article(ref)
        if article_id is None:
            return None
        c = self._conn
        row = c.execute(
            f"SELECT {', '.join('a.' + _q(col) for col in _ARTICLE_COLUMNS)}, "
            "d.text AS text, d.source AS document_source, d.kind AS document_kind, "
            "d.title AS document_title "
            "FROM articles a JOIN documents d ON d.id = a.document_id WHERE a.id = ?",
            (article_id,),
        ).fetchone()
        art = dict(row)
        art["truncated"] = bool(art["truncated"])
        art["paragraphs"] = [
            dict(r) for r in c.execute(
                'SELECT idx, kind, start, "end", text FROM paragraphs WHERE article_id = ? ORDER BY idx',
                (article_id,),
            )
        ]
        art["bullets"] = [p["text"] for p in art["paragraphs"] if p["kind"] == "bullet"]
        art["body"] = "\n".join(p["text"] for p in art["paragraphs"] if p["kind"] == "body")
        art["quotes"] = self.quotes(article=article_id)
        art["speakers"] = [
            {"name": r["name"], "kind": r["kind"], "aliases": json.loads(r["aliases"]),
             "roles": json.loads(r["roles"]), "gender": r["gender"], "quotes": r["quotes"]}
            for r in c.execute(
                "SELECT s.name, s.kind, x.aliases, x.roles, x.gender, x.quotes "
                "FROM article_speakers x JOIN speakers s ON s.id = x.speaker_id "
                "WHERE x.article_id = ? ORDER BY x.quotes DESC, s.name",
                (article_id,),
            )
        ]
        return art

    def quotes(self, speaker: str | None = None, search: str | None = None,
               since: str | date | None = None, article: str | int | None = None,
               limit: int | None = None, copies: bool = False) -> list[dict[str, Any]]:
        """Quotes, in article order then position, optionally filtered.

        ``speaker`` matches the resolved speaker name as a case-insensitive substring;
        ``search`` is a full-text search over quote text and speaker; ``since`` keeps
        articles published on or after that ISO date; ``article`` is an article id or
        row number. The quotes of near-copies of an article (see :meth:`mark_duplicates`)
        are left out unless ``copies`` is true or the copy is asked for by ``article``.
        """
        where, params = [], []
        if not self._article_filter(where, params, article, "q.article_id", copies):
            return []
        if speaker is not None:
            where.append("instr(casefold(q.speaker), ?) > 0")
            params.append(_casefold(" ".join(speaker.split())))
        if not _search_and_since(where, params, search, since,
                                 "q.id IN (SELECT quote_id FROM quotes_fts WHERE quotes_fts MATCH ?)"):
            return []
        sql = (
            'SELECT q.id, q.article_id AS article, a.n AS article_n, q.text, q.type, q.cue, '
            'q.speaker, q.speaker_role, q.speaker_mention, q.speaker_kind, q.addressee, '
            'q.start, q."end", q.cue_start, q.cue_end, q.speaker_start, q.speaker_end, '
            'q.confidence, q.stance, q.statement, q.speaker_phrase, q.speaker_phrase_start, '
            'q.speaker_phrase_end, a.headline, a.published, a.source '
            "FROM quotes q JOIN articles a ON a.id = q.article_id"
        )
        sql = _where_order_limit(sql, where, " ORDER BY a.n, q.start, q.\"end\"", limit, params)
        return [dict(r) for r in self._conn.execute(sql, params)]

    def figures(self, about: str | None = None, article: str | int | None = None, unit: str | None = None,
                limit: int | None = None, search: str | None = None) -> list[dict[str, Any]]:
        """Figures, newest articles first; ``about`` matches what is counted, the unit or the figure's text,
        ``search`` the text of the articles (full-text)."""
        where, params = [], []
        if not _search_and_since(where, params, search, None,
                                 "a.id IN (SELECT article_id FROM articles_fts WHERE articles_fts MATCH ?)"):
            return []
        if about:
            where.append("(instr(casefold(coalesce(f.what, '')), ?) > 0 OR instr(casefold(f.text), ?) > 0 "
                         "OR instr(casefold(coalesce(f.unit, '')), ?) > 0)")
            params += [_casefold(about)] * 3
        if unit:
            where.append("f.unit = ?")
            params.append(unit)
        if not self._article_filter(where, params, article, "f.article_id"):
            return []
        sql = ('SELECT f.id, f.value, f.value_high, f.unit, f.what, f.qualifier, f.source, f.article_id AS article, '
               'a.n AS article_n, f.start, f."end", f.text, f.confidence, f.quote_id, a.published, a.headline '
               'FROM figures f JOIN articles a ON a.id = f.article_id')
        sql = _where_order_limit(sql, where, ' ORDER BY a.published DESC, a.n, f.start', limit, params)
        return [dict(r) for r in self._conn.execute(sql, params)]

    def claims(self, contested: bool = True, limit: int | None = None) -> list[dict[str, Any]]:
        """Contested claims, newest first, each with the statements that dispute it:

        - a denial and the statement of the same article it disputes (see :mod:`newsgraph.claims`);
        - a denial in one article and the statement of another article it restates (found with the
          full-text index, then scored by token-set similarity; see :func:`newsgraph.claims.disputes_across`);
        - counter-figures: figures of one article for the same quantity, from different sources,
          that cannot both be true (:func:`newsgraph.claims.counter_figures`).
        """
        from ..claims import content_words, contested as find_contested, counter_figures, disputes_across

        by_article: dict[str, list[dict[str, Any]]] = {}
        for r in self._conn.execute(
            "SELECT q.id, q.text, q.speaker, q.stance, q.cue, q.start, q.article_id AS article FROM quotes q "
            "WHERE q.article_id IN (SELECT article_id FROM quotes WHERE stance = 'deny') ORDER BY q.article_id, q.start"
        ):
            by_article.setdefault(r["article"], []).append(dict(r))
        found = []
        for article, quotes in by_article.items():
            for c in find_contested(quotes):
                if c.id.startswith("denied:"):
                    # nobody in the article makes the claim: look for it in the other articles
                    denial = next(q for q in quotes if q["id"] == c.disputed_by[0]["id"])
                    target = disputes_across(denial, self._claim_candidates(content_words(denial["text"])))
                    if target is not None:
                        found.append(({"id": target["id"], "claim": target["text"], "claimant": target["speaker"],
                                       "stance": target["stance"] or "assert", "article": target["article"],
                                       "start": target["start"]},
                                      [{**d, "article": article} for d in c.disputed_by]))
                        continue
                found.append(({"id": c.id, "claim": c.claim, "claimant": c.claimant, "stance": c.stance,
                               "article": c.article, "start": c.start}, c.disputed_by))
        # counter-figures, in articles with two or more sourced figures of one unit
        figs: dict[str, list[dict[str, Any]]] = {}
        for r in self._conn.execute(
            "SELECT f.id, f.value, f.value_high, f.unit, f.what, f.qualifier, f.source, f.start, f.\"end\", f.text, "
            "f.article_id AS article FROM figures f WHERE f.source IS NOT NULL AND f.article_id IN ("
            "SELECT article_id FROM figures WHERE source IS NOT NULL GROUP BY article_id "
            "HAVING count(DISTINCT source) > 1) ORDER BY f.article_id, f.start"
        ):
            figs.setdefault(r["article"], []).append(dict(r))
        for article, rows in figs.items():
            page = self._conn.execute("SELECT d.text FROM documents d JOIN articles a ON a.document_id = d.id "
                                      "WHERE a.id = ?", (article,)).fetchone()[0]
            for c in counter_figures(rows, page):
                found.append(({"id": c.id, "claim": c.claim, "claimant": c.claimant, "stance": c.stance,
                               "article": c.article, "start": c.start}, c.disputed_by))
        merged: dict[str, dict[str, Any]] = {}
        for claim, disputes in found:
            entry = merged.setdefault(claim["id"], {**claim, "disputed_by": []})
            for d in disputes:
                if all(d.get("id") != x.get("id") and d.get("claim") != x.get("claim") for x in entry["disputed_by"]):
                    entry["disputed_by"].append(d)
        dates = dict(self._conn.execute("SELECT id, published FROM articles WHERE id IN (%s)" % ",".join(
            "?" * len({c["article"] for c in merged.values()})), [*{c["article"] for c in merged.values()}])) \
            if merged else {}
        out = []
        for c in merged.values():
            c["published"] = dates.get(c["article"])
            out.append(c)
        out.sort(key=lambda c: (c["published"] or "", c["article"], c["start"]), reverse=True)
        return out[:limit] if limit is not None else out

    def _claim_candidates(self, words: list[str], limit: int = 25) -> list[dict[str, Any]]:
        """Statements whose text shares the most content words with ``words`` (full-text, best first)."""
        query = any_word_query(words)
        if query is None:
            return []
        return [dict(r) for r in self._conn.execute(
            "SELECT q.id, q.text, q.speaker, q.stance, q.start, q.article_id AS article FROM quotes_fts "
            "JOIN quotes q ON q.id = quotes_fts.quote_id WHERE quotes_fts MATCH ? ORDER BY bm25(quotes_fts) LIMIT ?",
            (query, limit))]

    def orgs(self, limit: int | None = None) -> list[dict[str, Any]]:
        """Organisations that speak (`the health ministry says`) or that people's roles name
        (`chief executive of X`), with their quotes and the people affiliated to them."""
        from ..people import organization_of

        orgs: dict[str, dict[str, Any]] = {}
        for name, quotes, articles in self._conn.execute(
            "SELECT s.name, count(q.id), count(DISTINCT q.article_id) FROM speakers s "
            "JOIN quotes q ON q.speaker_id = s.id WHERE s.kind = 'organization' GROUP BY s.id ORDER BY s.id"
        ):
            orgs[name.casefold()] = {"name": name, "quotes": quotes, "articles": articles, "people": []}
        # organisations the articles name (with the aliases they define: `Jamaat-e-Islami (JI)`)
        named: dict[str, list[Any]] = {}
        for name, aliases, article in self._conn.execute(
                "SELECT name, aliases, article_id FROM entities WHERE kind = 'organization' ORDER BY rowid"):
            entry = named.setdefault(name, [set(), set()])
            entry[0].update(json.loads(aliases))
            entry[1].add(article)
        for name in sorted(named, key=lambda n: (-len(named[n][1]), n)):
            aliases, arts = named[name]
            key = next((k for k in (name.casefold(), *(a.casefold() for a in sorted(aliases))) if k in orgs), None)
            if key is None:
                key = name.casefold()
                orgs[key] = {"name": name, "quotes": 0, "articles": 0, "people": [], "mentioned_in": 0}
            o = orgs[key]
            o["mentioned_in"] = o.get("mentioned_in", 0) + len(arts)
            o.setdefault("aliases", [])
            o["aliases"] += [a for a in sorted(aliases | {name}) if a != o["name"] and a not in o["aliases"]]
        alias_of = {a.casefold(): k for k, o in orgs.items() for a in o.get("aliases", [])}
        for p in self._people():
            for org in {organization_of(r["role"]) for r in p.roles} - {None}:
                key = org.casefold() if org.casefold() in orgs else alias_of.get(org.casefold(), org.casefold())
                entry = orgs.setdefault(key, {"name": org, "quotes": 0, "articles": 0, "people": []})
                if p.name not in entry["people"]:
                    entry["people"].append(p.name)
        # `HWU` and `Harbour Workers' Union` are one organisation
        initials = {"".join(w[0] for w in re.findall(r"[A-Z][\w'\u2019&-]*", o["name"])).upper(): k
                    for k, o in orgs.items() if len(o["name"].split()) > 1}
        for k in [k for k, o in orgs.items() if re.fullmatch(r"[A-Z]{2,6}", o["name"])]:
            long = initials.get(orgs[k]["name"])
            if long and long != k:
                short = orgs.pop(k)
                entry = orgs[long]
                entry["quotes"] += short["quotes"]
                entry["articles"] += short["articles"]
                entry["people"] += [p for p in short["people"] if p not in entry["people"]]
                entry["mentioned_in"] = entry.get("mentioned_in", 0) + short.get("mentioned_in", 0)
                entry.setdefault("aliases", [])
                entry["aliases"] += [a for a in (short["name"], *short.get("aliases", []))
                                     if a not in entry["aliases"] and a != entry["name"]]
        # descriptions (`the health ministry`, `a survey`) are speakers, not named organisations
        orgs = {k: o for k, o in orgs.items() if o["name"][:1].isupper() or o["name"][:1].isdigit()}
        for o in orgs.values():
            o.setdefault("aliases", [])
            o.setdefault("mentioned_in", 0)
        out = sorted(orgs.values(), key=lambda o: (-(o["quotes"] + len(o["people"]) + o["mentioned_in"]), o["name"]))
        return out[:limit] if limit is not None else out

    def figure_groups(self, about: str | None = None, search: str | None = None,
                      min_reports: int = 2) -> list[dict[str, Any]]:
        """Figures for the same quantity (unit and what is counted) across articles: each report with
        its date and source, the spread of values, and whether the sources disagree (values more
        than 10% apart, ranges and qualifiers taken into account)."""
        groups: dict[tuple[str, str], list[dict[str, Any]]] = {}
        for f in self.figures(about=about, search=search):
            if not f["what"] or f["unit"] in (None, "years") and f["what"] == "age":
                continue
            key = (f["unit"] or "", _quantity_key(f["what"]))
            groups.setdefault(key, []).append(f)
        out = []
        for (unit, what), rows in groups.items():
            if len(rows) < min_reports:
                continue
            rows.sort(key=lambda r: ((r["published"] or ""), r["article_n"], r["start"]))
            lows = [r["value"] for r in rows]
            highs = [r["value_high"] if r["value_high"] is not None else r["value"] for r in rows]
            exact = [r for r in rows if not r["qualifier"] and r["value_high"] is None]
            disagree = bool(exact) and max(r["value"] for r in exact) > 1.1 * min(r["value"] for r in exact)
            disagree = disagree or min(highs) * 1.1 < max(lows)
            out.append({"unit": unit, "what": what, "reports": len(rows), "min": min(lows), "max": max(highs),
                        "sources": sorted({r["source"] for r in rows if r["source"]}),
                        "disagree": disagree,
                        "values": [{k: r[k] for k in ("id", "value", "value_high", "qualifier", "source",
                                                      "published", "article", "text")} for r in rows]})
        out.sort(key=lambda g: (not g["disagree"], -g["reports"], g["what"]))
        return out

    def _people(self):
        from ..people import Record, cluster

        recs: dict[int, Record] = {}
        for sid, name, quotes, articles in self._conn.execute(
            "SELECT s.id, s.name, count(q.id), count(DISTINCT q.article_id) FROM speakers s "
            "LEFT JOIN quotes q ON q.speaker_id = s.id WHERE s.kind = 'person' GROUP BY s.id ORDER BY s.id"
        ):
            recs[sid] = Record(sid, name, quotes, articles)
        seen = set()
        for sid, role, published in self._conn.execute(
            "SELECT q.speaker_id, q.speaker_role, a.published FROM quotes q JOIN articles a ON a.id = q.article_id "
            "WHERE q.speaker_role IS NOT NULL AND q.speaker_id IS NOT NULL "
            "UNION SELECT s.speaker_id, j.value, a.published FROM article_speakers s "
            "JOIN articles a ON a.id = s.article_id, json_each(s.roles) j ORDER BY 1, 2, 3"
        ):
            if sid in recs and role and (sid, role, published) not in seen:
                seen.add((sid, role, published))
                recs[sid].roles.append((role, (published or "")[:10] or None))
        # people the articles name but never quote (negative ids: no quotes to fetch)
        spoken = {r.name.casefold() for r in recs.values()}
        mentioned: dict[str, Record] = {}
        for name, roles, article, published in self._conn.execute(
            "SELECT e.name, e.roles, e.article_id, a.published FROM entities e JOIN articles a ON a.id = e.article_id "
            "WHERE e.kind = 'person' ORDER BY e.name, a.n"
        ):
            if name.casefold() in spoken:
                continue
            rec = mentioned.get(name)
            if rec is None:
                rec = mentioned[name] = Record(-(len(mentioned) + 1), name)
            rec.articles += 1
            for role in json.loads(roles):
                key = (role, (published or "")[:10] or None)
                if role and key not in rec.roles:
                    rec.roles.append(key)
        return cluster([*recs.values(), *mentioned.values()])

    def entity_ids(self) -> dict[tuple[str, str], str]:
        """Canonical cross-article id of every (article id, entity name): people merged as
        :meth:`people` merges them (`p:<name>`), organisations by name or alias (`o:<name>`),
        places by GeoNames id or name (`g:<id>`)."""
        names: dict[str, str] = {}
        for p in self._people():
            for n in (p.name, *p.aliases):
                names.setdefault(n.casefold(), "p:" + p.name)
        orgs: dict[str, str] = {}
        for o in self.orgs():
            for n in (o["name"], *o.get("aliases", [])):
                orgs.setdefault(n.casefold(), "o:" + o["name"])
        out = {}
        rows = self._conn.execute("SELECT article_id, name, kind, aliases FROM entities ORDER BY rowid").fetchall()
        for article, name, kind, aliases in rows:
            if kind == "person":
                out[(article, name)] = names.get(name.casefold(), "p:" + name)
            elif kind == "organization":
                forms = [name, *json.loads(aliases)]
                out[(article, name)] = next((orgs[f.casefold()] for f in forms if f.casefold() in orgs), None) \
                    or "o:" + name
                for f in forms:
                    orgs.setdefault(f.casefold(), out[(article, name)])
            else:
                out[(article, name)] = "g:" + name
        return out

    def people(self, limit: int | None = None) -> list[dict[str, Any]]:
        """People across all articles (speaker names merged, see :mod:`newsgraph.people`), most quoted first."""
        out = [{"name": p.name, "aliases": p.aliases, "quotes": p.quotes, "articles": p.articles,
                "roles": p.roles} for p in self._people()]
        return out[:limit] if limit is not None else out

    def person(self, name: str, quotes: int = 20) -> dict[str, Any] | None:
        """One person by name or alias (case-insensitive; a unique part of a name also works)."""
        people = self._people()
        low = " ".join(name.split()).casefold()
        match = [p for p in people if low in (n.casefold() for n in [p.name, *p.aliases])]
        if not match:
            match = [p for p in people if any(low in n.casefold() for n in [p.name, *p.aliases])]
        if not match:
            return None
        p = match[0]
        marks = ",".join("?" * len(p.speaker_ids))
        rows = self._conn.execute(
            f"SELECT q.id, q.text, q.type, q.cue, q.speaker_role, q.article_id AS article, a.n AS article_n, "
            f"a.headline, a.published FROM quotes q JOIN articles a ON a.id = q.article_id "
            f"WHERE q.speaker_id IN ({marks}) ORDER BY a.published DESC, a.n, q.start LIMIT ?",
            [*p.speaker_ids, max(int(quotes), 0)]).fetchall()
        return {"name": p.name, "aliases": p.aliases, "roles": p.roles, "quotes": p.quotes,
                "articles": p.articles, "organizations": sorted({r["organization"] for r in p.roles
                                                                 if r["organization"]}),
                "recent_quotes": [dict(r) for r in rows],
                "also_matched": [q.name for q in match[1:6]]}

    def speakers(self, limit: int | None = None) -> list[dict[str, Any]]:
        """Speakers with their number of quotes and articles and the roles seen, most quoted first."""
        sql = (
            "SELECT s.name, s.kind, count(q.id) AS quotes, "
            "count(DISTINCT q.article_id) AS articles, "
            "s.id AS _id "
            "FROM speakers s LEFT JOIN quotes q ON q.speaker_id = s.id "
            "GROUP BY s.id ORDER BY quotes DESC, articles DESC, s.name"
        )
        params: list[Any] = []
        if limit is not None:
            sql += " LIMIT ?"
            params.append(max(int(limit), 0))
        rows = [dict(r) for r in self._conn.execute(sql, params)]
        roles: dict[int, list[str]] = {}
        for sid, role in self._conn.execute(
            "SELECT DISTINCT speaker_id, speaker_role FROM quotes "
            "WHERE speaker_id IS NOT NULL AND speaker_role IS NOT NULL "
            "ORDER BY speaker_id, speaker_role"
        ):
            roles.setdefault(sid, []).append(role)
        # roles the pipeline saw for a speaker in an article, even outside a quote
        for sid, seen in self._conn.execute("SELECT speaker_id, roles FROM article_speakers"):
            known = roles.setdefault(sid, [])
            known.extend(r for r in json.loads(seen) if r and r not in known)
        return [
            {"name": r["name"], "kind": r["kind"], "quotes": r["quotes"],
             "articles": r["articles"], "roles": roles.get(r["_id"], [])}
            for r in rows
        ]

    def events(self, type: str | None = None, place: str | None = None, since: str | date | None = None,
               until: str | date | None = None, article: str | int | None = None, country: str | None = None,
               limit: int | None = None, offset: int = 0, include_negated: bool = False) -> list[dict[str, Any]]:
        """Events, one per real-world event: sentences (in any article) that tell the same event are
        merged (see :func:`newsgraph.extractors.events.merge_events`) into the earliest-reported one,
        whose ``sources`` list every evidence. Newest first. ``place`` matches the place name or the
        country code, ``since``/``until`` the event date (or the article date when the event has none).
        """
        where, params = [], []
        if not include_negated:
            where.append("e.negated = 0")
        if type:
            where.append("e.type = ?")
            params.append(type.upper())
        if place:
            where.append("(casefold(coalesce(e.place, '')) = ? OR e.country = ? OR "
                         "instr(casefold(coalesce(e.place, '')), ?) > 0)")
            params += [_casefold(place), place.upper(), _casefold(place)]
        if country:
            where.append("e.country = ?")
            params.append(country.upper())
        when = "coalesce(e.date, substr(a.published, 1, 10))"
        if since:
            where.append(f"{when} >= ?")
            params.append(parse_since(since))
        if until:
            where.append(f"{when} <= ?")
            params.append(parse_since(until))
        if not self._article_filter(where, params, article, "e.article_id"):
            return []
        sql = ("SELECT e.*, a.n AS article_n, a.headline, a.published, a.source AS outlet "
               "FROM events e JOIN articles a ON a.id = e.article_id")
        sql = _where_order_limit(sql, where, " ORDER BY a.n, e.start", None, params)
        rows = [dict(r) for r in self._conn.execute(sql, params)]
        out = [_event_record(group) for group in _group_events(rows)]
        out.sort(key=lambda e: (e["date"] or e["published"] or "", e["id"]), reverse=True)
        return out[offset:offset + limit] if limit is not None else out[offset:]

    def event(self, event_id: str) -> dict[str, Any] | None:
        """One event by the id of any of its sentences, with all its sources."""
        row = self._conn.execute("SELECT type, date, article_id FROM events WHERE id = ?", (event_id,)).fetchone()
        if row is None:
            return None
        for e in self.events(type=row["type"], include_negated=True):
            if event_id == e["id"] or event_id in (s["id"] for s in e["sources"]):
                return e
        return None

    def places(self, limit: int | None = None) -> list[dict[str, Any]]:
        """Resolved places with the number of articles and events that name them, most named first."""
        rows = self._conn.execute(
            "SELECT coalesce(p.name, p.text) AS name, p.country, p.kind, p.lat, p.lon, p.geonameid, "
            "max(p.confidence) AS confidence, count(*) AS mentions, count(DISTINCT p.article_id) AS articles, "
            "sum(p.metonymy) AS metonymy "
            "FROM places p GROUP BY coalesce(p.geonameid, casefold(p.text)) "
            "ORDER BY articles DESC, mentions DESC, name" + (" LIMIT ?" if limit is not None else ""),
            [max(int(limit), 0)] if limit is not None else []).fetchall()
        return [dict(r) for r in rows]

    def entities(self, kind: str | None = None, article: str | int | None = None,
                 limit: int | None = None) -> list[dict[str, Any]]:
        """Entities of each article (people, organisations, places) with their aliases, roles and
        mention offsets; ``article`` restricts to one article."""
        where, params = [], []
        if kind:
            where.append("e.kind = ?")
            params.append(kind)
        if not self._article_filter(where, params, article, "e.article_id", copies=True):
            return []
        sql = ("SELECT e.id, e.article_id AS article, a.n AS article_n, e.name, e.kind, e.aliases, e.roles, "
               "e.organization, e.country, e.mentions, a.published FROM entities e "
               "JOIN articles a ON a.id = e.article_id")
        sql = _where_order_limit(sql, where, " ORDER BY a.n, e.rowid", limit, params)
        out = []
        for r in self._conn.execute(sql, params):
            d = dict(r)
            d["aliases"] = json.loads(d["aliases"])
            d["roles"] = json.loads(d["roles"])
            out.append(d)
        return out

    def mark_duplicates(self, threshold: float | None = None) -> dict[str, int]:
        """Find the near-copies among all stored articles (wire stories reprinted with small edits;
        MinHash LSH, see :mod:`newsgraph.dedup`) and record each copy with the canonical article of its
        cluster (the earliest published, then the longest) in ``duplicates``, replacing what was there,
        in one transaction. Returns the number of clusters and of copies."""
        from ..dedup import DEFAULT_THRESHOLD, NearDuplicates

        nd = NearDuplicates(threshold if threshold is not None else DEFAULT_THRESHOLD)
        for aid, headline, body, published, source in self._conn.execute(
                "SELECT a.id, f.headline, f.body, a.published, a.source FROM articles a "
                "JOIN articles_fts f ON f.article_id = a.id ORDER BY a.n"):
            nd.add(aid, f"{headline or ''}\n{body or ''}", published=published, source=source)
        clusters = nd.clusters(min_size=2)
        rows = [(m, c.canonical, nd.similarity(m, c.canonical)) for c in clusters for m in c.members
                if m != c.canonical]
        with self._transaction() as conn:
            conn.execute("DELETE FROM duplicates")
            conn.executemany("INSERT INTO duplicates (article_id, canonical_id, similarity) VALUES (?, ?, ?)", rows)
        return {"clusters": len(clusters), "copies": len(rows)}

    def stats(self) -> dict[str, Any]:
        """Counts of everything stored, and the range of publication dates."""
        c = self._conn

        def count(table: str) -> int:
            return c.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

        first, last = c.execute("SELECT min(published), max(published) FROM articles").fetchone()
        by_type = {r[0]: r[1] for r in c.execute("SELECT type, count(*) FROM quotes GROUP BY type")}
        return {
            "path": self.path,
            "schema_version": self.schema_version,
            "documents": count("documents"),
            "articles": count("articles"),
            "paragraphs": count("paragraphs"),
            "quotes": count("quotes"),
            "quotes_by_type": by_type,
            "speakers": c.execute(
                "SELECT count(DISTINCT speaker_id) FROM quotes WHERE speaker_id IS NOT NULL"
            ).fetchone()[0],
            "figures": count("figures"),
            "places": count("places"),
            "entities": count("entities"),
            "events": count("events"),
            "near_copies": count("duplicates"),
            "sources": c.execute("SELECT count(DISTINCT source) FROM documents").fetchone()[0],
            "first_published": first,
            "last_published": last,
        }


# articles that are near-copies of another: their records are counted once, with the canonical article
_NOT_A_COPY = "{col} NOT IN (SELECT article_id FROM duplicates)"

_EVENT_FIELDS = ("id", "type", "mode", "date", "place", "country", "lat", "lon", "actor", "recipient", "size",
                 "dead", "injured", "arrested")


def _group_events(rows: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Rows of the events table grouped into real-world events (order of the first report kept)."""
    if not rows:
        return []
    from ..extractors.events import merge_events
    from ..model import Event

    records = []
    for r in rows:
        ev = Event(type=r["type"], text=r["evidence"], start=r["start"], end=r["end"], mode=r["mode"],
                   actor=r["actor"], actor_country=r["actor_country"], recipient=r["recipient"],
                   place=r["place"], country=r["country"], date=r["date"], size=r["size"],
                   negated=bool(r["negated"]), confidence=r["confidence"] or 0.0, id=r["id"],
                   article_id=r["article_id"])
        records.append(ev)
    by_id = {r["id"]: r for r in rows}
    order = {r["id"]: i for i, r in enumerate(rows)}
    groups = [[by_id[e.id] for e in g] for g in merge_events(records)]
    for g in groups:
        g.sort(key=lambda r: order[r["id"]])
    groups.sort(key=lambda g: order[g[0]["id"]])
    return groups


def _event_record(group: list[dict[str, Any]]) -> dict[str, Any]:
    """One event from the sentences that tell it: the first report, with gaps filled from the others."""
    first = group[0]
    out = {k: first[k] for k in _EVENT_FIELDS}
    for r in group[1:]:
        for k in _EVENT_FIELDS[1:]:
            if out[k] is None and r[k] is not None:
                out[k] = r[k]
    out.update({
        "article": first["article_id"], "article_n": first["article_n"], "evidence": first["evidence"],
        "start": first["start"], "end": first["end"], "published": first["published"],
        "headline": first["headline"], "actor_country": first["actor_country"],
        "actor_sector": first["actor_sector"], "recipient_country": first["recipient_country"],
        "recipient_sector": first["recipient_sector"], "size_text": first["size_text"],
        "date_text": first["date_text"], "organizers": json.loads(first["organizers"]),
        "supporters": json.loads(first["supporters"]), "confidence": first["confidence"],
        "negated": bool(first["negated"]),
        "sources": [{"id": r["id"], "article": r["article_id"], "article_n": r["article_n"],
                     "evidence": r["evidence"], "start": r["start"], "end": r["end"],
                     "outlet": r["outlet"], "published": r["published"]} for r in group],
    })
    return out


def _where_order_limit(sql: str, where: list[str], order: str, limit: int | None, params: list[Any]) -> str:
    """Finish a list query: its filters, its order and an optional limit (appended to ``params``)."""
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += order
    if limit is not None:
        sql += " LIMIT ?"
        params.append(max(int(limit), 0))
    return sql


def _quantity_key(what: str) -> str:
    """`the dock workers`, `Dock workers` -> `dock workers`: what a figure counts, for grouping."""
    words = [w for w in what.casefold().split() if w not in ("the", "a", "an", "some", "its", "their")]
    return " ".join(words)


def _search_and_since(where: list[str], params: list[Any], search: str | None, since: str | date | None,
                      match_clause: str) -> bool:
    """Add the full-text and date filters shared by the list queries; False when the search can match nothing."""
    if search is not None:
        query = fts_query(search)
        if query is None:
            return False
        where.append(match_clause)
        params.append(query)
    since_s = parse_since(since)
    if since_s:
        where.append("a.published >= ?")
        params.append(since_s)
    return True


def _check_offsets(document: Document, articles: list[Article]) -> None:
    """Refuse records whose offsets fall outside the document text."""
    size = len(document.text)

    def check(what: str, start: int | None, end: int | None) -> None:
        if start is None and end is None:
            return
        if start is None or end is None or not (0 <= start <= end <= size):
            raise ValueError(
                f"{what}: offsets {start}..{end} outside the document text (length {size})"
            )

    for art in articles:
        if art.document_id and art.document_id != document.id:
            raise ValueError(f"article {art.id} belongs to document {art.document_id}, not {document.id}")
        check(f"article {art.id}", art.start, art.end)
        for name in ("headline", "dateline", "caption"):
            part = getattr(art, name)
            if part is not None:
                check(f"article {art.id} {name}", part.start, part.end)
        for part in (*art.bullets, *art.paragraphs):
            check(f"article {art.id} paragraph", part.start, part.end)
        for q in art.quotes:
            what = f"quote {q.id or q.text[:30]!r}"
            check(what, q.start, q.end)
            check(what + " cue", q.cue_start, q.cue_end)
            check(what + " speaker", q.speaker_start, q.speaker_end)
            check(what + " speaker phrase", q.speaker_phrase_start, q.speaker_phrase_end)
        for f in art.figures:
            check(f"figure {f.text[:30]!r}", f.start, f.end)
        for pl in art.places:
            check(f"place {pl.text[:30]!r}", pl.start, pl.end)
        for e in art.entities:
            for m in e.mentions:
                check(f"entity {e.name[:30]!r} mention", m.start, m.end)
        for ev in art.events:
            check(f"event {ev.type}", ev.start, ev.end)
            check(f"event {ev.type} trigger", ev.trigger_start, ev.trigger_end)


def _split_sql(script: str) -> list[str]:
    """Split the schema script into statements (triggers contain ';' inside BEGIN...END)."""
    statements, buf = [], []
    for line in script.splitlines():
        if line.strip().startswith("--") and not buf:
            continue
        buf.append(line)
        text = "\n".join(buf).strip()
        if text.endswith(";") and sqlite3.complete_statement(text):
            statements.append(text)
            buf = []
    rest = "\n".join(buf).strip()
    if rest:
        statements.append(rest)
    return statements
