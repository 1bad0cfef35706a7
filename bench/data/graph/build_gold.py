"""Build ``gold.jsonl`` for the knowledge-graph benchmark from the specs in ``graph_spec/``.

    python bench/data/graph/build_gold.py                 # writes bench/data/graph/gold.jsonl
    python bench/data/graph/build_gold.py --check         # fails if gold.jsonl is not up to date
    python bench/data/graph/build_gold.py --sentences karachi_ji   # sentences of a page, with offsets

The specs give every span as text plus an occurrence number within its article; this script finds
each one in the page (read as UTF-8, exactly as on disk), so ``text[start:end]`` always equals the
annotated string. An event's evidence is expanded to the whole sentence that contains it. Pure
Python, stdlib only.
"""
from __future__ import annotations

import argparse
import importlib
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
PAGES = HERE / "pages"
GOLD = HERE / "gold.jsonl"

# Page order in gold.jsonl (each name is a file in pages/ and a module in graph_spec/).
PAGE_IDS = [
    "karachi_ji", "pakistan_fo", "india_mea", "srilanka", "conflict",
    "africa", "dhaka_washington", "health_election", "economy_courts", "london",
]

CHROME = re.compile(r"^(Short Url|Follow|Updated \d{1,2} \w+ \d{4})\s*$")
# A sentence ends at . ! ? (optionally followed by a closing quote) before whitespace and a capital,
# digit or opening quote; every line break also ends one.
SENT_END = re.compile(r"(?<=[.!?])[\"”’']?(?=\s+[\"“A-Z0-9£$€])")


def lines_with_offsets(text: str):
    pos = 0
    for line in text.split("\n"):
        yield pos, line
        pos += len(line) + 1


def sentences(text: str, start: int = 0, end: int | None = None):
    """(start, end) of each sentence between start and end; bullets and lines are split apart."""
    end = len(text) if end is None else end
    out = []
    for lpos, line in lines_with_offsets(text):
        if lpos + len(line) <= start or lpos >= end:
            continue
        m = re.match(r"\s*(•\s*)?", line)
        s = lpos + m.end()
        stop = lpos + len(line.rstrip())
        if s >= stop:
            continue
        cur = s
        for b in SENT_END.finditer(text, s, stop):
            out.append((cur, b.end()))
            cur = b.end()
            while cur < stop and text[cur].isspace():
                cur += 1
        if cur < stop:
            out.append((cur, stop))
    return out


def segment(text: str, headlines: list[str]):
    """Article ranges and ignored zones (headline copies, chrome lines) for the headlines in order."""
    line_list = list(lines_with_offsets(text))
    starts = []
    for h in headlines:
        after = starts[-1] if starts else -1
        pos = next((p for p, line in line_list if line == h and p > after), None)
        if pos is None:
            raise ValueError(f"headline not found as a line: {h!r}")
        starts.append(pos)
    if starts[0] != 0:
        raise ValueError("the first headline must open the page")
    arts = []
    for i, h in enumerate(headlines):
        a_start, a_end = starts[i], (starts[i + 1] if i + 1 < len(starts) else len(text))
        while a_end > a_start and text[a_end - 1] == "\n" and i + 1 < len(starts):
            a_end -= 1
        ignore = [[p, p + len(line)] for p, line in line_list
                  if a_start <= p < a_end and (line == h or CHROME.match(line))]
        arts.append({"start": a_start, "end": a_end, "ignore": ignore})
    return arts


def find(text: str, needle: str, lo: int, hi: int, n: int, ignore, what: str):
    if not needle:
        raise ValueError(f"empty span for {what}")
    k = 0
    pos = text.find(needle, lo, hi)
    while pos != -1:
        end = pos + len(needle)
        # whole words only: "India" must not match inside "Indian"
        bounded = not ((needle[0].isalnum() and pos > 0 and text[pos - 1].isalnum())
                       or (needle[-1].isalnum() and end < len(text) and text[end].isalnum()))
        if bounded and not any(s <= pos and end <= e for s, e in ignore):
            k += 1
            if k == n:
                return pos, pos + len(needle)
        pos = text.find(needle, pos + 1, hi)
    raise ValueError(f"{what}: occurrence {n} of {needle!r} not found (found {k})")


