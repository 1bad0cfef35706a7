"""Unit tests of newsgraph.store (SQLite + FTS5), with records built by hand (no spaCy)."""
from __future__ import annotations

import json
import sqlite3

import pytest

from newsgraph.model import Article, Document, Part, Quote, Speaker
from newsgraph.store import SCHEMA_VERSION, Store, StoreError, fts_query, parse_since

HOSTILE = ['"', "'", "OR (", "AND", "NOT", "NEAR(", "*", '"*', "a:b", "headline:", "(((", ")",
           '""', "^", "-", "+", "{col}", "\x00", "naïve\u200b", "🙂", "", "   ", "\\", "%", "_",
           "1=1; DROP TABLE quotes; --", "col:val OR NOT x", 'say "un-closed']


def _part(text: str, needle: str, after: int = 0) -> Part:
    start = text.index(needle, after)
    return Part(needle, start, start + len(needle))


def _quote(text: str, needle: str, qtype: str = "direct", *, speaker: str | None = None,
           qid: str = "", role: str | None = None, kind: str = "person", cue: str | None = "said",
           mention: str | None = None) -> Quote:
    start = text.index(needle)
    cue_start = text.find(cue, start + len(needle)) if cue else -1
    return Quote(
        text=needle, start=start, end=start + len(needle), type=qtype, cue=cue,
        cue_start=cue_start if cue_start >= 0 else None,
        cue_end=cue_start + len(cue) if cue and cue_start >= 0 else None,
        speaker=speaker, speaker_mention=mention or speaker, speaker_kind=kind if speaker else "unknown",
        speaker_role=role, id=qid,
    )


HARBOUR = (
    "Dockers strike over cranes\n"
    "\n"
    "  • The union halted both terminals\n"
    "PORT ELMSWORTH: Around 4,000 dock workers walked off the job on Tuesday.\n"
    "“We are not against new machines,” said Marta Oyelaran, the union's general secretary.\n"
    "Oyelaran said the union had asked for talks three times.\n"
    "The port authority's chief executive, Daniel Brisco, said the authority had “kept the door open”.\n"
)

SCIENCE = (
    "Dengue vaccine trial succeeds\n"
    "\n"
    "RIDGEFORD: A two-dose vaccine prevented 78 percent of severe cases, the institute said.\n"
    "“This is the result we hoped for,” said Dr. Helen Marsh, who led the trial.\n"
    "Officials said a decision could come within weeks.\n"
    "MARTA OYELARAN, asked about the vaccine, said she “welcomed the news”.\n"
)


def harbour(published: str | None = "2026-03-03") -> tuple[Document, list[Article]]:
    doc = Document(text=HARBOUR, source="harbour.txt", published=published, meta={"lang": "en"})
    t = doc.text
    quotes = [
        _quote(t, "We are not against new machines,", speaker="Marta Oyelaran",
               role="general secretary", qid="h-q1"),
        _quote(t, "the union had asked for talks three times", "indirect",
               speaker="Marta Oyelaran", qid="h-q2", mention="Oyelaran"),
        _quote(t, "kept the door open", "mixed", speaker="Daniel Brisco", role="chief executive",
               qid="h-q3"),
    ]
    art = Article(
        document_id=doc.id, index=0, start=0, end=len(t),
        headline=_part(t, "Dockers strike over cranes"), published=published,
        dateline=_part(t, "PORT ELMSWORTH"),
        bullets=[_part(t, "The union halted both terminals")],
        paragraphs=[_part(t, line) for line in t.splitlines()[3:] if line],
        quotes=quotes,
        speakers=[Speaker("Marta Oyelaran", "person", aliases=["Oyelaran"],
                          roles=["general secretary"], gender="f", quotes=2),
                  Speaker("Daniel Brisco", "person", roles=["chief executive"], quotes=1)],
        source=doc.source,
    )
    return doc, [art]


