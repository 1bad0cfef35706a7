"""The web app and HTTP API (newsgraph.web), in process with FastAPI's TestClient.

One store for the module: the bundled examples ingested through the real pipeline
(``read_paths`` -> ``process_many`` -> ``Store.add``), plus one hand-made page full of script and
attribute injection payloads and one with coded events, so that escaping and the map are tested on
data that went through the store.
"""
from __future__ import annotations

import json
import os
import re
import sqlite3
import warnings
from html import escape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote

import pytest

pytest.importorskip("fastapi")
warnings.filterwarnings("ignore", message=".*httpx2.*")

from fastapi.testclient import TestClient  # noqa: E402

from newsgraph.model import Article, Document, Event, Part, Quote, Speaker  # noqa: E402
from newsgraph.pipeline import process_many  # noqa: E402
from newsgraph.readers import read_paths  # noqa: E402
from newsgraph.store import Store  # noqa: E402
from newsgraph.web import create_app  # noqa: E402
from newsgraph.web import geo, render  # noqa: E402
from newsgraph.web.api import MAX_ANALYZE_CHARS  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"

XSS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(2)>',
    "' onmouseover='alert(3)",
    "<svg/onload=alert(4)>",
    "javascript:alert(5)",
]
HOSTILE_QUERIES = ['"', "'", "OR (", "NEAR(", "*", "a:b", "(((", "1=1; DROP TABLE quotes; --",
                   "' OR '1'='1", "x\" OR 1=1 --", "%", "_", "\\", "naïve\u200b", "🙂", "col:val OR NOT x",
                   "<script>alert(1)</script>", "speaker:*", "' UNION SELECT text FROM documents --"]


def _hostile_page() -> tuple[Document, list[Article]]:
    """A page whose headline, body, quote, speaker, role and URL carry injection payloads."""
    head = f"Council vote {XSS[0]} sparks row"
    said = f"We reject {XSS[1]} and {XSS[3]}"
    speaker = f"Mal {XSS[2]} Ory"
    role = f"spokesman {XSS[0]}"
    body = f'"{said}," {speaker}, the {role}, said on Monday.'
    text = f"{head}\n\n{body}\n"
    b0 = text.index(body)
    q0 = text.index(said)
    s0 = text.index(speaker)
    c0 = text.index("said on")
    doc = Document(text=text, source="hostile.txt", url=XSS[4], published="2026-02-02")
    art = Article(document_id=doc.id, index=0, start=0, end=len(text),
                  headline=Part(head, 0, len(head)), paragraphs=[Part(body, b0, b0 + len(body))],
                  published="2026-02-02")
    art.quotes = [Quote(text=said, start=q0, end=q0 + len(said), type="direct", cue="said", cue_start=c0,
                        cue_end=c0 + 4, speaker=speaker, speaker_mention=speaker, speaker_start=s0,
                        speaker_end=s0 + len(speaker), speaker_kind="person", speaker_role=role,
                        id="hostilequote0001", article_id=art.id)]
    art.speakers = [Speaker(speaker, "person", roles=[role], quotes=1)]
    return doc, [art]


def _events_page() -> tuple[Document, list[Article]]:
    text = ("Dockers march in Karachi\n\nKARACHI: Thousands of dock workers marched on Sunday. "
            "Police in Lahore arrested ten activists.\n")
    s1 = text.index("Thousands")
    e1 = text.index(".", s1) + 1
    s2 = text.index("Police")
    e2 = text.index(".", s2) + 1
    doc = Document(text=text, source="events.txt", published="2026-01-10")
    art = Article(document_id=doc.id, index=0, start=0, end=len(text), headline=Part(text[:24], 0, 24),
                  paragraphs=[Part(text[s1:e2], s1, e2)], published="2026-01-10")
    t1 = text.index("marched")
    t2 = text.index("arrested")
    art.events = [
        Event(type="PROTEST", mode="demonstrate", text=text[s1:e1], start=s1, end=e1, trigger="marched",
              trigger_start=t1, trigger_end=t1 + 7, actor="dock workers", place="Karachi", country="PK",
              lat=24.86, lon=67.01, date="2026-01-09", size=3000, id="ev-protest-1", article_id=art.id),
        Event(type="COERCE", mode="arrest", text=text[s2:e2], start=s2, end=e2, trigger="arrested",
              trigger_start=t2, trigger_end=t2 + 8, actor="Police", recipient="activists", place="Lahore",
              country="PK", lat=31.55, lon=74.34, date="2026-01-09", id="ev-coerce-1", article_id=art.id),
    ]
    return doc, [art]


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("web") / "web.db"
    with Store(path) as store:
        docs = [d for d in read_paths([str(EXAMPLES)]) if isinstance(d, Document)]
        assert docs, "examples/ must hold pages"
        for document, result in process_many(docs):
            assert not isinstance(result, BaseException), result
            store.add(document, result)
        for document, articles in (_hostile_page(), _events_page()):
            store.add(document, articles)
    return path


