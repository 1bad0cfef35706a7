"""Accuracy of the knowledge graph: entities, places, dates, figures, stances, claims and events.

    python bench/graph.py [GOLD] [--pred OUT.jsonl] [--json] [--errors]

Ingests the gold's pages (``bench/data/graph/pages``) into a fresh SQLite store with the real
pipeline, exactly as ``newsgraph ingest`` does, writes what the store then holds in the gold's own
format (one line per page; see ``bench/graph_score.py``), and scores it with ``bench/graph_score.py``:
precision, recall and F1 per record type, field accuracy of matched records, and pairwise
precision/recall of cross-article identity (people and organisations across articles, and
sentences that tell the same event). Ingesting twice must give the same predictions: ``--check-
determinism`` ingests into two stores and fails if anything differs.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from newsgraph.pipeline import process_many  # noqa: E402
from newsgraph.readers import ReadError, read_paths  # noqa: E402
from newsgraph.store import Store  # noqa: E402

DEFAULT_GOLD = HERE / "data" / "graph" / "gold.jsonl"


def ingest(pages: list[Path], db: Path) -> Store:
    store = Store(db)
    docs = [d for d in read_paths([str(p) for p in pages]) if not isinstance(d, ReadError)]
    for doc, result in process_many(docs):
        if isinstance(result, Exception):
            raise RuntimeError(f"{doc.source}: {result}")
        store.add(doc, result)
    return store


def predictions(store: Store, page_ids: dict[str, str]) -> list[dict]:
    """The store's records in the gold format, one dict per page (``page_ids``: source path -> page id)."""
    conn = store._conn
    entity_ids = store.entity_ids()
    event_group = {}
    for e in store.events(include_negated=False):
        for s in e["sources"]:
            event_group[s["id"]] = e["id"]
    claims = store.claims(contested=True)
    quote_pos = {r["id"]: (r["start"], r["end"], r["article"]) for r in conn.execute(
        'SELECT id, start, "end", article_id AS article FROM quotes')}
    figure_pos = {r["id"]: (r["start"], r["end"], r["article"]) for r in conn.execute(
        'SELECT id, start, "end", article_id AS article FROM figures')}
    doc_of_article = {r["id"]: r["document_id"] for r in conn.execute("SELECT id, document_id FROM articles")}
    page_of_doc = {r["id"]: page_ids.get(r["source"]) for r in conn.execute("SELECT id, source FROM documents")}
    texts = {r["id"]: r["text"] for r in conn.execute("SELECT id, text FROM documents")}

    def page_of_article(aid: str) -> str | None:
        return page_of_doc.get(doc_of_article.get(aid))

    def span(ref_id: str, text: str, article: str) -> tuple[int | None, int | None]:
        if ref_id in quote_pos:
            return quote_pos[ref_id][:2]
        if ref_id in figure_pos:
            return figure_pos[ref_id][:2]
        page = texts[doc_of_article[article]]
        i = page.find(text)
        return (i, i + len(text)) if i >= 0 else (None, None)

    pages: dict[str, dict] = {}
    for art in conn.execute("SELECT id, headline, published, document_id FROM articles ORDER BY n"):
        pid = page_of_doc.get(art["document_id"])
        if pid is None:
            continue
        aid = art["id"]
        rec = {"headline": art["headline"], "date": (art["published"] or "")[:10] or None}
        rec["entities"] = [
            {"name": e["name"], "kind": e["kind"], "aliases": e["aliases"], "roles": e["roles"],
             "organization": e["organization"], "country": e["country"], "id": entity_ids.get((aid, e["name"]))}
            for e in store.entities(article=aid) if e["kind"] in ("person", "organization")]
        rec["places"] = [
            {"text": p["text"], "start": p["start"], "end": p["end"], "name": p["name"], "country": p["country"],
             "kind": p["kind"], "metonymy": bool(p["metonymy"]), "dateline": bool(p["dateline"])}
            for p in conn.execute('SELECT * FROM places WHERE article_id = ? ORDER BY start', (aid,))]
        rec["dates"] = [{"text": d["text"], "start": d["start"], "end": d["end"], "date": d["date"]}
                        for d in conn.execute('SELECT * FROM dates WHERE article_id = ? ORDER BY start', (aid,))]
        rec["figures"] = [
            {k: f[k] for k in ("text", "start", "end", "value", "value_high", "unit", "what", "qualifier", "source")}
            for f in store.figures(article=aid) if not (f["unit"] == "years" and f["what"] == "age")]
        rec["stances"] = [{"quote": q["text"], "start": q["start"], "end": q["end"], "speaker": q["speaker"],
                           "stance": q["stance"]}
                          for q in conn.execute('SELECT * FROM quotes WHERE article_id = ? ORDER BY start', (aid,))]
        rec["claims"] = []
        for c in claims:
            if c["article"] != aid:
                continue
            cid = c["id"].split(":", 1)[1] if ":" in c["id"] else c["id"]
            s0, s1 = span(cid, c["claim"], aid)
            if c["id"].startswith("figure:"):
                s0, s1 = span("", c["claim"], aid)
            out = {"claim": c["claim"], "start": s0, "end": s1, "claimant": c["claimant"], "stance": c["stance"],
                   "disputed_by": []}
            for d in c["disputed_by"]:
                d_article = quote_pos.get(d.get("id"), figure_pos.get(d.get("id"), (None, None, aid)))[2]
                d0, d1 = span(d.get("id") or "", d["claim"], d_article)
                if d.get("stance") == "counter-figure":
                    d0, d1 = span("", d["claim"], d_article)
                entry = {"claim": d["claim"], "start": d0, "end": d1, "claimant": d["claimant"], "stance": d["stance"]}
                if page_of_article(d_article) != pid:
                    entry["page"] = page_of_article(d_article)
                out["disputed_by"].append(entry)
            rec["claims"].append(out)
        rec["events"] = [
            {"type": e["type"], "mode": e["mode"], "actor": e["actor"], "actor_country": e["actor_country"],
             "recipient": e["recipient"], "place": e["place"], "country": e["country"], "date": e["date"],
             # the gold's one `size` is PLOVER's size object read for the type: participants, else the
             # people killed (ASSAULT) or arrested (COERCE)
             "size": e["size"] if e["size"] is not None else
             (e["dead"] if e["type"] == "ASSAULT" else e["arrested"] if e["type"] == "COERCE" else None),
             "evidence": e["evidence"], "start": e["start"], "end": e["end"],
             "event": event_group.get(e["id"], e["id"])}
            for e in conn.execute('SELECT * FROM events WHERE article_id = ? AND negated = 0 ORDER BY start', (aid,))]
        pages.setdefault(pid, {"id": pid, "articles": []})["articles"].append(rec)
    return list(pages.values())


