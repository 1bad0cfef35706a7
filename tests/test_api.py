"""The Python API: extract() on text and HTML, offsets into document().text."""
from pathlib import Path

import newsgraph

HTML = (Path(__file__).parent / "data" / "readers" / "article.html").read_text(encoding="utf-8")


def test_extract_html_offsets_point_into_the_document_text():
    doc = newsgraph.document(HTML)
    articles = newsgraph.extract(HTML)
    assert len(articles) == 1 and articles[0].headline is not None
    assert doc.text[articles[0].headline.start:articles[0].headline.end] == articles[0].headline.text
    assert articles[0].quotes
    for q in articles[0].quotes:
        assert doc.text[q.start:q.end] == q.text and q.speaker
    for f in articles[0].figures:
        assert doc.text[f.start:f.end] == f.text


def test_extract_is_pure_and_deterministic():
    text = "A headline\n\nThe minister, Jane Roe, said the plan would cost 40 million euros. \u201cIt is fair,\u201d she said."
    a = [(q.text, q.speaker, q.type) for art in newsgraph.extract(text) for q in art.quotes]
    b = [(q.text, q.speaker, q.type) for art in newsgraph.extract(text) for q in art.quotes]
    assert a == b and ("It is fair", "Jane Roe", "direct") in a
