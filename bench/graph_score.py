"""Score knowledge-graph predictions against the gold set in bench/data/graph/gold.jsonl.

    python bench/graph_score.py GOLD PRED [--errors] [--json]

GOLD and PRED are JSON Lines, one page per line, in the same format:

    {"id": "<page id>", "path": "pages/<file>.txt", "articles": [
        {"headline": str, "date": "YYYY-MM-DD" | null,
         "entities": [{"name", "kind", "aliases", "roles", "organization", "country", "id"}],
         "places":   [{"text", "start", "end", "name", "country", "kind", "metonymy", "dateline"}],
         "dates":    [{"text", "start", "end", "date"}],
         "figures":  [{"text", "start", "end", "value", "value_high", "unit", "what", "qualifier", "source"}],
         "stances":  [{"quote", "start", "end", "speaker", "stance"}],
         "claims":   [{"claim", "start", "end", "claimant", "stance",
                       "disputed_by": [{"claim", "start", "end", "claimant", "stance", "page"?}]}],
         "events":   [{"type", "mode", "actor", "actor_country", "recipient", "place", "country",
                       "date", "size", "evidence", "start", "end", "event"}]}]}

Offsets are character offsets into the whole page text. Missing keys in PRED read as null/empty.

How records are matched (always one-to-one, best candidates first):
- pages by id; articles by normalised headline (case, quotes, dashes, spacing and punctuation ignored).
  Records of a predicted article with no gold counterpart are all false positives.
- entities: same kind and a case-insensitive name-or-alias match (either side's name or aliases).
- places: per article, one unit per distinct place: a predicted place (its entries grouped by name) matches
  a gold place when the names are equal, a predicted name equals a gold surface form, or any of their
  spans overlap. Then country accuracy over matched places. Metonymy is scored separately, per mention:
  predicted entries with metonymy true against gold ones, by span overlap.
- dates, figures, stances: span overlap; then date accuracy (a coarse gold date "2023" or "2024-09" is
  also right when the predicted date begins with it), figure value (within 1%; value_high too when gold
  has one), unit, qualifier (synonyms folded: over/above/more than, about/around/some/roughly,
  nearly/almost, fewer than/less than/under, up to/within/at most) and source, stance and speaker.
  Person names match when equal, when one contains the other, or when the surnames (last words) agree.
- claims: every (claim, disputing statement) pair, corpus-wide and unordered; a predicted pair matches
  when both of its spans overlap the two gold spans (same pages).
- events: same PLOVER type and overlapping evidence span; then accuracy of mode, actor, recipient, place,
  country, date and size. Actor, recipient and place match when one contains the other's head word
  (its last word, case-insensitive, possessive 's dropped).
- cross-article identity: over all matched entity records, pairwise precision and recall of the
  predicted "id" clustering against gold "id"s; the same for events and their "event" keys.

Gold records marked "optional": true are neither rewarded nor punished. Predicted span records that lie
inside a gold article's "ignore" zones (the repeated headline lines and site chrome) are dropped.
Field accuracies count only matched records (n is given beside each). Pure Python, stdlib only.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import defaultdict
from itertools import combinations

TYPES = ["entities", "places", "metonymy", "dates", "figures", "stances", "claims", "events"]

QUALIFIER_CLASSES = [
    {"more than", "over", "above", "in excess of"},
    {"about", "around", "some", "roughly", "approximately", "an estimated", "estimated", "nearly about"},
    {"nearly", "almost", "close to"},
    {"fewer than", "less than", "under", "below"},
    {"at least"},
    {"up to", "within", "at most", "no more than"},
]
UNIT_ALIASES = {"%": "percent", "per cent": "percent", "pct": "percent", "percentage": "percent",
                "pp": "percentage points", "bp": "basis points", "bps": "basis points",
                "hour": "hours", "day": "days", "year": "years", "month": "months", "tonne": "tonnes",
                "tons": "tonnes", "ton": "tonnes"}


# ---------------------------------------------------------------- normalisation helpers

def norm_text(s) -> str:
    """Case-folded text with typographic quotes/dashes unified, punctuation at the edges dropped."""
    if s is None:
        return ""
    s = unicodedata.normalize("NFKC", str(s))
    s = s.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    s = s.replace("–", "-").replace("—", "-").casefold()
    s = re.sub(r"\s+", " ", s).strip()
    s = re.sub(r"^the ", "", s)
    return s.strip(" .,;:!?\"'()[]")


def norm_headline(s) -> str:
    return re.sub(r"[^0-9a-z]+", " ", norm_text(s)).strip()


def tokens(s) -> list[str]:
    out = []
    for t in re.findall(r"[0-9a-z][0-9a-z\-']*", norm_text(s)):
        t = re.sub(r"'s?$", "", t)
        if t:
            out.append(t)
    return out


def head_match(gold, pred) -> bool:
    """Actor/recipient/place: both empty, or one contains the other's head (last) word."""
    if not gold and not pred:
        return True
    if not gold or not pred:
        return False
    g, p = tokens(gold), tokens(pred)
    if not g or not p:
        return norm_text(gold) == norm_text(pred)
    return g[-1] in p or p[-1] in g