def science(published: str | None = "2026-06-14") -> tuple[Document, list[Article]]:
    doc = Document(text=SCIENCE, source="science.txt", published=published)
    t = doc.text
    quotes = [
        _quote(t, "This is the result we hoped for,", speaker="Helen Marsh", role="trial lead",
               qid="s-q1"),
        _quote(t, "a decision could come within weeks", "indirect", speaker="Officials",
               kind="group", qid="s-q2"),
        _quote(t, "welcomed the news", "mixed", speaker="Marta Oyelaran", qid="s-q3",
               role="union leader"),
        _quote(t, "A two-dose vaccine prevented 78 percent of severe cases", "indirect",
               speaker=None, qid="s-q4", cue=None),
    ]
    lines = t.splitlines()
    art = Article(
        document_id=doc.id, index=0, start=0, end=len(t),
        headline=_part(t, lines[0]), published=published, dateline=_part(t, "RIDGEFORD"),
        paragraphs=[_part(t, line) for line in lines[2:] if line], quotes=quotes,
        truncated=True, source=doc.source,
    )
    return doc, [art]


def two_articles() -> tuple[Document, list[Article]]:
    """One page with two articles, the second with a caption and no quotes."""
    text = ("First story\nBody one says little.\n\nSecond story\n"
            "A caption under the photo. (AFP)\nBody two is plain.\n")
    doc = Document(text=text, source="two.txt", published="2025-12-31")
    a1 = Article(doc.id, 0, 0, text.index("\n\n"), headline=_part(text, "First story"),
                 paragraphs=[_part(text, "Body one says little.")])
    s2 = text.index("Second story")
    a2 = Article(doc.id, 1, s2, len(text), headline=_part(text, "Second story"),
                 caption=_part(text, "A caption under the photo."), credit="AFP",
                 paragraphs=[_part(text, "Body two is plain.")])
    return doc, [a1, a2]


def counts(store: Store) -> dict[str, int]:
    tables = ["documents", "articles", "paragraphs", "speakers", "article_speakers", "quotes",
              "articles_fts", "quotes_fts"]
    return {t: store._conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "test.db") as s:
        yield s


@pytest.fixture
def full(store):
    for doc, arts in (harbour(), science(), two_articles()):
        assert store.add(doc, arts) is True
    return store


# -- schema -------------------------------------------------------------------------------

def test_schema_is_plain_sqlite(tmp_path):
    path = tmp_path / "s.db"
    Store(path).close()
    con = sqlite3.connect(path)
    names = {r[0]: r[1] for r in con.execute("SELECT name, type FROM sqlite_master")}
    for table in ("documents", "articles", "paragraphs", "speakers", "quotes", "article_speakers"):
        assert names[table] == "table"
    for view in ("quote_view", "article_view", "speaker_view"):
        assert names[view] == "view"
    assert "articles_fts" in names and "quotes_fts" in names
    assert con.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    cols = [r[1] for r in con.execute("PRAGMA table_info(quotes)")]
    for col in ("id", "article_id", "speaker_id", "start", "end", "text", "type", "cue", "speaker",
                "speaker_mention", "speaker_role", "addressee", "confidence"):
        assert col in cols
    fks = {(r[2], r[3]) for r in con.execute("PRAGMA foreign_key_list(quotes)")}
    assert ("articles", "article_id") in fks and ("speakers", "speaker_id") in fks
    assert {r[2] for r in con.execute("PRAGMA foreign_key_list(articles)")} == {"documents"}
    con.close()


def test_foreign_keys_are_enforced(store):
    assert store._conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    with pytest.raises(sqlite3.IntegrityError):
        store._conn.execute(
            "INSERT INTO paragraphs (article_id, idx, kind, start, \"end\", text) "
            "VALUES ('nope', 0, 'body', 0, 1, 'x')")


def test_reopen_keeps_data(tmp_path):
    path = tmp_path / "r.db"
    with Store(path) as s:
        s.add(*harbour())
    with Store(path) as s:
        assert s.stats()["quotes"] == 3
        assert s.has_document(harbour()[0].id)


