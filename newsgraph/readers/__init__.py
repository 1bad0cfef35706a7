"""Input readers: files, directories, globs, stdin and in-memory bytes -> Documents.

``read_paths`` is a generator of :class:`~newsgraph.model.Document` and
:class:`ReadError` items: one failing input yields its error and reading goes on.
``read_bytes`` reads one in-memory input and raises :class:`ReadError`.

Kinds: ``text`` (.txt, .text, .md), ``html`` (.html, .htm, .xhtml, through
trafilatura), ``jsonl`` (.jsonl, .ndjson, one document per line) and ``warc``
(.warc, .warc.gz crawls: one document per HTML page, other records yield
:class:`Skipped`). Input without a known extension (stdin, URLs, other files named
explicitly) is sniffed: WARC when it starts like one, JSONL when every non-empty line
is a JSON object with ``"text"``, HTML when it looks like HTML, text otherwise.

:class:`Skipped` is the :class:`ReadError` of an item that is not an article (a WARC
record of a PDF, a 404, a request); its ``category`` names the reason for counting.
"""
from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterable, Iterator
from typing import IO
from urllib.parse import urlsplit

from ..model import Document
from . import html as _html
from . import jsonl as _jsonl
from . import text as _text
from . import warc as _warc
from .decode import DecodeError, decode_bytes
from .errors import ReadError, Skipped, format_size, too_large
from .paths import KIND_BY_EXTENSION, expand_path, kind_of

__all__ = ["ReadError", "Skipped", "read_paths", "read_bytes", "guess_kind", "KIND_BY_EXTENSION",
           "format_size", "STDIN"]

STDIN = "<stdin>"
DEFAULT_MAX_BYTES = 25_000_000


def kind_from_name(source: str) -> str | None:
    """The kind a path or URL's extension names, or None."""
    path = urlsplit(source).path if "://" in source else source
    return kind_of(path)


def guess_kind(text: str) -> str:
    """``jsonl``, ``html`` or ``text`` for decoded content with no telling name."""
    if text.lstrip().startswith("{") and _jsonl.looks_like_jsonl(text):
        return "jsonl"
    if _html.looks_like_html(text):
        return "html"
    return "text"


def _decode(data: bytes, source: str, kind: str | None) -> str:
    declared = _html.declared_charset(data) if kind in (None, "html") else None
    try:
        return decode_bytes(data, declared=declared)
    except DecodeError as exc:
        raise ReadError(source, exc.reason) from None


def _documents(data: bytes, source: str, kind: str | None) -> Iterator[Document | ReadError]:
    """The documents of one in-memory input; JSONL line errors and WARC records that are
    skipped or damaged are yielded, the rest raised."""
    if kind is None:
        kind = kind_from_name(source)
    if kind is None and _warc.looks_like_warc(data[:512]):
        kind = "warc"
    if kind == "warc":
        yield from _warc.read_warc_bytes(data, source)
        return
    text = _decode(data, source, kind)
    if kind is None:
        kind = guess_kind(text)
    if kind == "html":
        yield _html.html_document(text, source)
    elif kind == "jsonl":
        yield from _jsonl.iter_text(text, source)
    elif kind in ("text", "stdin"):
        yield _text.text_document(text, source)
    else:
        raise ReadError(source, f"unknown input kind {kind!r}")


def read_bytes(data: bytes, source: str, kind: str | None = None, *,
               max_bytes: int | None = None) -> list[Document]:
    """Read one in-memory input (a page, a JSONL corpus, a WARC) into documents.

    ``kind`` is ``text``, ``html``, ``jsonl`` or ``warc``; by default it comes from
    ``source``'s extension, else from the content. Raises :class:`ReadError` for bad
    input, for JSONL on its first bad line (``source:line``); WARC records that are not
    articles (:class:`Skipped`) are left out.
    """
    if max_bytes is not None and len(data) > max_bytes:
        raise ReadError(source, too_large(len(data), max_bytes))
    documents: list[Document] = []
    for item in _documents(data, source, kind):
        if isinstance(item, Skipped):
            continue
        if isinstance(item, ReadError):
            raise item
        documents.append(item)
    return documents


