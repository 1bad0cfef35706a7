"""Quote patterns from news, one test per gold case in tests/data/quote_cases/*.jsonl.

Each case is a short invented news text with the quotes a reader would attribute
(see tests/data/quote_cases/README.md). ``test_quote_pattern[<case id>]`` runs
``newsgraph.extract`` on the text and judges its quotes with the benchmark's rules
(tests/quote_matching.py): span overlap >= 0.5 of the longer span, speaker name or
alias as whole words in the predicted speaker, plus type, role, addressee and offsets.
A failure lists every problem of that case, so the failing ids read as a list of
patterns the extractor does not handle yet.
"""
from __future__ import annotations

import copy
from pathlib import Path

import pytest

try:  # tests/ is not a package: pytest puts it on sys.path
    from quote_matching import check_cases, compare, gold_spans, load_cases
except ImportError:  # pragma: no cover - if tests/ ever becomes a package
    from .quote_matching import check_cases, compare, gold_spans, load_cases

CASES = load_cases()
IDS = [c["id"] for c in CASES]
_GAPS_FILE = Path(__file__).parent / "data" / "quote_cases" / "known_gaps.txt"
KNOWN_GAPS = {line.strip() for line in _GAPS_FILE.read_text().splitlines()
              if line.strip() and not line.startswith("#")}
PATTERN_CASES = [pytest.param(c, id=c["id"], marks=pytest.mark.xfail(
    strict=True, reason="known gap, listed in tests/data/quote_cases/known_gaps.txt")) if c["id"] in KNOWN_GAPS
    else pytest.param(c, id=c["id"]) for c in CASES]


def test_gold_cases_are_well_formed():
    assert len(CASES) >= 80
    assert {c["_file"] for c in CASES} >= {"direct", "indirect", "mixed", "speakers", "robustness"}
    problems = check_cases(CASES)
    assert not problems, "\n".join(problems)


def test_known_gaps_are_real_cases():
    assert KNOWN_GAPS <= set(IDS)
    assert len(KNOWN_GAPS) < len(IDS) / 3


@pytest.mark.parametrize("case", PATTERN_CASES)
def test_quote_pattern(case):
    from newsgraph import extract

    articles = extract(case["text"])
    predictions = [q for article in articles for q in article.quotes]
    problems = compare(case, predictions)
    assert not problems, f"{case['id']}: {case['note']}\n  " + "\n  ".join(problems)


# --- the judge itself: it must accept the gold and reject wrong answers -----------------


def _perfect(case):
    """Predictions built from the gold: what a flawless extractor would return."""
    out = []
    for s, e, g in gold_spans(case):
        if g["optional"]:
            continue
        out.append({
            "text": case["text"][s:e], "start": s, "end": e, "type": g["type"], "cue": g["cue"],
            "speaker": g["speaker"], "speaker_role": g["role"], "addressee": g.get("addressee"),
        })
        if g.get("speaker_phrase"):
            ps = case["text"].index(g["speaker_phrase"])
            out[-1].update(speaker_phrase=g["speaker_phrase"], speaker_phrase_start=ps,
                           speaker_phrase_end=ps + len(g["speaker_phrase"]))
    return out


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_judge_accepts_gold(case):
    assert compare(case, _perfect(case)) == []


def _case_with_quotes():
    return copy.deepcopy(next(c for c in CASES if c["id"] == "speakers-the-spokesperson-later"))


def test_judge_rejects_wrong_answers():
    case = _case_with_quotes()
    good = _perfect(case)
    assert len(good) == 3

    wrong_speaker = copy.deepcopy(good)
    wrong_speaker[2]["speaker"] = "the spokesperson"
    assert any("speaker" in p for p in compare(case, wrong_speaker))

    wrong_type = copy.deepcopy(good)
    wrong_type[0]["type"] = "direct"
    assert any("type" in p for p in compare(case, wrong_type))

    no_role = copy.deepcopy(good)
    no_role[1]["speaker_role"] = None
    assert any("speaker_role" in p for p in compare(case, no_role))

    missing = good[:2]
    assert any(p.startswith("missed") for p in compare(case, missing))

    text = case["text"]
    s = text.index("Asked about the delays")
    spurious = good + [{"text": text[s:s + 22], "start": s, "end": s + 22, "type": "indirect", "speaker": "x"}]
    assert any(p.startswith("spurious") for p in compare(case, spurious))

    shifted = copy.deepcopy(good)
    shifted[0]["start"] += 1
    assert any("offsets" in p for p in compare(case, shifted))

    too_short = copy.deepcopy(good)
    too_short[0]["end"] = too_short[0]["start"] + 8
    too_short[0]["text"] = text[too_short[0]["start"]:too_short[0]["end"]]
    assert any(p.startswith("missed") for p in compare(case, too_short))


def test_judge_addressee_and_optional():
    case = copy.deepcopy(next(c for c in CASES if c["id"] == "indirect-told-reporters"))
    good = _perfect(case)
    assert compare(case, good) == []
    bad = copy.deepcopy(good)
    bad[0]["addressee"] = "Durban"
    assert any("addressee" in p for p in compare(case, bad))

    case = copy.deepcopy(next(c for c in CASES if c["id"] == "speakers-student-at-rally"))
    good = _perfect(case)
    text = case["text"]
    s = text.index("cheaper bus fares")
    extra = {"text": text[s:s + 17], "start": s, "end": s + 17, "type": "indirect", "speaker": "students"}
    assert compare(case, good + [extra]) == []  # overlaps an optional gold quote: ignored


def test_judge_checks_the_speaker_phrase():
    case = copy.deepcopy(next(c for c in CASES if c["id"] == "speakers-phrase-relative-clause"))
    good = _perfect(case)
    assert compare(case, good) == []
    short = copy.deepcopy(good)
    short[0]["speaker_phrase"] = "Woodrow Benford"
    short[0]["speaker_phrase_end"] = short[0]["speaker_phrase_start"] + len("Woodrow Benford")
    assert any("speaker_phrase" in p for p in compare(case, short))
    shifted = copy.deepcopy(good)
    shifted[0]["speaker_phrase_start"] += 1
    assert any("speaker phrase offsets" in p for p in compare(case, shifted))


def test_judge_no_quote_case():
    case = next(c for c in CASES if c["id"] == "robust-no-quotes-narrative")
    assert compare(case, []) == []
    assert compare(case, [{"text": case["text"][:9], "start": 0, "end": 9, "type": "indirect", "speaker": "x"}])