@pytest.fixture(scope="module")
def client(db) -> TestClient:
    with TestClient(create_app(db)) as c:
        yield c


@pytest.fixture(scope="module")
def articles(client) -> list[dict]:
    return client.get("/api/articles", params={"limit": 200, "sort": "oldest"}).json()["items"]


def _n_of(articles: list[dict], headline_part: str) -> int:
    return next(a["n"] for a in articles if headline_part in (a["headline"] or ""))


class Tags(HTMLParser):
    """Start tags with their attributes, and a check that elements are well nested."""

    VOID = {"meta", "link", "input", "br", "img", "hr", "source", "circle", "rect", "line", "image", "path",
            "polyline"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.stack: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1] if self.stack else 'nothing'}")
            if tag in self.stack:
                while self.stack and self.stack.pop() != tag:
                    pass
            return
        self.stack.pop()


def parse(html: str) -> Tags:
    p = Tags()
    p.feed(html)
    p.close()
    return p


# -- pages --------------------------------------------------------------------------------------

@pytest.mark.parametrize("path", ["/", "/?q=strike", "/quotes", "/quotes?q=union", "/people", "/figures",
                                  "/claims", "/events", "/analyze", "/api"])
def test_every_page_renders_well_formed_html(client, path):
    r = client.get(path)
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/html")
    tags = parse(r.text)
    assert not tags.errors, tags.errors[:5]
    assert "<nav" in r.text and 'href="/static/style.css"' in r.text
    # nothing from the internet: every script, stylesheet and image is the app's own
    for tag, attrs in tags.tags:
        for key in ("src", "href"):
            v = attrs.get(key) or ""
            if tag in ("script", "link", "img", "image") and v:
                assert v.startswith("/"), (tag, v)


def test_security_headers_forbid_inline_script(client):
    r = client.get("/")
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert 'style="' not in r.text and "<script>" not in r.text  # the CSP would block inline code


def test_search_finds_articles_and_quotes(client):
    r = client.get("/", params={"q": "strike"})
    assert "Dock workers strike" in r.text
    assert "<mark>" in r.text  # the words found, marked in the snippet
    data = client.get("/api/articles", params={"q": "automation", "facets": "true"}).json()
    heads = [a["headline"] for a in data["items"]]
    assert any("automation" in (h or "").lower() for h in heads)
    assert data["total"] == len(data["items"])
    assert set(data["facets"]) == {"speaker", "organization", "place", "outlet", "month"}
    quotes = client.get("/api/quotes", params={"q": "cranes"}).json()
    assert quotes["total"] >= 1 and all("crane" in q["text"].lower() for q in quotes["items"])


