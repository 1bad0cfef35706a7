"""Matching rules for the quote-pattern tests, and a checker for the gold cases.

``trimmed``, ``norm_name``, ``speaker_ok``, ``gold_spans`` and ``match`` are copied
from the shared scorer (``shared/bench/score_quotes.py``) so that the tests judge
predictions exactly as the benchmark does, without importing anything from
outside the repository at test time.

Run as a script to check gold files (every ``quote`` an exact substring of ``text``,
required fields, valid types, unique ids)::

    python tests/quote_matching.py tests/data/quote_cases/*.jsonl
"""
from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any, Iterable

CASES_DIR = Path(__file__).parent / "data" / "quote_cases"

# --- copied from shared/bench/score_quotes.py ------------------------------------------

TRIM = " \t\n\"'\u201c\u201d\u2018\u2019\u00ab\u00bb.,;:!?\u2014-"
TITLES = {"mr", "mrs", "ms", "dr", "prof", "sir", "the"}


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in TRIM:
        start += 1
    while end > start and text[end - 1] in TRIM:
        end -= 1
    return start, end


def norm_name(name: str | None) -> str:
    name = unicodedata.normalize("NFKC", name or "").casefold()
    name = re.sub(r"[\u2019']s\b", "", name)
    words = re.findall(r"\w+", name)
    return " ".join(w for w in words if w not in TITLES)


def speaker_ok(pred: str | None, gold: dict) -> bool:
    p = norm_name(pred)
    if not p:
        return False
    names = [norm_name(gold["speaker"])] + [norm_name(a) for a in gold.get("aliases") or []]
    for n in names:
        if n and (p == n or re.search(r"\b" + re.escape(n) + r"\b", p)):
            return True
    return False


def gold_spans(doc: dict) -> list[tuple[int, int, dict]]:
    spans = []
    for q in doc["quotes"]:
        start = -1
        for _ in range(q.get("occurrence", 1)):
            start = doc["text"].find(q["quote"], start + 1)
            if start < 0:
                raise ValueError(f"{doc['id']}: gold quote not in text: {q['quote'][:60]!r}")
        spans.append((*trimmed(doc["text"], start, start + len(q["quote"])), q))
    return spans


def match(golds, preds, min_overlap: float = 0.5) -> list[tuple[int, int, float]]:
    """One-to-one matching, best overlap first; overlap is relative to the longer span."""
    pairs = []
    for gi, (gs, ge, _) in enumerate(golds):
        for pi, (ps, pe, _) in enumerate(preds):
            inter = min(ge, pe) - max(gs, ps)
            if inter > 0:
                score = inter / max(ge - gs, pe - ps)
                if score >= min_overlap:
                    pairs.append((score, gi, pi))
    pairs.sort(reverse=True)
    g_used, p_used, out = set(), set(), []
    for score, gi, pi in pairs:
        if gi not in g_used and pi not in p_used:
            g_used.add(gi)
            p_used.add(pi)
            out.append((gi, pi, score))
    return out


# --- comparison of one case's predictions with its gold --------------------------------


def _loose(text: str | None) -> str:
    """Case-folded, apostrophes unified, whitespace collapsed: for role and addressee checks."""
    text = unicodedata.normalize("NFKC", text or "").casefold()
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    return " ".join(text.split())


def contains_either_way(pred: str | None, gold: str) -> bool:
    """True when one of the two (normalised) occurs in the other as whole words."""
    p, g = _loose(pred), _loose(gold)
    if not p or not g:
        return False
    return bool(
        re.search(r"(?<!\w)" + re.escape(g) + r"(?!\w)", p)
        or re.search(r"(?<!\w)" + re.escape(p) + r"(?!\w)", g)
    )


def addressee_ok(pred: str | None, gold: str) -> bool:
    """Addressee check: like the role check, after dropping articles and titles."""
    p, g = norm_name(pred), norm_name(gold)
    if not p or not g:
        return False
    return bool(re.search(r"\b" + re.escape(g) + r"\b", p) or re.search(r"\b" + re.escape(p) + r"\b", g))


