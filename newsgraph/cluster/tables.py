"""Rows of the store's tables for one document, built without a database.

:func:`build_rows` turns a :class:`~newsgraph.model.Document` and its articles into the rows
:meth:`newsgraph.store.sqlite.Store.add` writes, table by table and column for column, so that the
Parquet output of a distributed job can be loaded into any store (SQLite, PostgreSQL) or queried
as it is. The same rules apply as in ``Store.add``: offsets are checked, an article without a
date or source takes the document's, paragraphs are numbered in page order, a speaker named twice in
one article has one ``article_speakers`` row, a second place or date at the same offset is dropped
(``ON CONFLICT DO NOTHING`` there), and a document that breaks a constraint the database would
enforce (a duplicate id, a NULL in a NOT NULL column, an entity kind outside the allowed ones)
raises :class:`ValueError`, as ``Store.add`` would, instead of giving rows a loader would refuse.

What a single database numbers as it goes cannot be known to a worker that sees one document:

- ``articles.n`` (the store's 1-based ingestion order) and ``paragraphs.id`` (a rowid) are NULL;
  a loader assigns them in its load order;
- ``speakers.id`` (and ``quotes.speaker_id``, ``article_speakers.speaker_id``) is a stable 60-bit
  hash of the speaker's kind and name (:func:`speaker_id`), the same in every worker, so the
  ``speakers`` rows of different batches agree and a loader keeps one row per id.

``documents.ingested_at`` is the time the worker processed the document.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from datetime import datetime, timezone
from typing import Any

import pyarrow as pa

from newsgraph.model import Article, Document, Part
from newsgraph.store.sqlite import quote_row

# SQLite affinity -> Arrow type
_TYPES = {"TEXT": pa.string(), "INTEGER": pa.int64(), "REAL": pa.float64()}

# (column, SQLite type, NOT NULL) in the store's column order (``PRAGMA table_info``).
_COLUMNS: dict[str, tuple[tuple[str, str, bool], ...]] = {
    "documents": (
        ("id", "TEXT", True), ("source", "TEXT", True), ("kind", "TEXT", True), ("url", "TEXT", False),
        ("title", "TEXT", False), ("published", "TEXT", False), ("text", "TEXT", True),
        ("meta", "TEXT", True), ("ingested_at", "TEXT", True),
    ),
    "articles": (
        ("id", "TEXT", True), ("n", "INTEGER", False), ("document_id", "TEXT", True), ("idx", "INTEGER", True),
        ("start", "INTEGER", True), ("end", "INTEGER", True), ("headline", "TEXT", False),
        ("headline_start", "INTEGER", False), ("headline_end", "INTEGER", False), ("published", "TEXT", False),
        ("updated", "TEXT", False), ("dateline", "TEXT", False), ("dateline_start", "INTEGER", False),
        ("dateline_end", "INTEGER", False), ("caption", "TEXT", False), ("caption_start", "INTEGER", False),
        ("caption_end", "INTEGER", False), ("credit", "TEXT", False), ("truncated", "INTEGER", True),
        ("source", "TEXT", False), ("url", "TEXT", False),
    ),
    "paragraphs": (
        ("id", "INTEGER", False), ("article_id", "TEXT", True), ("idx", "INTEGER", True), ("kind", "TEXT", True),
        ("start", "INTEGER", True), ("end", "INTEGER", True), ("text", "TEXT", True),
    ),
    "speakers": (("id", "INTEGER", True), ("name", "TEXT", True), ("kind", "TEXT", True)),
    "article_speakers": (
        ("article_id", "TEXT", True), ("speaker_id", "INTEGER", True), ("aliases", "TEXT", True),
        ("roles", "TEXT", True), ("gender", "TEXT", False), ("quotes", "INTEGER", True),
    ),
    "quotes": (
        ("id", "TEXT", True), ("article_id", "TEXT", True), ("speaker_id", "INTEGER", False),
        ("start", "INTEGER", True), ("end", "INTEGER", True), ("text", "TEXT", True), ("type", "TEXT", True),
        ("cue", "TEXT", False), ("cue_start", "INTEGER", False), ("cue_end", "INTEGER", False),
        ("speaker", "TEXT", False), ("speaker_mention", "TEXT", False), ("speaker_start", "INTEGER", False),
        ("speaker_end", "INTEGER", False), ("speaker_kind", "TEXT", False), ("speaker_role", "TEXT", False),
        ("addressee", "TEXT", False), ("confidence", "REAL", False), ("stance", "TEXT", False),
        ("statement", "INTEGER", False), ("speaker_phrase", "TEXT", False),
        ("speaker_phrase_start", "INTEGER", False), ("speaker_phrase_end", "INTEGER", False),
    ),
    "figures": (
        ("id", "TEXT", True), ("article_id", "TEXT", True), ("quote_id", "TEXT", False), ("start", "INTEGER", True),
        ("end", "INTEGER", True), ("text", "TEXT", True), ("value", "REAL", True), ("value_high", "REAL", False),
        ("unit", "TEXT", False), ("what", "TEXT", False), ("qualifier", "TEXT", False), ("source", "TEXT", False),
        ("confidence", "REAL", False),
    ),
    "dates": (
        ("article_id", "TEXT", True), ("start", "INTEGER", True), ("end", "INTEGER", True), ("text", "TEXT", True),
        ("date", "TEXT", False), ("granularity", "TEXT", False), ("confidence", "REAL", False),
    ),
    "places": (
        ("article_id", "TEXT", True), ("start", "INTEGER", True), ("end", "INTEGER", True), ("text", "TEXT", True),
        ("name", "TEXT", False), ("geonameid", "INTEGER", False), ("country", "TEXT", False),
        ("kind", "TEXT", False), ("lat", "REAL", False), ("lon", "REAL", False), ("confidence", "REAL", False),
        ("metonymy", "INTEGER", True), ("dateline", "INTEGER", True),
    ),
    "entities": (
        ("id", "TEXT", True), ("article_id", "TEXT", True), ("name", "TEXT", True), ("kind", "TEXT", True),
        ("aliases", "TEXT", True), ("roles", "TEXT", True), ("organization", "TEXT", False),
        ("country", "TEXT", False), ("mentions", "INTEGER", True),
    ),
    "mentions": (
        ("entity_id", "TEXT", True), ("start", "INTEGER", True), ("end", "INTEGER", True), ("text", "TEXT", True),
    ),
    "events": (
        ("id", "TEXT", True), ("article_id", "TEXT", True), ("type", "TEXT", True), ("mode", "TEXT", False),
        ("start", "INTEGER", True), ("end", "INTEGER", True), ("evidence", "TEXT", True), ("trigger", "TEXT", False),
        ("trigger_start", "INTEGER", False), ("trigger_end", "INTEGER", False), ("actor", "TEXT", False),
        ("actor_country", "TEXT", False), ("actor_sector", "TEXT", False), ("recipient", "TEXT", False),
        ("recipient_country", "TEXT", False), ("recipient_sector", "TEXT", False), ("place", "TEXT", False),
        ("country", "TEXT", False), ("lat", "REAL", False), ("lon", "REAL", False), ("geonameid", "INTEGER", False),
        ("date", "TEXT", False), ("date_text", "TEXT", False), ("size", "REAL", False), ("size_text", "TEXT", False),
        ("dead", "REAL", False), ("injured", "REAL", False), ("arrested", "REAL", False), ("organizers", "TEXT", True), ("supporters", "TEXT", True), ("negated", "INTEGER", True),
        ("confidence", "REAL", False),
    ),
}

#: Columns a single database numbers as it loads, NULL here (see the module docstring).
ASSIGNED_BY_LOADER: dict[str, tuple[str, ...]] = {"articles": ("n",), "paragraphs": ("id",)}

#: The store's tables a job writes, in the order a loader fills them (parents before children).
TABLES: tuple[str, ...] = tuple(_COLUMNS)

#: Column names of each table, in the store's order.
COLUMNS: dict[str, tuple[str, ...]] = {t: tuple(c for c, _, _ in cols) for t, cols in _COLUMNS.items()}

#: SQLite declared type of each column (TEXT, INTEGER, REAL), as in the store's schema.
SQL_TYPES: dict[str, dict[str, str]] = {t: {c: ty for c, ty, _ in cols} for t, cols in _COLUMNS.items()}

#: Arrow schema of each table (nullability as the store's NOT NULL constraints).
SCHEMAS: dict[str, pa.Schema] = {
    t: pa.schema([pa.field(c, _TYPES[ty], nullable=not notnull) for c, ty, notnull in cols])
    for t, cols in _COLUMNS.items()
}

# Rows that conflict on these keys make Store.add fail (a PRIMARY KEY or UNIQUE constraint) ...
_UNIQUE: dict[str, tuple[tuple[str, ...], ...]] = {
    "documents": (("id",),), "articles": (("id",), ("document_id", "idx")),
    "paragraphs": (("article_id", "idx"),), "quotes": (("id",),), "figures": (("id",),),
    "entities": (("id",),), "events": (("id",),),
}
# ... and on these the store keeps the first row (INSERT OR IGNORE / ON CONFLICT DO NOTHING).
_FIRST_WINS: dict[str, tuple[str, ...]] = {
    "dates": ("article_id", "start"), "places": ("article_id", "start"), "mentions": ("entity_id", "start"),
}
# CHECK constraints on values.
_ALLOWED: dict[tuple[str, str], frozenset[str]] = {
    ("quotes", "type"): frozenset({"direct", "indirect", "mixed"}),
    ("entities", "kind"): frozenset({"person", "organization", "place"}),
    ("paragraphs", "kind"): frozenset({"headline", "bullet", "caption", "body"}),
}
_OFFSET_TABLES = ("articles", "paragraphs", "quotes", "figures", "places", "mentions", "events")


def speaker_id(name: str, kind: str) -> int:
    """Stable id of a speaker (its kind and cleaned name): 60 bits of SHA-1, positive, the same in
    every process, so independent workers give one speaker one id without asking anyone."""
    digest = hashlib.sha1(f"{kind}\x00{name}".encode("utf-8", "surrogatepass")).hexdigest()
    return int(digest[:15], 16)


def utcnow() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _clean(name: str | None) -> str | None:
    """A speaker name as the store keeps it: whitespace collapsed, empty -> None."""
    if name is None:
        return None
    name = " ".join(str(name).split())
    return name or None


def _part(part: Part | None) -> tuple[str | None, int | None, int | None]:
    if part is None:
        return None, None, None
    return part.text, part.start, part.end


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _check_offsets(document: Document, articles: list[Article]) -> None:
    """The store's own offset check (records whose offsets fall outside the page are refused)."""
    from newsgraph.store.sqlite import _check_offsets as check

    check(document, articles)


