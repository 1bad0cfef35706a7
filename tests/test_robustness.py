"""Extraction on hostile pages: generated 5 MB pages of nothing but quotes, unbalanced marks.

These tests check that extraction finishes and gives consistent records; how its time grows
with the page size is measured by bench/linearity.py (no timing assertions here).
"""
from __future__ import annotations

import newsgraph

MB = 1_000_000


def _page(lines, size: int, head: str = "A page of quotes\n\n") -> str:
    out, total, i = [head], len(head), 0
    while total < size:
        line = lines[i % len(lines)].format(i=i)
        out.append(line + "\n")
        total += len(line) + 1
        i += 1
    return "".join(out)


def _check(text: str, articles) -> int:
    n = 0
    for a in articles:
        assert 0 <= a.start <= a.end <= len(text)
        for q in a.quotes:
            assert text[q.start:q.end] == q.text
            assert q.type in ("direct", "indirect", "mixed")
            n += 1
    return n


def test_five_megabytes_of_nothing_but_quotes():
    text = _page(["\u201cWe will keep going, day {i}, whatever it costs and whoever stands in the way.\u201d"], 5 * MB)
    articles = newsgraph.extract(text)
    assert articles
    _check(text, articles)


def test_five_megabytes_of_quotes_continuing_one_speaker():
    text = _page(["\u201cWe will keep going, day {i}, whatever it costs and whoever stands in the way.\u201d"],
                 5 * MB, head="Union leader Jane Doe told the rally:\n")
    articles = newsgraph.extract(text)
    n = _check(text, articles)
    assert n > 10_000
    assert {q.speaker for a in articles for q in a.quotes} == {"Jane Doe"}


def test_five_megabytes_of_unbalanced_marks():
    lines = [
        "\u201cAn opening mark with no end, number {i}, and \u201d a stray close \" straight \" \u201c again",
        "'single ' quotes' and apostrophes: Pakistan's '90s traders' \u2018half {i}",
        "\"\"\"\u201c\u201c\u201d\u201d'' `` \u00ab \u00bb \u201e",
    ]
    text = _page(lines, 5 * MB)
    articles = newsgraph.extract(text)
    _check(text, articles)


def test_attributed_quotes_on_a_long_page_keep_their_speakers():
    lines = ["\u201cWe will keep going, number {i},\u201d said Minister Jane Doe. "
             "She added that the plan was \u201con track\u201d for the year."]
    text = _page(lines, 60_000)
    articles = newsgraph.extract(text)
    quotes = [q for a in articles for q in a.quotes]
    assert len(quotes) > 500
    assert all(q.speaker == "Jane Doe" for q in quotes)
    _check(text, articles)