def _get(q: Any, name: str, default: Any = None) -> Any:
    if isinstance(q, dict):
        return q.get(name, default)
    return getattr(q, name, default)


def compare(case: dict, predictions: Iterable[Any], min_overlap: float = 0.5) -> list[str]:
    """Every problem with ``predictions`` (Quote objects or dicts) for one gold case.

    Checks, in the scorer's terms: offsets point at the quote's text; each non-optional
    gold quote is matched with the right speaker, type, role (when gold gives one),
    addressee and speaker phrase (each when gold gives one); no prediction matches nothing (predictions that
    overlap an optional gold quote are ignored).
    """
    text = case["text"]
    problems: list[str] = []
    preds = []
    for q in predictions:
        s, e, qt = _get(q, "start"), _get(q, "end"), _get(q, "text")
        if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text)):
            problems.append(f"bad offsets ({s}, {e}) for quote {qt!r}")
            continue
        if text[s:e] != qt:
            problems.append(f"offsets ({s}, {e}) give {text[s:e][:50]!r}, not the quote text {str(qt)[:50]!r}")
        phrase, ps, pe = _get(q, "speaker_phrase"), _get(q, "speaker_phrase_start"), _get(q, "speaker_phrase_end")
        if phrase is not None and (not isinstance(ps, int) or text[ps:pe] != phrase):
            problems.append(f"speaker phrase offsets ({ps}, {pe}) do not give {phrase[:50]!r}")
        ts, te = trimmed(text, s, e)
        if te > ts:
            preds.append((ts, te, q))
    golds = gold_spans(case)
    pairs = match(golds, preds, min_overlap)
    matched_g = {gi: pi for gi, pi, _ in pairs}
    matched_p = {pi for _, pi, _ in pairs}
    for gi, (gs, ge, g) in enumerate(golds):
        if g.get("optional"):
            continue
        label = f"{g['type']} quote {g['quote'][:60]!r}"
        if gi not in matched_g:
            problems.append(f"missed {label} by {g['speaker']!r}")
            continue
        pq = preds[matched_g[gi]][2]
        if not speaker_ok(_get(pq, "speaker"), g):
            problems.append(f"{label}: speaker {_get(pq, 'speaker')!r} should be {g['speaker']!r}")
        if _get(pq, "type") != g["type"]:
            problems.append(f"{label}: type {_get(pq, 'type')!r} should be {g['type']!r}")
        if g.get("role") and not contains_either_way(_get(pq, "speaker_role"), g["role"]):
            problems.append(f"{label}: speaker_role {_get(pq, 'speaker_role')!r} should contain {g['role']!r}")
        if g.get("addressee") and not addressee_ok(_get(pq, "addressee"), g["addressee"]):
            problems.append(f"{label}: addressee {_get(pq, 'addressee')!r} should be {g['addressee']!r}")
        if g.get("speaker_phrase") and _loose(_get(pq, "speaker_phrase") or "") != _loose(g["speaker_phrase"]):
            problems.append(f"{label}: speaker_phrase {_get(pq, 'speaker_phrase')!r} should be {g['speaker_phrase']!r}")
    for pi, (ps, pe, pq) in enumerate(preds):
        if pi in matched_p:
            continue
        if any(g.get("optional") and min(ge, pe) - max(gs, ps) > 0 for gs, ge, g in golds):
            continue
        problems.append(
            f"spurious {_get(pq, 'type')} quote ({_get(pq, 'speaker')!r}, cue {_get(pq, 'cue')!r}): {text[ps:pe][:60]!r}"
        )
    return problems


# --- loading and checking the gold cases ----------------------------------------------

QUOTE_KEYS = {"quote", "speaker", "aliases", "type", "cue", "role", "occurrence", "optional"}
TYPES = {"direct", "indirect", "mixed"}


def load_cases(paths: Iterable[Path] | None = None) -> list[dict]:
    """All cases, in file order; each gets ``_file`` (the file's stem) added."""
    if paths is None:
        paths = sorted(CASES_DIR.glob("*.jsonl"))
    cases = []
    for path in paths:
        path = Path(path)
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if line.strip():
                    case = json.loads(line)
                    case["_file"] = path.stem
                    case["_line"] = n
                    cases.append(case)
    return cases


