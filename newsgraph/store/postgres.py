"""The newsgraph store in PostgreSQL: ``--db postgresql://user@host/dbname``.

:class:`PostgresStore` is the SQLite :class:`~newsgraph.store.sqlite.Store` over a PostgreSQL
database: the same tables, columns and views (created by the Alembic migrations of
:mod:`newsgraph.store.migrations`, run when a store is opened), the same methods with the same
results. The store's SQL is SQLite's, adapted statement by statement by :func:`translate`:

- ``?`` placeholders become ``%s``; ``INSERT OR IGNORE`` becomes ``ON CONFLICT DO NOTHING``;
- ``json_each(x) j`` becomes ``jsonb_array_elements_text(x::jsonb) AS j(value)``;
- ``xxx_fts MATCH ?`` (FTS5) becomes a ``tsvector`` match, ``xxx_fts.tsv @@ ng_tsquery(%s)``, where
  the SQL function ``ng_tsquery`` reads the FTS5 query that :func:`~newsgraph.store.sqlite.fts_query`
  writes; the tsvector columns have GIN indexes;
- every ``ORDER BY`` term gets SQLite's place for NULLs (first going up, last going down);
- ``casefold``, ``instr`` and ``group_concat`` are SQL functions the migration creates.

The few methods whose SQL cannot be translated line by line are overridden here (ranked full-text
queries, a ``GROUP BY`` that takes SQLite's bare columns), and so are the steps of
:meth:`~newsgraph.store.sqlite.Store.add` where several writers meet: a document id that is
already stored makes ``add`` return False (``INSERT ... ON CONFLICT (id) DO NOTHING``, which also
settles two processes adding the same document at once), article row numbers ``n`` come from the
sequence ``articles_n_seq`` (so concurrent writers never take the same number; a rolled-back
document leaves a gap), and new speakers are inserted under a transaction-level advisory lock
(two writers adding the same new names in another order would otherwise deadlock). Every
document is stored in one transaction: all its records land, or none.

:func:`bulk_load` fills a store from the Parquet output of ``newsgraph cluster run`` with ``COPY``.
"""
from __future__ import annotations

import io
import os
import re
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from newsgraph.store.sqlite import (
    _ARTICLE_COLUMNS,
    _DOCUMENT_COLUMNS,
    SCHEMA_VERSION,
    Store,
    StoreError,
    _insert_sql,
    any_word_query,
)

#: advisory lock keys (pg_advisory_xact_lock): running migrations, inserting speakers / bulk loads
MIGRATION_LOCK = 0x6E67_6D69_6772  # "ngmigr"
WRITE_LOCK = 0x6E67_7370_6B72  # "ngspkr"

_SCHEMES = ("postgresql://", "postgres://", "postgresql+psycopg://", "postgresql+psycopg2://")

#: weights of the article headline (A) and body (D) in ts_rank: {D, C, B, A}, as bm25(4.0, 1.0)
ARTICLE_WEIGHTS = "{0.25, 0, 0, 1.0}"


def is_postgres_url(db: object) -> bool:
    """Whether ``--db`` names a PostgreSQL database (``postgresql://...``) rather than a SQLite file."""
    return isinstance(db, str) and db.strip().lower().startswith(_SCHEMES)


def conninfo(url: str) -> str:
    """The libpq connection URI of a ``postgresql://`` (or SQLAlchemy ``postgresql+psycopg://``) URL."""
    url = url.strip()
    scheme, rest = url.split("://", 1)
    return "postgresql://" + rest if "+" in scheme else url


