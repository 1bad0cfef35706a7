"""The HTML pages: server-rendered Jinja2 templates (autoescaped), a little vanilla JS, no build step."""
from __future__ import annotations

import math
from pathlib import Path
from typing import Annotated, Any, Optional
from urllib.parse import parse_qs, quote, unquote, urlencode, urlsplit

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from markupsafe import Markup

from . import api, render
from .data import ReadOnlyStore
from .deps import store_dep

HERE = Path(__file__).resolve().parent
PER_PAGE = 20
STANCES = ("assert", "deny", "accuse", "condemn", "welcome", "urge", "warn", "promise", "question", "believe")

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=str(HERE / "templates"))
Store = Annotated[ReadOnlyStore, Depends(store_dep)]
Text = Annotated[Optional[str], Query(max_length=500)]
PageNo = Annotated[int, Query(ge=1, le=100_000)]


# -- template helpers ---------------------------------------------------------------------------

def person_url(name: str | None, kind: str | None = None) -> str:
    if not name:
        return ""
    base = "/orgs/" if kind == "organization" else "/people/"
    return base + quote(name, safe="")


def article_url(n: Any) -> str:
    return f"/articles/{quote(str(n), safe='')}"


def day(value: str | None) -> str:
    return (value or "")[:10]


def safe_href(url: str | None) -> str | None:
    """A link only for http(s) URLs: a stored URL is untrusted (``javascript:`` must never become a link)."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def short(text: str | None, limit: int = 220) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def marked_snippet(snippet: str | None) -> Markup:
    """An FTS5 snippet (matches between \\x01 and \\x02) as escaped HTML with <mark>s."""
    if not snippet:
        return Markup("")
    out = str(Markup.escape(snippet))
    return Markup(out.replace("\x01", "<mark>").replace("\x02", "</mark>"))


templates.env.filters.update(person_url=person_url, article_url=article_url, day=day, short=short,
                             number=render.number, safe_href=safe_href, snippet=marked_snippet,
                             figure_value=render.figure_value)
templates.env.globals.update(STANCES=STANCES)


def with_params(request: Request, **changes: Any) -> str:
    """This page's URL with some query parameters changed (None removes one; page resets to 1)."""
    params = {k: v for k, v in request.query_params.items() if v != ""}
    if "page" not in changes:
        params.pop("page", None)
    for k, v in changes.items():
        if v is None or v == "":
            params.pop(k, None)
        else:
            params[k] = str(v)
    qs = urlencode(params)
    return request.url.path + ("?" + qs if qs else "")


templates.env.globals["with_params"] = with_params


def pager(request: Request, total: int, page: int, per_page: int = PER_PAGE) -> dict[str, Any]:
    pages = max(1, math.ceil(total / per_page))
    return {"page": page, "pages": pages, "total": total,
            "prev": with_params(request, page=page - 1) if page > 1 else None,
            "next": with_params(request, page=page + 1) if page < pages else None,
            "first": (page - 1) * per_page + 1 if total else 0, "last": min(total, page * per_page)}


