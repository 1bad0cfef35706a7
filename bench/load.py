#!/usr/bin/env python3
"""Load test of the web app (`newsgraph serve`) on a store of at least 5,000 articles.

    python bench/load.py build                 # build (once) bench/.cache/load.db from the shared corpora
    python bench/load.py run [--clients 50] [--seconds 30] [--db PATH]
    python bench/load.py screenshots [--db PATH] [--out bench/screenshots]

``build`` ingests, through the real pipeline (``read_paths`` -> ``process_many`` -> ``Store.add``):
the BBC News corpus (2,225 articles, outlet ``bbc``), PolNeAR train (840 US political articles, outlet
and date taken from their ids), and one reprint of every BBC article as a wire service would run it
(a dateline ``LONDON (Newswire) -`` before the first paragraph and a date in 2005, outlet
``newswire``), so that the store holds over 5,000 articles of real news text. The database is cached
in ``bench/.cache/`` (git-ignored); delete it to build again.

``run`` starts ``newsgraph serve`` in a subprocess on a free loopback port, then drives it with
``--clients`` concurrent keep-alive clients for ``--seconds`` seconds: each client loops over a mix of
search pages (``/?q=...`` with words drawn from the store's own headlines, some with a facet), article
pages (``/articles/N``), and their JSON twins (``/api/articles?q=``, ``/api/articles/N``). Every response
must be 200 with a body; anything else is counted as an error. It prints a table of p50/p90/p99
latency and throughput per kind of page and, as the last line, one JSON object with the same figures.
The exit code is 1 when any request failed.

``screenshots`` starts the server on a store (default: the bundled examples, ingested into a
temporary file) and saves a PNG of every page, at desktop and phone widths, with Debian's Chromium.
"""
from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import random
import re
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

SHARED = Path(os.environ.get("NEWSGRAPH_SHARED", REPO.parent / "shared"))
CACHE = REPO / "bench" / ".cache"
LOAD_DB = CACHE / "load.db"
BBC = SHARED / "data" / "corpus" / "bbc-news-fulltext" / "articles.jsonl"
POLNEAR = SHARED / "data" / "polnear" / "train.jsonl"
CHROMIUM = "/usr/bin/chromium"
MIN_ARTICLES = 5000


# -- build ---------------------------------------------------------------------------------------

_POLNEAR_ID = re.compile(r"polnear-\w+-([a-z-]+)_(\d{4}-\d{2}-\d{2})_")


def corpus_lines() -> list[str]:
    """The JSONL records to ingest: BBC, PolNeAR train, and a wire reprint of every BBC article."""
    lines: list[str] = []
    bbc = [json.loads(line) for line in BBC.read_text(encoding="utf-8").splitlines() if line.strip()]
    for r in bbc:
        lines.append(json.dumps({"id": r["id"], "title": r["title"], "text": r["text"], "outlet": "bbc"},
                                ensure_ascii=False))
    for line in POLNEAR.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        r = json.loads(line)
        m = _POLNEAR_ID.match(r["id"])
        rec = {"id": r["id"], "text": r["text"]}
        if m:
            rec["outlet"], rec["published"] = m.group(1), m.group(2)
        lines.append(json.dumps(rec, ensure_ascii=False))
    for r in bbc:
        day = dt.date(2005, 1, 1) + dt.timedelta(days=zlib.crc32(r["id"].encode()) % 365)
        lines.append(json.dumps({
            "id": r["id"] + "-wire", "title": r["title"], "text": "LONDON (Newswire) - " + r["text"],
            "published": day.isoformat(), "outlet": "newswire"}, ensure_ascii=False))
    return lines


