"""The newsgraph schema, version 4 (as the SQLite store's ``SCHEMA_VERSION`` 4): documents, articles,
paragraphs, speakers, quotes, figures, dates, places, entities, mentions, events, full-text search
and the views.

The tables and columns are those of the SQLite store, with PostgreSQL types: ``TEXT`` columns
compare and sort by code point (``COLLATE "C"``, as SQLite does), ``REAL`` is ``double precision``,
speaker ids are ``bigint`` (the Parquet output of a cluster job gives them 60-bit hashes), and
what SQLite numbers by itself comes from sequences: ``articles.n`` (``articles_n_seq``),
``paragraphs.id``, ``speakers.id`` and ``entities.rowid`` (the insertion order that SQLite's
rowid gives).

Full-text search: ``articles_fts`` and ``quotes_fts`` are plain tables whose ``tsv`` column is a
generated ``tsvector`` with a GIN index, in the text search configuration ``newsgraph`` (no stop
words, no stemming, diacritics removed where the ``unaccent`` extension can be installed: as FTS5's
``unicode61 remove_diacritics 2``). ``ng_tsquery(q)`` turns the FTS5 query strings that
:func:`newsgraph.store.sqlite.fts_query` writes (``"word" "a phrase" "prefix"*``, ``OR``) into a
``tsquery``. SQL functions stand in for SQLite's and the store's own: ``casefold(text)`` (never
NULL, as the store's Python function), ``instr(text, text)`` and the aggregate ``group_concat``.

Revision ID: 0001
Revises:
Create Date: 2026-05-20
"""
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# the newsgraph schema version this revision brings the store to (newsgraph.store.SCHEMA_VERSION)
SCHEMA_VERSION = 4

FUNCTIONS = r"""
CREATE TABLE schema_version (
    version INTEGER NOT NULL,
    one     BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (one)
);
INSERT INTO schema_version (version) VALUES (0);

-- unaccent folds diacritics in the full-text index; without it (no contrib, no privilege) the
-- index keeps them
DO $$
BEGIN
    CREATE EXTENSION IF NOT EXISTS unaccent;
EXCEPTION WHEN OTHERS THEN
    NULL;
END $$;

CREATE TEXT SEARCH CONFIGURATION newsgraph (COPY = pg_catalog.simple);
DO $$
BEGIN
    ALTER TEXT SEARCH CONFIGURATION newsgraph
        ALTER MAPPING FOR asciihword, asciiword, hword_asciipart, hword, hword_part, word
        WITH unaccent, simple;
EXCEPTION WHEN undefined_object THEN
    NULL;
END $$;

-- casefold(x): Python's str.casefold as far as SQL goes (full Unicode lower case, with ICU where
-- the server has it; sharp s and final sigma folded), '' for NULL as the store's function
DO $$
DECLARE
    coll text := (SELECT quote_ident(collname) FROM pg_collation
                  WHERE collname IN ('und-x-icu', 'C.utf8', 'C.UTF-8')
                  ORDER BY collname = 'und-x-icu' DESC, collname LIMIT 1);
BEGIN
    EXECUTE format(
        'CREATE FUNCTION casefold(value text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS '
        '$f$ SELECT replace(replace(replace(lower(coalesce(value, '''')%s), ''ß'', ''ss''), ''ẞ'', ''ss''), '
        '''ς'', ''σ'') $f$',
        CASE WHEN coll IS NULL THEN '' ELSE ' COLLATE ' || coll END);
END $$;

CREATE FUNCTION instr(haystack text, needle text) RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT strpos(haystack, needle) $$;

CREATE FUNCTION ng_group_concat_step(acc text, value text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN value IS NULL THEN acc WHEN acc IS NULL THEN value ELSE acc || ',' || value END $$;
CREATE AGGREGATE group_concat(text) (SFUNC = ng_group_concat_step, STYPE = text);

-- an FTS5 query of newsgraph.store.sqlite.fts_query ("word" "two words" "prefix"*, OR between
-- terms) as a tsquery: terms are phrases of the newsgraph configuration, all required unless OR
-- joins them; a term with nothing to index is left out (as FTS5 does), and a query with nothing
-- left matches nothing
CREATE FUNCTION ng_tsquery(query text) RETURNS tsquery LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
    m      text[];
    term   tsquery;
    result tsquery;
    op     text := '&';
BEGIN
    FOR m IN SELECT regexp_matches(coalesce(query, ''), '"((?:[^"]|"")*)"(\*?)|(\S+)', 'g') LOOP
        IF m[3] IS NOT NULL THEN
            IF upper(m[3]) = 'OR' THEN
                op := '|';
                CONTINUE;
            ELSIF upper(m[3]) = 'AND' THEN
                CONTINUE;
            END IF;
            term := phraseto_tsquery('newsgraph', m[3]);
        ELSE
            term := phraseto_tsquery('newsgraph', replace(m[1], '""', '"'));
            IF m[2] = '*' AND numnode(term) > 0 THEN
                term := to_tsquery('newsgraph', term::text || ':*');
            END IF;
        END IF;
        IF numnode(term) = 0 THEN
            CONTINUE;
        END IF;
        IF result IS NULL THEN
            result := term;
        ELSIF op = '|' THEN
            result := result || term;
        ELSE
            result := result && term;
        END IF;
        op := '&';
    END LOOP;
    RETURN coalesce(result, ''::tsquery);
END $$;
"""