def test_refuses_foreign_and_newer_databases(tmp_path):
    other = tmp_path / "other.db"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE stuff (x)")
    con.commit()
    con.close()
    with pytest.raises(StoreError, match="not a newsgraph database"):
        Store(other)
    newer = tmp_path / "newer.db"
    Store(newer).close()
    con = sqlite3.connect(newer)
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    con.commit()
    con.close()
    with pytest.raises(StoreError, match="newer"):
        Store(newer)


def test_views_answer(full):
    rows = full._conn.execute(
        "SELECT text, speaker, role, cue, headline, published, source FROM quote_view "
        "WHERE speaker = 'Daniel Brisco'").fetchall()
    assert [tuple(r) for r in rows] == [
        ("kept the door open", "Daniel Brisco", "chief executive", "said",
         "Dockers strike over cranes", "2026-03-03", "harbour.txt")]
    marta = full._conn.execute(
        "SELECT quotes, articles FROM speaker_view WHERE name = 'Marta Oyelaran'").fetchone()
    assert tuple(marta) == (3, 2)
    assert full._conn.execute("SELECT count(*) FROM article_view").fetchone()[0] == 4


# -- writing ------------------------------------------------------------------------------

def test_add_is_idempotent(store):
    doc, arts = harbour()
    assert store.add(doc, arts) is True
    before = counts(store)
    assert before["quotes"] == 3 and before["paragraphs"] == 6 and before["quotes_fts"] == 3
    assert store.has_document(doc.id)
    # the same text read again from elsewhere has the same id: nothing changes
    again, arts2 = harbour()
    again.source = "copy.txt"
    assert store.add(again, arts2) is False
    assert counts(store) == before
    assert store._conn.execute("SELECT source FROM documents").fetchall()[0][0] == "harbour.txt"


def test_document_without_articles_is_stored(store):
    doc = Document(text="nothing here", source="empty.txt")
    assert store.add(doc, []) is True
    assert store.has_document(doc.id)
    assert store.articles() == []
    assert store.add(doc, []) is False


def test_rollback_on_failure_mid_way(store):
    store.add(*science())
    before = counts(store)
    doc, arts = harbour()
    arts[0].quotes[2].id = arts[0].quotes[0].id  # duplicate primary key: the 3rd insert fails
    with pytest.raises(sqlite3.IntegrityError):
        store.add(doc, arts)
    assert counts(store) == before
    assert not store.has_document(doc.id)
    assert store.articles(search="cranes") == []
    assert [s["name"] for s in store.speakers() if s["name"] == "Daniel Brisco"] == []
    # the connection is usable afterwards and the fixed document goes in
    doc, arts = harbour()
    assert store.add(doc, arts) is True
    assert counts(store)["quotes"] == before["quotes"] + 3


def test_rollback_on_bad_quote_type(store):
    doc, arts = harbour()
    arts[0].quotes[1].type = "rumour"  # violates the CHECK on quotes.type, after other inserts
    with pytest.raises(sqlite3.IntegrityError):
        store.add(doc, arts)
    assert all(v == 0 for v in counts(store).values())


def test_rollback_on_quote_id_taken_by_another_document(store):
    store.add(*harbour())
    before = counts(store)
    doc, arts = science()
    arts[0].quotes[-1].id = "h-q1"
    with pytest.raises(sqlite3.IntegrityError):
        store.add(doc, arts)
    assert counts(store) == before
    assert not store.has_document(doc.id)


def test_offsets_outside_the_text_are_refused(store):
    doc, arts = harbour()
    arts[0].quotes[0].end = len(doc.text) + 5
    with pytest.raises(ValueError, match="outside the document text"):
        store.add(doc, arts)
    assert counts(store)["documents"] == 0


def test_exception_in_articles_iterable_leaves_nothing(store):
    doc, arts = harbour()

    def broken():
        yield arts[0]
        raise RuntimeError("pipeline died")

    with pytest.raises(RuntimeError):
        store.add(doc, broken())
    assert counts(store)["documents"] == 0


