"""The PostgreSQL store against a throwaway server: the store's behaviours (tests/test_store.py) on
PostgreSQL, the same answers as SQLite for the same pages, concurrent writers, the bulk load of a
cluster job's Parquet output, and the CLI and web app over a ``postgresql://`` URL.

The server is a new cluster in a temporary directory (``initdb`` + ``pg_ctl``, listening on a unix
socket there only), started once for this module and removed after it. PostgreSQL refuses to run as
root: as root, the server runs as the ``postgres`` user (Debian's package creates it) or ``nobody``.
Without the server binaries (``make test`` installs Debian's ``postgresql``) the module is skipped.
"""
from __future__ import annotations

import glob
import json
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import pytest

psycopg = pytest.importorskip("psycopg")

from newsgraph.model import Article, Document, Part, Quote, Speaker  # noqa: E402
from newsgraph.store import SCHEMA_VERSION, Store, StoreError, open_store  # noqa: E402
from newsgraph.store.postgres import PostgresStore, bulk_load, display_url, is_postgres_url, translate  # noqa: E402
from test_store import HOSTILE, counts, harbour, science, two_articles  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


# -- the server -----------------------------------------------------------------------------------

def _binary(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"),
                        key=lambda p: int(p.split("/")[4]) if p.split("/")[4].isdigit() else 0)
    return candidates[-1] if candidates else None


def _run_as(user: str | None) -> list[str]:
    if user is None:
        return []
    runuser = shutil.which("runuser")
    if runuser:
        return [runuser, "-u", user, "--"]
    return []


class Server:
    """A PostgreSQL cluster in a temporary directory, on a unix socket there."""

    def __init__(self) -> None:
        initdb, pg_ctl = _binary("initdb"), _binary("pg_ctl")
        if not initdb or not pg_ctl:
            pytest.skip("no PostgreSQL server here (initdb, pg_ctl): `make test` installs Debian's postgresql")
        self.pg_ctl = pg_ctl
        self.user: str | None = None
        if os.geteuid() == 0:  # the server refuses to run as root
            for name in ("postgres", "nobody"):
                try:
                    pwd.getpwnam(name)
                except KeyError:
                    continue
                self.user = name
                break
            if self.user is None or not _run_as(self.user):
                pytest.skip("running as root, with no other user (postgres, nobody) or no runuser to run PostgreSQL")
        self.dir = tempfile.mkdtemp(prefix="ng-pg-")
        if self.user is not None:
            os.chown(self.dir, pwd.getpwnam(self.user).pw_uid, -1)
        with socket.socket() as s:  # a port nobody uses (the socket file's name; no TCP)
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.data = os.path.join(self.dir, "data")
        self._check([initdb, "-D", self.data, "-U", "newsgraph", "--auth=trust", "-E", "UTF8", "--locale=C",
                     "--no-sync"], "initdb")
        self._check([pg_ctl, "-D", self.data, "-l", os.path.join(self.dir, "server.log"), "-w", "-t", "60",
                     "-o", f"-k {self.dir} -p {self.port} -c listen_addresses='' -c fsync=off "
                           "-c synchronous_commit=off -c full_page_writes=off -c max_connections=40",
                     "start"], "pg_ctl start")
        self.admin = psycopg.connect(self.url("postgres"), autocommit=True)
        self._n = 0

    def _check(self, cmd: list[str], what: str) -> None:
        r = subprocess.run(_run_as(self.user) + cmd, capture_output=True, text=True, cwd=self.dir, timeout=120)
        if r.returncode != 0:
            log = Path(self.dir, "server.log")
            detail = (r.stderr or r.stdout).strip() + ("\n" + log.read_text() if log.exists() else "")
            shutil.rmtree(self.dir, ignore_errors=True)
            pytest.fail(f"{what} failed: {detail}")

    def url(self, dbname: str) -> str:
        return f"postgresql://newsgraph@/{dbname}?host={self.dir}&port={self.port}"

    def new_database(self) -> str:
        self._n += 1
        name = f"t{self._n}"
        self.admin.execute(f"CREATE DATABASE {name}")
        return self.url(name)

    def stop(self) -> None:
        self.admin.close()
        subprocess.run(_run_as(self.user) + [self.pg_ctl, "-D", self.data, "-m", "immediate", "-w", "stop"],
                       capture_output=True, timeout=60)
        shutil.rmtree(self.dir, ignore_errors=True)