TABLES = r"""
CREATE TABLE documents (
    id          TEXT PRIMARY KEY,
    source      TEXT NOT NULL,
    kind        TEXT NOT NULL,
    url         TEXT,
    title       TEXT,
    published   TEXT,
    text        TEXT NOT NULL,
    meta        TEXT NOT NULL DEFAULT '{}',
    ingested_at TEXT NOT NULL
);

CREATE TABLE articles (
    id             TEXT PRIMARY KEY,
    n              BIGINT NOT NULL UNIQUE,
    document_id    TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx            INTEGER NOT NULL,
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
CREATE SEQUENCE articles_n_seq AS BIGINT OWNED BY articles.n;
CREATE INDEX articles_published ON articles(published);

CREATE TABLE paragraphs (
    id         BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx        INTEGER NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('headline', 'bullet', 'caption', 'body')),
    start      INTEGER NOT NULL CHECK (start >= 0),
    "end"      INTEGER NOT NULL CHECK ("end" >= start),
    text       TEXT NOT NULL,
    UNIQUE (article_id, idx)
);

CREATE TABLE speakers (
    id   BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'unknown',
    UNIQUE (name, kind)
);

CREATE TABLE article_speakers (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    speaker_id BIGINT NOT NULL REFERENCES speakers(id),
    aliases    TEXT NOT NULL DEFAULT '[]',
    roles      TEXT NOT NULL DEFAULT '[]',
    gender     TEXT,
    quotes     INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (article_id, speaker_id)
);
CREATE INDEX article_speakers_speaker ON article_speakers(speaker_id);

CREATE TABLE quotes (
    id              TEXT PRIMARY KEY,
    article_id      TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    speaker_id      BIGINT REFERENCES speakers(id),
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
    stance          TEXT
);
CREATE INDEX quotes_article ON quotes(article_id, start);
CREATE INDEX quotes_speaker ON quotes(speaker_id);

CREATE TABLE figures (
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
CREATE INDEX figures_article ON figures(article_id);
CREATE INDEX figures_unit_what ON figures(unit, what);

CREATE TABLE dates (
    article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    text        TEXT NOT NULL,
    date        TEXT,
    granularity TEXT,
    confidence  REAL,
    PRIMARY KEY (article_id, start)
);
CREATE INDEX dates_date ON dates(date);

-- full-text search: the article's headline and body (bullets, then paragraphs), filled by the
-- store; a quote's text and speaker, filled by a trigger
CREATE TABLE articles_fts (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    headline   TEXT NOT NULL DEFAULT '',
    body       TEXT NOT NULL DEFAULT '',
    tsv        tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('newsgraph', headline), 'A') || setweight(to_tsvector('newsgraph', body), 'D')
    ) STORED
);
CREATE INDEX articles_fts_tsv ON articles_fts USING gin (tsv);

CREATE TABLE quotes_fts (
    quote_id TEXT PRIMARY KEY REFERENCES quotes(id) ON DELETE CASCADE,
    text     TEXT NOT NULL,
    speaker  TEXT,
    tsv      tsvector GENERATED ALWAYS AS (
        to_tsvector('newsgraph', text) || to_tsvector('newsgraph', coalesce(speaker, ''))
    ) STORED
);
CREATE INDEX quotes_fts_tsv ON quotes_fts USING gin (tsv);

CREATE FUNCTION quotes_fts_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO quotes_fts (quote_id, text, speaker) SELECT id, text, speaker FROM new_quotes;
    RETURN NULL;
END $$;
CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes
    REFERENCING NEW TABLE AS new_quotes FOR EACH STATEMENT EXECUTE FUNCTION quotes_fts_insert();

CREATE FUNCTION quotes_fts_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE quotes_fts SET text = NEW.text, speaker = NEW.speaker WHERE quote_id = NEW.id;
    RETURN NULL;
END $$;
CREATE TRIGGER quotes_fts_update AFTER UPDATE OF text, speaker ON quotes
    FOR EACH ROW EXECUTE FUNCTION quotes_fts_update();

CREATE TABLE places (
    article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start       INTEGER NOT NULL CHECK (start >= 0),
    "end"       INTEGER NOT NULL CHECK ("end" >= start),
    text        TEXT NOT NULL,
    name        TEXT,
    geonameid   BIGINT,
    country     TEXT,
    kind        TEXT,
    lat         REAL,
    lon         REAL,
    confidence  REAL,
    metonymy    INTEGER NOT NULL DEFAULT 0 CHECK (metonymy IN (0, 1)),
    dateline    INTEGER NOT NULL DEFAULT 0 CHECK (dateline IN (0, 1)),
    PRIMARY KEY (article_id, start)
);
CREATE INDEX places_name ON places(name);
CREATE INDEX places_country ON places(country);

CREATE TABLE entities (
    id           TEXT PRIMARY KEY,
    article_id   TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('person', 'organization', 'place')),
    aliases      TEXT NOT NULL DEFAULT '[]',
    roles        TEXT NOT NULL DEFAULT '[]',
    organization TEXT,
    country      TEXT,
    mentions     INTEGER NOT NULL DEFAULT 0,
    rowid        BIGINT GENERATED BY DEFAULT AS IDENTITY UNIQUE
);
CREATE INDEX entities_article ON entities(article_id);
CREATE INDEX entities_name ON entities(kind, name);

CREATE TABLE mentions (
    entity_id   TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    start       INTEGER NOT NULL CHECK (start >= 0),
    "end"       INTEGER NOT NULL CHECK ("end" >= start),
    text        TEXT NOT NULL,
    PRIMARY KEY (entity_id, start)
);

CREATE TABLE events (
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
    geonameid         BIGINT,
    date              TEXT,
    date_text         TEXT,
    size              REAL,
    size_text         TEXT,
    dead              REAL,
    injured           REAL,
    arrested          REAL,
    organizers        TEXT NOT NULL DEFAULT '[]',
    supporters        TEXT NOT NULL DEFAULT '[]',
    negated           INTEGER NOT NULL DEFAULT 0 CHECK (negated IN (0, 1)),
    confidence        REAL
);
CREATE INDEX events_article ON events(article_id);
CREATE INDEX events_type_date ON events(type, date);
CREATE INDEX events_place ON events(place);

CREATE VIEW event_view AS
SELECT e.id, e.type, e.mode, e.date, e.place, e.country, e.lat, e.lon, e.actor, e.recipient,
       e.size, e.evidence, e.confidence, a.n AS article_n, a.headline, a.published, a.source,
       e.article_id, e.start, e."end"
FROM events e JOIN articles a ON a.id = e.article_id;

CREATE VIEW entity_view AS
SELECT e.kind, e.name, count(DISTINCT e.article_id) AS articles, sum(e.mentions) AS mentions,
       string_agg(DISTINCT e.country, ',') AS countries
FROM entities e GROUP BY e.kind, e.name;

CREATE VIEW article_view AS
SELECT a.n, a.id, a.headline, a.published, a.dateline, a.credit, a.truncated,
       a.source, a.url, a.document_id,
       (SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS quotes
FROM articles a;

CREATE VIEW quote_view AS
SELECT q.id, q.text, q.type, q.speaker, q.speaker_role AS role, q.speaker_mention,
       q.cue, q.addressee, q.confidence, a.n AS article_n, a.headline, a.published,
       a.source, a.url, q.article_id, q.start, q."end"
FROM quotes q JOIN articles a ON a.id = q.article_id;

CREATE VIEW speaker_view AS
SELECT s.id, s.name, s.kind,
       count(q.id) AS quotes,
       count(DISTINCT q.article_id) AS articles,
       string_agg(DISTINCT q.speaker_role, ',') AS roles
FROM speakers s LEFT JOIN quotes q ON q.speaker_id = s.id
GROUP BY s.id;
"""