def name_match(gold, pred) -> bool:
    """Speakers and sources: equal, one contains the other, or same surname."""
    if not gold and not pred:
        return True
    if not gold or not pred:
        return False
    g, p = norm_text(gold), norm_text(pred)
    if g == p or (g and p and (re.search(rf"\b{re.escape(g)}\b", p) or re.search(rf"\b{re.escape(p)}\b", g))):
        return True
    gt, pt = tokens(gold), tokens(pred)
    return bool(gt and pt and gt[-1] == pt[-1])


def norm_qualifier(q):
    q = norm_text(q)
    if not q:
        return None
    for i, cls in enumerate(QUALIFIER_CLASSES):
        if q in cls:
            return f"class{i}"
    return q


def norm_unit(u):
    u = norm_text(u)
    if not u:
        return None
    u = UNIT_ALIASES.get(u, u)
    return u.upper() if re.fullmatch(r"[a-z]{3}", u) and u not in ("km",) else u


def number(v):
    try:
        return None if v is None else float(v)
    except (TypeError, ValueError):
        return None


def num_match(gold, pred, tol=0.01) -> bool:
    g, p = number(gold), number(pred)
    if g is None or p is None:
        return g is None and p is None
    return abs(g - p) <= tol * max(abs(g), 1e-9)


def date_match(gold, pred) -> bool:
    if not gold and not pred:
        return True
    if not gold or not pred:
        return False
    gold, pred = str(gold), str(pred)
    return pred == gold or (len(gold) < 10 and pred.startswith(gold))


def overlap(a, b) -> float:
    """Overlap of two (start, end) spans as a share of the longer one (0 when disjoint)."""
    try:
        s1, e1, s2, e2 = int(a[0]), int(a[1]), int(b[0]), int(b[1])
    except (TypeError, ValueError, IndexError):
        return 0.0
    inter = min(e1, e2) - max(s1, s2)
    if inter <= 0:
        return 0.0
    return inter / max(e1 - s1, e2 - s2, 1)


def span(rec):
    return (rec.get("start"), rec.get("end"))


# ---------------------------------------------------------------- matching and counting

def greedy(gold, pred, score):
    """One-to-one matching: highest score first. Returns [(gi, pi)], unmatched gold, unmatched pred."""
    cands = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            s = score(g, p)
            if s > 0:
                cands.append((-s, gi, pi))
    cands.sort()
    used_g, used_p, pairs = set(), set(), []
    for _, gi, pi in cands:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return (pairs, [i for i in range(len(gold)) if i not in used_g],
            [i for i in range(len(pred)) if i not in used_p])


