"""Tests of newsgraph.layout: scraped pages -> articles with exact offsets.

Every page under tests/data/layout/ (invented articles) has a JSON sidecar with the expected
parts of each article; the bundled examples/ pages are checked against the gold metadata.
"""
from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from newsgraph.layout import find_date, parse_date, split_page
from newsgraph.model import Article, Part

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "layout"
EXAMPLES = ROOT / "examples"
SHARED_GOLD = ROOT.parent / "shared" / "data" / "quotes" / "examples" / "gold.jsonl"

PAGES = sorted(DATA.glob("*.txt"))


def read(path: Path) -> str:
    # newline="" keeps the page byte for byte (no newline translation).
    with open(path, encoding="utf-8", newline="") as fh:
        return fh.read()


def text_of(part: Part | None) -> str | None:
    return part.text if part is not None else None


def check_invariants(text: str, articles: list[Article], document_id: str = "doc") -> None:
    """Offsets are exact, articles tile the page, parts are stripped and in their article."""
    if not articles:
        return
    assert articles[0].start == 0
    assert articles[-1].end == len(text)
    for a, b in zip(articles, articles[1:]):
        assert a.end == b.start
        assert a.start < a.end
    for k, art in enumerate(articles):
        assert art.index == k
        assert art.document_id == document_id
        assert art.id == f"{document_id}-{k}"
        assert not art.quotes
        parts = [art.headline, art.dateline, art.caption, *art.bullets, *art.paragraphs]
        for part in parts:
            if part is None:
                continue
            assert text[part.start:part.end] == part.text
            assert part.text and part.text == part.text.strip()
            assert art.start <= part.start < part.end <= art.end
        starts = [p.start for p in art.paragraphs]
        assert starts == sorted(starts)
        for p, q in zip(art.paragraphs, art.paragraphs[1:]):
            assert p.end <= q.start
        if art.dateline is not None:
            assert any(p.start <= art.dateline.start and art.dateline.end <= p.end
                       for p in art.paragraphs[:2])
        for p in art.paragraphs:
            assert art.headline is None or p.text != art.headline.text
        if art is not articles[-1]:
            assert not art.truncated


@pytest.mark.parametrize("path", PAGES, ids=[p.stem for p in PAGES])
def test_page_parts(path: Path) -> None:
    text = read(path)
    spec = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    hints = spec.get("hints", {})
    articles = split_page(text, "doc", title=hints.get("title"),
                          published=hints.get("published"))
    check_invariants(text, articles)
    expected = spec["articles"]
    got = [
        {
            "starts_with": text[a.start:a.start + len(e["starts_with"])],
            "headline": text_of(a.headline),
            "published": a.published,
            "updated": a.updated,
            "dateline": text_of(a.dateline),
            "caption": text_of(a.caption),
            "credit": a.credit,
            "bullets": [b.text for b in a.bullets],
            "paragraphs": [p.text for p in a.paragraphs],
            "truncated": a.truncated,
        }
        for a, e in zip(articles, expected)
    ]
    assert len(articles) == len(expected)
    assert got == expected


def test_every_page_has_a_sidecar() -> None:
    assert len(PAGES) >= 15
    for path in PAGES:
        assert path.with_suffix(".json").exists(), path


@pytest.mark.parametrize("name", ["01_two_articles_scraped", "07_crlf_normalised_blank_paragraphs",
                                  "14_hard_wrapped_lines"])
def test_crlf_and_cr_line_ends(name: str) -> None:
    text = read(DATA / f"{name}.txt")
    base = split_page(text)
    for eol in ("\r\n", "\r"):
        other = text.replace("\n", eol)
        got = split_page(other)
        check_invariants(other, got, "")
        assert [text_of(a.headline) for a in got] == [text_of(a.headline) for a in base]
        assert [[p.text.replace(eol, "\n") for p in a.paragraphs] for a in got] == \
               [[p.text for p in a.paragraphs] for a in base]
        assert [[b.text for b in a.bullets] for a in got] == [[b.text for b in a.bullets]
                                                              for a in base]
        assert [text_of(a.dateline) for a in got] == [text_of(a.dateline) for a in base]


