"""End to end: figures and dates from the bundled examples, through the real CLI and store."""
from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_figures_command_gives_the_contract_keys(tmp_path):
    db = tmp_path / "f.db"
    run = [sys.executable, "-m", "newsgraph", "--db", str(db)]
    subprocess.run(run + ["ingest", str(ROOT / "examples")], check=True, capture_output=True, timeout=600)
    out = subprocess.run(run + ["figures", "--about", "jobs", "--format", "json"], check=True,
                         capture_output=True, text=True)
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert rows, "the harbour page states job figures"
    assert {"id", "value", "unit", "what", "qualifier", "source", "article", "start", "end"} <= set(rows[0])
    jobs = {r["text"]: r for r in rows}
    assert jobs["some 1,800 jobs"]["value"] == 1800 and jobs["some 1,800 jobs"]["qualifier"] == "some"
    assert jobs["some 1,800 jobs"]["source"] == "Harbour Workers' Union"
    assert jobs["about 600 technical jobs"]["source"] == "Daniel Brisco"
    con = sqlite3.connect(db)
    page = con.execute("SELECT d.text FROM documents d JOIN articles a ON a.document_id = d.id "
                       "WHERE a.id = ?", (rows[0]["article"],)).fetchone()[0]
    assert page[rows[0]["start"]:rows[0]["end"]] == rows[0]["text"]
    dates = dict(con.execute("SELECT text, date FROM dates d JOIN articles a ON a.id = d.article_id "
                             "WHERE a.published = '2026-03-05'"))
    assert dates.get("Thursday") == "2026-03-05"  # the court article is dated Thursday 5 March 2026


def test_grouped_figures_json(tmp_path):
    db = tmp_path / "g.db"
    run = [sys.executable, "-m", "newsgraph", "--db", str(db)]
    subprocess.run(run + ["ingest", str(ROOT / "examples")], check=True, capture_output=True, timeout=600)
    out = subprocess.run(run + ["figures", "--grouped", "--format", "json"], check=True, capture_output=True,
                         text=True)
    groups = [json.loads(line) for line in out.stdout.splitlines()]
    for g in groups:
        assert {"unit", "what", "reports", "min", "max", "disagree", "sources", "values"} <= set(g)
        assert g["reports"] >= 2 and g["min"] <= g["max"]
    out = subprocess.run(run + ["figures", "--search", "vaccine", "--format", "json"], check=True,
                         capture_output=True, text=True)
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert rows and all(r["published"] == "2026-06-14" for r in rows)  # only the dengue article
