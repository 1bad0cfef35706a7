"""The distributed job (newsgraph.cluster) on Ray Data in local mode.

One Ray session serves the whole module. The corpus is the bundled examples/ pages plus inputs
written here: a JSONL file with a broken line, a duplicated document, a document that makes the
extraction raise and documents that kill their worker; a Parquet file with a `text` column; a WARC
file with an article and a request record. The output is checked table by table against what
``Store.add`` writes into SQLite for the same documents.
"""
from __future__ import annotations

import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from newsgraph.cluster import Output, tables
from newsgraph.cluster.inputs import Unit, plan, read_unit, row_document
from newsgraph.cluster.merge import partition_key, people_of_partition, person_partials
from newsgraph.model import (Article, Document, Entity, Event, Figure, Mention, Part, Place, Quote, Speaker,
                             TimeExpression)
from newsgraph.store import Store

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")  # Ray's own, on its internal settings

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"

# texts written for these tests (invented)
GOOD = [
    "Harbour pilots vote to accept pay offer\n\nPORTMERE: Harbour pilots voted on Tuesday to accept a 4 percent "
    "pay offer, ending a dispute that had delayed 40 ships.\n\n\u201cThis is a fair settlement,\u201d said Ines "
    "Caldwell, chair of the Pilots' Association. Caldwell added that members would return to work on Wednesday.\n\n"
    "The port authority said the backlog would be cleared within a week.",
    "City council approves cycle lanes\n\nThe city council approved 12 kilometres of new cycle lanes on Monday. "
    "\u201cSafer streets are good for everyone,\u201d councillor Priya Raman told reporters. Opponents said the "
    "plan would cost shopkeepers business, but Raman said surveys showed the opposite.",
    "Flood warnings lifted in river valley\n\nAuthorities lifted flood warnings for three towns on Sunday as "
    "water levels fell. About 340 households had been moved to shelters, according to the regional council. "
    "\u201cThe worst is over,\u201d said emergency coordinator Mark Ellery.",
]
RAISES = ("Council budget row deepens\n\nRAISE-INSIDE-EXTRACTION. The finance committee chair, Olu Adebayo, said "
          "the budget was \u201cunworkable\u201d.")
CRASH_ONCE = ("Ferry service resumes after repairs\n\nCRASH-ONCE. The island ferry resumed sailings on Friday, "
              "operator spokeswoman Lena Marsh said.")