def check_case(case: dict) -> list[str]:
    """Problems with one gold case (an empty list when it is well formed)."""
    where = f"{case.get('_file', '?')}:{case.get('_line', '?')} {case.get('id')!r}"
    out = []
    for key in ("id", "text", "quotes", "note"):
        if key not in case:
            out.append(f"{where}: missing {key!r}")
    if out:
        return out
    text = case["text"]
    if not isinstance(text, str) or not text.strip():
        out.append(f"{where}: empty text")
    for i, q in enumerate(case["quotes"]):
        missing = QUOTE_KEYS - q.keys()
        if missing:
            out.append(f"{where}: quote {i} lacks {sorted(missing)}")
            continue
        extra = q.keys() - QUOTE_KEYS - {"addressee", "speaker_phrase"}
        if extra:
            out.append(f"{where}: quote {i} has unknown keys {sorted(extra)}")
        if q["type"] not in TYPES:
            out.append(f"{where}: quote {i} type {q['type']!r}")
        if not isinstance(q["optional"], bool) or not isinstance(q["aliases"], list):
            out.append(f"{where}: quote {i}: optional must be a bool and aliases a list")
        if not q["speaker"]:
            out.append(f"{where}: quote {i} has no speaker")
        count = text.count(q["quote"]) if q["quote"] else 0
        if count == 0:
            out.append(f"{where}: quote {i} is not a substring of text: {q['quote'][:60]!r}")
            continue
        if not isinstance(q["occurrence"], int) or not 1 <= q["occurrence"] <= count:
            out.append(f"{where}: quote {i} occurrence {q['occurrence']!r} but it occurs {count} time(s)")
            continue
        if q["role"] is not None and _loose(q["role"]) not in _loose(text):
            out.append(f"{where}: quote {i} role {q['role']!r} is not written in the text")
        if q.get("speaker_phrase") is not None and q["speaker_phrase"] not in text:
            out.append(f"{where}: quote {i} speaker_phrase {q['speaker_phrase']!r} is not in the text")
        if not q["optional"]:
            names = [q["speaker"], *q["aliases"]]
            if not any(norm_name(n) and norm_name(n) in norm_name(text) for n in names):
                out.append(f"{where}: quote {i} speaker {q['speaker']!r} (or an alias) does not occur in the text")
    try:
        golds = gold_spans(case)
    except ValueError as e:
        out.append(f"{where}: {e}")
        return out
    for a in range(len(golds)):
        for b in range(a + 1, len(golds)):
            (s1, e1, q1), (s2, e2, q2) = golds[a], golds[b]
            if min(e1, e2) - max(s1, s2) > 0 and not (q1["optional"] or q2["optional"]):
                out.append(f"{where}: gold quotes {a} and {b} overlap")
    return out


def check_cases(cases: list[dict]) -> list[str]:
    problems = []
    seen: dict[str, str] = {}
    for case in cases:
        problems += check_case(case)
        cid = case.get("id")
        if cid in seen:
            problems.append(f"duplicate id {cid!r} in {case.get('_file')} and {seen[cid]}")
        seen[cid] = case.get("_file", "?")
    return problems


def main(argv: list[str]) -> int:
    paths = [Path(p) for p in argv] or sorted(CASES_DIR.glob("*.jsonl"))
    cases = load_cases(paths)
    problems = check_cases(cases)
    for p in problems:
        print(p)
    per_file: dict[str, list[int]] = {}
    for c in cases:
        n = per_file.setdefault(c["_file"], [0, 0, 0])
        n[0] += 1
        n[1] += sum(1 for q in c["quotes"] if not q["optional"])
        n[2] += sum(1 for q in c["quotes"] if q["optional"])
    for name, (nc, nq, no) in per_file.items():
        print(f"{name:12} {nc:4} cases {nq:4} quotes {no:3} optional")
    print(f"{'total':12} {len(cases):4} cases; {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