def display_url(url: str) -> str:
    """The URL with its password hidden, for messages and ``stats``."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    if parts.password is None:
        return url
    netloc = parts.netloc.rsplit("@", 1)
    user = netloc[0].split(":", 1)[0]
    return urlunsplit(parts._replace(netloc=f"{user}:***@{netloc[1]}"))


# -- SQL of SQLite, as PostgreSQL reads it ----------------------------------------------------

_TOKEN = re.compile(
    r"'(?:[^']|'')*'"            # string literal
    r'|"(?:[^"]|"")*"'           # quoted identifier
    r"|--[^\n]*"                 # comment
    r"|[A-Za-z_][A-Za-z0-9_$]*"  # word
    r"|\s+"
    r"|.",
    re.S,
)
_CLAUSE_END = {"LIMIT", "OFFSET", "UNION", "INTERSECT", "EXCEPT", "FOR", "FETCH", "WINDOW", "ON", "RETURNING"}
_NOT_ALIAS = {"JOIN", "LEFT", "RIGHT", "INNER", "OUTER", "CROSS", "FULL", "NATURAL", "ON", "WHERE", "GROUP",
              "ORDER", "LIMIT", "UNION", "HAVING", "USING", "OFFSET", "WINDOW", "AND", "OR"}


def _word(tok: str) -> str | None:
    return tok.upper() if tok[:1].isalpha() or tok[:1] == "_" else None


def _next(tokens: list[str], i: int) -> int:
    """Index of the first token at or after ``i`` that is not white space or a comment."""
    while i < len(tokens) and (tokens[i].isspace() or tokens[i].startswith("--")):
        i += 1
    return i


def _closing(tokens: list[str], i: int) -> int:
    """Index of the ``)`` that closes the ``(`` at ``i``."""
    depth = 0
    for j in range(i, len(tokens)):
        if tokens[j] == "(":
            depth += 1
        elif tokens[j] == ")":
            depth -= 1
            if depth == 0:
                return j
    raise ValueError("unbalanced parentheses in SQL")


@lru_cache(maxsize=1024)
def translate(sql: str, with_params: bool = True) -> str:
    """SQLite SQL of the store as PostgreSQL SQL for psycopg (see the module docstring).

    ``with_params``: the statement is executed with parameters, so a literal ``%`` is doubled.
    """
    tokens = _TOKEN.findall(sql)
    out: list[str] = []
    suffix = ""
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        word = _word(tok)
        if tok == "?":
            out.append("%s")
        elif tok.startswith(("'", '"', "--")) or tok == "%":  # psycopg reads % everywhere
            out.append(tok.replace("%", "%%") if with_params else tok)
        elif word == "INSERT":
            j = _next(tokens, i + 1)
            k = _next(tokens, j + 1)
            if j < len(tokens) and _word(tokens[j]) == "OR" and k < len(tokens) and _word(tokens[k]) == "IGNORE":
                out.append("INSERT")
                suffix = " ON CONFLICT DO NOTHING"
                i = k + 1
                continue
            out.append(tok)
        elif word == "BEGIN":
            j = _next(tokens, i + 1)
            out.append("BEGIN")
            if j < len(tokens) and _word(tokens[j]) in ("IMMEDIATE", "EXCLUSIVE", "DEFERRED"):
                i = j + 1
                continue
        elif word == "JSON_EACH" and _next(tokens, i + 1) < len(tokens) and tokens[_next(tokens, i + 1)] == "(":
            start = _next(tokens, i + 1)
            end = _closing(tokens, start)
            inner = translate("".join(tokens[start + 1:end]), with_params)
            j = _next(tokens, end + 1)
            alias = "_je"
            if j < len(tokens) and _word(tokens[j]) == "AS":
                j = _next(tokens, j + 1)
            if j < len(tokens) and _word(tokens[j]) and _word(tokens[j]) not in _NOT_ALIAS:
                alias = tokens[j]
                end = j
            out.append(f"jsonb_array_elements_text(CAST({inner} AS jsonb)) AS {alias}(value)")
            i = end + 1
            continue
        elif word and tok.lower().endswith("_fts"):
            j = _next(tokens, i + 1)
            k = _next(tokens, j + 1)
            if j < len(tokens) and _word(tokens[j]) == "MATCH" and k < len(tokens) and tokens[k] == "?":
                out.append(f"{tok}.tsv @@ ng_tsquery(%s)")
                i = k + 1
                continue
            out.append(tok)
        elif word == "ORDER" and _next(tokens, i + 1) < len(tokens) and _word(tokens[_next(tokens, i + 1)]) == "BY":
            j = _next(tokens, i + 1)
            out.append("".join(tokens[i:j + 1]))
            i = _order_terms(tokens, j + 1, out, with_params)
            continue
        else:
            out.append(tok)
        i += 1
    text = "".join(out).rstrip()
    if suffix:
        text = text.rstrip(";") + suffix
    return text


def _order_terms(tokens: list[str], i: int, out: list[str], with_params: bool) -> int:
    """Copy the terms of an ORDER BY clause starting at ``i`` to ``out``, each with SQLite's place for
    NULLs (smallest: first going up, last going down); returns the index after the clause."""
    term: list[str] = []

    def flush() -> None:
        raw = "".join(term)
        text = translate(raw, with_params).rstrip() if raw.strip() else ""
        if text and not re.search(r"\bNULLS\s+(FIRST|LAST)$", text, re.I):
            text += " NULLS LAST" if re.search(r"\bDESC$", text, re.I) else " NULLS FIRST"
        out.append(text + raw[len(raw.rstrip()):])
        term.clear()

    depth = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok == "(":
            depth += 1
        elif tok == ")":
            if depth == 0:
                break
            depth -= 1
        elif depth == 0 and (tok == "," or tok == ";" or _word(tok) in _CLAUSE_END):
            flush()
            if tok != ",":
                break
            out.append(tok)
            i += 1
            continue
        term.append(tok)
        i += 1
    flush()
    return i


class Row(tuple):
    """A result row as SQLite's ``sqlite3.Row``: by position, by column name, ``dict(row)``."""

    __slots__ = ()
    _names: tuple[str, ...] = ()
    _index: dict[str, int] = {}

    def keys(self) -> list[str]:
        return list(self._names)

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, str):
            try:
                return tuple.__getitem__(self, self._index[key])
            except KeyError:
                lowered = {k.lower(): v for k, v in self._index.items()}
                if key.lower() in lowered:
                    return tuple.__getitem__(self, lowered[key.lower()])
                raise IndexError(f"No item with that key: {key!r}") from None
        return tuple.__getitem__(self, key)


