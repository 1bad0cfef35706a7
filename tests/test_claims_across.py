"""Contested claims across articles and counter-figures, through the real CLI, and the export command."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from newsgraph.claims import counter_figures, disputes_across, same_speaker

from test_cli import json_lines, newsgraph, ok

pytestmark = pytest.mark.e2e
DATA = Path(__file__).parent / "data" / "claims"


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("claims") / "claims.db"
    ok(newsgraph(path, "ingest", str(DATA)))
    return path


def test_a_denial_links_to_the_claim_of_another_article(db):
    claims = json_lines(newsgraph(db, "claims", "--contested", "--format", "json"))
    amnesty = [c for c in claims if c["claimant"] == "Amnesty International"]
    assert len(amnesty) == 1, claims
    (denial,) = amnesty[0]["disputed_by"]
    assert denial["claimant"] == "Foreign Office" and denial["stance"] == "deny"
    assert "tortured detainees" in denial["claim"]
    assert amnesty[0]["article"] != denial["article"]  # the two sides come from two articles


def test_counter_figures_are_contested_claims(db):
    claims = json_lines(newsgraph(db, "claims", "--format", "json"))
    fig = [c for c in claims if c["id"].startswith("figure:")]
    assert len(fig) == 1, claims
    assert fig[0]["claimant"] == "Indian officials" and "within four hours" in fig[0]["claim"]
    (other,) = fig[0]["disputed_by"]  # `more than 48 hours` and `around 60 hours`: one sentence, one entry
    assert other["stance"] == "counter-figure" and other["claimant"] == "airline"
    assert "more than 48 hours" in other["claim"]


def test_counter_figures_need_disagreeing_values_and_a_shared_subject():
    text = "Officials said the queue took about 50 hours. The airline said the queue took more than 48 hours."
    a = dict(id="a", value=50, value_high=None, unit="hours", what=None, qualifier="about", source="Officials",
             start=text.index("50"), end=text.index("50") + 8, article="x", text="about 50 hours")
    b = dict(id="b", value=48, value_high=None, unit="hours", what=None, qualifier="more than", source="The airline",
             start=text.index("more"), end=text.index("48 hours") + 8, article="x", text="more than 48 hours")
    assert counter_figures([a, b], text) == []  # 45..55 and 48.. meet: both can be true
    b2 = {**b, "value": 2, "qualifier": None, "start": b["start"]}
    assert len(counter_figures([a, b2], text)) == 1
    c = {**b2, "source": "officials"}
    assert counter_figures([a, c], text) == []  # one source does not contradict itself
    unrelated = "Officials said the trip took about 50 hours. Separately, the airline said pilots rested 2 hours."
    a2 = {**a, "start": unrelated.index("about"), "end": unrelated.index("about") + 14}
    d = {**b2, "start": unrelated.index("2 hours"), "end": unrelated.index("2 hours") + 7}
    assert counter_figures([a2, d], unrelated) == []  # nothing in common but the unit


def test_disputes_across_skips_the_same_speaker_and_the_same_article():
    denial = {"id": "d", "text": "police tortured detainees in Quetta", "speaker": "Foreign Office", "article": "B"}
    same_article = {"id": "1", "text": "police tortured detainees in Quetta", "speaker": "Amnesty", "stance": "assert",
                    "article": "B"}
    same_person = {"id": "2", "text": "police tortured detainees in Quetta", "speaker": "the Foreign Office",
                   "stance": "assert", "article": "A"}
    other = {"id": "3", "text": "Quetta police tortured 40 detainees", "speaker": "Amnesty", "stance": "accuse",
             "article": "A"}
    unrelated = {"id": "4", "text": "the budget deficit widened", "speaker": "IMF", "stance": "assert", "article": "A"}
    assert disputes_across(denial, [same_article, unrelated]) is None
    assert disputes_across(denial, [same_article, same_person, other, unrelated])["id"] == "3"
    assert same_speaker("Idris Kamara", "Kamara") and not same_speaker("Idris Kamara", "Sara Kamara")
    assert not same_speaker(None, None)


@pytest.mark.parametrize("what", ["quotes", "entities", "figures", "claims", "places", "events"])
def test_export_jsonl_and_csv_have_the_same_records(db, what):
    rows = json_lines(newsgraph(db, "export", "--what", what, "--format", "jsonl"))
    table = list(csv.DictReader(io.StringIO(ok(newsgraph(db, "export", "--what", what, "--format", "csv")).stdout)))
    assert len(rows) == len(table)
    if rows:
        assert list(rows[0]) == list(table[0])
        assert [r["id"] if "id" in r else r["name"] for r in rows] == \
            [r["id"] if "id" in r else r["name"] for r in table]
    if what in ("quotes", "entities", "figures", "claims"):
        assert rows, what


def test_export_parquet_to_a_file(db, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "quotes.parquet"
    result = ok(newsgraph(db, "export", "--what", "quotes", "--format", "parquet", "--out", str(out)))
    assert "exported" in result.stderr
    table = pq.read_table(out)
    rows = json_lines(newsgraph(db, "export", "--what", "quotes"))
    assert table.num_rows == len(rows)
    assert table.column("text").to_pylist() == [r["text"] for r in rows]
    assert not list(tmp_path.glob(".newsgraph-export-*"))  # no temporary file left behind


def test_export_refuses_formats_that_do_not_fit(db):
    result = newsgraph(db, "export", "--what", "quotes", "--format", "acled")
    assert result.returncode == 2 and "for events" in result.stderr
    result = newsgraph(db, "export", "--what", "nonsense")
    assert result.returncode == 2
    json.loads(ok(newsgraph(db, "stats", "--format", "json")).stdout)  # the store is untouched


def test_a_bare_figure_that_answers_another_is_a_counter_figure():
    text = "The union said between 10,000 and 15,000 farmers had joined. Delhi Police put the figure at about 6,000."
    a = dict(id="a", value=10000, value_high=15000, unit="count", what="farmers", qualifier=None, source="The union",
             start=text.index("between"), end=text.index(" had joined"), article="x", text="between 10,000 and 15,000 farmers")
    b = dict(id="b", value=6000, value_high=None, unit=None, what=None, qualifier="about", source="Delhi Police",
             start=text.index("about 6,000"), end=text.index("about 6,000") + 11, article="x", text="about 6,000")
    (claim,) = counter_figures([a, b], text)
    assert claim.claimant == "The union" and claim.disputed_by[0]["claimant"] == "Delhi Police"
    far = text.replace("Delhi Police put the figure at", "Delhi Police said it arrested")
    b2 = {**b, "start": far.index("about 6,000"), "end": far.index("about 6,000") + 11}
    assert counter_figures([a, b2], far) == []  # a bare number that answers nothing is no counter-figure