def page(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    stores = request.app.state.stores
    try:
        stats = stores.get().stats()
    except Exception:  # noqa: BLE001 - the footer must never break a page
        stats = None
    return templates.TemplateResponse(request, template, {"stats": stats, **context}, status_code=status)


def error_page(request: Request, status: int, detail: str) -> HTMLResponse:
    titles = {404: "Not found", 405: "Method not allowed", 413: "Too large", 422: "Invalid request"}
    return page(request, "error.html", status=status, title=titles.get(status, "Error"), detail=detail,
                code=status)


def _since(value: str | None) -> str | None:
    from newsgraph.store import parse_since

    try:
        return parse_since(value)
    except ValueError:
        return None


# -- search -------------------------------------------------------------------------------------

def _mark_quotes(store: ReadOnlyStore, q: str | None, items: list[dict[str, Any]]) -> None:
    """Each quote's text with the searched words marked (``marked``), for the quote lists."""
    marked = store.quote_highlights(q, [it["id"] for it in items])
    for it in items:
        if it["id"] in marked:
            it["marked"] = marked[it["id"]]

@router.get("/", response_class=HTMLResponse)
def search_page(request: Request, store: Store, q: Text = None, since: Text = None, until: Text = None,
                speaker: Text = None, org: Text = None, place: Text = None, outlet: Text = None,
                sort: Text = None, page_no: Annotated[int, Query(alias="page", ge=1, le=100_000)] = 1):
    q = (q or "").strip() or None
    sort = sort if sort in ("relevance", "newest", "oldest") else ("relevance" if q else "newest")
    bad_dates = [name for name, v in (("since", since), ("until", until)) if v and _since(v) is None]
    result = store.search_articles(q, since=_since(since), until=_since(until), speaker=speaker, org=org,
                                   place=place, outlet=outlet, sort=sort, limit=PER_PAGE,
                                   offset=(page_no - 1) * PER_PAGE, facets=True)
    quotes = store.search_quotes(q, speaker=speaker, since=_since(since), until=_since(until), limit=6,
                                 sort="relevance") if (q or speaker) else None
    if quotes and any("marked" not in it for it in quotes["items"]):
        _mark_quotes(store, q, quotes["items"])
    filters = [(k, v) for k, v in (("speaker", speaker), ("org", org), ("place", place), ("outlet", outlet),
                                   ("since", since), ("until", until)) if v]
    return page(request, "search.html", nav="search", q=q or "", result=result, quotes=quotes,
                filters=filters, sort=sort, since=since or "", until=until or "", bad_dates=bad_dates,
                pager=pager(request, result["total"], page_no), months=render.month_bars(result["facets"]["month"]),
                searching=bool(q or filters))


@router.get("/quotes", response_class=HTMLResponse)
def quotes_page(request: Request, store: Store, q: Text = None, speaker: Text = None, stance: Text = None,
                since: Text = None, until: Text = None, page_no: Annotated[int, Query(alias="page", ge=1, le=100_000)] = 1):
    stance = stance if stance in STANCES else None
    result = store.search_quotes(q, speaker=speaker, stance=stance, since=_since(since), until=_since(until),
                                 limit=PER_PAGE, offset=(page_no - 1) * PER_PAGE)
    _mark_quotes(store, q, result["items"])
    return page(request, "quotes.html", nav="quotes", q=q or "", speaker=speaker or "", stance=stance or "",
                result=result, pager=pager(request, result["total"], page_no))


# -- article ------------------------------------------------------------------------------------

def article_view(art: dict[str, Any], figures: list[dict[str, Any]], events: list[dict[str, Any]],
                 prefix: str = "") -> dict[str, Any]:
    """What the article template shows: parts as highlighted HTML, who said what, speakers' colours.
    ``prefix`` keeps element ids apart when one page shows several articles."""
    page_text: str = art["text"]
    colours = render.speaker_colours(art["quotes"])
    marks, labels = render.article_marks(art, colours, figures, events, prefix)
    parts = []
    headline = None
    for p in art["paragraphs"]:
        html = render.highlight(page_text, p["start"], p["end"], marks, labels)
        if p["kind"] == "headline" and headline is None:
            headline = html
            continue
        parts.append({"kind": p["kind"], "html": html})
    if not art["paragraphs"]:
        parts.append({"kind": "body", "html": render.highlight(page_text, art["start"], art["end"], marks, labels)})
    speakers: dict[str | None, dict[str, Any]] = {}
    for q in art["quotes"]:
        s = speakers.setdefault(q.get("speaker"), {"name": q.get("speaker"), "kind": q.get("speaker_kind"),
                                                   "colour": colours.get(q.get("speaker"), "spx"), "quotes": 0,
                                                   "role": None})
        s["quotes"] += 1
        s["role"] = s["role"] or q.get("speaker_role")
    who = []
    for i, q in enumerate(art["quotes"], 1):
        # the phrase that names the speaker as written (`Ann Lee, 58, who runs the bakery`) where it says
        # more than the name
        mention = " ".join((q.get("speaker_phrase") or q.get("speaker_mention") or "").split()) or None
        if mention and q.get("speaker") and (mention.casefold() == q["speaker"].casefold() or (
                not q.get("speaker_phrase") and q["speaker"].casefold() in mention.casefold())):
            mention = None
        who.append({**q, "i": i, "colour": colours.get(q.get("speaker"), "spx"), "mention": mention})
    return {"headline": headline, "parts": parts, "who": who, "speakers": list(speakers.values()),
            "figures": figures, "events": events, "prefix": prefix}


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, store: Store, article_id: str):
    art = api.article_detail(store, article_id)
    if art is None:
        return error_page(request, 404, f"No article {article_id!r}. Articles are numbered as `newsgraph articles` shows.")
    view = article_view(art, art["figures"], art["events"])
    neighbours = {
        "prev": store._conn.execute("SELECT max(n) FROM articles WHERE n < ?", (art["n"],)).fetchone()[0],
        "next": store._conn.execute("SELECT min(n) FROM articles WHERE n > ?", (art["n"],)).fetchone()[0],
    }
    return page(request, "article.html", nav="search", art=art, view=view, neighbours=neighbours,
                outlet=store.article_index()["articles"].get(art["id"], {}).get("outlet"))