@pytest.fixture(scope="module")
def server():
    s = Server()
    yield s
    s.stop()


@pytest.fixture
def url(server) -> str:
    return server.new_database()


@pytest.fixture
def store(url):
    with PostgresStore(url) as s:
        yield s


@pytest.fixture
def full(store):
    for doc, arts in (harbour(), science(), two_articles()):
        assert store.add(doc, arts) is True
    return store


# -- the SQL translation (no server) ---------------------------------------------------------------

def test_translate_adapts_sqlite_sql():
    assert translate("SELECT a FROM t WHERE b = ? AND c LIKE '50%'") == \
        "SELECT a FROM t WHERE b = %s AND c LIKE '50%%'"
    assert translate("INSERT OR IGNORE INTO dates (a) VALUES (?)") == \
        "INSERT INTO dates (a) VALUES (%s) ON CONFLICT DO NOTHING"
    assert translate("SELECT id FROM q WHERE x IN (SELECT value FROM json_each(?))") == \
        "SELECT id FROM q WHERE x IN (SELECT value FROM jsonb_array_elements_text(CAST(%s AS jsonb)) AS _je(value))"
    assert translate("SELECT j.value FROM s JOIN a ON a.id = s.a, json_each(s.roles) j WHERE 1") == \
        "SELECT j.value FROM s JOIN a ON a.id = s.a, jsonb_array_elements_text(CAST(s.roles AS jsonb)) AS j(value) WHERE 1"
    assert translate("SELECT 1 FROM quotes_fts WHERE quotes_fts MATCH ?") == \
        "SELECT 1 FROM quotes_fts WHERE quotes_fts.tsv @@ ng_tsquery(%s)"
    # NULLs sort as in SQLite: first going up, last going down; nested clauses too
    assert translate("SELECT 1 FROM t ORDER BY a DESC, (SELECT b FROM u ORDER BY c LIMIT 1), d LIMIT ?") == \
        ("SELECT 1 FROM t ORDER BY a DESC NULLS LAST, (SELECT b FROM u ORDER BY c NULLS FIRST LIMIT 1) NULLS FIRST, "
         "d NULLS FIRST LIMIT %s")
    assert translate("SELECT 'ORDER BY ?' FROM t", with_params=False) == "SELECT 'ORDER BY ?' FROM t"
    assert translate("BEGIN IMMEDIATE") == "BEGIN"


def test_urls():
    assert is_postgres_url("postgresql://u@h/db") and is_postgres_url("postgres://h/db")
    assert is_postgres_url("postgresql+psycopg://u@h/db")
    assert not is_postgres_url("newsgraph.db") and not is_postgres_url(Path("postgresql:/x"))
    assert display_url("postgresql://ann:secret@db.example:5432/news") == "postgresql://ann:***@db.example:5432/news"
    assert display_url("postgresql://ann@h/news") == "postgresql://ann@h/news"


# -- schema and migrations -------------------------------------------------------------------------

def test_migration_creates_the_schema(url):
    with open_store(url) as store:
        assert isinstance(store, PostgresStore) and store.schema_version == SCHEMA_VERSION
    with psycopg.connect(url) as c:
        tables = {r[0]: r[1] for r in c.execute(
            "SELECT table_name, table_type FROM information_schema.tables WHERE table_schema = 'public'")}
        for table in ("documents", "articles", "paragraphs", "speakers", "article_speakers", "quotes", "figures",
                      "dates", "places", "entities", "mentions", "events", "articles_fts", "quotes_fts"):
            assert tables[table] == "BASE TABLE", table
        for view in ("article_view", "quote_view", "speaker_view", "event_view", "entity_view"):
            assert tables[view] == "VIEW", view
        assert c.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0004"
        cols = [r[0] for r in c.execute("SELECT column_name FROM information_schema.columns "
                                        "WHERE table_name = 'quotes' ORDER BY ordinal_position")]
        assert cols[:6] == ["id", "article_id", "speaker_id", "start", "end", "text"] and "stance" in cols
        gin = {r[0] for r in c.execute("SELECT indexname FROM pg_indexes WHERE indexdef LIKE '%USING gin%'")}
        assert gin == {"articles_fts_tsv", "quotes_fts_tsv"}
        fks = {r[0] for r in c.execute(
            "SELECT ccu.table_name FROM information_schema.table_constraints tc JOIN "
            "information_schema.constraint_column_usage ccu USING (constraint_name) "
            "WHERE tc.table_name = 'quotes' AND tc.constraint_type = 'FOREIGN KEY'")}
        assert fks == {"articles", "speakers"}
    with open_store(url) as store:  # opened again: nothing to migrate
        assert store.schema_version == SCHEMA_VERSION


