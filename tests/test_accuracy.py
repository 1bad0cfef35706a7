"""Accuracy floors on gold data, scored with the shared scorer's rules (bench/quotes.py).

- ../shared/data/quotes/examples/gold.jsonl: the issue's targets (end-to-end F1 >= 0.85, direct-quote
  end-to-end recall >= 0.95); skipped where ../shared is not beside the repository.
- bench/data/heldout/gold.jsonl: 20 pages written without looking at the extractor; a floor well
  under the measured figure, so that a regression fails the suite.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED_GOLD = ROOT.parent / "shared" / "data" / "quotes" / "examples" / "gold.jsonl"
HELDOUT = ROOT / "bench" / "data" / "heldout" / "gold.jsonl"
SCORER = ROOT.parent / "shared" / "bench" / "score_quotes.py"


def _score(gold: Path) -> dict:
    out = subprocess.run([sys.executable, str(ROOT / "bench" / "quotes.py"), str(gold), "--no-baseline"],
                         capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert out.returncode == 0, out.stderr[-2000:]
    return json.loads(out.stdout.strip().splitlines()[-1])


@pytest.mark.skipif(not (SHARED_GOLD.exists() and SCORER.exists()), reason="../shared is not beside the repo")
def test_shared_examples_meet_the_issue_targets():
    res = _score(SHARED_GOLD)
    assert res["e2e_f1"] >= 0.85
    assert res["e2e_recall_direct"] >= 0.95


@pytest.mark.skipif(not SCORER.exists(), reason="../shared/bench/score_quotes.py is not beside the repo")
def test_heldout_pages_stay_accurate():
    res = _score(HELDOUT)
    assert res["gold_quotes"] >= 300
    assert res["e2e_f1"] >= 0.85
    assert res["span_f1"] >= 0.90