# -- people and organisations ---------------------------------------------------------------------

@router.get("/people", response_class=HTMLResponse)
def people_page(request: Request, store: Store, q: Text = None,
                page_no: Annotated[int, Query(alias="page", ge=1, le=100_000)] = 1):
    people = store.people()
    orgs = store.all_orgs()
    if q:
        low = q.casefold()
        people = [p for p in people if any(low in n.casefold() for n in [p["name"], *p["aliases"]])]
        orgs = [o for o in orgs if any(low in n.casefold() for n in [o["name"], *o.get("aliases", [])])]
    per = 50
    return page(request, "people.html", nav="people", q=q or "",
                people=people[(page_no - 1) * per: page_no * per], orgs=orgs[:30], n_orgs=len(orgs),
                pager=pager(request, len(people), page_no, per))


def _person_page(request: Request, store: ReadOnlyStore, name: str, kind: str | None):
    detail = api.person_detail(store, name, quotes=500, kind=kind)
    if detail is None:
        what = "organisation" if kind == "organization" else "person"
        return error_page(request, 404, f"No {what} is named {name!r}.")
    canonical = person_url(detail["name"], detail["kind"])
    if request.scope["path"] != unquote(canonical):  # /people/Oyelaran -> /people/Marta%20Oyelaran
        return RedirectResponse(canonical, status_code=302)
    stance_classes = {s: f"st-{s}" for s in STANCES}
    chart = render.timeline_chart(detail["recent_quotes"], what="quotes", stack="stance", classes=stance_classes)
    stances: dict[str, int] = {}
    for q in detail["recent_quotes"]:
        stances[q.get("stance") or "assert"] = stances.get(q.get("stance") or "assert", 0) + 1
    return page(request, "person.html", nav="people", p=detail, chart=chart, stances=stances,
                quotes=detail["recent_quotes"][:100], roles=role_spans(detail["roles"]))


