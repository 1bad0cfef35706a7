"""Smoke tests of bench/quotes.py and bench/speed.py on tiny invented data (tests/data/bench/)."""
from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "tests" / "data" / "bench"
GOLD = DATA / "gold.jsonl"
CORPUS = DATA / "corpus.jsonl"
SCORER_KEYS = {"docs", "gold_quotes", "span_p", "span_r", "span_f1", "e2e_p", "e2e_r", "e2e_f1", "speaker_acc"}


def load_bench(name: str):
    spec = importlib.util.spec_from_file_location(f"bench_{name}", REPO / "bench" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


quotes = load_bench("quotes")
speed = load_bench("speed")


def scorer_path() -> Path:
    try:
        return quotes.find_scorer(None)
    except SystemExit:
        pytest.skip("shared/bench/score_quotes.py not found beside the repo")


def run(script: str, *args: str, timeout: int = 300) -> tuple[subprocess.CompletedProcess, dict]:
    proc = subprocess.run([sys.executable, str(REPO / "bench" / script), *args],
                          capture_output=True, text=True, timeout=timeout, cwd=REPO)
    assert proc.returncode == 0, proc.stderr[-3000:]
    last = proc.stdout.strip().splitlines()[-1]
    return proc, json.loads(last)


def test_quotes_newsgraph_smoke(tmp_path):
    scorer_path()
    pred = tmp_path / "pred.jsonl"
    proc, res = run("quotes.py", str(GOLD), "--no-baseline", "--pred", str(pred))
    assert SCORER_KEYS <= res.keys()
    assert res["docs"] == 2 and res["gold_quotes"] == 5
    assert "baseline" not in res
    assert "newsgraph" in proc.stdout  # the comparison table comes before the JSON line
    gold = {d["id"]: d for d in map(json.loads, GOLD.read_text(encoding="utf-8").splitlines())}
    preds = [json.loads(line) for line in pred.read_text(encoding="utf-8").splitlines()]
    assert {p["id"] for p in preds} == set(gold)
    for p in preds:
        text = gold[p["id"]]["text"]
        for q in p["quotes"]:
            assert 0 <= q["start"] < q["end"] <= len(text)
            assert text[q["start"]:q["end"]] == q["quote"]  # the Quote's own text is at its offsets


def test_textacy_baseline_offsets_and_speaker():
    baseline = quotes.TextacyBaseline()
    doc = json.loads(GOLD.read_text(encoding="utf-8").splitlines()[1])
    text = doc["text"]
    found = {text[q["start"]:q["end"]]: q["speaker"] for q in baseline.predict(text)}
    # offsets are the content without its quotation marks
    assert found.get("It feels like getting an old friend back,") == "Tomas Riva"
    assert baseline.retried == 0


def test_textacy_baseline_retries_line_by_line_on_odd_marks():
    baseline = quotes.TextacyBaseline()
    text = ("The mayor\u2019s office posted a notice titled \u201cRoad works.\n"
            "\u201cThe bridge will be closed for two weeks while we repair it,\u201d the mayor said on Monday.\n")
    preds = baseline.predict(text)
    assert baseline.retried == 1
    assert [text[q["start"]:q["end"]] for q in preds] == ["The bridge will be closed for two weeks while we repair it,"]
    assert preds[0]["speaker"] == "mayor"  # textacy drops the determiner


def test_quotes_baseline_only_scores_with_the_shared_scorer():
    scorer_path()
    _, res = run("quotes.py", str(GOLD), "--no-newsgraph")
    assert SCORER_KEYS <= res.keys() and res["system"] == "textacy"
    assert res["recall_direct"] == 1.0  # both invented direct quotes have a reporting verb and a subject


def test_corpus_texts_limit_and_repeat():
    assert len(list(speed.corpus_texts(str(CORPUS), None))) == 5
    texts = list(speed.corpus_texts(str(CORPUS), 2, repeat=3))
    assert len(texts) == 6 and texts[0] == texts[2] and texts[0] != texts[1]


def test_speed_smoke():
    proc, res = run("speed.py", str(CORPUS), "--repeat", "2", "--warmup", "1")
    keys = {"tokens_per_s", "baseline_tokens_per_s", "ratio", "peak_rss_mb", "baseline_peak_rss_mb",
            "docs", "tokens", "seconds", "baseline_seconds"}
    assert keys <= res.keys()
    assert res["docs"] == 10 and res["stored"] == 10  # ids unique per pass: every doc stored
    assert res["tokens"] > 100
    for key in keys - {"docs", "tokens"}:
        assert isinstance(res[key], (int, float)) and res[key] > 0, key
    assert res["ratio"] == pytest.approx(res["tokens_per_s"] / res["baseline_tokens_per_s"], rel=0.01)
    assert "model loading" in proc.stdout


def test_statement_parts_share_a_number_and_join_in_statement_unit():
    from newsgraph import extract

    text = ('"We will not move," said Ann Lee, a crane operator at the port. "The port is our home."\n\n'
            '"Nothing was decided," she added.\n\n'
            'Officials said the talks would resume on Monday.')
    quotes_ = extract(text)[0].quotes
    assert [q.text for q in quotes_][:3] == ["We will not move", "The port is our home.", "Nothing was decided"]
    assert quotes_[0].statement == quotes_[1].statement  # one utterance, split by its attribution
    assert quotes_[2].statement == quotes_[1].statement + 1  # a new paragraph, a new attribution
    assert len({q.statement for q in quotes_}) == len(quotes_) - 1

    parts = quotes.newsgraph_predict(text, extract, "t", unit="quote")
    joined = quotes.newsgraph_predict(text, extract, "t", unit="statement")
    assert len(joined) == len(parts) - 1
    assert text[joined[0]["start"]:joined[0]["end"]] == \
        'We will not move," said Ann Lee, a crane operator at the port. "The port is our home.'
    # the speaker as the article presents her: name and stated role
    assert joined[0]["speaker"] == "Ann Lee, a crane operator at the port"
    assert joined[1]["speaker"].startswith("Ann Lee") and "she" not in joined[1]["speaker"]  # no pronoun added


def test_speaker_description_adds_the_mention_as_written():
    from newsgraph.model import Quote

    q = Quote("the talks failed", 0, 16, "indirect", speaker="Jeff Weaver", speaker_role="aide",
              speaker_mention="the Sanders aide")
    assert quotes.speaker_description(q) == "Jeff Weaver, aide (the Sanders aide)"
    q.speaker_mention = "he"
    assert quotes.speaker_description(q) == "Jeff Weaver, aide"
    q.speaker_mention = "Weaver"
    assert quotes.speaker_description(q) == "Jeff Weaver, aide"
    q.speaker_mention, q.speaker_phrase = "Jeff Weaver", "Jeff Weaver, who ran the 2016 campaign"
    assert quotes.speaker_description(q) == "Jeff Weaver, aide (Jeff Weaver, who ran the 2016 campaign)"


def test_unit_follows_the_gold_source():
    assert quotes.gold_unit([{"source": "PolNeAR dev/x.txt"}, {"source": "PolNeAR dev/y.txt"}]) == "statement"
    assert quotes.gold_unit([{"source": "shared/examples/page.txt (invented articles)"}]) == "quote"
    assert quotes.gold_unit([{"id": "no-source"}]) == "quote"


def test_statement_parts_around_another_attribution():
    from newsgraph import extract

    text = ('"Your record is remarkable," Ann Lee told Bo Ray, after Ray said that most of the union backed her. '
            '"I will not let you down."')
    qs = extract(text)[0].quotes
    lee = [q for q in qs if q.speaker == "Ann Lee"]
    ray = [q for q in qs if q.speaker == "Bo Ray"]
    assert len(lee) == 2 and len(ray) == 1
    assert lee[0].statement == lee[1].statement != ray[0].statement
    joined = quotes.newsgraph_predict(text, extract, "t", unit="statement")
    assert len(joined) == 2
    whole = max(joined, key=lambda p: p["end"] - p["start"])
    assert text[whole["start"]:whole["end"]].startswith("Your record")
    assert text[whole["start"]:whole["end"]].endswith("let you down.")


def test_a_quote_left_open_goes_on_as_the_same_statement():
    from newsgraph import extract

    text = ('\u201cWe will not move from this port,\u201d said Ann Lee, a crane operator. \u201cThe port is our home.\n\n'
            '\u201cNobody asked us before the machines came.\u201d\n\n\u201cWe will be back tomorrow.\u201d')
    qs = extract(text)[0].quotes
    assert [q.statement for q in qs] == [0, 0, 0, 1]  # the open quote runs on; the closed one before the last ends it
