"""The web app's read-only view of a newsgraph store.

:class:`ReadOnlyStore` is a :class:`newsgraph.store.Store` opened with SQLite's ``mode=ro`` (and
``PRAGMA query_only``): the web app can never write to the store. It adds the queries that pages need
and the store does not have (paged search with facets, a person's co-speakers, ...), all as
parameterised SQL over the store's tables and views. Given a ``postgresql://`` URL it is a
:class:`PostgresReadOnlyStore`: the same queries over the PostgreSQL store, in read-only
transactions, with the full-text parts (ranking, snippets, highlights) in PostgreSQL's terms.

Whole-store computations (people merged across articles, organisations, contested claims, figure
groups, unfiltered facets) are cached in a :class:`Cache` shared by every connection of the app and
keyed by the database files' size and modification time (for PostgreSQL: the server's snapshot of
committed transactions), so an ingest into the store shows up on the next request.
"""
from __future__ import annotations

import heapq
import json
from collections import Counter
from itertools import chain
import os
import re
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from newsgraph.store import SCHEMA_VERSION, Store, StoreError, fts_query, parse_since
from newsgraph.store.postgres import ARTICLE_WEIGHTS, PostgresStore, connect, is_postgres_url
from newsgraph.store.sqlite import _casefold

MAX_PAGE = 200  # most rows one request may ask for


def outlet_of(url: str | None, meta: str | None, source: str | None) -> str | None:
    """The outlet an article comes from: the host of its URL, else the ``outlet``/``publisher`` a
    JSONL record gave, else the file (or stream) it was read from."""
    if url:
        try:
            host = urlsplit(url).hostname
        except ValueError:
            host = None
        if host:
            return host[4:] if host.startswith("www.") else host
    if meta:
        try:
            m = json.loads(meta)
        except (ValueError, TypeError):
            m = None
        if isinstance(m, dict):
            for key in ("outlet", "publisher", "site", "site_name"):
                v = m.get(key)
                if isinstance(v, str) and v.strip():
                    return " ".join(v.split())[:80]
    if source:
        return Path(source).name or source
    return None


