"""Bulk-load rate into PostgreSQL: the Parquet output of a cluster run loaded with COPY
(``newsgraph load`` / :func:`newsgraph.store.postgres.bulk_load`), beside the baseline of storing the same
documents one transaction each through ``PostgresStore.add`` (what ``newsgraph ingest --db postgresql://``
does), in the same command, into two fresh databases of one throwaway server.

    python bench/bulk_load.py [CORPUS.jsonl] [--limit N]

The extraction runs once (Ray Data, local mode, 2 workers) and is not timed; both timed sides write
the same records. Prints rows/s of each and their ratio.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE.parent / "tests"))

DEFAULT = HERE.parent.parent / "shared" / "data" / "polnear" / "train.jsonl"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--limit", type=int, default=200)
    args = ap.parse_args(argv)

    from test_postgres import Server  # the throwaway server of the tests (initdb + pg_ctl in a temp dir)

    from newsgraph.cluster.job import run
    from newsgraph.pipeline import process_many
    from newsgraph.readers import ReadError, read_paths
    from newsgraph.store.postgres import PostgresStore, bulk_load

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        with open(args.corpus, encoding="utf-8") as src, open(corpus, "w", encoding="utf-8") as dst:
            for i, line in enumerate(src):
                if i >= args.limit:
                    break
                dst.write(line)
        out = Path(tmp) / "out"
        run([str(corpus)], str(out), workers=2, quiet=True)
        docs = [d for d in read_paths([str(corpus)]) if not isinstance(d, ReadError)]
        results = [(d, r) for d, r in process_many(docs) if not isinstance(r, Exception)]

        server = Server()
        try:
            with PostgresStore(server.new_database()) as store:
                t = time.perf_counter()
                counts = bulk_load(out, store)
                bulk_s = time.perf_counter() - t
            rows = sum(counts.values())
            with PostgresStore(server.new_database()) as store:
                t = time.perf_counter()
                for d, arts in results:
                    store.add(d, arts)
                add_s = time.perf_counter() - t
        finally:
            server.stop()
    print(f"{len(results)} documents, {rows:,} rows ({', '.join(f'{v} {k}' for k, v in counts.items() if v)})")
    print(f"bulk load (COPY from Parquet)   {bulk_s:7.2f} s  {rows / bulk_s:10,.0f} rows/s")
    print(f"Store.add, one document a time  {add_s:7.2f} s  {rows / add_s:10,.0f} rows/s")
    print(f"ratio bulk / add: {add_s / bulk_s:.2f}")
    print(json.dumps({"documents": len(results), "rows": rows, "bulk_rows_per_s": round(rows / bulk_s),
                      "add_rows_per_s": round(rows / add_s), "ratio": round(add_s / bulk_s, 2)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