CRASH_ALWAYS = "Poisoned page\n\nCRASH-ALWAYS. Nothing here can be extracted, a tester said."
WARC_HTML = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Museum reopens after renovation</title></head>
<body><nav><a href="/">Home</a> <a href="/arts">Arts</a></nav><article><h1>Museum reopens after renovation</h1>
<p>The city museum reopened on Saturday after a two-year renovation that cost 18 million euros.</p>
<p>\u201cWe wanted a building that welcomes everyone,\u201d said director Hanne Solberg, who led the project.</p>
<p>Solberg said visitor numbers had doubled in the first weekend compared with the same period last year.</p>
</article><footer><a href="/privacy">Privacy</a></footer></body></html>"""


class Faulty:
    """``process_many`` with faults, for the tests: raises inside extraction for one document, kills the
    worker process for others (once, or every time)."""

    def __init__(self, marker: str) -> None:
        self.marker = marker

    def __call__(self, documents):
        from newsgraph.pipeline import process_many

        docs = list(documents)
        if any("CRASH-ONCE" in d.text for d in docs) and not os.path.exists(self.marker):
            Path(self.marker).touch()
            os._exit(1)
        if any("CRASH-ALWAYS" in d.text for d in docs):
            os._exit(1)
        for doc, result in process_many(docs):
            if "RAISE-INSIDE-EXTRACTION" in doc.text:
                raise RuntimeError("extraction blew up on purpose")
            yield doc, result


# -- the corpus and the runs --------------------------------------------------------------------------


def write_warc(path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            "https://news.example/arts/museum", "response", payload=io.BytesIO(WARC_HTML.encode()),
            http_headers=http))
        writer.write_record(writer.create_warc_record(
            "https://news.example/arts/museum", "request", payload=io.BytesIO(b"GET /arts/museum HTTP/1.1\r\n\r\n"),
            warc_content_type="application/http; msgtype=request"))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> dict:
    d = tmp_path_factory.mktemp("corpus")
    lines = [json.dumps({"text": GOOD[0], "published": "2025-03-04", "id": "g0"}),
             '{"text": "a broken line',
             json.dumps({"text": GOOD[1], "published": "2025-03-03", "source": "citywire"}),
             json.dumps({"text": RAISES, "published": "2025-03-05"}),
             json.dumps({"text": CRASH_ONCE, "published": "2025-03-06"}),
             json.dumps({"text": CRASH_ALWAYS}),
             json.dumps({"text": GOOD[0], "published": "2025-03-04", "id": "g0-again"})]  # same text: one document
    (d / "corpus.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    pq.write_table(pa.table({
        "text": [GOOD[2], "   "],
        "id": ["p1", "p2"],
        "url": ["https://news.example/floods", None],
        "published": ["2025-03-02T08:00:00Z", None],
        "source": ["valleytimes", None],
    }), d / "rows.parquet")
    write_warc(d / "crawl.warc.gz")
    inputs = [str(EXAMPLES), str(d / "corpus.jsonl"), str(d / "rows.parquet"), str(d / "crawl.warc.gz"),
              str(d / "missing.jsonl")]
    return {"dir": d, "inputs": inputs, "marker": str(d / "crashed-once")}


@pytest.fixture(scope="module")
def ray_session():
    ray = pytest.importorskip("ray")
    ray.init(num_cpus=2, include_dashboard=False, logging_level="ERROR")
    ray.cloudpickle.register_pickle_by_value(sys.modules[__name__])  # workers cannot import this test module
    yield ray
    ray.shutdown()


@pytest.fixture(scope="module")
def first_run(ray_session, corpus, tmp_path_factory):
    from newsgraph.cluster import run

    out = tmp_path_factory.mktemp("out") / "ng"
    report = run(corpus["inputs"], str(out), workers=2, batch_size=3, process=Faulty(corpus["marker"]))
    return {"out": str(out), "report": report}


@pytest.fixture(scope="module")
def expected(corpus) -> Store:
    """A SQLite store of the same documents, through the ordinary pipeline and Store.add."""
    from newsgraph.pipeline import process_many
    from newsgraph.readers import ReadError, read_paths

    docs: dict[str, Document] = {}
    paths = [p for p in corpus["inputs"] if not p.endswith((".parquet", "missing.jsonl"))]
    for item in read_paths(paths):
        if not isinstance(item, ReadError):
            docs.setdefault(item.id, item)
    for row in read_unit(Unit(str(corpus["dir"] / "rows.parquet"), "parquet", row_group=0)):
        if row["rtype"] == "doc":
            docs.setdefault(row["id"], row_document(row))
    keep = [d for d in docs.values() if "RAISE-INSIDE" not in d.text and "CRASH-ALWAYS" not in d.text]
    store = Store(":memory:")
    for doc, result in process_many(keep):
        assert not isinstance(result, Exception), result
        store.add(doc, result)
    return store


# -- comparing rows with the store ----------------------------------------------------------------------

_NOT_COMPARED = {"documents": {"ingested_at"}, "articles": {"n"}, "paragraphs": {"id"}, "speakers": {"id"}}


def _normalised(table: str, rows: list[dict], speaker_names: dict[int, tuple]) -> list[str]:
    out = []
    for r in rows:
        r = {k: v for k, v in r.items() if k not in _NOT_COMPARED.get(table, ())}
        if "speaker_id" in r:  # ids differ by design (autoincrement there, hash here): compare the speaker
            r["speaker_id"] = speaker_names.get(r["speaker_id"]) if r["speaker_id"] is not None else None
        out.append(json.dumps(r, sort_keys=True, ensure_ascii=False))
    return sorted(out)


def store_tables(store: Store) -> dict[str, list[str]]:
    conn = store._conn
    names = {r[0]: (r[1], r[2]) for r in conn.execute("SELECT id, name, kind FROM speakers")}
    names = {k: list(v) for k, v in names.items()}
    return {t: _normalised(t, [dict(r) for r in conn.execute(f"SELECT * FROM {t}")], names) for t in tables.TABLES}


def row_tables(rows: dict[str, list[dict]]) -> dict[str, list[str]]:
    names = {r["id"]: [r["name"], r["kind"]] for r in rows["speakers"]}
    return {t: _normalised(t, rows[t], names) for t in tables.TABLES}


def test_columns_and_types_are_the_stores():
    with Store(":memory:") as store:
        for table in tables.TABLES:
            info = store._conn.execute(f"PRAGMA table_info({table})").fetchall()
            assert tables.COLUMNS[table] == tuple(r[1] for r in info), table
            assert [tables.SQL_TYPES[table][r[1]] for r in info] == [r[2] for r in info], table
            notnull = {r[1] for r in info if r[3] and not r[5]} - set(tables.ASSIGNED_BY_LOADER.get(table, ()))
            assert notnull <= {f.name for f in tables.SCHEMAS[table] if not f.nullable}, table


def _synthetic() -> tuple[Document, list[Article]]:
    """A page with one record of every kind, and the duplicates the store resolves."""
    text = ("BRIGHTON: Minister Ana Ruiz said on Monday that 300 nurses would be hired. "
            "\u201cWe keep our promises,\u201d Ruiz said. Protesters marched in Brighton.")

    def at(s: str, after: int = 0) -> tuple[int, int]:
        i = text.index(s, after)
        return i, i + len(s)

    doc = Document(text=text, source="synthetic.txt", published="2025-01-06", meta={"line": 3, "tags": ["x"]})
    art = Article(document_id=doc.id, index=0, start=0, end=len(text), dateline=Part("BRIGHTON", 0, 8),
                  headline=None, credit="AFP", truncated=True)
    art.paragraphs = [Part(text, 0, len(text))]
    art.quotes = [Quote("We keep our promises", *at("We keep our promises"), type="direct", cue="said",
                        speaker=" Ana  Ruiz", speaker_kind="person", speaker_role="Minister", stance="promise",
                        id="q1", article_id=art.id),
                  Quote("300 nurses would be hired", *at("300 nurses would be hired"), type="indirect",
                        speaker="officials", speaker_kind="group", article_id=art.id)]
    art.speakers = [Speaker("Ana Ruiz", "person", aliases=["Ruiz"], roles=["Minister"], gender="f", quotes=1),
                    Speaker("Ana Ruiz", "unknown", aliases=["Ms Ruiz"], roles=["MP"], quotes=0),
                    Speaker("officials", "group", quotes=1)]
    art.figures = [Figure("300 nurses", *at("300 nurses"), value=300.0, unit="people", what="nurses",
                          source="Ana Ruiz")]
    art.dates = [TimeExpression("on Monday", *at("on Monday"), "2025-01-06"),
                 TimeExpression("on Monday", *at("on Monday"), "2025-01-13")]
    art.places = [Place("BRIGHTON", 0, 8, name="Brighton", geonameid=2654710, country="GB", kind="city",
                        lat=50.8, lon=-0.1, confidence=0.9, dateline=True),
                  Place("BRIGHTON", 0, 8, name="Brighton (dup)"),
                  Place("Brighton", *at("Brighton", 10), name="Brighton", country="GB", metonymy=False)]
    art.entities = [Entity("Ana Ruiz", "person", mentions=[Mention("Ana Ruiz", *at("Ana Ruiz")),
                                                            Mention("Ana Ruiz", *at("Ana Ruiz")),
                                                            Mention("Ruiz", *at("Ruiz said"))],
                           aliases=["Ruiz"], roles=["Minister"], country="GB")]
    ev_start, ev_end = at("Protesters marched in Brighton.")
    art.events = [Event("PROTEST", text="Protesters marched in Brighton.", start=ev_start, end=ev_end,
                        trigger="marched", trigger_start=at("marched")[0], trigger_end=at("marched")[1],
                        mode="demonstrate", place="Brighton", country="GB", organizers=["nurses' union"],
                        negated=False, date="2025-01-06", dead=2.0, arrested=5.0)]
    return doc, [art]


def test_rows_are_what_store_add_writes():
    from newsgraph.pipeline import process

    cases = [_synthetic()]
    for page in sorted(EXAMPLES.glob("*.txt")):
        doc = Document(text=page.read_text(encoding="utf-8"), source=str(page))
        cases.append((doc, process(doc)))
    assert sum(len(a.quotes) for _, arts in cases for a in arts) > 20  # real pages with real records
    for doc, arts in cases:
        with Store(":memory:") as store:
            assert store.add(doc, arts)
            want = store_tables(store)
        got = row_tables(tables.build_rows(doc, arts))
        for table in tables.TABLES:
            assert got[table] == want[table], (doc.source, table)
    # the duplicates: one place and one date per offset, one mention per offset, one article_speakers row
    rows = tables.build_rows(*_synthetic())
    assert len(rows["places"]) == 2 and len(rows["dates"]) == 1 and len(rows["mentions"]) == 2
    assert {r["name"] for r in rows["speakers"]} == {"Ana Ruiz", "officials"}
    assert rows["articles"][0]["n"] is None and all(r["id"] is None for r in rows["paragraphs"])


def test_rows_refuse_what_the_store_refuses():
    doc, arts = _synthetic()
    arts[0].entities.append(Entity("Someone", "person", id=arts[0].entities[0].id or f"{arts[0].id}-e0"))
    with pytest.raises(ValueError, match="entities"):
        tables.build_rows(doc, arts)
    with Store(":memory:") as store, pytest.raises(sqlite3.IntegrityError):
        store.add(doc, arts)
    doc, arts = _synthetic()
    arts[0].quotes[0].end = len(doc.text) + 5  # noqa: the store refuses it too
    with pytest.raises(ValueError, match="outside the document"):
        tables.build_rows(doc, arts)
    doc, arts = _synthetic()
    arts[0].entities[0].kind = "thing"
    with pytest.raises(ValueError, match="entities.kind"):
        tables.build_rows(doc, arts)


def test_plan_lists_each_input_once(corpus):
    d = corpus["dir"]
    units = plan([str(d), str(d / "corpus.jsonl"), str(d / "*.parquet"), str(d / "nothing-*.jsonl")])
    files = sorted(Path(u.path).name for u in units if not u.error)
    assert files == ["corpus.jsonl", "crawl.warc.gz", "rows.parquet"]
    assert [u.error for u in units if u.error] == ["no files match the pattern"]
    rows = list(read_unit(Unit(str(d / "rows.parquet"), "parquet", row_group=0)))
    assert [r["rtype"] for r in rows] == ["doc", "error"]
    doc = row_document(rows[0])
    assert (doc.source, doc.kind, doc.url, doc.published) == ("valleytimes", "parquet",
                                                              "https://news.example/floods", "2025-03-02")
    assert doc.meta["external_id"] == "p1" and doc.meta["row"] == 1 and doc.id == Document(GOOD[2], "x").id
    assert rows[1]["source"].endswith("rows.parquet:2") and "empty" in rows[1]["reason"]


# -- the job ------------------------------------------------------------------------------------------


def test_run_writes_the_stores_tables(first_run, expected):
    out = Output(first_run["out"])
    want = store_tables(expected)
    for table in tables.TABLES:
        data = out.read(table)
        assert data.schema.names == list(tables.COLUMNS[table]), table
        names = {r["id"]: [r["name"], r["kind"]] for r in out.read("speakers").to_pylist()}
        got = _normalised(table, data.to_pylist(), names)
        if table == "speakers":  # one row per speaker and batch: a loader keeps one per id
            got = sorted(set(got))
        assert got == want[table], table
    report = first_run["report"]
    n_docs = expected.stats()["documents"]
    assert report.documents == n_docs == 9  # 4 example pages, 3 JSONL, 1 Parquet row, 1 WARC page
    assert report.duplicates == 1 and report.already_done == 0
    assert report.retried_batches >= 1  # the worker killed by CRASH-ONCE: its batch was done again
    assert len(report.workers) >= 1 and all(w.peak_rss_mb > 100 for w in report.workers)


def test_failures_are_listed_not_fatal(first_run, corpus):
    out = Output(first_run["out"])
    errors = {(Path(e["source"].split(":")[0]).name if e["stage"] != "extract" else "raise", e["stage"]): e
              for e in out.read("errors").to_pylist()}
    assert set(errors) == {("missing.jsonl", "input"), ("corpus.jsonl", "read"), ("rows.parquet", "read"),
                           ("raise", "extract"), ("corpus.jsonl", "worker")}
    assert errors[("corpus.jsonl", "read")]["source"].endswith("corpus.jsonl:2")
    assert "blew up on purpose" in errors[("raise", "extract")]["reason"]
    assert "worker died" in errors[("corpus.jsonl", "worker")]["reason"]
    docs = out.read("documents").to_pylist()
    assert not any("CRASH-ALWAYS" in d["text"] or "RAISE-INSIDE" in d["text"] for d in docs)
    assert any("CRASH-ONCE" in d["text"] for d in docs)
    skipped = out.read("skipped").to_pylist()
    assert [s["category"] for s in skipped] == ["request-record"]
    warc = [d for d in docs if d["source"].startswith(str(corpus["dir"] / "crawl.warc.gz"))]
    assert len(warc) == 1 and warc[0]["url"] == "https://news.example/arts/museum"
    assert first_run["report"].errors == 5


def test_merge_matches_the_store(first_run, expected):
    out = Output(first_run["out"])
    people = out.read("people").to_pylist()
    got = sorted((p["name"], tuple(json.loads(p["aliases"])), p["quotes"], p["articles"],
                  json.dumps(json.loads(p["roles"]), sort_keys=True)) for p in people)
    want = sorted((p["name"], tuple(p["aliases"]), p["quotes"], p["articles"], json.dumps(p["roles"], sort_keys=True))
                  for p in expected.people())
    assert got == want and len(got) > 10
    groups = out.read("event_groups").to_pylist()
    got_groups = sorted(sorted(json.loads(g["event_ids"])) for g in groups)
    want_groups = sorted(sorted(s["id"] for s in e["sources"]) for e in expected.events(include_negated=True))
    assert got_groups == want_groups
    assert sum(g["reports"] for g in groups) == out.read("events").num_rows


def test_people_partitions_agree_with_one_cluster():
    from newsgraph.people import Record, cluster

    names = ["Imran Baloch", "Sana Baloch", "Baloch", "Donald J. Trump", "Donald Trump", "Trump",
             "Naeem-ur-Rehman", "Ali Rehman", "Rehman", "a ministry spokesman", "Mohammed Ali", "Mohammad Ali"]
    partials = [{"key": partition_key(n), "name": n, "speaker_id": i + 1, "quotes": i, "articles": 1,
                 "roles": json.dumps([["spokesman", "2025-01-0%d" % (i % 9 + 1)]])} for i, n in enumerate(names)]
    by_key: dict[str, list] = {}
    for p in partials:
        by_key.setdefault(p["key"], []).append(p)
    got = sorted((p["name"], p["aliases"]) for k in by_key for p in people_of_partition(by_key[k]))
    whole = cluster([Record(i + 1, n, i, 1, [("spokesman", "2025-01-0%d" % (i % 9 + 1))]) for i, n in enumerate(names)])
    assert got == sorted((p.name, json.dumps(p.aliases)) for p in whole)
    assert partition_key("Naeem-ur-Rehman") == partition_key("Ali Rehman") == partition_key("Rehman")
    empty = pa.table({c: pa.array([], pa.string()) for c in ("id", "name", "kind", "article_id", "published",
                                                            "speaker_role", "roles")})
    assert person_partials(empty.select(["id", "name", "kind"]), empty.select(["speaker_role", "article_id"])
                           .append_column("speaker_id", pa.array([], pa.int64())),
                           empty.select(["article_id", "roles"]).append_column("speaker_id", pa.array([], pa.int64())),
                           empty.select(["id", "published"]), empty.select(["article_id", "name", "kind", "roles"])) == []


def _snapshot(out: Output) -> dict[str, list[str]]:
    snap = {}
    for t in (*tables.TABLES, "errors", "skipped"):
        rows = out.read(t).to_pylist()
        for r in rows:
            r.pop("ingested_at", None), r.pop("at", None), r.pop("run_id", None)
        snap[t] = sorted(json.dumps(r, sort_keys=True) for r in rows)
    return snap


def test_rerun_through_the_cli_skips_what_is_done(first_run, corpus):
    import typer
    from typer.testing import CliRunner

    from newsgraph.cluster.command import register

    app = typer.Typer()

    @app.callback()
    def main() -> None:
        pass

    register(app)
    out = Output(first_run["out"])
    before = _snapshot(out)
    result = CliRunner().invoke(app, ["cluster", "run", *corpus["inputs"], "--out", first_run["out"],
                                      "--workers", "2", "--batch-size", "3", "--no-merge", "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout.strip().splitlines()[-1])
    # everything done is skipped, errors already listed are not listed again; the one document whose
    # worker died was not marked done, so it is tried again, and without the fault it goes through
    assert report["documents"] == 1 and report["errors"] == 0 and report["already_done"] >= 14, report
    after = _snapshot(out)
    docs = [json.loads(d) for d in after["documents"]]
    assert len(docs) == len(before["documents"]) + 1 and sum("CRASH-ALWAYS" in d["text"] for d in docs) == 1
    for t in tables.TABLES:
        assert not set(before[t]) - set(after[t]), t
    assert after["errors"] == before["errors"] and after["skipped"] == before["skipped"]
    status = CliRunner().invoke(app, ["cluster", "status", "--out", first_run["out"], "--format", "json"])
    counts = json.loads(status.stdout)
    assert counts["datasets"]["documents"][0] == len(docs) == counts["done"]["ok"]


def test_a_killed_batch_is_redone_once(first_run, corpus):
    from newsgraph.cluster import run

    out = Output(first_run["out"])
    before = _snapshot(out)
    # a worker killed after writing its data and before its manifest; another mid-write
    victim = next(b for b in sorted(out.committed_batches())
                  if out.read_batch(b, "documents").num_rows and not out.read_batch(b, "errors").num_rows)
    victim_docs = out.read_batch(victim, "documents").num_rows
    out.fs.delete_file(out.path("_manifest", f"{victim}.parquet"))
    (Path(first_run["out"]) / "quotes" / ".part-0123456789abcdef.parquet.tmp-1a2b").write_bytes(b"PAR1 half")
    shutil.copy(Path(first_run["out"]) / "articles" / f"part-{victim}.parquet",
                Path(first_run["out"]) / "articles" / "part-00000000deadbeef.parquet")
    assert out.read("documents").num_rows == len(before["documents"]) - victim_docs  # not committed: not counted
    report = run(corpus["inputs"], first_run["out"], workers=2, batch_size=3, merge=False)
    assert report.documents == victim_docs and report.removed_uncommitted >= 3
    after = _snapshot(out)
    for t in tables.TABLES:
        assert after[t] == before[t], t
    assert not list(Path(first_run["out"]).rglob("*.tmp-*"))


def test_merge_command_joins_the_running_cluster(first_run, ray_session):
    """End to end in a fresh process: `newsgraph cluster merge --address ADDR` joins this module's Ray."""
    code = ("import sys, typer\nfrom newsgraph.cluster.command import register\napp = typer.Typer()\n"
            "@app.callback()\ndef main():\n    pass\nregister(app)\napp(sys.argv[1:])\n")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, "-c", code, "cluster", "merge", "--out", first_run["out"],
                           "--address", ray_session.get_runtime_context().gcs_address, "--format", "json"], capture_output=True, text=True, env=env,
                          timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["people"] == Output(first_run["out"]).read("people").num_rows > 10
    bad = subprocess.run([sys.executable, "-c", code, "cluster", "status", "--out", first_run["out"] + "-nowhere"],
                         capture_output=True, text=True, env=env, timeout=60)
    assert bad.returncode == 1 and "no such output directory" in bad.stderr


