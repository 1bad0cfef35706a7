"""newsgraph: who said what, who did what, according to whom."""

from .model import Article, Document, Quote, Speaker


def extract(text_or_html: str, **hints):
    """Articles with attributed quotes from a page of text or HTML (see :func:`newsgraph.pipeline.extract`)."""
    from .pipeline import extract as _extract

    return _extract(text_or_html, **hints)


def document(text_or_html: str, **hints):
    """The document whose ``text`` every offset of :func:`extract`'s records points into."""
    from .pipeline import document as _document

    return _document(text_or_html, **hints)


__all__ = ["extract", "document", "Article", "Document", "Quote", "Speaker"]