def build(db: Path = LOAD_DB, force: bool = False) -> Path:
    """Build the load-test store (cached): returns its path."""
    from newsgraph.pipeline import process_many
    from newsgraph.readers import ReadError, read_paths
    from newsgraph.store import Store

    if db.exists() and not force:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
            n = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        if n >= MIN_ARTICLES:
            print(f"{db}: {n} articles (cached)", file=sys.stderr)
            return db
    db.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    # the corpus goes to a temporary file, never into the repository (the BBC owns its text)
    tmp = tempfile.TemporaryDirectory(prefix="newsgraph-load-")
    corpus = Path(tmp.name) / "load-corpus.jsonl"
    corpus.write_text("\n".join(corpus_lines()) + "\n", encoding="utf-8")
    t0 = time.perf_counter()
    done = failed = 0
    with Store(db) as store:
        def docs():
            nonlocal failed
            for item in read_paths([str(corpus)]):
                if isinstance(item, ReadError):
                    failed += 1
                    continue
                if not store.has_document(item.id):
                    yield item
        for document, result in process_many(docs()):
            if isinstance(result, BaseException):
                failed += 1
                continue
            try:
                store.add(document, result)
            except Exception as exc:  # noqa: BLE001 - one bad document never stops the build
                failed += 1
                if failed <= 5:
                    print(f"  error: {document.source} ({document.meta.get('external_id')}): "
                          f"{type(exc).__name__}: {exc}", file=sys.stderr, flush=True)
                continue
            done += 1
            if done % 250 == 0:
                print(f"  {done} documents, {time.perf_counter() - t0:.0f} s", file=sys.stderr, flush=True)
        n = store.stats()["articles"]
    tmp.cleanup()
    print(f"{db}: {done} documents, {n} articles, {failed} failed, {time.perf_counter() - t0:.0f} s",
          file=sys.stderr)
    return db


# -- server --------------------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """``newsgraph serve`` in a subprocess on a free loopback port."""

    def __init__(self, db: Path, workers: int = 1) -> None:
        self.db, self.workers = db, workers
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen | None = None

    def __enter__(self) -> Server:
        code = ("import sys, typer; from newsgraph.web.command import register; app = typer.Typer(); "
                "register(app); app(sys.argv[1:])")
        cmd = [sys.executable, "-c", code, "--db", str(self.db), "--port", str(self.port), "--no-open",
               "--workers", str(self.workers), "--log-level", "warning"]
        self.proc = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError("server exited: " + self.proc.stderr.read().decode(errors="replace"))
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return self
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("server did not start in 60 s")

    def __exit__(self, *exc: object) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()


# -- load ----------------------------------------------------------------------------------------

def targets(db: Path, seed: int = 7) -> dict[str, list[str]]:
    """URLs per kind of page: search words drawn from stored headlines, article numbers at random."""
    rng = random.Random(seed)
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        heads = [r[0] for r in conn.execute("SELECT headline FROM articles WHERE headline IS NOT NULL")]
        ns = [r[0] for r in conn.execute("SELECT n FROM articles")]
        speakers = [r[0] for r in conn.execute(
            "SELECT speaker FROM quotes WHERE speaker_kind = 'person' GROUP BY speaker "
            "ORDER BY count(*) DESC LIMIT 50")]
    words = sorted({w.lower() for h in heads for w in re.findall(r"[A-Za-z]{5,}", h)})
    rng.shuffle(words)
    words = words[:400]
    from urllib.parse import quote

    search = []
    for i in range(300):
        q = " ".join(rng.sample(words, 1 if i % 3 else 2))
        url = f"/?q={quote(q)}"
        if i % 5 == 0 and speakers:
            url = f"/?speaker={quote(rng.choice(speakers))}"
        elif i % 7 == 0:
            url += "&since=2005-01-01"
        search.append(url)
    articles = [f"/articles/{rng.choice(ns)}" for _ in range(300)]
    return {
        "search": search,
        "article": articles,
        "api_search": [u.replace("/?", "/api/articles?", 1) for u in search],
        "api_article": [u.replace("/articles/", "/api/articles/", 1) for u in articles],
    }


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    k = min(len(values) - 1, max(0, round(p / 100 * (len(values) - 1))))
    return values[k]