def build_rows(document: Document, articles: Iterable[Article], *,
               ingested_at: str | None = None) -> dict[str, list[dict[str, Any]]]:
    """The rows :meth:`Store.add` would insert for ``document``, by table (every table of
    :data:`TABLES` is a key; each row is a dict in the table's column order).

    Raises :class:`ValueError` where ``Store.add`` would fail: offsets outside the text, an
    article of another document, two records with one id, a NULL in a NOT NULL column, a value
    a CHECK constraint refuses.
    """
    articles = list(articles)
    _check_offsets(document, articles)
    out: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
    out["documents"].append({
        "id": document.id, "source": document.source, "kind": document.kind, "url": document.url,
        "title": document.title, "published": document.published, "text": document.text,
        "meta": json.dumps(document.meta or {}, ensure_ascii=False, default=str),
        "ingested_at": ingested_at or utcnow(),
    })
    speakers: dict[tuple[str, str], None] = {}
    article_speakers: dict[tuple[str, int], dict[str, Any]] = {}
    for art in articles:
        headline, dateline, caption = _part(art.headline), _part(art.dateline), _part(art.caption)
        out["articles"].append(dict(zip(COLUMNS["articles"], (
            art.id, None, document.id, art.index, art.start, art.end, *headline,
            art.published or document.published, art.updated, *dateline, *caption, art.credit,
            int(bool(art.truncated)), art.source or document.source, art.url or document.url))))
        parts = []
        if art.headline is not None:
            parts.append(("headline", art.headline))
        parts += [("bullet", p) for p in art.bullets]
        if art.caption is not None:
            parts.append(("caption", art.caption))
        parts += [("body", p) for p in art.paragraphs]
        parts.sort(key=lambda kp: (kp[1].start, kp[1].end))
        for idx, (kind, part) in enumerate(parts):
            out["paragraphs"].append({"id": None, "article_id": art.id, "idx": idx, "kind": kind,
                                      "start": part.start, "end": part.end, "text": part.text})

        for j, q in enumerate(art.quotes):
            name = _clean(q.speaker)
            kind = q.speaker_kind or "unknown"
            if name:
                speakers[(name, kind)] = None
            out["quotes"].append(dict(zip(COLUMNS["quotes"], quote_row(
                q, art.id, j, speaker_id(name, kind) if name else None, name))))
        quoted_kinds = {_clean(q.speaker): q.speaker_kind or "unknown" for q in art.quotes}
        for sp in art.speakers:
            name = _clean(sp.name)
            if not name:
                continue
            kind = quoted_kinds.get(name) or sp.kind or "unknown"  # one row per name: the quotes' kind wins
            speakers[(name, kind)] = None
            key = (art.id, speaker_id(name, kind))
            row = article_speakers.get(key)
            if row is None:
                article_speakers[key] = {"aliases": list(sp.aliases), "roles": list(sp.roles),
                                         "gender": sp.gender, "quotes": sp.quotes}
            else:  # the same name twice in one article: merged
                row["aliases"] += [a for a in sp.aliases if a not in row["aliases"]]
                row["roles"] += [r for r in sp.roles if r not in row["roles"]]
                row["gender"] = row["gender"] or sp.gender
                row["quotes"] += sp.quotes

        for k, f in enumerate(art.figures):
            out["figures"].append({
                "id": f.id or f"{art.id}-f{k}", "article_id": art.id, "quote_id": f.quote_id,
                "start": f.start, "end": f.end, "text": f.text, "value": f.value, "value_high": f.value_high,
                "unit": f.unit, "what": f.what, "qualifier": f.qualifier, "source": f.source,
                "confidence": f.confidence,
            })
        for p in art.places:
            out["places"].append({
                "article_id": art.id, "start": p.start, "end": p.end, "text": p.text, "name": p.name,
                "geonameid": p.geonameid, "country": p.country, "kind": p.kind, "lat": p.lat, "lon": p.lon,
                "confidence": p.confidence, "metonymy": int(p.metonymy), "dateline": int(p.dateline),
            })
        for k, e in enumerate(art.entities):
            eid = e.id or f"{art.id}-e{k}"
            out["entities"].append({
                "id": eid, "article_id": art.id, "name": e.name, "kind": e.kind, "aliases": _json(e.aliases),
                "roles": _json(e.roles), "organization": e.organization, "country": e.country,
                "mentions": len(e.mentions),
            })
            out["mentions"] += [{"entity_id": eid, "start": m.start, "end": m.end, "text": m.text}
                                for m in e.mentions]
        for k, e in enumerate(art.events):
            out["events"].append({
                "id": e.id or f"{art.id}-v{k}", "article_id": art.id, "type": e.type, "mode": e.mode,
                "start": e.start, "end": e.end, "evidence": e.text, "trigger": e.trigger,
                "trigger_start": e.trigger_start, "trigger_end": e.trigger_end, "actor": e.actor,
                "actor_country": e.actor_country, "actor_sector": e.actor_sector, "recipient": e.recipient,
                "recipient_country": e.recipient_country, "recipient_sector": e.recipient_sector,
                "place": e.place, "country": e.country, "lat": e.lat, "lon": e.lon, "geonameid": e.geonameid,
                "date": e.date, "date_text": e.date_text, "size": e.size, "size_text": e.size_text,
                "dead": e.dead, "injured": e.injured, "arrested": e.arrested, "organizers": _json(e.organizers), "supporters": _json(e.supporters),
                "negated": int(e.negated), "confidence": e.confidence,
            })
        for d in art.dates:
            out["dates"].append({"article_id": art.id, "start": d.start, "end": d.end, "text": d.text,
                                 "date": d.date, "granularity": d.granularity, "confidence": d.confidence})

    out["speakers"] = [{"id": speaker_id(name, kind), "name": name, "kind": kind} for name, kind in speakers]
    out["article_speakers"] = [
        {"article_id": aid, "speaker_id": sid, "aliases": _json(r["aliases"]), "roles": _json(r["roles"]),
         "gender": r["gender"], "quotes": r["quotes"]}
        for (aid, sid), r in article_speakers.items()
    ]
    _enforce_constraints(out)
    return out


