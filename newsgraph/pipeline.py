"""extract(): one document in, typed records out. Pure: no I/O, no state but the loaded model.

The steps for a page:

1. :func:`newsgraph.layout.split_page` finds its articles and their parts;
2. every bullet and body paragraph is tokenised and split into sentences by rule;
3. only the sentences that can hold an attribution (a cue word outside quotation
   marks, ``according to``) go through the statistical pipeline (tagger, parser,
   NER), batched across documents;
4. :class:`newsgraph.extract.quotes.ArticleQuotes` finds the quotes and speakers.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import islice

from . import nlp
from .extractors import cues, events, marks, places
from .extractors.dates import find_dates
from .extractors.entities import article_entities
from .extractors.figures import find_figures
from .extractors.quotes import ArticleQuotes, Paragraph, Sentence
from .layout import split_page
from .model import Article, Document, Speaker, content_id

BATCH_DOCS = 32


def _paragraphs(article: Article) -> list[Paragraph]:
    parts = [Paragraph(b, "bullet") for b in article.bullets] + [Paragraph(p, "body") for p in article.paragraphs]
    parts.sort(key=lambda p: p.part.start)
    return parts


_AFTER_DATELINE = re.compile(r"[^\w(]*(?:,?\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*(?:\([^)\n]{1,40}\))?\s*[:\u2014\u2013-]+\s*")


def _body_offset(part, dateline) -> int:
    """Where the first sentence starts: after a dateline (`KARACHI:`, `LONDON (Reuters) -`), which
    is not part of the sentence and only confuses the parser."""
    if dateline is None or not (part.start <= dateline.start < part.end):
        return 0
    off = dateline.end - part.start
    m = _AFTER_DATELINE.match(part.text, off)
    return m.end() if m and m.end() < len(part.text) else 0


def _plan(page: str, articles: list[Article]):
    """Split paragraphs into sentences; return the works and the sentences to parse."""
    works, todo = [], []
    for art in articles:
        paras = _paragraphs(art)
        for p in paras:
            text = p.part.text
            quoted = marks.find(text)
            off = _body_offset(p.part, art.dateline)
            tokdoc = nlp.split(text[off:] if off else text)
            for sent in tokdoc.sents:
                s = Sentence(p.part.start + off + sent.start_char, p.part.start + off + sent.end_char)
                p.sentences.append(s)
                if _worth_parsing(sent, quoted, off):
                    todo.append((s, sent.as_doc()))
        works.append((art, paras))
    return works, todo


def _worth_parsing(sent, quoted, off: int = 0) -> bool:
    """A cue word or an event word outside long quoted stretches (words inside someone's quoted
    words don't count)."""
    triggers = _triggers()
    for tok in sent:
        if tok.lower_ in triggers:
            i = tok.idx + off  # paragraph-relative, like the quoted stretches
            if not any(q.start <= i < q.end and q.end - q.start > 40 for q in quoted):
                return True
    return False


@lru_cache(maxsize=1)
def _triggers() -> frozenset[str]:
    return frozenset(cues.TRIGGERS) | events.TRIGGERS


def _finish(doc: Document, works) -> list[Article]:
    out = []
    for art, paras in works:
        aq = ArticleQuotes(doc.text, paras, headline=art.headline, dateline=art.dateline)
        quotes = aq.run()
        for q in quotes:
            q.article_id = art.id
            q.id = content_id(f"{art.id}:{q.start}:{q.end}", 16)
        art.quotes = quotes
        art.speakers = _speakers(quotes)
        reference = (art.published or doc.published or "")[:10] or None
        dateline = places.dateline_place(art.dateline, doc.text) if art.dateline is not None else None
        if dateline is not None:
            art.places.append(dateline)
        for p in paras:
            art.dates.extend(find_dates(doc.text, p.part.start, p.part.end, reference=reference))
            art.figures.extend(find_figures(doc.text, p.part.start, p.part.end, quotes=quotes))
            ents = [(s.start + e.start_char, s.start + e.end_char, e.label_)
                    for s in p.sentences if s.doc is not None for e in s.doc.ents]
            found = places.find_places(doc.text, p.part.start, p.part.end, ents=ents, dateline=art.dateline)
            for pl in found:
                # with a parse, metonymy is read off the syntax (`Pakistan on Thursday accused India`)
                s = next((s for s in p.sentences if s.doc is not None and s.start <= pl.start < s.end), None)
                if s is not None and pl.country:
                    pl.metonymy = places.is_metonymic(doc.text, pl, s.doc)
            art.places.extend(found)
        for f in art.figures:
            f.article_id = art.id
            f.id = content_id(f"{art.id}:f:{f.start}:{f.end}", 16)
        # bullet highlights summarise the body, which tells the same events in full: code the body only
        art.events = events.find_events(doc.text, [s for p in paras if p.kind != "bullet" for s in p.sentences],
                                        quotes=[q for q in quotes if not _in_bullet(q, art)],
                                        places=art.places, dates=art.dates, figures=art.figures,
                                        dateline=dateline, published=reference)
        for e in art.events:
            e.actor = _state_name(e.actor)
            e.recipient = _state_name(e.recipient)
            e.article_id = art.id
            e.id = content_id(f"{art.id}:v:{e.start}:{e.trigger_start}:{e.type}", 16)
        parts = ([art.headline] if art.headline else []) + [p.part for p in paras]
        art.entities = article_entities(doc.text, parts, aq.registry, art.places, art.id,
                                        country_of=_country_of, place_word=_place_word)
        # a figure's source as the article names it elsewhere: `JI` -> `Jamaat-e-Islami`, `FO` -> `Foreign Office`
        names = {a: e.name for e in art.entities if e.kind in ("person", "organization") for a in e.aliases}
        for f in art.figures:
            if f.source and f.source.strip() in names:
                f.source = names[f.source.strip()]
        if dateline is not None and dateline.country:
            # people and bodies of an article datelined in a country are, unless the text says
            # otherwise, of that country (international bodies are of none)
            for e in art.entities:
                if e.country is None and e.kind in ("person", "organization") and not _INTERNATIONAL.search(e.name):
                    e.country = dateline.country
        art.source = art.source or doc.source
        art.url = art.url or doc.url
        out.append(art)
    return out


_INTERNATIONAL = re.compile(r"\b(?:International|United Nations|UN|World|Global|European|African Union|NATO|"
                            r"Amnesty|Human Rights Watch|Red Cross|Red Crescent|IMF|UNICEF|UNHCR|WHO|WFP|"
                            r"Doctors Without Borders|OPEC|ASEAN|Reuters|AFP|Associated Press)\b")


def _in_bullet(q, art: Article) -> bool:
    return any(b.start <= q.start < b.end for b in art.bullets)


def _state_name(name: str | None) -> str | None:
    """A state acting under a demonym or a short name gets its gazetteer name: `Israeli` -> `Israel`,
    `Britain` -> `United Kingdom`; anything else is kept as written."""
    if not name or " " in name.strip() and not name[:1].isupper():
        return name
    code = places.demonym_country(name)
    if code:
        return places.country_name(code) or name
    p = places.resolve(name)
    if p is not None and p.kind == "country" and p.confidence >= 0.8 and p.name and len(name.split()) <= 3:
        return p.name
    return name


def _place_word(name: str) -> bool:
    """`Israeli`, `Sri Lankan`, `Pakistan`: a demonym or a country, not an organisation's name."""
    if places.demonym_country(name):
        return True
    p = places.resolve(name)
    return p is not None and p.kind == "country" and p.confidence >= 0.8


def _country_of(text: str) -> str | None:
    """The country a role or an organisation's name states: a demonym (`Pakistani`) or a country name."""
    for word in re.findall(r"[A-Z][\w'\u2019-]+", text or ""):
        word = re.sub(r"['\u2019]s$", "", word)
        code = places.demonym_country(word)
        if code:
            return code
        p = places.resolve(word)
        if p is not None and p.kind == "country" and p.confidence >= 0.8:
            return p.country
    return None


def _speakers(quotes) -> list[Speaker]:
    by_name: dict[str, Speaker] = {}
    for q in quotes:
        if not q.speaker:
            continue
        sp = by_name.get(q.speaker)
        if sp is None:
            sp = by_name[q.speaker] = Speaker(q.speaker, q.speaker_kind)
        sp.quotes += 1
        if q.speaker_mention and q.speaker_mention != q.speaker and q.speaker_mention not in sp.aliases \
                and q.speaker_mention.lower() not in ("he", "she", "they", "it", "we", "i"):
            sp.aliases.append(q.speaker_mention)
        if q.speaker_role and q.speaker_role not in sp.roles:
            sp.roles.append(q.speaker_role)
    return list(by_name.values())


def _articles(doc: Document) -> list[Article]:
    arts = split_page(doc.text, doc.id, title=doc.title, published=doc.published)
    for a in arts:
        a.source = doc.source
        a.url = doc.url
    return arts


def process(document: Document) -> list[Article]:
    """Articles of one document with their quotes and speakers."""
    for _doc, result in process_many([document]):
        if isinstance(result, Exception):
            raise result
        return result
    return []


def process_many(documents: Iterable[Document], batch_docs: int = BATCH_DOCS
                 ) -> Iterator[tuple[Document, list[Article] | Exception]]:
    """Stream documents through the pipeline, batching the parser's work across documents.

    A document that fails yields ``(document, exception)``; the others go on.
    """
    it = iter(documents)
    while True:
        batch = list(islice(it, batch_docs))
        if not batch:
            return
        planned = []
        to_parse = []
        for doc in batch:
            try:
                works, todo = _plan(doc.text, _articles(doc))
            except Exception as exc:  # noqa: BLE001 - reported per document
                planned.append((doc, exc, 0, 0))
                continue
            planned.append((doc, works, len(to_parse), len(todo)))
            to_parse.extend(todo)
        parsed = list(nlp.parse(d for _, d in to_parse)) if to_parse else []
        for (s, _), pdoc in zip(to_parse, parsed):
            s.doc = pdoc
        for doc, works, _, _ in planned:
            if isinstance(works, Exception):
                yield doc, works
                continue
            try:
                yield doc, _finish(doc, works)
            except Exception as exc:  # noqa: BLE001 - reported per document
                yield doc, exc


def document(text_or_html: str, **hints) -> Document:
    """The :class:`Document` that :func:`extract` works on: for HTML, the article text trafilatura
    finds (with its headline first); all offsets of extracted records point into ``document.text``.

    Hints: ``source``, ``title``, ``url``, ``published``, ``kind`` ("text" or "html").
    """
    hints = dict(hints)
    kind = hints.pop("kind", None)
    source = hints.pop("source", "<string>")
    if kind == "html" or (kind is None and _looks_like_html(text_or_html)):
        from .readers.html import html_document

        doc = html_document(text_or_html, source, url=hints.get("url"))
        for k in ("title", "published"):
            if hints.get(k) and not getattr(doc, k):
                setattr(doc, k, hints[k])
        return doc
    return Document(text=text_or_html, source=source, kind="text", title=hints.get("title"),
                    url=hints.get("url"), published=hints.get("published"))


def extract(text_or_html: str, **hints) -> list[Article]:
    """Articles with quotes, speakers, figures and dates from a page of text or HTML.

    Offsets point into the page text; for HTML that is ``document(html).text``.
    Pure: nothing is read or written; the only state is the loaded spaCy model.
    """
    return process(document(text_or_html, **hints))


def _looks_like_html(text: str) -> bool:
    from .readers.html import looks_like_html

    return looks_like_html(text)