async def _client(url: str, kinds: dict[str, list[str]], weights: list[tuple[str, int]], stop: float,
                  seed: int, times: dict[str, list[float]], errors: list[str]) -> None:
    import httpx

    rng = random.Random(seed)
    names = [k for k, w in weights for _ in range(w)]
    async with httpx.AsyncClient(base_url=url, timeout=30.0,
                                 limits=httpx.Limits(max_connections=1, max_keepalive_connections=1)) as client:
        while time.monotonic() < stop:
            kind = rng.choice(names)
            path = rng.choice(kinds[kind])
            t0 = time.perf_counter()
            try:
                r = await client.get(path)
                ok = r.status_code == 200 and len(r.content) > 0
                if not ok:
                    errors.append(f"{r.status_code} {path}")
            except Exception as exc:  # noqa: BLE001 - a failed request is an error of the run
                errors.append(f"{type(exc).__name__} {path}")
                continue
            if time.monotonic() <= stop or ok:
                times[kind].append(time.perf_counter() - t0)


async def _load(url: str, kinds: dict[str, list[str]], clients: int, seconds: float) -> tuple[dict, list, float]:
    weights = [("search", 4), ("article", 4), ("api_search", 1), ("api_article", 1)]
    times: dict[str, list[float]] = {k: [] for k in kinds}
    errors: list[str] = []
    t0 = time.monotonic()
    stop = t0 + seconds
    await asyncio.gather(*(_client(url, kinds, weights, stop, i, times, errors) for i in range(clients)))
    return times, errors, time.monotonic() - t0


def run(db: Path, clients: int, seconds: float, workers: int) -> dict[str, Any]:
    kinds = targets(db)
    load_before = 0.0
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        n_articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        n_quotes = conn.execute("SELECT count(*) FROM quotes").fetchone()[0]
    with Server(db, workers=workers) as server:
        import httpx

        # warm up: every kind of page once, and wait for the app's whole-store caches (people, claims,
        # figures), which it computes in the background at start, so that they do not share the run
        for path in [urls[0] for urls in kinds.values()] + ["/claims", "/figures", "/people"]:
            r = httpx.get(server.url + path, timeout=300)
            r.raise_for_status()
        load_before = os.getloadavg()[0]
        times, errors, elapsed = asyncio.run(_load(server.url, kinds, clients, seconds))
    result: dict[str, Any] = {"articles": n_articles, "quotes": n_quotes, "clients": clients,
                              "seconds": round(elapsed, 1), "workers": workers, "errors": len(errors),
                              "cpus": os.cpu_count(), "load_average_before": round(load_before, 2),
                              "pages": {}}
    print(f"{n_articles} articles, {n_quotes} quotes; {clients} clients for {elapsed:.1f} s, "
          f"{workers} server worker(s), {os.cpu_count()} CPUs (load average {load_before:.1f} before the run)")
    print(f"{'page':12} {'requests':>9} {'req/s':>7} {'p50 ms':>8} {'p90 ms':>8} {'p99 ms':>8}")
    total = 0
    for kind, ts in times.items():
        total += len(ts)
        row = {"requests": len(ts), "rps": round(len(ts) / elapsed, 1),
               "p50_ms": round(percentile(ts, 50) * 1000, 1), "p90_ms": round(percentile(ts, 90) * 1000, 1),
               "p99_ms": round(percentile(ts, 99) * 1000, 1)}
        result["pages"][kind] = row
        print(f"{kind:12} {row['requests']:>9} {row['rps']:>7} {row['p50_ms']:>8} {row['p90_ms']:>8} "
              f"{row['p99_ms']:>8}")
    result["requests"] = total
    result["rps"] = round(total / elapsed, 1)
    print(f"{'all':12} {total:>9} {result['rps']:>7}   errors: {len(errors)}")
    for e in errors[:10]:
        print("  error:", e)
    return result


# -- screenshots -----------------------------------------------------------------------------------

