"""`newsgraph events` and the event exports (ACLED-style CSV, PLOVER JSON), through the real CLI."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from test_cli import json_lines, newsgraph, ok

pytestmark = pytest.mark.e2e
PAGE = Path(__file__).parent / "data" / "events" / "page_unrest.txt"
CONTRACT = {"id", "type", "mode", "date", "place", "country", "lat", "lon", "actor", "recipient", "size", "article",
            "evidence"}


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("events") / "events.db"
    ok(newsgraph(path, "ingest", str(PAGE), str(Path(__file__).parent.parent / "examples")))
    return path


def test_events_json_contract(db):
    rows = json_lines(newsgraph(db, "events", "--format", "json"))
    assert rows
    for r in rows:
        assert CONTRACT <= set(r), set(r) ^ CONTRACT
        assert r["type"].isupper()
    page = PAGE.read_text(encoding="utf-8")
    assert any(r["evidence"] in page for r in rows)


def test_one_protest_told_twice_is_one_event(db):
    protests = json_lines(newsgraph(db, "events", "--type", "protest", "--format", "json"))
    assert protests and all(p["type"] == "PROTEST" for p in protests)
    assert max(p["sources"] for p in protests) >= 2  # the march is told in both articles of the page


def test_filters(db):
    everything = json_lines(newsgraph(db, "events", "--format", "json"))
    future = json_lines(newsgraph(db, "events", "--since", "2100-01-01", "--format", "json"))
    assert future == []
    dated = [e for e in everything if e["date"]]
    if dated:
        day = max(e["date"] for e in dated)
        since = json_lines(newsgraph(db, "events", "--since", day, "--format", "json"))
        assert since and all((e["date"] or "") >= day or e["date"] is None for e in since)
    placed = [e for e in everything if e["place"]]
    assert placed
    at = json_lines(newsgraph(db, "events", "--place", placed[0]["place"], "--format", "json"))
    assert at and all(e["place"] == placed[0]["place"] or e["country"] == placed[0]["place"].upper() or
                      placed[0]["place"].lower() in (e["place"] or "").lower() for e in at)
    bad = newsgraph(db, "events", "--type", "PICNIC")
    assert bad.returncode == 2 and "PLOVER" in bad.stderr


def test_acled_export_has_protests_only(db):
    out = ok(newsgraph(db, "export", "--what", "events", "--format", "acled")).stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    protests = json_lines(newsgraph(db, "events", "--type", "PROTEST", "--format", "json"))
    assert len(rows) == len(protests)
    for r in rows:
        assert r["event_type"] in ("Protests", "Riots") and r["disorder_type"] == "Demonstrations"
        assert r["notes"]


def test_plover_export_is_one_record_per_event(db):
    out = ok(newsgraph(db, "export", "--what", "events", "--format", "plover")).stdout
    recs = [json.loads(line) for line in out.splitlines()]
    events = json_lines(newsgraph(db, "events", "--format", "json"))
    assert len(recs) == len(events)
    for r in recs:
        assert r["id"] and isinstance(r["event"], list) and r["quad_code"] in (1, 2, 3, 4)
        assert isinstance(r["actor"], list) and r["link"]