def test_quote_ids_are_filled_when_missing(store):
    doc, arts = harbour()
    for q in arts[0].quotes:
        q.id = ""
    store.add(doc, arts)
    ids = [q["id"] for q in store.quotes()]
    assert len(set(ids)) == 3 and all(ids)


def test_row_numbers_are_stable(full):
    arts = full.articles()
    assert [a["n"] for a in arts] == [1, 2, 3, 4]
    assert [a["headline"] for a in arts] == [
        "Dockers strike over cranes", "Dengue vaccine trial succeeds", "First story", "Second story"]
    # filtered listings keep the global numbers that `show` accepts
    hits = full.articles(search="plain")
    assert [(a["n"], a["headline"]) for a in hits] == [(4, "Second story")]


# -- reading ------------------------------------------------------------------------------

def test_article_by_id_and_row_number(full):
    by_n = full.article(1)
    assert by_n is not None
    assert full.article("1") == by_n == full.article(by_n["id"])
    assert full.article(99) is None and full.article("nope") is None
    text = by_n["text"]
    assert text == HARBOUR
    assert text[by_n["headline_start"]:by_n["headline_end"]] == "Dockers strike over cranes"
    assert by_n["dateline"] == "PORT ELMSWORTH"
    assert by_n["bullets"] == ["The union halted both terminals"]
    kinds = [p["kind"] for p in by_n["paragraphs"]]
    assert kinds[:2] == ["headline", "bullet"] and set(kinds[2:]) == {"body"}
    for p in by_n["paragraphs"]:
        assert text[p["start"]:p["end"]] == p["text"]
    assert [q["id"] for q in by_n["quotes"]] == ["h-q1", "h-q2", "h-q3"]
    for q in by_n["quotes"]:
        assert text[q["start"]:q["end"]] == q["text"]
    assert by_n["speakers"][0] == {"name": "Marta Oyelaran", "kind": "person",
                                   "aliases": ["Oyelaran"], "roles": ["general secretary"],
                                   "gender": "f", "quotes": 2}
    json.dumps(by_n)  # JSON-friendly


def test_caption_and_credit(full):
    second = full.article(4)
    assert second["caption"] == "A caption under the photo." and second["credit"] == "AFP"
    assert [p["kind"] for p in second["paragraphs"]] == ["headline", "caption", "body"]
    assert second["quotes"] == [] and second["published"] == "2025-12-31"  # from the document


def test_articles_listing(full):
    first = full.articles()[0]
    assert {"n", "id", "headline", "published", "dateline", "truncated", "source", "quotes"} <= set(first)
    assert first["quotes"] == 3 and first["truncated"] is False
    assert full.articles()[1]["truncated"] is True
    assert len(full.articles(limit=2)) == 2
    assert full.articles(limit=0) == []


def test_article_search(full):
    assert [a["n"] for a in full.articles(search="cranes")] == [1]
    assert [a["n"] for a in full.articles(search="VACCINE")] == [2]      # case-insensitive
    assert [a["n"] for a in full.articles(search="vacc*")] == [2]        # prefix
    assert [a["n"] for a in full.articles(search="terminals")] == [1]    # bullets are searched
    assert [a["n"] for a in full.articles(search='"dock workers"')] == [1]
    assert full.articles(search='"workers dock"') == []                  # phrase order matters
    assert full.articles(search="cranes vaccine") == []                  # every word must match
    assert [a["n"] for a in full.articles(search="story")] == [3, 4]


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_search_never_raises(full, hostile):
    assert isinstance(full.articles(search=hostile), list)
    assert isinstance(full.quotes(search=hostile), list)
    q = fts_query(hostile)
    assert q is None or isinstance(q, str)


def test_operators_are_plain_words(full):
    # "OR" is not an operator: both words must be present
    assert full.quotes(search="machines OR weeks") == []
    assert [q["id"] for q in full.quotes(search="machines")] == ["h-q1"]
    assert full.quotes(search="NOT weeks") == []  # "not" is a word to find