# An invented page about real places, so that the events map of the screenshots has places to show
# (the examples' towns are invented too, and no gazetteer knows them).
WORLD_PAGE = """Dock workers march in Karachi as port strike spreads to Lahore

KARACHI: Thousands of dock workers marched through Karachi on Sunday, demanding higher wages, the union said.

In Lahore, police arrested twelve activists who had blocked a road near the railway station, officials said.

"We will not stop until the government listens," said Asif Baloch, the union's general secretary.

The protests spread to Nairobi on Monday, where about 2,000 port workers went on strike, and to Manila, where \
truck drivers blockaded the container terminal.
"""


def examples_db(path: Path) -> Path:
    """The bundled examples and WORLD_PAGE, through the real pipeline, in a store at ``path``."""
    from newsgraph.model import Document
    from newsgraph.pipeline import process_many
    from newsgraph.readers import read_paths
    from newsgraph.store import Store

    docs = [d for d in read_paths([str(REPO / "examples")]) if isinstance(d, Document)]
    docs.append(Document(text=WORLD_PAGE, source="bench/load.py:WORLD_PAGE", published="2026-02-01"))
    with Store(path) as store:
        for document, result in process_many(docs):
            if not isinstance(result, BaseException):
                store.add(document, result)
    return path


def screenshots(db: Path | None, out: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    tmp = None
    if db is None:
        tmp = tempfile.TemporaryDirectory()
        db = examples_db(Path(tmp.name) / "examples.db")
    out.mkdir(parents=True, exist_ok=True)
    saved: list[Path] = []
    try:
        with Server(db) as server, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            import httpx

            person = httpx.get(server.url + "/api/people?limit=1").json()["items"][0]["name"]
            from urllib.parse import quote
            busiest = max(httpx.get(server.url + "/api/articles?limit=100").json()["items"],
                          key=lambda a: a["quotes"])["n"]
            pages = [("search", "/?q=minister"), ("home", "/"), ("article", f"/articles/{busiest}"),
                     ("person", f"/people/{quote(person)}"), ("figures", "/figures"), ("claims", "/claims"),
                     ("events", "/events"), ("analyze", "/analyze")]
            for width, height, suffix in ((1280, 900, ""), (390, 844, "-phone")):
                page = browser.new_page(viewport={"width": width, "height": height})
                for name, path in pages:
                    page.goto(server.url + path)
                    if name == "analyze":
                        page.fill("textarea[name=text]", (REPO / "examples" / "page_politics.txt").read_text()[:6000])
                        page.click("button[type=submit]")
                        page.wait_for_selector(".quote")
                    page.evaluate("window.scrollTo(0, 0)")
                    target = out / f"{name}{suffix}.png"
                    page.screenshot(path=str(target), full_page=True)
                    saved.append(target)
                page.close()
            browser.close()
    finally:
        if tmp is not None:
            tmp.cleanup()
    return saved


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build", help="build the load-test store (cached)")
    b.add_argument("--db", type=Path, default=LOAD_DB)
    b.add_argument("--force", action="store_true")
    r = sub.add_parser("run", help="the load test")
    r.add_argument("--db", type=Path, default=LOAD_DB)
    r.add_argument("--clients", type=int, default=50)
    r.add_argument("--seconds", type=float, default=30.0)
    r.add_argument("--workers", type=int, default=1, help="server worker processes")
    s = sub.add_parser("screenshots", help="a PNG of every page")
    s.add_argument("--db", type=Path, default=None)
    s.add_argument("--out", type=Path, default=REPO / "bench" / "screenshots")
    args = ap.parse_args(argv)
    if args.cmd == "build":
        build(args.db, force=args.force)
        return 0
    if args.cmd == "run":
        db = build(args.db) if args.db == LOAD_DB else args.db
        result = run(db, args.clients, args.seconds, args.workers)
        print(json.dumps(result))
        return 1 if result["errors"] else 0
    for path in screenshots(args.db, args.out):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