def test_refuses_foreign_newer_and_unreachable_databases(server):
    other = server.new_database()
    with psycopg.connect(other, autocommit=True) as c:
        c.execute("CREATE TABLE stuff (x int)")
    with pytest.raises(StoreError, match="not a newsgraph database"):
        PostgresStore(other)
    newer = server.new_database()
    PostgresStore(newer).close()
    with psycopg.connect(newer, autocommit=True) as c:
        c.execute(f"UPDATE schema_version SET version = {SCHEMA_VERSION + 1}")
    with pytest.raises(StoreError, match="newer"):
        PostgresStore(newer)
    with pytest.raises(StoreError, match="cannot connect"):
        PostgresStore(server.url("no_such_database"))
    # read-only: never creates nor migrates
    empty = server.new_database()
    with pytest.raises(StoreError, match="older"):
        open_store(empty, read_only=True)


def test_concurrent_first_opens_migrate_once(url):
    """Processes and threads that open a new store at once: one migrates, the others wait for it."""
    code = "import sys; from newsgraph.store.postgres import PostgresStore; PostgresStore(sys.argv[1]).close()"
    procs = [subprocess.Popen([sys.executable, "-c", code, url], stderr=subprocess.PIPE, text=True, cwd=ROOT)
             for _ in range(3)]
    errors: list[BaseException] = []

    def open_it() -> None:
        try:
            PostgresStore(url).close()
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=open_it) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    for p in procs:
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
    with PostgresStore(url) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store._conn.execute("SELECT count(*) FROM alembic_version").fetchone()[0] == 1


# -- writing (as tests/test_store.py) ---------------------------------------------------------------

def test_add_is_idempotent(store):
    doc, arts = harbour()
    assert store.add(doc, arts) is True
    before = counts(store)
    assert before["quotes"] == 3 and before["paragraphs"] == 6 and before["quotes_fts"] == 3
    assert before["articles_fts"] == 1 and store.has_document(doc.id)
    again, arts2 = harbour()
    again.source = "copy.txt"
    assert store.add(again, arts2) is False
    assert counts(store) == before
    assert store._conn.execute("SELECT source FROM documents").fetchall()[0][0] == "harbour.txt"
    empty = Document(text="nothing here", source="empty.txt")
    assert store.add(empty, []) is True and store.add(empty, []) is False


def test_rollback_on_failure_mid_way(store):
    store.add(*science())
    before = counts(store)
    doc, arts = harbour()
    arts[0].quotes[2].id = arts[0].quotes[0].id  # duplicate primary key: the 3rd insert fails
    with pytest.raises(psycopg.IntegrityError):
        store.add(doc, arts)
    assert counts(store) == before
    assert not store.has_document(doc.id)
    assert store.articles(search="cranes") == []
    assert [s["name"] for s in store.speakers() if s["name"] == "Daniel Brisco"] == []
    doc, arts = harbour()
    assert store.add(doc, arts) is True  # the connection is usable afterwards
    assert counts(store)["quotes"] == before["quotes"] + 3


def test_rollback_on_check_and_offsets(store):
    doc, arts = harbour()
    arts[0].quotes[1].type = "rumour"  # violates the CHECK on quotes.type, after other inserts
    with pytest.raises(psycopg.IntegrityError):
        store.add(doc, arts)
    assert all(v == 0 for v in counts(store).values())
    doc, arts = harbour()
    arts[0].quotes[0].end = len(doc.text) + 5
    with pytest.raises(ValueError, match="outside the document text"):
        store.add(doc, arts)
    assert counts(store)["documents"] == 0