def test_search_facets_filter_and_count(client):
    everything = client.get("/api/articles", params={"facets": "true", "limit": 200}).json()
    places = {f["value"]: f["count"] for f in everything["facets"]["place"]}
    assert places.get("PORT ELMSWORTH", 0) >= 2
    only = client.get("/api/articles", params={"place": "PORT ELMSWORTH", "limit": 200}).json()
    assert only["total"] == places["PORT ELMSWORTH"]
    assert all(a["dateline"] == "PORT ELMSWORTH" for a in only["items"])
    strike = client.get("/api/articles", params={"q": "cranes", "facets": "true"}).json()
    speakers = {f["value"]: f["count"] for f in strike["facets"]["speaker"]}
    assert speakers.get("Marta Oyelaran") == 1
    by_speaker = client.get("/api/articles", params={"speaker": "Marta Oyelaran"}).json()
    assert by_speaker["total"] == 1 and by_speaker["items"][0]["n"] == strike["items"][0]["n"]
    orgs = {f["value"] for f in strike["facets"]["organization"]}
    assert "Harbour Workers' Union" in orgs
    assert client.get("/api/articles", params={"org": "HWU"}).json()["total"] >= 1
    dated = client.get("/api/articles", params={"since": "2026-05-01", "until": "2026-05-31", "limit": 200}).json()
    assert dated["total"] >= 1
    assert all("2026-05-01" <= a["published"][:10] <= "2026-05-31" for a in dated["items"])
    page = client.get("/", params={"place": "PORT ELMSWORTH"})
    assert "PORT ELMSWORTH" in page.text and "remove" in page.text


def test_pagination_is_stable_and_complete(client):
    total = client.get("/api/articles", params={"limit": 0}).json()["total"]
    seen = []
    for offset in range(0, total, 3):
        page = client.get("/api/articles", params={"limit": 3, "offset": offset, "sort": "oldest"}).json()
        assert page["total"] == total
        seen += [a["n"] for a in page["items"]]
    assert sorted(seen) == list(range(1, total + 1))


@pytest.mark.parametrize("text", HOSTILE_QUERIES)
def test_search_takes_any_text_as_words(client, text, db):
    before = sqlite3.connect(db).execute("SELECT count(*) FROM quotes").fetchone()[0]
    for path, params in (("/api/articles", {"q": text}), ("/api/quotes", {"q": text}),
                         ("/api/quotes", {"speaker": text}), ("/api/articles", {"speaker": text, "place": text,
                                                                               "outlet": text, "org": text}),
                         ("/", {"q": text}), ("/quotes", {"q": text, "speaker": text}), ("/claims", {"q": text}),
                         ("/people", {"q": text}), ("/figures", {"about": text}), ("/events", {"place": text})):
        r = client.get(path, params=params)
        assert r.status_code == 200, (path, text, r.text[:300])
    assert sqlite3.connect(db).execute("SELECT count(*) FROM quotes").fetchone()[0] == before
    if "<" in text:
        assert text not in client.get("/", params={"q": text}).text


def test_untrusted_text_is_escaped_everywhere(client, articles):
    n = _n_of(articles, "Council vote")
    pages = [f"/articles/{n}", "/?q=council", "/quotes?q=reject", "/people",
             "/people/" + quote("Mal ' onmouseover='alert(3) Ory", safe=""), f"/api/articles/{n}"]
    for path in pages:
        r = client.get(path)
        assert r.status_code == 200, path
        if path.startswith("/api/"):
            assert r.headers["content-type"].startswith("application/json")
            assert XSS[0] in r.json()["text"]  # JSON carries the text as it is
            continue
        html = r.text
        for payload in XSS[:4]:
            assert payload not in html, (path, payload)
        tags = parse(html)
        assert not tags.errors, (path, tags.errors[:3])
        for tag, attrs in tags.tags:
            assert tag not in ("img", "svg") or "onerror" not in attrs, path
            assert not any(k.startswith("on") for k in attrs), (path, tag, attrs)
            assert tag != "script" or attrs.get("src") == "/static/app.js", path
            assert not (attrs.get("href") or "").lower().startswith("javascript:"), path
    article = client.get(f"/articles/{n}").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in article
    assert "&lt;svg/onload=alert(4)&gt;" in article