def _postgres_types(ddl: str) -> str:
    """SQLite's types as PostgreSQL has them: text sorted by code point, REAL in 8 bytes."""
    return (ddl.replace(" TEXT PRIMARY KEY", ' TEXT COLLATE "C" PRIMARY KEY')
               .replace(" TEXT NOT NULL", ' TEXT COLLATE "C" NOT NULL')
               .replace(" TEXT,", ' TEXT COLLATE "C",')
               .replace(" TEXT\n", ' TEXT COLLATE "C"\n')
               .replace(" REAL", " DOUBLE PRECISION"))


def _execute(sql: str) -> None:
    """Run a script as it is (no parameters: a ``%`` is a plain character)."""
    op.get_bind().execution_options(no_parameters=True).exec_driver_sql(sql)


def upgrade() -> None:
    _execute(FUNCTIONS)
    _execute(_postgres_types(TABLES))
    _execute(f"UPDATE schema_version SET version = {SCHEMA_VERSION}")


def downgrade() -> None:
    _execute("""
        DROP VIEW IF EXISTS speaker_view, quote_view, article_view, entity_view, event_view;
        DROP TABLE IF EXISTS events, mentions, entities, places, quotes_fts, articles_fts, dates, figures,
            quotes, article_speakers, speakers, paragraphs, articles, documents CASCADE;
        DROP FUNCTION IF EXISTS quotes_fts_insert(), quotes_fts_update(), ng_tsquery(text), instr(text, text),
            casefold(text);
        DROP AGGREGATE IF EXISTS group_concat(text);
        DROP FUNCTION IF EXISTS ng_group_concat_step(text, text);
        DROP TEXT SEARCH CONFIGURATION IF EXISTS newsgraph;
        DROP TABLE IF EXISTS schema_version;
    """)
