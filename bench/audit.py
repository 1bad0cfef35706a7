#!/usr/bin/env python3
"""A random sample of extracted quotes from a corpus with no gold, for judging by hand.

    python bench/audit.py CORPUS.jsonl [--seed 31] [--docs 60] [--n 50] [--jsonl OUT]

Draws ``--docs`` articles at random (``--seed``), runs ``newsgraph.extract`` on each ``text``
and prints ``--n`` of the quotes found, drawn at random, each with the sentence around it, its
type, cue, speaker, role and speaker phrase, so that a reader can mark each one right or wrong
(right: the span is something the speaker said, thought or reported, and the speaker is who
said it). This is how precision is measured on articles nobody annotated: the BBC corpus in
``../shared/data/corpus`` was never used to write or tune a rule. ``--jsonl`` also writes the
sample, one quote per line, for keeping the judgements beside it.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def sample(lines: list[str], seed: int, docs: int, n: int) -> tuple[list[dict], int, int]:
    from newsgraph import extract

    rng = random.Random(seed)
    picked = [json.loads(line) for line in rng.sample(lines, min(docs, len(lines)))]
    found = []
    for d in picked:
        text = d["text"]
        for article in extract(text, source=d.get("id")):
            for q in article.quotes:
                lo = min(x for x in (q.start, q.cue_start, q.speaker_phrase_start, q.speaker_start) if x is not None)
                hi = max(x for x in (q.end, q.cue_end) if x is not None)
                found.append({
                    "doc": d.get("id"), "type": q.type, "cue": q.cue, "speaker": q.speaker,
                    "role": q.speaker_role, "speaker_phrase": q.speaker_phrase, "quote": q.text,
                    "start": q.start, "end": q.end,
                    "context": " ".join(text[max(0, lo - 200):hi + 80].split()),
                })
    rng = random.Random(seed + 1)
    return rng.sample(found, min(n, len(found))), len(found), len(picked)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus")
    ap.add_argument("--seed", type=int, default=31)
    ap.add_argument("--docs", type=int, default=60)
    ap.add_argument("--n", type=int, default=50)
    ap.add_argument("--jsonl", help="also write the sample here")
    a = ap.parse_args()
    with open(a.corpus, encoding="utf-8") as f:
        lines = [line for line in f if line.strip()]
    quotes, total, docs = sample(lines, a.seed, a.docs, a.n)
    for i, q in enumerate(quotes, 1):
        print(f"--- {i}. {q['doc']} | {q['type']} | cue: {q['cue']} | speaker: {q['speaker']} | role: {q['role']} "
              f"| phrase: {q['speaker_phrase']}")
        print(f"    context: {q['context']}")
        print(f"    quote  : {q['quote']}")
    if a.jsonl:
        with open(a.jsonl, "w", encoding="utf-8") as f:
            for q in quotes:
                f.write(json.dumps(q, ensure_ascii=False) + "\n")
    print(f"{len(quotes)} of {total} quotes found in {docs} articles (seed {a.seed})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