def _iter_bytes(data: bytes, source: str, kind: str | None) -> Iterator[Document | ReadError]:
    try:
        yield from _documents(data, source, kind)
    except ReadError as err:
        yield err


def _read_stdin(stream: IO | None, max_bytes: int) -> Iterator[Document | ReadError]:
    stream = stream if stream is not None else sys.stdin
    if stream is None:
        yield ReadError(STDIN, "no standard input")
        return
    binary = getattr(stream, "buffer", None)
    if binary is not None:
        data = binary.read(max_bytes + 1)
    else:
        chunk = stream.read(max_bytes + 1)
        data = chunk if isinstance(chunk, bytes) else chunk.encode("utf-8", "surrogatepass")
    if len(data) > max_bytes:
        yield ReadError(STDIN, f"too large: over the {format_size(max_bytes)} limit")
        return
    yield from _iter_bytes(data, STDIN, None)


def _read_file(path: str, kind: str | None, max_bytes: int) -> Iterator[Document | ReadError]:
    info = os.stat(path)
    if stat.S_ISDIR(info.st_mode):
        raise ReadError(path, "is a directory")
    if kind == "jsonl":
        yield from _jsonl.iter_file(path, max_bytes=max_bytes)
        return
    if kind is None and stat.S_ISREG(info.st_mode):
        with open(path, "rb") as handle:
            if _warc.looks_like_warc(handle.read(512)):
                kind = "warc"
    if kind == "warc":  # streamed record by record: max_bytes limits each record
        yield from _warc.read_warc(path, max_bytes=max_bytes)
        return
    if stat.S_ISREG(info.st_mode) and info.st_size > max_bytes:
        raise ReadError(path, too_large(info.st_size, max_bytes))
    with open(path, "rb") as handle:
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:  # grew since stat, or a pipe/device
        raise ReadError(path, too_large(len(data), max_bytes))
    yield from _documents(data, path, kind)


def _os_reason(exc: OSError) -> str:
    return (exc.strerror or type(exc).__name__).lower()


def read_paths(paths: Iterable[str], *, max_bytes: int = DEFAULT_MAX_BYTES,
               stdin: IO | None = None) -> Iterator[Document | ReadError]:
    """Read files, directories (recursively, sorted, known extensions, no hidden files),
    glob patterns (``**`` too) and ``-`` (standard input, or ``stdin`` when given).

    Yields documents and, for each input that fails, a :class:`ReadError`; never raises
    for one input. WARC records that are not articles yield :class:`Skipped` (a
    ReadError subclass with a ``category``). ``max_bytes`` limits each file (for JSONL,
    each line; for WARC, each record's payload).
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    seen: set[str] = set()
    for arg in paths:
        arg = os.fspath(arg)
        if arg == "-":
            try:
                yield from _read_stdin(stdin, max_bytes)
            except ReadError as err:
                yield err
            except Exception as exc:  # noqa: BLE001 - one input never stops the batch
                yield ReadError(STDIN, f"{type(exc).__name__}: {exc}")
            continue
        for entry in expand_path(arg):
            if isinstance(entry, ReadError):
                yield entry
                continue
            path, kind = entry
            key = os.path.realpath(path)
            if key in seen:
                continue
            seen.add(key)
            try:
                yield from _read_file(path, kind, max_bytes)
            except ReadError as err:
                yield err
            except FileNotFoundError:
                yield ReadError(path, "no such file or directory")
            except OSError as exc:
                yield ReadError(path, _os_reason(exc))
            except Exception as exc:  # noqa: BLE001 - one input never stops the batch
                yield ReadError(path, f"{type(exc).__name__}: {exc}")
