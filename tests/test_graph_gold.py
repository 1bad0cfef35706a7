"""The knowledge-graph gold set (bench/data/graph) is valid, and bench/graph_score.py scores it right.

Stdlib only and no spaCy: these tests read JSON and text files.
"""
from __future__ import annotations

import copy
import datetime as dt
import importlib.util
import json
import re
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GRAPH = ROOT / "bench" / "data" / "graph"
GOLD = GRAPH / "gold.jsonl"


def _load_module(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod
    spec.loader.exec_module(mod)
    return mod


gs = _load_module("graph_score", ROOT / "bench" / "graph_score.py")

PLOVER_MODES = {
    "AGREE": set(), "CONSULT": {"visit", "third-party", "multilateral", "phone"}, "SUPPORT": set(),
    "CONCEDE": set(), "COOPERATE": set(), "AID": set(),
    "RETREAT": {"withdraw", "release", "disarm", "ceasefire", "access", "resign", "return"},
    "REQUEST": {"assist", "change", "yield", "meet"},
    "ACCUSE": {"disapprove", "investigate", "allege"},
    "REJECT": {"assist", "change", "yield", "meet"},
    "THREATEN": {"restrict", "arrest", "relations", "expel", "territory", "violence", "ban", "rights"},
    "PROTEST": {"demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"},
    "SANCTION": {"convict", "expel", "withdraw", "discontinue"},
    "MOBILIZE": {"troops", "weapons", "police", "militia"},
    "COERCE": {"seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport", "withhold",
               "misinformation", "cyber", "ban"},
    "ASSAULT": {"abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive", "firearms",
                "explosives", "suicide-attack", "aerial", "drone", "heavy-weapons", "crowd-control",
                "unconventional", "execute", "assassinate", "cleansing", "massacre"},
}
STANCES = {"assert", "deny", "accuse", "condemn", "welcome", "urge", "warn", "promise"}
UNITS = {"count", "percent", "percentage points", "basis points", "hours", "days", "months", "years", "km",
         "tonnes", "fraction", "times"}
QUALIFIERS = {"nearly", "over", "around", "at least", "more than", "about", "some", "within", "fewer than",
              "above", "up to", "less than", "almost"}
ISO2 = re.compile(r"^[A-Z]{2}$")
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
KEY = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


@pytest.fixture(scope="module")
def gold():
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def texts(gold):
    return {p["id"]: (GRAPH / p["path"]).read_text(encoding="utf-8") for p in gold}


def _articles(gold):
    for page in gold:
        for art in page["articles"]:
            yield page, art


# ---------------------------------------------------------------- the gold is valid

def test_gold_is_built_from_the_specs():
    added = str(GRAPH) not in sys.path
    try:
        build = _load_module("graph_build_gold", GRAPH / "build_gold.py")
        assert build.dump(build.build()) == GOLD.read_text(encoding="utf-8"), \
            "gold.jsonl is stale: run python bench/data/graph/build_gold.py"
    finally:
        if added and str(GRAPH) in sys.path:
            sys.path.remove(str(GRAPH))


def test_pages_exist_and_every_offset_matches_its_text(gold, texts):
    assert len(gold) >= 8
    for page in gold:
        assert page["path"] == f"pages/{page['id']}.txt" and (GRAPH / page["path"]).is_file()
        text = texts[page["id"]]
        for art in page["articles"]:
            assert text[art["start"]:].startswith(art["headline"] + "\n")
            for key, field in (("places", "text"), ("dates", "text"), ("figures", "text"),
                               ("stances", "quote"), ("claims", "claim"), ("events", "evidence")):
                for rec in art[key]:
                    assert art["start"] <= rec["start"] < rec["end"] <= art["end"], (page["id"], rec)
                    assert text[rec["start"]:rec["end"]] == rec[field], (page["id"], rec)
            for claim in art["claims"]:
                assert claim["disputed_by"]
                for d in claim["disputed_by"]:
                    other = texts[d.get("page", page["id"])]
                    assert other[d["start"]:d["end"]] == d["claim"]
            for s, e in art["ignore"]:
                assert art["start"] <= s < e <= art["end"]


def test_types_and_enums_are_valid(gold):
    for page, art in _articles(gold):
        assert art["date"] is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", art["date"])
        for e in art["entities"]:
            assert e["kind"] in ("person", "organization") and e["name"]
            assert isinstance(e["aliases"], list) and isinstance(e["roles"], list)
            assert e["country"] is None or ISO2.match(e["country"])
            assert KEY.match(e["id"])
        for p in art["places"]:
            assert p["kind"] in ("country", "city", "admin", "region")
            assert p["country"] is None or ISO2.match(p["country"])
            assert isinstance(p["metonymy"], bool) and isinstance(p["dateline"], bool)
        assert sum(p["dateline"] for p in art["places"]) == 1, art["headline"]
        for d in art["dates"]:
            assert d["date"] is None or DATE.match(d["date"])
        for f in art["figures"]:
            assert isinstance(f["value"], (int, float))
            assert f["value_high"] is None or f["value_high"] > f["value"]
            assert f["unit"] in UNITS or re.fullmatch(r"[A-Z]{3}", f["unit"]), f
            assert f["qualifier"] is None or f["qualifier"] in QUALIFIERS, f
        for s in art["stances"]:
            assert s["stance"] in STANCES and s["speaker"]
        for c in art["claims"]:
            assert c["stance"] in STANCES
            assert all(d["stance"] in STANCES for d in c["disputed_by"])
        for ev in art["events"]:
            assert ev["type"] in PLOVER_MODES, ev
            assert ev["mode"] is None or ev["mode"] in PLOVER_MODES[ev["type"]], ev
            for k in ("actor_country", "country"):
                assert ev[k] is None or ISO2.match(ev[k])
            assert ev["date"] is None or DATE.match(ev["date"])
            assert ev["size"] is None or ev["size"] > 0
            assert KEY.match(ev["event"])


def test_corpus_size_and_layout_variety(gold, texts):
    arts = list(_articles(gold))
    assert len(arts) >= 18
    for page, art in arts:
        words = len(texts[page["id"]][art["start"]:art["end"]].split())
        assert 150 <= words <= 450, (art["headline"], words)
    undated = [a for _, a in arts if a["date"] is None]
    assert 1 <= len(undated) <= 3
    truncated = [p for p in gold if re.search(r"[a-z]$", texts[p["id"]])]
    assert len(truncated) >= 2
    assert sum(len(p["articles"]) >= 3 for p in gold) >= 2


def test_article_dates_are_the_pages_updated_lines(gold, texts):
    for page, art in _articles(gold):
        body = texts[page["id"]][art["start"]:art["end"]]
        m = re.search(r"^Updated (\d{2} \w+ \d{4})$", body, re.M)
        if art["date"] is None:
            assert m is None
        else:
            assert dt.datetime.strptime(m.group(1), "%d %B %Y").date().isoformat() == art["date"]


def test_weekday_dates_are_resolved_consistently(gold):
    checked = 0
    for page, art in _articles(gold):
        for d in art["dates"]:
            day = d["text"].split(",")[0].lower()
            if day not in WEEKDAYS:
                continue
            if art["date"] is None:
                assert d["date"] is None
                continue
            resolved, published = dt.date.fromisoformat(d["date"]), dt.date.fromisoformat(art["date"])
            assert resolved.weekday() == WEEKDAYS.index(day)
            if "," not in d["text"]:  # a bare weekday is the latest one on or before the article date
                assert 0 <= (published - resolved).days < 7
            checked += 1
    assert checked >= 30


def test_people_across_articles(gold):
    by_id = defaultdict(list)
    for page, art in _articles(gold):
        for e in art["entities"]:
            by_id[e["id"]].append(e)
    # the same person under different names in different articles
    renamed = [k for k, es in by_id.items()
               if len({frozenset([e["name"], *e["aliases"]]) for e in es}) > 1 and es[0]["kind"] == "person"]
    assert "hafiz-naeem-ur-rehman" in renamed
    # different people who share a surname, in different articles and once in the same article
    surname = defaultdict(set)
    for k, es in by_id.items():
        if es[0]["kind"] == "person":
            for e in es:
                surname[e["name"].split()[-1].split("-")[-1].lower()].add(k)
    shared = {s: ids for s, ids in surname.items() if len(ids) > 1}
    assert {"rehman", "baloch", "perera", "mwangi"} <= set(shared)
    same_article = [art["headline"] for _, art in _articles(gold)
                    if any(c > 1 for c in Counter(e["name"].split()[-1] for e in art["entities"]
                                                  if e["kind"] == "person").values())]
    assert same_article
    # an id is one canonical name
    for k, es in by_id.items():
        assert len({e["name"] for e in es}) == 1, k


def test_events_cover_plover_and_cross_article_identity(gold):
    types = Counter()
    keys = defaultdict(set)
    for page, art in _articles(gold):
        for ev in art["events"]:
            types[ev["type"]] += 1
            keys[ev["event"]].add((page["id"], art["headline"]))
    for t in ("PROTEST", "ACCUSE", "REJECT", "AGREE", "REQUEST", "THREATEN", "SANCTION", "ASSAULT", "COERCE",
              "MOBILIZE", "AID", "CONSULT", "COOPERATE"):
        assert types[t] >= 2, t
    assert sum(len(v) > 1 for v in keys.values()) >= 5   # events told in several articles
    assert len({p for p, _ in keys["karachi-ji-sit-in"]}) == 2


def test_claims_include_cross_page_disputes_and_counter_figures(gold):
    cross = [d for _, art in _articles(gold) for c in art["claims"] for d in c["disputed_by"] if d.get("page")]
    assert len(cross) >= 3
    figure_claims = 0
    for _, art in _articles(gold):
        figs = [(f["start"], f["end"]) for f in art["figures"]]
        for c in art["claims"]:
            for d in c["disputed_by"]:
                if "page" not in d and any(c["start"] <= s and e <= c["end"] for s, e in figs) and \
                        any(d["start"] <= s and e <= d["end"] for s, e in figs):
                    figure_claims += 1
    assert figure_claims >= 5


def test_metonymy_and_acronyms(gold):
    meto = [p["text"] for _, art in _articles(gold) for p in art["places"] if p["metonymy"]]
    assert {"Islamabad", "New Delhi", "Kyiv", "London"} <= set(meto)
    acronyms = {a for _, art in _articles(gold) for e in art["entities"] for a in e["aliases"] if a.isupper()}
    assert {"JI", "FO", "UN", "PPP", "IMF"} <= acronyms


# ---------------------------------------------------------------- the scorer

def _pages(gold):
    return {p["id"]: p for p in gold}


def test_gold_against_itself_scores_one(gold):
    res, errors = gs.score(_pages(gold), _pages(copy.deepcopy(gold)), errors=True)
    assert errors == []
    for k in gs.TYPES:
        assert res[k]["f1"] == 1.0, k
        assert all(v == 1.0 for key, v in res[k].items() if key.endswith("_acc")), k
    for k in ("entity_identity", "event_identity"):
        assert res[k]["precision"] == res[k]["recall"] == 1.0


def test_perturbed_predictions_score_lower(gold):
    pred = copy.deepcopy(gold)
    for page in pred:
        for art in page["articles"]:
            art["figures"] = art["figures"][::2]                   # drop every other figure
            for f in art["figures"]:
                f["unit"] = "count"
            for ev in art["events"]:
                ev["actor"] = "somebody"
                ev["event"] = "same-for-all"
            art["dates"] = [dict(d, date="1999-01-01") for d in art["dates"]]
            art["stances"] = [dict(s, start=s["start"] + 100000, end=s["end"] + 100000) for s in art["stances"]]
            for e in art["entities"]:
                e["id"] = e["name"] + "#" + art["headline"]        # no cross-article identity
    res, _ = gs.score(_pages(gold), _pages(pred))
    assert res["figures"]["precision"] == 1.0 and res["figures"]["recall"] < 0.6
    assert res["figures"]["unit_acc"] < 0.8 and res["figures"]["value_acc"] == 1.0
    assert res["events"]["f1"] == 1.0 and res["events"]["actor_acc"] < 0.1
    assert res["event_identity"]["recall"] == 1.0 and res["event_identity"]["precision"] < 0.1
    assert res["dates"]["f1"] == 1.0 and res["dates"]["date_acc"] < 0.3
    assert res["stances"]["tp"] == 0 and res["stances"]["precision"] == 0.0
    assert res["entity_identity"]["recall"] == 0.0 and res["entity_identity"]["pairs_pred"] == 0
    assert res["places"]["f1"] == 1.0


def test_missing_and_extra_articles(gold):
    pred = copy.deepcopy(gold)
    dropped = pred[0]["articles"].pop(0)
    pred[1]["articles"].append(dict(dropped, headline="An article nobody wrote"))
    res, errors = gs.score(_pages(gold), _pages(pred), errors=True)
    assert res["entities"]["fn"] == len(dropped["entities"]) == res["entities"]["fp"]
    assert any("no predicted article" in e for e in errors)
    assert any("predicted article with no gold" in e for e in errors)


TINY_TEXT = ("Rally in Townsville\n\nUpdated 07 October 2024\nFollow\n\nRally in Townsville\n\n"
             "TOWNSVILLE: About 200 people marched on Monday, police said. Organisers said 500 joined. "
             "League leader Jane Roe said the council had lied. Townsville rejected the claim.")


def _at(text, s, n=1):
    pos = -1
    for _ in range(n):
        pos = text.index(s, pos + 1)
    return {"start": pos, "end": pos + len(s)}


def _tiny_gold():
    t = TINY_TEXT
    return {"id": "tiny", "path": "pages/tiny.txt", "articles": [{
        "headline": "Rally in Townsville", "date": "2024-10-07", "ignore": [[0, 19], [21, 44], [45, 51],
                                                                            [53, 72]],
        "entities": [
            {"name": "Jane Roe", "kind": "person", "aliases": ["Roe"], "roles": [], "organization": None,
             "country": None, "id": "jane-roe"},
            {"name": "Civic League", "kind": "organization", "aliases": ["League"], "roles": [],
             "organization": None, "country": None, "id": "civic-league"}],
        "places": [
            {"text": "TOWNSVILLE", **_at(t, "TOWNSVILLE", 1), "name": "Townsville", "country": None,
             "kind": "city", "metonymy": False, "dateline": True},
            {"text": "Townsville", **_at(t, "Townsville", 3), "name": "Townsville", "country": None,
             "kind": "city", "metonymy": True, "dateline": False}],
        "dates": [{"text": "Monday", **_at(t, "Monday"), "date": "2024-10-07"}],
        "figures": [
            {"text": "About 200 people", **_at(t, "About 200 people"), "value": 200, "value_high": None,
             "unit": "count", "what": "people", "qualifier": "about", "source": "police"},
            {"text": "500", **_at(t, "500"), "value": 500, "value_high": None, "unit": "count",
             "what": "people", "qualifier": None, "source": "Organisers"}],
        "stances": [
            {"quote": "About 200 people marched on Monday", **_at(t, "About 200 people marched on Monday"),
             "speaker": "police", "stance": "assert"},
            {"quote": "the council had lied", **_at(t, "the council had lied"), "speaker": "Jane Roe",
             "stance": "accuse"}],
        "claims": [{"claim": "About 200 people marched on Monday", **_at(t, "About 200 people marched on Monday"),
                    "claimant": "police", "stance": "assert",
                    "disputed_by": [{"claim": "500 joined", **_at(t, "500 joined"), "claimant": "Organisers",
                                     "stance": "assert"}]}],
        "events": [
            {"type": "PROTEST", "mode": "demo", "actor": "protesters", "actor_country": None, "recipient": None,
             "place": "Townsville", "country": None, "date": "2024-10-07", "size": 200,
             "evidence": "x", **_at(t, "TOWNSVILLE: About 200 people marched on Monday, police said."),
             "event": "rally"},
            {"type": "PROTEST", "mode": "demo", "actor": "Organisers", "actor_country": None, "recipient": None,
             "place": "Townsville", "country": None, "date": "2024-10-07", "size": 500,
             "evidence": "x", **_at(t, "Organisers said 500 joined."), "event": "rally"},
            {"type": "REJECT", "mode": None, "actor": "Townsville council", "actor_country": None,
             "recipient": "Jane Roe", "place": None, "country": None, "date": None, "size": None,
             "evidence": "x", **_at(t, "Townsville rejected the claim."), "event": "council-rejects"}],
    }]}


def _tiny_pred():
    t = TINY_TEXT
    return {"id": "tiny", "articles": [{
        "headline": "RALLY IN TOWNSVILLE ",
        "entities": [
            {"name": "Roe", "kind": "person", "country": None, "id": "p1"},
            {"name": "Civic League", "kind": "person", "id": "p2"}],         # wrong kind: no match
        "places": [
            {"text": "TOWNSVILLE", **_at(t, "TOWNSVILLE"), "name": "Townsville", "country": "AU",
             "metonymy": False},
            {"text": "Townsville", **_at(t, "Townsville", 3), "name": "Townsville", "metonymy": False},
            {"text": "Rally in Townsville", **_at(t, "Rally in Townsville", 2), "name": "Rally"}],  # ignored
        "dates": [{"text": "on Monday", **_at(t, "on Monday"), "date": "2024-10-06"}],
        "figures": [
            {"text": "200", **_at(t, "200"), "value": 200.5, "unit": "count", "qualifier": "around",
             "source": "the police"},
            {"text": "07", **_at(t, "07"), "value": 7, "unit": "count"}],   # inside chrome: ignored
        "stances": [
            {**_at(t, "the council had lied"), "speaker": "Roe", "stance": "assert"},
            {**_at(t, "the claim"), "speaker": "Townsville", "stance": "deny"}],
        "claims": [{**_at(t, "500 joined"), "disputed_by": [{**_at(t, "About 200 people marched")}]}],
        "events": [
            {"type": "PROTEST", "mode": "demo", "actor": "Hundreds of protesters", "recipient": None,
             "place": "the town of Townsville", "country": None, "date": "2024-10-07", "size": 200,
             **_at(t, "About 200 people marched"), "event": "e1"},
            {"type": "PROTEST", "mode": "strike", "actor": "organisers", "place": None, "date": "2024-10-07",
             "size": 500, **_at(t, "Organisers said 500 joined."), "event": "e1"},
            {"type": "ACCUSE", **_at(t, "Townsville rejected the claim."), "event": "e2"}],
    }]}


def test_tiny_case_exact_values():
    res, errors = gs.score({"tiny": _tiny_gold()}, {"tiny": _tiny_pred()}, errors=True)
    # entities: Roe matches by alias; "Civic League" has the wrong kind
    assert (res["entities"]["tp"], res["entities"]["fp"], res["entities"]["fn"]) == (1, 1, 1)
    assert res["entities"]["precision"] == 0.5 and res["entities"]["f1"] == 0.5
    # places: one place unit each (the headline copy is ignored); wrong country; metonymy missed
    assert (res["places"]["tp"], res["places"]["fp"], res["places"]["fn"]) == (1, 0, 0)
    assert res["places"]["country_acc"] == 0.0
    assert (res["metonymy"]["tp"], res["metonymy"]["fn"], res["metonymy"]["precision"]) == (0, 1, None)
    assert res["metonymy"]["recall"] == 0.0
    # dates: span found, Sunday instead of Monday
    assert res["dates"]["f1"] == 1.0 and res["dates"]["date_acc"] == 0.0
    # figures: 200 found (value within 1%, "around" = "about", "the police" = "police"); 500 missed
    f = res["figures"]
    assert (f["tp"], f["fp"], f["fn"]) == (1, 0, 1)
    assert f["value_acc"] == f["unit_acc"] == f["qualifier_acc"] == f["source_acc"] == 1.0
    assert abs(f["f1"] - 2 / 3) < 1e-9
    # stances: one matched with the wrong stance and a surname speaker; one spurious; one missed
    s = res["stances"]
    assert (s["tp"], s["fp"], s["fn"]) == (1, 1, 1)
    assert s["stance_acc"] == 0.0 and s["speaker_acc"] == 1.0
    # claims: the pair is found the other way round
    assert (res["claims"]["tp"], res["claims"]["fp"], res["claims"]["fn"]) == (1, 0, 0)
    # events: two PROTEST matched, REJECT missed (predicted as ACCUSE)
    e = res["events"]
    assert (e["tp"], e["fp"], e["fn"]) == (2, 1, 1)
    assert e["mode_acc"] == 0.5 and e["actor_acc"] == 1.0 and e["place_acc"] == 0.5
    assert e["size_acc"] == 1.0 and e["date_acc"] == 1.0
    assert res["event_identity"] == {"pairs_gold": 1, "pairs_pred": 1, "pairs_both": 1, "precision": 1.0,
                                     "recall": 1.0, "f1": 1.0, "items": 2}
    t = TINY_TEXT.index("the claim")
    assert f"tiny / Rally in Townsville: stances: spurious '[{t}:{t + 9}]'" in errors
    assert "tiny / Rally in Townsville: metonymy: missed 'Townsville' at " + str(_at(TINY_TEXT, "Townsville", 3)[
        "start"]) in errors


def test_pairwise_identity_exact():
    r = gs.pairwise([("a", "x"), ("a", "x"), ("b", "x"), ("c", None), ("c", None)])
    assert (r["pairs_gold"], r["pairs_pred"], r["pairs_both"]) == (2, 3, 1)
    assert r["precision"] == pytest.approx(1 / 3) and r["recall"] == 0.5


def test_matchers():
    assert gs.head_match("Egypt's foreign ministry", "Egypt")
    assert gs.head_match("Jamaat-e-Islami workers", "workers")
    assert not gs.head_match("police", "Jamaat-e-Islami")
    assert gs.name_match("Hafiz Naeem-ur-Rehman", "Naeem-ur-Rehman")
    assert gs.name_match("Mumtaz Zahra Baloch", "Baloch")
    assert not gs.name_match("Mumtaz Zahra Baloch", "Anjali Perera")
    assert gs.date_match("2023", "2023-01-01") and not gs.date_match("2023-01-01", "2023")
    assert gs.norm_qualifier("over") == gs.norm_qualifier("more than") != gs.norm_qualifier("nearly")
    assert gs.norm_unit("%") == "percent" and gs.norm_unit("usd") == "USD"


def test_cli_prints_table_and_json(tmp_path):
    script = ROOT / "bench" / "graph_score.py"
    out = subprocess.run([sys.executable, str(script), str(GOLD), str(GOLD)], capture_output=True, text=True,
                         check=True).stdout
    assert out.splitlines()[0].split()[:4] == ["record", "P", "R", "F1"]
    pred = tmp_path / "pred.jsonl"
    pred.write_text(json.dumps({"id": "karachi_ji", "articles": []}) + "\n", encoding="utf-8")
    out = subprocess.run([sys.executable, str(script), str(GOLD), str(pred), "--json"], capture_output=True,
                         text=True, check=True).stdout
    res = json.loads(out)
    assert res["entities"]["recall"] == 0.0 and res["entities"]["precision"] is None