class Cache:
    """Values computed from the whole store, recomputed when the database files change."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._values: dict[str, tuple[tuple, Any]] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()
        self._pg: Any = None  # PostgreSQL: a connection of its own for the signature
        self._pg_lock = threading.Lock()

    def signature(self) -> tuple:
        if is_postgres_url(self.path):
            return self._pg_signature()
        sig = []
        for suffix in ("", "-wal"):
            try:
                st = os.stat(self.path + suffix)
                sig.append((st.st_mtime_ns, st.st_size))
            except OSError:
                sig.append(None)
        return tuple(sig)

    def _pg_signature(self) -> tuple:
        """The transactions committed so far (the snapshot of the server: it changes with every
        write, in this database or another of the server, and only then)."""
        with self._pg_lock:
            for attempt in (1, 2):
                try:
                    if self._pg is None:
                        self._pg = connect(self.path, read_only=True)
                    return (self._pg.execute("SELECT pg_current_snapshot()::text").fetchone()[0],)
                except Exception:  # noqa: BLE001 - a dropped connection: connect again once
                    if self._pg is not None:
                        try:
                            self._pg.close()
                        except Exception:  # noqa: BLE001
                            pass
                    self._pg = None
                    if attempt == 2:
                        raise
        raise AssertionError("unreachable")

    def close(self) -> None:
        with self._pg_lock:
            if self._pg is not None:
                self._pg.close()
                self._pg = None

    def get(self, key: str, compute: Callable[[], Any]) -> Any:
        sig = self.signature()
        hit = self._values.get(key)
        if hit is not None and hit[0] == sig:
            return hit[1]
        with self._guard:
            lock = self._locks.setdefault(key, threading.Lock())
        with lock:  # one thread computes, the others wait for its result
            hit = self._values.get(key)
            if hit is not None and hit[0] == sig:
                return hit[1]
            value = compute()
            self._values[key] = (sig, value)
            return value


def _uri(path: str) -> str:
    return Path(path).resolve().as_uri() + "?mode=ro"


class ReadOnlyStore(Store):
    """A store opened read-only, with the web app's queries (a ``postgresql://`` URL gives a
    :class:`PostgresReadOnlyStore`)."""

    def __new__(cls, path: str | os.PathLike[str], cache: Cache | None = None) -> ReadOnlyStore:
        if cls is ReadOnlyStore and is_postgres_url(path):
            return super().__new__(PostgresReadOnlyStore)
        return super().__new__(cls)

    def __init__(self, path: str | os.PathLike[str], cache: Cache | None = None) -> None:  # noqa: D107
        self.path = str(path)
        if not Path(self.path).is_file():
            raise StoreError(f"{self.path}: no such database (run `newsgraph ingest PATH...` first)")
        self.cache = cache or Cache(self.path)
        self._conn = sqlite3.connect(_uri(self.path), uri=True, isolation_level=None, check_same_thread=False)
        self._conn.row_factory = sqlite3.Row
        self._conn.create_function("casefold", 1, _casefold, deterministic=True)
        self._conn.create_function("outlet", 3, outlet_of, deterministic=True)
        try:
            self._conn.execute("PRAGMA query_only = ON")
            self._conn.execute("PRAGMA busy_timeout = 5000")
            version = self._conn.execute("PRAGMA user_version").fetchone()[0]
            tables = {r[0] for r in self._conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        except sqlite3.DatabaseError as exc:
            self._conn.close()
            raise StoreError(f"{self.path}: {exc}") from None
        if "documents" not in tables or "articles" not in tables:
            self._conn.close()
            raise StoreError(f"{self.path}: not a newsgraph database")
        if version > SCHEMA_VERSION:
            self._conn.close()
            raise StoreError(f"{self.path}: database schema version {version} is newer than this newsgraph "
                             f"understands ({SCHEMA_VERSION})")
        if version < SCHEMA_VERSION:
            self._conn.close()
            raise StoreError(f"{self.path}: database schema version {version} is older than this newsgraph "
                             f"({SCHEMA_VERSION}); run `newsgraph --db {self.path} stats` once to upgrade it")
        self.tables = tables

    # -- whole-store values, cached ---------------------------------------------------------

    def _people(self):  # the merge of speaker names into people: costly, shared by every request
        return self.cache.get("people", lambda: Store._people(self))

    def all_orgs(self) -> list[dict[str, Any]]:
        return self.cache.get("orgs", lambda: Store.orgs(self))

    def all_claims(self) -> list[dict[str, Any]]:
        return self.cache.get("claims", lambda: Store.claims(self))

    def all_figure_groups(self) -> list[dict[str, Any]]:
        return self.cache.get("figure_groups", lambda: Store.figure_groups(self))

    def orgs(self, limit: int | None = None) -> list[dict[str, Any]]:
        out = self.all_orgs()
        return out[:limit] if limit is not None else out

    def claims(self, contested: bool = True, limit: int | None = None) -> list[dict[str, Any]]:
        out = self.all_claims()
        return out[:limit] if limit is not None else out

    def speaker_index(self) -> dict[str, Any]:
        """Who each speaker row is: ``person`` maps a speaker id to the merged person's name,
        ``org`` to the organisation's name; ``kinds`` the speaker row's kind."""
        def compute() -> dict[str, Any]:
            person: dict[int, str] = {}
            for p in self._people():
                for sid in p.speaker_ids:
                    person[sid] = p.name
            names: dict[int, tuple[str, str]] = {
                r[0]: (r[1], r[2]) for r in self._conn.execute("SELECT id, name, kind FROM speakers")}
            org_by_name: dict[str, str] = {}
            for o in self.all_orgs():
                for n in [o["name"], *o.get("aliases", [])]:
                    org_by_name[n.casefold()] = o["name"]
            org: dict[int, str] = {}
            for sid, (name, kind) in names.items():
                if kind != "person" and name.casefold() in org_by_name:
                    org[sid] = org_by_name[name.casefold()]
            return {"person": person, "org": org, "names": names}
        return self.cache.get("speaker_index", compute)

    # -- people and organisations -----------------------------------------------------------

    def _person_names(self) -> dict[str, Any]:
        def compute() -> dict[str, Any]:
            out: dict[str, Any] = {}
            for p in self._people():  # most quoted first: the first to claim a name keeps it
                for n in [p.name, *p.aliases]:
                    out.setdefault(n.casefold(), p)
            return out
        return self.cache.get("person_names", compute)

    def find_person(self, name: str):
        """The merged person that a name or alias designates, else the first (most quoted) whose name
        contains it, as ``newsgraph person`` finds them."""
        low = " ".join(str(name).split()).casefold()
        if not low:
            return None
        exact = self._person_names().get(low)
        if exact is not None:
            return exact
        return next((p for p in self._people() if any(low in n.casefold() for n in [p.name, *p.aliases])), None)

    def _org_names(self) -> dict[str, dict[str, Any]]:
        def compute() -> dict[str, dict[str, Any]]:
            out: dict[str, dict[str, Any]] = {}
            for o in self.all_orgs():
                for n in [o["name"], *o.get("aliases", [])]:
                    out.setdefault(n.casefold(), o)
            return out
        return self.cache.get("org_names", compute)

    def find_org(self, name: str) -> dict[str, Any] | None:
        """The organisation a name or alias designates (case-insensitive)."""
        low = " ".join(str(name).split()).casefold()
        return self._org_names().get(low) if low else None

    def _speaker_names(self) -> dict[str, Any]:
        """Every speaker row's name, case-folded (for substring filters), and the rows of each name
        that are not people (organisations, groups)."""
        def compute() -> dict[str, Any]:
            rows = [(sid, name.casefold(), kind) for sid, (name, kind) in self.speaker_index()["names"].items()]
            others: dict[str, list[int]] = {}
            for sid, low, kind in rows:
                if kind != "person":
                    others.setdefault(low, []).append(sid)
            return {"rows": [(sid, low) for sid, low, _ in rows], "others": others}
        return self.cache.get("speaker_names", compute)

    def speaker_ids(self, speaker: str) -> list[int]:
        """Speaker rows that a speaker filter names: every name of the person or organisation it
        names exactly, and every speaker whose name contains it (as the CLI's ``--speaker``)."""
        low = " ".join(str(speaker).split()).casefold()
        if not low:
            return []
        names = self._speaker_names()
        ids = {sid for sid, name in names["rows"] if low in name}
        person = self._person_names().get(low)
        if person is not None:
            ids.update(person.speaker_ids)
        org = self.find_org(speaker)
        if org is not None:
            for n in [org["name"], *org.get("aliases", [])]:
                ids.update(names["others"].get(n.casefold(), ()))
        return sorted(ids)

    def org_speaker_ids(self, org: str) -> list[int]:
        """Speaker rows of an organisation: the organisation itself and the people it employs."""
        o = self.find_org(org)
        if o is None:
            return []
        others = self._speaker_names()["others"]
        ids = {sid for n in [o["name"], *o.get("aliases", [])] for sid in others.get(n.casefold(), ())}
        people = {p.casefold() for p in o.get("people", [])}
        for p in self._people():
            if p.name.casefold() in people:
                ids.update(p.speaker_ids)
        return sorted(ids)

    def person_quotes(self, speaker_ids: list[int], limit: int = 500) -> list[dict[str, Any]]:
        if not speaker_ids:
            return []
        return [dict(r) for r in self._conn.execute(
            'SELECT q.id, q.text, q.type, q.cue, q.stance, q.speaker, q.speaker_role, q.addressee, '
            'q.article_id AS article, a.n AS article_n, a.headline, a.published, q.start, q."end" '
            "FROM quotes q JOIN articles a ON a.id = q.article_id "
            "WHERE q.speaker_id IN (SELECT CAST(value AS BIGINT) FROM json_each(?)) "
            "ORDER BY a.published DESC, a.n DESC, q.start LIMIT ?",
            (json.dumps(speaker_ids), max(0, int(limit))))]

    def quoted_beside(self, speaker_ids: list[int], limit: int = 12) -> list[dict[str, Any]]:
        """People and organisations quoted in the same articles as these speakers, most shared first."""
        if not speaker_ids:
            return []
        rows = self._conn.execute(
            "SELECT q2.speaker_id, q2.article_id FROM quotes q1 JOIN quotes q2 ON q2.article_id = q1.article_id "
            "WHERE q1.speaker_id IN (SELECT CAST(value AS BIGINT) FROM json_each(?)) AND q2.speaker_id IS NOT NULL "
            "AND q2.speaker_id NOT IN (SELECT CAST(value AS BIGINT) FROM json_each(?)) "
            "GROUP BY q2.speaker_id, q2.article_id",
            (json.dumps(speaker_ids), json.dumps(speaker_ids))).fetchall()
        idx = self.speaker_index()
        shared: dict[tuple[str, str], set[str]] = {}
        for sid, article in rows:
            if sid in idx["person"]:
                key = ("person", idx["person"][sid])
            elif sid in idx["org"]:
                key = ("organization", idx["org"][sid])
            else:
                name, kind = idx["names"].get(sid, (None, None))
                if not name:
                    continue
                key = (kind or "unknown", name)
            shared.setdefault(key, set()).add(article)
        out = [{"name": name, "kind": kind, "articles": len(arts)} for (kind, name), arts in shared.items()]
        out.sort(key=lambda x: (-x["articles"], x["name"]))
        return out[:limit]

    # -- search -------------------------------------------------------------------------------

    def search_articles(self, q: str | None = None, *, since: str | None = None, until: str | None = None,
                        speaker: str | None = None, org: str | None = None, place: str | None = None,
                        outlet: str | None = None, sort: str = "relevance", limit: int = 20, offset: int = 0,
                        facets: bool = False) -> dict[str, Any]:
        """Articles matching a full-text query and facet filters, one page of them, and the total.

        ``sort`` is ``relevance`` (BM25, when there is a query), ``newest`` or ``oldest``.
        With ``facets``, counts of the matching articles by speaker, organisation, place, outlet
        and month."""
        limit = max(0, min(int(limit), MAX_PAGE))
        offset = max(0, int(offset))
        where: list[str] = []
        params: list[Any] = []
        rank_join = ""
        if q is not None and q.strip():
            query = fts_query(q)
            if query is None:
                return _empty_page(limit, offset, facets)
            rank_join = self._RANK_ARTICLES
            params.append(query)
        since_s, until_s = parse_since(since), parse_since(until)
        if since_s:
            where.append("a.published >= ?")
            params.append(since_s)
        if until_s:
            where.append("substr(a.published, 1, ?) <= ?")
            params += [len(until_s), until_s]
        if speaker:
            ids = self.speaker_ids(speaker)
            if not ids:
                return _empty_page(limit, offset, facets)
            where.append("a.id IN (SELECT article_id FROM quotes WHERE speaker_id IN "
                         "(SELECT CAST(value AS BIGINT) FROM json_each(?)))")
            params.append(json.dumps(ids))
        if org:
            o = self.find_org(org)
            arts = sorted(self.article_index()["by_org"].get((o["name"] if o else org).casefold(), ()))
            if not arts:
                return _empty_page(limit, offset, facets)
            where.append("a.id IN (SELECT value FROM json_each(?))")
            params.append(json.dumps(arts))
        if place:
            clause = "casefold(a.dateline) = ?"
            params.append(_casefold(place.strip()))
            if self._has_columns("places", "article_id", "name", "text"):
                clause = (f"({clause} OR a.id IN (SELECT article_id FROM places "
                          "WHERE casefold(coalesce(name, text)) = ?))")
                params.append(_casefold(place.strip()))
            where.append(clause)
        if outlet:
            arts = sorted(aid for aid, a in self.article_index()["articles"].items() if a["outlet"] == outlet)
            if not arts:
                return _empty_page(limit, offset, facets)
            where.append("a.id IN (SELECT value FROM json_each(?))")
            params.append(json.dumps(arts))
        if sort == "oldest":
            order = "a.published IS NULL, a.published, a.n"
        elif sort == "newest" or not rank_join:
            order = "a.published IS NULL, a.published DESC, a.n DESC"
        else:
            order = "f.rank, a.n"
        base = ("FROM articles a " + rank_join + (" WHERE " + " AND ".join(where) if where else ""))
        unfiltered = not where and not rank_join
        row = ", f.fts_row" if rank_join else ", NULL"
        if facets and not unfiltered:  # facets count every match: fetch them all, then slice the page
            rows = self._conn.execute(f"SELECT a.id{row} {base} ORDER BY {order}", params).fetchall()
            ids = [r[0] for r in rows]
            total, page_rows = len(rows), rows[offset:offset + limit]
        else:
            total = self._conn.execute(f"SELECT count(*) {base}", params).fetchone()[0]
            page_rows = self._conn.execute(f"SELECT a.id{row} {base} ORDER BY {order} LIMIT ? OFFSET ?",
                                           [*params, limit, offset]).fetchall()
        page_ids = [r[0] for r in page_rows]
        items = self._article_rows(page_ids)
        if rank_join and page_rows:  # the search words in context, looked up by FTS row (no scan)
            snippets = self._snippets(fts_query(q), [r[1] for r in page_rows])
            for it in items:
                it["snippet"] = snippets.get(it["id"])
        out: dict[str, Any] = {"total": total, "limit": limit, "offset": offset, "items": items}
        if facets:
            if unfiltered:
                out["facets"] = self.cache.get("facets:all", lambda: self._facets(None))
            else:
                out["facets"] = self._facets(ids)
        return out

    def _article_rows(self, ids: list[str]) -> list[dict[str, Any]]:
        if not ids:
            return []
        rows = {r["id"]: dict(r) for r in self._conn.execute(
            "SELECT a.n, a.id, a.headline, a.published, a.updated, a.dateline, a.credit, a.truncated, "
            "a.source, a.url, a.document_id, "
            "(SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS quotes, "
            "(SELECT p.text FROM paragraphs p WHERE p.article_id = a.id AND p.kind = 'body' "
            " ORDER BY p.idx LIMIT 1) AS lead "
            "FROM articles a WHERE a.id IN (SELECT value FROM json_each(?))", (json.dumps(ids),))}
        index = self.article_index()["articles"]
        out = []
        for i in ids:
            r = rows[i]
            r["outlet"] = index.get(i, {}).get("outlet")
            r["truncated"] = bool(r["truncated"])
            r["snippet"] = None
            out.append(r)
        return out

    def article_index(self) -> dict[str, Any]:
        """Per article: its outlet, place (dateline), month, the people quoted in it and the
        organisations that speak in it or that a quoted person's role there names; and the articles
        of each organisation. Built once per version of the store (a pass over the quotes)."""
        def compute() -> dict[str, Any]:
            from newsgraph.people import organization_of

            idx = self.speaker_index()
            canonical: dict[str, str] = {}
            for o in self.all_orgs():
                for n in [o["name"], *o.get("aliases", [])]:
                    canonical.setdefault(n.casefold(), o["name"])
            arts: dict[str, dict[str, Any]] = {}
            for aid, url, meta, source, dateline, published in self._conn.execute(
                    "SELECT a.id, a.url, d.meta, a.source, a.dateline, a.published "
                    "FROM articles a JOIN documents d ON d.id = a.document_id"):
                arts[aid] = {"outlet": outlet_of(url, meta, source), "place": dateline,
                             "month": (published or "")[:7] or None, "people": set(), "orgs": set()}
            role_org: dict[str, str | None] = {}
            for aid, sid, role in self._conn.execute(
                    "SELECT DISTINCT article_id, speaker_id, speaker_role FROM quotes WHERE speaker_id IS NOT NULL"):
                a = arts.get(aid)
                if a is None:
                    continue
                kind = idx["names"].get(sid, ("", "unknown"))[1]
                if kind == "person" and sid in idx["person"]:
                    a["people"].add(idx["person"][sid])
                elif sid in idx["org"]:
                    a["orgs"].add(idx["org"][sid])
                if role:
                    if role not in role_org:
                        org = organization_of(role)
                        role_org[role] = canonical.get(org.casefold()) if org else None
                    if role_org[role]:
                        a["orgs"].add(role_org[role])
            by_org: dict[str, set[str]] = {}
            for aid, a in arts.items():
                for o in a["orgs"]:
                    by_org.setdefault(o.casefold(), set()).add(aid)
            return {"articles": arts, "by_org": by_org}
        return self.cache.get("article_index", compute)

    def _facets(self, ids: list[str] | None) -> dict[str, list[dict[str, Any]]]:
        """Counts of articles by speaker (people), organisation, place, outlet and month."""
        index = self.article_index()["articles"]
        rows = list(index.values()) if ids is None else [index[i] for i in ids if i in index]
        counts = {
            "speaker": Counter(chain.from_iterable(a["people"] for a in rows)),
            "organization": Counter(chain.from_iterable(a["orgs"] for a in rows)),
            "place": Counter(a["place"] for a in rows),
            "outlet": Counter(a["outlet"] for a in rows),
            "month": Counter(a["month"] for a in rows),
        }

        def top(key: str, n: int = 12) -> list[dict[str, Any]]:
            items = ((k, v) for k, v in counts[key].items() if k)
            ranked = heapq.nsmallest(n, items, key=lambda kv: (-kv[1], kv[0]))
            return [{"value": k, "count": v} for k, v in ranked]

        out = {k: top(k) for k in ("speaker", "organization", "place", "outlet")}
        out["month"] = [{"value": k, "count": v} for k, v in sorted(kv for kv in counts["month"].items() if kv[0])]
        return out

    def search_quotes(self, q: str | None = None, *, speaker: str | None = None, since: str | None = None,
                      until: str | None = None, article: str | None = None, stance: str | None = None,
                      limit: int = 20, offset: int = 0, sort: str = "newest") -> dict[str, Any]:
        """Quotes matching a full-text query and filters, one page and the total: newest articles
        first, or with ``sort="relevance"`` and a query, best matches first."""
        limit = max(0, min(int(limit), MAX_PAGE))
        offset = max(0, int(offset))
        where: list[str] = []
        params: list[Any] = []
        if q is not None and q.strip():
            query = fts_query(q)
            if query is None:
                return {"total": 0, "limit": limit, "offset": offset, "items": []}
            where.append("q.id IN (SELECT quote_id FROM quotes_fts WHERE quotes_fts MATCH ?)")
            params.append(query)
        if speaker:
            ids = self.speaker_ids(speaker)
            if not ids:
                return {"total": 0, "limit": limit, "offset": offset, "items": []}
            where.append("q.speaker_id IN (SELECT CAST(value AS BIGINT) FROM json_each(?))")
            params.append(json.dumps(ids))
        if article is not None and str(article).strip():
            aid = self._resolve_article(str(article))
            if aid is None:
                return {"total": 0, "limit": limit, "offset": offset, "items": []}
            where.append("q.article_id = ?")
            params.append(aid)
        if stance:
            where.append("q.stance = ?")
            params.append(stance)
        since_s, until_s = parse_since(since), parse_since(until)
        if since_s:
            where.append("a.published >= ?")
            params.append(since_s)
        if until_s:
            where.append("substr(a.published, 1, ?) <= ?")
            params += [len(until_s), until_s]
        columns = ('SELECT q.id, q.article_id AS article, a.n AS article_n, q.text, q.type, q.cue, q.stance, '
                   'q.speaker, q.speaker_role, q.speaker_mention, q.speaker_kind, q.addressee, q.start, q."end", '
                   'q.confidence, q.statement, q.speaker_phrase, a.headline, a.published')
        if sort == "relevance" and q is not None and q.strip() and len(where) == 1:
            # the query alone: the full-text index counts and ranks by itself
            total, ranked = self._ranked_quotes(params[0], limit, offset)
            best = [r[0] for r in ranked]
            found = {r["id"]: dict(r) for r in self._conn.execute(
                columns + " FROM quotes q JOIN articles a ON a.id = q.article_id "
                "WHERE q.id IN (SELECT value FROM json_each(?))", (json.dumps(best),))}
            marked = self._marked_quotes(params[0], [r[1] for r in ranked])  # by FTS row: no scan
            items = [found[i] for i in best if i in found]
            for it in items:
                it["marked"] = marked.get(it["id"])
            return {"total": total, "limit": limit, "offset": offset, "items": items}
        base = " FROM quotes q JOIN articles a ON a.id = q.article_id" + (
            " WHERE " + " AND ".join(where) if where else "")
        total = self._conn.execute("SELECT count(*)" + base, params).fetchone()[0]
        rows = self._conn.execute(columns + base + ' ORDER BY a.n DESC, q.start LIMIT ? OFFSET ?',
                                  [*params, limit, offset]).fetchall()
        return {"total": total, "limit": limit, "offset": offset, "items": [dict(r) for r in rows]}

    def quote_highlights(self, q: str | None, ids: list[str]) -> dict[str, str]:
        """The text of these quotes with the words of a full-text query between \x01 and \x02."""
        query = fts_query(q) if q else None
        if not query or not ids:
            return {}
        return dict(self._conn.execute(
            "SELECT quote_id, highlight(quotes_fts, 1, char(1), char(2)) FROM quotes_fts "
            "WHERE quotes_fts MATCH ? AND quote_id IN (SELECT value FROM json_each(?))", (query, json.dumps(ids))))

    # -- the full-text parts, in FTS5's terms (PostgresReadOnlyStore has them in PostgreSQL's) ---------

    #: the articles matching a full-text query (one parameter), with their FTS row and their rank
    #: (smaller is better), to join to ``articles a``
    _RANK_ARTICLES = ("JOIN (SELECT article_id, rowid AS fts_row, bm25(articles_fts, 0, 4.0, 1.0) AS rank "
                      "FROM articles_fts WHERE articles_fts MATCH ?) f ON f.article_id = a.id ")

    def _snippets(self, query: str | None, fts_rows: list[Any]) -> dict[str, str]:
        """Article id -> the search words in context in its body (marked with \x01 and \x02)."""
        if not query or not fts_rows:
            return {}
        return dict(self._conn.execute(
            "SELECT article_id, snippet(articles_fts, 2, char(1), char(2), '…', 28) FROM articles_fts "
            "WHERE articles_fts MATCH ? AND rowid IN (SELECT value FROM json_each(?))",
            (query, json.dumps(fts_rows))))

    def _ranked_quotes(self, query: str, limit: int, offset: int) -> tuple[int, list[tuple[str, Any]]]:
        """How many quotes match a full-text query, and one page of (quote id, FTS row), best first."""
        total = self._conn.execute("SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH ?", (query,)).fetchone()[0]
        ranked = self._conn.execute(
            "SELECT quote_id, rowid FROM quotes_fts WHERE quotes_fts MATCH ? ORDER BY rank LIMIT ? OFFSET ?",
            (query, limit, offset)).fetchall()
        return total, [(r[0], r[1]) for r in ranked]

    def _marked_quotes(self, query: str, fts_rows: list[Any]) -> dict[str, str]:
        """Quote id -> its text with the words of the query between \x01 and \x02, by FTS row."""
        if not fts_rows:
            return {}
        return dict(self._conn.execute(
            "SELECT quote_id, highlight(quotes_fts, 1, char(1), char(2)) FROM quotes_fts "
            "WHERE quotes_fts MATCH ? AND rowid IN (SELECT value FROM json_each(?))", (query, json.dumps(fts_rows))))

    def article_figures(self, article_id: str) -> list[dict[str, Any]]:
        return self.figures(article=article_id)

    def _has_columns(self, table: str, *columns: str) -> bool:
        """Whether the store has this table with these columns (tables that newer schemas add)."""
        if table not in self.tables:
            return False
        return set(columns) <= self._columns(table)

    def _columns(self, table: str) -> set[str]:
        return {r[1] for r in self._conn.execute(f"PRAGMA table_info({_ident(table)})")}

    def events_of(self, article_id: str) -> list[dict[str, Any]]:
        """The events of one article, when the store has events."""
        if not self._has_columns("events", "article_id", "start", "end", "negated"):
            return []
        return [dict(r) for r in self._conn.execute(
            'SELECT * FROM events WHERE article_id = ? AND negated = 0 ORDER BY start', (article_id,))]

    def has_events(self) -> bool:
        return hasattr(Store, "events") and "events" in self.tables

    def stats(self) -> dict[str, Any]:
        return self.cache.get("stats", lambda: Store.stats(self))


class PostgresReadOnlyStore(ReadOnlyStore, PostgresStore):
    """The web app's read-only store over a PostgreSQL database (``postgresql://`` URL)."""

    def __init__(self, path: str | os.PathLike[str], cache: Cache | None = None) -> None:  # noqa: D107
        PostgresStore.__init__(self, str(path), read_only=True)  # no migration; refuses an older schema
        self.cache = cache or Cache(self.url)
        self.tables = {r[0] for r in self._conn.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()")}
        if "documents" not in self.tables or "articles" not in self.tables:
            self._conn.close()
            raise StoreError(f"{self.path}: not a newsgraph database")

    def _columns(self, table: str) -> set[str]:
        return {r[0] for r in self._conn.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
            "AND table_name = ?", (table,))}

    # the FTS row of an article or quote is its id; ranks are negated ts_rank (smaller is better)
    _RANK_ARTICLES = (f"JOIN (SELECT article_id, article_id AS fts_row, "
                      f"-ts_rank('{ARTICLE_WEIGHTS}', tsv, query, 1) AS rank FROM articles_fts "
                      "CROSS JOIN ng_tsquery(?) AS query WHERE tsv @@ query) f ON f.article_id = a.id ")
    _SNIPPET = "StartSel=\x01, StopSel=\x02, MaxWords=28, MinWords=12, ShortWord=0, MaxFragments=1"
    _MARKS = "StartSel=\x01, StopSel=\x02, HighlightAll=true"

    def _snippets(self, query: str | None, fts_rows: list[Any]) -> dict[str, str]:
        if not query or not fts_rows:
            return {}
        out = {}
        for article_id, fragment, body in self._conn.execute(
                "SELECT article_id, ts_headline('newsgraph', body, ng_tsquery(?), ?), body FROM articles_fts "
                "WHERE article_id IN (SELECT value FROM json_each(?))", (query, self._SNIPPET, json.dumps(fts_rows))):
            plain = fragment.replace("\x01", "").replace("\x02", "")
            if plain and not body.startswith(plain):  # a part of the body, as FTS5's snippet shows it
                fragment = "…" + fragment
            if plain and not body.endswith(plain):
                fragment += "…"
            out[article_id] = fragment
        return out

    def _ranked_quotes(self, query: str, limit: int, offset: int) -> tuple[int, list[tuple[str, Any]]]:
        total = self._conn.execute("SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH ?", (query,)).fetchone()[0]
        ranked = self._conn.execute(
            "SELECT quote_id FROM quotes_fts CROSS JOIN ng_tsquery(?) AS query WHERE tsv @@ query "
            "ORDER BY ts_rank(tsv, query, 1) DESC, quote_id LIMIT ? OFFSET ?", (query, limit, offset)).fetchall()
        return total, [(r[0], r[0]) for r in ranked]

    def _marked_quotes(self, query: str, fts_rows: list[Any]) -> dict[str, str]:
        if not fts_rows:
            return {}
        return dict(self._conn.execute(
            "SELECT quote_id, ts_headline('newsgraph', text, ng_tsquery(?), ?) FROM quotes_fts "
            "WHERE quote_id IN (SELECT value FROM json_each(?))", (query, self._MARKS, json.dumps(fts_rows))))

    def quote_highlights(self, q: str | None, ids: list[str]) -> dict[str, str]:
        query = fts_query(q) if q else None
        if not query or not ids:
            return {}
        return self._marked_quotes(query, list(ids))


def _empty_page(limit: int, offset: int, facets: bool) -> dict[str, Any]:
    out: dict[str, Any] = {"total": 0, "limit": limit, "offset": offset, "items": []}
    if facets:
        out["facets"] = {k: [] for k in ("speaker", "organization", "place", "outlet", "month")}
    return out


def _ident(name: str) -> str:
    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
        raise ValueError(f"not an identifier: {name!r}")
    return name