def test_row_numbers_and_cascade(full):
    assert [a["n"] for a in full.articles()] == [1, 2, 3, 4]
    assert [(a["n"], a["headline"]) for a in full.articles(search="plain")] == [(4, "Second story")]
    doc_id = full.article(1)["document_id"]
    full._conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
    assert full.quotes(search="machines") == [] and full.articles(search="cranes") == []
    assert [a["n"] for a in full.articles()] == [2, 3, 4]


def test_views_answer(full):
    rows = full._conn.execute(
        "SELECT text, speaker, role, cue, headline, published, source FROM quote_view "
        "WHERE speaker = 'Daniel Brisco'").fetchall()
    assert [tuple(r) for r in rows] == [
        ("kept the door open", "Daniel Brisco", "chief executive", "said",
         "Dockers strike over cranes", "2026-03-03", "harbour.txt")]
    assert tuple(full._conn.execute(
        "SELECT quotes, articles FROM speaker_view WHERE name = 'Marta Oyelaran'").fetchone()) == (3, 2)


# -- reading and search (as tests/test_store.py) ------------------------------------------------------

def test_article_search(full):
    assert [a["n"] for a in full.articles(search="cranes")] == [1]
    assert [a["n"] for a in full.articles(search="VACCINE")] == [2]      # case-insensitive
    assert [a["n"] for a in full.articles(search="vacc*")] == [2]        # prefix
    assert [a["n"] for a in full.articles(search="terminals")] == [1]    # bullets are searched
    assert [a["n"] for a in full.articles(search='"dock workers"')] == [1]
    assert full.articles(search='"workers dock"') == []                  # phrase order matters
    assert full.articles(search="cranes vaccine") == []                  # every word must match
    assert [a["n"] for a in full.articles(search="story")] == [3, 4]
    assert [a["n"] for a in full.articles(since="2026-03-04")] == [2]


def test_quote_search_and_filters(full):
    assert full.quotes(search="machines OR weeks") == []  # OR is a word, not an operator
    assert [q["id"] for q in full.quotes(search="machines")] == ["h-q1"]
    assert full.quotes(search="NOT weeks") == []
    assert {q["id"] for q in full.quotes(search="Brisco")} == {"h-q3"}  # the speaker is searched
    assert [q["id"] for q in full.quotes(speaker="oyelaran")] == ["h-q1", "h-q2", "s-q3"]
    assert full.quotes(speaker="%") == []  # no LIKE wildcards
    assert [q["id"] for q in full.quotes(speaker="oyelaran", search="talks")] == ["h-q2"]
    assert [q["id"] for q in full.quotes(article=2)] == ["s-q4", "s-q1", "s-q2", "s-q3"]
    assert [q["id"] for q in full.quotes(since="2026-04-01", speaker="oyelaran")] == ["s-q3"]


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_search_never_raises(full, hostile):
    assert isinstance(full.articles(search=hostile), list)
    assert isinstance(full.quotes(search=hostile), list)
    if "\x00" not in hostile:  # PostgreSQL text holds no NUL
        assert isinstance(full.quotes(speaker=hostile), list)


def test_non_ascii_case_and_diacritics(store):
    text = "“Wir bleiben,” sagte ÖZLEM ÇELİK am Montag in der Straße.\n"
    doc = Document(text=text, source="de.txt")
    q = Quote(text="Wir bleiben,", start=1, end=13, type="direct", cue="sagte", speaker="Özlem Çelik",
              speaker_kind="person", id="de-1")
    store.add(doc, [Article(doc.id, 0, 0, len(text), quotes=[q], paragraphs=[Part(text.strip(), 0, len(text) - 1)])])
    assert [r["id"] for r in store.quotes(speaker="özlem")] == ["de-1"]
    assert [r["id"] for r in store.quotes(speaker="ÖZLEM  ç")] == ["de-1"]
    assert [r["id"] for r in store.quotes(search="OZLEM")] == ["de-1"]  # diacritics folded
    assert [a["n"] for a in store.articles(search="MONTAG")] == [1]


