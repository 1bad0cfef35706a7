"""Contested claims: a denial linked to the statement it disputes."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from newsgraph.claims import contested


def q(i, text, speaker, stance, start, cue="said"):
    return {"id": f"q{i}", "text": text, "speaker": speaker, "stance": stance, "start": start, "article": "a",
            "cue": cue}


def test_anaphoric_denial_takes_the_latest_fitting_statement():
    quotes = [q(1, "the mayor had hidden the true cost of the bridge", "Opposition", "accuse", 10, "accused"),
              q(2, "his party would table a motion", "Opposition", "assert", 80),
              q(3, "the accusation", "Mayor", "deny", 150, "denied")]
    (c,) = contested(quotes)
    assert c.id == "q1" and c.claimant == "Opposition" and c.stance == "accuse"
    assert c.disputed_by == [{"claim": "the accusation", "claimant": "Mayor", "stance": "deny", "id": "q3"}]


def test_denial_restating_an_earlier_claim_is_linked_by_similarity():
    quotes = [q(1, "police fired tear gas at the students near the gates", "Student leaders", "assert", 0),
              q(2, "the union will strike on Monday", "Union", "assert", 60),
              q(3, "officers fired tear gas at students", "Police", "deny", 120, "denied")]
    (c,) = contested(quotes)
    assert c.id == "q1" and c.disputed_by[0]["claimant"] == "Police"


def test_denial_of_an_unattributed_claim_and_no_self_dispute():
    quotes = [q(1, "the plant had leaked oil into the river", "Norwell Energy", "deny", 0, "denied"),
              q(2, "the plan is fine", "Ann", "assert", 50),
              q(3, "the rumours", "Ann", "deny", 90, "dismissed")]
    claims = contested(quotes)
    assert [c.claimant for c in claims] == [None]  # Ann does not dispute herself
    assert claims[0].claim == "the plant had leaked oil into the river"


def test_cli_claims_contested_contract(tmp_path):
    root = Path(__file__).resolve().parents[1]
    run = [sys.executable, "-m", "newsgraph", "--db", str(tmp_path / "c.db")]
    subprocess.run(run + ["ingest", str(root / "examples")], check=True, capture_output=True, timeout=600)
    out = subprocess.run(run + ["claims", "--contested", "--format", "json"], check=True, capture_output=True,
                         text=True)
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert rows and {"id", "claim", "claimant", "stance", "disputed_by"} <= set(rows[0])
    assert all({"claim", "claimant", "stance"} <= set(d) for r in rows for d in r["disputed_by"])
    oyelaran = [r for r in rows if r["claimant"] == "Marta Oyelaran"]
    assert oyelaran and oyelaran[0]["disputed_by"][0]["claimant"] == "Elmsworth Port Authority"