def test_article_page_highlights_every_quote_by_speaker(client, articles):
    n = _n_of(articles, "finance minister")
    api = client.get(f"/api/articles/{n}").json()
    quotes = api["quotes"]
    assert len(quotes) >= 10
    html = client.get(f"/articles/{n}").text
    tags = parse(html)
    assert not tags.errors, tags.errors[:5]
    colour_of: dict[str, set[str]] = {}
    numbers = set()
    for tag, attrs in tags.tags:
        classes = (attrs.get("class") or "").split()
        if tag == "span" and "quote" in classes:
            i = int(attrs["data-q"])
            numbers.add(i)
            colour = next(c for c in classes if re.fullmatch(r"sp(\d|x)", c))
            colour_of.setdefault(quotes[i - 1]["speaker"] or "", set()).add(colour)
    assert numbers == set(range(1, len(quotes) + 1))  # every quote highlighted
    assert all(len(c) == 1 for c in colour_of.values())  # one colour per speaker
    named = [next(iter(c)) for s, c in colour_of.items() if s]
    assert len(set(named)) == min(len(named), render.PALETTE_SIZE)  # speakers told apart
    # the margin lists who said what, in order, with the role and cue
    margin = [attrs for tag, attrs in tags.tags if tag == "li" and "wq" in (attrs.get("class") or "")]
    assert [int(a["data-q"]) for a in margin] == list(range(1, len(quotes) + 1))
    haddad = next(q for q in quotes if q["speaker"] == "Leila Haddad" and q["speaker_role"])
    assert haddad["speaker_role"] in html
    # and the phrase that names the speaker where it says more than the name
    phrases = {" ".join(q["speaker_phrase"].split()) for q in quotes
               if q["speaker_phrase"] and q["speaker_phrase"].casefold() != (q["speaker"] or "").casefold()}
    assert phrases and all(f"({escape(p, quote=False)})" in html.replace("&#39;", "'") for p in phrases)
    # layout parts shown as such: bullets, caption, dateline, headline
    assert '<ul class="bullets"' in html and '<figure class="caption">' in html
    assert '<strong class="dateline">EASTBROOK</strong>' in html
    assert "<h1" in html and api["headline"].split()[0] in html


def test_quote_text_inside_highlight_is_the_page_text(client, articles):
    n = _n_of(articles, "Dock workers strike")
    api = client.get(f"/api/articles/{n}").json()
    page = api["text"]
    for q in api["quotes"]:
        assert page[q["start"]:q["end"]] == q["text"]
    html = client.get(f"/articles/{n}").text
    first = api["quotes"][0]
    anchor = f'id="quote-{first["id"]}"'
    assert anchor in html


def test_article_ids_are_the_clis(client, db, articles):
    with Store(db) as store:
        cli = store.article(4)
    by_n = client.get("/api/articles/4").json()
    by_id = client.get(f"/api/articles/{cli['id']}").json()
    assert by_n["id"] == by_id["id"] == cli["id"] and by_n["n"] == 4
    assert [q["id"] for q in by_n["quotes"]] == [q["id"] for q in cli["quotes"]]
    assert client.get(f"/articles/{cli['id']}").status_code == 200
    assert client.get("/api/articles/99999").status_code == 404
    assert client.get("/articles/99999").status_code == 404
    assert "Not found" in client.get("/articles/99999").text


def test_person_page_roles_timeline_quotes_and_disputes(client):
    r = client.get("/people/Oyelaran", follow_redirects=False)
    assert r.status_code == 302 and r.headers["location"] == "/people/Marta%20Oyelaran"
    html = client.get("/people/Marta%20Oyelaran").text
    assert "HWU general secretary" in html
    assert '<svg class="chart timeline"' in html
    assert "We are not against new machines" in html
    data = client.get("/api/people/Oyelaran").json()
    for key in ("name", "aliases", "roles", "quotes", "articles", "organizations", "recent_quotes", "also_matched"):
        assert key in data  # the CLI's `person --format json` keys
    assert data["name"] == "Marta Oyelaran" and data["quotes"] == len(data["recent_quotes"])
    assert any(b["name"] == "Daniel Brisco" for b in data["quoted_beside"])
    assert data["claims"] and data["claims"][0]["disputed_by"]  # the port authority rejected her account
    strand = client.get("/api/people/Victor Strand").json()
    assert strand["disputes"], "Strand rejected the spokesman's explanation"
    assert client.get("/people/Nobody%20At%20All").status_code == 404


def test_organisation_page(client):
    data = client.get("/api/people/HWU").json()
    assert data["kind"] == "organization" and data["name"] == "Harbour Workers' Union"
    assert "Marta Oyelaran" in data["people"]
    r = client.get("/orgs/HWU", follow_redirects=False)
    assert r.status_code == 302
    assert "Marta Oyelaran" in client.get(r.headers["location"]).text


