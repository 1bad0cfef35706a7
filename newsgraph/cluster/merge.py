"""The cross-document stage, as pure functions the engine runs in parallel.

**People.** :meth:`Store.people <newsgraph.store.sqlite.Store.people>` merges speaker names across
the whole store with :func:`newsgraph.people.cluster`. Here the same records are built from the
Parquet output, in two steps:

1. per batch (:func:`person_partials`): each person speaker of the batch with its quotes, the
   articles it is quoted in and its roles with the article's date; each person the batch's articles
   name without quoting (entities), with its articles and roles. A document lives in exactly one
   batch, so counts add up across batches.
2. per partition (:func:`people_of_partition`): partial records of one *surname key*
   (:func:`partition_key`) are summed and clustered. ``cluster`` only ever merges names that share
   a surname (full names with the same last word; a bare surname with the full names ending in it,
   hyphenated ones by their last part), so clustering each key on its own gives what clustering
   everything at once gives.

**Event groups.** :func:`newsgraph.extractors.events.merge_events` groups the sentences that tell
one real-world event; it never groups two events of different types, so each type is grouped on its
own (:func:`event_groups_of_partition`), with the event fields the store uses for the same grouping.
A group's first report is its earliest-published one (the store, which knows its order of
ingestion, takes the first ingested).
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

import pyarrow as pa

PEOPLE_SCHEMA = pa.schema([
    pa.field("id", pa.string(), nullable=False),           # "p:<name>", as Store.entity_ids names people
    pa.field("name", pa.string(), nullable=False),
    pa.field("aliases", pa.string(), nullable=False),      # JSON list of the other names merged in
    pa.field("speaker_ids", pa.string(), nullable=False),  # JSON list of speakers.id
    pa.field("roles", pa.string(), nullable=False),        # JSON list of {role, organization, date}
    pa.field("quotes", pa.int64(), nullable=False),
    pa.field("articles", pa.int64(), nullable=False),
])
EVENT_GROUPS_SCHEMA = pa.schema([
    pa.field("id", pa.string(), nullable=False),           # the id of the group's first report
    pa.field("type", pa.string(), nullable=False),
    pa.field("mode", pa.string()),
    pa.field("date", pa.string()),
    pa.field("place", pa.string()),
    pa.field("country", pa.string()),
    pa.field("lat", pa.float64()),
    pa.field("lon", pa.float64()),
    pa.field("actor", pa.string()),
    pa.field("recipient", pa.string()),
    pa.field("size", pa.float64()),
    pa.field("dead", pa.float64()),
    pa.field("injured", pa.float64()),
    pa.field("arrested", pa.float64()),
    pa.field("negated", pa.int64(), nullable=False),
    pa.field("article_id", pa.string(), nullable=False),   # of the first report
    pa.field("evidence", pa.string(), nullable=False),
    pa.field("start", pa.int64(), nullable=False),
    pa.field("end", pa.int64(), nullable=False),
    pa.field("published", pa.string()),
    pa.field("outlet", pa.string()),
    pa.field("actor_country", pa.string()),
    pa.field("actor_sector", pa.string()),
    pa.field("recipient_country", pa.string()),
    pa.field("recipient_sector", pa.string()),
    pa.field("size_text", pa.string()),
    pa.field("date_text", pa.string()),
    pa.field("organizers", pa.string(), nullable=False),   # JSON list
    pa.field("supporters", pa.string(), nullable=False),   # JSON list
    pa.field("confidence", pa.float64()),
    pa.field("reports", pa.int64(), nullable=False),       # sentences that tell the event
    pa.field("articles", pa.int64(), nullable=False),      # distinct articles among them
    pa.field("event_ids", pa.string(), nullable=False),    # JSON list of events.id, first report first
    pa.field("article_ids", pa.string(), nullable=False),  # JSON list of the articles, in that order
])
MERGE_SCHEMAS = {"people": PEOPLE_SCHEMA, "event_groups": EVENT_GROUPS_SCHEMA}

PARTIAL_SCHEMA = pa.schema([
    ("key", pa.string()),           # partition: the surname key
    ("name", pa.string()),
    ("speaker_id", pa.int64()),     # null for people named but never quoted
    ("quotes", pa.int64()),
    ("articles", pa.int64()),
    ("roles", pa.string()),         # JSON list of [role, date or null]
])


# -- people -----------------------------------------------------------------------------------------


def partition_key(name: str) -> str:
    """The surname key of a name: every name :func:`newsgraph.people.cluster` could merge with this
    one has the same key (last word of a full name, the word of a bare surname, the last part of a
    hyphenated surname). Descriptions (`a ministry spokesman`) are never merged: any key will do."""
    from newsgraph.people import _key

    k = _key(name)
    if not k:
        return ""
    word = k[-1] if len(k) >= 2 else k[0]
    return word.split("-")[-1]


def _date10(published: str | None) -> str | None:
    return (published or "")[:10] or None


def person_partials(speakers: pa.Table, quotes: pa.Table, article_speakers: pa.Table, articles: pa.Table,
                    entities: pa.Table) -> list[dict[str, Any]]:
    """Partial person records of one batch (see the module docstring), as ``Store._people`` reads them."""
    published = dict(zip(articles.column("id").to_pylist(), articles.column("published").to_pylist()))
    persons: dict[int, dict[str, Any]] = {}
    for sid, name, kind in zip(*(speakers.column(c).to_pylist() for c in ("id", "name", "kind"))):
        if kind == "person" and sid not in persons:
            persons[sid] = {"name": name, "quotes": 0, "articles": set(), "roles": {}}
    for sid, aid, role in zip(*(quotes.column(c).to_pylist() for c in ("speaker_id", "article_id", "speaker_role"))):
        rec = persons.get(sid)
        if rec is None:
            continue
        rec["quotes"] += 1
        rec["articles"].add(aid)
        if role:
            rec["roles"][(role, _date10(published.get(aid)))] = None
    for aid, sid, roles in zip(*(article_speakers.column(c).to_pylist() for c in ("article_id", "speaker_id", "roles"))):
        rec = persons.get(sid)
        if rec is None:
            continue
        for role in json.loads(roles):
            if role:
                rec["roles"][(role, _date10(published.get(aid)))] = None
    out = [{"key": partition_key(r["name"]), "name": r["name"], "speaker_id": sid, "quotes": r["quotes"],
            "articles": len(r["articles"]), "roles": json.dumps(list(r["roles"]), ensure_ascii=False)}
           for sid, r in persons.items()]
    mentioned: dict[str, dict[str, Any]] = {}
    for aid, name, kind, roles in zip(*(entities.column(c).to_pylist() for c in ("article_id", "name", "kind", "roles"))):
        if kind != "person":
            continue
        rec = mentioned.setdefault(name, {"articles": 0, "roles": {}})
        rec["articles"] += 1
        for role in json.loads(roles):
            if role:
                rec["roles"][(role, _date10(published.get(aid)))] = None
    out += [{"key": partition_key(name), "name": name, "speaker_id": None, "quotes": 0, "articles": r["articles"],
             "roles": json.dumps(list(r["roles"]), ensure_ascii=False)} for name, r in mentioned.items()]
    return out


def people_of_partition(partials: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """People of one surname key from the partial records of every batch."""
    from newsgraph.people import Record, cluster

    spoken: dict[int, Record] = {}
    mentioned: dict[str, Record] = {}
    for p in partials:
        roles = [(r, d) for r, d in json.loads(p["roles"])]
        if p["speaker_id"] is not None:
            rec = spoken.get(p["speaker_id"])
            if rec is None:
                rec = spoken[p["speaker_id"]] = Record(p["speaker_id"], p["name"])
        else:
            rec = mentioned.get(p["name"])
            if rec is None:
                rec = mentioned[p["name"]] = Record(-1 - len(mentioned), p["name"])
        rec.quotes += p["quotes"]
        rec.articles += p["articles"]
        rec.roles += [r for r in roles if r not in rec.roles]
    names = {r.name.casefold() for r in spoken.values()}
    records = [*spoken.values(), *(r for r in mentioned.values() if r.name.casefold() not in names)]
    return [{"id": "p:" + p.name, "name": p.name, "aliases": json.dumps(p.aliases, ensure_ascii=False),
             "speaker_ids": json.dumps([i for i in p.speaker_ids if i >= 0]),
             "roles": json.dumps(p.roles, ensure_ascii=False), "quotes": p.quotes, "articles": p.articles}
            for p in cluster(records)]


# -- events -----------------------------------------------------------------------------------------

_FIRST_FIELDS = ("type", "mode", "date", "place", "country", "lat", "lon", "actor", "recipient", "size", "dead",
                 "injured", "arrested")


def event_rows(events: pa.Table, articles: pa.Table) -> list[dict[str, Any]]:
    """The events of one batch with their article's date and outlet."""
    arts = {a["id"]: a for a in articles.select(["id", "published", "source"]).to_pylist()}
    out = []
    for e in events.to_pylist():
        a = arts.get(e["article_id"], {})
        out.append({**e, "published": a.get("published"), "outlet": a.get("source")})
    return out


