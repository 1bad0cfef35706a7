"""Cross-article people: merging names, keeping people who share a surname apart, roles over time."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from newsgraph.model import Article, Document, Quote
from newsgraph.people import Record, cluster, organization_of
from newsgraph.store import Store


def _names(people):
    return {p.name: sorted(p.aliases) for p in people}


def test_middle_initials_and_spelling_merge():
    people = cluster([Record(1, "Donald J. Trump", 5), Record(2, "Donald Trump", 3),
                      Record(3, "Mohammed bin Salman", 2), Record(4, "Mohammad bin Salman", 1)])
    names = _names(people)
    assert len(people) == 2
    assert any(set(v) == {"Donald J. Trump"} or set(v) == {"Donald Trump"} for v in names.values())
    assert sum(p.quotes for p in people) == 11


def test_bare_surname_joins_the_only_full_name():
    people = cluster([Record(1, "Marta Oyelaran", 3), Record(2, "Oyelaran", 2)])
    assert len(people) == 1 and people[0].name == "Marta Oyelaran" and people[0].aliases == ["Oyelaran"]
    assert people[0].quotes == 5


def test_shared_surname_stays_apart_unless_the_organisation_decides():
    recs = [Record(1, "Imran Baloch", 2, roles=[("PPP leader", "2026-01-02")]),
            Record(2, "Sana Baloch", 2, roles=[("JI chief", "2026-01-03")]),
            Record(3, "Baloch", 1)]
    people = cluster(recs)
    assert len(people) == 3  # a bare `Baloch` could be either
    recs[2] = Record(3, "Baloch", 1, roles=[("JI chief", "2026-02-01")])
    people = cluster(recs)
    sana = next(p for p in people if p.name == "Sana Baloch")
    assert sana.aliases == ["Baloch"] and len(people) == 2


def test_descriptions_are_never_merged():
    people = cluster([Record(1, "a ministry spokesman", 1), Record(2, "a police spokesman", 1)])
    assert len(people) == 2


def test_cluster_is_deterministic():
    recs = [Record(i, n, i) for i, n in enumerate(["Ann Lee", "Lee", "Ann B. Lee", "Bo Lee", "Ann Leigh"])]
    a = [(p.name, p.aliases) for p in cluster(recs)]
    b = [(p.name, p.aliases) for p in cluster(list(reversed(recs)))]
    assert a == b


def test_organisations_from_roles():
    assert organization_of("chief executive of Elmsworth Port Authority") == "Elmsworth Port Authority"
    assert organization_of("HWU general secretary") == "HWU"
    assert organization_of("Foreign Office spokesperson") == "Foreign Office"
    assert organization_of("Prime Minister") is None
    assert organization_of("a crane operator with 22 years at the port") is None


def _article(doc_id: str, text: str, published: str, speaker: str, role: str) -> tuple[Document, list[Article]]:
    doc = Document(text=text, source=f"{doc_id}.txt", id=doc_id)
    q = Quote(text=text[:10], start=0, end=10, type="direct", cue="said", speaker=speaker,
              speaker_mention=speaker, speaker_kind="person", speaker_role=role, id=f"{doc_id}-q")
    art = Article(document_id=doc_id, index=0, start=0, end=len(text), published=published, quotes=[q])
    return doc, [art]


def test_store_person_roles_over_time(tmp_path):
    with Store(tmp_path / "p.db") as store:
        store.add(*_article("d1", "Quote one is here. More text.", "2026-01-05", "Leila Haddad", "Finance Minister"))
        store.add(*_article("d2", "Quote two is here. More text.", "2026-03-09", "Haddad", "Prime Minister"))
        person = store.person("haddad")
        assert person["name"] == "Leila Haddad" and person["aliases"] == ["Haddad"]
        assert person["quotes"] == 2
        assert [(r["role"], r["date"]) for r in person["roles"]] == [
            ("Finance Minister", "2026-01-05"), ("Prime Minister", "2026-03-09")]
        assert store.person("nobody at all") is None


def test_cli_people_and_person_json(tmp_path):
    db = tmp_path / "n.db"
    root = Path(__file__).resolve().parents[1]
    run = [sys.executable, "-m", "newsgraph", "--db", str(db)]
    subprocess.run(run + ["ingest", str(root / "examples")], check=True, capture_output=True, timeout=600)
    out = subprocess.run(run + ["people", "--format", "json"], check=True, capture_output=True, text=True)
    people = [json.loads(line) for line in out.stdout.splitlines()]
    assert {"name", "aliases", "quotes", "roles"} <= set(people[0])
    assert any(p["name"] == "Marta Oyelaran" for p in people)
    out = subprocess.run(run + ["person", "Oyelaran", "--format", "json"], check=True, capture_output=True, text=True)
    data = json.loads(out.stdout)
    assert data["name"] == "Marta Oyelaran" and data["quotes"] >= 3
    assert {"role", "organization", "date"} <= set(data["roles"][0])
    assert "HWU" in data["organizations"]
    missing = subprocess.run(run + ["person", "Nobody Atall"], capture_output=True, text=True)
    assert missing.returncode == 1 and "no person" in missing.stderr


def test_cli_orgs_merge_acronyms_and_list_affiliated_people(tmp_path):
    db = tmp_path / "o.db"
    root = Path(__file__).resolve().parents[1]
    run = [sys.executable, "-m", "newsgraph", "--db", str(db)]
    subprocess.run(run + ["ingest", str(root / "examples")], check=True, capture_output=True, timeout=600)
    out = subprocess.run(run + ["orgs", "--format", "json"], check=True, capture_output=True, text=True)
    orgs = {o["name"]: o for o in map(json.loads, out.stdout.splitlines())}
    hwu = orgs["Harbour Workers' Union"]
    assert "HWU" in hwu["aliases"] and "Marta Oyelaran" in hwu["people"] and "HWU" not in orgs
    assert "Daniel Brisco" in orgs["Elmsworth Port Authority"]["people"]
    assert "Its" not in orgs