def test_figures_page_charts_one_quantity(client):
    groups = client.get("/api/figures/groups").json()["items"]
    assert groups
    g = groups[0]
    html = client.get("/figures", params={"quantity": g["key"]}).text
    assert '<svg class="chart figures"' in html
    assert html.count('<circle class="dot') == sum(1 for v in g["values"] if v["published"])
    assert client.get("/api/figures", params={"about": "workers"}).json()["total"] >= 1


def test_claims_side_by_side(client):
    data = client.get("/api/claims").json()
    assert data["total"] >= 3
    html = client.get("/claims").text
    assert html.count('<article class="claim">') == min(data["total"], 20)
    assert "that account" in html and "Elmsworth Port Authority" in html
    assert client.get("/api/claims", params={"q": "Strand"}).json()["total"] >= 1


def test_events_map_and_table(client):
    data = client.get("/api/events").json()
    assert data["available"] is True
    types = {e["type"] for e in data["items"]}
    assert {"PROTEST", "COERCE"} <= types
    only = client.get("/api/events", params={"type": "PROTEST"}).json()
    assert {e["type"] for e in only["items"]} == {"PROTEST"}
    html = client.get("/events").text
    assert '<image href="/static/world.svg"' in html
    assert html.count('<circle class="dot"') == 2  # Karachi and Lahore
    assert "Karachi" in html and "PROTEST" in html
    filtered = client.get("/events", params={"place": "Lahore"}).text
    assert filtered.count('<circle class="dot"') == 1
    assert client.get("/static/world.svg").status_code == 200


def test_article_page_marks_events_and_figures(client, articles):
    n = _n_of(articles, "Dockers march")
    html = client.get(f"/articles/{n}").text
    assert '<span class="ev"' in html and ">PROTEST</a>" in html
    n2 = _n_of(articles, "Dock workers strike")
    assert '<span class="fig"' in client.get(f"/articles/{n2}").text


def test_analyze_api_extracts_without_storing(client, db):
    before = client.get("/api/stats").json()
    page = (EXAMPLES / "page_harbour.txt").read_text(encoding="utf-8")
    r = client.post("/api/analyze", json={"text": page})
    assert r.status_code == 200, r.text
    data = r.json()
    assert data["articles"] and data["text"] == page
    quotes = [q for a in data["articles"] for q in a["quotes"]]
    assert any(q["speaker"] == "Marta Oyelaran" for q in quotes)
    for q in quotes:
        assert data["text"][q["start"]:q["end"]] == q["text"]
    html = ("<html><head><title>Mayor backs plan</title></head><body><article><h1>Mayor backs plan</h1>"
            "<p>\u201cWe will build it this year,\u201d Mayor Ana Ruiz said on Monday at the city hall "
            "during a long meeting.</p><p>The council will vote on the plan next week, officials said.</p>"
            "</article></body></html>")
    r = client.post("/api/analyze", json={"html": html})
    assert r.status_code == 200, r.text
    assert any(q["speaker"] and "Ruiz" in q["speaker"] for a in r.json()["articles"] for q in a["quotes"])
    assert client.get("/api/stats").json() == before


def test_analyze_limits_and_bad_input(client):
    assert client.post("/api/analyze", json={"text": "x" * (MAX_ANALYZE_CHARS + 1)}).status_code == 422
    big = json.dumps({"text": "y" * 2_000_000})
    assert client.post("/api/analyze", content=big, headers={"content-type": "application/json"}).status_code == 413

    def chunks():
        for _ in range(40):
            yield b"z" * 50_000

    assert client.post("/api/analyze", content=chunks(), headers={"content-type": "application/json"}).status_code == 413
    assert client.post("/api/analyze", json={"text": "a", "html": "<p>b</p>"}).status_code == 422
    assert client.post("/api/analyze", json={}).status_code == 422
    assert client.post("/api/analyze", json={"text": "   "}).status_code == 422
    blank = client.post("/api/analyze", json={"text": "\x1c"}).json()
    assert blank["articles"] == [] and blank["note"]
    no_article = client.post("/api/analyze", json={"html": "<html><body><nav>Home</nav></body></html>"}).json()
    assert no_article["articles"] == [] and "no article" in no_article["note"]
    assert client.post("/api/analyze", json={"path": "/etc/passwd"}).status_code == 422
    assert client.post("/api/analyze", content=b"not json", headers={"content-type": "application/json"}).status_code == 422