def test_empty_and_blank_pages() -> None:
    assert split_page("") == []
    assert split_page("   \n\n\t \n") == []
    assert split_page("\ufeff\n") == []


def test_title_hint_decides_first_line() -> None:
    body = ("Shares in Nordline rose 4% on Friday.\n\n"
            "The company said sales had doubled.\n\nAnalysts were surprised.\n")
    # Without a hint, a short first line reads like a plain page's title.
    page = "Nordline shares jump on strong sales\n\n" + body
    assert text_of(split_page(page)[0].headline) == "Nordline shares jump on strong sales"
    # A hint that names another title says the first line is body text.
    arts = split_page(body, title="Nordline results beat forecasts")
    assert arts[0].headline is None
    assert arts[0].paragraphs[0].text == "Shares in Nordline rose 4% on Friday."
    # A hint matching the first line (site name appended) makes it the headline.
    arts = split_page("Shares in Nordline rose 4% on Friday.\n\n" + body,
                      title="Shares in Nordline rose 4% on Friday - Daily Ledger")
    assert text_of(arts[0].headline) == "Shares in Nordline rose 4% on Friday."


def test_lead_sentence_is_not_a_title() -> None:
    page = ("The country's jobless total rose for the second month in a row in December, "
            "official figures have shown.\n\nThe number of people out of work rose by 12,000.\n")
    arts = split_page(page)
    assert arts[0].headline is None
    assert len(arts[0].paragraphs) == 2


def test_headline_with_deck_after_semicolon() -> None:
    page = ("Jobs report lifts the governing party;\nA rise in hourly pay could blunt "
            "criticism.\n\nThe jobs report cheered ministers on Friday.\n")
    arts = split_page(page)
    assert text_of(arts[0].headline) == "Jobs report lifts the governing party;"
    assert arts[0].paragraphs[0].text == "A rise in hourly pay could blunt criticism."


def test_chrome_lines_never_become_paragraphs() -> None:
    chrome = ["Short Url", "Share", "Tweet", "Print", "Email", "Advertisement", "Read more",
              "Subscribe", "Published 3 March 2026 12:04", "Last updated: 4 March 2026",
              "Follow us on Instagram", "Comments", "Listen to this article", "5 min read",
              "Image credit: Getty Images", "Updated 06 October 2024", "Follow",
              "Share | Tweet | Email", "By Jane Doe | 3 min read", "***"]
    body = "KARACHI: The first paragraph of the story, told in full.\n"
    page = "A headline for the chrome test page\n\n" + "\n".join(chrome) + "\n\n" + body
    page += "\n".join(chrome) + "\nThe last paragraph, also complete.\n"
    arts = split_page(page)
    assert len(arts) == 1
    assert [p.text for p in arts[0].paragraphs] == [
        "KARACHI: The first paragraph of the story, told in full.",
        "The last paragraph, also complete."]
    assert arts[0].published == "2026-03-03T12:04"
    assert arts[0].updated == "2026-03-04"
    assert arts[0].credit == "Getty Images"


def test_text_that_looks_like_chrome_stays() -> None:
    page = ("Council votes on new parks budget\n\n"
            "Published reports say the council will vote on Monday.\n"
            "Share prices of the contractor fell 3% after the vote.\n"
            "Follow the money, the opposition leader told reporters.\n"
            "Updated figures will be released next week.\n")
    arts = split_page(page)
    assert [p.text.split()[0] for p in arts[0].paragraphs] == [
        "Published", "Share", "Follow", "Updated"]


def summary(page: str, **hints) -> list[tuple]:
    arts = split_page(page, **hints)
    check_invariants(page, arts, "")
    return [(text_of(a.headline), text_of(a.caption), [p.text for p in a.paragraphs])
            for a in arts]