def test_quote_search_covers_speaker(full):
    assert {q["id"] for q in full.quotes(search="Brisco")} == {"h-q3"}
    assert {q["id"] for q in full.quotes(search="oyelaran")} == {"h-q1", "h-q2", "s-q3"}


def test_quotes_by_speaker_substring(full):
    assert [q["id"] for q in full.quotes(speaker="oyelaran")] == ["h-q1", "h-q2", "s-q3"]
    assert [q["id"] for q in full.quotes(speaker="MARSH")] == ["s-q1"]
    assert full.quotes(speaker="nobody") == []
    assert full.quotes(speaker="%") == []  # no LIKE wildcards
    assert [q["id"] for q in full.quotes(speaker="oyelaran", search="talks")] == ["h-q2"]


def test_speaker_filter_folds_non_ascii_case(store):
    text = "“Wir bleiben,” sagte ÖZLEM ÇELİK am Montag.\n"
    doc = Document(text=text, source="de.txt")
    q = _quote(text, "Wir bleiben,", speaker="Özlem Çelik", qid="de-1", cue="sagte")
    store.add(doc, [Article(doc.id, 0, 0, len(text), quotes=[q])])
    assert [r["id"] for r in store.quotes(speaker="özlem")] == ["de-1"]
    assert [r["id"] for r in store.quotes(speaker="ÖZLEM  ç")] == ["de-1"]
    assert [r["id"] for r in store.quotes(search="OZLEM")] == ["de-1"]  # diacritics folded


def test_article_speaker_takes_the_kind_of_its_quotes(store):
    doc, arts = harbour()
    arts[0].speakers[1].kind = "unknown"  # Daniel Brisco: "person" in his quote
    store.add(doc, arts)
    names = store._conn.execute("SELECT name, kind FROM speakers ORDER BY name").fetchall()
    assert [tuple(r) for r in names] == [("Daniel Brisco", "person"), ("Marta Oyelaran", "person")]


def test_quote_fields(full):
    q = full.quotes(speaker="Brisco")[0]
    for key in ("id", "article", "text", "type", "cue", "speaker", "speaker_role", "start", "end",
                "addressee", "speaker_mention"):
        assert key in q
    assert q["article"] == full.article(1)["id"] and q["type"] == "mixed"
    assert HARBOUR[q["start"]:q["end"]] == q["text"]
    unattributed = [q for q in full.quotes() if q["speaker"] is None]
    assert [q["id"] for q in unattributed] == ["s-q4"]


def test_quotes_of_an_article(full):
    assert [q["id"] for q in full.quotes(article=2)] == ["s-q4", "s-q1", "s-q2", "s-q3"]  # by offset
    assert full.quotes(article="2") == full.quotes(article=full.article(2)["id"])
    assert full.quotes(article=99) == []
    assert len(full.quotes(limit=2)) == 2


def test_since_filter(full):
    assert [a["n"] for a in full.articles(since="2026-01-01")] == [1, 2]
    assert [a["n"] for a in full.articles(since="2026-03-03")] == [1, 2]  # inclusive
    assert [a["n"] for a in full.articles(since="2026-03-04")] == [2]
    assert {q["id"] for q in full.quotes(since="2026-04-01")} == {"s-q1", "s-q2", "s-q3", "s-q4"}
    assert [q["id"] for q in full.quotes(since="2026-04-01", speaker="oyelaran")] == ["s-q3"]
    assert full.articles(since="2030-01-01") == []
    with pytest.raises(ValueError):
        full.articles(since="last tuesday")
    with pytest.raises(ValueError):
        full.quotes(since="2026-13-45")


def test_parse_since():
    assert parse_since("2026-03-03") == "2026-03-03"
    assert parse_since("2026-03") == "2026-03-01" and parse_since("2026") == "2026-01-01"
    assert parse_since("20260303") == "2026-03-03"
    assert parse_since("2026-03-03T10:00:00") == "2026-03-03T10:00:00"
    assert parse_since(None) is None
    for bad in ("yesterday", "2026-02-30", "03/03/2026", "2026-3", "' OR 1=1 --"):
        with pytest.raises(ValueError):
            parse_since(bad)


