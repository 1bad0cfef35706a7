"""Plain-text pages (.txt, .text, .md, stdin): the decoded file is the document."""
from __future__ import annotations

from ..model import Document
from .decode import DecodeError, decode_bytes
from .errors import ReadError

EXTENSIONS = (".txt", ".text", ".md")


def text_document(text: str, source: str, *, kind: str = "text") -> Document:
    """A document whose text is ``text`` exactly (already decoded and newline-normalised)."""
    if not text.strip():
        raise ReadError(source, "empty file")
    return Document(text=text, source=source, kind=kind)


def read_text(data: bytes, source: str) -> Document:
    """Decode ``data`` and wrap it; raises :class:`ReadError`."""
    try:
        text = decode_bytes(data)
    except DecodeError as exc:
        raise ReadError(source, exc.reason) from None
    return text_document(text, source)