def _enforce_constraints(out: dict[str, list[dict[str, Any]]]) -> None:
    """Drop what the store ignores, refuse what it refuses (see the module docstring)."""
    for table, key in _FIRST_WINS.items():
        seen: set[tuple[Any, ...]] = set()
        kept = []
        for row in out[table]:
            k = tuple(row[c] for c in key)
            if k not in seen:
                seen.add(k)
                kept.append(row)
        out[table] = kept
    for table, keys in _UNIQUE.items():
        for key in keys:
            seen = set()
            for row in out[table]:
                k = tuple(row[c] for c in key)
                if k in seen:
                    raise ValueError(f"{table}: two rows with {', '.join(key)} = {', '.join(map(str, k))}")
                seen.add(k)
    for table, rows in out.items():
        required = [c for c, _, notnull in _COLUMNS[table] if notnull]
        for row in rows:
            for c in required:
                if row[c] is None:
                    raise ValueError(f"{table}.{c} is NULL")
    for (table, column), allowed in _ALLOWED.items():
        for row in out[table]:
            if row[column] not in allowed:
                raise ValueError(f"{table}.{column}: {row[column]!r} is not one of {', '.join(sorted(allowed))}")
    for table in _OFFSET_TABLES:
        for row in out[table]:
            if row["start"] < 0 or row["end"] < row["start"]:
                raise ValueError(f"{table}: offsets {row['start']}..{row['end']}")


def to_arrow(table: str, rows: list[Mapping[str, Any]]) -> pa.Table:
    """Rows of one table as an Arrow table with the store's columns and types."""
    schema = SCHEMAS[table]
    columns = {f.name: [r[f.name] for r in rows] for f in schema}
    return pa.Table.from_pydict(columns, schema=schema)


def empty(table: str) -> pa.Table:
    return SCHEMAS[table].empty_table()