def test_stats_and_speakers(full):
    s = full.stats()
    assert (s["documents"], s["articles"], s["quotes"], s["speakers"]) == (3, 4, 7, 4)
    assert s["quotes_by_type"] == {"direct": 2, "indirect": 3, "mixed": 2}
    assert s["schema_version"] == SCHEMA_VERSION and s["path"].startswith("postgresql://")
    marta = {x["name"]: x for x in full.speakers()}["Marta Oyelaran"]
    assert (marta["quotes"], marta["articles"]) == (3, 2)
    assert set(marta["roles"]) == {"general secretary", "union leader"}
    json.dumps(full.article(1))


# -- the same answers as SQLite --------------------------------------------------------------------

@pytest.fixture(scope="module")
def examples():
    """The bundled example pages, read and extracted once."""
    from newsgraph.pipeline import process
    from newsgraph.readers import read_paths

    docs = [d for d in read_paths([str(EXAMPLES)]) if isinstance(d, Document)]
    assert docs
    return [(d, process(d)) for d in docs]


QUERIES = {
    "articles": lambda s: s.articles(),
    "articles strike": lambda s: s.articles(search="strike"),
    "articles since": lambda s: s.articles(since="2026-03-03"),
    "article 1": lambda s: s.article(1),
    "quotes": lambda s: s.quotes(),
    "quotes union": lambda s: s.quotes(search="union"),
    "quotes speaker": lambda s: s.quotes(speaker="oyel"),
    "speakers": lambda s: s.speakers(),
    "people": lambda s: s.people(),
    "person": lambda s: s.person("Oyelaran"),
    "orgs": lambda s: s.orgs(),
    "figures": lambda s: s.figures(),
    "figures about": lambda s: s.figures(about="jobs"),
    "figure groups": lambda s: s.figure_groups(min_reports=1),
    "claims": lambda s: s.claims(),
    "events": lambda s: s.events(),
    "events since": lambda s: s.events(since="2026-03", place="port"),
    "places": lambda s: s.places(),
    "entities": lambda s: s.entities(),
    "entity ids": lambda s: sorted(s.entity_ids().items()),
    "stats": lambda s: {k: v for k, v in s.stats().items() if k != "path"},
}


def test_same_answers_as_sqlite(url, examples):
    with Store(":memory:") as lite, PostgresStore(url) as pg:
        for doc, arts in examples:
            assert lite.add(doc, arts) is True and pg.add(doc, arts) is True
        assert lite.claims() and lite.events() and lite.people()  # the comparison is not empty
        for name, query in QUERIES.items():
            assert query(pg) == query(lite), name


def test_concurrent_writers_neither_corrupt_nor_duplicate(url):
    """Four writers add the same 24 documents, each in its own order: each lands once, whole."""
    pages = []
    for k in range(24):
        text = (f"Story {k}\n“We will not move,” said Ann Lee {k % 5}. Bo Ray {k % 3} said the talks failed.\n")
        doc = Document(text=text, source=f"p{k}.txt", published=f"2026-01-{k + 1:02d}")
        s1 = text.index("We will")
        s2 = text.index("the talks failed")
        quotes = [Quote("We will not move,", s1, s1 + 17, "direct", speaker=f"Ann Lee {k % 5}", speaker_kind="person",
                        id=f"c{k}-1"),
                  Quote("the talks failed", s2, s2 + 16, "indirect", speaker=f"Bo Ray {k % 3}", speaker_kind="person",
                        id=f"c{k}-2")]
        speakers = [Speaker(f"Ann Lee {k % 5}", "person", quotes=1), Speaker(f"Bo Ray {k % 3}", "person", quotes=1)]
        if k % 2:
            speakers.reverse()  # new names in another order in every other document
        pages.append((doc, [Article(doc.id, 0, 0, len(text), headline=Part(f"Story {k}", 0, len(f"Story {k}")),
                                    quotes=quotes, speakers=speakers)]))
    added: list[int] = []
    errors: list[BaseException] = []

    def writer(order: list[int]) -> None:
        try:
            with PostgresStore(url) as s:
                added.append(sum(s.add(*pages[i]) for i in order))
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    orders = [list(range(24)), list(range(23, -1, -1)), list(range(0, 24, 2)) + list(range(1, 24, 2)),
              [(i * 7) % 24 for i in range(24)]]
    threads = [threading.Thread(target=writer, args=(o,)) for o in orders]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert sum(added) == 24
    with PostgresStore(url) as s:
        c = counts(s)
        assert (c["documents"], c["articles"], c["quotes"], c["quotes_fts"]) == (24, 24, 48, 48)
        assert c["speakers"] == 8 and c["article_speakers"] == 48
        ns = [a["n"] for a in s.articles()]
        assert len(set(ns)) == 24 and min(ns) >= 1
        assert {q["speaker"] for q in s.quotes(search="move")} == {f"Ann Lee {i}" for i in range(5)}