def test_since_skips_undated_articles(store):
    store.add(*harbour(published=None))
    assert store.articles(since="1900-01-01") == []
    assert len(store.articles()) == 1


def test_speakers_aggregation(full):
    speakers = full.speakers()
    by_name = {s["name"]: s for s in speakers}
    assert set(by_name) == {"Marta Oyelaran", "Daniel Brisco", "Helen Marsh", "Officials"}
    marta = by_name["Marta Oyelaran"]
    assert (marta["quotes"], marta["articles"], marta["kind"]) == (3, 2, "person")
    assert set(marta["roles"]) == {"general secretary", "union leader"}
    assert by_name["Officials"]["kind"] == "group"
    assert speakers[0]["name"] == "Marta Oyelaran"  # most quoted first
    assert len(full.speakers(limit=2)) == 2
    # one row per name and kind across the whole store
    assert full._conn.execute(
        "SELECT count(*) FROM speakers WHERE name = 'Marta Oyelaran'").fetchone()[0] == 1
    json.dumps(speakers)


def test_stats(full):
    s = full.stats()
    assert (s["documents"], s["articles"], s["quotes"], s["speakers"]) == (3, 4, 7, 4)
    assert s["quotes_by_type"] == {"direct": 2, "indirect": 3, "mixed": 2}
    assert (s["first_published"], s["last_published"]) == ("2025-12-31", "2026-06-14")
    assert s["schema_version"] == SCHEMA_VERSION


def test_deleting_a_document_cascades(full):
    doc_id = full.article(1)["document_id"]
    full._conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
    assert full.quotes(search="machines") == []
    assert full.articles(search="cranes") == []
    assert [a["n"] for a in full.articles()] == [2, 3, 4]


def test_fts_query_quoting():
    assert fts_query("crane strike") == '"crane" "strike"'
    assert fts_query('say "door open"') == '"say" "door open"'
    assert fts_query('a"b') == '"a""b"'
    assert fts_query("vacc*") == '"vacc"*'
    assert fts_query("") is None and fts_query("  ") is None and fts_query('""') is None