def role_spans(roles: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Roles over time as spans: each role (as worded, case aside) with its first and last date and the
    number of dates it was reported on, in order of first appearance; undated ones last."""
    spans: dict[tuple[str, str], dict[str, Any]] = {}
    for r in roles:
        key = (" ".join(r["role"].split()).casefold(), (r.get("organization") or "").casefold())
        s = spans.setdefault(key, {"role": r["role"], "organization": r.get("organization"), "first": None,
                                   "last": None, "reports": 0})
        s["reports"] += 1
        d = r.get("date")
        if d:
            s["first"] = min(s["first"] or d, d)
            s["last"] = max(s["last"] or d, d)
    return sorted(spans.values(), key=lambda s: (s["first"] is None, s["first"] or "", s["role"].casefold()))


@router.get("/people/{name:path}", response_class=HTMLResponse)
def person_page(request: Request, store: Store, name: str):
    return _person_page(request, store, name, None)


@router.get("/orgs/{name:path}", response_class=HTMLResponse)
def org_page(request: Request, store: Store, name: str):
    return _person_page(request, store, name, "organization")


# -- figures, claims, events ----------------------------------------------------------------------

@router.get("/figures", response_class=HTMLResponse)
def figures_page(request: Request, store: Store, about: Text = None, quantity: Text = None):
    groups = api.figure_groups(store, about)
    selected = None
    if quantity:
        selected = next((g for g in groups if g["key"] == quantity), None) or next(
            (g for g in api.figure_groups(store) if g["key"] == quantity), None)
    if selected is None and groups:
        selected = groups[0]
    chart, legend = (render.figure_chart(selected["values"], selected["unit"]) if selected else (None, {}))
    articles = {}
    if selected:
        import json

        articles = {r[0]: r[1] for r in store._conn.execute(
            "SELECT id, n FROM articles WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps([v["article"] for v in selected["values"]]),))}
    reports = sorted(selected["values"], key=lambda v: (v["published"] is None, v["published"] or "")) \
        if selected else []
    return page(request, "figures.html", nav="figures", about=about or "", groups=groups[:200],
                n_groups=len(groups), selected=selected, chart=chart, legend=legend, articles=articles,
                reports=reports[:300], more_reports=max(0, len(reports) - 300))


@router.get("/claims", response_class=HTMLResponse)
def claims_page(request: Request, store: Store, q: Text = None,
                page_no: Annotated[int, Query(alias="page", ge=1, le=100_000)] = 1):
    claims = api.filter_claims(store.all_claims(), q)
    shown = api.claims_with_articles(store, claims[(page_no - 1) * PER_PAGE: page_no * PER_PAGE])
    return page(request, "claims.html", nav="claims", q=q or "", claims=shown,
                pager=pager(request, len(claims), page_no))


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request, store: Store, type: Text = None, place: Text = None, since: Text = None,
                page_no: Annotated[int, Query(alias="page", ge=1, le=100_000)] = 1):
    available, rows = api.events(store, type, place, _since(since))
    types: dict[str, int] = {}
    for e in (api.events(store)[1] if (type or place or since) else rows):
        types[e.get("type") or "?"] = types.get(e.get("type") or "?", 0) + 1
    places: dict[tuple[float, float], dict[str, Any]] = {}
    for e in rows:
        if e.get("lat") is None or e.get("lon") is None:
            continue
        key = (round(float(e["lat"]), 2), round(float(e["lon"]), 2))
        p = places.setdefault(key, {"lat": e["lat"], "lon": e["lon"], "count": 0, "name": e.get("place"),
                                    "types": {}})
        p["count"] += 1
        p["types"][e.get("type")] = p["types"].get(e.get("type"), 0) + 1
    points = []
    for p in places.values():
        kinds = ", ".join(f"{n} {t}" for t, n in sorted(p["types"].items(), key=lambda kv: -kv[1]))
        points.append({"lat": p["lat"], "lon": p["lon"], "count": p["count"], "name": p["name"],
                       "label": f"{p['name'] or 'place'}: {p['count']} event{'s' if p['count'] != 1 else ''} ({kinds})",
                       "href": with_params(request, place=p["name"]) if p["name"] else None})
    per = 50
    return page(request, "events.html", nav="events", available=available, rows=rows[(page_no - 1) * per: page_no * per],
                total=len(rows), types=sorted(types.items(), key=lambda kv: (-kv[1], kv[0])),
                type=type or "", place=place or "", since=since or "", map=render.world_map(points),
                located=sum(p["count"] for p in places.values()), pager=pager(request, len(rows), page_no, per))


# -- analyze ------------------------------------------------------------------------------------

def analyzed_view(result: dict[str, Any]) -> list[dict[str, Any]]:
    """The extraction of /analyze shaped like a stored article, for the same template."""
    out = []
    text = result["text"]
    for k, a in enumerate(result["articles"]):
        parts = []
        if a.get("headline"):
            parts.append({"kind": "headline", **a["headline"]})
        parts += [{"kind": "bullet", **b} for b in a.get("bullets", [])]
        if a.get("caption"):
            parts.append({"kind": "caption", **a["caption"]})
        parts += [{"kind": "body", **p} for p in a.get("paragraphs", [])]
        parts.sort(key=lambda p: (p["start"], p["end"]))
        quotes = [{**q, "article": a["id"]} for q in a["quotes"]]
        art = {"text": text, "start": a["start"], "end": a["end"], "paragraphs": parts, "quotes": quotes,
               "headline": a["headline"]["text"] if a.get("headline") else None,
               "published": a.get("published"), "dateline": a["dateline"]["text"] if a.get("dateline") else None,
               "dateline_start": a["dateline"]["start"] if a.get("dateline") else None,
               "dateline_end": a["dateline"]["end"] if a.get("dateline") else None,
               "credit": a.get("credit"), "truncated": a.get("truncated"), "id": a["id"]}
        out.append({"art": art, "view": article_view(art, a.get("figures", []), a.get("events", []),
                                                     prefix=f"a{k + 1}-")})
    return out


@router.get("/analyze", response_class=HTMLResponse)
def analyze_form(request: Request):
    return page(request, "analyze.html", nav="analyze", text="", results=None, error=None,
                limit=api.MAX_ANALYZE_CHARS)


@router.post("/analyze", response_class=HTMLResponse)
async def analyze_page(request: Request):
    """The form posts ``text`` (urlencoded); ``fragment=1`` returns only the result (for the page's JS)."""
    from starlette.concurrency import run_in_threadpool

    body = await request.body()
    form = parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True, max_num_fields=10)
    text = (form.get("text") or [""])[0]
    fragment = (form.get("fragment") or [""])[0] == "1" or request.headers.get("x-fragment") == "1"
    error = None
    results = None
    status = 200
    if not text.strip():
        error, status = "Paste the text (or HTML) of an article first.", 422
    elif len(text) > api.MAX_ANALYZE_CHARS:
        error, status = f"That is {len(text):,} characters; at most {api.MAX_ANALYZE_CHARS:,} can be analysed.", 413
    else:
        try:
            result = await run_in_threadpool(api.analyze, text=text)
            results = analyzed_view(result)
        except TimeoutError:
            error, status = "The analyser is busy; try again in a moment.", 503
        except ValueError as exc:
            error, status = str(exc), 422
    template = "_analysis.html" if fragment else "analyze.html"
    return page(request, template, status=status, nav="analyze", text=text, results=results, error=error,
                limit=api.MAX_ANALYZE_CHARS)


# -- about the API --------------------------------------------------------------------------------

@router.get("/api", response_class=HTMLResponse)
def api_page(request: Request):
    schema = request.app.openapi()
    endpoints = []
    for path, methods in schema.get("paths", {}).items():
        for method, op in methods.items():
            params = [p["name"] for p in op.get("parameters", []) if p.get("in") == "query"]
            endpoints.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                              "description": op.get("description", ""), "params": params})
    return page(request, "api.html", nav="api", endpoints=endpoints)


@router.get("/favicon.ico")
def favicon() -> Response:
    return RedirectResponse("/static/favicon.svg", status_code=301)