def test_registry_claims_blames_and_gives_up(tmp_path):
    import numpy as np

    from newsgraph.cluster.job import Registry, RunReport, _list_lost
    from newsgraph.cluster.storage import key64

    done = "00000000000000aa"
    reg = Registry(np.array([key64(done)], dtype=np.uint64), max_attempts=3)
    first = reg.claim("b1", [done, "00000000000000bb", "00000000000000cc", "00000000000000bb"], ["d", "x", "y", "x"])
    assert first["status"] == ["done", "mine", "mine", "taken"] and first["attempt"] == 1
    assert reg.claim("b2", ["00000000000000cc", "00000000000000dd"], ["y", "z"])["status"] == ["taken", "mine"]
    reg.working_on("b1", "00000000000000cc", "y")  # ... and the worker dies
    again = reg.claim("b1", [done, "00000000000000bb", "00000000000000cc"], ["d", "x", "y"])
    assert again["attempt"] == 2 and again["blamed"] == ["00000000000000cc"] and not again["give_up"]
    assert again["status"] == ["done", "mine", "mine"]  # a retry gets its own keys back
    reg.commit("b2")
    assert reg.claim("b1", [], [])["attempt"] == 3 and reg.claim("b1", [], [])["give_up"]
    lost = reg.uncommitted()
    assert [b["batch"] for b in lost] == ["b1"]
    out = Output(tmp_path / "out")
    report = RunReport(run_id="r1", out=out.uri)
    _list_lost(out, [{"batch": "b1", "keys": [["00000000000000bb", "x"]], "attempts": 4, "blamed": []}], report)
    errors = out.read("errors").to_pylist()
    assert report.errors == 1 and errors[0]["stage"] == "worker" and errors[0]["document_id"] == "00000000000000bb"
    assert "00000000000000bb" not in out.manifest().column("key").to_pylist()  # tried again next run