# -- bulk load -------------------------------------------------------------------------------------

def _write_output(out: Path, pages, batch: str, committed: bool = True) -> None:
    """Parquet as a cluster job writes it: one directory per table, one part per batch, a manifest."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    tables = pytest.importorskip("newsgraph.cluster.tables")
    rows = {t: [] for t in tables.TABLES}
    for doc, arts in pages:
        for t, r in tables.build_rows(doc, arts, ingested_at="2026-07-01T00:00:00+00:00").items():
            rows[t] += r
    for t, r in rows.items():
        if r:
            (out / t).mkdir(parents=True, exist_ok=True)
            pq.write_table(tables.to_arrow(t, r), out / t / f"part-{batch}.parquet")
    if committed:
        (out / "_manifest").mkdir(parents=True, exist_ok=True)
        keys = [d.id for d, _ in pages]
        pq.write_table(pa.table({"key": keys, "status": ["ok"] * len(keys), "run_id": ["r"] * len(keys)}),
                       out / "_manifest" / f"{batch}.parquet")


def test_bulk_load_gives_what_add_gives(url, examples, tmp_path):
    out = tmp_path / "out"
    first, rest = examples[:1], examples[1:]
    _write_output(out, first, "00000000000000a1")
    _write_output(out, rest, "00000000000000b2")
    _write_output(out, [(harbour())], "00000000000000c3", committed=False)  # a batch that never committed
    with PostgresStore(url) as pg:
        assert pg.add(*first[0]) is True  # already stored: the load skips it
        added = bulk_load(out, pg)
        assert added["documents"] == len(rest)
        assert added["articles"] == sum(len(arts) for _, arts in rest)
        assert not pg.has_document(harbour()[0].id)
        with Store(":memory:") as lite:
            for doc, arts in examples:
                lite.add(doc, arts)
            for name in ("quotes", "quotes union", "speakers", "people", "figures", "claims", "events", "places",
                         "entities", "articles strike"):
                got, want = QUERIES[name](pg), QUERIES[name](lite)
                if name == "articles strike":  # ingested_at differs: compare what the pages say
                    got, want = [a["id"] for a in got], [a["id"] for a in want]
                assert got == want, name
            stats = {k: v for k, v in pg.stats().items() if k != "path"}
            assert stats == {k: v for k, v in lite.stats().items() if k != "path"}
        assert bulk_load(out, pg)["documents"] == 0  # loaded again: nothing new
        assert counts(pg)["articles_fts"] == counts(pg)["articles"]


def test_bulk_load_is_all_or_nothing(url, tmp_path):
    out = tmp_path / "out"
    doc, arts = science()
    _write_output(out, [(doc, arts)], "00000000000000d4")
    import pyarrow.parquet as pq

    quotes = pq.read_table(out / "quotes" / "part-00000000000000d4.parquet").to_pylist()
    quotes[1]["type"] = "rumour"  # the CHECK on quotes.type refuses it
    import newsgraph.cluster.tables as tables

    pq.write_table(tables.to_arrow("quotes", quotes), out / "quotes" / "part-00000000000000d4.parquet")
    with PostgresStore(url) as pg:
        with pytest.raises(psycopg.IntegrityError):
            bulk_load(out, pg)
        assert all(v == 0 for v in counts(pg).values())


# -- the CLI and the web app over a URL -----------------------------------------------------------

def _newsgraph(db: str, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "NEWSGRAPH_DB"}
    return subprocess.run([sys.executable, "-m", "newsgraph", "--db", db, *args], capture_output=True, text=True,
                          cwd=ROOT, env=env, timeout=300)


def test_cli_round_trip(server, url, examples):
    # two ingest processes at once over the same pages: each page is stored once
    env = {k: v for k, v in os.environ.items() if k != "NEWSGRAPH_DB"}
    procs = [subprocess.Popen([sys.executable, "-m", "newsgraph", "--db", url, "ingest", str(EXAMPLES)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT, env=env)
             for _ in range(2)]
    outs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    n = len(examples)
    new = [int(o.split(" new,")[0].rsplit(" ", 1)[1]) for o, _ in outs]
    assert sum(new) == n, outs
    r = _newsgraph(url, "quotes", "--format", "json")
    assert r.returncode == 0, r.stderr
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    with Store(":memory:") as lite:
        for doc, arts in examples:
            lite.add(doc, arts)
        assert [(q["id"], q["text"], q["speaker"]) for q in rows] == \
            [(q["id"], q["text"], q["speaker"]) for q in lite.quotes()]
    stats = json.loads(_newsgraph(url, "stats", "--format", "json").stdout)
    assert stats["documents"] == n
    bad = _newsgraph(server.url("no_such_database"), "quotes")
    assert bad.returncode == 1 and "cannot connect" in bad.stderr and "Traceback" not in bad.stderr


def test_web_app_over_postgres(url, examples):
    from fastapi.testclient import TestClient

    from newsgraph.web import create_app
    from newsgraph.web.data import PostgresReadOnlyStore, ReadOnlyStore

    with PostgresStore(url) as pg:
        for doc, arts in examples:
            pg.add(doc, arts)
    store = ReadOnlyStore(url)
    assert isinstance(store, PostgresReadOnlyStore)
    with pytest.raises(psycopg.errors.ReadOnlySqlTransaction):
        store._conn.execute("DELETE FROM quotes")
    store.close()
    client = TestClient(create_app(url, warm=False))
    hits = client.get("/api/articles", params={"q": "strike", "facets": "true"}).json()
    assert hits["total"] >= 1 and hits["facets"]["speaker"]
    assert all("\x01" not in (it["snippet"] or "") for it in hits["items"])  # plain text in the API
    quotes = client.get("/api/quotes", params={"q": "union", "sort": "relevance"}).json()
    assert quotes["total"] >= 1 and all("union" in q["text"].lower() or "union" in (q["speaker"] or "").lower()
                                        for q in quotes["items"])
    page = client.get("/", params={"q": "strike"})
    assert page.status_code == 200 and "<mark>" in page.text
    for path in ("/api/people", "/api/claims", "/api/events", "/api/figures/groups", "/people", "/events"):
        assert client.get(path).status_code == 200, path
    stats = client.get("/api/stats").json()
    assert stats["documents"] == len(examples)
    # a new document shows up on the next request (the cache follows the server's commits)
    with PostgresStore(url) as pg:
        pg.add(*harbour())
    assert client.get("/api/stats").json()["documents"] == len(examples) + 1


def test_cli_load_of_a_cluster_output(url, examples, tmp_path):
    out = tmp_path / "out"
    _write_output(out, examples, "00000000000000d4")
    root = Path(__file__).resolve().parent.parent
    env = {k: v for k, v in os.environ.items() if k != "NEWSGRAPH_DB"}
    run = subprocess.run([sys.executable, "-m", "newsgraph", "--db", url, "load", str(out)], capture_output=True,
                         text=True, cwd=root, env=env, timeout=300)
    assert run.returncode == 0, run.stderr
    assert f"{len(examples)} documents" in run.stdout
    again = subprocess.run([sys.executable, "-m", "newsgraph", "--db", url, "load", str(out)], capture_output=True,
                           text=True, cwd=root, env=env, timeout=300)
    assert again.returncode == 0 and "nothing new" in again.stdout
    refused = subprocess.run([sys.executable, "-m", "newsgraph", "--db", str(tmp_path / "x.db"), "load", str(out)],
                             capture_output=True, text=True, cwd=root, env=env, timeout=300)
    assert refused.returncode == 2 and "PostgreSQL" in refused.stderr