class Tally:
    def __init__(self):
        self.tp = self.fp = self.fn = 0
        self.fields = defaultdict(lambda: [0, 0])  # field -> [right, total]

    def field(self, name, ok):
        self.fields[name][0] += int(bool(ok))
        self.fields[name][1] += 1

    def result(self):
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else None
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else None
        f = 2 * p * r / (p + r) if p and r else (0.0 if p is not None and r is not None else None)
        out = {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": p, "recall": r, "f1": f}
        for name, (right, total) in sorted(self.fields.items()):
            out[f"{name}_acc"] = right / total if total else None
            out[f"{name}_n"] = total
        return out


def pairwise(pairs):
    """Pairwise precision/recall of predicted clusters against gold clusters over matched items."""
    same_g = same_p = both = 0
    for (g1, p1), (g2, p2) in combinations(pairs, 2):
        sg = g1 is not None and g1 == g2
        sp = p1 is not None and p1 == p2
        same_g += sg
        same_p += sp
        both += sg and sp
    p = both / same_p if same_p else None
    r = both / same_g if same_g else None
    f = 2 * p * r / (p + r) if p and r else (0.0 if p is not None and r is not None else None)
    return {"pairs_gold": same_g, "pairs_pred": same_p, "pairs_both": both, "precision": p, "recall": r,
            "f1": f, "items": len(pairs)}


class Scorer:
    def __init__(self, errors=False):
        self.t = {k: Tally() for k in TYPES}
        self.entity_ids = []   # (gold id, pred id) per matched entity
        self.event_ids = []    # (gold key, pred key) per matched event
        self.gold_claims = []  # ((page, s, e), (page, s, e))
        self.pred_claims = []
        self.errors = [] if errors else None
        self.where = ""

    def err(self, kind, msg):
        if self.errors is not None:
            self.errors.append(f"{self.where}: {kind}: {msg}")

    # generic span-record scoring ------------------------------------------------------------
    def _span_records(self, kind, gold, pred, ignore, fields, label):
        pred = [p for p in pred if not in_ignore(p, ignore)]

        def score(g, p):
            ov = overlap(span(g), span(p))
            if not ov:
                return 0
            return ov + 0.01 * sum(bool(f(g, p)) for _, f in fields)

        pairs, un_g, un_p = greedy(gold, pred, score)
        t = self.t[kind]
        for gi, pi in pairs:
            g, p = gold[gi], pred[pi]
            if g.get("optional"):
                continue
            t.tp += 1
            for name, f in fields:
                ok = f(g, p)
                t.field(name, ok)
                if not ok:
                    self.err(kind, f"{name} wrong for {label(g)!r}: gold {g.get(name)!r}, "
                                   f"pred {p.get(name)!r}")
        for gi in un_g:
            if not gold[gi].get("optional"):
                t.fn += 1
                self.err(kind, f"missed {label(gold[gi])!r}")
        for pi in un_p:
            t.fp += 1
            self.err(kind, f"spurious {label(pred[pi])!r}")
        return pairs

    # per article --------------------------------------------------------------------------
    def article(self, page_id, gold, pred):
        gold = gold or {}
        pred = pred or {}
        ignore = gold.get("ignore") or []
        self.where = f"{page_id} / {(gold or pred).get('headline', '')[:50]}"
        self.entities(gold.get("entities") or [], pred.get("entities") or [])
        self.places(gold.get("places") or [], pred.get("places") or [], ignore)
        self._span_records("dates", gold.get("dates") or [], pred.get("dates") or [], ignore,
                           [("date", lambda g, p: date_match(g.get("date"), p.get("date")))],
                           lambda r: r.get("text") or f"[{r.get('start')}:{r.get('end')}]")
        self._span_records("figures", gold.get("figures") or [], pred.get("figures") or [], ignore, [
            ("value", lambda g, p: num_match(g.get("value"), p.get("value"))
             and (g.get("value_high") is None or num_match(g.get("value_high"), p.get("value_high")))),
            ("unit", lambda g, p: norm_unit(g.get("unit")) == norm_unit(p.get("unit"))),
            ("qualifier", lambda g, p: norm_qualifier(g.get("qualifier")) == norm_qualifier(p.get("qualifier"))),
            ("source", lambda g, p: name_match(g.get("source"), p.get("source"))),
        ], lambda r: r.get("text") or f"[{r.get('start')}:{r.get('end')}]")
        self._span_records("stances", gold.get("stances") or [], pred.get("stances") or [], ignore, [
            ("stance", lambda g, p: norm_text(g.get("stance")) == norm_text(p.get("stance"))),
            ("speaker", lambda g, p: name_match(g.get("speaker"), p.get("speaker"))),
        ], lambda r: (r.get("quote") or r.get("text") or f"[{r.get('start')}:{r.get('end')}]")[:60])
        self.events(gold.get("events") or [], pred.get("events") or [], ignore)
        for rec, lst in ((gold, self.gold_claims), (pred, self.pred_claims)):
            for c in rec.get("claims") or []:
                for d in c.get("disputed_by") or []:
                    lst.append(((page_id, c.get("start"), c.get("end")),
                                (d.get("page") or page_id, d.get("start"), d.get("end")),
                                c.get("claim"), d.get("claim")))

    def entities(self, gold, pred):
        def forms(e):
            return {norm_text(x) for x in [e.get("name")] + list(e.get("aliases") or []) if norm_text(x)}

        def score(g, p):
            if norm_text(g.get("kind")) != norm_text(p.get("kind")):
                return 0
            common = forms(g) & forms(p)
            if not common:
                return 0
            return 1 + (norm_text(g.get("name")) == norm_text(p.get("name")))

        pairs, un_g, un_p = greedy(gold, pred, score)
        t = self.t["entities"]
        for gi, pi in pairs:
            g, p = gold[gi], pred[pi]
            if g.get("optional"):
                continue
            t.tp += 1
            ok = (g.get("country") or None) == (p.get("country") or None)
            t.field("country", ok)
            if not ok:
                self.err("entities", f"country wrong for {g['name']!r}: gold {g.get('country')!r}, "
                                     f"pred {p.get('country')!r}")
            self.entity_ids.append((g.get("id"), p.get("id")))
        for gi in un_g:
            if not gold[gi].get("optional"):
                t.fn += 1
                self.err("entities", f"missed {gold[gi].get('name')!r}")
        for pi in un_p:
            t.fp += 1
            self.err("entities", f"spurious {pred[pi].get('name')!r}")

    def places(self, gold, pred, ignore):
        pred = [p for p in pred if not in_ignore(p, ignore)]

        def units(recs):
            out = {}
            for r in recs:
                key = norm_text(r.get("name") or r.get("text"))
                u = out.setdefault(key, {"name": key, "forms": {key}, "spans": [], "recs": []})
                u["forms"].add(norm_text(r.get("text")))
                u["spans"].append(span(r))
                u["recs"].append(r)
            return list(out.values())

        gu, pu = units(gold), units(pred)

        def score(g, p):
            if g["name"] == p["name"]:
                return 3
            if p["name"] in g["forms"] or g["name"] in p["forms"]:
                return 2
            if any(overlap(a, b) for a in g["spans"] for b in p["spans"]):
                return 1
            return 0

        pairs, un_g, un_p = greedy(gu, pu, score)
        t = self.t["places"]
        for gi, pi in pairs:
            g, p = gu[gi], pu[pi]
            if all(r.get("optional") for r in g["recs"]):
                continue
            t.tp += 1
            gc = g["recs"][0].get("country")
            pc = p["recs"][0].get("country")
            t.field("country", (gc or None) == (pc or None))
            if (gc or None) != (pc or None):
                self.err("places", f"country wrong for {g['name']!r}: gold {gc!r}, pred {pc!r}")
        for gi in un_g:
            if not all(r.get("optional") for r in gu[gi]["recs"]):
                t.fn += 1
                self.err("places", f"missed {gu[gi]['name']!r}")
        for pi in un_p:
            t.fp += 1
            self.err("places", f"spurious {pu[pi]['name']!r}")
        # metonymy, per mention
        gm = [r for r in gold if r.get("metonymy")]
        pm = [r for r in pred if r.get("metonymy")]
        mpairs, mun_g, mun_p = greedy(gm, pm, lambda g, p: overlap(span(g), span(p)))
        m = self.t["metonymy"]
        for gi, _ in mpairs:
            if not gm[gi].get("optional"):
                m.tp += 1
        for gi in mun_g:
            if not gm[gi].get("optional"):
                m.fn += 1
                self.err("metonymy", f"missed {gm[gi].get('text')!r} at {gm[gi].get('start')}")
        for pi in mun_p:
            # a predicted metonymy on a gold optional (non-metonymic) mention is not punished
            if any(overlap(span(pm[pi]), span(g)) and g.get("optional") for g in gold):
                continue
            m.fp += 1
            self.err("metonymy", f"spurious {pm[pi].get('text')!r} at {pm[pi].get('start')}")

    def events(self, gold, pred, ignore):
        pred = [p for p in pred if not in_ignore(p, ignore)]
        fields = [
            ("mode", lambda g, p: norm_text(g.get("mode")) == norm_text(p.get("mode"))),
            ("actor", lambda g, p: head_match(g.get("actor"), p.get("actor"))),
            ("recipient", lambda g, p: head_match(g.get("recipient"), p.get("recipient"))),
            ("place", lambda g, p: head_match(g.get("place"), p.get("place"))),
            ("country", lambda g, p: (g.get("country") or None) == (p.get("country") or None)),
            ("date", lambda g, p: date_match(g.get("date"), p.get("date"))),
            ("size", lambda g, p: num_match(g.get("size"), p.get("size"))),
        ]

        def score(g, p):
            if norm_text(g.get("type")).upper() != norm_text(p.get("type")).upper():
                return 0
            ov = overlap(span(g), span(p))
            if not ov:
                return 0
            return 1 + ov + sum(bool(f(g, p)) for _, f in fields) / len(fields)

        pairs, un_g, un_p = greedy(gold, pred, score)
        t = self.t["events"]
        for gi, pi in pairs:
            g, p = gold[gi], pred[pi]
            if g.get("optional"):
                continue
            t.tp += 1
            for name, f in fields:
                ok = f(g, p)
                t.field(name, ok)
                if not ok:
                    self.err("events", f"{g['type']} {name} wrong ({g.get('evidence', '')[:40]!r}): "
                                       f"gold {g.get(name)!r}, pred {p.get(name)!r}")
            self.event_ids.append((g.get("event"), p.get("event")))
        for gi in un_g:
            if not gold[gi].get("optional"):
                t.fn += 1
                self.err("events", f"missed {gold[gi].get('type')} in {gold[gi].get('evidence', '')[:60]!r}")
        for pi in un_p:
            t.fp += 1
            self.err("events", f"spurious {pred[pi].get('type')} in {(pred[pi].get('evidence') or '')[:60]!r}")

    def claims(self):
        def dedupe(lst):
            seen, out = set(), []
            for a, b, ta, tb in lst:
                key = frozenset([tuple(a), tuple(b)])
                if key not in seen:
                    seen.add(key)
                    out.append((a, b, ta, tb))
            return out

        gold, pred = dedupe(self.gold_claims), dedupe(self.pred_claims)

        def sp_overlap(x, y):
            return overlap(x[1:], y[1:]) if x[0] == y[0] else 0

        def score(g, p):
            straight = min(sp_overlap(g[0], p[0]), sp_overlap(g[1], p[1]))
            crossed = min(sp_overlap(g[0], p[1]), sp_overlap(g[1], p[0]))
            return max(straight, crossed)

        pairs, un_g, un_p = greedy(gold, pred, score)
        t = self.t["claims"]
        t.tp += len(pairs)
        t.fn += len(un_g)
        t.fp += len(un_p)
        self.where = "claims"
        for gi in un_g:
            self.err("claims", f"missed pair {str(gold[gi][2])[:40]!r} <-> {str(gold[gi][3])[:40]!r}")
        for pi in un_p:
            self.err("claims", f"spurious pair {str(pred[pi][2])[:40]!r} <-> {str(pred[pi][3])[:40]!r}")

    def result(self):
        out = {k: self.t[k].result() for k in TYPES}
        out["entity_identity"] = pairwise(self.entity_ids)
        out["event_identity"] = pairwise(self.event_ids)
        return out


def in_ignore(rec, ignore) -> bool:
    s, e = span(rec)
    try:
        s, e = int(s), int(e)
    except (TypeError, ValueError):
        return False
    return any(a <= s and e <= b for a, b in ignore)


# ---------------------------------------------------------------- entry points

def load(path):
    pages = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rec = json.loads(line)
                pages[rec["id"]] = rec
    return pages


def score(gold_pages: dict, pred_pages: dict, errors=False):
    """Score pred against gold (both {page id: page record}). Returns (result dict, error lines)."""
    sc = Scorer(errors=errors)
    for pid in list(gold_pages) + [p for p in pred_pages if p not in gold_pages]:
        g_arts = (gold_pages.get(pid) or {}).get("articles") or []
        p_arts = (pred_pages.get(pid) or {}).get("articles") or []
        p_by_head = defaultdict(list)
        for a in p_arts:
            p_by_head[norm_headline(a.get("headline"))].append(a)
        for ga in g_arts:
            cands = p_by_head.get(norm_headline(ga.get("headline")))
            pa = cands.pop(0) if cands else None
            if pa is None and errors:
                sc.errors.append(f"{pid}: no predicted article for {ga.get('headline')!r}")
            sc.article(pid, ga, pa)
        for rest in p_by_head.values():
            for pa in rest:
                if errors:
                    sc.errors.append(f"{pid}: predicted article with no gold: {pa.get('headline')!r}")
                sc.article(pid, None, pa)
    sc.claims()
    return sc.result(), (sc.errors or [])


def fmt(x):
    return "   -  " if x is None else f"{x:6.3f}"


def table(res) -> str:
    lines = [f"{'record':<16}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}   field accuracy (n)"]
    for k in TYPES:
        r = res[k]
        accs = "  ".join(f"{key[:-4]} {r[key]:.2f} ({r[key[:-4] + '_n']})" for key in r
                         if key.endswith("_acc") and r[key] is not None)
        lines.append(f"{k:<16}{fmt(r['precision'])}{fmt(r['recall'])}{fmt(r['f1'])}"
                     f"{r['tp']:>6}{r['fp']:>6}{r['fn']:>6}   {accs}")
    for k in ("entity_identity", "event_identity"):
        r = res[k]
        lines.append(f"{k:<16}{fmt(r['precision'])}{fmt(r['recall'])}{fmt(r['f1'])}"
                     f"   pairs gold {r['pairs_gold']}, pred {r['pairs_pred']}, both {r['pairs_both']}"
                     f" over {r['items']} matched records")
    return "\n".join(lines)


def main(argv=None):
    ap = argparse.ArgumentParser(description="Score knowledge-graph predictions (see module docstring).")
    ap.add_argument("gold")
    ap.add_argument("pred")
    ap.add_argument("--errors", action="store_true", help="list every miss, spurious record and wrong field")
    ap.add_argument("--json", action="store_true", help="print one JSON object instead of the table")
    args = ap.parse_args(argv)
    res, errs = score(load(args.gold), load(args.pred), errors=args.errors)
    if args.json:
        print(json.dumps(res, sort_keys=True))
    else:
        print(table(res))
    if args.errors:
        print("\n".join(errs), file=sys.stderr if args.json else sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