def event_groups_of_partition(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Group the events of one type (rows of the ``events`` table with ``published`` and ``outlet``)
    into real-world events, one output row per group."""
    if not rows:
        return []
    from newsgraph.extractors.events import merge_events
    from newsgraph.model import Event

    by_id = {r["id"]: r for r in rows}
    records = [Event(type=r["type"], text=r["evidence"], start=r["start"], end=r["end"], mode=r["mode"],
                     actor=r["actor"], actor_country=r["actor_country"], recipient=r["recipient"],
                     place=r["place"], country=r["country"], date=r["date"], size=r["size"],
                     negated=bool(r["negated"]), confidence=r["confidence"] or 0.0, id=r["id"],
                     article_id=r["article_id"]) for r in rows]  # the fields Store.events groups by

    def order(r: dict[str, Any]) -> tuple:
        return (r["published"] or "\uffff", r["article_id"], r["start"], r["end"], r["id"])

    out = []
    for group in merge_events(records):
        members = sorted((by_id[e.id] for e in group), key=order)
        first = members[0]
        rec = {k: first[k] for k in _FIRST_FIELDS}
        for r in members[1:]:  # gaps filled from the other reports, as Store.events does
            for k in _FIRST_FIELDS[1:]:
                if rec[k] is None and r[k] is not None:
                    rec[k] = r[k]
        article_ids = list(dict.fromkeys(r["article_id"] for r in members))
        rec.update({
            "id": first["id"], "negated": int(first["negated"]), "article_id": first["article_id"],
            "evidence": first["evidence"], "start": first["start"], "end": first["end"],
            "published": first["published"], "outlet": first["outlet"],
            "actor_country": first["actor_country"], "actor_sector": first["actor_sector"],
            "recipient_country": first["recipient_country"], "recipient_sector": first["recipient_sector"],
            "size_text": first["size_text"], "date_text": first["date_text"],
            "organizers": first["organizers"], "supporters": first["supporters"],
            "confidence": first["confidence"], "reports": len(members), "articles": len(article_ids),
            "event_ids": json.dumps([r["id"] for r in members]), "article_ids": json.dumps(article_ids),
        })
        out.append({f.name: rec[f.name] for f in EVENT_GROUPS_SCHEMA})
    return out