def test_older_store_gains_the_stance_column(tmp_path):
    import sqlite3

    from newsgraph.model import Article, Document, Quote
    from newsgraph.store import Store
    from newsgraph.store.sqlite import SCHEMA_VERSION

    path = tmp_path / "old.db"
    doc = Document(text="She denied it all. More.", source="a.txt", id="d-old")
    art = Article(document_id="d-old", index=0, start=0, end=24, quotes=[
        Quote(text="it all", start=11, end=17, type="indirect", cue="denied", speaker="Ann Lee", stance="deny")])
    with Store(path) as store:
        store.add(doc, [art])
    con = sqlite3.connect(path)
    con.execute("ALTER TABLE quotes DROP COLUMN stance")
    for view in ("event_view", "entity_view"):
        con.execute(f"DROP VIEW {view}")
    for table in ("mentions", "entities", "events", "places"):
        con.execute(f"DROP TABLE {table}")
    con.execute("PRAGMA user_version = 2")
    con.commit()
    con.close()
    with Store(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.stats()["events"] == 0  # the tables of later versions are there
        assert store.quotes()[0]["stance"] is None  # stored before stances existed
        doc2 = Document(text="He urged calm again. More.", source="b.txt", id="d-new")
        art2 = Article(document_id="d-new", index=0, start=0, end=26, quotes=[
            Quote(text="calm again", start=9, end=19, type="indirect", cue="urged", speaker="Bo Lee", stance="urge")])
        assert store.add(doc2, [art2])
        assert {q["stance"] for q in store.quotes()} == {None, "urge"}


def test_figure_groups_show_reports_over_time_and_disagreement(tmp_path):
    from newsgraph.model import Article, Document, Figure
    from newsgraph.store import Store

    def page(doc_id, published, value, source, qualifier=None):
        text = f"Officials said {value} people were killed. More text follows here."
        doc = Document(text=text, source=f"{doc_id}.txt", id=doc_id)
        fig_text = f"{value} people"
        start = text.index(fig_text)
        fig = Figure(text=fig_text, start=start, end=start + len(fig_text), value=float(value), unit="count",
                     what="people", qualifier=qualifier, source=source)
        return doc, [Article(document_id=doc_id, index=0, start=0, end=len(text), published=published,
                             figures=[fig])]

    with Store(tmp_path / "g.db") as store:
        store.add(*page("a", "2026-01-01", 40, "health ministry"))
        store.add(*page("b", "2026-01-02", 41, "health ministry"))
        store.add(*page("c", "2026-01-03", 60, "UN"))
        (group,) = store.figure_groups()
        assert group["what"] == "people" and group["reports"] == 3
        assert [v["value"] for v in group["values"]] == [40, 41, 60]  # in order of publication
        assert group["sources"] == ["UN", "health ministry"] and group["disagree"] is True
    with Store(tmp_path / "h.db") as store:
        store.add(*page("a", "2026-01-01", 40, "health ministry"))
        store.add(*page("b", "2026-01-02", 41, "health ministry"))
        (group,) = store.figure_groups()
        assert group["disagree"] is False  # within 10%


def test_quote_statements_are_stored_and_older_stores_gain_the_column(tmp_path):
    import sqlite3

    from newsgraph.pipeline import document, process
    from newsgraph.store import Store

    text = '"We will not move," said Ann Lee, a crane operator. "The port is our home."\n\nBo Ray said the talks failed.'
    doc = document(text, source="s.txt")
    path = tmp_path / "st.db"
    with Store(path) as store:
        store.add(doc, process(doc))
        rows = sorted(store.quotes(), key=lambda q: q["start"])
    assert [r["statement"] for r in rows] == [0, 0, 1]
    con = sqlite3.connect(path)
    con.execute("ALTER TABLE quotes DROP COLUMN statement")
    con.execute("PRAGMA user_version = 5")
    con.commit()
    con.close()
    with Store(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert {q["statement"] for q in store.quotes()} == {None}  # stored before statements existed


def test_speaker_phrases_are_stored_and_older_stores_gain_the_columns(tmp_path):
    import sqlite3

    from newsgraph.pipeline import document, process
    from newsgraph.store import Store

    text = ("Woodrow Benford, 58, who has farmed outside Marshall for three decades, said the pipeline would "
            "cross his field.\n\nHe said he would sue.")
    doc = document(text, source="p.txt")
    path = tmp_path / "ph.db"
    with Store(path) as store:
        store.add(doc, process(doc))
        rows = sorted(store.quotes(), key=lambda q: q["start"])
    assert rows[0]["speaker_phrase"] == "Woodrow Benford, 58, who has farmed outside Marshall for three decades"
    assert text[rows[0]["speaker_phrase_start"]:rows[0]["speaker_phrase_end"]] == rows[0]["speaker_phrase"]
    assert rows[1]["speaker"] == "Woodrow Benford" and rows[1]["speaker_phrase"] is None  # a pronoun has none
    con = sqlite3.connect(path)
    for col in ("speaker_phrase", "speaker_phrase_start", "speaker_phrase_end"):
        con.execute(f"ALTER TABLE quotes DROP COLUMN {col}")
    con.execute("PRAGMA user_version = 6")
    con.commit()
    con.close()
    with Store(path) as store:
        assert store.schema_version == SCHEMA_VERSION == 7
        assert {q["speaker_phrase"] for q in store.quotes()} == {None}  # stored before phrases existed
        store.add(document("Ann Lee, a nurse, said the ward was full.", source="q.txt"),
                  process(document("Ann Lee, a nurse, said the ward was full.", source="q.txt")))
        assert "Ann Lee, a nurse" in {q["speaker_phrase"] for q in store.quotes()}