def test_body_line_between_date_lines_is_not_a_caption() -> None:
    page = ("Minister resigns over housing scandal\n\nUpdated 3 March 2026\n\n"
            "The housing minister resigned on Tuesday.\n"
            "Reporting by Jane Doe; editing by John Roe\nPublished 3 March 2026\n\n"
            "River levels fall after week of floods\n\nUpdated 4 March 2026\n\n"
            "The river fell by a metre overnight.\n")
    assert summary(page) == [
        ("Minister resigns over housing scandal", None,
         ["The housing minister resigned on Tuesday."]),
        ("River levels fall after week of floods", None,
         ["The river fell by a metre overnight."]),
    ]


def test_caption_without_credit_before_repeated_headline() -> None:
    page = ("Minister resigns over housing scandal\n\nUpdated 3 March 2026\n\n"
            "The minister leaves his office\n\nMinister resigns over housing scandal\n\n"
            "The minister resigned on Tuesday.\n")
    assert summary(page) == [("Minister resigns over housing scandal",
                              "The minister leaves his office",
                              ["The minister resigned on Tuesday."])]


def test_advertisement_after_first_paragraph_does_not_make_it_a_caption() -> None:
    page = ("Minister resigns over housing scandal\n\nThe minister resigned on Tuesday\n"
            "Advertisement\nHe denied wrongdoing.\n")
    assert summary(page) == [("Minister resigns over housing scandal", None,
                              ["The minister resigned on Tuesday", "He denied wrongdoing."])]


def test_repeated_headlines_without_chrome_split_articles() -> None:
    page = ("Minister resigns over housing scandal\n\nMinister resigns over housing scandal\n\n"
            "The minister resigned on Tuesday.\nHe denied wrongdoing.\n\n"
            "River levels fall after week of floods\n\nRiver levels fall after week of floods\n\n"
            "The river fell by a metre overnight.\nResidents began to return.\n")
    assert summary(page) == [
        ("Minister resigns over housing scandal", None,
         ["The minister resigned on Tuesday.", "He denied wrongdoing."]),
        ("River levels fall after week of floods", None,
         ["The river fell by a metre overnight.", "Residents began to return."]),
    ]


def test_live_blog_timestamps_do_not_start_articles() -> None:
    page = ("The Latest: Storm reaches the coast\n\n"
            "PORT ELMSWORTH (AP) — The latest on the storm (all times local):\n\n"
            "7:05 p.m.\n\nThe mayor says the shelters are full.\n\n"
            "She says buses will take people inland “as long as it takes.”\n\n___.\n\n"
            "6:40 p.m.\n\nThe port has closed for the night.\n")
    arts = split_page(page)
    assert len(arts) == 1
    assert [p.text for p in arts[0].paragraphs] == [
        "PORT ELMSWORTH (AP) — The latest on the storm (all times local):",
        "The mayor says the shelters are full.",
        "She says buses will take people inland “as long as it takes.”",
        "The port has closed for the night."]


def test_related_links_after_wide_gap_are_not_an_article() -> None:
    page = ("Talks end without a deal\n\nUpdated 3 March 2026\n\n"
            "The talks ended on Tuesday without a deal.\n\nBoth sides will meet again.\n\n\n\n"
            "Harbour strike enters its second week\nCourt halts demolition of market\n"
            "Vaccine trial shows strong results\n")
    arts = split_page(page)
    assert len(arts) == 1


@pytest.mark.parametrize("line, place", [
    ("KARACHI: The city said.", "KARACHI"),
    ("PORT ELMSWORTH: Workers struck.", "PORT ELMSWORTH"),
    ("WASHINGTON (Reuters) - The Senate voted.", "WASHINGTON"),
    ("LONDON — Fares rose.", "LONDON"),
    ("Gaza City, March 3 (AP) — Talks resumed.", "Gaza City"),
    ("NEW DELHI, Oct 6: Rain fell.", "NEW DELHI"),
    ("HEMPSTEAD, N.Y., Sept. 26 (UPI) — A candidate spoke.", "HEMPSTEAD, N.Y."),
    ("WASHINGTON -- The president spoke.", "WASHINGTON"),
    ("BREAKING: The president spoke.", None),
    ("The president said: we will win.", None),
    ("Officials in Karachi — the port city — said so.", None),
])
def test_datelines(line: str, place: str | None) -> None:
    page = f"Headline for a dateline test\n\nUpdated 06 October 2024\n\n{line}\nMore text.\n"
    art = split_page(page)[0]
    assert text_of(art.dateline) == place
    assert art.paragraphs[0].text == line


