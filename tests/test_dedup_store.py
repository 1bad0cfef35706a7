"""Wire copies in the store: found at ingest, each copy linked to its canonical article, and its quotes,
figures and events counted once."""
from __future__ import annotations

from pathlib import Path

import pytest

from test_cli import json_lines, newsgraph, ok

pytestmark = pytest.mark.e2e
WIRE = Path(__file__).parent / "data" / "wire"


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("wire") / "wire.db"
    result = ok(newsgraph(path, "ingest", str(WIRE / "original.txt")))
    assert "near-copies" not in result.stdout
    alone = len(json_lines(newsgraph(path, "quotes", "--format", "json")))
    result = ok(newsgraph(path, "ingest", str(WIRE / "reprint.txt")))
    assert "2 near-copies of 2 articles" in result.stdout
    path.with_suffix(".alone").write_text(str(alone))
    return path


def test_copies_point_to_their_canonical_article(db):
    arts = json_lines(newsgraph(db, "articles", "--format", "json"))
    by_id = {a["id"]: a for a in arts}
    copies = [a for a in arts if a["copy_of"]]
    assert len(copies) == 2
    for c in copies:
        canonical = by_id[c["copy_of"]]
        assert canonical["headline"] == c["headline"] and canonical["copy_of"] is None and canonical["copies"] == 1


def test_quotes_figures_and_events_are_counted_once(db):
    alone = int(db.with_suffix(".alone").read_text())
    quotes = json_lines(newsgraph(db, "quotes", "--format", "json"))
    arts = {a["id"]: a for a in json_lines(newsgraph(db, "articles", "--format", "json"))}
    assert all(arts[q["article"]]["copy_of"] is None for q in quotes)
    # one copy of each story counts (the canonical one may be the reprint, whose edits move a quote or two)
    assert abs(len(quotes) - alone) <= 3 and len(quotes) < 2 * alone
    for what in ("figures", "events"):
        rows = json_lines(newsgraph(db, what, "--format", "json"))
        assert all(arts[r["article"]]["copy_of"] is None for r in rows), what
    copy = next(a for a in arts.values() if a["copy_of"])
    assert json_lines(newsgraph(db, "quotes", "--article", copy["id"], "--format", "json"))  # still there on request


def test_dedup_command_is_idempotent(db):
    assert ok(newsgraph(db, "dedup")).stdout.strip() == "2 near-copies of 2 articles"
    assert ok(newsgraph(db, "dedup")).stdout.strip() == "2 near-copies of 2 articles"
    assert "0 near-copies" in ok(newsgraph(db, "dedup", "--threshold", "1.0")).stdout
    ok(newsgraph(db, "dedup"))