def test_analyze_page_highlights_pasted_text(client):
    page = (EXAMPLES / "page_politics.txt").read_text(encoding="utf-8")
    r = client.post("/analyze", data={"text": page})
    assert r.status_code == 200
    tags = parse(r.text)
    assert not tags.errors, tags.errors[:3]
    assert sum(1 for t, a in tags.tags if t == "span" and "quote" in (a.get("class") or "").split()) >= 10
    assert "Victor Strand" in r.text
    fragment = client.post("/analyze", data={"text": page, "fragment": "1"})
    assert "<nav" not in fragment.text and 'class="quote' in fragment.text
    hostile = client.post("/analyze", data={"text": f'"Stop {XSS[0]} now," said Ann {XSS[1]} Lee.'})
    assert XSS[0] not in hostile.text and XSS[1] not in hostile.text
    assert client.post("/analyze", data={"text": ""}).status_code == 422
    assert client.post("/analyze", data={"text": "w" * (MAX_ANALYZE_CHARS + 5)}).status_code == 413


def test_store_is_opened_read_only(client, db):
    stores = client.app.state.stores
    with pytest.raises(sqlite3.OperationalError):
        stores.get()._conn.execute("DELETE FROM quotes")
    mtime = os.stat(db).st_mtime_ns
    for path in ("/", "/articles/1", "/people", "/claims", "/figures", "/events", "/api/articles?q=strike"):
        client.get(path)
    assert os.stat(db).st_mtime_ns == mtime
    assert client.post("/api/articles").status_code == 405
    assert client.delete("/api/articles/1").status_code == 405


def test_no_user_path_reaches_the_file_system(client):
    for path in ("/static/../app.py", "/static/..%2fapp.py", "/static/%2e%2e/%2e%2e/pyproject.toml",
                 "/static//etc/passwd", "/articles/..%2F..%2Fetc%2Fpasswd", "/people/..%2f..%2fetc%2fpasswd"):
        r = client.get(path)
        assert r.status_code in (400, 404), (path, r.status_code)
        assert "root:" not in r.text and "create_app" not in r.text


def test_missing_or_foreign_database_is_refused(tmp_path):
    from newsgraph.store import StoreError

    with pytest.raises(StoreError):
        create_app(tmp_path / "absent.db")
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)")
    with pytest.raises(StoreError):
        create_app(other)