def run(gold_path: Path, db: Path) -> list[dict]:
    gold = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    pages = [gold_path.parent / g["path"] for g in gold]
    page_ids = {str(p): g["id"] for p, g in zip(pages, gold)}
    with ingest(pages, db) as store:
        return predictions(store, page_ids)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", nargs="?", type=Path, default=DEFAULT_GOLD)
    ap.add_argument("--pred", type=Path, help="also write the predictions here (JSONL)")
    ap.add_argument("--json", action="store_true", help="print the scores as one JSON object")
    ap.add_argument("--errors", action="store_true", help="list every miss and false alarm")
    ap.add_argument("--check-determinism", action="store_true", help="ingest twice and compare")
    args = ap.parse_args(argv)
    import graph_score

    with tempfile.TemporaryDirectory() as tmp:
        pred = run(args.gold, Path(tmp) / "a.db")
        if args.check_determinism:
            again = run(args.gold, Path(tmp) / "b.db")
            if json.dumps(pred, sort_keys=True) != json.dumps(again, sort_keys=True):
                print("NOT deterministic: two ingestions of the same pages differ", file=sys.stderr)
                return 1
            print("deterministic: two ingestions gave identical records", file=sys.stderr)
    pred_path = args.pred or Path(tempfile.gettempdir()) / "newsgraph-graph-pred.jsonl"
    pred_path.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in pred), encoding="utf-8")
    score_argv = [str(args.gold), str(pred_path)] + (["--json"] if args.json else []) + \
        (["--errors"] if args.errors else [])
    return graph_score.main(score_argv) or 0


if __name__ == "__main__":
    sys.exit(main())