def build_page(page_id: str, texts: dict[str, str]):
    spec = importlib.import_module(f"graph_spec.{page_id}")
    text = texts[page_id]
    arts = segment(text, [a["headline"] for a in spec.ARTICLES])
    out_articles = []
    for art, rng in zip(spec.ARTICLES, arts):
        lo, hi, ign = rng["start"], rng["end"], rng["ignore"]
        where = f"{page_id} / {art['headline'][:40]}"

        def span(rec, key):
            s, e = find(text, rec[key], lo, hi, rec.get("n", 1), ign, f"{where} {key}")
            out = {k: v for k, v in rec.items() if k != "n"}
            out["start"], out["end"] = s, e
            return out

        places = [span(p, "text") for p in art["places"]]
        dates = [span(d, "text") for d in art["dates"]]
        figures = [span(f, "text") for f in art["figures"]]
        stances = [span(s, "quote") for s in art["stances"]]
        claims = []
        for c in art["claims"]:
            rec = span(c, "claim")
            disputes = []
            for d in c["disputed_by"]:
                if d.get("page") and d["page"] != page_id:
                    other = texts[d["page"]]
                    s, e = find(other, d["claim"], 0, len(other), d.get("n", 1), [], f"{where} dispute")
                    dd = {k: v for k, v in d.items() if k != "n"}
                    dd["start"], dd["end"] = s, e
                else:
                    dd = span({k: v for k, v in d.items() if k != "page"}, "claim")
                disputes.append(dd)
            rec["disputed_by"] = disputes
            claims.append(rec)
        events = []
        sents = sentences(text, lo, hi)
        for ev in art["events"]:
            s, e = find(text, ev["evidence"], lo, hi, ev.get("n", 1), ign, f"{where} event")
            sent = [(a, b) for a, b in sents if a <= s and e <= b]
            if len(sent) != 1:
                raise ValueError(f"{where}: event evidence {ev['evidence']!r} is not inside one sentence")
            a, b = sent[0]
            rec = {k: v for k, v in ev.items() if k not in ("n", "evidence")}
            rec["evidence"], rec["start"], rec["end"] = text[a:b], a, b
            events.append(rec)
        out_articles.append({
            "headline": art["headline"], "date": art["date"], "start": lo, "end": hi, "ignore": ign,
            "entities": art["entities"], "places": places, "dates": dates, "figures": figures,
            "stances": stances, "claims": claims, "events": events,
        })
    return {"id": page_id, "path": f"pages/{page_id}.txt", "articles": out_articles}


def build():
    if str(HERE) not in sys.path:
        sys.path.insert(0, str(HERE))
    texts = {p: (PAGES / f"{p}.txt").read_text(encoding="utf-8") for p in PAGE_IDS}
    return [build_page(p, texts) for p in PAGE_IDS]


def dump(pages) -> str:
    return "".join(json.dumps(p, ensure_ascii=False) + "\n" for p in pages)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="fail if gold.jsonl differs from the specs")
    ap.add_argument("--sentences", metavar="PAGE", help="print the sentences of a page with offsets")
    args = ap.parse_args(argv)
    if args.sentences:
        text = (PAGES / f"{args.sentences}.txt").read_text(encoding="utf-8")
        for a, b in sentences(text):
            print(f"{a:5d} {b:5d}  {text[a:b]}")
        return 0
    out = dump(build())
    if args.check:
        if not GOLD.exists() or GOLD.read_text(encoding="utf-8") != out:
            print("gold.jsonl is out of date: run build_gold.py", file=sys.stderr)
            return 1
        print("gold.jsonl is up to date")
        return 0
    GOLD.write_text(out, encoding="utf-8")
    pages = json.loads("[" + ",".join(out.splitlines()) + "]")
    n_art = sum(len(p["articles"]) for p in pages)
    print(f"wrote {GOLD} ({len(pages)} pages, {n_art} articles)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