@lru_cache(maxsize=512)
def _row_class(names: tuple[str, ...]) -> type[Row]:
    index: dict[str, int] = {}
    for k, name in enumerate(names):
        index.setdefault(name, k)
    return type("Row", (Row,), {"__slots__": (), "_names": names, "_index": index})


def _row_factory(cursor: Any) -> Any:
    if cursor.description is None:
        return tuple
    return _row_class(tuple(d.name for d in cursor.description))


class Connection:
    """A psycopg connection that takes the store's SQLite SQL (see :func:`translate`)."""

    def __init__(self, raw: Any) -> None:
        self.raw = raw

    def execute(self, sql: str, params: Sequence[Any] | None = None) -> Any:
        params = list(params) if params else None
        return self.raw.execute(translate(sql, params is not None), params)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> Any:
        rows = [list(r) for r in rows]
        cur = self.raw.cursor()
        if rows:
            cur.executemany(translate(sql, True), rows)
        return cur

    def close(self) -> None:
        self.raw.close()

    def cursor(self) -> Any:
        return self.raw.cursor()


def connect(url: str, read_only: bool = False) -> Connection:
    """A connection to the database of ``url`` (autocommit: the store begins its own transactions)."""
    import psycopg

    raw = psycopg.connect(conninfo(url), autocommit=True, row_factory=_row_factory)
    if read_only:
        raw.execute("SET default_transaction_read_only = on")
    return Connection(raw)


# -- migrations ----------------------------------------------------------------------------

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def sqlalchemy_engine(url: str) -> Any:
    """A SQLAlchemy engine over psycopg for Alembic (the URL goes to libpq as it is)."""
    import psycopg
    from sqlalchemy import create_engine
    from sqlalchemy.pool import NullPool

    info = conninfo(url)
    return create_engine("postgresql+psycopg://", creator=lambda: psycopg.connect(info), poolclass=NullPool)


def alembic_config() -> Any:
    from alembic.config import Config

    cfg = Config(str(MIGRATIONS / "alembic.ini"))
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("version_locations", str(MIGRATIONS / "versions"))
    return cfg


_UPGRADING = threading.Lock()  # Alembic's context is global to the process: one migration at a time


def upgrade(url: str, revision: str = "head") -> None:
    """Run the Alembic migrations of the store on the database of ``url`` (one transaction; other
    processes that migrate the same database at once wait for it, then find nothing to do)."""
    from alembic import command

    engine = sqlalchemy_engine(url)
    try:
        with _UPGRADING, engine.begin() as connection:
            cfg = alembic_config()
            cfg.attributes["connection"] = connection
            command.upgrade(cfg, revision)
    finally:
        engine.dispose()


