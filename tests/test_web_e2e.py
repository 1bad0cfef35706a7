"""End-to-end: `newsgraph serve` in a subprocess on a free port, driven by Debian's Chromium (headless)
through Playwright: search, open an article and check its highlighted quotes and speakers, follow a
speaker to their page, paste text on the analyze page, use the keyboard, read it on a phone.

Skipped, with the reason, only where /usr/bin/chromium is absent (``make test`` installs it).
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"{CHROMIUM} is not installed (apt-get install chromium)"),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A store of the bundled examples (the real pipeline), served by the real command."""
    from newsgraph.model import Document
    from newsgraph.pipeline import process_many
    from newsgraph.readers import read_paths
    from newsgraph.store import Store

    db = tmp_path_factory.mktemp("e2e") / "examples.db"
    with Store(db) as store:
        docs = [d for d in read_paths([str(EXAMPLES)]) if isinstance(d, Document)]
        for document, result in process_many(docs):
            assert not isinstance(result, BaseException), result
            store.add(document, result)
    port = _free_port()
    code = ("import sys, typer; from newsgraph.web.command import register; app = typer.Typer(); "
            "register(app); app(sys.argv[1:])")
    proc = subprocess.Popen([sys.executable, "-c", code, "--db", str(db), "--port", str(port), "--no-open",
                             "--log-level", "warning"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    deadline = time.monotonic() + 60
    while True:
        if proc.poll() is not None:
            pytest.fail(f"server exited: {proc.stderr.read()}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            break
        except OSError:
            if time.monotonic() > deadline:
                proc.kill()
                pytest.fail("server did not start")
            time.sleep(0.1)
    yield f"http://127.0.0.1:{port}"
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()
    out = proc.stdout.read()
    assert f"127.0.0.1:{port}" in out  # it said where it serves


@pytest.fixture(scope="module")
def browser():
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    errors: list[str] = []
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.errors = errors
    yield pg
    context.close()


def test_search_then_open_an_article(server, page):
    page.goto(server + "/")
    page.fill("#q", "automation")
    page.press("#q", "Enter")
    page.wait_for_url("**/?q=automation**")
    first = page.locator(".articles .art h3 a").first
    assert "automation" in first.inner_text().lower()
    assert page.locator(".snip mark").count() >= 1
    first.click()
    page.wait_for_selector(".text .quote")
    assert page.url.startswith(server + "/articles/")
    assert not page.errors, page.errors


def test_article_quotes_are_highlighted_by_speaker(server, page):
    import httpx

    n = next(a["n"] for a in httpx.get(server + "/api/articles?limit=50").json()["items"]
             if "finance minister" in (a["headline"] or ""))
    quotes = httpx.get(f"{server}/api/articles/{n}").json()["quotes"]
    page.goto(f"{server}/articles/{n}")
    spans = page.locator(".text .quote")
    seen = set(spans.evaluate_all("els => els.map(e => e.dataset.q)"))
    assert seen == {str(i) for i in range(1, len(quotes) + 1)}
    # one colour per speaker, drawn: the computed background of each speaker's quotes
    colours = page.evaluate("""() => {
        const out = {};
        for (const el of document.querySelectorAll('.text .quote')) {
            out[el.dataset.q] = getComputedStyle(el).backgroundColor;
        }
        return out;
    }""")
    by_speaker: dict[str, set[str]] = {}
    for i, q in enumerate(quotes, 1):
        by_speaker.setdefault(q["speaker"] or "", set()).add(colours[str(i)])
    assert all(len(c) == 1 for c in by_speaker.values())
    haddad, strand = next(iter(by_speaker["Leila Haddad"])), next(iter(by_speaker["Victor Strand"]))
    assert haddad != strand and "rgba(0, 0, 0, 0)" not in (haddad, strand)
    # the margin: who said what, with roles; hovering a line lights up its quote in the text
    margin = page.locator(".whosaid li.wq")
    assert margin.count() == len(quotes)
    assert "Finance Minister" in page.locator(".whosaid").inner_text()
    k = next(i for i, q in enumerate(quotes, 1) if q["speaker"] == "Victor Strand")
    page.hover(f"#m-{k}")
    assert page.locator(f'.text .quote[data-q="{k}"].active').count() >= 1
    # the page's layout parts shown as such
    assert page.locator(".bullets li").count() >= 2
    assert page.locator("strong.dateline").inner_text() == "EASTBROOK"
    assert not page.errors, page.errors


def test_follow_a_speaker_to_their_page(server, page):
    import httpx

    n = next(a["n"] for a in httpx.get(server + "/api/articles?limit=50").json()["items"]
             if "automation" in (a["headline"] or ""))
    page.goto(f"{server}/articles/{n}")
    page.locator(".legend a", has_text="Marta Oyelaran").first.click()
    page.wait_for_selector("h1")
    assert page.locator("h1").inner_text() == "Marta Oyelaran"
    assert "HWU general secretary" in page.locator(".roles").inner_text()
    assert page.locator("svg.chart.timeline rect").count() >= 1
    assert page.locator(".quotes .qrow").count() == 3
    assert page.locator(".beside a", has_text="Daniel Brisco").count() == 1
    assert not page.errors, page.errors


def test_paste_text_on_the_analyze_page(server, page):
    page.goto(server + "/analyze")
    text = (EXAMPLES / "page_science.txt").read_text(encoding="utf-8")
    page.fill("textarea[name=text]", text)
    page.click("button[type=submit]")
    page.wait_for_selector("#result .quote", timeout=60_000)
    assert page.url == server + "/analyze"  # the result came in place (the page's script)
    result = page.locator("#result").inner_text()
    assert "Helen Marsh" in result and "who said what" in result.lower()
    assert page.locator("#result .text .quote").count() >= 5
    assert page.locator("textarea[name=text]").input_value() == text
    # a script in pasted text is shown, never run
    page.fill("textarea[name=text]", '"It is <img src=x onerror="window.pwned=1"> safe," said Ann Lee.')
    page.click("button[type=submit]")
    page.locator("#result .text", has_text="onerror").wait_for()
    assert page.evaluate("window.pwned") is None
    assert not page.errors, page.errors


def test_keyboard_reaches_search_and_quotes(server, page):
    page.goto(server + "/people")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.name") == "q"
    page.goto(server + "/articles/4")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    page.keyboard.press("Enter")
    for _ in range(60):  # tab through to the first quote number in the text
        page.keyboard.press("Tab")
        if "qref" in (page.evaluate("document.activeElement.className") or ""):
            break
    else:
        pytest.fail("no quote reference reachable with Tab")
    k = page.evaluate("document.activeElement.dataset.q")
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == f"#m-{k}"
    assert not page.errors, page.errors


@pytest.mark.parametrize("path", ["/", "/articles/6", "/people/Victor%20Strand", "/figures", "/claims", "/events",
                                  "/analyze"])
def test_readable_on_a_phone(server, browser, path):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    pg = context.new_page()
    pg.goto(server + path)
    width = pg.evaluate("document.documentElement.scrollWidth")
    assert width <= 392, f"{path} scrolls sideways on a phone ({width}px)"
    size = pg.evaluate("parseFloat(getComputedStyle(document.querySelector('main')).fontSize)")
    assert size >= 14
    context.close()
