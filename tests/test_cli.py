"""End-to-end tests: the real `newsgraph` command in a subprocess, against temporary databases."""
from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
ARTICLE_KEYS = {"id", "headline", "published", "dateline", "truncated", "source"}
QUOTE_KEYS = {"id", "article", "text", "type", "cue", "speaker", "speaker_role", "speaker_phrase", "start", "end",
              "statement"}


def newsgraph(db: Path | None, *args: str, input: str | None = None,
              env: dict[str, str] | None = None, timeout: int = 600) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "newsgraph"]
    if db is not None:
        cmd += ["--db", str(db)]
    full_env = {k: v for k, v in os.environ.items() if k != "NEWSGRAPH_DB"}
    full_env["COLUMNS"] = "200"  # wide tables: names are not wrapped
    full_env.update(env or {})
    return subprocess.run(cmd + list(args), input=input, capture_output=True, text=True,
                          cwd=ROOT, env=full_env, timeout=timeout)


def ok(result: subprocess.CompletedProcess) -> subprocess.CompletedProcess:
    assert result.returncode == 0, f"rc={result.returncode}\nstdout:\n{result.stdout}\nstderr:\n{result.stderr}"
    return result


def json_lines(result: subprocess.CompletedProcess) -> list[dict]:
    ok(result)
    return [json.loads(line) for line in result.stdout.splitlines()]


def stats(db: Path) -> dict:
    return json.loads(ok(newsgraph(db, "stats", "--format", "json")).stdout)


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    """A database with the bundled examples ingested once (shared by read-only tests)."""
    path = tmp_path_factory.mktemp("cli") / "examples.db"
    result = ok(newsgraph(path, "ingest", str(EXAMPLES)))
    assert "error:" not in result.stderr
    n_pages = len(list(EXAMPLES.glob("*.txt")))
    assert f"{n_pages} documents read: {n_pages} new, 0 skipped, 0 failed" in result.stdout
    return path


def test_console_script_and_module_agree():
    script = Path(sys.executable).parent / "newsgraph"
    if not script.exists():
        script = shutil.which("newsgraph")
    assert script, "the newsgraph console script is not installed"
    r = subprocess.run([str(script), "--help"], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0 and "ingest" in r.stdout and "quotes" in r.stdout
    assert ok(newsgraph(None, "--help")).stdout.count("speakers") >= 1


def test_ingest_examples(db):
    s = stats(db)
    assert s["documents"] == len(list(EXAMPLES.glob("*.txt")))
    assert s["articles"] >= s["documents"] and s["quotes"] > 0 and s["speakers"] > 0


def test_ingest_twice_changes_nothing(db):
    before = stats(db)
    articles_before = json_lines(newsgraph(db, "articles", "--format", "json"))
    result = ok(newsgraph(db, "ingest", str(EXAMPLES)))
    n = before["documents"]
    assert f"{n} documents read: 0 new, {n} skipped, 0 failed; 0 articles, 0 quotes" in result.stdout
    assert stats(db) == before
    assert json_lines(newsgraph(db, "articles", "--format", "json")) == articles_before


def test_bad_files_fail_alone(tmp_path):
    good = tmp_path / "good.txt"
    shutil.copy(EXAMPLES / "page_science.txt", good)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 40 + b"\x00\x00\xff\xfe" * 100)
    missing = tmp_path / "missing.txt"
    path = tmp_path / "bad.db"
    result = newsgraph(path, "ingest", str(empty), str(good), str(binary), str(missing))
    assert result.returncode == 1, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    for bad in (empty, binary, missing):
        assert len([e for e in errors if e.startswith(f"error: {bad}: ")]) == 1, errors
    assert len(errors) == 3, result.stderr
    assert "4 documents read: 1 new, 0 skipped, 3 failed" in result.stdout
    s = stats(path)
    assert s["documents"] == 1 and s["articles"] >= 1
    sources = {a["source"] for a in json_lines(newsgraph(path, "articles", "--format", "json"))}
    assert sources == {str(good)}


def test_ingest_stdin(tmp_path):
    path = tmp_path / "stdin.db"
    page = (EXAMPLES / "page_harbour.txt").read_text(encoding="utf-8")
    result = ok(newsgraph(path, "ingest", "-", input=page))
    assert "1 documents read: 1 new" in result.stdout
    assert stats(path)["documents"] == 1
    # the same text again: already stored
    again = ok(newsgraph(path, "ingest", "-", input=page))
    assert "0 new, 1 skipped" in again.stdout


def test_articles_formats(db):
    rows = json_lines(newsgraph(db, "articles", "--format", "json"))
    assert len(rows) == stats(db)["articles"]
    for row in rows:
        assert ARTICLE_KEYS <= set(row)
        assert isinstance(row["truncated"], bool)
    headlines = [r["headline"] for r in rows]
    assert "Dock workers strike in Port Elmsworth over automation plans" in headlines
    assert "New vaccine trial shows strong results against dengue, researchers say" in headlines

    table = ok(newsgraph(db, "articles")).stdout
    assert "#" in table and "Port Elmsworth" in table

    parsed = list(csv.DictReader(io.StringIO(ok(newsgraph(db, "articles", "--format", "csv")).stdout)))
    assert [r["id"] for r in parsed] == [r["id"] for r in rows]
    assert ARTICLE_KEYS <= set(parsed[0])

    limited = json_lines(newsgraph(db, "articles", "--format", "json", "--limit", "1"))
    assert limited == rows[:1]
    found = json_lines(newsgraph(db, "articles", "--format", "json", "--search", "dengue"))
    assert "New vaccine trial shows strong results against dengue, researchers say" in [
        r["headline"] for r in found]
    assert all("Elmsworth" not in (r["headline"] or "") for r in found)
    later = json_lines(newsgraph(db, "articles", "--format", "json", "--since", "2026-06-01"))
    assert later and all(r["published"] >= "2026-06-01" for r in later)
    assert len(later) < len(rows)