@pytest.mark.parametrize("caption, text, credit", [
    ("Smoke rises over the port. (AFP)", "Smoke rises over the port.", "AFP"),
    ("Smoke rises over the port. (AP Photo/Jane Doe)", "Smoke rises over the port.",
     "AP Photo/Jane Doe"),
    ("Smoke rises over the port. Photo: Reuters", "Smoke rises over the port.", "Reuters"),
    ("Smoke rises over the port. (Reuters/File)", "Smoke rises over the port.", "Reuters/File"),
    ("Smoke rises over the port. (Photo by Ana Ruiz)", "Smoke rises over the port.", "Ana Ruiz"),
    ("Smoke rises over the port", "Smoke rises over the port", None),
])
def test_captions_and_credits(caption: str, text: str, credit: str | None) -> None:
    page = (f"Fire breaks out at the port\n\n{caption}\nShort Url\nUpdated 06 October 2024\n\n"
            "Fire breaks out at the port\n\nThe fire started at dawn.\n")
    art = split_page(page)[0]
    assert text_of(art.caption) == text
    assert art.credit == credit
    assert [p.text for p in art.paragraphs] == ["The fire started at dawn."]


@pytest.mark.parametrize("raw, iso", [
    ("06 October 2024", "2024-10-06"),
    ("October 6, 2024", "2024-10-06"),
    ("6 Oct 2024", "2024-10-06"),
    ("Oct. 6, 2024", "2024-10-06"),
    ("Sunday, 6th October 2024", "2024-10-06"),
    ("2024-10-06", "2024-10-06"),
    ("2024-10-06T12:04:00", "2024-10-06T12:04"),
    ("2024-10-06T12:04:30+03:00", "2024-10-06T12:04:30+03:00"),
    ("2024-10-06 12:04Z", "2024-10-06T12:04Z"),
    ("06 October 2024 12:04", "2024-10-06T12:04"),
    ("October 6, 2024 12:04 PM", "2024-10-06T12:04"),
    ("October 6, 2024 12:04 AM", "2024-10-06T00:04"),
    ("6 Oct 2024 3:15 p.m.", "2024-10-06T15:15"),
    ("Mon, 06 Oct 2024 08:00:00 GMT", "2024-10-06T08:00Z"),
    ("Mon, 06 Oct 2024 08:00:00 +0200", "2024-10-06T08:00+02:00"),
    ("2024/10/06", "2024-10-06"),
    ("25/12/2024", "2024-12-25"),
    ("12/25/2024", "2024-12-25"),
    ("07/10/2024", None),           # day and month cannot be told apart
    ("31 February 2024", None),
    ("October 2024", None),
    ("Oct 6", None),
    ("3 hours ago", None),
    ("yesterday", None),
    ("", None),
    ("not a date at all", None),
    ("2024-13-45", None),
    ("99:99 6 Oct 2024", "2024-10-06"),
    ("6 Oct 2024 6 Nov 2024", None),
    ("x" * 500, None),
])
def test_parse_date(raw: str, iso: str | None) -> None:
    assert parse_date(raw) == iso


def test_find_date_in_running_text() -> None:
    assert find_date("Members march in Port Elmsworth on March 3, 2026.") == "2026-03-03"
    assert find_date("Taken on 5 June 2025 near the port") == "2025-06-05"
    assert find_date("No date here, only 2026 and March.") is None
    assert find_date("On February 30, 2024 nothing happened") is None