def test_serve_command_registers_on_a_typer_app(tmp_path):
    import typer
    from typer.testing import CliRunner

    from newsgraph.web.command import register

    app = typer.Typer()

    @app.callback()
    def main() -> None:
        pass

    register(app)
    runner = CliRunner()
    help_text = runner.invoke(app, ["serve", "--help"], env={"COLUMNS": "200"}).output
    for option in ("--db", "--host", "--port", "--open", "--no-open"):
        assert option in help_text
    assert "127.0.0.1" in help_text and "8000" in help_text
    result = runner.invoke(app, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1 and "no such database" in result.output


# -- units ----------------------------------------------------------------------------------------

def test_highlight_nests_overlapping_marks_and_keeps_the_text():
    page = "A said that B and C would go, then left."
    marks = [render.Mark(2, 28, 0, "span", {"class_": "quote"}, {"id": "q1"}),
             render.Mark(12, 35, 1, "span", {"class_": "fig"}),
             render.Mark(7, 14, 2, "strong", {"title": '"><script>'})]
    labels = [render.Label(28, render.Markup('<a href="#m-1">1</a>'))]
    html = str(render.highlight(page, 0, len(page), marks, labels))
    tags = parse(html)
    assert not tags.errors
    assert re.sub(r"<[^>]+>", "", html).replace("1", "", 1) == page
    assert html.count('id="q1"') == 1 and "<script>" not in html


def test_projection_and_map_points():
    assert geo.project(0, 0) == (0.0, 0.0)
    x, y = geo.project(67.01, 24.86)
    assert 0 < x < geo.WIDTH / 2 and -geo.HEIGHT / 2 < y < 0
    svg = str(render.world_map([{"lat": 24.86, "lon": 67.01, "label": "<b>Karachi</b>", "count": 3,
                                 "name": "<i>Karachi", "href": "/events?place=Karachi&x=<y>"}]))
    vx, vy, vw, vh = map(float, re.search(r'viewBox="([^"]+)"', svg).group(1).split())
    assert vx <= x <= vx + vw and vy <= y <= vy + vh
    assert "&lt;b&gt;Karachi" in svg and "<b>" not in svg and "<i>" not in svg and "&amp;x=&lt;y&gt;" in svg
    assert "<circle" not in str(render.world_map([]))


def test_timeline_buckets_follow_the_span():
    rows = [{"published": d} for d in ("2026-01-01", "2026-01-03", "2026-01-03")]
    svg = str(render.timeline_chart(rows))
    assert "2026-01-03: 2 quotes" in svg and "2026-01-02: 0 quotes" in svg
    rows = [{"published": d} for d in ("2024-01-05", "2025-06-01")]
    assert "2024-01: 1 quotes" in str(render.timeline_chart(rows))
    assert "undated" in str(render.timeline_chart(rows + [{"published": None}]))


# -- the OpenAPI schema, tested against the app with schemathesis -----------------------------------

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, settings  # noqa: E402


def test_api_conforms_to_its_openapi_schema(db):
    """Every endpoint of /openapi.json with generated parameters and bodies (schemathesis): no server
    error, and every response's status, content type and body are what the schema says; invalid
    input is refused with a 4xx, never a 5xx."""
    from hypothesis import Phase, given
    from hypothesis.errors import Unsatisfiable
    from schemathesis import GenerationMode
    from schemathesis.checks import not_a_server_error

    schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(db))
    operations = [result.ok() for result in schema.get_all_operations()]
    paths = {op.path for op in operations}
    assert {"/api/articles", "/api/articles/{article_id}", "/api/quotes", "/api/people/{name}", "/api/events",
            "/api/figures", "/api/claims", "/api/analyze"} <= paths
    failures = []
    for op in operations:
        for mode, examples in ((GenerationMode.POSITIVE, 15), (GenerationMode.NEGATIVE, 6)):
            @given(case=op.as_strategy(generation_mode=mode))
            @settings(max_examples=examples, deadline=None, suppress_health_check=list(HealthCheck),
                      phases=[Phase.explicit, Phase.generate], derandomize=True, database=None)
            def run(case):
                if mode is GenerationMode.POSITIVE:
                    case.call_and_validate()
                else:
                    case.call_and_validate(checks=[not_a_server_error])

            try:
                run()
            except Unsatisfiable:
                if mode is GenerationMode.POSITIVE:  # no invalid request exists for `GET /api/stats`
                    raise
            except Exception as exc:  # noqa: BLE001 - gather every operation's failure, then report
                failures.append(f"{op.method.upper()} {op.path} ({mode.value}): {exc}"[:2000])
    assert not failures, "\n\n".join(failures)


def test_figure_chart_legend_and_scale():
    values = [{"published": f"2026-01-{d:02d}", "value": 10.0 ** (d % 7), "source": f"S{d}"} for d in range(1, 20)]
    svg, legend = render.figure_chart(values, "USD")
    svg = str(svg)
    assert "log scale" in svg  # 1 to 1,000,000: a linear axis would flatten all but the largest
    assert len(legend) == render.SERIES and "12 other sources" in legend
    assert svg.count("<circle") == len(values)
    small = [{"published": "2026-02-01", "value": 40, "source": "<b>poll</b>"},
             {"published": "2026-02-03", "value": 42, "value_high": 45, "qualifier": "about", "source": "<b>poll</b>"}]
    svg, legend = render.figure_chart(small, "percent")
    assert "log scale" not in str(svg) and list(legend) == ["<b>poll</b>"]
    assert "&lt;b&gt;poll" in str(svg) and "<b>" not in str(svg)
    assert 'class="dot hedged' in str(svg) and 'class="range' in str(svg) and "<polyline" in str(svg)