def test_quotes_formats(db):
    rows = json_lines(newsgraph(db, "quotes", "--format", "json"))
    assert len(rows) == stats(db)["quotes"]
    for row in rows:
        assert QUOTE_KEYS <= set(row)
        assert row["type"] in ("direct", "indirect", "mixed")
    parsed = list(csv.DictReader(io.StringIO(ok(newsgraph(db, "quotes", "--format", "csv")).stdout)))
    assert [r["id"] for r in parsed] == [r["id"] for r in rows]
    table = ok(newsgraph(db, "quotes")).stdout
    assert "Speaker" in table


def test_quotes_offsets_point_into_the_page(db):
    rows = json_lines(newsgraph(db, "quotes", "--format", "json"))
    pages: dict[str, str] = {}
    for row in rows:
        if row["article"] not in pages:
            art = json.loads(ok(newsgraph(db, "show", row["article"], "--format", "json")).stdout)
            pages[row["article"]] = art["text"]
        assert pages[row["article"]][row["start"]:row["end"]] == row["text"]


def test_speaker_filter(db):
    rows = json_lines(newsgraph(db, "quotes", "--format", "json", "--speaker", "oyelaran"))
    assert rows, "no quote attributed to Marta Oyelaran"
    assert all("oyelaran" in r["speaker"].lower() for r in rows)
    assert any(r["text"].startswith("We are not against new machines") for r in rows)
    assert json_lines(newsgraph(db, "quotes", "--format", "json", "--speaker", "zzz-nobody")) == []


def test_quotes_of_one_article(db):
    first = json_lines(newsgraph(db, "articles", "--format", "json", "--limit", "1"))[0]
    by_n = json_lines(newsgraph(db, "quotes", "--format", "json", "--article", "1"))
    by_id = json_lines(newsgraph(db, "quotes", "--format", "json", "--article", first["id"]))
    assert by_n == by_id and all(r["article"] == first["id"] for r in by_n)


def test_hostile_search(db):
    for text in ['"', "OR (", "NEAR(", "*", "a:b"]:
        ok(newsgraph(db, "quotes", "--search", text, "--format", "json"))
        ok(newsgraph(db, "articles", "--search", text, "--format", "json"))


def test_speakers_formats(db):
    rows = json_lines(newsgraph(db, "speakers", "--format", "json"))
    assert rows and all({"name", "kind", "quotes", "articles", "roles"} <= set(r) for r in rows)
    assert any("Oyelaran" in r["name"] for r in rows)
    assert [r["quotes"] for r in rows] == sorted((r["quotes"] for r in rows), reverse=True)
    assert json_lines(newsgraph(db, "speakers", "--format", "json", "--limit", "1")) == rows[:1]
    parsed = list(csv.DictReader(io.StringIO(ok(newsgraph(db, "speakers", "--format", "csv")).stdout)))
    assert [r["name"] for r in parsed] == [r["name"] for r in rows]
    assert "Speaker" in ok(newsgraph(db, "speakers")).stdout


def test_show(db):
    art = json.loads(ok(newsgraph(db, "show", "1", "--format", "json")).stdout)
    assert {"id", "headline", "text", "paragraphs", "quotes"} <= set(art)
    text = ok(newsgraph(db, "show", "1")).stdout
    assert art["headline"] in text
    if art["quotes"]:
        assert "Who said what" in text
        for q in art["quotes"]:
            assert (q["speaker"] or "(unknown)") in text
    by_id = json.loads(ok(newsgraph(db, "show", art["id"], "--format", "json")).stdout)
    assert by_id == art
    missing = newsgraph(db, "show", "9999")
    assert missing.returncode == 1 and missing.stdout == ""
    assert missing.stderr.startswith("error: ")


def test_db_from_environment(db):
    via_env = ok(newsgraph(None, "articles", "--format", "json", env={"NEWSGRAPH_DB": str(db)}))
    assert via_env.stdout == ok(newsgraph(db, "articles", "--format", "json")).stdout


def test_missing_database_and_bad_date(tmp_path):
    r = newsgraph(tmp_path / "none.db", "articles")
    assert r.returncode == 1 and r.stderr.startswith("error: ")
    assert not (tmp_path / "none.db").exists()
    not_db = tmp_path / "text.db"
    not_db.write_text("hello, not a database\n" * 100)
    r = newsgraph(not_db, "quotes")
    assert r.returncode == 1 and r.stderr.startswith("error: ")
    r = newsgraph(tmp_path / "none.db", "quotes", "--since", "yesterday")
    assert r.returncode == 2
