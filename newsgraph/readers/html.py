"""HTML pages (.html, .htm): the article text, title and metadata found by trafilatura.

``Document.text`` is the title, a blank line, then the main text with one paragraph
per line, so the headline sits at the top of the page and every offset points
into the stored string.
"""
from __future__ import annotations

import re
from typing import Any

import trafilatura

from ..model import Document
from .dates import normalize_date
from .decode import DecodeError, decode_bytes, normalize_newlines
from .errors import ReadError

EXTENSIONS = (".html", ".htm", ".xhtml")

_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,512}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.IGNORECASE
)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_HTML_START = re.compile(r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]", re.IGNORECASE)
_HTML_TAG = re.compile(
    r"</?(?:p|div|span|a|br|article|section|h[1-6]|ul|ol|li|table|img|meta|script|title)\b[^<>]*>",
    re.IGNORECASE,
)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_META_FIELDS = ("author", "sitename", "description", "hostname", "categories", "tags",
                "language", "image", "pagetype", "license")


def declared_charset(data: bytes) -> str | None:
    """The encoding an HTML page declares in a ``<meta>`` tag in its first 4 kB."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii", "ignore") if match else None


def looks_like_html(text: str) -> bool:
    """A doctype, ``<html>``/``<head>``/``<body>``, or several common tags near the start."""
    head = text[:8192]
    if _HTML_START.search(head):
        return True
    return len(_HTML_TAG.findall(head)) >= 3


def _same_line(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _has_article_text(text: str) -> bool:
    """At least one line of prose: five words, or ten CJK characters."""
    for line in text.split("\n"):
        if len(line.split()) >= 5 or len(_CJK.findall(line)) >= 10:
            return True
    return False


def _clean_lines(text: str) -> str:
    lines = [line.rstrip() for line in normalize_newlines(text).split("\n")]
    return "\n".join(lines).strip("\n")


def html_document(html: str, source: str, *, url: str | None = None) -> Document:
    """Extract the article from decoded HTML; raises :class:`ReadError` when there is none."""
    html = _XML_DECL.sub("", html, count=1)  # lxml refuses str input with an encoding declaration
    if url is None and source.startswith(("http://", "https://")):
        url = source
    try:
        result = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            include_formatting=False,
            deduplicate=False,
        )
    except Exception as exc:  # lxml/trafilatura errors on broken markup
        raise ReadError(source, f"cannot parse HTML: {type(exc).__name__}: {exc}") from None
    if result is None:
        raise ReadError(source, "no article text found in HTML")
    data: dict[str, Any] = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    body = _clean_lines(data.get("text") or "")
    title = " ".join((data.get("title") or "").split()) or None
    if title and body:
        first, _, rest = body.partition("\n")
        if _same_line(first, title):
            body = rest.lstrip("\n")
    if not body or not _has_article_text(body):
        raise ReadError(source, "no article text found in HTML")
    text = f"{title}\n\n{body}" if title else body
    meta: dict[str, Any] = {}
    for key in _META_FIELDS:
        value = data.get(key)
        if value:
            meta[key] = value
    raw_date = data.get("date")
    published = normalize_date(raw_date)
    if raw_date and not published:
        meta["published_raw"] = raw_date
    return Document(
        text=text,
        source=source,
        kind="html",
        title=title,
        url=data.get("url") or url,
        published=published,
        meta=meta,
    )


def read_html(data: bytes, source: str) -> Document:
    """Decode an HTML page (BOM, UTF-8, its ``<meta charset>``, then detection) and extract it."""
    try:
        html = decode_bytes(data, declared=declared_charset(data))
    except DecodeError as exc:
        raise ReadError(source, exc.reason) from None
    return html_document(html, source)
