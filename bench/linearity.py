"""How extraction time grows with page size, on generated pages (no shared data needed).

    python bench/linearity.py [--sizes 0.05,0.1,0.2,0.4] [--kinds quotes,unbalanced,attributed]

For each kind of page it times ``newsgraph.extract`` at each size and prints the seconds per MB;
``growth`` is the seconds per MB at the largest size divided by that at the smallest, in the same
process: about 1 for linear time, about the size ratio for quadratic time. The last line is JSON.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import newsgraph  # noqa: E402

LINES = {
    "quotes": ["\u201cWe will keep going, day {i}, whatever it costs and whoever stands in the way.\u201d"],
    "unbalanced": ["\u201cAn opening mark with no end, number {i}, and \u201d a stray close \" straight \" \u201c again",
                   "'single ' quotes' and apostrophes: Pakistan's '90s traders' \u2018half {i}"],
    "attributed": ["\u201cWe will keep going, number {i},\u201d said Minister Jane Doe{k}. "
                   "She added that the plan was \u201con track\u201d, according to officials."],
}


def page(kind: str, size: int) -> str:
    out, total, i = ["A generated page\n\n"], 0, 0
    lines = LINES[kind]
    while total < size:
        line = lines[i % len(lines)].format(i=i, k=i % 40) + "\n"
        out.append(line)
        total += len(line)
        i += 1
    return "".join(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="0.05,0.1,0.2,0.4", help="page sizes in MB")
    ap.add_argument("--kinds", default="quotes,unbalanced,attributed")
    a = ap.parse_args()
    sizes = [float(s) for s in a.sizes.split(",")]
    newsgraph.extract("Warm-up: \u201cHello,\u201d she said.")
    result = {}
    for kind in a.kinds.split(","):
        per_mb = []
        for mb in sizes:
            text = page(kind, int(mb * 1_000_000))
            t0 = time.perf_counter()
            arts = newsgraph.extract(text)
            dt = time.perf_counter() - t0
            n = sum(len(x.quotes) for x in arts)
            per_mb.append(dt / mb)
            print(f"{kind:11} {mb:6.2f} MB {dt:8.2f} s {dt / mb:8.2f} s/MB {n:7d} quotes", flush=True)
        result[kind] = {"sizes_mb": sizes, "s_per_mb": [round(x, 3) for x in per_mb],
                        "growth": round(per_mb[-1] / per_mb[0], 2)}
    print(json.dumps(result))


if __name__ == "__main__":
    main()
