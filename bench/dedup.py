"""Near-duplicate detection against the BBC corpus's own list of duplicates.

    python bench/dedup.py [../shared/data/corpus/bbc-news-fulltext]

The corpus lists, in ``duplicates.tsv``, 133 articles whose body repeats an earlier one (98 with the same
title, 35 with a slightly different one). Every article goes through :class:`newsgraph.dedup.NearDuplicates`
(default threshold); a listed duplicate is found when it lands in the cluster of its first article.
The pairs (member, canonical) the clustering gives that the list does not name are counted with their exact
word 5-shingle Jaccard (``--show`` prints their openings, to read: the list has identical bodies only, so
updated versions of a story are not in it). Also prints the time, beside shingling alone.
"""
from __future__ import annotations

import csv
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from newsgraph.dedup import NearDuplicates, jaccard, shingle_hashes  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = [a for a in argv if not a.startswith("--")]
    root = Path(args[0]) if args else HERE.parent.parent / "shared" / "data" / "corpus" / "bbc-news-fulltext"
    texts = {}
    for line in (root / "articles.jsonl").open(encoding="utf-8"):
        d = json.loads(line)
        texts[d["id"]] = d["text"]
    listed = [(r["duplicate_id"], r["first_id"]) for r in csv.DictReader((root / "duplicates.tsv").open(), delimiter="\t")]
    t = time.perf_counter()
    for k, v in texts.items():
        shingle_hashes(v)
    hash_s = time.perf_counter() - t
    t = time.perf_counter()
    nd = NearDuplicates()
    for k, v in texts.items():
        nd.add(k, v)
    clusters = nd.clusters(min_size=2)
    secs = time.perf_counter() - t
    cluster_of = {m: c.canonical for c in clusters for m in c.members}
    found = sum(1 for dup, first in listed if dup in cluster_of and cluster_of[dup] == cluster_of.get(first))
    pairs = [(m, c.canonical) for c in clusters for m in c.members if m != c.canonical]
    listed_set = {frozenset(p) for p in listed}
    unlisted = [jaccard(shingle_hashes(texts[a]), shingle_hashes(texts[b])) for a, b in pairs
                if frozenset((a, b)) not in listed_set]
    by_kind = {}
    for r in csv.DictReader((root / "duplicates.tsv").open(), delimiter="\t"):
        ok = r["duplicate_id"] in cluster_of and cluster_of[r["duplicate_id"]] == cluster_of.get(r["first_id"])
        k = by_kind.setdefault(r["kind"], [0, 0])
        k[0] += ok
        k[1] += 1
    print(f"{len(texts)} articles, {len(listed)} listed duplicates, {len(clusters)} clusters, {len(pairs)} pairs")
    print(f"recall of listed duplicates: {found}/{len(listed)} = {found / len(listed):.3f}")
    for kind, (ok, n) in by_kind.items():
        print(f"  {kind}: {ok}/{n}")
    if unlisted:
        print(f"pairs the list does not name: {len(unlisted)} (exact Jaccard {min(unlisted):.2f} to {max(unlisted):.2f}: "
              f"updated versions of one story; read them with --show)")
    print(f"time: {secs:.2f} s (shingling alone {hash_s:.2f} s)")
    print(json.dumps({"recall": round(found / len(listed), 3), "unlisted_pairs": len(unlisted),
                      "seconds": round(secs, 2)}))
    if "--show" in argv:
        for a, b in [(a, b) for a, b in pairs if frozenset((a, b)) not in listed_set]:
            print(f"{a} ~ {b}: {texts[a][:70]!r} | {texts[b][:70]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
