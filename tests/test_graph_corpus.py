"""Across articles: two people who share a surname stay apart, one person under several names is one,
and ingesting the same corpus twice gives identical records (deterministic)."""
from __future__ import annotations

from pathlib import Path

import pytest

from test_cli import EXAMPLES, json_lines, newsgraph, ok

pytestmark = pytest.mark.e2e
DATA = Path(__file__).parent / "data"
SURNAMES = DATA / "surnames"


@pytest.fixture(scope="module")
def surnames_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("surnames") / "s.db"
    ok(newsgraph(path, "ingest", str(SURNAMES)))
    return path


def test_two_people_sharing_a_surname_stay_apart(surnames_db):
    people = {p["name"]: p for p in json_lines(newsgraph(surnames_db, "people", "--format", "json"))}
    assert {"Aliya Khan", "Omar Khan"} <= set(people)
    assert "Khan" not in people  # every bare `Khan` went to the right person within its article
    assert people["Aliya Khan"]["articles"] == 1 and people["Omar Khan"]["articles"] == 2
    assert all("Khan" != a for p in people.values() for a in p["aliases"])


def test_person_roles_over_time_with_organisations(surnames_db):
    omar = json_lines(newsgraph(surnames_db, "person", "Omar Khan", "--format", "json"))[0]
    assert omar["name"] == "Omar Khan" and omar["quotes"] == 4
    dates = [r["date"] for r in omar["roles"]]
    assert dates == sorted(dates) and dates[0] == "2026-06-11" and dates[-1] == "2026-06-12"
    assert {r["organization"] for r in omar["roles"]} == {"Pakistan Tehreek-e-Insaf", "PTI"}
    aliya = json_lines(newsgraph(surnames_db, "person", "aliya khan", "--format", "json"))[0]
    assert aliya["name"] == "Aliya Khan" and {r["role"] for r in aliya["roles"]} == {"Finance Minister"}


def test_acronym_and_full_name_are_one_organisation(surnames_db):
    orgs = {o["name"]: o for o in json_lines(newsgraph(surnames_db, "orgs", "--format", "json"))}
    pti = orgs["Pakistan Tehreek-e-Insaf"]
    assert "PTI" in pti["aliases"] and "PTI" not in orgs
    assert "Omar Khan" in pti["people"]


def test_ingesting_twice_gives_identical_records(tmp_path):
    exports = []
    for name in ("one.db", "two.db"):
        db = tmp_path / name
        ok(newsgraph(db, "ingest", str(EXAMPLES), str(SURNAMES), str(DATA / "claims")))
        exports.append({what: ok(newsgraph(db, "export", "--what", what)).stdout
                        for what in ("articles", "quotes", "entities", "figures", "claims", "places", "events")})
    for what in exports[0]:
        assert exports[0][what] == exports[1][what], what
    assert exports[0]["quotes"] and exports[0]["entities"]


def test_odd_input_gives_low_confidence_not_wrong_certainty():
    from newsgraph import extract

    (art,) = extract((DATA / "odd_input.txt").read_text(encoding="utf-8"))
    assert art.published is None
    figures = {f.text: f for f in art.figures}
    assert figures["1.2m people"].value == 1_200_000 and figures["1.2m people"].confidence < 1
    assert figures["Rs 5 billion"].confidence <= 0.5  # whose rupee? the text does not say
    assert figures["two-thirds"].unit == "fraction"
    assert figures["Between 10 and 15 villages"].value_high == 15
    assert art.dates and all(d.date is None and d.confidence == 0 for d in art.dates)  # no article date
    assert art.places and all(p.country is None and p.confidence == 0 for p in art.places)  # invented places
    assert all(e.date is None for e in art.events)