# -- the store ------------------------------------------------------------------------------

class PostgresStore(Store):
    """A newsgraph store in a PostgreSQL database (see the module docstring).

    ``read_only`` opens it without migrating it, in read-only transactions.
    """

    def __init__(self, url: str, read_only: bool = False) -> None:
        import psycopg

        self.url = url
        self.path = display_url(url)
        self.read_only = read_only
        try:
            self._conn = connect(url, read_only=read_only)
        except psycopg.Error as exc:
            raise StoreError(f"{self.path}: cannot connect: {' '.join(str(exc).split())}") from None
        try:
            self._setup()
        except psycopg.Error as exc:
            self._conn.close()
            raise StoreError(f"{self.path}: {' '.join(str(exc).split())}") from None
        except Exception:
            self._conn.close()
            raise

    def _stored_version(self) -> int | None:
        if self._conn.execute("SELECT to_regclass('schema_version')").fetchone()[0] is None:
            return None
        row = self._conn.execute("SELECT version FROM schema_version").fetchone()
        return row[0] if row else 0

    def _setup(self) -> None:
        version = self._stored_version()
        if version is None:
            tables = {r[0] for r in self._conn.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()")}
            if tables - {"alembic_version"}:
                raise StoreError(f"{self.path}: not a newsgraph database (it has tables, none of them "
                                 "newsgraph's schema_version)")
        if version is not None and version > SCHEMA_VERSION:
            raise StoreError(f"{self.path}: database schema version {version} is newer than this "
                             f"newsgraph understands ({SCHEMA_VERSION})")
        if version != SCHEMA_VERSION:
            if self.read_only:
                raise StoreError(f"{self.path}: database schema version {version or 0} is older than this "
                                 f"newsgraph ({SCHEMA_VERSION}); open it once for writing to upgrade it")
            try:
                upgrade(self.url)
            except Exception as exc:  # SQLAlchemy wraps the driver's error: show the driver's
                reason = " ".join(str(getattr(exc, "orig", None) or exc).split())
                raise StoreError(f"{self.path}: migrating the schema failed: {reason}") from exc
            version = self._stored_version()
            if version != SCHEMA_VERSION:
                raise StoreError(f"{self.path}: the migrations left schema version {version}, "
                                 f"not {SCHEMA_VERSION}")

    @contextmanager
    def _transaction(self) -> Iterator[Connection]:
        c = self._conn
        c.execute("BEGIN")
        try:
            yield c
        except BaseException:
            c.execute("ROLLBACK")
            raise
        else:
            c.execute("COMMIT")

    @property
    def schema_version(self) -> int:
        return self._stored_version() or 0

    # -- writing: the steps where concurrent writers meet -------------------------------------

    def _insert_document(self, c: Any, row: tuple[Any, ...]) -> bool:
        sql = _insert_sql("documents", _DOCUMENT_COLUMNS) + " ON CONFLICT (id) DO NOTHING RETURNING id"
        return c.execute(sql, row).fetchone() is not None

    def _article_numbers(self, c: Any, count: int) -> list[int]:
        rows = c.execute("SELECT nextval('articles_n_seq') FROM generate_series(1, ?)", (count,)).fetchall()
        return sorted(r[0] for r in rows)

    def _speaker_ids(self, c: Any, keys: list[tuple[str, str]]) -> dict[tuple[str, str], int]:
        c.execute(f"SELECT pg_advisory_xact_lock({WRITE_LOCK})")
        return super()._speaker_ids(c, keys)

    # -- reading: what SQLite's SQL cannot say --------------------------------------------------

    def _claim_candidates(self, words: list[str], limit: int = 25) -> list[dict[str, Any]]:
        query = any_word_query(words)
        if query is None:
            return []
        return [dict(r) for r in self._conn.execute(
            "SELECT q.id, q.text, q.speaker, q.stance, q.start, q.article_id AS article "
            "FROM quotes_fts f JOIN quotes q ON q.id = f.quote_id CROSS JOIN ng_tsquery(?) AS query "
            "WHERE f.tsv @@ query ORDER BY ts_rank(f.tsv, query, 1) DESC, q.id LIMIT ?", (query, limit))]

    def places(self, limit: int | None = None) -> list[dict[str, Any]]:
        # SQLite takes the bare columns from the row of max(confidence): so does this
        def best(col: str) -> str:
            return f"(array_agg({col} ORDER BY p.confidence DESC NULLS LAST, p.article_id, p.start))[1]"

        rows = self._conn.execute(
            f"SELECT {best('coalesce(p.name, p.text)')} AS name, {best('p.country')} AS country, "
            f"{best('p.kind')} AS kind, {best('p.lat')} AS lat, {best('p.lon')} AS lon, "
            f"{best('p.geonameid')} AS geonameid, max(p.confidence) AS confidence, count(*) AS mentions, "
            "count(DISTINCT p.article_id) AS articles, sum(p.metonymy) AS metonymy "
            "FROM places p GROUP BY coalesce(p.geonameid::text, casefold(p.text)) "
            "ORDER BY articles DESC, mentions DESC, name" + (" LIMIT ?" if limit is not None else ""),
            [max(int(limit), 0)] if limit is not None else []).fetchall()
        return [dict(r) for r in rows]

    def bulk_load(self, parquet_dir: str | os.PathLike[str]) -> dict[str, int]:
        """Load the Parquet output of a cluster job (see :func:`bulk_load`)."""
        return _bulk_load(self, parquet_dir)


# -- bulk load ------------------------------------------------------------------------------

_LOAD_ORDER = ("documents", "articles", "paragraphs", "speakers", "article_speakers", "quotes", "figures",
               "dates", "places", "entities", "mentions", "events")


def bulk_load(parquet_dir: str | os.PathLike[str], db: str | PostgresStore) -> dict[str, int]:
    """Load the Parquet datasets of ``newsgraph cluster run --out DIR`` into a PostgreSQL store.

    Layout (that of :mod:`newsgraph.cluster.storage`): one directory per table of the store, named
    as the table, holding ``*.parquet`` files whose columns are the table's columns (names as in the
    store; extra columns are ignored, missing nullable ones are NULL)::

        DIR/documents/part-<batch>.parquet
        DIR/articles/part-<batch>.parquet      n is NULL: numbered here, from articles_n_seq
        DIR/paragraphs/...                     id is NULL: numbered here
        DIR/speakers/...                       id: a stable hash (newsgraph.cluster.tables.speaker_id)
        DIR/article_speakers/ quotes/ figures/ dates/ places/ entities/ mentions/ events/
        DIR/_manifest/<batch>.parquet          when there, only the parts of these batches are read

    Everything goes in one transaction (``COPY`` into temporary tables, then ``INSERT ... SELECT``):
    all of it lands or none. Documents already in the store are skipped with all their records, as
    ``Store.add`` skips them; articles are numbered in the order of their documents' ``ingested_at``
    (then the order of the files and rows) and their position on the page; speakers already stored (by name and kind) keep their
    id, and the quotes of the load point to it. The full-text tables are filled as ``Store.add``
    fills them. Returns the number of rows added to each table.
    """
    if isinstance(db, PostgresStore):
        return _bulk_load(db, parquet_dir)
    with PostgresStore(db) as store:
        return _bulk_load(store, parquet_dir)


def _parquet_files(root: Path, table: str) -> list[Path]:
    directory = root / table
    if not directory.is_dir():
        return []
    files = sorted(p for p in directory.glob("*.parquet") if not p.name.startswith((".", "_")))
    manifest = root / "_manifest"
    if manifest.is_dir():  # only the batches a job committed
        batches = {p.stem for p in manifest.glob("*.parquet") if not p.name.startswith(".")}
        files = [p for p in files if re.fullmatch(r"part-([0-9a-f]+)", p.stem)
                 and p.stem.split("-", 1)[1] in batches]
    return files


def _copy_table(c: Connection, table: str, columns: list[str], files: list[Path]) -> int:
    """COPY the rows of these Parquet files into the staging table of ``table``; the row count."""
    import pyarrow as pa
    import pyarrow.csv as pacsv
    import pyarrow.parquet as pq

    quoted = ", ".join(f'"{col}"' for col in columns)
    total = 0
    with c.cursor() as cur:
        with cur.copy(f"COPY load_{table} ({quoted}) FROM STDIN WITH (FORMAT csv)") as copy:
            for path in files:
                pf = pq.ParquetFile(path)
                present = set(pf.schema_arrow.names)
                for batch in pf.iter_batches(batch_size=20_000, columns=[c_ for c_ in columns if c_ in present]):
                    arrays = []
                    for col in columns:
                        if col in present:
                            arr = batch.column(batch.schema.get_field_index(col))
                        else:
                            arr = pa.nulls(batch.num_rows)
                        if pa.types.is_string(arr.type) or pa.types.is_large_string(arr.type):
                            pass
                        elif pa.types.is_null(arr.type):
                            arr = arr.cast(pa.string())
                        arrays.append(arr)
                    buf = io.BytesIO()
                    pacsv.write_csv(pa.record_batch(arrays, names=columns), buf,
                                    pacsv.WriteOptions(include_header=False))
                    copy.write(buf.getvalue())
                    total += batch.num_rows
    return total


def _bulk_load(store: PostgresStore, parquet_dir: str | os.PathLike[str]) -> dict[str, int]:
    from newsgraph.store.sqlite import (
        _ENTITY_COLUMNS,
        _EVENT_COLUMNS,
        _PARAGRAPH_COLUMNS,
        _PLACE_COLUMNS,
        _QUOTE_COLUMNS,
    )

    root = Path(parquet_dir)
    if not root.is_dir():
        raise FileNotFoundError(f"{root}: no such directory")
    columns: dict[str, list[str]] = {
        "documents": list(_DOCUMENT_COLUMNS), "articles": list(_ARTICLE_COLUMNS),
        "paragraphs": ["id", *_PARAGRAPH_COLUMNS], "speakers": ["id", "name", "kind"],
        "article_speakers": ["article_id", "speaker_id", "aliases", "roles", "gender", "quotes"],
        "quotes": list(_QUOTE_COLUMNS),
        "figures": ["id", "article_id", "quote_id", "start", "end", "text", "value", "value_high", "unit", "what",
                    "qualifier", "source", "confidence"],
        "dates": ["article_id", "start", "end", "text", "date", "granularity", "confidence"],
        "places": list(_PLACE_COLUMNS), "entities": list(_ENTITY_COLUMNS),
        "mentions": ["entity_id", "start", "end", "text"], "events": list(_EVENT_COLUMNS),
    }
    staged: dict[str, int] = {}
    added: dict[str, int] = {}
    with store._transaction() as c:
        c.execute(f"SELECT pg_advisory_xact_lock({WRITE_LOCK})")
        for table in _LOAD_ORDER:
            cols = ", ".join(f'"{col}"' for col in columns[table])
            # the table's columns and types, no constraints; _ord keeps the order of the files
            c.execute(f"CREATE TEMP TABLE load_{table} ON COMMIT DROP AS SELECT {cols} FROM {table} WITH NO DATA")
            c.execute(f"ALTER TABLE load_{table} ADD COLUMN _ord BIGINT GENERATED ALWAYS AS IDENTITY")
            staged[table] = _copy_table(c, table, columns[table], _parquet_files(root, table))

        def insert(table: str, select: str, cols: Sequence[str] | None = None, conflict: str = "") -> None:
            names = ", ".join(f'"{col}"' for col in (cols or columns[table]))
            cur = c.execute(f"INSERT INTO {table} ({names}) {select} {conflict}")
            added[table] = cur.rowcount

        def pick(table: str, alias: str, skip: Sequence[str] = ()) -> str:
            return ", ".join(f'{alias}."{col}"' for col in columns[table] if col not in skip)

        # documents not stored yet (the first row of an id wins), and their articles
        c.execute("CREATE TEMP TABLE load_new_documents (id TEXT COLLATE \"C\" PRIMARY KEY) ON COMMIT DROP")
        c.execute("INSERT INTO load_new_documents SELECT DISTINCT d.id FROM load_documents d "
                  "WHERE NOT EXISTS (SELECT 1 FROM documents x WHERE x.id = d.id)")
        insert("documents", f"SELECT {pick('documents', 'd')} FROM (SELECT DISTINCT ON (id) * FROM load_documents "
                            "ORDER BY id, _ord) d JOIN load_new_documents USING (id) ORDER BY d._ord",
               conflict="ON CONFLICT (id) DO NOTHING")
        c.execute("CREATE TEMP TABLE load_new_articles ON COMMIT DROP AS "
                  "SELECT a.id, a._ord FROM load_articles a JOIN load_new_documents d ON d.id = a.document_id")
        c.execute("CREATE UNIQUE INDEX ON load_new_articles (id)")
        art_cols = [col for col in columns["articles"] if col != "n"]
        insert("articles",
               f"SELECT {pick('articles', 'a', ('n',))}, nextval('articles_n_seq') "
               f"FROM (SELECT a.* FROM load_articles a JOIN load_new_articles USING (id) "
               f"JOIN load_documents d ON d.id = a.document_id "
               f"ORDER BY d.ingested_at, d._ord, a.idx, a._ord) a",
               cols=[*art_cols, "n"])
        insert("paragraphs", f"SELECT {pick('paragraphs', 'p', ('id',))} FROM load_paragraphs p "
                             "JOIN articles a ON a.id = p.article_id JOIN load_new_articles na ON na.id = a.id "
                             "ORDER BY a.n, p.idx",
               cols=[col for col in columns["paragraphs"] if col != "id"])
        # speakers: one row per (name, kind); a name already stored keeps its id
        insert("speakers", "SELECT DISTINCT ON (s.name, s.kind) s.id, s.name, s.kind FROM load_speakers s "
                           "ORDER BY s.name, s.kind, s._ord", conflict="ON CONFLICT DO NOTHING")
        c.execute("CREATE TEMP TABLE load_speaker_ids ON COMMIT DROP AS SELECT DISTINCT l.id AS old, s.id AS new "
                  "FROM load_speakers l JOIN speakers s ON s.name = l.name AND s.kind = l.kind")
        c.execute("CREATE UNIQUE INDEX ON load_speaker_ids (old)")

        def speaker(alias: str) -> str:
            return f"coalesce((SELECT m.new FROM load_speaker_ids m WHERE m.old = {alias}.speaker_id), " \
                   f"{alias}.speaker_id)"

        insert("article_speakers",
               f"SELECT x.article_id, {speaker('x')}, x.aliases, x.roles, x.gender, x.quotes "
               "FROM load_article_speakers x JOIN load_new_articles a ON a.id = x.article_id ORDER BY a._ord, x._ord")
        quote_cols = [f'q."{col}"' if col != "speaker_id" else speaker("q") for col in columns["quotes"]]
        insert("quotes", f"SELECT {', '.join(quote_cols)} FROM load_quotes q "
                         "JOIN load_new_articles a ON a.id = q.article_id ORDER BY a._ord, q.start, q._ord")
        for table in ("figures", "dates", "places", "entities", "events"):
            insert(table, f"SELECT {pick(table, 'x')} FROM load_{table} x "
                          f"JOIN load_new_articles a ON a.id = x.article_id ORDER BY a._ord, x._ord",
                   conflict="ON CONFLICT DO NOTHING" if table in ("dates", "places") else "")
        insert("mentions", f"SELECT {pick('mentions', 'm')} FROM load_mentions m "
                           "JOIN load_entities e ON e.id = m.entity_id "
                           "JOIN load_new_articles a ON a.id = e.article_id ORDER BY m._ord",
               conflict="ON CONFLICT DO NOTHING")
        # the articles' full text, as Store.add writes it: the headline; bullets, then paragraphs
        c.execute("INSERT INTO articles_fts (article_id, headline, body) "
                  "SELECT a.id, coalesce(a.headline, ''), coalesce((SELECT string_agg(p.text, E'\\n' "
                  "ORDER BY p.kind = 'body', p.idx) FROM paragraphs p WHERE p.article_id = a.id "
                  "AND p.kind IN ('bullet', 'body')), '') FROM articles a JOIN load_new_articles USING (id)")
    return {t: added.get(t, 0) for t in _LOAD_ORDER}


def describe(db: str) -> str:
    """How to name ``db`` in a message (a URL without its password)."""
    return display_url(db) if is_postgres_url(db) else db


__all__ = ["PostgresStore", "bulk_load", "connect", "conninfo", "describe", "display_url", "is_postgres_url",
           "translate", "upgrade"]