def test_published_hint_is_fallback_and_odd_hints_are_ignored() -> None:
    page = "Officials met on Monday.\nThey agreed to meet again.\n"
    assert split_page(page, published="2024-10-06")[0].published == "2024-10-06"
    assert split_page(page, published="Sunday 6 October 2024")[0].published == "2024-10-06"
    assert split_page(page, published="next week sometime")[0].published is None
    assert split_page(page, published="")[0].published is None


def test_examples_against_gold_meta() -> None:
    expected = json.loads((DATA / "examples.json").read_text(encoding="utf-8"))
    for name, metas in expected.items():
        text = read(EXAMPLES / name)
        articles = split_page(text, name)
        check_invariants(text, articles, name)
        got = [{"headline": text_of(a.headline), "published": a.published,
                "dateline": text_of(a.dateline), "start": a.start, "end": a.end,
                "truncated": a.truncated} for a in articles]
        want = [{"truncated": False, **m} for m in metas]
        assert got == want, name


@pytest.mark.skipif(not SHARED_GOLD.exists(), reason="shared gold data not available")
def test_shared_gold_examples() -> None:
    for line in SHARED_GOLD.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        articles = split_page(item["text"], item["id"])
        check_invariants(item["text"], articles, item["id"])
        got = [{"headline": text_of(a.headline), "published": a.published,
                "dateline": text_of(a.dateline), "start": a.start, "end": a.end,
                "truncated": a.truncated} for a in articles]
        want = [{"truncated": False, **m} for m in item["meta"]["articles"]]
        assert got == want, item["id"]


def test_all_examples_split_sensibly() -> None:
    for path in sorted(EXAMPLES.glob("page_*.txt")):
        text = read(path)
        articles = split_page(text, path.stem)
        check_invariants(text, articles, path.stem)
        assert articles, path
        for art in articles:
            assert art.headline is not None, path
            assert len(art.paragraphs) >= 2, path


def test_large_page_is_fast() -> None:
    unit = read(DATA / "04_four_articles_truncated.txt")
    unit = unit[:unit.rindex("warned that servi")] + "warned that services would suffer.\n\n\n"
    copies = 5_000_000 // len(unit) + 1
    page = unit * copies
    assert len(page) >= 5_000_000
    started = time.perf_counter()
    articles = split_page(page, "big")
    elapsed = time.perf_counter() - started
    assert elapsed < 10, elapsed
    assert len(articles) == 4 * copies
    assert articles[-1].end == len(page)
    assert not articles[-1].truncated
    assert sum(len(a.paragraphs) for a in articles) == 9 * copies
    sample = articles[-3]
    assert sample.headline.text == "India's monsoon rainfall ends 8% above average"
    assert page[sample.paragraphs[0].start:sample.paragraphs[0].end] == sample.paragraphs[0].text


@pytest.mark.parametrize("page", [
    "A" * 200_000 + ":",
    ("WORD " * 50_000) + "-",
    "(" * 100_000 + "AFP",
    "By " + "Jane " * 100_000,
    ("Updated " + "1 " * 50_000),
    ("x\n" * 50_000),
    ("Short line without end\n\n" * 20_000),
    ("• " * 100_000),
    (("Same headline again\n" * 3) + "\n") * 10_000,
    "Photo: " * 50_000 + "(Reuters)",
])
def test_pathological_pages_finish(page: str) -> None:
    started = time.perf_counter()
    articles = split_page(page)
    assert time.perf_counter() - started < 10
    check_invariants(page, articles, "")


def test_site_name_title_hint_does_not_hide_the_headline() -> None:
    page = "Harbour Bridge Reopens After Repairs\n\nThe bridge reopened on Monday.\n"
    assert text_of(split_page(page, title="Daily Ledger")[0].headline) == \
        "Harbour Bridge Reopens After Repairs"


def test_first_line_introducing_a_quote_is_body() -> None:
    page = ("The prime minister ended his address to parliament with a warning:\n"
            "“If we do not act now, our children will have to act for us.”\n"
            "Opposition members walked out before the vote.\n")
    art = split_page(page)[0]
    assert art.headline is None
    assert len(art.paragraphs) == 3
