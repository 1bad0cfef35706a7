"""The JSON API: ``/api/...``, every page's twin for programs, described by ``/openapi.json``.

Ids are the CLI's: an article is its row number ``n`` (as ``newsgraph articles`` shows) or its id,
a person or organisation its name (or an alias, or a unique part of a name, as ``newsgraph person``).
Lists are paged with ``limit`` and ``offset`` and give the ``total``.
"""
from __future__ import annotations

import re
import threading
from dataclasses import asdict
from typing import Annotated, Any, Literal, Optional, Union

from fastapi import APIRouter, Depends, HTTPException, Query
from pydantic import BaseModel, ConfigDict, Field

from .data import MAX_PAGE, ReadOnlyStore
from .deps import store_dep

MAX_ANALYZE_CHARS = 200_000  # characters of text or HTML that /api/analyze accepts
MAX_ANALYZE_BYTES = 1_000_000  # bytes of request body (JSON escapes make text longer)

router = APIRouter(prefix="/api", tags=["api"])
Store = Annotated[ReadOnlyStore, Depends(store_dep)]
Limit = Annotated[int, Query(ge=0, le=MAX_PAGE, description="At most this many items.")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Skip this many items.")]
Text = Annotated[Optional[str], Query(max_length=500)]
Day = Annotated[Optional[str], Query(max_length=10, pattern=r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$",
                                     description="ISO date: YYYY, YYYY-MM or YYYY-MM-DD.")]


class Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class Error(BaseModel):
    detail: str


NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": Error, "description": "No such record."}}


class Facet(BaseModel):
    value: str
    count: int


class Facets(BaseModel):
    speaker: list[Facet]
    organization: list[Facet]
    place: list[Facet]
    outlet: list[Facet]
    month: list[Facet]


class ArticleSummary(Open):
    n: int
    id: str
    headline: Optional[str] = None
    published: Optional[str] = None
    updated: Optional[str] = None
    dateline: Optional[str] = None
    credit: Optional[str] = None
    truncated: bool = False
    source: Optional[str] = None
    url: Optional[str] = None
    document_id: str
    outlet: Optional[str] = None
    quotes: int
    lead: Optional[str] = Field(None, description="The first body paragraph.")
    snippet: Optional[str] = Field(None, description="Where the search words are, for a search.")


class ArticleList(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[ArticleSummary]
    facets: Optional[Facets] = None


class Quote(Open):
    id: str
    article: str
    article_n: int
    text: str
    type: str
    cue: Optional[str] = None
    stance: Optional[str] = None
    speaker: Optional[str] = None
    speaker_role: Optional[str] = None
    speaker_mention: Optional[str] = None
    speaker_kind: Optional[str] = None
    addressee: Optional[str] = None
    start: int
    end: int
    confidence: Optional[float] = None
    statement: Optional[int] = None
    speaker_phrase: Optional[str] = None
    headline: Optional[str] = None
    published: Optional[str] = None


class QuoteList(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[Quote]


class Paragraph(BaseModel):
    idx: int
    kind: str
    start: int
    end: int
    text: str


class ArticleSpeaker(BaseModel):
    name: str
    kind: str
    aliases: list[str]
    roles: list[str]
    gender: Optional[str] = None
    quotes: int


class Figure(Open):
    id: str
    value: float
    value_high: Optional[float] = None
    unit: Optional[str] = None
    what: Optional[str] = None
    qualifier: Optional[str] = None
    source: Optional[str] = None
    article: str
    article_n: int
    start: int
    end: int
    text: str
    confidence: Optional[float] = None
    published: Optional[str] = None
    headline: Optional[str] = None


class ArticleDetail(Open):
    n: int
    id: str
    document_id: str
    start: int
    end: int
    headline: Optional[str] = None
    published: Optional[str] = None
    updated: Optional[str] = None
    dateline: Optional[str] = None
    credit: Optional[str] = None
    truncated: bool
    source: Optional[str] = None
    url: Optional[str] = None
    text: str = Field(description="The page text: every offset points into it.")
    paragraphs: list[Paragraph]
    bullets: list[str]
    body: str
    quotes: list[Quote]
    speakers: list[ArticleSpeaker]
    figures: list[Figure]
    events: list[dict[str, Any]]


class Role(BaseModel):
    role: str
    organization: Optional[str] = None
    date: Optional[str] = None


class PersonSummary(BaseModel):
    name: str
    aliases: list[str]
    quotes: int
    articles: int
    roles: list[Role]


class PersonList(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[PersonSummary]


class Beside(BaseModel):
    name: str
    kind: str
    articles: int


class Denial(Open):
    claim: str
    claimant: Optional[str] = None
    stance: str
    id: str


class Claim(Open):
    id: str
    claim: str
    claimant: Optional[str] = None
    stance: str
    article: str
    article_n: Optional[int] = None
    headline: Optional[str] = None
    published: Optional[str] = None
    start: int
    disputed_by: list[Denial]


class ClaimList(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[Claim]


class PersonDetail(BaseModel):
    name: str
    kind: Literal["person", "organization"]
    aliases: list[str]
    roles: list[Role]
    quotes: int
    articles: int
    organizations: list[str]
    people: list[str] = Field(default_factory=list, description="For an organisation: its people.")
    recent_quotes: list[Quote]
    quoted_beside: list[Beside]
    claims: list[Claim] = Field(description="Their statements that someone disputed.")
    disputes: list[Claim] = Field(description="Statements of others that they disputed.")
    also_matched: list[str]


class Org(BaseModel):
    name: str
    aliases: list[str]
    quotes: int
    articles: int
    people: list[str]


class OrgList(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[Org]


class FigureList(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[Figure]


class Report(Open):
    id: str
    value: float
    value_high: Optional[float] = None
    qualifier: Optional[str] = None
    source: Optional[str] = None
    published: Optional[str] = None
    article: str
    text: str


class FigureGroup(BaseModel):
    key: str = Field(description="unit:what, the `quantity` parameter of /figures")
    unit: str
    what: str
    reports: int
    min: float
    max: float
    sources: list[str]
    disagree: bool
    values: list[Report]


class FigureGroupList(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[FigureGroup]


class Event(Open):
    id: str
    type: str
    mode: Optional[str] = None
    date: Optional[str] = None
    place: Optional[str] = None
    country: Optional[str] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    actor: Optional[str] = None
    recipient: Optional[str] = None
    size: Optional[float] = None
    article: Optional[str] = None
    evidence: Optional[str] = None


class EventList(BaseModel):
    total: int
    limit: int
    offset: int
    available: bool = Field(description="False when the store has no events (an older store).")
    items: list[Event]


class Stats(Open):
    documents: int
    articles: int
    quotes: int
    speakers: int
    first_published: Optional[str] = None
    last_published: Optional[str] = None


class AnalyzeText(BaseModel):
    """A page of plain text (a headline, then paragraphs)."""

    model_config = ConfigDict(extra="forbid")
    text: str = Field(min_length=1, max_length=MAX_ANALYZE_CHARS, pattern=r"\S")


class AnalyzeHtml(BaseModel):
    """A web page: the article text is found in it as ``newsgraph ingest`` finds it."""

    model_config = ConfigDict(extra="forbid")
    html: str = Field(min_length=1, max_length=MAX_ANALYZE_CHARS, pattern=r"\S")


class AnalyzedQuote(Open):
    text: str
    start: int
    end: int
    type: str
    cue: Optional[str] = None
    speaker: Optional[str] = None
    speaker_role: Optional[str] = None
    stance: Optional[str] = None


class AnalyzedArticle(Open):
    id: str
    start: int
    end: int
    published: Optional[str] = None
    truncated: bool
    quotes: list[AnalyzedQuote]
    figures: list[dict[str, Any]]
    speakers: list[dict[str, Any]]


class AnalyzeResponse(BaseModel):
    text: str = Field(description="The page text every offset points into (for HTML: the text found in it).")
    kind: str
    title: Optional[str] = None
    articles: list[AnalyzedArticle]
    note: Optional[str] = Field(None, description="Why nothing was found, when nothing was.")


# -- helpers ------------------------------------------------------------------------------------

def invalid(where: tuple[str, ...], message: str) -> HTTPException:
    """422 with the same body shape as FastAPI's own validation errors (as the schema says)."""
    return HTTPException(status_code=422, detail=[{"loc": list(where), "msg": message, "type": "value_error"}])


_DAY = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def day_param(value: str | None, name: str) -> str | None:
    """An ISO date parameter (YYYY, YYYY-MM or YYYY-MM-DD); a day past the month's end is its last day."""
    if value is None or value == "":
        return None
    import calendar

    m = _DAY.match(value)
    if not m:
        raise invalid(("query", name), "not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
    year, month, dd = max(1, int(m.group(1))), int(m.group(2) or 1), int(m.group(3) or 1)
    if not (1 <= month <= 12 and 1 <= dd <= 31):
        raise invalid(("query", name), "not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
    dd = min(dd, calendar.monthrange(year, month)[1])
    if m.group(3):
        return f"{year:04d}-{month:02d}-{dd:02d}"
    return f"{year:04d}-{month:02d}" if m.group(2) else f"{year:04d}"


def plain_snippet(snippet: str | None) -> str | None:
    return snippet.replace("\x01", "").replace("\x02", "") if snippet else snippet


def article_detail(store: ReadOnlyStore, ref: str) -> dict[str, Any] | None:
    ref = ref.strip()
    if not ref or len(ref) > 200:
        return None
    art = store.article(ref)
    if art is None:
        return None
    art["figures"] = store.figures(article=art["id"])
    art["events"] = store.events_of(art["id"])
    return art


def claims_with_articles(store: ReadOnlyStore, claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Claims with their article's number and headline (for links)."""
    if not claims:
        return []
    import json

    rows = {r["id"]: (r["n"], r["headline"]) for r in store._conn.execute(
        "SELECT id, n, headline FROM articles WHERE id IN (SELECT value FROM json_each(?))",
        (json.dumps(sorted({c["article"] for c in claims})),))}
    out = []
    for c in claims:
        n, headline = rows.get(c["article"], (None, None))
        out.append({**c, "article_n": n, "headline": headline})
    return out


def person_detail(store: ReadOnlyStore, name: str, quotes: int = 200,
                  kind: str | None = None) -> dict[str, Any] | None:
    """A person (or, when no person has that name, an organisation) with everything its page shows.
    ``kind``: ``person`` or ``organization`` to look for that kind only."""
    name = " ".join(name.split())
    if not name or len(name) > 300:
        return None
    person = store.find_person(name) if kind != "organization" else None
    exact = person is not None and name.casefold() in (n.casefold() for n in [person.name, *person.aliases])
    org = store.find_org(name) if kind != "person" and not exact else None
    if org is not None and person is not None and kind is None and not exact:
        person = None  # `HWU`: the organisation so named, not a person whose name contains the letters
    if org is not None:
        ids = store.org_speaker_ids(org["name"])
        own = [sid for sid in ids if store.speaker_index()["names"].get(sid, ("", "person"))[1] != "person"]
        names = {n.casefold() for n in [org["name"], *org.get("aliases", [])]}
        roles = []
        people = {p.name: p for p in store._people() if p.name in org.get("people", [])}
        for p in people.values():
            for r in p.roles:
                if r.get("organization") and r["organization"].casefold() in names:
                    roles.append({"role": f"{p.name}: {r['role']}", "organization": org["name"], "date": r["date"]})
        roles.sort(key=lambda r: (r["date"] or "", r["role"]))
        detail = {"name": org["name"], "kind": "organization", "aliases": org.get("aliases", []),
                  "roles": roles, "quotes": org["quotes"], "articles": org["articles"], "organizations": [],
                  "people": org.get("people", []), "recent_quotes": store.person_quotes(own, quotes),
                  "quoted_beside": store.quoted_beside(own), "also_matched": []}
        all_names = names
    elif person is not None:
        low = name.casefold()
        others = [p.name for p in store._people() if p is not person and any(
            low in n.casefold() for n in [p.name, *p.aliases])][:5]
        detail = {"name": person.name, "kind": "person", "aliases": person.aliases, "roles": person.roles,
                  "quotes": person.quotes, "articles": person.articles,
                  "organizations": sorted({r["organization"] for r in person.roles if r["organization"]}),
                  "people": [], "recent_quotes": store.person_quotes(person.speaker_ids, quotes),
                  "quoted_beside": store.quoted_beside(person.speaker_ids), "also_matched": others}
        all_names = {n.casefold() for n in [person.name, *person.aliases]}
    else:
        return None
    claims = store.all_claims()
    detail["claims"] = claims_with_articles(store, [c for c in claims if (c["claimant"] or "").casefold() in all_names])
    detail["disputes"] = claims_with_articles(store, [c for c in claims if any(
        (d["claimant"] or "").casefold() in all_names for d in c["disputed_by"])])
    return detail


def figure_groups(store: ReadOnlyStore, about: str | None = None) -> list[dict[str, Any]]:
    groups = store.all_figure_groups()
    if about:
        low = about.casefold()
        groups = [g for g in groups if low in g["what"].casefold() or low in (g["unit"] or "").casefold()]
    return [{**g, "key": f"{g['unit']}:{g['what']}"} for g in groups]


def events(store: ReadOnlyStore, type: str | None = None, place: str | None = None,
           since: str | None = None, until: str | None = None) -> tuple[bool, list[dict[str, Any]]]:
    """Events from the store (``Store.events``: sentences telling one event merged, newest first), or
    ``(False, [])`` for a store without events. The unfiltered list is cached."""
    if not store.has_events():
        return False, []
    if not (type or place or since or until):
        return True, store.cache.get("events", lambda: store.events())
    return True, store.events(type=type or None, place=place or None, since=since or None, until=until or None)


# -- analyze ------------------------------------------------------------------------------------

_ANALYZE_LOCK = threading.Lock()  # the parser runs one document at a time; requests queue here


def analyze(text: str | None = None, html: str | None = None) -> dict[str, Any]:
    """Extract without storing: the page text and its articles as typed records (dicts)."""
    from newsgraph.pipeline import document, process

    if (text is None) == (html is None):
        raise ValueError('give exactly one of "text" or "html"')
    raw = text if text is not None else html
    if not raw.strip():
        return {"text": raw, "kind": "html" if html is not None else "text", "title": None, "articles": [],
                "note": "the text is empty"}
    if len(raw) > MAX_ANALYZE_CHARS:
        raise OverflowError(f"at most {MAX_ANALYZE_CHARS:,} characters")
    hints: dict[str, Any] = {"source": "<analyze>", "kind": "html" if html is not None else "text"}
    from newsgraph.readers import ReadError

    if not _ANALYZE_LOCK.acquire(timeout=60):
        raise TimeoutError("busy: try again")
    try:
        try:
            doc = document(raw, **hints)
        except ReadError as exc:  # an HTML page with no article in it: nothing to extract
            return {"text": "", "kind": hints["kind"], "title": None, "articles": [], "note": exc.reason}
        articles = process(doc) if doc.text.strip() else []
    finally:
        _ANALYZE_LOCK.release()
    return {"text": doc.text, "kind": doc.kind, "title": doc.title, "articles": [asdict(a) for a in articles],
            "note": None if articles else "no article found in the text"}


# -- routes ---------------------------------------------------------------------------------------

def _since(value: str | None, name: str) -> str | None:
    from newsgraph.store import parse_since

    day = day_param(value, name)
    return parse_since(day) if day else None


@router.get("/articles", response_model=ArticleList, summary="Search articles")
def api_articles(store: Store, q: Text = None, since: Day = None, until: Day = None, speaker: Text = None,
                 org: Text = None, place: Text = None, outlet: Text = None,
                 sort: Literal["relevance", "newest", "oldest"] = "relevance", facets: bool = False,
                 limit: Limit = 20, offset: Offset = 0) -> dict[str, Any]:
    """Articles matching a full-text query (`q`: all words; `"a phrase"`; `prefix*`) and filters:
    a speaker (name, alias or part of a name), an organisation, a place (dateline), an outlet, a date
    range. `facets=true` adds counts of the matches by speaker, organisation, place, outlet, month."""
    out = store.search_articles(q, since=_since(since, "since"), until=_since(until, "until"), speaker=speaker,
                                org=org, place=place, outlet=outlet, sort=sort, limit=limit, offset=offset,
                                facets=facets)
    for it in out["items"]:
        it["snippet"] = plain_snippet(it.get("snippet"))
    return out


@router.get("/articles/{article_id}", response_model=ArticleDetail, responses=NOT_FOUND,
            summary="One article with its quotes")
def api_article(store: Store, article_id: str) -> dict[str, Any]:
    """An article by row number or id: the page text (all offsets point into it), its layout parts,
    quotes, speakers, figures and events."""
    art = article_detail(store, article_id)
    if art is None:
        raise HTTPException(status_code=404, detail=f"no article {article_id!r}")
    return art


@router.get("/quotes", response_model=QuoteList, summary="Search quotes")
def api_quotes(store: Store, speaker: Text = None, q: Text = None, since: Day = None, until: Day = None,
               article: Text = None, stance: Text = None, limit: Limit = 20, offset: Offset = 0) -> dict[str, Any]:
    """Quotes, newest articles first. `speaker`: every name of the person or organisation it names, and
    every speaker whose name contains it; `q`: full-text search in quote text and speaker."""
    return store.search_quotes(q, speaker=speaker, since=_since(since, "since"), until=_since(until, "until"),
                               article=article, stance=stance, limit=limit, offset=offset)


@router.get("/people", response_model=PersonList, summary="People")
def api_people(store: Store, q: Text = None, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    """People across all articles (names merged), most quoted first; `q` filters by name."""
    people = store.people()
    if q:
        low = q.casefold()
        people = [p for p in people if any(low in n.casefold() for n in [p["name"], *p["aliases"]])]
    return {"total": len(people), "limit": limit, "offset": offset, "items": people[offset:offset + limit]}


@router.get("/people/{name:path}", response_model=PersonDetail, responses=NOT_FOUND, summary="One person or organisation")
def api_person(store: Store, name: str, quotes: Annotated[int, Query(ge=0, le=1000)] = 200) -> dict[str, Any]:
    """A person by name, alias or unique part of a name (as `newsgraph person`), or else an organisation:
    roles over time, quotes, the people quoted beside them, claims they made that others disputed."""
    detail = person_detail(store, name, quotes)
    if detail is None:
        raise HTTPException(status_code=404, detail=f"no person or organisation {name!r}")
    return detail


@router.get("/orgs", response_model=OrgList, summary="Organisations")
def api_orgs(store: Store, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    orgs = store.all_orgs()
    return {"total": len(orgs), "limit": limit, "offset": offset, "items": orgs[offset:offset + limit]}


@router.get("/figures", response_model=FigureList, summary="Figures")
def api_figures(store: Store, about: Text = None, unit: Text = None, article: Text = None, q: Text = None,
                limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    """Figures, newest articles first: `about` matches what is counted, the unit or the figure's text;
    `q` searches the articles' text."""
    rows = store.figures(about=about, unit=unit, article=article, search=q)
    return {"total": len(rows), "limit": limit, "offset": offset, "items": rows[offset:offset + limit]}


@router.get("/figures/groups", response_model=FigureGroupList, summary="Figures grouped by quantity")
def api_figure_groups(store: Store, about: Text = None, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    """One quantity (unit and what is counted) reported in several places: its values over time, their
    sources, and whether the sources disagree."""
    groups = figure_groups(store, about)
    return {"total": len(groups), "limit": limit, "offset": offset, "items": groups[offset:offset + limit]}


@router.get("/claims", response_model=ClaimList, summary="Contested claims")
def api_claims(store: Store, q: Text = None, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    """Statements and the denials that dispute them, newest first; `q` filters by words in either side
    or a name."""
    claims = filter_claims(store.all_claims(), q)
    return {"total": len(claims), "limit": limit, "offset": offset,
            "items": claims_with_articles(store, claims[offset:offset + limit])}


def filter_claims(claims: list[dict[str, Any]], q: str | None) -> list[dict[str, Any]]:
    if not q or not q.strip():
        return claims
    words = [w.casefold() for w in re.findall(r"\w+", q)]

    def text(c: dict[str, Any]) -> str:
        parts = [c["claim"], c["claimant"] or ""]
        for d in c["disputed_by"]:
            parts += [d["claim"], d["claimant"] or ""]
        return " ".join(parts).casefold()

    return [c for c in claims if all(w in text(c) for w in words)]


@router.get("/events", response_model=EventList, summary="Events")
def api_events(store: Store, type: Text = None, place: Text = None, since: Day = None, until: Day = None,
               limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
    """Coded events (PLOVER types) with their place, date, actor and recipient, filtered by type, place
    (name or country code) and date; one event told in several sentences or articles is one item, with
    every telling in `sources`."""
    available, rows = events(store, type, place, _since(since, "since"), _since(until, "until"))
    return {"total": len(rows), "limit": limit, "offset": offset, "available": available,
            "items": rows[offset:offset + limit]}


@router.get("/stats", response_model=Stats, summary="What the store holds")
def api_stats(store: Store) -> dict[str, Any]:
    return store.stats()


@router.post("/analyze", response_model=AnalyzeResponse, summary="Extract from pasted text or HTML",
             responses={413: {"model": Error, "description": "Too large."},
                        503: {"model": Error, "description": "Busy."}})
def api_analyze(body: Union[AnalyzeText, AnalyzeHtml]) -> dict[str, Any]:
    """Articles, quotes, speakers, figures and dates of `{"text": ...}` or `{"html": ...}`, extracted
    without storing anything. At most 200,000 characters."""
    text = body.text if isinstance(body, AnalyzeText) else None
    html = body.html if isinstance(body, AnalyzeHtml) else None
    try:
        return analyze(text, html)
    except OverflowError as exc:
        raise HTTPException(status_code=413, detail=str(exc)) from None
    except TimeoutError as exc:
        raise HTTPException(status_code=503, detail=str(exc)) from None
    except ValueError as exc:
        raise invalid(("body",), str(exc)) from None
